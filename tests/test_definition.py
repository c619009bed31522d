"""The definition format: the four questionnaires load; broken files fail with file:line:column."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from engine.definition import registry
from engine.definition.index import excerpt
from engine.definition.loader import DefinitionError, load_questionnaire
from engine.definition.model import AnswerKind

MINIMAL = """\
id: cluster9
cluster: IX
annex: Annex X
title: A test questionnaire
short_title: testing
guidance:
  heading: General guidance
  paragraphs: [Answer every question.]
lists:
  colours:
    options:
      - {code: red, label: Red}
      - {code: other, label: Other (please specify), specify: true}
  colours-variant:
    base: colours
    options:
      - red
      - {code: blue, label: Blue}
parts:
  - instrument: convention
    title: I. The Convention
    heading: "Cluster IX: testing (art. 1)"
    sections:
      - heading: Article 1. Tests
        items:
{items}
  - instrument: firearms
    when: party(firearms)
    title: II. The Firearms Protocol
    heading: "Cluster IX: testing (art. 2 of the Protocol)"
    sections:
      - heading: Article 2. More tests
        when: not uncac_party
        items:
          - number: "{next}"
            text: A Protocol question?
            answer: yes-no
"""

ITEMS = """\
- number: "1"
  text: Is it tested?
  answer: yes-partly-no
  items:
    - number: (a)
      text: If the answer is “Yes”, please explain.
      when: 1 = yes
    - number: (b)
      text: Which colours?
      answer: choices
      options: colours-variant
- number: "2"
  text: If the answer to question 1 is “Yes, in part” or “No”, explain.
  when: 1 in (partly, no)
