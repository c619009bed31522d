"""PDF exports (Cluster I only: WeasyPrint takes seconds a document), text extracted with pypdf."""

from __future__ import annotations

import io
import re

import pytest
from export_helpers import TODAY, fake_translation, hostile_response

from engine.export.document import build
from engine.export.render import blank_document, export_blank, export_filled

pypdf = pytest.importorskip("pypdf")

ARABIC = re.compile("[\u0600-\u06ff\ufb50-\ufdff\ufe70-\ufeff]")


def read_pdf(data: bytes):
    reader = pypdf.PdfReader(io.BytesIO(data))
    text = "\n".join(page.extract_text() for page in reader.pages)
    fonts = set()
    for page in reader.pages:
        for font in (page["/Resources"].get("/Font") or {}).values():
            fonts.add(str(font.get_object()["/BaseFont"]).split("+", 1)[-1])
    return reader, " ".join(text.split()), fonts


def first_sections(definition, lang: str) -> bytes:
    """The PDF of the questionnaire's beginning (guidance and two sections): enough to see the fonts, quicker."""
    doc = build(definition, lang)
    doc.parts = doc.parts[:1]
    doc.parts[0].sections = doc.parts[0].sections[:2]
    return blank_document(doc, "pdf")  # type: ignore[return-value]


def test_blank_pdf_is_a4_with_headings_options_and_routing(cluster1):
    reader, text, fonts = read_pdf(export_blank(cluster1, "pdf"))
    assert len(reader.pages) > 10
    box = reader.pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (595, 842)  # A4 in points
    for expected in (
        "Annex III",
        "Article 5. Criminalization of participation in an organized criminal group",
        "Answer only if the answer to 3 is “Yes”.",
        "☐ Lack of awareness of the existing legislation",
        "A convertible weapon is a device",
    ):
        assert expected in text, expected
    assert any(f.startswith("Noto-Sans") for f in fonts), fonts


def test_arabic_and_chinese_pdfs_use_fonts_that_cover_them(cluster1, monkeypatch):
    fake_translation(
        monkeypatch,
        {
            "General guidance for replying to the questionnaire": "توجيهات عامة للرد على الاستبيان",
            "Article 2. Use of terms": "第2条. 术语的使用",
        },
    )
    _, arabic, fonts = read_pdf(first_sections(cluster1, "ar"))
    assert ARABIC.search(arabic) and any("Naskh-Arabic" in f for f in fonts), fonts
    _, chinese, fonts = read_pdf(first_sections(cluster1, "zh"))
    assert "第2条. 术语的使用" in chinese and any("CJK-SC" in f for f in fonts), fonts


def test_filled_pdf_shows_the_hostile_answer_as_text(cluster1, tmp_path):
    _, text, _ = read_pdf(export_filled(cluster1, hostile_response(tmp_path), [], "pdf", today=TODAY))
    assert "<script>alert(1)</script> **bold** {{ 7*7 }}" in text and "Examplestan" in text and "23 November 2026" in text
