"""Render questionnaires: text formats with Jinja2 templates, DOCX and PDF through their writers.

``render_blank`` / ``render_filled`` return text (txt, md, html);
``export_blank`` / ``export_filled`` return the bytes of any format.
"""

from __future__ import annotations

import datetime
import functools
import re

import jinja2

from engine.definition.loaded import Definition
from engine.export import chrome
from engine.export.document import DEFAULT_LANGUAGE, Document, build, superscript
from engine.export.filled import FilledDocument, build_filled
from engine.export.pdf import Warn, html_to_pdf
from engine.i18n import use
from engine.responses.model import Response
from engine.validation.findings import Finding

TEXT_FORMATS = ("txt", "md", "html")
FORMATS = ("txt", "md", "html", "docx", "pdf")
EXTENSIONS = {fmt: fmt for fmt in FORMATS}

_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>#|&~!])")
_MD_LINE_START = re.compile(r"^(\s*)([-+=]|\d+(?=[.)]))", flags=re.M)


def markdown_escape(text: str) -> str:
    """Escape Markdown syntax (inline and at the start of a line) so that text appears as written."""
    escaped = _MD_SPECIAL.sub(r"\\\1", str(text))
    return _MD_LINE_START.sub(lambda m: m.group(1) + ("\\" + m.group(2) if not m.group(2)[0].isdigit() else m.group(2) + "\\"), escaped)


def en_marker(text: object) -> str:
    """``[EN] `` before questionnaire text shown in English for want of a translation."""
    return chrome.EN_MARKER + " " if getattr(text, "fallback", False) else ""


@functools.lru_cache(maxsize=1)
def environment() -> jinja2.Environment:
    """The environment of the plain-text and Markdown templates (no HTML escaping: Markdown escapes with ``md``)."""
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("engine.export", "templates"),
        autoescape=False,
        keep_trailing_newline=True,
        undefined=jinja2.StrictUndefined,
    )
    env.filters["superscript"] = superscript
    env.filters["md"] = markdown_escape
    env.filters["en"] = en_marker
    env.globals["c"] = chrome
    return env


def _check(fmt: str, formats: tuple[str, ...]) -> None:
    if fmt not in formats:
        raise ValueError(f"unknown format {fmt!r}; use one of: {', '.join(formats)}")


def _text(template: str, **context: object) -> str:
    text = environment().get_template(template).render(**context)
    return re.sub(r"\n{3,}", "\n\n", text).strip() + "\n"


def render_blank(definition: Definition, fmt: str = "txt", routing: bool = True, lang: str = DEFAULT_LANGUAGE) -> str:
    """The blank questionnaire as text (txt, md or html), in the source's order and layout."""
    _check(fmt, TEXT_FORMATS)
    return blank_document(build(definition, lang), fmt, routing)  # type: ignore[return-value]


def render_filled(
    definition: Definition,
    response: Response,
    findings: list[Finding],
    fmt: str = "md",
    lang: str | None = None,
    today: datetime.date | None = None,
) -> str:
    """A filled questionnaire as text (txt, md or html): cover, then each applicable question with its answer."""
    _check(fmt, TEXT_FORMATS)
    return filled_document(build_filled(definition, response, findings, lang, today), fmt)  # type: ignore[return-value]


def blank_document(doc: Document, fmt: str, routing: bool = True, warn: Warn | None = None) -> str | bytes:
    """A built blank document in ``fmt``: text for txt, md and html, bytes for docx and pdf (``warn``: see :func:`~engine.export.pdf.html_to_pdf`)."""
    _check(fmt, FORMATS)
    with use(doc.lang):
        if fmt in ("txt", "md"):
            return _text(f"blank.{fmt}.j2", doc=doc, routing=routing)
        if fmt == "docx":
            from engine.export.docx import blank_docx

            return blank_docx(doc, routing)
        from engine.export import html

        page = html.blank_html(doc, routing)
    return page if fmt == "html" else html_to_pdf(page, warn)  # warnings in the interface's language


def filled_document(doc: FilledDocument, fmt: str, warn: Warn | None = None) -> str | bytes:
    """A built filled document in ``fmt``: text for txt, md and html, bytes for docx and pdf (``warn``: see :func:`~engine.export.pdf.html_to_pdf`)."""
    _check(fmt, FORMATS)
    with use(doc.lang):
        if fmt in ("txt", "md"):
            return _text(f"filled.{fmt}.j2", doc=doc)
        if fmt == "docx":
            from engine.export.docx import filled_docx

            return filled_docx(doc)
        from engine.export import html

        page = html.filled_html(doc)
    return page if fmt == "html" else html_to_pdf(page, warn)  # warnings in the interface's language


def _bytes(result: str | bytes) -> bytes:
    return result.encode("utf-8") if isinstance(result, str) else result


def export_blank(definition: Definition, fmt: str, lang: str = DEFAULT_LANGUAGE, routing: bool = True, warn: Warn | None = None) -> bytes:
    """The blank questionnaire in any format, as the bytes of the file."""
    return _bytes(blank_document(build(definition, lang), fmt, routing, warn))


def export_filled(
    definition: Definition,
    response: Response,
    findings: list[Finding],
    fmt: str,
    lang: str | None = None,
    today: datetime.date | None = None,
    warn: Warn | None = None,
) -> bytes:
    """A filled questionnaire in any format, as the bytes of the file."""
    return _bytes(filled_document(build_filled(definition, response, findings, lang, today), fmt, warn))
