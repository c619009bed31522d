"""Helpers for the tests of ``untoc fill``: running an async test, reading the screen, answering with keys only."""

from __future__ import annotations

import asyncio
import functools
import html
import re
from pathlib import Path

from textual import events
from textual.geometry import Region
from textual.widget import Widget

from engine.definition.index import Entry
from engine.definition.model import SCALE_VALUES, AnswerKind
from engine.ui.editors import ChoiceEditor
from engine.ui.question import QuestionPane
from engine.ui.session import Session

SIZE = (80, 24)


def sync(test):
    """Run an async test in its own event loop (no pytest plugin needed)."""

    @functools.wraps(test)
    def wrapper(*args, **kwargs):
        return asyncio.run(test(*args, **kwargs))

    return wrapper


def new_session(path: Path, cluster: str = "cluster1", parties: list[str] | None = None) -> Session:
    return Session.create(path, cluster, "Examplestan", "en", parties or [], False)


def lines_of(widget: Widget) -> list[str]:
    """What a widget shows, line by line, as plain text."""
    width, height = widget.region.size
    return [strip.text for strip in widget.render_lines(Region(0, 0, width, height))]


def screen_text(app) -> str:
    """Every character the screen shows (from its SVG screenshot), in no particular layout."""
    svg = app.export_screenshot()
    return html.unescape("".join(re.findall(r"<text[^>]*>(.*?)</text>", svg, flags=re.S))).replace("\xa0", " ")


def pane(app) -> QuestionPane:
    return app.screen.query_one(QuestionPane)


def current(app) -> Entry:
    return pane(app).session.definition.entries[pane(app).item_id]


async def keys(pilot, *names: str) -> None:
    """Press keys, then let the application settle."""
    await pilot.press(*names)
    await pilot.pause()


async def type_text(pilot, text: str) -> None:
    """Type ``text`` as a terminal delivers it: every key at once, then let the application settle."""
    await burst(pilot, *["space" if c == " " else c for c in text])


async def burst(pilot, *names: str) -> None:
    """Keys sent back to back, without waiting between them (as a terminal sends what is typed or pasted)."""
    app = pilot.app
    for name in names:
        event = events.Key(name, name if len(name) == 1 else " " if name == "space" else None)
        event.set_sender(app)
        app._driver.send_message(event)
    await pilot.pause()


async def answer_with_keys(pilot, entry: Entry, other_text: str = "Other, as specified") -> None:
    """Answer the shown question, its answer editor focused, with keys only (Tab moves on to the legislation)."""
    app = pilot.app
    if entry.kind is AnswerKind.text:
        await type_text(pilot, f"Answer {entry.number}")
        return
    if entry.kind in SCALE_VALUES:
        await burst(pilot, "home", "space", "tab")  # Yes, then the legislation under it
        await type_text(pilot, f"Act {entry.number}")
        return
    editor = pane(app).answer_editor
    assert isinstance(editor, ChoiceEditor) and app.focused is editor
    await keys(pilot, "home", "space")  # the first option
    if "other" in entry.values:
        if entry.kind is AnswerKind.choice:
            await keys(pilot, "end", "space")  # a single choice: "Other" replaces it
        else:
            await keys(pilot, "end", "space")  # several: "Other" as well
        texts = pane(app).option_texts
        while app.focused is not texts["other"]:
            await keys(pilot, "tab")
        await type_text(pilot, other_text)
