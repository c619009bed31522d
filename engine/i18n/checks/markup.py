"""Placeholders, footnote markers, Markdown emphasis and line structure: carried over exactly."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator

from engine.i18n import _
from engine.i18n.checks.catalog import Unit
from engine.i18n.checks.context import Context, Problem

PLACEHOLDER = re.compile(r"\{[^{}\s]*\}|%(?:\([^)]*\))?[sdif]")
FOOTNOTE = re.compile(r"[⁰¹²³⁴⁵⁶⁷⁸⁹]+")
_STRONG = re.compile(r"\*\*(?=\S)(.+?)(?<=\S)\*\*")
_EMPHASIS = re.compile(r"(?<![*A-Za-z0-9])\*(?=\S)([^*]+?)(?<=\S)\*(?![*A-Za-z0-9])")
_LIST_MARKER = re.compile(r"^\s*(?:[-*•]|\d+[.)])\s")


def _listed(items: Counter[str]) -> str:
    return ", ".join(sorted(items.elements()))


def _difference(source: Counter[str], target: Counter[str], code: str) -> Iterator[Problem]:
    missing, extra = source - target, target - source
    if missing:
        yield Problem(code, _("missing: {items}").format(items=_listed(missing)))
    if extra:
        yield Problem(code, _("not in the English: {items}").format(items=_listed(extra)))


def check(unit: Unit, context: Context) -> Iterator[Problem]:
    source, target = unit.source, unit.translation
    yield from _difference(Counter(PLACEHOLDER.findall(source)), Counter(PLACEHOLDER.findall(target)), "placeholder")
    yield from _difference(Counter(FOOTNOTE.findall(source)), Counter(FOOTNOTE.findall(target)), "footnote")
    for pattern, mark in ((_STRONG, "**"), (_EMPHASIS, "*")):
        expected, found = len(pattern.findall(source)), len(pattern.findall(target))
        if expected != found:
            yield Problem(
                "emphasis",
                _("passages between {mark} and {mark}: {expected} in the English, {found} in the translation").format(
                    expected=expected, found=found, mark=mark
                ),
            )
        source, target = pattern.sub("", source), pattern.sub("", target)
    source_lines, target_lines = unit.source.split("\n"), unit.translation.split("\n")
    if len(source_lines) != len(target_lines):
        yield Problem(
            "lines",
            _("lines: {expected} in the English, {found} in the translation").format(expected=len(source_lines), found=len(target_lines)),
        )
    elif [bool(_LIST_MARKER.match(line)) for line in source_lines] != [bool(_LIST_MARKER.match(line)) for line in target_lines]:
        yield Problem("lines", _("list markers (-, 1.) do not start the same lines as in the English"))
