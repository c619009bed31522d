"""Time the document exports and print the figures (a benchmark, not a test).

    python bench/export.py [--jobs N]

Figures: ``untoc export blank --all`` (4 clusters × 6 languages × 5 formats) in a
fresh process, with its total size, and the fonts embedded in three of its PDFs
(subsets: their size against the installed files'); then one Cluster I document per
format in this process (median of 3; PDF includes WeasyPrint's layout and font
subsetting), one filled Cluster I document per format, and a filled Cluster I in
Chinese whose answers use 3,000 different hanzi (the CJK font at its heaviest).
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


def export_all(jobs: int | None = None) -> None:
    """``untoc export blank --all`` in a fresh process: time, sizes, and the fonts of three PDFs."""
    with tempfile.TemporaryDirectory() as folder:
        command = [sys.executable, "-m", "engine.cli.main", "export", "blank", "--all", "-o", folder]
        if jobs:
            command += ["--jobs", str(jobs)]
        started = time.perf_counter()
        subprocess.run(command, cwd=ROOT, check=True, stdout=subprocess.DEVNULL)
        elapsed = time.perf_counter() - started
        files = [p for p in Path(folder).iterdir() if p.name.startswith("cluster")]
        by_format: dict[str, int] = {}
        for path in files:
            by_format[path.suffix] = by_format.get(path.suffix, 0) + path.stat().st_size
        sizes = ", ".join(f"{fmt[1:]} {size / 1e6:.1f} MB" for fmt, size in sorted(by_format.items()))
        print(f"export blank --all: {len(files)} documents in {elapsed:.1f} s ({sizes})")
        for lang in ("en", "ar", "zh"):
            pdf = Path(folder) / f"cluster1-{lang}.pdf"
            print(f"  cluster1-{lang}.pdf: {pdf.stat().st_size / 1e3:.0f} kB; fonts: {embedded_fonts(pdf.read_bytes())}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--jobs", type=int, help="worker processes for --all (default: one per core)")
    parser.add_argument(
        "--without-harfbuzz-subset", action="store_true", help="subset fonts with fontTools, as without libharfbuzz-subset (skips --all)"
    )
    args = parser.parse_args()
    print(f"machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}")
    import weasyprint.pdf.fonts

    if args.without_harfbuzz_subset:
        weasyprint.pdf.fonts.harfbuzz_subset = None
    print(f"WeasyPrint subsets fonts with {'HarfBuzz' if weasyprint.pdf.fonts.harfbuzz_subset else 'fontTools'}")
    if not args.without_harfbuzz_subset:
        export_all(args.jobs)

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
