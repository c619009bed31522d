"""The fonts installed with untoc, and the check for characters that none of them has (before a PDF is written)."""

from __future__ import annotations

import contextlib

import pytest
from export_helpers import TODAY, fake_translation
from fontTools.ttLib import TTFont

from engine.definition import registry
from engine.export import fonts, glyphs
from engine.export.document import Note, Tr, build
from engine.export.filled import build_filled
from engine.export.html import blank_html, filled_html
from engine.i18n import LANGUAGES, use
from engine.responses.model import read

ETHIOPIC, EMOJI = "ሀ", "😀"  # in no font of untoc


def missing(page: str) -> list[tuple[str, str]]:
    with use("en"):
        return [(m.place.label(), m.code) for m in glyphs.missing_glyphs(glyphs.page_texts(page))]


def filled_page(write, answers: str, lang: str = "en", state: str = "Examplestan") -> str:
    path = write(
        f'questionnaire: cluster1\nstate: "{state}"\nlanguage: {lang}\nparties: [trafficking]\nanswers:\n{answers}',
        f"r-{lang}.yaml",
    )
    doc = build_filled(registry.load("cluster1"), read(path), [], today=TODAY)
    with use(doc.lang):
        return filled_html(doc)


def test_each_face_is_an_installed_file_of_the_family_it_stands_for():
    faces = fonts.faces()
    assert {face.family for face in faces} == {fonts.LATIN, fonts.ARABIC, fonts.CHINESE, fonts.SYMBOLS}
    for face in faces:
        assert face.path.is_file(), face
        with TTFont(face.path, lazy=True) as font:
            names = font["name"]
            assert (names.getDebugName(16) or names.getDebugName(1)) == face.family, face
            assert ("Italic" in (names.getDebugName(2) or "")) == (face.style == "italic"), face


def test_the_faces_cover_their_scripts_in_full():
    """Latin, Cyrillic and Greek in Noto Sans; the Arabic block in Naskh; every hanzi of GB 2312 and of GB 18030's URO and Extension A."""
    latin = fonts.coverage(fonts.faces()[0].path)
    assert all(ord(c) in latin for c in "ÀÉÎÕÜçœßĀŁŐŸ АБВЁЖЯабвёжяЇІЎ ΑΒΓΔΩαβγδωάέ «»“”„‘’–—…№")
    arabic = fonts.coverage(next(f.path for f in fonts.faces() if f.family == fonts.ARABIC))
    assert all(code in arabic for code in [*range(0x0621, 0x063B), *range(0x0641, 0x0656), 0x060C, 0x061B, 0x061F, *range(0x0660, 0x066A)])
    chinese = fonts.coverage(next(f.path for f in fonts.faces() if f.family == fonts.CHINESE))
    gb2312 = set()
    for first in range(0xB0, 0xF8):  # the two levels of hanzi
        for second in range(0xA1, 0xFF):
            with contextlib.suppress(UnicodeDecodeError):
                gb2312.add(ord(bytes([first, second]).decode("gb2312")))
    assert len(gb2312) > 6700 and gb2312 <= chinese
    assert set(range(0x4E00, 0x9FA6)) <= chinese and set(range(0x3400, 0x4DB6)) <= chinese
    assert all(ord(c) in chinese for c in "，。；：？！“”（）《》、—…")
    assert {ord(c) for c in "☐☒↳ \u00a0"} <= fonts.coverage(fonts.faces()[-1].path)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_blank_documents_have_no_missing_glyph(lang):
    for cluster in registry.available():
        assert missing(blank_html(build(registry.load(cluster), lang))) == [], (cluster, lang)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_filled_documents_have_no_missing_glyph_of_their_own(write, lang):
    page = filled_page(write, '  "1": partly\n  "1.a": text\n  "2": "no"\n', lang)
    assert "☒" in page and missing(page) == []


def test_a_character_no_font_has_is_reported_once_per_place_with_its_code_point(write):
    page = filled_page(write, f'  "1": partly\n  "1.a": "a {EMOJI} b {EMOJI} {ETHIOPIC}"\n', state=f"Example{ETHIOPIC}")
    assert missing(page) == [("cover", "U+1200"), ("1.a", "U+1F600"), ("1.a", "U+1200")]


def test_places_of_the_blank_document_footnotes_guidance_and_the_page_layout(cluster1, monkeypatch):
    fake_translation(monkeypatch, {"General guidance for replying to the questionnaire": f"Guidance {ETHIOPIC}"})
    doc = build(cluster1, "fr")
    doc.guidance[0] = Tr(doc.guidance[0] + EMOJI)
    doc.parts[0].sections[0].items[0].footnotes.append(Note(99, Tr(f"note {ETHIOPIC}")))
    page = blank_html(doc)
    assert ("heading", "U+1200") in missing(page) and ("guidance", "U+1F600") in missing(page)
    assert ("footnote 99", "U+1200") in missing(page)
    text_faces = tuple(f for f in fonts.faces() if f.family != fonts.SYMBOLS)
    monkeypatch.setattr(fonts, "faces", lambda: text_faces)
    monkeypatch.setattr(glyphs, "_covered", glyphs._covered.__wrapped__)
    without_symbols = missing(blank_html(build(cluster1, "en")))
    assert ("page layout", "U+21B3") in without_symbols and ("1", "U+2610") in without_symbols


def test_controls_format_characters_and_spaces_are_not_glyphs():
    page = "<html><body><p class='cover'>a\u200fb\u00adc\u2009d\u202fe\u3000f\ufe0f\tg\n</p></body></html>"
    assert missing(page) == []
    assert missing("<html><head><title>ሀ</title><style>p { color: red }</style></head><body>x</body></html>") == []


def test_the_warning_says_where_and_what_in_the_interface_language():
    found = glyphs.MissingGlyph(glyphs.Place("question", "28.a"), ETHIOPIC)
    with use("en"):
        assert found.message().startswith("warning: 28.a: U+1200 ሀ (ETHIOPIC SYLLABLE HA)")
    with use("fr"):
        assert found.message().startswith("avertissement\u00a0: 28.a\u00a0: U+1200 ሀ")
        assert glyphs.Place("footnote", "7").label() == "note 7"


@pytest.mark.parametrize("lang", ["ar", "zh", "ru"])
def test_the_text_of_a_pdf_reads_back_as_written(lang):
    """Copying, searching or reading aloud a PDF gives its text: each glyph maps back to its own letter
    (a font that draws the dots of ت ن ي as glyphs of their own on a shared skeleton would not)."""
    import io

    pypdf = pytest.importorskip("pypdf")
    from engine.export.pdf import html_to_pdf

    cluster1 = registry.load("cluster1")
    doc = build(cluster1, lang)
    heading = str(doc.guidance_heading)
    with use(lang):
        page = blank_html(doc, True, paged=True)
    pdf = html_to_pdf(page, warn=lambda message: pytest.fail(message))
    text = "".join(page.extract_text() for page in pypdf.PdfReader(io.BytesIO(pdf)).pages[:3])
    assert heading in text.replace("\n", " "), (heading, text[:300])
