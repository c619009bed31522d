"""Time untoc on the benchmark corpus and print the figures (a benchmark, not a test).

    python bench/run.py            # generates bench/corpus/ first if needed

Figures: one file in a cold process (median of 7), the whole corpus in one call,
and loading the four questionnaires in a fresh process.
"""

from __future__ import annotations

import os
import platform
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "bench" / "corpus"
UNTOC = [sys.executable, "-m", "engine.cli.main"]


def timed(command: list[str], repeat: int = 1) -> float:
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        subprocess.run(command, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def main() -> None:
    if not CORPUS.is_dir() or len(list(CORPUS.glob("*.yaml"))) < 760:
        subprocess.run([sys.executable, str(ROOT / "bench" / "corpus.py")], check=True)
    files = sorted(CORPUS.glob("*.yaml"))
    print(f"machine: {platform.processor() or platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}")
    print(f"corpus: {len(files)} files, {sum(f.stat().st_size for f in files) / 1e6:.1f} MB")
    python_start = timed([sys.executable, "-c", "pass"], 7)
    load = timed([sys.executable, "-c", "from engine.definition import registry\nfor c in registry.available(): registry.load(c)"], 7)
    one = timed([*UNTOC, "validate", str(files[-1])], 7)
    corpus = timed([*UNTOC, "validate", str(CORPUS)], 3)
    print(f"python startup alone:                 {python_start * 1000:7.0f} ms")
    print(f"load the four questionnaires (cold):  {load * 1000:7.0f} ms")
    print(f"validate one file, cold process:      {one * 1000:7.0f} ms")
    print(f"validate the corpus in one call:      {corpus * 1000:7.0f} ms  ({corpus / len(files) * 1000:.1f} ms per file)")


if __name__ == "__main__":
    main()
