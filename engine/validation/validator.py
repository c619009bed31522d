"""Check a response file against its questionnaire: every finding, in one pass."""

from __future__ import annotations

from pathlib import Path

from engine.conditions.applicability import Applicability, applicability
from engine.conditions.completeness import completeness
from engine.conditions.describe import current_values, describe, instrument_name, joined, quoted, scale_label, value_label
from engine.definition import registry
from engine.definition.index import Entry, excerpt
from engine.definition.loaded import Definition
from engine.definition.model import SCALE_LABELS, SCALE_VALUES, AnswerKind
from engine.i18n import _, current_language, questionnaire_text
from engine.responses.model import LANGUAGES, PROTOCOLS, Answer, Response, Unreadable, read
from engine.strict_yaml import Mark, Position
from engine.validation.findings import Finding, Severity
from engine.validation.sanitize import clean

LABEL_TO_CODE = {label.lower(): code for code, label in SCALE_LABELS.items()}


class _Collector:
    def __init__(self, response: Response, display_path: str) -> None:
        self.response = response
        self.path = display_path
        self.findings: list[Finding] = []

    def add(
        self, mark: Position | None, severity: Severity, code: str, message: str, entry: Entry | None = None, item: str | None = None
    ) -> None:
        where = mark or Mark(1, 1)
        self.findings.append(
            Finding(
                path=self.path,
                line=where.line,
                column=where.column,
                severity=severity,
                code=code,
                message=message,
                item=entry.id if entry else (clean(item) if item else None),
                number=entry.number if entry else None,
                excerpt=excerpt(questionnaire_text(entry.item.text, current_language())) if entry else None,
            )
        )


def validate_path(path: Path, complete: bool = False, display_path: str | None = None) -> list[Finding]:
    """Read and check one file; raises :class:`Unreadable` when it is no response file."""
    response = read(path)
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
    definition = registry.load(str(questionnaire.value))
    return validate(response, definition, complete, display_path or clean(str(path)))


def validate(response: Response, definition: Definition, complete: bool = False, display_path: str = "") -> list[Finding]:
    """All findings of a response, sorted by position."""
    out = _Collector(response, display_path or clean(str(response.path)))
    for problem in response.problems:
        entry = definition.entries.get(problem.item) if problem.item else None
        code = "wrong-type" if problem.code == "bad-uncac-party" else problem.code
        out.add(problem.mark, Severity.error, code, clean(problem.message), entry, problem.item)
    _check_header(response, out)
    values: dict[str, object] = {}
    known: list[tuple[Answer, Entry]] = []
    for answer in response.answers.values():
        entry = definition.entries.get(answer.id)
        if entry is None:
            out.add(answer.key_mark, Severity.error, "unknown-question", _unknown_question(answer.id, definition), item=answer.id)
            continue
        known.append((answer, entry))
        value = _check_answer(answer, entry, out)
        if value is not None:
            values[entry.id] = value
    status, _effective = applicability(definition, values, response.party_set, response.is_uncac_party)
    for answer, entry in known:
        if status[entry.id].applies:
            _check_legislation(entry, answer, values, out)
        elif answer.is_given or answer.legislation or answer.links or answer.comment or answer.other:
            reason = _why_not(entry, status[entry.id], definition, values, response)
            out.add(
                answer.mark,
                Severity.warning,
                "not-applicable",
                _("{number} does not apply: {reason}; the answer is kept but not reviewed").format(number=entry.number, reason=reason),
                entry,
            )
    _check_unanswered(definition, status, values, response, complete, out)
    return sorted(out.findings, key=Finding.sort_key)


def _close_matches(word: str, candidates: object, n: int = 1, cutoff: float = 0.6) -> list[str]:
    import difflib  # only when a hint is needed: not imported on every cold start

    return difflib.get_close_matches(word, candidates, n=n, cutoff=cutoff)  # type: ignore[arg-type]


