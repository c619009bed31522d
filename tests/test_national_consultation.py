"""Issue 23 end to end: a Cluster II questionnaire split among three ministries and merged back.

The Ministry of Justice fills its part in the terminal UI with the keyboard only, the Ministry of the
Interior fills a fillable Word form (programmatically, and after a round trip through LibreOffice —
the committed fixture, and a fresh one when ``soffice`` is installed), the Ministry of Foreign
Affairs edits its YAML part by hand. Both Justice and Foreign Affairs answer question 4, differently:
the merge reports that conflict, and once it is resolved the result passes ``untoc validate --complete``.
"""

from __future__ import annotations

import asyncio
import json
import shutil
import stat
from pathlib import Path

import pytest

from engine.consultation.records import answered, same
from engine.consultation.selection import select
from engine.definition.model import AnswerKind
from engine.imports.form import read_form
from engine.responses.model import read
from engine.responses.writer import Record
from engine.ui.app import FillApp
from engine.ui.question import QuestionPane
from engine.ui.session import Session

from consultation_case import (
    FILES,
    FOREIGN,
    FOREIGN_ON_4,
    INTERIOR,
    JUSTICE,
    JUSTICE_ANSWERS,
    answers_of,
    fill_form,
    interior_answers,
    interior_filled,
    round_trip,
    soffice_version,
)
from uikit import keys, type_text

FIXTURES = Path(__file__).resolve().parent / "data" / "forms"

pytestmark = pytest.mark.usefixtures("english")


# -- the three ways of answering ------------------------------------------------------------------------


async def fill_in_terminal(path: Path) -> list[str]:
    """The Ministry of Justice answers its questions in ``untoc fill`` with keys only; returns the status lines seen."""
    session = Session.open(path)
    app = FillApp(session)
    seen = []
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        pane = app.screen.query_one(QuestionPane)
        for item_id, value in JUSTICE_ANSWERS.items():
            number = session.definition.entries[item_id].number
            await keys(pilot, "ctrl+f")
            await type_text(pilot, number)  # search by number
            await keys(pilot, "enter")
            assert pane.item_id == item_id
            seen.append(str(app.screen.query_one("#status").render()))
            entry = session.definition.entries[item_id]
            if entry.kind is AnswerKind.text:  # Enter on a search result puts the focus on the answer
                await type_text(pilot, str(value))
            else:  # the highlight to the answer, as seen on the screen, and select it
                editor = pane.answer_editor
                assert app.focused is editor
                await keys(pilot, "home", *["down"] * list(entry.values).index(value), "space")
                if value == "yes":
                    await keys(pilot, "tab")  # the legislation field
                    await type_text(pilot, "Witness Protection Act 2001, art. 3")
            await pilot.pause()
        await pilot.press("ctrl+q")
    return seen


def edit_by_hand(path: Path, answers: dict[str, Record]) -> None:
    """Write answers into a split part as a person does in a text editor: after each ``answer:``, keeping the comments."""
    lines = path.read_text(encoding="utf-8").split("\n")
    out: list[str] = []
    current = None
    for line in lines:
        if line.startswith('  "') and line.rstrip().endswith(":"):
            current = line.strip()[1:-2]
        if line == "    answer:" and current in answers:
            out.extend(_written(answers[current]))
            continue
        out.append(line)
    path.write_text("\n".join(out), encoding="utf-8")


def _written(record: Record) -> list[str]:
    value = record.value
    if isinstance(value, list):
        lines = [f"    answer: [{', '.join(value)}]"]
    elif "\n" in str(value):
        lines = ["    answer: |-", *(f"      {line}" for line in str(value).split("\n"))]
    elif value in ("yes", "no", "partly", "na", "conditions") or (value and "-" in value and " " not in value):
        lines = [f"    answer: {value}"]
    else:
        lines = [f"    answer: {json.dumps(value, ensure_ascii=False)}"]
    if record.legislation:
        lines.append(f"    legislation: {json.dumps(record.legislation, ensure_ascii=False)}")
    if record.links:
        lines.append(f"    links: {json.dumps(record.links)}")
    if record.comment:
        lines.append(f"    comment: {json.dumps(record.comment, ensure_ascii=False)}")
    if record.other:
        lines.append(f"    other: {json.dumps(record.other, ensure_ascii=False)}")
    if record.details:
        lines.append("    details:")
        lines.extend(f"      {code}: {json.dumps(text, ensure_ascii=False)}" for code, text in record.details.items())
    return lines


