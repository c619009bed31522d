"""Generate the benchmark corpus: 190 States × 4 clusters of realistic, fully answered files.

    python bench/corpus.py [DIR]       # default bench/corpus/

About one file in ten carries errors (an unknown option, a misspelt question id).
"""

from __future__ import annotations

import random
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(ROOT))

from engine.definition import registry  # noqa: E402

from factories import PROTOCOLS, complete_response  # noqa: E402

STATES = 190


def generate(directory: Path) -> list[Path]:
    directory.mkdir(parents=True, exist_ok=True)
    paths = []
    for cluster in registry.available():
        definition = registry.load(cluster)
        for number in range(STATES):
            rng = random.Random(number)
            parties = [p for p in PROTOCOLS if rng.random() < 0.85]
            text = complete_response(definition, f"State {number:03d}", parties, rng.random() < 0.9, seed=number, yes_bias=0.6)
            if number % 10 == 3:
                text = text.replace("answer: yes\n", "answer: perhaps\n", 1) + '  "999.z": yes\n'
            path = directory / f"{cluster}-state{number:03d}.yaml"
            path.write_text(text, encoding="utf-8")
            paths.append(path)
    return paths


if __name__ == "__main__":
    target = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "bench" / "corpus"
    files = generate(target)
    size = sum(p.stat().st_size for p in files)
    print(f"wrote {len(files)} files, {size / 1e6:.1f} MB, in {target}")
