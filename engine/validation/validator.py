"""Check a response file against its questionnaire: every finding, in one pass."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from engine.conditions.applicability import Applicability, applicability
from engine.conditions.completeness import completeness, readable, waiting_on
from engine.conditions.describe import joined, quoted, scale_label
from engine.conditions.evaluate import Facts
from engine.definition import registry
from engine.definition.index import Entry, excerpt
from engine.definition.loaded import Definition
from engine.definition.model import SCALE_LABELS, SCALE_VALUES, AnswerKind
from engine.i18n import _, current_language, ngettext, questionnaire_text
from engine.responses.model import LANGUAGES, PROTOCOLS, Answer, Response, Unreadable, read
from engine.strict_yaml import Mark, Position
from engine.validation.codes import CAP, Code
from engine.validation.findings import Finding, Severity
from engine.validation.sanitize import clean
from engine.validation.terms import FILE_TERMS, Terms

LABEL_TO_CODE = {label.lower(): code for code, label in SCALE_LABELS.items()}


class _Collector:
    """The findings of one file. Every message is neutralised here (text from the file may be
    echoed in it), and a capped code stops being listed after :data:`CAP` findings: its message,
    possibly costly (suggestions), is built only for those listed. ``terms`` words the messages
    that name parts of an answer (the file's syntax, or a program's own fields)."""

    def __init__(self, response: Response, display_path: str, terms: Terms) -> None:
        self.response = response
        self.path = display_path
        self.terms = terms
        self.findings: list[Finding] = []
        self.counts: dict[Code, int] = {}
        self.first_omitted: dict[Code, tuple[Position, Severity]] = {}

    def add(
        self,
        mark: Position | None,
        code: Code,
        message: str | Callable[[], str],
        entry: Entry | None = None,
        item: str | None = None,
        severity: Severity | None = None,
    ) -> None:
        where = mark or Mark(1, 1)
        if code.capped:
            count = self.counts[code] = self.counts.get(code, 0) + 1
            if count > CAP:
                if count == CAP + 1:
                    self.first_omitted[code] = (where, severity or code.severity)
                return
        self.findings.append(
            Finding(
                path=self.path,
                line=where.line,
                column=where.column,
                severity=severity or code.severity,
                code=code,
                message=clean(message() if callable(message) else message),
                item=entry.id if entry else (clean(item) if item else None),
                number=entry.number if entry else None,
                excerpt=excerpt(questionnaire_text(entry.item.text, current_language())) if entry else None,
            )
        )

    def close(self) -> list[Finding]:
        """The findings sorted by position, with one ``more-findings`` for each capped code that overflowed."""
        for code, (where, severity) in self.first_omitted.items():
            omitted = self.counts[code] - CAP
            message = ngettext(
                "{count} more {code} finding in this file is not listed (only the first {cap} of a kind are)",
                "{count} more {code} findings in this file are not listed (only the first {cap} of a kind are)",
                omitted,
            ).format(count=written_number(omitted), code=code, cap=CAP)
            self.add(where, Code.more_findings, message, severity=severity)
        return sorted(self.findings, key=Finding.sort_key)


def written_number(value: int) -> str:
    """``value`` written as the language of the messages writes numbers (``99,950``, ``99 950``)."""
    from babel.numbers import format_decimal

    return format_decimal(value, locale=current_language())


def read_answering(path: Path) -> tuple[Response, Definition]:
    """Read a response file and load the questionnaire it answers; :class:`Unreadable` when it names none that exists."""
    response = read(path)
    return response, definition_for(response)


def definition_for(response: Response) -> Definition:
    """The questionnaire a response answers; raises :class:`Unreadable` when it names none or an unknown one."""
    questionnaire = response.questionnaire
    if questionnaire is None:
        raise Unreadable(_("the file does not say which questionnaire it answers (questionnaire: cluster1 … cluster4)"))
    if str(questionnaire.value) not in registry.available():
        raise Unreadable(
            _("unknown questionnaire '{value}'; use one of: {choices}").format(
                value=clean(questionnaire.value), choices=", ".join(registry.available())
            ),
            questionnaire.mark,
        )
    return registry.load(str(questionnaire.value))


def validate_path(path: Path, complete: bool = False, display_path: str | None = None) -> list[Finding]:
    """Read and check one file; raises :class:`Unreadable` when it is no response file."""
    response, definition = read_answering(path)
    return validate(response, definition, complete, display_path or clean(str(path)))


def validate(
    response: Response, definition: Definition, complete: bool = False, display_path: str = "", terms: Terms = FILE_TERMS
) -> list[Finding]:
    """All findings of a response, sorted by position; ``terms`` words the messages that name parts of an answer."""
    out = _Collector(response, display_path or clean(str(response.path)), terms)
    for problem in response.problems:
        entry = definition.entries.get(problem.item) if problem.item else None
        out.add(problem.mark, problem.code, problem.text, entry, problem.item)
    _check_header(response, out)
    values: dict[str, object] = {}
    known: list[tuple[Answer, Entry]] = []
    for answer in response.answers.values():
        entry = definition.entries.get(answer.id)
        if entry is None:
            out.add(answer.key_mark, Code.unknown_question, lambda answer=answer: _unknown_question(answer.id, definition), item=answer.id)
            continue
        known.append((answer, entry))
        _check_answer(answer, entry, out)
        value = readable(entry, answer.value)
        if value is not None:
            values[entry.id] = value
    status, effective = applicability(definition, values, response.party_set, response.is_uncac_party)
    for answer, entry in known:
        if status[entry.id].applies:
            _check_legislation(entry, answer, values, out)
        elif answer.is_given or answer.legislation or answer.links or answer.comment or answer.other:
            reason = _why_not(definition, entry.id, status, Facts(effective, response.party_set, response.is_uncac_party))
            out.add(
                answer.mark,
                Code.not_applicable,
                _("{number} does not apply: {reason}; the answer is kept but not reviewed").format(number=entry.number, reason=reason),
                entry,
            )
    _check_unanswered(definition, status, effective, response, complete, out)
    return out.close()


def _close_matches(word: str, candidates: object, n: int = 1, cutoff: float = 0.6) -> list[str]:
    import difflib  # only when a hint is needed: not imported on every cold start

    return difflib.get_close_matches(word, candidates, n=n, cutoff=cutoff)  # type: ignore[arg-type]


def _check_header(response: Response, out: _Collector) -> None:
    if response.state is None or not str(response.state.value).strip():
        out.add(
            response.state.mark if response.state else None,
            Code.missing_state,
            _("the file does not name the State (state: …)"),
        )
    language = response.language
    if language is None:
        out.add(
            None,
            Code.missing_language,
            _("the file does not give the language of its answers (language: one of {choices})").format(choices=", ".join(LANGUAGES)),
        )
    elif language.value not in LANGUAGES:
        out.add(
            language.mark,
            Code.unknown_language,
            _("unknown language '{value}'; use one of: {choices}").format(value=language.value, choices=", ".join(LANGUAGES)),
        )
    seen: set[str] = set()
    for party in response.parties:
        name = str(party.value)
        if name not in PROTOCOLS:
            out.add(party.mark, Code.unknown_party, lambda name=name: _unknown_party(name))
        elif name in seen:
            out.add(party.mark, Code.duplicate_party, _("{name} is listed twice in parties").format(name=name))
        seen.add(name)
    if response.parties_mark is None:
        out.add(
            None,
            Code.missing_parties,
            _(
                "the file does not list the Protocols the State is party to (parties: […]); the Protocols' parts are treated as not applicable"
            ),
        )
    if response.uncac_party is None and response.uncac_party_mark is None:
        out.add(
            None,
            Code.missing_uncac_party,
            _(
                "the file does not say whether the State is party to the Convention against Corruption (uncac_party: true|false); assuming false"
            ),
        )


def _unknown_party(name: str) -> str:
    hint = _close_matches(name, PROTOCOLS, n=1)
    suggestion = _(" (did you mean {suggestion}?)").format(suggestion=hint[0]) if hint else ""
    return _("unknown Protocol '{value}'{suggestion}; parties lists: {choices}").format(
        value=name, suggestion=suggestion, choices=", ".join(PROTOCOLS)
    )


def _unknown_question(item_id: str, definition: Definition) -> str:
    parent = definition.entries.get(item_id.rsplit(".", 1)[0]) if "." in item_id else None
    candidates = [c.id for c in parent.children] if parent is not None else list(definition.entries)
    close = _close_matches(item_id, candidates, n=1, cutoff=0.6)
    hint = ""
    if close:
        number = definition.entries[close[0]].number
        hint = (
            _("; did you mean {suggestion}?").format(suggestion=close[0])
            if number == close[0]
            else _("; did you mean {suggestion} ({number})?").format(suggestion=close[0], number=number)
        )
    return _("{questionnaire} has no question '{value}'{hint}").format(questionnaire=definition.id, value=item_id, hint=hint)


def _check_answer(answer: Answer, entry: Entry, out: _Collector) -> None:
    """Report an ill-formed answer (the value conditions read is :func:`readable`'s)."""
    value = answer.value
    kind = entry.kind
    if kind is AnswerKind.none:
        if answer.is_given:
            out.add(
                answer.mark,
                Code.stem_answered,
                out.terms.stem_answered(entry),
                entry,
            )
        _check_extras(answer, entry, [], out)
        return
    if not answer.is_given:
        _check_extras(answer, entry, [], out)
        return
    if kind in SCALE_VALUES:
        allowed = SCALE_VALUES[kind]
        if not isinstance(value, str):
            out.add(
                answer.mark,
                Code.wrong_kind,
                out.terms.list_for_one(entry, allowed),
                entry,
            )
            return
        code = value
        if code not in allowed:
            hint_text = _scale_hint(code, allowed)
            out.add(
                answer.mark,
                Code.unknown_option,
                _("{number} takes one of {choices}, not '{value}'{hint}").format(
                    number=entry.number, choices=", ".join(allowed), value=value, hint=hint_text
                ),
                entry,
            )
            return
        _check_extras(answer, entry, [], out)
        return
    if kind is AnswerKind.text:
        if not isinstance(value, str):
            out.add(answer.mark, Code.wrong_kind, out.terms.list_for_text(entry), entry)
            return
        _check_extras(answer, entry, [], out)
        return
    codes_allowed = entry.values
    chosen = [value] if isinstance(value, str) else list(value)  # type: ignore[arg-type]
    if kind is AnswerKind.choice and not isinstance(value, str) and len(chosen) != 1:
        out.add(
            answer.mark,
            Code.wrong_kind,
            _("{number} takes a single option, not {count}").format(number=entry.number, count=len(chosen)),
            entry,
        )
        return
    valid: list[str] = []
    for code in chosen:
        text = str(code)
        if text not in codes_allowed:
            out.add(answer.mark, Code.unknown_option, lambda text=text: _unknown_option(entry, text), entry)
        elif text in valid:
            out.add(
                answer.mark,
                Code.duplicate_option,
                _("{number}: option {code} is chosen twice").format(number=entry.number, code=text),
                entry,
            )
        else:
            valid.append(text)
    _check_extras(answer, entry, valid, out)


def _scale_hint(code: str, allowed: tuple[str, ...]) -> str:
    """How to write ``code`` as one of ``allowed``, when it is near enough: blanks around it, a label, capitals."""
    bare = code.strip()
    if bare in allowed:
        return _(" (without the blanks around it: {code})").format(code=bare)
    hint = LABEL_TO_CODE.get(bare.lower())
    if hint and hint in allowed:
        return _(" (write {code} for {label})").format(code=hint, label=quoted(scale_label(hint)))
    if bare.lower() in allowed:
        return _(" (codes are lowercase: {code})").format(code=bare.lower())
    return ""


def _unknown_option(entry: Entry, text: str) -> str:
    close = _close_matches(text, entry.values, n=1)
    hint = _(" (did you mean {suggestion}?)").format(suggestion=close[0]) if close else ""
    return _("{number} has no option '{value}'{hint}; its options are: {choices}").format(
        number=entry.number, value=text, hint=hint, choices=", ".join(entry.values)
    )


def _check_extras(answer: Answer, entry: Entry, chosen: list[str], out: _Collector) -> None:
    """``other``, ``details`` and ``links`` against what was chosen."""
    specify = entry.specify
    if answer.other is None and not answer.details and not answer.links and not (chosen and specify):
        return
    if answer.other is not None and str(answer.other.value).strip():
        if "other" not in entry.values:
            out.add(
                answer.other.mark,
                Code.other_without_option,
                out.terms.other_has_no_place(entry),
                entry,
            )
        elif "other" not in chosen:
            out.add(
                answer.other.mark,
                Code.other_without_option,
                out.terms.other_not_chosen(entry),
                entry,
            )
    for code, located in answer.details.items():
        if code not in entry.values:
            out.add(
                located.mark,
                Code.unknown_option,
                _("details are given for '{value}', which is not an option of {number}").format(value=code, number=entry.number),
                entry,
            )
        elif code not in chosen:
            out.add(
                located.mark,
                Code.details_without_option,
                out.terms.details_not_chosen(entry, code),
                entry,
            )
    for code in chosen:
        if code in specify:
            text = answer.other if code == "other" else answer.details.get(code)
            if text is None or text.value is None or not str(text.value).strip():
                out.add(answer.mark, Code.specify_missing, out.terms.not_specified(entry, code), entry)
    for link in answer.links:
        text = str(link.value).strip()
        if not (text.startswith(("http://", "https://")) and "." in text.split("//", 1)[1].split("/", 1)[0]):
            out.add(link.mark, Code.bad_link, _("'{value}' is not an absolute http(s) link").format(value=text), entry)


def _why_not(definition: Definition, item_id: str, status: dict[str, Applicability], facts: Facts) -> str:
    """The reason an item does not apply, in words (see :mod:`engine.conditions.reason`)."""
    from engine.conditions.reason import explain  # only for an answer that does not apply: not on every start

    reason = explain(definition, item_id, status, facts)
    assert reason is not None
    return reason.text()


def _check_legislation(entry: Entry, answer: Answer, values: dict[str, object], out: _Collector) -> None:
    """Under each “Yes” in an article's questions, the guidance asks for the applicable legislation
    (under other answers only "where appropriate", which is the State's judgement: no warning)."""
    if answer.legislation or entry.kind not in SCALE_VALUES or entry.section.kind != "article":
        return
    code = values.get(entry.id)
    if code == "yes":
        out.add(
            answer.mark,
            Code.legislation_missing,
            out.terms.legislation_missing(entry, str(code)),
            entry,
        )


def _check_unanswered(
    definition: Definition,
    status: dict[str, Applicability],
    effective: dict[str, object],
    response: Response,
    complete: bool,
    out: _Collector,
) -> None:
    """Each question still to be answered (see :mod:`engine.conditions.completeness`): the code's
    severity, or an error with ``complete``. A pending one names the questions it waits on."""
    severity = Severity.error if complete else Code.unanswered.severity
    given = {item_id for item_id, answer in response.answers.items() if answer.is_given}
    unanswered = completeness(definition, status, given).unanswered
    waits = waiting_on(definition, status, effective) if unanswered else {}
    for item_id in unanswered:
        entry = definition.entries[item_id]
        answer = response.answers.get(item_id)
        mark = answer.mark if answer is not None else response.answers_mark
        if waits.get(item_id):
            numbers = joined([definition.entries[i].number for i in waits[item_id]], "or")
            message = _("{number} may apply but is not answered: it depends on the answer to {numbers}, not given yet").format(
                number=entry.number, numbers=numbers
            )
        else:
            message = _("{number} applies but is not answered").format(number=entry.number)
        out.add(mark, Code.unanswered, message, entry, severity=severity)
