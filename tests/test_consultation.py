"""National consultation: split a response among contributors, merge their parts, diff two versions."""

from __future__ import annotations

import json
import os
import stat
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from engine.consultation.diff import diff
from engine.consultation.merge import MergeError, merge
from engine.consultation.selection import SelectionError, describe, select, subtree
from engine.consultation.source import Source, read_source
from engine.definition import registry
from engine.responses.model import read
from engine.responses.writer import Document, Record

HEADER = "questionnaire: cluster2\nstate: Examplestan\nlanguage: en\nparties: [trafficking]\nuncac_party: false\nanswers:\n"

pytestmark = pytest.mark.usefixtures("english")


def source(path: str, answers: dict[str, Record], state: str = "Examplestan", questionnaire: str = "cluster2") -> Source:
    return Source(path, Document(questionnaire, state, "en", ["trafficking"], False, dict(answers)))


# -- lists of questions -------------------------------------------------------------------------------


def test_lists_select_questions_with_their_sub_items(cluster2):
    assert select(cluster2, "3") == ["3", "3.a"]
    assert select(cluster2, "1-3") == ["1", "2", "2.a", "2.b", "2.c", "3", "3.a"]
    assert select(cluster2, "2 (b), 2(c)") == ["2.b", "2.c"]
    assert select(cluster2, "2.a–2.b") == ["2.a", "2.b"]
    trafficking = select(cluster2, "trafficking")
    assert trafficking[0] == "28" and all(cluster2.entries[i].part.instrument.value == "trafficking" for i in trafficking)
    assert select(cluster2, "all") == list(cluster2.entries)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "no question is named"),
        ("3.z", "has no question or part '3.z'; did you mean 3.a?"),
        ("trafficing", "did you mean trafficking?"),
        ("4-2", "a range goes from a question to a later one"),
        ("2.a-3", "a range goes from a question to a later one"),
        ("1-999", "no question or part '999'"),
    ],
)
def test_wrong_lists_are_explained(cluster2, text, message):
    with pytest.raises(SelectionError) as error:
        select(cluster2, text)
    assert message in error.value.message


def test_lists_are_written_back_compactly(cluster2):
    assert describe(cluster2, select(cluster2, "1-4, 23, 2.a, 28.a")) == "1-4, 23, 28.a"
    assert describe(cluster2, select(cluster2, "all")) == "all"


@settings(max_examples=60, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.data())
def test_written_back_lists_select_the_same_items(cluster2, data):
    entries = list(cluster2.entries.values())
    roots = data.draw(st.lists(st.sampled_from(entries), min_size=1, max_size=8))
    ids = {e.id for root in roots for e in subtree(root)}
    assert set(select(cluster2, describe(cluster2, ids))) == ids


# -- merge --------------------------------------------------------------------------------------------


def test_changes_from_different_parts_are_taken_and_unchanged_answers_stay(cluster2):
    base = source("base.yaml", {"1": Record("yes", contributor="Focal point"), "4": Record("no")})
    justice = source("justice.yaml", {"1": Record("yes", contributor="Justice"), "2.a": Record("yes", contributor="Justice")})
    interior = source("interior.yaml", {"4": Record("yes", legislation=["Act 5"], contributor="Interior")})
    merged = merge(cluster2, base, [justice, interior])
    answers = merged.document.answers
    assert answers["1"].contributor == "Focal point"  # the same answer: the base's stays, with its contributor
    assert (answers["2.a"].value, answers["2.a"].contributor) == ("yes", "Justice")
    assert (answers["4"].value, answers["4"].legislation, answers["4"].contributor) == ("yes", ["Act 5"], "Interior")
    assert (merged.taken, merged.conflicts, merged.findings) == (2, 0, [])


def test_the_same_change_by_two_parts_is_no_conflict(cluster2):
    base = source("base.yaml", {})
    one = source("one.yaml", {"5": Record("yes ", contributor="A")})
    two = source("two.yaml", {"5": Record("yes", contributor="B")})
    merged = merge(cluster2, base, [one, two])
    assert merged.conflicts == 0 and merged.document.answers["5"].contributor == "A, B"


def test_different_answers_are_a_conflict_naming_both_files_and_answers(cluster2):
    base = source("base.yaml", {"5": Record("no")})
    one = source(
        "one.yaml",
        {"5": Record("yes", legislation=["Act 1"], contributor="Justice")},
    )
    one.marks["5"] = (12, 3)
    two = source("two.docx", {"5": Record("partly")})
    merged = merge(cluster2, base, [one, two])
    assert merged.conflicts == 1 and merged.document.answers["5"].value == "no"  # the base's answer stays
    (finding,) = merged.findings
    assert (finding.path, finding.line, finding.severity.value, finding.code, finding.item) == (
        "two.docx",
        0,
        "error",
        "merge-conflict",
        "5",
    )
    assert "one.yaml:12 (Justice) says “Yes”; legislation: “Act 1”" in finding.message
    assert "two.docx says “Yes, in part”" in finding.message
    assert "keeps the answer of base.yaml (“No”)" in finding.message


