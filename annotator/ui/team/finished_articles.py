"""The Team tab's lower table: per article, who has finished it and who is assigned it but has not.

A table model, so 10,000 articles cost only the rows on screen; the rows are read in the round's
worker (``article_progress``) and swapped in whole after each round.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QAbstractTableModel, QCoreApplication, QModelIndex, QObject, Qt

from annotator.store.team_work import ArticleProgress

COLUMNS = (
    QT_TRANSLATE_NOOP("FinishedArticles", "Article"),
    QT_TRANSLATE_NOOP("FinishedArticles", "Finished by"),
    QT_TRANSLATE_NOOP("FinishedArticles", "Assigned, not finished"),
)


class FinishedArticles(QAbstractTableModel):
    """Rows of ``ArticleProgress``: the title, the names that finished it, the names still to."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.rows: list[ArticleProgress] = []

    def set_rows(self, rows: list[ArticleProgress]) -> None:
        if rows == self.rows:
            return  # nothing changed: the view keeps its scroll position and selection
        self.beginResetModel()
        self.rows = rows
        self.endResetModel()

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008 (Qt's signature)
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        row = self.rows[index.row()]
        if index.column() == 0:
            return row.title if role == Qt.ItemDataRole.DisplayRole else f"{row.title}\n{row.article_id}"
        names = row.finished if index.column() == 1 else row.unfinished
        return QCoreApplication.translate("TeamFolder", ", ").join(names)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return QCoreApplication.translate("FinishedArticles", COLUMNS[section])
        return None
