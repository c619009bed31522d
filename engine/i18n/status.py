"""``untoc i18n status``: how complete each catalog is."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from engine.i18n import _
from engine.i18n.catalogs import DEFAULT_LANGUAGE, DOMAINS, LANGUAGES, locales_dir


@dataclass(frozen=True, slots=True)
class CatalogStatus:
    language: str
    domain: str
    translated: int
    fuzzy: int
    missing: int


def _source_locales() -> Path:
    """The ``.po``/``.pot`` files: the checkout's, else those shipped beside the compiled ones."""
    return locales_dir()


def catalog_status() -> list[CatalogStatus]:
    """Counts per language and domain, against the template (``locales/<domain>.pot``)."""
    from babel.messages.pofile import read_po

    base = _source_locales()
    results = []
    for domain in DOMAINS:
        template_path = base / f"{domain}.pot"
        template_ids: set = set()
        if template_path.exists():
            with open(template_path, "rb") as handle:
                template_ids = {m.id for m in read_po(handle) if m.id}
        for lang in LANGUAGES:
            if lang == DEFAULT_LANGUAGE:
                continue
            po = base / lang / "LC_MESSAGES" / f"{domain}.po"
            translated = fuzzy = 0
            known: set = set()
            if po.exists():
                with open(po, "rb") as handle:
                    catalog = read_po(handle)
                for message in catalog:
                    if not message.id:
                        continue
                    known.add(message.id)
                    strings = message.string if isinstance(message.string, (list, tuple)) else [message.string]
                    if message.fuzzy:
                        fuzzy += 1
                    elif all(strings):
                        translated += 1
            total = len(template_ids) if template_ids else len(known)
            results.append(CatalogStatus(lang, domain, translated, fuzzy, max(total - translated - fuzzy, 0)))
    return results


def status_table() -> str:
    from babel import Locale

    headings = (_("language"), _("domain"), _("translated"), _("fuzzy"), _("missing"))
    rows = ["{:<22} {:<14} {:>10} {:>6} {:>8}".format(*headings)]
    for status in catalog_status():
        name = Locale.parse(status.language).get_display_name(status.language) or status.language
        rows.append(f"{status.language + ' ' + name:<22} {status.domain:<14} {status.translated:>10} {status.fuzzy:>6} {status.missing:>8}")
    return "\n".join(rows) + "\n"
