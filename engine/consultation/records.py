"""Answers compared and described the same way by split, merge and diff.

Two answers are the same when they say the same thing: the value (chosen options in any order),
legislation, links, comment and the texts of ``other`` and ``details``, each compared without
surrounding blanks or differences of line ends. Who gave them (``contributor``) is not part of it.
"""

from __future__ import annotations

from collections.abc import Callable

from engine.conditions.describe import quoted, value_label
from engine.definition.index import Entry, excerpt
from engine.i18n import _
from engine.responses.writer import Record
from engine.validation.sanitize import clean

FIELDS = ("answer", "legislation", "links", "comment", "other", "details", "contributor")
"""The fields of an answer, as the response file names them."""


def _text(value: str | None) -> str:
    if value is None:
        return ""
    lines = value.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    return "\n".join(line.rstrip() for line in lines).strip()


def field_values(record: Record) -> dict[str, object]:
    """Each field of ``record`` in a form that compares as the answers mean it (empty fields as empty)."""
    value = record.value
    return {
        "answer": tuple(sorted(_text(v) for v in value)) if isinstance(value, list) else _text(value),
        "legislation": tuple(t for t in (_text(x) for x in record.legislation) if t),
        "links": tuple(t for t in (_text(x) for x in record.links) if t),
        "comment": _text(record.comment),
        "other": _text(record.other),
        "details": tuple(sorted((code, _text(text)) for code, text in record.details.items())),
        "contributor": _text(record.contributor),
    }


def answered(record: Record | None) -> bool:
    """``record`` says something: a value or any field other than ``contributor``."""
    if record is None:
        return False
    values = field_values(record)
    return any(values[name] for name in FIELDS if name != "contributor")


def same(first: Record | None, second: Record | None) -> bool:
    """The two answers say the same thing (whoever gave them)."""
    if not answered(first) or not answered(second):
        return answered(first) == answered(second)
    assert first is not None and second is not None
    one, other = field_values(first), field_values(second)
    return all(one[name] == other[name] for name in FIELDS if name != "contributor")


def changed_fields(old: Record | None, new: Record | None) -> list[str]:
    """The fields whose content differs, in the file's order."""
    one, other = field_values(old or Record()), field_values(new or Record())
    return [name for name in FIELDS if one[name] != other[name]]


def show_value(entry: Entry | None, record: Record) -> str:
    """The answer itself, in words: option labels in quotes, or an excerpt of the text."""
    value = record.value
    if value is None or value == "" or value == []:
        return _("no answer")
    codes = value if isinstance(value, list) else [value]
    if entry is not None and entry.values:
        return _(", ").join(quoted(clean(value_label(entry, code))) for code in codes)
    return _(", ").join(quoted(excerpt(clean(code), 60)) for code in codes)


def show_field(entry: Entry | None, record: Record, name: str) -> str:
    """One field of ``record`` in words (an excerpt for long texts)."""
    shown: dict[str, Callable[[], str]] = {
        "answer": lambda: show_value(entry, record),
        "legislation": lambda: _("; ").join(quoted(excerpt(clean(x), 60)) for x in record.legislation),
        "links": lambda: " ".join(clean(x) for x in record.links),
        "comment": lambda: quoted(excerpt(clean(record.comment or ""), 60)),
        "other": lambda: quoted(excerpt(clean(record.other or ""), 60)),
        "details": lambda: _("; ").join(
            f"{clean(code)}: {quoted(excerpt(clean(text or ''), 40))}" for code, text in record.details.items()
        ),
        "contributor": lambda: clean(record.contributor or ""),
    }
    text = shown[name]()
    return text if text and text != quoted("") else "—"


def show(entry: Entry | None, record: Record, contributor: bool = True) -> str:
    """An answer in words: its value, then whichever other fields it has (``legislation: …``)."""
    values = field_values(record)
    pieces = [show_value(entry, record)]
    for name in FIELDS[1:]:
        if values[name] and (contributor or name != "contributor"):
            pieces.append(f"{name}: {show_field(entry, record, name)}")
    return _("; ").join(pieces)
