"""PDF exports: the HTML export laid out on A4 pages by WeasyPrint, in the fonts installed with untoc.

The fonts are the files that ``pip install`` brought (:mod:`engine.export.fonts`), given to
WeasyPrint by ``@font-face`` rules, so a PDF looks the same on every machine. Before the PDF is
written, every character of the page is looked up in those fonts: each one that none of them has
is reported (with its place and code point) and the PDF is written all the same. PDFs are tagged
for screen readers (PDF/UA-1), with the document's title and language in their metadata.
"""

from __future__ import annotations

import sys
from collections.abc import Callable

from engine.export import fonts
from engine.export.glyphs import missing_glyphs, page_texts

PDF_VARIANT = "pdf/ua-1"
"""Tagged PDF with the document's title and language in its metadata, for assistive technology."""

Warn = Callable[[str], None]
"""Hears each warning of a PDF export: a character that no font has."""


def warn_on_stderr(message: str) -> None:
    print(f"untoc: {message}", file=sys.stderr)


def html_to_pdf(html: str, warn: Warn | None = None) -> bytes:
    """The PDF of a self-contained HTML page; ``warn`` (default: standard error) hears of each character no font has."""
    import logging

    from weasyprint import CSS, HTML
    from weasyprint.text.fonts import FontConfiguration

    for missing in missing_glyphs(page_texts(html)):
        (warn or warn_on_stderr)(missing.message())
    logging.getLogger("weasyprint").setLevel(logging.ERROR)
    logging.getLogger("fontTools").setLevel(logging.ERROR)
    config = FontConfiguration()  # one a document: it copies the font files to a folder it removes when dropped
    faces = CSS(string=fonts.font_face_css(), font_config=config)
    return HTML(string=html, base_url=None).write_pdf(stylesheets=[faces], font_config=config, pdf_variant=PDF_VARIANT)  # type: ignore[no-any-return]
