"""The figures of the general report: plain records that every output format renders the same way.

Everything a State could be recognised by is already decided here: in an anonymous report, the
records hold anonymous labels instead of names and quoted texts with State names removed.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from engine.validation.findings import Finding

COMPLETENESS_BINS: tuple[tuple[int, int], ...] = ((0, 25), (25, 50), (50, 75), (75, 100), (100, 101))
"""Completeness classes in per cent, ``[low, high)``: the last one is "every question answered"."""


def completeness_bin(percent: float) -> int:
    """The index of the class of ``percent`` in :data:`COMPLETENESS_BINS`."""
    return next(i for i, (low, high) in enumerate(COMPLETENESS_BINS) if low <= percent < high)


@dataclass(slots=True)
class ClusterCoverage:
    """Files of one questionnaire: how many were read, reported on, left out, and how complete."""

    questionnaire: str
    files: int = 0
    """Files reported on (one per State)."""
    left_out: int = 0
    completeness: list[int] = field(default_factory=lambda: [0] * len(COMPLETENESS_BINS))
    """Files in each class of :data:`COMPLETENESS_BINS`."""
    answered: int = 0
    expected: int = 0
    """Summed over the files: questions answered, and questions expecting an answer."""


@dataclass(slots=True)
class Coverage:
    files_read: int
    files_reported: int
    states: int
    clusters: list[ClusterCoverage]
    parties: dict[str, int]
    """``trafficking``, ``smuggling``, ``firearms``, ``uncac`` → States party to it (by their files' headers)."""
    no_protocol: int
    """States party to none of the three Protocols."""
    inconsistent_parties: int
    """States whose files disagree on the Protocols or the Convention against Corruption."""


@dataclass(slots=True)
class StateRecord:
    """One State: its name in a named report, an anonymous label otherwise."""

    label: str
    parties: frozenset[str]
    uncac_party: bool
    completeness: dict[str, float] = field(default_factory=dict)
    """Questionnaire → per cent of the questions expecting an answer that are answered."""
    consistent: bool = True
    """Whether all its files give the same Protocols and the same ``uncac_party``."""


@dataclass(slots=True)
class ResponseRecord:
    """One State's answers to one questionnaire, as the data formats list them (no free text)."""

    state: str
    questionnaire: str
    applies: int
    """Bit ``i`` set when the ``i``-th item applies."""
    answers: dict[str, object]
    """Applicable answered items: a code, a list of codes, or ``True`` for a text answer."""


@dataclass(slots=True)
class QuestionFigures:
    """How the States to whom a question applied answered it."""

    questionnaire: str
    item: str
    number: str
    kind: str
    codes: tuple[str, ...]
    """The answer codes in the questionnaire's order (scale codes or option codes)."""
    counts: dict[str, int]
    """Code → States whose answer is (or, for several options, includes) the code."""
    applied: int
    answered: int
    files: int
    """Files of the questionnaire reported on: ``files - applied`` States the question did not apply to."""
    topic: str | None = None
    """The topic of its option list, when it has one (its options are ranked in their own section)."""

    @property
    def unanswered(self) -> int:
        return self.applied - self.answered

    @property
    def not_applied(self) -> int:
        return self.files - self.applied


@dataclass(slots=True)
class RankedOption:
    code: str
    states: int
    """States that chose the option in any of the list's questions (each State once)."""
    by_questionnaire: dict[str, int]
    """Questionnaire → files that chose it."""


@dataclass(slots=True)
class QuotedText:
    """A text a State wrote to specify an option ("Other (please specify)"), redacted if anonymous."""

    questionnaire: str
    item: str
    code: str
    text: str
    state: str | None = None
    """The State's name, in a named report only."""


@dataclass(slots=True)
class ListFigures:
    """The options of one topical list (technical assistance, difficulties), across questions and clusters."""

    topic: str
    family: str
    """The list that declares the topic (``convention-technical-assistance``): variants join it."""
    instrument: str
    items: list[tuple[str, str]]
    """(questionnaire, item) of each question that uses the list, in order."""
    applied: int
    """States to whom at least one of those questions applied."""
    answered: int
    """States that chose at least one option."""
    options: list[RankedOption]
    """Ranked: most States first; ties in the list's order."""
    texts: list[QuotedText] = field(default_factory=list)


@dataclass(slots=True)
class Concentration:
    """A question of an article and how often it was answered "No" or "Yes, in part"."""

    questionnaire: str
    item: str
    number: str
    no: int
    partly: int
    answered: int
    applied: int

    @property
    def share(self) -> float:
        return (self.no + self.partly) / self.answered if self.answered else 0.0


@dataclass(slots=True)
class LeftOut:
    """A file the report leaves out, and why."""

    label: str
    """Its path in a named report; ``1``, ``2``… otherwise (paths often name the State)."""
    questionnaire: str
    """``""`` when the file could not be read as a response file."""
    reason: str
    """``errors``, ``unreadable`` or ``duplicate`` (another file answers the same questionnaire for the same State)."""
    errors: list[tuple[str, str | None]] = field(default_factory=list)
    """(finding code, question number or ``None``) of each error: what an anonymous report may say."""
    findings: list[Finding] = field(default_factory=list)
    """The findings themselves, with their messages: in a named report only."""
    message: str = ""
    """Why an unreadable file could not be read (named report only)."""


@dataclass(slots=True)
class Report:
    named: bool
    coverage: Coverage
    states: list[StateRecord]
    questions: list[QuestionFigures]
    lists: list[ListFigures]
    concentrations: list[Concentration]
    left_out: list[LeftOut]
    responses: list[ResponseRecord]
    questionnaires: list[str]
    """The questionnaires present, in order (``cluster1`` …)."""
