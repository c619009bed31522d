"""How each language writes what the checks look at: quotation marks, references, punctuation, length.

The choices follow United Nations practice in each language and are documented
for translators in ``docs/translating.md``:

- **French**: « … » with a narrow no-break space (U+202F) inside, and U+202F before
  ``; : ? !``; references ``art. 5, par. 1 a) i)``.
- **Spanish**: “…”; ``¿…?``; references ``art. 5, párr. 1 a) i)``.
- **Russian**: «…»; references ``ст. 5, п. 1 (a) (i)`` — Latin letters, with or
  without the opening parenthesis.
- **Arabic**: «…» (mirrored correctly in right-to-left text); ``، ؛ ؟``;
  paragraph letters in Arabic alphabetical (abjad) order ``(أ) (ب) (ج)``, items
  ``(i) (ii)`` as ``'1' '2'``; Roman numerals may be written as ordinals.
- **Chinese**: “…”; full-width punctuation; references ``第5条第1款(a)项㈠目``;
  Roman numerals may be written as Chinese numerals.

Question numbers (``3 (a)``, ``66 (f) (i)``) are the questionnaire's own labels and
are written as printed, ``(a)``, in every language.
"""

from __future__ import annotations

from dataclasses import dataclass

ABJAD_LETTERS = (
    "أ",
    "ب",
    "ج",
    "د",
    "هـ",
    "و",
    "ز",
    "ح",
    "ط",
    "ي",
    "ك",
    "ل",
    "م",
    "ن",
    "س",
    "ع",
    "ف",
    "ص",
    "ق",
    "ر",
    "ش",
    "ت",
    "ث",
    "خ",
    "ذ",
    "ض",
)
"""(a) … (z) in Arabic: the abjad order, ``هـ`` written with its tail."""
CJK_ROMANS = "㈠㈡㈢㈣㈤㈥㈦㈧㈨㈩"
"""(i) … (x) in Chinese, as UN documents write them (a parenthesized ideograph)."""
CJK_NUMERALS = "一二三四五六七八九十"
ROMANS = ("i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x", "xi", "xii")
ARABIC_ORDINALS = {
    1: ("الأول", "الأولى", "أولا"),
    2: ("الثاني", "الثانية", "ثانيا"),
    3: ("الثالث", "الثالثة", "ثالثا"),
    4: ("الرابع", "الرابعة", "رابعا"),
    5: ("الخامس", "الخامسة", "خامسا"),
    6: ("السادس", "السادسة", "سادسا"),
    7: ("السابع", "السابعة", "سابعا"),
    8: ("الثامن", "الثامنة", "ثامنا"),
    9: ("التاسع", "التاسعة", "تاسعا"),
    10: ("العاشر", "العاشرة", "عاشرا"),
}

# fmt: off
ENGLISH_MARKERS = frozenset((
    "the", "of", "and", "to", "is", "are", "your", "please", "which", "with", "that", "this", "have", "has", "been", "will",
    "shall", "any", "from", "such", "does", "what", "their", "its", "be", "by", "or", "for", "was", "were", "should", "would",
    "these", "those", "other", "under", "if", "not", "it", "they", "them", "you", "we", "our", "how", "when", "where", "who",
    "whether", "than", "then", "also", "only", "into", "upon", "within", "without", "between", "each", "all", "can", "may",
    "must", "do", "did", "an", "on", "at", "as", "in", "a", "no", "yes",
))
# fmt: on
"""Common English words: in a French or Spanish translation, a sign of English left over."""


@dataclass(frozen=True, slots=True)
class Style:
    """The writing conventions of one language that the checks enforce."""

    lang: str
    quotes: tuple[str, str]
    """The primary quotation marks, opening and closing."""
    quote_space: str = ""
    """What stands inside the quotation marks (French: a narrow no-break space)."""
    provision_letters: str = "close"
    """How a paragraph letter (a) of a treaty reference is written: ``close`` a), ``paren`` (a) or a),
    ``abjad`` (أ), ``latin`` (a)."""
    provision_romans: str = "close"
    """How an item (i) of a reference is written: ``close`` i), ``paren`` (i) or i), ``quoted`` '1', ``cjk`` ㈠."""
    roman_numerals: str = "latin"
    """Roman numerals (Annex III, Cluster I): ``latin`` kept, ``arabic`` or an ordinal, ``cjk`` or a Chinese numeral."""
    secondary_quotes: tuple[str, ...] = ()
    """Quotation marks allowed inside the primary ones."""
    length: tuple[float, float] = (0.5, 2.0)
    """Bounds of the translation's length relative to the English."""
    slack: int = 12
    """Characters of leeway for short messages."""
    markers: frozenset[str] = frozenset()
    """English words that betray English left in a Latin-script translation."""
    latin_script: bool = True


STYLES: dict[str, Style] = {
    "fr": Style(
        "fr",
        ("«", "»"),
        quote_space="\u202f",
        secondary_quotes=("“", "”"),
        length=(0.6, 2.0),
        markers=ENGLISH_MARKERS - {"a", "as", "or", "on", "an", "if", "for", "are", "do", "no", "in"},
    ),
    "es": Style(
        "es",
        ("“", "”"),
        secondary_quotes=("‘", "’"),
        length=(0.6, 2.0),
        markers=ENGLISH_MARKERS - {"a", "no", "has", "as", "he", "in"},
    ),
    "ru": Style(
        "ru",
        ("«", "»"),
        provision_letters="paren",
        provision_romans="paren",
        secondary_quotes=("„", "“"),
        length=(0.55, 2.1),
        latin_script=False,
    ),
    "ar": Style(
        "ar",
        ("«", "»"),
        provision_letters="abjad",
        provision_romans="quoted",
        roman_numerals="arabic",
        length=(0.45, 1.8),
        latin_script=False,
    ),
    "zh": Style(
        "zh",
        ("“", "”"),
        provision_letters="latin",
        provision_romans="cjk",
        roman_numerals="cjk",
        secondary_quotes=("‘", "’"),
        length=(0.12, 0.95),
        slack=6,
        latin_script=False,
    ),
}
"""The five target languages (English is the source)."""