def test_prefer_decides_conflicts_in_bulk(cluster2):
    base = source("base.yaml", {"5": Record("no")})
    one, two = source("one.yaml", {"5": Record("yes")}), source("two.yaml", {"5": Record("partly"), "6": Record("yes")})
    three = source("three.yaml", {"6": Record("no")})
    merged = merge(cluster2, base, [one, two, three], prefer=[two])
    assert merged.document.answers["5"].value == "partly" and merged.document.answers["6"].value == "yes"
    assert (merged.conflicts, merged.resolved) == (0, 2)
    assert {f.code for f in merged.findings} == {"conflict-resolved"}
    kept = merge(cluster2, base, [one, two], prefer=[base])
    assert kept.document.answers["5"].value == "no" and kept.conflicts == 0


def test_an_emptied_answer_is_kept_with_a_warning(cluster2):
    base = source("base.yaml", {"5": Record("yes")})
    part = source("part.yaml", {"5": Record(None, contributor="Interior")})
    merged = merge(cluster2, base, [part])
    assert merged.document.answers["5"].value == "yes"
    assert [f.code for f in merged.findings] == ["answer-emptied"]


def test_unknown_ids_are_merged_not_dropped(cluster2):
    merged = merge(cluster2, source("base.yaml", {"99.z": Record("kept")}), [source("p.yaml", {"98": Record("also")})])
    assert merged.document.answers["99.z"].value == "kept" and merged.document.answers["98"].value == "also"


def test_a_part_of_another_cluster_or_state_is_refused(cluster2):
    base = source("base.yaml", {})
    with pytest.raises(MergeError, match="answers cluster3"):
        merge(cluster2, base, [source("p.yaml", {}, questionnaire="cluster3")])
    with pytest.raises(MergeError, match="for Otherland"):
        merge(cluster2, base, [source("p.yaml", {}, state="Otherland")])
    part = source("p.yaml", {})
    part.document.language = "fr"
    assert [f.code for f in merge(cluster2, base, [part]).findings] == ["header-differs"]


# -- diff ---------------------------------------------------------------------------------------------


def test_diff_lists_added_removed_and_changed_answers(cluster2):
    old = source(
        "old.yaml", {"1": Record("yes"), "4": Record("no"), "5": Record("yes", contributor="A"), "6": Record(None, contributor="A")}
    )
    new = source("new.yaml", {"1": Record("yes"), "2.a": Record("yes"), "5": Record("yes", legislation=["Act"], contributor="B")})
    result = diff(cluster2, old, new)
    assert [(c.number, c.kind, c.fields) for c in result.changes] == [
        ("2 (a)", "added", []),
        ("4", "removed", []),
        ("5", "changed", ["legislation", "contributor"]),
    ]


# -- the command line ---------------------------------------------------------------------------------


def write(path: Path, answers: str = "") -> Path:
    path.write_text(HEADER + answers, encoding="utf-8")
    return path


def test_split_by_part_and_section_writes_private_files(cli, tmp_path):
    base = write(tmp_path / "base.yaml", '  "1": "yes"\n  "28": "no"\n')
    run = cli("split", str(base), "--by", "part", "-o", str(tmp_path / "parts"))
    assert run.code == 0, run.err
    names = sorted(p.name for p in (tmp_path / "parts").iterdir())
    assert names == ["base-convention.yaml", "base-trafficking.yaml"]  # not party to the Smuggling or Firearms Protocols
    for path in (tmp_path / "parts").iterdir():
        assert stat.S_IMODE(path.stat().st_mode) == 0o600
        assert not [p for p in read(path).problems]
    convention = read(tmp_path / "parts" / "base-convention.yaml")
    assert convention.answers["1"].value == "yes" and "28" not in convention.answers
    run = cli("split", str(base), "--by", "section", "-o", str(tmp_path / "sections"))
    assert run.code == 0 and (tmp_path / "sections" / "base-convention-q1-4.yaml").exists()
    assert "base-trafficking-q43.yaml" in {p.name for p in (tmp_path / "sections").iterdir()}


