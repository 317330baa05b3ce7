"""The Consistency tab's right-hand side: one shared passage in both articles, and how their coding differs.

Both articles are shown right-to-left with the passage tinted under the painted spans (the chosen
annotator's spans solid, others dashed), scrolled to the passage; below, the differences of the passage,
and choosing one selects its place on both sides. The buttons (open an article, copy spans across) are
wired by the page, which owns the project and the undo stack.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QBrush, QColor, QTextCharFormat
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from annotator.core.consistency_spans import DifferenceKind, SpanDifference
from annotator.core.model import Label, Span
from annotator.operations.consistency import ConsistencyReport, PassageReport
from annotator.ui.annotate.article_view import ArticleView

PASSAGE_TINT = QColor(255, 214, 10, 46)  # a pale amber wash under the spans: "this is the shared part"
KIND_COLOURS = {
    DifferenceKind.MISSING_IN_B: "#c0392b",
    DifferenceKind.MISSING_IN_A: "#c0392b",
    DifferenceKind.DIFFERENT_LABEL: "#8e44ad",
    DifferenceKind.DIFFERENT_BOUNDARIES: "#d35400",
}


class PassageSides(QSplitter):
    """Articles A and B side by side over the passage's differences, with the copy buttons under them."""

    def __init__(self, article_font_family: str = "Amiri", parent: QWidget | None = None) -> None:
        super().__init__(Qt.Orientation.Vertical, parent)
        self.setObjectName("consistencyDetail")
        self.differences: list[SpanDifference] = []
        self.view_a = ArticleView(article_font_family, 15)
        self.view_a.setObjectName("consistencyViewA")
        self.view_b = ArticleView(article_font_family, 15)
        self.view_b.setObjectName("consistencyViewB")
        self.title_a = QLabel(objectName="consistencyTitleA")
        self.title_b = QLabel(objectName="consistencyTitleB")
        self.open_a = QPushButton(self.tr("Open in Annotate"), objectName="openA")
        self.open_b = QPushButton(self.tr("Open in Annotate"), objectName="openB")
        sides = QSplitter(Qt.Orientation.Horizontal, objectName="consistencySides")
        for title, view, button in ((self.title_a, self.view_a, self.open_a),
                                    (self.title_b, self.view_b, self.open_b)):
            title.setWordWrap(True)
            title.setTextFormat(Qt.TextFormat.PlainText)
            heading = QHBoxLayout()
            heading.addWidget(title, 1)
            heading.addWidget(button)
            pane = QWidget()
            pane_layout = QVBoxLayout(pane)
            pane_layout.setContentsMargins(0, 0, 0, 0)
            pane_layout.addLayout(heading)
            pane_layout.addWidget(view, 1)
            sides.addWidget(pane)

        self.difference_list = QTreeWidget(objectName="differenceList")
        self.difference_list.setHeaderLabels([self.tr("Difference"), self.tr("Annotators"), self.tr("In A"),
                                              self.tr("In B"), self.tr("Text")])
        self.difference_list.setRootIsDecorated(False)
        self.difference_list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.difference_list.header().setStretchLastSection(True)
        self.copy_a_to_b = QPushButton(self.tr("Copy spans A → B"), objectName="copyAToB")
        self.copy_b_to_a = QPushButton(self.tr("Copy spans B → A"), objectName="copyBToA")
        self.message = QLabel(objectName="consistencyMessage")
        buttons = QHBoxLayout()
        buttons.addWidget(self.copy_a_to_b)
        buttons.addWidget(self.copy_b_to_a)
        buttons.addSpacing(12)
        buttons.addWidget(self.message, 1)
        bottom = QWidget()
        bottom_layout = QVBoxLayout(bottom)
        bottom_layout.setContentsMargins(0, 0, 0, 0)
        bottom_layout.addWidget(self.difference_list, 1)
        bottom_layout.addLayout(buttons)

        self.addWidget(sides)
        self.addWidget(bottom)
        self.setStretchFactor(0, 3)
        self.setStretchFactor(1, 1)
        self.setSizes([600, 150])
        self.difference_list.currentItemChanged.connect(lambda item, _old: self._difference_chosen(item))

    def clear(self) -> None:
        """Nothing to show: empty views, titles and differences; the buttons off."""
        self._enable(False)
        self.difference_list.clear()
        for view, title in ((self.view_a, self.title_a), (self.view_b, self.title_b)):
            view.set_article("")
            title.setText("")
        self.differences = []

    def show_passage(self, entry: PassageReport, report: ConsistencyReport, *, spans_a: list[Span],
                     spans_b: list[Span], labels: dict[str, Label], titles: tuple[str, str], annotator: str,
                     differences: list[SpanDifference]) -> None:
        """Show ``entry`` in both articles with their spans (``annotator``'s solid) and ``differences``."""
        self._enable(True)
        self.difference_list.clear()
        p = entry.passage
        for side, view, title, article, start, end, spans, name in (
                (self.tr("A"), self.view_a, self.title_a, p.article_a, p.start_a, p.end_a, spans_a,
                 titles[0]),
                (self.tr("B"), self.view_b, self.title_b, p.article_b, p.start_b, p.end_b, spans_b,
                 titles[1])):
            view.set_article(report.texts[article])  # anew: clears the last passage's tint
            _tint(view, start, end)
            view.set_spans(spans, labels, annotator)
            title.setText(self.tr("{side}: {title} — characters {start}–{end}").format(
                side=side, title=_short(name, 44), start=start, end=end))
            title.setToolTip(name)
            view.select_range(start, start)
            QTimer.singleShot(0, lambda view=view, start=start: _scroll_to(view, start))
        self.differences = differences
        texts = report.texts
        for difference in differences:
            shown = (texts[p.article_a][difference.start_a : difference.end_a] if difference.label_a
                     else texts[p.article_b][difference.start_b : difference.end_b])
            who = (difference.annotator_a if difference.annotator_a == difference.annotator_b
                   else f"{difference.annotator_a} / {difference.annotator_b}")
            item = QTreeWidgetItem([self.kind_text(difference.kind), who, difference.label_a or "—",
                                    difference.label_b or "—", " ".join(shown.split())])
            item.setForeground(0, QBrush(QColor(KIND_COLOURS[difference.kind])))
            self.difference_list.addTopLevelItem(item)
        for column in range(4):
            self.difference_list.resizeColumnToContents(column)

    def kind_text(self, kind: DifferenceKind) -> str:
        """The kind of a difference, in the interface's language."""
        return {
            DifferenceKind.MISSING_IN_B: self.tr("missing in B"),
            DifferenceKind.MISSING_IN_A: self.tr("missing in A"),
            DifferenceKind.DIFFERENT_LABEL: self.tr("different label"),
            DifferenceKind.DIFFERENT_BOUNDARIES: self.tr("different boundaries"),
        }[kind]

    def _enable(self, on: bool) -> None:
        for widget in (self.copy_a_to_b, self.copy_b_to_a, self.open_a, self.open_b):
            widget.setEnabled(on)

    def _difference_chosen(self, item: QTreeWidgetItem | None) -> None:
        if item is None:
            return
        difference = self.differences[self.difference_list.indexOfTopLevelItem(item)]
        self.view_a.select_range(difference.start_a, difference.end_a)
        self.view_b.select_range(difference.start_b, difference.end_b)


def _short(text: str, width: int = 38) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def _scroll_to(view: ArticleView, start: int) -> None:
    """Put the line holding ``start`` near the top of the view (once it is laid out)."""
    bar = view.verticalScrollBar()
    bar.setValue(bar.value() + view.cursorRect(view.cursor_for(start, start)).top() - 12)


def _tint(view: ArticleView, start: int, end: int) -> None:
    """Wash the passage's characters in the tint, under the spans."""
    tinted = QTextCharFormat()
    tinted.setBackground(PASSAGE_TINT)
    view.cursor_for(start, end).mergeCharFormat(tinted)
