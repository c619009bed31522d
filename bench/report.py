"""Time ``untoc report`` on the benchmark corpus and print the figures (a benchmark, not a test).

    python bench/report.py [--repeat N]

Generates bench/corpus/ first if needed (760 files, 76 with errors). For each format, the command's
wall-clock time (median of N runs) and its peak memory: the largest sum of the resident sizes of the
command and its worker processes, sampled every 10 ms from /proc (Linux), and the largest single
process as the kernel counts it (getrusage).
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
CORPUS = ROOT / "bench" / "corpus"
sys.path.insert(0, str(ROOT / "bench"))

from run import timed, untoc  # noqa: E402


def _children(pid: int) -> list[int]:
    found = []
    for task in Path(f"/proc/{pid}/task").glob("*"):
        try:
            found += [int(child) for child in (task / "children").read_text().split()]
        except OSError:
            continue
    return found


def _rss_kib(pid: int) -> int:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    except OSError:
        pass
    return 0


def measured(command: list[str]) -> tuple[float, float, float]:
    """Seconds, peak summed RSS of the process tree (MB), peak RSS of one process (MB)."""
    started = time.perf_counter()
    process = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    peak = 0
    while True:
        pid, _status, usage = os.wait4(process.pid, os.WNOHANG)
        if pid:
            break
        tree = [process.pid]
        for member in tree:
            tree += _children(member)
        peak = max(peak, sum(_rss_kib(member) for member in tree))
        time.sleep(0.01)
    elapsed = time.perf_counter() - started
    process.returncode = 0  # reaped above
    return elapsed, peak / 1024, usage.ru_maxrss / 1024


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    if not CORPUS.is_dir() or len(list(CORPUS.glob("*.yaml"))) < 760:
        subprocess.run([sys.executable, str(ROOT / "bench" / "corpus.py")], check=True)
    command = untoc()
    files = sorted(CORPUS.glob("*.yaml"))
    print(f"machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}; untoc: {' '.join(command)}")
    print(f"corpus: {len(files)} files, {sum(f.stat().st_size for f in files) / 1e6:.1f} MB")
    subprocess.run([*command, "list"], cwd=ROOT, stdout=subprocess.DEVNULL, check=True)  # warm the definition cache
    reference = timed([sys.executable, "-c", "s = 0\nfor i in range(10**7): s += i"], 3)
    print(f"reference: 10^7 additions in pure Python: {reference * 1000:7.0f} ms  (this machine's speed drifts: compare runs by it)")
    validate = timed([*command, "validate", str(CORPUS)], args.repeat)
    print(f"untoc validate, the corpus (for comparison): {validate:6.2f} s")
    with tempfile.TemporaryDirectory() as folder:
        for fmt, extra in (("html", []), ("html", ["--lang", "ar"]), ("csv", []), ("json", []), ("xlsx", []), ("html", ["--named"])):
            output = Path(folder) / f"report.{fmt}"
            runs = [measured([*command, "report", str(CORPUS), "-o", str(output), *extra]) for _ in range(args.repeat)]
            seconds = statistics.median(r[0] for r in runs)
            tree = max(r[1] for r in runs)
            single = max(r[2] for r in runs)
            label = " ".join([fmt, *extra])
            print(
                f"untoc report --format {label:<14} {seconds:6.2f} s (median of {args.repeat}), "
                f"peak memory {tree:5.0f} MB (all processes), {single:5.0f} MB (largest process), {output.stat().st_size / 1e6:5.2f} MB written"
            )


if __name__ == "__main__":
    main()
