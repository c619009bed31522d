"""The words an export adds around the questionnaire ("document chrome"), in the current language.

One place for every format (text templates, HTML, DOCX), so that each phrase is
translated once. Call these inside :func:`engine.i18n.use`.
"""

from __future__ import annotations

from engine.i18n import _, ngettext

EN_MARKER = "[EN]"
"""Put before questionnaire text shown in English for want of a translation."""


def unofficial() -> str:
    return _(
        "This translation of the questionnaire is unofficial, for convenience only: "
        "the authoritative versions are those of the United Nations."
    )


def fallback_note(count: int) -> str:
    return ngettext(
        "{count} piece of the questionnaire's text has no translation yet and is shown in English, marked {marker}.",
        "{count} pieces of the questionnaire's text have no translation yet and are shown in English, marked {marker}.",
        count,
    ).format(count=count, marker=EN_MARKER)


def fallback_title() -> str:
    return _("No translation yet: the English source text")


def voluntary() -> str:
    return _("Voluntary: no inference is drawn from the lack of an answer.")


def notes_heading() -> str:
    return _("Notes")


def back_to_text() -> str:
    return _("back to the text")


def state() -> str:
    return _("State")


def cluster() -> str:
    return _("Cluster")


def protocols() -> str:
    return _("Protocols the State is party to")


def uncac() -> str:
    return _("Party to the Convention against Corruption")


def answers_language() -> str:
    return _("Language of the answers")


def document_language() -> str:
    return _("Language of this document")


def completeness() -> str:
    return _("Completeness")


def date() -> str:
    return _("Date")


def none() -> str:
    return _("none")


def yes_no(value: bool) -> str:
    return _("yes") if value else _("no")


def completeness_value(answered: int, applicable: int, errors: int) -> str:
    text = ngettext(
        "{answered} of {applicable} applicable question answered",
        "{answered} of {applicable} applicable questions answered",
        applicable,
    ).format(answered=answered, applicable=applicable)
    if errors:
        text += _("; ") + ngettext("{count} error found by the validator", "{count} errors found by the validator", errors).format(
            count=errors
        )
    return text


def not_answered() -> str:
    return _("Not answered.")


def part_does_not_apply() -> str:
    return _("This part does not apply to the State.")


def skipped(count: int) -> str:
    return ngettext(
        "{count} question of this section does not apply given the answers above and is left out.",
        "{count} questions of this section do not apply given the answers above and are left out.",
        count,
    ).format(count=count)


def legislation() -> str:
    return _("Legislation")


def links() -> str:
    return _("Links")


def comment() -> str:
    return _("Comment")


def contributors() -> str:
    return _("Contributors")


def contributors_note() -> str:
    return _("Who gave the answers shown above (the contributor named with each answer), with the questions they answered.")


def index_title() -> str:
    return _("Questionnaires of the UNTOC Review Mechanism: exports")


def label(name: str, value: str) -> str:
    """``Name: value`` with the language's colon."""
    return _("{name}: {value}").format(name=name, value=value)
