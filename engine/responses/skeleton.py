"""``untoc new``: a response-file skeleton that validates, with each question as a comment."""

from __future__ import annotations

import json

from engine.conditions.applicability import applicability
from engine.conditions.describe import describe, scale_label
from engine.definition.index import excerpt
from engine.definition.loaded import Definition
from engine.definition.model import AnswerKind
from engine.i18n import _, questionnaire_text, use


def _quote(text: str) -> str:
    """A YAML double-quoted scalar (JSON strings are valid YAML)."""
    return json.dumps(text, ensure_ascii=False)


def skeleton(definition: Definition, state: str, parties: list[str], uncac_party: bool, language: str = "en") -> str:
    """The text of a new response file: header, then every item a State may answer.

    Comments (questions, routing, hints) are written in the language of the answers.
    """
    with use(language):
        return _skeleton(definition, state, parties, uncac_party, language)


def _skeleton(definition: Definition, state: str, parties: list[str], uncac_party: bool, language: str) -> str:
    model = definition.questionnaire

    def text(value: str) -> str:
        return questionnaire_text(value, language)

    lines = [
        "# " + _("Response to the self-assessment questionnaire, Cluster {number} ({name}).").format(number=model.cluster, name=text(model.short_title)),
        "# "
        + _("Answer codes: yes · partly ({partly}) · no · na ({na}) · conditions ({conditions}).").format(
            partly=scale_label("partly"), na=scale_label("na"), conditions=scale_label("conditions")
        ),
        "# " + _("An answer may also be a mapping: {example}.").format(example="{answer: yes, legislation: [...], links: [...], comment: ...}"),
        "# " + _("Check it with: untoc validate FILE   (add --complete before submission)"),
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
            lines.append(f"  # ── {text(entry.section.heading)}")
        if not entry.is_answerable:
            lines.append(f"  # {entry.number} {excerpt(text(entry.item.text), 100)}")
            continue
        hint = _hint(entry)
        lines.append(f"  # {entry.number} {excerpt(text(entry.item.text), 100)}")
        if entry.condition is not None:
            lines.append("  #   " + _("only if {condition}").format(condition=describe(entry.condition, definition.entries)))
        if hint:
            lines.append(f"  #   {hint}")
        lines.append(f"  {_quote(entry.id)}:")
    return "\n".join(lines) + "\n"


def _hint(entry) -> str:  # type: ignore[no-untyped-def]
    if entry.kind in (AnswerKind.choice, AnswerKind.choices):
        template = _("one or more of: {codes}") if entry.kind is AnswerKind.choices else _("one of: {codes}")
        return template.format(codes=", ".join(entry.values))
    if entry.kind is AnswerKind.text:
        return _("free text (voluntary)") if entry.voluntary else _("free text")
    codes = " | ".join(entry.values)
    return _("{codes} (voluntary)").format(codes=codes) if entry.voluntary else codes
