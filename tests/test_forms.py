"""Fillable Word forms: the layout and its tags, the DOCX written, and the answers read back (untoc import)."""

from __future__ import annotations

import io
import stat
import zipfile
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn

from engine.consultation.records import answered, same
from engine.definition import registry
from engine.export.docx_fillable import fillable_docx
from engine.export.form import build_form, parse_form_tag
from engine.imports.form import FormError, read_form
from engine.responses.model import read
from engine.responses.writer import from_response

from factories import complete_response
from form_filling import FormDocument

W14 = "http://schemas.microsoft.com/office/word/2010/wordml"

pytestmark = pytest.mark.usefixtures("english")


@pytest.fixture(scope="module")
def blank2(cluster2) -> bytes:
    return fillable_docx(build_form(cluster2, "en"))


def save(tmp_path: Path, data: bytes, name: str = "form.docx") -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


# -- the layout ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("cluster", ["cluster1", "cluster2", "cluster3", "cluster4"])
@pytest.mark.parametrize("lang", ["en", "ar"])
def test_every_field_has_a_unique_tag_and_title(cluster, lang):
    definition = registry.load(cluster)
    form = build_form(definition, lang)
    fields = form.fields()
    tags = [f.tag for f in fields]
    assert len(tags) == len(set(tags)) and max(len(t) for t in tags) <= 64  # Word's limit for a tag
    titles = [f.title for f in fields]
    assert len(titles) == len(set(titles))  # found by title when a word processor drops the tags
    assert parse_form_tag(tags[0]) == (cluster, lang, True)
    answerable = [e for e in definition.entries.values() if e.is_answerable]
    assert {f.item for f in fields if f.item} == {e.id for e in answerable}
    boxes = sum(len(e.values) for e in answerable)
    assert sum(1 for f in fields if f.kind == "check") == boxes + 4  # and the three Protocols, UNCAC


def test_blank_form_is_the_blank_questionnaire_with_content_controls(blank2):
    document = docx.Document(io.BytesIO(blank2))
    text = [p.text for p in document.paragraphs]
    assert "↳ Answer only if the answer to 1 is “Yes”." in text  # routing printed as in the blank export
    assert any(t.startswith("1. Does your country take appropriate measures") for t in text)
    assert any(p.style.name == "Heading 2" and p.text.startswith("Article 24. Protection of witnesses") for p in document.paragraphs)
    controls = document.element.body.findall(f".//{qn('w:sdt')}")
    by_tag = {c.find(f"{qn('w:sdtPr')}/{qn('w:tag')}").get(qn("w:val")): c for c in controls}
    box = by_tag["untoc:1:option:yes"]
    assert box.find(f".//{{{W14}}}checkbox/{{{W14}}}checked").get(f"{{{W14}}}val") == "0"
    assert box.find(f"{qn('w:sdtPr')}/{qn('w:alias')}").get(qn("w:val")) == "1 · Yes"
    text_field = by_tag["untoc:2.c:answer"]
    properties = text_field.find(qn("w:sdtPr"))
    assert properties.find(qn("w:text")).get(qn("w:multiLine")) == "1" and properties.find(qn("w:showingPlcHdr")) is not None
    assert properties.find(qn("w:lock")).get(qn("w:val")) == "sdtLocked"  # a field cannot be deleted in Word
    assert by_tag["untoc:questions"].find(f"{qn('w:sdtPr')}/{qn('w:lock')}").get(qn("w:val")) == "sdtContentLocked"
    assert "".join(t.text for t in by_tag["untoc:questions"].iter(qn("w:t"))) == "all"
    labels = [row.cells[0].text for row in document.tables[0].rows]
    assert labels[:2] == ["Cluster", "State"] and labels[-1] == "Questions in this form"
    assert "".join(t.text for t in by_tag["untoc:form:1:cluster2:en:routing"].iter(qn("w:t"))) == "II (cluster2)"


def test_arabic_form_is_right_to_left(cluster2):
    document = docx.Document(io.BytesIO(fillable_docx(build_form(cluster2, "ar"))))
    body = [p for p in document.paragraphs if p.text.strip()]
    assert all(p._p.pPr is not None and p._p.pPr.find(qn("w:bidi")) is not None for p in body)


