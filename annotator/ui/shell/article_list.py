"""The Articles dock: a status filter, "only my assigned articles", a filter by title or metadata with a
sort by a metadata key (``article_metadata``), and the list of articles.

The list is a model over ``store.article_listing``: it knows how many rows there are and reads the rows
Qt asks for a page at a time, so a project of a million articles opens as fast as one of ten (the former
list built one item per article at start-up: 2.4-2.8 s and 285 MB for 100,000). Entries have one height
(two lines, the title elided; three when the project has metadata, its date and outlet on the second),
so Qt never measures rows off screen. The tooltip has the whole title and every metadata value.

The open article is the list's current row. An edit that changes which articles a filter keeps (marking
the open one done under "Only new") keeps the open article listed until the filter is changed again.
"""

from __future__ import annotations

import dataclasses
from collections import OrderedDict

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QItemSelectionModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QCheckBox,
    QComboBox,
    QHeaderView,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from annotator.core.model import Status
from annotator.store import Project
from annotator.store.article_listing import (
    ArticleEntry,
    ListingFilter,
    listing_count,
    listing_page,
    listing_row,
)
from annotator.ui.shell import counts as counted
from annotator.ui.shell.article_metadata import MetadataFilter, in_reading_order, main_metadata

ROLE = Qt.ItemDataRole.UserRole  # an entry's article id
STATUS_TEXT = {  # an annotator's progress on an article, as the interface writes it
    Status.NEW: QT_TRANSLATE_NOOP("Status", "new"),
    Status.IN_PROGRESS: QT_TRANSLATE_NOOP("Status", "in progress"),
    Status.DONE: QT_TRANSLATE_NOOP("Status", "done"),
}
TITLE_CHARS = 60
PAGE_ROWS = 200
PAGES_KEPT = 16  # ~3,200 entries in memory at most, whatever the corpus


def status_text(status: Status) -> str:
    """``status`` in the interface language ("done", "منتهية"…)."""
    return QCoreApplication.translate("Status", STATUS_TEXT[status])


class ArticleListModel(QAbstractTableModel):
    """The articles under a ``ListingFilter``, read from the store a page at a time."""

    def __init__(self, project: Project, listing: ListingFilter, parent=None, *,
                 metadata: bool = False) -> None:
        super().__init__(parent)
        self.project = project
        self.listing = listing
        self.total = project.document_count()  # articles in the project when listed (new ones: reload)
        self._count = listing_count(project, listing, self.total)
        self._pages: OrderedDict[int, list[ArticleEntry]] = OrderedDict()
        self.set_metadata(metadata)
        self._line = self.tr("{title}\n{length} characters · {spans} · {status}")

    def set_metadata(self, metadata: bool) -> None:
        """Give each entry a line for its date and outlet (or first metadata), or not."""
        self.metadata = metadata
        lines = 3 if metadata else 2
        self.row_height = lines * QFontMetrics(QApplication.font()).lineSpacing() + 8  # the lines and a gap

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self._count

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 1

    def entry(self, row: int) -> ArticleEntry | None:
        """The entry at ``row`` (its page read from the store when not in memory)."""
        if not 0 <= row < self._count:
            return None
        number = row // PAGE_ROWS
        page = self._pages.get(number)
        if page is None:
            page = listing_page(self.project, self.listing, number * PAGE_ROWS, PAGE_ROWS, self._count)
            self._pages[number] = page
            if len(self._pages) > PAGES_KEPT:
                self._pages.popitem(last=False)
        else:
            self._pages.move_to_end(number)
        offset = row - number * PAGE_ROWS
        return page[offset] if offset < len(page) else None

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        entry = self.entry(index.row()) if index.isValid() else None
        if entry is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self.entry_text(entry)
        if role == Qt.ItemDataRole.ToolTipRole:
            return "\n".join([entry.title, *(f"{key}: {value}" for key, value in (entry.meta or {}).items())])
        if role == ROLE:
            return entry.id
        return None

    def entry_text(self, entry: ArticleEntry) -> str:
        """What an entry reads: its title, length, span count and status."""
        title = entry.title if len(entry.title) <= TITLE_CHARS else entry.title[:TITLE_CHARS] + "…"
        text = self._line.format(title=title, length=f"{entry.length:,}", spans=counted.spans(entry.spans),
                                 status=status_text(entry.status))
        if not self.metadata:
            return text
        first, rest = text.split("\n", 1)
        values = main_metadata(entry.meta, self.listing.sort_key)
        shown = " · ".join(in_reading_order(value) for value in values)
        return f"{first}\n{shown}\n{rest}"

    def set_listing(self, listing: ListingFilter) -> None:
        """Show the articles of ``listing`` (rows may come and go: the views are reset)."""
        self.beginResetModel()
        self.listing = listing
        self.total = self.project.document_count()
        self._count = listing_count(self.project, listing, self.total)
        self._pages.clear()
        self.endResetModel()

    def entries_changed(self) -> None:
        """Statuses or span counts changed, not which rows there are: the rows are read again when next
        drawn (the table repaints only those on screen)."""
        self._pages.clear()
        if self._count:
            self.dataChanged.emit(self.index(0, 0), self.index(self._count - 1, 0))

    def row_of(self, document_id: str) -> int | None:
        """The row showing ``document_id``, or ``None`` when the filter leaves it out."""
        for number, page in self._pages.items():
            for offset, entry in enumerate(page):
                if entry.id == document_id:
                    return number * PAGE_ROWS + offset
        return listing_row(self.project, self.listing, document_id)


