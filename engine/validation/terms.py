"""How findings name the parts of an answer.

The messages of ``untoc validate`` speak the response file's syntax ("add legislation: [...]").
A program that shows the answers otherwise — the terminal UI, with its fields titled
"Legislation", "Text for “Other”" — passes its own :class:`Terms` to the validator, so that the
same finding tells its user what to do there. Every message that names a part of an answer is
worded here, and only here.
"""

from __future__ import annotations

from engine.conditions.describe import quoted, scale_label, value_label
from engine.definition.index import Entry
from engine.i18n import _
from engine.validation.sanitize import clean


class Terms:
    """Messages as a response file's author reads them (the default)."""

    def list_for_one(self, entry: Entry, allowed: tuple[str, ...]) -> str:
        """A list where one of ``allowed`` is expected (code ``wrong-kind``)."""
        return _("{number} takes one of {choices}, not a list").format(number=entry.number, choices=", ".join(allowed))

    def list_for_text(self, entry: Entry) -> str:
        """A list where a free text is expected (code ``wrong-kind``)."""
        return _("{number} is answered in free text, not a list").format(number=entry.number)

    def stem_answered(self, entry: Entry) -> str:
        """An answer to an item that only groups sub-items (code ``stem-answered``)."""
        children = ", ".join(c.id for c in entry.children[:4])
        return _("{number} has no answer of its own; answer its sub-items ({children})").format(number=entry.number, children=children)

    def other_has_no_place(self, entry: Entry) -> str:
        """``other`` text for an item without an option ``other`` (code ``other-without-option``)."""
        return _("{number} has no option 'other', so 'other' text has no place").format(number=entry.number)

    def other_not_chosen(self, entry: Entry) -> str:
        """``other`` text while ``other`` is not chosen (code ``other-without-option``)."""
        return _("'other' text is given but the option 'other' is not chosen in {number}").format(number=entry.number)

    def details_not_chosen(self, entry: Entry, code: str) -> str:
        """Details for an option that is not chosen (code ``details-without-option``)."""
        return _("details are given for '{code}' but that option is not chosen in {number}").format(code=clean(code), number=entry.number)

    def not_specified(self, entry: Entry, code: str) -> str:
        """A chosen option that asks for a text, without one (code ``specify-missing``)."""
        where = "other" if code == "other" else f"details: {{{code}: …}}"
        return _("{number}: {label} is chosen but not specified (add {field})").format(
            number=entry.number, label=quoted(value_label(entry, code)), field=where
        )

    def legislation_missing(self, entry: Entry, code: str) -> str:
        """A “Yes” that cites no legislation (code ``legislation-missing``)."""
        return _(
            "{number} is {answer} but cites no legislation (the general guidance asks for the applicable legislation "
            "under each {yes}; add legislation: [...])"
        ).format(number=entry.number, answer=quoted(scale_label(code)), yes=quoted(scale_label("yes")))


FILE_TERMS = Terms()