def test_the_fixture_forms_are_the_test_case(cluster2, tmp_path):
    """The committed LibreOffice round trips hold what the test case fills in (else: tests/data/make_forms.py)."""
    data, answers = interior_filled(cluster2, tmp_path)
    programmatic = read_form(_save(tmp_path / "filled.docx", data))
    newest = read_form(FIXTURES / "interior-libreoffice-25.2.docx")
    for imported in (programmatic, newest):
        assert imported.problems == [], [p.message for p in imported.problems]
        assert not imported.by_title and set(imported.document.answers) == set(answers)
        assert all(same(answers[i], imported.document.answers[i]) for i in answers)
        assert {r.contributor for r in imported.document.answers.values()} == {INTERIOR}
        assert (imported.document.state, imported.document.parties) == ("Examplestan", ["trafficking", "smuggling"])


def test_libreoffice_7_4_drops_names_and_untoc_says_so(cluster2, tmp_path):
    """LibreOffice 7.4 keeps the text fields' titles, not their tags, and loses the boxes' names: no guess, a clear error."""
    _data, answers = interior_filled(cluster2, tmp_path)
    imported = read_form(FIXTURES / "interior-libreoffice-7.4.docx")
    codes = {p.code: p for p in imported.problems}
    assert imported.by_title and "form-read-by-title" in codes
    assert codes["form-boxes-unnamed"].severity.value == "error" and "lost their names" in codes["form-boxes-unnamed"].message
    assert not [p for p in imported.problems if p.code == "form-field-missing"]
    single_lines = [i for i, a in answers.items() if a.comment and "\n" not in a.comment]
    assert single_lines and all(imported.document.answers[i].comment == answers[i].comment for i in single_lines)
    assert imported.document.state == "Examplestan" and not any(
        r.value for r in imported.document.answers.values() if isinstance(r.value, str) and r.value in ("yes", "no")
    )


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed: the committed fixtures stand for it")
def test_a_fresh_round_trip_through_the_installed_libreoffice(cluster2, tmp_path):
    data, answers = interior_filled(cluster2, tmp_path)
    saved = round_trip("soffice", data, tmp_path)
    imported = read_form(_save(tmp_path / "saved.docx", saved))
    version = soffice_version("soffice")
    if version is not None and version >= (7, 5):
        assert imported.problems == [] and all(same(answers[i], imported.document.answers[i]) for i in answers)
    else:
        assert {"form-read-by-title", "form-boxes-unnamed"} <= {p.code for p in imported.problems}


