"""The subcommands of ``untoc``: each reads its arguments and calls the engine."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from engine.cli.main import EXIT_OK, EXIT_USAGE, UsageError
from engine.definition import registry
from engine.definition.loader import DefinitionError, load_questionnaire
from engine.i18n import _, current_language, ngettext, questionnaire_text
from engine.responses.model import LANGUAGES, PROTOCOLS, Unreadable
from engine.responses.storage import write_atomic
from engine.validation.report import FORMATTERS, as_text, exit_code
from engine.validation.sanitize import clean


def _definition(cluster: str):  # type: ignore[no-untyped-def]
    try:
        return registry.load(registry.cluster_id(cluster))
    except ValueError as error:
        raise UsageError(str(error)) from None
    except DefinitionError as error:
        raise UsageError(_("the questionnaire file is broken:\n{problems}").format(problems=error)) from None


def _write(text: str, output: str | None, private: bool = False) -> None:
    if output is None or output == "-":
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
    from engine.validation.batch import expand, validate_files

    fmt = args.format or ("github" if os.environ.get("GITHUB_ACTIONS") == "true" else "text")
    results = validate_files(expand(args.files), complete=args.complete, jobs=args.jobs)
    output = as_text(results, verbose=args.verbose) if fmt == "text" else FORMATTERS[fmt](results)
    sys.stdout.write(output)
    return exit_code(results)


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
    from engine.export.render import render_blank, render_filled

    if args.kind == "blank":
        if args.lang != "en":
            raise UsageError(f"no translation of the questionnaires into {args.lang!r} is available yet; use --lang en")
        definition = _definition(args.cluster)
        _write(render_blank(definition, args.format, routing=not args.no_routing), args.output)
        return EXIT_OK
    from engine.validation.validator import validate_path

    path = Path(args.file)
    try:
        findings = validate_path(path)
    except Unreadable as error:
        print(f"{clean(str(path))}:{error.mark.line}:{error.mark.column}: error {clean(error.message)}", file=sys.stderr)
        return EXIT_USAGE
    from engine.responses.model import read

    response = read(path)
    definition = registry.load(str(response.questionnaire.value))  # type: ignore[union-attr]
    _write(render_filled(definition, response, findings, args.format), args.output, private=True)  # answers are confidential
    return EXIT_OK


def run_check_definition(args: argparse.Namespace) -> int:
    status = EXIT_OK
    for name in args.files:
        path = Path(name)
        try:
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
    """``untoc i18n status``: translated, fuzzy and missing messages per language and domain."""
    from engine.i18n.status import status_table

    sys.stdout.write(status_table())
    return EXIT_OK
