"""DOCX exports: blank and filled questionnaires composed with :class:`engine.export.docx_writer.Writer`.

Both look like the official document: the annex line, a centred bold title, black headings in
Word's heading styles (the navigation pane lists them), a table of contents, numbering as text,
☐ options, real footnotes, a running header and footer with the page number. Filled documents add
the cover, every option ticked ☒ or not ☐, clickable links and the validator's findings.
"""

from __future__ import annotations

from docx.shared import Mm, Pt

from engine.export import chrome
from engine.export.document import Document, ItemBlock
from engine.export.docx_writer import Writer, set_bidi, xml_text
from engine.export.filled import Choice, FilledDocument, FilledItem, FilledPart, FilledSection
from engine.export.html import safe_link

__all__ = ["blank_docx", "filled_docx", "xml_text"]


def _start(doc: Document | FilledDocument, footnotes: list[int]) -> Writer:
    """A writer for ``doc``: metadata, running header and footer."""
    w = Writer(doc.lang, doc.rtl, footnotes)
    w.metadata(chrome.metadata_title(doc))
    texts = chrome.running_texts(doc)
    w.running((texts["head_start"], texts["head_end"]), texts["foot_start"])
    return w


def _title(w: Writer, doc: Document | FilledDocument) -> None:
    """The document's title, then, in a translation, the notice that it is unofficial."""
    title = w.doc.add_heading(level=0)
    if w.is_rtl(doc.title):
        set_bidi(title)
    w.marker(title, doc.title)
    w.text(title, doc.title)
    if not doc.official:
        for line in (chrome.unofficial(), chrome.fallback_note(doc.fallback_count) if doc.fallback_count else None):
            if line:
                w.plain(line, italic=True)


def _routing(w: Writer, text: str | None, indent: int = 0, arrow: bool = False) -> None:
    if text:
        w.plain(("↳ " if arrow else "") + text, indent=indent, italic=True)


# -- blank ----------------------------------------------------------------------


def blank_docx(doc: Document, routing: bool = True) -> bytes:
    """The blank questionnaire as a Word document."""
    numbers = [n.number for part in doc.parts for section in part.sections for n in section.all_footnotes()]
    w = _start(doc, numbers)
    annex = w.questionnaire_paragraph(doc.annex, bold=True)
    annex.alignment = 2  # the end of the line, as printed
    _title(w, doc)
    w.contents(chrome.contents(), doc.contents())
    w.heading(doc.guidance_heading, 1, anchor="guidance", new_page=True)
    for paragraph_text in doc.guidance:
        paragraph = w.paragraph(style="List Bullet", text=paragraph_text)
        w.marker(paragraph, paragraph_text)
        w.text(paragraph, paragraph_text)
    for part in doc.parts:
        w.heading(part.title, 1, anchor=f"part-{part.instrument}")
        w.questionnaire_paragraph(part.heading, bold=True)
        _routing(w, part.routing if routing else None)
        for section in part.sections:
            w.heading(section.heading, 2, section.footnotes, anchor=section.anchor)
            for note in section.notes:
                w.questionnaire_paragraph(note, italic=True)
            _routing(w, section.routing if routing else None)
            for block in section.items:
                _blank_item(w, block, 0, routing)
    return w.bytes()


def _blank_item(w: Writer, block: ItemBlock, depth: int, routing: bool) -> None:
    question = w.paragraph(indent=depth, text=block.text)
    question.paragraph_format.keep_with_next = True
    w.run(question, block.label + " ", bold=True)
    w.marker(question, block.fallback)
    w.text(question, block.text, block.footnotes)
    w.bookmark(question, f"q{block.entry.id}")
    _routing(w, block.routing if routing else None, depth, arrow=True)
    if block.voluntary:
        w.plain(chrome.voluntary(), indent=depth, italic=True)
    if block.scale:
        w.plain("\u2003".join(f"☐ {label}" for label in block.scale), indent=depth)
    for option, specify in block.option_rows:
        line = w.paragraph(indent=depth + 1, text=option)
        line.paragraph_format.space_after = Pt(1)
        w.run(line, "☐ ")
        w.text(line, option, block.footnotes)
        if specify:
            w.blank_line(line)
    if block.after_options:
        w.questionnaire_paragraph(block.after_options, block.footnotes, indent=depth)
    if block.asks_text:
        w.writing_space(depth)
    for child in block.children:
        _blank_item(w, child, depth + 1, routing)


