"""Why an item does not apply: the failing condition and what it reads, as data, worded once.

:func:`explain` gives a :class:`Reason` — which condition fails (the item's own, an ancestor's,
its section's or its part's), and the effective state of every question that condition reads:
answered (with the answer), unanswered, or not applicable (with that question's own reason).
:meth:`Reason.text` words it in the current language; the validator's warning and the terminal
UI both say it this way, so "3 (d) applies only when the answer to 3 (a) is “Yes, in part” or
“No”; 3 (a) does not apply, because 3 is “No”" is written in one place.

The records are named tuples, cheap to define: the validator imports this module only when a file
has an answer that does not apply.
"""

from __future__ import annotations

from collections.abc import Mapping
from enum import StrEnum
from typing import Literal, NamedTuple

from engine.conditions.applicability import Applicability
from engine.conditions.describe import describe, instrument_name, joined, party_sentence, quoted, value_label
from engine.conditions.evaluate import Facts, is_given
from engine.conditions.resolve import All, AnyOf, Condition, Not, Party, UncacParty, referenced_ids
from engine.definition.index import Entry
from engine.definition.loaded import Definition
from engine.definition.model import AnswerKind
from engine.i18n import _, current_language, questionnaire_text


class State(StrEnum):
    """The effective state of a question a condition reads."""

    answered = "answered"
    unanswered = "unanswered"
    """It applies but has no (valid) answer."""
    not_applicable = "not-applicable"
    """It does not apply itself, so conditions read it as unanswered."""


class Referent(NamedTuple):
    """A question that a failing condition reads, in its effective state."""

    entry: Entry
    state: State
    answer: object = None
    """The answer conditions read (a code, a list of codes, or text), when ``state`` is answered."""
    reason: Reason | None = None
    """Why the question does not apply, when ``state`` is not-applicable."""

    def text(self) -> str:
        """``3 is “No”``, ``3 is unanswered``, ``3 (a) does not apply, because 3 is “No”``."""
        number = self.entry.number
        if self.state is State.unanswered:
            # Translators: a question a condition reads applies but has no answer ("3 is unanswered").
            return _("{number} is unanswered").format(number=number)
        if self.state is State.not_applicable:
            assert self.reason is not None
            # Translators: a question a condition reads does not apply itself, and why
            # ("3 (a) does not apply, because 3 is “No”").
            return _("{number} does not apply, because {reason}").format(number=number, reason=self.reason.cause())
        if self.entry.kind is AnswerKind.text:
            # Translators: a question answered in free text has an answer ("69 (e) is answered").
            return _("{number} is answered").format(number=number)
        codes = [self.answer] if isinstance(self.answer, str) else [str(code) for code in self.answer]  # type: ignore[attr-defined]
        labels = _(", ").join(quoted(value_label(self.entry, code)) for code in codes)
        return _("{number} is {values}").format(number=number, values=labels)


class Reason(NamedTuple):
    """Why ``item`` does not apply."""

    item: Entry
    scope: Literal["part", "section", "item"]
    """Where the failing condition is written: on the item's part, its section, or an item."""
    condition: Condition
    owner: Entry | None
    """The item whose condition fails (``item`` itself or an ancestor); ``None`` for a part or section."""
    referents: tuple[Referent, ...]
    """The questions the condition reads, in questionnaire order, each in its effective state."""
    parties: frozenset[str]
    """The Protocols the State is party to (as the response lists them)."""
    uncac_party: bool

    def text(self) -> str:
        """The reason in words, in the current language (a clause: no capital, no full stop)."""
        condition = describe(self.condition, {r.entry.id: r.entry for r in self.referents})
        if self.scope == "part":
            return _("it belongs to the part on {instrument}, which applies only when {condition} (parties: {parties})").format(
                instrument=instrument_name(self.item.part.instrument.value),
                condition=condition,
                parties=", ".join(sorted(self.parties)) or _("none"),
            )
        if self.scope == "section":
            heading = quoted(questionnaire_text(self.item.section.heading, current_language()))
            return _("{heading} applies only when {condition} (uncac_party: {value})").format(
                heading=heading, condition=condition, value="true" if self.uncac_party else "false"
            )
        assert self.owner is not None
        # Translators: separator between statements ("3 is “No”; 4 is “Yes”").
        values = _("; ").join(self._facts())
        rule = _("{number} applies only when {condition}; {values}").format(number=self.owner.number, condition=condition, values=values)
        if self.owner is self.item:
            return rule
        return _("{rule}, so its sub-item {number} does not apply either").format(rule=rule, number=self.item.number)

    def cause(self) -> str:
        """What makes the condition fail, without the rule: ``3 is “No”`` (for a question that a
        condition reads and that does not apply itself)."""
        return joined(self._facts(), "and")

    def _facts(self) -> list[str]:
        """The state of everything the condition reads: the questions, then the treaties."""
        facts = [referent.text() for referent in self.referents]
        for atom in _treaty_atoms(self.condition):
            if isinstance(atom, Party):
                facts.append(party_sentence(atom.instrument, atom.instrument in self.parties))
            else:
                facts.append(party_sentence("uncac", self.uncac_party))
        return facts


def explain(definition: Definition, item_id: str, status: Mapping[str, Applicability], facts: Facts) -> Reason | None:
    """Why the item ``item_id`` does not apply (``None`` when it applies).

    ``status`` and ``facts`` are what :func:`engine.conditions.applicability.applicability` computed
    and read: every item's applicability, and the effective answers with the State's treaties.
    """
    found = status[item_id]
    if found.applies or found.condition is None:
        return None
    entries = definition.entries
    ids = sorted(referenced_ids(found.condition), key=lambda i: entries[i].order)
    referents = tuple(_referent(definition, entries[i], status, facts) for i in ids)
    return Reason(entries[item_id], found.scope, found.condition, found.owner, referents, facts.parties, facts.uncac_party)  # type: ignore[arg-type]


def _referent(definition: Definition, entry: Entry, status: Mapping[str, Applicability], facts: Facts) -> Referent:
    if not status[entry.id].applies:
        return Referent(entry, State.not_applicable, reason=explain(definition, entry.id, status, facts))
    answer = facts.answers.get(entry.id)
    if not is_given(answer):
        return Referent(entry, State.unanswered)
    return Referent(entry, State.answered, answer)


def _treaty_atoms(condition: Condition) -> list[Party | UncacParty]:
    """The treaty memberships a condition reads, in the order written."""
    if isinstance(condition, (Party, UncacParty)):
        return [condition]
    if isinstance(condition, Not):
        return _treaty_atoms(condition.operand)
    if isinstance(condition, (All, AnyOf)):
        return [atom for operand in condition.operands for atom in _treaty_atoms(operand)]
    return []
