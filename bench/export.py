"""Time the document exports and print the figures (a benchmark, not a test).

    python bench/export.py [--jobs N] [--against DIR] [--rounds N]

Figures: ``untoc export blank --all`` (4 clusters × 6 languages × 5 formats) in a fresh process,
with its total size; with ``--against DIR`` (a checkout of other code, e.g. ``git archive HEAD~1 |
tar -x -C DIR``), the same command run from DIR and from here in turn, ``--rounds`` times, so that
both meet the same moments of a shared machine; CPU seconds (the process and its workers) are
printed beside wall-clock ones, being less sensitive to what else the machine runs. Then one filled PDF (the Cluster I example, in
English and in Arabic) in a fresh process, as ``untoc export filled`` runs it; then, in this
process, one Cluster I document per format (median of 3; PDF includes WeasyPrint's layout, tagging
and font subsetting); last, a filled Cluster I in Chinese whose answers use 3,000 different hanzi
(the CJK font at its heaviest), with the size of each font subset embedded.
"""

from __future__ import annotations

import argparse
import os
import platform
import resource
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


def reference_loop() -> float:
    """Seconds for 10⁷ additions in pure Python: how fast the machine is right now."""
    started = time.perf_counter()
    total = 0
    for i in range(10_000_000):
        total += i
    return time.perf_counter() - started


def timed(command: list[str], cwd: Path) -> tuple[float, float]:
    """Wall-clock and CPU seconds (user and system, the process and its workers) of a command."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    subprocess.run(command, cwd=cwd, check=True, stdout=subprocess.DEVNULL)
    elapsed = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return elapsed, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def export_all(code: Path, jobs: int | None) -> tuple[float, float, dict[str, int], int]:
    """Wall and CPU seconds, bytes by format and document count of ``export blank --all`` run with the code in ``code``."""
    with tempfile.TemporaryDirectory() as folder:
        command = [sys.executable, "-m", "engine.cli.main", "export", "blank", "--all", "-o", folder]
        if jobs:
            command += ["--jobs", str(jobs)]
        elapsed, cpu = timed(command, code)
        files = [p for p in Path(folder).iterdir() if p.name.startswith("cluster")]
        by_format: dict[str, int] = {}
        for path in files:
            by_format[path.suffix[1:]] = by_format.get(path.suffix[1:], 0) + path.stat().st_size
    return elapsed, cpu, by_format, len(files)


def filled_pdf(example: str) -> tuple[float, float]:
    """Wall and CPU seconds of ``untoc export filled EXAMPLE --format pdf`` in a fresh process."""
    with tempfile.TemporaryDirectory() as folder:
        command = [sys.executable, "-m", "engine.cli.main", "export", "filled", str(ROOT / "examples" / example), "--format", "pdf"]
        return timed([*command, "-o", str(Path(folder) / "filled.pdf")], ROOT)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--jobs", type=int, help="worker processes for --all (default: one per core)")
    parser.add_argument("--against", type=Path, help="a checkout of other code to time export --all against, interleaved")
    parser.add_argument("--rounds", type=int, default=3, help="interleaved rounds with --against (default 3)")
    args = parser.parse_args()
    print(f"machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}")
    print(f"reference loop (10⁷ additions): {reference_loop():.2f} s; load average {os.getloadavg()[0]:.1f}")

    rounds = args.rounds if args.against else 1
    times: dict[str, list[tuple[float, float]]] = {"this code": [], "other code": []}
    for _ in range(rounds):
        runs = [("this code", ROOT)] + ([("other code", args.against)] if args.against else [])
        for name, code in runs:
            elapsed, cpu, sizes, count = export_all(code, args.jobs)
            times[name].append((elapsed, cpu))
            figures = ", ".join(f"{fmt} {size / 1e6:.1f} MB" for fmt, size in sorted(sizes.items()))
            print(
                f"export blank --all, {name}: {count} documents in {elapsed:.1f} s, CPU {cpu:.1f} s ({figures}); load {os.getloadavg()[0]:.1f}"
            )
    for name, values in times.items():
        if len(values) > 1:
            wall, cpu = statistics.median(v[0] for v in values), statistics.median(v[1] for v in values)
            print(f"export blank --all, {name}: median {wall:.1f} s, CPU {cpu:.1f} s, of {len(values)} runs")

    for example in ("cluster1-examplestan.yaml", "cluster1-examplestan-ar.yaml"):
        runs = [filled_pdf(example) for _ in range(3)]
        wall, cpu = statistics.median(r[0] for r in runs), statistics.median(r[1] for r in runs)
        print(f"export filled {example} --format pdf, fresh process: {wall:.2f} s, CPU {cpu:.2f} s (medians of 3)")

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
    print(f"Cluster I filled (example), build with the validator: {median_time(lambda: build_filled(definition, response)) * 1000:.0f} ms")
    filled = build_filled(definition, response)
    print(
        "Cluster I filled (example), en: "
        + ", ".join(f"{fmt} {median_time(lambda fmt=fmt: filled_document(filled, fmt)) * 1000:.0f} ms" for fmt in FORMATS)
    )
    with tempfile.TemporaryDirectory() as folder:
        chinese = build_filled(definition, read(chinese_response(definition, Path(folder))), [])
        started = time.perf_counter()
        pdf = filled_document(chinese, "pdf")
        elapsed = time.perf_counter() - started
        assert isinstance(pdf, bytes)
        print(f"Cluster I filled, zh, 3,000 different hanzi: pdf {elapsed:.1f} s, {len(pdf) / 1e3:.0f} kB; fonts: {embedded_fonts(pdf)}")


def chinese_response(definition, folder: Path) -> Path:  # type: ignore[no-untyped-def]
    """Cluster I answered "yes" throughout, each text answer 150 hanzi, 3,000 different ones in all."""
    from engine.definition.model import AnswerKind

    hanzi = [chr(0x4E00 + 6 * i) for i in range(3000)]  # spread over U+4E00–U+9FA5: glyphs far apart in the font
    lines = ["questionnaire: cluster1", "state: 示例国", "language: zh", "parties: [trafficking, smuggling, firearms]", "answers:"]
    position = 0
    for entry in definition.entries.values():
        if entry.kind is AnswerKind.text:
            lines.append(f'  "{entry.id}": "{"".join(hanzi[(position + k) % len(hanzi)] for k in range(150))}"')
            position += 150
        elif entry.kind.value.startswith("yes"):
            lines.append(f'  "{entry.id}": "yes"')
    path = folder / "chinese.yaml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def embedded_fonts(pdf: bytes) -> str:
    """Each font embedded in ``pdf``: its size in the file (a subset) and how many characters it draws."""
    import io

    from pypdf import PdfReader

    fonts: dict[str, tuple[int, int]] = {}
    for page in PdfReader(io.BytesIO(pdf)).pages:
        for font in (page["/Resources"].get("/Font") or {}).values():
            font = font.get_object()
            name = str(font["/BaseFont"]).split("+", 1)[-1]
            descriptor = font["/DescendantFonts"][0].get_object()["/FontDescriptor"].get_object()
            program = next(descriptor[key] for key in ("/FontFile2", "/FontFile3") if key in descriptor).get_object()
            characters = font["/ToUnicode"].get_object().get_data().split(b"endcodespacerange")[-1].count(b"\n<")
            fonts[name] = (len(program.get_data()), characters)
    return ", ".join(f"{name} {size / 1e3:.0f} kB ({count} glyphs)" for name, (size, count) in sorted(fonts.items()))


if __name__ == "__main__":
    main()
