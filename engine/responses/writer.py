"""Write a set of answers back as a response file a person can read and diff.

The header comes in the documented order (questionnaire, state, language, parties,
uncac_party, answers); answers follow the questionnaire's order (ids the
questionnaire does not know come last, in their original order, so nothing is
lost); ids are quoted. An answer with nothing but a value is written bare, else as
a mapping ``{answer, legislation, links, comment, other, details, contributor}``. Multi-line
texts become literal block scalars; any text that would not read back unchanged
as a plain scalar is double-quoted. Comments of a hand-written file are not kept.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from engine.responses.model import NULLS, Response

_INDICATORS = set("-?:,[]{}#&*!|>'\"%@`")
_BREAKS = ("\r", "\x85", "\u2028", "\u2029")
_LOOKS_TYPED = re.compile(
    r"^(?:[-+]?[0-9][0-9_.:eExXoObB+-]*|[-+]?\.(?:inf|Inf|INF|nan|NaN|NAN)|y|Y|n|N|yes|Yes|YES|no|No|NO|true|True|TRUE|false|False|FALSE"
    r"|on|On|ON|off|Off|OFF|<<|=)$"
)
_CODE = re.compile(r"^[a-z0-9]*[a-z][a-z0-9]*(-[a-z0-9]+)*$")
_ESCAPES = {"\\": "\\\\", '"': '\\"', "\n": "\\n", "\t": "\\t", "\r": "\\r", "\0": "\\0", "\x85": "\\N", "\u2028": "\\L", "\u2029": "\\P"}


@dataclass(slots=True)
class Record:
    """One answer, as plain data: what the UI edits and the writer writes."""

    value: str | list[str] | None = None
    legislation: list[str] = field(default_factory=list)
    links: list[str] = field(default_factory=list)
    comment: str | None = None
    other: str | None = None
    details: dict[str, str | None] = field(default_factory=dict)
    contributor: str | None = None

    @property
    def is_bare(self) -> bool:
        return not (self.legislation or self.links or self.comment or self.other or self.details or self.contributor)

    @property
    def is_empty(self) -> bool:
        return self.is_bare and (self.value is None or self.value == "" or self.value == [])


def normalized(record: Record | None) -> Record | None:
    """``record`` as it reads back once written: empty texts are no text; ``None`` when there is no answer at all."""
    if record is None or record.is_empty:
        return None
    return Record(
        None if record.value == "" else record.value,
        list(record.legislation),
        list(record.links),
        record.comment or None,
        record.other or None,
        {code: text or None for code, text in record.details.items()},
    )


@dataclass(slots=True)
class Document:
    """A response file's content: header and answers (ids → records)."""

    questionnaire: str
    state: str
    language: str
    parties: list[str] = field(default_factory=list)
    uncac_party: bool = False
    answers: dict[str, Record] = field(default_factory=dict)


def from_response(response: Response) -> Document:
    """The plain content of a read response file (positions dropped)."""

    def text(located: object) -> str:
        return "" if located is None else str(located.value)  # type: ignore[attr-defined]

    document = Document(
        questionnaire=text(response.questionnaire),
        state=text(response.state),
        language=text(response.language),
        parties=[str(p.value) for p in response.parties],
        uncac_party=response.is_uncac_party,
    )
    for item_id, answer in response.answers.items():
        value = answer.value
        document.answers[item_id] = Record(
            value=list(value) if isinstance(value, list) else (None if value is None else str(value)),  # type: ignore[arg-type]
            legislation=[str(x.value) for x in answer.legislation],
            links=[str(x.value) for x in answer.links],
            comment=None if answer.comment is None else str(answer.comment.value),
            other=None if answer.other is None else str(answer.other.value),
            details={code: None if x.value is None else str(x.value) for code, x in answer.details.items()},
            contributor=None if answer.contributor is None else str(answer.contributor.value),
        )
    return document


def dump(document: Document, order: Iterable[str] = (), heading: str | None = None) -> str:
    """The YAML text of ``document``; answers sorted by ``order`` (the questionnaire's ids).

    ``heading`` replaces the first comment line (which says what wrote the file).
    """
    lines = [
        heading or "# Response file written by untoc (untoc fill); check it with: untoc validate FILE",
        f"questionnaire: {scalar(document.questionnaire)}",
        f"state: {scalar(document.state)}",
        f"language: {scalar(document.language)}",
        f"parties: [{', '.join(scalar(p, flow=True, code=True) for p in document.parties)}]",
        f"uncac_party: {'true' if document.uncac_party else 'false'}",
        "answers:",
    ]
    rank = {item_id: i for i, item_id in enumerate(order)}
    ids = sorted(document.answers, key=lambda i: rank.get(i, len(rank)))
    for item_id in ids:
        record = document.answers[item_id]
        if record.is_empty:
            continue
        lines.extend(answer_lines(item_id, record, "  "))
    return "\n".join(lines) + "\n"


