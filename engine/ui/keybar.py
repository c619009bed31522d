"""The key bar at the foot of the main screen: every key of the key table, wrapped onto as many lines as it needs.

Textual's own footer cuts what does not fit on one line (at 80 columns it showed seven of twelve
keys); this bar wraps between keys instead, and its labels follow the interface language. A key
can be clicked as well.
"""

from __future__ import annotations

from rich.style import Style
from rich.text import Text
from textual.geometry import Size
from textual.widget import Widget

from engine.i18n import current_language
from engine.i18n.display import has_rtl
from engine.ui.display import is_shaped, line
from engine.ui.keys import MAIN_KEYS, Key


class KeyBar(Widget):
    """The keys of :data:`MAIN_KEYS` that belong in the bar, with their short labels."""

    DEFAULT_CSS = """
    KeyBar { height: auto; background: $footer-background; color: $footer-foreground; }
    """

    def __init__(self, keys: tuple[Key, ...] = MAIN_KEYS, **kwargs: str) -> None:
        super().__init__(**kwargs)
        self.keys = [key for key in keys if key.in_bar and key.label is not None]
        self._cache: tuple[tuple[str, bool, int], list[Text]] | None = None

    def _items(self) -> list[Text]:
        items = []
        for key in self.keys:
            click = Style(meta={"@click": f"{key.target}.{key.action}"})
            item = Text(key.display, style=Style(bold=True, color="yellow") + click)
            item.append(f" {key.label() if key.label else ''}", style=click)
            items.append(line(item))
        return items

    def _lines(self, width: int) -> list[Text]:
        key = (current_language(), is_shaped(), width)
        if self._cache is None or self._cache[0] != key:
            self._cache = (key, self._layout(width))
        return self._cache[1]

    def _layout(self, width: int) -> list[Text]:
        """The items on as few rows as fit ``width``, one space between them (a right-to-left bar reads from the right)."""
        rows: list[list[Text]] = [[]]
        for item in self._items():
            if rows[-1] and sum(i.cell_len + 1 for i in rows[-1]) + item.cell_len > width:
                rows.append([])
            rows[-1].append(item)
        if is_shaped() and has_rtl("".join(item.plain for row in rows for item in row)):
            joined = [Text(" ").join(reversed(row)) for row in rows]
            return [Text(" " * max(0, width - row.cell_len)) + row for row in joined]
        return [Text(" ").join(row) for row in rows]

    def render(self) -> Text:
        return Text("\n").join(self._lines(max(1, self.size.width)))

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return len(self._lines(max(1, width)))

    def refresh_labels(self) -> None:
        """Show the labels in the current language."""
        self._cache = None
        self.refresh(layout=True)
