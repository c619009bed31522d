"""HTML exports: one self-contained, printable file (inline CSS, no external resource).

Text is escaped by Jinja2's autoescaping; the few pieces built here (footnote
links, the English-fallback marker) escape their text with :func:`markupsafe.escape`.
"""

from __future__ import annotations

import functools
import re

import jinja2
from markupsafe import Markup, escape

from engine.export import chrome, fonts
from engine.export.document import Document, Note, emphasis_segments, marker_segments, superscript
from engine.export.filled import FilledDocument

HTML_LANG = {"zh": "zh-Hans"}
_SAFE_LINK = re.compile(r"^https?://[^\s\"'<>]+$", flags=re.I)


def html_lang(lang: str) -> str:
    """The ``lang`` attribute: ``zh`` → ``zh-Hans`` (the questionnaires use simplified characters)."""
    return HTML_LANG.get(lang, lang)


def fallback_marker(text: object) -> Markup:
    """A visible ``[EN]`` before questionnaire text shown in English for want of a translation."""
    if not getattr(text, "fallback", False):
        return Markup("")
    return Markup('<span class="en" title="{}">{}</span> ').format(chrome.fallback_title(), chrome.EN_MARKER)


def questionnaire(text: object, notes: list[Note] | tuple[Note, ...] = ()) -> Markup:
    """Questionnaire text, escaped, with its footnote markers as links and its ``*emphasis*`` in italics; English fallback marked ``lang="en"``."""
    value = str(text)
    numbers = {n.number for n in notes}
    pieces = []
    for piece, number in marker_segments(value, numbers):
        if number is None:
            pieces += [Markup("<em>{}</em>").format(part) if emphasized else escape(part) for part, emphasized in emphasis_segments(piece)]
        else:
            pieces.append(Markup('<a class="fnref" id="fnref{0}" href="#fn{0}"><sup>{1}</sup></a>').format(number, number))
    body = Markup("").join(pieces)
    if getattr(text, "fallback", False):
        return Markup('<span lang="en" dir="ltr">{}</span>').format(body)
    return body


def safe_link(url: str) -> str | None:
    """``url`` if it is a plain absolute http(s) link (the only kind made clickable)."""
    return url if _SAFE_LINK.match(url) else None


@functools.lru_cache(maxsize=1)
def environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("engine.export", "templates"),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["q"] = questionnaire
    env.filters["en"] = fallback_marker
    env.filters["superscript"] = superscript
    env.globals.update(c=chrome, fonts=fonts, html_lang=html_lang, safe_link=safe_link)
    return env


def blank_html(doc: Document, routing: bool = True) -> str:
    """The blank questionnaire as one HTML page."""
    return environment().get_template("blank.html.j2").render(doc=doc, routing=routing)


def filled_html(doc: FilledDocument) -> str:
    """A filled questionnaire as one HTML page."""
    return environment().get_template("filled.html.j2").render(doc=doc)
