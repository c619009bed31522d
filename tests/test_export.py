"""Text and HTML exports, opened and checked: structure, routing, footnotes, direction, escaping, the folder export."""

from __future__ import annotations

import lxml.html
import pytest
from export_helpers import HOSTILE, TODAY, fake_translation, hostile_response, notice

from engine.export.document import build
from engine.export.render import export_filled, markdown_escape, render_blank, render_filled


def html_tree(text: str):
    return lxml.html.document_fromstring(text)


def texts(tree, xpath: str) -> list[str]:
    return [" ".join(e.text_content().split()) for e in tree.xpath(xpath)]


@pytest.fixture(scope="module")
def blank_en(cluster1):
    return html_tree(render_blank(cluster1, "html"))


def test_html_blank_follows_the_official_layout(blank_en):
    root = blank_en
    assert root.get("lang") == "en" and root.get("dir") == "ltr"
    assert texts(root, "//p[@class='annex']") == ["Annex III"]
    assert texts(root, "//h1")[0].startswith("Self-assessment questionnaire for the United Nations Convention")
    assert "General guidance for replying to the questionnaire" in texts(root, "//h2")
    assert "I. United Nations Convention against Transnational Organized Crime" in texts(root, "//h2")
    assert "Article 5. Criminalization of participation in an organized criminal group" in texts(root, "//h3")
    question3 = root.get_element_by_id("q3")
    assert texts(question3, "./p[@class='question']/span[@class='label']") == ["3."]
    assert texts(question3, "./p[@class='scale']") == ["☐ Yes ☐ No"]
    sub = root.get_element_by_id("q3.a")
    assert texts(sub, "./p[@class='routing']") == ["Answer only if the answer to 3 is “Yes”."]
    options = texts(root, "//ul[@class='options']/li")
    assert "☐ Lack of awareness of the existing legislation" in options  # each option on its own line
    assert "Voluntary: no inference is drawn from the lack of an answer." in texts(root, "//div[@id='q27']/p[@class='voluntary']")
    assert "Only if the State is party to the Firearms Protocol." in texts(root, "//section[@id='part-firearms']/p[@class='routing']")


def test_html_footnotes_are_numbered_notes_with_links(blank_en):
    (reference,) = blank_en.xpath("//a[@class='fnref' and @href='#fn5']")
    assert reference.text_content() == "5" and reference.get("id") == "fnref5"
    note = blank_en.get_element_by_id("fn5")
    assert note.getparent().getparent().get("class") == "footnotes"  # at the end of its section
    assert "A convertible weapon is a device" in note.text_content()
    assert note.xpath("./a/@href") == ["#fnref5"]


def test_html_sets_the_sources_emphasis_in_italics_without_asterisks(blank_en):
    (guidance,) = [li for li in blank_en.xpath("//ul[@class='guidance']/li") if "mutatis" in li.text_content()]
    assert [em.text_content() for em in guidance.xpath("./em")] == ["mutatis mutandis", "mutatis mutandis"]
    assert "*" not in guidance.text_content()


def test_html_is_self_contained_and_printable_on_a4(blank_en):
    assert not blank_en.xpath("//script | //link | //img | //iframe | //object")
    style = blank_en.xpath("//style")[0].text
    assert "@page" in style and "size: A4" in style and '"Noto Sans", "Noto Naskh Arabic", "Noto Sans SC", "untoc Symbols"' in style
    assert not [h for h in blank_en.xpath("//@href") if not h.startswith("#")]


def test_arabic_is_right_to_left_and_marks_untranslated_text(cluster1, monkeypatch):
    fake_translation(monkeypatch, {"Article 2. Use of terms": "المادة 2- استخدام المصطلحات"})
    root = html_tree(render_blank(cluster1, "html", lang="ar"))
    assert root.get("lang") == "ar" and root.get("dir") == "rtl"
    assert notice("ar") in " ".join(texts(root, "//div[@class='notice']"))
    headings = {h.text_content().strip(): h for h in root.xpath("//h3")}
    assert "المادة 2- استخدام المصطلحات" in headings  # translated: no marker, no English span
    assert not headings["المادة 2- استخدام المصطلحات"].xpath(".//span[@class='en']")
    untranslated = headings["[EN] Article 5. Criminalization of participation in an organized criminal group"]
    assert untranslated.get("dir") == "ltr" and untranslated.xpath(".//span[@lang='en']")  # English is set left to right


def test_text_formats_in_another_language_carry_the_notice_and_markers(cluster1, monkeypatch):
    fake_translation(monkeypatch, {"Annex III": "Annexe III"})
    md = render_blank(cluster1, "md", lang="fr")
    assert notice("fr") in md and "*Annexe III*" in md and "### [EN] Article 5." in md
    txt = render_blank(cluster1, "txt", lang="fr")
    assert "\nAnnexe III\n" in txt and "[EN] Is participation in an organized criminal group criminalized" in txt
    assert notice("en") not in render_blank(cluster1, "md") and "[EN]" not in render_blank(cluster1, "md")


def test_every_fallback_is_counted(cluster1, monkeypatch):
    fake_translation(monkeypatch, {})
    doc = build(cluster1, "zh")
    assert doc.fallback_count == sum(1 for _ in doc.texts())
    assert build(cluster1, "en").fallback_count == 0


