"""Run every check over a questionnaire catalog and locate the findings."""

from __future__ import annotations

import functools
import os
from dataclasses import dataclass
from pathlib import Path

from engine.i18n.catalogs import locales_dir
from engine.i18n.checks import consistency, english, markup, quotes, references, terms, typography
from engine.i18n.checks.catalog import Unit, read_units
from engine.i18n.checks.codes import CODES
from engine.i18n.checks.context import Context, Problem
from engine.i18n.checks.style import STYLES
from engine.i18n.checks.terms import Terminology, load_terminology

CHECKS = (markup.check, references.check, quotes.check, terms.check, english.check, typography.check)
"""The checks of one message; :func:`consistency.check_all` compares messages with each other."""
_ORDER = {code: index for index, code in enumerate(CODES)}


@dataclass(frozen=True, slots=True)
class TranslationFinding:
    """A problem of a translated message: ``PATH:LINE: [ITEM] CODE: MESSAGE``."""

    path: str
    line: int
    tag: str
    code: str
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: [{self.tag}] {self.code}: {self.message}"


@dataclass(frozen=True, slots=True)
class CheckResult:
    """The findings of one catalog, and the messages they were drawn from."""

    lang: str
    path: Path
    findings: list[TranslationFinding]
    units: list[Unit]
    """The translated messages (the ones checked)."""
    total: int
    """How many messages the catalog has, translated or not."""

    def findings_of(self, unit: Unit) -> list[TranslationFinding]:
        return [finding for finding in self.findings if finding.line == unit.line]


def shown_path(path: Path) -> str:
    """``path`` relative to the working folder when it lies inside it (``locales/fr/…``)."""
    try:
        relative = os.path.relpath(path)
    except ValueError:
        return str(path)
    return str(path) if relative.startswith("..") else relative


@functools.cache
def _terminology(path: Path, stamp: float) -> Terminology:
    return load_terminology(path)


def terminology(locales: Path | None = None) -> Terminology:
    """The terminology of ``locales/terminology.yaml`` (read once per change of the file)."""
    path = (locales or locales_dir()) / "terminology.yaml"
    try:
        stamp = path.stat().st_mtime
    except OSError:
        stamp = 0.0
    return _terminology(path, stamp)


def interface_labels(lang: str, locales: Path | None = None) -> dict[str, str]:
    """The answer labels as the interface shows them in ``lang`` (``locales/<lang>/…/untoc.po``)."""
    from babel.messages.pofile import read_po

    labels = {label: label for label in quotes.ENGLISH_LABELS}
    path = (locales or locales_dir()) / lang / "LC_MESSAGES" / "untoc.po"
    if path.exists():
        with open(path, "rb") as handle:
            for message in read_po(handle):
                if message.id in labels and isinstance(message.string, str) and message.string and not message.fuzzy:
                    labels[message.id] = message.string
    return labels


def context_for(lang: str, locales: Path | None = None) -> Context:
    """What the checks of ``lang`` compare with: its style, the interface's labels, the terminology."""
    return Context(lang, STYLES[lang], interface_labels(lang, locales), terminology(locales))


def check_units(units: list[Unit], context: Context) -> list[tuple[Unit, Problem]]:
    """The problems of translated messages, each with its message, waived codes left out."""
    problems = [(unit, problem) for unit in units for run in CHECKS for problem in run(unit, context)]
    problems += list(consistency.check_all(units, context))
    return [(unit, problem) for unit, problem in problems if problem.code not in unit.allowed]


def check_catalog(lang: str, locales: Path | None = None, path: Path | None = None) -> CheckResult:
    """Check the questionnaire catalog of ``lang`` (or the catalog file ``path``, in that language).

    Answer labels and terminology come from ``locales`` (default: the catalogs untoc uses).
    Raises :class:`~engine.i18n.checks.terms.TerminologyError` when the terminology cannot be read,
    ``OSError`` when the catalog cannot be.
    """
    locales = locales or locales_dir()
    path = path or locales / lang / "LC_MESSAGES" / "questionnaire.po"
    context = context_for(lang, locales)
    units, total = read_units(path, CODES)
    shown = shown_path(path)
    findings = [
        TranslationFinding(shown, unit.line, unit.tag, problem.code, problem.message) for unit, problem in check_units(units, context)
    ]
    findings.sort(key=lambda finding: (finding.line, _ORDER.get(finding.code, len(_ORDER))))
    return CheckResult(lang, path, findings, units, total)
