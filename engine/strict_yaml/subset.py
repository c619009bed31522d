"""The fast reader: the small part of YAML that response files are written in, line by line.

LibYAML hands its events to Python one object at a time, and that was most of the cost of
validating a batch of files. Nearly every response file uses a small part of YAML: block
mappings and sequences, one-line plain and quoted scalars, literal and folded block scalars
(``|``, ``|-``, ``>``, ``>-``) and one-line flow sequences (``[a, "b"]``). This module reads
exactly that part with string methods, into the same located nodes as the full reader. On
anything else — other YAML, and anything the full reader would report (duplicate keys,
anchors, bad indentation, control characters) — it raises :class:`Outside`, and the caller
reads the file with :mod:`engine.strict_yaml.full`. A property test checks that on every text
this reader accepts, the full reader builds the identical tree (values, styles, lines and
columns).

Spaces are the only indentation. Windows line ends (``\\r\\n``) are read as ``\\n``, as LibYAML
reads them; tabs, lone carriage returns and the other YAML line breaks are outside the subset, so
lines are split on ``\\n`` alone.
"""

from __future__ import annotations

import re

from engine.strict_yaml.nodes import DuplicateHandler, Mapping, Node, Scalar, Sequence


class Outside(Exception):
    """The text is not in the subset (or not valid YAML): the full reader must read it."""


_NOT_IN_SUBSET = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff\ufeff\ufffe\uffff]")
"""Characters the subset leaves to the full reader: controls (tab and CR included), the YAML 1.1
line breaks NEL, LS and PS, byte-order marks and non-characters."""

_PRINTABLE_ASCII = b"\n" + bytes(range(0x20, 0x7F))
"""What an ASCII text in the subset is made of (deleting these leaves nothing)."""

_PLAIN_KEY = re.compile(r"([^ \-?:,\[\]{}#&*!|>'\"%@`.](?:[^:#]*[^ :#])?) *:(?= |$)")
"""A plain key and its colon; no ``:`` or ``#`` inside, no leading indicator or dot (``...``)."""

_BLOCK_HEADER = re.compile(r"([|>])(-?)(?: +#.*| *)")
"""``|``, ``|-``, ``>`` or ``>-``, then blanks or a comment (no keep chomping, no indentation digit)."""

_FLOW_PLAIN = re.compile(r"[^,\[\]{}#:'\"]*")
"""The characters a plain item of a one-line flow sequence may hold in the subset."""

_NOT_PLAIN_START = frozenset("-?:,[]{}#&*!|>'\"%@`")
"""Characters that cannot start a plain scalar (or, for ``-?:``, that the subset does not try)."""

LONGEST_KEY = 1000
"""LibYAML refuses a simple key longer than 1024 characters; longer keys are left to it."""

DEEPEST = 100
"""Mappings nested deeper than this (response files nest two or three) are left to the full reader."""


def parse_subset(text: str, on_duplicate: DuplicateHandler | None = None) -> Mapping:
    """The located tree of ``text``, whose top level must be a block mapping.

    Raises :class:`Outside` when the text leaves the subset; never any other exception. A repeated
    key whose value is on its own line is in the subset only with ``on_duplicate``, told about it
    (once the whole text is read) as the full reader tells it; the second value is dropped.
    """
    if "\r\n" in text:
        text = text.replace("\r\n", "\n")  # Windows line ends: LibYAML reads them as \n too
    if text.isascii():
        if text.encode("ascii").translate(None, _PRINTABLE_ASCII):
            raise Outside  # a control character: tab, carriage return…
    elif _NOT_IN_SUBSET.search(text):
        raise Outside
    reader = _Reader(text.split("\n"), on_duplicate is not None)
    root = reader.read()
    for key_text, first, again in reader.repeats:  # only now: a text handed over must not report them twice
        on_duplicate(key_text, first, again)  # type: ignore[misc]
    return root


