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


def protocol_label(code: str) -> str:
    return {
        "trafficking": _("Trafficking in Persons Protocol"),
        "smuggling": _("Smuggling of Migrants Protocol"),
        "firearms": _("Firearms Protocol"),
    }[code]


def badge() -> str:
    # Translators: marks a questionnaire text shown in English because it has no translation yet.
    return _("[EN]")


def qtext(text: str, lang: str) -> tuple[str, bool]:
    """Questionnaire ``text`` in ``lang`` and whether it is shown untranslated (in English)."""
    return questionnaire_text(text, lang), not is_translated(text, lang)


def marked(text: str, lang: str, style: str = "") -> Text:
    """Questionnaire text as rich Text, with an ``[EN]`` badge when it is not translated."""
    shown, english = qtext(text, lang)
    out = Text(shown, style=style)
    if english:
        out.append(" ")
        out.append(badge(), style="reverse")
    return out
