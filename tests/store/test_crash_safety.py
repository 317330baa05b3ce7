"""Crash safety: the store driven like the app in a subprocess, SIGKILLed at random moments.

After each kill: every edit the driver reported saved is in the project, the edit in flight is wholly
there or wholly absent, and ``PRAGMA integrity_check`` is ok. ``benchmarks/soak.py`` runs ≥ 100 kills.
"""

from __future__ import annotations

import importlib.util
import json
import random
import sqlite3
import sys
from pathlib import Path

DRIVER_PATH = Path(__file__).parents[1] / "helpers" / "edit_driver.py"
_spec = importlib.util.spec_from_file_location("edit_driver", DRIVER_PATH)
edit_driver = importlib.util.module_from_spec(_spec)
sys.modules["edit_driver"] = edit_driver  # dataclasses look their module up while the module loads
_spec.loader.exec_module(edit_driver)

KILLS = 12


def test_every_reported_edit_survives_sigkill(tmp_path: Path) -> None:
    path = tmp_path / "project.sqlite"
    expected = edit_driver.seed_project(path)
    rng = random.Random(20261123)
    saved_total = in_flight_landed = 0
    for kill in range(KILLS):
        # The first kill runs a fresh interpreter, exactly like the app; the rest fork one, for speed.
        output = edit_driver.kill_at_random(path, seed=kill, rng=rng, fork=kill > 0)
        expected, saved, landed = edit_driver.verify(path, expected, output)
        saved_total += saved
        in_flight_landed += landed
    # The kills must land among edits, not before the first one: otherwise this proves nothing.
    assert saved_total >= KILLS * 3
    assert expected.spans, "the stream of edits added spans"


def test_verify_detects_a_lost_edit(tmp_path: Path) -> None:
    """The checker itself can fail: a reported-saved span that is not in the file is caught."""
    path = tmp_path / "project.sqlite"
    expected = edit_driver.seed_project(path)
    conn = sqlite3.connect(path)
    document = conn.execute("SELECT id FROM documents ORDER BY id").fetchone()[0]
    conn.close()
    edit = {"n": 1, "op": "add", "document": document, "annotator": "salma", "start": 0, "end": 2,
            "label": "actor"}
    fake = f"intent {json.dumps(edit)}\nsaved {json.dumps({**edit, 'id': 1})}\n"
    try:
        edit_driver.verify(path, expected, fake)
    except AssertionError as exc:
        assert "reported edit is missing" in str(exc)
    else:
        raise AssertionError("verify accepted a project missing a reported edit")



def test_a_second_writer_keeps_its_work_while_the_first_is_killed_again_and_again(tmp_path: Path) -> None:
    """Another window on the project adds and undoes its own spans throughout; neither loses anything."""
    path = tmp_path / "project.sqlite"
    expected = edit_driver.seed_project(path)
    second = edit_driver.start_second_writer(path, seed=7)
    rng = random.Random(20261203)
    try:
        for kill in range(4):
            output = edit_driver.kill_at_random(path, seed=100 + kill, rng=rng, fork=True)
            expected, _saved, _landed = edit_driver.verify(path, expected, output)
    finally:
        saved_by_second = edit_driver.stop_second_writer(path, second)
    assert saved_by_second > 0, "the second writer was writing while the first was killed"
