"""The main screen: header, outline, question pane, findings, key bar.

Focus goes where the user works: Tab / Shift+Tab run through outline → answer → option texts →
legislation → links → comment; Enter on a question in the outline, a search result or a finding
puts the focus on its answer; Esc or ctrl+o go back to the outline. Moving to another question
(ctrl+↓, ctrl+n …) keeps the focus where it was — on the answer, the new question's answer — and
shows the question from its top.
"""

from __future__ import annotations

import asyncio
import contextlib
from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Horizontal
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Static, Tree
from textual.widgets.tree import TreeNode

from engine.export.chrome import unofficial
from engine.i18n import DEFAULT_LANGUAGE, _
from engine.i18n.catalogs import set_language
from engine.ui.access import filling
from engine.ui.dialogs import GuidanceScreen, HelpScreen, LanguageScreen, SearchScreen, TakeOverScreen
from engine.ui.display import line, prose
from engine.ui.findings import FindingsList
from engine.ui.keybar import KeyBar
from engine.ui.keys import MAIN_KEYS
from engine.ui.labels import LANGUAGE_NAMES
from engine.ui.navtree import NavTree
from engine.ui.question import QuestionPane
from engine.ui.session import Session
from engine.ui.submission import CheckScreen
from engine.ui.wording import UI_TERMS

KEYS_WAIT = 1.0  # seconds: at most this long for the focused widget to handle keys typed before a move


