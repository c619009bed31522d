"""A questionnaire whose catalog is complete shows no English: the blank export of a cluster carries the
[EN] marker exactly when some of its text (or of the shared option lists) is not translated yet."""

from __future__ import annotations

import io

import pytest
from docx import Document as read_docx

from engine.definition import registry
from engine.export.chrome import EN_MARKER
from engine.export.document import build
from engine.export.render import blank_document, render_blank
from engine.i18n.status import catalog_status

LANGS = ("ar", "es", "fr", "ru", "zh")
CLUSTERS = ("cluster1", "cluster2", "cluster3", "cluster4")


def _complete() -> dict[tuple[str, str], bool]:
    status = {(s.language, s.part): s for s in catalog_status(LANGS)}
    done = {key: s.missing == 0 and s.fuzzy == 0 for key, s in status.items()}
    return {(lang, cluster): done[(lang, cluster)] and done[(lang, "lists")] for lang in LANGS for cluster in CLUSTERS}


COMPLETE = _complete()


def test_at_least_one_cluster_is_complete():
    assert COMPLETE[("fr", "cluster1")], "French Cluster I is translated in full"


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("cluster", CLUSTERS)
def test_blank_export_marks_english_exactly_when_text_is_untranslated(lang, cluster):
    definition = registry.load(cluster)
    markdown = render_blank(definition, "md", lang=lang)
    assert (EN_MARKER in markdown) is not COMPLETE[(lang, cluster)], (lang, cluster)


@pytest.mark.parametrize("lang, cluster", sorted(key for key, done in COMPLETE.items() if done))
def test_complete_cluster_docx_has_no_english_marker(lang, cluster):
    data = blank_document(build(registry.load(cluster), lang), "docx")
    text = "\n".join(p.text for p in read_docx(io.BytesIO(data)).paragraphs)
    assert EN_MARKER not in text
    assert text.strip()
