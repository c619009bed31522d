"""What changed between two versions of a response: answers added, removed and changed, by question number.

An answer counts when it says something (a value or any field besides ``contributor``); one that
only changed hands (``contributor``) is a change too. Answers come in the questionnaire's order.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from engine.consultation.records import FIELDS, answered, changed_fields, field_values, show, show_field
from engine.consultation.source import Source
from engine.definition.loaded import Definition
from engine.i18n import _, ngettext
from engine.responses.writer import Record
from engine.validation.sanitize import clean

ADDED, REMOVED, CHANGED = "added", "removed", "changed"


@dataclass(slots=True)
class Change:
    """One answer added, removed or changed."""

    item: str
    number: str
    kind: str
    old: Record | None
    new: Record | None
    fields: list[str] = field(default_factory=list)


@dataclass(slots=True)
class HeaderChange:
    key: str
    old: object
    new: object


@dataclass(slots=True)
class Diff:
    old: Source
    new: Source
    header: list[HeaderChange]
    changes: list[Change]

    def count(self, kind: str) -> int:
        return sum(1 for c in self.changes if c.kind == kind)

    @property
    def empty(self) -> bool:
        return not self.header and not self.changes


def diff(definition: Definition, old: Source, new: Source) -> Diff:
    """The differences from ``old`` to ``new`` (two versions of the same questionnaire's response)."""
    header = [
        HeaderChange(key, getattr(old.document, key), getattr(new.document, key))
        for key in ("questionnaire", "state", "language", "parties", "uncac_party")
        if getattr(old.document, key) != getattr(new.document, key)
    ]
    rank = {item_id: i for i, item_id in enumerate(definition.entries)}
    ids = sorted(set(old.document.answers) | set(new.document.answers), key=lambda i: rank.get(i, len(rank)))
    changes = []
    for item_id in ids:
        before, after = old.document.answers.get(item_id), new.document.answers.get(item_id)
        entry = definition.entries.get(item_id)
        number = entry.number if entry else clean(item_id)
        if answered(before) and answered(after):
            fields = changed_fields(before, after)
            if fields:
                changes.append(Change(item_id, number, CHANGED, before, after, fields))
        elif answered(after):
            changes.append(Change(item_id, number, ADDED, None, after))
        elif answered(before):
            changes.append(Change(item_id, number, REMOVED, before, None))
    return Diff(old, new, header, changes)


def as_text(result: Diff, definition: Definition) -> str:
    """``+ 12 (a) “Yes”`` … one line per change, then a count."""
    lines = [f"--- {result.old.path}", f"+++ {result.new.path}"]
    for change in result.header:
        lines.append(f"~ {change.key}: {_header_value(change.old)} → {_header_value(change.new)}")
    for change in result.changes:
        entry = definition.entries.get(change.item)
        if change.kind == ADDED:
            lines.append(f"+ {change.number}  {show(entry, change.new)}")  # type: ignore[arg-type]
        elif change.kind == REMOVED:
            lines.append(f"- {change.number}  {show(entry, change.old)}")  # type: ignore[arg-type]
        else:
            pieces = [
                f"{name}: {show_field(entry, change.old, name)} → {show_field(entry, change.new, name)}"  # type: ignore[arg-type]
                for name in change.fields
            ]
            lines.append(f"~ {change.number}  " + _("; ").join(pieces))
    if result.empty:
        lines.append(_("no differences"))
    else:
        lines.append(
            _("{added}, {removed}, {changed}").format(
                added=ngettext("{count} answer added", "{count} answers added", result.count(ADDED)).format(count=result.count(ADDED)),
                removed=ngettext("{count} removed", "{count} removed", result.count(REMOVED)).format(count=result.count(REMOVED)),
                changed=ngettext("{count} changed", "{count} changed", result.count(CHANGED)).format(count=result.count(CHANGED)),
            )
        )
    return "\n".join(lines) + "\n"


def _header_value(value: object) -> str:
    if isinstance(value, list):
        return "[" + ", ".join(clean(v) for v in value) + "]"
    if isinstance(value, bool):
        return "true" if value else "false"
    return clean(value)


def _record(record: Record | None) -> dict[str, object] | None:
    if record is None:
        return None
    values = field_values(record)
    data: dict[str, object] = {"answer": record.value}
    for name in FIELDS[1:]:
        if values[name]:
            data[name] = getattr(record, name)
    return data


def as_json(result: Diff) -> str:
    """The same differences for machines: ``header``, ``answers`` (with ``old`` and ``new``) and a ``summary``."""
    import json

    data = {
        "version": 1,
        "old": result.old.path,
        "new": result.new.path,
        "header": [{"key": c.key, "old": c.old, "new": c.new} for c in result.header],
        "answers": [
            {"id": c.item, "number": c.number, "change": c.kind, "fields": c.fields, "old": _record(c.old), "new": _record(c.new)}
            for c in result.changes
        ],
        "summary": {kind: result.count(kind) for kind in (ADDED, REMOVED, CHANGED)},
    }
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
