"""Hand out the work: one response file per contributor, holding only the questions assigned.

Each part keeps the header of the response and the answers already given to its questions. With
a contributor's name, every assigned question carries ``contributor:``, so that the terminal UI shows
whose it is and the merge knows who answered. A part also carries, for reference, the answers its
questions' conditions read when they are given elsewhere (without them, ``3 (a)`` would look as if
``3`` were unanswered); the merge treats them like any other answer.
"""

from __future__ import annotations

import copy
import re
import unicodedata
from dataclasses import dataclass, field

from engine.conditions.applicability import applicability
from engine.conditions.describe import describe as describe_condition
from engine.conditions.resolve import referenced_ids
from engine.consultation.records import answered
from engine.consultation.selection import describe, select
from engine.definition.index import Entry, excerpt
from engine.definition.loaded import Definition
from engine.i18n import _, questionnaire_text, use
from engine.responses.model import LANGUAGES
from engine.responses.skeleton import answer_hint
from engine.responses.writer import Document, Record, answer_lines, dump
from engine.validation.sanitize import clean


@dataclass(slots=True)
class Share:
    """The questions handed to one contributor, and the name of their file."""

    name: str
    """The file name without ``.yaml``."""
    ids: list[str]
    """The assigned items (with their sub-items), in questionnaire order."""
    contributor: str | None = None


@dataclass(slots=True)
class Part:
    """One contributor's response file: its document, the reference answers it carries, its text."""

    share: Share
    document: Document
    context: list[str] = field(default_factory=list)
    text: str = ""


def slug(text: str) -> str:
    """A file name from a contributor's name: letters and digits of any script, joined by hyphens."""
    normal = unicodedata.normalize("NFKC", text).lower()
    words = re.findall(r"\w+", normal)
    return "-".join(words)[:80].strip("-_") or "part"


def applicable_parts_and_sections(definition: Definition, document: Document) -> set[str]:
    """Ids of the items whose part and section apply to the State (Protocols it is party to, UNCAC)."""
    status, _effective = applicability(definition, {}, frozenset(document.parties), document.uncac_party)
    return {i for i, s in status.items() if s.applies or s.scope == "item"}


def by_part(definition: Definition, document: Document, stem: str) -> list[Share]:
    """One share per part that applies to the State: ``STEM-convention``, ``STEM-trafficking`` …"""
    kept = applicable_parts_and_sections(definition, document)
    shares = []
    for part in definition.questionnaire.parts:
        ids = [e.id for e in definition.part_entries(part) if e.id in kept]
        if ids:
            shares.append(Share(f"{stem}-{part.instrument.value}", ids))
    return shares


def by_section(definition: Definition, document: Document, stem: str) -> list[Share]:
    """One share per section that applies: ``STEM-convention-q1-4`` (the part and the questions' numbers)."""
    kept = applicable_parts_and_sections(definition, document)
    shares = []
    for part in definition.questionnaire.parts:
        for section in part.sections:
            tops = [e for e in definition.top_level() if e.section is section and e.id in kept]
            if not tops:
                continue
            ids = [e.id for e in definition.entries.values() if e.section is section and e.id in kept]
            numbers = tops[0].id if len(tops) == 1 else f"{tops[0].id}-{tops[-1].id}"
            shares.append(Share(f"{stem}-{part.instrument.value}-q{numbers}", ids))
    return shares


def by_lists(definition: Definition, lists: list[str], stem: str) -> list[Share]:
    """One share per list of questions (``1-7, 23``): ``STEM-q1-7-23``. :class:`SelectionError` if a list is wrong."""
    return [Share(f"{stem}-q{slug(text)}", select(definition, text)) for text in lists]


def unique_names(shares: list[Share]) -> None:
    """Make the file names of ``shares`` distinct (``name``, ``name-2`` …)."""
    seen: set[str] = set()
    for share in shares:
        name, number = share.name, 2
        while name.lower() in seen:
            name, number = f"{share.name}-{number}", number + 1
        share.name = name
        seen.add(name.lower())


