"""The translation quality gate: every questionnaire catalog passes; good translations pass; each kind of mistake is caught."""

from __future__ import annotations

import io
import re
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from babel.messages.pofile import read_po, write_po
from translation_samples import SAMPLES, VARIANTS

from engine.i18n.checks import CODES, check_catalog
from engine.i18n.checks.catalog import Unit, allowed_codes, item_id, tag_of
from engine.i18n.checks.consistency import sentences
from engine.i18n.checks.quotes import ENGLISH_LABELS, form
from engine.i18n.checks.references import english_references, numbers
from engine.i18n.checks.runner import check_units, context_for, interface_labels, terminology
from engine.i18n.checks.style import STYLES
from engine.i18n.checks.terms import STATUSES, TerminologyError, compile_pattern, load_terminology
from engine.i18n.checks.text import normalize
from engine.i18n.status import catalog_status

ROOT = Path(__file__).resolve().parent.parent
LOCALES = ROOT / "locales"
TRANSLATED = ("ar", "es", "fr", "ru", "zh")
N = "\u202f"
LINE = re.compile(r"^(?P<path>\S+questionnaire\.po):(?P<line>\d+): \[(?P<tag>[^\]]+)\] (?P<code>[a-z-]+): (?P<message>.+)$")


def catalog(lang: str, domain: str):  # type: ignore[no-untyped-def]
    with open(LOCALES / lang / "LC_MESSAGES" / f"{domain}.po", "rb") as handle:
        return read_po(handle)


def problems(lang: str, english: str, translation: str) -> list[tuple[str, str]]:
    """The (code, message) problems of one translated message."""
    unit = Unit(english, translation, 1, "t", ("cluster1.yaml",))
    return [(problem.code, problem.message) for _unit, problem in check_units([unit], context_for(lang, LOCALES))]


def codes(lang: str, english: str, translation: str) -> set[str]:
    return {code for code, _message in problems(lang, english, translation)}


# --- The gate: every catalog, and plausible good translations in every language ----------------------------


@pytest.mark.parametrize("lang", TRANSLATED)
def test_every_translated_questionnaire_message_passes_the_checks(lang):
    result = check_catalog(lang, LOCALES)
    assert not result.findings, f"{len(result.findings)} findings; run `untoc i18n check --lang {lang}`:\n" + "\n".join(
        str(f) for f in result.findings[:30]
    )


def test_the_french_pilot_is_checked_in_full():
    result = check_catalog("fr", LOCALES)
    assert len(result.units) >= 311 and result.total == 987


@pytest.mark.parametrize("lang", TRANSLATED)
def test_good_translations_pass_in_every_language(lang):
    context = context_for(lang, LOCALES)
    units = [Unit(sample["en"], sample[lang], index, f"sample {index}", ()) for index, sample in enumerate(SAMPLES, start=1)]
    found = [f"{unit.tag}: {problem.code}: {problem.message}" for unit, problem in check_units(units, context)]
    assert not found, "\n".join(found)


@pytest.mark.parametrize(("lang", "translation"), VARIANTS, ids=[f"{lang}-{i}" for i, (lang, _t) in enumerate(VARIANTS)])
def test_other_good_renderings_pass_too(lang, translation):
    assert problems(lang, SAMPLES[0]["en"], translation) == []


def test_the_documentation_lists_every_code():
    documented = (ROOT / "docs" / "translating.md").read_text(encoding="utf-8")
    assert all(f"| `{code}` |" in documented for code in CODES)


# --- Each kind of mistake, in a mutated copy of the French catalog ------------------------------------------


def broken_copy(tmp_path: Path, lang: str, msgid: str, edit: Callable[[str], str], comment: str | None = None) -> tuple[Path, int]:
    """A copy of the ``lang`` catalog whose translation of ``msgid`` is edited; and that message's msgstr line."""
    messages = catalog(lang, "questionnaire")
    message = messages.get(msgid)
    assert message is not None and message.string, msgid
    edited = edit(message.string)
    assert edited != message.string, "the edit changed nothing"
    message.string = edited
    if comment:
        message.user_comments.append(comment)
    buffer = io.BytesIO()
    write_po(buffer, messages, width=76)
    target = tmp_path / lang / "LC_MESSAGES" / "questionnaire.po"
    target.parent.mkdir(parents=True)
    target.write_bytes(buffer.getvalue())
    lines = target.read_text(encoding="utf-8").splitlines()
    first = next(i for i, line in enumerate(lines) if line.startswith("msgid") and _joined(lines, i) == msgid)
    return target, next(i for i in range(first, len(lines)) if lines[i].startswith("msgstr")) + 1


