"""Killed while writing its team file, a desktop leaves the previous good file in the folder: the others
never read half a file, and the temporary file it leaves is cleared by the next write.
"""

from __future__ import annotations

import os
import random
import signal
import sys
import time
from pathlib import Path

from annotator.core.formats.pack import Pack
from annotator.core.formats.team_file import Role, TeamFile, read_team_file
from annotator.core.model import AnnotationSet, ArticleRecord, Label, SpanRef
from annotator.operations.team_files import write_team_file

KILLS = 30
WORDS = ["قال", "وزير", "الخارجية", "إن", "المفاوضات", "𝐀", "في", "القاهرة"]


def team_file(sequence: int) -> TeamFile:
    """salma's file at ``sequence``: 300 articles, a span count that changes with every write."""
    records = []
    for n in range(300):
        text = " ".join(WORDS * 60) + f" {n}"
        spans = tuple(SpanRef(i * 9, i * 9 + 4, "actor") for i in range(1 + (sequence + n) % 7))
        records.append(ArticleRecord(text=text, id=f"a{n:03}", title=f"خبر {n}",
                                     annotations=(AnnotationSet("salma", spans),)))
    pack = Pack(records=records, labels=[Label("actor", "#4e79a7", "1")])
    return TeamFile("salma", Role.ANNOTATOR, sequence, pack)


def slow_disk() -> None:
    """In the child: flushing to disk takes 50 ms, as on a USB stick or a network share, so kills land
    inside the write (between the temporary file's creation and its rename) and not only around it."""
    real_fsync = os.fsync

    def fsync(fd: int) -> None:
        time.sleep(0.05)
        real_fsync(fd)

    os.fsync = fsync


def write_forever(folder: Path, start: int) -> None:
    sequence = start
    while True:
        sequence += 1
        write_team_file(team_file(sequence), folder)
        sys.stdout.write(f"wrote {sequence}\n")
        sys.stdout.flush()


def test_sigkill_while_writing_leaves_the_previous_good_file(tmp_path: Path) -> None:
    folder = tmp_path / "team"
    folder.mkdir()
    target = folder / "salma.annotator-team"
    started = time.perf_counter()
    write_team_file(team_file(1), folder)
    cycle = time.perf_counter() - started
    rng = random.Random(20261203)
    last, finished, partial_seen = 1, 0, 0
    for _ in range(KILLS):
        read_end, write_end = os.pipe()
        pid = os.fork()
        if pid == 0:
            try:
                os.close(read_end)
                os.dup2(write_end, 1)
                sys.stdout = open(1, "w", encoding="utf-8", closefd=False)  # noqa: SIM115
                slow_disk()
                write_forever(folder, last)
            finally:
                os._exit(1)
        os.close(write_end)
        time.sleep(rng.uniform(0.05, 0.05 + 2 * (cycle + 0.1)))  # a write takes cycle + two slow flushes
        os.kill(pid, signal.SIGKILL)
        with os.fdopen(read_end, "rb") as stream:
            reported = [int(line.split()[1]) for line in stream.read().decode().splitlines() if line]
        _, status = os.waitpid(pid, 0)
        assert os.WIFSIGNALED(status) and os.WTERMSIG(status) == signal.SIGKILL, "the writer failed"
        finished += len(reported)
        partial_seen += any(p.name.endswith(".partial") for p in folder.iterdir())
        good = read_team_file(target)  # whole and checked: never half a file under the real name
        assert good.sequence >= (reported[-1] if reported else last)
        assert [p.name for p in folder.iterdir() if not p.name.endswith(".partial")] == [target.name]
        last = good.sequence
    write_team_file(team_file(last + 1), folder)
    assert [p.name for p in folder.iterdir()] == [target.name]  # the next write clears what kills left
    print(f"{KILLS} kills: {finished} writes finished, {partial_seen} kills landed inside a write")
    assert finished >= 1, "no kill let a write finish: the test proves nothing"
    assert partial_seen, "no kill landed inside a write: the test proves nothing"
