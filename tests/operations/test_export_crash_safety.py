"""An export appears whole or not at all: killed at any moment (SIGKILL at random, and a crash at each
step of putting it in place), it never leaves a metadata record beside data it does not describe, and
importing the folder it was writing to never reads half an export.
"""

from __future__ import annotations

import hashlib
import json
import os
import random
import signal
import sys
import time
from pathlib import Path

import pytest

from annotator.core.model import AnnotationSet, ArticleRecord, SpanRef
from annotator.operations.export import export_project
from annotator.operations.export_staging import PARTIAL_MARK, is_partial
from annotator.operations.import_corpus import find_article_files, import_paths
from annotator.store import Project

KILLS = 14
WORDS = ["قال", "وزير", "الخارجية", "إن", "المفاوضات", "ستستأنف", "في", "القاهرة", "𝔸", "الأسبوع"]


def grow(path: Path, round_: int, articles: int = 40) -> None:
    """Add articles with spans, so every round's export differs from the one before."""
    records = []
    for n in range(articles):
        text = " ".join(WORDS * 20) + f" {round_}-{n}"
        spans = tuple(SpanRef(i * 7, i * 7 + 4, "actor") for i in range(1 + (round_ + n) % 9))
        records.append(ArticleRecord(text=text, title=f"خبر {round_}-{n}",
                                     annotations=(AnnotationSet("salma", spans),)))
    with Project.open(path) as project:
        project.import_articles(records, add_labels=True)


def export_forever(path: Path, folder: Path) -> None:
    """The child: export jsonl and csv over the same files, and brat to new folders, until killed."""
    n = 0
    with Project.open(path) as project:
        while True:
            n += 1
            export_project(project, "jsonl", folder / "out.jsonl", agreement=False)
            export_project(project, "csv", folder / "out.csv", agreement=False)
            export_project(project, "brat", folder / f"out-{os.getpid()}-{n}.brat", agreement=False)
            sys.stdout.write(f"exported {n}\n")
            sys.stdout.flush()


def in_child(run) -> int:
    """Fork; the child runs ``run()`` and never returns into the test runner; returns its pid."""
    pid = os.fork()
    if pid == 0:
        try:
            run()
        finally:
            os._exit(1)
    return pid


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def check_consistent(folder: Path) -> None:
    """Every record describes the data beside it; no stray files; the folder imports without a partial."""
    for data in ("out.jsonl", "out.csv"):
        record = folder / f"{data}.metadata.json"
        if record.exists():
            metadata = json.loads(record.read_text(encoding="utf-8"))
            assert (folder / data).exists(), f"{record.name} without its data"
            assert metadata["data_file"] == data
            assert metadata["data_sha256"] == sha256(folder / data), f"{record.name} is stale"
    for entry in folder.iterdir():
        if entry.suffix == ".brat":
            assert (entry / "metadata.json").is_file(), f"{entry.name} appeared without its record"
            assert (entry / "annotation.conf").is_file()
        elif PARTIAL_MARK not in entry.name:
            assert entry.name in {"out.jsonl", "out.csv", "out.jsonl.metadata.json", "out.csv.metadata.json"}
    found = find_article_files([folder])
    assert not any(is_partial(p.relative_to(folder)) for p in found)
    jsonl_only = [p for p in found if p.suffix != ".csv"]  # span csv rows refer to the jsonl's articles
    if jsonl_only:
        with Project.open(folder.parent / "reimport.sqlite") as again:
            import_paths(again, jsonl_only, add_labels=True)  # a truncated file would raise here
        (folder.parent / "reimport.sqlite").unlink()


