"""The main screen: progress, navigation tree, question pane, findings panel, footer."""

from __future__ import annotations

import asyncio
import contextlib

from textual.app import ComposeResult
from textual.binding import Binding, BindingsMap
from textual.containers import Horizontal
from textual.screen import Screen
from textual.widgets import Footer, Static, Tree

from engine.export.chrome import unofficial
from engine.i18n import _
from engine.i18n.catalogs import set_language
from engine.ui.dialogs import GuidanceScreen, LanguageScreen, SearchScreen
from engine.ui.findings import FindingsPanel
from engine.ui.labels import LANGUAGE_NAMES
from engine.ui.navtree import NavTree
from engine.ui.question import QuestionPane
from engine.ui.session import Session

KEYS_WAIT = 1.0  # seconds: at most this long for the focused widget to handle keys typed before a move


def bindings() -> list[Binding]:
    """The screen's keys, described in the current language (priority: they work in text fields too)."""
    return [
        Binding("ctrl+n", "next_unanswered", _("Next unanswered"), key_display="^n", priority=True),
        Binding("ctrl+b", "previous_unanswered", _("Previous unanswered"), key_display="^b", priority=True),
        Binding("ctrl+down", "next_question", _("Next"), key_display="^↓", priority=True),
        Binding("ctrl+up", "previous_question", _("Previous"), key_display="^↑", priority=True),
        Binding("ctrl+f", "search", _("Search"), key_display="^f", priority=True),
        Binding("ctrl+r", "toggle_findings", _("Findings"), key_display="^r", priority=True),
        Binding("ctrl+l", "language", _("Language"), key_display="^l", priority=True),
        Binding("ctrl+g", "guidance", _("Guidance"), key_display="^g", priority=True),
        Binding("ctrl+o", "focus_tree", _("Outline"), key_display="^o", priority=True),
        Binding("ctrl+s", "save", _("Save"), key_display="^s", priority=True),
    ]


