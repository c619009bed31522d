"""Real Word footnotes for python-docx, which has no API for them: the footnotes part, written as XML.

Footnotes keep the source's numbers: when they run on without a gap (as in every
questionnaire), Word numbers them itself from the first (``w:numStart`` in the
section); otherwise each note carries its number as a custom mark (``w:customMarkFollows``).
"""

from __future__ import annotations

from collections.abc import Callable

from docx.opc.constants import CONTENT_TYPE, RELATIONSHIP_TYPE
from docx.opc.packuri import PackURI
from docx.opc.part import XmlPart
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.text.paragraph import Paragraph

_EMPTY = (
    f"<w:footnotes {nsdecls('w')}>"
    '<w:footnote w:type="separator" w:id="-1"><w:p><w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr>'
    "<w:r><w:separator/></w:r></w:p></w:footnote>"
    '<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr>'
    "<w:r><w:continuationSeparator/></w:r></w:p></w:footnote>"
    "</w:footnotes>"
)


class Footnotes:
    """The footnotes part of a document: add notes, reference them from body paragraphs."""

    def __init__(self, document, numbers: list[int]) -> None:  # type: ignore[no-untyped-def]
        """``numbers``: the source's numbers of the footnotes that will be added, in order."""
        main = document.part
        self.part = XmlPart(PackURI("/word/footnotes.xml"), CONTENT_TYPE.WML_FOOTNOTES, parse_xml(_EMPTY), main.package)
        main.relate_to(self.part, RELATIONSHIP_TYPE.FOOTNOTES)
        self._next = 1
        self.automatic = bool(numbers) and numbers == list(range(numbers[0], numbers[0] + len(numbers)))
        if self.automatic and numbers[0] != 1:
            _number_from(document.sections[0]._sectPr, numbers[0])

    def add(self, paragraph: Paragraph, mark: str, fill: Callable[[Paragraph], None]) -> int:
        """Put a reference to a new footnote with ``mark`` at the end of ``paragraph``; return the note's id.

        ``fill(note_paragraph)`` writes the note's text after its mark (fonts, direction).
        """
        note_id, self._next = self._next, self._next + 1
        reference = paragraph.add_run()
        _superscript(reference)
        element = OxmlElement("w:footnoteReference")
        if not self.automatic:
            element.set(qn("w:customMarkFollows"), "1")
        element.set(qn("w:id"), str(note_id))
        reference._r.append(element)
        if not self.automatic:
            reference._r.append(_text_element(mark))

        note = OxmlElement("w:footnote")
        note.set(qn("w:id"), str(note_id))
        body = OxmlElement("w:p")
        note.append(body)
        self.part.element.append(note)
        note_paragraph = Paragraph(body, paragraph._parent)
        own_mark = note_paragraph.add_run()
        _superscript(own_mark)
        own_mark._r.append(OxmlElement("w:footnoteRef") if self.automatic else _text_element(mark))
        fill(note_paragraph)
        return note_id


def _superscript(run) -> None:  # type: ignore[no-untyped-def]
    run.font.superscript = True


def _text_element(text: str):  # type: ignore[no-untyped-def]
    element = OxmlElement("w:t")
    element.text = text
    element.set(qn("xml:space"), "preserve")
    return element


def _number_from(sectpr, start: int) -> None:  # type: ignore[no-untyped-def]
    """``<w:footnotePr><w:numStart w:val=start/></w:footnotePr>``, after the header and footer references."""
    properties = OxmlElement("w:footnotePr")
    number = OxmlElement("w:numStart")
    number.set(qn("w:val"), str(start))
    properties.append(number)
    for child in sectpr:
        if child.tag not in (qn("w:headerReference"), qn("w:footerReference")):
            child.addprevious(properties)
            return
    sectpr.append(properties)
