"""Findings: what the validator reports, located in the response file."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from enum import StrEnum


class Severity(StrEnum):
    error = "error"
    warning = "warning"
    info = "info"


@dataclass(frozen=True, slots=True)
class Finding:
    """One problem of a response file, at a line and column, about an item or the file."""

    path: str
    line: int
    column: int
    severity: Severity
    code: str
    """A stable, machine-readable kind: ``unknown-question``, ``not-applicable`` …"""
    message: str
    item: str | None = None
    """The question id (``3.a``) the finding is about, if any."""
    number: str | None = None
    """The question number as printed (``3 (a)``)."""
    excerpt: str | None = None
    """A short excerpt of the question's text."""

    def sort_key(self) -> tuple[int, int, str]:
        return (self.line, self.column, self.code)

    def to_dict(self) -> dict[str, object]:
        data = asdict(self)
        data["severity"] = self.severity.value
        return data
