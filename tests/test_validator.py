"""The validator's findings: located, in plain words, all in one pass."""

from __future__ import annotations

import json

import pytest

from engine.definition import registry

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


@pytest.mark.parametrize(
    ("answers", "code", "fragment"),
    [
        ('  "99.z": yes\n', 1, "[99.z] cluster1 has no question '99.z'"),
        ('  "3.e": yes\n', 1, "did you mean 3.d (3 (d))?"),
        ('  "1": maybe\n', 1, "1 takes one of yes, partly, no, not 'maybe'"),
        ('  "3": Yes, in part\n', 1, "3 takes one of yes, no"),
        ('  "6": "Yes, in part"\n', 1, "write partly for “Yes, in part”"),
        ('  "1": [yes]\n', 1, "not a list"),
        ('  "10": [a, b]\n', 1, "10 is answered in free text, not a list"),
        ('  "25": yes\n', 1, "25 has no answer of its own; answer its sub-items (25.a, 25.b, 25.c, 25.d)"),
        ('  "28": yes\n  "28.a": [lack-of-awareness, bogus]\n', 1, "28 (a) has no option 'bogus'"),
        ('  "41": [under-18, other]\n', 1, "41 takes a single option, not 2"),
        ('  "28": yes\n  "28.a":\n    answer: [lack-of-awareness]\n    other: text\n', 1, "the option 'other' is not chosen in 28 (a)"),
        ('  "1":\n    answer: yes\n    other: text\n', 1, "1 has no option 'other'"),
        ('  "28": yes\n  "28.a": [other]\n', 0, "“Other issues (please specify)” is chosen but not specified"),
        ('  "1":\n    answer: yes\n    links: [sherloc.unodc.org]\n', 0, "is not an absolute http(s) link"),
        ('  "1":\n    answer: yes\n    source: x\n', 1, "unknown key 'source' in an answer"),
        ('  "1": yes\n  "1": no\n', 1, "duplicate key '1': first at line 7, again at line 8"),
        ('  "33": yes\n', 0, "applies only when the State is party to the Trafficking in Persons Protocol"),
    ],
    ids=[
        "unknown-question",
        "suggestion",
        "bad-code",
        "wrong-scale",
        "label-not-code",
        "list-for-scale",
        "list-for-text",
        "stem",
        "unknown-option",
        "choice-many",
        "other-not-chosen",
        "other-no-option",
        "specify-missing",
        "bad-link",
        "unknown-answer-key",
        "duplicate-key",
        "party",
    ],
)
def test_findings(cli, response, answers, code, fragment):
    header = None
    if "33" in answers:
        header = "questionnaire: cluster1\nstate: X\nlanguage: en\nparties: [smuggling]\nuncac_party: false\nanswers:\n"
    path = response(answers) if header is None else response(answers, header)
    run = cli("validate", str(path))
    assert fragment in run.out, run.out
    assert run.code == code, run.out


def test_a_yes_without_legislation_is_a_warning(cli, response):
    run = cli("validate", str(response('  "1": yes\n  "3": no\n  "28": yes\n  "28.a": [limited-resources]\n  "21.a": yes\n')))
    found = lines_of(run)
    assert run.code == 0 and len(found) == 2, found  # 28 is under "Difficulties encountered"; 21 (a) does not apply
    assert "warning [1] 1 is “Yes” but cites no legislation" in found[0]
    assert "— “Does your country’s legal framework include the definitions…”" in found[0]


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
    assert run.code == 0 and "applicable questions not answered yet" in run.out
    run = cli("validate", "--complete", str(path))
    assert run.code == 1
    assert "error [1.a] 1 (a) applies but is not answered" in run.out
    assert "[27]" not in run.out  # voluntary
    assert "[4]" not in run.out  # a condition no answer captures
    # 3 is unanswered, so 3 (a) is pending: it counts, and says what it waits for
    assert "error [3.a] 3 (a) may apply but is not answered: it depends on the answer to 3, not given yet" in run.out
    assert "error [3.a.i] 3 (a) (i) may apply but is not answered: it depends on the answer to 3 or 3 (a), not given yet" in run.out


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
