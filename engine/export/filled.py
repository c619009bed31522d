"""The printable structure of a filled questionnaire: applicable questions with their answers."""

from __future__ import annotations

from dataclasses import dataclass, field

from engine.conditions.applicability import applicability
from engine.conditions.describe import value_label
from engine.definition.index import Entry
from engine.definition.loader import Definition
from engine.definition.model import AnswerKind
from engine.responses.model import Response
from engine.validation.findings import Finding, Severity
from engine.validation.sanitize import clean


@dataclass(slots=True)
class FilledItem:
    number: str
    text: str
    answer: list[str]
    """The answer as printed lines: option labels, or the text."""
    legislation: list[str] = field(default_factory=list)
    links: list[str] = field(default_factory=list)
    comment: str | None = None
    unanswered: bool = False
    stem: bool = False


@dataclass(slots=True)
class FilledSection:
    heading: str
    items: list[FilledItem]
    skipped: int = 0


@dataclass(slots=True)
class FilledPart:
    title: str
    heading: str
    sections: list[FilledSection]
    applies: bool = True


@dataclass(slots=True)
class FilledDocument:
    title: str
    state: str
    cluster: str
    parties: list[str]
    uncac_party: bool
    language: str
    answered: int
    applicable: int
    errors: int
    parts: list[FilledPart]


def _answer_lines(entry: Entry, value: object, response_answer) -> list[str]:  # type: ignore[no-untyped-def]
    if value is None:
        return []
    if entry.kind in (AnswerKind.choice, AnswerKind.choices):
        codes = [value] if isinstance(value, str) else list(value)  # type: ignore[call-overload]
        lines = []
        for code in codes:
            label = value_label(entry, code)
            extra = response_answer.other if code == "other" else response_answer.details.get(code)
            lines.append(f"☒ {label}" + (f": {clean(extra.value)}" if extra is not None else ""))
        return lines
    if entry.kind is AnswerKind.text:
        return [clean(line) if line else "" for line in str(value).split("\n")]
    return [f"☒ {value_label(entry, str(value))}"]


def build_filled(definition: Definition, response: Response, findings: list[Finding]) -> FilledDocument:
    """Applicable questions with their answers; non-applicable ones are counted, not shown."""
    values = {
        a.id: (
            a.value.strip().lower()
            if isinstance(a.value, str) and definition.entries.get(a.id) and definition.entries[a.id].kind.value.startswith("yes")
            else a.value
        )
        for a in response.answers.values()
        if a.is_given and a.id in definition.entries
    }
    status, effective = applicability(definition, values, response.party_set, response.is_uncac_party)
    parts: list[FilledPart] = []
    answered = applicable = 0
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
                lines = _answer_lines(entry, effective.get(entry.id), answer) if answer else []
                required = entry.is_answerable and not entry.voluntary and not entry.item.condition_note
                if entry.is_answerable:
                    applicable += required
                    answered += bool(lines) and required
                items.append(
                    FilledItem(
                        number=entry.number,
                        text=entry.item.text,
                        answer=lines,
                        legislation=[clean(x.value) for x in answer.legislation] if answer else [],
                        links=[clean(x.value) for x in answer.links] if answer else [],
                        comment=clean(answer.comment.value) if answer and answer.comment else None,
                        unanswered=required and not lines,
                        stem=not entry.is_answerable,
                    )
                )
            sections.append(FilledSection(section.heading, items, skipped))
        parts.append(FilledPart(part.title, part.heading, sections, part_applies))
    return FilledDocument(
        title=definition.questionnaire.title,
        state=clean(response.state.value) if response.state else "",
        cluster=definition.questionnaire.cluster,
        parties=sorted(response.party_set),
        uncac_party=response.is_uncac_party,
        language=clean(response.language.value) if response.language else "",
        answered=answered,
        applicable=applicable,
        errors=sum(1 for f in findings if f.severity is Severity.error),
        parts=parts,
    )
