"""Text as the terminal receives it: right-to-left text shaped and reordered in ``shaped`` mode.

In the default ``native`` mode text goes to the terminal as it is (in logical order), for
terminals that join Arabic letters and reorder right-to-left runs themselves. In ``shaped`` mode
(``untoc fill --rtl shaped``) untoc does both, for display only — never on text being edited,
never on what is saved:

- :func:`shown` for a plain one-line string (titles, notices);
- :func:`line` for a one-line rich text (outline rows, the header, the key bar);
- :func:`prose` for a paragraph: a renderable that wraps the logical text to the width it is
  given, then reorders each line, so that a right-to-left paragraph reads from the top line down
  and is aligned right.

In the Arabic interface every text that holds Arabic reads right to left; elsewhere a text's first
strong character decides.

Styled runs are shaped one by one and, on a right-to-left line, laid out from right to left.
"""

from __future__ import annotations

from rich.console import Console, ConsoleOptions, RenderResult
from rich.measure import Measurement
from rich.text import Span, Text

from engine.i18n import current_language
from engine.i18n.display import DisplayMode, has_rtl

_mode: dict[str, DisplayMode] = {"mode": "native"}


def set_display_mode(mode: DisplayMode) -> None:
    """``shaped``: shape and reorder right-to-left static text for terminals that do not (see README)."""
    _mode["mode"] = mode


def is_shaped() -> bool:
    return _mode["mode"] == "shaped"


def shown(text: str) -> str:
    """A plain string ready for the terminal (each of its lines shaped and reordered in ``shaped`` mode)."""
    if not is_shaped() or not has_rtl(text):
        return text
    return "\n".join(_reorder(Text(_shape(part)), _rtl(part)).plain for part in text.split("\n"))


def line(text: Text) -> Text:
    """A one-line rich text ready for the terminal."""
    if not is_shaped() or not has_rtl(text.plain):
        return text
    return _reorder(_shaped_runs(text), _rtl(text.plain))


def prose(text: Text | str) -> Text | Shaped:
    """A paragraph ready for the terminal: as it is, or a renderable that wraps before it reorders."""
    rich_text = Text(text) if isinstance(text, str) else text
    if not is_shaped() or not has_rtl(rich_text.plain):
        return rich_text
    return Shaped(rich_text)


class Shaped:
    """A paragraph of logical-order text, wrapped to the width it is rendered at, then each line reordered."""

    def __init__(self, text: Text) -> None:
        self.text = text
        self.rtl = _rtl(text.plain)
        self.shaped = _shaped_runs(text)

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        width = max(1, options.max_width)
        lines = self.shaped.wrap(console, width, justify="left", no_wrap=False)
        for wrapped in lines:
            wrapped.rstrip()
            visual = _reorder(wrapped, self.rtl)
            if self.rtl and visual.cell_len < width:
                visual = Text(" " * (width - visual.cell_len)) + visual
            visual.end = "\n"  # every line ends with one, as rich Text does (Textual counts them for the height)
            yield visual

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        return Measurement.get(console, options, self.shaped)


RTL_INTERFACES = ("ar",)


def _rtl(text: str) -> bool:
    """Whether a text with right-to-left letters reads right to left: always in a right-to-left interface
    ("^n التالي", "Esc للإغلاق"), else as its first strong character says (an Arabic name in an English header)."""
    if current_language() in RTL_INTERFACES:
        return True
    from bidi import get_base_level

    return bool(get_base_level(text))


def _shape(text: str) -> str:
    import arabic_reshaper

    return str(arabic_reshaper.reshape(text))


def _runs(text: Text) -> list[Text]:
    """``text`` cut where its styles change: each piece carries one set of styles over its whole length."""
    cuts = sorted({offset for span in text.spans for offset in (span.start, span.end) if 0 < offset < len(text)})
    return list(text.divide(cuts)) if cuts else [text]


def _restyled(piece: Text, plain: str) -> Text:
    out = Text(plain, style=piece.style, end="")
    out.spans = [Span(0, len(plain), span.style) for span in piece.spans if span.end > span.start]
    return out


def _shaped_runs(text: Text) -> Text:
    """``text`` with Arabic letters joined, run by run (logical order kept)."""
    out = Text(end=text.end, justify=text.justify)
    for piece in _runs(text):
        out.append_text(_restyled(piece, _shape(piece.plain)) if has_rtl(piece.plain) else piece)
    return out


def _reorder(text: Text, rtl: bool) -> Text:
    """One line in visual order: runs laid out right to left on a right-to-left line, each run reordered within."""
    from bidi.algorithm import get_display  # python-bidi's own implementation: it mirrors brackets, "(أ)" stays "(أ)"

    base = "R" if rtl else "L"
    pieces = [
        _restyled(piece, str(get_display(piece.plain, base_dir=base))) if has_rtl(piece.plain) else _flipped(piece) if rtl else piece
        for piece in _runs(text)
    ]
    out = Text(end=text.end)
    for piece in reversed(pieces) if rtl else pieces:
        out.append_text(piece)
    return out


def _flipped(piece: Text) -> Text:
    """A left-to-right run on a right-to-left line: its spaces change sides (the run itself reads left to right)."""
    plain = piece.plain
    core = plain.strip(" ")
    if core == plain:
        return piece
    lead, trail = plain[: len(plain) - len(plain.lstrip(" "))], plain[len(plain.rstrip(" ")) :]
    return _restyled(piece, trail + core + lead)