def _joined(lines: list[str], start: int) -> str:
    parts = [lines[start][len("msgid ") :]]
    for line in lines[start + 1 :]:
        if not line.startswith('"'):
            break
        parts.append(line)
    return "".join(re.sub(r'^"|"$', "", part) for part in parts).replace('\\"', '"')


QUESTION_3_A = (
    "If the answer to question 3 is “Yes”, does participation in an organized criminal group consist of agreeing with one or more "
    "other persons to commit a serious crime in order to obtain, directly or indirectly, a financial or other material benefit "
    "(art. 5, para. 1 (a) (i))?"
)
QUESTION_74 = (
    "Is the act of falsifying or illicitly obliterating, removing or altering the marking(s) on firearms, when committed "
    "intentionally, criminalized under your country’s legal framework according to article 5, paragraph 1 (c), in conjunction with "
    "article 8 of the Firearms Protocol?⁶"
)
GUIDANCE_7 = next(s["en"] for s in SAMPLES if "mutatis" in s["en"])
NOTE_8_9 = next(s["en"] for s in SAMPLES if s["en"].startswith("The review of articles 8 and 9"))

MUTATIONS = [
    ("placeholder", "Please explain.", lambda s: s.replace("expliquer", "expliquer {count}")),
    ("footnote", QUESTION_74, lambda s: s.replace("⁶", "")),
    ("lines", "Please explain.", lambda s: s.replace(" ", "\n")),
    ("number", QUESTION_3_A, lambda s: s.replace("art. 5", "art. 6")),
    ("reference", QUESTION_3_A, lambda s: s.replace("a) i))", "(a) (i))")),
    ("reference", QUESTION_3_A, lambda s: s.replace("1 a) i))", "1 a))")),
    ("answer-label", QUESTION_3_A, lambda s: s.replace(f"«{N}Oui{N}»", f"«{N}Affirmatif{N}»")),
    ("quotes", QUESTION_3_A, lambda s: s.replace(f"«{N}Oui{N}»", "“Oui”")),
    ("terminology", QUESTION_3_A, lambda s: s.replace("groupe criminel organisé", "groupe structuré de criminels")),
    ("terminology", NOTE_8_9, lambda s: s.replace("États Parties", "États parties")),
    ("english", "Please explain.", lambda s: "Please explain."),
    ("english", QUESTION_3_A, lambda s: s.replace("la participation", "the participation")),
    ("typography", QUESTION_3_A, lambda s: s.replace(f"{N}?", "?")),
    ("typography", QUESTION_3_A, lambda s: s.replace(f"«{N}Oui{N}»", "«\xa0Oui\xa0»")),
    ("length", QUESTION_3_A, lambda s: s + " " + s),
    ("length", QUESTION_3_A, lambda s: s[:40]),
]


@pytest.mark.parametrize(("code", "msgid", "edit"), MUTATIONS, ids=[f"{code}-{i}" for i, (code, _m, _e) in enumerate(MUTATIONS)])
def test_a_broken_message_in_a_copy_of_the_catalog_is_caught_and_located(tmp_path, code, msgid, edit):
    path, line = broken_copy(tmp_path, "fr", msgid, edit)
    findings = check_catalog("fr", LOCALES, path).findings
    assert any(f.code == code and f.line == line for f in findings), "\n".join(map(str, findings))
    finding = next(f for f in findings if f.code == code)
    match = LINE.match(str(finding))
    assert match and match["path"].endswith("fr/LC_MESSAGES/questionnaire.po") and match["tag"] != "-", str(finding)


def test_emphasis_lost_in_the_guidance_is_caught(tmp_path):
    msgid = next(m.id for m in catalog("fr", "questionnaire") if m.id and "*mutatis" in m.id)
    path, line = broken_copy(tmp_path, "fr", msgid, lambda s: s.replace("*mutatis mutandis*", "mutatis mutandis", 1))
    findings = check_catalog("fr", LOCALES, path).findings
    assert [(f.code, f.line, f.tag) for f in findings] == [("emphasis", line, "guidance")]


