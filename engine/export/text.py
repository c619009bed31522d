"""Text as documents print it: answers neutralised for print, paragraphs, direction, emphasis.

Unlike a terminal, a document needs the invisible characters that scripts use — zero-width
joiner and non-joiner (Arabic, Persian, Indic scripts), left-to-right and right-to-left marks,
the Arabic letter mark, soft hyphens — so those are kept. What could disturb a document is made
visible as an escape (``\\x1b``, ``\\u202e``): control characters other than line breaks and
tabs, and the bidi embeddings, overrides and isolates that would reorder the text around them.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator

_BIDI_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
_LINE_BREAKS = re.compile("\r\n|[\r\u2028\u2029\x85]")
_BLANK_LINES = re.compile(r"\n[ \t]*\n\s*")
_EMPHASIS = re.compile(r"(?<![\w*])\*(?=\S)([^*\n]+?)(?<=\S)\*(?![\w*])")


def _neutralised(char: str) -> bool:
    if char in "\n\t":
        return False
    category = unicodedata.category(char)
    return category in ("Cc", "Cs") or char in _BIDI_CONTROLS or char in "\ufffe\uffff"


def _escape(char: str) -> str:
    code = ord(char)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def document_text(value: object) -> str:
    """Text from a response file, safe to print: line breaks kept (``\\n``), what scripts need kept,
    control and bidi embedding/override/isolate characters shown as visible escapes."""
    text = _LINE_BREAKS.sub("\n", str(value))
    if text.isprintable():
        return text
    return "".join(_escape(c) if _neutralised(c) else c for c in text)


def paragraphs(text: str) -> list[str]:
    """``text`` cut into paragraphs at blank lines; a single line break stays inside its paragraph."""
    return [p.strip("\n") for p in _BLANK_LINES.split(text.strip("\n")) if p.strip()]


def direction(text: str) -> str | None:
    """``"ltr"`` or ``"rtl"`` from the first strong character (Unicode's rule for a paragraph), else ``None``."""
    for char in text:
        kind = unicodedata.bidirectional(char)
        if kind == "L":
            return "ltr"
        if kind in ("R", "AL"):
            return "rtl"
    return None


def emphasis_segments(text: str) -> Iterator[tuple[str, bool]]:
    """``text`` cut at the source's ``*emphasis*`` (``*mutatis mutandis*``): ``(piece, emphasised)``, asterisks dropped."""
    position = 0
    for match in _EMPHASIS.finditer(text):
        if match.start() > position:
            yield text[position : match.start()], False
        yield match.group(1), True
        position = match.end()
    if position < len(text):
        yield text[position:], False
