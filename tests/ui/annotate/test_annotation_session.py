"""The annotator's session: identity and blind coding, reviewing others read-only, statuses and the
article list, reopening the project, the label schema editor, and the shortcut table."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QPushButton

from annotator.core.model import Status
from annotator.store import Project
from annotator.ui.labels.editor import LabelEditor
from annotator.ui.shell.actions import ACTIONS, markdown_table
from annotator.ui.shell.main_window import MainWindow
from tests.conftest import REPO_ROOT
from tests.ui.annotation_driver import make_window, open_article, painted_ranges, press

CTRL = Qt.KeyboardModifier.ControlModifier


@pytest.fixture
def settings_path(tmp_path: Path) -> Path:
    return tmp_path / "settings.ini"


@pytest.fixture
def window(qtbot, project: Project, settings_path: Path) -> MainWindow:
    window = make_window(qtbot, project, settings_path)
    open_article(window, 0)
    return window


def tag(qtbot, window: MainWindow, word: str, key: str) -> None:
    view = window.page.article_view
    start = view.text.index(word)
    view.select_range(start, start + len(word))
    press(qtbot, window, key)


def test_switching_annotator_hides_the_others_spans_and_stores_under_the_new_name(
        qtbot, window, project, settings_path) -> None:
    tag(qtbot, window, "الوسطاء", "1")
    window.switch_annotator("omar")
    assert painted_ranges(window.page.article_view) == {}
    assert window.page.span_list.span_model.rowCount() == 0
    assert "omar" in window.annotator_label.text()
    tag(qtbot, window, "الغربيين", "2")
    assert {(s.annotator, s.label) for s in project.spans()} == {("sara", "actor"), ("omar", "mediator")}
    assert len(painted_ranges(window.page.article_view)) == 1

    # remembered for the next start
    again = make_window(qtbot, project, settings_path, annotator="omar")
    assert again.annotator == "omar"
    assert again.settings.value("annotator/name") == "omar"


def test_annotator_name_chosen_in_the_menu_is_remembered(qtbot, project, settings_path) -> None:
    from PySide6.QtCore import QSettings

    window = make_window(qtbot, project, settings_path)
    window.switch_annotator("layla")
    window.close()
    settings = QSettings(str(settings_path), QSettings.Format.IniFormat)
    reopened = MainWindow(project, settings=settings)
    qtbot.addWidget(reopened)
    assert reopened.annotator == "layla"


def test_reviewer_mode_shows_others_spans_read_only(qtbot, window, project) -> None:
    tag(qtbot, window, "الوسطاء", "1")
    sara_span = project.spans()[0]
    window.switch_annotator("omar")
    window.actions["show_others"].trigger()
    assert set(painted_ranges(window.page.article_view)) == {sara_span.id}
    painted = window.page.article_view.visible_spans()
    assert [p.own for p in painted] == [False]
    window.page.select_span(sara_span.id)
    press(qtbot, window, "Delete")
    press(qtbot, window, "4")
    assert project.spans() == [sara_span]  # untouched
    assert "read-only" in window.statusBar().currentMessage()
    window.actions["show_others"].trigger()
    assert painted_ranges(window.page.article_view) == {}


def test_closing_and_reopening_the_project_shows_the_same_spans(qtbot, project, settings_path) -> None:
    window = make_window(qtbot, project, settings_path)
    open_article(window, 3)
    tag(qtbot, window, "شكّل", "1")
    tag(qtbot, window, "إطلاق", "3")
    before = painted_ranges(window.page.article_view)
    window.close()
    path = project.path
    project.close()
    with Project.open(path) as reopened:
        window = make_window(qtbot, reopened, settings_path)
        open_article(window, 3)
        assert painted_ranges(window.page.article_view) == before
        assert [t for _s, _e, t in before.values()] == ["شكّل", "إطلاق"]
        window.close()


def test_mark_done_filter_and_next_previous_article_keys(qtbot, window, project) -> None:
    press(qtbot, window, "d", CTRL)
    first = window.page.document_id
    assert project.status(first, "sara") == Status.DONE
    assert window.article_list.entry_text(0).endswith("done")
    press(qtbot, window, "PageDown", CTRL)
    assert window.article_list.currentRow() == 1
    press(qtbot, window, "PageUp", CTRL)
    assert window.page.document_id == first

    window.status_filter.setCurrentIndex(window.status_filter.findData(Status.DONE.value))
    assert window.article_list.ids() == [first]
    window.status_filter.setCurrentIndex(window.status_filter.findData(Status.NEW.value))
    assert window.article_list.ids() == [a.id for a in project.article_summaries()][1:]

    window.status_filter.setCurrentIndex(0)
    press(qtbot, window, "d", CTRL)  # again: back to in progress
    assert project.status(first, "sara") == Status.IN_PROGRESS
    press(qtbot, window, "z", CTRL)
    assert project.status(first, "sara") == Status.DONE


def test_article_list_and_status_bar_show_length_status_and_span_count(qtbot, window, project) -> None:
    document = project.documents()[0]
    assert f"{len(document.text):,} characters" in window.article_list.entry_text(0)
    assert window.article_list.entry_text(0).endswith("new")
    tag(qtbot, window, "الوسطاء", "1")
    assert window.article_list.entry_text(0).endswith("1 span · in progress")
    assert window.span_count_label.text() == "1 span · in progress"
    assert window.save_label.text().startswith("Saved")
    assert "sara" in window.annotator_label.text()


def test_label_editor_adds_renames_recolours_reorders_and_deletes_with_a_count(
        qtbot, window, project) -> None:
    tag(qtbot, window, "الوسطاء", "1")
    tag(qtbot, window, "الغربيين", "1")
    editor = LabelEditor(project, window.apply_changes, window)
    qtbot.addWidget(editor)
    assert editor.add("source", key="5")
    assert "source" in window.page.label_bar.buttons
    editor.table.item(4, 0).setText("quoted source")  # rename by editing the cell
    editor.recolour(4, "#123456")
    editor.move(4, -1)
    assert [(label.name, label.color, label.key) for label in project.labels()][3] == (
        "quoted source", "#123456", "5")
    asked = []
    assert not editor.delete(0, confirm=lambda text: asked.append(text) or False)
    assert "2 spans use the label" in asked[0] and len(project.spans()) == 2
    assert editor.delete(0, confirm=lambda text: True)
    assert project.spans() == [] and "actor" not in window.page.label_bar.buttons
    assert painted_ranges(window.page.article_view) == {}


def test_new_label_key_tags_with_that_label(qtbot, window, project) -> None:
    editor = LabelEditor(project, window.apply_changes, window)
    qtbot.addWidget(editor)
    editor.add("source", key="5")
    tag(qtbot, window, "الوسطاء", "5")
    assert project.spans()[0].label == "source"


def test_every_action_shows_its_shortcut_in_its_tooltip_and_sits_in_a_menu(window) -> None:
    in_menus = {a.objectName() for menu in window.menuBar().findChildren(type(window.menuBar().addMenu("x")))
                for a in menu.actions()}
    for spec in ACTIONS:
        action = window.actions[spec.name]
        assert action.shortcuts(), spec.name
        assert action.shortcuts()[0].toString() in action.toolTip()
        assert action.objectName() in in_menus, spec.name


def test_readme_lists_the_shortcut_table() -> None:
    readme = (REPO_ROOT / "README.md").read_text("utf-8")
    assert markdown_table() in readme
    assert "docs/screenshots/annotation-window.png" in readme
    assert (REPO_ROOT / "docs" / "screenshots" / "annotation-window.png").stat().st_size > 10_000


def test_deleting_a_label_is_undone_with_its_spans_even_after_reopening_the_editor(
        qtbot, window, project, monkeypatch) -> None:
    tag(qtbot, window, "الوسطاء", "1")
    tag(qtbot, window, "الغربيين", "2")
    before = project.spans()
    labels_before = project.labels()
    monkeypatch.setattr(LabelEditor, "exec", lambda editor: setattr(window, "opened_editor", editor))
    window.edit_labels()
    editor = window.opened_editor
    assert editor.delete(0, confirm=lambda text: True)
    assert [s.label for s in project.spans()] == ["mediator"]
    undo = editor.findChild(QPushButton, "undoLabelEdit")
    assert undo.isEnabled() and "actor" in undo.text()

    editor.reject()
    window.edit_labels()  # a new editor on the window's stack: the deletion can still be undone
    reopened = window.opened_editor
    reopened.findChild(QPushButton, "undoLabelEdit").click()
    assert project.spans() == before and project.labels() == labels_before
    assert "actor" in window.page.label_bar.buttons
    assert len(painted_ranges(window.page.article_view)) == 2

    reopened.findChild(QPushButton, "redoLabelEdit").click()
    assert [s.label for s in project.spans()] == ["mediator"]
    reopened.reject()


def test_rename_recolour_and_reorder_are_undone_one_by_one(qtbot, window, project) -> None:
    editor = LabelEditor(project, window.apply_changes, window)
    qtbot.addWidget(editor)
    original = project.labels()
    editor.table.item(0, 0).setText("speaker")
    editor.recolour(0, "#123456")
    editor.move(0, 1)
    assert project.labels()[1].name == "speaker"
    for _ in range(3):
        editor.undo_stack.undo()
    assert project.labels() == original
    assert editor.table.item(0, 0).text() == "actor"


def test_undo_that_the_schema_no_longer_allows_is_reported_not_raised(
        qtbot, window, project, monkeypatch) -> None:
    warnings = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _parent, _title, text: warnings.append(text))
    editor = LabelEditor(project, window.apply_changes, window)
    qtbot.addWidget(editor)
    editor.delete(3, confirm=lambda text: True)  # "denial", unused
    project.add_label("denial", "#000000")  # someone re-creates the name meanwhile
    editor.undo_stack.undo()
    assert warnings and "denial" in warnings[0]
    assert [label.name for label in project.labels()].count("denial") == 1
