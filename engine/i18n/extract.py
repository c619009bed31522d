"""A Babel extractor for questionnaire files (``pybabel extract`` with ``untoc_questionnaire``).

Every piece of questionnaire text a user sees — annex line, title, guidance,
part titles and scope lines, headings, notes, questions, options, footnotes,
instructions — is extracted with its real line in the YAML file and a
translator comment naming the question ("question 3 (a)", "option of 28 (a)").
Registered as the ``babel.extractors`` entry point ``untoc_questionnaire``.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import IO, Any

from engine.definition.index import DASHES, child_number
from engine.strict_yaml import Mapping, Node, Scalar, Sequence, decode, parse_text

Extracted = tuple[int, str, str, list[str]]


def extract_questionnaire(fileobj: IO[bytes], keywords: Any, comment_tags: Any, options: dict[str, Any]) -> Iterator[Extracted]:
    """Yield ``(line, funcname, message, comments)`` for each text of a questionnaire or lists file."""
    root = parse_text(decode(fileobj.read()))
    if not isinstance(root, Mapping):
        return
    for key in ("annex", "title", "short_title"):
        yield from _scalar(root.get(key), f"the questionnaire's {key.replace('_', ' ')}")
    guidance = root.get("guidance")
    if isinstance(guidance, Mapping):
        yield from _scalar(guidance.get("heading"), "heading of the general guidance")
        yield from _sequence(guidance.get("paragraphs"), "paragraph of the general guidance")
    yield from _lists(root.get("lists"))
    parts = root.get("parts")
    for part in parts.items if isinstance(parts, Sequence) else []:
        if not isinstance(part, Mapping):
            continue
        yield from _scalar(part.get("title"), "title of a part")
        yield from _scalar(part.get("heading"), "scope line of a part")
        sections = part.get("sections")
        for section in sections.items if isinstance(sections, Sequence) else []:
            if not isinstance(section, Mapping):
                continue
            yield from _scalar(section.get("heading"), "section heading")
            yield from _sequence(section.get("notes"), "note under a section heading")
            yield from _footnotes(section.get("footnotes"), "the section heading")
            yield from _items(section.get("items"), None)


def _text(node: Node | None) -> Scalar | None:
    return node if isinstance(node, Scalar) and node.value.strip() else None


def _scalar(node: Node | None, comment: str) -> Iterator[Extracted]:
    scalar = _text(node)
    if scalar is not None:
        yield (scalar.mark.line, "gettext", scalar.value, [comment])


def _sequence(node: Node | None, comment: str) -> Iterator[Extracted]:
    for child in node.items if isinstance(node, Sequence) else []:
        yield from _scalar(child, comment)


def _footnotes(node: Node | None, owner: str) -> Iterator[Extracted]:
    for footnote in node.items if isinstance(node, Sequence) else []:
        if isinstance(footnote, Mapping):
            number = footnote.get("number")
            label = number.value if isinstance(number, Scalar) else "?"
            yield from _scalar(footnote.get("text"), f"footnote {label}, attached to {owner}")


def _options(node: Node | None, owner: str) -> Iterator[Extracted]:
    for option in node.items if isinstance(node, Sequence) else []:
        if isinstance(option, Mapping):
            code = option.get("code")
            label = code.value if isinstance(code, Scalar) else "?"
            yield from _scalar(option.get("label"), f"option '{label}' of {owner}")


def _lists(node: Node | None) -> Iterator[Extracted]:
    if isinstance(node, Mapping):
        for name, spec in node.pairs:
            if isinstance(spec, Mapping):
                yield from _options(spec.get("options"), f"the option list '{name.value}'")


def _items(node: Node | None, parent: str | None) -> Iterator[Extracted]:
    dashes = 0
    for item in node.items if isinstance(node, Sequence) else []:
        if not isinstance(item, Mapping):
            continue
        number_node = item.get("number")
        label = number_node.value if isinstance(number_node, Scalar) else "?"
        if label in DASHES:
            dashes += 1
        number = child_number(parent, label, dashes)
        yield from _scalar(item.get("text"), f"question {number}")
        options = item.get("options")
        if isinstance(options, Sequence):
            yield from _options(options, f"question {number}")
        yield from _scalar(item.get("after_options"), f"instruction after the options of question {number}")
        yield from _scalar(item.get("condition_note"), f"condition of question {number} (its own words, repeated)")
        yield from _footnotes(item.get("footnotes"), f"question {number}")
        yield from _items(item.get("items"), number)