def test_sigkill_during_export_never_leaves_a_stale_record_or_a_readable_partial(tmp_path: Path) -> None:
    path = tmp_path / "project.sqlite"
    folder = tmp_path / "exports"
    folder.mkdir()
    grow(path, 0)
    rng = random.Random(20261203)
    # how long one round of three exports takes, so the kills spread over it
    started = time.perf_counter()
    with Project.open(path) as project:
        export_project(project, "jsonl", tmp_path / "timing.jsonl", agreement=False)
        export_project(project, "csv", tmp_path / "timing.csv", agreement=False)
        export_project(project, "brat", tmp_path / "timing.brat", agreement=False)
    cycle = time.perf_counter() - started
    completed = 0
    partials: set[str] = set()
    for kill in range(1, KILLS + 1):
        grow(path, kill)
        read_end, write_end = os.pipe()

        def run(read_end: int = read_end, write_end: int = write_end) -> None:
            os.close(read_end)
            os.dup2(write_end, 1)
            sys.stdout = open(1, "w", encoding="utf-8", closefd=False)  # noqa: SIM115
            export_forever(path, folder)

        pid = in_child(run)
        os.close(write_end)
        time.sleep(rng.uniform(0.2, 0.2 + 2 * cycle))
        os.kill(pid, signal.SIGKILL)
        with os.fdopen(read_end, "rb") as stream:
            completed += stream.read().count(b"exported")
        _, status = os.waitpid(pid, 0)
        assert os.WIFSIGNALED(status) and os.WTERMSIG(status) == signal.SIGKILL, "the exporter failed"
        partials |= {entry.name for entry in folder.iterdir() if PARTIAL_MARK in entry.name}
        check_consistent(folder)
    print(f"{KILLS} kills: {completed} export rounds finished, {len(partials)} kills left a partial folder")
    assert completed >= 1, "no kill let an export finish: the test proves nothing"
    assert partials, "no kill landed inside an export: the test proves nothing"


# The steps of putting an export in place, in order: remove the old record, rename the data, rename the
# record (a file export); rename the folder (brat). A crash just before each step leaves: is out.jsonl
# the new data, is a record beside it?
STEPS = [("jsonl", "unlink", 0, False, True), ("jsonl", "replace", 0, False, False),
         ("jsonl", "replace", 1, True, False), ("brat", "replace", 0, False, True)]


@pytest.mark.parametrize(("fmt", "call", "nth", "new_data", "has_record"), STEPS)
def test_a_crash_at_each_step_of_putting_the_export_in_place_leaves_a_consistent_pair(
        tmp_path: Path, fmt: str, call: str, nth: int, new_data: bool, has_record: bool) -> None:
    path = tmp_path / "project.sqlite"
    folder = tmp_path / "exports"
    folder.mkdir()
    grow(path, 0)
    with Project.open(path) as project:  # an earlier export of other data, with its record
        export_project(project, "jsonl", folder / "out.jsonl", agreement=False)
    grow(path, 1)
    before = sha256(folder / "out.jsonl")

    def crash_at_step() -> None:
        calls = {"unlink": 0, "replace": 0}
        real = {"unlink": Path.unlink, "replace": os.replace}

        def crashing(kind: str):
            def step(*args, **kwargs):
                if calls[kind] == nth and kind == call:
                    os._exit(9)  # as abrupt as a kill: no clean-up runs
                calls[kind] += 1
                return real[kind](*args, **kwargs)
            return step

        Path.unlink = crashing("unlink")
        os.replace = crashing("replace")
        with Project.open(path) as project:
            export_project(project, fmt, folder / ("out.jsonl" if fmt == "jsonl" else "out.brat"),
                           agreement=False)

    _, status = os.waitpid(in_child(crash_at_step), 0)
    assert os.WIFEXITED(status) and os.WEXITSTATUS(status) == 9, "the crash point was never reached"
    check_consistent(folder)  # a record present is the data's own
    assert (sha256(folder / "out.jsonl") != before) == new_data
    assert (folder / "out.jsonl.metadata.json").exists() == has_record
    assert not (folder / "out.brat").exists()
    assert [p.name for p in folder.iterdir() if PARTIAL_MARK in p.name]  # the crash left its partial…
    assert not any(PARTIAL_MARK in str(p) for p in find_article_files([folder]))  # …which import skips
