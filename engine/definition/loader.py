"""Load questionnaire files: strict YAML → pydantic models → an indexed, checked definition.

Every problem is reported as ``file:line:column: message``; nothing here raises a
traceback at the user. Conditions are parsed and resolved at load time, so a
questionnaire that loads has no unknown, forward or ill-typed reference.
"""

from __future__ import annotations

import functools
import re
from pathlib import Path

from engine.conditions import parser
from engine.conditions.resolve import Condition, ConditionError, resolve
from engine.definition import cache
from engine.definition.index import DASHES, Entry, child_id, child_number
from engine.definition.loaded import Definition, DefinitionError, Problem
from engine.definition.model import (
    CODE_PATTERN,
    NUMBER_PATTERN,
    AnswerKind,
    Item,
    ListsFile,
    Option,
    OptionList,
    Part,
    Questionnaire,
    Section,
)
from engine.strict_yaml import MAX_BYTES, Mark, Node, Scalar, Sequence, YamlError, decode, locate, parse_text, to_python
from engine.strict_yaml import Mapping as YamlMapping

ROMAN = ["i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x", "xi", "xii", "xiii", "xiv", "xv"]


@functools.cache
def _adapter(model: type):  # type: ignore[no-untyped-def]
    from pydantic import TypeAdapter  # imported only when a file must be validated

    return TypeAdapter(model)


def _validate(model: type, node: Node | None, path: Path):  # type: ignore[no-untyped-def]
    from pydantic import ValidationError

    try:
        return _adapter(model).validate_python(to_python(node))
    except ValidationError as error:
        details = [(_field_path(d["loc"]), d) for d in error.errors()]
        problems = []
        for field_path, detail in details:
            # A failed union reports every branch; keep the deepest, most precise ones.
            if any(other != field_path and other.startswith(field_path + ".") for other, _ in details):
                continue
            where = locate(node, tuple(detail["loc"])) or Mark(1, 1)
            message = detail["msg"].removeprefix("Value error, ")
            if detail["type"] == "unexpected_keyword_argument":
                message = "unknown key (see docs/format.md for the keys of each record)"
            problems.append(Problem(path, where, f"{field_path}: {message}" if field_path else message))
        raise DefinitionError(problems) from None


def _field_path(loc: tuple) -> str:
    """``parts.0.sections.1`` from a pydantic location, without union-branch names."""
    steps = [
        str(step)
        for step in loc
        if isinstance(step, int) or not ("[" in step or step.startswith(("function-", "constrained-")) or step in ("str", "int", "bool"))
    ]
    return ".".join(steps)


def _read_bytes(path: Path) -> bytes:
    try:
        with open(path, "rb") as handle:
            return handle.read(MAX_BYTES + 1)
    except OSError as error:
        raise DefinitionError([Problem(path, Mark(1, 1), f"cannot be read: {error.strerror or error}")]) from None


def _parse(path: Path, content: bytes) -> Node | None:
    try:
        return parse_text(decode(content))
    except YamlError as error:
        raise DefinitionError([Problem(path, error.mark, error.message)]) from None


def _records(model: type, path: Path, content: bytes) -> tuple[object, Node | None]:
    """Validated records of a file and its node tree (``None`` when they came from the cache)."""
    cache_key = cache.key(content, model.__name__)
    cached = cache.load(cache_key)
    if cached is not None:
        try:
            return cache.rebuild(model, cached), None
        except (KeyError, TypeError, ValueError):
            pass  # a stale or foreign cache entry: validate again
    node = _parse(path, content)
    records = _validate(model, node, path)
    cache.store(cache_key, records)
    return records, node


def load_lists(path: Path) -> dict[str, OptionList]:
    """Read the shared option lists file."""
    content = _read_bytes(path)
    records, node = _records(ListsFile, path, content)
    lists = records.lists  # type: ignore[attr-defined]
    problems = _check_codes(lists, path, node)
    if problems and node is None:  # from the cache: locate the problems in the file itself
        problems = _check_codes(lists, path, _parse(path, content))
    if problems:
        raise DefinitionError(problems)
    return lists


