"""Count the machine instructions untoc spends per response file (a benchmark, not a test).

    python bench/instructions.py [--files N]

Wall-clock figures on a shared machine drift by a third from one minute to the next;
instruction counts do not. This runs ``untoc validate --jobs 1`` under valgrind's callgrind
twice — on one file, then on N files of the corpus (every tenth, so one in ten has errors
as in the whole corpus) — and prints the difference per file: the cost of reading and
checking one more file, without start-up. Needs valgrind (Debian: ``apt install valgrind``).
"""

from __future__ import annotations

import argparse
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "bench" / "corpus"


def untoc() -> list[str]:
    installed = shutil.which("untoc", path=str(Path(sys.executable).parent))
    return [installed] if installed else [sys.executable, "-m", "engine.cli.main"]


def instructions(arguments: list[str]) -> int:
    run = subprocess.run(
        ["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null", *untoc(), "validate", "--jobs", "1", *arguments],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    found = re.search(r"Collected : (\d+)", run.stderr)
    if found is None:
        sys.exit(f"valgrind gave no count:\n{run.stderr[-2000:]}")
    return int(found.group(1))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--files", type=int, default=76, help="how many corpus files to count over (default 76)")
    args = parser.parse_args()
    if shutil.which("valgrind") is None:
        sys.exit("valgrind not found (apt install valgrind)")
    if not CORPUS.is_dir() or len(list(CORPUS.glob("*.yaml"))) < 760:
        subprocess.run([sys.executable, str(ROOT / "bench" / "corpus.py")], check=True)
    files = sorted(CORPUS.glob("*.yaml"))
    sample = [f for index, f in enumerate(files) if index % 10 == (index // 10) % 10][: args.files]
    with tempfile.TemporaryDirectory() as folder:
        for path in sample:
            shutil.copy(path, folder)
        subprocess.run([*untoc(), "list"], cwd=ROOT, stdout=subprocess.DEVNULL, check=True)  # warm the definition cache
        one = instructions([str(sample[0])])
        many = instructions([folder])
    per_file = (many - one) / (len(sample) - 1)
    print(f"untoc: {' '.join(untoc())}")
    print(f"one file, whole process (start-up included): {one / 1e6:8.1f} M instructions")
    print(f"each further file ({len(sample)} files counted):      {per_file / 1e6:8.1f} M instructions")


if __name__ == "__main__":
    main()