def _save(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


# -- the whole round ------------------------------------------------------------------------------------


def test_split_fill_three_ways_merge_with_one_conflict_and_validate_complete(cluster2, cli, tmp_path):
    from consultation_case import ASSIGNMENT, BASE

    base, assignment, parts = tmp_path / "base.yaml", tmp_path / "assignment.yaml", tmp_path / "parts"
    base.write_text(BASE, encoding="utf-8")
    assignment.write_text(ASSIGNMENT, encoding="utf-8")

    # The focal point hands out the work: a YAML part and a Word form for each ministry.
    run = cli("split", str(base), "--assign", str(assignment), "-o", str(parts), "--docx")
    assert run.code == 0, run.err
    assert f"note: 4 assigned to {JUSTICE}, {FOREIGN}" in run.out and "assigned to nobody" not in run.out
    files = {who: parts / f"{stem}.yaml" for who, stem in FILES.items()}
    for path in (*files.values(), *(p.with_suffix(".docx") for p in files.values())):
        assert stat.S_IMODE(path.stat().st_mode) == 0o600

    # Justice: the terminal UI, keys only; the UI shows whose questions they are.
    statuses = asyncio.run(fill_in_terminal(files[JUSTICE]))
    assert all(f"Contributor: {JUSTICE}" in status for status in statuses)
    justice = read(files[JUSTICE])
    assert {i: a.value for i, a in justice.answers.items() if a.value} == JUSTICE_ANSWERS
    assert justice.answers["1"].legislation[0].value == "Witness Protection Act 2001, art. 3"

    # Interior: the Word form, filled in (and, in the committed fixture, saved again by LibreOffice 25.2).
    interior_ids = select(cluster2, "trafficking, smuggling")
    interior = interior_answers(cluster2, interior_ids)
    form = tmp_path / "interior-filled.docx"
    form.write_bytes(fill_form(files[INTERIOR].with_suffix(".docx").read_bytes(), cluster2, interior))

    # Foreign Affairs: by hand, in a text editor; it answers 4 “No”.
    foreign = answers_of(cluster2, select(cluster2, "5-27"), seed=3)
    foreign["4"] = Record(FOREIGN_ON_4)
    edit_by_hand(files[FOREIGN], foreign)
    assert cli("validate", str(files[FOREIGN])).code == 0

    merged = tmp_path / "merged.yaml"
    results = {}
    for name, interior_part in (("programmatic", form), ("libreoffice", FIXTURES / "interior-libreoffice-25.2.docx")):
        output = tmp_path / f"merged-{name}.yaml"
        run = cli("merge", str(base), str(files[JUSTICE]), str(interior_part), str(files[FOREIGN]), "-o", str(output))
        assert run.code == 1, run.out + run.err
        conflicts = [line for line in run.out.splitlines() if ": error " in line]
        assert len(conflicts) == 1, run.out
        assert conflicts[0].startswith(f"{files[FOREIGN]}:") and "error [4] 4 is answered differently:" in conflicts[0]
        assert (
            f"{files[JUSTICE]}:" in conflicts[0] and f"({JUSTICE}) says “Yes”" in conflicts[0] and f"({FOREIGN}) says “No”" in conflicts[0]
        )
        assert "1 conflict left for you to decide" in run.out
        results[name] = output.read_text(encoding="utf-8")
    assert results["programmatic"] == results["libreoffice"]  # LibreOffice's rewriting changed no answer
    merged.write_text(results["programmatic"], encoding="utf-8")

    # Unresolved, question 4 is unanswered: the submission check fails on it, and only on it.
    check = cli("validate", "--complete", str(merged))
    assert check.code == 1 and next(line for line in check.out.splitlines() if ": error" in line).split(": error ")[1].startswith("[4]")
    assert sum(": error" in line for line in check.out.splitlines()) == 1

    # The focal point decides for Justice, in bulk: the merge is clean and the result complete.
    run = cli(
        "merge",
        str(base),
        str(files[JUSTICE]),
        str(form),
        str(files[FOREIGN]),
        "-o",
        str(merged),
        "--force",
        "--prefer",
        str(files[JUSTICE]),
    )
    assert run.code == 0 and "warning [4]" in run.out, run.out
    check = cli("validate", "--complete", str(merged))
    assert check.code == 0, check.out

    response = read(merged)
    contributors = {i: (a.contributor.value if a.contributor else None) for i, a in response.answers.items()}
    assert contributors["1"] == contributors["4"] == JUSTICE and response.answers["4"].value == "yes"
    assert contributors["5"] == FOREIGN and contributors["28"] == INTERIOR and contributors["47"] is None  # 47: the base's, unchanged
    assert response.answers["28"].comment.value == "Reviewed with the National Rapporteur.\nAgreed on 3 May."
    expected = {**{i: r for i, r in foreign.items() if i != "4"}, **interior}
    assert all(same(expected[i], _record(response.answers[i])) for i in expected)

    # What changed since the base, for the clearance round.
    diff = json.loads(cli("diff", str(base), str(merged), "--format", "json").out)
    assert diff["summary"] == {"added": len(response.answers) - 2, "removed": 0, "changed": 1}  # 28 and 47 were in the base
    assert diff["answers"][0] == {"id": "1", "number": "1", "change": "added", "fields": [], "old": None, "new": diff["answers"][0]["new"]}
    assert next(a for a in diff["answers"] if a["id"] == "28")["fields"] == ["legislation", "links", "comment", "contributor"]
    assert all(answered(_record(a)) for a in response.answers.values())

    # The filled export names who answered what.
    exported = cli("export", "filled", str(merged), "--format", "md")
    assert "## Contributors" in exported.out and f"{JUSTICE}: 1, 2 (a), 2 (b), 2 (c), 3, 4" in exported.out


def _record(answer) -> Record:  # type: ignore[no-untyped-def]
    from engine.responses.writer import from_response

    return next(iter(from_response(_wrap(answer)).answers.values()))


def _wrap(answer):  # type: ignore[no-untyped-def]
    from engine.responses.model import Response

    response = Response(Path("x"))
    response.answers[answer.id] = answer
    return response
