"""Response files: read a State's answers from strict YAML, keeping every position.

Reading never judges answers against a questionnaire (that is validation's job);
it only turns the YAML tree into typed records and reports what is malformed in
the file itself: the wrong type for a field, an unknown key, a duplicate key.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from engine.conditions.evaluate import is_given
from engine.i18n import _
from engine.strict_yaml import DuplicateHandler, Mapping, Mark, Node, Position, Scalar, Sequence, YamlError, load_path, parse_text
from engine.validation.codes import Code

LANGUAGES = ("ar", "en", "es", "fr", "ru", "zh")
PROTOCOLS = ("trafficking", "smuggling", "firearms")
HEADER_KEYS = ("questionnaire", "state", "language", "parties", "uncac_party", "answers")
ANSWER_KEYS = ("answer", "legislation", "links", "comment", "other", "details", "contributor")
NULLS = ("", "~", "null", "Null", "NULL")
TRUE = ("true", "True", "TRUE", "yes", "Yes", "YES")
FALSE = ("false", "False", "FALSE", "no", "No", "NO")


@dataclass(slots=True)
class Problem:
    """A defect of the file's shape, found while reading it."""

    mark: Position
    text: str | Callable[[], str]
    """The message, or what words it when it is needed (a file may repeat some problems many
    thousand times, and the validator lists only the first ones)."""
    item: str | None = None
    code: Code = Code.wrong_type

    @property
    def message(self) -> str:
        return self.text() if callable(self.text) else self.text


@dataclass(slots=True)
class Located:
    """A value with the position of its node (the node itself, when read from a file: a Mark is
    made only if a finding needs one)."""

    value: object
    mark: Position


@dataclass(slots=True)
class Answer:
    """One entry of ``answers``: the answer and what supports it."""

    id: str
    key_mark: Position
    value: object = None
    """``None`` (no answer), a string (a code or a text), or a list of option codes."""
    value_mark: Position | None = None
    legislation: list[Located] = field(default_factory=list)
    links: list[Located] = field(default_factory=list)
    comment: Located | None = None
    other: Located | None = None
    details: dict[str, Located] = field(default_factory=dict)
    contributor: Located | None = None
    """Who gave the answer (a ministry, a person): free text, optional."""

    @property
    def mark(self) -> Position:
        return self.value_mark or self.key_mark

    @property
    def is_given(self) -> bool:
        """An answer is given unless it is null, blank or an empty list (one rule: ``conditions.evaluate.is_given``)."""
        return is_given(self.value)


@dataclass(slots=True)
class Response:
    """A State's response file for one cluster."""

    path: Path
    questionnaire: Located | None = None
    state: Located | None = None
    language: Located | None = None
    parties: list[Located] = field(default_factory=list)
    parties_mark: Position | None = None
    uncac_party: Located | None = None
    uncac_party_mark: Position | None = None
    """Where ``uncac_party`` is given (``None`` when missing or empty, even if its value is not true or false)."""
    answers: dict[str, Answer] = field(default_factory=dict)
    answers_mark: Position | None = None
    problems: list[Problem] = field(default_factory=list)

    @property
    def party_set(self) -> frozenset[str]:
        return frozenset(str(p.value) for p in self.parties)

    @property
    def is_uncac_party(self) -> bool:
        return self.uncac_party is not None and self.uncac_party.value is True