def test_the_same_english_translated_differently_is_caught(tmp_path):
    msgid = "If the answer is “Yes”, please explain."
    path, line = broken_copy(tmp_path, "fr", msgid, lambda s: s.replace("veuillez expliquer", "veuillez donner des précisions"))
    findings = check_catalog("fr", LOCALES, path).findings
    assert [f.code for f in findings] == ["consistency"]  # a tie of two: the later one is reported, naming the earlier
    assert line in (findings[0].line, int(re.search(r"line (\d+)", findings[0].message)[1]))
    assert "If the answer is" in findings[0].message and "précisions" in findings[0].message


def test_a_sentence_translated_differently_inside_a_longer_message_is_caught():
    context = context_for("fr", LOCALES)
    units = [
        Unit("Please explain.", "Veuillez expliquer.", 10, "1.a", ()),
        Unit("Please explain.", "Veuillez expliquer.", 12, "2.a", ()),
        Unit("Is it so? Please explain.", f"Est-ce le cas{N}? Veuillez préciser.", 20, "3", ()),
    ]
    found = [(unit.line, problem.code) for unit, problem in check_units(units, context)]
    assert found == [(20, "consistency")]


# --- Language by language: the rules each language's checks enforce -----------------------------------------

SAMPLE_1 = SAMPLES[0]


@pytest.mark.parametrize(
    ("lang", "edit", "code"),
    [
        ("es", lambda s: s.replace("¿", ""), "typography"),
        ("es", lambda s: s.replace("“Sí”", "«Sí»"), "quotes"),
        ("es", lambda s: s.replace("párr. 1 a) i))", "párr. 1 (a) (i))"), "reference"),
        ("es", lambda s: s.replace("grupo delictivo organizado", "grupo criminal organizado"), "terminology"),
        ("ru", lambda s: s.replace("(a)", "(а)"), "reference"),  # a Cyrillic а
        ("ru", lambda s: s.replace("преступной группе", "криминальной группе"), "terminology"),
        ("ru", lambda s: s.replace("«Да»", "“Да”"), "quotes"),
        ("ru", lambda s: s.replace("(ст. 5", "(art. 5"), "english"),
        ("ar", lambda s: s.replace("،", ","), "typography"),
        ("ar", lambda s: s.replace("؟", "?"), "typography"),
        ("ar", lambda s: s.replace("(أ)", "(a)"), "reference"),
        ("ar", lambda s: s.replace("'1'", "(i)"), "reference"),
        ("ar", lambda s: s.replace("المادة 5", "المادة 6"), "number"),
        ("ar", lambda s: s.replace("جماعة إجرامية منظمة", "عصابة منظمة"), "terminology"),
        ("ar", lambda s: s.replace("«نعم»", "«أجل»"), "answer-label"),
        ("zh", lambda s: s.replace("，", ","), "typography"),
        ("zh", lambda s: s.replace("（第5条", "(第5条").replace("目）", "目)"), "typography"),
        ("zh", lambda s: s.replace("㈠目", ""), "reference"),
        ("zh", lambda s: s.replace("有组织犯罪集团", "犯罪团伙"), "terminology"),
        ("zh", lambda s: s.replace("“是”", "「是」"), "quotes"),
        ("zh", lambda s: s.replace("严重犯罪", "serious crime"), "english"),
        ("fr", lambda s: s.replace("’", "'"), "typography"),
        ("fr", lambda s: s.replace("Oui", "Oui, en partie"), "answer-label"),
    ],
)
def test_each_language_rule_is_enforced(lang, edit, code):
    broken = edit(SAMPLE_1[lang])
    assert broken != SAMPLE_1[lang]
    assert code in codes(lang, SAMPLE_1["en"], broken)


def _messages(lang: str, english: str, translation: str) -> dict[str, str]:
    found: dict[str, str] = {}
    for code, message in problems(lang, english, translation):
        found[code] = found.get(code, "") + message + "\n"
    return found


def test_a_footnote_marker_ends_a_term():
    english = "As part of the exchange of information established under article 12 of the Firearms Protocol⁷ (art. 15, para. 2)?"
    spanish = "¿Como parte del intercambio de información establecido en virtud del artículo 12 del Protocolo sobre Armas de Fuego⁷ (art. 15, párr. 2)?"
    assert "terminology" not in codes("es", english, spanish)
    assert "terminology" in codes("es", english, spanish.replace("Protocolo sobre Armas de Fuego", "Protocolo de las armas"))


