"""Fillable Word forms on the command line: ``export … --fillable``, ``import``, and forms as parts of a merge."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path

from engine.cli.consultation import InputError, _shown, check_input, check_output, print_findings, write_private
from engine.cli.main import EXIT_FINDINGS, EXIT_OK, UsageError
from engine.i18n import LANGUAGES, _, ngettext
from engine.validation.findings import Severity


def _scope(definition, text: str | None, within: list[str] | None = None) -> list[str] | None:  # type: ignore[no-untyped-def]
    from engine.consultation.selection import SelectionError, select

    if not text:
        return within
    try:
        chosen = select(definition, text)
    except SelectionError as error:
        raise UsageError(f"--questions: {error.message}") from None
    return chosen if within is None else [i for i in chosen if i in set(within)]


def run_fillable_export(args: argparse.Namespace, write_document: Callable[..., None]) -> int:
    """``untoc export blank|filled … --format docx --fillable [--questions LIST]``."""
    from engine.export.docx_fillable import fillable_docx
    from engine.export.form import build_form, filled_scope

    if not args.fillable:
        raise UsageError(_("--questions goes with --fillable"))
    if args.format not in (None, "docx"):
        raise UsageError(_("--fillable writes Word forms: use --format docx"))
    if args.kind == "blank":
        if args.all:
            raise UsageError(_("--fillable writes one form: give --cluster N instead of --all"))
        if not args.cluster:
            raise UsageError(_("give --cluster N"))
        from engine.cli.commands import _definition

        definition = _definition(args.cluster)
        form = build_form(definition, args.lang or "en", not args.no_routing, _scope(definition, args.questions))
        write_document(fillable_docx(form), "docx", args.output)
        return EXIT_OK
    from engine.consultation.source import read_source
    from engine.export.filled import document_language
    from engine.responses.model import Unreadable, read

    path = check_input(args.file)
    try:
        source, definition = read_source(path)
    except Unreadable as error:
        raise InputError(f"{_shown(args.file)}:{error.mark.line}:{error.mark.column}: error {_shown(error.message)}") from None
    document = source.document
    lang = document_language(read(path), args.lang)
    scope = _scope(definition, args.questions, filled_scope(definition, document))
    write_document(fillable_docx(build_form(definition, lang, True, scope, document)), "docx", args.output, private=True)
    return EXIT_OK


def part_form(definition, part) -> bytes:  # type: ignore[no-untyped-def]
    """A split part as a fillable Word form: its questions only, its answers filled in, in the answers' language."""
    from engine.export.docx_fillable import fillable_docx
    from engine.export.form import build_form

    lang = part.document.language if part.document.language in LANGUAGES else "en"
    return fillable_docx(build_form(definition, lang, True, part.share.ids, part.document))


def load_form(path: Path):  # type: ignore[no-untyped-def]
    """A filled form as a :class:`~engine.consultation.source.Source` (what it could not read in ``problems``)."""
    from engine.consultation.source import Source
    from engine.imports.form import FormError, read_form

    try:
        imported = read_form(path, _shown(str(path)))
    except FormError as error:
        raise InputError(f"{_shown(str(path))}: error {error.message}") from None
    return Source(_shown(str(path)), imported.document, problems=imported.problems), imported.definition


def run_import(args: argparse.Namespace) -> int:
    """``untoc import FILE.docx -o response.yaml``: read, write, validate, report."""
    from engine.definition import registry
    from engine.responses.writer import dump
    from engine.validation.report import FileResult, as_text
    from engine.validation.validator import validate_path

    expected = None
    if args.cluster:
        try:
            expected = registry.cluster_id(args.cluster)
        except ValueError as error:
            raise UsageError(str(error)) from None
    source, definition = load_form(check_input(args.file))  # whatever its name: a form is recognised by its content
    if expected is not None and definition.id != expected:
        message = _("this file answers {other}, not {expected}").format(other=definition.id, expected=expected)
        raise InputError(f"{_shown(args.file)}: error {message}")
    output = check_output(args.output, args.force)
    heading = f"# Response file read by untoc import from {_shown(Path(args.file).name)}; check it with: untoc validate FILE"
    write_private(output, dump(source.document, definition.entries, heading=heading))
    print_findings(source.problems)
    findings = validate_path(output, display_path=_shown(args.output))
    sys.stdout.write(as_text([FileResult(_shown(args.output), findings)]))
    from engine.consultation.records import answered

    count = sum(1 for r in source.document.answers.values() if answered(r))
    print(
        _("wrote {path}: {answers} read from {form}").format(
            path=_shown(args.output),
            answers=ngettext("{count} answer", "{count} answers", count).format(count=count),
            form=_shown(args.file),
        )
    )
    errors = [f for f in (*source.problems, *findings) if f.severity is Severity.error]
    return EXIT_FINDINGS if errors else EXIT_OK
