"""SARIF 2.1.0 logs of validation results.

Rules come from the catalogue of finding codes (:mod:`engine.validation.codes`): the id is the
stable code, the name its PascalCase form, with the title and description as short and full
descriptions. Paths become percent-encoded URIs: relative ones against ``%SRCROOT%`` (the
current folder, given in ``originalUriBaseIds``), absolute ones as ``file:`` URIs. Columns
count characters (``unicodeCodePoints``), as every untoc position does.
"""

from __future__ import annotations

import contextlib
import os
from pathlib import Path
from urllib.parse import quote

from engine import HOME_PAGE, __version__
from engine.i18n import _
from engine.validation.codes import Code
from engine.validation.findings import Severity
from engine.validation.results import FileResult

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
SRCROOT = "%SRCROOT%"
LEVELS = {Severity.error: "error", Severity.warning: "warning", Severity.info: "note"}
RULES_URI = HOME_PAGE + "/blob/main/docs/responses.md#finding-codes"


def rule_name(code: Code) -> str:
    """``unknown-question`` → ``UnknownQuestion``."""
    return "".join(part.capitalize() for part in code.split("-"))


def rule(code: Code) -> dict[str, object]:
    return {
        "id": str(code),
        "name": rule_name(code),
        "shortDescription": {"text": _(code.title)},
        "fullDescription": {"text": _(code.description)},
        "helpUri": RULES_URI,
        "defaultConfiguration": {"level": LEVELS[code.severity]},
    }


def _uri_text(path: str) -> str:
    data = os.fsencode(path)
    if os.sep != "/":
        data = data.replace(os.sep.encode(), b"/")
    return quote(data, safe="/")


def artifact_location(path: str) -> dict[str, str]:
    """A file's location: a relative reference against ``%SRCROOT%``, or an absolute ``file:`` URI."""
    if os.path.isabs(path):
        return {"uri": "file://" + _uri_text(path)}
    return {"uri": _uri_text(path), "uriBaseId": SRCROOT}


def _result(code: Code, severity: Severity, message: str, location: dict[str, str], line: int, column: int) -> dict[str, object]:
    return {
        "ruleId": str(code),
        "ruleIndex": INDEX[code],
        "level": LEVELS[severity],
        "message": {"text": message},
        "locations": [{"physicalLocation": {"artifactLocation": location, "region": {"startLine": line, "startColumn": column}}}],
    }


def sarif_log(results: list[FileResult]) -> dict[str, object]:
    """The SARIF document of ``results``: one run, every rule of the catalogue."""
    entries: list[dict[str, object]] = []
    for result in results:
        location = artifact_location(result.raw_path)
        if result.fatal:
            entries.append(_result(Code.unreadable, Severity.error, result.fatal, location, result.fatal_line, result.fatal_column))
            continue
        for finding in result.findings:
            entry = _result(Code(finding.code), finding.severity, finding.message, location, finding.line, finding.column)
            if finding.item:
                entry["properties"] = {"question": finding.item}
            entries.append(entry)
    run: dict[str, object] = {
        "tool": {
            "driver": {
                "name": "untoc",
                "version": __version__,
                "informationUri": HOME_PAGE,
                "rules": [rule(code) for code in Code],
            }
        },
        "columnKind": "unicodeCodePoints",
        "results": entries,
    }
    with contextlib.suppress(OSError):  # without a current folder, relative URIs keep their base id alone
        run["originalUriBaseIds"] = {SRCROOT: {"uri": Path.cwd().as_uri().rstrip("/") + "/"}}
    return {"$schema": SCHEMA, "version": "2.1.0", "runs": [run]}


INDEX = {code: index for index, code in enumerate(Code)}
