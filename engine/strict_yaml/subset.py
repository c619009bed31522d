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


def parse_subset(text: str, on_duplicate: DuplicateHandler | None = None) -> Mapping:
    """The located tree of ``text``, whose top level must be a block mapping.

    One pass over the lines, with the open containers on a stack. Raises :class:`Outside` when
    the text leaves the subset; never any other exception. A repeated key whose value is on its
    own line is in the subset only with ``on_duplicate``, told about it (once the whole text is
    read) as the full reader tells it; the second value is dropped.
    """
    if "\r\n" in text:
        text = text.replace("\r\n", "\n")  # Windows line ends: LibYAML reads them as \n too
    if text.isascii():
        if text.encode("ascii").translate(None, _PRINTABLE_ASCII):
            raise Outside  # a control character: tab, carriage return…
    elif _NOT_IN_SUBSET.search(text):
        raise Outside
    lines = text.split("\n")
    count = len(lines)
    stack: list[tuple[Mapping | Sequence, int, bool]] = []
    root: Mapping | None = None
    node: Mapping | Sequence | None = None  # the innermost open container
    in_mapping = True
    indent = 0  # the column of its keys or dashes
    indentless = False  # a sequence written at its mapping's own indentation
    pending: tuple[Scalar, int, int] | None = None  # a key whose value is on later lines; where it would be if empty
    repeats: list[tuple[str, Scalar, Scalar]] = []  # repeated keys: told to on_duplicate at the end
    index = 0
    while index < count:
        line = lines[index]
        content = line.lstrip(" ")
        if not content:
            index += 1
            continue
        first = content[0]
        if first == "#":
            index += 1
            continue
        column = len(line) - len(content)
        number = index + 1
        is_item = first == "-" and (len(content) == 1 or content[1] == " ")
        if pending is not None:
            key, empty_line, empty_column = pending
            pending = None
            if column > indent or (column == indent and is_item):
                child: Mapping | Sequence = Sequence([], number, column + 1) if is_item else Mapping([], number, column + 1)
                _add(node, key, child)  # type: ignore[arg-type]
                stack.append((node, indent, indentless))  # type: ignore[arg-type]
                node, in_mapping, indentless, indent = child, not is_item, column == indent, column
            else:
                _add(node, key, Scalar("", empty_line, empty_column, True))  # type: ignore[arg-type]
        elif node is None:  # the first line: the top-level mapping
            if is_item:
                raise Outside
            node = root = Mapping([], number, column + 1)
            indent = column
        if column != indent or indentless:
            while column < indent or (indentless and column == indent and not is_item):
                if not stack:
                    raise Outside  # a line left of the top-level mapping
                node, indent, indentless = stack.pop()
                in_mapping = type(node) is Mapping
            if column != indent:
                raise Outside  # a plain scalar continued, or indentation that matches no open container
        if in_mapping:
            if first == '"':
                end = content.find('"', 1)
                key_text = content[1:end]
                if end > 0 and content[end + 1 : end + 2] == ":" and "\\" not in key_text:
                    rest = content[end + 2 :]  # the common case: "1.a": …
                    colon = column + end + 1
                else:
                    key_text, end = _quoted(content, 0)
                    rest, colon = _after_quoted_key(content, end, column)
                plain = False
            elif first == "'":
                key_text, end = _quoted(content, 0)
                rest, colon = _after_quoted_key(content, end, column)
                plain = False
            else:
                end = content.find(":")
                key_text = content[:end]
                if end < 0 or key_text not in _SIMPLE_KEYS:
                    match = _PLAIN_KEY.match(content)
                    if match is None:
                        raise Outside  # a dash in a mapping, a key beyond the subset, or no key
                    key_text = match.group(1)
                    end = match.end() - 1
                    if end == len(key_text) and len(_SIMPLE_KEYS) < 1000:
                        _SIMPLE_KEYS.add(key_text)
                rest = content[end + 1 :]
                colon = column + end
                plain = True
            if rest and rest[0] != " ":
                raise Outside
            keys = node._index  # type: ignore[union-attr]
            repeated = key_text in keys
            if (repeated and on_duplicate is None) or colon - column > LONGEST_KEY:
                raise Outside  # the full reader words the error
            key_node = Scalar(key_text, number, column + 1, plain)
            value_text = rest.lstrip(" ")
            if not value_text or value_text[0] == "#":
                if repeated:
                    raise Outside  # a repeated key whose value is a block: left to the full reader
                pending = (key_node, number, colon + 2)
                index += 1
                continue
            start = colon + 1 + len(rest) - len(value_text)
            kind = value_text[0]
            if kind not in _NOT_PLAIN_START:  # the most common values first, without _value's dispatch
                value: Node = _plain(value_text, number, start + 1)
                index += 1
            elif kind == "[":
                value = _flow_sequence(value_text, number, start)
                index += 1
            else:
                value, index = _value(value_text, lines, index, start, indent)
            if repeated:
                repeats.append((key_text, node.pairs[keys[key_text]][0], key_node))  # type: ignore[union-attr]
                continue
            keys[key_text] = len(node.pairs)  # type: ignore[union-attr]
            node.pairs.append((key_node, value))  # type: ignore[union-attr]
        else:
            if not is_item:
                raise Outside  # text where the next item was expected
            rest = content[1:]
            value_text = rest.lstrip(" ")
            if not value_text or value_text[0] == "#":
                raise Outside  # an item below its dash
            value, index = _value(value_text, lines, index, column + 1 + len(rest) - len(value_text), indent)
            node.items.append(value)  # type: ignore[union-attr]
    if root is None:
        raise Outside  # empty, or comments only
    if pending is not None:
        _add(node, pending[0], Scalar("", pending[1], pending[2], True))  # type: ignore[arg-type]
    for key_text, first, again in repeats:  # only now: a text handed over must not report them twice
        on_duplicate(key_text, first, again)  # type: ignore[misc]
    return root


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
