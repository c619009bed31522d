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

import errno
import os
import stat
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
    "os_problem",
    "parse_text",
    "read_bytes",
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
        return parse_subset(text, on_duplicate)
    except Outside:
        pass
    from engine.strict_yaml.full import parse_events  # imports PyYAML: only for files beyond the subset

    return parse_events(text, on_duplicate)


def os_problem(error: OSError) -> str:
    """What an operating-system error means for a path, in words."""
    if isinstance(error, FileNotFoundError):
        return _("no such file")
    if isinstance(error, PermissionError):
        return _("permission denied")
    if error.errno == errno.ELOOP:
        return _("a loop of symbolic links: it leads nowhere")
    return _("cannot be read: {reason}").format(reason=error.strerror or error)


def _not_regular(mode: int) -> str | None:
    """Why a file of this mode is not read (only regular files are: a FIFO could wait forever)."""
    if stat.S_ISREG(mode):
        return None
    if stat.S_ISDIR(mode):
        return _("is a directory, not a file")
    if stat.S_ISFIFO(mode):
        return _("is a named pipe (FIFO), not a regular file")
    if stat.S_ISSOCK(mode):
        return _("is a socket, not a regular file")
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return _("is a device, not a regular file")
    return _("is not a regular file")


def read_bytes(path: Path) -> bytes:
    """At most :data:`MAX_BYTES` + 1 bytes of a regular file, without ever waiting for a writer.

    The path is looked at before it is opened (a device is never opened), and opened without
    blocking (a file swapped for a FIFO in between cannot hang the read).
    """
    try:
        problem = _not_regular(os.stat(path).st_mode)
        if problem:
            raise YamlError(problem)
        descriptor = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_CLOEXEC", 0))
    except FileNotFoundError:
        broken = os.path.islink(path)
        raise YamlError(_("a broken symbolic link: its target does not exist") if broken else _("no such file")) from None
    except OSError as error:
        raise YamlError(os_problem(error)) from None
    try:
        problem = _not_regular(os.fstat(descriptor).st_mode)
        if problem:
            raise YamlError(problem)
        chunks: list[bytes] = []
        size = 0
        while size <= MAX_BYTES:
            chunk = os.read(descriptor, MAX_BYTES + 1 - size)
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
        return b"".join(chunks)
    except OSError as error:
        raise YamlError(os_problem(error)) from None
    finally:
        os.close(descriptor)


def load_path(path: Path, on_duplicate: DuplicateHandler | None = None) -> Node | None:
    """Read and parse a file, refusing what is not strict, modest-sized UTF-8 YAML in a regular file."""
    return parse_text(load_text(path), on_duplicate)


def load_text(path: Path) -> str:
    """A file's text (a modest-sized UTF-8 text in a regular file, without its byte order mark); :class:`YamlError` when it is not one."""
    return decode(read_bytes(path))


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
