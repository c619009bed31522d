"""DOCX exports with python-docx: heading styles, numbering as text, ☐ options, real footnotes.

Arabic documents are right to left (``w:bidi`` on paragraphs, ``w:rtl`` on runs of
translated text); fonts are named for Latin, East Asian (``w:eastAsia``) and complex
scripts (``w:cs``). Every string goes into a text run, so nothing in it is markup.
"""

from __future__ import annotations

import io
import re

import docx
from docx.enum.text import WD_COLOR_INDEX
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt, RGBColor
from docx.text.paragraph import Paragraph

from engine.export import chrome, fonts
from engine.export.document import Document, ItemBlock, Note, emphasis_segments, marker_segments
from engine.export.docx_notes import Footnotes
from engine.export.filled import FilledDocument

LATIN_FONT = fonts.LATIN
EAST_ASIAN_FONT = fonts.CHINESE
COMPLEX_FONT = fonts.ARABIC
WORD_LANG = {"ar": "ar-SA", "en": "en-GB", "es": "es-ES", "fr": "fr-FR", "ru": "ru-RU", "zh": "zh-CN"}
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
# pPr children that come after w:bidi in the schema's sequence
_AFTER_BIDI = {
    qn(f"w:{t}")
    for t in [
        "adjustRightInd",
        "snapToGrid",
        "spacing",
        "ind",
        "contextualSpacing",
        "mirrorIndents",
        "suppressOverlap",
        "jc",
        "textDirection",
        "textAlignment",
        "textboxTightWrap",
        "outlineLvl",
        "divId",
        "cnfStyle",
        "rPr",
        "sectPr",
        "pPrChange",
    ]
}


def xml_text(text: object) -> str:
    """``text`` without the characters XML 1.0 cannot hold (response text arrives already neutralised)."""
    return _NOT_XML.sub("\ufffd", str(text))


def set_bidi(paragraph: Paragraph) -> None:
    """Make ``paragraph`` right to left (``w:bidi``), at its place in ``w:pPr``."""
    ppr = paragraph._p.get_or_add_pPr()
    if ppr.find(qn("w:bidi")) is not None:
        return
    bidi = OxmlElement("w:bidi")
    for child in ppr:
        if child.tag in _AFTER_BIDI:
            child.addprevious(bidi)
            return
    ppr.append(bidi)


def _fonts(rpr) -> None:  # type: ignore[no-untyped-def]
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = rpr.get_or_add_rFonts()
    for theme in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
        fonts.attrib.pop(qn(theme), None)
    fonts.set(qn("w:ascii"), LATIN_FONT)
    fonts.set(qn("w:hAnsi"), LATIN_FONT)
    fonts.set(qn("w:eastAsia"), EAST_ASIAN_FONT)
    fonts.set(qn("w:cs"), COMPLEX_FONT)


