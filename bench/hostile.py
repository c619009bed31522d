"""Time untoc on the hostile files of tests/hostile.py (a benchmark, not a test).

    python bench/hostile.py [--format json]

Each file (up to 2 MiB, repeating one finding tens of thousands of times) is checked in a cold
process; printed: seconds and bytes of output per file. The target (issue 14): every file judged
within 2 s, with a bounded output.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from hostile import costly_files  # noqa: E402


def untoc() -> list[str]:
    installed = shutil.which("untoc", path=str(Path(sys.executable).parent))
    return [installed] if installed else [sys.executable, "-m", "engine.cli.main"]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--format", default="json", choices=("text", "json", "github", "junit", "sarif"))
    args = parser.parse_args()
    folder = ROOT / "bench" / "out" / "hostile"
    folder.mkdir(parents=True, exist_ok=True)
    command = untoc()
    print(f"untoc: {' '.join(command)}; --format {args.format}")
    worst = 0.0
    for name, text in costly_files().items():
        path = folder / f"{name}.yaml"
        path.write_text(text, encoding="utf-8")
        started = time.perf_counter()
        run = subprocess.run([*command, "validate", "--format", args.format, str(path)], capture_output=True, check=False)
        elapsed = time.perf_counter() - started
        worst = max(worst, elapsed)
        print(
            f"{name:<16} {path.stat().st_size / 2**20:5.2f} MiB  {elapsed:6.2f} s  {len(run.stdout):>11,} bytes out  exit {run.returncode}"
        )
    print(f"slowest: {worst:.2f} s (target: < 2 s)")


if __name__ == "__main__":
    main()
