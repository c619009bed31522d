"""Put the parts together: the base's answers, updated by what each contributor changed.

For each question, an answer in a part that differs from the base's is a change by that part. One
change, or the same change made by several parts, is taken. Different changes to the same question
are a conflict: the base's answer stays (or none), and a finding names both files and both answers,
for the focal point to decide — or ``prefer`` names the files whose answers win, in order. A part
that left empty a question the base answers does not clear it (a warning says so). Nothing else is
dropped: answers to ids the questionnaire does not know are merged like the others.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass, field

from engine.consultation.records import answered, same, show
from engine.consultation.source import Source
from engine.definition.index import excerpt
from engine.definition.loaded import Definition
from engine.i18n import _, current_language, questionnaire_text
from engine.responses.writer import Document, Record
from engine.validation.findings import Finding, Severity
from engine.validation.sanitize import clean


class MergeError(Exception):
    """A part that cannot be merged into the base at all (another questionnaire, another State)."""

    def __init__(self, source: Source, key: str, message: str) -> None:
        super().__init__(message)
        self.source, self.key, self.message = source, key, message


@dataclass(slots=True)
class Merged:
    """The merged document and what the merge found."""

    document: Document
    findings: list[Finding] = field(default_factory=list)
    taken: int = 0
    """Answers taken from the parts."""
    conflicts: int = 0
    """Questions left for the focal point to decide."""
    resolved: int = 0
    """Conflicts decided by ``prefer``."""


class _Report:
    def __init__(self, definition: Definition) -> None:
        self.definition = definition
        self.findings: list[Finding] = []

    def add(self, source: Source, key: str, severity: Severity, code: str, message: str, item: str | None = None) -> None:
        entry = self.definition.entries.get(item) if item else None
        line, column = source.where(key)
        self.findings.append(
            Finding(
                path=source.path,
                line=line,
                column=column,
                severity=severity,
                code=code,
                message=message,
                item=clean(item) if item else None,
                number=entry.number if entry else None,
                excerpt=excerpt(questionnaire_text(entry.item.text, current_language())) if entry else None,
            )
        )


def _norm(text: str) -> str:
    return " ".join(text.split()).casefold()


def check_header(base: Source, part: Source, report: _Report) -> None:
    """Refuse a part of another questionnaire or State; warn when the rest of the header differs."""
    one, other = base.document, part.document
    if one.questionnaire != other.questionnaire:
        raise MergeError(
            part,
            "questionnaire",
            _("this file answers {other}, but {base} answers {questionnaire}: it cannot be merged").format(
                other=clean(other.questionnaire), base=base.path, questionnaire=clean(one.questionnaire)
            ),
        )
    if _norm(one.state) != _norm(other.state):
        raise MergeError(
            part,
            "state",
            _("this file answers for {other}, but {base} for {state}: it cannot be merged").format(
                other=clean(other.state), base=base.path, state=clean(one.state)
            ),
        )
    differs = [
        name
        for name, mine, theirs in (
            ("language", one.language, other.language),
            ("parties", sorted(one.parties), sorted(other.parties)),
            ("uncac_party", one.uncac_party, other.uncac_party),
        )
        if mine != theirs
    ]
    if differs:
        report.add(
            part,
            "questionnaire",
            Severity.warning,
            "header-differs",
            _("{keys} differ from {base}; the base's are kept").format(keys=", ".join(differs), base=base.path),
        )


def merge(definition: Definition, base: Source, parts: list[Source], prefer: list[Source] = ()) -> Merged:  # type: ignore[assignment]
    """Merge ``parts`` into ``base``; :class:`MergeError` for a part of another questionnaire or State."""
    report = _Report(definition)
    for part in parts:
        check_header(base, part, report)
    result = Merged(copy.deepcopy(base.document))
    rank = {item_id: i for i, item_id in enumerate(definition.entries)}
    ids = {item_id for source in (base, *parts) for item_id in source.document.answers}
    for item_id in sorted(ids, key=lambda i: rank.get(i, len(rank))):
        _merge_item(item_id, base, parts, list(prefer), result, report)
    result.findings = report.findings
    return result


def _merge_item(item_id: str, base: Source, parts: list[Source], prefer: list[Source], result: Merged, report: _Report) -> None:
    entry = report.definition.entries.get(item_id)
    number = entry.number if entry else clean(item_id)
    mine = base.document.answers.get(item_id)
    changes: list[tuple[Source, Record]] = []
    for part in parts:
        theirs = part.document.answers.get(item_id)
        if theirs is None:
            continue
        if not answered(theirs):
            if answered(mine):
                report.add(
                    part,
                    item_id,
                    Severity.warning,
                    "answer-emptied",
                    _(
                        "{number} is left empty here but answered in {base}; the base's answer is kept (delete it there if it should go)"
                    ).format(number=number, base=base.path),
                    item_id,
                )
            continue
        if not answered(mine) or not same(theirs, mine):
            changes.append((part, theirs))
    if not changes:
        return
    distinct: list[tuple[Source, Record]] = []
    for source, record in changes:
        if not any(same(record, other) for _source, other in distinct):
            distinct.append((source, record))
    if len(distinct) == 1:
        result.document.answers[item_id] = _taken(distinct[0][1], [r for _s, r in changes])
        result.taken += 1
        return
    winner = next((p for p in prefer if p is base or any(source is p for source, _r in distinct)), None)
    if winner is base:
        result.resolved += 1
        _conflict(report, item_id, number, distinct, base, mine, resolved_by=base)
        return
    if winner is not None:
        chosen = next(record for source, record in distinct if source is winner)
        result.document.answers[item_id] = _taken(chosen, [r for _s, r in changes if same(r, chosen)])
        result.taken += 1
        result.resolved += 1
        _conflict(report, item_id, number, distinct, base, mine, resolved_by=winner)
        return
    result.conflicts += 1
    _conflict(report, item_id, number, distinct, base, mine)


def _taken(record: Record, equals: list[Record]) -> Record:
    """``record``, credited to everyone who gave that answer."""
    taken = copy.deepcopy(record)
    names: list[str] = []
    for other in equals:
        if other.contributor and other.contributor.strip() and other.contributor.strip() not in names:
            names.append(other.contributor.strip())
    taken.contributor = ", ".join(names) or None
    return taken


def _conflict(
    report: _Report,
    item_id: str,
    number: str,
    distinct: list[tuple[Source, Record]],
    base: Source,
    mine: Record | None,
    resolved_by: Source | None = None,
) -> None:
    entry = report.definition.entries.get(item_id)
    answers = _("; ").join(
        _("{file}{line}{who} says {answer}").format(
            file=source.path,
            line=_line(source, item_id),
            who=f" ({clean(record.contributor)})" if record.contributor else "",
            answer=show(entry, record, contributor=False),
        )
        for source, record in distinct
    )
    if resolved_by is None:
        kept = (
            _("The merged file keeps the answer of {base} ({answer})").format(base=base.path, answer=show(entry, mine, contributor=False))
            if answered(mine)
            else _("The merged file leaves it unanswered")
        )
        message = _(
            "{number} is answered differently: {answers}. {kept}: choose one and edit the merged file, or merge again with --prefer FILE"
        ).format(number=number, answers=answers, kept=kept)
        report.add(distinct[-1][0], item_id, Severity.error, "merge-conflict", message, item_id)
        return
    message = _("{number} is answered differently: {answers}. {file} is preferred (--prefer), so its answer is taken").format(
        number=number, answers=answers, file=resolved_by.path
    )
    report.add(distinct[-1][0], item_id, Severity.warning, "conflict-resolved", message, item_id)


def _line(source: Source, item_id: str) -> str:
    line, _column = source.where(item_id)
    return f":{line}" if line else ""
