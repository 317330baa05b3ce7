"""The Consistency tab's passage list: one row per shared passage, grouped by pair of articles.

A large corpus has tens of thousands of passages (40,748 in 27,457 pairs over the 10,000-article
benchmark); one ``QTreeWidgetItem`` each took 2.6 s to build on the GUI thread, and even a tree *model*
costs a Python call per row whenever ``QTreeView`` lays its rows out (0.4 s to expand them all). So the
list is a flat table model under a ``QTableView``, which lays out rows of one height without asking the
model about each: the model keeps the report and the row order, and computes what is shown (excerpts,
difference counts) when the view paints a row, remembering counts until the comparison changes.

A pair's rows follow each other; its first row names both articles on two lines ("A" and "B", each
title elided to the column's width, the full titles in the tooltip) under a rule that starts the group.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    QRect,
    QRectF,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QPainter, QTextOption
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QWidget,
)

from annotator.core.normalise import normalised_text
from annotator.operations.consistency import ConsistencyReport, PassageReport

PASSAGE_ROLE = Qt.ItemDataRole.UserRole  # the row's passage number in the report
TITLES_ROLE = Qt.ItemDataRole.UserRole + 1  # (title A, title B) on a pair's first row, else None
ARTICLES, PASSAGE, WORDS, DIFFERENCES = range(4)
_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
_DIFFERENT = QBrush(QColor("#c0392b"))
_RULE = QColor(0, 0, 0, 60)
Index = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True)
class PassageOrder:
    """The rows of a report's passages: those of one pair of articles together, in report order."""

    numbers: list[int]  # row → passage number
    rows: list[int]  # passage number → row (-1: filtered out)
    starts: list[bool]  # per row: whether it is its pair's first
    pairs: int
    searchable: dict[str, str]  # article id → its title normalised and case-folded, for the filter

    def matching(self, report: ConsistencyReport, needle: str) -> PassageOrder:
        """The rows of the pairs with ``needle`` (already ``searchable_title``) in either title."""
        numbers: list[int] = []
        starts: list[bool] = []
        rows = [-1] * len(self.rows)
        pairs, keep = 0, False
        for row, number in enumerate(self.numbers):
            if self.starts[row]:
                p = report.passages[number].passage
                keep = needle in self.searchable.get(p.article_a, "") or needle in self.searchable.get(
                    p.article_b, "")
                pairs += keep
            if keep:
                rows[number] = len(numbers)
                starts.append(self.starts[row])
                numbers.append(number)
        return PassageOrder(numbers, rows, starts, pairs, self.searchable)


def searchable_title(title: str) -> str:
    """A title (or what is typed in the filter) as the filter compares it: Arabic-normalised, case-folded."""
    return normalised_text(" ".join(title.split())).casefold()


def passage_order(report: ConsistencyReport, titles: dict[str, str] | None = None) -> PassageOrder:
    """Group ``report``'s passages by pair (no Qt: a worker may call it); ``titles`` make the filter's."""
    groups: dict[tuple[str, str], list[int]] = {}
    for number, entry in enumerate(report.passages):
        groups.setdefault((entry.passage.article_a, entry.passage.article_b), []).append(number)
    numbers = [number for group in groups.values() for number in group]
    rows = [0] * len(numbers)
    for row, number in enumerate(numbers):
        rows[number] = row
    starts = [False] * len(numbers)
    row = 0
    for group in groups.values():
        starts[row] = True
        row += len(group)
    searchable = {article: searchable_title((titles or {}).get(article, article)) for article in report.texts}
    return PassageOrder(numbers, rows, starts, len(groups), searchable)


