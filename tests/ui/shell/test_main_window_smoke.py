"""Smoke test of the window issue 3 asks for: it opens on a project, lists its articles and shows the
selected one's text right-to-left and right-aligned. The annotation view itself is tested elsewhere."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QWidget

from annotator.store import Project
from annotator.ui.shell.main_window import MainWindow


def shown_text(view: QWidget) -> str:
    """The view's text exactly (toPlainText would turn U+00A0 into spaces); paragraphs back to LF."""
    return view.document().toRawText().replace("\u2029", "\n")


def test_main_window_lists_seeds_and_shows_selected_text_right_to_left(qtbot, project: Project) -> None:
    window = MainWindow(project)
    qtbot.addWidget(window)
    window.show()

    article_list = window.findChild(QAbstractItemView, "articleList")
    article_view = window.findChild(QWidget, "articleView")
    assert article_list is not None and article_view is not None
    assert article_list.model().rowCount() == 5

    documents = project.documents()
    article_list.setCurrentIndex(article_list.model().index(2, 0))
    qtbot.waitUntil(lambda: shown_text(article_view) == documents[2].text)

    option = article_view.document().defaultTextOption()
    assert option.textDirection() == Qt.LayoutDirection.RightToLeft
    assert option.alignment() & Qt.AlignmentFlag.AlignRight
    assert article_view.layoutDirection() == Qt.LayoutDirection.RightToLeft


def test_short_first_line_is_laid_out_against_the_right_edge(qtbot, project: Project) -> None:
    window = MainWindow(project)
    qtbot.addWidget(window)
    window.show()
    article_list = window.findChild(QAbstractItemView, "articleList")
    article_view = window.findChild(QWidget, "articleView")
    first = project.documents()[0]
    assert len(first.title) < 20  # "آخر الأخبار": far shorter than the view is wide
    article_list.setCurrentIndex(article_list.model().index(0, 0))
    qtbot.waitUntil(lambda: shown_text(article_view) == first.text)

    document = article_view.document()
    line = document.firstBlock().layout().lineAt(0).naturalTextRect()
    width = document.textWidth()
    assert width > 4 * line.width()
    assert line.right() > width - 0.1 * width  # flush right…
    assert line.left() > width / 2  # …not left
