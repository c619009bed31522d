"""Before submitting: the submission check (``untoc validate --complete``) and the export of the filled questionnaire."""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from engine.i18n import _, ngettext
from engine.responses.model import LANGUAGES
from engine.responses.storage import write_atomic
from engine.ui.dialogs import Dialog, paragraph
from engine.ui.display import prose, shown
from engine.ui.findings import FindingsList
from engine.ui.labels import LANGUAGE_NAMES
from engine.ui.session import Session, folder_problem
from engine.ui.wording import UI_TERMS
from engine.validation.findings import Severity
from engine.validation.sanitize import clean

FORMATS = ("md", "txt", "html", "docx", "pdf")


def format_names() -> dict[str, str]:
    return {
        "md": _("Markdown (.md)"),
        "txt": _("Plain text (.txt)"),
        "html": _("Web page (.html)"),
        "docx": _("Word (.docx)"),
        "pdf": _("PDF (.pdf)"),
    }


class CheckScreen(Dialog):
    """The submission check: every error, and every question still to be answered, as ``--complete`` reports them."""

    BINDINGS: ClassVar[list[Binding]] = [
        Binding("escape", "close", show=False),
        Binding("e,ctrl+e", "export", show=False),
    ]

    def __init__(self, session: Session) -> None:
        super().__init__()
        self.session = session

    def compose(self) -> ComposeResult:
        findings = self.session.findings(UI_TERMS, complete=True)
        errors = sum(f.severity is Severity.error for f in findings)
        if errors:
            verdict = Text(
                ngettext(
                    "Not ready to submit: {count} error (unanswered questions included).",
                    "Not ready to submit: {count} errors (unanswered questions included).",
                    errors,
                ).format(count=errors),
                style="bold red",
            )
        else:
            verdict = Text(_("Ready to submit: the file passes untoc validate --complete."), style="bold green")
        with Vertical(classes="dialog"):
            yield paragraph(verdict)
            yield paragraph(_("Enter opens a question · e exports the filled questionnaire · Esc closes"), classes="hint")
            yield FindingsList(self.session, UI_TERMS, complete=True, id="check")

    def on_mount(self) -> None:
        findings = self.query_one(FindingsList)
        findings.refresh_findings()
        findings.focus()

    def on_findings_list_jump(self, event: FindingsList.Jump) -> None:
        event.stop()
        self.dismiss(event.item_id)

    def on_findings_list_close(self, event: FindingsList.Close) -> None:
        event.stop()
        self.dismiss(None)

    def action_export(self) -> None:
        self.app.push_screen(ExportScreen(self.session))


class ExportScreen(Dialog):
    """Export the filled questionnaire: choose a format and a language, confirm the file name, Enter writes it."""

    def __init__(self, session: Session) -> None:
        super().__init__()
        self.session = session
        self.format = "md"
        language = session.document.language
        self.language = language if language in LANGUAGES else "en"

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield paragraph(Text(_("Export the filled questionnaire"), style="bold"))
            with Horizontal(id="export-choices"):
                formats = OptionList(*[Option(shown(name), id=code) for code, name in format_names().items()], id="formats")
                formats.border_title = shown(_("Format"))
                yield formats
                languages = OptionList(*[Option(shown(name), id=code) for code, name in LANGUAGE_NAMES.items()], id="export-languages")
                languages.border_title = shown(_("Language of the document"))
                yield languages
            output = Input(self._default_name(), id="output")
            output.border_title = shown(_("File"))
            yield output
            yield paragraph(_("Tab moves between the lists and the file name; Enter writes the file; Esc closes"), classes="hint")
            yield Static(id="export-status")

    def on_mount(self) -> None:
        self.query_one("#export-languages", OptionList).highlighted = list(LANGUAGE_NAMES).index(self.language)
        formats = self.query_one("#formats", OptionList)
        formats.highlighted = 0
        formats.focus()

    def _default_name(self) -> str:
        path = self.session.path
        return str(path.with_name(f"{path.stem}-{self.language}.{self.format}"))

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        event.stop()
        output = self.query_one("#output", Input)
        was_default = output.value == self._default_name()
        if event.option_list.id == "formats" and event.option.id:
            self.format = event.option.id
        elif event.option_list.id == "export-languages" and event.option.id:
            self.language = event.option.id
        if was_default:
            output.value = self._default_name()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.focus_next()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        path = Path(event.value.strip()).expanduser()
        problem = folder_problem(path) if event.value.strip() else _("give a file name")
        if problem is None and path.is_dir():
            problem = _("{path} is a folder; give a file name").format(path=clean(str(path)))
        if problem is not None:
            self._status(Text(problem, style="bold red"))
            return
        self._status(Text(_("Writing {path}…").format(path=clean(str(path)))))
        self._export(path, self.format, self.language)

    @work(thread=True, exclusive=True)
    def _export(self, path: Path, fmt: str, lang: str) -> None:
        """Render and write the document in a thread (a PDF takes a few seconds); the screen stays responsive."""
        from engine.export.render import export_filled
        from engine.i18n import use

        session = self.session
        with use(lang):
            findings = session.findings(UI_TERMS)
        try:
            data = export_filled(session.definition, session.response(), findings, fmt, lang)
            write_atomic(path, data, private=True)  # answers are confidential
        except OSError as error:
            message = Text(
                _("cannot write {path}: {reason}").format(path=clean(str(path)), reason=error.strerror or error), style="bold red"
            )
        except Exception as error:  # an exporter's failure must not end the session
            message = Text(_("the export failed: {reason}").format(reason=clean(str(error))), style="bold red")
        else:
            message = Text(_("Written: {path} (readable by you only)").format(path=clean(str(path.resolve()))), style="bold green")
        self.app.call_from_thread(self._status, message)

    def _status(self, text: Text) -> None:
        self.query_one("#export-status", Static).update(prose(text))
