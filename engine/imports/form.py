"""Read a filled fillable form back into a response: by tag, never by position.

The form names itself (``untoc:form:…``: questionnaire, language, routing) and the questions it
holds (``untoc:questions``); from these the importer builds the same layout again
(:func:`engine.export.form.build_form`) and so knows every field the form had and every line of
text printed around them. Then it reports, by question number, what it could not read: a field
deleted, a field copied twice with different contents, two boxes ticked where one answer is
allowed, text typed outside the fields. A word processor that drops the tags (LibreOffice before
7.5) keeps the fields' titles: the fields are then found by title, and a note says so.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from engine.conditions.describe import quoted, value_label
from engine.consultation.selection import SelectionError
from engine.definition import registry
from engine.definition.index import excerpt
from engine.definition.loaded import Definition
from engine.definition.model import AnswerKind
from engine.export.form import CHECK, QUESTIONS_TAG, Field, Form, build_form, item_tag, parse_form_tag, placeholder, scope_of
from engine.i18n import LANGUAGES, _, current_language, ngettext, questionnaire_text, use
from engine.i18n.display import language_name
from engine.imports.package import Control, Package, PackageError, read_package, ticked
from engine.responses.model import PROTOCOLS
from engine.responses.writer import Document, Record
from engine.validation.findings import Finding, Severity
from engine.validation.sanitize import clean

_INVISIBLE = re.compile("[\u200b-\u200f\u202a-\u202e\u2066-\u2069\u061c\ufeff\u00ad]")
_SUPERSCRIPTS = re.compile("[⁰¹²³⁴⁵⁶⁷⁸⁹]")


class FormError(Exception):
    """The document is not a fillable untoc form that can be read (exit code 2)."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


@dataclass(slots=True)
class Imported:
    """What a form held: the response, its questionnaire, and what could not be read."""

    definition: Definition
    document: Document
    form: Form
    problems: list[Finding] = field(default_factory=list)
    by_title: bool = False
    """The word processor dropped the tags: the fields were found by their titles."""


def read_form(path: Path, display: str | None = None) -> Imported:
    """Read a filled form; :class:`FormError` when it is not one."""
    try:
        package = read_package(path)
    except PackageError as error:
        raise FormError(error.message) from None
    return _Importer(package, display or clean(str(path))).result


