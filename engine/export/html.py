"""HTML exports: one self-contained, printable file (inline CSS, no external resource).

Text is escaped by Jinja2's autoescaping; the few pieces built here (footnote links, emphasis,
the English-fallback marker, the page rules) escape their text with :func:`markupsafe.escape`
or :func:`css_string`. ``paged`` documents are laid out for print (the PDF export): footnotes at
the foot of the page where they are referenced, running headers and footers, page numbers in
the table of contents.
"""

from __future__ import annotations

import functools
import re

import jinja2
from markupsafe import Markup, escape

from engine.export import chrome, fonts
from engine.export.document import Document, Localized, Note, marker_segments, superscript, without_markers
from engine.export.filled import FilledDocument
from engine.export.text import emphasis_segments

HTML_LANG = {"zh": "zh-Hans"}
_SAFE_LINK = re.compile(r"^https?://[^\s\"'<>]+$", flags=re.I)
_PLACEHOLDER = re.compile(r"\{(page|pages)\}")


def html_lang(lang: str) -> str:
    """The ``lang`` attribute: ``zh`` → ``zh-Hans`` (the questionnaires use simplified characters)."""
    return HTML_LANG.get(lang, lang)


def fallback_marker(text: object) -> Markup:
    """A visible ``[EN]`` before questionnaire text shown in English for want of a translation."""
    if not getattr(text, "fallback", False):
        return Markup("")
    return Markup('<span class="en" title="{}">{}</span> ').format(chrome.fallback_title(), chrome.EN_MARKER)


class NoteCalls:
    """Where each footnote is called from, in one document: the first call of a note carries its text
    (printed at the foot of that page when ``paged``), later calls only its number."""

    def __init__(self, paged: bool) -> None:
        self.paged = paged
        self.seen: set[int] = set()

    def call(self, note: Note) -> Markup:
        first = note.number not in self.seen
        self.seen.add(note.number)
        if self.paged and first:
            return Markup('<span class="fn" id="fn{0}" data-n="{0}">{1}{2}</span>').format(
                note.number, fallback_marker(note.text), questionnaire(note.text)
            )
        anchor = Markup(' id="fnref{0}"').format(note.number) if first else Markup("")
        return Markup('<a class="fnref"{0} href="#fn{1}"><sup>{1}</sup></a>').format(anchor, note.number)


def questionnaire(text: object, notes: list[Note] | tuple[Note, ...] = (), calls: NoteCalls | None = None) -> Markup:
    """Questionnaire text, escaped: ``*emphasis*`` in italics, footnote markers as calls; English fallback marked ``lang="en"``."""
    by_number = {n.number: n for n in notes}
    pieces = []
    for words, emphasised in emphasis_segments(str(text)):
        run = []
        for piece, number in marker_segments(words, set(by_number)):
            if number is None:
                run.append(escape(piece))
            elif calls is not None:
                run.append(calls.call(by_number[number]))
            else:
                run.append(Markup('<sup class="fnmark">{}</sup>').format(number))
        joined = Markup("").join(run)
        pieces.append(Markup("<em>{}</em>").format(joined) if emphasised else joined)
    body = Markup("").join(pieces)
    if getattr(text, "fallback", False):
        return Markup('<span lang="en">{}</span>').format(body)
    return body


@jinja2.pass_context
def _questionnaire_filter(context: jinja2.runtime.Context, text: object, notes: list[Note] | tuple[Note, ...] = ()) -> Markup:
    return questionnaire(text, notes, context.get("calls"))


def safe_link(url: str) -> str | None:
    """``url`` if it is a plain absolute http(s) link (the only kind made clickable)."""
    return url if _SAFE_LINK.match(url) else None


def css_string(text: str) -> str:
    """``text`` as a CSS string literal that cannot end the string, the declaration or the style element."""
    escaped = "".join(f"\\{ord(c):x} " if c in '"\\<>&\n\r\f' or ord(c) < 0x20 else c for c in text)
    return f'"{escaped}"'


def page_counter_content(template: str) -> str:
    """``Page {page} of {pages}`` as CSS ``content``: ``"Page " counter(page) " of " counter(pages)``."""
    pieces = []
    for index, piece in enumerate(_PLACEHOLDER.split(template)):
        if index % 2:
            pieces.append(f"counter({piece})")
        elif piece:
            pieces.append(css_string(piece))
    return " ".join(pieces)


def page_rules(doc: Localized) -> Markup:
    """The ``@page`` margin boxes of a printed document, in its language and direction."""
    texts = chrome.running_texts(doc)
    start, end = ("right", "left") if doc.rtl else ("left", "right")
    rules = [
        f"direction: {doc.dir};",
        f"@top-{start} {{ content: {css_string(texts['head_start'])}; }}",
        f"@top-{end} {{ content: {css_string(texts['head_end'])}; font-weight: bold; }}",
        f"@bottom-{start} {{ content: {css_string(texts['foot_start'])}; }}",
        f"@bottom-{end} {{ content: {page_counter_content(chrome.page_of())}; }}",
    ]
    return Markup("@page { " + " ".join(rules) + " }")


@functools.lru_cache(maxsize=1)
def environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("engine.export", "templates"),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["q"] = _questionnaire_filter
    env.filters["en"] = fallback_marker
    env.filters["superscript"] = superscript
    env.filters["unmarked"] = without_markers
    env.globals.update(
        c=chrome, fonts=fonts, html_lang=html_lang, safe_link=safe_link, page_rules=page_rules, metadata_title=chrome.metadata_title
    )
    return env


def blank_html(doc: Document, routing: bool = True, paged: bool = False) -> str:
    """The blank questionnaire as one HTML page (``paged``: laid out for print, as the PDF is)."""
    return environment().get_template("blank.html.j2").render(doc=doc, routing=routing, paged=paged, calls=NoteCalls(paged))


def filled_html(doc: FilledDocument, paged: bool = False) -> str:
    """A filled questionnaire as one HTML page (``paged``: laid out for print, as the PDF is)."""
    return environment().get_template("filled.html.j2").render(doc=doc, paged=paged, calls=NoteCalls(paged))
