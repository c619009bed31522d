"""Decide which items apply, given a State's answers and the treaties it is party to.

Conditions are decided in three-valued (Kleene) logic: a reference to a question that is
still to be answered is *unknown*, and so may be the condition that reads it; an item
whose condition is unknown is *pending* (see :mod:`engine.conditions.applicability`).
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable, Mapping
from dataclasses import dataclass, field

from engine.conditions.resolve import All, Answered, AnyOf, Compare, Condition, Not, Party, UncacParty


@dataclass(frozen=True, slots=True)
class Facts:
    """What conditions read: effective answers (``None`` when not given or not applicable), and
    the ids whose answer is not known yet (``unknown``: still to be answered, or pending)."""

    answers: Mapping[str, object]
    parties: frozenset[str]
    uncac_party: bool
    unknown: Collection[str] = field(default_factory=frozenset)


def decide(condition: Condition, facts: Facts) -> bool | None:
    """Evaluate a resolved condition: ``True``, ``False``, or ``None`` when it depends on an unknown answer."""
    if isinstance(condition, Compare):
        results = (_known(i, facts, lambda value: _matches(value, condition.values)) for i in condition.ids)
        return _all(results) if condition.quantifier == "all" else _any(results)
    if isinstance(condition, Answered):
        return _any(_known(i, facts, is_given) for i in condition.ids)
    if isinstance(condition, Party):
        return condition.instrument in facts.parties
    if isinstance(condition, UncacParty):
        return facts.uncac_party
    if isinstance(condition, Not):
        inner = decide(condition.operand, facts)
        return None if inner is None else not inner
    if isinstance(condition, All):
        return _all(decide(o, facts) for o in condition.operands)
    if isinstance(condition, AnyOf):
        return _any(decide(o, facts) for o in condition.operands)
    raise TypeError(f"not a condition: {condition!r}")  # pragma: no cover


def holds(condition: Condition, facts: Facts) -> bool:
    """Whether a condition certainly holds (an undecided one does not)."""
    return decide(condition, facts) is True


def _known(item_id: str, facts: Facts, test: Callable[[object], bool]) -> bool | None:
    return None if item_id in facts.unknown else test(facts.answers.get(item_id))


def _any(results: Iterable[bool | None]) -> bool | None:
    """Kleene "or": true if any is true, unknown if none is but one is unknown."""
    unknown = False
    for result in results:
        if result is True:
            return True
        unknown = unknown or result is None
    return None if unknown else False


def _all(results: Iterable[bool | None]) -> bool | None:
    """Kleene "and": false if any is false, unknown if none is but one is unknown."""
    unknown = False
    for result in results:
        if result is False:
            return False
        unknown = unknown or result is None
    return None if unknown else True


def _matches(answer: object, values: tuple[str, ...]) -> bool:
    if isinstance(answer, str):
        return answer in values
    if isinstance(answer, (list, tuple, frozenset, set)):
        return any(code in values for code in answer)
    return False


def is_given(answer: object) -> bool:
    """Whether a value counts as an answer: not null, not blank, not an empty list."""
    if answer is None:
        return False
    if isinstance(answer, str):
        return answer.strip() != ""
    if isinstance(answer, (list, tuple, set, frozenset)):
        return len(answer) > 0
    return True
