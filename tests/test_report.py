"""``untoc report``: a small corpus with known counts, in every format; anonymity; hostile input."""

from __future__ import annotations

import csv
import io
import json
import os
import random
import re
import stat
import zipfile
from html.parser import HTMLParser
from pathlib import Path

import pytest
from export_helpers import fake_translation

from engine.definition import registry
from engine.i18n.status import catalog_status
from engine.report.aggregate import aggregate
from engine.report.collect import summarize
from engine.report.redact import Redactor, anonymous_labels
from engine.validation.discover import Target

ALPHA = """questionnaire: cluster1
state: Alphaland
language: en
parties: [trafficking]
uncac_party: false
answers:
  "1": yes
  "3": yes
  "3.a": yes
  "28": yes
  "28.a":
    answer: [limited-resources, other]
    other: ALPHALAND lacks funds for Gammaria's training
  "31": [training, legal-advice]
"""
BETA = """questionnaire: cluster1
state: Betastan
language: fr
parties: []
uncac_party: true
answers:
  "1": partly
  "3": no
  "3.a": yes
  "31": [training]
"""
GAMMA = """questionnaire: cluster1
state: Gammaria
language: en
parties: [trafficking, smuggling]
uncac_party: false
answers:
  "1": no
  "3": yes
  "31":
    answer: [training, other]
    other: Help from  betastan and Alphaland
  "47": yes
  "47.a": [training]
"""
ALPHA_2 = """questionnaire: cluster2
state: Alphaland
language: en
parties: [trafficking]
uncac_party: false
answers:
  "26": [training]
"""
DELTA_2 = """questionnaire: cluster2
state: Deltonia
language: es
parties: []
uncac_party: false
answers: {}
"""
EPSILON_INVALID = """questionnaire: cluster1
state: Epsilonia
language: en
parties: []
uncac_party: false
answers:
  "1": perhaps
"""
ALPHA_AGAIN = """questionnaire: cluster1
state: "  alphaland "
language: en
parties: [trafficking]
uncac_party: false
answers:
  "1": no
"""
NAMES = ("Alphaland", "Betastan", "Gammaria", "Deltonia", "Epsilonia")


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "responses"
    folder.mkdir()
    files = {
        "cluster1-alphaland.yaml": ALPHA,
        "cluster1-betastan.yaml": BETA,
        "cluster1-gammaria.yaml": GAMMA,
        "cluster2-alphaland.yaml": ALPHA_2,
        "cluster2-deltonia.yaml": DELTA_2,
        "cluster1-epsilonia.yaml": EPSILON_INVALID,
        "cluster1-zeta-notes.yaml": "- just\n- a list\n",
        "cluster1-zz-alphaland-again.yaml": ALPHA_AGAIN,
    }
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def _report(cli, corpus: Path, fmt: str, *extra: str) -> tuple[bytes, object]:
    output = corpus.parent / f"report.{fmt}"
    run = cli("report", str(corpus), "-o", str(output), *extra)
    assert output.exists(), run.err
    return output.read_bytes(), run


class _Rows(HTMLParser):
    """The text of each table row of an HTML page, with the id of the section or figure it is in."""

    def __init__(self) -> None:
        super().__init__()
        self.rows: list[tuple[str, list[str]]] = []
        self.places: list[str] = [""]
        self.cells: list[str] | None = None
        self.cell: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if tag in ("section", "figure"):
            self.places.append(values.get("id") or self.places[-1])
        elif tag == "tr":
            self.cells = []
        elif tag in ("td", "th") and self.cells is not None:
            self.cell = []

    def handle_endtag(self, tag: str) -> None:
        if tag in ("section", "figure"):
            self.places.pop()
        elif tag in ("td", "th") and self.cells is not None and self.cell is not None:
            self.cells.append(" ".join("".join(self.cell).split()))
            self.cell = None
        elif tag == "tr" and self.cells is not None:
            self.rows.append((self.places[-1], self.cells))
            self.cells = None

    def handle_data(self, data: str) -> None:
        if self.cell is not None:
            self.cell.append(data)


def _html_rows(html: str) -> list[tuple[str, list[str]]]:
    parser = _Rows()
    parser.feed(html)
    return parser.rows


