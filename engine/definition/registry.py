"""Find the questionnaires shipped with the package (or in a source checkout)."""

from __future__ import annotations

import functools
from pathlib import Path

from engine.definition import cache
from engine.definition.loaded import Definition

_PACKAGE = Path(__file__).resolve().parent.parent


def data_dir() -> Path:
    """The folder of questionnaire files: inside the installed wheel, else the checkout's."""
    packaged = _PACKAGE / "_data" / "questionnaires"
    if packaged.is_dir():
        return packaged
    return _PACKAGE.parent / "questionnaires"


@functools.cache
def available() -> tuple[str, ...]:
    """Identifiers of the shipped questionnaires: ``cluster1`` … ``cluster4`` (looked up once:
    validating a batch asks for every file)."""
    return tuple(sorted(p.stem for p in data_dir().glob("cluster*.yaml")))


@functools.cache
def shared_lists():  # type: ignore[no-untyped-def]
    from engine.definition.loader import load_lists

    path = data_dir() / "lists.yaml"
    return load_lists(path) if path.exists() else {}


@functools.cache
def load(questionnaire_id: str) -> Definition:
    """Load a shipped questionnaire by id (cached); ``KeyError`` if there is none.

    A questionnaire built before from the same files (and the same engine) comes from the cache
    of built questionnaires, without importing the loader: this is most of a cold start.
    """
    if questionnaire_id not in available():
        raise KeyError(questionnaire_id)
    path = data_dir() / f"{questionnaire_id}.yaml"
    lists = data_dir() / "lists.yaml"
    try:
        content = path.read_bytes() + b"\0" + (lists.read_bytes() if lists.exists() else b"")
    except OSError:
        content = None
    key = cache.built_key(content) if content is not None else None
    definition = cache.load_built(key) if key is not None else None
    if isinstance(definition, Definition):
        definition.path = path
        return definition
    from engine.definition.loader import load_questionnaire

    definition = load_questionnaire(path, shared_lists())
    if key is not None:
        cache.store_built(key, definition)
    return definition


def cluster_id(value: str) -> str:
    """Accept ``1``, ``I``, ``cluster1``; return ``cluster1``. ``ValueError`` otherwise."""
    text = value.strip().lower()
    romans = {"i": "1", "ii": "2", "iii": "3", "iv": "4"}
    text = romans.get(text, text)
    if text.isdigit():
        text = f"cluster{text}"
    if text not in available():
        raise ValueError(f"unknown cluster {value!r}; available: {', '.join(available())}")
    return text
