"""The one definition of completeness: an unanswered question leaves its follow-ups pending, not excluded."""

from __future__ import annotations

from engine.conditions.completeness import Standing, completeness, usable_value

ALL = frozenset({"trafficking", "smuggling", "firearms"})


def standing(cluster1, answers, parties=ALL, uncac=False):
    return completeness(cluster1, answers, parties, uncac)


def test_follow_ups_of_an_unanswered_question_are_pending(cluster1):
    result = standing(cluster1, {})
    assert result.standing["3"] is Standing.applies
    assert result.standing["3.a"] is Standing.pending and result.waiting_on["3.a"] == ("3",)
    assert result.standing["3.a.i"] is Standing.pending and result.waiting_on["3.a.i"] == ("3", "3.a")
    assert {"3", "3.a", "3.a.i"} <= set(result.unanswered)


def test_an_answer_decides_its_follow_ups(cluster1):
    no = standing(cluster1, {"3": "no"})
    assert no.standing["3.a"] is Standing.excluded and no.standing["3.a.i"] is Standing.excluded
    assert "3.a" not in no.unanswered and "3" in no.answered
    yes = standing(cluster1, {"3": "yes"})
    assert yes.standing["3.a"] is Standing.applies and yes.standing["3.a.i"] is Standing.pending
    assert yes.waiting_on["3.a.i"] == ("3.a",)


def test_any_of_several_questions_is_decided_by_one_yes_or_by_all_noes(cluster1):
    assert standing(cluster1, {"75.1": "no"}).standing["75.a"] is Standing.pending  # 75 –2 and –3 may still say yes
    assert standing(cluster1, {"75.1": "no"}).waiting_on["75.a"] == ("75.2", "75.3")
    assert standing(cluster1, {"75.2": "yes"}).standing["75.a"] is Standing.applies
    assert standing(cluster1, {"75.1": "no", "75.2": "no", "75.3": "no"}).standing["75.a"] is Standing.excluded


def test_treaties_decide_parts_and_sections_at_once(cluster1):
    result = standing(cluster1, {}, parties=frozenset(), uncac=True)
    firearms = [e.id for e in cluster1.entries.values() if e.part.instrument.value == "firearms"]
    assert firearms and all(result.standing[i] is Standing.excluded for i in firearms)
    article8 = [e.id for e in cluster1.entries.values() if e.section.heading.startswith("Article 8.")]
    assert article8 and all(result.standing[i] is Standing.excluded for i in article8)


def test_only_what_the_state_is_expected_to_answer_counts(cluster1):
    result = standing(cluster1, {})
    counted = set(result.answered) | set(result.unanswered)
    assert "27" not in counted  # voluntary
    assert "12.b" not in counted  # applies by a note the State judges ("If not, …")
    assert result.expected == len(counted)


def test_usable_values_are_those_a_condition_can_read(cluster1):
    entries = cluster1.entries
    assert usable_value(entries["3"], "yes") == "yes"
    assert usable_value(entries["3"], "Yes") is None  # codes are lowercase; the validator says so
    assert usable_value(entries["1.a"], "  ") is None and usable_value(entries["1.a"], "Text") == "Text"
    assert usable_value(entries["28.a"], ["bogus", "other", "other"]) == ["other"]
    assert usable_value(entries["1.a"], ["a list"]) is None
