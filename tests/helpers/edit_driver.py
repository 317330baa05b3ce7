"""Crash-safety driver: applies a random stream of edits through ``annotator.store.Project`` as the app does.

Run as a script (``python edit_driver.py PROJECT SEED``) it edits forever. Before each store call it
prints ``intent <json>``; after the call returns it prints ``saved <json>`` — "reported saved", the
moment the app would tell the user. A test kills it with SIGKILL at a random moment and calls
``verify``: every saved edit must be in the project, the one in flight (intent without saved) either
wholly there or wholly absent, and ``PRAGMA integrity_check`` must say ok.

Imported (by the tests and ``benchmarks/soak.py``), it offers ``seed_project``, ``kill_at_random`` and
``verify``. The expected state is a plain dict model, independent of the store's code.
"""

from __future__ import annotations

import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

WORDS = ["قال", "وزير", "الخارجية", "إن", "المفاوضات", "ستستأنف", "في", "القاهرة", "غزة", "𝔸", "الأسبوع"]
LABELS = ["actor", "mediator", "demand", "denial"]
ANNOTATORS = ["salma", "omar"]
SECOND_WRITER = "zaid"  # another window on the same project, adding and undoing only its own spans
STATUSES = ["new", "in progress", "done"]


# -- the driver (child process) ----------------------------------------------------------------------


def say(kind: str, payload: dict) -> None:
    sys.stdout.write(f"{kind} {json.dumps(payload, ensure_ascii=False)}\n")
    sys.stdout.flush()


def drive(path: Path, seed: int) -> None:
    """Edit the project at ``path`` until killed, reporting every edit before and after it is stored."""
    from annotator.core.model import AnnotationSet, ArticleRecord, SpanRef, Status
    from annotator.store import Project

    rng = random.Random(seed)
    project = Project.open(path)
    documents = {a.id: a.length for a in project.article_summaries()}
    n = 0
    while True:
        n += 1
        # only this window's annotators: the second writer's spans are its own (the undo guards' rule)
        spans = [s for s in project.spans(rng.choice(sorted(documents))) if s.annotator in ANNOTATORS]
        op = rng.choices(["add", "relabel", "move", "delete", "status", "import"], [5, 2, 2, 2, 2, 1])[0]
        if op in ("relabel", "move", "delete") and not spans:
            op = "add"
        if op == "add":
            doc = rng.choice(sorted(documents))
            start = rng.randrange(0, documents[doc] - 1)
            end = rng.randrange(start + 1, min(documents[doc], start + 40) + 1)
            intent = {"n": n, "op": op, "document": doc, "annotator": rng.choice(ANNOTATORS),
                      "start": start, "end": end, "label": rng.choice(LABELS)}
            say("intent", intent)
            span = project.add_span(doc, intent["annotator"], start, end, intent["label"])
            say("saved", {**intent, "id": span.id})
        elif op in ("relabel", "move"):
            span = rng.choice(spans)
            if op == "relabel":
                changes = {"label": rng.choice([lab for lab in LABELS if lab != span.label])}
            else:
                new_start = max(0, span.start + rng.randint(-3, 3))
                changes = {"start": new_start, "end": max(new_start + 1, min(documents[span.document_id],
                                                                            span.end + rng.randint(-3, 3)))}
            intent = {"n": n, "op": op, "id": span.id, **changes}
            say("intent", intent)
            try:
                project.update_span(span.id, **changes)
            except Exception as exc:  # an identical span exists: the app shows this and changes nothing
                say("refused", {"n": n, "error": type(exc).__name__})
                continue
            say("saved", intent)
        elif op == "delete":
            span = rng.choice(spans)
            intent = {"n": n, "op": op, "id": span.id}
            say("intent", intent)
            project.delete_span(span.id)
            say("saved", intent)
        elif op == "status":
            intent = {"n": n, "op": op, "document": rng.choice(sorted(documents)),
                      "annotator": rng.choice(ANNOTATORS), "status": rng.choice(STATUSES)}
            say("intent", intent)
            project.set_status(intent["document"], intent["annotator"], Status(intent["status"]))
            say("saved", intent)
        else:
            # mostly small batches; now and then a big one, so some kills land inside a long commit
            count = rng.choice([3, 3, 3, 80])
            texts = [" ".join(rng.choice(WORDS) for _ in range(30)) + f" {seed}-{n}-{i}"
                     for i in range(count)]
            intent = {"n": n, "op": op, "texts": texts}
            say("intent", intent)
            summary = project.import_articles([
                ArticleRecord(text=t, title=t[:20], annotations=(
                    AnnotationSet("omar", (SpanRef(0, 3, "actor"), SpanRef(4, 9, "demand"))),))
                for t in texts
            ])
            documents = {a.id: a.length for a in project.article_summaries()}
            new_spans = [[s.id, s.document_id, s.annotator, s.start, s.end, s.label]
                         for d in summary.document_ids for s in project.spans(d)]
            say("saved", {**intent, "spans": new_spans})


