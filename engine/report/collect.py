"""Read one response file into the compact summary the report aggregates (runs in a worker)."""

from __future__ import annotations

from dataclasses import dataclass, field

from engine.conditions.completeness import assess
from engine.definition.model import AnswerKind
from engine.responses.model import Response, Unreadable, read
from engine.validation.batch import displayed, unreadable_result
from engine.validation.discover import Target
from engine.validation.findings import Severity
from engine.validation.results import FileResult
from engine.validation.sanitize import clean
from engine.validation.validator import definition_for, validate


@dataclass(slots=True)
class FileSummary:
    """What the report needs of one file: its header, which items apply, and the answers to them.

    A file left out of the report (it has errors, or is no response file) keeps only its
    validation result, to be listed with its findings.
    """

    path: str
    left_out: FileResult | None = None
    """The findings of a file with errors, or why it could not be read; ``None`` for a file reported on."""
    questionnaire: str = ""
    state: str = ""
    """The State's name as written (also for a file left out: names are removed from quoted texts)."""
    parties: frozenset[str] = frozenset()
    uncac_party: bool = False
    expected: int = 0
    """Applicable questions that expect an answer (what the validator reports when unanswered)."""
    unanswered: int = 0
    """Of those, the ones left unanswered: the validator's ``unanswered`` findings."""
    applies: int = 0
    """Bit ``i`` is set when the ``i``-th item of the questionnaire applies to the State."""
    answers: dict[str, object] = field(default_factory=dict)
    """Applicable, answered items: a code, a list of codes, or ``True`` for a text answer."""
    texts: dict[str, dict[str, str]] = field(default_factory=dict)
    """Item → chosen option code → the text that specifies it (``other``, ``details``)."""

    @property
    def included(self) -> bool:
        return self.left_out is None


def summarize(target: Target) -> FileSummary:
    """Validate ``target`` and, when it has no errors, summarise what the report counts."""
    display, source = displayed(target)
    if target.problem:
        return FileSummary(display, FileResult(display, fatal=clean(target.problem), source=source))
    try:
        response = read(target.path)
        definition = definition_for(response)
    except Unreadable as error:
        return FileSummary(display, unreadable_result(display, error, source))
    findings = validate(response, definition, display_path=display)
    state = str(response.state.value).strip() if response.state and response.state.value is not None else ""
    if any(f.severity is Severity.error for f in findings):
        return FileSummary(display, FileResult(display, findings), questionnaire=definition.id, state=state)
    assessment = assess(definition, {a.id: a.value for a in response.answers.values()}, response.party_set, response.is_uncac_party)
    status, effective = assessment.status, assessment.effective
    summary = FileSummary(
        display,
        questionnaire=definition.id,
        state=state,
        parties=response.party_set,
        uncac_party=response.is_uncac_party,
        unanswered=sum(1 for f in findings if f.code == "unanswered"),
    )
    for index, entry in enumerate(definition.entries.values()):
        if not status[entry.id].applies:
            continue
        summary.applies |= 1 << index
        summary.expected += entry.expects_answer
        value = effective.get(entry.id)
        if value is None:
            continue
        summary.answers[entry.id] = True if entry.kind is AnswerKind.text else value
        if entry.specify:
            _keep_texts(summary, response, entry.id, value)
    return summary


def _keep_texts(summary: FileSummary, response: Response, item: str, value: object) -> None:
    answer = response.answers[item]
    chosen = [value] if isinstance(value, str) else list(value)  # type: ignore[call-overload]
    texts: dict[str, str] = {}
    for code in chosen:
        located = answer.other if code == "other" else answer.details.get(code)
        text = "" if located is None or located.value is None else str(located.value).strip()
        if text:
            texts[code] = "\n".join(clean(line) for line in text.split("\n"))
    if texts:
        summary.texts[item] = texts
