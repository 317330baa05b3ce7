"""Two windows on one project: two processes writing the same file at once lose nothing and never crash.

WAL lets readers and one writer proceed together; ``busy_timeout`` makes a second writer wait its turn
instead of failing. If the other writer holds the file for longer than that, the user gets one sentence.
"""

from __future__ import annotations

import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from annotator.core.errors import ProjectFileError
from annotator.core.model import ArticleRecord, Status
from annotator.store import Project

TEXT = "قال وزير الخارجية إن المفاوضات ستستأنف في القاهرة الأسبوع المقبل " * 5
EDITS = 150

WRITER = textwrap.dedent("""
    import sys
    from annotator.store import Project
    from annotator.core.model import Status
    path, annotator, edits = sys.argv[1], sys.argv[2], int(sys.argv[3])
    with Project.open(path) as project:
        document = project.article_summaries()[0].id
        print("ready", flush=True)
        sys.stdin.readline()  # start together
        for n in range(edits):
            span = project.add_span(document, annotator, n, n + 3, "actor")
            if n % 3 == 0:
                project.update_span(span.id, label="demand")
            if n % 10 == 0:
                project.set_status(document, annotator, Status.IN_PROGRESS)
        project.set_status(document, annotator, Status.DONE)
        print("saved", edits, flush=True)
""")


def make_project(path: Path) -> str:
    with Project.open(path) as project:
        summary = project.import_articles([ArticleRecord(text=TEXT, title="خبر")])
    return summary.document_ids[0]


def test_two_processes_writing_at_once_lose_no_edit(tmp_path: Path) -> None:
    path = tmp_path / "project.sqlite"
    document = make_project(path)
    writers = [
        subprocess.Popen([sys.executable, "-c", WRITER, str(path), name, str(EDITS)], stdin=subprocess.PIPE,
                         stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        for name in ("salma", "omar")
    ]
    for writer in writers:
        assert writer.stdout.readline().strip() == "ready"
    for writer in writers:
        writer.stdin.write("go\n")
        writer.stdin.flush()
    for writer in writers:
        out, err = writer.communicate(timeout=120)
        assert writer.returncode == 0, err
        assert out.strip() == f"saved {EDITS}"

    with Project.open(path) as project:
        for name in ("salma", "omar"):
            spans = project.spans(document, name)
            assert [(s.start, s.end) for s in spans] == [(n, n + 3) for n in range(EDITS)]
            assert [s.label for s in spans] == ["demand" if n % 3 == 0 else "actor" for n in range(EDITS)]
            assert project.status(document, name) is Status.DONE
        assert project.db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_second_window_sees_edits_of_the_first_without_reopening(tmp_path: Path) -> None:
    path = tmp_path / "project.sqlite"
    document = make_project(path)
    with Project.open(path) as second:
        assert second.spans(document) == []
        assert not second.changed_elsewhere()
        subprocess.run([sys.executable, "-c", WRITER, str(path), "salma", "5"], input="go\n", text=True,
                       check=True, capture_output=True, timeout=60)
        assert second.changed_elsewhere()  # what a view polls to know it must refresh
        assert not second.changed_elsewhere()
        assert len(second.spans(document, "salma")) == 5
        # and its own write goes in beside them, without counting as a change from elsewhere
        second.add_span(document, "omar", 0, 4, "mediator")
        assert not second.changed_elsewhere()
    with Project.open(path) as project:
        assert len(project.spans(document)) == 6


def test_writer_waits_for_a_short_write_in_another_process(tmp_path: Path) -> None:
    path = tmp_path / "project.sqlite"
    document = make_project(path)
    holder = subprocess.Popen(
        [sys.executable, "-c", textwrap.dedent("""
            import sqlite3, sys, time
            conn = sqlite3.connect(sys.argv[1], isolation_level=None)
            conn.execute("BEGIN IMMEDIATE")
            print("holding", flush=True)
            time.sleep(1.0)
            conn.execute("COMMIT")
        """), str(path)], stdout=subprocess.PIPE, text=True)
    assert holder.stdout.readline().strip() == "holding"
    with Project.open(path) as project:
        started = time.monotonic()
        project.add_span(document, "salma", 0, 3, "actor")  # waits (busy_timeout), then succeeds
        assert time.monotonic() - started > 0.3
        assert len(project.spans(document)) == 1
    holder.wait(timeout=30)


def test_writer_blocked_too_long_gets_a_clear_message_and_nothing_changes(tmp_path: Path) -> None:
    path = tmp_path / "project.sqlite"
    document = make_project(path)
    holder = subprocess.Popen(
        [sys.executable, "-c", textwrap.dedent("""
            import sqlite3, sys
            conn = sqlite3.connect(sys.argv[1], isolation_level=None)
            conn.execute("BEGIN IMMEDIATE")
            print("holding", flush=True)
            sys.stdin.readline()
            conn.execute("ROLLBACK")
        """), str(path)], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "holding"
        with Project.open(path) as project:
            project.db.execute("PRAGMA busy_timeout = 200")  # the real 10 s wait, shortened for the test
            with pytest.raises(ProjectFileError, match="another annotator window or program is writing"):
                project.add_span(document, "salma", 0, 3, "actor")
            assert project.spans(document) == []  # reading still works while the other one writes
    finally:
        holder.communicate("done\n", timeout=30)
    with Project.open(path) as project:
        assert project.spans(document) == []
