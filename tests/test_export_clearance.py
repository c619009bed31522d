"""Documents fit for clearance: every test reads the exported output (HTML, text, DOCX, PDF).

PDFs are made from a small response (no Protocol parts) and a cut-down blank questionnaire, to keep
the suite quick; pypdf reads their text, positions, outline and metadata back.
"""

from __future__ import annotations

import datetime
import io
import re
from pathlib import Path

import docx
import lxml.html
import pytest
from docx.opc.constants import RELATIONSHIP_TYPE
from docx.oxml.ns import qn
from export_helpers import TODAY, fake_translation

from engine.definition import registry
from engine.export.document import build
from engine.export.filled import build_filled
from engine.export.render import blank_document, export_blank, export_filled, filled_document
from engine.i18n import questionnaire_text
from engine.responses.model import read
from engine.validation.validator import validate

pypdf = pytest.importorskip("pypdf")

LONG_WORD = "Pneumono" + "ultramicroscopicsilicovolcanoconiosis" * 8
LONG_LINK = "https://sherloc.unodc.org/cld/en/legislation/" + "x" * 160 + ".html"
COMMENT = "First paragraph.\nSecond line of it.\n\nThird paragraph."
SCRIPTS = "ZWNJ(\u200c) ZWJ(\u200d) LRM(\u200e) RLM(\u200f) SHY(\u00ad)"
HOSTILE = "override(\u202e) embedding(\u202b) isolate(\u2066) escape(\x1b) bell(\x07)"
ENGLISH = "The courts apply the Convention's definition directly."
ARABIC = "نعم، بموجب المادة 94 من الدستور."


def yaml_quoted(text: str) -> str:
    """``text`` as a YAML double-quoted scalar (escapes for line breaks and invisible characters)."""
    escaped = text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")
    return '"' + "".join(f"\\u{ord(c):04x}" if not c.isprintable() else c for c in escaped) + '"'


@pytest.fixture(scope="module")
def response(tmp_path_factory):
    path = tmp_path_factory.mktemp("clearance") / "response.yaml"
    path.write_text(
        "questionnaire: cluster1\nstate: Examplestan\nlanguage: en\nparties: []\nuncac_party: true\nanswers:\n"
        '  "1":\n    answer: partly\n    legislation: ["Penal Code, art. 2"]\n'
        f"    links: [{yaml_quoted(LONG_LINK)}]\n    comment: {yaml_quoted(COMMENT)}\n"
        f'  "1.a": {yaml_quoted(ENGLISH)}\n'
        f'  "2": yes\n  "2.a": {yaml_quoted(ARABIC)}\n'
        f'  "4": no\n  "5": yes\n  "10": {yaml_quoted(LONG_WORD)}\n'
        f'  "12": {yaml_quoted(SCRIPTS + " " + HOSTILE)}\n'
        '  "28": yes\n  "28.a":\n    answer: [limited-resources, other]\n    other: Lack of specialized prosecutors.\n',
        encoding="utf-8",
    )
    return read(path)


@pytest.fixture(scope="module")
def cluster1_module():
    return registry.load("cluster1")


@pytest.fixture(scope="module")
def filled(cluster1_module, response):
    """The filled document in English and in Arabic, in every format (one build each)."""
    documents = {}
    for lang in ("en", "ar"):
        doc = build_filled(cluster1_module, response, None, lang, TODAY)
        documents[lang] = {fmt: filled_document(doc, fmt) for fmt in ("txt", "md", "html", "docx", "pdf")}
    return documents


def html_tree(text: str):
    return lxml.html.document_fromstring(text)


def open_docx(data: bytes):
    return docx.Document(io.BytesIO(data))


def pdf_pages(data: bytes) -> list[str]:
    return [page.extract_text() for page in pypdf.PdfReader(io.BytesIO(data)).pages]


def pdf_lines_at(data: bytes, needle: str) -> list[float]:
    """The x positions (points from the left edge) where text containing ``needle`` starts."""
    found: list[float] = []
    for page in pypdf.PdfReader(io.BytesIO(data)).pages:

        def visit(text, cm, tm, font, size, found=found):  # type: ignore[no-untyped-def]
            if needle in text:
                found.append(tm[4] * cm[0] + cm[4])

        page.extract_text(visitor_text=visit)
    return found