def _check_header(response: Response, out: _Collector) -> None:
    if response.state is None or not str(response.state.value).strip():
        out.add(
            response.state.mark if response.state else None,
            Severity.error,
            "missing-state",
            _("the file does not name the State (state: …)"),
        )
    language = response.language
    if language is None:
        out.add(
            None,
            Severity.error,
            "missing-language",
            _("the file does not give the language of its answers (language: one of {choices})").format(choices=", ".join(LANGUAGES)),
        )
    elif language.value not in LANGUAGES:
        out.add(
            language.mark,
            Severity.error,
            "unknown-language",
            _("unknown language '{value}'; use one of: {choices}").format(value=clean(language.value), choices=", ".join(LANGUAGES)),
        )
    seen: set[str] = set()
    for party in response.parties:
        name = str(party.value)
        if name not in PROTOCOLS:
            hint = _close_matches(name, PROTOCOLS, n=1)
            suggestion = _(" (did you mean {suggestion}?)").format(suggestion=hint[0]) if hint else ""
            out.add(
                party.mark,
                Severity.error,
                "unknown-party",
                _("unknown Protocol '{value}'{suggestion}; parties lists: {choices}").format(
                    value=clean(name), suggestion=suggestion, choices=", ".join(PROTOCOLS)
                ),
            )
        elif name in seen:
            out.add(party.mark, Severity.warning, "duplicate-party", _("{name} is listed twice in parties").format(name=name))
        seen.add(name)
    if response.parties_mark is None:
        out.add(
            None,
            Severity.warning,
            "missing-parties",
            _(
                "the file does not list the Protocols the State is party to (parties: […]); the Protocols' parts are treated as not applicable"
            ),
        )
    if response.uncac_party is None and not any(p.code == "bad-uncac-party" for p in response.problems):
        out.add(
            None,
            Severity.warning,
            "missing-uncac-party",
            _(
                "the file does not say whether the State is party to the Convention against Corruption (uncac_party: true|false); assuming false"
            ),
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
    return _("{questionnaire} has no question '{value}'{hint}").format(questionnaire=definition.id, value=clean(item_id), hint=hint)


def _check_answer(answer: Answer, entry: Entry, out: _Collector) -> object:
    """Report an ill-formed answer; return the value conditions may read (``None`` if none)."""
    value = answer.value
    kind = entry.kind
    if kind is AnswerKind.none:
        if answer.is_given:
            children = ", ".join(c.id for c in entry.children[:4])
            out.add(
                answer.mark,
                Severity.error,
                "stem-answered",
                _("{number} has no answer of its own; answer its sub-items ({children})").format(number=entry.number, children=children),
                entry,
            )
        _check_extras(answer, entry, [], out)
        return None
    if not answer.is_given:
        _check_extras(answer, entry, [], out)
        return None
    if kind in SCALE_VALUES:
        allowed = SCALE_VALUES[kind]
        if not isinstance(value, str):
            out.add(
                answer.mark,
                Severity.error,
                "wrong-kind",
                _("{number} takes one of {choices}, not a list").format(number=entry.number, choices=", ".join(allowed)),
                entry,
            )
            return None
        code = value
        if code not in allowed:
            hint = LABEL_TO_CODE.get(code.strip().lower())
            hint_text = (
                _(" (write {code} for {label})").format(code=hint, label=quoted(scale_label(hint))) if hint and hint in allowed else ""
            )
            if not hint_text and code.strip().lower() in allowed:
                hint_text = _(" (codes are lowercase: {code})").format(code=code.strip().lower())
            out.add(
                answer.mark,
                Severity.error,
                "unknown-option",
                _("{number} takes one of {choices}, not '{value}'{hint}").format(
                    number=entry.number, choices=", ".join(allowed), value=clean(value), hint=hint_text
                ),
                entry,
            )
            return None
        _check_extras(answer, entry, [], out)
        return code
    if kind is AnswerKind.text:
        if not isinstance(value, str):
            out.add(
                answer.mark,
                Severity.error,
                "wrong-kind",
                _("{number} is answered in free text, not a list").format(number=entry.number),
                entry,
            )
            return None
        _check_extras(answer, entry, [], out)
        return value
    codes_allowed = entry.values
    chosen = [value] if isinstance(value, str) else list(value)  # type: ignore[arg-type]
    if kind is AnswerKind.choice and not isinstance(value, str) and len(chosen) != 1:
        out.add(
            answer.mark,
            Severity.error,
            "wrong-kind",
            _("{number} takes a single option, not {count}").format(number=entry.number, count=len(chosen)),
            entry,
        )
        return None
    valid: list[str] = []
    for code in chosen:
        text = str(code)
        if text not in codes_allowed:
            close = _close_matches(text, codes_allowed, n=1)
            hint = _(" (did you mean {suggestion}?)").format(suggestion=close[0]) if close else ""
            out.add(
                answer.mark,
                Severity.error,
                "unknown-option",
                _("{number} has no option '{value}'{hint}; its options are: {choices}").format(
                    number=entry.number, value=clean(text), hint=hint, choices=", ".join(codes_allowed)
                ),
                entry,
            )
        elif text in valid:
            out.add(
                answer.mark,
                Severity.warning,
                "duplicate-option",
                _("{number}: option {code} is chosen twice").format(number=entry.number, code=text),
                entry,
            )
        else:
            valid.append(text)
    _check_extras(answer, entry, valid, out)
    if not valid:
        return None
    return valid[0] if kind is AnswerKind.choice else valid


def _check_extras(answer: Answer, entry: Entry, chosen: list[str], out: _Collector) -> None:
    """``other``, ``details`` and ``links`` against what was chosen."""
    specify = entry.specify
    if answer.other is None and not answer.details and not answer.links and not (chosen and specify):
        return
    if answer.other is not None and str(answer.other.value).strip():
        if "other" not in entry.values:
            out.add(
                answer.other.mark,
                Severity.error,
                "other-without-option",
                _("{number} has no option 'other', so 'other' text has no place").format(number=entry.number),
                entry,
            )
        elif "other" not in chosen:
            out.add(
                answer.other.mark,
                Severity.error,
                "other-without-option",
                _("'other' text is given but the option 'other' is not chosen in {number}").format(number=entry.number),
                entry,
            )
    for code, located in answer.details.items():
        if code not in entry.values:
            out.add(
                located.mark,
                Severity.error,
                "unknown-option",
                _("details are given for '{value}', which is not an option of {number}").format(value=clean(code), number=entry.number),
                entry,
            )
        elif code not in chosen:
            out.add(
                located.mark,
                Severity.error,
                "details-without-option",
                _("details are given for '{code}' but that option is not chosen in {number}").format(code=clean(code), number=entry.number),
                entry,
            )
    for code in chosen:
        if code in specify:
            text = answer.other if code == "other" else answer.details.get(code)
            if text is None or text.value is None or not str(text.value).strip():
                where = "other" if code == "other" else f"details: {{{code}: …}}"
                label = value_label(entry, code)  # type: ignore[union-attr]
                out.add(
                    answer.mark,
                    Severity.warning,
                    "specify-missing",
                    _("{number}: {label} is chosen but not specified (add {field})").format(
                        number=entry.number, label=quoted(label), field=where
                    ),
                    entry,
                )
    for link in answer.links:
        text = str(link.value).strip()
        if not (text.startswith(("http://", "https://")) and "." in text.split("//", 1)[1].split("/", 1)[0]):
            out.add(
                link.mark, Severity.warning, "bad-link", _("'{value}' is not an absolute http(s) link").format(value=clean(text)), entry
            )


def _why_not(entry: Entry, status: Applicability, definition: Definition, values: dict[str, object], response: Response) -> str:
    condition = status.condition
    assert condition is not None
    if status.scope == "part":
        instrument = entry.part.instrument.value
        return _("it belongs to the part on {instrument}, which applies only when {condition} (parties: {parties})").format(
            instrument=instrument_name(instrument),
            condition=describe(condition, definition.entries),
            parties=", ".join(sorted(response.party_set)) or _("none"),
        )
    if status.scope == "section":
        value = "true" if response.is_uncac_party else "false"
        heading = quoted(questionnaire_text(entry.section.heading, current_language()))
        return _("{heading} applies only when {condition} (uncac_party: {value})").format(
            heading=heading, condition=describe(condition, definition.entries), value=value
        )
    owner = status.owner
    assert owner is not None
    rule = _("{number} applies only when {condition}; {values}").format(
        number=owner.number, condition=describe(condition, definition.entries), values=current_values(condition, definition.entries, values)
    )
    return rule if owner is entry else _("{rule}, so its sub-item {number} does not apply either").format(rule=rule, number=entry.number)


def _check_legislation(entry: Entry, answer: Answer, values: dict[str, object], out: _Collector) -> None:
    """Under each “Yes” in an article's questions, the guidance asks for the applicable legislation."""
    if answer.legislation or entry.kind not in SCALE_VALUES or entry.section.kind != "article":
        return
    code = values.get(entry.id)
    if code == "yes" or code == "partly":
        out.add(
            answer.mark,
            Severity.warning,
            "legislation-missing",
            _(
                "{number} is {answer} but cites no legislation (the general guidance asks for the applicable legislation "
                "under each {yes}; add legislation: [...])"
            ).format(number=entry.number, answer=quoted(scale_label(str(code))), yes=quoted(scale_label("yes"))),
            entry,
        )


def _check_unanswered(
    definition: Definition,
    status: dict[str, Applicability],
    values: dict[str, object],
    response: Response,
    complete: bool,
    out: _Collector,
) -> None:
    """Every expected item without an answer (:func:`completeness`): applicable, or pending on an unanswered one."""
    severity = Severity.error if complete else Severity.info
    where = response.answers_mark
    progress = completeness(definition, values, response.party_set, response.is_uncac_party, status)
    for item_id in progress.unanswered:
        entry = definition.entries[item_id]
        answer = response.answers.get(item_id)
        mark = answer.mark if answer is not None else where
        waits = progress.waiting_on.get(item_id)
        if waits:
            numbers = joined([definition.entries[i].number for i in waits], "or")
            message = _("{number} may apply but is not answered: it depends on the answer to {numbers}, not given yet").format(
                number=entry.number, numbers=numbers
            )
        else:
            message = _("{number} applies but is not answered").format(number=entry.number)
        out.add(mark, severity, "unanswered", message, entry)