@pytest.mark.parametrize(
    ("english", "good", "bad"),
    [
        ("Recruitment", "Captación", "Reclutamiento"),
        ("Harboursing", "Acogida", "Albergue"),
        (
            "The manufacturing or assembly of firearms",
            "La fabricación o el montaje de armas de fuego",
            "La fabricación o el ensamblaje de armas de fuego",
        ),
        ("Commercial carriers", "Transportistas comerciales", "Transportadores comerciales"),
        ("Is the legal framework clear?", "¿Es claro el marco jurídico?", "¿Es claro el marco legal?"),
        ("Extraditable offences", "Delitos que dan lugar a extradición", "Delitos extraditables"),
    ],
)
def test_spanish_terms_of_the_questionnaires_are_enforced(english, good, bad):
    assert "terminology" not in codes("es", english, good)
    assert "terminology" in codes("es", english, bad)


def test_messages_say_what_to_write():
    found = _messages("fr", SAMPLE_1["en"], SAMPLE_1["fr"].replace("a) i))", "(a) (i))"))
    assert "a)" in found["reference"] and "question" in found["reference"]
    found = _messages("ar", SAMPLE_1["en"], SAMPLE_1["ar"].replace("(أ)", "(ب)"))
    assert "(أ)" in found["reference"]
    found = _messages("fr", SAMPLE_1["en"], SAMPLE_1["fr"].replace("organisé", "structuré"))
    assert "groupe criminel organisé" in found["terminology"] and "organized-criminal-group" in found["terminology"]
    found = _messages("es", "If the answer is “Yes in part”, explain.", "Si la respuesta es “Sí en parte”, explique.")
    assert "“Sí, en parte”" in found["answer-label"] and "“Sí en parte”" in found["answer-label"]


def test_untranslated_and_fuzzy_messages_are_missing_not_findings(tmp_path):
    messages = catalog("es", "questionnaire")
    texts = [message for message in messages if message.id]
    for index, message in enumerate(texts):
        message.string = "texto con la pregunta 999 y “Oui”" if index % 2 else ""
        if index % 2:
            message.flags.add("fuzzy")
    buffer = io.BytesIO()
    write_po(buffer, messages, width=76)
    target = tmp_path / "es" / "LC_MESSAGES" / "questionnaire.po"
    target.parent.mkdir(parents=True)
    target.write_bytes(buffer.getvalue())
    result = check_catalog("es", LOCALES, target)
    assert result.total == len(texts) and not result.units and not result.findings


def test_a_translator_comment_in_the_catalog_waives_a_code_for_that_message(tmp_path):
    edit = lambda s: s.replace("art. 5", "art. 7")  # noqa: E731
    path, _line = broken_copy(tmp_path, "fr", QUESTION_3_A, edit, comment="untoc-allow: number — a deliberate test")
    assert "untoc-allow: number" in path.read_text(encoding="utf-8")
    assert not check_catalog("fr", LOCALES, path).findings


def test_a_translator_comment_waives_a_code_for_one_message():
    assert allowed_codes(["untoc-allow: terminology, length — the Protocol's own wording here"], CODES) == {"terminology", "length"}
    assert allowed_codes(["untoc-allow: number — not a length problem"], CODES) == {"number"}
    assert allowed_codes(["a comment that mentions length"], CODES) == frozenset()
    unit = Unit(SAMPLE_1["en"], SAMPLE_1["fr"].replace("organisé", "structuré"), 1, "3.a", (), frozenset({"terminology"}))
    assert not check_units([unit], context_for("fr", LOCALES))


# --- The pieces ---------------------------------------------------------------------------------------------


def test_item_tags_come_from_the_extractors_comments():
    assert tag_of(["question 3 (a) (i)"]) == "3.a.i"
    assert tag_of(["question 75 –1"]) == "75.1"
    assert tag_of(["option 'other' of the option list", "'convention-difficulties'"]) == "convention-difficulties/other"
    assert tag_of(["option 'other' of question 28 (a)", "question 12"]) == "28.a/other"
    assert tag_of(["footnote 5, attached to question 69 (a) (ii)"]) == "69.a.ii fn 5"
    assert tag_of(["section heading"]) == "heading" and tag_of(["paragraph of the general guidance"]) == "guidance"
    assert item_id("66 (f) (vi)") == "66.f.vi"


def test_english_references_tell_question_numbers_from_treaty_paragraphs():
    refs = english_references("If the answer to questions 1 (a), (c) and (d) is “Yes” (art. 12, para. 3 (i); art. 5, para. 1 (a) (ii))")
    assert [(r.role, r.value, r.roman) for r in refs] == [
        ("question", "a", False),
        ("question", "c", False),
        ("question", "d", False),
        ("provision", "i", False),  # paragraph 3 (i) is a letter: (ط) in Arabic
        ("provision", "a", False),
        ("provision", "ii", True),
    ]
    assert [r.roman for r in english_references("such as (i) on how … and (ii) which")] == [True, True]


