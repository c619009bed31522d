"""What is still to be answered: one definition for the UI, ``untoc validate`` and the exports.

- An item **expects an answer** when it is answerable, not voluntary, and not left to the State by
  a note (``Entry.expects_answer``).
- It is **still to be answered** when it expects an answer, applies or is pending (its condition
  reads a question still to be answered), and no answer is given (``is_given``: not null, not
  blank, not an empty list). An answer that is given but wrong (an unknown code) is an error, not
  an omission.
- Conditions read only **readable** values (:func:`readable`): codes the item has, or a non-blank
  text for a free-text item.
- A pending item **waits on** the questions still to be answered that its condition (or an
  ancestor's) reads (:func:`waiting_on`): what the UI, the validator and the exports name.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass

from engine.conditions.applicability import Applicability, applicability
from engine.conditions.evaluate import is_given
from engine.conditions.resolve import referenced_ids
from engine.definition.index import Entry
from engine.definition.loaded import Definition
from engine.definition.model import SCALE_VALUES, AnswerKind

__all__ = ["Assessment", "Completeness", "assess", "completeness", "is_given", "readable", "waiting_on"]


def readable(entry: Entry, value: object) -> object | None:
    """The value of an answer that conditions read, or ``None`` when there is none (or it is ill-formed).

    A scale or single-choice answer is one of the item's codes (a one-element list is read as its
    element); a multiple-choice answer is the list of its known codes, each once; a free text is read
    when it is not blank.
    """
    if value is None or not entry.is_answerable:
        return None
    kind = entry.kind
    if kind is AnswerKind.text:
        return value if isinstance(value, str) and value.strip() else None
    codes = [value] if isinstance(value, str) else list(value) if isinstance(value, list) else []
    if kind is AnswerKind.choices:
        known = list(dict.fromkeys(str(code) for code in codes if code in entry.values))  # each code once
        return known or None
    if kind in SCALE_VALUES and not isinstance(value, str):
        return None
    if len(codes) != 1 or codes[0] not in entry.values:
        return None
    return str(codes[0])


@dataclass(frozen=True, slots=True)
class Completeness:
    """The items that expect an answer (they apply or are pending), and those of them without one, in order."""

    expected: tuple[str, ...]
    unanswered: tuple[str, ...]

    @property
    def answered(self) -> int:
        return len(self.expected) - len(self.unanswered)

    @property
    def complete(self) -> bool:
        return not self.unanswered


def completeness(
    definition: Definition, status: Mapping[str, Applicability], given: Collection[str], entries: Iterable[Entry] | None = None
) -> Completeness:
    """Over ``entries`` (default: the whole questionnaire), which expect an answer and which lack one; ``given``: ids answered."""
    expected: list[str] = []
    unanswered: list[str] = []
    for entry in definition.entries.values() if entries is None else entries:
        if entry.expects_answer and status[entry.id].applies:
            expected.append(entry.id)
            if entry.id not in given:
                unanswered.append(entry.id)
    return Completeness(tuple(expected), tuple(unanswered))


@dataclass(frozen=True, slots=True)
class Assessment:
    """Applicability, the effective answers and completeness of one set of answers."""

    status: dict[str, Applicability]
    effective: dict[str, object]
    """The readable answers of the items that certainly apply: what later conditions read."""
    given: frozenset[str]
    completeness: Completeness
    values: dict[str, object]
    """The readable value of every answer given (:func:`readable`), whether its item applies or not."""


def assess(definition: Definition, answers: Mapping[str, object], parties: frozenset[str], uncac_party: bool) -> Assessment:
    """Assess raw answer values (ids → values as read from a file or edited); unknown ids are ignored."""
    entries = definition.entries
    values: dict[str, object] = {}
    given: set[str] = set()
    for item_id, value in answers.items():
        entry = entries.get(item_id)
        if entry is None or not is_given(value):
            continue
        given.add(item_id)
        value = readable(entry, value)
        if value is not None:
            values[item_id] = value
    status, effective = applicability(definition, values, parties, uncac_party)
    return Assessment(status, effective, frozenset(given), completeness(definition, status, given), values)


def waiting_on(definition: Definition, status: Mapping[str, Applicability], effective: Mapping[str, object]) -> dict[str, tuple[str, ...]]:
    """For each pending item, the items still to be answered whose answers decide whether it applies, in order.

    ``status`` and ``effective`` are :func:`applicability`'s. An item is still open to the conditions
    when it is pending, or applies, expects an answer and has no readable one; a pending item waits on
    the open items its own condition reads, after those its parent waits on.
    """
    entries = definition.entries
    open_ids = {
        item_id
        for item_id, state in status.items()
        if state.applies and (state.pending or (entries[item_id].expects_answer and item_id not in effective))
    }
    order = {item_id: index for index, item_id in enumerate(entries)}
    waits: dict[str, tuple[str, ...]] = {}
    for entry in entries.values():
        state = status[entry.id]
        if not state.pending:
            continue
        inherited = waits.get(entry.parent.id, ()) if entry.parent is not None else ()
        own = referenced_ids(entry.condition) & open_ids if entry.condition is not None and state.owner is entry else set()
        waits[entry.id] = tuple(dict.fromkeys([*inherited, *sorted(own, key=order.__getitem__)]))
    return waits
