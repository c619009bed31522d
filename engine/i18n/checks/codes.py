"""The catalogue of finding codes: stable names, documented in ``docs/translating.md``."""

from __future__ import annotations

CODES: dict[str, str] = {
    "placeholder": "placeholders ({name}, %s) differ from the English",
    "footnote": "footnote markers (¹, ², …) differ from the English",
    "emphasis": "Markdown emphasis (*…*, **…**) differs from the English",
    "lines": "the line breaks or list markers differ from the English",
    "number": "a number or Roman numeral of the English is missing, or one is added",
    "reference": "a paragraph or question letter of the English is missing, added or not in the language's style",
    "answer-label": "a quoted answer label is not the interface's label in the language's quotation marks",
    "quotes": "quotation marks that are not the language's, or unbalanced",
    "terminology": "an official term of locales/terminology.yaml is not used",
    "consistency": "the same English text is translated differently elsewhere",
    "english": "English left in the translation",
    "typography": "spaces or punctuation not as the language writes them",
    "length": "much shorter or longer than the English",
}
"""Every code a check may report, with what it means (the reference for docs/translating.md and the tests)."""