def test_numbers_in_each_language():
    assert numbers("Le paragraphe 2 de l’article premier", "fr") == {1: 1, 2: 1}
    assert numbers("第十八条第3款", "zh") == {18: 1, 3: 1}
    assert numbers("第一专题组", "zh") == {}
    assert numbers("المادة ٥، الفقرة 1 (أ) '1'", "ar") == {5: 1, 1: 1}


@pytest.mark.parametrize(
    ("lang", "pattern", "text", "matches"),
    [
        ("ru", "организованн* преступн* групп*", "участие в организованной преступной группе", True),
        ("ru", "организованн* преступн* групп*", "организованными преступными группами", True),
        ("ru", "Государств*-участник*", "государствами-участниками", True),
        ("ar", "جماعة إجرامية منظمة", "المشاركة في الجماعة الإجرامية المنظمة", True),
        ("ar", "جماعة إجرامية منظمة", "وبالجماعة الاجرامية المنظمة", True),
        ("ar", "الأمم المتحدة", "للأمم المتحدة", True),
        ("ar", "أجزاء* ومكونات*", "الأسلحة النارية وأجزائها ومكوناتها", True),
        ("fr", "groupe criminel organisé", "des groupes criminels organisés", True),
        ("fr", "pièces et … éléments", "à partir de pièces et d’éléments", True),
        ("fr", "États Parties", "les États parties", False),
        ("fr", "États Parties", "États Parties", True),
        ("es", "grupo delictivo organizado", "Grupos delictivos organizados", True),
        ("zh", "电子…监视", "电子或其他形式的监视", True),
        ("zh", "有组织犯罪集团", "犯罪集团", False),
        ("en", "State party", "States Parties", False),
    ],
)
def test_terminology_patterns_tolerate_grammar_not_other_words(lang, pattern, text, matches):
    assert bool(compile_pattern(pattern, lang).search(normalize(text, lang))) is matches


def test_longest_english_term_wins():
    found = {
        term.id for term in terminology(LOCALES).in_english("the Firearms Protocol and firearms, their parts and components and ammunition")
    }
    assert found == {"firearms-protocol-short", "firearms-parts-components-ammunition"}


def test_a_footnote_marker_does_not_hide_a_term():
    english = "As part of the exchange of information established under article 12 of the Firearms Protocol⁷ (art. 15, para. 2)?"
    assert {term.id for term in terminology(LOCALES).in_english(english)} == {"firearms-protocol-short"}
    arabic = "ضمن تبادل المعلومات المنصوص عليه في المادة 12 من بروتوكول الأسلحة النارية⁷ (المادة 15، الفقرة 2)؟"
    assert "terminology" not in codes("ar", english, arabic)
    assert "terminology" in codes("ar", english, arabic.replace("الأسلحة النارية⁷", "الأسلحة⁷"))


def test_sentences_split_on_the_languages_punctuation():
    assert sentences("Is it so? Please explain (art. 5, para. 1).", "en") == ["Is it so?", "Please explain (art. 5, para. 1)."]
    assert sentences("是否如此？请作出解释。", "zh") == ["是否如此？", "请作出解释。"]


# --- The terminology file -----------------------------------------------------------------------------------

KEY_TERMS = (
    "untoc", "organized-crime-convention", "tip-protocol", "som-protocol", "firearms-protocol", "tip-protocol-short",
    "som-protocol-short", "firearms-protocol-short", "organized-criminal-group", "serious-crime", "proceeds-of-crime",
    "mutual-legal-assistance", "controlled-delivery", "special-investigative-techniques", "focal-point", "states-parties",
    "firearms-parts-components-ammunition", "trafficking-in-persons", "smuggling-of-migrants", "technical-assistance",
    "confiscation", "seizure", "extradition", "joint-investigations", "protection-of-witnesses", "money-laundering",
    "obstruction-of-justice", "corruption", "cluster", "review-mechanism", "self-assessment-questionnaire",
)  # fmt: skip


