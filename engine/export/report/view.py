"""The general report laid out for reading, in one language: headings, figures (a chart and its
table), rows of bars. HTML and XLSX render this view; nothing here computes a figure."""

from __future__ import annotations

import datetime
from collections.abc import Callable
from dataclasses import dataclass, field

from babel.dates import format_date
from babel.numbers import format_decimal, format_percent

from engine import __version__
from engine.conditions.describe import scale_label
from engine.definition import registry
from engine.definition.index import Entry, excerpt
from engine.definition.loaded import Definition
from engine.definition.model import SCALE_VALUES, AnswerKind
from engine.export.document import RTL_LANGUAGES, Tr
from engine.export.report import words as w
from engine.export.report.charts import CYCLE, PALETTE, Series, stacked_bars
from engine.i18n import use
from engine.report.figures import COMPLETENESS_BINS, ListFigures, QuestionFigures, Report

DIFFICULTIES_SHOWN = 20
"""How many of the questions most often answered "No" or "Yes, in part" the report lists."""
COMPLETENESS_COLORS = ("#D55E00", "#E69F00", "#F0E442", "#56B4E9", "#0072B2")


@dataclass(slots=True)
class Text:
    """Questionnaire text as shown; ``fallback`` when it is the English source for want of a translation."""

    text: str
    fallback: bool = False

    def __str__(self) -> str:
        return self.text


@dataclass(slots=True)
class Figure:
    """A chart and, beside it, its numbers as a table (the chart's text alternative)."""

    anchor: str
    title: str
    svg: str
    columns: list[str]
    rows: list[list[object]]
    """Each row: a heading (text or :class:`Text`), then the cells."""
    notes: list[str] = field(default_factory=list)


@dataclass(slots=True)
class Segment:
    """A piece of a question's bar: its label, count and place in per cent of the bar."""

    label: object
    count: str
    color: str
    x: float
    width: float


@dataclass(slots=True)
class QuestionRow:
    number: str
    text: Text
    segments: list[Segment]
    applied: str
    not_applied: str
    several: bool = False
    """Several options may be chosen: one bar per option, each against the States that answered."""
    ranked_in: tuple[str, str] | None = None
    """(anchor, heading) of the section that ranks the options of its list."""


@dataclass(slots=True)
class SectionRows:
    heading: Text
    rows: list[QuestionRow]


@dataclass(slots=True)
class PartRows:
    title: Text
    sections: list[SectionRows]


@dataclass(slots=True)
class ClusterRows:
    anchor: str
    title: str
    parts: list[PartRows]


@dataclass(slots=True)
class Quote:
    """A text quoted once however many States wrote it: the clusters it came from, once per file,
    and (named report) the States."""

    clusters: list[str]
    text: str
    states: list[str]

    @property
    def count(self) -> int:
        return len(self.clusters)

    @property
    def where(self) -> str:
        return ", ".join(dict.fromkeys(self.clusters))


@dataclass(slots=True)
class ListView:
    anchor: str
    heading: str
    questions: str
    summary: str
    figure: Figure
    texts: list[tuple[object, list[Quote]]]


@dataclass(slots=True)
class LeftOutRow:
    label: str
    cluster: str
    why: str
    errors: str
    details: list[str]


@dataclass(slots=True)
class ReportView:
    lang: str
    named: bool
    date: str
    files: int
    coverage_summary: str
    coverage: list[Figure]
    inconsistent: str | None
    states: list[list[object]]
    state_columns: list[str]
    difficulties: Figure | None
    difficulties_total: int
    difficulty_lists: list[ListView]
    assistance: list[ListView]
    clusters: list[ClusterRows]
    left_out: list[LeftOutRow]
    fallback_count: int = 0
    version: str = __version__

    @property
    def rtl(self) -> bool:
        return self.lang in RTL_LANGUAGES

    @property
    def official(self) -> bool:
        return self.lang == "en"


