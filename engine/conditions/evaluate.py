"""Decide which items apply, given a State's answers and the treaties it is party to."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from engine.conditions.resolve import All, Answered, AnyOf, Compare, Condition, Not, Party, UncacParty


@dataclass(frozen=True, slots=True)
class Facts:
    """What conditions read: effective answers (``None`` when not given or not applicable)."""

    answers: Mapping[str, object]
    parties: frozenset[str]
    uncac_party: bool


def holds(condition: Condition, facts: Facts) -> bool:
    """Evaluate a resolved condition."""
    if isinstance(condition, Compare):
        results = (_matches(facts.answers.get(i), condition.values) for i in condition.ids)
        return all(results) if condition.quantifier == "all" else any(results)
    if isinstance(condition, Answered):
        return any(is_given(facts.answers.get(i)) for i in condition.ids)
    if isinstance(condition, Party):
        return condition.instrument in facts.parties
    if isinstance(condition, UncacParty):
        return facts.uncac_party
    if isinstance(condition, Not):
        return not holds(condition.operand, facts)
    if isinstance(condition, All):
        return all(holds(o, facts) for o in condition.operands)
    if isinstance(condition, AnyOf):
        return any(holds(o, facts) for o in condition.operands)
    raise TypeError(f"not a condition: {condition!r}")  # pragma: no cover


def _matches(answer: object, values: tuple[str, ...]) -> bool:
    if isinstance(answer, str):
        return answer in values
    if isinstance(answer, (list, tuple, frozenset, set)):
        return any(code in values for code in answer)
    return False


def is_given(answer: object) -> bool:
    """Whether an answer counts as given (not empty text, not an empty list)."""
    if answer is None:
        return False
    if isinstance(answer, str):
        return answer.strip() != ""
    if isinstance(answer, (list, tuple, set, frozenset)):
        return len(answer) > 0
    return True
