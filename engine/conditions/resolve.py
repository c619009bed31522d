"""Check parsed conditions against a questionnaire and resolve their references.

A reference must name an item that exists and comes earlier in the questionnaire
(so no condition can depend on itself or on a later answer: cycles are
impossible by construction); a range must join two siblings in order; a value
must be one the referenced item can take.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal, Union

from engine.definition.index import Entry
from engine.definition.model import Instrument

if TYPE_CHECKING:  # the parser is needed to resolve, not to use resolved conditions (a built questionnaire)
    from engine.conditions import parser as ast


class ConditionError(ValueError):
    """A condition that parses but does not fit the questionnaire; ``offset`` is 0-based."""

    def __init__(self, message: str, offset: int) -> None:
        super().__init__(message)
        self.offset = offset


@dataclass(frozen=True, slots=True)
class Compare:
    """The answer to one, any or all of ``ids`` is one of ``values``."""

    quantifier: Literal["one", "any", "all"]
    ids: tuple[str, ...]
    values: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Answered:
    """Any of ``ids`` has been answered."""

    ids: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Party:
    """The State is a party to ``instrument`` (a Protocol)."""

    instrument: str


@dataclass(frozen=True, slots=True)
class UncacParty:
    """The State is a party to the Convention against Corruption."""


@dataclass(frozen=True, slots=True)
class Not:
    """The operand does not hold."""

    operand: Condition


@dataclass(frozen=True, slots=True)
class All:
    """Every operand holds."""

    operands: tuple[Condition, ...]


@dataclass(frozen=True, slots=True)
class AnyOf:
    """At least one operand holds."""

    operands: tuple[Condition, ...]


Condition = Union[Compare, Answered, Party, UncacParty, Not, All, AnyOf]

PROTOCOLS = tuple(i.value for i in Instrument if i is not Instrument.convention)


def resolve(expr: ast.Expr, entries: Mapping[str, Entry], owner: Entry | None) -> Condition:
    """Resolve ``expr`` written on ``owner`` (``None`` for a part or section condition)."""
    from engine.conditions import parser as ast  # at run time only when resolving

    if isinstance(expr, ast.Not):
        return Not(resolve(expr.operand, entries, owner))
    if isinstance(expr, ast.All):
        return All(tuple(resolve(o, entries, owner) for o in expr.operands))
    if isinstance(expr, ast.AnyOf):
        return AnyOf(tuple(resolve(o, entries, owner) for o in expr.operands))
    if isinstance(expr, ast.UncacParty):
        return UncacParty()
    if isinstance(expr, ast.Party):
        if expr.instrument not in PROTOCOLS:
            raise ConditionError(f"unknown Protocol {expr.instrument!r}; use one of: {', '.join(PROTOCOLS)}", expr.offset)
        return Party(expr.instrument)
    if isinstance(expr, ast.Answered):
        return Answered(_resolve_refs(expr.refs, entries, owner, need_answer=True))
    ids = _resolve_refs(expr.refs, entries, owner, need_answer=True)
    for value, offset in zip(expr.values, expr.value_offsets, strict=False):
        for item_id in ids:
            allowed = entries[item_id].values
            if value not in allowed:
                entry = entries[item_id]
                if not allowed:
                    reason = f"question {entry.number} is answered in free text, so it cannot be '{value}'"
                else:
                    reason = f"question {entry.number} cannot be '{value}'; it takes {', '.join(allowed)}"
                raise ConditionError(reason, offset)
    return Compare(expr.quantifier, ids, expr.values)


def _resolve_refs(refs: tuple[ast.Ref, ...], entries: Mapping[str, Entry], owner: Entry | None, need_answer: bool) -> tuple[str, ...]:
    ids: list[str] = []
    for ref in refs:
        start = _lookup(ref.start, ref.offset, entries, owner)
        if ref.end is None:
            targets = [start]
        else:
            end = _lookup(ref.end, ref.offset, entries, owner)
            if start.parent is not end.parent or start.part is not end.part:
                raise ConditionError(f"the range {ref.start}..{ref.end} must join two items with the same parent", ref.offset)
            if end.order <= start.order:
                raise ConditionError(f"the range {ref.start}..{ref.end} runs backwards", ref.offset)
            targets = [e for e in entries.values() if e.parent is start.parent and start.order <= e.order <= end.order]
        for target in targets:
            if need_answer and not target.is_answerable:
                raise ConditionError(f"question {target.number} has no answer of its own (it is a stem)", ref.offset)
            ids.append(target.id)
    return tuple(ids)


def _lookup(item_id: str, offset: int, entries: Mapping[str, Entry], owner: Entry | None) -> Entry:
    entry = entries.get(item_id)
    if entry is None:
        raise ConditionError(f"no question {item_id!r} in this questionnaire", offset)
    if owner is not None:
        if entry is owner:
            raise ConditionError(f"question {owner.number} cannot depend on its own answer (a cycle)", offset)
        if entry.order > owner.order:
            raise ConditionError(
                f"forward reference: {entry.number} comes after {owner.number}; a condition may only refer to earlier questions",
                offset,
            )
    return entry


def referenced_ids(condition: Condition) -> set[str]:
    """Every question id a condition reads."""
    if isinstance(condition, (Compare, Answered)):
        return set(condition.ids)
    if isinstance(condition, Not):
        return referenced_ids(condition.operand)
    if isinstance(condition, (All, AnyOf)):
        return set().union(*(referenced_ids(o) for o in condition.operands))
    return set()
