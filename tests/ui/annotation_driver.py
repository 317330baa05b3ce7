"""Helpers for driving the annotation window in tests: a window on a project, mouse positions of
characters, and what the view paints. Shared by the annotation-window test modules."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QPoint, QSettings, Qt
from PySide6.QtWidgets import QApplication

from annotator.store import Project
from annotator.ui.annotate.article_view import ArticleView
from annotator.ui.shell.main_window import MainWindow


def make_window(qtbot, project: Project, settings_path: Path, annotator: str = "sara") -> MainWindow:
    """A shown, active main window working as ``annotator``, with settings kept in ``settings_path``."""
    settings = QSettings(str(settings_path), QSettings.Format.IniFormat)
    settings.setValue("annotator/name", annotator)
    window = MainWindow(project, settings=settings)
    qtbot.addWidget(window)
    window.show()
    window.activateWindow()
    qtbot.waitExposed(window)
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    return window


def open_article(window: MainWindow, row: int) -> None:
    window.article_list.setCurrentRow(row)
    assert window.page.document_id == window.article_list.article_id(row)


def char_point(view: ArticleView, offset: int) -> QPoint:
    """Viewport point in the middle of the character at code-point ``offset`` (scrolled into view)."""
    cursor = view.cursor_for(offset, offset)
    view.setTextCursor(cursor)
    view.ensureCursorVisible()
    left = view.cursorRect(view.cursor_for(offset, offset))
    right = view.cursorRect(view.cursor_for(offset + 1, offset + 1))
    # In right-to-left text a character lies between its own cursor position (right) and the next (left).
    return QPoint((left.center().x() + right.center().x()) // 2, left.center().y())


def painted_ranges(view: ArticleView) -> dict[int, tuple[int, int, str]]:
    """span id → (UTF-16 start, UTF-16 end, selected text) of what the view draws for each visible span."""
    out = {}
    for painted, selection in view.span_painter.span_selections():
        cursor = selection.cursor
        out[painted.span.id] = (cursor.selectionStart(), cursor.selectionEnd(),
                                cursor.selectedText().replace("\u2029", "\n"))
    return out


def press(qtbot, window: MainWindow, key: str, modifier=Qt.KeyboardModifier.NoModifier) -> None:
    """Press a key ("1", "z", "Delete", "Right"…) as the user does, with the article view focused."""
    window.page.article_view.setFocus()
    code = getattr(Qt.Key, f"Key_{key}") if len(key) > 1 else key
    qtbot.keyClick(window.page.article_view, code, modifier)
