"""The general report as one self-contained HTML page (inline CSS and SVG, nothing fetched)."""

from __future__ import annotations

from markupsafe import Markup, escape

from engine.export import chrome
from engine.export.html import environment
from engine.export.report import words
from engine.export.report.view import ReportView
from engine.i18n import use


def labelled(name: object, value: object) -> Markup:
    """``name: value`` with the language's colon; ``name`` may already be markup."""
    return Markup(escape(chrome.label("{name}", "{value}"))).format(name=name, value=value)


def report_html(view: ReportView) -> str:
    """The page, in the view's language."""
    with use(view.lang):
        template = environment().get_template("report.html.j2")
        return template.render(v=view, w=words, labelled=labelled)
