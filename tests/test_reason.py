"""Why an item does not apply: one reason, as data (condition, referents and their states), worded once."""

from __future__ import annotations

from engine.conditions.applicability import applicability
from engine.conditions.evaluate import Facts
from engine.conditions.reason import Reason, State, explain
from engine.conditions.resolve import Not, Party, UncacParty
from engine.i18n import use

ALL = ("trafficking", "smuggling", "firearms")


def reason_for(definition, item_id, answers, parties=ALL, uncac=False) -> Reason | None:
    status, effective = applicability(definition, answers, frozenset(parties), uncac)
    return explain(definition, item_id, status, Facts(effective, frozenset(parties), uncac))


def test_an_item_that_applies_has_no_reason(cluster1):
    assert reason_for(cluster1, "3.a", {"3": "yes"}) is None


def test_a_referent_that_does_not_apply_is_not_quoted_but_explained(cluster1):
    """3 = No and 3 (a) = Yes, in part: 3 (d) ("if 3 (a) is Yes, in part or No") does not apply because
    3 (a) does not, whatever 3 (a) says."""
    reason = reason_for(cluster1, "3.d", {"3": "no", "3.a": "partly"})
    assert reason is not None
    assert (reason.scope, reason.item.id, reason.owner.id) == ("item", "3.d", "3.d")
    assert reason.condition is cluster1.entries["3.d"].condition
    [referent] = reason.referents
    assert (referent.entry.id, referent.state, referent.answer) == ("3.a", State.not_applicable, None)
    inner = referent.reason
    assert (inner.scope, inner.owner.id) == ("item", "3.a")
    [three] = inner.referents
    assert (three.entry.id, three.state, three.answer) == ("3", State.answered, "no")
    assert reason.text() == "3 (d) applies only when the answer to 3 (a) is “Yes, in part” or “No”; 3 (a) does not apply, because 3 is “No”"


def test_answered_and_unanswered_referents(cluster1):
    [referent] = reason_for(cluster1, "3.d", {"3": "yes", "3.a": "yes"}).referents
    assert (referent.state, referent.answer) == (State.answered, "yes")
    # A question still to be answered leaves its follow-ups pending: they have no reason not to apply.
    assert reason_for(cluster1, "3.a", {}) is None


def test_an_unanswered_voluntary_referent_reads_as_no_answer():
    from engine.definition import registry

    cluster2 = registry.load("cluster2")
    assert cluster2.entries["69"].voluntary
    [referent] = reason_for(cluster2, "69.a", {}).referents
    assert (referent.entry.id, referent.state) == ("69", State.unanswered)
    assert reason_for(cluster2, "69.a", {}).text().endswith("; 69 is unanswered")


def test_a_sub_item_names_the_ancestor_whose_condition_fails(cluster1):
    reason = reason_for(cluster1, "3.a.i", {"3": "no", "3.a": "yes", "3.a.i": "yes"})
    assert (reason.item.id, reason.owner.id, reason.scope) == ("3.a.i", "3.a", "item")
    assert [(r.entry.id, r.state) for r in reason.referents] == [("3", State.answered)]


def test_every_referent_of_an_any_condition_in_order(cluster1):
    reason = reason_for(cluster1, "9", {"6": "no", "7": "no", "8": "partly"})
    assert [(r.entry.id, r.state, r.answer) for r in reason.referents] == [
        ("6", State.answered, "no"),
        ("7", State.answered, "no"),
        ("8", State.answered, "partly"),
    ]
    assert reason_for(cluster1, "9", {"6": "no", "8": "partly"}) is None  # 7 unanswered: 9 is pending


def test_part_and_section_reasons(cluster1):
    reason = reason_for(cluster1, "33", {}, parties=("smuggling",))
    assert (reason.scope, reason.owner, reason.referents) == ("part", None, ())
    assert reason.condition == Party("trafficking") and reason.parties == frozenset({"smuggling"})
    # Read as a referent's reason, the part's condition gives the treaty fact that fails it.
    assert reason.cause() == "the State is not party to the Trafficking in Persons Protocol"
    reason = reason_for(cluster1, "18.a", {"18": "yes"}, uncac=True)
    assert (reason.scope, reason.condition, reason.uncac_party) == ("section", Not(UncacParty()), True)
    assert reason.cause() == "the State is party to the United Nations Convention against Corruption"


def test_the_reason_is_worded_in_the_interface_language(cluster1):
    reason = reason_for(cluster1, "3.d", {"3": "no", "3.a": "partly"})
    english = reason.text()
    for lang in ("ar", "es", "fr", "ru", "zh"):
        with use(lang):
            words = reason.text()
        assert words != english and "does not apply" not in words and "3 (a)" in words, (lang, words)


def test_the_validator_and_the_terminal_ui_give_the_same_reason(cluster1, response):
    from engine.ui.session import Session
    from engine.validation.validator import validate_path

    path = response('  "3": no\n  "3.a": partly\n  "3.d": Reasons.\n  "33": yes\n')
    warnings = {f.item: f.message for f in validate_path(path) if f.code == "not-applicable"}
    session = Session.open(path, take_lock=False)
    assert set(warnings) == {"3.a", "3.d"}  # the header's parties: 33 applies
    for item_id, message in warnings.items():
        words = session.why_not(cluster1.entries[item_id])
        assert words and f"does not apply: {words};" in message
    assert session.why_not(cluster1.entries["3"]) == ""