def _row(rows: list[tuple[str, list[str]]], section: str, first: str) -> list[str]:
    found = [cells for where, cells in rows if where == section and cells and cells[0] == first]
    assert len(found) == 1, (section, first, found)
    return found[0]


def test_known_counts_in_html(cli, corpus):
    data, run = _report(cli, corpus, "html")
    assert run.code == 2  # a file with errors (1) and one that is no response file (2): like validate
    html = data.decode("utf-8")
    rows = _html_rows(html)
    assert "8 response files read; 5 reported on, from 4 States; 3 left out." in html
    assert _row(rows, "files", "Cluster I")[:3] == ["Cluster I", "3", "2"]  # left out: the file with errors, the second of a State
    assert _row(rows, "files", "Cluster II")[:3] == ["Cluster II", "2", "0"]
    assert _row(rows, "completeness", "Cluster I") == ["Cluster I", "3", "0", "0", "0", "0"]
    assert _row(rows, "parties", "Trafficking in Persons Protocol")[1:] == ["2", "50%"]
    assert _row(rows, "parties", "Smuggling of Migrants Protocol")[1] == "1"
    assert _row(rows, "parties", "Firearms Protocol")[1] == "0"
    assert _row(rows, "parties", "United Nations Convention against Corruption")[1] == "1"
    assert _row(rows, "parties", "None of the three Protocols")[1] == "2"
    one = _row(rows, "cluster1", "1")
    assert "Yes: 1 · Yes, in part: 1 · No: 1" in one[1] and one[2:] == ["3", "0"]
    three_a = _row(rows, "cluster1", "3 (a)")  # applies to the two States that answered 3 "Yes"; Betastan's answer does not count
    assert "Yes: 1 · Yes, in part: 0 · No: 0 · Unanswered: 1" in three_a[1] and three_a[2:] == ["2", "1"]
    forty_seven = _row(rows, "cluster1", "47")  # the Trafficking Protocol's part: its two parties
    assert "Yes: 1 · No: 0 · Unanswered: 1" in forty_seven[1] and forty_seven[2:] == ["2", "1"]
    training = _row(rows, "list-convention-technical-assistance", "1")
    assert training[1:] == ["Capacity-building through the training of practitioners or trainers", "3", "3", "1"]
    legal = _row(rows, "list-convention-technical-assistance", "2")
    assert legal[1:] == ["Legal advice", "1", "1", "0"]
    assert "3 of the 4 States to whom these questions applied chose at least one option." in html
    difficult = _row(rows, "difficult-questions", "1")  # question 1: one "No" and one "Yes, in part" of three answers
    assert difficult[1:3] == ["I 1", difficult[2]] and difficult[3:] == ["1", "1", "3", "67%"]
    assert '<q dir="auto">[State] lacks funds for [State]&#39;s training</q>' in html
    assert '<q dir="auto">Help from  [State] and [State]</q>' in html
    left = [cells for where, cells in rows if where == "left-out" and cells[0] in ("1", "2", "3")]
    assert [cells[2] for cells in left] == [
        "it has errors",
        "it is not a response file",
        "another file answers the same cluster for the same State",
    ]
    assert "unknown-option (1)" in left[0][3]


def test_known_counts_in_csv(cli, corpus):
    data, _run = _report(cli, corpus, "csv")
    rows = list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"))))
    assert list(rows[0]) == ["state", "questionnaire", "cluster", "item", "number", "instrument", "kind", "applies", "answered", "answer"]
    assert len({r["state"] for r in rows}) == 4

    def item(questionnaire: str, item_id: str) -> list[dict[str, str]]:
        return [r for r in rows if r["questionnaire"] == questionnaire and r["item"] == item_id]

    assert sorted(r["answer"] for r in item("cluster1", "1")) == ["no", "partly", "yes"]
    three_a = item("cluster1", "3.a")
    assert sorted((r["applies"], r["answered"], r["answer"]) for r in three_a) == [
        ("false", "false", ""),  # Betastan answered 3 "No": its answer to 3 (a) is kept in its file but not counted
        ("true", "false", ""),
        ("true", "true", "yes"),
    ]
    assert sorted(r["answer"] for r in item("cluster1", "31")) == ["training", "training;legal-advice", "training;other"]
    assert [r["applies"] for r in item("cluster1", "47")].count("true") == 2
    assert len(item("cluster2", "26")) == 2 and sorted(r["answer"] for r in item("cluster2", "26")) == ["", "training"]
    assert {r["answered"] for r in item("cluster1", "28.a") if r["answer"]} == {"true"}


