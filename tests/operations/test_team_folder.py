"""A team through a shared folder: two and three projects, one folder or a folder per desktop kept in step
by a simulated sync engine (delays, a copy caught half-way, each engine's conflict copies). At the end
every project holds what one `merge` of the same files gives.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from annotator.core.assignment import round_robin
from annotator.core.formats.team_file import read_team_file
from annotator.core.model import SpanRef, Status
from annotator.operations.import_corpus import import_paths
from annotator.operations.team import merge_files
from annotator.operations.team_files import TeamFolderError
from annotator.operations.team_folder import FileState, join, leave, membership, publish, sync
from annotator.store import Project
from annotator.store.assignments import set_assignment
from annotator.store.gold import Gold
from annotator.store.team_work import annotator_progress, article_progress

ANNOTATORS = ["salma", "omar"]


def work_of(project: Project) -> set[tuple]:
    """Every span as (article text hash, annotator, start, end, label): what the team has coded."""
    return {(r.sha256, a.annotator, s.start, s.end, s.label)
            for r in project.export_records() for a in r.annotations for s in a.spans}


def statuses_of(project: Project) -> set[tuple]:
    return {(r.sha256, a.annotator, a.status) for r in project.export_records() for a in r.annotations}


def articles_of(project: Project) -> set[str]:
    return {d.sha256 for d in project.documents()}


def gold_of(project: Project) -> set[tuple]:
    sha = {d.id: d.sha256 for d in project.documents()}
    return {(sha[g.document_id], g.ref) for g in Gold(project).spans()}


@pytest.fixture
def reviewer_db(tmp_path: Path, seeds_dir: Path) -> Path:
    """The reviewer's project: the five seed articles, guidelines, an assignment, one gold span."""
    path = tmp_path / "rana.sqlite"
    with Project.open(path) as project:
        import_paths(project, [seeds_dir])
        project.set_setting("guidelines", "ضع علامة على كل فاعل 𝐀.")
        ids = [a.id for a in project.article_summaries()]
        set_assignment(project, round_robin(ids, ANNOTATORS, 2))
        Gold(project).accept(ids[0], SpanRef(0, 5, "actor"), "rana")
    return path


def annotate(path: Path, annotator: str, count: int, label: str = "actor", offset: int = 0) -> None:
    """``annotator`` codes their first ``count`` assigned articles: one span each, and marks them done."""
    with Project.open(path) as project:
        for n, article_id in enumerate(project.assigned_article_ids(annotator)[:count]):
            start = 10 + 3 * n + offset
            project.add_span(article_id, annotator, start, start + 2, label)
            project.set_status(article_id, annotator, Status.DONE)


def round_(path: Path):
    with Project.open(path) as project:
        return sync(project)


def joined(tmp_path: Path, name: str, folder: Path, reviewer: bool = False, db: Path | None = None) -> Path:
    path = db or tmp_path / f"{name}.sqlite"
    with Project.open(path) as project:
        join(project, folder, name, reviewer)
    return path


def one_shot_merge(tmp_path: Path, files: list[Path]) -> Path:
    """A fresh project with one `merge` of ``files``: what every synced project must equal."""
    path = tmp_path / "one-shot.sqlite"
    path.unlink(missing_ok=True)
    with Project.open(path) as project:
        merge_files(project, sorted(files, key=lambda f: read_team_file(f).role.value != "reviewer"))
    return path


def same_as(path: Path, expected: Path) -> None:
    with Project.open(path) as one, Project.open(expected) as other:
        assert articles_of(one) == articles_of(other)
        assert work_of(one) == work_of(other)
        assert statuses_of(one) == statuses_of(other)
        assert gold_of(one) == gold_of(other)


def test_reviewer_and_annotator_sharing_one_folder_see_each_others_work(tmp_path, reviewer_db):
    folder = tmp_path / "team"
    folder.mkdir()
    joined(tmp_path, "rana", folder, reviewer=True, db=reviewer_db)
    salma = joined(tmp_path, "salma", folder)
    assert round_(reviewer_db).wrote_sequence == 1
    first = round_(salma)
    assert [(f.file, f.state) for f in first.files] == [("rana.annotator-team", FileState.MERGED)]
    with Project.open(salma) as project:
        assert project.setting("guidelines") == "ضع علامة على كل فاعل 𝐀."
        assert len(project.assigned_article_ids("salma")) == 5
        assert gold_of(project)
    annotate(salma, "salma", 3)
    assert round_(salma).wrote_sequence == 2
    back = round_(reviewer_db)
    assert {f.file: f.state for f in back.files} == {"salma.annotator-team": FileState.MERGED}
    assert back.summary.spans_added == 3
    with Project.open(reviewer_db) as project:
        assert len([w for w in work_of(project) if w[1] == "salma"]) == 3
    again = round_(reviewer_db)
    assert again.wrote_sequence is None and again.summary is None
    assert [f.state for f in again.files] == [FileState.UNCHANGED]