def drive_second_writer(path: Path, seed: int) -> None:
    """Another window on the same project while ``drive`` runs: add spans of SECOND_WRITER and undo some
    (a delete that names the span it expects, as an undo step does), reporting each like ``drive``."""
    from annotator.store import Project

    rng = random.Random(seed)
    project = Project.open(path)
    documents = {a.id: a.length for a in project.article_summaries()}
    mine: list = []
    n = 0
    while True:
        n += 1
        if mine and rng.random() < 0.3:
            span = mine.pop(rng.randrange(len(mine)))
            intent = {"n": n, "op": "delete", "id": span.id}
            say("intent", intent)
            project.delete_span(span.id, expected=span)
            say("saved", intent)
            continue
        doc = rng.choice(sorted(documents))
        start = rng.randrange(0, documents[doc] - 1)
        end = rng.randrange(start + 1, min(documents[doc], start + 40) + 1)
        intent = {"n": n, "op": "add", "document": doc, "annotator": SECOND_WRITER, "start": start,
                  "end": end, "label": rng.choice(LABELS)}
        say("intent", intent)
        span = project.add_span(doc, SECOND_WRITER, start, end, intent["label"])
        say("saved", {**intent, "id": span.id})
        if span.id not in {s.id for s in mine}:
            mine.append(span)


