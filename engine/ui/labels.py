"""Words shown by the UI that are not questionnaire text: names of languages, instruments, marks."""

from __future__ import annotations

from rich.text import Text

from engine.i18n import _, is_translated, questionnaire_text

LANGUAGE_NAMES: dict[str, str] = {
    "ar": "العربية",
    "en": "English",
    "es": "Español",
    "fr": "Français",
    "ru": "Русский",
    "zh": "中文",
}
"""Each working language named in its own script."""

PROTOCOL_ORDER = ("trafficking", "smuggling", "firearms")

ANSWERED, UNANSWERED, FLAGGED, NOT_APPLICABLE, STEM = "✓", "·", "⚠", "–", " "

BADGE = "[EN]"
"""Marks questionnaire text shown in English for want of a translation: the same in every language, as in the exports."""


def marks() -> list[tuple[str, str]]:
    """The outline's marks and what they mean, in the current language."""
    return [
        (ANSWERED, _("answered")),
        (UNANSWERED, _("still to be answered (or may apply: it depends on an answer not given yet)")),
        (FLAGGED, _("has an error or a warning (ctrl+r lists them)")),
        (NOT_APPLICABLE, _("does not apply, given the answers so far (greyed; an answer is kept)")),
        (BADGE, _("text not translated yet, shown in English")),
    ]


def protocol_label(code: str) -> str:
    return {
        "trafficking": _("Trafficking in Persons Protocol"),
        "smuggling": _("Smuggling of Migrants Protocol"),
        "firearms": _("Firearms Protocol"),
    }[code]


def qtext(text: str, lang: str) -> tuple[str, bool]:
    """Questionnaire ``text`` in ``lang`` (logical order), and whether it is untranslated (English)."""
    return questionnaire_text(text, lang), not is_translated(text, lang)


def marked(text: str, lang: str, style: str = "") -> Text:
    """Questionnaire text as rich Text, with the ``[EN]`` badge when it is not translated (logical order: see ``display``)."""
    shown, english = qtext(text, lang)
    out = Text(shown, style=style)
    if english:
        out.append(" ")
        out.append(BADGE, style="reverse")
    return out