def docx_text_paragraphs(document) -> list:  # type: ignore[no-untyped-def]
    return [p for p in document.paragraphs if p.text.strip()]


def is_bidi(paragraph) -> bool:  # type: ignore[no-untyped-def]
    return paragraph._p.pPr is not None and paragraph._p.pPr.find(qn("w:bidi")) is not None


# 1. Long words and links wrap at the margin.


def test_long_words_and_links_wrap_in_pdf_and_html(filled):
    text = "\n".join(pdf_pages(filled["en"]["pdf"]))
    lines = text.splitlines()
    for token in (LONG_WORD, LONG_LINK):
        assert not any(token in line for line in lines), "a line runs past the margin"
        assert token in text.replace("\n", "")  # …and the whole of it is printed, over several lines
    style = html_tree(filled["en"]["html"]).xpath("//style")[0].text
    body = re.search(r"\nbody \{[^}]*\}", style).group()
    assert "overflow-wrap: anywhere" in body  # the page does not scroll sideways either


# 2. Comments keep their paragraphs; what scripts need is kept, what could disturb is shown.


def test_comments_keep_their_paragraphs_in_every_format(filled):
    root = html_tree(filled["en"]["html"])
    comment = [p.text_content() for p in root.xpath("//div[@id='q1']//p[@class='value']")][1:]  # after the legislation
    assert comment == ["First paragraph.\nSecond line of it.", "Third paragraph."]
    txt = filled["en"]["txt"]
    assert "        First paragraph.\n        Second line of it.\n\n        Third paragraph." in txt
    assert "> First paragraph.\\\n> Second line of it.\n>\n> Third paragraph." in filled["en"]["md"]
    paragraphs = [p.text for p in open_docx(filled["en"]["docx"]).paragraphs]
    assert "First paragraph.\nSecond line of it." in paragraphs and "Third paragraph." in paragraphs  # a line break, a paragraph
    pdf = "\n".join(pdf_pages(filled["en"]["pdf"]))
    assert "First paragraph.\nSecond line of it.\nThird paragraph." in pdf
    for output in (txt, filled["en"]["md"], filled["en"]["html"], pdf, *paragraphs):
        assert "\\n" not in output


def test_documents_keep_the_characters_scripts_need_and_show_controls(filled):
    docx_text = "\n".join(p.text for p in open_docx(filled["en"]["docx"]).paragraphs)
    for output in (filled["en"]["txt"], filled["en"]["md"], filled["en"]["html"], docx_text):
        for kept in "\u200c\u200d\u200e\u200f\u00ad":
            assert f"({kept})" in output, kept
        for shown in ("\\u202e", "\\u202b", "\\u2066", "\\x1b", "\\x07"):
            assert shown in output
        assert not re.search("[\u202a-\u202e\u2066-\u2069\x1b\x07]", output)


# 3. Each paragraph has its own direction, written out.


def test_each_answer_paragraph_has_its_direction_in_html_and_docx(filled):
    english_doc, arabic_doc = html_tree(filled["en"]["html"]), html_tree(filled["ar"]["html"])
    assert english_doc.xpath(f"//p[@class='text' and .={ARABIC!r}]/@dir") == ["rtl"]
    assert arabic_doc.xpath(f"//p[@class='text' and .={ENGLISH!r}]/@dir") == ["ltr"]
    assert arabic_doc.get("dir") == "rtl" and english_doc.get("dir") == "ltr"
    arabic_answer = next(p for p in open_docx(filled["en"]["docx"]).paragraphs if p.text == ARABIC)
    assert is_bidi(arabic_answer) and all(r._r.rPr.find(qn("w:rtl")) is not None for r in arabic_answer.runs)
    english_answer = next(p for p in open_docx(filled["ar"]["docx"]).paragraphs if p.text == ENGLISH)
    assert not is_bidi(english_answer)
    cover = next(p for p in open_docx(filled["ar"]["docx"]).paragraphs if p.text == "لم يُجب عنه.")
    assert is_bidi(cover)  # the document's own words stay right to left


