"""What every check receives: the language's style, answer labels and terminology; what it reports."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from engine.i18n.checks.style import Style

if TYPE_CHECKING:
    from engine.i18n.checks.terms import Terminology


@dataclass(frozen=True, slots=True)
class Problem:
    """One problem of one message: a code of :data:`~engine.i18n.checks.codes.CODES` and a message."""

    code: str
    message: str


@dataclass(frozen=True, slots=True)
class Context:
    """The language being checked and the references the checks compare with."""

    lang: str
    style: Style
    labels: dict[str, str]
    """English answer label (casefolded) → the interface's label in this language."""
    terminology: Terminology
    english_labels: dict[str, str] = field(default_factory=dict)
    """English answer label as written in the source (casefolded) → the interface's English label."""