def dependencies(definition: Definition, ids: list[str]) -> list[str]:
    """Items outside ``ids`` whose answers the conditions of ``ids`` (and of their ancestors) read."""
    inside = set(ids)
    found: set[str] = set()
    pending = list(ids)
    while pending:
        entry: Entry | None = definition.entries[pending.pop()]
        while entry is not None:
            if entry.condition is not None:
                for referenced in referenced_ids(entry.condition):
                    if referenced not in inside and referenced not in found:
                        found.add(referenced)
                        pending.append(referenced)
            entry = entry.parent
    return [i for i in definition.entries if i in found]


def make_part(definition: Definition, document: Document, share: Share) -> Part:
    """The response file of one share: the header, the assigned questions, the reference answers."""
    part = Document(document.questionnaire, document.state, document.language, list(document.parties), document.uncac_party)
    for item_id in share.ids:
        record = copy.deepcopy(document.answers.get(item_id))
        if record is None and not definition.entries[item_id].is_answerable:
            continue  # a stem: its answers are in its sub-items
        record = record or Record()
        if share.contributor:
            record.contributor = share.contributor
        part.answers[item_id] = record
    context = [i for i in dependencies(definition, share.ids) if answered(document.answers.get(i))]
    for item_id in context:
        part.answers[item_id] = copy.deepcopy(document.answers[item_id])
    result = Part(share, part, context)
    result.text = part_text(definition, result)
    return result


def part_text(definition: Definition, part: Part) -> str:
    """The YAML of a part: like ``untoc new``, each question preceded by its number, text and codes."""
    language = part.document.language if part.document.language in LANGUAGES else "en"
    with use(language):
        return _part_text(definition, part, language)


def _part_text(definition: Definition, part: Part, language: str) -> str:
    share, document = part.share, part.document
    model = definition.questionnaire
    who = clean(share.contributor or share.name)  # comments are one line each: no raw line break may reach them
    heading = "\n".join(
        "# " + line
        for line in (
            _("Cluster {number} questionnaire of {state}: the part for {who} (questions {questions}).").format(
                number=model.cluster, state=clean(document.state), who=who, questions=describe(definition, share.ids)
            ),
            _("Answer the questions below, then send this file back; the other questions are answered by others."),
            _("Fill it in the terminal with: untoc fill FILE — check it with: untoc validate FILE"),
        )
    )
    header = Document(document.questionnaire, document.state, document.language, document.parties, document.uncac_party)
    lines = dump(header, heading=heading).rstrip("\n").split("\n")
    part_shown = section = None
    for item_id in share.ids:
        entry = definition.entries[item_id]
        if entry.part is not part_shown:
            part_shown = entry.part
            lines.append(f"  # ══ {questionnaire_text(entry.part.title, language)}")
        if entry.section is not section:
            section = entry.section
            lines.append(f"  # ── {questionnaire_text(entry.section.heading, language)}")
        lines.extend(_commented(entry, document.answers.get(item_id), definition, language))
    if part.context:
        lines.append("  # ── " + _("For reference: answers given elsewhere that decide whether the questions above apply"))
        for item_id in part.context:
            entry = definition.entries[item_id]
            lines.append(f"  # {entry.number} {excerpt(questionnaire_text(entry.item.text, language), 100)}")
            lines.extend(answer_lines(item_id, document.answers[item_id], "  "))
    return "\n".join(lines) + "\n"


def _commented(entry: Entry, record: Record | None, definition: Definition, language: str) -> list[str]:
    lines = [f"  # {entry.number} {excerpt(questionnaire_text(entry.item.text, language), 100)}"]
    if record is None:
        return lines
    if entry.condition is not None:
        lines.append("  #   " + _("only if {condition}").format(condition=describe_condition(entry.condition, definition.entries)))
    if entry.is_answerable:
        lines.append(f"  #   {answer_hint(entry)}")
    written = answer_lines(entry.id, record, "  ")
    if not record.is_bare and (record.value is None or record.value == "" or record.value == []):
        written.insert(1, "    answer:")  # show where the answer goes
    return lines + written


def unassigned(definition: Definition, document: Document, shares: list[Share]) -> list[str]:
    """Items of the parts and sections that apply which no share holds (empty when only stems are left)."""
    kept = applicable_parts_and_sections(definition, document)
    taken = {i for share in shares for i in share.ids}
    left = [e for e in definition.entries.values() if e.id in kept and e.id not in taken]
    return [e.id for e in left] if any(e.is_answerable for e in left) else []
