"""Load questionnaire files: strict YAML → pydantic models → an indexed, checked definition.

Every problem is reported as ``file:line:column: message``; nothing here raises a
traceback at the user. Conditions are parsed and resolved at load time, so a
questionnaire that loads has no unknown, forward or ill-typed reference.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from pydantic import ValidationError

from engine.conditions import parser
from engine.conditions.resolve import Condition, ConditionError, resolve
from engine.definition.index import DASHES, Entry, child_id, child_number
from engine.definition.model import Item, ListsFile, Option, OptionList, Part, Questionnaire, Section
from engine.strict_yaml import Mapping as YamlMapping
from engine.strict_yaml import Mark, Node, Scalar, Sequence, YamlError, load_path, locate, to_python

ROMAN = ["i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x", "xi", "xii", "xiii", "xiv", "xv"]


@dataclass(frozen=True, slots=True)
class Problem:
    path: Path
    mark: Mark
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.mark.line}:{self.mark.column}: {self.message}"


class DefinitionError(Exception):
    """A questionnaire file that cannot be used, with every problem found."""

    def __init__(self, problems: list[Problem]) -> None:
        super().__init__("\n".join(str(p) for p in problems))
        self.problems = problems


@dataclass(slots=True)
class Definition:
    """A loaded questionnaire: the model, its items in order, and compiled conditions."""

    questionnaire: Questionnaire
    path: Path
    entries: dict[str, Entry]
    part_conditions: dict[int, Condition] = field(default_factory=dict)
    section_conditions: dict[int, Condition] = field(default_factory=dict)

    @property
    def id(self) -> str:
        return self.questionnaire.id

    def top_level(self) -> Iterator[Entry]:
        return (e for e in self.entries.values() if e.parent is None)

    def part_entries(self, part: Part) -> list[Entry]:
        return [e for e in self.entries.values() if e.part is part]


def _validate(model: type, node: Node | None, path: Path):  # type: ignore[no-untyped-def]
    try:
        return model.model_validate(to_python(node))
    except ValidationError as error:
        details = [(_field_path(d["loc"]), d) for d in error.errors()]
        problems = []
        for field_path, detail in details:
            # A failed union reports every branch; keep the deepest, most precise ones.
            if any(other != field_path and other.startswith(field_path + ".") for other, _ in details):
                continue
            where = locate(node, tuple(detail["loc"])) or Mark(1, 1)
            message = detail["msg"].removeprefix("Value error, ")
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


def _read(path: Path) -> Node | None:
    try:
        return load_path(path)
    except YamlError as error:
        raise DefinitionError([Problem(path, error.mark, error.message)]) from None


def load_lists(path: Path) -> dict[str, OptionList]:
    """Read the shared option lists file."""
    node = _read(path)
    return _validate(ListsFile, node, path).lists


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


def load_questionnaire(path: Path, shared: dict[str, OptionList] | None = None) -> Definition:
    """Load, validate and index one questionnaire file."""
    node = _read(path)
    model: Questionnaire = _validate(Questionnaire, node, path)
    lists = dict(shared or {})
    lists.update(model.lists)
    options_by_list = resolve_lists(lists, path, node)
    builder = _Builder(model, path, node, options_by_list)
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
            options: tuple[Option, ...] = ()
            if isinstance(item.options, str):
                if item.options not in self.lists:
                    self.problem(locate(self.root, (*item_loc, "options")), f"unknown option list {item.options!r}")
                else:
                    options = self.lists[item.options]
            elif item.options is not None:
                options = tuple(item.options)
                codes = [o.code for o in options]
                for code in sorted({c for c in codes if codes.count(c) > 1}):
                    self.problem(locate(self.root, (*item_loc, "options")), f"option code {code!r} is used twice")
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
