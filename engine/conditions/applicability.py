"""Which items of a questionnaire apply to a State, and why the others do not."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from engine.conditions.evaluate import Facts, holds
from engine.conditions.resolve import Condition
from engine.definition.index import Entry
from engine.definition.loaded import Definition


@dataclass(frozen=True, slots=True)
class Applicability:
    """Whether an item applies; if not, the condition that fails and whose it is."""

    applies: bool
    condition: Condition | None = None
    owner: Entry | None = None
    """The item whose condition fails (itself or an ancestor); ``None`` for a part or section."""
    scope: str = "item"
    """``item``, ``part`` or ``section``: where the failing condition is written."""


APPLIES = Applicability(True)


def applicability(
    definition: Definition,
    answers: Mapping[str, object],
    parties: frozenset[str],
    uncac_party: bool,
) -> tuple[dict[str, Applicability], dict[str, object]]:
    """Status of every item, and the effective answers (those of applicable items).

    ``answers`` maps ids to already-checked values (codes or lists of codes; text for
    text items). Items are visited in document order, which is enough because a
    condition only ever refers to earlier items.
    """
    effective: dict[str, object] = {}
    facts = Facts(effective, parties, uncac_party)
    status: dict[str, Applicability] = {}
    part_status: dict[int, Applicability] = {}
    section_status: dict[int, Applicability] = {}
    for entry, (p, key) in zip(definition.entries.values(), definition.placement(), strict=True):
        part = part_status.get(p)
        if part is None:
            condition = definition.part_conditions.get(p)
            part = APPLIES if condition is None or holds(condition, facts) else Applicability(False, condition, None, "part")
            part_status[p] = part
        section = section_status.get(key)
        if section is None:
            condition = definition.section_conditions.get(key)
            section = APPLIES if condition is None or holds(condition, facts) else Applicability(False, condition, None, "section")
            section_status[key] = section
        if not part.applies:
            result = part
        elif not section.applies:
            result = section
        elif entry.parent is not None and not status[entry.parent.id].applies:
            result = status[entry.parent.id]
        elif entry.condition is not None and not holds(entry.condition, facts):
            result = Applicability(False, entry.condition, entry, "item")
        else:
            result = APPLIES
        status[entry.id] = result
        if result.applies and entry.id in answers:
            effective[entry.id] = answers[entry.id]
    return status, effective