def answer_lines(item_id: str, record: Record, indent: str) -> list[str]:
    """The lines of one answer, its key at ``indent``: bare when it has nothing but a value, else a mapping."""
    key = f"{indent}{_double(item_id)}:"
    if record.is_bare:
        return _field(key, record.value, indent + "  ", code=True)
    return [key, *shifted([line for name in ANSWER_FIELDS for line in field_lines(name, record)], indent + "  ")]


ANSWER_FIELDS = ("answer", "legislation", "links", "comment", "other", "details", "contributor")
"""The fields of an answer written as a mapping, in the documented order."""


def field_lines(name: str, record: Record) -> list[str]:
    """One field of an answer written as a mapping, at column 0 (``[]`` when the field is empty)."""
    if name == "answer":
        return _field("answer:", record.value, "  ", code=True) if record.value is not None and record.value != "" else []
    if name in ("legislation", "links"):
        values: list[str] = getattr(record, name)
        return [f"{name}:", *(line for value in values for line in _field("  -", value, "    "))] if values else []
    if name in ("comment", "other", "contributor"):
        text: str | None = getattr(record, name)
        return _field(f"{name}:", text, "  ") if text is not None and text != "" else []
    if not record.details:
        return []
    out = ["details:"]
    for code, text in record.details.items():
        out.extend(_field(f"  {scalar(code)}:", text or "", "    ") if text else [f"  {scalar(code)}:"])
    return out


def shifted(lines: list[str], indent: str) -> list[str]:
    """``lines`` moved right by ``indent`` (empty lines stay empty: they may be lines of a block scalar)."""
    return [indent + line if line else "" for line in lines]


def _field(prefix: str, value: str | list[str] | None, indent: str, code: bool = False) -> list[str]:
    """``prefix value`` on one line, or with a block scalar on the lines below."""
    if value is None:
        return [prefix]
    if isinstance(value, list):
        return [f"{prefix} [{', '.join(scalar(v, flow=True, code=True) for v in value)}]"]
    block = _block(value, indent)
    if block is not None:
        return [f"{prefix} {block[0]}", *block[1:]]
    return [f"{prefix} {scalar(value, code=code)}"]


def _block(text: str, indent: str) -> list[str] | None:
    """A literal block scalar for a multi-line text, or ``None`` when one would not round-trip."""
    if "\n" not in text or any(b in text for b in _BREAKS) or "\ufeff" in text or not _printable(text, allow="\n\t"):
        return None
    body = text[:-1] if text.endswith("\n") else text
    if not body or body.endswith("\n") or body.startswith((" ", "\t", "\n")):
        return None
    lines = body.split("\n")
    if any(line and not line.strip(" \t") for line in lines) or any(line.startswith("\t") for line in lines):
        return None
    header = "|" if text.endswith("\n") else "|-"
    return [header, *[f"{indent}{line}" if line else "" for line in lines]]


def _printable(text: str, allow: str = "") -> bool:
    return all(c in allow or (c.isprintable() and c not in "\ufeff") or c == " " for c in text)


def scalar(text: str, flow: bool = False, code: bool = False) -> str:
    """``text`` as a plain scalar when it reads back unchanged (and untyped), else double-quoted.

    With ``code``, an option or answer code (``yes``, ``lack-of-awareness``) stays bare:
    untoc reads ``yes`` as the code, never as a boolean.
    """
    if code and _CODE.match(text) and text not in NULLS:
        return text
    if _plain_ok(text, flow):
        return text
    return _double(text)


def _plain_ok(text: str, flow: bool) -> bool:
    if not text or text != text.strip() or text in NULLS or _LOOKS_TYPED.match(text):
        return False
    if text[0] in _INDICATORS or text.startswith(("...", "---")) or text.endswith(":"):
        return False
    if ": " in text or " #" in text or "\t" in text or not _printable(text):
        return False
    return not (flow and any(c in text for c in ",[]{}"))


def _double(text: str) -> str:
    """A YAML double-quoted scalar; escapes whatever YAML would fold or refuse."""
    out = []
    for c in text:
        if c in _ESCAPES:
            out.append(_ESCAPES[c])
        elif c == "\ufeff" or not (c.isprintable() or c == " "):
            code = ord(c)
            out.append(f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}" if code < 0x10000 else f"\\U{code:08x}")
        else:
            out.append(c)
    return '"' + "".join(out) + '"'
