"""``untoc i18n status``: how complete each catalog is, per cluster, and how many check findings it has."""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from engine.i18n import _
from engine.i18n.catalogs import DEFAULT_LANGUAGE, LANGUAGES, locales_dir

_ROMAN = {"1": "I", "2": "II", "3": "III", "4": "IV"}


@dataclass(frozen=True, slots=True)
class CatalogStatus:
    """The counts of one part of a language's catalogs: the interface, the questionnaires, one cluster."""

    language: str
    part: str
    """``interface``, ``questionnaire``, ``cluster1`` … ``cluster4`` or ``lists`` (option lists shared by clusters)."""
    translated: int
    fuzzy: int
    missing: int
    findings: int | None = None
    """Findings of ``untoc i18n check`` (questionnaire parts only; None when the check could not run)."""


def _read(path: Path):  # type: ignore[no-untyped-def]
    from babel.messages.pofile import read_po

    with open(path, "rb") as handle:
        return read_po(handle)


def _part_of(location: str) -> str:
    name = Path(location).stem
    return name if re.fullmatch(r"cluster\d+", name) else "lists"


def _key(message_id: str | tuple[str, ...]) -> str:
    return message_id if isinstance(message_id, str) else message_id[0]


def _template(base: Path, domain: str) -> dict[str, set[str]]:
    """Message id → the parts it belongs to (clusters by the files it comes from)."""
    path = base / f"{domain}.pot"
    if not path.exists():
        return {}
    return {_key(m.id): {_part_of(loc) for loc, _line in m.locations} for m in _read(path) if m.id}


def _states(base: Path, lang: str, domain: str) -> dict[str, str]:
    """Message id → ``translated`` or ``fuzzy`` for the catalog of ``lang``."""
    path = base / lang / "LC_MESSAGES" / f"{domain}.po"
    states: dict[str, str] = {}
    if not path.exists():
        return states
    for message in _read(path):
        if not message.id:
            continue
        key = _key(message.id)
        strings = message.string if isinstance(message.string, (list, tuple)) else [message.string]
        if message.fuzzy:
            states[key] = "fuzzy"
        elif all(strings):
            states[key] = "translated"
    return states


def _counts(language: str, part: str, ids: set[str], states: dict[str, str], findings: int | None) -> CatalogStatus:
    translated = sum(1 for i in ids if states.get(i) == "translated")
    fuzzy = sum(1 for i in ids if states.get(i) == "fuzzy")
    return CatalogStatus(language, part, translated, fuzzy, len(ids) - translated - fuzzy, findings)


def _findings_per_part(lang: str, base: Path) -> dict[str, int] | None:
    from engine.i18n.checks import check_catalog
    from engine.i18n.checks.terms import TerminologyError

    try:
        result = check_catalog(lang, base)
    except (TerminologyError, OSError):
        return None
    lines = {finding.line for finding in result.findings}
    counts: dict[str, int] = defaultdict(int)
    for unit in result.units:
        if unit.line in lines:
            found = len(result.findings_of(unit))
            for part in {_part_of(place) for place in unit.places}:
                counts[part] += found
    counts["questionnaire"] = len(result.findings)
    return counts


def catalog_status(languages: tuple[str, ...] | None = None, base: Path | None = None) -> list[CatalogStatus]:
    """Per language: the interface, the questionnaires as a whole, then each cluster and the shared option lists."""
    base = base or locales_dir()
    interface = _template(base, "untoc")
    questionnaire = _template(base, "questionnaire")
    parts = sorted({part for places in questionnaire.values() for part in places}, key=lambda p: (p == "lists", p))
    results = []
    for lang in languages or tuple(x for x in LANGUAGES if x != DEFAULT_LANGUAGE):
        results.append(_counts(lang, "interface", set(interface), _states(base, lang, "untoc"), None))
        states = _states(base, lang, "questionnaire")
        findings = _findings_per_part(lang, base)
        results.append(_counts(lang, "questionnaire", set(questionnaire), states, None if findings is None else findings["questionnaire"]))
        for part in parts:
            ids = {i for i, places in questionnaire.items() if part in places}
            results.append(_counts(lang, part, ids, states, None if findings is None else findings.get(part, 0)))
    return results


def part_name(part: str) -> str:
    """``cluster2`` → “  cluster II”, ``lists`` → “  option lists”, in the interface language."""
    if part == "interface":
        return _("interface")
    if part == "questionnaire":
        return _("questionnaires")
    if part == "lists":
        return "  " + _("option lists")
    return "  " + _("cluster {number}").format(number=_ROMAN.get(part.removeprefix("cluster"), part))


def status_table(languages: tuple[str, ...] | None = None) -> str:
    from babel import Locale

    headings = (_("language"), _("catalog"), _("translated"), _("fuzzy"), _("missing"), _("findings"))
    rows = ["{:<16} {:<16} {:>10} {:>6} {:>8} {:>9}".format(*headings)]
    for status in catalog_status(languages):
        name = Locale.parse(status.language).get_display_name(status.language) or status.language
        findings = "" if status.part == "interface" else ("?" if status.findings is None else str(status.findings))
        rows.append(
            f"{status.language + ' ' + name:<16} {part_name(status.part):<16} {status.translated:>10} {status.fuzzy:>6} "
            f"{status.missing:>8} {findings:>9}"
        )
    return "\n".join(rows) + "\n"