class MainScreen(Screen[None]):
    """Fill the questionnaire."""

    def __init__(self, session: Session, lang: str) -> None:
        super().__init__()
        self.session = session
        self.lang = lang
        self._bindings = BindingsMap([*Screen.BINDINGS, *bindings()])  # tab and shift+tab move the focus, as on any screen

    def compose(self) -> ComposeResult:
        if self.session.read_only:
            yield Static(_("READ-ONLY: {reason}").format(reason=self.session.read_only), id="banner")
        yield Static(id="progress")
        with Horizontal(id="body"):
            yield NavTree(self.session, self.lang, id="nav")
            yield QuestionPane(self.session, self.lang, id="question")
        panel = FindingsPanel(self.session, id="findings")
        panel.display = False
        yield panel
        yield Footer()

    async def on_mount(self) -> None:
        self.update_progress()
        first = self.session.last or self.session.next_unanswered(None) or next(iter(self.session.definition.entries))
        await self.go_to(first)
        self.query_one(NavTree).focus()
        self.notify_unofficial()

    def notify_unofficial(self) -> None:
        """In a language other than English, say that the questionnaire's translation is unofficial."""
        if self.lang != "en":
            self.notify(unofficial(), timeout=8)

    # -- derived views -------------------------------------------------------------

    def update_progress(self) -> None:
        session = self.session
        model = session.definition.questionnaire
        pane = self.query_one(QuestionPane)
        entry = session.definition.entries.get(pane.item_id or "") if pane.item_id else None
        answered, applicable = session.progress()
        text = _("Cluster {cluster} · {state} · cluster: {answered} of {applicable} answered").format(
            cluster=model.cluster, state=session.document.state, answered=answered, applicable=applicable
        )
        if entry is not None:
            part_answered, part_applicable = session.progress(entry.part)
            numeral = entry.part.title.split(" ", 1)[0].rstrip(".")
            text += " · " + _("part {part}: {answered} of {applicable}").format(
                part=numeral, answered=part_answered, applicable=part_applicable
            )
        if session.read_only is None:
            text += " · " + (_("saving…") if session.dirty else _("saved"))
        self.query_one("#progress", Static).update(text)

    def on_question_pane_edited(self, event: QuestionPane.Edited) -> None:
        self.app.schedule_save()  # type: ignore[attr-defined]
        self.refresh_views()

    def refresh_views(self) -> None:
        self.query_one(NavTree).refresh_labels()
        self.query_one(QuestionPane).refresh_status()
        panel = self.query_one(FindingsPanel)
        if panel.display:
            panel.refresh_findings()
        self.update_progress()

    # -- moving ----------------------------------------------------------------------

    async def go_to(self, item_id: str | None) -> None:
        if item_id is None or item_id not in self.session.definition.entries:
            return
        await self._pending_keys_handled()
        self.query_one(NavTree).reveal(item_id)
        await self.query_one(QuestionPane).show(item_id)
        self.update_progress()

    async def _pending_keys_handled(self) -> None:
        """Wait until the focused widget has handled the keys typed before this move.

        The application hands keys to the focused widget's queue; a move bound to a key is handled at
        once. Without this wait, letters typed just before ctrl+↓ could land in the next question.
        """
        focused = self.app.focused
        if focused is None or self.query_one(QuestionPane) not in focused.ancestors:
            return  # only the question pane's widgets edit answers
        handled = asyncio.Event()
        if focused.call_later(handled.set):
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(handled.wait(), KEYS_WAIT)

    async def on_tree_node_highlighted(self, event: Tree.NodeHighlighted[str]) -> None:
        if event.node.data is not None:
            await self.query_one(QuestionPane).show(event.node.data)
            self.update_progress()

    async def on_findings_panel_jump(self, event: FindingsPanel.Jump) -> None:
        await self.go_to(event.item_id)

    def _current(self) -> str | None:
        return self.query_one(QuestionPane).item_id

    async def action_next_unanswered(self) -> None:
        await self.go_to(self.session.next_unanswered(self._current(), 1))

    async def action_previous_unanswered(self) -> None:
        await self.go_to(self.session.next_unanswered(self._current(), -1))

    async def action_next_question(self) -> None:
        await self.go_to(self.session.neighbour(self._current(), 1))

    async def action_previous_question(self) -> None:
        await self.go_to(self.session.neighbour(self._current(), -1))

    def action_focus_tree(self) -> None:
        self.query_one(NavTree).focus()

    def action_search(self) -> None:
        async def chosen(item_id: str | None) -> None:
            await self.go_to(item_id)

        self.app.push_screen(SearchScreen(self.session, self.lang), chosen)

    def action_toggle_findings(self) -> None:
        panel = self.query_one(FindingsPanel)
        panel.display = not panel.display
        if panel.display:
            panel.refresh_findings()
            panel.focus()

    def action_guidance(self) -> None:
        self.app.push_screen(GuidanceScreen(self.session, self.lang))

    def action_save(self) -> None:
        self.app.save_now()  # type: ignore[attr-defined]
        self.update_progress()

    def action_language(self) -> None:
        async def chosen(lang: str | None) -> None:
            if lang is not None:
                await self.set_language(lang)

        self.app.push_screen(LanguageScreen(self.lang), chosen)

    async def set_language(self, lang: str) -> None:
        """Switch the interface and questionnaire language at run time."""
        if lang not in LANGUAGE_NAMES:
            return
        set_language(lang)
        self.lang = lang
        self.session.ui_language = lang
        tree, pane = self.query_one(NavTree), self.query_one(QuestionPane)
        tree.lang = pane.lang = lang
        tree.build()
        self._bindings = BindingsMap([*Screen.BINDINGS, *bindings()])  # tab and shift+tab move the focus, as on any screen
        self.refresh_bindings()
        for banner in self.query("#banner"):
            banner.update(_("READ-ONLY: {reason}").format(reason=self.session.read_only))  # type: ignore[attr-defined]
        current = pane.item_id
        if current is not None:
            tree.reveal(current)
            await pane.show(current, force=True)
        panel = self.query_one(FindingsPanel)
        if panel.display:
            panel.refresh_findings()
        self.update_progress()
        self.app.save_state()  # type: ignore[attr-defined]
        self.notify_unofficial()