class _Reader:
    """Reads the lines of one text top-down: a method per kind of line, a call per open container.

    Each open container is one call of :meth:`_mapping` (lines holding a key) or :meth:`_sequence`
    (lines holding a dash), whose frame holds the container and the column of its keys or dashes.
    The call reads the container's lines — a key or a dash, and its value — and returns at the
    first line left of it, which its caller reads next; a key with nothing after its colon hands
    the next line to :meth:`_below`, which opens the key's container or finds its value empty.
    The reader itself only knows where it is: the current line (the first not yet read that is
    neither blank nor a comment), its indentation and its text.
    """

    __slots__ = ("column", "content", "depth", "index", "lines", "repeats", "tell_repeats")

    def __init__(self, lines: list[str], tell_repeats: bool = False) -> None:
        self.lines = lines
        self.depth = 0
        """How many mappings are open below the top-level one."""
        self.tell_repeats = tell_repeats
        """Whether a repeated key with a one-line value stays in the subset (else the full reader words the error)."""
        self.repeats: list[tuple[str, Scalar, Scalar]] = []
        """Repeated keys (key, first, again), told to the caller's handler once the text is read."""
        self._seek(0)

    def _seek(self, index: int) -> None:
        """Make the first line from ``index`` that is neither blank nor a comment the current line
        (past the last line: column -1, no content)."""
        lines = self.lines
        count = len(lines)
        while index < count:
            line = lines[index]
            content = line.lstrip(" ")
            if content and content[0] != "#":
                self.index, self.column, self.content = index, len(line) - len(content), content
                return
            index += 1
        self.index, self.column, self.content = count, -1, ""

    def read(self) -> Mapping:
        """The top-level mapping: the first line's, to the end of the text."""
        if not self.content or _is_dash(self.content):
            raise Outside  # empty, comments only, or not a mapping at the top
        root = self._mapping(self.column)
        if self.content:
            raise Outside  # a line left of the top-level mapping
        return root

    def _mapping(self, indent: int) -> Mapping:
        """The block mapping whose first key is the current line, at column ``indent``."""
        lines = self.lines
        count = len(lines)
        index, content = self.index, self.content
        mapping = Mapping([], index + 1, indent + 1)
        keys = mapping._index
        pairs = mapping.pairs
        while True:
            key, rest, colon = _key(content, indent, index + 1)
            if rest and rest[0] != " ":
                raise Outside
            repeated = key.value in keys
            if (repeated and not self.tell_repeats) or colon - indent > LONGEST_KEY:
                raise Outside  # the full reader words the error
            value_text = rest.lstrip(" ")
            if not value_text or value_text[0] == "#":
                if repeated:
                    raise Outside  # a repeated key whose value is a block: left to the full reader
                value = None  # below the key, or empty
                index += 1
            else:
                start = colon + 1 + len(rest) - len(value_text)
                kind = value_text[0]
                if kind not in _NOT_PLAIN_START:  # the most common values first, without _value's dispatch
                    value = _plain(value_text, index + 1, start + 1)
                    index += 1
                elif kind == "[":
                    value = _flow_sequence(value_text, index + 1, start)
                    index += 1
                else:
                    value, index = _value(value_text, lines, index, start, indent)
            while index < count:  # to the next line that is neither blank nor a comment (_seek, inlined: the hot path)
                line = lines[index]
                content = line.lstrip(" ")
                if content and content[0] != "#":
                    column = len(line) - len(content)
                    break
                index += 1
            else:
                column, content = -1, ""
            if value is None:
                self.index, self.column, self.content = index, column, content
                value = self._below(indent, Scalar("", key.line, colon + 2, True))
                index, column, content = self.index, self.column, self.content
            if repeated:
                self.repeats.append((key.value, pairs[keys[key.value]][0], key))
            else:
                keys[key.value] = len(pairs)
                pairs.append((key, value))
            if column != indent:
                self.index, self.column, self.content = index, column, content
                if column < indent:
                    return mapping
                raise Outside  # a plain scalar continued, or indentation that matches no open container

    def _below(self, indent: int, empty: Scalar) -> Node:
        """The value of a key at ``indent`` with nothing after its colon: the container that the
        current line opens — more indented, or a dash at the key's own column — or else ``empty``."""
        column = self.column
        if column == indent and _is_dash(self.content):
            return self._sequence(column, True)
        if column <= indent:
            return empty
        if _is_dash(self.content):
            return self._sequence(column, False)
        if self.depth == DEEPEST:
            raise Outside  # nested deeper than any response file, and than Python's recursion allows
        self.depth += 1
        mapping = self._mapping(column)
        self.depth -= 1
        return mapping

    def _sequence(self, indent: int, indentless: bool) -> Sequence:
        """The block sequence whose first dash is the current line, at column ``indent``;
        ``indentless`` when it is written at its mapping's own column (it ends at the next key)."""
        sequence = Sequence([], self.index + 1, indent + 1)
        items = sequence.items
        while True:
            index = self.index
            rest = self.content[1:]
            value_text = rest.lstrip(" ")
            if not value_text or value_text[0] == "#":
                raise Outside  # an item below its dash
            value, index = _value(value_text, self.lines, index, indent + 1 + len(rest) - len(value_text), indent)
            items.append(value)
            self._seek(index)
            if self.column != indent:
                if self.column < indent:
                    return sequence
                raise Outside  # a plain scalar continued, or indentation that matches no open container
            if not _is_dash(self.content):
                if indentless:
                    return sequence  # the mapping's next key
                raise Outside  # text where the next item was expected


