"""Translations: complete catalogs, right placeholders, CLDR plural forms, the questionnaire pipeline."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from babel import Locale
from babel.messages.extract import extract_from_dir
from babel.messages.frontend import parse_mapping_cfg
from babel.messages.pofile import read_po

from engine.i18n import catalogs, questionnaire_text, use
from engine.i18n.display import language_name
from engine.i18n.extract import extract_questionnaire

ROOT = Path(__file__).resolve().parent.parent
LOCALES = ROOT / "locales"
TRANSLATED = ("ar", "es", "fr", "ru", "zh")
PLACEHOLDER = re.compile(r"\{[^{}]*\}")
KEYWORDS = {"_": None, "gettext": None, "ngettext": (1, 2), "pgettext": ((1, "c"), 2), "N_": None}


def catalog(lang: str, domain: str):
    with open(LOCALES / lang / "LC_MESSAGES" / f"{domain}.po", "rb") as handle:
        return read_po(handle)


def interface_messages() -> set[str]:
    """Every interface message in the code and templates, extracted now (not from a stale template)."""
    with open(ROOT / "babel-interface.cfg", encoding="utf-8") as handle:
        method_map, options_map = parse_mapping_cfg(handle)
    found = set()
    for _filename, _lineno, message, _comments, context in extract_from_dir(str(ROOT), method_map, options_map, keywords=KEYWORDS):
        found.add((context, message if isinstance(message, str) else message[0]))
    return found


@pytest.mark.parametrize("lang", TRANSLATED)
def test_interface_catalog_is_complete_and_not_fuzzy(lang):
    translated = {(m.context, m.id if isinstance(m.id, str) else m.id[0]): m for m in catalog(lang, "untoc") if m.id}
    missing = sorted(message for _context, message in interface_messages() - set(translated))
    assert not missing, f"{lang}: {len(missing)} messages missing from the catalog (run pybabel extract/update): {missing[:5]}"
    for message in translated.values():
        strings = message.string if isinstance(message.string, (list, tuple)) else [message.string]
        assert not message.fuzzy, f"{lang}: fuzzy entry {message.id!r}"
        assert all(strings), f"{lang}: untranslated {message.id!r}"


@pytest.mark.parametrize("lang", TRANSLATED)
@pytest.mark.parametrize("domain", ["untoc", "questionnaire"])
def test_placeholders_match_the_source(lang, domain):
    for message in catalog(lang, domain):
        if not message.id:
            continue
        ids = message.id if isinstance(message.id, (list, tuple)) else [message.id]
        strings = message.string if isinstance(message.string, (list, tuple)) else [message.string]
        expected = set(PLACEHOLDER.findall(ids[-1]))
        for index, string in enumerate(strings):
            if not string:
                continue
            found = set(PLACEHOLDER.findall(string))
            if len(ids) > 1 and index < len(strings) - 1:
                assert found <= expected, f"{lang}: {message.id!r} form {index}: {string!r}"
            else:
                assert found == expected, f"{lang}: {message.id!r}: {string!r} has {sorted(found)}, expected {sorted(expected)}"


# The gettext order of plural forms, by CLDR category, that the catalogs must follow.
PLURAL_ORDER = {
    "ar": {"zero": 0, "one": 1, "two": 2, "few": 3, "many": 4, "other": 5},
    "ru": {"one": 0, "few": 1, "many": 2, "other": 2},
    "fr": {"one": 0, "many": 1, "other": 1},
    "es": {"one": 0, "many": 1, "other": 1},
    "zh": {"other": 0},
}
COUNTS = [0, 1, 2, 3, 5, 10, 11, 12, 21, 22, 25, 99, 100, 101, 102, 103, 111, 1000, 1002]


@pytest.mark.parametrize("lang", TRANSLATED)
@pytest.mark.parametrize("domain", ["untoc", "questionnaire"])
def test_plural_forms_follow_cldr(lang, domain):
    """The catalog's Plural-Forms picks, for each count, the form of its CLDR category.

    Babel releases have written Arabic's "many" and "other" in the opposite order; this catches it.
    """
    compiled = catalogs.translations(lang, domain)
    plural = getattr(compiled, "plural", None)
    assert plural is not None, f"{lang}/{domain}: no compiled catalog"
    locale = Locale.parse(lang)
    forms = {PLURAL_ORDER[lang][locale.plural_form(n)] for n in COUNTS}
    assert len(forms) == {"ar": 6, "ru": 3, "fr": 2, "es": 2, "zh": 1}[lang]  # the counts hit every form
    for count in COUNTS:
        assert plural(count) == PLURAL_ORDER[lang][locale.plural_form(count)], f"{lang}: {count} ({locale.plural_form(count)})"


@pytest.mark.parametrize(
    ("lang", "count", "expected"),
    [("ru", 1, "1 "), ("ru", 3, "3 "), ("ru", 11, "11 "), ("ar", 2, ""), ("ar", 11, "11"), ("zh", 5, "5")],
)
def test_plural_messages_are_translated_for_every_count(lang, count, expected):
    with use(lang):
        text = catalogs.ngettext("{count} file checked", "{count} files checked", count).format(count=count)
    assert "file" not in text and expected in text


def test_cluster_one_is_complete_in_french():
    lists = {m.id for m in catalog("fr", "questionnaire") if m.id and any(loc.endswith("lists.yaml") for loc, _line in m.locations)}
    for message in catalog("fr", "questionnaire"):
        if message.id and any(loc.endswith("cluster1.yaml") for loc, _line in message.locations):
            assert message.string and not message.fuzzy, message.id
        elif message.id in lists:
            assert message.string, message.id
    assert questionnaire_text("Please explain.", "fr") != "Please explain."
    assert questionnaire_text("Please explain.", "en") == "Please explain."


def test_questionnaire_extractor_gives_lines_and_question_numbers():
    with open(ROOT / "questionnaires" / "cluster1.yaml", "rb") as handle:
        extracted = list(extract_questionnaire(handle, None, None, {}))
    lines = (ROOT / "questionnaires" / "cluster1.yaml").read_text(encoding="utf-8").splitlines()
    question = next(m for m in extracted if m[2].startswith("If the answer to question 3 is “Yes”, does participation"))
    assert question[3] == ["question 3 (a)"]
    assert question[2][:40] in lines[question[0] - 1]
    assert any(m[3] == ["option 'other' of question 41"] for m in extracted)
    assert any(m[3][0].startswith("footnote 5, attached to question 69 (a) (ii)") for m in extracted)
    assert any(m[2] == "General guidance for replying to the questionnaire" for m in extracted)


def test_questionnaire_template_is_current():
    """locales/questionnaire.pot lists exactly what the extractor finds in the questionnaires now."""
    with open(LOCALES / "questionnaire.pot", "rb") as handle:
        template = {m.id for m in read_po(handle) if m.id}
    found = set()
    for path in sorted((ROOT / "questionnaires").glob("*.yaml")):
        with open(path, "rb") as handle:
            found |= {message for _line, _function, message, _comments in extract_questionnaire(handle, None, None, {})}
    assert found == template


def test_language_names_in_their_own_script():
    assert [language_name(lang) for lang in ("ar", "en", "es", "fr", "ru", "zh")] == [
        "العربية",
        "English",
        "Español",
        "Français",
        "Русский",
        "中文",
    ]


def test_right_to_left_display_mode_shapes_and_reorders_only_for_display():
    from engine.ui import display

    text = "هل جرمت بلدك المشاركة؟ (art. 5)"
    assert display.shown(text) == text
    try:
        display.set_display_mode("shaped")
        shaped = display.shown(text)
        assert shaped != text and shaped.startswith("(art. 5)") and "ﻫ" in shaped and "ﻫ" not in text
        assert display.shown("Is it criminalized?") == "Is it criminalized?"
    finally:
        display.set_display_mode("native")


def test_messages_follow_the_language_setting(cli, response):
    path = response('  "1": maybe\n')
    french = cli("validate", "--lang", "fr", str(path)).out
    english = cli("validate", str(path)).out
    assert "takes one of yes, partly, no" in english
    assert french != english and "1 file checked" not in french


def test_the_terminal_ui_shapes_static_text_only_in_shaped_mode():
    from engine.ui import display, labels

    arabic = "هل جرمت بلدك المشاركة؟"
    try:
        display.set_display_mode("shaped")
        assert display.shown(arabic) != arabic and not set(display.shown(arabic)) & set("هلجرمتبدكاشة")
        assert labels.qtext("Please explain.", "en") == ("Please explain.", False)
    finally:
        display.set_display_mode("native")
    assert display.shown(arabic) == arabic


def test_numbers_in_messages_are_formatted_for_the_language():
    from engine.strict_yaml import YamlError, decode

    messages = {}
    for lang in ("en", "fr"):
        with use(lang), pytest.raises(YamlError) as error:
            decode(b"a" * (3 * 1024 * 1024))
        messages[lang] = error.value.message
    assert "3,145,728" in messages["en"]
    assert "3\u202f145\u202f728" in messages["fr"] or "3\xa0145\xa0728" in messages["fr"]
