"""DOCX exports, read back with python-docx: heading styles, numbering, options, footnotes, direction, fonts, escaping."""

from __future__ import annotations

import io

import docx
import pytest
from docx.opc.constants import RELATIONSHIP_TYPE
from docx.oxml.ns import qn
from export_helpers import TODAY, fake_translation, hostile_response, notice

from engine.export.render import export_blank, export_filled
from engine.export.text import direction


def open_docx(data: bytes):
    return docx.Document(io.BytesIO(data))


def footnotes_xml(document) -> str:
    part = next(r.target_part for r in document.part.rels.values() if r.reltype == RELATIONSHIP_TYPE.FOOTNOTES)
    return part.blob.decode("utf-8")


@pytest.fixture(scope="module")
def blank_en(cluster1):
    return open_docx(export_blank(cluster1, "docx"))


def test_headings_numbering_options_and_routing(blank_en):
    paragraphs = [(p.style.name, p.text) for p in blank_en.paragraphs]
    assert (
        "Title",
        "Self-assessment questionnaire for the United Nations Convention against Transnational Organized Crime and the Protocols thereto – Cluster I",
    ) in paragraphs
    assert ("Heading 1", "I. United Nations Convention against Transnational Organized Crime") in paragraphs
    assert ("Heading 2", "Article 5. Criminalization of participation in an organized criminal group") in paragraphs
    text = [t for _, t in paragraphs]
    assert any(t.startswith("3. Is participation in an organized criminal group criminalized") for t in text)
    assert any(t.startswith("(a) If the answer to question 3 is “Yes”") for t in text)
    assert "☐ Lack of awareness of the existing legislation" in text  # an option, on its own line
    assert "☐ Yes\u2003☐ No" in text
    assert "↳ Answer only if the answer to 3 is “Yes”." in text
    assert "Voluntary: no inference is drawn from the lack of an answer." in text
    assert "Only if the State is party to the Firearms Protocol." in text


def test_footnotes_are_real_word_footnotes(blank_en):
    notes = footnotes_xml(blank_en)
    assert "A convertible weapon is a device" in notes and 'w:type="separator"' in notes
    body = blank_en.element.body
    references = body.findall(f".//{qn('w:footnoteReference')}")
    assert len(references) == 2  # footnotes 5 and 6 of Cluster I
    assert body.find(f".//{qn('w:numStart')}").get(qn("w:val")) == "5"  # Word numbers them 5, 6 as the source does
    assert not any("⁵" in p.text for p in blank_en.paragraphs)  # the marker became the footnote reference


def test_the_sources_emphasis_is_italic_without_asterisks(blank_en):
    (guidance,) = [p for p in blank_en.paragraphs if "mutatis" in p.text]
    assert [r.text for r in guidance.runs if r.italic] == ["mutatis mutandis", "mutatis mutandis"]
    assert "*" not in guidance.text


def test_arabic_paragraphs_are_right_to_left(cluster1, monkeypatch):
    fake_translation(monkeypatch, {"Article 2. Use of terms": "المادة 2- استخدام المصطلحات"})
    document = open_docx(export_blank(cluster1, "docx", "ar"))
    body = [p for p in document.paragraphs if p.text.strip()]
    arabic = [p for p in body if direction(p.text.removeprefix("[EN] ")) == "rtl"]
    english = [p for p in body if direction(p.text.removeprefix("[EN] ")) == "ltr"]
    assert arabic and english
    assert all(p._p.pPr is not None and p._p.pPr.find(qn("w:bidi")) is not None for p in arabic)
    assert not any(p._p.pPr is not None and p._p.pPr.find(qn("w:bidi")) is not None for p in english)  # untranslated: left to right
    (translated,) = [p for p in body if "استخدام المصطلحات" in p.text and p.style.name == "Heading 2"]
    assert translated.style.name == "Heading 2" and all(r._r.rPr.find(qn("w:rtl")) is not None for r in translated.runs)
    assert any(p.text.startswith("[EN] ") for p in body) and any(notice("ar") in p.text for p in body)


def test_fonts_cover_east_asian_and_complex_scripts(cluster1):
    document = open_docx(export_blank(cluster1, "docx", "zh"))
    fonts = document.styles.element.find(f"{qn('w:docDefaults')}//{qn('w:rFonts')}")
    assert (
        fonts.get(qn("w:eastAsia")) == "Noto Sans SC"
        and fonts.get(qn("w:cs")) == "Noto Naskh Arabic"
        and fonts.get(qn("w:ascii")) == "Noto Sans"
    )
    language = document.styles.element.find(f"{qn('w:docDefaults')}//{qn('w:lang')}")
    # Chinese text is set as Chinese; Latin-script runs as English, so that Word and LibreOffice break them between words
    assert language.get(qn("w:eastAsia")) == "zh-CN" and language.get(qn("w:val")) == "en-GB" and language.get(qn("w:bidi")) == "ar-SA"
    heading = document.styles["Heading 1"].element.rPr.find(qn("w:rFonts"))
    assert heading.get(qn("w:eastAsia")) == "Noto Sans SC" and heading.get(qn("w:asciiTheme")) is None


def test_filled_docx_shows_a_hostile_answer_verbatim(cluster1, tmp_path):
    document = open_docx(export_filled(cluster1, hostile_response(tmp_path), [], "docx", today=TODAY))
    text = [p.text for p in document.paragraphs]
    assert "<script>alert(1)</script> **bold** {{ 7*7 }} {% if true %}X{% endif %} &amp; \\x1b[31m red \\x07 ]]> <w:p/> # h" in text
    assert not any("\x1b" in t for t in text)
    cover = {row.cells[0].text: row.cells[1].text for row in document.tables[0].rows}
    assert cover["State"] == "Examplestan" and cover["Date"] == "23 November 2026"
    assert "Not answered." in text and any("left out" in t for t in text)


def test_text_that_xml_cannot_hold_is_replaced():
    from engine.export.docx import xml_text

    assert xml_text("a\x00b\x1bc\ud800") == "a\ufffdb\ufffdc\ufffd"
