"""The main window: the article list beside the article text, shown right-to-left."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QTextOption
from PySide6.QtWidgets import QListWidget, QListWidgetItem, QMainWindow, QSplitter, QTextEdit

from annotator.store import Project
from annotator.ui.team_actions import add_team_actions


class MainWindow(QMainWindow):
    """Lists the project's articles; selecting one shows its text right-aligned, right-to-left."""

    def __init__(self, project: Project, article_font_family: str = "Amiri") -> None:
        super().__init__()
        self.project = project
        self.setObjectName("mainWindow")
        self.setWindowTitle(f"Annotator — {project.path.name}")
        self.resize(1200, 800)

        self.article_list = QListWidget(objectName="articleList")
        self.article_view = QTextEdit(objectName="articleView")
        self.article_view.setReadOnly(True)
        self.article_view.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
        option = QTextOption()
        option.setTextDirection(Qt.LayoutDirection.RightToLeft)
        # AlignAbsolute: in a right-to-left widget a plain AlignRight is mirrored to the left edge.
        option.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignAbsolute)
        option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        self.article_view.document().setDefaultTextOption(option)
        self.article_view.setFont(QFont(article_font_family, 18))

        splitter = QSplitter()
        splitter.addWidget(self.article_list)
        splitter.addWidget(self.article_view)
        splitter.setStretchFactor(1, 3)
        self.setCentralWidget(splitter)

        self.article_list.currentItemChanged.connect(self._show_selected)
        self.refresh_articles()

        file_menu = self.menuBar().addMenu("&File")
        self.team_actions = add_team_actions(file_menu, self, lambda: self.project, lambda: None,
                                             lambda _changes: self.refresh_articles())

    def refresh_articles(self) -> None:
        self.article_list.clear()
        for article in self.project.article_summaries():
            item = QListWidgetItem(f"{article.title}\n{article.length:,} characters")
            item.setData(Qt.ItemDataRole.UserRole, article.id)
            self.article_list.addItem(item)
        if self.article_list.count():
            self.article_list.setCurrentRow(0)

    def _show_selected(self, item: QListWidgetItem | None) -> None:
        if item is None:
            self.article_view.clear()
            return
        document = self.project.document(item.data(Qt.ItemDataRole.UserRole))
        self.article_view.setPlainText(document.text)
        self.statusBar().showMessage(f"{document.title} — {len(document.text):,} characters")