def test_the_terminology_covers_the_questionnaires_terms_in_every_language():
    terms = terminology(LOCALES)
    for term_id in KEY_TERMS:
        term = terms.by_id[term_id]
        assert set(term.forms) == set(TRANSLATED), term_id
    for term in terms.terms:
        for lang, form_ in term.forms.items():
            assert form_.status in STATUSES and form_.source.strip(), f"{term.id} {lang}: status and source"
            assert any(p.search(normalize(form_.term, lang)) for p in form_.patterns) or "(" in form_.term, f"{term.id} {lang}"
    assert len(terms.terms) >= 94


def test_the_terminology_lists_the_interfaces_answer_labels():
    from engine.strict_yaml import load_path, to_python

    listed = to_python(load_path(LOCALES / "terminology.yaml"))["answer_labels"]
    for lang in TRANSLATED:
        labels = interface_labels(lang, LOCALES)
        assert {english: listed[english][lang] for english in ENGLISH_LABELS} == labels, lang


@pytest.mark.parametrize("lang", TRANSLATED)
def test_the_interface_quotes_answers_as_the_checks_expect(lang):
    quote = next(m.string for m in catalog(lang, "untoc") if m.id == "“{text}”")
    assert quote == form("{text}", STYLES[lang])


def test_a_broken_terminology_file_is_reported_not_a_traceback(tmp_path):
    (tmp_path / "terminology.yaml").write_text("terms:\n  - id: x\n    en: y\n    fr: {term: z, status: maybe}\n", encoding="utf-8")
    with pytest.raises(TerminologyError, match="status must be one of"):
        load_terminology(tmp_path / "terminology.yaml")
    with pytest.raises(TerminologyError):
        load_terminology(tmp_path / "missing.yaml")


# --- Command line and status --------------------------------------------------------------------------------


def test_i18n_check_passes_on_every_catalog(cli):
    run = cli("i18n", "check")
    assert run.code == 0 and run.out == ""
    assert all(f"{lang}:" in run.err for lang in TRANSLATED)


def test_i18n_check_refuses_english_and_unknown_languages(cli):
    for lang in ("en", "xx"):
        run = cli("i18n", "check", "--lang", lang)
        assert run.code == 2 and "--lang" in run.err and "Traceback" not in run.err


@pytest.fixture
def broken_locales(tmp_path, monkeypatch):
    """A copy of the catalogs whose French Cluster I has one broken message; untoc reads it."""
    copy = tmp_path / "locales"
    shutil.copytree(LOCALES, copy)
    path, line = broken_copy(tmp_path / "edit", "fr", QUESTION_3_A, lambda s: s.replace("art. 5", "art. 7"))
    shutil.copy(path, copy / "fr" / "LC_MESSAGES" / "questionnaire.po")
    monkeypatch.setattr("engine.i18n.checks.runner.locales_dir", lambda: copy)
    monkeypatch.setattr("engine.i18n.status.locales_dir", lambda: copy)
    return line


def test_i18n_check_prints_located_findings_and_exits_1(cli, broken_locales):
    run = cli("i18n", "check", "--lang", "fr")
    assert run.code == 1
    lines = run.out.splitlines()
    assert lines and all(LINE.match(line) for line in lines), run.out
    located = [line.split(" number: ")[1] for line in lines if f"questionnaire.po:{broken_locales}: [3.a] number: " in line]
    assert len(located) == 2 and located[0].endswith(": 5") and located[1].endswith(": 7"), located


def test_i18n_status_counts_per_cluster_and_findings(cli, broken_locales):
    run = cli("i18n", "status", "--lang", "fr")  # --lang also sets the language of the table: French
    assert run.code == 0
    rows = {}
    for line in run.out.splitlines()[1:]:
        words = line.split()
        counts = [w for w in words[2:] if w.isdigit()]
        rows[" ".join(words[2 : len(words) - len(counts)])] = counts
    assert rows["groupe thématique I"] == ["245", "0", "0", "2"] and rows["groupe thématique II"][3] == "0"
    assert rows["questionnaires"][-1] == "2" and rows["interface"][2] == "0"


def test_status_counts_every_cluster_of_a_shared_message():
    statuses = {s.part: s for s in catalog_status(("fr",), LOCALES)}
    assert statuses["interface"].missing == 0
    assert statuses["cluster1"].missing == 0 and statuses["cluster1"].findings == 0
    assert statuses["questionnaire"].translated + statuses["questionnaire"].missing == 987
    assert (
        sum(statuses[f"cluster{n}"].translated for n in range(1, 5)) > statuses["questionnaire"].translated - statuses["lists"].translated
    )
