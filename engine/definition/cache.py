"""A cache of validated questionnaire files, so that a cold start skips pydantic.

A file's content is validated against the pydantic-checked records once; the
validated data is then kept as JSON under the user's cache folder, keyed by
checksums of the file's bytes and the package version. Any change to the file means a
new key, hence a new validation. Set ``UNTOC_NO_CACHE=1`` to disable the cache,
``UNTOC_CACHE_DIR`` to move it. Failing to read or write the cache is never an
error: the file is then simply validated again.
"""

from __future__ import annotations

import functools
import os
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

FORMAT_REVISION = "2"
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
            import json

            return json.load(handle)
    except (OSError, ValueError):
        return None


def store(cache_key: str, record: object) -> None:
    import json  # only when writing the cache

    _write(f"{cache_key}.json", json.dumps(asdict(record), ensure_ascii=False).encode())  # type: ignore[call-overload]


def _write(name: str, data: bytes) -> None:
    """Write a cache file atomically (a temporary file renamed over it); failing to write is not an error."""
    folder = directory()
    if folder is None:
        return
    try:
        import tempfile

        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        fd, temporary = tempfile.mkstemp(dir=folder, suffix=".tmp")
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.replace(temporary, folder / name)
    except OSError:
        pass


# Built questionnaires: the whole loaded Definition (entries, resolved conditions), pickled.

ENGINE_SOURCES = ("definition", "conditions", "strict_yaml")
"""Packages whose code shapes a built questionnaire: any change to them means new keys."""


def built_key(content: bytes) -> str:
    """A key for a built questionnaire: the files' content and the engine code that builds it."""
    return f"{key(content, 'Definition')}-{_code_fingerprint()}"


@functools.cache
def _code_fingerprint() -> str:
    """The size and modification time of the modules that build a questionnaire, so that a
    developer's edit never meets a questionnaire pickled by older code."""
    package = Path(__file__).resolve().parent.parent
    stamps = []
    for name in ENGINE_SOURCES:
        for module in sorted((package / name).glob("*.py")):
            status = module.stat()
            stamps.append(f"{module.name}:{status.st_size}:{status.st_mtime_ns}")
    code = "|".join(stamps).encode()
    return f"{zlib.crc32(code):08x}-{zlib.adler32(code):08x}"


def load_built(cache_key: str) -> object | None:
    """A built questionnaire from the cache; ``None`` when absent, unreadable or not trusted.

    Pickles run code when loaded, so a file is used only if it belongs to the current user and
    nobody else may write it (the folder is created for the user alone).
    """
    folder = directory()
    if folder is None:
        return None
    try:
        with open(folder / f"{cache_key}.pickle", "rb") as handle:
            status = os.fstat(handle.fileno())
            if status.st_uid != os.getuid() or status.st_mode & 0o022:
                return None
            import pickle

            return pickle.load(handle)
    except Exception:  # a missing, truncated or stale entry: build again
        return None


def store_built(cache_key: str, definition: object) -> None:
    import pickle

    try:
        data = pickle.dumps(definition, protocol=pickle.HIGHEST_PROTOCOL)
    except Exception:  # not cached: the next start builds it again
        return
    _write(f"{cache_key}.pickle", data)


# Rebuilding records from data that was validated before (no checks needed).


def _option(data: dict) -> Option:
    return Option(**data)


def _footnotes(data: list) -> list[Footnote]:
    return [Footnote(**f) for f in data]


def _option_list(data: dict) -> OptionList:
    options = [o if isinstance(o, str) else _option(o) for o in data["options"]]
    return OptionList(options=options, base=data["base"], note=data["note"], topic=data.get("topic"))


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
