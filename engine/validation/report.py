"""Reporters: validation results as text, JSON, GitHub annotations, JUnit XML or SARIF.

Every reporter has one signature, ``(results, *, verbose) -> str`` (:class:`Reporter`), and is
chosen by name from :data:`REPORTERS`. Messages and paths in the results are already neutralised
(no control or format character from a file reaches a report); each format adds only its own
escaping.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol

from engine.conditions.describe import quoted
from engine.i18n import _, ngettext
from engine.validation.codes import Code
from engine.validation.findings import Finding, Severity
from engine.validation.results import FileResult, count, exit_code


class Reporter(Protocol):
    def __call__(self, results: list[FileResult], *, verbose: bool = False) -> str: ...


REPORTERS: dict[str, Reporter] = {}
"""The output formats of ``untoc validate --format``, by name."""


def reporter(name: str) -> Callable[[Reporter], Reporter]:
    def register(function: Reporter) -> Reporter:
        REPORTERS[name] = function
        return function

    return register


def _text_path(path: str) -> str:
    """A path as a text line may start with it: never ``::`` (GitHub reads such a line as a command)."""
    return "./" + path if path.startswith(":") else path


def _line(finding: Finding, path: str) -> str:
    """``FILE:LINE:COLUMN: severity [id] message — “excerpt of the question”``."""
    item = f" [{finding.item}]" if finding.item else ""
    excerpt = f" — {quoted(finding.excerpt)}" if finding.excerpt else ""
    return f"{path}:{finding.line}:{finding.column}: {finding.severity.value}{item} {finding.message}{excerpt}"


def summary_line(results: list[FileResult]) -> str:
    """``N files checked: N errors, N warnings[, N unreadable]``."""
    errors, warnings = count(results, Severity.error), count(results, Severity.warning)
    unreadable = sum(1 for r in results if r.fatal)
    summary = _("{files}: {errors}, {warnings}").format(
        files=ngettext("{count} file checked", "{count} files checked", len(results)).format(count=len(results)),
        errors=ngettext("{count} error", "{count} errors", errors).format(count=errors),
        warnings=ngettext("{count} warning", "{count} warnings", warnings).format(count=warnings),
    )
    if unreadable:
        summary += _(", {count} unreadable").format(count=unreadable)
    return summary


@reporter("text")
def as_text(results: list[FileResult], *, verbose: bool = False) -> str:
    lines: list[str] = []
    for result in results:
        path = _text_path(result.path)
        if result.fatal:
            lines.append(f"{path}:{result.fatal_line}:{result.fatal_column}: error {result.fatal}")
            continue
        hidden = 0
        for finding in result.findings:
            if finding.severity is Severity.info and not verbose:
                hidden += 1
                continue
            lines.append(_line(finding, path))
        if hidden:
            note = ngettext(
                "{count} question still to be answered (--verbose lists it; --complete makes it an error)",
                "{count} questions still to be answered (--verbose lists them; --complete makes them errors)",
                hidden,
            ).format(count=hidden)
            lines.append(f"{path}: note: {note}")
    lines.append(summary_line(results))
    return "\n".join(lines) + "\n"


@reporter("json")
def as_json(results: list[FileResult], *, verbose: bool = False) -> str:
    """Every finding of every file (``verbose`` changes nothing: machines get everything)."""
    data = {
        "version": 1,
        "files": [
            {
                "path": r.path,
                "status": r.status,
                "error": None if not r.fatal else {"message": r.fatal, "line": r.fatal_line, "column": r.fatal_column},
                "findings": [f.to_dict() for f in r.findings],
            }
            for r in results
        ],
        "summary": {
            "files": len(results),
            "errors": count(results, Severity.error),
            "warnings": count(results, Severity.warning),
            "unanswered": count(results, code=Code.unanswered),
            "unreadable": sum(1 for r in results if r.fatal),
            "exit_code": exit_code(results),
        },
    }
    import json  # only for machine output: not on every cold start

    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def _github_escape(text: str, property_value: bool = False) -> str:
    text = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    if property_value:
        text = text.replace(":", "%3A").replace(",", "%2C")
    return text


@reporter("github")
def as_github(results: list[FileResult], *, verbose: bool = False) -> str:
    """GitHub Actions workflow commands: annotations on the offending lines, then the summary."""
    lines: list[str] = []
    for result in results:
        path = _github_escape(result.path, True)
        if result.fatal:
            lines.append(
                f"::error file={path},line={result.fatal_line},col={result.fatal_column},title=untoc::{_github_escape(result.fatal)}"
            )
            continue
        for finding in result.findings:
            if finding.severity is Severity.info:
                continue
            title = _github_escape(f"untoc [{finding.item}]" if finding.item else "untoc", True)
            lines.append(
                f"::{finding.severity.value} file={path},line={finding.line},col={finding.column},title={title}::{_github_escape(finding.message)}"
            )
    lines.append(summary_line(results))
    return "\n".join(lines) + "\n"


@reporter("junit")
def as_junit(results: list[FileResult], *, verbose: bool = False) -> str:
    """JUnit XML: one test case per file, failing when the file has errors."""
    from xml.sax.saxutils import escape, quoteattr

    failures = sum(1 for r in results if r.status == "invalid")
    errors = sum(1 for r in results if r.status == "unreadable")
    out = ['<?xml version="1.0" encoding="UTF-8"?>']
    out.append(f'<testsuites name="untoc validate" tests="{len(results)}" failures="{failures}" errors="{errors}">')
    out.append(f'  <testsuite name="untoc validate" tests="{len(results)}" failures="{failures}" errors="{errors}">')
    for result in results:
        out.append(f'    <testcase classname="untoc.validate" name={quoteattr(result.path)}>')
        if result.fatal:
            message = f"{result.path}:{result.fatal_line}:{result.fatal_column}: {result.fatal}"
            out.append(f"      <error message={quoteattr(result.fatal)}>{escape(message)}</error>")
        else:
            shown = [f for f in result.findings if f.severity is not Severity.info]
            text = "\n".join(
                f"{f.path}:{f.line}:{f.column}: {f.severity.value}{f' [{f.item}]' if f.item else ''} {f.message}" for f in shown
            )
            errors_here = [f for f in shown if f.severity is Severity.error]
            if errors_here:
                out.append(f"      <failure message={quoteattr(f'{len(errors_here)} error(s)')}>{escape(text)}</failure>")
            elif text:
                out.append(f"      <system-out>{escape(text)}</system-out>")
        out.append("    </testcase>")
    out.append("  </testsuite>")
    out.append("</testsuites>")
    return _xml_safe("\n".join(out)) + "\n"


def _xml_safe(text: str) -> str:
    """Drop characters XML 1.0 cannot hold (they are already escaped visibly in messages)."""
    return "".join(c for c in text if c in "\n\t\r" or (" " <= c <= "\ud7ff") or ("\ue000" <= c <= "\ufffd") or c > "\uffff")


@reporter("sarif")
def as_sarif(results: list[FileResult], *, verbose: bool = False) -> str:
    """SARIF 2.1.0, for code-scanning dashboards (see :mod:`engine.validation.sarif`)."""
    import json

    from engine.validation.sarif import sarif_log

    return json.dumps(sarif_log(results), ensure_ascii=False, indent=2) + "\n"
