"""The catalogue of finding codes: every kind of finding untoc reports, in one place.

Codes are a public contract (the ``code`` of ``--format json``, the rule ids of SARIF): they
never change meaning. Each has a title, a description, its usual severity, and whether one file
may repeat it without bound (then only the first :data:`CAP` of a file are listed, followed by
one :attr:`Code.more_findings`). ``docs/responses.md`` carries the same table; a test checks
that the two agree. Titles and descriptions are interface text (SARIF shows them), translated
with the rest of the interface.
"""

from __future__ import annotations

from enum import StrEnum

from engine.validation.findings import Severity

CAP = 50
"""Findings of one capped code listed per file; the rest are counted in one ``more-findings``."""


def N_(message: str) -> str:
    return message


class Code(StrEnum):
    """A kind of finding. ``str(code)`` is the stable code written in reports."""

    title: str
    description: str
    severity: Severity
    capped: bool

    def __new__(cls, value: str, severity: Severity, capped: bool, title: str, description: str) -> Code:
        member = str.__new__(cls, value)
        member._value_ = value
        member.severity = severity
        member.capped = capped
        member.title = title
        member.description = description
        return member

    unreadable = (
        "unreadable",
        Severity.error,
        False,
        N_("File not readable as a response file"),
        N_(
            "The path could not be checked at all: missing, not a regular file, a folder that cannot be read or holds "
            "no response file, too large, binary, not UTF-8, not YAML, not a mapping, or no known questionnaire (exit code 2)."
        ),
    )
    duplicate_key = (
        "duplicate-key",
        Severity.error,
        True,
        N_("Duplicate key"),
        N_("A key appears twice in the same mapping; the message names both lines and the second value is ignored."),
    )
    unknown_key = (
        "unknown-key",
        Severity.error,
        True,
        N_("Unknown key"),
        N_("A key that a response file or an answer does not have (a typing error, or a field of another tool)."),
    )
    wrong_type = (
        "wrong-type",
        Severity.error,
        True,
        N_("Value of the wrong type"),
        N_(
            "A list where text is expected, a mapping where a list is expected, an empty entry in a list, or an uncac_party that is not true or false."
        ),
    )
    missing_state = (
        "missing-state",
        Severity.error,
        False,
        N_("State not named"),
        N_("The header has no state, or it is blank."),
    )
    missing_language = (
        "missing-language",
        Severity.error,
        False,
        N_("Language of the answers missing"),
        N_("The header does not say in which language the answers are written."),
    )
    unknown_language = (
        "unknown-language",
        Severity.error,
        False,
        N_("Unknown language"),
        N_("The language is not one of ar, en, es, fr, ru, zh."),
    )
    unknown_party = (
        "unknown-party",
        Severity.error,
        True,
        N_("Unknown Protocol"),
        N_("An entry of parties is not trafficking, smuggling or firearms."),
    )
    duplicate_party = (
        "duplicate-party",
        Severity.warning,
        True,
        N_("Protocol listed twice"),
        N_("A Protocol appears more than once in parties."),
    )
    missing_parties = (
        "missing-parties",
        Severity.warning,
        False,
        N_("Protocols not listed"),
        N_("The header has no parties: the parts on the Protocols are treated as not applicable."),
    )
    missing_uncac_party = (
        "missing-uncac-party",
        Severity.warning,
        False,
        N_("Party to the Convention against Corruption not stated"),
        N_("The header has no uncac_party: it is taken as false, so articles 8 and 9 apply."),
    )
    unknown_question = (
        "unknown-question",
        Severity.error,
        True,
        N_("Unknown question"),
        N_("An answer is given under an id that the questionnaire does not have; the closest id is suggested."),
    )
    stem_answered = (
        "stem-answered",
        Severity.error,
        False,
        N_("Answer to a question answered in its sub-items"),
        N_("The question has no answer of its own: its sub-items are answered instead."),
    )
    wrong_kind = (
        "wrong-kind",
        Severity.error,
        False,
        N_("Answer of the wrong kind"),
        N_("A list where one code or a text is expected, or several options where one is allowed."),
    )
    unknown_option = (
        "unknown-option",
        Severity.error,
        True,
        N_("Unknown answer code"),
        N_(
            "The answer is not one of the question's codes (yes, partly, no… or the codes of its options); "
            "the message suggests the code meant by a label, by capitals or by a near miss."
        ),
    )
    duplicate_option = (
        "duplicate-option",
        Severity.warning,
        True,
        N_("Option chosen twice"),
        N_("The same option code appears twice in a list of chosen options."),
    )
    other_without_option = (
        "other-without-option",
        Severity.error,
        False,
        N_("“Other” text without the option “other”"),
        N_("Text is given under other, but the question has no option other or it is not chosen."),
    )
    details_without_option = (
        "details-without-option",
        Severity.error,
        False,
        N_("Details for an option not chosen"),
        N_("details gives text for an option of the question that is not chosen."),
    )
    specify_missing = (
        "specify-missing",
        Severity.warning,
        False,
        N_("Option not specified"),
        N_("An option that asks for details (“please specify”) is chosen without them."),
    )
    bad_link = (
        "bad-link",
        Severity.warning,
        True,
        N_("Link not absolute"),
        N_("An entry of links is not an absolute http(s) link."),
    )
    not_applicable = (
        "not-applicable",
        Severity.warning,
        False,
        N_("Answer to a question that does not apply"),
        N_("The answer is kept but not reviewed; the message says why the question does not apply."),
    )
    legislation_missing = (
        "legislation-missing",
        Severity.warning,
        False,
        N_("No legislation cited"),
        N_("A question of an article is answered “Yes” without legislation."),
    )
    unanswered = (
        "unanswered",
        Severity.info,
        False,
        N_("Question not answered"),
        N_(
            "A question still to be answered (it applies, or whether it applies waits on an unanswered question): "
            "counted in text output, listed with --verbose, an error with --complete."
        ),
    )
    more_findings = (
        "more-findings",
        Severity.warning,
        False,
        N_("More findings of one kind"),
        N_(
            "A file repeats a finding that can recur without bound: the first 50 are listed and this one counts the rest, "
            "with their severity."
        ),
    )
