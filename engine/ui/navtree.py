"""The outline: parts → sections → questions → sub-items, each with its state.

Every item is in the outline, greyed when it does not apply, so that the keyboard reaches all of
them (↑ ↓; a collapsed part opens with Enter or Space). A part's label starts with its count, so
that a narrow outline cuts the title, not the count.
"""

from __future__ import annotations

import re

from rich.text import Text
from textual.widgets import Tree
from textual.widgets.tree import TreeNode

from engine.definition.index import Entry, excerpt
from engine.definition.model import Part
from engine.i18n import _, questionnaire_text
from engine.ui.display import line
from engine.ui.inorder import KeysInOrder
from engine.ui.labels import ANSWERED, FLAGGED, NOT_APPLICABLE, STEM, UNANSWERED
from engine.ui.session import Session
from engine.validation.terms import Terms

_NUMERAL = re.compile(r"\S*?、|\S+\s+")


def split_numeral(title: str) -> tuple[str, str]:
    """A part's numeral and the rest of its title: ``I. Title`` → ``I. `` and ``Title``; in
    Chinese no space follows the enumeration comma: ``一、标题`` → ``一、`` and ``标题``."""
    match = _NUMERAL.match(title)
    return (match[0], title[match.end() :]) if match else ("", title)


class NavTree(KeysInOrder, Tree[str]):
    """A tree whose item nodes carry the item id as data (Enter, which answers the question under the cursor, is the screen's)."""

    def __init__(self, session: Session, lang: str, terms: Terms, **kwargs: str) -> None:
        super().__init__(_("Questionnaire"), **kwargs)
        self.session = session
        self.lang = lang
        self.terms = terms
        self.show_root = False
        self.auto_expand = False
        self.guide_depth = 2
        self.nodes: dict[str, TreeNode[str]] = {}
        self._parts: list[tuple[Part, TreeNode[str]]] = []
        self._shown: dict[str, tuple[str, bool]] = {}

    def on_mount(self) -> None:
        self.build()

    def build(self) -> None:
        """(Re)build every node; labels follow the current language."""
        self.clear()
        self.nodes.clear()
        self._parts.clear()
        self._shown.clear()
        session = self.session
        definition = session.definition
        for part in definition.questionnaire.parts:
            entries = definition.part_entries(part)
            applies = any(session.status(e.id).applies for e in entries)
            part_node = self.root.add("", expand=applies)
            self._parts.append((part, part_node))
            for section in part.sections:
                heading = Text(excerpt(questionnaire_text(section.heading, self.lang), 60), style="bold")
                section_node = part_node.add(line(heading), expand=True)
                for entry in entries:
                    if entry.section is section and entry.parent is None:
                        self._add(section_node, entry)
        self.refresh_labels()

    def _add(self, parent: TreeNode[str], entry: Entry) -> None:
        if entry.children:
            node = parent.add("", data=entry.id, expand=True)
            for child in entry.children:
                self._add(node, child)
        else:
            node = parent.add_leaf("", data=entry.id)
        self.nodes[entry.id] = node

    def refresh_labels(self) -> None:
        """Update the marks and counts whose state changed."""
        session = self.session
        flagged = session.flagged(self.terms)
        for item_id, node in self.nodes.items():
            entry = session.definition.entries[item_id]
            applies = session.status(item_id).applies
            if not applies:
                mark = NOT_APPLICABLE
            elif item_id in flagged:
                mark = FLAGGED
            elif not entry.is_answerable:
                mark = STEM
            else:
                mark = ANSWERED if session.answered(item_id) else UNANSWERED
            state = (mark, applies)
            if self._shown.get(item_id) == state:
                continue
            self._shown[item_id] = state
            label = Text(f"{mark} ", style="green" if mark == ANSWERED else "yellow" if mark == FLAGGED else "")
            label.append(entry.number, style="bold" if applies else "")
            label.append(" " + excerpt(questionnaire_text(entry.item.text, self.lang), 40))
            if not applies:
                label.stylize("dim")
            node.set_label(line(label))
        for part, node in self._parts:
            answered, expected = session.progress(part)
            numeral, rest = split_numeral(questionnaire_text(part.title, self.lang))
            label = Text(numeral.rstrip() + " ", style="bold")
            label.append(_("({answered}/{applicable})").format(answered=answered, applicable=expected), style="cyan")
            label.append(f" {excerpt(rest, 36)}", style="bold")
            if expected == 0:
                label.stylize("dim")
            node.set_label(line(label))

    def reveal(self, item_id: str) -> None:
        """Expand the way to an item and put the cursor on it."""
        node = self.nodes.get(item_id)
        if node is None:
            return
        parent = node.parent
        while parent is not None:
            if not parent.is_expanded and parent is not self.root:
                parent.expand()
            parent = parent.parent
        if node.line < 0:
            _lines = self.last_line  # reading it lays the lines out again (after an expand), giving the node its line
        if self.cursor_node is not node:
            self.move_cursor(node)
