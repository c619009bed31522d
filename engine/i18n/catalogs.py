"""Finding, compiling and reading the gettext catalogs."""

from __future__ import annotations

import contextlib
import functools
import gettext as _gettext
import os
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Literal

Language = Literal["ar", "en", "es", "fr", "ru", "zh"]
LANGUAGES: tuple[str, ...] = ("ar", "en", "es", "fr", "ru", "zh")
"""The six working languages of the Mechanism (resolution 9/1, annex, para. 49)."""
DEFAULT_LANGUAGE = "en"
DOMAINS = ("untoc", "questionnaire")

_PACKAGE = Path(__file__).resolve().parent.parent
_state = threading.local()


def locales_dir() -> Path:
    """The catalogs: compiled inside the installed wheel, or the checkout's ``locales/``."""
    packaged = _PACKAGE / "_data" / "locales"
    if packaged.is_dir():
        return packaged
    return _PACKAGE.parent / "locales"


def _compiled(lang: str, domain: str) -> Path | None:
    """The ``.mo`` file of a catalog, compiling the ``.po`` into the cache if needed."""
    base = locales_dir() / lang / "LC_MESSAGES"
    mo, po = base / f"{domain}.mo", base / f"{domain}.po"
    if mo.exists() and (not po.exists() or mo.stat().st_mtime >= po.stat().st_mtime):
        return mo
    if not po.exists():
        return None
    from engine.definition import cache  # the same cache folder as the questionnaires

    folder = cache.directory()
    content = po.read_bytes()
    target = (folder.parent / "catalogs" if folder else Path(os.environ.get("TMPDIR", "/tmp")) / "untoc-catalogs") / f"{lang}-{domain}-{cache.key(content, 'mo')}.mo"
    if not target.exists():
        _compile(po, target)
    return target


def _compile(po: Path, target: Path) -> None:
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po

    with open(po, "rb") as handle:
        catalog = read_po(handle)
    target.parent.mkdir(parents=True, exist_ok=True)
    temporary = target.with_suffix(f".{os.getpid()}.tmp")
    with open(temporary, "wb") as handle:
        write_mo(handle, catalog, use_fuzzy=False)
    os.replace(temporary, target)


@functools.cache
def translations(lang: str, domain: str) -> _gettext.NullTranslations:
    """The catalog of ``domain`` in ``lang``; English and missing catalogs translate nothing."""
    if lang == DEFAULT_LANGUAGE or lang not in LANGUAGES:
        return _gettext.NullTranslations()
    try:
        path = _compiled(lang, domain)
    except OSError:
        path = None
    if path is None:
        return _gettext.NullTranslations()
    with open(path, "rb") as handle:
        return _gettext.GNUTranslations(handle)


def current_language() -> str:
    return getattr(_state, "language", None) or DEFAULT_LANGUAGE


@contextlib.contextmanager
def use(lang: str | None) -> Iterator[None]:
    """Within the block, the interface speaks ``lang`` (on this thread)."""
    previous = getattr(_state, "language", None)
    _state.language = lang if lang in LANGUAGES else DEFAULT_LANGUAGE
    try:
        yield
    finally:
        _state.language = previous


def set_language(lang: str | None) -> None:
    """Set the interface language of this thread for good (the command line does once)."""
    _state.language = lang if lang in LANGUAGES else DEFAULT_LANGUAGE


def language_from_environment() -> str:
    """The user's language from ``LANGUAGE``, ``LC_ALL``, ``LC_MESSAGES`` or ``LANG``; English otherwise."""
    for variable in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(variable, "")
        for candidate in value.split(":"):
            code = candidate.split(".")[0].split("_")[0].split("-")[0].lower()
            if code in LANGUAGES:
                return code
            if code and code not in ("c", "posix"):
                break
    return DEFAULT_LANGUAGE


def gettext(message: str) -> str:
    """``message`` in the current interface language."""
    return translations(current_language(), "untoc").gettext(message)


def ngettext(singular: str, plural: str, count: int) -> str:
    """The plural form for ``count`` in the current interface language (CLDR rules via the catalog)."""
    return translations(current_language(), "untoc").ngettext(singular, plural, count)


def pgettext(context: str, message: str) -> str:
    return translations(current_language(), "untoc").pgettext(context, message)


def questionnaire_text(text: str, lang: str, context: str | None = None) -> str:
    """A piece of questionnaire text in ``lang``; the English source when untranslated."""
    catalog = translations(lang, "questionnaire")
    return catalog.pgettext(context, text) if context else catalog.gettext(text)


def is_translated(text: str, lang: str, context: str | None = None) -> bool:
    """Whether ``text`` has a translation in ``lang`` (English always counts as translated)."""
    if lang == DEFAULT_LANGUAGE:
        return True
    catalog = translations(lang, "questionnaire")
    marker = object()
    key = f"{context}\x04{text}" if context else text
    return getattr(catalog, "_catalog", {}).get(key, marker) is not marker
