"""Neutralise text taken from response files before it reaches a terminal or a report.

Control characters (C0, DEL, C1) and invisible format characters such as bidi
overrides are shown as visible escapes (``\\x1b``, ``\\u202e``), so that a
response file cannot move the cursor, recolour a terminal or reorder a message.
"""

from __future__ import annotations

import unicodedata

_ESCAPES = {"\n": "\\n", "\t": "\\t", "\r": "\\r"}


def _escape(char: str) -> str:
    if char in _ESCAPES:
        return _ESCAPES[char]
    code = ord(char)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def clean(text: object) -> str:
    """``text`` with every control or format character replaced by a visible escape."""
    value = str(text)
    if value.isprintable():
        return value
    return "".join(
        _escape(char)
        if not char.isprintable() and (char in _ESCAPES or unicodedata.category(char) in ("Cc", "Cf", "Zl", "Zp", "Cs", "Co", "Cn"))
        else char
        for char in value
    )
