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
from engine.export.text import emphasis_segments
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


def markdown_questionnaire(text: object) -> str:
    """Questionnaire text in Markdown: escaped, with the source's ``*emphasis*`` kept as emphasis."""
    return "".join(
        f"*{markdown_escape(piece)}*" if emphasised else markdown_escape(piece) for piece, emphasised in emphasis_segments(str(text))
    )


def markdown_quote(paragraph: str) -> str:
    """A paragraph of a response as a Markdown block quote, its line breaks kept (hard breaks)."""
    return "\\\n".join(f"> {markdown_escape(line)}" for line in paragraph.split("\n"))


@functools.lru_cache(maxsize=2)
def environment(trimmed: bool = False) -> jinja2.Environment:
    """The environment of the plain-text and Markdown templates (no HTML escaping: Markdown escapes with ``md``).

    ``trimmed``: block tags take their line with them (the filled templates are written so).
    """
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("engine.export", "templates"),
        autoescape=False,
        keep_trailing_newline=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=trimmed,
        lstrip_blocks=trimmed,
    )
    env.filters["superscript"] = superscript
    env.filters["md"] = markdown_escape
    env.filters["mdq"] = markdown_questionnaire
    env.filters["md_quote"] = markdown_quote
    env.filters["en"] = en_marker
    env.globals["c"] = chrome
    return env


def _check(fmt: str, formats: tuple[str, ...]) -> None:
    if fmt not in formats:
        raise ValueError(f"unknown format {fmt!r}; use one of: {', '.join(formats)}")


def _text(template: str, trimmed: bool = False, **context: object) -> str:
    text = environment(trimmed).get_template(template).render(**context)
    return re.sub(r"\n{3,}", "\n\n", text).strip() + "\n"


def render_blank(definition: Definition, fmt: str = "txt", routing: bool = True, lang: str = DEFAULT_LANGUAGE) -> str:
    """The blank questionnaire as text (txt, md or html), in the source's order and layout."""
    _check(fmt, TEXT_FORMATS)
    return blank_document(build(definition, lang), fmt, routing)  # type: ignore[return-value]


def render_filled(
    definition: Definition,
    response: Response,
    findings: list[Finding] | None = None,
    fmt: str = "md",
    lang: str | None = None,
    today: datetime.date | None = None,
    marking: str | None = None,
) -> str:
    """A filled questionnaire as text (txt, md or html): cover, each question that applies with its answer, findings."""
    _check(fmt, TEXT_FORMATS)
    return filled_document(build_filled(definition, response, findings, lang, today, marking), fmt)  # type: ignore[return-value]


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

        if fmt == "html":
            return html.blank_html(doc, routing)
        page = html.blank_html(doc, routing, paged=True)
    return html_to_pdf(page, warn)  # warnings in the interface's language


def filled_document(doc: FilledDocument, fmt: str, warn: Warn | None = None) -> str | bytes:
    """A built filled document in ``fmt``: text for txt, md and html, bytes for docx and pdf (``warn``: see :func:`~engine.export.pdf.html_to_pdf`)."""
    _check(fmt, FORMATS)
    with use(doc.lang):
        if fmt in ("txt", "md"):
            return _text(f"filled.{fmt}.j2", trimmed=True, doc=doc)
        if fmt == "docx":
            from engine.export.docx import filled_docx

            return filled_docx(doc)
        from engine.export import html

        if fmt == "html":
            return html.filled_html(doc)
        page = html.filled_html(doc, paged=True)
    return html_to_pdf(page, warn)  # warnings in the interface's language


def _bytes(result: str | bytes) -> bytes:
    return result.encode("utf-8") if isinstance(result, str) else result


def export_blank(definition: Definition, fmt: str, lang: str = DEFAULT_LANGUAGE, routing: bool = True, warn: Warn | None = None) -> bytes:
    """The blank questionnaire in any format, as the bytes of the file."""
    return _bytes(blank_document(build(definition, lang), fmt, routing, warn))


def export_filled(
    definition: Definition,
    response: Response,
    findings: list[Finding] | None,
    fmt: str,
    lang: str | None = None,
    today: datetime.date | None = None,
    marking: str | None = None,
    warn: Warn | None = None,
) -> bytes:
    """A filled questionnaire in any format, as the bytes of the file.

    ``findings``: the validator's, or ``None`` to run it in the document's language;
    ``marking``: the protective marking on every page (``None``: the default, ``""``: none).
    """
    return _bytes(filled_document(build_filled(definition, response, findings, lang, today, marking), fmt, warn))
