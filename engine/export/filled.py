"""The printable structure of a filled questionnaire: applicable questions with their answers."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from babel.dates import format_date

from engine.conditions.completeness import assess
from engine.conditions.describe import instrument_name, value_label
from engine.definition.index import Entry
from engine.definition.loaded import Definition
from engine.definition.model import AnswerKind
from engine.export.document import Localized, Tr
from engine.i18n import DEFAULT_LANGUAGE, LANGUAGES, use
from engine.i18n.display import language_name
from engine.responses.model import Answer, Response
from engine.validation.findings import Finding, Severity
from engine.validation.sanitize import clean


@dataclass(slots=True)
class FilledItem:
    id: str
    """The question id (``3.a``)."""
    number: str
    text: Tr
    answer: list[str]
    """The answer as printed lines: option labels, or the text."""
    legislation: list[str] = field(default_factory=list)
    links: list[str] = field(default_factory=list)
    comment: str | None = None
    unanswered: bool = False
    stem: bool = False
    depth: int = 0


@dataclass(slots=True)
class FilledSection:
    heading: Tr
    items: list[FilledItem]
    skipped: int = 0


@dataclass(slots=True)
class FilledPart:
    title: Tr
    heading: Tr
    sections: list[FilledSection]
    applies: bool = True


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
    contributors: list[tuple[str, list[str]]] = field(default_factory=list)
    """Who answered what (the answers' ``contributor``): each name with the numbers of its questions shown."""

    @property
    def fallback_count(self) -> int:
        texts = [self.title, *(t for p in self.parts for t in (p.title, p.heading))]
        texts += [t for p in self.parts for s in p.sections for t in (s.heading, *(i.text for i in s.items))]
        return sum(1 for t in texts if t.fallback)


def _answer_lines(entry: Entry, value: object, response_answer: Answer | None) -> list[str]:
    if value is None:
        return []
    if entry.kind in (AnswerKind.choice, AnswerKind.choices):
        codes = [value] if isinstance(value, str) else list(value)  # type: ignore[call-overload]
        lines = []
        for code in codes:
            label = value_label(entry, code)
            extra = None
            if response_answer is not None:
                extra = response_answer.other if code == "other" else response_answer.details.get(code)
            lines.append(f"☒ {label}" + (f": {clean(extra.value)}" if extra is not None else ""))
        return lines
    if entry.kind is AnswerKind.text:
        return [clean(line) if line else "" for line in str(value).split("\n")]
    return [f"☒ {value_label(entry, str(value))}"]


def document_language(response: Response, lang: str | None) -> str:
    """``lang`` if given, else the language of the answers when it is one of the six, else English."""
    if lang in LANGUAGES:
        return lang  # type: ignore[return-value]
    answers = str(response.language.value) if response.language else ""
    return answers if answers in LANGUAGES else DEFAULT_LANGUAGE


def build_filled(
    definition: Definition,
    response: Response,
    findings: list[Finding],
    lang: str | None = None,
    today: datetime.date | None = None,
) -> FilledDocument:
    """Applicable questions with their answers, in ``lang`` (default: the answers' language); the rest counted, not shown."""
    lang = document_language(response, lang)
    with use(lang):
        return _build_filled(definition, response, findings, lang, today or datetime.date.today())


def _build_filled(definition: Definition, response: Response, findings: list[Finding], lang: str, today: datetime.date) -> FilledDocument:
    values = {
        a.id: (
            a.value.strip().lower()
            if isinstance(a.value, str) and definition.entries.get(a.id) and definition.entries[a.id].kind.value.startswith("yes")
            else a.value
        )
        for a in response.answers.values()
        if a.is_given and a.id in definition.entries
    }
    assessment = assess(definition, {a.id: a.value for a in response.answers.values()}, response.party_set, response.is_uncac_party)
    status, unanswered = assessment.status, set(assessment.completeness.unanswered)
    parts: list[FilledPart] = []
    contributors: dict[str, list[str]] = {}
    for part in definition.questionnaire.parts:
        sections = []
        part_applies = False
        for section in part.sections:
            items, skipped = [], 0
            for entry in (e for e in definition.entries.values() if e.section is section):
                if not status[entry.id].applies:
                    skipped += 1
                    continue
                part_applies = True
                answer = response.answers.get(entry.id)
                lines = _answer_lines(entry, values.get(entry.id), answer) if answer else []
                if answer is not None and answer.contributor is not None and str(answer.contributor.value).strip():
                    contributors.setdefault(clean(str(answer.contributor.value).strip()), []).append(entry.number)
                items.append(
                    FilledItem(
                        id=entry.id,
                        number=entry.number,
                        text=Tr(entry.item.text, lang),
                        answer=lines,
                        legislation=[clean(x.value) for x in answer.legislation] if answer else [],
                        links=[clean(x.value) for x in answer.links] if answer else [],
                        comment=clean(answer.comment.value) if answer and answer.comment else None,
                        unanswered=entry.id in unanswered,
                        stem=not entry.is_answerable,
                        depth=entry.depth,
                    )
                )
            sections.append(FilledSection(Tr(section.heading, lang), items, skipped))
        parts.append(FilledPart(Tr(part.title, lang), Tr(part.heading, lang), sections, part_applies))
    answers_language = clean(response.language.value) if response.language else ""
    parties = sorted(response.party_set)
    return FilledDocument(
        title=Tr(definition.questionnaire.title, lang),
        state=clean(response.state.value) if response.state else "",
        cluster=definition.questionnaire.cluster,
        parties=parties,
        uncac_party=response.is_uncac_party,
        language=answers_language,
        answered=assessment.completeness.answered,
        applicable=len(assessment.completeness.expected),
        errors=sum(1 for f in findings if f.severity is Severity.error),
        parts=parts,
        lang=lang,
        date=format_date(today, format="long", locale=lang),
        protocols=[instrument_name(p) for p in parties if p in ("trafficking", "smuggling", "firearms")],
        answers_language=language_name(answers_language) if answers_language in LANGUAGES else answers_language,
        contributors=list(contributors.items()),
    )