class Writer:
    """A python-docx document in one language, with helpers that apply its fonts and direction."""

    def __init__(self, lang: str, rtl: bool, footnotes: list[int] = ()) -> None:  # type: ignore[assignment]
        self.doc = docx.Document()
        self.lang, self.rtl = lang, rtl
        self.notes = Footnotes(self.doc, list(footnotes))
        section = self.doc.sections[0]
        section.page_width, section.page_height = Mm(210), Mm(297)
        section.left_margin = section.right_margin = Mm(20)
        section.top_margin = section.bottom_margin = Mm(22)
        styles = self.doc.styles
        defaults = styles.element.find(qn("w:docDefaults"))
        rpr = defaults.find(f"{qn('w:rPrDefault')}/{qn('w:rPr')}")
        _fonts(rpr)
        language = rpr.find(qn("w:lang"))
        language.set(qn("w:val"), WORD_LANG.get(lang, "en-GB"))
        language.set(qn("w:eastAsia"), "zh-CN")
        language.set(qn("w:bidi"), "ar-SA")
        for style in styles:
            element = getattr(style.element, "rPr", None)
            if element is not None and element.find(qn("w:rFonts")) is not None:
                _fonts(element)
        normal = styles["Normal"]
        normal.font.size = Pt(10.5)
        normal.paragraph_format.space_after = Pt(4)
        normal.paragraph_format.line_spacing = 1.1

    def paragraph(self, style: str | None = None, indent: int = 0) -> Paragraph:
        paragraph = self.doc.add_paragraph(style=style)
        if self.rtl:
            set_bidi(paragraph)
        if indent:
            paragraph.paragraph_format.left_indent = Mm(7 * indent)
        return paragraph

    def heading(self, text: object, level: int, notes: list[Note] = ()) -> Paragraph:  # type: ignore[assignment]
        paragraph = self.doc.add_heading(level=level)
        if self.rtl:
            set_bidi(paragraph)
        self.text(paragraph, text, notes)
        return paragraph

    def run(self, paragraph: Paragraph, text: object, bold: bool = False, italic: bool = False, size: float | None = None):  # type: ignore[no-untyped-def]
        """A run of ``text``; right to left in an Arabic document unless it is English fallback."""
        value = xml_text(text)
        if self.rtl and (getattr(text, "fallback", False) or value[:1].isdigit()):
            value = f"\u200e{value}\u200e"  # left-to-right marks keep English and numbers' punctuation in place
        run = paragraph.add_run(value)
        if bold:
            run.font.bold = run.font.cs_bold = True
        if italic:
            run.font.italic = run.font.cs_italic = True
        if size:
            run.font.size = Pt(size)
        if self.rtl and not getattr(text, "fallback", False):
            run.font.rtl = True
        return run

    def marker(self, paragraph: Paragraph, text: object) -> None:
        """``[EN]`` before questionnaire text shown in English for want of a translation (``text`` may be a bool)."""
        if text is True or getattr(text, "fallback", False):
            run = paragraph.add_run(chrome.EN_MARKER + " ")
            run.font.size = Pt(7.5)
            run.font.bold = True
            run.font.color.rgb = RGBColor(0x55, 0x55, 0x55)
            run.font.highlight_color = WD_COLOR_INDEX.GRAY_25

    def text(self, paragraph: Paragraph, text: object, notes: list[Note] = (), bold: bool = False, italic: bool = False) -> None:  # type: ignore[assignment]
        """Questionnaire text; the superscript markers of ``notes`` become real footnotes, ``*emphasis*`` italics."""
        by_number = {n.number: n for n in notes}
        for piece, number in marker_segments(str(text), set(by_number)):
            if number is None:
                for part, emphasized in emphasis_segments(piece):
                    self.run(paragraph, _like(part, text), bold=bold, italic=italic or emphasized)
            else:
                note = by_number[number]
                self.notes.add(paragraph, str(number), lambda p, note=note: self._note(p, note))

    def _note(self, paragraph: Paragraph, note: Note) -> None:
        if self.rtl:
            set_bidi(paragraph)
        paragraph.paragraph_format.space_after = Pt(2)
        self.run(paragraph, " ", size=8.5)
        self.marker(paragraph, note.text)
        self.run(paragraph, note.text, size=8.5)

    def bytes(self) -> bytes:
        buffer = io.BytesIO()
        self.doc.save(buffer)
        return buffer.getvalue()


def _like(piece: str, text: object) -> object:
    """``piece`` of ``text``, keeping its English-fallback flag."""
    if getattr(text, "fallback", False):
        from engine.export.document import Tr

        value = str.__new__(Tr, piece)
        value.fallback = True
        return value
    return piece


def _notice(writer: Writer, fallback_count: int) -> None:
    for line in (chrome.unofficial(), chrome.fallback_note(fallback_count) if fallback_count else None):
        if line:
            writer.run(writer.paragraph(), line, italic=True)


def blank_docx(doc: Document, routing: bool = True) -> bytes:
    """The blank questionnaire as a Word document."""
    w = Writer(doc.lang, doc.rtl, [n.number for part in doc.parts for section in part.sections for n in section.all_footnotes()])
    annex = w.paragraph()
    annex.alignment = 2  # the end of the line, as printed
    w.marker(annex, doc.annex)
    w.run(annex, doc.annex, bold=True)
    _title(w, doc)
    heading = w.heading("", 1)
    w.marker(heading, doc.guidance_heading)
    w.text(heading, doc.guidance_heading)
    for paragraph_text in doc.guidance:
        paragraph = w.paragraph(style="List Bullet")
        w.marker(paragraph, paragraph_text)
        w.text(paragraph, paragraph_text)
    for part in doc.parts:
        heading = w.heading("", 1)
        w.marker(heading, part.title)
        w.text(heading, part.title)
        scope = w.paragraph()
        w.marker(scope, part.heading)
        w.text(scope, part.heading, bold=True)
        if routing and part.routing:
            w.run(w.paragraph(), part.routing, italic=True)
        for section in part.sections:
            heading = w.heading("", 2)
            w.marker(heading, section.heading)
            w.text(heading, section.heading, section.footnotes)
            for note in section.notes:
                paragraph = w.paragraph()
                w.marker(paragraph, note)
                w.text(paragraph, note, italic=True)
            if routing and section.routing:
                w.run(w.paragraph(), section.routing, italic=True)
            for block in section.items:
                _item(w, block, 0, routing)
    return w.bytes()


