"""A cache of validated questionnaire files, so that a cold start skips pydantic.

A file's content is validated against the pydantic-checked records once; the
validated data is then kept as JSON under the user's cache folder, keyed by
checksums of the file's bytes and the package version. Any change to the file means a
new key, hence a new validation. Set ``UNTOC_NO_CACHE=1`` to disable the cache,
``UNTOC_CACHE_DIR`` to move it. Failing to read or write the cache is never an
error: the file is then simply validated again.
"""

from __future__ import annotations

import json
import os
import tempfile
import zlib
from dataclasses import asdict
from pathlib import Path

from engine import __version__
from engine.definition.model import (
    AnswerKind,
    Footnote,
    Guidance,
    Instrument,
    Item,
    ListsFile,
    Option,
    OptionList,
    Part,
    Questionnaire,
    Section,
    SourceRef,
)

FORMAT_REVISION = "1"
"""Bumped whenever the records change shape, so old cache entries are never read."""


def directory() -> Path | None:
    if os.environ.get("UNTOC_NO_CACHE"):
        return None
    configured = os.environ.get("UNTOC_CACHE_DIR")
    if configured:
        return Path(configured)
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "untoc" / __version__ / "definitions"


def key(content: bytes, kind: str) -> str:
    """A key that changes with the content (two checksums and the length), the record kind and the version."""
    return f"{kind}-{__version__}-{FORMAT_REVISION}-{len(content)}-{zlib.crc32(content):08x}-{zlib.adler32(content):08x}"


def load(cache_key: str) -> dict | None:
    folder = directory()
    if folder is None:
        return None
    try:
        with open(folder / f"{cache_key}.json", encoding="utf-8") as handle:
            return json.load(handle)
    except (OSError, ValueError):
        return None


def store(cache_key: str, record: object) -> None:
    folder = directory()
    if folder is None:
        return
    try:
        folder.mkdir(parents=True, exist_ok=True)
        fd, temporary = tempfile.mkstemp(dir=folder, suffix=".tmp")
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            json.dump(asdict(record), handle, ensure_ascii=False)  # type: ignore[call-overload]
        os.replace(temporary, folder / f"{cache_key}.json")
    except OSError:
        pass


# Rebuilding records from data that was validated before (no checks needed).


def _option(data: dict) -> Option:
    return Option(**data)


def _footnotes(data: list) -> list[Footnote]:
    return [Footnote(**f) for f in data]


def _option_list(data: dict) -> OptionList:
    options = [o if isinstance(o, str) else _option(o) for o in data["options"]]
    return OptionList(options=options, base=data["base"], note=data["note"])


def _item(data: dict) -> Item:
    options = data["options"]
    return Item(
        number=data["number"],
        text=data["text"],
        answer=AnswerKind(data["answer"]),
        options=[_option(o) for o in options] if isinstance(options, list) else options,
        when=data["when"],
        condition_note=data["condition_note"],
        voluntary=data["voluntary"],
        after_options=data["after_options"],
        footnotes=_footnotes(data["footnotes"]),
        items=[_item(i) for i in data["items"]],
    )


def _section(data: dict) -> Section:
    return Section(
        heading=data["heading"],
        items=[_item(i) for i in data["items"]],
        kind=data["kind"],
        notes=list(data["notes"]),
        when=data["when"],
        footnotes=_footnotes(data["footnotes"]),
    )


def questionnaire(data: dict) -> Questionnaire:
    return Questionnaire(
        id=data["id"],
        cluster=data["cluster"],
        annex=data["annex"],
        title=data["title"],
        short_title=data["short_title"],
        guidance=Guidance(**data["guidance"]),
        parts=[
            Part(
                instrument=Instrument(p["instrument"]),
                title=p["title"],
                heading=p["heading"],
                sections=[_section(s) for s in p["sections"]],
                when=p["when"],
            )
            for p in data["parts"]
        ],
        source=SourceRef(**data["source"]) if data["source"] else None,
        lists={name: _option_list(spec) for name, spec in data["lists"].items()},
    )


def lists_file(data: dict) -> ListsFile:
    return ListsFile(lists={name: _option_list(spec) for name, spec in data["lists"].items()})