@pytest.mark.parametrize("cluster", ["cluster1", "cluster2", "cluster3", "cluster4"])
def test_a_filled_form_reads_back_as_the_same_answers(tmp_path, cluster):
    definition = registry.load(cluster)
    source = tmp_path / "r.yaml"
    source.write_text(complete_response(definition, seed=5, parties=["trafficking", "firearms"]), encoding="utf-8")
    document = from_response(read(source))
    for record in document.answers.values():
        record.contributor = "Ministry of Justice"
    form = build_form(definition, "en", True, None, document)
    imported = read_form(save(tmp_path, fillable_docx(form)))
    assert imported.problems == []
    back = imported.document
    assert (back.state, back.language, back.parties, back.uncac_party) == ("Examplestan", "en", ["trafficking", "firearms"], False)
    assert {i for i, r in document.answers.items() if answered(r)} == set(back.answers)
    for item_id, record in document.answers.items():
        assert same(record, back.answers.get(item_id)), item_id
        assert back.answers[item_id].contributor == "Ministry of Justice"


# -- filling as word processors do ----------------------------------------------------------------


def test_word_processor_ways_of_writing_are_read(tmp_path, blank2):
    form = FormDocument(blank2)
    form.tick("untoc:1:option:yes", glyph_only=True)  # only the glyph: what the person saw
    form.type("untoc:1:legislation", "Witness Protection Act, art. 3\nPenal Code, art. 5", runs=4)
    form.type("untoc:1:links", "https://sherloc.unodc.org/a  https://sherloc.unodc.org/b")
    w = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
    checked = form.control("untoc:2.a:option:no")  # only the state: the glyph left as it was
    checked.find(f".//{{{W14}}}checked").set(f"{{{W14}}}val", "true")
    symbol = form.control("untoc:2.b:option:yes").find(f"{w}sdtContent")  # an older Word's Wingdings box
    run = symbol.find(f"{w}r")
    run.remove(run.find(f"{w}t"))
    run.append(run.makeelement(f"{w}sym", {f"{w}font": "Wingdings", f"{w}char": "F0FE"}))
    form.type("untoc:2.c:answer", "Relocation.")
    answer = form.control("untoc:2.c:answer").find(f"{w}sdtContent")  # tracked changes: an insertion kept, a deletion not
    insertion = answer.makeelement(f"{w}ins", {})
    insertion.append(answer.makeelement(f"{w}r", {}))
    insertion[0].append(answer.makeelement(f"{w}t", {}))
    insertion[0][0].text = " New identity."
    answer.append(insertion)
    deletion = answer.makeelement(f"{w}del", {})
    deletion.append(answer.makeelement(f"{w}r", {}))
    deletion[0].append(answer.makeelement(f"{w}delText", {}))
    deletion[0][0].text = " Deleted words."
    answer.append(deletion)
    link = form.control("untoc:3:comment")  # a hyperlink around the typed text, placeholder flag left in place
    content = link.find(f"{w}sdtContent")
    content.clear()
    hyperlink = content.makeelement(f"{w}hyperlink", {})
    hyperlink.append(content.makeelement(f"{w}r", {}))
    hyperlink[0].append(content.makeelement(f"{w}t", {}))
    hyperlink[0][0].text = "See the decree"
    content.append(hyperlink)
    form.type("untoc:4:comment", "(type here)")  # the placeholder kept as text, its flag lost (LibreOffice 7.4)
    form.type("untoc:state", "(type here)Examplestan")  # typed after the placeholder by a word processor that keeps it
    form.type("untoc:language", "Français")  # a language's name, in any of the six languages
    imported = read_form(save(tmp_path, form.bytes()))
    answers = imported.document.answers
    assert answers["1"].value == "yes" and answers["1"].legislation == ["Witness Protection Act, art. 3", "Penal Code, art. 5"]
    assert answers["1"].links == ["https://sherloc.unodc.org/a", "https://sherloc.unodc.org/b"]
    assert answers["2.a"].value == "no" and answers["2.b"].value == "yes"
    assert answers["2.c"].value == "Relocation. New identity."
    assert answers["3"].comment == "See the decree"
    assert "4" not in answers and (imported.document.state, imported.document.language) == ("Examplestan", "fr")
    assert imported.problems == []


