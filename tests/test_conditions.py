"""Conditions: parsing, and evaluation of every kind of condition Cluster I uses."""

from __future__ import annotations

import pytest

from engine.conditions import parser
from engine.conditions.applicability import applicability
from engine.conditions.describe import describe
from engine.conditions.parser import ConditionSyntaxError


def test_grammar():
    expr = parser.parse("any(66.f.i..66.f.vi) in (partly, no) or not uncac_party and party(firearms)")
    assert isinstance(expr, parser.AnyOf)
    compare, both = expr.operands
    assert compare.quantifier == "any" and compare.refs[0].start == "66.f.i" and compare.refs[0].end == "66.f.vi"
    assert compare.values == ("partly", "no")
    assert isinstance(both, parser.All)
    assert isinstance(both.operands[0], parser.Not) and isinstance(both.operands[1], parser.Party)
    assert isinstance(parser.parse("answered(88)"), parser.Answered)
    assert isinstance(parser.parse("(3 = yes)"), parser.Compare)


@pytest.mark.parametrize(
    ("source", "offset"),
    [("", 0), ("3 =", 3), ("3 yes", 2), ("party(", 6), ("3 = yes and", 11), ("3 = yes)", 7), ("3 = yes; rm", 7), ("__import__('os')", 11)],
)
def test_syntax_errors_carry_their_offset(source, offset):
    with pytest.raises(ConditionSyntaxError) as error:
        parser.parse(source)
    assert error.value.offset == offset


def status_of(definition, answers, parties=("trafficking", "smuggling", "firearms"), uncac=False):
    status, effective = applicability(definition, answers, frozenset(parties), uncac)
    return {k: v.applies for k, v in status.items()}, effective


def test_condition_on_the_parent(cluster1):
    applies, _ = status_of(cluster1, {"6": "partly"})
    assert applies["6.a"]
    applies, _ = status_of(cluster1, {"6": "yes"})
    assert not applies["6.a"]
    applies, _ = status_of(cluster1, {"20": "no"})
    assert applies["20.a"] and not applies["21"] and not applies["21.a"]


def test_condition_on_a_named_question_and_nested_sub_items(cluster1):
    applies, _ = status_of(cluster1, {"3": "no", "3.a": "yes"})
    assert not applies["3.a"] and not applies["3.a.i"] and not applies["3.c"]
    applies, effective = status_of(cluster1, {"3": "yes", "3.a": "yes"})
    assert applies["3.a"] and applies["3.a.i"] and applies["3.c"] and not applies["3.d"]
    assert effective == {"3": "yes", "3.a": "yes"}
    applies, _ = status_of(cluster1, {"3": "yes", "3.a": "partly"})
    assert applies["3.d"] and not applies["3.c"] and not applies["3.a.i"]


def test_hidden_answers_do_not_count(cluster1):
    # 3 (a) is answered "Yes" but 3 is "No": 3 (a) does not apply, so 3 (c) ("If 3 (a) is Yes") does not either.
    applies, effective = status_of(cluster1, {"3": "no", "3.a": "yes"})
    assert not applies["3.c"] and "3.a" not in effective


def test_condition_on_any_of_several_questions(cluster1):
    assert not status_of(cluster1, {"6": "no", "7": "partly", "8": "no"})[0]["9"]
    assert status_of(cluster1, {"6": "no", "7": "no", "8": "yes"})[0]["9"]


def test_condition_on_a_range_of_sub_questions(cluster1):
    base = {"70": "yes"}
    applies, _ = status_of(cluster1, {**base, "70.b.i": "no", "70.b.iv": "partly"})
    assert applies["70.c"] and applies["70.d"]
    every_no = {f"70.b.{n}": "no" for n in ("i", "ii", "iii", "iv", "v")}
    applies, _ = status_of(cluster1, {**base, **every_no})
    assert not applies["70.c"] and applies["70.d"]
    applies, _ = status_of(cluster1, {"75.1": "yes", "75.2": "yes", "75.3": "yes"})
    assert applies["75.a"] and not applies["75.b"]


def test_an_unanswered_question_leaves_its_follow_ups_pending(cluster1):
    """A follow-up of a question still to be answered is pending: counted as to do, not excluded."""
    parties = frozenset(("trafficking", "smuggling", "firearms"))
    status, effective = applicability(cluster1, {}, parties, False)
    assert status["3.a"].applies and status["3.a"].pending and status["3.a"].owner.id == "3.a"
    assert status["3.a.i"].pending  # 3 (a) (i) reads 3 (a), itself pending
    assert status["1"].applies and not status["1"].pending
    status, effective = applicability(cluster1, {"3": "no"}, parties, False)
    assert not status["3.a"].applies and not status["3.a"].pending
    status, effective = applicability(cluster1, {"3": "yes", "3.a": "partly"}, parties, False)
    assert status["3.a"].applies and not status["3.a"].pending and effective["3.a"] == "partly"
    assert not status["3.a.i"].applies  # 3 (a) is “Yes, in part”: decided
    # any(…) with one "no" and the rest unanswered: not decided yet; one "yes" decides it
    status, _ = applicability(cluster1, {"70": "yes", "70.b.i": "no"}, parties, False)
    assert status["70.c"].pending and status["70.d"].applies and not status["70.d"].pending
    status, _ = applicability(cluster1, {"70": "yes", "70.b.i": "no", "70.b.ii": "yes"}, parties, False)
    assert status["70.c"].applies and not status["70.c"].pending
    # a pending item's own answer is not read by later conditions until it is decided
    status, effective = applicability(cluster1, {"3.a": "yes"}, parties, False)
    assert "3.a" not in effective and status["3.a.i"].pending


def test_protocol_parts_apply_only_to_parties(cluster1):
    applies, _ = status_of(cluster1, {}, parties=("smuggling",))
    assert not applies["33"] and applies["50"] and not applies["67"] and applies["1"]
    assert not applies["47.a"]


def test_articles_8_and_9_only_for_states_not_party_to_uncac(cluster1):
    assert status_of(cluster1, {}, uncac=False)[0]["13"]
    applies, _ = status_of(cluster1, {"18": "yes"}, uncac=True)
    assert not applies["13"] and not applies["18"] and not applies["18.a"] and applies["20"]


def test_conditions_in_words(cluster1):
    entries = cluster1.entries
    assert describe(entries["3.d"].condition, entries) == "the answer to 3 (a) is “Yes, in part” or “No”"
    assert describe(entries["9"].condition, entries) == "the answer to any of 6, 7 or 8 is “Yes”"
    part = cluster1.part_conditions[1]
    assert describe(part, entries) == "the State is party to the Trafficking in Persons Protocol"


def test_every_cluster_condition_refers_backwards():
    from engine.conditions.resolve import referenced_ids
    from engine.definition import registry

    for cluster in registry.available():
        definition = registry.load(cluster)
        for entry in definition.entries.values():
            if entry.condition is not None:
                for ref in referenced_ids(entry.condition):
                    assert definition.entries[ref].order < entry.order