def test_each_answer_paragraph_has_its_direction_in_pdf(filled):
    # English in an Arabic document starts at the left margin and keeps its full stop at the end…
    assert pdf_lines_at(filled["ar"]["pdf"], "definition directly") and max(pdf_lines_at(filled["ar"]["pdf"], "definition directly")) < 120
    assert "definition directly." in "".join(pdf_pages(filled["ar"]["pdf"])) and ".The courts" not in "".join(
        pdf_pages(filled["ar"]["pdf"])
    )
    # …and Arabic in an English document is set from the right margin.
    starts = pdf_lines_at(filled["en"]["pdf"], "الدستور")
    assert starts and min(starts) > 250


# 4. PDF footnotes at the foot of the page that calls them.


def test_pdf_footnotes_are_at_the_foot_of_the_calling_page():
    doc = build(registry.load("cluster4"), "en")
    doc.parts = doc.parts[:1]
    doc.parts[0].sections = doc.parts[0].sections[:1]  # article 12, whose question 1 (a) calls footnote 8
    pages = [" ".join(p.split()) for p in pdf_pages(blank_document(doc, "pdf"))]  # type: ignore[arg-type]
    (calling,) = [i for i, p in enumerate(pages) if "Proceeds of crime (as defined in art. 2 (e)" in p]
    (noted,) = [i for i, p in enumerate(pages) if "“Proceeds of crime” shall mean any property derived" in p]
    assert calling == noted
    html = blank_document(doc, "html")
    assert html_tree(html).xpath("//section[@class='footnotes']//li[@id='fn8']")  # on screen: notes after the section


# 5. Routing names only what the reader can see.


@pytest.mark.parametrize("cluster", ["cluster1", "cluster2", "cluster3", "cluster4"])
def test_routing_names_only_labels_printed_on_the_form(cluster):
    doc = build(registry.load(cluster), "en")
    routings = [b.routing for p in doc.parts for s in p.sections for top in s.items for b in top.walk() if b.routing]
    routings += [s.routing for p in doc.parts for s in p.sections if s.routing] + [p.routing for p in doc.parts if p.routing]
    assert routings and not [r for r in routings if re.search(r"–\d", r)]  # dash items print no number
    if cluster == "cluster1":
        text = blank_document(doc, "txt")
        assert "[Answer only if the answer to any of the questions listed under 75 is “Yes” or “Yes, in part”.]" in text


# 6. Latin runs of a Chinese Word document are set as Latin text.


def test_latin_runs_in_a_chinese_docx_have_a_latin_language(cluster1_module, monkeypatch):
    fake_translation(monkeypatch, {})  # the questionnaire's text not translated: English runs in a Chinese document
    document = open_docx(export_blank(cluster1_module, "docx", "zh"))
    language = document.styles.element.find(f"{qn('w:docDefaults')}//{qn('w:lang')}")
    assert language.get(qn("w:val")) == "en-GB" and language.get(qn("w:eastAsia")) == "zh-CN"
    question = next(p for p in document.paragraphs if p.text.startswith("3. [EN] Is participation"))
    english = [r for r in question.runs if r.text.startswith("Is participation")]
    assert english and all(r._r.rPr.find(qn("w:lang")).get(qn("w:val")) == "en-GB" for r in english)


# 7. Completeness: one definition, pending follow-ups count.


