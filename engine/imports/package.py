"""A Word document's content controls and the text printed around them, read from the DOCX package.

Read with lxml, as word processors write it rather than as untoc wrote it: any namespace prefix,
runs split anywhere (spelling marks, bookmarks, revision ids), line breaks, tabs and symbol
characters, tracked insertions (taken) and deletions (left out), field codes (only their result),
hyperlinks and smart tags around text. A box is ticked when its ``w14:checked`` says so or when it
shows a ticked glyph (``☒``, ``☑``, ``✓``, ``x``…: what the person saw). Nothing is fetched or
expanded: no DTD, no external entity, and the package's size is bounded before anything is parsed.
"""

from __future__ import annotations

import posixpath
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree

from engine.i18n import _

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
W14 = "http://schemas.microsoft.com/office/word/2010/wordml"
MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
RELATIONSHIPS = "http://schemas.openxmlformats.org/package/2006/relationships"
OFFICE_DOCUMENT = (
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument",
    "http://purl.oclc.org/ooxml/officeDocument/relationships/officeDocument",
)
MAX_FILE = 50 * 1024 * 1024
"""Largest DOCX read (50 MiB); a filled form is well under 1 MiB."""
MAX_XML = 100 * 1024 * 1024
"""Largest main document part, uncompressed."""

CHECKED_GLYPHS = frozenset("☒☑✓✔✗✘xX■⊠⌧")
UNCHECKED_GLYPHS = frozenset("☐□")
SYMBOLS = {"F0FE": "☒", "F0FD": "☒", "F078": "☒", "F0A8": "☐", "F06F": "☐", "F071": "☐"}
"""``w:sym`` characters of the Wingdings boxes older Word versions use."""


def w(name: str) -> str:
    return f"{{{W}}}{name}"


_SKIPPED = {w("delText"), w("instrText"), w("del"), w("moveFrom"), w("rPr"), w("pPr"), w("sdtPr"), w("sdtEndPr")}
_SKIPPED |= {w("drawing"), w("pict"), w("object"), w("fldData"), f"{{{MC}}}AlternateContent", w("footnoteReference"), w("endnoteReference")}
_NOTES = (w("footnoteReference"), w("endnoteReference"))


class PackageError(Exception):
    """The file is not a Word document that can be read."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


@dataclass(slots=True)
class Control:
    """One content control (``w:sdt``): its name, and what it holds."""

    tag: str
    title: str
    text: str = ""
    checkbox: bool = False
    checked: bool = False
    placeholder: bool = False
    """Marked as showing its placeholder (``w:showingPlcHdr``)."""
    paragraph: int = -1
    """Index of the paragraph the control is in (-1 for a control around paragraphs)."""


@dataclass(slots=True)
class Paragraph:
    """A paragraph of the body (tables' cells included, in reading order): the text outside controls."""

    text: str
    controls: list[Control] = field(default_factory=list)


@dataclass(slots=True)
class Package:
    controls: list[Control]
    paragraphs: list[Paragraph]


def read_package(path: Path) -> Package:
    """The controls and paragraphs of a DOCX; :class:`PackageError` when it is not one."""
    with open(path, "rb") as handle:
        head = handle.read(8)
    if head.startswith(b"\xd0\xcf\x11\xe0"):
        raise PackageError(
            _("this is a Word 97–2003 document (.doc) or a password-protected one; save it as a Word document (.docx) without a password")
        )
    if not head.startswith(b"PK"):
        raise PackageError(_("this is not a Word document (.docx): it is not a ZIP package"))
    if path.stat().st_size > MAX_FILE:
        raise PackageError(_("the file is too large for a filled questionnaire (over 50 MiB)"))
    try:
        with zipfile.ZipFile(path) as package:
            name = _main_part(package)
            info = package.getinfo(name)
            if info.file_size > MAX_XML:
                raise PackageError(_("the document's text is too large (over 100 MiB uncompressed)"))
            data = package.read(name)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, KeyError, EOFError, OSError, NotImplementedError, RuntimeError) as error:
        raise PackageError(_("this is not a readable Word document (.docx): {reason}").format(reason=error)) from None
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False)
    try:
        root = etree.fromstring(data, parser)
    except etree.XMLSyntaxError as error:
        raise PackageError(_("the document's text ({part}) is damaged: {reason}").format(part=name, reason=error)) from None
    body = root.find(w("body"))
    if body is None:
        raise PackageError(_("the document has no body: it is not a Word text document"))
    reader = _Reader()
    reader.block(body)
    return Package(reader.controls, reader.paragraphs)


def _main_part(package: zipfile.ZipFile) -> str:
    """The name of the main document part, from the package's relationships (``word/document.xml`` as a rule)."""
    try:
        relationships = etree.fromstring(package.read("_rels/.rels"), etree.XMLParser(resolve_entities=False, no_network=True))
    except (KeyError, etree.XMLSyntaxError):
        relationships = None
    if relationships is not None:
        for relationship in relationships.iter(f"{{{RELATIONSHIPS}}}Relationship"):
            if relationship.get("Type") in OFFICE_DOCUMENT:
                target = posixpath.normpath(relationship.get("Target", "").lstrip("/"))
                if target in package.namelist():
                    return target
    if "word/document.xml" in package.namelist():
        return "word/document.xml"
    raise PackageError(_("this ZIP package is not a Word document (it has no word/document.xml)"))


