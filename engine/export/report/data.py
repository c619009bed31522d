"""The general report as data: CSV (one row per State × item), JSON (the report's figures) and XLSX
(the figures, one sheet per cluster). Free text is never written, except the quoted "Other" texts in
JSON, redacted as in the HTML."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator

from engine.definition.loaded import Definition
from engine.export.report import words as w
from engine.export.report.view import ReportView
from engine.i18n import use
from engine.report.figures import COMPLETENESS_BINS, Report

CSV_COLUMNS = ("state", "questionnaire", "cluster", "item", "number", "instrument", "kind", "applies", "answered", "answer")
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_safe(text: str) -> str:
    """Text that a spreadsheet will not run as a formula (a leading ``'`` where it could)."""
    return "'" + text if text.startswith(_FORMULA_START) else text


def _answer(value: object) -> str:
    if value is True or value is None:
        return ""
    return value if isinstance(value, str) else ";".join(value)  # type: ignore[arg-type]


def rows(report: Report, definitions: dict[str, Definition]) -> Iterator[tuple[object, ...]]:
    """One row per State × answerable item of the questionnaires it answered (applicable or not)."""
    for record in report.responses:
        definition = definitions[record.questionnaire]
        cluster = definition.questionnaire.cluster
        for index, entry in enumerate(definition.entries.values()):
            if not entry.is_answerable:
                continue
            applies = bool(record.applies >> index & 1)
            value = record.answers.get(entry.id) if applies else None
            yield (
                record.state,
                record.questionnaire,
                cluster,
                entry.id,
                entry.number,
                entry.part.instrument.value,
                entry.kind.value,
                "true" if applies else "false",
                "true" if value is not None else "false",
                _answer(value),
            )


def as_csv(report: Report, definitions: dict[str, Definition]) -> bytes:
    """Comma-separated, UTF-8 with a byte-order mark (spreadsheets then read it as UTF-8); several
    options are joined by ``;``; a text answer shows as ``answered`` only."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    for row in rows(report, definitions):
        writer.writerow((spreadsheet_safe(str(row[0])), *row[1:]))
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def as_json(report: Report, view: ReportView, definitions: dict[str, Definition]) -> bytes:
    """The figures of the report, with the questionnaire texts and labels in the view's language."""
    with use(view.lang):
        data = _json_data(report, view, definitions)
    return (json.dumps(data, ensure_ascii=False, indent=1) + "\n").encode("utf-8")


def _label(definition: Definition, item: str, code: str) -> str:
    from engine.conditions.describe import value_label

    return value_label(definition.entries[item], code)


def _json_data(report: Report, view: ReportView, definitions: dict[str, Definition]) -> dict[str, object]:
    from engine.i18n import questionnaire_text

    lang = view.lang
    coverage = report.coverage
    return {
        "version": 1,
        "untoc": view.version,
        "language": lang,
        "named": report.named,
        "coverage": {
            "files_read": coverage.files_read,
            "files_reported": coverage.files_reported,
            "files_left_out": len(report.left_out),
            "states": coverage.states,
            "clusters": [
                {
                    "questionnaire": c.questionnaire,
                    "files": c.files,
                    "left_out": c.left_out,
                    "questions_expected": c.expected,
                    "questions_answered": c.answered,
                    "completeness": [
                        {"from": low, "below": high, "files": n} for (low, high), n in zip(COMPLETENESS_BINS, c.completeness, strict=True)
                    ],
                }
                for c in coverage.clusters
            ],
            "parties": coverage.parties,
            "no_protocol": coverage.no_protocol,
            "inconsistent_parties": coverage.inconsistent_parties,
        },
        "states": [
            {
                "state": s.label,
                "parties": sorted(s.parties),
                "uncac_party": s.uncac_party,
                "completeness": {q: round(p, 2) for q, p in s.completeness.items()},
            }
            for s in report.states
        ],
        "questions": [
            {
                "questionnaire": q.questionnaire,
                "item": q.item,
                "number": q.number,
                "text": questionnaire_text(definitions[q.questionnaire].entries[q.item].item.text, lang),
                "kind": q.kind,
                "applied": q.applied,
                "answered": q.answered,
                "unanswered": q.unanswered,
                "not_applied": q.not_applied,
                "counts": q.counts,
                "labels": {code: _label(definitions[q.questionnaire], q.item, code) for code in q.codes},
                "topic": q.topic,
            }
            for q in report.questions
        ],
        "lists": [
            {
                "topic": item.topic,
                "list": item.family,
                "instrument": item.instrument,
                "questions": [{"questionnaire": q, "item": i, "number": definitions[q].entries[i].number} for q, i in item.items],
                "applied": item.applied,
                "answered": item.answered,
                "options": [
                    {
                        "code": o.code,
                        "label": _label(definitions[item.items[0][0]], item.items[0][1], o.code),
                        "states": o.states,
                        "files": o.by_questionnaire,
                    }
                    for o in item.options
                ],
                "texts": [
                    {
                        "questionnaire": t.questionnaire,
                        "item": t.item,
                        "code": t.code,
                        "text": t.text,
                        **({"state": t.state} if t.state else {}),
                    }
                    for t in item.texts
                ],
            }
            for item in report.lists
        ],
        "difficulties": [
            {
                "questionnaire": c.questionnaire,
                "item": c.item,
                "number": c.number,
                "no": c.no,
                "partly": c.partly,
                "answered": c.answered,
                "applied": c.applied,
                "share": round(c.share, 4),
            }
            for c in report.concentrations
        ],
        "left_out": [
            {
                "file": item.label,
                "questionnaire": item.questionnaire or None,
                "reason": item.reason,
                "errors": [{"code": code, "number": number} for code, number in item.errors],
                **({"findings": [f.to_dict() for f in item.findings], "message": item.message} if report.named else {}),
            }
            for item in report.left_out
        ],
    }


_SHEET_FORBIDDEN = str.maketrans({c: " " for c in "[]:*?/\\"})


def _sheet_name(name: str, taken: set[str]) -> str:
    base = name.translate(_SHEET_FORBIDDEN).strip()[:31] or "Sheet"
    candidate, number = base, 2
    while candidate.casefold() in taken:
        suffix = f" ({number})"
        candidate, number = base[: 31 - len(suffix)] + suffix, number + 1
    taken.add(candidate.casefold())
    return candidate


def as_xlsx(report: Report, view: ReportView, definitions: dict[str, Definition]) -> bytes:
    """A workbook: the coverage, one sheet per cluster (every counted question, one row per answer),
    the ranked lists, the questions most often answered "No" or "Yes, in part", and the files left
    out. Numbers are numbers; every text is written as text, never as a formula."""
    import xlsxwriter

    buffer = io.BytesIO()
    workbook = xlsxwriter.Workbook(buffer, {"in_memory": True, "strings_to_formulas": False, "strings_to_urls": False})
    with use(view.lang):
        _Workbook(workbook, report, view, definitions).write()
    workbook.close()
    return buffer.getvalue()


class _Workbook:
    def __init__(self, workbook, report: Report, view: ReportView, definitions: dict[str, Definition]) -> None:  # type: ignore[no-untyped-def]
        self.workbook, self.report, self.view, self.definitions = workbook, report, view, definitions
        self.bold = workbook.add_format({"bold": True, "text_wrap": True, "valign": "top"})
        self.wrap = workbook.add_format({"text_wrap": True, "valign": "top"})
        self.percent = workbook.add_format({"num_format": "0%", "valign": "top"})
        self.taken: set[str] = set()

    def sheet(self, name: str, widths: list[int]):  # type: ignore[no-untyped-def]
        page = self.workbook.add_worksheet(_sheet_name(name, self.taken))
        if self.view.rtl:
            page.right_to_left()
        for column, width in enumerate(widths):
            page.set_column(column, column, width)
        return page

    def put(self, page, row: int, values: list[object], style=None) -> None:  # type: ignore[no-untyped-def]
        for column, value in enumerate(values):
            if isinstance(value, float) and 0 <= value <= 1 and style is None:
                page.write_number(row, column, value, self.percent)
            elif isinstance(value, (int, float)) and not isinstance(value, bool):
                page.write_number(row, column, value, style)
            else:
                page.write_string(row, column, spreadsheet_safe(str(value)), style or self.wrap)

    def write(self) -> None:
        self.coverage()
        for questionnaire in self.report.questionnaires:
            self.cluster(questionnaire)
        for topic, title in (("technical-assistance", w.assistance()), ("difficulties", w.difficulties_lists())):
            self.lists(topic, title)
        self.difficulties()
        self.left_out()

    def cluster_name(self, questionnaire: str) -> str:
        return w.cluster_number(self.definitions[questionnaire].questionnaire.cluster)

    def coverage(self) -> None:
        report, view = self.report, self.view
        page = self.sheet(w.coverage(), [34, 14, 14, 14, 14, 14])
        lines = [w.title(), w.prepared(view.version, view.date, view.files)]
        lines.append(w.named_warning() if report.named else w.anonymous_note(w.redaction_marker()))
        lines.append(view.coverage_summary)
        for row, line in enumerate(lines):
            self.put(page, row, [line], self.bold if row == 0 else self.wrap)
        clusters = report.coverage.clusters
        row = self.table(
            page,
            len(lines) + 1,
            [w.cluster(), w.reported_on(), w.left_out_column(), w.questions_answered()],
            [[self.cluster_name(c.questionnaire), c.files, c.left_out, c.answered / c.expected if c.expected else ""] for c in clusters],
        )
        row = self.table(
            page,
            row,
            [w.completeness(), *w.completeness_classes()],
            [[self.cluster_name(c.questionnaire), *c.completeness] for c in clusters],
        )
        treaties = w.treaty_names()
        counts = {**report.coverage.parties, "none": report.coverage.no_protocol}
        row = self.table(page, row, [w.treaty(), w.states()], [[treaties[key], count] for key, count in counts.items()])
        header = [w.state(), treaties["trafficking"], treaties["smuggling"], treaties["firearms"], treaties["uncac"]]
        header += [self.cluster_name(q) for q in report.questionnaires]
        states = [
            [
                state.label,
                *("✓" if p in state.parties else "" for p in ("trafficking", "smuggling", "firearms")),
                "✓" if state.uncac_party else "",
                *(state.completeness[q] / 100 if q in state.completeness else "" for q in report.questionnaires),
            ]
            for state in report.states
        ]
        self.table(page, row, header, states)

    def table(self, page, row: int, header: list[object], rows: list[list[object]]) -> int:  # type: ignore[no-untyped-def]
        """A header and its rows from ``row`` on; returns the row after them and a blank one."""
        self.put(page, row, header, self.bold)
        for offset, values in enumerate(rows, start=1):
            self.put(page, row + offset, values)
        return row + len(rows) + 2

    def cluster(self, questionnaire: str) -> None:
        from engine.conditions.describe import value_label
        from engine.export.document import Tr

        definition = self.definitions[questionnaire]
        model = definition.questionnaire
        page = self.sheet(self.cluster_name(questionnaire), [10, 60, 30, 10, 11, 11, 11, 11])
        header = [w.question(), "", w.answers(), w.states(), w.answered(), w.applied_to(), w.unanswered(), w.did_not_apply()]
        self.put(page, 0, [w.cluster_title(model.cluster, Tr(model.short_title, self.view.lang))], self.bold)
        self.put(page, 1, header, self.bold)
        page.freeze_panes(2, 0)
        row = 2
        lang = self.view.lang
        for figures in (q for q in self.report.questions if q.questionnaire == questionnaire):
            entry = definition.entries[figures.item]
            text = Tr(entry.item.text, lang)
            for code in figures.codes:
                values = [figures.counts[code], figures.answered, figures.applied, figures.unanswered, figures.not_applied]
                self.put(page, row, [entry.number, text, value_label(entry, code), *values])
                row += 1

    def lists(self, topic: str, title: str) -> None:
        from engine.conditions.describe import value_label

        chosen = [item for item in self.report.lists if item.topic == topic]
        if not chosen:
            return
        page = self.sheet(title, [8, 60, 10, 12, 12, 12, 12])
        row = 0
        for item in chosen:
            entries = [self.definitions[q].entries[i] for q, i in item.items]
            clusters = list(dict.fromkeys(q for q, _i in item.items))
            places = "; ".join(
                self.cluster_name(q) + " " + ", ".join(e.number for (q2, _i), e in zip(item.items, entries, strict=True) if q2 == q)
                for q in clusters
            )
            self.put(page, row, [w.instrument_heading(item.instrument) + " — " + w.questions_using(places)], self.bold)
            self.put(page, row + 1, [w.rank(), w.option(), w.states(), *(self.cluster_name(q) for q in clusters)], self.bold)
            for rank, option in enumerate(item.options, start=1):
                label = value_label(entries[0], option.code)
                self.put(page, row + 1 + rank, [rank, label, option.states, *(option.by_questionnaire.get(q, 0) for q in clusters)])
            row += len(item.options) + 3

    def difficulties(self) -> None:
        from engine.conditions.describe import scale_label
        from engine.export.document import Tr

        if not self.report.concentrations:
            return
        page = self.sheet(w.difficulties(), [8, 12, 10, 60, 10, 10, 10, 10])
        self.put(
            page, 0, [w.rank(), w.cluster(), w.question(), "", scale_label("no"), scale_label("partly"), w.answered(), w.share()], self.bold
        )
        for rank, c in enumerate(self.report.concentrations, start=1):
            text = Tr(self.definitions[c.questionnaire].entries[c.item].item.text, self.view.lang)
            self.put(page, rank, [rank, self.cluster_name(c.questionnaire), c.number, text, c.no, c.partly, c.answered, c.share])

    def left_out(self) -> None:
        page = self.sheet(w.left_out(), [30, 14, 40, 60])
        self.put(page, 0, [w.file(), w.cluster(), w.why(), w.errors()], self.bold)
        for row, item in enumerate(self.view.left_out, start=1):
            self.put(page, row, [item.label, item.cluster, item.why, "\n".join([item.errors, *item.details])])
