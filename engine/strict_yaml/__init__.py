"""Strict, located YAML reading for questionnaire and response files.

Files are read into a small tree of nodes that remember their line and column.
Nothing is ever resolved the YAML 1.1 way: every scalar stays a string (``on``,
``no`` and ``0777`` are text), so the reader of the tree decides what a value means.
Anchors, aliases and tags are refused before any object is built, duplicate keys
are refused with both lines, and oversized, binary or non-UTF-8 content is refused
before parsing.

Two readers build the same nodes: :mod:`~engine.strict_yaml.subset` reads, fast and
line by line, the small part of YAML that response files are written in, and hands
anything else to :mod:`~engine.strict_yaml.full`, which reads any YAML through LibYAML
and words every error.
"""

from __future__ import annotations

from pathlib import Path

from engine.i18n import _, current_language
from engine.strict_yaml.nodes import DuplicateHandler, Mapping, Mark, Node, Position, Scalar, Sequence, YamlError
from engine.strict_yaml.subset import Outside, parse_subset

__all__ = [
    "MAX_BYTES",
    "DuplicateHandler",
    "Mapping",
    "Mark",
    "Node",
    "Position",
    "Scalar",
    "Sequence",
    "YamlError",
    "decode",
    "load_path",
    "load_text",
    "locate",
    "parse_text",
    "to_python",
]

MAX_BYTES = 2 * 1024 * 1024
"""Largest file accepted (2 MiB): a full response file is well under 200 KiB."""


def decode(data: bytes) -> str:
    """Check size and encoding of raw file content and return its text."""
    if len(data) > MAX_BYTES:
        from babel.numbers import format_decimal

        lang = current_language()
        raise YamlError(
            _("file is too large ({size} bytes; the limit is {limit} bytes)").format(
                size=format_decimal(len(data), locale=lang), limit=format_decimal(MAX_BYTES, locale=lang)
            )
        )
    if b"\x00" in data:
        raise YamlError(_("file is binary (it contains NUL bytes), not YAML text"))
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        column = error.start - (data.rfind(b"\n", 0, error.start) + 1) + 1
        raise YamlError(_("file is not valid UTF-8 text"), Mark(line, column)) from None
    return text.removeprefix("\ufeff")


def parse_text(text: str, on_duplicate: DuplicateHandler | None = None) -> Node | None:
    """Parse one YAML document into located nodes; ``None`` for an empty file.

    A repeated key raises :class:`YamlError`, unless ``on_duplicate`` is given: then
    it is told about the key and parsing goes on (the second value is dropped).
    """
    try:
        return parse_subset(text)
    except Outside:
        pass
    from engine.strict_yaml.full import parse_events  # imports PyYAML: only for files beyond the subset

    return parse_events(text, on_duplicate)


def load_path(path: Path, on_duplicate: DuplicateHandler | None = None) -> Node | None:
    """Read and parse a file, refusing what is not strict, modest-sized UTF-8 YAML."""
    return parse_text(load_text(path), on_duplicate)


def load_text(path: Path) -> str:
    """A file's text (a modest-sized UTF-8 text file, without its byte order mark); :class:`YamlError` when it is not one."""
    try:
        with open(path, "rb") as handle:
            data = handle.read(MAX_BYTES + 1)
    except IsADirectoryError:
        raise YamlError(_("is a directory, not a file")) from None
    except FileNotFoundError:
        raise YamlError(_("no such file")) from None
    except PermissionError:
        raise YamlError(_("permission denied")) from None
    except OSError as error:
        raise YamlError(_("cannot be read: {reason}").format(reason=error.strerror or error)) from None
    return decode(data)


def to_python(node: Node | None) -> object:
    """Plain Python data (dicts, lists, strings) of a node tree."""
    if node is None:
        return None
    if isinstance(node, Scalar):
        return node.value
    if isinstance(node, Sequence):
        return [to_python(item) for item in node.items]
    return {key.value: to_python(value) for key, value in node.pairs}


def locate(node: Node | None, path: tuple[str | int, ...]) -> Mark | None:
    """The mark of the deepest node reached by following ``path``.

    Steps that do not match the tree (such as the union-member names pydantic puts
    in its error locations) are skipped.
    """
    for step in path:
        if isinstance(node, Mapping) and isinstance(step, str) and node.get(step) is not None:
            node = node.get(step)
        elif isinstance(node, Sequence) and isinstance(step, int) and 0 <= step < len(node.items):
            node = node.items[step]
    return None if node is None else node.mark
