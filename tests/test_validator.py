"""The validator's findings: located, in plain words, all in one pass."""

from __future__ import annotations

import json

import pytest

from engine.definition import registry
from engine.validation.codes import Code

from factories import complete_response


def lines_of(run):
    return [line for line in run.out.splitlines() if ": error" in line or ": warning" in line]


def test_skeleton_answers_validate(cli, response):
    path = response(
        '  "1":\n    answer: yes\n    legislation: [Penal Code, art. 2]\n  "1.a": Our Penal Code defines an organized criminal group as …\n'
    )
    run = cli("validate", str(path))
    assert run.code == 0, run.out
    assert "0 errors, 0 warnings" in run.out


def test_hand_written_yes_and_no_are_answers_not_booleans(cli, response):
    run = cli("validate", str(response('  "3": yes\n  "17": no\n  "1": partly\n')))
    assert run.code == 0 and "0 errors" in run.out, run.out
    run = cli("validate", str(response('  "1": Yes\n  "2": NO\n')))
    assert "1 takes one of yes, partly, no, not 'Yes' (write yes for “Yes”)" in run.out
    assert "(write no for “No”)" in run.out


def test_finding_format_and_reason_for_a_condition(cli, response):
    path = response('  "3": no\n  "3.a": yes\n')
    run = cli("validate", str(path))
    assert run.code == 0  # a warning only
    [line] = lines_of(run)
    assert line.startswith(f"{path}:8:10: warning [3.a] ")
    assert "3 (a) applies only when the answer to 3 is “Yes”; 3 is “No”" in line


def test_sub_item_of_a_hidden_item(cli, response):
    run = cli("validate", str(response('  "3": no\n  "3.a.i": partly\n')))
    assert "3 (a) applies only when the answer to 3 is “Yes”; 3 is “No”, so its sub-item 3 (a) (i) does not apply either" in run.out


FINDINGS = {
    # name: (answers, exit code, the finding's code, its item, its line:column)
    "unknown-question": ('  "99.z": yes\n', 1, Code.unknown_question, "99.z", "7:3"),
    "unknown-scale-code": ('  "1": maybe\n', 1, Code.unknown_option, "1", "7:8"),
    "wrong-scale": ('  "3": Yes, in part\n', 1, Code.unknown_option, "3", "7:8"),
    "list-for-scale": ('  "1": [yes]\n', 1, Code.wrong_kind, "1", "7:8"),
    "list-for-text": ('  "10": [a, b]\n', 1, Code.wrong_kind, "10", "7:9"),
    "stem": ('  "25": yes\n', 1, Code.stem_answered, "25", "7:9"),
    "unknown-option": ('  "28": yes\n  "28.a": [lack-of-awareness, bogus]\n', 1, Code.unknown_option, "28.a", "8:11"),
    "choice-many": ('  "41": [under-18, other]\n', 1, Code.wrong_kind, "41", "7:9"),
    "other-not-chosen": (
        '  "28": yes\n  "28.a":\n    answer: [lack-of-awareness]\n    other: text\n',
        1,
        Code.other_without_option,
        "28.a",
        "10:12",
    ),
    "other-no-option": ('  "1":\n    answer: yes\n    other: text\n', 1, Code.other_without_option, "1", "9:12"),
    "details-not-chosen": (
        '  "28": yes\n  "28.a":\n    answer: [other]\n    other: x\n    details: {limited-resources: x}\n',
        1,
        Code.details_without_option,
        "28.a",
        "11:15",
    ),
    "details-unknown": (
        '  "28": yes\n  "28.a":\n    answer: [other]\n    other: x\n    details: {bogus: x}\n',
        1,
        Code.unknown_option,
        "28.a",
        "11:15",
    ),
    "duplicate-option": ('  "28": yes\n  "28.a": [limited-resources, limited-resources]\n', 0, Code.duplicate_option, "28.a", "8:11"),
    "specify-missing": ('  "28": yes\n  "28.a": [other]\n', 0, Code.specify_missing, "28.a", "8:11"),
    "bad-link": ('  "1":\n    answer: yes\n    links: [sherloc.unodc.org]\n', 0, Code.bad_link, "1", "9:13"),
    "unknown-answer-key": ('  "1":\n    answer: yes\n    source: x\n', 1, Code.unknown_key, "1", "9:5"),
    "duplicate-key": ('  "1": yes\n  "1": no\n', 1, Code.duplicate_key, None, "8:3"),
    "empty-list-entry": ('  "1":\n    answer: yes\n    legislation: [~]\n', 1, Code.wrong_type, "1", "9:19"),
    "not-applicable": ('  "3": no\n  "3.a": yes\n', 0, Code.not_applicable, "3.a", "8:10"),
    "legislation-missing": ('  "1": yes\n', 0, Code.legislation_missing, "1", "7:8"),
    "party": ('  "33": yes\n', 0, Code.not_applicable, "33", "7:9"),
}


