"""Time the document exports and print the figures (a benchmark, not a test).

    python bench/export.py [--jobs N]

Figures: ``untoc export blank --all`` (4 clusters × 6 languages × 5 formats) in a
fresh process, with its total size; then one Cluster I document per format in
this process (median of 3; PDF includes WeasyPrint's layout and font subsetting),
and one filled Cluster I document per format.
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def median_time(action, repeat: int = 3) -> float:  # type: ignore[no-untyped-def]
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        action()
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--jobs", type=int, help="worker processes for --all (default: one per core)")
    args = parser.parse_args()
    print(f"machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}")

    with tempfile.TemporaryDirectory() as folder:
        command = [sys.executable, "-m", "engine.cli.main", "export", "blank", "--all", "-o", folder]
        if args.jobs:
            command += ["--jobs", str(args.jobs)]
        started = time.perf_counter()
        subprocess.run(command, cwd=ROOT, check=True, stdout=subprocess.DEVNULL)
        elapsed = time.perf_counter() - started
        files = [p for p in Path(folder).iterdir() if p.name.startswith("cluster")]
        by_format: dict[str, int] = {}
        for path in files:
            by_format[path.suffix] = by_format.get(path.suffix, 0) + path.stat().st_size
        sizes = ", ".join(f"{fmt[1:]} {size / 1e6:.1f} MB" for fmt, size in sorted(by_format.items()))
        print(f"export blank --all: {len(files)} documents in {elapsed:.1f} s ({sizes})")

    from engine.definition import registry
    from engine.export.document import build
    from engine.export.filled import build_filled
    from engine.export.render import FORMATS, blank_document, filled_document
    from engine.responses.model import read

    definition = registry.load("cluster1")
    for lang in ("en", "ar", "zh"):
        doc = build(definition, lang)
        figures = []
        for fmt in FORMATS:
            seconds = median_time(lambda doc=doc, fmt=fmt: blank_document(doc, fmt))
            figures.append(f"{fmt} {seconds * 1000:.0f} ms")
        print(
            f"Cluster I blank, {lang}: build {median_time(lambda lang=lang: build(definition, lang)) * 1000:.0f} ms; " + ", ".join(figures)
        )
    response = read(ROOT / "examples" / "cluster1-examplestan.yaml")
    filled = build_filled(definition, response, [])
    print(
        "Cluster I filled (example), en: "
        + ", ".join(f"{fmt} {median_time(lambda fmt=fmt: filled_document(filled, fmt)) * 1000:.0f} ms" for fmt in FORMATS)
    )


if __name__ == "__main__":
    main()
