"""How complete a response is: the one definition of "answered", "unanswered" and "pending".

An item the State is expected to answer (:attr:`Entry.expects_answer`) counts when it applies, and
also when whether it applies is not decided yet because the answer it depends on is missing: an
unanswered question leaves its follow-ups *pending*, not excluded ("3 (a) applies if 3 is “Yes”"
while 3 is unanswered). Only what the answers given (or the State's treaties) rule out is left out.
The validator's unanswered findings and the filled documents' completeness both read this.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import Enum

from engine.conditions.applicability import Applicability, applicability
from engine.conditions.evaluate import Facts, holds
from engine.conditions.resolve import All, Answered, AnyOf, Compare, Condition, Not, referenced_ids
from engine.definition.index import Entry
from engine.definition.loaded import Definition
from engine.definition.model import SCALE_VALUES, AnswerKind


class Standing(Enum):
    """Where an item stands given the answers: it applies, it may apply (pending), or it is ruled out."""

    applies = "applies"
    pending = "pending"
    excluded = "excluded"


@dataclass(frozen=True, slots=True)
class Completeness:
    """The items a response is expected to answer, and which of them are answered."""

    standing: dict[str, Standing]
    """Every item's standing, by id."""
    answered: tuple[str, ...]
    """Expected items (applicable or pending) that have an answer, in questionnaire order."""
    unanswered: tuple[str, ...]
    """Expected items (applicable or pending) without an answer, in questionnaire order."""
    waiting_on: dict[str, tuple[str, ...]] = field(default_factory=dict)
    """For each pending item, the unanswered items whose answers decide whether it applies."""

    @property
    def expected(self) -> int:
        return len(self.answered) + len(self.unanswered)


def usable_value(entry: Entry, value: object) -> object | None:
    """The part of a raw answer that conditions and counts can use: a known code, the known codes of a
    list, non-blank text; ``None`` when nothing of it is usable (an unknown code, a list for a text…)."""
    if value is None or not entry.is_answerable:
        return None
    if entry.kind is AnswerKind.text:
        return value if isinstance(value, str) and value.strip() else None
    if entry.kind in SCALE_VALUES or entry.kind is AnswerKind.choice:
        if isinstance(value, list) and len(value) == 1:
            value = value[0]
        return value if isinstance(value, str) and value in entry.values else None
    codes = [value] if isinstance(value, str) else value if isinstance(value, list) else []
    known = list(dict.fromkeys(str(c) for c in codes if str(c) in entry.values))
    return known or None


def completeness(
    definition: Definition,
    answers: Mapping[str, object],
    parties: frozenset[str],
    uncac_party: bool,
    status: Mapping[str, Applicability] | None = None,
) -> Completeness:
    """Standing of every item and the expected items, answered or not.

    ``answers`` maps ids to usable values (see :func:`usable_value`), as :func:`applicability` reads
    them; ``status`` is its result when the caller has it already.
    """
    if status is None:
        status, _effective = applicability(definition, answers, parties, uncac_party)
    standing: dict[str, Standing] = {}
    waiting_on: dict[str, tuple[str, ...]] = {}
    open_ids: set[str] = set()
    """Items whose effective answer is not known yet: unanswered and applicable, or pending."""
    effective: dict[str, object] = {}
    facts = Facts(effective, parties, uncac_party)
    order = {item_id: index for index, item_id in enumerate(definition.entries)}
    for entry in definition.entries.values():
        verdict, waits = _standing(entry, status[entry.id], standing, waiting_on, facts, open_ids, order)
        standing[entry.id] = verdict
        if waits:
            waiting_on[entry.id] = waits
        if verdict is Standing.pending or (verdict is Standing.applies and entry.id not in answers):
            open_ids.add(entry.id)
        elif verdict is Standing.applies:
            effective[entry.id] = answers[entry.id]
    expected = [e for e in definition.entries.values() if e.expects_answer and standing[e.id] is not Standing.excluded]
    return Completeness(
        standing=standing,
        answered=tuple(e.id for e in expected if e.id in answers),
        unanswered=tuple(e.id for e in expected if e.id not in answers),
        waiting_on=waiting_on,
    )


def _standing(
    entry: Entry,
    status: Applicability,
    standing: Mapping[str, Standing],
    waiting_on: Mapping[str, tuple[str, ...]],
    facts: Facts,
    open_ids: set[str],
    order: Mapping[str, int],
) -> tuple[Standing, tuple[str, ...]]:
    if status.applies:
        return Standing.applies, ()
    if status.scope != "item":
        return Standing.excluded, ()  # parts and sections depend on the treaties, which are known
    parent = standing[entry.parent.id] if entry.parent is not None else Standing.applies
    if parent is Standing.excluded:
        return Standing.excluded, ()
    decided = _decided(entry.condition, facts, open_ids) if entry.condition is not None else True
    if decided is False or (decided is True and parent is Standing.applies):
        return Standing.excluded, ()  # (the second cannot happen: applicability found the condition failing)
    inherited = waiting_on.get(entry.parent.id, ()) if entry.parent is not None else ()
    own = referenced_ids(entry.condition) & open_ids if entry.condition is not None else set()
    return Standing.pending, tuple(dict.fromkeys([*inherited, *sorted(own, key=order.__getitem__)]))


def _decided(condition: Condition, facts: Facts, open_ids: set[str]) -> bool | None:
    """Whether ``condition`` holds, or ``None`` when it depends on answers not given yet (Kleene logic)."""
    if isinstance(condition, Compare):
        results = [None if i in open_ids else holds(Compare("one", (i,), condition.values), facts) for i in condition.ids]
        return _all(results) if condition.quantifier == "all" else _any(results)
    if isinstance(condition, Answered):
        return _any([None if i in open_ids else holds(Answered((i,)), facts) for i in condition.ids])
    if isinstance(condition, Not):
        inner = _decided(condition.operand, facts, open_ids)
        return None if inner is None else not inner
    if isinstance(condition, All):
        return _all([_decided(o, facts, open_ids) for o in condition.operands])
    if isinstance(condition, AnyOf):
        return _any([_decided(o, facts, open_ids) for o in condition.operands])
    return holds(condition, facts)


def _any(results: list[bool | None]) -> bool | None:
    if any(r is True for r in results):
        return True
    return None if any(r is None for r in results) else False


def _all(results: list[bool | None]) -> bool | None:
    if any(r is False for r in results):
        return False
    return None if any(r is None for r in results) else True
