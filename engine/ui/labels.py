"""Words shown by the UI that are not questionnaire text: names of languages, instruments, marks."""

from __future__ import annotations

from rich.text import Text

from engine.i18n import _, is_translated, questionnaire_text
from engine.i18n.display import DisplayMode, for_display

_display: dict[str, DisplayMode] = {"mode": "native"}


def set_display_mode(mode: DisplayMode) -> None:
    """``shaped``: shape and reorder right-to-left static text for terminals that do not (see README)."""
    _display["mode"] = mode


def shown(text: str) -> str:
    """Static text as the terminal should receive it; never used on text being edited or stored."""
    return for_display(text, _display["mode"])


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


def unofficial_notice(lang: str) -> str | None:
    """In a translated questionnaire, the notice every export also prints: the translation is unofficial."""
    if lang == "en":
        return None
    return shown(
        _(
            "This translation of the questionnaire is unofficial, for convenience only: "
            "the authoritative versions are those of the United Nations."
        )
    )


def badge() -> str:
    # Translators: marks a questionnaire text shown in English because it has no translation yet.
    return _("[EN]")


def qtext(text: str, lang: str) -> tuple[str, bool]:
    """Questionnaire ``text`` in ``lang``, ready for display, and whether it is untranslated (English)."""
    return shown(questionnaire_text(text, lang)), not is_translated(text, lang)


def marked(text: str, lang: str, style: str = "") -> Text:
    """Questionnaire text as rich Text, with an ``[EN]`` badge when it is not translated."""
    shown, english = qtext(text, lang)
    out = Text(shown, style=style)
    if english:
        out.append(" ")
        out.append(badge(), style="reverse")
    return out
