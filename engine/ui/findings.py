"""The findings panel: what ``untoc validate`` would report now; choosing one jumps to its question."""

from __future__ import annotations

from rich.text import Text
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from engine.i18n import _, ngettext
from engine.ui.session import Session
from engine.validation.findings import Severity


class FindingsPanel(OptionList):
    """One line per error or warning, then the count of unanswered questions."""

    class Jump(Message):
        def __init__(self, item_id: str) -> None:
            super().__init__()
            self.item_id = item_id

    def __init__(self, session: Session, **kwargs: object) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self.session = session

    def refresh_findings(self) -> None:
        findings = self.session.findings()
        shown = [f for f in findings if f.severity in (Severity.error, Severity.warning)]
        unanswered = [f for f in findings if f.code == "unanswered"]
        options: list[Option] = []
        for index, finding in enumerate(shown):
            line = Text(
                _("error") if finding.severity is Severity.error else _("warning"),
                style="bold red" if finding.severity is Severity.error else "yellow",
            )
            line.append(f" [{finding.number or finding.item or '-'}] ", style="bold")
            line.append(finding.message)
            options.append(Option(line, id=f"f{index}:{finding.item or ''}"))
        if unanswered:
            count = len(unanswered)
            text = ngettext("{count} applicable question is not answered yet", "{count} applicable questions are not answered yet", count)
            options.append(Option(Text(text.format(count=count), style="dim"), id=f"u:{unanswered[0].item or ''}"))
        if not options:
            options.append(Option(Text(_("No findings: the file is complete and valid."), style="green"), id="none:"))
        highlighted = self.highlighted
        self.clear_options()
        self.add_options(options)
        if highlighted is not None and options:
            self.highlighted = min(highlighted, len(options) - 1)
        errors = sum(f.severity is Severity.error for f in shown)
        warnings = sum(f.severity is Severity.warning for f in shown)
        self.border_title = _("Findings ({errors}, {warnings})").format(
            errors=ngettext("{count} error", "{count} errors", errors).format(count=errors),
            warnings=ngettext("{count} warning", "{count} warnings", warnings).format(count=warnings),
        )

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        item_id = (event.option.id or "").split(":", 1)[1]
        if item_id in self.session.definition.entries:
            self.post_message(self.Jump(item_id))
