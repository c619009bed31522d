"""The subcommands of ``untoc``: each reads its arguments and calls the engine."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable
from pathlib import Path

from engine.cli.status import EXIT_FINDINGS, EXIT_OK, EXIT_USAGE, UsageError
from engine.definition import registry
from engine.definition.loaded import DefinitionError
from engine.i18n import _, current_language, ngettext, questionnaire_text
from engine.responses.model import LANGUAGES, PROTOCOLS, Unreadable
from engine.responses.storage import write_atomic
from engine.validation.report import REPORTERS
from engine.validation.results import exit_code
from engine.validation.sanitize import clean

Handler = Callable[[argparse.Namespace], int]
"""A subcommand: its parsed arguments in, its exit code out (bound with ``set_defaults(handler=…)``)."""


def silence_stdout() -> None:
    """Send what is left to print to nowhere: the reader of standard output has gone (a broken pipe)."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
    os.close(devnull)


def emit(text: str) -> None:
    """Print ``text``; if the reader has gone (``untoc validate … | head``), carry on without it."""
    try:
        sys.stdout.write(text)
        sys.stdout.flush()
    except BrokenPipeError:
        silence_stdout()


def _definition(cluster: str):  # type: ignore[no-untyped-def]
    try:
        return registry.load(registry.cluster_id(cluster))
    except ValueError as error:
        raise UsageError(str(error)) from None
    except DefinitionError as error:
        raise UsageError(_("the questionnaire file is broken:\n{problems}").format(problems=error)) from None


def _write(text: str | bytes, output: str | None, private: bool = False) -> None:
    """Write a document (text or bytes) to the file ``output``, atomically, or to standard output."""
    if output is None or output == "-":
        if isinstance(text, bytes):
            sys.stdout.buffer.write(text)
        else:
            sys.stdout.write(text)
        return
    path = Path(output)
    if path.is_dir():
        raise UsageError(_("{path} is a directory; give a file name").format(path=output))
    if not path.parent.exists():
        raise UsageError(_("the folder {path} does not exist").format(path=path.parent))
    try:
        write_atomic(path, text, private=private)
    except OSError as error:
        raise UsageError(_("cannot write {path}: {reason}").format(path=output, reason=error.strerror or error)) from None


def run_list(args: argparse.Namespace) -> int:
    ids = [registry.cluster_id(args.cluster)] if args.cluster else registry.available()
    for questionnaire_id in ids:
        definition = _definition(questionnaire_id)
        model = definition.questionnaire
        tops = list(definition.top_level())
        lang = current_language()
        counts = _("{questions}, {items}").format(
            questions=ngettext("{count} question", "{count} questions", len(tops)).format(count=len(tops)),
            items=ngettext("{count} item", "{count} items", len(definition.entries)).format(count=len(definition.entries)),
        )
        title = _("Cluster {number}: {name}").format(number=model.cluster, name=questionnaire_text(model.short_title, lang))
        print(f"{model.id}  {title} — {counts}")
        for part in model.parts:
            part_tops = [e for e in tops if e.part is part]
            span = f"{part_tops[0].number}–{part_tops[-1].number}" if part_tops else "-"
            print(f"  {part.instrument.value:<12} {questionnaire_text(part.title, lang).split(' ', 1)[-1][:70]}")
            print(f"  {'':<12} " + _("questions {span} ({count})").format(span=span, count=len(part_tops)))
            for section in part.sections:
                section_tops = [e for e in part_tops if e.section is section]
                numbers = f"{section_tops[0].number}–{section_tops[-1].number}" if len(section_tops) > 1 else section_tops[0].number
                print(f"  {'':<14}{numbers:>8}  {questionnaire_text(section.heading, lang)[:80]}")
        print()
    return EXIT_OK


def run_validate(args: argparse.Namespace) -> int:
    from engine.validation.batch import validate_files
    from engine.validation.discover import expand

    fmt = args.format or ("github" if os.environ.get("GITHUB_ACTIONS") == "true" else "text")
    results = validate_files(expand(args.files), complete=args.complete, jobs=args.jobs)
    emit(REPORTERS[fmt](results, verbose=args.verbose))
    return exit_code(results)  # kept when the output's reader has gone


