"""The project file under the open project: deleted, replaced, on a full disk, or read-only.

A change that cannot reach the file at the project's path is refused (rolled back) and remembered in
``Project.not_saved``; ``Project.save_copy`` still writes everything saved before to another file.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from annotator.core.errors import ProjectFileGoneError, ProjectNotSavedError, ReadOnlyProjectError
from annotator.core.model import AnnotationSet, ArticleRecord, SpanRef
from annotator.store import Project

TEXT = "قال وزير الخارجية 𝐀 إن المفاوضات ستستأنف في القاهرة الأسبوع المقبل. " * 20


def open_project(path: Path) -> tuple[Project, str]:
    project = Project.open(path)
    project.import_articles([ArticleRecord(text=TEXT, title="خبر", annotations=(
        AnnotationSet("salma", (SpanRef(4, 8, "actor"),)),))])
    return project, project.article_summaries()[0].id


def refs(path: Path) -> list[SpanRef]:
    with Project.open(path) as project:
        return sorted(s.ref for s in project.spans())


def test_edit_into_a_deleted_folder_is_refused_and_a_copy_keeps_earlier_work(tmp_path: Path) -> None:
    folder = tmp_path / "usb-stick"
    folder.mkdir()
    project, doc = open_project(folder / "project.sqlite")
    project.add_span(doc, "salma", 9, 18, "mediator")  # saved while the file is there
    shutil.rmtree(folder)  # the -wal and -shm go with it; the connection still holds them open

    with pytest.raises(ProjectFileGoneError, match="no longer there") as info:
        project.add_span(doc, "salma", 20, 25, "demand")
    assert str(folder / "project.sqlite") in str(info.value)
    assert project.not_saved is info.value
    assert sorted(s.ref for s in project.spans()) == [SpanRef(4, 8, "actor"), SpanRef(9, 18, "mediator")]

    copy = tmp_path / "rescued.sqlite"
    project.save_copy(copy)
    project.close()
    assert refs(copy) == [SpanRef(4, 8, "actor"), SpanRef(9, 18, "mediator")]  # not the refused one
    assert sorted(p.name for p in tmp_path.iterdir()) == ["rescued.sqlite"]  # no partial file left


def test_a_file_put_in_the_projects_place_is_not_written(tmp_path: Path) -> None:
    path = tmp_path / "project.sqlite"
    project, doc = open_project(path)
    other, _ = open_project(tmp_path / "other.sqlite")
    other.close()
    path.rename(tmp_path / "moved.sqlite")
    (tmp_path / "other.sqlite").rename(path)
    before = path.read_bytes()

    with pytest.raises(ProjectFileGoneError, match="replaced by another file"):
        project.add_span(doc, "salma", 20, 25, "demand")
    project.close()
    assert path.read_bytes() == before


def test_a_saved_change_clears_not_saved_and_copy_refuses_the_project_itself(tmp_path: Path) -> None:
    path = tmp_path / "project.sqlite"
    project, doc = open_project(path)
    project.not_saved = ProjectNotSavedError("earlier")
    project.add_span(doc, "salma", 9, 18, "mediator")
    assert project.not_saved is None
    with pytest.raises(Exception, match="is the open project itself"):
        project.save_copy(path)
    project.close()


def fill(disk: Path) -> None:
    """Take every free block of ``disk``."""
    handle = os.open(disk / "filler", os.O_WRONLY | os.O_CREAT)
    try:
        while os.write(handle, b"\0" * 4096):
            pass
    except OSError:
        pass
    finally:
        os.close(handle)


def test_a_full_disk_refuses_the_change_and_the_copy_goes_elsewhere(tiny_disk: Path, tmp_path: Path) -> None:
    project, doc = open_project(tiny_disk / "project.sqlite")
    try:
        fill(tiny_disk)
        with pytest.raises(ProjectNotSavedError, match="the disk is full") as info:
            for start in range(0, 400, 2):  # the WAL's last free page may take one or two
                project.add_span(doc, "salma", start + 10, start + 11, "demand")
        assert project.not_saved is info.value
        saved = sorted(s.ref for s in project.spans())
        project.save_copy(tmp_path / "rescued.sqlite")
    finally:
        project.close()
    assert refs(tmp_path / "rescued.sqlite") == saved


def test_a_read_only_project_opens_and_refuses_changes(tmp_path: Path) -> None:
    path = tmp_path / "project.sqlite"
    project, doc = open_project(path)
    project.close()
    before = path.read_bytes()
    with Project.open(path, read_only=True) as project:
        assert project.read_only
        assert [s.ref for s in project.spans()] == [SpanRef(4, 8, "actor")]
        with pytest.raises(ReadOnlyProjectError, match="open read-only") as info:
            project.add_span(doc, "salma", 9, 18, "mediator")
        assert str(path) in str(info.value)
        project.save_copy(tmp_path / "writable.sqlite")  # the way out: a copy to work on
    assert path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["project.sqlite", "writable.sqlite"]
    with Project.open(tmp_path / "writable.sqlite") as copy:
        assert not copy.read_only
        copy.add_span(doc, "salma", 9, 18, "mediator")
    assert os.access(tmp_path / "writable.sqlite", os.W_OK)