@pytest.mark.parametrize("name", sorted(FINDINGS))
def test_findings(cli, response, name):
    answers, exit_code, code, item, where = FINDINGS[name]
    header = None
    if "33" in answers:
        header = "questionnaire: cluster1\nstate: X\nlanguage: en\nparties: [smuggling]\nuncac_party: false\nanswers:\n"
    path = response(answers) if header is None else response(answers, header)
    run = cli("validate", "--format", "json", str(path))
    findings = [f for f in json.loads(run.out)["files"][0]["findings"] if f["code"] != Code.unanswered]
    assert run.code == exit_code, run.out
    assert any((f["code"], f["item"], f"{f['line']}:{f['column']}") == (code, item, where) for f in findings), findings
    assert {f["code"] for f in findings} <= {code, Code.legislation_missing, Code.unknown_question}


@pytest.mark.parametrize(
    ("answers", "hint"),
    [
        ('  "3.e": yes\n', "did you mean 3.d (3 (d))?"),
        ('  "3": Yes, in part\n', "3 takes one of yes, no"),
        ('  "6": "Yes, in part"\n', "write partly for “Yes, in part”"),
        ('  "1": PARTLY\n', "(codes are lowercase: partly)"),
        ('  "1": " yes"\n', "(without the blanks around it: yes)"),
        ('  "28": yes\n  "28.a": [lack-of-awarenes]\n', "(did you mean lack-of-awareness?)"),
        ('  "1": yes\n  "1": no\n', "duplicate key '1': first at line 7, again at line 8"),
    ],
)
def test_hints(cli, response, answers, hint):
    """Where the wording is the point: a suggestion of what to write instead."""
    assert hint in cli("validate", str(response(answers))).out


def test_a_yes_without_legislation_is_a_warning(cli, response):
    run = cli("validate", str(response('  "1": yes\n  "3": no\n  "28": yes\n  "28.a": [limited-resources]\n  "21.a": yes\n')))
    found = lines_of(run)
    assert run.code == 0 and len(found) == 2, found  # 28 is under "Difficulties encountered"; 21 (a) does not apply
    assert "warning [1] 1 is “Yes” but cites no legislation" in found[0]
    assert "— “Does your country’s legal framework include the definitions…”" in found[0]


def test_legislation_is_asked_for_under_yes_only(response):
    """The guidance asks for legislation "under each question to which the answer is “Yes”" and, elsewhere,
    only "where appropriate": “Yes, in part” and “No” without legislation are not reported."""
    from engine.validation.validator import validate_path

    def missing(answers: str) -> list[str | None]:
        return [f.item for f in validate_path(response(answers)) if f.code == "legislation-missing"]

    assert missing('  "1": yes\n  "6": partly\n  "17": no\n') == ["1"]
    assert missing('  "1": partly\n') == []
    assert missing('  "1":\n    answer: yes\n    legislation: [Penal Code, art. 2]\n') == []


