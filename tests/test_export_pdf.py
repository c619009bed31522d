"""PDF exports (Cluster I only: WeasyPrint takes seconds a document), text and fonts read back with pypdf and fontTools."""

from __future__ import annotations

import io
import re
from dataclasses import dataclass

import pytest
from export_helpers import TODAY, fake_translation, hostile_response
from fontTools.ttLib import TTFont

from engine.export import fonts
from engine.export.document import build
from engine.export.render import blank_document, export_blank, export_filled

pypdf = pytest.importorskip("pypdf")

ARABIC = re.compile("[\u0600-\u06ff\ufb50-\ufdff\ufe70-\ufeff]")
HAN = re.compile("[\u3400-\u9fff]")
_BFCHAR = re.compile(r"<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>")


@dataclass(frozen=True)
class Embedded:
    """A font embedded in a PDF: the name and version its own ``name`` table gives, and the characters drawn with it."""

    base_font: str
    family: str
    version: str
    chars: str


def embedded_fonts(reader) -> list[Embedded]:  # type: ignore[no-untyped-def]
    found: dict[str, Embedded] = {}
    for page in reader.pages:
        for font in (page["/Resources"].get("/Font") or {}).values():
            font = font.get_object()
            descriptor = font["/DescendantFonts"][0].get_object()["/FontDescriptor"].get_object()
            program = next(descriptor[key] for key in ("/FontFile2", "/FontFile3") if key in descriptor).get_object().get_data()
            names = TTFont(io.BytesIO(program))["name"]
            cmap = font["/ToUnicode"].get_object().get_data().decode("latin-1")
            chars = "".join(bytes.fromhex(target).decode("utf-16-be") for _, target in _BFCHAR.findall(cmap.split("beginbfchar", 1)[-1]))
            name = str(font["/BaseFont"])
            previous = found.get(name)
            family = names.getDebugName(16) or names.getDebugName(1)
            found[name] = Embedded(name, family, names.getDebugName(5), (previous.chars if previous else "") + chars)
    return list(found.values())


def bundled() -> set[tuple[str, str]]:
    """(family, version) of each font file installed with untoc."""
    out = set()
    for face in fonts.faces():
        with TTFont(face.path, lazy=True) as font:
            out.add((face.family, font["name"].getDebugName(5)))
    return out


def read_pdf(data: bytes):  # type: ignore[no-untyped-def]
    reader = pypdf.PdfReader(io.BytesIO(data))
    text = "\n".join(page.extract_text() for page in reader.pages)
    return reader, " ".join(text.split()), embedded_fonts(reader)


def drawn_with(embedded: list[Embedded], pattern: re.Pattern[str]) -> set[str]:
    """The families that drew characters matching ``pattern``."""
    return {font.family for font in embedded if pattern.search(font.chars)}


def assert_only_bundled_fonts(embedded: list[Embedded]) -> None:
    assert {(font.family, font.version) for font in embedded} <= bundled(), embedded


def first_sections(definition, lang: str) -> bytes:  # type: ignore[no-untyped-def]
    """The PDF of the questionnaire's beginning (guidance and two sections): enough to see the fonts, quicker."""
    doc = build(definition, lang)
    doc.parts = doc.parts[:1]
    doc.parts[0].sections = doc.parts[0].sections[:2]
    return blank_document(doc, "pdf")  # type: ignore[return-value]


def test_blank_pdf_is_a4_with_headings_options_and_routing(cluster1):
    reader, text, embedded = read_pdf(export_blank(cluster1, "pdf"))
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
    assert_only_bundled_fonts(embedded)
    assert drawn_with(embedded, re.compile("[A-Za-z]")) == {fonts.LATIN} and drawn_with(embedded, re.compile("[☐↳]")) == {fonts.SYMBOLS}


def test_arabic_and_chinese_pdfs_are_drawn_with_the_bundled_faces(cluster1, monkeypatch):
    fake_translation(
        monkeypatch,
        {
            "General guidance for replying to the questionnaire": "توجيهات عامة للرد على الاستبيان",
            "Article 2. Use of terms": "第2条. 术语的使用",
        },
    )
    _, arabic, embedded = read_pdf(first_sections(cluster1, "ar"))
    assert ARABIC.search(arabic) and drawn_with(embedded, ARABIC) == {fonts.ARABIC}
    assert_only_bundled_fonts(embedded)
    _, chinese, embedded = read_pdf(first_sections(cluster1, "zh"))
    assert "第2条. 术语的使用" in chinese and drawn_with(embedded, HAN) == {fonts.CHINESE}
    assert_only_bundled_fonts(embedded)


def test_the_chinese_blank_export_has_no_missing_glyph_and_uses_the_bundled_face(cli, tmp_path):
    """``untoc export blank --cluster 1 --lang zh --format pdf``: no warning, and every hanzi drawn with the installed Noto Sans SC."""
    path = tmp_path / "cluster1-zh.pdf"
    run = cli("export", "blank", "--cluster", "1", "--lang", "zh", "--format", "pdf", "-o", str(path))
    assert run.code == 0 and run.err == "", run.err
    _, text, embedded = read_pdf(path.read_bytes())
    assert "本调查表译文为非正式译文" in text
    assert_only_bundled_fonts(embedded)
    assert drawn_with(embedded, HAN) == {fonts.CHINESE}
    assert set(HAN.findall(text)) <= {c for font in embedded if font.family == fonts.CHINESE for c in font.chars}


def test_a_filled_pdf_with_a_character_no_font_has_is_written_with_a_warning(cli, write, tmp_path):
    source = write(
        'questionnaire: cluster1\nstate: "Examplestan ሀገር"\nlanguage: en\nparties: [trafficking]\n'
        'answers:\n  "1": partly\n  "1.a": "Our Penal Code 😀 covers it."\n'
    )
    path = tmp_path / "filled.pdf"
    run = cli("export", "filled", str(source), "--format", "pdf", "-o", str(path))
    assert run.code == 0, run.err
    assert len(pypdf.PdfReader(path).pages) > 3  # (its text is not read back: pypdf cannot read a font that lacks glyphs)
    lines = run.err.splitlines()
    assert "untoc: warning: 1.a: U+1F600 😀 (GRINNING FACE) is in none of the fonts that come with untoc" in run.err
    assert sum("cover: U+1200 ሀ (ETHIOPIC SYLLABLE HA)" in line for line in lines) == 1 and len(lines) == 4  # ሀ ገ ር and 😀
    french = cli("export", "filled", str(source), "--format", "pdf", "--lang", "fr", "-o", str(path))
    assert "avertissement\u00a0: 1.a\u00a0: U+1F600" in french.err


def test_filled_pdf_shows_the_hostile_answer_as_text(cluster1, tmp_path):
    _, text, _ = read_pdf(export_filled(cluster1, hostile_response(tmp_path), [], "pdf", today=TODAY))
    assert "<script>alert(1)</script> **bold** {{ 7*7 }}" in text and "Examplestan" in text and "23 November 2026" in text