class _Importer:
    def __init__(self, package: Package, display: str) -> None:
        self.package, self.display = package, display
        self.problems: list[Finding] = []
        definition, lang, routing = self.identify()
        self.definition = definition
        scope = self.scope()
        form = build_form(definition, lang, routing, scope)
        self.expected = {f.tag: f for f in form.fields()}
        self.by_title = False
        self.values = self.resolve()
        self.unnamed_boxes = sum(1 for c in package.controls if c.checkbox and not c.tag and not c.title)
        self.result = Imported(definition, Document(definition.id, "", ""), form, by_title=self.by_title)
        self.read_header()
        self.read_items()
        self.outside_text(form)
        if self.unnamed_boxes:
            self.report(
                None,
                Severity.error,
                "form-boxes-unnamed",
                ngettext(
                    "{count} box lost its name (LibreOffice before 7.5 drops the boxes' names): its tick cannot be read; "
                    "tick the boxes again in Word or LibreOffice 7.5 or later, or give those answers in the response file",
                    "{count} boxes lost their names (LibreOffice before 7.5 drops the boxes' names): their ticks cannot be read; "
                    "tick the boxes again in Word or LibreOffice 7.5 or later, or give those answers in the response file",
                    self.unnamed_boxes,
                ).format(count=self.unnamed_boxes),
            )
        if self.by_title:
            self.report(
                None,
                Severity.warning,
                "form-read-by-title",
                _(
                    "the fields' tags were lost (LibreOffice before 7.5 drops them, and the line breaks inside fields too): "
                    "the fields were found by their titles; check the answers of several lines"
                ),
            )
        order = {item_id: index for index, item_id in enumerate(definition.entries)}
        self.result.problems = sorted(self.problems, key=lambda f: order.get(f.item or "", -1))

    # -- the form's identity ---------------------------------------------------------------------------

    def identify(self) -> tuple[Definition, str, bool]:
        for control in self.package.controls:
            for name in (control.tag, control.title):
                parsed = parse_form_tag(name)
                if parsed is None:
                    continue
                questionnaire, lang, routing = parsed
                if questionnaire not in registry.available() or lang not in LANGUAGES:
                    raise FormError(_("this form names an unknown questionnaire or language ({tag})").format(tag=clean(name)))
                self._form_control = control
                return registry.load(questionnaire), lang, routing
        if any(c.tag.startswith("untoc:") for c in self.package.controls):
            raise FormError(_("this form's identifying field (its first row, “Cluster”) was deleted: the form cannot be read"))
        raise FormError(
            _(
                "this Word document is not a fillable untoc form (it has none of its fields); make one with: untoc export … --format docx --fillable"
            )
        )

    def scope(self) -> list[str]:
        control = next((c for c in self.package.controls if QUESTIONS_TAG in (c.tag, c.title)), None)
        if control is None:
            raise FormError(_("this form's list of questions (the row “Questions in this form”) was deleted: the form cannot be read"))
        try:
            return scope_of(self.definition, control.text)
        except SelectionError as error:
            raise FormError(_("this form's list of questions was changed ({error})").format(error=error.message)) from None

    def resolve(self) -> dict[str, list[Control]]:
        """The form's controls by tag (found by title when the tags were dropped); others are reported."""
        titles: dict[str, list[str]] = {}
        for tag, expected in self.expected.items():
            titles.setdefault(_normal(expected.title), []).append(tag)
        found: dict[str, list[Control]] = {}
        for control in self.package.controls:
            tag = control.tag if control.tag.startswith("untoc:") else ""
            if not tag:
                candidates = titles.get(_normal(control.title), [])
                taken = [t for t in candidates if t not in found]
                if len(candidates) >= 1 and taken:
                    tag, self.by_title = taken[0], True
            if tag in self.expected:
                found.setdefault(tag, []).append(control)
            elif tag:
                self.report(
                    tag.split(":")[1],
                    Severity.warning,
                    "form-unknown-field",
                    _("a field this form does not have ({tag}) is ignored").format(tag=clean(tag)),
                )
            elif control.text.strip() and not control.checkbox:
                self.report(
                    self.item_near(control.paragraph),
                    Severity.warning,
                    "form-foreign-field",
                    _("a field untoc did not make ({title}) is not read: {text}").format(
                        title=clean(control.title or control.tag or "?"), text=quoted(excerpt(clean(control.text), 80))
                    ),
                )
        return found

    # -- values ------------------------------------------------------------------------------------------

    def report(self, item: str | None, severity: Severity, code: str, message: str) -> None:
        entry = self.definition.entries.get(item) if item else None
        self.problems.append(
            Finding(
                path=self.display,
                line=0,
                column=0,
                severity=severity,
                code=code,
                message=(f"{entry.number}: " if entry else "") + message,
                item=entry.id if entry else None,
                number=entry.number if entry else None,
                excerpt=excerpt(questionnaire_text(entry.item.text, current_language())) if entry else None,
            )
        )

    def control(self, tag: str) -> Control | None:
        """The one control named ``tag``: a missing one and differing copies are reported."""
        expected = self.expected[tag]
        controls = self.values.get(tag, [])
        if not controls:
            if expected.kind == CHECK and self.unnamed_boxes:
                return None  # reported once, in read_form
            self.report(
                expected.item,
                Severity.error,
                "form-field-missing",
                _("the field {title} is missing (deleted?): nothing could be read there").format(title=quoted(clean(expected.title))),
            )
            return None
        first = controls[0]
        if any(self.content(c, expected) != self.content(first, expected) for c in controls[1:]):
            self.report(
                expected.item,
                Severity.warning,
                "form-field-twice",
                ngettext(
                    "the field {title} is in the document {count} time with different contents (copied?); the first is read",
                    "the field {title} is in the document {count} times with different contents (copied?); the first is read",
                    len(controls),
                ).format(title=quoted(clean(expected.title)), count=len(controls)),
            )
        return first

    def content(self, control: Control, expected: Field) -> object:
        return ticked(control) if expected.kind == CHECK else _field_text(control)

    def text(self, tag: str) -> str:
        control = self.control(tag) if tag in self.expected else None
        return _field_text(control) if control is not None else ""

    def box(self, tag: str) -> bool:
        control = self.control(tag)
        return control is not None and ticked(control)

    def read_header(self) -> None:
        document = self.result.document
        document.state = self.text("untoc:state")
        document.language = _language_code(self.text("untoc:language"))
        document.parties = [p for p in PROTOCOLS if self.box(f"untoc:party:{p}")]
        document.uncac_party = self.box("untoc:uncac")
        self.contributor = self.text("untoc:contributor") or None

    def read_items(self) -> None:
        for item_id in self.result.form.scope:
            entry = self.definition.entries[item_id]
            if not entry.is_answerable:
                continue
            record = Record()
            if entry.kind is AnswerKind.text:
                record.value = self.text(item_tag(item_id, "answer")) or None
            else:
                codes = [code for code in entry.values if self.box(item_tag(item_id, "option", code))]
                record.value = self.chosen(entry, codes)
                for option in entry.options:
                    if option.specify:
                        text = self.text(
                            item_tag(item_id, "other") if option.code == "other" else item_tag(item_id, "details", option.code)
                        )
                        if text and option.code == "other":
                            record.other = text
                        elif text:
                            record.details[option.code] = text
            record.legislation = [line.strip() for line in self.text(item_tag(item_id, "legislation")).split("\n") if line.strip()]
            record.links = self.text(item_tag(item_id, "links")).split()
            record.comment = self.text(item_tag(item_id, "comment")) or None
            if not record.is_empty:
                record.contributor = self.contributor
                self.result.document.answers[item_id] = record

    def chosen(self, entry, codes: list[str]) -> str | list[str] | None:  # type: ignore[no-untyped-def]
        if entry.kind is AnswerKind.choices:
            return codes or None
        if len(codes) > 1:
            labels = _(", ").join(quoted(value_label(entry, code)) for code in codes)
            self.report(
                entry.id,
                Severity.error,
                "form-two-ticked",
                ngettext(
                    "{count} box is ticked ({labels}) where one answer is allowed; none is read",
                    "{count} boxes are ticked ({labels}) where one answer is allowed; none is read",
                    len(codes),
                ).format(count=len(codes), labels=labels),
            )
            return None
        return codes[0] if codes else None

    # -- text outside the fields -------------------------------------------------------------------------

    def item_near(self, index: int) -> str | None:
        """The question a paragraph belongs to: that of a field in it, or of the nearest one before."""
        paragraphs = self.package.paragraphs
        for position in range(min(index, len(paragraphs) - 1), -1, -1):
            for control in paragraphs[position].controls:
                expected = self.expected.get(control.tag) or next(
                    (f for f in self.expected.values() if control.title and f.title == control.title), None
                )
                if expected is not None and expected.item:
                    return expected.item
        return None

    def outside_text(self, form: Form) -> None:
        """Report text typed outside the fields: what the document prints that the form did not."""
        expected = [(_normal(line.printed), line.item) for line in form.all_lines()]
        expected = [(text, item) for text, item in expected if text]
        actual = [(index, _normal(p.text)) for index, p in enumerate(self.package.paragraphs)]
        actual = [(index, text) for index, text in actual if text]
        matcher = difflib.SequenceMatcher(None, [t for t, _i in expected], [t for _i, t in actual], autojunk=False)
        for operation, i1, i2, j1, j2 in matcher.get_opcodes():
            if operation in ("equal", "delete"):
                continue
            before = [expected[k][0] for k in range(i1, i2)]
            context = expected[i1 - 1][1] if i1 > 0 else None
            for index, text in actual[j1:j2]:
                typed = _typed(before, text)
                if typed:
                    item = self.item_near(index) or context
                    self.report(
                        item,
                        Severity.warning,
                        "form-outside-text",
                        _("text typed outside the fields is not read: {text}; type it into a field").format(
                            text=quoted(excerpt(clean(typed), 80))
                        ),
                    )


