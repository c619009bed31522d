"""The words an export adds around the questionnaire ("document chrome"), in the current language.

One place for every format (text templates, HTML, DOCX), so that each phrase is
translated once. Call these inside :func:`engine.i18n.use`.
"""

from __future__ import annotations

from typing import Any

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


def skipped(numbers: list[str]) -> str:
    """The questions of a section that the answers rule out, counted and named."""
    # Translators: {numbers} lists question numbers: "3 (a), 3 (b), 3 (c)".
    return ngettext(
        "{count} question of this section does not apply given the answers above and is left out: {numbers}.",
        "{count} questions of this section do not apply given the answers above and are left out: {numbers}.",
        len(numbers),
    ).format(count=len(numbers), numbers=_(", ").join(numbers))


def not_reviewed(reason: str) -> str:
    """A part or section left out, and why (``reason``: a condition in words)."""
    # Translators: {reason} is a condition in words: "the State is party to the United Nations Convention against Corruption".
    return _("Not reviewed: {reason}.").format(reason=reason)


def pending(numbers: str) -> str:
    """An unanswered question whose applicability waits for other answers."""
    return _("Not answered; whether it applies depends on the answer to {numbers}, not given yet.").format(numbers=numbers)


def short_title(cluster: str) -> str:
    """The running title of every page."""
    return _("Self-assessment questionnaire, Cluster {cluster}").format(cluster=cluster)


def unofficial_short() -> str:
    return _("Unofficial translation")


def page_of() -> str:
    """“Page {page} of {pages}”: the placeholders become the page counters of PDF and DOCX."""
    return _("Page {page} of {pages}")


def default_marking() -> str:
    """The protective marking of filled documents (``--marking`` changes it)."""
    return _("Confidential — draft for clearance")


def revision(value: str) -> str:
    """Which version of the response file a document shows (a hash of its content)."""
    return _("revision {revision}").format(revision=value)


def contents() -> str:
    return _("Contents")


def answer_here() -> str:
    """The accessible name of the space left to write an answer by hand."""
    return _("Space for the answer")


def findings_heading() -> str:
    return _("Findings of the validator")


def findings_intro(errors: int, warnings: int) -> str:
    if not errors and not warnings:
        return _("untoc validate found no errors and no warnings in this response.")
    return _("untoc validate reports, by question: {errors}, {warnings}.").format(
        errors=ngettext("{count} error", "{count} errors", errors).format(count=errors),
        warnings=ngettext("{count} warning", "{count} warnings", warnings).format(count=warnings),
    )


def severity(name: str) -> str:
    return {"error": _("Error"), "warning": _("Warning")}.get(name, name)


def whole_file() -> str:
    return _("The file as a whole")


def see_findings() -> str:
    return _("See the findings of the validator")


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


def list_separator() -> str:
    # Translators: separator between the items of a list ("6, 7 or 8").
    return _(", ")


def revision_heading() -> str:
    return _("Revision")


def question() -> str:
    return _("Question")


def finding() -> str:
    return _("Finding")


def running_texts(doc: Any) -> dict[str, str]:
    """What the page margins of ``doc`` (blank or filled) carry: the running title (and State), the marking
    (or, in a translation, that it is unofficial), the date and revision."""
    title = short_title(doc.cluster)
    if hasattr(doc, "marking"):
        head = f"{title} — {doc.state}" if doc.state else title
        foot = " · ".join(t for t in (doc.date, revision(doc.revision) if doc.revision else "") if t)
        return {"head_start": head, "head_end": doc.marking, "foot_start": foot}
    return {"head_start": title, "head_end": "" if doc.official else unofficial_short(), "foot_start": ""}


def metadata_title(doc: Any) -> str:
    """The document's title in its own language (the running title when the questionnaire's is not translated yet)."""
    text = short_title(doc.cluster) if getattr(doc.title, "fallback", False) else str(doc.title)
    state = getattr(doc, "state", "")
    return f"{text} — {state}" if state else text