# -- filled ---------------------------------------------------------------------


def filled_docx(doc: FilledDocument) -> bytes:
    """A filled questionnaire as a Word document: cover, contents, the questions that apply, findings."""
    numbers = [n.number for part in doc.parts for section in part.sections for n in section.all_footnotes()]
    w = _start(doc, numbers)
    if doc.marking:
        marking = w.plain(doc.marking, bold=True)
        marking.alignment = 1
    _title(w, doc)
    _cover(w, doc)
    w.contents(chrome.contents(), doc.contents())
    for index, part in enumerate(doc.parts, start=1):
        _filled_part(w, part, index, new_page=index == 1)
    _contributors(w, doc)
    _findings(w, doc)
    return w.bytes()


def _contributors(w: Writer, doc: FilledDocument) -> None:
    """Who gave the answers shown (their ``contributor``), with the questions each answered."""
    if not doc.contributors:
        return
    w.heading(chrome.contributors(), 1)
    w.plain(chrome.contributors_note(), italic=True)
    for name, numbers in doc.contributors:
        w.plain(chrome.label(name, ", ".join(numbers)))


def _widths(table, millimetres: tuple[int, ...]) -> None:  # type: ignore[no-untyped-def]
    """Fixed column widths (Word and LibreOffice otherwise share the width out evenly)."""
    table.autofit = False
    for column, width in zip(table.columns, millimetres, strict=True):
        column.width = Mm(width)
        for cell in column.cells:
            cell.width = Mm(width)


def _table(w: Writer, rows: int, columns: int):  # type: ignore[no-untyped-def]
    table = w.doc.add_table(rows=rows, cols=columns)
    table.style = "Table Grid"
    if w.rtl:
        table._tbl.tblPr.get_or_add_bidiVisual()
    return table


def _cell(w: Writer, cell, text: str, bold: bool = False):  # type: ignore[no-untyped-def]
    paragraph = cell.paragraphs[0]
    if w.is_rtl(text):
        set_bidi(paragraph)
    w.run(paragraph, text, bold=bold)
    return paragraph


def _cover(w: Writer, doc: FilledDocument) -> None:
    rows = [
        (chrome.state(), doc.state),
        (chrome.cluster(), doc.cluster),
        (chrome.protocols(), chrome.list_separator().join(doc.protocols) or chrome.none()),
        (chrome.uncac(), chrome.yes_no(doc.uncac_party)),
        (chrome.answers_language(), doc.answers_language),
        (chrome.completeness(), chrome.completeness_value(doc.answered, doc.applicable, doc.errors)),
        (chrome.date(), doc.date),
    ]
    if doc.revision:
        rows.append((chrome.revision_heading(), doc.revision))
    table = _table(w, len(rows), 2)
    _widths(table, (62, 108))
    for row, (name, value) in zip(table.rows, rows, strict=True):
        _cell(w, row.cells[0], name, bold=True)
        _cell(w, row.cells[1], value)


def _filled_part(w: Writer, part: FilledPart, index: int, new_page: bool = False) -> None:
    w.heading(part.title, 1, anchor=f"part-{index}", new_page=new_page)
    if not part.applies:
        w.plain(part.not_reviewed, italic=True)
        return
    w.questionnaire_paragraph(part.heading, bold=True)
    for section in part.sections:
        _filled_section(w, section)


