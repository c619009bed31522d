"""Conditions in plain words, for messages and for the routing printed on forms."""

from __future__ import annotations

from collections.abc import Callable, Mapping

from engine.conditions.resolve import All, Answered, AnyOf, Compare, Condition, Not, Party, UncacParty
from engine.definition.index import DASHES, Entry
from engine.definition.model import SCALE_LABELS
from engine.i18n import _, current_language, ngettext, questionnaire_text


def party_sentence(instrument: str, is_party: bool) -> str:
    """``the State is (not) party to …`` for a Protocol or ``uncac``, in the current language."""
    return _party_sentences()[(instrument, is_party)]


def _party_sentences() -> dict[tuple[str, bool], str]:
    """``(instrument, is_party)`` → the sentence, in the current language."""
    return {
        ("trafficking", True): _("the State is party to the Trafficking in Persons Protocol"),
        ("smuggling", True): _("the State is party to the Smuggling of Migrants Protocol"),
        ("firearms", True): _("the State is party to the Firearms Protocol"),
        ("uncac", True): _("the State is party to the United Nations Convention against Corruption"),
        ("trafficking", False): _("the State is not party to the Trafficking in Persons Protocol"),
        ("smuggling", False): _("the State is not party to the Smuggling of Migrants Protocol"),
        ("firearms", False): _("the State is not party to the Firearms Protocol"),
        ("uncac", False): _("the State is not party to the United Nations Convention against Corruption"),
    }


def instrument_name(instrument: str) -> str:
    """The short name of an instrument, in the current language."""
    return {
        "convention": _("the Convention"),
        "trafficking": _("the Trafficking in Persons Protocol"),
        "smuggling": _("the Smuggling of Migrants Protocol"),
        "firearms": _("the Firearms Protocol"),
    }[instrument]


def scale_label(code: str) -> str:
    """The label of a scale code in the current language: ``partly`` → “Yes, in part”."""
    return {
        "yes": _("Yes"),
        "partly": _("Yes, in part"),
        "conditions": _("Yes, under conditions"),
        "no": _("No"),
        "na": _("Not applicable"),
    }[code]


def value_label(entry: Entry, code: str) -> str:
    """The printed label of an answer code of ``entry``: ``yes`` → ``Yes``."""
    if code in SCALE_LABELS and entry.kind.value.startswith("yes"):
        return scale_label(code)
    option = entry.option(code)
    return questionnaire_text(option.label, current_language()) if option else code


def quoted(text: str) -> str:
    """``text`` between the quotation marks of the current language."""
    # Translators: quotation marks around an answer, e.g. « {text} » in French.
    return _("“{text}”").format(text=text)


def joined(words: list[str], conjunction: str) -> str:
    """``6, 7 or 8``: words joined with the current language's separators (``or`` or ``and``)."""
    if len(words) == 1:
        return words[0]
    # Translators: separator between the items of a list ("6, 7 or 8").
    head = _(", ").join(words[:-1])
    if conjunction == "and":
        # Translators: the last two items of a list joined by "and" ("3 (a), 3 (b) and 3 (c)").
        return _("{items} and {last}").format(items=head, last=words[-1])
    # Translators: the last two items of a list joined by "or" ("6, 7 or 8").
    return _("{items} or {last}").format(items=head, last=words[-1])


def describe(condition: Condition, entries: Mapping[str, Entry], quote: Callable[[str], str] | None = None, printed: bool = False) -> str:
    """A sentence fragment in the current language: ``the answer to 3 (a) is “Yes, in part” or “No”``.

    ``printed``: for a printed form, where unlabelled dash items show no number (``75 –1``), a
    reference to all the dash items of a question names them as the questions listed under it.
    """
    quote = quote or quoted
    if isinstance(condition, Compare):
        first = entries[condition.ids[0]]
        values = joined([quote(value_label(first, v)) for v in condition.values], "or")
        numbers = [entries[i].number for i in condition.ids]
        includes = first.kind.value == "choices"
        if condition.quantifier == "one":
            template = _("the answer to {number} includes {values}") if includes else _("the answer to {number} is {values}")
            return template.format(number=numbers[0], values=values)
        parent = _dash_parent(condition.ids, entries) if printed else None
        if parent is not None:
            return _listed_under(condition.quantifier, includes).format(number=parent.number, values=values)
        if condition.quantifier == "any":
            template = (
                _("the answer to any of {numbers} includes {values}") if includes else _("the answer to any of {numbers} is {values}")
            )
        else:
            template = (
                _("the answer to each of {numbers} includes {values}") if includes else _("the answer to each of {numbers} is {values}")
            )
        return template.format(numbers=joined(numbers, "or"), values=values)
    if isinstance(condition, Answered):
        numbers = [entries[i].number for i in condition.ids]
        return ngettext("{numbers} is answered", "{numbers} are answered", len(numbers)).format(numbers=joined(numbers, "or"))
    if isinstance(condition, Party):
        return party_sentence(condition.instrument, True)
    if isinstance(condition, UncacParty):
        return party_sentence("uncac", True)
    if isinstance(condition, Not):
        inner = condition.operand
        if isinstance(inner, UncacParty):
            return party_sentence("uncac", False)
        if isinstance(inner, Party):
            return party_sentence(inner.instrument, False)
        return _("not ({condition})").format(condition=describe(inner, entries, quote, printed))
    assert isinstance(condition, (All, AnyOf))
    # Translators: joins two conditions ("… and …").
    joiner = _(" and ") if isinstance(condition, All) else _(" or ")
    return joiner.join(describe(o, entries, quote, printed) for o in condition.operands)


def _dash_parent(ids: tuple[str, ...], entries: Mapping[str, Entry]) -> Entry | None:
    """The question whose unlabelled dash items are exactly ``ids``, if they are."""
    parent = entries[ids[0]].parent
    if parent is None:
        return None
    dashes = [c.id for c in parent.children if c.item.number in DASHES]
    return parent if dashes and sorted(dashes) == sorted(ids) else None


def _listed_under(quantifier: str, includes: bool) -> str:
    if quantifier == "any":
        if includes:
            return _("the answer to any of the questions listed under {number} includes {values}")
        return _("the answer to any of the questions listed under {number} is {values}")
    if includes:
        return _("the answer to each of the questions listed under {number} includes {values}")
    return _("the answer to each of the questions listed under {number} is {values}")