def test_filled_completeness_counts_pending_follow_ups_as_the_validator_does(cluster1_module, response, filled):
    doc = build_filled(cluster1_module, response, None, "en", TODAY)
    unanswered = [f for f in validate(response, cluster1_module) if f.code == "unanswered"]
    assert doc.applicable - doc.answered == len(unanswered) > 0
    root = html_tree(filled["en"]["html"])
    # 3 is unanswered: 3 (a), which applies if 3 is “Yes”, is pending, shown and counted, not left out
    assert root.xpath("//div[@id='q3.a']//p[@class='unanswered']")[0].text_content() == (
        "Not answered; whether it applies depends on the answer to 3, not given yet."
    )
    assert any(f.item == "3.a" for f in unanswered) and any(f.item == "3.a.i" for f in unanswered)
    # 12 (b) applies by a note the State judges: shown as not answered like the others
    assert root.xpath("//div[@id='q12.b']//p[@class='unanswered']")[0].text_content() == "Not answered."
    # 28 is “Yes” and 2 is “Yes”: 28 (a) applies; what an answer rules out is left out (none here)
    assert root.xpath("//div[@id='q28.a']") and root.xpath("//div[@id='q2.a']")


# 8. The source's *emphasis* in italics.


def test_emphasis_is_set_in_italics(cluster1_module):
    doc = build(cluster1_module, "en")
    doc.parts = []  # the guidance is where *mutatis mutandis* is
    html = blank_document(doc, "html")
    assert "<em>mutatis mutandis</em>" in html and "*mutatis" not in html
    assert "*mutatis mutandis*" in blank_document(doc, "md") and "\\*mutatis" not in blank_document(doc, "md")
    runs = [r for p in open_docx(blank_document(doc, "docx")).paragraphs for r in p.runs if r.text == "mutatis mutandis"]  # type: ignore[arg-type]
    assert len(runs) == 2 and all(r.italic for r in runs)
    reader = pypdf.PdfReader(io.BytesIO(blank_document(doc, "pdf")))  # type: ignore[arg-type]
    text = " ".join(" ".join(p.extract_text() for p in reader.pages).split())
    assert "shall apply mutatis mutandis to the Protocols" in text
    slanted: list[bool] = []

    def visit(text, cm, tm, font, size):  # type: ignore[no-untyped-def]
        if "mutatis mutandis" in text:  # an italic face, or a regular one slanted by the text matrix
            slanted.append("Italic" in str(font.get("/BaseFont")) or "Oblique" in str(font.get("/BaseFont")) or tm[2] != 0)

    for page in reader.pages:
        page.extract_text(visitor_text=visit)
    assert slanted and all(slanted)


# 9. Dates in the language's full form.


def test_dates_are_written_in_full_as_the_language_writes_them(cluster1_module, response):
    day = datetime.date(2026, 11, 26)
    expected = {"en": "26 November 2026", "fr": "26 novembre 2026", "es": "26 de noviembre de 2026", "zh": "2026年11月26日"}
    for lang, date in expected.items():
        assert build_filled(cluster1_module, response, [], lang, day).date == date
    text = export_filled(cluster1_module, response, [], "txt", "en", day).decode()
    assert "Date: 26 November 2026" in text and "November 26" not in text


# 10. Running header and footer.


def test_pdf_pages_carry_the_running_header_and_footer(filled, response):
    pages = pdf_pages(filled["en"]["pdf"])
    revision = build_filled(registry.load("cluster1"), response, [], "en", TODAY).revision
    assert re.fullmatch("[0-9a-f]{12}", revision)
    for number, page in enumerate(pages, start=1):
        flat = " ".join(page.split())
        assert f"Page {number} of {len(pages)}" in flat
        assert "Self-assessment questionnaire, Cluster I — Examplestan" in flat
        assert "Confidential — draft for clearance" in flat
        assert f"23 November 2026 · revision {revision}" in flat
    arabic = " ".join(pdf_pages(filled["ar"]["pdf"])[0].split())
    assert "سري" in arabic and "الصفحة" in arabic and "Page" not in arabic  # in the document's language


def test_the_marking_can_be_changed_or_left_out(cli, cluster1_module, response, tmp_path):
    restricted = export_filled(cluster1_module, response, [], "html", "en", TODAY, marking="Restricted — internal use")
    assert "Restricted — internal use" in restricted.decode() and "Confidential" not in restricted.decode()
    assert "Confidential" not in export_filled(cluster1_module, response, [], "txt", "en", TODAY, marking="").decode()
    out = tmp_path / "r.docx"
    run = cli("export", "filled", str(response.path), "--format", "docx", "--marking", "For the minister only", "-o", str(out))
    assert run.code == 0, run.err
    header = open_docx(out.read_bytes()).sections[0].header.paragraphs[0].text
    assert "For the minister only" in header and "Self-assessment questionnaire, Cluster I — Examplestan" in header


