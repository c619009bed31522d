"""The questionnaire definition format as typed records (see docs/format.md).

These frozen dataclasses describe what a questionnaire file may say and hold the
source's wording verbatim. They import nothing heavy: the loader validates a
file against them with pydantic (``TypeAdapter``) only when the file is new or
changed, so a cold start does not pay for pydantic. Checks beyond types (codes,
numbering, non-empty texts and lists, options against the answer kind,
conditions) are done by :mod:`engine.definition.loader`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Literal

FORBID = {"extra": "forbid"}
"""pydantic configuration of every record: unknown keys are errors."""


class Instrument(StrEnum):
    """The four instruments under review; the Protocols are keyed by short names."""

    convention = "convention"
    trafficking = "trafficking"
    smuggling = "smuggling"
    firearms = "firearms"


class AnswerKind(StrEnum):
    """How an item is answered."""

    yes_partly_no = "yes-partly-no"
    yes_no = "yes-no"
    yes_no_na = "yes-no-na"
    yes_conditions_no_na = "yes-conditions-no-na"
    yes_partly_no_na = "yes-partly-no-na"
    choice = "choice"
    """One option among the listed ones."""
    choices = "choices"
    """Any number of the listed options."""
    text = "text"
    """Free text."""
    none = "none"
    """No answer of its own: a stem whose answers are in its sub-items, or a topic line."""


SCALE_VALUES: dict[AnswerKind, tuple[str, ...]] = {
    AnswerKind.yes_partly_no: ("yes", "partly", "no"),
    AnswerKind.yes_no: ("yes", "no"),
    AnswerKind.yes_no_na: ("yes", "no", "na"),
    AnswerKind.yes_conditions_no_na: ("yes", "conditions", "no", "na"),
    AnswerKind.yes_partly_no_na: ("yes", "partly", "no", "na"),
}
"""Answer codes of each scale, in the order the source prints them."""

SCALE_LABELS: dict[str, str] = {
    "yes": "Yes",
    "partly": "Yes, in part",
    "conditions": "Yes, under conditions",
    "no": "No",
    "na": "Not applicable",
}
"""English labels of the scale codes, as printed in the source."""

CODE_PATTERN = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
NUMBER_PATTERN = re.compile(r"^(\d+|\([a-z]+\)|[–-])$")

Code = str
"""An option or list code: lowercase words joined by hyphens (checked by the loader)."""
ListTopic = Literal["technical-assistance", "difficulties"]
"""Topics of option lists that ``untoc report`` gathers across questions and clusters."""
Text = str
"""Wording from the source: never empty (checked by the loader)."""


@dataclass(frozen=True, slots=True)
class Footnote:
    """A footnote of the source, attached to the item or heading it belongs to."""

    __pydantic_config__ = FORBID

    number: int
    text: Text


@dataclass(frozen=True, slots=True)
class Option:
    """One option of a list, with a stable code."""

    __pydantic_config__ = FORBID
    code: Code
    label: Text
    specify: bool = False
    """The option carries a text of its own ("Other (please specify)")."""


@dataclass(frozen=True)
class OptionList:
    """A named list of options, defined once and reused.

    ``base`` names another list; then each entry of ``options`` is either the code
    of one of the base's options (kept as it is) or a full option, which replaces
    the base's option of the same code or adds a new one. The difference from the
    base is thus written out, not hidden in a copy.
    """

    __pydantic_config__ = FORBID
    options: list[Option | Code]
    base: Code | None = None
    note: str | None = None
    topic: ListTopic | None = None
    """What the list asks about, for reports that gather it across questions and clusters
    (``technical-assistance``, ``difficulties``); a list based on another keeps its base's topic."""


@dataclass(frozen=True)
class Item:
    """A question, a sub-item or an unlabelled dash item."""

    __pydantic_config__ = FORBID
    number: str
    """The label as printed: ``3``, ``(a)``, ``(i)``, or ``–``/``-`` for a dash item."""
    text: Text
    answer: AnswerKind = AnswerKind.text
    options: list[Option] | Code | None = None
    """Inline options, or the name of a shared list (choice and choices only)."""
    when: str | None = None
    """Condition under which the item applies (see docs/format.md)."""
    condition_note: str | None = None
    """A condition of the source that no answer captures: kept, not evaluated."""
    voluntary: bool = False
    after_options: str | None = None
    """An instruction printed after the options ("Please explain, if needed.")."""
    footnotes: list[Footnote] = field(default_factory=list)
    items: list[Item] = field(default_factory=list)


@dataclass(frozen=True)
class Section:
    """An article heading or another heading of a part, with its questions."""

    __pydantic_config__ = FORBID
    heading: Text
    items: list[Item]
    kind: Literal["article", "other"] = "article"
    notes: list[Text] = field(default_factory=list)
    """Paragraphs printed under the heading, such as an applicability note."""
    when: str | None = None
    footnotes: list[Footnote] = field(default_factory=list)


@dataclass(frozen=True)
class Part:
    """The part of a cluster for one instrument."""

    __pydantic_config__ = FORBID
    instrument: Instrument
    title: Text
    """``I. United Nations Convention against Transnational Organized Crime``."""
    heading: Text
    """The scope line: ``Cluster I: criminalization and jurisdiction (arts. …)``."""
    sections: list[Section]
    when: str | None = None


@dataclass(frozen=True)
class Guidance:
    """Guidance printed before a part or section (the questionnaire's own instructions)."""

    __pydantic_config__ = FORBID
    heading: Text
    paragraphs: list[Text]


@dataclass(frozen=True)
class SourceRef:
    """Where in the source document a questionnaire is printed."""

    __pydantic_config__ = FORBID
    document: Text
    lines: list[int]


@dataclass(frozen=True)
class Questionnaire:
    """One cluster's self-assessment questionnaire."""

    __pydantic_config__ = FORBID
    id: str
    """``cluster1`` … ``cluster9`` (checked by the loader)."""
    cluster: str
    """The cluster's roman numeral."""
    annex: Text
    title: Text
    short_title: Text
    """Thematic name of the cluster, e.g. ``criminalization and jurisdiction``."""
    guidance: Guidance
    parts: list[Part]
    source: SourceRef | None = None
    lists: dict[Code, OptionList] = field(default_factory=dict)


@dataclass(frozen=True)
class ListsFile:
    """``questionnaires/lists.yaml``: option lists shared by several clusters."""

    __pydantic_config__ = FORBID
    lists: dict[Code, OptionList]
