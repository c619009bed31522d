"""Print validation results: human text or JSON (one schema for every file)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from engine.conditions.describe import quoted
from engine.i18n import _, ngettext
from engine.validation.findings import Finding, Severity


@dataclass(slots=True)
class FileResult:
    """The findings of one file, or why it could not be read at all (``fatal``)."""

    path: str
    findings: list[Finding] = field(default_factory=list)
    fatal: str | None = None
    """Why the file could not be read as a response file (exit code 2)."""
    fatal_line: int = 1
    fatal_column: int = 1

    @property
    def status(self) -> str:
        if self.fatal:
            return "unreadable"
        return "invalid" if any(f.severity is Severity.error for f in self.findings) else "valid"


def exit_code(results: Iterable[FileResult]) -> int:
    """0: no errors · 1: some file has errors · 2: some file is no response file at all."""
    statuses = {r.status for r in results}
    if "unreadable" in statuses:
        return 2
    return 1 if "invalid" in statuses else 0


def _count(results: list[FileResult], severity: Severity) -> int:
    return sum(1 for r in results for f in r.findings if f.severity is severity)


def _line(finding: Finding) -> str:
    """``FILE:LINE:COLUMN: severity [id] message — “excerpt of the question”``."""
    item = f" [{finding.item}]" if finding.item else ""
    excerpt = f" — {quoted(finding.excerpt)}" if finding.excerpt else ""
    return f"{finding.path}:{finding.line}:{finding.column}: {finding.severity.value}{item} {finding.message}{excerpt}"


def as_text(results: list[FileResult], verbose: bool = False) -> str:
    lines: list[str] = []
    for result in results:
        if result.fatal:
            lines.append(f"{result.path}:{result.fatal_line}:{result.fatal_column}: error {result.fatal}")
            continue
        hidden = 0
        for finding in result.findings:
            if finding.severity is Severity.info and not verbose:
                hidden += 1
                continue
            lines.append(_line(finding))
        if hidden:
            note = ngettext(
                "{count} question still to be answered (--verbose lists it; --complete makes it an error)",
                "{count} questions still to be answered (--verbose lists them; --complete makes them errors)",
                hidden,
            ).format(count=hidden)
            lines.append(f"{result.path}: note: {note}")
    errors, warnings = _count(results, Severity.error), _count(results, Severity.warning)
    unreadable = sum(1 for r in results if r.fatal)
    summary = _("{files}: {errors}, {warnings}").format(
        files=ngettext("{count} file checked", "{count} files checked", len(results)).format(count=len(results)),
        errors=ngettext("{count} error", "{count} errors", errors).format(count=errors),
        warnings=ngettext("{count} warning", "{count} warnings", warnings).format(count=warnings),
    )
    if unreadable:
        summary += _(", {count} unreadable").format(count=unreadable)
    lines.append(summary)
    return "\n".join(lines) + "\n"


def as_json(results: list[FileResult]) -> str:
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
            "errors": _count(results, Severity.error),
            "warnings": _count(results, Severity.warning),
            "unanswered": sum(1 for r in results for f in r.findings if f.code == "unanswered"),
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


def as_github(results: list[FileResult]) -> str:
    """GitHub Actions workflow commands: annotations on the offending lines."""
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
    lines.append(as_text(results).splitlines()[-1])
    return "\n".join(lines) + "\n"


def as_junit(results: list[FileResult]) -> str:
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


SARIF_LEVEL = {Severity.error: "error", Severity.warning: "warning", Severity.info: "note"}


def as_sarif(results: list[FileResult]) -> str:
    """SARIF 2.1.0, for code-scanning dashboards."""
    from engine import __version__

    rules: dict[str, dict[str, object]] = {}
    sarif_results = []

    def result_of(rule: str, level: str, message: str, uri: str, line: int, column: int, item: str | None) -> dict[str, object]:
        rules.setdefault(rule, {"id": rule, "name": rule, "shortDescription": {"text": rule.replace("-", " ")}})
        entry: dict[str, object] = {
            "ruleId": rule,
            "level": level,
            "message": {"text": message},
            "locations": [{"physicalLocation": {"artifactLocation": {"uri": uri}, "region": {"startLine": line, "startColumn": column}}}],
        }
        if item:
            entry["properties"] = {"question": item}
        return entry

    for result in results:
        uri = result.path.replace("\\", "/")
        if result.fatal:
            sarif_results.append(result_of("unreadable", "error", result.fatal, uri, result.fatal_line, result.fatal_column, None))
            continue
        for finding in result.findings:
            sarif_results.append(
                result_of(finding.code, SARIF_LEVEL[finding.severity], finding.message, uri, finding.line, finding.column, finding.item)
            )
    document = {
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [
            {
                "tool": {"driver": {"name": "untoc", "version": __version__, "rules": list(rules.values())}},
                "results": sarif_results,
            }
        ],
    }
    import json

    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


FORMATTERS = {"text": as_text, "json": as_json, "github": as_github, "junit": as_junit, "sarif": as_sarif}