def _check_codes(lists: dict[str, OptionList], path: Path, node: Node | None) -> list[Problem]:
    problems = []
    for name, spec in lists.items():
        for index, entry in enumerate(spec.options):
            code = entry if isinstance(entry, str) else entry.code
            if not CODE_PATTERN.match(code):
                where = locate(node, ("lists", name, "options", index)) or Mark(1, 1)
                problems.append(Problem(path, where, f"option code {code!r} must be lowercase words joined by hyphens"))
        if not CODE_PATTERN.match(name):
            problems.append(
                Problem(path, locate(node, ("lists", name)) or Mark(1, 1), f"list name {name!r} must be lowercase words joined by hyphens")
            )
    return problems


def resolve_lists(lists: dict[str, OptionList], path: Path, node: Node | None) -> dict[str, tuple[Option, ...]]:
    """Expand ``base`` lists into plain option tuples, checking codes and cycles."""
    resolved: dict[str, tuple[Option, ...]] = {}

    def expand(name: str, trail: tuple[str, ...]) -> tuple[Option, ...]:
        if name in resolved:
            return resolved[name]
        where = locate(node, ("lists", name)) or Mark(1, 1)
        if name in trail:
            raise DefinitionError([Problem(path, where, f"option list {name!r} is based on itself: {' → '.join((*trail, name))}")])
        spec = lists[name]
        base: dict[str, Option] = {}
        if spec.base is not None:
            if spec.base not in lists:
                raise DefinitionError([Problem(path, where, f"option list {name!r} is based on unknown list {spec.base!r}")])
            base = {o.code: o for o in expand(spec.base, (*trail, name))}
        options: list[Option] = []
        for entry in spec.options:
            if isinstance(entry, str):
                if entry not in base:
                    raise DefinitionError([Problem(path, where, f"option list {name!r}: {entry!r} is not an option of {spec.base!r}")])
                options.append(base[entry])
            else:
                options.append(entry)
        codes = [o.code for o in options]
        duplicates = sorted({c for c in codes if codes.count(c) > 1})
        if duplicates:
            raise DefinitionError([Problem(path, where, f"option list {name!r} repeats the code(s) {', '.join(duplicates)}")])
        resolved[name] = tuple(options)
        return resolved[name]

    for name in lists:
        expand(name, ())
    return resolved


def list_topics(lists: dict[str, OptionList]) -> dict[str, tuple[str, str]]:
    """For each list with a topic: the topic and the list that declares it (a variant's ``base``
    chain is followed to the nearest list with a ``topic``). Call after :func:`resolve_lists`,
    which rules out unknown bases and cycles."""
    topics: dict[str, tuple[str, str]] = {}
    for name in lists:
        current: str | None = name
        while current is not None:
            spec = lists[current]
            if spec.topic is not None:
                topics[name] = (spec.topic, current)
                break
            current = spec.base
    return topics


def load_questionnaire(path: Path, shared: dict[str, OptionList] | None = None) -> Definition:
    """Load, validate and index one questionnaire file."""
    content = _read_bytes(path)
    model, node = _records(Questionnaire, path, content)
    try:
        return _build(model, path, node, shared)  # type: ignore[arg-type]
    except DefinitionError:
        if node is not None:
            raise
    # Problems with a cached file: locate them in the file itself.
    node = _parse(path, content)
    return _build(_validate(Questionnaire, node, path), path, node, shared)


def _build(model: Questionnaire, path: Path, node: Node | None, shared: dict[str, OptionList] | None) -> Definition:
    lists = dict(shared or {})
    lists.update(model.lists)
    problems = _check_codes(model.lists, path, node)
    if problems:
        raise DefinitionError(problems)
    options_by_list = resolve_lists(lists, path, node)
    builder = _Builder(model, path, node, options_by_list)
    builder.definition.list_topics = list_topics(lists)
    builder.build()
    if builder.problems:
        raise DefinitionError(builder.problems)
    return builder.definition


