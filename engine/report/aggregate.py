"""Turn the summaries of many response files into the figures of the general report."""

from __future__ import annotations

import random
from collections import Counter
from collections.abc import Callable

from engine.definition import registry
from engine.definition.index import Entry
from engine.definition.loaded import Definition
from engine.definition.model import SCALE_VALUES, AnswerKind
from engine.report.collect import FileSummary
from engine.report.figures import (
    ClusterCoverage,
    Concentration,
    Coverage,
    LeftOut,
    ListFigures,
    QuestionFigures,
    QuotedText,
    RankedOption,
    Report,
    ResponseRecord,
    StateRecord,
    completeness_bin,
)
from engine.report.redact import Redactor, anonymous_labels, state_key
from engine.validation.findings import Severity

PROTOCOLS = ("trafficking", "smuggling", "firearms")
COUNTED_KINDS = frozenset({*SCALE_VALUES, AnswerKind.choice, AnswerKind.choices})
"""Items whose answers are codes, and so can be counted."""


def aggregate(
    summaries: list[FileSummary],
    named: bool = False,
    marker: str = "[State]",
    rng: random.Random | None = None,
    load: Callable[[str], Definition] = registry.load,
) -> Report:
    """The report's figures. Anonymous unless ``named``: States get random labels, and quoted texts
    have every State name of the files replaced by ``marker``. The first file (in the given order)
    of a State for a questionnaire counts; a further one is left out."""
    kept, left_out = _partition(summaries, named)
    questionnaires = [q for q in registry.available() if any(s.questionnaire == q for s in kept)]
    definitions = {q: load(q) for q in questionnaires}
    if named:
        labels = {state_key(s.state): s.state for s in reversed(kept)}  # the first spelling
    else:
        labels = anonymous_labels((state_key(s.state) for s in kept), rng)
    redact = None if named else Redactor([s.state for s in summaries], marker)
    states = _states(kept, labels)
    questions = [figures for q in questionnaires for figures in _questions(definitions[q], [s for s in kept if s.questionnaire == q])]
    return Report(
        named=named,
        coverage=_coverage(summaries, kept, left_out, states, questionnaires),
        states=sorted(states.values(), key=lambda s: s.label.casefold()),
        questions=questions,
        lists=_lists(definitions, kept, labels, redact, named),
        concentrations=_concentrations(definitions, questions),
        left_out=left_out,
        responses=sorted(
            (ResponseRecord(labels[state_key(s.state)], s.questionnaire, s.applies, s.answers) for s in kept),
            key=lambda r: (questionnaires.index(r.questionnaire), r.state.casefold()),
        ),
        questionnaires=questionnaires,
    )


def repeated(summaries: list[FileSummary]) -> dict[int, FileSummary]:
    """Files that answer a questionnaire already answered for the same State by an earlier file:
    their index → that earlier file."""
    first: dict[tuple[str, str], FileSummary] = {}
    found: dict[int, FileSummary] = {}
    for index, summary in enumerate(summaries):
        if summary.left_out is None:
            key = (state_key(summary.state), summary.questionnaire)
            if key in first:
                found[index] = first[key]
            else:
                first[key] = summary
    return found


def _partition(summaries: list[FileSummary], named: bool) -> tuple[list[FileSummary], list[LeftOut]]:
    kept: list[FileSummary] = []
    left_out: list[LeftOut] = []
    duplicates = repeated(summaries)
    for index, summary in enumerate(summaries):
        label = summary.path if named else str(len(left_out) + 1)
        if summary.left_out is not None:
            result = summary.left_out
            errors = [f for f in result.findings if f.severity is Severity.error]
            left_out.append(
                LeftOut(
                    label,
                    summary.questionnaire,
                    "unreadable" if result.fatal else "errors",
                    errors=[(f.code, f.number) for f in errors],
                    findings=errors if named else [],
                    message=(result.fatal or "") if named else "",
                )
            )
            continue
        if index in duplicates:
            left_out.append(LeftOut(label, summary.questionnaire, "duplicate"))
            continue
        kept.append(summary)
    return kept, left_out


def _percent(summary: FileSummary) -> float:
    if not summary.expected:
        return 100.0
    return 100.0 * (summary.expected - summary.unanswered) / summary.expected


def _states(kept: list[FileSummary], labels: dict[str, str]) -> dict[str, StateRecord]:
    states: dict[str, StateRecord] = {}
    for summary in kept:
        key = state_key(summary.state)
        record = states.get(key)
        if record is None:
            record = states[key] = StateRecord(labels[key], summary.parties, summary.uncac_party)
            record.completeness[summary.questionnaire] = _percent(summary)
            continue
        record.completeness[summary.questionnaire] = _percent(summary)
        if record.parties != summary.parties or record.uncac_party != summary.uncac_party:
            record.consistent = False
        record.parties = record.parties | summary.parties
        record.uncac_party = record.uncac_party or summary.uncac_party
    return states


