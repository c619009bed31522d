"""Characters of a document that none of its fonts can draw, found before the PDF is written.

The check reads the HTML page that WeasyPrint lays out — every text and the strings that
its stylesheet adds (``content:``) — and looks each character up in the ``cmap`` of the
fonts installed with untoc (:mod:`engine.export.fonts`). Each character is reported with
where it is: a question id, a footnote, the cover, the guidance…
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from html.parser import HTMLParser

from engine.export import fonts
from engine.i18n import _
from engine.validation.sanitize import clean

_NOT_DRAWN = frozenset({"Cc", "Cf", "Zl", "Zp", "Cs"})
"""Controls, format characters (bidi marks, joiners, soft hyphen) and separators: never given a glyph."""
_VARIATION_SELECTORS = re.compile("[\u180b-\u180d\ufe00-\ufe0f\U000e0100-\U000e01ef]")
_CSS_STRING = re.compile(r"""content:\s*([^;}]*)""")
_QUOTED = re.compile(r'"([^"]*)"')
_COUNTER_DIGITS = "0123456789"
_VOID = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"})
_CLASS_PLACES = ("cover", "guidance", "notice", "annex")
_TAG_PLACES = {"h1": "title", "h2": "heading", "h3": "heading"}


def N_(message: str) -> str:
    """Mark ``message`` for translation; it is translated where it is shown."""
    return message


PLACE_NAMES = {
    "cover": N_("cover"),
    "guidance": N_("guidance"),
    "notice": N_("translation notice"),
    "annex": N_("annex line"),
    "title": N_("title"),
    "heading": N_("heading"),
    "layout": N_("page layout"),
    "document": N_("document"),
}


@dataclass(frozen=True, slots=True)
class Place:
    """Where a text is: a question (``kind`` "question", ``value`` its id), a footnote, or a part of the page."""

    kind: str
    value: str = ""

    def label(self) -> str:
        if self.kind == "question":
            return self.value
        if self.kind == "footnote":
            return _("footnote {number}").format(number=self.value)
        return _(PLACE_NAMES[self.kind])


@dataclass(frozen=True, slots=True)
class MissingGlyph:
    """A character that no font of the document has, and where it is."""

    place: Place
    char: str

    @property
    def code(self) -> str:
        return f"U+{ord(self.char):04X}"

    def message(self) -> str:
        return _(
            "warning: {place}: {code} {char} ({name}) is in none of the fonts that come with untoc; the PDF may show an empty box in its place"
        ).format(place=clean(self.place.label()), code=self.code, char=clean(self.char), name=unicodedata.name(self.char, "?"))


def _place(tag: str, attrs: dict[str, str | None]) -> Place | None:
    ident = attrs.get("id") or ""
    if ident.startswith("q"):
        return Place("question", ident[1:])
    if ident.startswith("fn") and ident[2:].isdigit():
        return Place("footnote", ident[2:])
    classes = (attrs.get("class") or "").split()
    for name in _CLASS_PLACES:
        if name in classes:
            return Place(name)
    return Place(_TAG_PLACES[tag]) if tag in _TAG_PLACES else None


class _Texts(HTMLParser):
    """The texts of an HTML page with their places, and the strings its ``<style>`` adds."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, Place]] = [("", Place("document"))]
        self.texts: list[tuple[Place, str]] = []
        self.css: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag not in _VOID:
            self.stack.append((tag, _place(tag, dict(attrs)) or self.stack[-1][1]))

    def handle_endtag(self, tag: str) -> None:
        while len(self.stack) > 1:
            if self.stack.pop()[0] == tag:
                break

    def handle_data(self, data: str) -> None:
        tags = {tag for tag, _place in self.stack}
        if "style" in tags:
            self.css.append(data)
        elif "head" not in tags:
            self.texts.append((self.stack[-1][1], data))


def page_texts(html: str) -> Iterator[tuple[Place, str]]:
    """Every text that a PDF of ``html`` shows, with its place; what the stylesheet adds is "page layout"."""
    parser = _Texts()
    parser.feed(html)
    parser.close()
    yield from parser.texts
    for css in parser.css:
        for value in _CSS_STRING.findall(css):
            yield Place("layout"), "".join(_QUOTED.findall(value)) + (_COUNTER_DIGITS if "counter(" in value else "")


def _drawn(char: str) -> bool:
    return unicodedata.category(char) not in _NOT_DRAWN and not _VARIATION_SELECTORS.match(char)


@functools.cache
def _covered() -> frozenset[int]:
    """The code points that some font of the documents has (every document names all of them)."""
    return frozenset().union(*(fonts.coverage(face.path) for face in fonts.faces()))


def missing_glyphs(texts: Iterable[tuple[Place, str]]) -> list[MissingGlyph]:
    """The characters of ``texts`` that no font of the documents covers, once per place, in order.

    The page layout (running headers and footers) repeats texts of the page, such as the State's
    name: a character already reported where the page shows it is not reported again there.
    """
    covered = _covered()
    space = ord(" ") in covered  # HarfBuzz draws the other spaces with the font's own space
    missing: dict[tuple[Place, str], None] = {}
    for place, text in texts:
        for char in dict.fromkeys(text):
            if ord(char) in covered or not _drawn(char) or (space and unicodedata.category(char) == "Zs"):
                continue
            missing[place, char] = None
    shown = {char for place, char in missing if place.kind != "layout"}
    return [MissingGlyph(place, char) for place, char in missing if place.kind != "layout" or char not in shown]