def test_an_annotators_newer_file_replaces_their_earlier_work_whatever_the_clocks_say(tmp_path, reviewer_db):
    folder = tmp_path / "team"
    folder.mkdir()
    joined(tmp_path, "rana", folder, reviewer=True, db=reviewer_db)
    salma = joined(tmp_path, "salma", folder)
    round_(reviewer_db)
    round_(salma)
    annotate(salma, "salma", 2)
    round_(salma)
    round_(reviewer_db)
    with Project.open(salma) as project:  # salma redoes her work; her clock runs a year behind
        for span in project.spans(annotator="salma"):
            project.delete_span(span.id)
        project.db.execute("UPDATE statuses SET updated_at = '2025-01-01T00:00:00.000000+00:00'")
        project.db.conn.commit()
    annotate(salma, "salma", 1, label="demand", offset=1)
    round_(salma)
    report = round_(reviewer_db)
    assert report.summary.pairs_replaced
    with Project.open(reviewer_db) as project, Project.open(salma) as mine:
        theirs = {w for w in work_of(project) if w[1] == "salma"}
        assert theirs == work_of(mine) and {w[4] for w in theirs} == {"demand"}


class SyncEngine:
    """Keeps one folder per desktop in step, the way Syncthing or Dropbox would, but on command.

    A changed file reaches the other folders only after ``delay`` steps; ``truncate`` makes the next
    delivery of a file land half-copied first; ``conflict`` makes the next delivery of a file to a folder
    land under a conflict-copy name, leaving the older version under the real name.
    """

    def __init__(self, folders: list[Path], delay: int = 2) -> None:
        self.folders = folders
        self.delay = delay
        self.pending: list[tuple[int, Path, Path, bytes]] = []  # (due step, from folder, to, content)
        self.known: dict[tuple[Path, str], bytes] = {}
        self.step_no = 0
        self.truncate_next: set[str] = set()
        self.conflict_next: dict[tuple[str, Path], str] = {}
        self.half_copied: list[Path] = []

    def _scan(self) -> None:
        for folder in self.folders:
            for path in sorted(folder.glob("*.annotator-team")):
                content = path.read_bytes()
                if self.known.get((folder, path.name)) == content:
                    continue
                self.known[(folder, path.name)] = content
                for other in self.folders:
                    if other != folder:
                        self.pending.append((self.step_no + self.delay, other, path, content))

    def step(self) -> None:
        self.step_no += 1
        self._scan()
        due = [p for p in self.pending if p[0] <= self.step_no]
        self.pending = [p for p in self.pending if p[0] > self.step_no]
        for _, to, source, content in due:
            name = source.name
            target = to / self.conflict_next.pop((name, to), name)
            if name in self.truncate_next:
                self.truncate_next.discard(name)
                target.write_bytes(content[: len(content) // 2])
                self.half_copied.append(target)
                self.pending.append((self.step_no + 1, to, source, content))
                continue
            target.write_bytes(content)
            self.known[(to, target.name)] = content

    def settle(self) -> None:
        """Deliver everything still under way."""
        for _ in range(self.delay + 3):
            self.step()


def test_three_desktops_through_a_sync_engine_end_with_what_one_merge_gives(tmp_path, reviewer_db):
    folders = {name: tmp_path / f"{name}-folder" for name in ("rana", "salma", "omar")}
    for folder in folders.values():
        folder.mkdir()
    dbs = {"rana": joined(tmp_path, "rana", folders["rana"], reviewer=True, db=reviewer_db),
           "salma": joined(tmp_path, "salma", folders["salma"]),
           "omar": joined(tmp_path, "omar", folders["omar"])}
    engine = SyncEngine(list(folders.values()))
    seen: dict[str, set[FileState]] = {name: set() for name in dbs}
    reports: set[tuple[str, str, FileState]] = set()  # (desktop, file, state) over all rounds

    def everyone() -> None:
        for name, db in dbs.items():
            files = round_(db).files
            seen[name] |= {f.state for f in files}
            reports.update((name, f.file, f.state) for f in files)
        engine.step()

    everyone()
    engine.truncate_next.add("rana.annotator-team")  # salma's and omar's first copy lands half-way
    for _ in range(4):
        everyone()
    assert engine.half_copied and FileState.WAITING in seen["salma"] | seen["omar"]
    annotate(dbs["salma"], "salma", 2)
    annotate(dbs["omar"], "omar", 3)
    for _ in range(4):
        everyone()
    # omar works on; his next file reaches each other desktop as a conflict copy of each engine's kind
    engine.conflict_next[("omar.annotator-team", folders["rana"])] = \
        "omar (conflicted copy 2026-12-03).annotator-team"
    engine.conflict_next[("omar.annotator-team", folders["salma"])] = \
        "omar.sync-conflict-20261203-102030-ABCDEF7.annotator-team"
    annotate(dbs["omar"], "omar", 4, label="mediator", offset=1)
    for _ in range(4):
        everyone()
    engine.conflict_next[("salma.annotator-team", folders["rana"])] = "salma-LAPTOP7.annotator-team"
    engine.conflict_next[("salma.annotator-team", folders["omar"])] = \
        "salma (conflicted 2026-12-03 102030).annotator-team"
    annotate(dbs["salma"], "salma", 4, label="denial", offset=2)
    for _ in range(4):
        everyone()
    engine.settle()
    everyone()
    everyone()
    assert FileState.CONFLICT_COPY in seen["rana"] and FileState.CONFLICT_COPY in seen["salma"]
    assert (folders["rana"] / "omar (conflicted copy 2026-12-03).annotator-team").exists()  # kept on disk
    # each engine's copy, holding the newer sequence, was merged while the real name held the older file
    for desktop, copy in [("rana", "omar (conflicted copy 2026-12-03).annotator-team"),
                          ("salma", "omar.sync-conflict-20261203-102030-ABCDEF7.annotator-team"),
                          ("rana", "salma-LAPTOP7.annotator-team"),
                          ("omar", "salma (conflicted 2026-12-03 102030).annotator-team")]:
        assert (desktop, copy, FileState.MERGED) in reports
        real = copy.split(" ")[0].split(".")[0].split("-")[0] + ".annotator-team"
        assert (desktop, real, FileState.CONFLICT_COPY) in reports
        assert (folders[desktop] / copy).exists()  # kept on disk, never dropped
    newest = [folders[name] / f"{name}.annotator-team" for name in dbs]
    expected = one_shot_merge(tmp_path, newest)
    for db in dbs.values():
        same_as(db, expected)
    with Project.open(expected) as project:
        assert {w[4] for w in work_of(project) if w[1] == "omar"} == {"actor", "mediator"}
        assert {w[4] for w in work_of(project) if w[1] == "salma"} == {"actor", "denial"}


def test_a_copy_that_comes_back_older_is_reported_and_not_merged(tmp_path, reviewer_db):
    folder = tmp_path / "team"
    folder.mkdir()
    joined(tmp_path, "rana", folder, reviewer=True, db=reviewer_db)
    salma = joined(tmp_path, "salma", folder)
    round_(reviewer_db)
    round_(salma)
    annotate(salma, "salma", 1)
    round_(salma)
    old = (folder / "salma.annotator-team").read_bytes()
    annotate(salma, "salma", 2, label="demand", offset=1)
    round_(salma)
    round_(reviewer_db)
    with Project.open(reviewer_db) as project:
        before = work_of(project)
    (folder / "salma.annotator-team").write_bytes(old)  # a backup restored over the newer file
    report = round_(reviewer_db)
    assert [f.state for f in report.files] == [FileState.OLDER]
    with Project.open(reviewer_db) as project:
        assert work_of(project) == before


def test_a_folder_that_disappears_stops_the_round_and_keeps_local_work(tmp_path, reviewer_db):
    folder = tmp_path / "team"
    folder.mkdir()
    joined(tmp_path, "rana", folder, reviewer=True, db=reviewer_db)
    round_(reviewer_db)
    shutil.rmtree(folder)
    with Project.open(reviewer_db) as project:
        before = work_of(project), articles_of(project)
        with pytest.raises(TeamFolderError, match="missing"):
            sync(project)
        assert (work_of(project), articles_of(project)) == before
    folder.mkdir()  # back again: the next round publishes at once
    assert round_(reviewer_db).wrote_sequence == 2


def test_a_new_name_starts_a_new_file_and_leaves_the_old_one(tmp_path, reviewer_db):
    folder = tmp_path / "team"
    folder.mkdir()
    joined(tmp_path, "rana", folder, reviewer=True, db=reviewer_db)
    salma = joined(tmp_path, "salma", folder)
    round_(reviewer_db)
    round_(salma)
    annotate(salma, "salma", 1)
    round_(salma)
    joined(tmp_path, "salma.h", folder, db=salma)
    report = round_(salma)
    assert report.wrote_sequence == 1
    assert (folder / "salma.annotator-team").exists() and (folder / "salma.h.annotator-team").exists()
    with Project.open(salma) as project:
        assert membership(project).annotator == "salma.h"
        assert leave(project).annotator == "salma.h" and membership(project) is None


def test_publish_writes_only_my_file_and_only_when_my_work_changed(tmp_path, reviewer_db):
    folder = tmp_path / "team"
    folder.mkdir()
    joined(tmp_path, "rana", folder, reviewer=True, db=reviewer_db)
    salma = joined(tmp_path, "salma", folder)
    round_(reviewer_db)
    round_(salma)
    annotate(salma, "salma", 1)
    with Project.open(salma) as project:
        assert publish(project) == 2
        assert publish(project) is None  # unchanged: not written again
    assert len(read_team_file(folder / "salma.annotator-team").work) == 1
    with Project.open(reviewer_db) as project:
        assert project.spans(annotator="salma") == []  # publishing merges nothing


def test_annotator_progress_counts_each_annotators_articles_spans_and_last_edit(tmp_path, reviewer_db):
    annotate(reviewer_db, "salma", 2)
    with Project.open(reviewer_db) as project:
        article = project.assigned_article_ids("omar")[0]
        project.add_span(article, "omar", 0, 4, "actor")
        project.add_annotator("layla")
        progress = {p.annotator: p for p in annotator_progress(project)}
        spans_by = {name: len(project.spans(annotator=name)) for name in progress}
        assigned = {name: len(project.assigned_article_ids(name)) for name in progress}
    assert (progress["salma"].done, progress["salma"].in_progress) == (2, 0)
    assert (progress["omar"].done, progress["omar"].in_progress) == (0, 1)
    assert {n: p.spans for n, p in progress.items()} == spans_by
    assert {n: p.assigned for n, p in progress.items()} == assigned
    assert progress["omar"].last_activity >= progress["salma"].last_activity
    assert progress["layla"].last_activity is None and progress["layla"].spans == 0


def test_an_identical_conflict_copy_loses_to_the_file_under_the_owners_name(tmp_path, reviewer_db):
    folder = tmp_path / "team"
    folder.mkdir()
    joined(tmp_path, "rana", folder, reviewer=True, db=reviewer_db)
    salma = joined(tmp_path, "salma", folder)
    round_(reviewer_db)
    round_(salma)
    annotate(salma, "salma", 1)
    round_(salma)
    copy = folder / "salma (conflicted copy 2026-12-03).annotator-team"
    shutil.copy(folder / "salma.annotator-team", copy)
    states = {f.file: f.state for f in round_(reviewer_db).files}
    assert states["salma.annotator-team"] is FileState.MERGED
    assert states[copy.name] is FileState.CONFLICT_COPY


def test_article_progress_says_who_finished_each_article_and_who_is_still_assigned_it(tmp_path, reviewer_db):
    annotate(reviewer_db, "salma", 1)
    with Project.open(reviewer_db) as project:
        first = project.assigned_article_ids("salma")[0]
        assigned = {a.id: sorted(n for n in ANNOTATORS if a.id in project.assigned_article_ids(n))
                    for a in project.article_summaries()}
        rows = {row.article_id: row for row in article_progress(project)}
    assert set(rows) == set(assigned)
    assert rows[first].finished == ("salma",)
    assert "salma" not in rows[first].unfinished
    assert sorted(rows[first].unfinished + rows[first].finished) == assigned[first]
    others = [doc for doc in rows if doc != first]
    assert all(rows[doc].finished == () and list(rows[doc].unfinished) == assigned[doc] for doc in others)