class PassageListModel(QAbstractTableModel):
    """The passages of a report, one per row, the rows of one pair of articles together."""

    counts_changed = Signal()  # every difference count may differ: views repaint what they show

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.report: ConsistencyReport | None = None
        self.entries: list[PassageReport] = []
        self._numbers: list[int] = []  # row → passage number
        self._rows: list[int] = []  # passage number → row
        self._starts: list[bool] = []  # per row: whether it is its pair's first
        self._pairs = 0
        self._order: PassageOrder | None = None  # every passage's row, before filtering
        self._filter = ""
        self._titles: dict[str, str] = {}
        self._count: Callable[[PassageReport], int] = lambda entry: len(entry.differences)
        self._counts: dict[int, int] = {}

    @property
    def counted(self) -> int:
        """How many passages' differences were counted since the last change (the rows shown so far)."""
        return len(self._counts)

    def set_report(self, report: ConsistencyReport, titles: dict[str, str],
                   count: Callable[[PassageReport], int], order: PassageOrder | None = None) -> None:
        """Show ``report``'s passages, grouped by pair; ``count(entry)`` is a row's number of differences.

        ``order`` is ``passage_order(report)``, worked out beforehand (in the worker that made the report:
        grouping 40,000 passages takes ~60 ms) or here.
        """
        order = order or passage_order(report, titles)
        self._order, self._filter = order, ""
        self.beginResetModel()
        self.report, self.entries = report, list(report.passages)
        self._show_order(order)
        self._titles, self._count, self._counts = titles, count, {}
        self.endResetModel()

    def set_filter(self, text: str) -> None:
        """Show only the pairs with ``text`` in a title (Arabic-normalised, any case); "" shows them all."""
        needle = searchable_title(text)
        if self._order is None or needle == self._filter:
            return
        self._filter = needle
        self.beginResetModel()
        self._show_order(self._order.matching(self.report, needle) if needle else self._order)
        self.endResetModel()

    def _show_order(self, order: PassageOrder) -> None:
        self._numbers, self._rows, self._starts = order.numbers, order.rows, order.starts
        self._pairs = order.pairs

    def set_entry(self, number: int, entry: PassageReport) -> None:
        """Replace one passage's comparison (after an edit); call ``recount`` once afterwards."""
        self.entries[number] = entry

    def set_entries(self, entries: list[PassageReport]) -> None:
        """Replace every passage's comparison at once (the same passages, compared again)."""
        self.entries = list(entries)
        self.recount()

    def recount(self) -> None:
        """Forget the counted differences (another annotator, an edit): shown rows count again.

        No ``dataChanged`` over the column: ``QTableView`` would repaint just as well, but views of
        other kinds (a tree, accessibility) measure every row of the range.
        """
        self._counts = {}
        self.counts_changed.emit()

    def pair_count(self) -> int:
        """How many pairs of articles share a passage (of those the filter shows)."""
        return self._pairs

    def report_pair_count(self) -> int:
        """How many pairs of articles share a passage in the whole report, the filter aside."""
        return self._order.pairs if self._order is not None else 0

    def row_of(self, number: int) -> int:
        """The row showing passage ``number`` of the report; -1 when the filter hides it."""
        return self._rows[number]

    def number_at(self, row: int) -> int:
        """The report number of the passage on ``row``."""
        return self._numbers[row]

    def numbers_of(self, articles: set[str]) -> list[int]:
        """The passages with article A or B among ``articles``."""
        return [n for n, entry in enumerate(self.entries)
                if entry.passage.article_a in articles or entry.passage.article_b in articles]

    def count_of(self, number: int) -> int:
        """Passage ``number``'s differences (as ``count`` gives them), counted once until ``recount``."""
        count = self._counts.get(number)
        if count is None:
            count = self._counts[number] = self._count(self.entries[number])
        return count

    # -- QAbstractTableModel ---------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._numbers)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 4

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return (self.tr("Articles"), self.tr("Passage"), self.tr("Words"),
                    self.tr("Differences"))[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        row, column = index.row(), index.column()
        number = self._numbers[row]
        if role == Qt.ItemDataRole.DisplayRole:
            if column == ARTICLES:
                if not self._starts[row]:
                    return ""
                title_a, title_b = self.titles(number)
                return f"{self.tr('A')}  {title_a}\n{self.tr('B')}  {title_b}"
            if column == PASSAGE:
                return self.report.excerpt(self.entries[number].passage, 90)
            if column == WORDS:
                return str(self.entries[number].passage.words)
            return str(self.count_of(number))
        if role == PASSAGE_ROLE:
            return number
        if role == TITLES_ROLE:
            return self.titles(number) if column == ARTICLES and self._starts[row] else None
        if role == Qt.ItemDataRole.TextAlignmentRole:
            if column == PASSAGE:
                return _RIGHT  # Arabic excerpts read from the right
            return _RIGHT if column != ARTICLES else None
        if role == Qt.ItemDataRole.ForegroundRole and column == DIFFERENCES and self.count_of(number):
            return _DIFFERENT
        if role == Qt.ItemDataRole.ToolTipRole:
            p = self.entries[number].passage
            if column == ARTICLES:
                title_a, title_b = self.titles(number)
                return f"{self.tr('A')}: {title_a}\n{self.tr('B')}: {title_b}"
            return self.tr("A {start_a}–{end_a} · B {start_b}–{end_b}").format(
                start_a=p.start_a, end_a=p.end_a, start_b=p.start_b, end_b=p.end_b)
        return None

    def titles(self, number: int) -> tuple[str, str]:
        """The titles of passage ``number``'s articles A and B, each on one line."""
        p = self.entries[number].passage
        return (" ".join(self._titles.get(p.article_a, p.article_a).split()),
                " ".join(self._titles.get(p.article_b, p.article_b).split()))

    def starts_pair(self, row: int) -> bool:
        """Whether ``row`` is the first of its pair of articles."""
        return self._starts[row]


class PassageDelegate(QStyledItemDelegate):
    """Draws a rule above each pair's first row and that row's two titles, each elided on its line."""

    def initStyleOption(self, option: QStyleOptionViewItem, index: Index) -> None:
        super().initStyleOption(option, index)
        if index.column() == PASSAGE and _right_to_left(option.text):
            # laid out right-to-left, so the excerpt's "…" lands at its end, on the left
            option.direction = Qt.LayoutDirection.RightToLeft
            option.displayAlignment = _RIGHT | Qt.AlignmentFlag.AlignAbsolute

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        titles = index.data(TITLES_ROLE)
        if titles is None:
            super().paint(painter, option, index)
        else:
            self._paint_titles(painter, option, index, titles)
        model = index.model()
        if index.row() and isinstance(model, PassageListModel) and model.starts_pair(index.row()):
            painter.save()
            painter.setPen(_RULE)
            painter.drawLine(option.rect.topLeft(), option.rect.topRight())
            painter.restore()

    def _paint_titles(self, painter: QPainter, option: QStyleOptionViewItem, index: Index,
                      titles: tuple[str, str]) -> None:
        shown = QStyleOptionViewItem(option)
        self.initStyleOption(shown, index)
        shown.text = ""
        style = shown.widget.style() if shown.widget is not None else None
        if style is not None:  # background and selection, no text
            style.drawControl(style.ControlElement.CE_ItemViewItem, shown, painter, shown.widget)
        selected = bool(option.state & style.StateFlag.State_Selected) if style is not None else False
        painter.save()
        palette = option.palette
        painter.setPen(palette.highlightedText().color() if selected else palette.text().color())
        metrics = option.fontMetrics
        line = metrics.height()
        top = option.rect.top() + (option.rect.height() - 2 * line) // 2
        letter = max(metrics.horizontalAdvance(self.tr("A")), metrics.horizontalAdvance(self.tr("B"))) + 8
        for n, (side, title) in enumerate(((self.tr("A"), titles[0]), (self.tr("B"), titles[1]))):
            row = QRect(option.rect.left() + 4, top + n * line, option.rect.width() - 8, line)
            room = QRect(row.left() + letter, row.top(), max(row.width() - letter, 0), line)
            edge = Qt.AlignmentFlag.AlignLeft
            if option.direction == Qt.LayoutDirection.RightToLeft:  # Arabic interface: letter on the right
                room.moveLeft(row.left())
                edge = Qt.AlignmentFlag.AlignRight
            painter.drawText(row, int(edge | Qt.AlignmentFlag.AlignAbsolute | Qt.AlignmentFlag.AlignVCenter),
                             side)
            elided = metrics.elidedText(title, Qt.TextElideMode.ElideRight, room.width())
            # an Arabic title hugs the right edge and is laid out right-to-left, "…" at its end
            layout = QTextOption(Qt.AlignmentFlag.AlignVCenter)
            if _right_to_left(title):
                layout.setTextDirection(Qt.LayoutDirection.RightToLeft)
                layout.setAlignment(_RIGHT | Qt.AlignmentFlag.AlignAbsolute)
            layout.setWrapMode(QTextOption.WrapMode.NoWrap)
            painter.drawText(QRectF(room), elided, layout)
        painter.restore()


def _right_to_left(text: str) -> bool:
    """Whether the first letter of ``text`` is of a right-to-left script (Arabic, Hebrew…)."""
    for ch in text:
        if ch.isalpha():
            return "\u0590" <= ch <= "\u08ff" or "\ufb1d" <= ch <= "\ufefc"
    return False


class PassageList(QTableView):
    """The passage list: a table over a ``PassageListModel``, rows two lines high, one row selected."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("passageList")
        self.passages = PassageListModel(self)
        self.setModel(self.passages)
        self.setItemDelegate(PassageDelegate(self))
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setShowGrid(False)
        self.setAlternatingRowColors(True)
        self.setWordWrap(True)
        self.verticalHeader().hide()
        rows = self.verticalHeader()
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)  # one height: no row is measured
        rows.setDefaultSectionSize(2 * self.fontMetrics().height() + 8)
        header = self.horizontalHeader()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(PASSAGE, QHeaderView.ResizeMode.Stretch)
        header.setHighlightSections(False)
        for column, width in ((ARTICLES, 170), (WORDS, 56), (DIFFERENCES, 84)):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            header.resizeSection(column, width)
        self.passages.counts_changed.connect(self.viewport().update)

    def show_report(self, report: ConsistencyReport, titles: dict[str, str],
                    count: Callable[[PassageReport], int], order: PassageOrder | None = None) -> None:
        """List ``report``'s passages grouped by pair (``order``: when worked out already), first current."""
        self.passages.set_report(report, titles, count, order)
        if report.passages:
            self.setCurrentIndex(self.passages.index(0, PASSAGE))
            if self.isRightToLeft():  # making the wide passage column visible scrolled the list to its
                # far end, the article titles out of view (left to right they stay in sight at 1280 px)
                self.horizontalScrollBar().setValue(self.horizontalScrollBar().minimum())

    def current_number(self) -> int | None:
        """The report number of the current passage, or None with nothing current."""
        index = self.currentIndex()
        return self.passages.number_at(index.row()) if index.isValid() else None

    def set_filter(self, text: str) -> None:
        """Show only the pairs with ``text`` in a title; the current passage stays current if shown."""
        number = self.current_number()
        self.passages.set_filter(text)
        row = self.passages.row_of(number) if number is not None else -1
        self.setCurrentIndex(self.passages.index(max(row, 0), PASSAGE))