def _filled_section(w: Writer, section: FilledSection) -> None:
    w.heading(section.heading, 2, section.footnotes, anchor=section.anchor)
    if section.not_reviewed:
        w.plain(section.not_reviewed, italic=True)
    for item in section.items:
        _filled_item(w, item)
    if section.skipped:
        w.plain(chrome.skipped(section.skipped), italic=True)


def _filled_item(w: Writer, item: FilledItem) -> None:
    question = w.paragraph(indent=item.depth, text=item.text)
    question.paragraph_format.keep_with_next = True
    w.run(question, item.number + " ", bold=True)
    w.marker(question, item.text)
    w.text(question, item.text, item.footnotes)
    w.bookmark(question, f"q{item.id}")
    if item.flagged:
        w.run(question, " ")
        w.hyperlink(question, "⚠", anchor=f"f-{item.id}")
    if item.stem:
        return
    inner = item.depth + 1
    if item.inline:
        _choices_inline(w, item.choices, inner)
    for choice in [] if item.inline else item.choices:
        _choice(w, choice, inner, item)
    _paragraphs(w, item.text_answer, inner)
    for name, values in ((chrome.legislation(), item.legislation), (chrome.comment(), item.comment)):
        if values:
            _field(w, name, inner)
            _paragraphs(w, values, inner)
    if item.links:
        _field(w, chrome.links(), inner)
        for link in item.links:
            paragraph = w.paragraph(indent=inner, text=link)
            if safe_link(link):
                w.hyperlink(paragraph, link, url=link)
            else:
                w.run(paragraph, link)
    if item.unanswered:
        w.plain(chrome.pending(item.waiting_on) if item.waiting_on else chrome.not_answered(), indent=inner, italic=True)


def _choices_inline(w: Writer, choices: list[Choice], indent: int) -> None:
    paragraph = w.paragraph(indent=indent)
    for index, choice in enumerate(choices):
        if index:
            w.run(paragraph, "\u2003")
        w.run(paragraph, choice.line, bold=choice.ticked)


def _choice(w: Writer, choice: Choice, indent: int, item: FilledItem) -> None:
    line = w.paragraph(indent=indent, text=choice.label)
    line.paragraph_format.space_after = Pt(1)
    w.run(line, choice.box + " ", bold=choice.ticked)
    w.text(line, choice.label, item.footnotes, bold=choice.ticked)
    _paragraphs(w, choice.detail, indent + 1)


def _field(w: Writer, name: str, indent: int) -> None:
    label = w.plain(name, indent=indent, bold=True, size=8.5)
    label.paragraph_format.space_after = Pt(0)
    label.paragraph_format.keep_with_next = True


def _paragraphs(w: Writer, paragraphs: list[str], indent: int) -> None:
    """Paragraphs of a response, each in its own direction, their line breaks kept."""
    for text in paragraphs:
        w.plain(text, indent=indent)


def _findings(w: Writer, doc: FilledDocument) -> None:
    w.heading(chrome.findings_heading(), 1, anchor="findings")
    w.plain(chrome.findings_intro(doc.errors, doc.warnings))
    if not doc.findings:
        return
    table = _table(w, 1 + sum(len(g.lines) for g in doc.findings), 2)
    _widths(table, (34, 136))
    _cell(w, table.rows[0].cells[0], chrome.question(), bold=True)
    _cell(w, table.rows[0].cells[1], chrome.finding(), bold=True)
    row = 1
    for group in doc.findings:
        first = table.cell(row, 0)
        for line in group.lines:
            message = _cell(w, table.cell(row, 1), chrome.severity(line.severity) + " ", bold=True)
            w.run(message, line.message)
            row += 1
        question = first.merge(table.cell(row - 1, 0)) if len(group.lines) > 1 else first
        paragraph = question.paragraphs[0]
        if group.item:
            w.hyperlink(paragraph, group.number, anchor=f"q{group.item}")
        else:
            w.run(paragraph, group.number)
        w.bookmark(paragraph, f"f-{group.item or 'file'}")