def test_split_by_assignment_stamps_contributors_and_keeps_what_conditions_read(cli, tmp_path):
    base = write(tmp_path / "base.yaml", '  "1":\n    answer: "yes"\n    contributor: Focal point\n')
    assignment = tmp_path / "who.yaml"
    assignment.write_text("Ministry of Justice: 1, 4\nMinistère de l’Intérieur:\n  - 2-3\n  - 4\n", encoding="utf-8")
    run = cli("split", str(base), "--assign", str(assignment), "-o", str(tmp_path / "out"))
    assert run.code == 0, run.err
    assert "note: 4 assigned to Ministry of Justice, Ministère de l’Intérieur" in run.out
    assert "note: assigned to nobody: 5-46" in run.out
    interior = tmp_path / "out" / "ministère-de-l-intérieur.yaml"
    text = interior.read_text(encoding="utf-8")
    assert "the part for Ministère de l’Intérieur (questions 2-4)" in text and '  "3":\n    answer:\n' in text
    response = read(interior)
    assert response.answers["3"].contributor.value == "Ministère de l’Intérieur"
    assert response.answers["1"].value == "yes" and response.answers["1"].contributor.value == "Focal point"  # for reference
    assert "For reference" in text
    justice = read(tmp_path / "out" / "ministry-of-justice.yaml")
    assert justice.answers["1"].contributor.value == "Ministry of Justice" and justice.answers["1"].value == "yes"


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("[1, 2]", "who.yaml:1:1: error an assignment file maps each contributor"),
        ("Justice: 1-4\nInterior: 3.z\n", "who.yaml:2:11: error cluster2 has no question or part '3.z'; did you mean 3.a?"),
        ("Justice:\n  - {a: b}\n", "who.yaml:2:3: error Justice: give the questions as a list or a line"),
        ("Justice: 1\nJustice: 2\n", "who.yaml:2:1: error duplicate key"),
    ],
)
def test_a_wrong_assignment_file_is_located(cli, tmp_path, content, message):
    base = write(tmp_path / "base.yaml")
    (tmp_path / "who.yaml").write_text(content, encoding="utf-8")
    run = cli("split", str(base), "--assign", str(tmp_path / "who.yaml"), "-o", str(tmp_path / "out"))
    assert run.code == 2 and message in run.err, run.err
    assert not (tmp_path / "out").exists() or not list((tmp_path / "out").iterdir())


def test_split_by_lists_and_existing_files(cli, tmp_path):
    base = write(tmp_path / "base.yaml")
    out = tmp_path / "out"
    run = cli("split", str(base), "--by", "question-list", "--questions", "1-4", "--questions", "5, 23", "-o", str(out))
    assert run.code == 0, run.err
    assert sorted(p.name for p in out.iterdir()) == ["base-q1-4.yaml", "base-q5-23.yaml"]
    (out / "base-q1-4.yaml").write_text("kept", encoding="utf-8")
    again = cli("split", str(base), "--by", "question-list", "--questions", "1-4", "-o", str(out))
    assert again.code == 2 and "already exists" in again.err
    assert (out / "base-q1-4.yaml").read_text(encoding="utf-8") == "kept"
    assert cli("split", str(base), "--by", "question-list", "-o", str(out)).code == 2
    assert cli("split", str(base), "--by", "part", "--questions", "1", "-o", str(out)).code == 2


def test_bad_inputs_are_located_errors(cli, tmp_path):
    fifo = tmp_path / "pipe.yaml"
    os.mkfifo(fifo)
    for args, message in (
        (("split", str(fifo), "--by", "part", "-o", str(tmp_path / "o")), "is not a regular file"),
        (("split", str(tmp_path), "--by", "part", "-o", str(tmp_path / "o")), "is a directory"),
        (("diff", str(tmp_path / "missing.yaml"), str(fifo)), "no such file"),
        (("merge", str(write(tmp_path / "b.yaml")), str(fifo), "-o", str(tmp_path / "m.yaml")), "is not a regular file"),
    ):
        run = cli(*args)
        assert run.code == 2 and message in run.err and "Traceback" not in run.err, (args, run.err)
    bad = tmp_path / "bad.yaml"
    bad.write_text("questionnaire: cluster2\nanswers:\n  '1': yes\n  '1': no\n", encoding="utf-8")
    run = cli("merge", str(write(tmp_path / "b.yaml")), str(bad), "-o", str(tmp_path / "m.yaml"))
    assert run.code == 2 and "bad.yaml:4:3: error duplicate key" in run.err and "fix this first" in run.err
    assert not (tmp_path / "m.yaml").exists()