def test_docx_pages_carry_the_running_header_and_footer(filled):
    section = open_docx(filled["en"]["docx"]).sections[0]
    assert "Confidential — draft for clearance" in section.header.paragraphs[0].text
    footer = section.footer.paragraphs[0]
    assert "23 November 2026 · revision" in footer.text and "Page " in footer.text and " of " in footer.text
    instructions = [t.text.strip() for t in footer._p.iter(qn("w:instrText"))]
    assert instructions == ["PAGE", "NUMPAGES"]


# 11. Word documents that look like the official one, with contents and links.


def test_docx_looks_like_the_official_document(cluster1_module):
    document = open_docx(export_blank(cluster1_module, "docx"))
    title = document.styles["Title"]
    assert title.paragraph_format.alignment == 1 and title.font.bold and str(title.font.color.rgb) == "000000"
    assert title.element.pPr.find(qn("w:pBdr")) is None  # not Word's blue rule under the title
    for name in ("Heading 1", "Heading 2"):
        color = document.styles[name].element.rPr.find(qn("w:color"))
        assert color.get(qn("w:val")) == "000000" and color.get(qn("w:themeColor")) is None
    annex = document.paragraphs[0]
    assert annex.text == "Annex III" and annex.alignment == 2
    body = document.element.body
    bookmarks = {b.get(qn("w:name")) for b in body.iter(qn("w:bookmarkStart"))}
    assert {"_part_convention", "_s1_2", "_q3_a"} <= bookmarks  # the headings, and each question, are named
    (toc,) = [t.text for t in body.iter(qn("w:instrText")) if "TOC" in t.text]
    assert '\\o "1-2"' in toc and "\\h" in toc
    anchors = {h.get(qn("w:anchor")) for h in body.iter(qn("w:hyperlink"))}
    assert anchors and anchors <= bookmarks  # every entry of the contents links to its heading
    assert document.settings.element.find(qn("w:updateFields")) is not None  # Word fills in the page numbers
    assert document.core_properties.title.startswith("Self-assessment questionnaire for the United Nations Convention")


def test_filled_docx_links_are_clickable(filled):
    document = open_docx(filled["en"]["docx"])
    targets = [r.target_ref for r in document.part.rels.values() if r.reltype == RELATIONSHIP_TYPE.HYPERLINK]
    assert targets == [LONG_LINK]


def test_pdf_has_contents_with_page_numbers_and_bookmarks(filled):
    reader = pypdf.PdfReader(io.BytesIO(filled["en"]["pdf"]))

    def titles(items):  # type: ignore[no-untyped-def]
        return [t for item in items for t in (titles(item) if isinstance(item, list) else [item.title])]

    outline = titles(reader.outline)
    assert "I. United Nations Convention against Transnational Organized Crime" in outline and "Findings of the validator" in outline
    first = reader.pages[0].extract_text()
    numbered = dict(re.findall(r"^(Article \d+\. [^\n]*?)\s*(\d+)$", first, flags=re.M))
    assert numbered.get("Article 2. Use of terms") == "2", first
    page = int(numbered["Article 10. Liability of legal persons"]) - 1
    assert "Article 10. Liability of legal persons" in reader.pages[page].extract_text()


# 12. Blank forms leave room to write.


def test_blank_documents_leave_room_to_write_under_text_questions(cluster1_module):
    doc = build(cluster1_module, "en")
    text_items = [b for p in doc.parts for s in p.sections for top in s.items for b in top.walk() if b.asks_text]
    root = html_tree(blank_document(doc, "html"))  # type: ignore[arg-type]
    assert len(root.xpath("//div[@class='write']")) == len(text_items) > 50
    assert root.xpath("//div[@id='q1.a']/div[@class='write']") and not root.xpath("//div[@id='q1']/div[@class='write']")
    document = open_docx(blank_document(doc, "docx"))  # type: ignore[arg-type]
    boxes = [t for t in document.tables if len(t.rows) == 1 and len(t.columns) == 1]
    assert len(boxes) == len(text_items)
    assert all(b.rows[0].height is not None and b.rows[0].height.mm >= 20 for b in boxes)