class _Builder:
    def __init__(self, model: Questionnaire, path: Path, root: Node | None, lists: dict[str, tuple[Option, ...]]) -> None:
        self.model = model
        self.path = path
        self.root = root
        self.lists = lists
        self.problems: list[Problem] = []
        self.definition = Definition(model, path, {})
        self.order = 0
        self.next_top = 1

    def problem(self, mark: Mark | None, message: str) -> None:
        self.problems.append(Problem(self.path, mark or Mark(1, 1), message))

    def build(self) -> None:
        if not re.match(r"^cluster[1-9]$", self.model.id):
            self.problem(locate(self.root, ("id",)), f"id {self.model.id!r} must be cluster1 … cluster9")
        if not re.match(r"^[IVX]+$", self.model.cluster):
            self.problem(locate(self.root, ("cluster",)), f"cluster {self.model.cluster!r} must be a roman numeral")
        self._check_shape()
        pending: list[tuple[Entry | None, str, Node | None, int | None, str]] = []
        for p_index, part in enumerate(self.model.parts):
            part_loc = ("parts", p_index)
            if part.when:
                pending.append((None, part.when, locate(self.root, (*part_loc, "when")), None, f"part:{p_index}"))
            for s_index, section in enumerate(part.sections):
                section_loc = (*part_loc, "sections", s_index)
                if section.when:
                    key = f"section:{p_index}:{s_index}"
                    pending.append((None, section.when, locate(self.root, (*section_loc, "when")), None, key))
                self._items(section.items, part, section, None, (*section_loc, "items"), pending)
        for owner, source, mark, _, key in pending:
            condition = self._compile(source, mark, owner)
            if condition is None:
                continue
            if owner is not None:
                owner.condition = condition
            elif key.startswith("part:"):
                self.definition.part_conditions[int(key.split(":")[1])] = condition
            else:
                _, p, s = key.split(":")
                self.definition.section_conditions[int(p) * 1000 + int(s)] = condition

    def _items(self, items: list[Item], part: Part, section: Section, parent: Entry | None, loc: tuple, pending: list) -> None:
        next_letter, next_roman, dashes = 0, 0, 0
        for index, item in enumerate(items):
            item_loc = (*loc, index)
            mark = locate(self.root, item_loc)
            number = item.number
            self._check_item(item, item_loc)
            if parent is None:
                if number != str(self.next_top):
                    self.problem(
                        locate(self.root, (*item_loc, "number")), f"question {number!r} is out of sequence; expected {self.next_top}"
                    )
                    if number.isdigit():
                        self.next_top = int(number)
                self.next_top += 1
            elif number in DASHES:
                dashes += 1
            elif number.isdigit():
                self.problem(locate(self.root, (*item_loc, "number")), f"sub-item {number!r} must be a letter, a roman numeral or a dash")
            else:
                label = number.strip("()")
                letter = chr(ord("a") + next_letter)
                roman = ROMAN[next_roman] if next_roman < len(ROMAN) else ""
                if label == letter:
                    next_letter += 1
                    if label == roman:  # "(i)" after "(h)" is a letter; keep romans aligned
                        next_roman += 1
                elif label == roman:
                    next_roman += 1
                else:
                    self.problem(
                        locate(self.root, (*item_loc, "number")), f"sub-item {number} is out of sequence; expected ({letter}) or ({roman})"
                    )
            item_id = child_id(parent.id if parent else None, number, dashes)
            display = child_number(parent.number if parent else None, number, dashes)
            if item_id in self.definition.entries:
                self.problem(mark, f"duplicate question {display} (id {item_id})")
                continue
            options = self._options(item, item_loc)
            entry = Entry(
                id=item_id,
                number=display,
                item=item,
                part=part,
                section=section,
                parent=parent,
                order=self.order,
                depth=0 if parent is None else parent.depth + 1,
                options=options,
                mark=mark,
            )
            self.order += 1
            self.definition.entries[item_id] = entry
            if parent is not None:
                parent.children.append(entry)
            if item.when:
                entry.when_mark = locate(self.root, (*item_loc, "when"))
                pending.append((entry, item.when, entry.when_mark, None, ""))
            self._items(item.items, part, section, entry, (*item_loc, "items"), pending)

    def _options(self, item: Item, loc: tuple) -> tuple[Option, ...]:
        """An item's options: its own list (each code once), or a shared list of ``lists.yaml`` named."""
        if isinstance(item.options, str):
            if item.options in self.lists:
                return self.lists[item.options]
            self.problem(locate(self.root, (*loc, "options")), f"unknown option list {item.options!r}")
            return ()
        if item.options is None:
            return ()
        options = tuple(item.options)
        codes = [o.code for o in options]
        for code in sorted({c for c in codes if codes.count(c) > 1}):
            self.problem(locate(self.root, (*loc, "options")), f"option code {code!r} is used twice")
        return options

    def _require(self, value: object, loc: tuple, what: str) -> None:
        """Texts and lists that the format requires to be non-empty."""
        if isinstance(value, str) and not value.strip():
            self.problem(locate(self.root, loc), f"{what} must not be empty")
        elif isinstance(value, list) and not value:
            self.problem(locate(self.root, loc), f"{what} needs at least one entry")

    def _check_shape(self) -> None:
        model = self.model
        for key in ("annex", "title", "short_title"):
            self._require(getattr(model, key), (key,), key)
        self._require(model.guidance.heading, ("guidance", "heading"), "guidance.heading")
        self._require(model.guidance.paragraphs, ("guidance", "paragraphs"), "guidance.paragraphs")
        for index, paragraph in enumerate(model.guidance.paragraphs):
            self._require(paragraph, ("guidance", "paragraphs", index), "a guidance paragraph")
        if model.source is not None and len(model.source.lines) != 2:
            self.problem(locate(self.root, ("source", "lines")), "source.lines is [first line, last line]")
        self._require(model.parts, ("parts",), "parts")
        for p, part in enumerate(model.parts):
            self._require(part.title, ("parts", p, "title"), "a part's title")
            self._require(part.heading, ("parts", p, "heading"), "a part's heading")
            self._require(part.sections, ("parts", p, "sections"), "a part's sections")
            for s, section in enumerate(part.sections):
                loc = ("parts", p, "sections", s)
                self._require(section.heading, (*loc, "heading"), "a section's heading")
                self._require(section.items, (*loc, "items"), "a section's items")
                for n, note in enumerate(section.notes):
                    self._require(note, (*loc, "notes", n), "a note")
                for n, footnote in enumerate(section.footnotes):
                    self._require(footnote.text, (*loc, "footnotes", n, "text"), "a footnote")
        for name, spec in model.lists.items():
            self._require(spec.options, ("lists", name, "options"), f"option list {name!r}")

    def _check_item(self, item: Item, loc: tuple) -> None:
        self._require(item.text, (*loc, "text"), "an item's text")
        for index, footnote in enumerate(item.footnotes):
            self._require(footnote.text, (*loc, "footnotes", index, "text"), "a footnote")
        if not NUMBER_PATTERN.match(item.number):
            self.problem(
                locate(self.root, (*loc, "number")),
                f"number {item.number!r}: a number is digits (3), a letter or roman numeral in parentheses ((a), (iv)), or a dash (–)",
            )
        choice = item.answer in (AnswerKind.choice, AnswerKind.choices)
        if choice and item.options is None:
            self.problem(locate(self.root, (*loc, "answer")), f"an item answered by '{item.answer.value}' needs options")
        if item.options is not None and not choice:
            self.problem(
                locate(self.root, (*loc, "options")), f"options are only for 'choice' and 'choices' items, not '{item.answer.value}'"
            )
        if item.after_options and item.options is None:
            self.problem(locate(self.root, (*loc, "after_options")), "after_options needs options")
        for index, option in enumerate(item.options if isinstance(item.options, list) else []):
            self._require(option.label, (*loc, "options", index, "label"), "an option's label")
            if not CODE_PATTERN.match(option.code):
                self.problem(
                    locate(self.root, (*loc, "options", index, "code")),
                    f"option code {option.code!r} must be lowercase words joined by hyphens",
                )

    def _compile(self, source: str, mark: Mark | None, owner: Entry | None) -> Condition | None:
        node_mark = mark or Mark(1, 1)
        try:
            return resolve(parser.parse(source), self.definition.entries, owner)
        except (parser.ConditionSyntaxError, ConditionError) as error:
            shift = error.offset + (1 if _is_quoted(self.root, node_mark) else 0)
            where = Mark(node_mark.line, node_mark.column + shift)
            self.problem(where, f"condition {source!r}: {error}")
            return None


def _is_quoted(root: Node | None, mark: Mark) -> bool:
    """Whether the scalar at ``mark`` was quoted (its text starts one column later)."""
    stack = [root]
    while stack:
        node = stack.pop()
        if isinstance(node, Scalar):
            if node.mark == mark:
                return not node.plain
        elif isinstance(node, Sequence):
            stack.extend(node.items)
        elif isinstance(node, YamlMapping):
            stack.extend(value for _, value in node.pairs)
    return False
