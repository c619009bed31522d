"""Which items of a questionnaire apply to a State, and why the others do not.

An item is in one of three states:

- it **applies** (its part, section, parent and own condition hold);
- it does **not apply** (one of them is false) — an answer to it is kept but not reviewed;
- it is **pending**: its condition reads a question that is still to be answered, so whether it
  applies is not decided yet. A pending item counts as still to be answered (an unanswered parent
  leaves its follow-ups pending, not excluded), and its own answer is not read by later conditions
  until it is decided.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from engine.conditions.evaluate import Facts, decide
from engine.conditions.resolve import Condition
from engine.definition.index import Entry
from engine.definition.loaded import Definition


@dataclass(frozen=True, slots=True)
class Applicability:
    """Whether an item applies; if not (or not yet decided), the condition in question and whose it is."""

    applies: bool
    condition: Condition | None = None
    owner: Entry | None = None
    """The item whose condition fails or is undecided (itself or an ancestor); ``None`` for a part or section."""
    scope: str = "item"
    """``item``, ``part`` or ``section``: where the condition is written."""
    pending: bool = False
    """``applies`` for now: the condition depends on a question still to be answered."""


APPLIES = Applicability(True)


def applicability(
    definition: Definition,
    answers: Mapping[str, object],
    parties: frozenset[str],
    uncac_party: bool,
) -> tuple[dict[str, Applicability], dict[str, object]]:
    """Status of every item, and the effective answers (those of items that certainly apply).

    ``answers`` maps ids to readable values (see :func:`engine.conditions.completeness.readable`).
    Items are visited in document order, which is enough because a condition only ever refers to
    earlier items. An item that applies or is pending, expects an answer and has none readable is
    *unknown* to the conditions that read it; so is a pending item, whatever its answer.
    """
    effective: dict[str, object] = {}
    unknown: set[str] = set()
    facts = Facts(effective, parties, uncac_party, unknown)
    status: dict[str, Applicability] = {}
    part_status: dict[int, Applicability] = {}
    section_status: dict[int, Applicability] = {}
    for entry, (p, key) in zip(definition.entries.values(), definition.placement(), strict=True):
        part = part_status.get(p)
        if part is None:
            part = _scoped(definition.part_conditions.get(p), facts, "part")
            part_status[p] = part
        section = section_status.get(key)
        if section is None:
            section = _scoped(definition.section_conditions.get(key), facts, "section")
            section_status[key] = section
        if not part.applies:
            result = part
        elif not section.applies:
            result = section
        else:
            result = _own(entry, status[entry.parent.id] if entry.parent is not None else APPLIES, facts)
        status[entry.id] = result
        if not result.applies:
            continue
        if result.pending or (entry.expects_answer and entry.id not in answers):
            unknown.add(entry.id)
        elif entry.id in answers:
            effective[entry.id] = answers[entry.id]
    return status, effective


def _scoped(condition: Condition | None, facts: Facts, scope: str) -> Applicability:
    """A part's or section's status (their conditions read only parties, never answers)."""
    return APPLIES if condition is None or decide(condition, facts) else Applicability(False, condition, None, scope)


def _own(entry: Entry, parent: Applicability, facts: Facts) -> Applicability:
    """An item's status under its parent's: its own condition can exclude it, or leave it pending."""
    if not parent.applies:
        return parent
    if entry.condition is not None:
        decided = decide(entry.condition, facts)
        if decided is False:
            return Applicability(False, entry.condition, entry, "item")
        if decided is None:
            return Applicability(True, entry.condition, entry, "item", pending=True)
    return parent