class ArticleList(QTableView):
    """The list: one column, one height for every row, with the few row-level calls the window and its
    tests need.

    A table rather than a QListView: a QListView lays out every row whenever its model resets or any
    entry changes (two calls into the model per row: 120 ms at 100,000 articles, ~1.2 s at a million),
    while a table's rows of one fixed height cost nothing until they are drawn.
    """

    def __init__(self, model: ArticleListModel, parent=None) -> None:
        super().__init__(parent, objectName="articleList")
        self.setModel(model)
        self.horizontalHeader().hide()
        self.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        rows = self.verticalHeader()
        rows.hide()
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        rows.setDefaultSectionSize(model.row_height)
        self.setShowGrid(False)
        self.setWordWrap(False)
        self.setTextElideMode(Qt.TextElideMode.ElideRight)  # the end of a long title; the tooltip has it all
        # entries as wide as the list, never wider: no sideways scrolling to read a title
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setAlternatingRowColors(True)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setTabKeyNavigation(False)

    def moveCursor(self, action: QAbstractItemView.CursorAction, modifiers) -> QModelIndex:
        """Home and End go to the first and last article, as in a list (a table's go along the row)."""
        rows = self.model().rowCount()
        if action == QAbstractItemView.CursorAction.MoveHome and rows:
            return self.model().index(0, 0)
        if action == QAbstractItemView.CursorAction.MoveEnd and rows:
            return self.model().index(rows - 1, 0)
        return super().moveCursor(action, modifiers)

    def article_model(self) -> ArticleListModel:
        model = self.model()
        assert isinstance(model, ArticleListModel)
        return model

    def count(self) -> int:
        """How many articles are listed."""
        return self.model().rowCount()

    def currentRow(self) -> int:
        index = self.currentIndex()
        return index.row() if index.isValid() else -1

    def setCurrentRow(self, row: int) -> None:
        self.setCurrentIndex(self.model().index(row, 0))

    def article_id(self, row: int) -> str | None:
        entry = self.article_model().entry(row)
        return entry.id if entry else None

    def entry_text(self, row: int) -> str:
        """The text of the entry at ``row``, as drawn."""
        return self.model().index(row, 0).data() or ""

    def ids(self) -> list[str]:
        """Every listed article id, in order (reads every page: for small projects and tests)."""
        model = self.article_model()
        return [entry.id for row in range(model.rowCount()) if (entry := model.entry(row)) is not None]

    def current_id(self) -> str | None:
        return self.article_id(self.currentRow())


