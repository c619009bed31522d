"""engine.responses.writer: the YAML written back reads as the same answers, and validates."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from engine.definition import registry
from engine.responses.model import read
from engine.responses.writer import Document, Record, dump, from_response, scalar
from engine.validation.findings import Severity
from engine.validation.validator import validate

from factories import complete_response


def plain(response) -> dict[str, object]:
    """The answers of a read response as plain data."""
    return {
        item_id: (
            a.value,
            a.contributor and a.contributor.value,
            [x.value for x in a.legislation],
            [x.value for x in a.links],
            a.comment and a.comment.value,
            a.other and a.other.value,
            {code: x.value for code, x in a.details.items()},
        )
        for item_id, a in response.answers.items()
    }


@pytest.mark.parametrize("cluster", ["cluster1", "cluster2", "cluster3", "cluster4"])
def test_complete_file_round_trips_and_validates(tmp_path: Path, cluster: str):
    definition = registry.load(cluster)
    source = tmp_path / "source.yaml"
    source.write_text(complete_response(definition, seed=3), encoding="utf-8")
    original = read(source)
    written = tmp_path / "written.yaml"
    written.write_text(dump(from_response(original), definition.entries), encoding="utf-8")
    again = read(written)
    assert not again.problems
    assert plain(again) == plain(original)
    assert list(again.answers) == [i for i in definition.entries if i in again.answers]  # questionnaire order
    assert not [f for f in validate(again, definition) if f.severity is Severity.error]


def test_layout_is_readable(tmp_path: Path):
    document = Document("cluster1", "Examplestan", "en", ["smuggling"], True)
    document.answers["3"] = Record("yes", legislation=["Penal Code, art. 210"], links=["https://sherloc.unodc.org/x"])
    document.answers["1"] = Record("partly")
    document.answers["1.a"] = Record("First paragraph.\n\nSecond: with a colon")
    document.answers["99.z"] = Record("kept although unknown")
    document.answers["2.a"] = Record(None)  # empty: left out
    text = dump(document, registry.load("cluster1").entries)
    assert text.splitlines()[1:7] == [
        "questionnaire: cluster1",
        "state: Examplestan",
        "language: en",
        "parties: [smuggling]",
        "uncac_party: true",
        "answers:",
    ]
    assert '  "1": partly\n  "1.a": |-\n    First paragraph.\n\n    Second: with a colon\n  "3":\n    answer: yes\n' in text
    assert text.endswith('  "99.z": kept although unknown\n')
    assert '"2.a"' not in text


@pytest.mark.parametrize(
    "text",
    [
        "yes",
        "no",
        "~",
        "null",
        "",
        " padded",
        "a: b",
        "# not a comment",
        "- dash",
        "0777",
        "1.5",
        "on",
        "x #y",
        "[list]",
        "tab\there",
        "ends with newline\n",
        "two\n\n",
        "\nleading",
        "  indented\nsecond",
        "line\u2028sep",
        "nbsp\xa0x",
        "é ü 中文 العربية",
        "bell\x07",
        "bom\ufeff",
        "crlf\r\nline",
        "trailing  \nspaces  ",
        "   \nx",
        "x\n   \ny",
        "---",
        "...",
        "key:",
        '"quoted"',
        "'single'",
    ],
)
def test_awkward_texts_round_trip(tmp_path: Path, text: str):
    assert_round_trip(tmp_path, text)


def assert_round_trip(tmp_path: Path, text: str) -> None:
    document = Document("cluster1", text or "S", "en")
    document.answers["1.a"] = Record(
        text or None, legislation=[text] if text else [], comment=text or None, details={"x": text or None}, contributor=text or None
    )
    path = tmp_path / "r.yaml"
    path.write_text(dump(document), encoding="utf-8")
    response = read(path)
    assert not response.problems, response.problems
    assert response.state.value == (text or "S")
    answer = response.answers["1.a"]
    assert answer.value == (text or None)
    assert [x.value for x in answer.legislation] == ([text] if text else [])
    assert (answer.comment.value if answer.comment else None) == (text or None)
    assert answer.details["x"].value == (text or None)
    assert (answer.contributor.value if answer.contributor else None) == (text or None)


@settings(max_examples=200, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.text(st.characters(blacklist_categories=("Cs",)), max_size=40))
def test_any_text_round_trips(tmp_path: Path, text: str):
    assert_round_trip(tmp_path, text)


def test_codes_stay_bare():
    assert scalar("lack-of-awareness") == "lack-of-awareness"
    assert scalar("yes", code=True) == "yes"
    assert scalar("yes") == '"yes"'  # a text that looks typed is quoted


def test_contributor_is_read_validated_and_written_back(tmp_path: Path):
    """``contributor:`` (who gave the answer) is an answer key like the others: read, accepted, kept."""
    definition = registry.load("cluster1")
    source = tmp_path / "r.yaml"
    source.write_text(
        "questionnaire: cluster1\nstate: S\nlanguage: en\nparties: []\nuncac_party: false\nanswers:\n"
        '  "1":\n    answer: "no"\n    contributor: Ministry of Justice\n'
        '  "2.a":\n    contributor: Ministry of the Interior\n'
        '  "3":\n    answer: "no"\n    contributor: [not, text]\n',
        encoding="utf-8",
    )
    response = read(source)
    assert response.answers["1"].contributor.value == "Ministry of Justice"
    findings = validate(response, definition)
    assert [(f.item, f.code) for f in findings if f.severity is Severity.error] == [("3", "wrong-type")]
    document = from_response(response)
    assert document.answers["2.a"].contributor == "Ministry of the Interior" and not document.answers["2.a"].is_empty
    text = dump(document, definition.entries)
    assert '  "1":\n    answer: no\n    contributor: Ministry of Justice\n' in text
    assert '  "2.a":\n    contributor: Ministry of the Interior\n' in text