def run_report(args: argparse.Namespace) -> int:
    """``untoc report``: read many response files in parallel, aggregate them, write one report."""
    from engine.export.report.render import BINARY, format_for, render
    from engine.export.report.words import redaction_marker
    from engine.i18n import use
    from engine.report.aggregate import aggregate
    from engine.report.collect import summarize
    from engine.report.listing import left_out_lines
    from engine.validation.batch import map_files
    from engine.validation.discover import expand

    lang = args.lang or current_language()
    fmt = format_for(args.format, args.output)
    if args.output == "-" and fmt in BINARY | {"html"}:
        raise UsageError(_("{format} is written to a file: give it with -o").format(format=fmt))
    if args.output != "-" and (Path(args.output).is_dir() or not Path(args.output).parent.exists()):
        raise UsageError(_("cannot write {path}: give a file in an existing folder").format(path=args.output))
    targets = expand(args.files)
    if all(target.problem for target in targets):
        for target in targets:
            print(f"{clean(str(target.path))}: {clean(target.problem or '')}", file=sys.stderr)
        raise UsageError(_("no response file found (folders are searched for *.yaml and *.yml files)"))
    summaries = map_files(summarize, targets, args.jobs)
    for line in left_out_lines(summaries):
        print(line, file=sys.stderr)
    with use(lang):
        marker = redaction_marker()
    report = aggregate(summaries, named=args.named, marker=marker)
    data = render(report, fmt, lang)
    if args.output == "-":
        sys.stdout.write(data.decode("utf-8"))
    else:
        _write(data if fmt in BINARY else data.decode("utf-8"), args.output, private=args.named)
    print(
        _("{path}: {files} from {states} reported on; {left} left out").format(
            path=args.output,
            files=ngettext("{count} file", "{count} files", report.coverage.files_reported).format(count=report.coverage.files_reported),
            states=ngettext("{count} State", "{count} States", report.coverage.states).format(count=report.coverage.states),
            left=len(report.left_out),
        ),
        file=sys.stderr,
    )
    return exit_code([s.left_out for s in summaries if s.left_out is not None])


def run_new(args: argparse.Namespace) -> int:
    from engine.responses.skeleton import skeleton

    definition = _definition(args.cluster)
    parties = [p.strip() for p in args.parties.split(",") if p.strip()]
    for party in parties:
        if party not in PROTOCOLS:
            raise UsageError(_("unknown Protocol {name!r} in --parties; use: {choices}").format(name=party, choices=", ".join(PROTOCOLS)))
    if args.language not in LANGUAGES:
        raise UsageError(_("unknown language {name!r}; use one of: {choices}").format(name=args.language, choices=", ".join(LANGUAGES)))
    if not args.state.strip():
        raise UsageError(_("--state must name the State"))
    output = Path(args.output)
    if output.exists() and not args.force:
        raise UsageError(_("{path} already exists; choose another name or add --force").format(path=args.output))
    text = skeleton(definition, args.state.strip(), parties, args.uncac_party, args.language)
    _write(text, args.output, private=True)
    print(
        _("wrote {path}: {questionnaire} for {state}; edit it, then run: untoc validate {path}").format(
            path=args.output, questionnaire=definition.id, state=clean(args.state.strip())
        ),
        file=sys.stderr,
    )
    return EXIT_OK