class ArticlesPanel(QWidget):
    """The Articles dock's body; says which article the annotator picked with ``article_chosen``."""

    article_chosen = Signal(object)  # an article id, or None when nothing is listed

    def __init__(self, project: Project, annotator: str, parent=None) -> None:
        super().__init__(parent)
        self.project = project
        self.status_filter = QComboBox(objectName="statusFilter")
        self.status_filter.addItem(self.tr("All articles"), "")
        for status in Status:
            self.status_filter.addItem(self.tr("Only {status}").format(status=status_text(status)),
                                       status.value)
        # Shown only when the project carries an assignment (from a pack or `pack --assign`).
        self.assigned_only = QCheckBox(self.tr("Only articles assigned to me"), objectName="assignedOnly")
        self.assigned_only.setChecked(True)
        self._has_assignment = project.has_assignment()
        self.metadata_filter = MetadataFilter(project, self)
        self.model = ArticleListModel(project, self._listing(annotator), self,
                                      metadata=self.metadata_filter.key.count() > 1)
        self.list = ArticleList(self.model, self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.status_filter)
        layout.addWidget(self.assigned_only)
        layout.addWidget(self.metadata_filter)
        layout.addWidget(self.list)
        self.assigned_only.setVisible(self._has_assignment)
        self._quiet = False  # set while the list is rebuilt: the same article stays open, unannounced
        self._shown: str | None = None  # the open article (listed or not) and its title
        self._shown_title = ""
        self.list.selectionModel().currentChanged.connect(self._current_changed)
        self.status_filter.currentIndexChanged.connect(lambda _i: self.filter_changed())
        self.assigned_only.toggled.connect(lambda _checked: self.filter_changed())
        self.metadata_filter.changed.connect(self.filter_changed)

    def _listing(self, annotator: str, pinned: str | None = None) -> ListingFilter:
        status = self.status_filter.currentData()
        text, meta, sort_key = self.metadata_filter.choice()
        return ListingFilter(annotator, Status(status) if status else None,
                             self._has_assignment and self.assigned_only.isChecked(), pinned,
                             text, meta, sort_key, self.metadata_filter.keys())

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if self._quiet:
            return
        entry = self.model.entry(current.row()) if current.isValid() else None
        self._shown, self._shown_title = (entry.id, entry.title) if entry else (None, "")
        self.article_chosen.emit(self._shown)

    def _relist(self, listing: ListingFilter, keep: str | None) -> None:
        """Show ``listing``; select ``keep`` when it is listed, else the first row (and open it)."""
        self._quiet = True
        try:
            self.model.set_listing(listing)
            row = self.model.row_of(keep) if keep is not None else None
            if row is not None:
                flags = QItemSelectionModel.SelectionFlag
                self.list.selectionModel().setCurrentIndex(self.model.index(row, 0),
                                                           flags.ClearAndSelect | flags.Rows)
                self.list.scrollTo(self.model.index(row, 0))
        finally:
            self._quiet = False
        if row is None and keep is None:
            self.open_first()
        # an open article the filter leaves out stays open, with no row selected (Ctrl+PageDown goes on
        # from the first listed)

    def open_first(self) -> None:
        """Select (and so open) the first listed article; say there is none when nothing is listed."""
        if self.model.rowCount():
            self.list.setCurrentRow(0)
        else:
            self.article_chosen.emit(None)

    def filter_changed(self) -> None:
        """The annotator chose another status or the assignment filter: list anew, the open article
        stays selected when it is listed."""
        self._relist(self._listing(self.model.listing.annotator), self._shown)

    def set_annotator(self, annotator: str) -> None:
        """List for ``annotator``: their statuses, span counts and assignment."""
        self._has_assignment = self.project.has_assignment()
        self.assigned_only.setVisible(self._has_assignment)
        self._relist(self._listing(annotator), self._shown)

    def reload(self) -> None:
        """Articles or the assignment changed (an import, a merge, a pack): count and list anew."""
        self.metadata_filter.blockSignals(True)
        self.metadata_filter.reload()
        self.metadata_filter.blockSignals(False)
        metadata = self.metadata_filter.key.count() > 1
        if metadata != self.model.metadata:
            self.model.set_metadata(metadata)
            self.list.verticalHeader().setDefaultSectionSize(self.model.row_height)
        self.set_annotator(self.model.listing.annotator)

    def entries_changed(self) -> None:
        """Statuses or span counts changed. With a filter on, the rows it keeps may change too, but the
        open article stays listed."""
        listing = self.model.listing
        if listing.status is None and not listing.assigned_only:  # what an edit changes: no row comes or goes
            self.model.entries_changed()
            return
        self._relist(self._listing(listing.annotator, pinned=self._shown), self._shown)

    def select(self, document_id: str) -> None:
        """Open ``document_id``, listing it even when the filter would leave it out."""
        row = self.model.row_of(document_id)
        if row is None:
            self._quiet = True
            try:
                self.model.set_listing(dataclasses.replace(self.model.listing, pinned=document_id))
            finally:
                self._quiet = False
            row = self.model.row_of(document_id)
        if row is not None:
            self.list.setCurrentRow(row)
            self.list.scrollTo(self.model.index(row, 0))

    def step(self, step: int) -> None:
        """Open the next (``step`` = 1) or previous listed article."""
        current = self.list.currentRow()
        row = current + step if current >= 0 else 0
        if 0 <= row < self.model.rowCount():
            self.list.setCurrentRow(row)

    def open_title(self) -> str:
        """The open article's title ("" when none is open)."""
        return self._shown_title