@pytest.mark.parametrize("fmt", ["md", "txt", "html"])
def test_a_hostile_answer_appears_as_text_in_every_text_format(cluster1, tmp_path, fmt):
    output = render_filled(cluster1, hostile_response(tmp_path), [], fmt, today=TODAY)
    assert "\x1b" not in output and "\x07" not in output
    assert "{% if true %}X{% endif %}" in output  # template syntax shown, not evaluated
    if fmt == "html":
        root = html_tree(output)
        assert not root.xpath("//script")
        shown = texts(root, "//div[@class='answer']/p")
        assert any(
            "<script>alert(1)</script> **bold** {{ 7*7 }} {% if true %}X{% endif %} &amp; \\x1b[31m red \\x07 ]]> <w:p/> # h" in s
            for s in shown
        )
    elif fmt == "md":
        assert markdown_escape(HOSTILE.replace("\x1b", "\\x1b").replace("\x07", "\\x07")) in output
        assert "\\<script\\>" in output and "{{ 7\\*7 }}" in output
    else:
        assert "<script>alert(1)</script> **bold** {{ 7*7 }}" in output


def test_markdown_escaping_covers_line_starts():
    assert markdown_escape("- item\n1. one\n+ x\n# h") == "\\- item\n1\\. one\n\\+ x\n\\# h"
    assert markdown_escape("a & b ~~s~~ ![i](u)") == "a \\& b \\~\\~s\\~\\~ \\!\\[i\\](u)"


def test_filled_cover_and_applicability(cluster1, tmp_path):
    response = hostile_response(tmp_path)
    root = html_tree(render_filled(cluster1, response, [], "html", today=TODAY))
    cover = dict(zip(texts(root, "//table[@class='cover']//th"), texts(root, "//table[@class='cover']//td"), strict=True))
    assert cover["State"] == "Examplestan" and cover["Cluster"] == "I"
    assert cover["Protocols the State is party to"] == "the Trafficking in Persons Protocol"
    assert cover["Language of the answers"] == "English" and cover["Date"] == "23 November 2026"
    assert cover["Completeness"].endswith("applicable questions answered")
    questions = texts(root, "//p[@class='question']")
    assert any(q.startswith("3 Is participation") for q in questions)
    assert not any(q.startswith("3 (a) ") for q in questions)  # 3 is “No”: 3 (a) does not apply, left out
    assert any(
        "do not apply given the answers above and are left out: 3 (a), 3 (a) (i)," in s for s in texts(root, "//p[@class='skipped']")
    )
    assert texts(root, "//div[contains(@class, 'item')][p[@class='question']/span[.='2']]//p[@class='unanswered']") == ["Not answered."]
    assert root.xpath("//p[@class='value link']/a/@href") == ["https://sherloc.unodc.org/x"]


def test_filled_document_speaks_the_answers_language_with_a_babel_date(cluster1, tmp_path):
    french = render_filled(cluster1, hostile_response(tmp_path, "fr"), [], "txt", today=TODAY)
    assert "23 novembre 2026" in french and notice("fr") in french
    root = html_tree(render_filled(cluster1, hostile_response(tmp_path, "en"), [], "html", lang="ar", today=TODAY))
    cover = dict(zip(texts(root, "//table[@class='cover']//th"), texts(root, "//table[@class='cover']//td"), strict=True))
    assert root.get("dir") == "rtl" and cover["التاريخ"] == "23 نوفمبر 2026"
    markdown = export_filled(cluster1, hostile_response(tmp_path), [], "md", today=TODAY)
    assert markdown.startswith("**Confidential — draft for clearance**\n\n# Self-assessment".encode())
    assert export_filled(cluster1, hostile_response(tmp_path), [], "md", today=TODAY, marking="").startswith(b"# Self-assessment")


def test_cli_exports_html_and_refuses_unknown_languages(cli, tmp_path):
    out = tmp_path / "c1.html"
    assert cli("export", "blank", "--cluster", "1", "--format", "html", "--lang", "ar", "-o", str(out)).code == 0
    assert html_tree(out.read_text(encoding="utf-8")).get("dir") == "rtl"
    assert cli("export", "blank", "--cluster", "1", "--lang", "xx").code == 2
    assert cli("export", "blank").code == 2  # neither --cluster nor --all
    assert cli("export", "blank", "--all").code == 2  # --all needs -o FOLDER


def test_cli_all_writes_every_cluster_and_language_with_an_index(cli, tmp_path):
    folder = tmp_path / "exports"
    run = cli("export", "blank", "--all", "--format", "md", "-o", str(folder), "--jobs", "1")
    assert run.code == 0, run.err
    names = sorted(p.name for p in folder.iterdir())
    assert len(names) == 4 * 6 + 2 and "cluster3-zh.md" in names
    index = (folder / "index.md").read_text(encoding="utf-8")
    assert all(f"({n})" in index for n in names if n.startswith("cluster"))
    links = html_tree((folder / "index.html").read_text(encoding="utf-8")).xpath("//a/@href")
    assert sorted(links) == sorted(n for n in names if n.startswith("cluster"))


def test_cli_filled_in_html_is_private(cli, tmp_path):
    hostile_response(tmp_path)
    out = tmp_path / "filled.html"
    run = cli("export", "filled", str(tmp_path / "hostile-en.yaml"), "--format", "html", "--lang", "fr", "-o", str(out))
    assert run.code == 0, run.err
    assert out.stat().st_mode & 0o077 == 0
    assert html_tree(out.read_text(encoding="utf-8")).get("lang") == "fr"
