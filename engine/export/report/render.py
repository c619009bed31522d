"""Render the general report in one of its formats, in one language."""

from __future__ import annotations

import datetime
from collections.abc import Callable
from pathlib import PurePath

from engine.definition import registry
from engine.definition.loaded import Definition
from engine.report.figures import Report

FORMATS = ("html", "csv", "json", "xlsx")
BINARY = frozenset({"xlsx"})


def format_for(fmt: str | None, output: str | None) -> str:
    """``fmt`` if given, else the extension of ``output`` when it is a format, else ``html``."""
    if fmt:
        return fmt
    suffix = PurePath(output or "").suffix.lower().lstrip(".")
    return suffix if suffix in FORMATS else "html"


def render(
    report: Report, fmt: str, lang: str, today: datetime.date | None = None, load: Callable[[str], Definition] = registry.load
) -> bytes:
    """The report as the bytes of a file of format ``fmt`` (one of :data:`FORMATS`)."""
    definitions = {q: load(q) for q in report.questionnaires}
    if fmt == "csv":
        from engine.export.report.data import as_csv

        return as_csv(report, definitions)
    from engine.export.report.view import build_view

    view = build_view(report, lang, today, load, charts=fmt == "html")
    if fmt == "html":
        from engine.export.report.html import report_html

        return report_html(view).encode("utf-8")
    if fmt == "json":
        from engine.export.report.data import as_json

        return as_json(report, view, definitions)
    if fmt == "xlsx":
        from engine.export.report.data import as_xlsx

        return as_xlsx(report, view, definitions)
    raise ValueError(f"unknown format {fmt!r}; use one of: {', '.join(FORMATS)}")