class MainScreen(Screen[None]):
    """Fill the questionnaire."""

    BINDINGS: ClassVar[list[BindingType]] = [key.binding() for key in MAIN_KEYS if key.target == "screen"]

    def __init__(self, session: Session, lang: str) -> None:
        super().__init__()
        self.session = session
        self.lang = lang
        self.save_error: str | None = None
        self._header: dict[str, tuple[str, str]] = {}
        self.ready = asyncio.Event()
        """Set once the first question is shown: keys that move wait for it (the application reads keys meanwhile)."""

    def compose(self) -> ComposeResult:
        yield Static(id="banner")
        with Horizontal(id="header"):
            yield Static(id="progress")
            yield Static(id="saved")
        with Horizontal(id="body"):
            yield NavTree(self.session, self.lang, UI_TERMS, id="nav")
            yield QuestionPane(self.session, self.lang, UI_TERMS, id="question")
        panel = FindingsList(self.session, UI_TERMS, id="findings")
        panel.display = False
        yield panel
        yield KeyBar(id="keys")

    async def on_mount(self) -> None:
        first = self.session.last or self.session.next_unanswered(None) or next(iter(self.session.definition.entries))
        self.outline.reveal(first)
        await self.pane.show(first)
        self.set_focus(self.outline)
        self.show_banner()  # the header says "saved" once the screen is ready for keys
        self.ready.set()
        if self.session.locked_by is not None:
            self.set_interval(1.0, self._watch_lock)
        self.say_if_unofficial()

    def say_if_unofficial(self) -> None:
        """In a translated language, say once that the questionnaire's translation is unofficial (also in the guidance, ^g)."""
        if self.lang != DEFAULT_LANGUAGE:
            self.notify(unofficial(), timeout=8)

    @property
    def outline(self) -> NavTree:
        return self.query_one(NavTree)

    @property
    def pane(self) -> QuestionPane:
        return self.query_one(QuestionPane)

    @property
    def findings_list(self) -> FindingsList:
        return self.query_one("#findings", FindingsList)

    # -- header and banner -------------------------------------------------------------

    def show_banner(self) -> None:
        """The one banner: why the file is read-only, why saving fails, or that its layout will not be kept."""
        session = self.session
        if session.read_only:
            text = _("READ-ONLY: {reason}").format(reason=session.read_only)
        elif self.save_error:
            text = _("NOT SAVED: {reason}. Retrying every few seconds; quitting asks what to do with the answers.").format(
                reason=self.save_error
            )
        elif session.layout_note:
            text = _("Note: {note}.").format(note=session.layout_note)
        else:
            text = ""
        banner = self.query_one("#banner", Static)
        banner.display = bool(text)
        banner.set_class(bool(self.save_error or session.read_only), "alarm")
        banner.update(prose(text))
        self.update_progress()

    def update_progress(self) -> None:
        session = self.session
        model = session.definition.questionnaire
        entry = session.definition.entries.get(self.pane.item_id or "")
        answered, expected = session.progress()
        text = _("Cluster {cluster} · {state} · {answered}/{applicable} answered").format(
            cluster=model.cluster, state=session.document.state, answered=answered, applicable=expected
        )
        if entry is not None:
            part_answered, part_expected = session.progress(entry.part)
            numeral = entry.part.title.split(" ", 1)[0].rstrip(".")
            text += " · " + _("part {part}: {answered}/{applicable}").format(part=numeral, answered=part_answered, applicable=part_expected)
        self._update("#progress", text, "")
        if session.read_only is not None:
            state, style = _("read-only"), "bold"
        elif self.save_error:
            state, style = _("NOT SAVED"), "bold red"
        else:
            state, style = (_("saving…"), "") if session.dirty else (_("saved"), "green")
        self._update("#saved", state, style)

    def _update(self, selector: str, text: str, style: str) -> None:
        """Change a line of the header only when it changes (a refresh costs a frame)."""
        widget = self.query_one(selector, Static)
        if self._header.get(selector) != (text, style):
            self._header[selector] = (text, style)
            widget.update(line(Text(text, style=style)))

    def on_question_pane_changed(self, event: QuestionPane.Changed) -> None:
        filling(self).schedule_save()
        self.refresh_views()

    def refresh_views(self) -> None:
        self.outline.refresh_labels()
        self.pane.refresh_status()
        if self.findings_list.display:
            self.findings_list.refresh_findings()
        self.update_progress()

    # -- moving ----------------------------------------------------------------------

    async def go_to(self, item_id: str | None, focus_answer: bool = False) -> None:
        """Show ``item_id``; focus its answer if asked, or if the focus was on the previous question's fields."""
        if item_id is None or item_id not in self.session.definition.entries:
            return
        await self.ready.wait()
        await self.settle()
        answering = focus_answer or self._focus_in_pane()
        self.outline.reveal(item_id)
        await self.pane.show(item_id)
        if answering:
            self._focus_answer()
        self.update_progress()

    def _focus_in_pane(self) -> bool:
        focused = self.app.focused
        return focused is not None and self.pane in focused.ancestors

    def _focus_answer(self) -> None:
        target: Widget | None = self.pane.first_editor()
        # set_focus, not focus(): at once, so that the keys that follow go to the answer, not to where the focus was
        self.set_focus(target or self.outline, scroll_visible=False)  # the question stays shown from its top

    async def settle(self) -> None:
        """Wait until the focused widget has handled the keys typed before this moment.

        The application hands keys to the focused widget's queue; a priority binding is handled at
        once. Without this wait, letters typed just before ctrl+↓ could land in the next question
        (see :mod:`engine.ui.inorder`).
        """
        focused = self.app.focused
        if focused is None:
            return
        for _round in range(2):  # a key's handling may post one more message to the widget itself
            handled = asyncio.Event()
            if not focused.call_later(handled.set):
                return
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(handled.wait(), KEYS_WAIT)

    async def on_tree_node_highlighted(self, event: Tree.NodeHighlighted[str]) -> None:
        item_id = event.node.data
        if event.node is not self.outline.cursor_node or item_id is None or item_id == self.pane.item_id:
            return  # a highlight the cursor has left since (keys typed in a burst), or the question shown already
        await self.pane.show(item_id)
        self.update_progress()

    async def on_tree_node_selected(self, event: Tree.NodeSelected[str]) -> None:
        """A click on a question's line answers it; on a part or an article, opens or closes it."""
        await self.open_node(event.node)

    async def open_node(self, node: TreeNode[str]) -> None:
        """Answer a question (or open or close a part or an article)."""
        await self.ready.wait()
        if node.data is None:
            node.toggle()
        else:
            await self.go_to(node.data, focus_answer=True)

    async def on_findings_list_jump(self, event: FindingsList.Jump) -> None:
        await self.go_to(event.item_id, focus_answer=True)

    def on_findings_list_close(self, event: FindingsList.Close) -> None:
        self.findings_list.display = False
        self.set_focus(self.outline)

    def _current(self) -> str | None:
        """The question moves start from: the one under the outline's cursor when the outline has the focus."""
        node = self.outline.cursor_node
        if self.outline.has_focus and node is not None and node.data is not None:
            return node.data
        return self.pane.item_id

    async def action_next_unanswered(self) -> None:
        await self.go_to(self.session.next_unanswered(self._current(), 1))

    async def action_previous_unanswered(self) -> None:
        await self.go_to(self.session.next_unanswered(self._current(), -1))

    async def action_next_question(self) -> None:
        await self.go_to(self.session.neighbour(self._current(), 1))

    async def action_previous_question(self) -> None:
        await self.go_to(self.session.neighbour(self._current(), -1))

    async def action_focus_outline(self) -> None:
        await self.settle()
        if self.findings_list.has_focus:
            self.findings_list.display = False
        self.set_focus(self.outline)

    async def action_next_field(self) -> None:
        await self.settle()
        self.focus_next()

    async def action_previous_field(self) -> None:
        await self.settle()
        self.focus_previous()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Enter is the screen's only in the outline and in the findings (elsewhere it is the widget's)."""
        if action == "open":
            return self.outline.has_focus or self.findings_list.has_focus
        return True

    async def action_open(self) -> None:
        """Enter in the outline or the findings: answer that question (after the keys typed before it)."""
        await self.settle()
        if self.findings_list.has_focus:
            option = self.findings_list.highlighted_option
            item_id = (option.id or "").split(":", 1)[1] if option is not None else ""
            if item_id in self.session.definition.entries:
                await self.go_to(item_id, focus_answer=True)
        elif self.outline.cursor_node is not None:
            await self.open_node(self.outline.cursor_node)

    async def action_toggle_outline(self) -> None:
        await self.settle()
        if self.outline.has_focus:
            self._focus_answer()
        else:
            self.set_focus(self.outline)

    def action_page_up(self) -> None:
        self.pane.scroll_page_up(animate=False)

    def action_page_down(self) -> None:
        self.pane.scroll_page_down(animate=False)

    def action_search(self) -> None:
        async def chosen(item_id: str | None) -> None:
            await self.go_to(item_id, focus_answer=True)

        self.app.push_screen(SearchScreen(self.session, self.lang), chosen)

    def action_toggle_findings(self) -> None:
        panel = self.findings_list
        panel.display = not panel.display
        if panel.display:
            panel.refresh_findings()
            self.set_focus(panel)
        else:
            self.set_focus(self.outline)

    def action_check(self) -> None:
        async def chosen(item_id: str | None) -> None:
            await self.go_to(item_id, focus_answer=True)

        self.pane.commit()
        self.app.push_screen(CheckScreen(self.session), chosen)

    def action_guidance(self) -> None:
        self.app.push_screen(GuidanceScreen(self.session, self.lang))

    def action_help(self) -> None:
        self.app.push_screen(HelpScreen())

    def action_save(self) -> None:
        self.pane.commit()
        filling(self).save_now()

    def action_language(self) -> None:
        async def chosen(lang: str | None) -> None:
            if lang is not None:
                await self.set_language(lang)

        self.app.push_screen(LanguageScreen(self.lang), chosen)

    async def set_language(self, lang: str) -> None:
        """Switch the interface and questionnaire language at run time (findings too)."""
        if lang not in LANGUAGE_NAMES:
            return
        set_language(lang)
        self.lang = lang
        self.session.ui_language = lang
        tree, pane = self.outline, self.pane
        tree.lang = pane.lang = lang
        tree.build()
        self.query_one(KeyBar).refresh_labels()
        current = pane.item_id
        if current is not None:
            tree.reveal(current)
            await pane.show(current, force=True)
        if self.findings_list.display:
            self.findings_list.refresh_findings()
        self.show_banner()
        self.say_if_unofficial()
        filling(self).save_state()

    # -- saving and the lock -----------------------------------------------------------

    def saving_failed(self, reason: str | None) -> None:
        """Show (``reason``) or clear (``None``) the banner saying that the answers are not saved."""
        if reason != self.save_error:
            self.save_error = reason
            self.show_banner()
        else:
            self.update_progress()

    def _watch_lock(self) -> None:
        if self.session.locked_by is not None and self.session.lock_released() and not isinstance(self.app.screen, TakeOverScreen):

            def answered(choice: str | None) -> None:
                if choice == "take":
                    filling(self).take_over()
                else:
                    self.session.locked_by = None  # not asked again

            self.app.push_screen(TakeOverScreen(), answered)
