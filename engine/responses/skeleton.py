"""``untoc new``: a response-file skeleton that validates, with each question as a comment."""

from __future__ import annotations

import json

from engine.conditions.applicability import applicability
from engine.conditions.describe import describe
from engine.definition.index import excerpt
from engine.definition.loader import Definition
from engine.definition.model import AnswerKind


def _quote(text: str) -> str:
    """A YAML double-quoted scalar (JSON strings are valid YAML)."""
    return json.dumps(text, ensure_ascii=False)


def skeleton(definition: Definition, state: str, parties: list[str], uncac_party: bool, language: str = "en") -> str:
    """The text of a new response file: header, then every item a State may answer."""
    model = definition.questionnaire
    lines = [
        f"# Response to the self-assessment questionnaire, Cluster {model.cluster} ({model.short_title}).",
        "# Answer codes: yes · partly (Yes, in part) · no · na (Not applicable) · conditions (Yes, under conditions).",
        "# An answer may also be a mapping: {answer: yes, legislation: [...], links: [...], comment: ...}.",
        "# Check it with: untoc validate FILE   (add --complete before submission)",
        f"questionnaire: {model.id}",
        f"state: {_quote(state)}",
        f"language: {language}",
        f"parties: [{', '.join(parties)}]",
        f"uncac_party: {'true' if uncac_party else 'false'}",
        "answers:",
    ]
    status, _effective = applicability(definition, {}, frozenset(parties), uncac_party)
    current_section = None
    for entry in definition.entries.values():
        if status[entry.id].scope in ("part", "section") and not status[entry.id].applies:
            continue  # a Protocol the State is not party to, or articles 8 and 9 for a UNCAC party
        if entry.section is not current_section:
            current_section = entry.section
            lines.append(f"  # ── {entry.section.heading}")
        if not entry.is_answerable:
            lines.append(f"  # {entry.number} {excerpt(entry.item.text, 100)}")
            continue
        hint = _hint(entry)
        lines.append(f"  # {entry.number} {excerpt(entry.item.text, 100)}")
        if entry.condition is not None:
            lines.append(f"  #   only if {describe(entry.condition, definition.entries)}")
        if hint:
            lines.append(f"  #   {hint}")
        lines.append(f"  {_quote(entry.id)}:")
    return "\n".join(lines) + "\n"


def _hint(entry) -> str:  # type: ignore[no-untyped-def]
    if entry.kind in (AnswerKind.choice, AnswerKind.choices):
        many = "one or more of" if entry.kind is AnswerKind.choices else "one of"
        return f"{many}: {', '.join(entry.values)}"
    if entry.kind is AnswerKind.text:
        return "free text" + (" (voluntary)" if entry.voluntary else "")
    return " | ".join(entry.values) + (" (voluntary)" if entry.voluntary else "")