class _Builder:
    def __init__(self, report: Report, lang: str, load: Callable[[str], Definition], charts: bool) -> None:
        self.report = report
        self.charts = charts
        self.lang = lang
        self.rtl = lang in RTL_LANGUAGES
        self.definitions = {q: load(q) for q in report.questionnaires}
        self.fallbacks: set[str] = set()

    # Formatting --------------------------------------------------------------------------------
    def number(self, value: int) -> str:
        return format_decimal(value, locale=self.lang)

    def percent(self, value: float) -> str:
        return format_percent(value, locale=self.lang)

    def text(self, source: str, limit: int | None = None) -> Text:
        translated = Tr(source, self.lang)
        if translated.fallback:
            self.fallbacks.add(source)
        return Text(excerpt(translated, limit) if limit else str(translated), translated.fallback)

    def roman(self, questionnaire: str) -> str:
        return self.definitions[questionnaire].questionnaire.cluster

    def label(self, entry: Entry, code: str) -> object:
        """An answer's label: the scale's words, or the option's text (marked when untranslated)."""
        if entry.kind in SCALE_VALUES:
            return scale_label(code)
        option = entry.option(code)
        return self.text(option.label) if option else code

    def chart(self, labels: list[object], values: list[list[float]], series: list[Series], percent: bool = False) -> str:
        if not self.charts or not labels:
            return ""
        return stacked_bars([str(label) for label in labels], values, series, rtl=self.rtl, percent=percent)

    # Sections ------------------------------------------------------------------------------------
    def coverage(self) -> list[Figure]:
        report = self.report
        clusters = report.coverage.clusters
        names = [
            w.cluster_number(self.roman(c.questionnaire)) if c.questionnaire in self.definitions else c.questionnaire for c in clusters
        ]
        files = Figure(
            "files",
            w.files_per_cluster(),
            self.chart(
                names,
                [[c.files, c.left_out] for c in clusters],
                [Series(w.reported_on(), PALETTE["main"]), Series(w.left_out_column(), PALETTE["left-out"])],
            ),
            [w.cluster(), w.reported_on(), w.left_out_column(), w.questions_answered()],
            [
                [name, self.number(c.files), self.number(c.left_out), self.percent(c.answered / c.expected) if c.expected else "—"]
                for name, c in zip(names, clusters, strict=True)
            ],
        )
        classes = w.completeness_classes()
        completeness = Figure(
            "completeness",
            w.completeness(),
            self.chart(
                names,
                [list(c.completeness) for c in clusters],
                [Series(label, color) for label, color in zip(classes, COMPLETENESS_COLORS, strict=True)],
            ),
            [w.cluster(), *classes],
            [[name, *(self.number(n) for n in c.completeness)] for name, c in zip(names, clusters, strict=True)],
            [w.completeness_intro()],
        )
        assert len(classes) == len(COMPLETENESS_BINS)
        treaties = w.treaty_names()
        counts = {**report.coverage.parties, "none": report.coverage.no_protocol}
        total = report.coverage.states or 1
        parties = Figure(
            "parties",
            w.parties(),
            self.chart([treaties[k] for k in counts], [[n] for n in counts.values()], [Series(w.states(), PALETTE["main"])]),
            [w.treaty(), w.states(), w.share_of_states()],
            [[treaties[k], self.number(n), self.percent(n / total)] for k, n in counts.items()],
            [w.parties_intro()],
        )
        return [files, completeness, parties]

    def states(self) -> tuple[list[str], list[list[object]]]:
        if not self.report.named:
            return [], []
        treaties = w.treaty_names()
        columns = [w.state(), treaties["trafficking"], treaties["smuggling"], treaties["firearms"], treaties["uncac"]]
        columns += [w.cluster_number(self.roman(q)) for q in self.report.questionnaires]
        rows: list[list[object]] = []
        for record in self.report.states:
            marks = ["✓" if p in record.parties else "" for p in ("trafficking", "smuggling", "firearms")]
            completeness = [
                self.percent(record.completeness[q] / 100) if q in record.completeness else "" for q in self.report.questionnaires
            ]
            rows.append([record.label, *marks, "✓" if record.uncac_party else "", *completeness])
        return columns, rows

    def difficulties(self) -> Figure | None:
        found = self.report.concentrations[:DIFFICULTIES_SHOWN]
        if not found:
            return None
        labels, rows = [], []
        for rank, c in enumerate(found, start=1):
            entry = self.definitions[c.questionnaire].entries[c.item]
            place = f"{self.roman(c.questionnaire)} {c.number}"
            text = self.text(entry.item.text, 90)
            labels.append(f"{place} {text}")
            rows.append(
                [self.number(rank), place, text, self.number(c.no), self.number(c.partly), self.number(c.answered), self.percent(c.share)]
            )
        series = [Series(scale_label("no"), PALETTE["no"]), Series(scale_label("partly"), PALETTE["partly"])]
        values = [[100 * c.no / c.answered, 100 * c.partly / c.answered] for c in found]
        return Figure(
            "difficult-questions",
            w.difficulties(),
            self.chart(labels, values, series, percent=True),
            [w.rank(), w.cluster(), w.question(), scale_label("no"), scale_label("partly"), w.answered(), w.share()],
            rows,
            [w.first_of(len(found), len(self.report.concentrations))] if len(self.report.concentrations) > len(found) else [],
        )

    def list_view(self, figures: ListFigures) -> ListView:
        first_questionnaire, first_item = figures.items[0]
        first = self.definitions[first_questionnaire].entries[first_item]
        entries = {(q, i): self.definitions[q].entries[i] for q, i in figures.items}
        labels = {}
        for entry in entries.values():
            for option in entry.options:
                labels.setdefault(option.code, self.text(option.label))
        clusters = list(dict.fromkeys(q for q, _i in figures.items))
        places = "; ".join(
            w.cluster_number(self.roman(q)) + " " + ", ".join(entries[(q2, i)].number for q2, i in figures.items if q2 == q)
            for q in clusters
        )
        rows = [
            [self.number(rank), labels[o.code], self.number(o.states), *(self.number(o.by_questionnaire.get(q, 0)) for q in clusters)]
            for rank, o in enumerate(figures.options, start=1)
        ]
        figure = Figure(
            f"list-{figures.family}",
            w.states_per_option(),
            self.chart(
                [labels[o.code] for o in figures.options], [[o.states] for o in figures.options], [Series(w.states(), PALETTE["main"])]
            ),
            [w.rank(), w.option(), w.states(), *(w.cluster_number(self.roman(q)) for q in clusters)],
            rows,
            [w.list_columns_note()],
        )
        texts: dict[str, dict[str, Quote]] = {}
        for quote in figures.texts:
            same = texts.setdefault(quote.code, {}).get(" ".join(quote.text.split()).casefold())
            cluster = w.cluster_number(self.roman(quote.questionnaire))
            if same is None:
                texts[quote.code][" ".join(quote.text.split()).casefold()] = Quote(
                    [cluster], quote.text, [quote.state] if quote.state else []
                )
                continue
            same.clusters.append(cluster)
            if quote.state:
                same.states.append(quote.state)
        heading = w.instrument_heading(first.part.instrument.value)
        root = first
        while root.parent is not None:
            root = root.parent
        wording = [str(self.text(e.item.text, 120)) for e in ([root] if root is first else [root, first])]
        questions = w.questions_using(places) + " " + " — ".join(wording)
        return ListView(
            f"list-{figures.family}",
            heading,
            questions,
            w.list_summary(figures.answered, figures.applied),
            figure,
            [(labels.get(code, code), list(quotes.values())) for code, quotes in texts.items()],
        )

    def clusters(self, anchors: dict[str, tuple[str, str]]) -> list[ClusterRows]:
        by_item = {(q.questionnaire, q.item): q for q in self.report.questions}
        out = []
        for questionnaire, definition in self.definitions.items():
            model = definition.questionnaire
            parts = []
            for part in model.parts:
                sections = []
                for section in part.sections:
                    rows = [
                        self.question_row(entry, by_item[(questionnaire, entry.id)], anchors)
                        for entry in definition.entries.values()
                        if entry.section is section and (questionnaire, entry.id) in by_item
                    ]
                    if rows:
                        sections.append(SectionRows(self.text(section.heading), rows))
                if sections:
                    parts.append(PartRows(self.text(part.title), sections))
            out.append(ClusterRows(questionnaire, w.cluster_title(model.cluster, str(self.text(model.short_title))), parts))
        return out

    def question_row(self, entry: Entry, figures: QuestionFigures, anchors: dict[str, tuple[str, str]]) -> QuestionRow:
        row = QuestionRow(
            entry.number,
            self.text(entry.item.text, 160),
            [],
            self.number(figures.applied),
            self.number(figures.not_applied),
            several=entry.kind is AnswerKind.choices,
        )
        if figures.topic is not None:
            row.ranked_in = anchors.get(figures.topic)
        if row.several:
            scale = figures.answered or 1
            for index, code in enumerate(figures.codes):
                count = figures.counts[code]
                row.segments.append(Segment(self.label(entry, code), self.number(count), CYCLE[index % len(CYCLE)], 0, 100 * count / scale))
            return row
        scale = figures.applied or 1
        start = 0.0
        pieces = [(code, figures.counts[code]) for code in figures.codes] + [("unanswered", figures.unanswered)]
        for index, (code, count) in enumerate(pieces):
            if code == "unanswered":
                label, color = w.unanswered(), PALETTE["unanswered"]
            else:
                label = self.label(entry, code)
                color = PALETTE.get(code, CYCLE[index % len(CYCLE)]) if entry.kind in SCALE_VALUES else CYCLE[index % len(CYCLE)]
            width = 100 * count / scale
            x = 100 - start - width if self.rtl else start
            if count or code != "unanswered":
                row.segments.append(Segment(label, self.number(count), color, x, width))
            start += width
        return row

    def left_out(self) -> list[LeftOutRow]:
        reasons = w.reasons()
        rows = []
        for item in self.report.left_out:
            cluster = (
                w.cluster_number(self.roman(item.questionnaire))
                if item.questionnaire in self.definitions
                else (w.cluster_number(registry.load(item.questionnaire).questionnaire.cluster) if item.questionnaire else "—")
            )
            errors = "; ".join(f"{code} ({number})" if number else code for code, number in item.errors)
            details = [f"{f.line}:{f.column}: {f.message}" for f in item.findings] + ([item.message] if item.message else [])
            rows.append(LeftOutRow(item.label, cluster, reasons[item.reason], errors, details))
        return rows


