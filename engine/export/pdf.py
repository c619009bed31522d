"""PDF exports: the HTML export laid out on A4 pages by WeasyPrint."""

from __future__ import annotations


def html_to_pdf(html: str) -> bytes:
    """The PDF of a self-contained HTML page (fonts come from the system: Noto, DejaVu)."""
    import logging

    from weasyprint import HTML

    logging.getLogger("weasyprint").setLevel(logging.ERROR)
    logging.getLogger("fontTools").setLevel(logging.ERROR)
    return HTML(string=html, base_url=None).write_pdf()  # type: ignore[no-any-return]