def test_another_namespace_prefix_is_the_same_namespace(tmp_path, blank2):
    form = FormDocument(blank2)
    form.tick("untoc:1:option:no")
    data = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(form.bytes())) as source, zipfile.ZipFile(data, "w") as target:
        for info in source.infolist():
            content = source.read(info)
            if info.filename == "word/document.xml":
                content = (
                    content.replace(b"w14:", b"wx:").replace(b"xmlns:w14=", b"xmlns:wx=").replace(b'Ignorable="w14 ', b'Ignorable="wx ')
                )
            target.writestr(info, content)
    imported = read_form(save(tmp_path, data.getvalue()))
    assert imported.document.answers["1"].value == "no"


def test_what_cannot_be_read_is_located_by_question_number(tmp_path, blank2):
    form = FormDocument(blank2)
    form.tick("untoc:1:option:yes")
    form.tick("untoc:1:option:no")
    form.delete("untoc:4:comment")
    form.type_after("untoc:2.a:links", " see SHERLOC")
    form.new_paragraph_after("untoc:5:comment", "Our ministry agrees.")
    form.type("untoc:6:comment", "First copy")
    copy = form.control("untoc:6:comment")
    twin = copy.__copy__()
    copy.addnext(twin)
    form.type("untoc:6:comment", "First copy")  # the first of the two
    twin.find(".//{http://schemas.openxmlformats.org/wordprocessingml/2006/main}t").text = "Second copy"
    imported = read_form(save(tmp_path, form.bytes()))
    found = [(p.item, p.severity.value, p.code) for p in imported.problems]
    assert found == [
        ("1", "error", "form-two-ticked"),
        ("2.a", "warning", "form-outside-text"),
        ("4", "error", "form-field-missing"),
        ("5", "warning", "form-outside-text"),
        ("6", "warning", "form-field-twice"),
    ]
    messages = [p.message for p in imported.problems]
    assert messages[0] == "1: 2 boxes are ticked (“Yes”, “No”) where one answer is allowed; none is read"
    assert "“see SHERLOC”" in messages[1] and "“Our ministry agrees.”" in messages[3]
    assert messages[2] == "4: the field “4 · Comment” is missing (deleted?): nothing could be read there"
    assert "1" not in imported.document.answers and imported.document.answers["6"].comment == "First copy"


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda blank: b"plain text", "not a Word document (.docx): it is not a ZIP package"),
        (lambda blank: b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(100), "Word 97–2003 document (.doc)"),
        (lambda blank: _zip({"hello.txt": b"x"}), "it has no word/document.xml"),
        (lambda blank: _zip({"word/document.xml": b"<w:document"}), "is damaged"),
        (lambda blank: blank[: len(blank) // 2], "not a readable Word document"),
        (lambda blank: _replace(blank, b"untoc:form:1:cluster2", b"untoc:form:1:cluster9"), "unknown questionnaire"),
        (lambda blank: _replace(blank, b"untoc:questions", b"something-else"), "list of questions"),
        (lambda blank: _replace(blank, b">all<", b">1-999<"), "list of questions was changed"),
    ],
)
def test_documents_that_are_not_forms_are_refused_with_a_reason(tmp_path, blank2, make, message):
    with pytest.raises(FormError) as error:
        read_form(save(tmp_path, make(blank2)))
    assert message in error.value.message


def test_a_word_document_that_is_no_form(tmp_path, cluster2):
    from engine.export.render import export_blank

    with pytest.raises(FormError, match="not a fillable untoc form"):
        read_form(save(tmp_path, export_blank(cluster2, "docx")))


def test_entities_are_not_expanded(tmp_path):
    bomb = b'<?xml version="1.0"?><!DOCTYPE d [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>'
    bomb += b'<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>&b;</w:t></w:r></w:p></w:body></w:document>'
    with pytest.raises(FormError, match="not a fillable untoc form"):
        read_form(save(tmp_path, _zip({"word/document.xml": bomb})))


