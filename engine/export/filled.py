"""The printable structure of a filled questionnaire: every question that applies, with its answer.

Each question shows all its options, ticked ☒ or not ☐, as in the source; text answers and
comments keep their paragraphs; questions that do not apply are counted and named, parts and
sections left out say why; the validator's findings close the document, by question. Whether a
question counts is the engine's one definition (:mod:`engine.conditions.completeness`): an
unanswered question leaves its follow-ups pending, not excluded.
"""

from __future__ import annotations

import datetime
import hashlib
from dataclasses import dataclass, field

from engine.conditions.completeness import Assessment, assess, waiting_on
from engine.conditions.describe import describe, instrument_name, joined, scale_label, value_label
from engine.conditions.evaluate import Facts, holds
from engine.conditions.resolve import Condition, Not
from engine.definition.index import Entry
from engine.definition.loaded import Definition
from engine.definition.model import SCALE_VALUES, AnswerKind, Part, Section
from engine.export import chrome
from engine.export.document import Localized, Note, Tr, format_long_date, notes_of, section_anchor
from engine.export.text import document_text, paragraphs
from engine.i18n import DEFAULT_LANGUAGE, LANGUAGES, use
from engine.i18n.display import language_name
from engine.responses.model import Answer, Response
from engine.validation.findings import Finding, Severity


@dataclass(slots=True)
class Choice:
    """One option of a question as printed in a filled document: ticked or not, with what the State specified."""

    label: str
    ticked: bool
    detail: list[str] = field(default_factory=list)
    """Paragraphs of the text given for this option (``other``, ``details``)."""

    @property
    def box(self) -> str:
        return "☒" if self.ticked else "☐"

    @property
    def line(self) -> str:
        return f"{self.box} {self.label}"


@dataclass(slots=True)
class FilledItem:
    id: str
    number: str
    text: Tr
    depth: int = 0
    stem: bool = False
    """No answer of its own: its sub-items carry the answers."""
    inline: bool = False
    """A Yes/No scale: the choices print on one line."""
    choices: list[Choice] = field(default_factory=list)
    text_answer: list[str] = field(default_factory=list)
    """Paragraphs of a free-text answer."""
    legislation: list[str] = field(default_factory=list)
    links: list[str] = field(default_factory=list)
    comment: list[str] = field(default_factory=list)
    """Paragraphs of the comment."""
    answered: bool = False
    waiting_on: str = ""
    """For a pending question: the unanswered questions that decide whether it applies (``3 or 3 (a)``)."""
    flagged: bool = False
    """The validator has errors or warnings about it (listed at the end)."""
    footnotes: list[Note] = field(default_factory=list)

    @property
    def unanswered(self) -> bool:
        return not self.stem and not self.answered


@dataclass(slots=True)
class FilledSection:
    heading: Tr
    items: list[FilledItem]
    skipped: list[str] = field(default_factory=list)
    """Numbers of the questions left out because the answers rule them out."""
    not_reviewed: str = ""
    """Why the whole section is left out, when it is."""
    anchor: str = ""
    footnotes: list[Note] = field(default_factory=list)
    """The heading's footnotes."""

    def all_footnotes(self) -> list[Note]:
        return [*self.footnotes, *(n for item in self.items for n in item.footnotes)]


@dataclass(slots=True)
class FilledPart:
    title: Tr
    heading: Tr
    sections: list[FilledSection]
    not_reviewed: str = ""
    """Why the whole part is left out, when it is."""

    @property
    def applies(self) -> bool:
        return not self.not_reviewed


@dataclass(slots=True)
class FindingLine:
    severity: str
    """``error`` or ``warning``."""
    message: str


@dataclass(slots=True)
class FindingGroup:
    """The findings about one question (``item`` is its id, ``None`` for the file as a whole)."""

    item: str | None
    number: str
    lines: list[FindingLine]