def test_known_counts_in_json(cli, corpus):
    data, _run = _report(cli, corpus, "json")
    report = json.loads(data)
    coverage = report["coverage"]
    assert (coverage["files_read"], coverage["files_reported"], coverage["files_left_out"], coverage["states"]) == (8, 5, 3, 4)
    assert coverage["parties"] == {"trafficking": 2, "smuggling": 1, "firearms": 0, "uncac": 1} and coverage["no_protocol"] == 2
    questions = {(q["questionnaire"], q["item"]): q for q in report["questions"]}
    one = questions[("cluster1", "1")]
    assert one["counts"] == {"yes": 1, "partly": 1, "no": 1} and (one["applied"], one["not_applied"]) == (3, 0)
    three_a = questions[("cluster1", "3.a")]
    assert (three_a["applied"], three_a["answered"], three_a["unanswered"], three_a["not_applied"]) == (2, 1, 1, 1)
    assert three_a["counts"]["yes"] == 1 and three_a["labels"]["partly"] == "Yes, in part"
    lists = {entry["list"]: entry for entry in report["lists"]}
    assistance = lists["convention-technical-assistance"]
    assert [(q["questionnaire"], q["number"]) for q in assistance["questions"]] == [("cluster1", "31"), ("cluster2", "26")]
    assert (assistance["applied"], assistance["answered"]) == (4, 3)
    ranked = [(o["code"], o["states"], o["files"]) for o in assistance["options"][:3]]
    assert ranked == [("training", 3, {"cluster1": 3, "cluster2": 1}), ("legal-advice", 1, {"cluster1": 1}), ("other", 1, {"cluster1": 1})]
    assert [t["text"] for t in assistance["texts"]] == ["Help from  [State] and [State]"]
    assert lists["trafficking-technical-assistance"]["options"][0] == {
        "code": "training",
        "label": "Capacity-building through the training of criminal justice practitioners and/or the training of trainers",
        "states": 1,
        "files": {"cluster1": 1},
    }
    assert lists["convention-difficulties"]["topic"] == "difficulties"
    first = report["difficulties"][0]
    assert (first["questionnaire"], first["item"], first["no"], first["partly"], first["answered"]) == ("cluster1", "1", 1, 1, 3)
    assert [(f["reason"], f["questionnaire"]) for f in report["left_out"]] == [
        ("errors", "cluster1"),
        ("unreadable", None),
        ("duplicate", "cluster1"),
    ]
    assert "findings" not in report["left_out"][0]


def test_completeness_uses_the_validators_count_of_unanswered_questions(cli, corpus):
    summaries = [summarize(Target(path)) for path in sorted(corpus.glob("*.yaml"))]
    alpha = next(s for s in summaries if s.path.endswith("cluster1-alphaland.yaml"))
    validated = cli("validate", "--format", "json", str(corpus / "cluster1-alphaland.yaml"))
    unanswered = json.loads(validated.out)["summary"]["unanswered"]
    assert alpha.unanswered == unanswered > 0 and alpha.expected > unanswered
    report = aggregate(summaries)
    cluster1 = next(c for c in report.coverage.clusters if c.questionnaire == "cluster1")
    kept = [s for s in summaries if s.included and s.questionnaire == "cluster1"][:3]
    assert cluster1.expected == sum(s.expected for s in kept) and cluster1.answered == sum(s.expected - s.unanswered for s in kept)
    assert sum(cluster1.completeness) == 3 and cluster1.completeness[0] == 3  # each file answers few of its questions


def _texts_of(fmt: str, data: bytes) -> str:
    if fmt != "xlsx":
        return data.decode("utf-8")
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return "\n".join(archive.read(name).decode("utf-8") for name in archive.namelist())