def _item(w: Writer, block: ItemBlock, depth: int, routing: bool) -> None:
    question = w.paragraph(indent=depth)
    question.paragraph_format.keep_with_next = True
    w.run(question, block.label + " ", bold=True)
    w.marker(question, block.fallback)
    w.text(question, block.text, block.footnotes)
    if routing and block.routing:
        w.run(w.paragraph(indent=depth), "↳ " + block.routing, italic=True)
    if block.voluntary:
        w.run(w.paragraph(indent=depth), chrome.voluntary(), italic=True)
    if block.scale:
        scale = w.paragraph(indent=depth)
        w.run(scale, "\u2003".join(f"☐ {label}" for label in block.scale))
    for option in block.options:
        line = w.paragraph(indent=depth + 1)
        line.paragraph_format.space_after = Pt(1)
        w.run(line, "☐ ")
        w.text(line, option, block.footnotes)
    if block.after_options:
        w.text(w.paragraph(indent=depth), block.after_options, block.footnotes)
    for child in block.children:
        _item(w, child, depth + 1, routing)


def _title(w: Writer, doc: Document | FilledDocument) -> None:
    """The document's title, then, in a translation, the notice that it is unofficial."""
    title = w.doc.add_heading(level=0)
    if w.rtl:
        set_bidi(title)
    w.marker(title, doc.title)
    w.text(title, doc.title)
    if not doc.official:
        _notice(w, doc.fallback_count)


def filled_docx(doc: FilledDocument) -> bytes:
    """A filled questionnaire as a Word document: a cover table, then the applicable questions."""
    w = Writer(doc.lang, doc.rtl)
    _title(w, doc)
    rows = [
        (chrome.state(), doc.state),
        (chrome.cluster(), doc.cluster),
        (chrome.protocols(), ", ".join(doc.protocols) or chrome.none()),
        (chrome.uncac(), chrome.yes_no(doc.uncac_party)),
        (chrome.answers_language(), doc.answers_language),
        (chrome.completeness(), chrome.completeness_value(doc.answered, doc.applicable, doc.errors)),
        (chrome.date(), doc.date),
    ]
    table = w.doc.add_table(rows=len(rows), cols=2)
    table.style = "Table Grid"
    if w.rtl:
        bidi_visual = OxmlElement("w:bidiVisual")
        table._tbl.tblPr.append(bidi_visual)
    for row, (name, value) in zip(table.rows, rows, strict=True):
        for cell, text, bold in ((row.cells[0], name, True), (row.cells[1], value, False)):
            paragraph = cell.paragraphs[0]
            if w.rtl:
                set_bidi(paragraph)
            w.run(paragraph, text, bold=bold)
    for part in doc.parts:
        heading = w.heading("", 1)
        w.marker(heading, part.title)
        w.text(heading, part.title)
        if not part.applies:
            w.run(w.paragraph(), chrome.part_does_not_apply(), italic=True)
            continue
        scope = w.paragraph()
        w.marker(scope, part.heading)
        w.text(scope, part.heading, bold=True)
        for section in part.sections:
            heading = w.heading("", 2)
            w.marker(heading, section.heading)
            w.text(heading, section.heading)
            for item in section.items:
                question = w.paragraph(indent=item.depth)
                question.paragraph_format.keep_with_next = bool(item.answer or item.unanswered)
                w.run(question, item.number + " ", bold=True)
                w.marker(question, item.text)
                w.text(question, item.text)
                for line in item.answer:
                    w.run(w.paragraph(indent=item.depth + 1), line)
                for label, values in ((chrome.legislation(), "; ".join(item.legislation)), (chrome.links(), " · ".join(item.links))):
                    if values:
                        w.run(w.paragraph(indent=item.depth + 1), chrome.label(label, values))
                if item.comment:
                    w.run(w.paragraph(indent=item.depth + 1), chrome.label(chrome.comment(), item.comment))
                if item.unanswered:
                    w.run(w.paragraph(indent=item.depth + 1), chrome.not_answered(), italic=True)
            if section.skipped:
                w.run(w.paragraph(), chrome.skipped(section.skipped), italic=True)
    if doc.contributors:
        w.heading(chrome.contributors(), 1)
        w.run(w.paragraph(), chrome.contributors_note(), italic=True)
        for name, numbers in doc.contributors:
            w.run(w.paragraph(style="List Bullet"), chrome.label(name, ", ".join(numbers)))
    return w.bytes()
