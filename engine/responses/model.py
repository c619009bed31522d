"""Response files: read a State's answers from strict YAML, keeping every position.

Reading never judges answers against a questionnaire (that is validation's job);
it only turns the YAML tree into typed records and reports what is malformed in
the file itself: the wrong type for a field, an unknown key, a duplicate key.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from engine.i18n import _
from engine.strict_yaml import Mapping, Mark, Node, Position, Scalar, Sequence, YamlError, load_path

LANGUAGES = ("ar", "en", "es", "fr", "ru", "zh")
PROTOCOLS = ("trafficking", "smuggling", "firearms")
HEADER_KEYS = ("questionnaire", "state", "language", "parties", "uncac_party", "answers")
ANSWER_KEYS = ("answer", "legislation", "links", "comment", "other", "details")
NULLS = ("", "~", "null", "Null", "NULL")
TRUE = ("true", "True", "TRUE", "yes", "Yes", "YES")
FALSE = ("false", "False", "FALSE", "no", "No", "NO")


@dataclass(frozen=True, slots=True)
class Problem:
    """A defect of the file's shape, found while reading it."""

    mark: Position
    message: str
    item: str | None = None
    code: str = "malformed"


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

    @property
    def mark(self) -> Position:
        return self.value_mark or self.key_mark

    @property
    def is_given(self) -> bool:
        if self.value is None:
            return False
        if isinstance(self.value, str):
            return self.value.strip() != ""
        return bool(self.value)


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
    response = Response(path)

    def duplicate(key: str, first: Mark, again: Mark) -> None:
        response.problems.append(
            Problem(
                again,
                _("duplicate key {key!r}: first at line {first}, again at line {again}; the second is ignored").format(key=key, first=first.line, again=again.line),
                code="duplicate-key",
            )
        )

    try:
        root = load_path(path, duplicate)
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
        response.problems.append(
            Problem(
                node.mark,
                (_("{field} must be text, not a list") if isinstance(node, Sequence) else _("{field} must be text, not a mapping")).format(field=what),
                item,
                "wrong-type",
            )
        )
        return None
    return Located(node.value, node)


def _text_list(node: Node | None, what: str, response: Response, item: str | None = None) -> list[Located]:
    if type(node) is Sequence:  # the common case first, without building messages
        values = []
        for child in node.items:
            if type(child) is Scalar and not _null(child):
                values.append(Located(child.value, child))
            elif _null(child):
                response.problems.append(Problem(child.mark, _("an entry of {field} is empty").format(field=what), item, "wrong-type"))
            else:
                _text(child, _("each entry of {field}").format(field=what), response, item)
        return values
    if _null(node):
        return []
    if isinstance(node, Scalar):
        return [Located(node.value, node)]
    assert isinstance(node, Mapping)
    response.problems.append(Problem(node.mark, _("{field} must be a list of texts").format(field=what), item, "wrong-type"))
    return []


def _read_header(root: Mapping, response: Response) -> None:
    for key, _value in root.pairs:
        if key.value not in HEADER_KEYS:
            response.problems.append(
                Problem(key.mark, _("unknown key {key!r}; a response file has: {keys}").format(key=key.value, keys=", ".join(HEADER_KEYS)), code="unknown-key")
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
        if isinstance(uncac, Scalar) and uncac.value in TRUE:
            response.uncac_party = Located(True, uncac)
        elif isinstance(uncac, Scalar) and uncac.value in FALSE:
            response.uncac_party = Located(False, uncac)
        else:
            response.problems.append(Problem(uncac.mark, _("uncac_party must be true or false"), code="bad-uncac-party"))
    answers = root.get("answers")
    if _null(answers):
        return
    assert answers is not None
    response.answers_mark = answers
    if not isinstance(answers, Mapping):
        response.problems.append(Problem(answers.mark, _('answers must be a mapping of question ids ("3.a") to answers'), code="wrong-type"))
        return
    for key, node in answers.pairs:
        response.answers[key.value] = _read_answer(key, node, response)


def _read_answer(key: Scalar, node: Node, response: Response) -> Answer:
    answer = Answer(key.value, key)
    if isinstance(node, Mapping):
        value_node: Node | None = None
        for field_key, field_node in node.pairs:  # one pass: most answers have two or three fields
            name = field_key.value
            if name == "answer":
                value_node = field_node
            elif name == "legislation":
                answer.legislation = _text_list(field_node, name, response, key.value)
            elif name == "links":
                answer.links = _text_list(field_node, name, response, key.value)
            elif name == "comment":
                answer.comment = _text(field_node, name, response, key.value)
            elif name == "other":
                answer.other = _text(field_node, name, response, key.value)
            elif name == "details":
                _read_details(field_node, answer, response)
            else:
                response.problems.append(
                    Problem(
                        field_key.mark,
                        _("unknown key {key!r} in an answer; use: {keys}").format(key=name, keys=", ".join(ANSWER_KEYS)),
                        key.value,
                        "unknown-key",
                    )
                )
    else:
        value_node = node
    if _null(value_node):
        answer.value_mark = value_node
        return answer
    assert value_node is not None
    answer.value_mark = value_node
    if isinstance(value_node, Scalar):
        answer.value = value_node.value
    elif isinstance(value_node, Sequence):
        codes = []
        for child in value_node.items:
            if _null(child):
                response.problems.append(Problem(child.mark, _("an entry of the list of chosen options is empty"), key.value, "wrong-type"))
            elif isinstance(child, Scalar):
                codes.append(child.value)
            else:
                response.problems.append(Problem(child.mark, _("each chosen option is a code such as other"), key.value, "wrong-type"))
        answer.value = codes
    else:
        response.problems.append(
            Problem(value_node.mark, _("an answer is a code, a text or a list of codes, not a mapping"), key.value, "wrong-type")
        )
    return answer


def _read_details(node: Node, answer: Answer, response: Response) -> None:
    if isinstance(node, Mapping):
        for code, text_node in node.pairs:
            located = _text(text_node, _("details of {code!r}").format(code=code.value), response, answer.id)
            answer.details[code.value] = Located(None if located is None else located.value, code)
    elif not _null(node):
        response.problems.append(Problem(node.mark, _("details must map option codes to texts"), answer.id, "wrong-type"))