@pytest.mark.parametrize("fmt", ["html", "csv", "json", "xlsx"])
def test_no_state_name_in_any_output_of_an_anonymous_report(cli, corpus, fmt):
    data, _run = _report(cli, corpus, fmt)
    text = _texts_of(fmt, data).casefold()
    for name in NAMES:
        assert name.casefold() not in text, (fmt, name)
    assert "responses" not in text or fmt != "html" or "cluster1-" not in text  # no file path either


def test_named_report_says_so_and_is_private(cli, corpus):
    data, _run = _report(cli, corpus, "html", "--named")
    html = data.decode("utf-8")
    assert html.index("This report names States") < html.index("<h1>")
    for name in ("Alphaland", "Betastan", "Gammaria", "Deltonia"):
        assert name in html
    assert "ALPHALAND lacks funds" in html and "cluster1-epsilonia.yaml" in html and "1 takes one of yes, partly, no" in html
    assert stat.S_IMODE(os.stat(corpus.parent / "report.html").st_mode) == 0o600
    rows = list(csv.DictReader(io.StringIO(_report(cli, corpus, "csv", "--named")[0].decode("utf-8-sig"))))
    assert {r["state"] for r in rows} == {"Alphaland", "Betastan", "Gammaria", "Deltonia"}


def test_hostile_names_and_texts_are_inert(cli, tmp_path):
    folder = tmp_path / "hostile"
    folder.mkdir()
    hostile = '<img src=x onerror=alert(1)> "=cmd|calc"'
    text = ALPHA.replace("state: Alphaland", "state: '=HYPERLINK(\"http://x\")<script>alert(2)</script>'")
    text = text.replace(
        "ALPHALAND lacks funds for Gammaria's training", f"'{hostile.replace(chr(39), chr(39) * 2)} </q><script>alert(3)</script>'"
    )
    (folder / "a.yaml").write_text(text, encoding="utf-8")
    html = _report(cli, folder, "html", "--named")[0].decode("utf-8")
    assert "<script>alert" not in html and "<img src=x" not in html
    assert "&lt;script&gt;alert(2)&lt;/script&gt;" in html and "&lt;img src=x onerror=alert(1)&gt;" in html
    rows = list(csv.reader(io.StringIO(_report(cli, folder, "csv", "--named")[0].decode("utf-8-sig"))))
    assert rows[1][0].startswith("'=HYPERLINK")
    data = _report(cli, folder, "xlsx", "--named")[0]
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        sheets = "".join(archive.read(n).decode() for n in archive.namelist() if n.startswith("xl/worksheets/"))
    assert "<f>" not in sheets  # no cell is a formula


def test_xlsx_has_a_sheet_per_cluster_with_the_counts(cli, corpus):
    openpyxl = pytest.importorskip("openpyxl")
    data, _run = _report(cli, corpus, "xlsx")
    workbook = openpyxl.load_workbook(io.BytesIO(data))
    assert {"Cluster I", "Cluster II", "Coverage", "Technical assistance needs", "Files left out"} <= set(workbook.sheetnames)
    rows = list(workbook["Cluster I"].iter_rows(values_only=True))
    three_a = {row[2]: row[3:] for row in rows if row[0] == "3 (a)"}
    assert three_a["Yes"] == (1, 1, 2, 1, 1) and three_a["No"][0] == 0


def test_report_in_arabic_and_chinese(cli, corpus, monkeypatch):
    arabic = _report(cli, corpus, "html", "--lang", "ar")[0].decode("utf-8")
    assert '<html lang="ar" dir="rtl">' in arabic and "تقرير" in arabic
    if all(not (s.missing or s.fuzzy) for s in catalog_status(("ar",)) if s.part == "questionnaire"):
        assert "[EN]" not in arabic  # the Arabic questionnaires are translated in full: no English shown
    fake_translation(monkeypatch, {})  # whatever the catalogs hold, questionnaire text not translated is marked
    assert "[EN]" in _report(cli, corpus, "html", "--lang", "ar")[0].decode("utf-8")
    chinese = _report(cli, corpus, "html", "--lang", "zh")[0].decode("utf-8")
    assert '<html lang="zh-Hans" dir="ltr">' in chinese and "报告" in chinese
    assert "<svg" in chinese and "<text" in chinese  # charts keep their text as text