"""


def load(tmp_path: Path, items: str = ITEMS, next_number: int = 3):
    path = tmp_path / "cluster9.yaml"
    path.write_text(MINIMAL.replace("{items}", textwrap.indent(items, " " * 10)).replace("{next}", str(next_number)), encoding="utf-8")
    return load_questionnaire(path, registry.shared_lists())


def problems(tmp_path: Path, items: str, next_number: int = 3) -> list[str]:
    with pytest.raises(DefinitionError) as error:
        load(tmp_path, items, next_number)
    return [str(p) for p in error.value.problems]


@pytest.mark.parametrize(
    ("cluster", "questions", "parts"),
    [("cluster1", 82, 4), ("cluster2", 93, 4), ("cluster3", 58, 3), ("cluster4", 101, 4)],
)
def test_the_four_questionnaires_load(cluster, questions, parts):
    definition = registry.load(cluster)
    assert sum(1 for _ in definition.top_level()) == questions
    assert len(definition.questionnaire.parts) == parts
    assert [p.instrument.value for p in definition.questionnaire.parts][:3] == ["convention", "trafficking", "smuggling"]


def test_identifiers_derive_from_numbering(cluster1):
    entries = cluster1.entries
    assert entries["3.a.i"].number == "3 (a) (i)"
    assert entries["75.2"].number == "75 –2"
    assert entries["75.2"].parent.id == "75"
    assert entries["37.i"].parent.id == "37"  # the letter (i), after (h)
    assert entries["69.a.i.1"].item.text.startswith("Please indicate any method")


def test_excerpts_are_measured_in_columns_and_cut_chinese_where_the_limit_falls():
    english = "If the answer to question 3 is “Yes”, does participation in an organized criminal group consist of"
    assert excerpt(english, 60) == "If the answer to question 3 is “Yes”, does participation in…"  # on a word boundary
    chinese = "如果对问题3 (a)的答复为“是”，贵国国内法规定的该刑事犯罪是否要求其中一名参与者为促进上述约定的实施"
    cut = excerpt(chinese, 40)
    assert cut == "如果对问题3 (a)的答复为“是”，贵国国内法…"  # not at the distant space after 问题3
    assert sum(2 if "\u4e00" <= c <= "\u9fff" else 1 for c in cut[:-1]) <= 40  # a Chinese character takes two columns
    assert excerpt("贵国法律框架是否包括第2条所列的定义？", 40) == "贵国法律框架是否包括第2条所列的定义？"


def test_answer_kinds_and_shared_lists(cluster1):
    entries = cluster1.entries
    assert entries["1"].kind is AnswerKind.yes_partly_no
    assert entries["3"].kind is AnswerKind.yes_no
    assert entries["25"].kind is AnswerKind.none
    assert entries["41"].kind is AnswerKind.choice
    assert entries["28.a"].kind is AnswerKind.choices
    assert entries["28.a"].values[-1] == "other" and entries["28.a"].options[-1].specify
    assert entries["47.a"].options[10].label == "Technological assistance and equipment (please be specific)"
    assert len(entries["47.a"].options) == 15


def test_cluster_variants_keep_their_difference():
    c2 = registry.load("cluster2").entries["93.a"]
    c1 = registry.load("cluster1").entries["82.a"]
    assert [o.code for o in c1.options] == [o.code for o in c2.options]
    differing = [(a.label, b.label) for a, b in zip(c1.options, c2.options, strict=False) if a.label != b.label]
    assert len(differing) == 1 and "and by postal services" in differing[0][1]
    c4 = registry.load("cluster4").entries["101.b"]
    assert next(o.label for o in c4.options) == "Marking and record-keeping"
    assert len(c4.options) == 6


def test_voluntary_footnotes_notes_and_part_conditions(cluster1):
    entries = cluster1.entries
    assert entries["27"].voluntary and not entries["26"].voluntary
    assert [f.number for f in entries["69.a.ii"].item.footnotes] == [5]
    assert [f.number for f in entries["74"].item.footnotes] == [6]
    article8 = entries["13"].section
    assert article8.notes and "not parties to the United Nations Convention against Corruption" in article8.notes[0]
    assert article8.when == "not uncac_party"
    assert [p.when for p in cluster1.questionnaire.parts] == [None, "party(trafficking)", "party(smuggling)", "party(firearms)"]
    assert entries["4"].item.condition_note.startswith("If your domestic law requires an act in furtherance")
    assert entries["4"].condition is None


def test_a_minimal_questionnaire_loads(tmp_path):
    definition = load(tmp_path)
    assert list(definition.entries) == ["1", "1.a", "1.b", "2", "3"]
    assert [o.code for o in definition.entries["1.b"].options] == ["red", "blue"]


@pytest.mark.parametrize(
    ("items", "message"),
    [
        (ITEMS.replace("when: 1 = yes", "when: 7 = yes"), "no question '7'"),
        (ITEMS.replace("when: 1 = yes", "when: 2 = yes"), "forward reference"),
        (ITEMS.replace("when: 1 = yes", "when: 1.a = yes"), "cannot depend on its own answer"),
        (ITEMS.replace("when: 1 = yes", "when: 1 = maybe"), "cannot be 'maybe'; it takes yes, partly, no"),
        (ITEMS.replace("when: 1 in (partly, no)", "when: 1.a = yes"), "answered in free text"),
        (ITEMS.replace("when: 1 = yes", "when: 1 = = yes"), "expected an answer code"),
        (ITEMS.replace("when: 1 = yes", "when: party(guns)"), "unknown Protocol 'guns'"),
        (ITEMS.replace("when: 1 in (partly, no)", "when: any(1.a..1) = yes"), "same parent"),
    ],
    ids=["unknown", "forward", "self", "bad-value", "free-text", "syntax", "protocol", "range"],
)
def test_broken_conditions_are_located_load_errors(tmp_path, items, message):
    found = problems(tmp_path, items)
    assert any(message in p for p in found), found
    assert all(p.startswith(str(tmp_path / "cluster9.yaml") + ":") for p in found)
    line = int(found[0].split(":")[1])
    text = (tmp_path / "cluster9.yaml").read_text().splitlines()[line - 1]
    assert "when:" in text


def test_condition_error_column_points_into_the_expression(tmp_path):
    found = problems(tmp_path, ITEMS.replace("when: 1 = yes", "when: 1 = maybe"))
    _, line, column, _ = found[0].split(":", 3)
    text = (tmp_path / "cluster9.yaml").read_text().splitlines()[int(line) - 1]
    assert text[int(column) - 1 :].startswith("maybe")


@pytest.mark.parametrize(
    ("items", "message"),
    [
        (ITEMS.replace("answer: yes-partly-no", "answer: maybe-so"), "answer"),
        (ITEMS.replace("text: Is it tested?", "txt: Is it tested?"), "text"),
        (ITEMS.replace('number: "2"', 'number: "5"'), "out of sequence; expected 2"),
        (ITEMS.replace("number: (b)", "number: (c)"), "expected (b) or (i)"),
        (ITEMS.replace("options: colours-variant", "options: flavours"), "unknown option list 'flavours'"),
        (ITEMS.replace("answer: choices", "answer: text"), "options are only for"),
    ],
    ids=["kind", "key", "numbering", "lettering", "list", "options"],
)
def test_broken_items_are_located_load_errors(tmp_path, items, message):
    found = problems(tmp_path, items)
    assert any(message in p for p in found), found
    _, line, column, _ = found[0].split(":", 3)
    assert int(line) > 20 and int(column) >= 1


def test_broken_yaml_in_a_questionnaire_is_located(tmp_path):
    path = tmp_path / "cluster9.yaml"
    path.write_text("id: cluster9\nparts: [\n", encoding="utf-8")
    with pytest.raises(DefinitionError) as error:
        load_questionnaire(path)
    assert str(error.value).startswith(f"{path}:3:")


def test_check_definition_command(cli, tmp_path):
    good = cli("check-definition", str(registry.data_dir() / "cluster3.yaml"))
    assert good.code == 0 and "ok (58 questions" in good.out
    path = tmp_path / "cluster9.yaml"
    path.write_text(
        MINIMAL.replace("{items}", textwrap.indent(ITEMS.replace("when: 1 = yes", "when: 7 = yes"), " " * 10)).replace("{next}", "3")
    )
    bad = cli("check-definition", str(path))
    assert bad.code == 2 and "no question '7'" in bad.out and "Traceback" not in bad.out + bad.err


def test_a_cached_load_does_not_import_pydantic(tmp_path):
    import subprocess
    import sys

    code = "import sys\nfrom engine.definition import registry\nregistry.load('cluster1')\nprint('pydantic' in sys.modules)"
    env = {**__import__("os").environ, "UNTOC_CACHE_DIR": str(tmp_path)}
    root = Path(__file__).resolve().parent.parent
    first = subprocess.run([sys.executable, "-c", code], env=env, cwd=root, capture_output=True, text=True, check=True)
    second = subprocess.run([sys.executable, "-c", code], env=env, cwd=root, capture_output=True, text=True, check=True)
    assert first.stdout.strip() == "True" and second.stdout.strip() == "False"
    assert list(tmp_path.glob("Questionnaire-*.json"))


def test_a_built_questionnaire_comes_from_the_cache_without_the_loader(tmp_path):
    """Second start: the whole built questionnaire is unpickled; the loader and the condition parser stay unimported."""
    import os
    import subprocess
    import sys

    code = (
        "import sys\nfrom engine.definition import registry\nd = registry.load('cluster2')\n"
        "print(sorted(m for m in ('engine.definition.loader', 'engine.conditions.parser') if m in sys.modules))\n"
        "print(len(d.entries), sum(e.condition is not None for e in d.entries.values()), d.path.name)"
    )
    env = {**os.environ, "UNTOC_CACHE_DIR": str(tmp_path)}
    root = Path(__file__).resolve().parent.parent
    runs = [subprocess.run([sys.executable, "-c", code], env=env, cwd=root, capture_output=True, text=True, check=True) for _ in range(2)]
    first, second = (run.stdout.splitlines() for run in runs)
    assert first[0] == "['engine.conditions.parser', 'engine.definition.loader']" and second[0] == "[]"
    assert first[1] == second[1] and second[1].endswith("cluster2.yaml")  # the same entries and conditions
    (pickled,) = tmp_path.glob("Definition-*.pickle")
    pickled.chmod(0o666)  # writable by others: not trusted, built again
    third = subprocess.run([sys.executable, "-c", code], env=env, cwd=root, capture_output=True, text=True, check=True)
    assert third.stdout.splitlines()[0] != "[]" and third.stdout.splitlines()[1] == first[1]
    pickled.write_bytes(b"not a pickle")
    pickled.chmod(0o600)  # corrupt: built again, no error
    fourth = subprocess.run([sys.executable, "-c", code], env=env, cwd=root, capture_output=True, text=True, check=True)
    assert fourth.stdout.splitlines()[1] == first[1] and not fourth.stderr


def test_an_edited_file_is_validated_again(tmp_path, monkeypatch):
    monkeypatch.setenv("UNTOC_CACHE_DIR", str(tmp_path / "cache"))
    assert load(tmp_path).entries["1"].item.text == "Is it tested?"
    assert load(tmp_path).entries["1"].item.text == "Is it tested?"  # from the cache
    found = problems(tmp_path, ITEMS.replace("text: Is it tested?", "text: Is it tested?\n  colour: red"))
    assert any("colour: unknown key" in p for p in found), found
