"""What the terminal is told about files the report leaves out: each with its findings."""

from __future__ import annotations

from engine.i18n import _
from engine.report.aggregate import repeated
from engine.report.collect import FileSummary
from engine.validation.findings import Severity
from engine.validation.report import FileResult, as_text


def left_out_lines(summaries: list[FileSummary]) -> list[str]:
    """The errors of the files that have some (located, as ``untoc validate`` prints them), why
    unreadable files could not be read, and which files repeat another of the same State and cluster."""
    lines: list[str] = []
    duplicates = repeated(summaries)
    for index, summary in enumerate(summaries):
        result = summary.left_out
        if result is not None:
            errors = FileResult(
                result.path,
                [f for f in result.findings if f.severity is Severity.error],
                result.fatal,
                result.fatal_line,
                result.fatal_column,
            )
            lines += as_text([errors]).splitlines()[:-1]  # without the one-file summary line
        elif index in duplicates:
            lines.append(
                _("{path}: warning: {other} already answers {questionnaire} for the same State; this file is left out").format(
                    path=summary.path, other=duplicates[index].path, questionnaire=summary.questionnaire
                )
            )
    return lines
