"""Fill a fillable form the way a word processor would, for the tests: by editing its XML."""

from __future__ import annotations

import io
import zipfile

from lxml import etree

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
W14 = "http://schemas.microsoft.com/office/word/2010/wordml"
DOCUMENT = "word/document.xml"


def w(name: str) -> str:
    return f"{{{W}}}{name}"


class FormDocument:
    """A DOCX whose body can be edited in memory and saved back to bytes."""

    def __init__(self, data: bytes) -> None:
        self.data = data
        with zipfile.ZipFile(io.BytesIO(data)) as package:
            self.root = etree.fromstring(package.read(DOCUMENT))

    def control(self, tag: str):
        for sdt in self.root.iter(w("sdt")):
            element = sdt.find(f"{w('sdtPr')}/{w('tag')}")
            if element is not None and element.get(w("val")) == tag:
                return sdt
        raise KeyError(tag)

    def tick(self, tag: str, on: bool = True, glyph_only: bool = False) -> None:
        """Tick a box as Word does (state and glyph), or only its glyph (as a hand edit of the XML might)."""
        sdt = self.control(tag)
        if not glyph_only:
            sdt.find(f"{w('sdtPr')}/{{{W14}}}checkbox/{{{W14}}}checked").set(f"{{{W14}}}val", "1" if on else "0")
        content = sdt.find(w("sdtContent"))
        content.find(f".//{w('t')}").text = "☒" if on else "☐"

    def type(self, tag: str, text: str, runs: int = 1) -> None:
        """Type ``text`` in a text field: the placeholder goes, the text comes in ``runs`` pieces, lines as breaks."""
        sdt = self.control(tag)
        properties = sdt.find(w("sdtPr"))
        for flag in properties.findall(w("showingPlcHdr")):
            properties.remove(flag)
        content = sdt.find(w("sdtContent"))
        for child in list(content):
            content.remove(child)
        for number, line in enumerate(text.split("\n")):
            size = max(1, -(-len(line) // runs))
            pieces = [line[i : i + size] for i in range(0, len(line), size)] or [""]
            for index, piece in enumerate(pieces):
                run = etree.SubElement(content, w("r"))
                if number and not index:
                    etree.SubElement(run, w("br"))
                if index % 2:
                    etree.SubElement(content, w("proofErr")).set(w("type"), "spellStart")  # Word's spelling marks split runs
                t = etree.SubElement(run, w("t"))
                t.text = piece
                t.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")

    def delete(self, tag: str) -> None:
        sdt = self.control(tag)
        sdt.getparent().remove(sdt)

    def type_after(self, tag: str, text: str) -> None:
        """Type text just after a field, outside it (in the same paragraph)."""
        sdt = self.control(tag)
        run = etree.Element(w("r"))
        etree.SubElement(run, w("t")).text = text
        sdt.addnext(run)

    def new_paragraph_after(self, tag: str, text: str) -> None:
        """Press Enter after a field's paragraph and type a paragraph of text."""
        paragraph = self.control(tag).getparent()
        new = etree.Element(w("p"))
        etree.SubElement(etree.SubElement(new, w("r")), w("t")).text = text
        paragraph.addnext(new)

    def bytes(self) -> bytes:
        out = io.BytesIO()
        with zipfile.ZipFile(io.BytesIO(self.data)) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
            for info in source.infolist():
                data = (
                    etree.tostring(self.root, xml_declaration=True, encoding="UTF-8", standalone=True)
                    if info.filename == DOCUMENT
                    else source.read(info)
                )
                target.writestr(info, data)
        return out.getvalue()
