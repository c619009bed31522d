"""The one definition of completeness: an unanswered question leaves its follow-ups pending, not excluded."""

from __future__ import annotations

from engine.conditions.completeness import assess, readable, waiting_on

ALL = frozenset({"trafficking", "smuggling", "firearms"})


class Standing:
    """An assessment read as the three standings of an item: applies, pending, excluded."""

    def __init__(self, cluster1, answers, parties=ALL, uncac=False):
        self.assessment = assess(cluster1, answers, parties, uncac)
        self.waiting_on = waiting_on(cluster1, self.assessment.status, self.assessment.effective)
        self.answered = [i for i in self.assessment.completeness.expected if i not in self.assessment.completeness.unanswered]
        self.unanswered = self.assessment.completeness.unanswered

    def of(self, item_id: str) -> str:
        state = self.assessment.status[item_id]
        return "excluded" if not state.applies else "pending" if state.pending else "applies"


def test_follow_ups_of_an_unanswered_question_are_pending(cluster1):
    result = Standing(cluster1, {})
    assert result.of("3") == "applies"
    assert result.of("3.a") == "pending" and result.waiting_on["3.a"] == ("3",)
    assert result.of("3.a.i") == "pending" and result.waiting_on["3.a.i"] == ("3", "3.a")
    assert {"3", "3.a", "3.a.i"} <= set(result.unanswered)


def test_an_answer_decides_its_follow_ups(cluster1):
    no = Standing(cluster1, {"3": "no"})
    assert no.of("3.a") == "excluded" and no.of("3.a.i") == "excluded"
    assert "3.a" not in no.unanswered and "3" in no.answered
    yes = Standing(cluster1, {"3": "yes"})
    assert yes.of("3.a") == "applies" and yes.of("3.a.i") == "pending"
    assert yes.waiting_on["3.a.i"] == ("3.a",)


def test_any_of_several_questions_is_decided_by_one_yes_or_by_all_noes(cluster1):
    assert Standing(cluster1, {"75.1": "no"}).of("75.a") == "pending"  # 75 –2 and –3 may still say yes
    assert Standing(cluster1, {"75.1": "no"}).waiting_on["75.a"] == ("75.2", "75.3")
    assert Standing(cluster1, {"75.2": "yes"}).of("75.a") == "applies"
    assert Standing(cluster1, {"75.1": "no", "75.2": "no", "75.3": "no"}).of("75.a") == "excluded"


def test_treaties_decide_parts_and_sections_at_once(cluster1):
    result = Standing(cluster1, {}, parties=frozenset(), uncac=True)
    firearms = [e.id for e in cluster1.entries.values() if e.part.instrument.value == "firearms"]
    assert firearms and all(result.of(i) == "excluded" for i in firearms)
    article8 = [e.id for e in cluster1.entries.values() if e.section.heading.startswith("Article 8.")]
    assert article8 and all(result.of(i) == "excluded" for i in article8)


def test_only_what_the_state_is_expected_to_answer_counts(cluster1):
    result = Standing(cluster1, {})
    counted = set(result.answered) | set(result.unanswered)
    assert "27" not in counted  # voluntary
    assert "12.b" not in counted  # applies by a note the State judges ("If not, …")
    assert len(result.assessment.completeness.expected) == len(counted)


def test_readable_values_are_those_a_condition_can_read(cluster1):
    entries = cluster1.entries
    assert readable(entries["3"], "yes") == "yes"
    assert readable(entries["3"], "Yes") is None  # codes are lowercase; the validator says so
    assert readable(entries["1.a"], "  ") is None and readable(entries["1.a"], "Text") == "Text"
    assert readable(entries["28.a"], ["bogus", "other"]) == ["other"]
    assert readable(entries["1.a"], ["a list"]) is None
