"""Time untoc on the benchmark corpus and print the figures (a benchmark, not a test).

    python bench/run.py [--check-jsonschema PATH]

Generates bench/corpus/ first if needed. Figures: a reference loop (the machine's speed of the
moment), Python's own start-up, loading the four questionnaires in a fresh process, one file in a
cold process (median of 7), the whole corpus in one call; and, when check-jsonschema is available
(on PATH or given), the same with check-jsonschema and untoc's exported schemas. For figures that
do not drift with the machine, see bench/instructions.py.
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "bench" / "corpus"
OUT = ROOT / "bench" / "out"


def untoc() -> list[str]:
    installed = shutil.which("untoc", path=str(Path(sys.executable).parent))
    return [installed] if installed else [sys.executable, "-m", "engine.cli.main"]


def timed(command: list[str], repeat: int = 1) -> float:
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        subprocess.run(command, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--check-jsonschema", default=shutil.which("check-jsonschema"), help="path to check-jsonschema")
    args = parser.parse_args()
    if not CORPUS.is_dir() or len(list(CORPUS.glob("*.yaml"))) < 760:
        subprocess.run([sys.executable, str(ROOT / "bench" / "corpus.py")], check=True)
    files = sorted(CORPUS.glob("*.yaml"))
    command = untoc()
    print(f"machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}; untoc: {' '.join(command)}")
    print(f"corpus: {len(files)} files, {sum(f.stat().st_size for f in files) / 1e6:.1f} MB")
    subprocess.run([*command, "list"], cwd=ROOT, stdout=subprocess.DEVNULL, check=True)  # warm the definition cache
    reference = timed([sys.executable, "-c", "s = 0\nfor i in range(10**7): s += i"], 3)
    python_start = timed([sys.executable, "-c", "pass"], 7)
    load = timed([sys.executable, "-c", "from engine.definition import registry\nfor c in registry.available(): registry.load(c)"], 7)
    one = timed([*command, "validate", str(files[-1])], 7)
    corpus = timed([*command, "validate", str(CORPUS)], 3)
    corpus_one_core = timed([*command, "validate", "--jobs", "1", str(CORPUS)], 3)
    print(f"reference: 10^7 additions in pure Python: {reference * 1000:7.0f} ms  (this machine's speed drifts: compare runs by it)")
    print(f"python start-up alone:                    {python_start * 1000:7.0f} ms")
    print(f"load the four questionnaires (cold):     {load * 1000:7.0f} ms")
    print(f"untoc validate one file, cold process:   {one * 1000:7.0f} ms")
    print(f"untoc validate the corpus, one call:     {corpus * 1000:7.0f} ms  ({corpus / len(files) * 1000:.1f} ms per file)")
    print(f"  the same on one core (--jobs 1):       {corpus_one_core * 1000:7.0f} ms")
    if not args.check_jsonschema or not shutil.which(args.check_jsonschema):
        print("check-jsonschema: not found (pip install check-jsonschema, or pass --check-jsonschema PATH)")
        return
    OUT.mkdir(parents=True, exist_ok=True)
    schemas = {}
    for cluster in ("cluster1", "cluster2", "cluster3", "cluster4"):
        schemas[cluster] = OUT / f"{cluster}.schema.json"
        subprocess.run([*command, "schema", "--cluster", cluster[-1], "-o", str(schemas[cluster])], cwd=ROOT, check=True)
    checker = [args.check_jsonschema, "--disable-formats", "*"]
    trivial = OUT / "trivial.schema.json"
    trivial.write_text('{"type": "object"}\n')
    cjs_trivial = timed([*checker, "--schemafile", str(trivial), str(files[-1])], 7)
    cjs_one = timed([*checker, "--schemafile", str(schemas["cluster4"]), str(files[-1])], 3)
    started = time.perf_counter()
    for cluster, schema in schemas.items():
        subprocess.run(
            [*checker, "--schemafile", str(schema), *map(str, sorted(CORPUS.glob(f"{cluster}-*.yaml")))],
            cwd=ROOT,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
    cjs_corpus = time.perf_counter() - started
    print(f"check-jsonschema, one file, trivial schema: {cjs_trivial * 1000:7.0f} ms")
    print(f"check-jsonschema, one file, cluster schema: {cjs_one * 1000:7.0f} ms")
    print(f"check-jsonschema, the corpus (4 calls):     {cjs_corpus * 1000:7.0f} ms")


if __name__ == "__main__":
    main()
