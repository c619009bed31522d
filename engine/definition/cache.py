"""Caches of questionnaires, so that a cold start skips pydantic and, mostly, the loader.

Two kinds of entries under the user's cache folder, both keyed by checksums of the files' bytes,
the package version and a fingerprint of the engine code that reads and builds them (so that no
entry written by other code is ever read; no revision number to bump by hand):

- the validated records of a file (JSON): written by :func:`dump`, read back by :func:`rebuild`,
  which rebuilds any record generically from its dataclass fields and type hints;
- the whole built questionnaire (entries indexed, conditions resolved), pickled.

Any change to a file means a new key, hence a new validation. Set ``UNTOC_NO_CACHE=1`` to disable
the cache, ``UNTOC_CACHE_DIR`` to move it. Entries are written through the one atomic writer
(:func:`engine.fsutil.write_atomic`). Failing to read or write the cache is never an error: the
file is then simply validated again.
"""

from __future__ import annotations

import dataclasses
import functools
import os
import types
import typing
import zlib
from enum import Enum
from pathlib import Path

from engine import __version__


def directory() -> Path | None:
    if os.environ.get("UNTOC_NO_CACHE"):
        return None
    configured = os.environ.get("UNTOC_CACHE_DIR")
    if configured:
        return Path(configured)
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "untoc" / __version__ / "definitions"


def key(content: bytes, kind: str) -> str:
    """A key that changes with the content (two checksums and the length), the record kind, the
    version and the engine code."""
    checksums = f"{len(content)}-{zlib.crc32(content):08x}-{zlib.adler32(content):08x}"
    return f"{kind}-{__version__}-{checksums}-{_code_fingerprint()}"


def load(cache_key: str) -> object | None:
    """The decoded JSON of a records entry; ``None`` when absent or unreadable."""
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
    _write(f"{cache_key}.json", dump(record))


def _write(name: str, data: bytes) -> None:
    """Write a cache file atomically and private; failing to write is not an error."""
    folder = directory()
    if folder is None:
        return
    from engine.fsutil import write_atomic  # only when writing the cache

    try:
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        write_atomic(folder / name, data, private=True)
    except OSError:
        pass


ENGINE_SOURCES = ("definition", "conditions", "strict_yaml")
"""Packages whose code reads, shapes or builds a questionnaire: any change to them means new keys."""


@functools.cache
def _code_fingerprint() -> str:
    """The size and modification time of the modules that read and build a questionnaire, so that
    a developer's edit never meets an entry written by older code."""
    package = Path(__file__).resolve().parent.parent
    stamps = []
    for name in ENGINE_SOURCES:
        for module in sorted((package / name).glob("*.py")):
            status = module.stat()
            stamps.append(f"{module.name}:{status.st_size}:{status.st_mtime_ns}")
    code = "|".join(stamps).encode()
    return f"{zlib.crc32(code):08x}-{zlib.adler32(code):08x}"


# Built questionnaires: the whole loaded Definition (entries, resolved conditions), pickled.


def built_key(content: bytes) -> str:
    """A key for a built questionnaire: the files' content and the engine code that builds it."""
    return key(content, "Definition")


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


# Records: written as JSON, rebuilt from data that was validated before.

T = typing.TypeVar("T")


def dump(record: object) -> bytes:
    """A record (a dataclass of :mod:`engine.definition.model`) as the JSON stored in the cache."""
    import json  # only when writing the cache

    return json.dumps(dataclasses.asdict(record), ensure_ascii=False).encode()  # type: ignore[call-overload]


def rebuild(model: type[T], data: object) -> T:
    """The record of type ``model`` that :func:`dump` wrote as ``data`` (decoded JSON).

    Generic over the records' dataclass fields and type hints, so a new field is carried without
    code here. The data was validated when it was written; what is checked is only that it has the
    shape of today's records (every field, no other key, values of the hinted kinds), and anything
    else raises ``ValueError``: the caller then validates the file again.
    """
    return _convert(model, data)


def _convert(hint: typing.Any, value: object) -> typing.Any:
    origin = typing.get_origin(hint)
    if origin is typing.Union or origin is types.UnionType:
        for arm in typing.get_args(hint):
            if _fits(arm, value):
                return _convert(arm, value)
        raise ValueError(f"{value!r} is none of {hint}")
    if origin is list and isinstance(value, list):
        (item,) = typing.get_args(hint)
        return [_convert(item, v) for v in value]
    if origin is dict and isinstance(value, dict):
        item = typing.get_args(hint)[1]
        return {name: _convert(item, v) for name, v in value.items()}
    if origin is typing.Literal and value in typing.get_args(hint):
        return value
    if dataclasses.is_dataclass(hint) and isinstance(value, dict):
        hints = _field_hints(hint)
        if value.keys() != hints.keys():
            raise ValueError(f"{hint.__name__}: fields {sorted(value)} instead of {sorted(hints)}")
        return hint(**{name: _convert(field_hint, value[name]) for name, field_hint in hints.items()})
    if isinstance(hint, type) and issubclass(hint, Enum):
        return hint(value)
    if hint in (str, int, bool, type(None)) and type(value) is hint:
        return value
    raise ValueError(f"{value!r} is not a {hint}")


def _fits(hint: typing.Any, value: object) -> bool:
    """Whether JSON ``value`` has the shape of ``hint`` (to choose the arm of a union)."""
    origin = typing.get_origin(hint)
    if origin is list:
        return isinstance(value, list)
    if origin is dict or dataclasses.is_dataclass(hint):
        return isinstance(value, dict)
    if origin is typing.Literal or (isinstance(hint, type) and issubclass(hint, (str, Enum))):
        return isinstance(value, str)
    return type(value) is hint


@functools.cache
def _field_hints(model: type) -> dict[str, typing.Any]:
    """The resolved type hints of a dataclass's fields, in order."""
    hints = typing.get_type_hints(model)
    return {field.name: hints[field.name] for field in dataclasses.fields(model) if field.init}