def build_view(
    report: Report,
    lang: str,
    today: datetime.date | None = None,
    load: Callable[[str], Definition] = registry.load,
    charts: bool = True,
) -> ReportView:
    """The report in ``lang``, ready to be laid out (without drawing the charts unless ``charts``)."""
    with use(lang):
        builder = _Builder(report, lang, load, charts)
        lists = {figures.family: builder.list_view(figures) for figures in report.lists}
        topics = {figures.family: figures.topic for figures in report.lists}
        anchors = {
            "technical-assistance": ("assistance", w.assistance()),
            "difficulties": ("difficulty-lists", w.difficulties_lists()),
        }
        columns, states = builder.states()
        view = ReportView(
            lang=lang,
            named=report.named,
            date=format_date(today or datetime.date.today(), format="long", locale=lang),
            files=report.coverage.files_read,
            coverage_summary=w.coverage_summary(
                report.coverage.files_read, report.coverage.files_reported, report.coverage.states, len(report.left_out)
            ),
            coverage=builder.coverage(),
            inconsistent=w.inconsistent(report.coverage.inconsistent_parties) if report.coverage.inconsistent_parties else None,
            states=states,
            state_columns=columns,
            difficulties=builder.difficulties(),
            difficulties_total=len(report.concentrations),
            difficulty_lists=[v for family, v in lists.items() if topics[family] == "difficulties"],
            assistance=[v for family, v in lists.items() if topics[family] == "technical-assistance"],
            clusters=builder.clusters(anchors),
            left_out=builder.left_out(),
        )
        view.fallback_count = len(builder.fallbacks)
        return view