def run_export(args: argparse.Namespace) -> int:
    """``untoc export blank|filled``: documents in txt, md, html, docx or pdf; ``blank --all -o FOLDER`` writes them all."""
    from engine.export.index import export_all
    from engine.export.render import FORMATS, export_blank, export_filled

    def write_document(data: bytes, fmt: str, output: str | None, private: bool = False) -> None:
        if fmt in ("txt", "md", "html"):
            _write(data.decode("utf-8"), output, private)
            return
        if (output is None or output == "-") and sys.stdout.isatty():
            raise UsageError(_("{format} is a binary format: give a file with -o").format(format=fmt))
        _write(data, output, private)

    if args.fillable or args.questions:
        from engine.cli.forms import run_fillable_export

        return run_fillable_export(args, write_document)
    if args.kind == "blank" and args.all:
        if not args.output:
            raise UsageError(_("--all writes a folder: give it with -o FOLDER"))
        folder = Path(args.output)
        folder.mkdir(parents=True, exist_ok=True)
        clusters = [registry.cluster_id(args.cluster)] if args.cluster else registry.available()
        languages = [args.lang] if args.lang else LANGUAGES
        written = export_all(folder, clusters, languages, [args.format] if args.format else FORMATS, not args.no_routing, args.jobs)
        print(_("{count} documents written to {folder}, listed in index.html and index.md").format(count=len(written), folder=folder))
        return EXIT_OK
    if args.kind == "blank":
        if not args.cluster:
            raise UsageError(_("give --cluster N, or --all with -o FOLDER"))
        fmt = args.format or "md"
        write_document(export_blank(_definition(args.cluster), fmt, args.lang or "en", routing=not args.no_routing), fmt, args.output)
        return EXIT_OK
    from engine.validation.validator import validate_path

    path = Path(args.file)
    try:
        validate_path(path)  # a file that is no response file at all stops here, located
    except Unreadable as error:
        print(f"{clean(str(path))}:{error.mark.line}:{error.mark.column}: error {clean(error.message)}", file=sys.stderr)
        return EXIT_USAGE
    from engine.responses.model import read

    response = read(path)
    definition = registry.load(str(response.questionnaire.value))  # type: ignore[union-attr]
    fmt = args.format or "md"
    data = export_filled(definition, response, None, fmt, args.lang, marking=args.marking)  # findings in the document's language
    write_document(data, fmt, args.output, private=True)  # answers are confidential
    return EXIT_OK


def run_check_definition(args: argparse.Namespace) -> int:
    status = EXIT_OK
    for name in args.files:
        path = Path(name)
        try:
            from engine.definition.loader import load_questionnaire

            definition = load_questionnaire(path, registry.shared_lists())
        except DefinitionError as error:
            for problem in error.problems:
                print(problem)
            status = EXIT_USAGE
            continue
        count = sum(1 for entry in definition.top_level())
        print(_("{path}: ok ({questions} questions, {items} items)").format(path=path, questions=count, items=len(definition.entries)))
    return status


def run_schema(args: argparse.Namespace) -> int:
    import json

    from engine.responses.schema import definition_schema, response_schema

    if args.definition:
        if args.complete:
            raise UsageError(_("--complete applies to response files (--cluster), not to --definition"))
        schema = definition_schema()
    else:
        schema = response_schema(_definition(args.cluster), complete=args.complete)
    _write(json.dumps(schema, ensure_ascii=False, indent=2) + "\n", args.output)
    return EXIT_OK


def run_i18n(args: argparse.Namespace) -> int:
    """``untoc i18n status|check [--lang LL]``: completeness per cluster; located findings of the translation checks."""
    from engine.i18n.catalogs import DEFAULT_LANGUAGE
    from engine.i18n.checks import check_catalog
    from engine.i18n.checks.terms import TerminologyError
    from engine.i18n.status import status_table

    targets = tuple(lang for lang in LANGUAGES if lang != DEFAULT_LANGUAGE)
    if args.lang is not None and args.lang not in targets:
        raise UsageError(_("--lang must be one of {languages} (English is the source)").format(languages=", ".join(targets)))
    languages = (args.lang,) if args.lang else targets
    if args.action == "status":
        sys.stdout.write(status_table(languages))
        return EXIT_OK
    found = 0
    for lang in languages:
        try:
            result = check_catalog(lang)
        except TerminologyError as error:
            raise UsageError(str(error)) from None
        except OSError as error:
            raise UsageError(_("cannot read the {lang} catalog: {reason}").format(lang=lang, reason=error.strerror or error)) from None
        for finding in result.findings:
            print(finding)
        found += len(result.findings)
        print(
            _("{lang}: {checked} of {total} messages translated and checked, {findings}").format(
                lang=lang,
                checked=len(result.units),
                total=result.total,
                findings=ngettext("{count} finding", "{count} findings", len(result.findings)).format(count=len(result.findings)),
            ),
            file=sys.stderr,
        )
    return EXIT_FINDINGS if found else EXIT_OK


def run_fill(args: argparse.Namespace) -> int:
    """``untoc fill [FILE]``: the terminal UI (``engine.ui.run`` says how it ends)."""
    if args.lang is not None and args.lang not in LANGUAGES:
        raise UsageError(_("unknown language {lang!r}; use one of: {languages}").format(lang=args.lang, languages=", ".join(LANGUAGES)))
    from engine.ui.run import fill

    return fill(Path(args.file) if args.file else None, args.lang, "shaped" if args.rtl == "shaped" else "native")
