"""Benchmark of ``untoc fill`` (prints figures; not a test).

- time to the first usable screen on a fully answered Cluster IV file;
- time from a key press (ctrl+down: next question) to the next question on the screen, and the
  processor time the process spent meanwhile (the machine's other load inflates the first, not the second);
- a reference loop, to compare machines and moments.

The key press is timed from the moment the key event reaches the application (sent through the
test driver, as a terminal would) to the moment the first frame showing the next question is
composed for the terminal. Pilot's own ``press()`` + ``pause()`` round trip is printed too: it adds
Pilot's idle detection (sleeps of 20 ms until the process is idle, at least twice per key), so it
measures Pilot as much as the application.
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
from engine.ui.app import FillApp  # noqa: E402  (before Textual: engine.ui sets its frame rate)
from engine.ui.question import QuestionPane  # noqa: E402
from engine.ui.session import Session  # noqa: E402

from factories import complete_response  # noqa: E402

PRESSES = 100


async def measure(path: Path) -> tuple[float, list[float], list[float], list[float]]:
    from textual import events  # after engine.ui, which sets Textual's frame rate as `untoc fill` does

    start = time.perf_counter()
    app = FillApp(Session.open(path))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        first = time.perf_counter() - start
        pane = app.screen.query_one(QuestionPane)
        shown = asyncio.Event()
        state = {"filled": False}
        show, display = pane.show, app._display

        async def timed_show(item_id: str, force: bool = False) -> None:
            await show(item_id, force)
            state["filled"] = True

        def timed_display(screen: object, renderable: object) -> None:
            display(screen, renderable)  # type: ignore[arg-type]
            if renderable is not None and state["filled"] and not app._batch_count:
                shown.set()

        pane.show = timed_show  # type: ignore[method-assign]
        app._display = timed_display  # type: ignore[method-assign]
        keys, cpu = [], []
        for _step in range(PRESSES):
            await pilot.pause()
            shown.clear()
            state["filled"] = False
            key = events.Key("ctrl+down", None)
            key.set_sender(app)
            started, started_cpu = time.perf_counter(), time.process_time()
            app._driver.send_message(key)  # type: ignore[union-attr]
            await shown.wait()
            keys.append(time.perf_counter() - started)
            cpu.append(time.process_time() - started_cpu)
        pilot_round_trips = []
        for _step in range(20):
            started = time.perf_counter()
            await pilot.press("ctrl+down")
            await pilot.pause()
            pilot_round_trips.append(time.perf_counter() - started)
        await pilot.press("ctrl+q")
    return first, keys, cpu, pilot_round_trips


def main() -> None:
    definition = registry.load("cluster4")
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "cluster4.yaml"
        path.write_text(complete_response(definition), encoding="utf-8")
        first, keys, cpu, round_trips = asyncio.run(measure(path))
    keys.sort()
    print(f"first usable screen, full Cluster IV file ({len(definition.entries)} items): {first * 1000:.0f} ms (target ≤ 500 ms)")
    print(
        f"key press → next question on the screen: median {statistics.median(keys) * 1000:.1f} ms, "
        f"90th percentile {keys[int(len(keys) * 0.9)] * 1000:.1f} ms, max {keys[-1] * 1000:.1f} ms "
        f"over {len(keys)} presses (target: median ≤ 20 ms)"
    )
    print(
        f"  of which processor time of the process (what the machine's other load does not inflate): median {statistics.median(cpu) * 1000:.1f} ms"
    )
    reference = time.perf_counter()
    total = 0
    for number in range(10**7):
        total += number
    print(f"reference loop (10^7 additions, to compare machines and moments): {time.perf_counter() - reference:.2f} s")
    print(f"Pilot press() + pause() round trip: median {statistics.median(round_trips) * 1000:.1f} ms (includes Pilot's idle waits)")


if __name__ == "__main__":
    main()