def test_merge_command_reports_conflicts_and_never_overwrites(cli, tmp_path):
    base = write(tmp_path / "base.yaml", '  "1": "no"\n')
    one = write(tmp_path / "one.yaml", '  "1": "yes"\n  "4": "no"\n')
    two = write(tmp_path / "two.yaml", '  "1": "no"\n  "4": "yes"\n')
    output = tmp_path / "merged.yaml"
    run = cli("merge", str(base), str(one), str(two), "-o", str(output))
    assert run.code == 1
    assert f"{two}:8:3: error [4] 4 is answered differently: {one}:8 says “No”; {two}:8 says “Yes”." in run.out
    assert "1 conflict left for you to decide" in run.out
    merged = read(output)
    assert merged.answers["1"].value == "yes" and "4" not in merged.answers
    assert stat.S_IMODE(output.stat().st_mode) == 0o600
    before = output.read_bytes()
    assert cli("merge", str(base), str(one), str(two), "-o", str(output)).code == 2 and output.read_bytes() == before
    run = cli("merge", str(base), str(one), str(two), "-o", str(output), "--force", "--prefer", str(two))
    assert run.code == 0 and "warning [4]" in run.out and read(output).answers["4"].value == "yes"
    assert cli("merge", str(base), str(one), "-o", str(output), "--force", "--prefer", str(tmp_path / "x.yaml")).code == 2
    other = tmp_path / "c3.yaml"
    other.write_text(HEADER.replace("cluster2", "cluster3"), encoding="utf-8")
    run = cli("merge", str(base), str(other), "-o", str(tmp_path / "m2.yaml"))
    assert run.code == 2 and f"{other}:1:16: error this file answers cluster3, not cluster2" in run.err


def test_diff_command(cli, tmp_path):
    old = write(tmp_path / "old.yaml", '  "1": "no"\n  "4": "no"\n')
    new = write(tmp_path / "new.yaml", '  "1": "yes"\n  "5":\n    answer: "yes"\n    contributor: Interior\n')
    run = cli("diff", str(old), str(new))
    assert run.code == 1
    assert run.out.splitlines()[2:] == [
        "~ 1  answer: “No” → “Yes”",
        "- 4  “No”",
        "+ 5  “Yes”; contributor: Interior",
        "1 answer added, 1 removed, 1 changed",
    ]
    data = json.loads(cli("diff", str(old), str(new), "--format", "json").out)
    assert data["summary"] == {"added": 1, "removed": 1, "changed": 1}
    assert data["answers"][2] == {
        "id": "5",
        "number": "5",
        "change": "added",
        "fields": [],
        "old": None,
        "new": {"answer": "yes", "contributor": "Interior"},
    }
    same = cli("diff", str(old), str(old))
    assert same.code == 0 and "no differences" in same.out


def test_read_source_keeps_positions(tmp_path):
    path = write(tmp_path / "r.yaml", '  "1": "no"\n')
    source, definition = read_source(path)
    assert definition.id == "cluster2" and source.where("1") == (7, 3) and source.where("state") == (2, 8)


@pytest.mark.parametrize("fmt", ["txt", "md", "html", "docx"])
def test_the_filled_export_lists_the_contributors_in_an_appendix(cli, tmp_path, fmt):
    path = write(
        tmp_path / "r.yaml",
        '  "1":\n    answer: "yes"\n    contributor: Ministry of Justice\n  "4":\n    answer: "no"\n    contributor: Ministry of Justice\n'
        '  "5":\n    answer: "no"\n    contributor: "Ministère de l’Intérieur <b>"\n  "28": "no"\n',
    )
    run = cli("export", "filled", str(path), "--format", fmt, "-o", str(tmp_path / f"r.{fmt}"))
    assert run.code == 0, run.err
    if fmt == "docx":
        import docx

        text = "\n".join(p.text for p in docx.Document(str(tmp_path / "r.docx")).paragraphs)
    else:
        text = (tmp_path / f"r.{fmt}").read_text(encoding="utf-8")
    assert "Contributors" in text and "Ministry of Justice: 1, 4" in text
    shown = {"html": "Ministère de l’Intérieur &lt;b&gt;: 5", "md": "Ministère de l’Intérieur \\<b\\>: 5"}
    assert shown.get(fmt, "Ministère de l’Intérieur <b>: 5") in text  # as text, never markup
    assert text.count("Ministry of Justice") == 1  # once, in the appendix


def test_a_form_part_that_could_not_be_read_whole_makes_the_merge_fail(cli, tmp_path):
    from engine.export.docx_fillable import fillable_docx
    from engine.export.form import build_form
    from engine.responses.writer import from_response

    from form_filling import FormDocument

    base = write(tmp_path / "base.yaml")
    definition = registry.load("cluster2")
    form = FormDocument(fillable_docx(build_form(definition, "en", True, select(definition, "1-4"), from_response(read(base)))))
    form.tick("untoc:1:option:yes")
    form.tick("untoc:1:option:no")
    form.tick("untoc:4:option:no")
    (tmp_path / "part.docx").write_bytes(form.bytes())
    run = cli("merge", str(base), str(tmp_path / "part.docx"), "-o", str(tmp_path / "m.yaml"))
    assert run.code == 1 and f"{tmp_path / 'part.docx'}: error [1] 1: 2 boxes are ticked" in run.out
    assert read(tmp_path / "m.yaml").answers["4"].value == "no"