@dataclass(slots=True)
class FilledDocument(Localized):
    title: Tr
    state: str
    cluster: str
    parties: list[str]
    uncac_party: bool
    language: str
    answered: int
    applicable: int
    errors: int
    parts: list[FilledPart]
    lang: str = DEFAULT_LANGUAGE
    """The document's language (chrome and questionnaire text); ``language`` is the answers'."""
    date: str = ""
    protocols: list[str] = field(default_factory=list)
    """The Protocols the State is party to, named in the document's language."""
    answers_language: str = ""
    """The language of the answers, named in the document's language."""
    marking: str = ""
    """The protective marking printed on every page (“Confidential — draft for clearance”); empty for none."""
    revision: str = ""
    """A short hash of the response file's content: which version of the answers this document shows."""
    findings: list[FindingGroup] = field(default_factory=list)
    warnings: int = 0
    contributors: list[tuple[str, list[str]]] = field(default_factory=list)
    """Who answered what (the answers' ``contributor``): each name with the numbers of its questions shown."""

    @property
    def fallback_count(self) -> int:
        texts = [self.title, *(t for p in self.parts for t in (p.title, p.heading))]
        texts += [t for p in self.parts for s in p.sections for t in (s.heading, *(i.text for i in s.items))]
        return sum(1 for t in texts if t.fallback)

    def contents(self) -> list[tuple[int, str, Tr | str]]:
        """The table of contents: ``(level, anchor, heading)`` of the parts, their sections and the findings."""
        entries: list[tuple[int, str, Tr | str]] = []
        for index, part in enumerate(self.parts, start=1):
            entries.append((1, f"part-{index}", part.title))
            entries.extend((2, section.anchor, section.heading) for section in part.sections)
        entries.append((1, "findings", chrome.findings_heading()))
        return entries


def document_language(response: Response, lang: str | None) -> str:
    """``lang`` if given, else the language of the answers when it is one of the six, else English."""
    if lang in LANGUAGES:
        return lang  # type: ignore[return-value]
    answers = str(response.language.value) if response.language else ""
    return answers if answers in LANGUAGES else DEFAULT_LANGUAGE


def revision_of(response: Response) -> str:
    """The first 12 hex digits of the SHA-256 of the response file, or ``""`` when it cannot be read."""
    try:
        return hashlib.sha256(response.path.read_bytes()).hexdigest()[:12]
    except OSError:
        return ""


def build_filled(
    definition: Definition,
    response: Response,
    findings: list[Finding] | None = None,
    lang: str | None = None,
    today: datetime.date | None = None,
    marking: str | None = None,
    revision: str | None = None,
) -> FilledDocument:
    """The filled document in ``lang`` (default: the answers' language).

    ``findings``: the validator's, or ``None`` to run it now, in the document's language.
    ``marking``: the protective marking; ``None`` for the default, ``""`` for none.
    ``revision``: defaults to a hash of the response file.
    """
    lang = document_language(response, lang)
    with use(lang):
        if findings is None:
            from engine.validation.validator import validate

            findings = validate(response, definition)
        doc = _build_filled(definition, response, findings, lang, today or datetime.date.today())
        doc.marking = chrome.default_marking() if marking is None else document_text(marking)
        doc.revision = revision_of(response) if revision is None else revision
        return doc


@dataclass(frozen=True, slots=True)
class _Reading:
    """What building a filled document reads throughout: the response, its usable answers, completeness."""

    definition: Definition
    response: Response
    values: dict[str, object]
    assessment: Assessment
    waits: dict[str, tuple[str, ...]]
    """For each pending item, the questions still to be answered that decide whether it applies."""
    flagged: set[str | None]
    """Ids of the questions with errors or warnings."""
    lang: str


def _build_filled(definition: Definition, response: Response, findings: list[Finding], lang: str, today: datetime.date) -> FilledDocument:
    assessment = assess(definition, {a.id: a.value for a in response.answers.values()}, response.party_set, response.is_uncac_party)
    values = assessment.values
    waits = waiting_on(definition, assessment.status, assessment.effective)
    flagged = {f.item for f in findings if f.severity is not Severity.info}
    reading = _Reading(definition, response, values, assessment, waits, flagged, lang)
    answers_language = document_text(response.language.value) if response.language else ""
    parties = sorted(response.party_set)
    return FilledDocument(
        title=Tr(definition.questionnaire.title, lang),
        state=document_text(response.state.value) if response.state else "",
        cluster=definition.questionnaire.cluster,
        parties=parties,
        uncac_party=response.is_uncac_party,
        language=answers_language,
        answered=assessment.completeness.answered,
        applicable=len(assessment.completeness.expected),
        errors=sum(1 for f in findings if f.severity is Severity.error),
        warnings=sum(1 for f in findings if f.severity is Severity.warning),
        parts=[_part(reading, index, part) for index, part in enumerate(definition.questionnaire.parts)],
        lang=lang,
        date=format_long_date(today, lang),
        protocols=[instrument_name(p) for p in parties if p in ("trafficking", "smuggling", "firearms")],
        answers_language=language_name(answers_language) if answers_language in LANGUAGES else answers_language,
        findings=_finding_groups(definition, findings),
        contributors=_contributors(definition, response, assessment),
    )


