"""The catalogue of finding codes: stable names, documented in ``docs/translating.md``."""

from __future__ import annotations


def N_(message: str) -> str:
    """Mark ``message`` for extraction; it is translated where it is shown."""
    return message


CODES: dict[str, str] = {
    "placeholder": N_("placeholders ({name}, %s) differ from the English"),
    "footnote": N_("footnote markers (¹, ², …) differ from the English"),
    "emphasis": N_("Markdown emphasis (*…*, **…**) differs from the English"),
    "lines": N_("the line breaks or list markers differ from the English"),
    "number": N_("a number or Roman numeral of the English is missing, or one is added"),
    "reference": N_("a paragraph or question letter of the English is missing, added or not in the language's style"),
    "answer-label": N_("a quoted answer label is not the interface's label in the language's quotation marks"),
    "quotes": N_("quotation marks that are not the language's, or unbalanced"),
    "terminology": N_("an official term of locales/terminology.yaml is not used"),
    "consistency": N_("the same English text is translated differently elsewhere"),
    "english": N_("English left in the translation"),
    "typography": N_("spaces or punctuation not as the language writes them"),
    "length": N_("much shorter or longer than the English"),
}
"""Every code a check may report, with what it means (in English; translated when shown)."""