class _Reader:
    def __init__(self) -> None:
        self.controls: list[Control] = []
        self.paragraphs: list[Paragraph] = []

    def block(self, element: etree._Element) -> None:
        """Paragraphs, tables and block-level controls, in reading order."""
        for child in element:
            tag = child.tag
            if tag == w("p"):
                self.paragraph(child)
            elif tag == w("sdt"):
                self.block_control(child)
            elif tag in (w("tbl"), w("tr"), w("tc"), w("customXml"), w("ins"), w("moveTo"), w("smartTag")):
                self.block(child)

    def block_control(self, element: etree._Element) -> None:
        """A control around paragraphs: one of ours holding text, or a wrapper around paragraphs with controls.

        LibreOffice before 7.5 drops the boxes' names but wraps the paragraph of a box in a control
        carrying the box's title: a wrapper holding a single unnamed box names it.
        """
        wrapper = _control(element)
        content = element.find(w("sdtContent"))
        if content is None:
            return
        controls, paragraphs = len(self.controls), len(self.paragraphs)
        self.block(content)
        inner = self.controls[controls:]
        if not inner and _is_named(wrapper):
            wrapper.text = "\n".join(p.text for p in self.paragraphs[paragraphs:])
            for paragraph in self.paragraphs[paragraphs:]:
                paragraph.text = ""  # the control's text, not text outside the fields
            self.controls.append(wrapper)
            return
        boxes = [c for c in inner if c.checkbox]
        if len(boxes) == 1 and not _is_named(boxes[0]) and _is_named(wrapper):
            boxes[0].tag, boxes[0].title = wrapper.tag, wrapper.title

    def paragraph(self, element: etree._Element) -> None:
        paragraph = Paragraph("")
        self.paragraphs.append(paragraph)
        pieces: list[str] = []
        self.inline(element, pieces, paragraph)
        paragraph.text = "".join(pieces)

    def inline(self, element: etree._Element, pieces: list[str], paragraph: Paragraph) -> None:
        for child in element:
            tag = child.tag
            if tag == w("sdt"):
                control = _control(child)
                content = child.find(w("sdtContent"))
                control.text = _text(content) if content is not None else ""
                control.paragraph = len(self.paragraphs) - 1
                self.controls.append(control)
                paragraph.controls.append(control)
            elif tag == w("r") and any(c.tag in _NOTES for c in child):
                continue  # a footnote's reference mark
            elif tag not in _SKIPPED and isinstance(tag, str):
                _character(child, pieces)
                self.inline(child, pieces, paragraph)


def _is_named(control: Control) -> bool:
    return bool(control.tag or control.title)


def _character(element: etree._Element, pieces: list[str]) -> None:
    tag = element.tag
    if tag == w("t"):
        pieces.append(element.text or "")
    elif tag == w("tab") or tag == w("ptab"):
        pieces.append("\t")
    elif tag in (w("br"), w("cr")):
        pieces.append("\n")
    elif tag == w("noBreakHyphen"):
        pieces.append("-")
    elif tag == w("sym"):
        code = (element.get(w("char")) or "").upper()
        pieces.append(SYMBOLS.get(code) or _char(code))
    elif tag == w("p") and pieces:
        pieces.append("\n")  # a paragraph inside a text box or a block control


def _char(code: str) -> str:
    try:
        value = int(code, 16)
    except ValueError:
        return ""
    if 0xF000 <= value <= 0xF0FF:
        value -= 0xF000  # a symbol font's private-use code: its ASCII position
    return chr(value) if 0x20 <= value <= 0x10FFFF and not 0xD800 <= value <= 0xDFFF else ""


def _text(element: etree._Element) -> str:
    """All the text ``element`` holds, as a reader sees it (nested controls included)."""
    pieces: list[str] = []

    def walk(node: etree._Element) -> None:
        for child in node:
            tag = child.tag
            if not isinstance(tag, str) or tag in _SKIPPED:
                continue
            if tag == w("r") and any(c.tag in _NOTES for c in child):
                continue
            _character(child, pieces)
            walk(child)

    walk(element)
    return "".join(pieces)


def _control(element: etree._Element) -> Control:
    properties = element.find(w("sdtPr"))
    if properties is None:
        return Control("", "")
    tag = properties.find(w("tag"))
    alias = properties.find(w("alias"))
    control = Control(
        (tag.get(w("val")) or "").strip() if tag is not None else "",
        (alias.get(w("val")) or "").strip() if alias is not None else "",
        placeholder=properties.find(w("showingPlcHdr")) is not None and _on(properties.find(w("showingPlcHdr"))),
    )
    box = properties.find(f"{{{W14}}}checkbox")
    if box is not None:
        control.checkbox = True
        checked = box.find(f"{{{W14}}}checked")
        control.checked = checked is not None and _on(checked, f"{{{W14}}}val")
    return control


def _on(element: etree._Element, attribute: str = w("val")) -> bool:
    """An ``ST_OnOff`` value: absent, ``1``, ``true`` and ``on`` are on."""
    return (element.get(attribute) or "1").strip().lower() in ("1", "true", "on")


def ticked(control: Control) -> bool:
    """The box is ticked: by its state, or by the glyph it shows."""
    glyph = control.text.strip()
    return control.checked or (len(glyph) == 1 and glyph in CHECKED_GLYPHS)