def _is_dash(content: str) -> bool:
    """Whether a line's text is a sequence item: a dash alone or followed by a space."""
    return content[0] == "-" and (len(content) == 1 or content[1] == " ")


def _key(content: str, column: int, number: int) -> tuple[Scalar, str, int]:
    """The key that starts ``content`` (at 0-based ``column`` of line ``number``), what follows its
    colon, and the colon's column."""
    first = content[0]
    if first == '"':
        end = content.find('"', 1)
        text = content[1:end]
        if end > 0 and content[end + 1 : end + 2] == ":" and "\\" not in text:  # the common case: "1.a": …
            return Scalar(text, number, column + 1, False), content[end + 2 :], column + end + 1
        text, end = _quoted(content, 0)
        return Scalar(text, number, column + 1, False), *_after_quoted_key(content, end, column)
    if first == "'":
        text, end = _quoted(content, 0)
        return Scalar(text, number, column + 1, False), *_after_quoted_key(content, end, column)
    end = content.find(":")
    text = content[:end]
    if end < 0 or text not in _SIMPLE_KEYS:
        match = _PLAIN_KEY.match(content)
        if match is None:
            raise Outside  # a dash in a mapping, a key beyond the subset, or no key
        text = match.group(1)
        end = match.end() - 1
        if end == len(text) and len(_SIMPLE_KEYS) < 1000:
            _SIMPLE_KEYS.add(text)
    return Scalar(text, number, column + 1, True), content[end + 1 :], column + end


_SIMPLE_KEYS: set[str] = set()
"""Plain keys already matched by ``_PLAIN_KEY`` with the colon right after them (``answer``,
``links``…): the next time, finding the colon is enough."""


def _after_quoted_key(content: str, end: int, column: int) -> tuple[str, int]:
    """What follows the colon after a quoted key closed at ``end``, and the colon's column."""
    after = content[end + 1 :].lstrip(" ")
    if after[:1] != ":":
        raise Outside
    return after[1:], column + len(content) - len(after)


def _add(mapping: Mapping, key: Scalar, value: Node) -> None:
    mapping._index[key.value] = len(mapping.pairs)
    mapping.pairs.append((key, value))


def _value(text: str, lines: list[str], index: int, column: int, parent: int) -> tuple[Node, int]:
    """The value that starts at 0-based ``column`` of line ``index`` (``text`` to the line's end),
    and the index of the line after it. ``parent`` is the indentation of its container."""
    first = text[0]
    if first == '"' or first == "'":
        value, end = _quoted(text, 0)
        _end_of_line(text, end + 1)
        return Scalar(value, index + 1, column + 1, False), index + 1
    if first == "|" or first == ">":
        return _block_scalar(text, column + 1, lines, index, parent)
    if first == "[":
        return _flow_sequence(text, index + 1, column), index + 1
    if first in _NOT_PLAIN_START:
        raise Outside
    return _plain(text, index + 1, column + 1), index + 1


def _plain(text: str, line: int, column: int) -> Scalar:
    """A one-line plain scalar, up to a comment; ``text`` starts with a character that may start one."""
    cut = text.find(" #")
    value = (text if cut < 0 else text[:cut]).rstrip(" ")
    if ": " in value or value[-1] == ":":
        raise Outside  # a mapping where a scalar was expected
    return Scalar(value, line, column, True)


def _block_scalar(header: str, column: int, lines: list[str], index: int, parent: int) -> tuple[Scalar, int]:
    """A literal (``|``) or folded (``>``) block scalar whose header is at (1-based) ``column`` of
    line ``index``; ``-`` strips the last line break."""
    header_line = index + 1
    if header == "|-" or header == "|":  # the usual headers, without the regular expression
        style, chomp = "|", header[1:]
    else:
        match = _BLOCK_HEADER.fullmatch(header)
        if match is None:
            raise Outside
        style, chomp = match.group(1), match.group(2)
    count = len(lines)
    start = index = index + 1
    while index < count and not lines[index].strip(" "):
        index += 1
    if index == count:
        raise Outside  # nothing but blank lines to the end
    indent = len(lines[index]) - len(lines[index].lstrip(" "))
    if indent <= parent or (index > start and any(len(lines[blank]) > indent for blank in range(start, index))):
        raise Outside  # an empty scalar, or LibYAML's indentation rules for leading blank lines
    prefix = " " * indent
    body = [""] * (index - start)
    last = -1
    while index < count:
        line = lines[index]
        if line.startswith(prefix):
            body.append(line[indent:])
            if len(line) > indent:
                last = index
        elif line.strip(" "):
            break
        else:
            body.append("")
        index += 1
    del body[len(body) - (index - 1 - last) :]  # trailing blank lines: chomped
    value = "\n".join(body) if style == "|" else _folded(body)
    if chomp != "-" and last < count - 1:
        value += "\n"
    return Scalar(value, header_line, column, False), index