def _contributors(definition: Definition, response: Response, assessment: Assessment) -> list[tuple[str, list[str]]]:
    """Each contributor named in the answers, with the numbers of the questions shown that they answered."""
    found: dict[str, list[str]] = {}
    for entry in definition.entries.values():
        answer = response.answers.get(entry.id)
        if answer is None or answer.contributor is None or not assessment.status[entry.id].applies:
            continue
        name = document_text(str(answer.contributor.value or "")).strip()
        if name:
            found.setdefault(name, []).append(entry.number)
    return list(found.items())


def _part(reading: _Reading, index: int, part: Part) -> FilledPart:
    title, heading = Tr(part.title, reading.lang), Tr(part.heading, reading.lang)
    condition = reading.definition.part_conditions.get(index)
    if condition is not None and not _holds(condition, reading.response):
        return FilledPart(title, heading, [], not_reviewed=_reason(condition, reading.definition))
    return FilledPart(title, heading, [_section(reading, index, number, section) for number, section in enumerate(part.sections)])


def _section(reading: _Reading, part: int, number: int, section: Section) -> FilledSection:
    anchor, notes = section_anchor(part, number), notes_of(section.footnotes, reading.lang)
    heading = Tr(section.heading, reading.lang)
    condition = reading.definition.section_conditions.get(part * 1000 + number)
    if condition is not None and not _holds(condition, reading.response):
        return FilledSection(heading, [], not_reviewed=_reason(condition, reading.definition), anchor=anchor, footnotes=notes)
    items, skipped = [], []
    for entry in (e for e in reading.definition.entries.values() if e.section is section):
        if not reading.assessment.status[entry.id].applies:
            skipped.append(entry.number)
        else:
            items.append(_item(reading, entry))
    return FilledSection(heading, items, skipped, anchor=anchor, footnotes=notes)


def _holds(condition: Condition, response: Response) -> bool:
    """Whether a part's or section's condition (on the State's treaties) holds."""
    return holds(condition, Facts({}, response.party_set, response.is_uncac_party))


def _reason(condition: Condition, definition: Definition) -> str:
    """Why a part or section is left out: its condition, negated, in words."""
    negated = condition.operand if isinstance(condition, Not) else Not(condition)
    return chrome.not_reviewed(describe(negated, definition.entries))


def _item(reading: _Reading, entry: Entry) -> FilledItem:
    value, answer = reading.values.get(entry.id), reading.response.answers.get(entry.id)
    item = FilledItem(
        id=entry.id,
        number=entry.number,
        text=Tr(entry.item.text, reading.lang),
        depth=entry.depth,
        stem=not entry.is_answerable,
        inline=entry.kind in SCALE_VALUES,
        answered=entry.id in reading.assessment.given,
        footnotes=notes_of(entry.item.footnotes, reading.lang),
        flagged=entry.id in reading.flagged,
    )
    waits = reading.waits.get(entry.id)
    if waits:
        item.waiting_on = joined([reading.definition.entries[i].number for i in waits], "or")
    if not entry.is_answerable:
        return item
    if entry.kind is AnswerKind.text:
        item.text_answer = paragraphs(document_text(value)) if value is not None else []
    else:
        item.choices = _choices(entry, value, answer)
    if answer is not None:
        item.legislation = [document_text(x.value) for x in answer.legislation]
        item.links = [document_text(x.value) for x in answer.links]
        item.comment = paragraphs(document_text(answer.comment.value)) if answer.comment and answer.comment.value is not None else []
    return item


def _choices(entry: Entry, value: object, answer: Answer | None) -> list[Choice]:
    chosen = set() if value is None else {value} if isinstance(value, str) else set(value)  # type: ignore[arg-type]
    choices = []
    for code in entry.values:
        label = scale_label(code) if entry.kind in SCALE_VALUES else value_label(entry, code)
        detail: list[str] = []
        if answer is not None and code in chosen:
            extra = answer.other if code == "other" else answer.details.get(code)
            if extra is not None and extra.value is not None:
                detail = paragraphs(document_text(extra.value))
        choices.append(Choice(label, code in chosen, detail))
    return choices


def _finding_groups(definition: Definition, findings: list[Finding]) -> list[FindingGroup]:
    """Errors and warnings by question, in questionnaire order; those about the file as a whole first."""
    groups: dict[str | None, FindingGroup] = {}
    order = {item_id: index for index, item_id in enumerate(definition.entries)}
    for finding in findings:
        if finding.severity is Severity.info:
            continue
        key = finding.item if finding.item in definition.entries else None
        if key not in groups:
            number = definition.entries[key].number if key is not None else chrome.whole_file()
            groups[key] = FindingGroup(key, number, [])
        message = document_text(finding.message)
        groups[key].lines.append(FindingLine(finding.severity.value, message))
    return sorted(groups.values(), key=lambda g: -1 if g.item is None else order[g.item])