class Unreadable(Exception):
    """The file is not a response file at all (exit code 2)."""

    def __init__(self, message: str, mark: Mark | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.mark = mark or Mark(1, 1)


def read(path: Path) -> Response:
    """Read a response file; raise :class:`Unreadable` when it is not one at all."""
    return _read(path, lambda on_duplicate: load_path(path, on_duplicate))


def read_text(text: str, path: Path) -> Response:
    """Read the text of a response file (``path`` names it in messages)."""
    return _read(path, lambda on_duplicate: parse_text(text, on_duplicate))


def _read(path: Path, parse: Callable[[DuplicateHandler], Node | None]) -> Response:
    response = Response(path)

    def duplicate(key: str, first: Position, again: Position) -> None:
        response.problems.append(
            Problem(
                again,
                lambda: _("duplicate key {key!r}: first at line {first}, again at line {again}; the second is ignored").format(
                    key=key, first=first.line, again=again.line
                ),
                code=Code.duplicate_key,
            )
        )

    try:
        root = parse(duplicate)
    except YamlError as error:
        raise Unreadable(error.message, error.mark) from None
    if root is None:
        raise Unreadable(_("the file is empty; a response file is a YAML mapping (see `untoc new`)"))
    if not isinstance(root, Mapping):
        raise Unreadable(_("a response file is a YAML mapping with keys such as questionnaire, state and answers"), root.mark)
    _read_header(root, response)
    return response


def _null(node: Node | None) -> bool:
    return node is None or (isinstance(node, Scalar) and node.plain and node.value in NULLS)


def _text(node: Node | None, what: str, response: Response, item: str | None = None) -> Located | None:
    if _null(node):
        return None
    if not isinstance(node, Scalar):
        assert node is not None
        response.problems.append(Problem(node, _not_text(node, what), item, Code.wrong_type))
        return None
    return Located(node.value, node)


def _not_text(node: Node, what: str) -> str:
    return (_("{field} must be text, not a list") if isinstance(node, Sequence) else _("{field} must be text, not a mapping")).format(
        field=what
    )


def _text_list(node: Node | None, what: str, response: Response, item: str | None = None) -> list[Located]:
    if type(node) is Sequence:  # the common case first, without building messages
        values = []
        for child in node.items:
            if type(child) is Scalar and not _null(child):
                values.append(Located(child.value, child))
            elif _null(child):
                response.problems.append(
                    Problem(child, lambda: _("an entry of {field} is empty").format(field=what), item, Code.wrong_type)
                )
            else:
                response.problems.append(
                    Problem(child, lambda child=child: _not_text(child, _("each entry of {field}").format(field=what)), item)
                )
        return values
    if _null(node):
        return []
    if isinstance(node, Scalar):
        return [Located(node.value, node)]
    assert isinstance(node, Mapping)
    response.problems.append(Problem(node, _("{field} must be a list of texts").format(field=what), item, Code.wrong_type))
    return []


def _read_header(root: Mapping, response: Response) -> None:
    for key, _value in root.pairs:
        if key.value not in HEADER_KEYS:
            response.problems.append(
                Problem(
                    key,
                    lambda key=key: _("unknown key {key!r}; a response file has: {keys}").format(
                        key=key.value, keys=", ".join(HEADER_KEYS)
                    ),
                    code=Code.unknown_key,
                )
            )
    response.questionnaire = _text(root.get("questionnaire"), "questionnaire", response)
    response.state = _text(root.get("state"), "state", response)
    response.language = _text(root.get("language"), "language", response)
    parties = root.get("parties")
    response.parties_mark = parties
    response.parties = _text_list(parties, "parties", response)
    uncac = root.get("uncac_party")
    if not _null(uncac):
        assert uncac is not None
        response.uncac_party_mark = uncac
        if isinstance(uncac, Scalar) and uncac.value in TRUE:
            response.uncac_party = Located(True, uncac)
        elif isinstance(uncac, Scalar) and uncac.value in FALSE:
            response.uncac_party = Located(False, uncac)
        else:
            response.problems.append(Problem(uncac, _("uncac_party must be true or false"), code=Code.wrong_type))
    answers = root.get("answers")
    if _null(answers):
        return
    assert answers is not None
    response.answers_mark = answers
    if not isinstance(answers, Mapping):
        response.problems.append(Problem(answers, _('answers must be a mapping of question ids ("3.a") to answers'), code=Code.wrong_type))
        return
    for key, node in answers.pairs:
        response.answers[key.value] = _read_answer(key, node, response)


def _read_answer(key: Scalar, node: Node, response: Response) -> Answer:
    answer = Answer(key.value, key)
    value_node = _read_fields(node, answer, response) if isinstance(node, Mapping) else node
    answer.value_mark = value_node
    if not _null(value_node):
        assert value_node is not None
        answer.value = _read_value(value_node, key.value, response)
    return answer


def _read_fields(node: Mapping, answer: Answer, response: Response) -> Node | None:
    """The fields of an answer written as a mapping, into ``answer``; the node of its ``answer:`` (``None`` if none)."""
    item = answer.id
    value_node: Node | None = None
    for field_key, field_node in node.pairs:  # one pass: most answers have two or three fields
        name = field_key.value
        if name == "answer":
            value_node = field_node
        elif name == "legislation":
            answer.legislation = _text_list(field_node, name, response, item)
        elif name == "links":
            answer.links = _text_list(field_node, name, response, item)
        elif name == "comment":
            answer.comment = _text(field_node, name, response, item)
        elif name == "other":
            answer.other = _text(field_node, name, response, item)
        elif name == "details":
            _read_details(field_node, answer, response)
        elif name == "contributor":
            answer.contributor = _text(field_node, name, response, item)
        else:
            response.problems.append(
                Problem(
                    field_key,
                    lambda name=name: _("unknown key {key!r} in an answer; use: {keys}").format(key=name, keys=", ".join(ANSWER_KEYS)),
                    item,
                    Code.unknown_key,
                )
            )
    return value_node


def _read_value(value_node: Node, item: str, response: Response) -> str | list[str] | None:
    """The value of an answer: a code or a text, or a list of codes; ``None`` (and a problem) for a mapping."""
    if isinstance(value_node, Scalar):
        return value_node.value  # type: ignore[no-any-return]
    if isinstance(value_node, Sequence):
        codes = []
        for child in value_node.items:
            if _null(child):
                response.problems.append(
                    Problem(child, lambda: _("an entry of the list of chosen options is empty"), item, Code.wrong_type)
                )
            elif isinstance(child, Scalar):
                codes.append(child.value)
            else:
                response.problems.append(Problem(child, lambda: _("each chosen option is a code such as other"), item, Code.wrong_type))
        return codes
    response.problems.append(Problem(value_node, _("an answer is a code, a text or a list of codes, not a mapping"), item, Code.wrong_type))
    return None


def _read_details(node: Node, answer: Answer, response: Response) -> None:
    if isinstance(node, Mapping):
        for code, text_node in node.pairs:
            located = _text(text_node, _("details of {code!r}").format(code=code.value), response, answer.id)
            answer.details[code.value] = Located(None if located is None else located.value, code)
    elif not _null(node):
        response.problems.append(Problem(node, _("details must map option codes to texts"), answer.id, Code.wrong_type))
