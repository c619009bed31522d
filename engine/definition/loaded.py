"""A loaded questionnaire (:class:`Definition`) and the errors of loading one.

Kept apart from the loader so that code using a questionnaire, and the cache of built
questionnaires, need not import the loader, the condition parser or pydantic.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from engine.definition.index import Entry
from engine.definition.model import Part, Questionnaire
from engine.strict_yaml import Mark

if TYPE_CHECKING:
    from engine.conditions.resolve import Condition


@dataclass(frozen=True, slots=True)
class Problem:
    """A defect of a questionnaire file, located."""

    path: Path
    mark: Mark
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.mark.line}:{self.mark.column}: {self.message}"


class DefinitionError(Exception):
    """A questionnaire file that cannot be used, with every problem found."""

    def __init__(self, problems: list[Problem]) -> None:
        super().__init__("\n".join(str(p) for p in problems))
        self.problems = problems


@dataclass(slots=True)
class Definition:
    """A loaded questionnaire: the model, its items in order, and compiled conditions."""

    questionnaire: Questionnaire
    path: Path
    entries: dict[str, Entry]
    part_conditions: dict[int, Condition] = field(default_factory=dict)
    section_conditions: dict[int, Condition] = field(default_factory=dict)
    _placement: list[tuple[int, int]] | None = field(default=None, repr=False, compare=False)

    @property
    def id(self) -> str:
        return self.questionnaire.id

    def placement(self) -> list[tuple[int, int]]:
        """For each entry in order, the index of its part and the key of its section (part × 1000 +
        section), as ``part_conditions`` and ``section_conditions`` are keyed; computed once."""
        if self._placement is None:
            parts = {id(part): index for index, part in enumerate(self.questionnaire.parts)}
            sections = {
                id(section): index * 1000 + number
                for index, part in enumerate(self.questionnaire.parts)
                for number, section in enumerate(part.sections)
            }
            self._placement = [(parts[id(e.part)], sections[id(e.section)]) for e in self.entries.values()]
        return self._placement

    def top_level(self) -> Iterator[Entry]:
        return (e for e in self.entries.values() if e.parent is None)

    def part_entries(self, part: Part) -> list[Entry]:
        return [e for e in self.entries.values() if e.part is part]


