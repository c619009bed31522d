"""Findings worded for the terminal UI: fields named as the screen shows them, not as the file writes them."""

from __future__ import annotations

from engine.conditions.describe import quoted, scale_label, value_label
from engine.definition.index import Entry
from engine.i18n import _
from engine.validation.terms import Terms


def _field(title: str) -> str:
    return quoted(title)


class UiTerms(Terms):
    """The messages of :class:`Terms` that name a part of an answer, with the UI's names."""

    def list_for_one(self, entry: Entry, allowed: tuple[str, ...]) -> str:
        choices = ", ".join(quoted(scale_label(code)) for code in allowed)
        return _("{number}: the file holds a list here, but one answer is expected ({choices}); choose one").format(
            number=entry.number, choices=choices
        )

    def list_for_text(self, entry: Entry) -> str:
        return _("{number}: the file holds a list here, but the answer is a text; write it in {field}").format(
            number=entry.number, field=_field(_("Answer"))
        )

    def stem_answered(self, entry: Entry) -> str:
        children = ", ".join(c.number for c in entry.children[:4])
        return _("{number} has no answer of its own (the file gives one); answer its sub-items ({children})").format(
            number=entry.number, children=children
        )

    def other_has_no_place(self, entry: Entry) -> str:
        return _("{number} has no option “Other”, but the file gives a text for it").format(number=entry.number)

    def other_not_chosen(self, entry: Entry) -> str:
        label = quoted(value_label(entry, "other"))
        return _("{number}: a text for {option} is given, but {option} is not chosen").format(number=entry.number, option=label)

    def details_not_chosen(self, entry: Entry, code: str) -> str:
        label = quoted(value_label(entry, code))
        return _("{number}: details are given for {option}, but {option} is not chosen").format(number=entry.number, option=label)

    def not_specified(self, entry: Entry, code: str) -> str:
        return _("{number}: {option} is chosen but not specified; fill in its text, below the options").format(
            number=entry.number, option=quoted(value_label(entry, code))
        )

    def legislation_missing(self, entry: Entry, code: str) -> str:
        return _(
            "{number} is {answer} but cites no legislation (the general guidance asks for the applicable legislation under each {yes}); "
            "fill in {field}"
        ).format(
            number=entry.number,
            answer=quoted(scale_label(code)),
            yes=quoted(scale_label("yes")),
            field=_field(_("Legislation")),
        )


UI_TERMS = UiTerms()
