"""File ▸ Import articles…: the real dialog previews, imports in a worker, cancels and refuses bad input."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPoint, QPointF, QSettings, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QMenu

from annotator.store import Project
from annotator.ui.io.import_dialog import ImportDialog
from annotator.ui.shell.main_window import MainWindow


def project_bytes(project: Project) -> bytes:
    """The project file with every committed change in it (WAL checkpointed)."""
    project.db.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return project.path.read_bytes()


def salma_jsonl(project: Project, folder: Path, label: str = "actor") -> Path:
    lines = [json.dumps({"text": d.text, "annotator": "salma", "status": "done",
                         "spans": [{"start": 0, "end": 3, "label": label}]}, ensure_ascii=False)
             for d in project.documents()]
    path = folder / "salma.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def open_dialog(qtbot, project: Project, paths: list[Path]) -> ImportDialog:
    dialog = ImportDialog(project, paths)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: not dialog.previewing, timeout=10000)
    return dialog


def finish(qtbot, dialog: ImportDialog) -> None:
    qtbot.waitUntil(lambda: dialog.worker is None, timeout=10000)


@pytest.fixture
def empty(tmp_path: Path):
    with Project.open(tmp_path / "empty.sqlite") as opened:
        yield opened


def test_preview_names_the_new_articles_and_import_stores_them(qtbot, empty: Project, seeds_dir) -> None:
    dialog = open_dialog(qtbot, empty, [seeds_dir])
    assert dialog.summary.articles_added == 5
    assert "Articles: 5" in dialog.preview_label.text()
    assert empty.document_count() == 0  # the preview stored nothing
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    finish(qtbot, dialog)
    assert empty.document_count() == 5
    assert dialog.preview_label.text().startswith("Imported.")
    assert dialog.cancel_button.text() == "Close" and not dialog.import_button.isVisible()


def test_annotations_of_known_articles_are_counted_apart_from_the_articles(
        qtbot, project: Project, tmp_path) -> None:
    dialog = open_dialog(qtbot, project, [salma_jsonl(project, tmp_path)])
    text = dialog.preview_label.text()
    assert "Articles: 0 articles to add, 5 articles already in the project" in text
    assert "Annotations: 5 annotations to add" in text and "Annotators: salma (new: salma)" in text
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    finish(qtbot, dialog)
    assert len(project.spans(annotator="salma")) == 5


def test_a_bad_jsonl_line_is_named_and_nothing_can_be_stored(qtbot, project: Project, tmp_path) -> None:
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"text": "خبر أول"}\n{"text": "خبر ثان", \n', encoding="utf-8")
    before = project_bytes(project)
    dialog = open_dialog(qtbot, project, [bad])
    assert f"{bad}, line 2" in dialog.preview_label.text()
    assert not dialog.import_button.isEnabled()
    assert project_bytes(project) == before


def test_a_file_that_turns_bad_after_the_preview_stores_nothing(qtbot, project: Project, tmp_path) -> None:
    source = tmp_path / "news.jsonl"
    source.write_text('{"text": "خبر أول 𝐀"}\n{"text": "خبر ثان"}\n', encoding="utf-8")
    dialog = open_dialog(qtbot, project, [source])
    assert dialog.import_button.isEnabled()
    source.write_text('{"text": "خبر أول 𝐀"}\nnot json\n', encoding="utf-8")
    before = project_bytes(project)
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    finish(qtbot, dialog)
    assert f"{source}, line 2" in dialog.preview_label.text()
    assert "Nothing was stored." in dialog.preview_label.text()
    assert project_bytes(project) == before and project.document_count() == 5


def test_cancel_during_the_import_stores_nothing(qtbot, empty: Project, seeds_dir) -> None:
    dialog = open_dialog(qtbot, empty, [seeds_dir])
    before = project_bytes(empty)
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    assert dialog.cancel_button.isEnabled() and not dialog.import_button.isEnabled()
    qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)  # before the worker's first check
    finish(qtbot, dialog)
    assert "Import cancelled: nothing was stored." in dialog.preview_label.text()
    assert empty.document_count() == 0 and project_bytes(empty) == before
    assert dialog.isVisible() and dialog.import_button.isEnabled()  # the same choice can be imported


def test_unknown_labels_wait_for_add_labels(qtbot, project: Project, tmp_path) -> None:
    dialog = open_dialog(qtbot, project, [salma_jsonl(project, tmp_path, label="claim")])
    assert "New labels: claim" in dialog.preview_label.text()
    assert not dialog.import_button.isEnabled()
    dialog.add_labels.click()
    assert dialog.import_button.isEnabled()
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    finish(qtbot, dialog)
    assert "claim" in [label.name for label in project.labels()]


def test_table_column_option_reaches_the_reader(qtbot, empty: Project, tmp_path) -> None:
    table = tmp_path / "articles.csv"
    table.write_text("headline,body\nوساطة,قال الوزير إن القاهرة تتوسط\n", encoding="utf-8")
    dialog = open_dialog(qtbot, empty, [table])
    assert dialog.error  # a span CSV without start/end
    dialog.text_column.setText("body")
    dialog.title_column.setText("headline")
    qtbot.waitUntil(lambda: not dialog.previewing and dialog.summary is not None, timeout=10000)
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    finish(qtbot, dialog)
    assert [d.title for d in empty.documents()] == ["وساطة"]


@pytest.fixture
def window(qtbot, project: Project, tmp_path: Path):
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    settings.setValue("annotator/name", "ali")
    settings.setValue("firstStart/dismissed", True)
    main = MainWindow(project, settings=settings)
    qtbot.addWidget(main)
    main.show()
    return main


def test_file_menu_opens_the_import_dialog_and_the_list_shows_the_new_article(
        qtbot, window: MainWindow, tmp_path) -> None:
    article = tmp_path / "new.txt"
    article.write_text("عنوان جديد\nنص المقالة الجديدة.\n", encoding="utf-8")
    menu = window.findChild(QMenu, "menu_file")
    next(a for a in menu.actions() if a.objectName() == "action_import_articles").trigger()
    dialog = window.import_dialog
    assert dialog.isVisible()
    dialog.add_paths([article])
    qtbot.waitUntil(lambda: not dialog.previewing, timeout=10000)
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    finish(qtbot, dialog)
    assert window.article_list.count() == 6


def test_dropping_a_folder_on_the_window_opens_the_dialog_with_it(
        qtbot, window: MainWindow, tmp_path) -> None:
    folder = tmp_path / "dropped"
    folder.mkdir()
    (folder / "a.txt").write_text("خبر مسقط\nنص.\n", encoding="utf-8")
    (folder / "b.txt").write_text("خبر الدوحة\nنص.\n", encoding="utf-8")
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(folder))])
    # as a real drag does: Qt delivers the drop to the widget that accepted the drag's entry
    enter = QDragEnterEvent(QPoint(200, 200), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                            Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(window, enter)
    assert enter.isAccepted()
    drop = QDropEvent(QPointF(200, 200), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                      Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(window, drop)
    assert drop.isAccepted()
    dialog = window.import_dialog
    assert dialog.chosen_paths() == [folder]
    qtbot.waitUntil(lambda: not dialog.previewing, timeout=10000)
    assert dialog.summary.articles_added == 2
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    finish(qtbot, dialog)
    assert window.article_list.count() == 7


@pytest.fixture
def arabic(qapp):
    from annotator.ui.shell.app import install_language

    install_language(qapp, "ar")
    yield
    install_language(qapp, "en")


def test_counts_take_arabic_plural_forms(arabic) -> None:
    from annotator.ui.shell import counts

    assert counts.articles(1) == "مقالة واحدة"
    assert counts.articles(2) == "مقالتان"
    assert counts.articles(5) == "5 مقالات"
    assert counts.articles(11) == "11 مقالةً"


def test_a_dragged_text_is_not_taken_for_files(qtbot, window: MainWindow) -> None:
    mime = QMimeData()
    mime.setText("قال الوزير")
    enter = QDragEnterEvent(QPoint(200, 200), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                            Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(window, enter)
    assert not enter.isAccepted() and window.import_dialog is None


def test_a_new_project_offers_the_import_dialog_at_once(
        qtbot, project: Project, tmp_path, monkeypatch) -> None:
    from PySide6.QtWidgets import QFileDialog

    from annotator.ui.shell.app import WindowSession

    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    settings.setValue("annotator/name", "ali")
    first = Project.open(tmp_path / "first.sqlite")
    session = WindowSession(QApplication.instance(), first, "Amiri", settings)
    session.open_window()
    target = tmp_path / "study.sqlite"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    menu = session.window.findChild(QMenu, "menu_file")
    next(a for a in menu.actions() if a.objectName() == "action_new_project").trigger()
    qtbot.waitUntil(lambda: session.window.import_dialog is not None, timeout=5000)
    dialog = session.window.import_dialog
    assert dialog.isVisible() and dialog.project_path == target
    dialog.reject()
    session.window.close()
    session.project.close()


def glyph_x(text: str) -> dict[int, float]:
    """Where each character of ``text`` is drawn (its glyph's x) when laid out as one right-to-left line."""
    from PySide6.QtGui import QFont, QTextLayout, QTextOption

    layout = QTextLayout(text, QFont())
    option = QTextOption()
    option.setTextDirection(Qt.LayoutDirection.RightToLeft)
    layout.setTextOption(option)
    layout.beginLayout()
    layout.createLine().setLineWidth(4000)
    layout.endLayout()
    flag = QTextLayout.GlyphRunRetrievalFlag
    runs = layout.glyphRuns(-1, -1, flag.RetrieveStringIndexes | flag.RetrieveGlyphPositions
                            | flag.RetrieveGlyphIndexes)
    return {index: position.x() for run in runs
            for index, position in zip(run.stringIndexes(), run.positions(), strict=True)}


def test_in_arabic_the_bad_files_path_reads_whole_in_the_error(
        qtbot, project: Project, tmp_path, arabic) -> None:
    """"لا يمكن استيراد شيء: /tmp/…/bad.jsonl, line 2: …" lost the path's leading "/" to the sentence's
    other end (it was drawn after the colon, right of "tmp")."""
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"text": "خبر أول"}\n{"text": \n', encoding="utf-8")
    dialog = open_dialog(qtbot, project, [bad])
    dialog.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
    text = dialog.preview_label.text()
    slash = text.index(str(bad))
    x = glyph_x(text)
    assert x[slash] < x[slash + 1] < x[text.index("line 2")]  # "/" left of the first folder's name