def _typed(printed: list[str], text: str) -> str:
    """What ``text`` adds to the closest of the ``printed`` lines (all of it when none is close)."""
    best = max(printed, key=lambda line: difflib.SequenceMatcher(None, line, text, autojunk=False).ratio(), default="")
    if not best or difflib.SequenceMatcher(None, best, text, autojunk=False).ratio() < 0.5:
        return text if any(c.isalnum() for c in text) else ""
    added = []
    for operation, _i1, _i2, j1, j2 in difflib.SequenceMatcher(None, best, text, autojunk=False).get_opcodes():
        if operation in ("insert", "replace"):
            added.append(text[j1:j2])
    typed = " ".join(" ".join(added).split())
    return typed if any(c.isalnum() for c in typed) else ""


def _normal(text: str) -> str:
    """Text as compared: Unicode NFC, without invisible marks and footnote numbers, blanks collapsed."""
    text = _SUPERSCRIPTS.sub("", _INVISIBLE.sub("", unicodedata.normalize("NFC", text)))
    return " ".join(text.split())


def _placeholders() -> set[str]:
    texts = set()
    for lang in LANGUAGES:
        with use(lang):
            texts.add(placeholder())
    return texts


_PLACEHOLDERS: set[str] = set()


def _field_text(control: Control | None) -> str:
    """A text field's content: placeholder text left out, line ends normalised, blanks at the ends removed."""
    if control is None:
        return ""
    if not _PLACEHOLDERS:
        _PLACEHOLDERS.update(_placeholders())
    text = control.text.replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", "\n").replace("\u00a0", " ")
    for shown in _PLACEHOLDERS:  # a word processor that does not know placeholders leaves them as text
        if text.strip() == shown:
            return ""
        text = text.removeprefix(shown).removesuffix(shown)
    lines = [line.rstrip() for line in text.split("\n")]
    return "\n".join(lines).strip()


def _language_code(text: str) -> str:
    """A language as typed: a code (``fr``) or a name in one of the six languages (``Français``, ``French``)."""
    value = text.strip()
    if value.lower() in LANGUAGES:
        return value.lower()
    from babel import Locale

    for lang in LANGUAGES:
        for shown in LANGUAGES:
            if value.casefold() == (Locale.parse(lang).get_display_name(shown) or "").casefold() or value == language_name(lang):
                return lang
    return value
