"""Translations: gettext catalogs for the interface and for the questionnaires' text.

Two domains, English being the source language:

- ``untoc``: the interface — command line, validator messages, terminal UI, export chrome;
- ``questionnaire``: the text of the questionnaires (headings, questions, options,
  notes, footnotes, guidance), whose msgids are the English source text.

Use ``_`` / ``ngettext`` for the interface (the language is a per-thread setting,
see :func:`use`) and :func:`questionnaire_text` for questionnaire text.
Catalogs live in ``locales/<lang>/LC_MESSAGES/<domain>.po``; they are compiled to
``.mo`` when the package is built (see ``hatch_build.py``) and, in a source
checkout, on first use into the cache folder.
"""

from __future__ import annotations

from engine.i18n.catalogs import (
    DEFAULT_LANGUAGE,
    LANGUAGES,
    Language,
    current_language,
    gettext,
    is_translated,
    language_from_environment,
    ngettext,
    pgettext,
    questionnaire_text,
    use,
)

_ = gettext

__all__ = [
    "DEFAULT_LANGUAGE",
    "LANGUAGES",
    "Language",
    "_",
    "current_language",
    "gettext",
    "is_translated",
    "language_from_environment",
    "ngettext",
    "pgettext",
    "questionnaire_text",
    "use",
]
