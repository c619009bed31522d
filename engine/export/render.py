"""Render questionnaires with Jinja2 templates (plain text and Markdown)."""

from __future__ import annotations

import functools
import re

import jinja2

from engine.definition.loader import Definition
from engine.export.document import build, superscript
from engine.export.filled import build_filled
from engine.responses.model import Response
from engine.validation.findings import Finding

FORMATS = ("txt", "md")

_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>#|])")


def markdown_escape(text: str) -> str:
    """Escape Markdown syntax so that text appears as written."""
    return _MD_SPECIAL.sub(r"\\\1", str(text))


@functools.lru_cache(maxsize=1)
def environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("engine.export", "templates"),
        autoescape=False,
        keep_trailing_newline=True,
        undefined=jinja2.StrictUndefined,
    )
    env.filters["superscript"] = superscript
    env.filters["md"] = markdown_escape
    return env


def render_blank(definition: Definition, fmt: str = "txt", routing: bool = True) -> str:
    """The blank questionnaire in ``fmt``, in the source's order and layout."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}; use one of: {', '.join(FORMATS)}")
    template = environment().get_template(f"blank.{fmt}.j2")
    text = template.render(doc=build(definition), routing=routing)
    return re.sub(r"\n{3,}", "\n\n", text).strip() + "\n"


def render_filled(definition: Definition, response: Response, findings: list[Finding], fmt: str = "md") -> str:
    """A filled questionnaire: cover, then each applicable question with its answer."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}; use one of: {', '.join(FORMATS)}")
    template = environment().get_template(f"filled.{fmt}.j2")
    text = template.render(doc=build_filled(definition, response, findings))
    return re.sub(r"\n{3,}", "\n\n", text).strip() + "\n"