def _zip(files: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as package:
        for name, data in files.items():
            package.writestr(name, data)
    return out.getvalue()


def _replace(data: bytes, old: bytes, new: bytes) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w") as target:
        for info in source.infolist():
            content = source.read(info)
            target.writestr(info, content.replace(old, new) if info.filename == "word/document.xml" else content)
    return out.getvalue()


# -- the command line ---------------------------------------------------------------------------------


def test_export_and_import_commands(cli, tmp_path):
    response = tmp_path / "r.yaml"
    response.write_text(
        "questionnaire: cluster2\nstate: Examplestan\nlanguage: fr\nparties: [smuggling]\nuncac_party: false\nanswers:\n"
        '  "1":\n    answer: "yes"\n    legislation: [Loi 12]\n    contributor: Ministère de la justice\n',
        encoding="utf-8",
    )
    form = tmp_path / "form.docx"
    run = cli("export", "filled", str(response), "--fillable", "-o", str(form))
    assert run.code == 0, run.err
    assert stat.S_IMODE(form.stat().st_mode) == 0o600  # answers are confidential
    package = FormDocument(form.read_bytes())
    with pytest.raises(KeyError):
        package.control("untoc:28:option:yes")  # the Trafficking Protocol's part does not apply
    package.tick("untoc:47:option:no")
    form.write_bytes(package.bytes())
    output = tmp_path / "back.yaml"
    run = cli("import", str(form), "-o", str(output))
    assert run.code == 0, run.out + run.err
    assert f"wrote {output}: 2 answers read from {form}" in run.out
    back = read(output)
    assert back.answers["1"].legislation[0].value == "Loi 12" and back.answers["47"].value == "no"
    assert back.answers["47"].contributor.value == "Ministère de la justice" and back.language.value == "fr"
    assert stat.S_IMODE(output.stat().st_mode) == 0o600
    before = output.read_bytes()
    again = cli("import", str(form), "-o", str(output))
    assert again.code == 2 and "already exists" in again.err and output.read_bytes() == before
    assert cli("import", str(form), "-o", str(output), "--cluster", "3").code == 2
    assert "this file answers cluster2, not cluster3" in cli("import", str(form), "-o", str(tmp_path / "x.yaml"), "--cluster", "3").err


def test_import_reports_problems_and_validation(cli, tmp_path, blank2):
    form = FormDocument(blank2)
    form.type("untoc:state", "Examplestan")
    form.tick("untoc:3:option:yes")
    form.tick("untoc:3:option:no")
    form.type("untoc:1:links", "not-a-link")
    path = save(tmp_path, form.bytes())
    run = cli("import", str(path), "-o", str(tmp_path / "r.yaml"))
    assert run.code == 1
    assert f"{path}: error [3] 3: 2 boxes are ticked" in run.out
    assert f"{tmp_path / 'r.yaml'}:10:9: warning [1] 'not-a-link' is not an absolute http(s) link" in run.out


def test_export_options_are_checked(cli, tmp_path):
    for args, message in (
        (("export", "blank", "--cluster", "2", "--fillable", "--format", "md"), "use --format docx"),
        (("export", "blank", "--all", "--fillable", "-o", str(tmp_path)), "give --cluster N instead of --all"),
        (("export", "blank", "--cluster", "2", "--questions", "1-4", "-o", str(tmp_path / "f.docx")), "--questions goes with --fillable"),
        (("export", "blank", "--cluster", "2", "--fillable", "--questions", "1-999", "-o", str(tmp_path / "f.docx")), "--questions:"),
    ):
        run = cli(*args)
        assert run.code == 2 and message in run.err, (args, run.err)
    run = cli("export", "blank", "--cluster", "2", "--fillable", "--questions", "5-7, 23", "--lang", "fr", "-o", str(tmp_path / "f.docx"))
    assert run.code == 0, run.err
    form = build_form(registry.load("cluster2"), "fr", True, None)
    imported = read_form(tmp_path / "f.docx")
    assert imported.form.scope[0] == "5" and "23.a" in imported.form.scope and "1" not in imported.form.scope
    assert imported.form.lang == "fr" and len(imported.form.fields()) < len(form.fields())