def test_header_findings(cli, write):
    path = write(
        "questionnaire: cluster1\nstate: ''\nlanguage: xx\nparties: [trafficking, smugling]\nuncac_party: maybe\nextra: 1\nanswers: {}\n"
    )
    run = cli("validate", str(path))
    assert run.code == 1
    for fragment in (
        "2:8: error the file does not name the State",
        "3:11: error unknown language 'xx'",
        "4:24: error unknown Protocol 'smugling' (did you mean smuggling?)",
        "5:14: error uncac_party must be true or false",
        "6:1: error unknown key 'extra'",
    ):
        assert fragment in run.out


def test_articles_8_and_9_for_a_party_to_uncac(cli, write):
    path = write("questionnaire: cluster1\nstate: X\nlanguage: en\nparties: []\nuncac_party: true\nanswers:\n  '13': yes\n")
    run = cli("validate", str(path))
    assert (
        "“Article 8. Criminalization of corruption” applies only when the State is not party to the United Nations Convention against Corruption (uncac_party: true)"
        in run.out
    )


def test_all_findings_in_one_pass_sorted_by_position(cli, response):
    run = cli("validate", str(response('  "99": yes\n  "1": maybe\n  "3": no\n  "3.a": yes\n')))
    found = lines_of(run)
    assert len(found) == 3
    positions = [tuple(int(x) for x in line.split(":")[1:3]) for line in found]
    assert positions == sorted(positions)


def test_unanswered_is_counted_then_an_error_with_complete(cli, response):
    path = response('  "1": yes\n')
    run = cli("validate", str(path))
    assert run.code == 0 and "questions still to be answered" in run.out
    run = cli("validate", "--complete", str(path))
    assert run.code == 1
    assert "error [1.a] 1 (a) applies but is not answered" in run.out
    assert "[27]" not in run.out  # voluntary
    assert "[4]" not in run.out  # a condition no answer captures
    # 3 is unanswered, so 3 (a) is pending: it counts, and says what it waits for
    assert "error [3.a] 3 (a) may apply but is not answered: it depends on the answer to 3, not given yet" in run.out
    assert "error [3.a.i] 3 (a) (i) may apply but is not answered: it depends on the answer to 3 or 3 (a), not given yet" in run.out
    path = response('  "1": yes\n  "3": no\n')
    assert "[3.a]" not in cli("validate", "--complete", str(path)).out  # 3 is “No”: 3 (a) does not apply


def test_json_output(cli, response):
    run = cli("validate", "--format", "json", str(response('  "3": no\n  "3.a": yes\n  "1": maybe\n')))
    data = json.loads(run.out)
    assert data["summary"]["errors"] == 1 and data["summary"]["warnings"] == 1 and data["summary"]["exit_code"] == 1
    finding = next(f for f in data["files"][0]["findings"] if f["item"] == "3.a")
    assert finding["number"] == "3 (a)" and finding["code"] == "not-applicable" and finding["line"] == 8
    assert finding["excerpt"].startswith("If the answer to question 3 is “Yes”")


@pytest.mark.parametrize("cluster", ["cluster1", "cluster2", "cluster3", "cluster4"])
def test_a_complete_response_for_a_party_to_all_protocols_validates(cli, write, cluster):
    definition = registry.load(cluster)
    for seed in range(3):
        path = write(complete_response(definition, seed=seed, yes_bias=[0.9, 0.5, 0.2][seed]), f"{cluster}-{seed}.yaml")
        run = cli("validate", "--complete", str(path))
        assert run.code == 0, run.out
        assert "0 errors, 0 warnings" in run.out


def test_terminal_escapes_from_a_file_are_neutralised(cli, write):
    path = write(
        'questionnaire: cluster1\nstate: X\nlanguage: "\\e[31mred\\u202e"\nparties: []\nuncac_party: false\nanswers:\n  "\\e]0;pwned\\a": yes\n'
    )
    run = cli("validate", str(path))
    assert "\x1b" not in run.out and "\u202e" not in run.out and "\x07" not in run.out
    assert "\\x1b[31mred\\u202e" in run.out and "\\x1b]0;pwned\\x07" in run.out
    run = cli("validate", "--format", "json", str(path))
    assert "\x1b" not in run.out and "\u202e" not in run.out
