"""A response's answers as plain records, with where each one was read (for located findings)."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from engine.definition.loaded import Definition
from engine.i18n import _
from engine.responses.model import Unreadable
from engine.responses.writer import Document, from_response
from engine.validation.findings import Finding
from engine.validation.sanitize import clean
from engine.validation.validator import read_answering


@dataclass(slots=True)
class Source:
    """One file taking part in a merge or a diff."""

    path: str
    """The file as messages name it."""
    document: Document
    marks: dict[str, tuple[int, int]] = field(default_factory=dict)
    """Line and column of each answer's key and of the header's keys; none for a Word form."""
    problems: list[Finding] = field(default_factory=list)
    """What could not be read (from a Word form: a field deleted, two boxes ticked …)."""

    def where(self, key: str) -> tuple[int, int]:
        """``(line, column)`` of ``key``; ``(0, 0)`` when the file has no lines (a Word form)."""
        return self.marks.get(key, (0, 0))


def read_source(path: Path) -> tuple[Source, Definition]:
    """A response file and its questionnaire; :class:`Unreadable` when it is not a response file."""
    response, definition = read_answering(path)
    if response.problems:
        first = response.problems[0]
        raise Unreadable(
            _("{message} — fix this first (untoc validate shows every problem): it would be lost here").format(message=first.message),
            first.mark,  # type: ignore[arg-type]
        )
    marks = {item_id: (a.key_mark.line, a.key_mark.column) for item_id, a in response.answers.items()}
    for key, located in (("questionnaire", response.questionnaire), ("state", response.state), ("language", response.language)):
        if located is not None:
            marks[key] = (located.mark.line, located.mark.column)
    return Source(clean(str(path)), from_response(response), marks), definition
