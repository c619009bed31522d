"""Every cluster: answers that break conditions are reported, with the right reason."""

from __future__ import annotations

import json
import random

import pytest

from engine.conditions.describe import describe
from engine.conditions.resolve import Compare, Not, UncacParty
from engine.definition import registry
from engine.validation.validator import validate_path

from factories import choose_answers

PARTIES = [["trafficking", "smuggling", "firearms"], ["smuggling"], []]


def response_text(definition, answers, parties, uncac):
    lines = [
        f"questionnaire: {definition.id}",
        "state: X",
        "language: en",
        f"parties: [{', '.join(parties)}]",
        f"uncac_party: {str(uncac).lower()}",
        "answers:",
    ]
    lines += [f"  {json.dumps(key)}: {json.dumps(value)}" for key, value in answers.items()]
    return "\n".join(lines) + "\n"


@pytest.mark.parametrize("cluster", ["cluster1", "cluster2", "cluster3", "cluster4"])
def test_answers_to_questions_that_do_not_apply_are_reported_with_their_reason(tmp_path, cluster):
    from engine.conditions.applicability import applicability

    definition = registry.load(cluster)
    kinds: set[str] = set()
    for seed in range(6):
        rng = random.Random(seed)
        answers = choose_answers(definition, rng, yes_bias=[0.9, 0.5, 0.1][seed % 3])
        parties, uncac = PARTIES[seed % 3], seed % 2 == 1
        status, _ = applicability(definition, answers, frozenset(parties), uncac)
        path = tmp_path / f"{seed}.yaml"
        path.write_text(response_text(definition, answers, parties, uncac), encoding="utf-8")
        findings = validate_path(path)
        assert not [f for f in findings if f.severity.value == "error"], findings[:3]
        warned = {f.item: f for f in findings if f.code == "not-applicable"}
        expected = {item for item in answers if not status[item].applies}
        assert set(warned) == expected
        for item in expected:
            reason = status[item]
            assert describe(reason.condition, definition.entries) in warned[item].message
            condition = reason.condition
            kinds.add(type(condition.operand if isinstance(condition, Not) else condition).__name__)
    assert {"Compare", "Party"} <= kinds
    if cluster == "cluster1":
        assert "UncacParty" in kinds


def test_every_kind_of_condition_is_used():
    used: set[str] = set()
    for cluster in registry.available():
        definition = registry.load(cluster)
        conditions = [e.condition for e in definition.entries.values() if e.condition is not None]
        conditions += list(definition.part_conditions.values()) + list(definition.section_conditions.values())
        for condition in conditions:
            if isinstance(condition, Compare):
                used.add(f"compare-{condition.quantifier}")
            elif isinstance(condition, Not) and isinstance(condition.operand, UncacParty):
                used.add("not-uncac")
            else:
                used.add(type(condition).__name__)
    assert {"compare-one", "compare-any", "Answered", "Party", "not-uncac"} <= used


def test_a_condition_on_a_selection(tmp_path):
    """C-II 88 (a): "If one or more of the above have been selected"."""
    definition = registry.load("cluster2")
    path = tmp_path / "r.yaml"
    path.write_text(response_text(definition, {"88.a": "Details."}, ["firearms"], False), encoding="utf-8")
    [finding] = [f for f in validate_path(path) if f.code == "not-applicable"]
    assert finding.item == "88.a" and "88 (a) applies only when 88 is answered" in finding.message
    path.write_text(response_text(definition, {"88": ["other"], "88.a": "Details."}, ["firearms"], False), encoding="utf-8")
    assert not [f for f in validate_path(path) if f.code == "not-applicable"]


@pytest.mark.parametrize(("yes_to", "applies"), [("17.c.i", True), ("17.c.iii", True), ("17.a", True), (None, False)])
def test_c2_17_d_follows_any_yes_under_17_a_to_c(tmp_path, yes_to, applies):
    """C-II 17 (d): "If the answer to any of the questions 17 (a)–(c) is “Yes”"; 17 (c)'s answers are 17 (c) (i)–(iii)."""
    from engine.conditions.applicability import applicability

    definition = registry.load("cluster2")
    answers = {item: "no" for item in ("17.a", "17.b", "17.c.i", "17.c.ii", "17.c.iii")}
    if yes_to:
        answers[yes_to] = "yes"
    status, _ = applicability(definition, answers, frozenset(), False)
    assert status["17.d"].applies is applies
    path = tmp_path / "r.yaml"
    path.write_text(response_text(definition, {**answers, "17.d": "Our experience."}, [], False), encoding="utf-8")
    warned = [f.item for f in validate_path(path) if f.code == "not-applicable"]
    assert warned == ([] if applies else ["17.d"])
