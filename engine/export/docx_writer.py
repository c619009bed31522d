"""A Word document in one language, written with python-docx: page, styles, direction, fonts and
the pieces python-docx has no API for (bookmarks, hyperlinks, fields, running header and footer,
table of contents). The exporters (:mod:`engine.export.docx`) compose documents from these.

Direction is decided per paragraph from its first strong character (``w:bidi`` when right to
left) and per run (``w:rtl`` on runs of right-to-left text). Fonts are named for Latin, East Asian
(``w:eastAsia``) and complex scripts (``w:cs``); the document's language is given per script, so a
Chinese document's Latin runs are set (and broken into lines) as English, not as Chinese. Every
string goes into a text run, so nothing in it is markup.
"""

from __future__ import annotations

import copy
import io
import re
from collections.abc import Iterable

import docx
from docx.enum.table import WD_ROW_HEIGHT_RULE
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_COLOR_INDEX, WD_TAB_ALIGNMENT
from docx.opc.constants import RELATIONSHIP_TYPE
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt, RGBColor
from docx.text.paragraph import Paragraph

from engine.export import chrome, fonts
from engine.export.document import Note, like, marker_segments, without_markers
from engine.export.docx_notes import Footnotes
from engine.export.text import direction, emphasis_segments

LATIN_FONT = fonts.LATIN
EAST_ASIAN_FONT = fonts.CHINESE
COMPLEX_FONT = fonts.ARABIC
WORD_LANG = {"ar": "ar-SA", "en": "en-GB", "es": "es-ES", "fr": "fr-FR", "ru": "ru-RU", "zh": "zh-CN"}
LATIN_DEFAULT = "en-GB"
"""The language of Latin-script runs in documents whose own script is not Latin or Cyrillic (ar, zh)."""
TEXT_WIDTH = Mm(170)
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_PLACEHOLDER = re.compile(r"\{(page|pages)\}")
_BOOKMARK_CHARS = re.compile(r"[^A-Za-z0-9_]")
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


def bookmark_name(anchor: str) -> str:
    """A Word bookmark name for an anchor of the document (letters, digits, ``_``; at most 40 characters)."""
    return ("_" + _BOOKMARK_CHARS.sub("_", anchor))[:40]


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


def _element(tag: str, **attributes: str):  # type: ignore[no-untyped-def]
    element = OxmlElement(tag)
    for name, value in attributes.items():
        element.set(qn(f"w:{name}"), value)
    return element