def _coverage(
    summaries: list[FileSummary],
    kept: list[FileSummary],
    left_out: list[LeftOut],
    states: dict[str, StateRecord],
    questionnaires: list[str],
) -> Coverage:
    clusters = {q: ClusterCoverage(q) for q in registry.available()}
    for summary in kept:
        cluster = clusters[summary.questionnaire]
        cluster.files += 1
        cluster.completeness[completeness_bin(_percent(summary))] += 1
        cluster.expected += summary.expected
        cluster.answered += summary.expected - summary.unanswered
    for item in left_out:
        if item.questionnaire in clusters:
            clusters[item.questionnaire].left_out += 1
    records = states.values()
    parties = {p: sum(1 for s in records if p in s.parties) for p in PROTOCOLS}
    parties["uncac"] = sum(1 for s in records if s.uncac_party)
    return Coverage(
        files_read=len(summaries),
        files_reported=len(kept),
        states=len(states),
        clusters=[c for c in clusters.values() if c.files or c.left_out],
        parties=parties,
        no_protocol=sum(1 for s in records if not s.parties & set(PROTOCOLS)),
        inconsistent_parties=sum(1 for s in records if not s.consistent),
    )


def _questions(definition: Definition, files: list[FileSummary]) -> list[QuestionFigures]:
    counted = [(index, entry) for index, entry in enumerate(definition.entries.values()) if entry.kind in COUNTED_KINDS]
    figures = {
        entry.id: QuestionFigures(
            definition.id,
            entry.id,
            entry.number,
            entry.kind.value,
            entry.values,
            dict.fromkeys(entry.values, 0),
            0,
            0,
            len(files),
            (definition.list_topic(entry) or (None,))[0],
        )
        for _index, entry in counted
    }
    for summary in files:
        for index, entry in counted:
            if not summary.applies >> index & 1:
                continue
            record = figures[entry.id]
            record.applied += 1
            value = summary.answers.get(entry.id)
            if value is None:
                continue
            record.answered += 1
            for code in [value] if isinstance(value, str) else value:  # type: ignore[union-attr]
                record.counts[code] += 1
    return list(figures.values())


class _ListTally:
    """Running counts of one topical list while the files are read."""

    def __init__(self, topic: str, family: str, entry: Entry) -> None:
        self.topic, self.family, self.instrument = topic, family, entry.part.instrument.value
        self.items: list[tuple[str, str]] = []
        self.codes: dict[str, None] = {}
        self.applied: set[str] = set()
        self.answered: set[str] = set()
        self.states: dict[str, set[str]] = {}
        self.by_questionnaire: dict[str, Counter[str]] = {}
        self.texts: list[QuotedText] = []

    def figures(self, order: list[str]) -> ListFigures:
        codes = list(self.codes)
        options = [RankedOption(code, len(self.states.get(code, ())), dict(self.by_questionnaire.get(code, {}))) for code in codes]
        options.sort(key=lambda o: (-o.states, codes.index(o.code)))
        texts = sorted(self.texts, key=lambda t: (order.index(t.questionnaire), codes.index(t.code), t.text.casefold()))
        return ListFigures(self.topic, self.family, self.instrument, self.items, len(self.applied), len(self.answered), options, texts)


def _lists(
    definitions: dict[str, Definition], kept: list[FileSummary], labels: dict[str, str], redact: Redactor | None, named: bool
) -> list[ListFigures]:
    tallies: dict[str, _ListTally] = {}
    order = list(definitions)
    for questionnaire, definition in definitions.items():
        topical = []
        for index, entry in enumerate(definition.entries.values()):
            topic = definition.list_topic(entry)
            if topic is None:
                continue
            tally = tallies.get(topic[1]) or tallies.setdefault(topic[1], _ListTally(topic[0], topic[1], entry))
            tally.items.append((questionnaire, entry.id))
            tally.codes.update(dict.fromkeys(entry.values))
            topical.append((index, entry, tally))
        for summary in (s for s in kept if s.questionnaire == questionnaire):
            key = state_key(summary.state)
            for index, entry, tally in topical:
                if not summary.applies >> index & 1:
                    continue
                tally.applied.add(key)
                value = summary.answers.get(entry.id)
                if not value:
                    continue
                tally.answered.add(key)
                for code in [value] if isinstance(value, str) else value:  # type: ignore[union-attr]
                    tally.states.setdefault(code, set()).add(key)
                    tally.by_questionnaire.setdefault(code, Counter())[questionnaire] += 1
                for code, text in summary.texts.get(entry.id, {}).items():
                    quoted = text if redact is None else redact(text)
                    tally.texts.append(QuotedText(questionnaire, entry.id, code, quoted, labels[key] if named else None))
    return [tally.figures(order) for tally in tallies.values()]


def _concentrations(definitions: dict[str, Definition], questions: list[QuestionFigures]) -> list[Concentration]:
    """Questions of the articles answered "No" or "Yes, in part", most often first (by share of the answers)."""
    found = []
    for figures in questions:
        entry = definitions[figures.questionnaire].entries[figures.item]
        if entry.section.kind != "article" or entry.kind not in SCALE_VALUES or "no" not in entry.values:
            continue
        no, partly = figures.counts.get("no", 0), figures.counts.get("partly", 0)
        if no + partly:
            found.append(Concentration(figures.questionnaire, figures.item, figures.number, no, partly, figures.answered, figures.applied))
    order = list(definitions)
    found.sort(
        key=lambda c: (-c.share, -(c.no + c.partly), order.index(c.questionnaire), definitions[c.questionnaire].entries[c.item].order)
    )
    return found
