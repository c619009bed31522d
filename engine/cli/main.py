"""The ``untoc`` command line."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence

from engine import ISSUES, __version__
from engine.cli import commands
from engine.cli.status import EXIT_FINDINGS, EXIT_INTERNAL, EXIT_OK, EXIT_USAGE, UsageError
from engine.i18n import LANGUAGES, _, language_from_environment
from engine.i18n.catalogs import set_language
from engine.validation.report import REPORTERS

__all__ = ["EXIT_FINDINGS", "EXIT_INTERNAL", "EXIT_OK", "EXIT_USAGE", "UsageError", "main"]


def _language(value: str) -> str:
    """An argparse type: one of the six languages, else misuse (exit code 2) with the list."""
    if value not in LANGUAGES:
        raise argparse.ArgumentTypeError(
            _("unknown language {lang!r}; use one of: {languages}").format(lang=value, languages=", ".join(LANGUAGES))
        )
    return value


def _parser() -> argparse.ArgumentParser:
    debug_help = _("on an internal error, print the traceback")
    common = argparse.ArgumentParser(add_help=False)  # --debug after the command too, without resetting it
    common.add_argument("--debug", action="store_true", default=argparse.SUPPRESS, help=debug_help)
    parser = argparse.ArgumentParser(
        prog="untoc",
        description=_(
            "Self-assessment questionnaires of the UNTOC Review Mechanism: fill and validate response files, "
            "export questionnaires as documents, prepare answers with several contributors, report across States."
        ),
        epilog=_(
            "Exit codes: 0 success (warnings allowed) · 1 a response file has errors · 2 unreadable file or misuse · "
            "3 internal error (a bug in untoc). See README.md and docs/."
        ),
    )
    parser.add_argument("--debug", action="store_true", help=debug_help)
    parser.set_defaults(handler=None)
    parser.add_argument("--version", action="version", version=f"untoc {__version__}")
    subcommands = parser.add_subparsers(dest="command", metavar="COMMAND")

    def command(name: str, handler: commands.Handler, **options: str) -> argparse.ArgumentParser:
        sub = subcommands.add_parser(name, parents=[common], **options)
        sub.set_defaults(handler=handler)
        return sub

    listing = command("list", commands.run_list, help=_("list the clusters, their parts, articles and question counts"))
    listing.add_argument("--cluster", help=_("only this cluster (1–4)"))

    validate = command("validate", commands.run_validate, help=_("check response files against their questionnaire"))
    validate.add_argument(
        "files", nargs="+", metavar="FILE", help=_("response files, folders (searched for *.yaml, *.yml) or glob patterns")
    )
    validate.add_argument("--complete", action="store_true", help=_("every applicable question must be answered (submission check)"))
    validate.add_argument(
        "--format",
        choices=tuple(REPORTERS),
        help=_("output format (default: text; github when GITHUB_ACTIONS is set)"),
    )
    validate.add_argument("--jobs", type=int, metavar="N", help=_("worker processes (default: one per core)"))
    validate.add_argument("--verbose", action="store_true", help=_("also list each unanswered question"))
    validate.add_argument(
        "--lang", type=_language, help=_("language of the messages: ar, en, es, fr, ru, zh (default: from the environment's locale)")
    )

    report = command(
        "report", commands.run_report, help=_("a general report across many response files: figures and charts, anonymous by default")
    )
    report.add_argument("files", nargs="+", metavar="FILE", help=_("response files, folders (searched for *.yaml, *.yml) or glob patterns"))
    report.add_argument("-o", "--output", required=True, help=_("file to write (- for standard output: csv and json only)"))
    report.add_argument(
        "--format",
        choices=("html", "csv", "json", "xlsx"),
        help=_("html, csv, json or xlsx (default: from the extension of -o, else html)"),
    )
    report.add_argument(
        "--lang", type=_language, help=_("language of the report: ar, en, es, fr, ru, zh (default: from the environment's locale)")
    )
    report.add_argument("--named", action="store_true", help=_("name the States (for internal use only; the report says so at the top)"))
    report.add_argument("--jobs", type=int, metavar="N", help=_("worker processes (default: one per core)"))

    new = command("new", commands.run_new, help=_("write a response-file skeleton that validates"))
    new.add_argument("--cluster", required=True, help=_("cluster number (1–4)"))
    new.add_argument("--state", required=True, help=_("the State party under review"))
    new.add_argument("--parties", default="", help=_("Protocols the State is party to, comma-separated: trafficking,smuggling,firearms"))
    new.add_argument("--uncac-party", action="store_true", help=_("the State is party to the Convention against Corruption"))
    new.add_argument("--language", default="en", help=_("language of the answers: ar, en, es, fr, ru, zh (default en)"))
    new.add_argument("-o", "--output", required=True, help=_("file to write (created readable by you only)"))
    new.add_argument("--force", action="store_true", help=_("overwrite an existing file"))

    export = command("export", commands.run_export, help=_("export questionnaires as documents"))
    kinds = export.add_subparsers(dest="kind", metavar="KIND", required=True)
    blank = kinds.add_parser("blank", parents=[common], help=_("a blank questionnaire, in the source's layout"))
    blank.add_argument("--cluster", help=_("cluster number (1–4); required unless --all"))
    blank.add_argument("--lang", type=_language, help=_("language: ar, en, es, fr, ru, zh (default en; with --all, every language)"))
    blank.add_argument(
        "--format", choices=("txt", "md", "html", "docx", "pdf"), help=_("document format (default md; with --all, every format)")
    )
    blank.add_argument("--no-routing", action="store_true", help=_("leave out the routing notes (“Answer only if …”)"))
    blank.add_argument("--all", action="store_true", help=_("every cluster × language × format into the folder -o, with an index"))
    blank.add_argument("--jobs", type=int, metavar="N", help=_("with --all: worker processes (default: one per core)"))
    blank.add_argument("-o", "--output", help=_("file to write (default: standard output); with --all, the folder"))
    filled = kinds.add_parser("filled", parents=[common], help=_("a response file as a document, for review and clearance"))
    filled.add_argument("file", metavar="FILE", help=_("a response file"))
    filled.add_argument("--format", choices=("txt", "md", "html", "docx", "pdf"), help=_("document format (default md)"))
    filled.add_argument("--lang", type=_language, help=_("language of the document (default: the language of the answers)"))
    filled.add_argument(
        "--marking",
        metavar="TEXT",
        help=_('protective marking printed on every page (default: “Confidential — draft for clearance”; "" for none)'),
    )
    filled.add_argument("-o", "--output", help=_("file to write (default: standard output)"))
    from engine.cli import consultation  # split, merge, diff, import; fillable Word forms

    for parser_ in (blank, filled):
        consultation.add_fillable_options(parser_)

    schema = command(
        "schema", commands.run_schema, help=_("print a JSON Schema (draft 2020-12) of response files, or of the definition format")
    )
    target = schema.add_mutually_exclusive_group(required=True)
    target.add_argument("--cluster", help=_("the response files of this cluster (1–4)"))
    target.add_argument("--definition", action="store_true", help=_("the questionnaire definition format itself"))
    schema.add_argument(
        "--complete", action="store_true", help=_("the submission schema: every applicable question answered (with if/then)")
    )
    schema.add_argument("-o", "--output", help=_("file to write (default: standard output)"))

    i18n = command("i18n", commands.run_i18n, help=_("translation catalogs"))
    i18n.add_argument(
        "action",
        choices=("status", "check"),
        help=_("status: translated, fuzzy and missing messages per language and cluster; check: the quality checks of the translations"),
    )
    i18n.add_argument("--lang", type=_language, help=_("only this language: ar, es, fr, ru, zh (default: all five)"))

    fill = command("fill", commands.run_fill, help=_("fill a response file in the terminal (creates it when it does not exist)"))
    fill.add_argument(
        "file", nargs="?", metavar="FILE", help=_("the response file; without it, or if it does not exist, a set-up screen creates it")
    )
    fill.add_argument("--lang", type=_language, help=_("language of the interface: ar, en, es, fr, ru, zh (default: the file's language)"))
    fill.add_argument(
        "--rtl",
        choices=("native", "shaped"),
        default=os.environ.get("UNTOC_RTL", "native"),
        help=_("right-to-left text: native (the terminal shapes and reorders it) or shaped (untoc does, for display only)"),
    )

    check = command("check-definition", commands.run_check_definition, help=_("load questionnaire definition files and report problems"))
    check.add_argument("files", nargs="+", metavar="FILE")

    consultation.add_parsers(command, _language)
    return parser


def _interface_language(argv: Sequence[str]) -> str:
    """``--lang LL`` (of validate or export) if given, else the environment's locale."""
    for index, argument in enumerate(argv):
        if argument == "--lang" and index + 1 < len(argv):
            return argv[index + 1]
        if argument.startswith("--lang="):
            return argument.split("=", 1)[1]
    return language_from_environment()


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit code."""
    arguments = list(sys.argv[1:] if argv is None else argv)
    set_language(_interface_language(arguments))
    parser = _parser()
    args = parser.parse_args(arguments)
    if args.handler is None:
        parser.print_help()
        return EXIT_OK
    try:
        return int(args.handler(args))
    except UsageError as error:
        print(f"untoc: {error}", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        print("untoc: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:  # the reader of the output went away (`untoc list | head -1`)
        commands.silence_stdout()
        return EXIT_OK
    except Exception as error:  # never a traceback at the user, unless asked for
        if args.debug:
            raise
        print(
            _(
                "untoc: internal error ({error}). This is a bug in untoc, sorry: please report it at {url} "
                "with the command you ran (--debug prints the details)."
            ).format(error=type(error).__name__, url=ISSUES),
            file=sys.stderr,
        )
        return EXIT_INTERNAL


def entry_point() -> None:
    sys.exit(main())


if __name__ == "__main__":
    entry_point()
