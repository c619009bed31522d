"""Fillable Word forms: the blank questionnaire's DOCX, with content controls where the answers go.

A box (``w14:checkbox``) per answer code and per option, a plain-text control (``w:text``) for
text answers, the texts of options to specify, legislation, links and comment; each control named
by its tag (``w:tag``, see :mod:`engine.export.form`) and titled (``w:alias``) for the person
filling it in. Controls cannot be deleted (``sdtLocked``); the two that identify the form cannot be
edited either. The layout and fonts are those of :mod:`engine.export.docx`, routing included.
"""

from __future__ import annotations

import itertools

from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt
from docx.text.paragraph import Paragraph

from engine.export.docx_writer import Writer, set_bidi, xml_text
from engine.export.form import CHECK, LOCKED, Field, Form, Line, Run, placeholder

CHECKED, UNCHECKED = "☒", "☐"
BOX_FONT = "MS Gothic"
"""The font Word itself names for its check boxes' glyphs."""


class FormWriter(Writer):
    """A :class:`~engine.export.docx.Writer` that also writes content controls."""

    def __init__(self, form: Form) -> None:
        super().__init__(form.lang, form.rtl, form.footnote_numbers())
        self.form = form
        self._ids = itertools.count(0x2A000)

    def line(self, line: Line, paragraph: Paragraph | None = None) -> Paragraph:
        """Lay out one line: a new paragraph of its style (or ``paragraph``, a table cell's)."""
        if paragraph is None:
            if line.style == "Title" or (line.style or "").startswith("Heading "):
                level = 0 if line.style == "Title" else int(str(line.style).split()[-1])
                paragraph = self.doc.add_heading(level=level)
                if self.rtl:
                    set_bidi(paragraph)
            else:
                paragraph = self.paragraph(style=line.style, indent=line.indent)
        elif self.rtl:
            set_bidi(paragraph)
        paragraph.paragraph_format.keep_with_next = line.keep_with_next or None
        if line.fields and line.style is None:
            paragraph.paragraph_format.space_after = Pt(2)
        for piece in line.pieces:
            if isinstance(piece, Run):
                if piece.marker:
                    self.marker(paragraph, piece.text)
                self.text(paragraph, piece.text, list(piece.notes), bold=piece.bold, italic=piece.italic)
            else:
                paragraph._p.append(self.control(piece))
        return paragraph

    def control(self, field: Field):  # type: ignore[no-untyped-def]
        """The ``w:sdt`` element of ``field``."""
        sdt = OxmlElement("w:sdt")
        properties = _child(sdt, "w:sdtPr")
        _child(properties, "w:alias", val=xml_text(field.title))
        _child(properties, "w:tag", val=field.tag)
        _child(properties, "w:id", val=str(next(self._ids)))
        _child(properties, "w:lock", val="sdtContentLocked" if field.kind == LOCKED else "sdtLocked")
        content = OxmlElement("w:sdtContent")
        if field.kind == CHECK:
            box = _child(properties, "w14:checkbox")
            _child(box, "w14:checked", w14val="1" if field.checked else "0")
            _child(box, "w14:checkedState", w14val="2612", w14font=BOX_FONT)
            _child(box, "w14:uncheckedState", w14val="2610", w14font=BOX_FONT)
            content.append(self._run(CHECKED if field.checked else UNCHECKED, font=BOX_FONT))
        elif field.text:
            _child(properties, "w:text", multiLine="1")
            for index, line in enumerate(field.text.replace("\r\n", "\n").split("\n")):
                content.append(self._run(line, line_break=index > 0))
        else:
            _child(properties, "w:showingPlcHdr")
            _child(properties, "w:text", multiLine="1")
            content.append(self._run(placeholder(), grey=True))
        sdt.append(content)
        return sdt

    def _run(self, text: str, font: str | None = None, grey: bool = False, line_break: bool = False):  # type: ignore[no-untyped-def]
        run = OxmlElement("w:r")
        properties = _child(run, "w:rPr")
        if font:
            _child(properties, "w:rFonts", ascii=font, hAnsi=font, eastAsia=font, hint="eastAsia")
        if grey:
            _child(properties, "w:color", val="808080")
        if self.rtl:
            _child(properties, "w:rtl")
        if line_break:
            _child(run, "w:br")
        for index, piece in enumerate(xml_text(text).split("\t")):
            if index:
                _child(run, "w:tab")
            if piece:
                element = _child(run, "w:t")
                element.text = piece
                element.set(qn("xml:space"), "preserve")
        return run


def _child(parent, tag: str, **attributes: str):  # type: ignore[no-untyped-def]
    """Append a new ``tag`` element to ``parent``; ``w14val`` names ``w14:val``, other names are ``w:``."""
    element = OxmlElement(tag)
    for name, value in attributes.items():
        element.set(qn(f"w14:{name[3:]}") if name.startswith("w14") else qn(f"w:{name}"), value)
    parent.append(element)
    return element


def fillable_docx(form: Form) -> bytes:
    """The form as a Word document."""
    w = FormWriter(form)
    for line in form.lines[: form.cover_at]:
        w.line(line)
    table = w.doc.add_table(rows=len(form.cover), cols=2)
    table.style = "Table Grid"
    if w.rtl:
        table._tbl.tblPr.append(OxmlElement("w:bidiVisual"))
    for row, (label, values) in zip(table.rows, form.cover, strict=True):
        w.line(label, row.cells[0].paragraphs[0])
        for index, value in enumerate(values):
            w.line(value, row.cells[1].paragraphs[0] if index == 0 else row.cells[1].add_paragraph())
    for line in form.lines[form.cover_at :]:
        w.line(line)
    w.doc.core_properties.title = str(form.lines[0].printed)
    return w.bytes()
