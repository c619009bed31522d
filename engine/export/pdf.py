"""PDF exports: the HTML export laid out on A4 pages by WeasyPrint, tagged for screen readers (PDF/UA-1)."""

from __future__ import annotations

PDF_VARIANT = "pdf/ua-1"
"""Tagged PDF with the document's title and language in its metadata, for assistive technology."""


def html_to_pdf(html: str) -> bytes:
    """The PDF of a self-contained HTML page (fonts come from the system: Noto, DejaVu)."""
    import logging

    from weasyprint import HTML

    logging.getLogger("weasyprint").setLevel(logging.ERROR)
    logging.getLogger("fontTools").setLevel(logging.ERROR)
    return HTML(string=html, base_url=None).write_pdf(pdf_variant=PDF_VARIANT)  # type: ignore[no-any-return]