# 13. Filled documents: every option, why a part is left out, the findings.


def test_filled_documents_show_every_option_ticked_or_not(filled):
    root = html_tree(filled["en"]["html"])
    options = [" ".join(li.text_content().split()) for li in root.xpath("//div[@id='q28.a']//ul[@class='options']/li")]
    assert len(options) == 11 and options[0] == "☐ Problems with the formulation of legislation"
    assert (
        "☒ Limited resources for the implementation of existing legislation" in options
        and "☒ Other issues (please specify) Lack of specialized prosecutors." in options
    )
    assert " ".join(root.xpath("//div[@id='q1']//p[@class='scale']")[0].text_content().split()) == "☐ Yes ☒ Yes, in part ☐ No"
    txt = filled["en"]["txt"]
    assert "☐ Yes   ☒ Yes, in part   ☐ No" in txt and "        ☐ Problems with the formulation of legislation\n" in txt


def test_parts_and_sections_left_out_say_why(filled):
    root = html_tree(filled["en"]["html"])
    skipped = [" ".join(p.text_content().split()) for p in root.xpath("//p[@class='skipped']")]
    assert "Not reviewed: the State is party to the United Nations Convention against Corruption." in skipped  # arts. 8 and 9
    assert "Not reviewed: the State is not party to the Trafficking in Persons Protocol." in skipped
    assert "Not reviewed: the State is not party to the Firearms Protocol." in skipped


def test_the_validators_findings_close_the_document_by_question(cluster1_module):
    response = read(Path(__file__).resolve().parent.parent / "examples" / "broken" / "cluster1-with-errors.yaml")
    root = html_tree(export_filled(cluster1_module, response, None, "html", "en", TODAY).decode())
    rows = root.xpath("//table[@class='findings']/tbody/tr")
    assert len(rows) == len([f for f in validate(response, cluster1_module) if f.severity.value != "info"])
    heads = [" ".join(th.text_content().split()) for th in root.xpath("//table[@class='findings']/tbody/tr/th")]
    assert heads[0] == "The file as a whole" and "6" in heads and "28 (a)" in heads
    assert root.xpath("//table[@class='findings']//th/a[@href='#q6']") and root.xpath("//div[@id='q6']//a[@class='flag']/@href") == ["#f-6"]
    assert "Error 6 takes one of yes, partly, no, not 'Yes, in part'" in " ".join(root.xpath("//tr[@id='f-6']")[0].text_content().split())
    document = open_docx(export_filled(cluster1_module, response, None, "docx", "fr", TODAY))
    last = document.tables[-1]
    assert last.rows[0].cells[0].text == "Question" and any(c.text == "28 (a)" for row in last.rows for c in row.cells)
    assert any("Erreur" in row.cells[1].text for row in last.rows)  # in the document's language


# 14. Tagged PDF with its title in the document's language.


def test_pdf_is_tagged_with_a_title_in_its_language(filled):
    reader = pypdf.PdfReader(io.BytesIO(filled["ar"]["pdf"]))
    root = reader.trailer["/Root"]
    assert root["/MarkInfo"]["/Marked"] and "/StructTreeRoot" in root
    assert root["/Lang"] == "ar"
    title = registry.load("cluster1").questionnaire.title
    assert reader.metadata.title == f"{questionnaire_text(title, 'ar')} — Examplestan"  # the questionnaire's own title, in Arabic


def test_unofficial_blank_documents_say_so_in_the_running_header(cluster1_module, monkeypatch):
    fake_translation(monkeypatch, {})
    doc = build(cluster1_module, "fr")
    doc.parts = []
    first = pdf_pages(blank_document(doc, "pdf"))[0]  # type: ignore[arg-type]
    assert "Traduction non officielle" in first and "Page 1 sur" in first
