"""Conditions in plain words, for messages and for the routing printed on forms."""

from __future__ import annotations

from collections.abc import Callable, Mapping

from engine.conditions.resolve import All, Answered, AnyOf, Compare, Condition, Not, Party, UncacParty
from engine.definition.index import Entry
from engine.definition.model import SCALE_LABELS

INSTRUMENT_NAMES = {
    "convention": "the Convention",
    "trafficking": "the Trafficking in Persons Protocol",
    "smuggling": "the Smuggling of Migrants Protocol",
    "firearms": "the Firearms Protocol",
}


def value_label(entry: Entry, code: str) -> str:
    """The printed label of an answer code of ``entry``: ``yes`` → ``Yes``."""
    if code in SCALE_LABELS and entry.kind.value.startswith("yes"):
        return SCALE_LABELS[code]
    option = entry.option(code)
    return option.label if option else code


def _or_list(words: list[str], joiner: str = "or") -> str:
    if len(words) == 1:
        return words[0]
    return ", ".join(words[:-1]) + f" {joiner} " + words[-1]


def describe(condition: Condition, entries: Mapping[str, Entry], quote: Callable[[str], str] = "“{}”".format) -> str:
    """An English sentence fragment: ``3 (a) is “Yes in part” or “No”``."""
    if isinstance(condition, Compare):
        first = entries[condition.ids[0]]
        values = _or_list([quote(value_label(first, v)) for v in condition.values])
        numbers = [entries[i].number for i in condition.ids]
        is_choices = first.kind.value == "choices"
        verb = "includes" if is_choices else "is"
        if condition.quantifier == "one":
            return f"the answer to {numbers[0]} {verb} {values}"
        which = "any" if condition.quantifier == "any" else "each"
        return f"the answer to {which} of {_or_list(numbers)} {verb} {values}"
    if isinstance(condition, Answered):
        numbers = [entries[i].number for i in condition.ids]
        return f"{_or_list(numbers)} {'is' if len(numbers) == 1 else 'are'} answered"
    if isinstance(condition, Party):
        return f"the State is party to {INSTRUMENT_NAMES[condition.instrument]}"
    if isinstance(condition, UncacParty):
        return "the State is party to the United Nations Convention against Corruption"
    if isinstance(condition, Not):
        inner = condition.operand
        if isinstance(inner, UncacParty):
            return "the State is not party to the United Nations Convention against Corruption"
        if isinstance(inner, Party):
            return f"the State is not party to {INSTRUMENT_NAMES[inner.instrument]}"
        return f"not ({describe(inner, entries, quote)})"
    joiner = "and" if isinstance(condition, All) else "or"
    assert isinstance(condition, (All, AnyOf))
    return f" {joiner} ".join(describe(o, entries, quote) for o in condition.operands)


def current_values(condition: Condition, entries: Mapping[str, Entry], answers: Mapping[str, object]) -> str:
    """What the referenced questions currently say: ``3 is “No”; 3 (a) is unanswered``."""
    parts: list[str] = []
    for item_id in sorted(_ids(condition), key=lambda i: entries[i].order):
        entry = entries[item_id]
        answer = answers.get(item_id)
        if answer is None or answer == [] or answer == "":
            parts.append(f"{entry.number} is unanswered or does not apply")
        elif isinstance(answer, str):
            parts.append(f"{entry.number} is “{value_label(entry, answer)}”")
        else:
            labels = ", ".join(f"“{value_label(entry, str(a))}”" for a in answer)  # type: ignore[union-attr]
            parts.append(f"{entry.number} is {labels}")
    return "; ".join(parts)


def _ids(condition: Condition) -> list[str]:
    if isinstance(condition, (Compare, Answered)):
        return list(condition.ids)
    if isinstance(condition, Not):
        return _ids(condition.operand)
    if isinstance(condition, (All, AnyOf)):
        return [i for o in condition.operands for i in _ids(o)]
    return []
