"""Every cluster × language × format in one folder, with an index (index.html and index.md)."""

from __future__ import annotations

import html
import os
from collections.abc import Iterable
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from engine.export import chrome
from engine.i18n import LANGUAGES, use
from engine.i18n.display import language_name
from engine.responses.storage import write_atomic


@dataclass(frozen=True, slots=True)
class Written:
    cluster: str
    """``cluster1`` …"""
    lang: str
    fmt: str
    name: str
    size: int


def write_bytes_atomic(path: Path, data: bytes, private: bool = False) -> None:
    """Write ``data`` atomically (0600 when ``private``, else 0644 less the umask)."""
    write_atomic(path, data, private=private)


def file_name(cluster: str, lang: str, fmt: str) -> str:
    return f"{cluster}-{lang}.{fmt}"


def _export_one(task: tuple[str, str, tuple[str, ...], bool, str]) -> list[Written]:
    """One cluster in one language, in every format asked (the document is built once)."""
    from engine.definition import registry
    from engine.export.document import build
    from engine.export.pdf import warn_on_stderr
    from engine.export.render import blank_document

    cluster, lang, formats, routing, folder = task
    doc = build(registry.load(cluster), lang)
    written = []
    for fmt in formats:
        name = file_name(cluster, lang, fmt)
        result = blank_document(doc, fmt, routing, lambda message, name=name: warn_on_stderr(f"{name}: {message}"))
        data = result.encode("utf-8") if isinstance(result, str) else result
        write_bytes_atomic(Path(folder) / name, data)
        written.append(Written(cluster, lang, fmt, name, len(data)))
    return written


def export_all(
    folder: Path,
    clusters: Iterable[str],
    languages: Iterable[str] = LANGUAGES,
    formats: Iterable[str] = ("md", "txt", "html", "docx", "pdf"),
    routing: bool = True,
    jobs: int | None = None,
) -> list[Written]:
    """Write every blank questionnaire asked for into ``folder``, then its index; one worker process per core."""
    # PDFs take most of the time: each is a task of its own, handed out first, so that both workers
    # stay busy to the end; the quick formats of a cluster and language share one task.
    slow = tuple(f for f in formats if f == "pdf")
    quick = tuple(f for f in formats if f != "pdf")
    groups = [group for group in (slow, quick) if group]
    tasks = [(c, lang, group, routing, str(folder)) for group in groups for c in clusters for lang in languages]
    workers = max(1, min(jobs or os.cpu_count() or 1, len(tasks)))
    if workers == 1:
        results = [_export_one(t) for t in tasks]
    else:
        with ProcessPoolExecutor(max_workers=workers) as pool:
            results = list(pool.map(_export_one, tasks))
    written = [w for result in results for w in result]
    write_bytes_atomic(folder / "index.html", index_html(written).encode("utf-8"))
    write_bytes_atomic(folder / "index.md", index_md(written).encode("utf-8"))
    return written


def _rows(written: list[Written]) -> tuple[list[str], list[tuple[str, str, list[Written]]]]:
    order = ("md", "txt", "html", "docx", "pdf")
    formats = sorted(dict.fromkeys(w.fmt for w in written), key=lambda f: order.index(f) if f in order else len(order))
    rows: dict[tuple[str, str], list[Written]] = {}
    for w in written:
        rows.setdefault((w.cluster, w.lang), []).append(w)
    return formats, [(c, lang, files) for (c, lang), files in rows.items()]


def _size(size: int) -> str:
    return f"{size / 1024:.0f} KB" if size < 1024 * 1024 else f"{size / 1024 / 1024:.1f} MB"


def index_md(written: list[Written]) -> str:
    """The index as a Markdown table: one row per cluster and language, one link per format."""
    formats, rows = _rows(written)
    with use("en"):
        lines = [f"# {chrome.index_title()}", "", f"> {chrome.unofficial()}", ""]
    lines += ["| cluster | language | " + " | ".join(formats) + " |", "|---|---|" + "---|" * len(formats)]
    for cluster, lang, files in rows:
        by_format = {w.fmt: w for w in files}
        cells = [f"[{fmt}]({by_format[fmt].name}) ({_size(by_format[fmt].size)})" if fmt in by_format else "" for fmt in formats]
        lines.append(f"| {cluster} | {lang} — {language_name(lang)} | " + " | ".join(cells) + " |")
    return "\n".join(lines) + "\n"


def index_html(written: list[Written]) -> str:
    """The index as one self-contained HTML page."""
    formats, rows = _rows(written)
    with use("en"):
        title, notice = chrome.index_title(), chrome.unofficial()
    head = "".join(f"<th>{html.escape(f)}</th>" for f in formats)
    body = []
    for cluster, lang, files in rows:
        by_format = {w.fmt: w for w in files}
        cells = "".join(
            f'<td><a href="{html.escape(by_format[f].name)}">{html.escape(f)}</a> <small>{_size(by_format[f].size)}</small></td>'
            if f in by_format
            else "<td></td>"
            for f in formats
        )
        name = html.escape(language_name(lang))
        body.append(
            f'<tr><th scope="row">{html.escape(cluster)}</th><td lang="{html.escape(lang)}">{html.escape(lang)} — {name}</td>{cells}</tr>'
        )
    return (
        '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        f"<title>{html.escape(title)}</title>\n"
        "<style>body{font-family:'Noto Sans','DejaVu Sans',sans-serif;margin:2em}"
        "table{border-collapse:collapse}th,td{border:1px solid #999;padding:.3em .6em;text-align:start}</style>\n"
        f"</head>\n<body>\n<h1>{html.escape(title)}</h1>\n<p>{html.escape(notice)}</p>\n"
        f"<table>\n<tr><th>cluster</th><th>language</th>{head}</tr>\n" + "\n".join(body) + "\n</table>\n</body>\n</html>\n"
    )
