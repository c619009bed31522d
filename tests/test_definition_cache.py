"""The definition cache: records rebuilt generically, keys that follow the code, one atomic writer."""

from __future__ import annotations

import json
import stat
from dataclasses import dataclass, field

import pytest

from engine.definition import cache, registry
from engine.definition.model import AnswerKind, Item, ListsFile, Option, Questionnaire


@pytest.mark.parametrize("cluster", ["cluster1", "cluster2", "cluster3", "cluster4"])
def test_a_questionnaire_rebuilds_from_its_cache_entry_unchanged(cluster):
    questionnaire = registry.load(cluster).questionnaire
    assert cache.rebuild(Questionnaire, json.loads(cache.dump(questionnaire))) == questionnaire


def test_the_shared_lists_rebuild_unchanged():
    lists = ListsFile(lists=registry.shared_lists())
    assert any(spec.base for spec in lists.lists.values())  # lists based on others, codes and full options
    assert cache.rebuild(ListsFile, json.loads(cache.dump(lists))) == lists


@dataclass(frozen=True)
class Revised:
    """A record as a later model.py might have it: new fields with defaults, nested records, enums."""

    item: Item
    added: str = "default"
    kinds: list[AnswerKind] = field(default_factory=list)
    options: list[Option | str] = field(default_factory=list)


def test_rebuilding_carries_every_field_including_new_ones_with_a_default():
    item = Item(number="1", text="T", answer=AnswerKind.yes_no, voluntary=True, condition_note="If …")
    record = Revised(item, added="set", kinds=[AnswerKind.choice], options=["red", Option("blue", "Blue", specify=True)])
    rebuilt = cache.rebuild(Revised, json.loads(cache.dump(record)))
    assert rebuilt == record and rebuilt.added == "set" and rebuilt.item.voluntary is True
    assert isinstance(rebuilt.kinds[0], AnswerKind) and isinstance(rebuilt.options[1], Option)


def test_an_entry_of_another_shape_is_refused_so_the_file_is_validated_again():
    data = json.loads(cache.dump(Item(number="1", text="T")))
    for stale in (
        {k: v for k, v in data.items() if k != "voluntary"},  # written before a field existed
        {**data, "colour": "red"},  # a field that no longer exists
        {**data, "voluntary": "yes"},
        {**data, "answer": "maybe"},
        {**data, "items": {}},
    ):
        with pytest.raises(ValueError):
            cache.rebuild(Item, stale)


def test_keys_follow_the_content_and_the_engine_code(monkeypatch):
    questionnaire = cache.key(b"id: cluster1\n", "Questionnaire")
    assert questionnaire != cache.key(b"id: cluster2\n", "Questionnaire") != cache.key(b"id: cluster2\n", "ListsFile")
    monkeypatch.setattr(cache, "_code_fingerprint", lambda: "other-code")
    assert cache.key(b"id: cluster1\n", "Questionnaire") != questionnaire
    assert cache.built_key(b"x").endswith("-other-code")


def test_entries_are_written_through_the_atomic_writer(tmp_path, monkeypatch):
    import engine.fsutil

    monkeypatch.setenv("UNTOC_CACHE_DIR", str(tmp_path / "cache"))
    written = []
    atomic = engine.fsutil.write_atomic
    monkeypatch.setattr(engine.fsutil, "write_atomic", lambda path, data, private: written.append(path) or atomic(path, data, private))
    record = Item(number="1", text="T")
    cache.store("Item-test", record)
    cache.store_built("Definition-test", {"built": True})
    assert [p.name for p in written] == ["Item-test.json", "Definition-test.pickle"]
    for path in written:
        assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert sorted(p.name for p in (tmp_path / "cache").iterdir()) == ["Definition-test.pickle", "Item-test.json"]  # no temporaries left
    assert cache.rebuild(Item, cache.load("Item-test")) == record and cache.load_built("Definition-test") == {"built": True}


def test_responses_write_through_the_same_writer():
    import engine.fsutil
    from engine.responses import storage

    assert storage.write_atomic is engine.fsutil.write_atomic


def test_the_definition_and_conditions_layers_import_nothing_above_them():
    """The cache writes through engine.fsutil, below every layer, not through the responses layer."""
    import ast
    from pathlib import Path

    engine = Path(cache.__file__).resolve().parent.parent
    above = ("engine.responses", "engine.validation", "engine.ui", "engine.export", "engine.cli")
    for path in [*(engine / "definition").glob("*.py"), *(engine / "conditions").glob("*.py")]:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = [node.module or ""] if isinstance(node, ast.ImportFrom) else [a.name for a in getattr(node, "names", [])]
            if isinstance(node, (ast.Import, ast.ImportFrom)):
                assert not [n for n in names if n.startswith(above)], f"{path.name}:{node.lineno} imports {names}"