def start_second_writer(path: Path, seed: int) -> subprocess.Popen:
    """Run ``drive_second_writer`` in its own interpreter; return once it is editing (its first report
    is kept on the process as ``first_report``; the rest are read by ``stop_second_writer``)."""
    writer = subprocess.Popen([sys.executable, __file__, str(path), str(seed), "second"],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    writer.first_report = writer.stdout.readline()
    return writer


def stop_second_writer(path: Path, writer: subprocess.Popen) -> int:
    """SIGKILL the second writer and check its work: every span it reported added and did not delete
    is stored exactly, none it reported deleted is, the one in flight whole or absent. Returns the
    number of its edits reported saved."""
    os.kill(writer.pid, signal.SIGKILL)
    # through the same buffered reader as readline (communicate() would skip what it buffered)
    out, err = writer.first_report + writer.stdout.read(), writer.stderr.read()
    writer.wait(timeout=30)
    if writer.returncode != -signal.SIGKILL:
        raise AssertionError(f"second writer exited by itself ({writer.returncode}): {err.decode()}")
    kept: dict[int, tuple] = {}
    saved = 0
    in_flight: dict | None = None
    for line in _complete_lines(out).split("\n")[:-1]:
        kind, _, payload = line.partition(" ")
        edit = json.loads(payload)
        if kind == "intent":
            in_flight = edit
            continue
        saved += 1
        in_flight = None
        if edit["op"] == "add":
            kept[edit["id"]] = (edit["document"], SECOND_WRITER, edit["start"], edit["end"], edit["label"])
        else:
            kept.pop(edit["id"], None)
    conn = sqlite3.connect(path)
    try:
        stored = {row[0]: tuple(row[1:]) for row in conn.execute(
            "SELECT s.id, s.document_id, a.name, s.start, s.end, l.name FROM spans s "
            "JOIN annotators a ON a.id = s.annotator_id JOIN labels l ON l.id = s.label_id WHERE a.name = ?",
            (SECOND_WRITER,))}
    finally:
        conn.close()
    if stored != kept:
        extra = {k: v for k, v in stored.items() if k not in kept}
        assert in_flight is not None and (
            (in_flight["op"] == "add" and len(extra) == 1 and {k: v for k, v in stored.items() if k in kept}
             == kept) or (in_flight["op"] == "delete" and stored == {k: v for k, v in kept.items()
                                                                    if k != in_flight["id"]})), \
            f"the second writer's reported work is not what is stored: {kept} vs {stored}"
    return saved


# -- the checker (parent process) --------------------------------------------------------------------


@dataclass
class ProjectState:
    """What the project holds, read with plain SQL (not through the store under test); the second
    writer's rows are checked apart (``stop_second_writer``)."""

    spans: dict[int, tuple] = field(default_factory=dict)  # id → (document, annotator, start, end, label)
    statuses: dict[tuple[str, str], str] = field(default_factory=dict)
    texts: set[str] = field(default_factory=set)
    imported_spans: int = 0

    @classmethod
    def read(cls, path: Path) -> ProjectState:
        conn = sqlite3.connect(path)
        try:
            spans = {
                row[0]: tuple(row[1:]) for row in conn.execute(
                    "SELECT s.id, s.document_id, a.name, s.start, s.end, l.name FROM spans s "
                    "JOIN annotators a ON a.id = s.annotator_id JOIN labels l ON l.id = s.label_id "
                    "WHERE a.name != ?", (SECOND_WRITER,))
            }
            statuses = {(d, a): s for d, a, s in conn.execute(
                "SELECT st.document_id, a.name, st.status FROM statuses st "
                "JOIN annotators a ON a.id = st.annotator_id WHERE a.name != ?", (SECOND_WRITER,))}
            texts = {row[0] for row in conn.execute("SELECT text FROM documents")}
        finally:
            conn.close()
        return cls(spans, statuses, texts)


def integrity(path: Path) -> str:
    conn = sqlite3.connect(path)
    try:
        return ", ".join(row[0] for row in conn.execute("PRAGMA integrity_check"))
    finally:
        conn.close()


def _touched(status: str | None) -> str:
    """The status after a span edit: a `new` (or absent) article becomes `in progress`."""
    return "in progress" if status in (None, "new") else status


def apply(state: ProjectState, edit: dict, document_of: dict[int, str] | None = None) -> ProjectState:
    """The expected state after ``edit``: an independent model of what each store call means."""
    spans = dict(state.spans)
    statuses = dict(state.statuses)
    texts = set(state.texts)
    op = edit["op"]
    if op == "add" and edit["id"] in spans:
        pass  # adding an identical span returns the stored one and changes nothing
    elif op == "add":
        pair = (edit["document"], edit["annotator"])
        spans[edit["id"]] = (edit["document"], edit["annotator"], edit["start"], edit["end"], edit["label"])
        statuses[pair] = _touched(statuses.get(pair))
    elif op in ("relabel", "move", "delete"):
        document, annotator, start, end, label = spans[edit["id"]]
        if op == "delete":
            del spans[edit["id"]]
        else:
            spans[edit["id"]] = (document, annotator, edit.get("start", start), edit.get("end", end),
                                 edit.get("label", label))
        statuses[(document, annotator)] = _touched(statuses.get((document, annotator)))
    elif op == "status":
        statuses[(edit["document"], edit["annotator"])] = edit["status"]
    elif op == "import":
        texts |= set(edit["texts"])
        for span_id, document, annotator, start, end, label in edit["spans"]:
            spans[span_id] = (document, annotator, start, end, label)
            statuses[(document, annotator)] = "done"
    return ProjectState(spans, statuses, texts)


def _matches_import(expected: ProjectState, actual: ProjectState, texts: list[str]) -> bool:
    """A committed import: all its articles, each with its two spans and a `done` status for omar."""
    if actual.texts != expected.texts | set(texts):
        return False
    if any(actual.spans.get(k) != v for k, v in expected.spans.items()):
        return False
    new_spans = [v for k, v in actual.spans.items() if k not in expected.spans]
    new_documents = {v[0] for v in new_spans}
    wanted = {(d, "omar", 0, 3, "actor") for d in new_documents} | {(d, "omar", 4, 9, "demand")
                                                                     for d in new_documents}
    old_statuses = {k: v for k, v in actual.statuses.items() if k[0] not in new_documents}
    return (len(new_documents) == len(texts) and sorted(new_spans) == sorted(wanted)
            and old_statuses == expected.statuses
            and all(actual.statuses.get((d, "omar")) == "done" for d in new_documents))


def verify(path: Path, expected: ProjectState, output: str) -> tuple[ProjectState, int, bool]:
    """Check the project after a kill against the edits the driver reported.

    Returns the new expected state (the actual one, now verified), the number of saved edits, and
    whether the in-flight edit had reached the disk. Raises AssertionError on any loss or half-write.
    """
    lines = output.split("\n")[:-1]  # a last line without its newline was cut by the kill: not reported
    saved: list[dict] = []
    in_flight: dict | None = None
    for line in lines:
        kind, _, payload = line.partition(" ")
        edit = json.loads(payload)
        if kind == "intent":
            in_flight = edit
        elif kind == "saved":
            assert in_flight is not None and edit["n"] == in_flight["n"], f"saved without intent: {line}"
            saved.append(edit)
            in_flight = None
        elif kind == "refused":
            in_flight = None
    for edit in saved:
        expected = apply(expected, edit)
    check = integrity(path)
    assert check == "ok", f"integrity_check: {check}"
    actual = ProjectState.read(path)
    if actual == expected:
        return actual, len(saved), False
    assert in_flight is not None, f"a reported edit is missing or changed: expected {expected}, got {actual}"
    op = in_flight["op"]
    if op == "import":
        assert _matches_import(expected, actual, in_flight["texts"]), \
            f"half-written or wrong import {in_flight}: got {actual}"
        return actual, len(saved), True
    if op == "add":
        extra = [k for k in actual.spans if k not in expected.spans]
        assert len(extra) == 1, f"in-flight add {in_flight} left {len(extra)} new spans"
        in_flight = {**in_flight, "id": extra[0]}
    after = apply(expected, in_flight)
    assert actual == after, (
        f"state matches neither before nor after the in-flight edit {in_flight}:\n"
        f"expected {expected}\nor {after}\ngot {actual}"
    )
    return actual, len(saved), True


def seed_project(path: Path) -> ProjectState:
    """A project with three Arabic articles (one with an astral character) and no spans."""
    from annotator.core.model import ArticleRecord
    from annotator.store import Project

    with Project.open(path) as project:
        project.import_articles([
            ArticleRecord(text=" ".join(WORDS * (i + 2)) + f" ({i})", title=f"خبر {i}") for i in range(3)
        ])
    return ProjectState.read(path)


def _complete_lines(output: bytes) -> str:
    """The output up to its last newline: a line the kill cut short (maybe mid-character) was not said."""
    return output[: output.rfind(b"\n") + 1].decode("utf-8")


def kill_at_random(path: Path, seed: int, rng: random.Random, max_delay: float = 0.25,
                   fork: bool = False) -> str:
    """Start the driver, wait until it is editing, SIGKILL it after a random delay; return its stdout.

    ``fork=True`` forks this (already imported) interpreter instead of starting a fresh one: the same
    store code in its own process, without the ~0.4 s of imports, so the suite can afford many kills.
    """
    if fork:
        read_end, write_end = os.pipe()
        pid = os.fork()
        if pid == 0:  # the child: stdout is the pipe; never returns into the test runner
            try:
                os.close(read_end)
                os.dup2(write_end, 1)
                sys.stdout = open(1, "w", encoding="utf-8", closefd=False)  # noqa: SIM115
                drive(path, seed)
            finally:
                os._exit(1)
        os.close(write_end)
        stream = os.fdopen(read_end, "rb")
        first = stream.readline()
        time.sleep(rng.uniform(0, max_delay))
        os.kill(pid, signal.SIGKILL)
        rest = stream.read()
        stream.close()
        _, status = os.waitpid(pid, 0)
        if not (os.WIFSIGNALED(status) and os.WTERMSIG(status) == signal.SIGKILL):
            raise AssertionError(f"driver exited by itself (status {status})")
        return _complete_lines(first + rest)
    child = subprocess.Popen([sys.executable, __file__, str(path), str(seed)],
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    first = child.stdout.readline()  # the first intent: the project is open and edits have begun
    time.sleep(rng.uniform(0, max_delay))
    os.kill(child.pid, signal.SIGKILL)
    # Read through the same buffered reader as readline (communicate() would skip what it buffered).
    rest, err = child.stdout.read(), child.stderr.read()
    child.wait(timeout=30)
    if child.returncode != -signal.SIGKILL:
        raise AssertionError(f"driver exited by itself ({child.returncode}): {err.decode()}")
    return _complete_lines(first + rest)


if __name__ == "__main__":
    if sys.argv[3:] == ["second"]:
        drive_second_writer(Path(sys.argv[1]), int(sys.argv[2]))
    else:
        drive(Path(sys.argv[1]), int(sys.argv[2]))
