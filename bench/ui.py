"""Benchmark of ``untoc fill`` (prints figures; not a test).

- time to the first usable screen on a fully answered Cluster IV file;
- time from a key press (ctrl+down: next question) to the next question shown.
"""

from __future__ import annotations

import asyncio
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

from engine.definition import registry  # noqa: E402
from engine.ui.app import FillApp  # noqa: E402
from engine.ui.question import QuestionPane  # noqa: E402
from engine.ui.session import Session  # noqa: E402

from factories import complete_response  # noqa: E402


async def measure(path: Path) -> tuple[float, list[float]]:
    start = time.perf_counter()
    session = Session.open(path)
    app = FillApp(session)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        first = time.perf_counter() - start
        steps = []
        for _step in range(40):
            pane = app.screen.query_one(QuestionPane)
            before = pane.item_id
            t0 = time.perf_counter()
            await pilot.press("ctrl+down")
            while app.screen.query_one(QuestionPane).item_id == before:
                await asyncio.sleep(0)
            await pilot.pause()
            steps.append(time.perf_counter() - t0)
        await pilot.press("ctrl+q")
    return first, steps


def main() -> None:
    definition = registry.load("cluster4")
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "cluster4.yaml"
        path.write_text(complete_response(definition), encoding="utf-8")
        first, steps = asyncio.run(measure(path))
    print(f"first usable screen, full Cluster IV file ({len(definition.entries)} items): {first * 1000:.0f} ms (target < 1500 ms)")
    print(
        f"key press → next question shown: median {statistics.median(steps) * 1000:.1f} ms, "
        f"max {max(steps) * 1000:.1f} ms over {len(steps)} presses (target < 50 ms)"
    )


if __name__ == "__main__":
    main()