class Writer:
    """A python-docx document in one language, with helpers that apply its fonts and direction."""

    def __init__(self, lang: str, rtl: bool, footnotes: list[int] = ()) -> None:  # type: ignore[assignment]
        self.doc = docx.Document()
        self.lang, self.rtl = lang, rtl
        self.notes = Footnotes(self.doc, list(footnotes))
        self._bookmarks = 0
        self._boxes: dict[int, list[object]] = {}
        self._marker: object = None
        self._page()
        self._styles()

    # -- set-up ----------------------------------------------------------------

    def _page(self) -> None:
        section = self.doc.sections[0]
        section.page_width, section.page_height = Mm(210), Mm(297)
        section.left_margin = section.right_margin = Mm(20)
        section.top_margin, section.bottom_margin = Mm(24), Mm(22)
        section.header_distance = section.footer_distance = Mm(10)

    def _styles(self) -> None:
        """Fonts and languages by script; black, sober headings and a centred bold title, as UN documents."""
        styles = self.doc.styles
        rpr = styles.element.find(f"{qn('w:docDefaults')}/{qn('w:rPrDefault')}/{qn('w:rPr')}")
        _fonts(rpr)
        language = rpr.find(qn("w:lang"))
        language.set(qn("w:val"), WORD_LANG[self.lang] if self.lang not in ("ar", "zh") else LATIN_DEFAULT)
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
        self._heading_style("Title", 15, Pt(6), Pt(12), WD_ALIGN_PARAGRAPH.CENTER)
        self._heading_style("Heading 1", 13, Pt(16), Pt(6))
        self._heading_style("Heading 2", 11.5, Pt(12), Pt(4))
        self._heading_style("Heading 3", 10.5, Pt(8), Pt(2))
        for name in ("Header", "Footer"):
            styles[name].font.size = Pt(8)
        for level in (1, 2):
            style = styles.add_style(f"toc {level}", 1)  # Word's own names for the contents' levels
            style.base_style = normal
            style.paragraph_format.left_indent = Mm(6 * (level - 1))
            style.paragraph_format.space_after = Pt(1)
            style.paragraph_format.tab_stops.add_tab_stop(TEXT_WIDTH, WD_TAB_ALIGNMENT.RIGHT, 1)  # dotted leader

    def _heading_style(self, name: str, size: float, before: Pt, after: Pt, align: object = None) -> None:
        style = self.doc.styles[name]
        ppr = style.element.get_or_add_pPr()
        border = ppr.find(qn("w:pBdr"))
        if border is not None:
            ppr.remove(border)
        style.font.size = Pt(size)
        style.font.bold = True
        style.font.color.rgb = RGBColor(0, 0, 0)
        style.font.element.rPr.get_or_add_color().attrib.pop(qn("w:themeShade"), None)
        for tag in ("w:spacing", "w:kern"):
            element = style.element.rPr.find(qn(tag))
            if element is not None:
                style.element.rPr.remove(element)
        style.paragraph_format.space_before, style.paragraph_format.space_after = before, after
        style.paragraph_format.keep_with_next = True
        if align is not None:
            style.paragraph_format.alignment = align

    def metadata(self, title: str) -> None:
        """The document's title and language in its properties."""
        self.doc.core_properties.title = title
        self.doc.core_properties.language = WORD_LANG[self.lang]

    # -- paragraphs and runs -----------------------------------------------------

    def is_rtl(self, text: object) -> bool:
        """Whether a paragraph of ``text`` runs right to left: its first strong character decides (the document when none)."""
        found = direction(str(text))
        return self.rtl if found is None else found == "rtl"

    def paragraph(self, style: str | None = None, indent: int = 0, text: object = None) -> Paragraph:
        """A new paragraph, right to left when ``text`` (which it is for) is, or else the document is."""
        paragraph = self.doc.add_paragraph(style=style)
        if self.rtl if text is None else self.is_rtl(text):
            set_bidi(paragraph)
        if indent:
            paragraph.paragraph_format.left_indent = Mm(7 * indent)  # w:left: the start side, right in a right-to-left paragraph
        return paragraph

    def heading(self, text: object, level: int, notes: list[Note] = (), anchor: str | None = None, new_page: bool = False) -> Paragraph:  # type: ignore[assignment]
        paragraph = self.doc.add_heading(level=level)
        paragraph.paragraph_format.page_break_before = new_page or None
        if self.is_rtl(text):
            set_bidi(paragraph)
        self.marker(paragraph, text)
        self.text(paragraph, text, notes)
        if anchor:
            self.bookmark(paragraph, anchor)
        return paragraph

    def run(self, paragraph: Paragraph, text: object, bold: bool = False, italic: bool = False, size: float | None = None):  # type: ignore[no-untyped-def]
        """A run of ``text``: right to left when it is; English fallback text carries its language."""
        run = paragraph.add_run(xml_text(text))
        if bold:
            run.font.bold = run.font.cs_bold = True
        if italic:
            run.font.italic = run.font.cs_italic = True
        if size:
            run.font.size = Pt(size)
        if direction(str(text)) == "rtl":
            run.font.rtl = True
        if getattr(text, "fallback", False) and self.lang != "en":
            run._r.get_or_add_rPr().append(_element("w:lang", val="en-GB"))
        return run

    def marker(self, paragraph: Paragraph, text: object) -> None:
        """``[EN]`` before questionnaire text shown in English for want of a translation (``text`` may be a bool)."""
        if text is True or getattr(text, "fallback", False):
            run = paragraph.add_run(chrome.EN_MARKER + " ")
            if self._marker is None:
                run.font.size = Pt(7.5)
                run.font.bold = True
                run.font.color.rgb = RGBColor(0x55, 0x55, 0x55)
                run.font.highlight_color = WD_COLOR_INDEX.GRAY_25
                run._r.rPr.append(_element("w:lang", val="en-GB"))
                self._marker = copy.deepcopy(run._r.rPr)
            else:
                run._r.insert(0, copy.deepcopy(self._marker))

    def text(self, paragraph: Paragraph, text: object, notes: list[Note] = (), bold: bool = False, italic: bool = False) -> None:  # type: ignore[assignment]
        """Questionnaire text: ``*emphasis*`` in italics, the superscript markers of ``notes`` as real footnotes."""
        by_number = {n.number: n for n in notes}
        for words, emphasised in emphasis_segments(str(text)):
            for piece, number in marker_segments(words, set(by_number)):
                if number is None:
                    self.run(paragraph, like(piece, text), bold=bold, italic=italic or emphasised)
                else:
                    note = by_number[number]
                    self.notes.add(paragraph, str(number), lambda p, note=note: self._note(p, note))

    def _note(self, paragraph: Paragraph, note: Note) -> None:
        if self.is_rtl(note.text):
            set_bidi(paragraph)
        paragraph.paragraph_format.space_after = Pt(2)
        self.run(paragraph, " ", size=8.5)
        self.marker(paragraph, note.text)
        for words, emphasised in emphasis_segments(str(note.text)):
            self.run(paragraph, like(words, note.text), size=8.5, italic=emphasised)

    def questionnaire_paragraph(
        self, text: object, notes: list[Note] = (), indent: int = 0, bold: bool = False, italic: bool = False
    ) -> Paragraph:  # type: ignore[assignment]
        """A paragraph of questionnaire text, marked ``[EN]`` when it is the English source."""
        paragraph = self.paragraph(indent=indent, text=text)
        self.marker(paragraph, text)
        self.text(paragraph, text, notes, bold=bold, italic=italic)
        return paragraph

    def plain(self, text: object, indent: int = 0, italic: bool = False, bold: bool = False, size: float | None = None) -> Paragraph:
        """A paragraph of one run (chrome or an answer), in the direction of its text."""
        paragraph = self.paragraph(indent=indent, text=text)
        self.run(paragraph, text, bold=bold, italic=italic, size=size)
        return paragraph

    # -- what python-docx has no API for -----------------------------------------

    def bookmark(self, paragraph: Paragraph, anchor: str) -> None:
        """Name ``paragraph`` (a bookmark around its content), so that links and the contents can point to it."""
        self._bookmarks += 1
        number = str(self._bookmarks)
        start = _element("w:bookmarkStart", id=number, name=bookmark_name(anchor))
        ppr = paragraph._p.pPr
        if ppr is not None:
            ppr.addnext(start)
        else:
            paragraph._p.insert(0, start)
        paragraph._p.append(_element("w:bookmarkEnd", id=number))

    def hyperlink(self, paragraph: Paragraph, text: str, url: str | None = None, anchor: str | None = None) -> None:
        """A clickable link: to ``url`` (external) or to a bookmarked ``anchor`` of the document."""
        link = OxmlElement("w:hyperlink")
        if url is not None:
            link.set(qn("r:id"), self.doc.part.relate_to(url, RELATIONSHIP_TYPE.HYPERLINK, is_external=True))
        else:
            link.set(qn("w:anchor"), bookmark_name(anchor or ""))
        run = self.run(paragraph, text)
        if url is not None:
            run.font.underline = True
            run.font.color.rgb = RGBColor(0x1F, 0x4E, 0x9A)
        run._r.addprevious(link)
        link.append(run._r)

    def field(self, paragraph: Paragraph, instruction: str, shown: str = "", size: float | None = None) -> None:
        """A Word field (``PAGE``, ``NUMPAGES``, ``TOC …``) showing ``shown`` until Word updates it."""
        for kind, content in (("begin", None), ("instr", instruction), ("separate", None), ("text", shown), ("end", None)):
            run = paragraph.add_run()
            if size:
                run.font.size = Pt(size)
            if kind == "instr":
                element = _element("w:instrText")
                element.text = f" {content} "
                element.set(qn("xml:space"), "preserve")
                run._r.append(element)
            elif kind == "text":
                if content:
                    run.text = content
            else:
                run._r.append(_element("w:fldChar", fldCharType=kind))

    def page_of(self, paragraph: Paragraph) -> None:
        """“Page n of N”, in the document's language, with the numbers as fields."""
        for index, piece in enumerate(_PLACEHOLDER.split(chrome.page_of())):
            if index % 2:
                self.field(paragraph, "PAGE" if piece == "page" else "NUMPAGES", "1")
            elif piece:
                self.run(paragraph, piece)

    def running(self, head: tuple[str, str], foot_start: str) -> None:
        """Header (running title · marking) and footer (date and revision · page n of N) of every page."""
        section = self.doc.sections[0]
        header = section.header.paragraphs[0]
        footer = section.footer.paragraphs[0]
        for paragraph, start in ((header, head[0]), (footer, foot_start)):
            if self.rtl:
                set_bidi(paragraph)
            stops = paragraph.paragraph_format.tab_stops
            for inherited in (Mm(82.55), Mm(165.1)):  # the template's centre and right tabs
                stops.add_tab_stop(inherited, WD_TAB_ALIGNMENT.CLEAR)
            stops.add_tab_stop(TEXT_WIDTH, WD_TAB_ALIGNMENT.RIGHT)
            self.run(paragraph, start)
            paragraph.add_run("\t")
        self.run(header, head[1], bold=True)
        self.page_of(footer)

    def contents(self, heading: str, entries: Iterable[tuple[int, str, object]]) -> None:
        """A table of contents: a Word ``TOC`` field over the headings, with links to them, that Word
        fills with page numbers when the document is opened (``w:updateFields``)."""
        self.heading(heading, 1)
        entries = list(entries)
        for index, (level, anchor, text) in enumerate(entries):
            paragraph = self.doc.add_paragraph(style=f"toc {min(level, 2)}")
            if self.is_rtl(text):
                set_bidi(paragraph)
            if index == 0:
                _field_start(paragraph, 'TOC \\o "1-2" \\h \\z \\u')
            self.marker(paragraph, text)
            self.hyperlink(paragraph, str(without_markers(text)), anchor=anchor)
            paragraph.add_run("\t")
            self.field(paragraph, f"PAGEREF {bookmark_name(anchor)} \\h", "")
            if index == len(entries) - 1:
                paragraph._p.append(_fld_char("end"))
        settings = self.doc.settings.element
        if settings.find(qn("w:updateFields")) is None:
            settings.append(_element("w:updateFields", val="true"))

    def writing_space(self, indent: int = 0, height: float = 25) -> None:
        """A ruled box to write an answer by hand in a printed form (a one-cell table), then a spacer.

        Built once per indentation with python-docx, then copied: looking styles up by name for each
        of a questionnaire's hundred boxes cost more than the rest of the document."""
        if indent not in self._boxes:
            body = self.doc.element.body
            table = self.doc.add_table(rows=1, cols=1)
            table.style = "Table Grid"
            row = table.rows[0]
            row.height, row.height_rule = Mm(height), WD_ROW_HEIGHT_RULE.AT_LEAST
            width = Mm(170 - 7 * indent)
            table.autofit = False
            table.columns[0].width = row.cells[0].width = width
            properties = table._tbl.tblPr
            table_width = properties.find(qn("w:tblW"))
            table_width.set(qn("w:type"), "dxa")
            table_width.set(qn("w:w"), str(int(width.twips)))
            if indent:
                shift = _element("w:tblInd", w=str(int(Mm(7 * indent).twips)), type="dxa")
                properties.insert_element_before(shift, "w:tblBorders", "w:shd", "w:tblLayout", "w:tblCellMar", "w:tblLook")
            if self.rtl:
                properties.get_or_add_bidiVisual()
            self.doc.add_paragraph().paragraph_format.space_after = Pt(0)
            self._boxes[indent] = [copy.deepcopy(e) for e in list(body)[-3:-1]]  # the table and the spacer, before sectPr
            return
        anchor = self.doc.element.body.sectPr
        for element in self._boxes[indent]:
            anchor.addprevious(copy.deepcopy(element))

    def blank_line(self, paragraph: Paragraph) -> None:
        """A dotted line to write on, after an option that asks the State to specify."""
        run = paragraph.add_run(" " + "\u00a0" * 40)
        run._r.get_or_add_rPr().append(_element("w:u", val="dotted"))

    def bytes(self) -> bytes:
        buffer = io.BytesIO()
        self.doc.save(buffer)
        return buffer.getvalue()


def _fld_char(kind: str):  # type: ignore[no-untyped-def]
    run = OxmlElement("w:r")
    run.append(_element("w:fldChar", fldCharType=kind))
    return run


def _field_start(paragraph: Paragraph, instruction: str) -> None:
    """The opening of a field whose result is the paragraphs that follow (until its ``end``)."""
    paragraph._p.append(_fld_char("begin"))
    run = OxmlElement("w:r")
    element = _element("w:instrText")
    element.text = f" {instruction} "
    element.set(qn("xml:space"), "preserve")
    run.append(element)
    paragraph._p.append(run)
    paragraph._p.append(_fld_char("separate"))
