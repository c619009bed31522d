"""The result of checking one path, and the exit code of a run."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from engine.validation.codes import Code
from engine.validation.findings import Finding, Severity


@dataclass(slots=True)
class FileResult:
    """The findings of one file, or why the path could not be checked at all (``fatal``)."""

    path: str
    """The path as shown: control and format characters neutralised."""
    findings: list[Finding] = field(default_factory=list)
    fatal: str | None = None
    """Why the path could not be read as a response file (exit code 2)."""
    fatal_line: int = 1
    fatal_column: int = 1
    source: str | None = None
    """The path as given, unaltered (for URIs); ``None`` when it is ``path`` itself."""

    @property
    def status(self) -> str:
        if self.fatal:
            return "unreadable"
        return "invalid" if any(f.severity is Severity.error for f in self.findings) else "valid"

    @property
    def raw_path(self) -> str:
        return self.path if self.source is None else self.source


def exit_code(results: Iterable[FileResult]) -> int:
    """0: no errors · 1: some file has errors · 2: some path is no response file at all."""
    statuses = {r.status for r in results}
    if "unreadable" in statuses:
        return 2
    return 1 if "invalid" in statuses else 0


def count(results: list[FileResult], severity: Severity | None = None, code: Code | None = None) -> int:
    """How many findings of ``severity`` (or ``code``) the results list."""
    return sum(1 for r in results for f in r.findings if (severity is None or f.severity is severity) and (code is None or f.code == code))
