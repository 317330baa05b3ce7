"""The real window when its project file goes away, fills its disk or cannot be written.

Nothing is reported "Saved" that is not in the file at the project's path; the refused edit leaves
no undo step; "Save a copy as…" writes everything saved before to a file the annotator picks, and
the window goes on in the copy. A read-only project opens read-only, says so in the title bar and
stores nothing when a label key is pressed.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QMenu, QMessageBox, QPushButton

from annotator.core.model import SpanRef
from annotator.operations.import_corpus import import_paths
from annotator.store import Project
from annotator.ui.shell.main_window import MainWindow
from tests.ui.annotation_driver import make_window, open_article, press


def project_in(folder: Path, seeds_dir: Path) -> Project:
    folder.mkdir(exist_ok=True)
    project = Project.open(folder / "project.sqlite")
    import_paths(project, [seeds_dir])
    return project


def tag(qtbot, window: MainWindow, words: str, key: str, occurrence: int = 0) -> None:
    view = window.page.article_view
    start = -1
    for _ in range(occurrence + 1):
        start = view.text.index(words, start + 1)
    view.select_range(start, start + len(words))
    press(qtbot, window, key)


def stored(path: Path) -> list[SpanRef]:
    with Project.open(path) as project:
        return sorted(s.ref for s in project.spans())


def not_saved_box(window: MainWindow) -> QMessageBox:
    box = window.findChild(QMessageBox, "projectNotSavedMessage")
    assert box is not None and box.isVisible()
    return box


def save_copy_from(qtbot, window: MainWindow, box: QMessageBox, monkeypatch, copy: Path) -> None:
    """Press "Save a copy as…" and pick ``copy`` in the file dialog; the window asks to switch to it."""
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *args, **kwargs: (str(copy), ""))
    with qtbot.waitSignal(window.project_chosen, timeout=2000) as switched:
        box.findChild(QPushButton, "saveCopyButton").click()
    assert switched.args == [str(copy), False]


def test_deleted_project_folder_reports_not_saved_and_the_copy_keeps_the_work(
        qtbot, tmp_path: Path, seeds_dir: Path, monkeypatch) -> None:
    stick = tmp_path / "usb-stick"
    project = project_in(stick, seeds_dir)
    window = make_window(qtbot, project, tmp_path / "settings.ini")
    open_article(window, 0)
    tag(qtbot, window, "الوسطاء", "1")
    tag(qtbot, window, "الغربيين", "2")
    assert window.save_label.text().startswith("Saved")
    saved = sorted(s.ref for s in project.spans())
    assert len(saved) == 2
    undo_steps = window.page.undo_stack().count()

    shutil.rmtree(stick)  # the folder goes, with the project, its -wal and its -shm
    tag(qtbot, window, "يحاولون", "3")

    assert window.save_label.text() == "Not saved"
    assert window.page.undo_stack().count() == undo_steps  # no undo step claims the refused tag
    assert sorted(s.ref for s in window.page.spans) == saved
    box = not_saved_box(window)
    assert "is no longer there" in box.text() and str(stick / "project.sqlite") in box.text()
    copy = tmp_path / "rescued.sqlite"
    save_copy_from(qtbot, window, box, monkeypatch, copy)
    window.close()
    project.close()
    assert stored(copy) == saved  # every earlier span, and not the refused one
    assert not stick.exists()


def fill(disk: Path) -> Path:
    filler = disk / "filler"
    handle = os.open(filler, os.O_WRONLY | os.O_CREAT)
    try:
        while os.write(handle, b"\0" * 4096):
            pass
    except OSError:
        pass
    finally:
        os.close(handle)
    return filler


def test_full_disk_reports_not_saved_and_what_was_reported_saved_is_on_disk(
        qtbot, tiny_disk: Path, tmp_path: Path, seeds_dir: Path, monkeypatch) -> None:
    project = project_in(tiny_disk, seeds_dir)
    window = make_window(qtbot, project, tmp_path / "settings.ini")
    try:
        open_article(window, 0)
        filler = fill(tiny_disk)
        reported_saved: list[SpanRef] = []
        for occurrence in range(40):  # the WAL's last free page may take a tag or two
            before = window.page.undo_stack().count()
            tag(qtbot, window, "ال", "1", occurrence)
            if window.save_label.text() == "Not saved":
                assert window.page.undo_stack().count() == before
                break
            assert window.save_label.text().startswith("Saved")
            reported_saved = sorted(s.ref for s in window.page.spans)
        else:
            pytest.fail("the full disk never refused a tag")
        box = not_saved_box(window)
        assert "cannot be written" in box.text()
        assert "the disk is full" in box.detailedText()
        save_copy_from(qtbot, window, box, monkeypatch, tmp_path / "rescued.sqlite")
        window.close()
    finally:
        project.close()
    assert stored(tmp_path / "rescued.sqlite") == reported_saved
    filler.unlink()
    assert stored(tiny_disk / "project.sqlite") == reported_saved  # and the file itself holds them


def test_read_only_project_opens_read_only_and_a_label_key_stores_nothing(
        qtbot, tmp_path: Path, seeds_dir: Path, monkeypatch) -> None:
    project_in(tmp_path / "shared", seeds_dir).close()
    path = tmp_path / "shared" / "project.sqlite"
    path.chmod(0o444)
    if os.geteuid() == 0:  # root writes whatever the permissions say: let the store see them as a user would
        monkeypatch.setattr("annotator.store.repository.is_writable", lambda _path: False)
    before = path.read_bytes()
    project = Project.open(path)
    try:
        window = make_window(qtbot, project, tmp_path / "settings.ini")
        assert window.windowTitle() == "Annotator — project.sqlite — read-only"
        assert window.save_label.text() == "Read-only"
        open_article(window, 0)
        tag(qtbot, window, "الوسطاء", "1")
        assert project.spans() == [] and window.page.spans == []
        assert "open read-only" in window.statusBar().currentMessage()
        assert window.findChild(QMessageBox) is None  # a status message, not a dialog or a traceback
        assert window.page.undo_stack().count() == 0
        window.close()
    finally:
        project.close()
        path.chmod(0o644)
    assert path.read_bytes() == before
    assert sorted(p.name for p in path.parent.iterdir()) == ["project.sqlite"]


@pytest.fixture
def arabic(qapp) -> Iterator[None]:
    from annotator.ui.shell.app import install_language

    install_language(qapp, "ar")
    yield
    install_language(qapp, "en")


def test_the_refusal_and_the_read_only_title_read_in_arabic(
        qtbot, tmp_path: Path, seeds_dir: Path, monkeypatch, arabic) -> None:
    stick = tmp_path / "usb-stick"
    project = project_in(stick, seeds_dir)
    window = make_window(qtbot, project, tmp_path / "settings.ini")
    open_article(window, 0)
    shutil.rmtree(stick)
    tag(qtbot, window, "الوسطاء", "1")
    box = not_saved_box(window)
    assert "لم يعد موجودًا" in box.text()
    assert f"\u2066{stick / 'project.sqlite'}\u2069" in box.text()  # the path kept left to right
    assert box.findChild(QPushButton, "saveCopyButton").text() == "حفظ نسخة باسم…"
    assert window.save_label.text() == "لم يُحفظ"
    window.close()
    project.close()

    project_in(tmp_path / "shared", seeds_dir).close()
    with Project.open(tmp_path / "shared" / "project.sqlite", read_only=True) as read_only:
        window = make_window(qtbot, read_only, tmp_path / "settings.ini")
        assert window.windowTitle() == "المُعلِّق — project.sqlite — للقراءة فقط"
        open_article(window, 0)
        tag(qtbot, window, "الوسطاء", "1")
        assert "للقراءة فقط" in window.statusBar().currentMessage()
        assert read_only.spans() == []
        window.close()


def test_file_menu_save_a_copy_writes_the_work_to_the_chosen_file(
        qtbot, tmp_path: Path, seeds_dir: Path, monkeypatch) -> None:
    project = project_in(tmp_path / "work", seeds_dir)
    window = make_window(qtbot, project, tmp_path / "settings.ini")
    open_article(window, 0)
    tag(qtbot, window, "الوسطاء", "1")
    file_menu = window.menuBar().findChild(QMenu, "menu_file")
    entry = next(a for a in file_menu.actions() if a.shortcut().toString() == "Ctrl+Shift+S")
    copy = tmp_path / "backup" / "copy.sqlite"
    copy.parent.mkdir()
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *args, **kwargs: (str(copy), ""))
    with qtbot.waitSignal(window.project_chosen, timeout=2000) as switched:
        entry.trigger()
    assert switched.args == [str(copy), False]
    assert stored(copy) == sorted(s.ref for s in project.spans())
    assert len(stored(copy)) == 1


def test_a_gold_decision_refused_in_the_curate_tab_offers_the_copy_too(
        qtbot, agreement_project: Project, tmp_path: Path, monkeypatch) -> None:
    from annotator.store.gold import Gold

    window = make_window(qtbot, agreement_project, tmp_path / "settings.ini")
    window.tabs.setCurrentWidget(window.curation_tab)
    qtbot.waitUntil(lambda: window.curation_tab.page.view is not None
                    and window.curation_tab.page.view.candidate_list.isVisible())
    view = window.curation_tab.page.view
    assert view.candidate_list.count() > 0
    for suffix in ("", "-wal", "-shm"):  # the file goes from under the open project
        Path(f"{agreement_project.path}{suffix}").unlink(missing_ok=True)
    view.candidate_list.setFocus()
    view.candidate_list.setCurrentRow(0)
    qtbot.keyClick(view.candidate_list, Qt.Key.Key_Return)  # accept the first waiting span
    box = not_saved_box(window)
    assert "is no longer there" in box.text()
    assert Gold(agreement_project).spans(view.article_id) == []  # nothing claimed saved
    copy = tmp_path / "rescued.sqlite"
    save_copy_from(qtbot, window, box, monkeypatch, copy)
    assert stored(copy) == sorted(s.ref for s in agreement_project.spans())  # every annotator's work