def _folded(body: list[str]) -> str:
    """Folded lines: a single line break becomes a space, each blank line a line break."""
    parts: list[str] = []
    blanks = 0
    for line in body:
        if not line:
            blanks += 1
            continue
        if line[0] == " ":
            raise Outside  # a more-indented line, kept as it is: LibYAML's rules
        if parts:
            parts.append("\n" * blanks if blanks else " ")
        elif blanks:
            parts.append("\n" * blanks)
        parts.append(line)
        blanks = 0
    return "".join(parts)


def _quoted(text: str, start: int) -> tuple[str, int]:
    """The value of the one-line quoted scalar opened at ``start``, and the index of its closing
    quote. Single quotes escape themselves (``''``); double quotes take YAML's backslash escapes."""
    quote = text[start]
    if quote == "'":
        end = text.find("'", start + 1)
        while end >= 0 and text[end + 1 : end + 2] == "'":
            end = text.find("'", end + 2)
        if end < 0:
            raise Outside  # continued on the next line
        return text[start + 1 : end].replace("''", "'"), end
    end = text.find('"', start + 1)
    if end < 0:
        raise Outside
    value = text[start + 1 : end]
    if "\\" not in value:
        return value, end
    match = _DOUBLE_QUOTED.match(text, start)
    if match is None:
        raise Outside  # continued on the next line
    return _ESCAPE.sub(_unescape, match.group(1)), match.end() - 1


_DOUBLE_QUOTED = re.compile(r'"((?:[^"\\]|\\.)*)"')
_ESCAPE = re.compile(r"\\(?:x([0-9A-Fa-f]{2})|u([0-9A-Fa-f]{4})|U([0-9A-Fa-f]{8})|(.))")
_ESCAPED = {
    "0": "\0", "a": "\a", "b": "\b", "t": "\t", "n": "\n", "v": "\v", "f": "\f", "r": "\r",
    "e": "\x1b", " ": " ", '"': '"', "/": "/", "\\": "\\", "N": "\x85", "_": "\xa0",
    "L": "\u2028", "P": "\u2029",
}  # fmt: skip
"""YAML's one-character escapes (``\\x``, ``\\u`` and ``\\U`` take hexadecimal digits)."""


def _unescape(match: re.Match[str]) -> str:
    single = match.group(4)
    if single is not None:
        if single not in _ESCAPED:
            raise Outside  # LibYAML words the error
        return _ESCAPED[single]
    code = int(match.group(1) or match.group(2) or match.group(3), 16)
    if 0xD800 <= code <= 0xDFFF or code > 0x10FFFF:
        raise Outside
    return chr(code)


def _end_of_line(text: str, position: int) -> None:
    """Only blanks or a comment may follow a value that closed before the line's end."""
    rest = text[position:]
    after = rest.lstrip(" ")
    if after and (after[0] != "#" or len(after) == len(rest)):
        raise Outside


def _flow_sequence(text: str, number: int, column: int) -> Sequence:
    """A flow sequence closed on its own line, of one-line quoted or simple plain items."""
    if text[1:2] == '"':  # the common case: one double-quoted item, ["…"]
        end = text.find('"', 2)
        if end == len(text) - 2 and text[-1] == "]" and "\\" not in text:
            return Sequence([Scalar(text[2:end], number, column + 2, False)], number, column + 1)
    items: list[Node] = []
    node = Sequence(items, number, column + 1)
    position = 1
    length = len(text)
    while True:
        while position < length and text[position] == " ":
            position += 1
        if position >= length:
            raise Outside  # continued on the next line
        first = text[position]
        if first == "]" and not items:
            position += 1
            break
        if first == '"' or first == "'":
            value, end = _quoted(text, position)
            items.append(Scalar(value, number, column + position + 1, False))
            position = end + 1
        elif first in _NOT_PLAIN_START:
            raise Outside
        else:
            end = _FLOW_PLAIN.match(text, position).end()  # type: ignore[union-attr]
            items.append(Scalar(text[position:end].rstrip(" "), number, column + position + 1, True))
            position = end
        while position < length and text[position] == " ":
            position += 1
        separator = text[position : position + 1]
        position += 1
        if separator == "]":
            break
        if separator != ",":
            raise Outside
    _end_of_line(text, position)
    return node
