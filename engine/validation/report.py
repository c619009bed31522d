"""Print validation results: human text or JSON (one schema for every file)."""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field

from engine.validation.findings import Finding, Severity


@dataclass(slots=True)
class FileResult:
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
            item = f" [{finding.item}]" if finding.item else ""
            lines.append(f"{finding.path}:{finding.line}:{finding.column}: {finding.severity.value}{item} {finding.message}")
        if hidden:
            lines.append(
                f"{result.path}: note: {hidden} applicable question(s) not answered yet (--verbose lists them; --complete makes them errors)"
            )
    errors, warnings = _count(results, Severity.error), _count(results, Severity.warning)
    unreadable = sum(1 for r in results if r.fatal)
    summary = f"{len(results)} file(s) checked: {errors} error(s), {warnings} warning(s)"
    if unreadable:
        summary += f", {unreadable} unreadable"
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
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
