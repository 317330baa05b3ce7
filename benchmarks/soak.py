"""Crash-safety soak: ≥ 100 SIGKILLs at random moments of a random stream of edits; nothing reported lost.

Each round runs ``tests/helpers/edit_driver.py`` (the store driven as the app drives it) in its own
process — a fresh interpreter every other round, a fork of this one in between — kills it with SIGKILL
after a random delay, reopens the project and checks that every edit reported saved is there, the edit
in flight is whole or absent, and ``PRAGMA integrity_check`` is ok.
A second writer (another window on the same project, ``drive_second_writer``) adds and undoes its own
spans the whole time; at the end every edit it reported saved must be there, untouched by the first.
Baseline printed beside the figure: the number of edits reported saved (each one checked).
Run: ``.venv/bin/python benchmarks/soak.py [kills]`` (also ``make soak``).
"""

from __future__ import annotations

import importlib.util
import random
import sys
import tempfile
import time
from pathlib import Path

DRIVER_PATH = Path(__file__).resolve().parents[1] / "tests" / "helpers" / "edit_driver.py"
_spec = importlib.util.spec_from_file_location("edit_driver", DRIVER_PATH)
edit_driver = importlib.util.module_from_spec(_spec)
sys.modules["edit_driver"] = edit_driver
_spec.loader.exec_module(edit_driver)


def main(kills: int = 100) -> int:
    rng = random.Random(time.time_ns())
    started = time.perf_counter()
    saved_total = landed_total = 0
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "soak.sqlite"
        expected = edit_driver.seed_project(path)
        # a second window on the same project, adding and undoing its own spans all along
        second = edit_driver.start_second_writer(path, seed=rng.randrange(1 << 30))
        for kill in range(kills):
            # Odd rounds start a fresh interpreter (exactly as the app starts); even rounds fork this one,
            # which skips ~0.5 s of imports and keeps the soak under two minutes.
            output = edit_driver.kill_at_random(path, seed=kill, rng=rng, max_delay=0.3, fork=kill % 2 == 0)
            try:
                expected, saved, landed = edit_driver.verify(path, expected, output)
            except AssertionError as exc:
                Path("/tmp/soak-failure.txt").write_text(output, encoding="utf-8")
                print(f"FAILED after kill {kill + 1}: {exc!r}")
                return 1
            saved_total += saved
            landed_total += landed
        try:
            second_saved = edit_driver.stop_second_writer(path, second)
        except AssertionError as exc:
            print(f"FAILED: the second writer's work: {exc!r}")
            return 1
        spans, articles = len(expected.spans), len(expected.texts)
    elapsed = time.perf_counter() - started
    print(f"kills (SIGKILL at random moments): {kills} ({(kills + 1) // 2} in forked, {kills // 2} in fresh "
          "interpreters)")
    print(f"edits reported saved and found after reopening: {saved_total} of {saved_total} "
          f"(lost: 0, half-written: 0, integrity_check: ok every time)")
    print(f"edits in flight at the kill that had reached the disk (whole): {landed_total} of {kills}")
    print(f"second writer all along (another window: adds and guarded undos of its own spans): "
          f"{second_saved} edits reported saved, every one found, none of its spans touched by the first")
    print(f"final project: {articles} articles, {spans} spans; {elapsed:.1f} s")
    print(f"ratio lost/reported: 0/{saved_total} = 0.0 (target 0)")
    return 0


if __name__ == "__main__":
    sys.exit(main(int(sys.argv[1]) if len(sys.argv) > 1 else 100))