def test_command_line_errors_and_listing(cli, corpus, tmp_path):
    run = cli("report", str(corpus), "-o", str(tmp_path / "r.json"))
    assert json.loads((tmp_path / "r.json").read_text())["version"] == 1  # the format follows -o's extension
    assert "cluster1-epsilonia.yaml:7:8: error [1]" in run.err  # left-out files listed, located, on the terminal
    assert "cluster1-zz-alphaland-again.yaml: warning:" in run.err and "cluster1-alphaland.yaml already answers cluster1" in run.err
    assert "5 files from 4 States reported on; 3 left out" in run.err
    assert cli("report", str(corpus), "-o", "-").code == 2  # HTML goes to a file
    assert cli("report", str(corpus), "-o", str(tmp_path / "missing" / "r.html")).code == 2
    assert cli("report", str(corpus), "-o", str(tmp_path / "r.html"), "--lang", "xx").code == 2
    (tmp_path / "empty").mkdir()
    empty = cli("report", str(tmp_path / "empty"), "-o", str(tmp_path / "e.html"))
    assert empty.code == 2 and "no response file found" in empty.err and not (tmp_path / "e.html").exists()
    valid = cli("report", str(corpus / "cluster1-alphaland.yaml"), "-o", "-", "--format", "csv")
    assert valid.code == 0 and valid.out.startswith("\ufeffstate,questionnaire")


def test_redaction_whole_words_any_case_and_chinese():
    redact = Redactor(["Niger", "Côte d'Ivoire", "中国", "  "], "[State]")
    assert redact("Niger and NIGER, not Nigeria") == "[State] and [State], not Nigeria"
    assert redact("côte  d'ivoire helped") == "[State] helped"
    assert redact("中国的法律") == "[State]的法律"
    assert Redactor([], "[State]")("Niger") == "Niger"
    short = Redactor(["Republic of Examplestan-sur-Mer", "United Kingdom of Great Britain", "الإمارات العربية المتحدة"], "[State]")
    assert short("Examplestan asked the United Nations; Britain helped") == "[State] asked the United Nations; [State] helped"
    assert short("دعم من الإمارات والدول العربية وبالإمارات") == "دعم من [State] والدول العربية وب[State]"


def test_anonymous_labels_do_not_follow_the_alphabet():
    keys = [f"state {n:03d}" for n in range(50)]
    first, second = anonymous_labels(keys, random.Random(1)), anonymous_labels(keys, random.Random(2))
    assert sorted(first.values()) == [f"S{n:03d}" for n in range(1, 51)]
    assert [first[k] for k in keys] != sorted(first.values()) and first != second


def test_topical_lists_are_found_through_their_option_lists():
    cluster3 = registry.load("cluster3")
    found = {entry.id: cluster3.list_topic(entry) for entry in cluster3.entries.values() if cluster3.list_topic(entry)}
    assert found == {
        "30.a": ("difficulties", "convention-difficulties"),
        "33": ("technical-assistance", "convention-technical-assistance"),
        "45.a": ("technical-assistance", "trafficking-technical-assistance"),  # a cluster variant joins its base's family
        "55.a": ("technical-assistance", "smuggling-technical-assistance"),
    }
    assert re.fullmatch(r"\d+(\.[a-z0-9]+)*", next(iter(found)))


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are POSIX")
def test_pipes_and_link_loops_are_listed_not_waited_for(cli, tmp_path):
    folder = tmp_path / "odd"
    folder.mkdir()
    (folder / "a.yaml").write_text(ALPHA, encoding="utf-8")
    os.mkfifo(folder / "pipe.yaml")  # no writer: opening it for reading would block
    (folder / "loop.yaml").symlink_to(folder / "loop.yaml")
    run = cli("report", str(folder), str(folder / "pipe.yaml"), "-o", str(tmp_path / "r.json"))  # a folder's search skips pipes
    assert run.code == 2
    assert (
        "pipe.yaml:1:1: error is a named pipe (FIFO), not a regular file" in run.err
        and "loop.yaml:1:1: error a loop of symbolic links" in run.err
    )
    assert json.loads((tmp_path / "r.json").read_text())["coverage"]["files_reported"] == 1
    validated = cli("validate", str(folder), str(folder / "pipe.yaml"))
    assert validated.code == 2 and "2 unreadable" in validated.out
