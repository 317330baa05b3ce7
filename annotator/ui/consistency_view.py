"""The Consistency tab: passages two articles share, side by side, and where their coding differs.

Finding passages runs in a worker (its own connection to the project file); the page then lists the
pairs of articles with their passages and how many spans differ. Choosing a passage shows both articles
right-to-left with the passage tinted and the chosen annotator's spans painted (others dashed), and the
differences below; a difference selects its place on both sides. "Copy spans A → B" puts the chosen
annotator's spans of the passage in A onto the matching words of B as one undoable command, on a stack
in the annotation page's undo group, active while this tab is shown (Ctrl+Z, Edit ▸ Undo).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QBrush, QColor, QTextCharFormat, QUndoGroup, QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from annotator.consistency import ConsistencyReport, PassageReport, consistency_report, passage_alignment
from annotator.core.consistency_spans import (
    DifferenceKind,
    SpanDifference,
    align_many,
    map_spans,
    span_differences,
)
from annotator.core.errors import AnnotatorError
from annotator.store import Changes, Project
from annotator.ui.article_view import ArticleView
from annotator.ui.commands import AddSpans, push
from annotator.ui.workers import Progress, WorkerHandle, run_in_worker

ROLE = Qt.ItemDataRole.UserRole
PASSAGE_TINT = QColor(255, 214, 10, 46)  # a pale amber wash under the spans: "this is the shared part"
KIND_COLOURS = {
    DifferenceKind.MISSING_IN_B: "#c0392b",
    DifferenceKind.MISSING_IN_A: "#c0392b",
    DifferenceKind.DIFFERENT_LABEL: "#8e44ad",
    DifferenceKind.DIFFERENT_BOUNDARIES: "#d35400",
}


class ConsistencyPage(QWidget):
    """Shared passages of the project, side by side, with their differences and copying across."""

    def __init__(self, project: Project, *, annotator: Callable[[], str],
                 on_changes: Callable[[Changes], None], undo_group: QUndoGroup,
                 open_article: Callable[[str], None],
                 article_font_family: str = "Amiri", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("consistencyPage")
        self.project = project
        self.current_annotator = annotator
        self.on_changes = on_changes
        self.open_article = open_article
        self.undo_group = undo_group
        self.undo_stack = QUndoStack(undo_group)
        self._previous_stack: QUndoStack | None = None
        self.report: ConsistencyReport | None = None
        self.entries: list[PassageReport] = []
        self.current: PassageReport | None = None
        self.differences: list[SpanDifference] = []
        self.worker: WorkerHandle | None = None

        self.find_button = QPushButton(self.tr("Find shared passages"), objectName="findPassages")
        self.annotator_box = QComboBox(objectName="consistencyAnnotator")
        self.across_box = QCheckBox(self.tr("Compare different annotators too"),
                                    objectName="acrossAnnotators")
        self.summary = QLabel(objectName="consistencySummary")
        top = QHBoxLayout()
        top.addWidget(self.find_button)
        top.addSpacing(12)
        top.addWidget(QLabel(self.tr("Spans of:")))
        top.addWidget(self.annotator_box)
        top.addWidget(self.across_box)
        top.addStretch(1)
        top.addWidget(self.summary)

        self.passage_list = QTreeWidget(objectName="passageList")
        self.passage_list.setHeaderLabels([self.tr("Articles"), self.tr("Words"), self.tr("Differences")])
        self.passage_list.setRootIsDecorated(True)
        self.passage_list.setAlternatingRowColors(True)
        header = self.passage_list.header()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setStretchLastSection(False)
        # sized once after filling: ResizeToContents measures every row on every change (minutes
        # for the tens of thousands of rows of a large corpus)
        for column in (1, 2):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)

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

        right = QSplitter(Qt.Orientation.Vertical, objectName="consistencyDetail")
        right.addWidget(sides)
        right.addWidget(bottom)
        right.setStretchFactor(0, 3)
        right.setStretchFactor(1, 1)
        right.setSizes([600, 150])
        main = QSplitter(Qt.Orientation.Horizontal, objectName="consistencySplitter")
        main.addWidget(self.passage_list)
        main.addWidget(right)
        main.setStretchFactor(0, 1)
        main.setStretchFactor(1, 3)
        main.setSizes([340, 860])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addLayout(top)
        layout.addWidget(main, 1)

        self.find_button.clicked.connect(self.find_passages)
        self.passage_list.currentItemChanged.connect(lambda item, _old: self._passage_chosen(item))
        self.difference_list.currentItemChanged.connect(lambda item, _old: self._difference_chosen(item))
        self.annotator_box.currentIndexChanged.connect(lambda _i: self._show_current())
        self.across_box.toggled.connect(lambda _on: self._show_current())
        self.copy_a_to_b.clicked.connect(lambda: self.copy_spans(to_b=True))
        self.copy_b_to_a.clicked.connect(lambda: self.copy_spans(to_b=False))
        self.open_a.clicked.connect(lambda: self.open_side(a=True))
        self.open_b.clicked.connect(lambda: self.open_side(a=False))
        self._fill_annotators()
        self._show_passage(None)
        self.summary.setText(self.tr("Looking for shared passages…"))
        self.find_passages()

    # -- the undo stack follows the tab ---------------------------------------------------------

    def showEvent(self, event) -> None:
        active = self.undo_group.activeStack()
        if active is not self.undo_stack:
            self._previous_stack = active
        self.undo_group.setActiveStack(self.undo_stack)
        self._fill_annotators()
        super().showEvent(event)

    def hideEvent(self, event) -> None:
        if self.undo_group.activeStack() is self.undo_stack:
            self.undo_group.setActiveStack(self._previous_stack)
        super().hideEvent(event)

    # -- finding --------------------------------------------------------------------------------

    def find_passages(self) -> None:
        """Look for shared passages again, in a worker, with a progress dialog after 0.3 s."""
        if self.worker is not None and not self.worker.done:
            return
        path = Path(self.project.path)
        self.find_button.setEnabled(False)

        def work(progress: Progress) -> ConsistencyReport:
            progress.report(0, 2, self.tr("Finding shared passages…"))
            with Project.open(path) as project:
                return consistency_report(project, across_annotators=True, check=progress.check)

        self.worker = run_in_worker(work, progress_dialog=self.window(),
                                    label=self.tr("Finding shared passages…"))
        self.worker.signals.finished.connect(self._found)
        self.worker.signals.failed.connect(self._failed)
        self.worker.signals.cancelled.connect(lambda: self.find_button.setEnabled(True))

    def _failed(self, exc: BaseException) -> None:
        self.find_button.setEnabled(True)
        self.summary.setText(self.tr("Could not look for passages: {error}").format(error=exc))

    def _found(self, report: ConsistencyReport) -> None:
        self.find_button.setEnabled(True)
        self.report = report
        self.entries = list(report.passages)
        titles = {a.id: a.title for a in self.project.article_summaries()}
        self.passage_list.clear()
        pairs: dict[tuple[str, str], QTreeWidgetItem] = {}
        for index, entry in enumerate(self.entries):
            p = entry.passage
            parent = pairs.get((p.article_a, p.article_b))
            if parent is None:
                side_a, side_b = self.tr("A"), self.tr("B")
                title_a, title_b = titles.get(p.article_a, p.article_a), titles.get(p.article_b, p.article_b)
                pair = f"{side_a}  {_short(title_a)}\n{side_b}  {_short(title_b)}"
                parent = QTreeWidgetItem([pair, "", ""])
                parent.setToolTip(0, f"{side_a}: {titles.get(p.article_a, '')}\n"
                                     f"{side_b}: {titles.get(p.article_b, '')}")
                parent.setData(0, ROLE, -1)
                pairs[p.article_a, p.article_b] = parent
            item = QTreeWidgetItem([report.excerpt(p, 34), str(p.words), ""])
            item.setData(0, ROLE, index)
            item.setToolTip(0, self.tr("A {start_a}–{end_a} · B {start_b}–{end_b}").format(
                start_a=p.start_a, end_a=p.end_a, start_b=p.start_b, end_b=p.end_b))
            item.setTextAlignment(1, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            item.setTextAlignment(2, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            parent.addChild(item)
        # filled before they join the list, then added at once: the view lays them out one time
        self._count_differences(list(pairs.values()))
        self.passage_list.addTopLevelItems(list(pairs.values()))
        self.passage_list.expandAll()
        for column in (1, 2):
            self.passage_list.resizeColumnToContents(column)
        self.summary.setText(self.tr("{passages} shared passages in {pairs} pairs of articles").format(
            passages=len(self.entries), pairs=len(pairs)))
        first = self.passage_list.topLevelItem(0)
        if first is not None:
            self.passage_list.setCurrentItem(first.child(0))
        else:
            self._show_passage(None)

    def _update_counts(self) -> None:
        """The differences column: per passage (the chosen annotator's comparisons), summed per pair."""
        # one repaint at the end: the view answering each change one by one takes seconds per 10,000 rows
        model = self.passage_list.model()
        model.blockSignals(True)
        try:
            self._count_differences([self.passage_list.topLevelItem(row)
                                     for row in range(self.passage_list.topLevelItemCount())])
        finally:
            model.blockSignals(False)
        self.passage_list.viewport().update()

    def _count_differences(self, parents: list[QTreeWidgetItem]) -> None:
        for parent in parents:
            total = 0
            for n in range(parent.childCount()):
                child = parent.child(n)
                count = len(self._differences_of(self.entries[child.data(0, ROLE)]))
                total += count
                if child.text(2) != str(count):
                    child.setText(2, str(count))
                    child.setForeground(2, QBrush(QColor("#c0392b")) if count else QBrush())
            if parent.text(2) != str(total):
                parent.setText(2, str(total))

    # -- showing one passage ----------------------------------------------------------------------

    def annotator(self) -> str:
        """Whose spans are painted, compared and copied: the box's choice (the current annotator at first)."""
        return self.annotator_box.currentText() or self.current_annotator()

    def _fill_annotators(self) -> None:
        chosen = self.annotator_box.currentText() or self.current_annotator()
        names = sorted(set(self.project.annotators()) | {self.current_annotator()})
        if names == [self.annotator_box.itemText(i) for i in range(self.annotator_box.count())]:
            return
        self.annotator_box.blockSignals(True)
        self.annotator_box.clear()
        self.annotator_box.addItems(names)
        self.annotator_box.setCurrentText(chosen)
        self.annotator_box.blockSignals(False)

    def _passage_chosen(self, item: QTreeWidgetItem | None) -> None:
        index = item.data(0, ROLE) if item is not None else -1
        if index is None or index < 0:
            if item is not None and item.childCount():
                self.passage_list.setCurrentItem(item.child(0))
            return
        self._show_passage(self.entries[index])

    def _differences_of(self, entry: PassageReport) -> list[SpanDifference]:
        """The passage's differences that involve the chosen annotator (against others when asked)."""
        name, across = self.annotator(), self.across_box.isChecked()
        return [d for d in entry.differences if name in (d.annotator_a, d.annotator_b)
                and (across or d.annotator_a == d.annotator_b)]

    def _recompare(self, documents: set[str]) -> None:
        """Compare the spans again in the passages of ``documents`` (after an edit, copy or undo)."""
        numbers = [n for n, entry in enumerate(self.entries)
                   if entry.passage.article_a in documents or entry.passage.article_b in documents]
        spans: dict[str, list] = {}
        for n, alignment in zip(numbers, align_many([self.entries[n].passage for n in numbers],
                                                     self.report.texts), strict=True):
            p = alignment.passage
            for article in (p.article_a, p.article_b):
                if article not in spans:
                    spans[article] = self.project.spans(document_id=article)
            found = span_differences(alignment, spans[p.article_a], spans[p.article_b],
                                     across_annotators=True)
            self.entries[n] = PassageReport(p, tuple(found))
            if self.current is not None and self.current.passage == p:
                self.current = self.entries[n]

    def _show_current(self) -> None:
        if self.report is not None:
            self._update_counts()
        self._show_passage(self.current)

    def _show_passage(self, entry: PassageReport | None) -> None:
        self.current = entry
        for widget in (self.copy_a_to_b, self.copy_b_to_a, self.open_a, self.open_b):
            widget.setEnabled(entry is not None)
        self.difference_list.clear()
        if entry is None or self.report is None:
            for view, title in ((self.view_a, self.title_a), (self.view_b, self.title_b)):
                view.set_article("")
                title.setText("")
            self.differences = []
            return
        p = entry.passage
        labels = {label.name: label for label in self.project.labels()}
        titles = {a.id: a.title for a in self.project.article_summaries()}
        name = self.annotator()
        for side, view, title, article, start, end in (
                (self.tr("A"), self.view_a, self.title_a, p.article_a, p.start_a, p.end_a),
                (self.tr("B"), self.view_b, self.title_b, p.article_b, p.start_b, p.end_b)):
            view.set_article(self.report.texts[article])  # anew: clears the last passage's tint
            _tint(view, start, end)
            view.set_spans(self.project.spans(document_id=article), labels, name)
            title.setText(self.tr("{side}: {title} — characters {start}–{end}").format(
                side=side, title=_short(titles.get(article, article), 44), start=start, end=end))
            view.select_range(start, start)
            QTimer.singleShot(0, lambda view=view, start=start: _scroll_to(view, start))
        self.differences = self._differences_of(entry)
        texts = self.report.texts
        for difference in self.differences:
            shown = (texts[p.article_a][difference.start_a : difference.end_a] if difference.label_a
                     else texts[p.article_b][difference.start_b : difference.end_b])
            who = (difference.annotator_a if difference.annotator_a == difference.annotator_b
                   else f"{difference.annotator_a} / {difference.annotator_b}")
            item = QTreeWidgetItem([self._kind_text(difference.kind), who, difference.label_a or "—",
                                    difference.label_b or "—", " ".join(shown.split())])
            item.setForeground(0, QBrush(QColor(KIND_COLOURS[difference.kind])))
            self.difference_list.addTopLevelItem(item)
        for column in range(4):
            self.difference_list.resizeColumnToContents(column)

    def _kind_text(self, kind: DifferenceKind) -> str:
        return {
            DifferenceKind.MISSING_IN_B: self.tr("missing in B"),
            DifferenceKind.MISSING_IN_A: self.tr("missing in A"),
            DifferenceKind.DIFFERENT_LABEL: self.tr("different label"),
            DifferenceKind.DIFFERENT_BOUNDARIES: self.tr("different boundaries"),
        }[kind]

    def _difference_chosen(self, item: QTreeWidgetItem | None) -> None:
        if item is None:
            return
        difference = self.differences[self.difference_list.indexOfTopLevelItem(item)]
        self.view_a.select_range(difference.start_a, difference.end_a)
        self.view_b.select_range(difference.start_b, difference.end_b)

    def open_side(self, *, a: bool) -> None:
        """Open article A (or B) of the shown passage in the Annotate tab."""
        if self.current is not None:
            passage = self.current.passage
            self.open_article(passage.article_a if a else passage.article_b)

    # -- copying ----------------------------------------------------------------------------------

    def copy_spans(self, *, to_b: bool) -> int:
        """Copy the chosen annotator's spans in the passage onto the other article; one undo step.

        Returns how many spans were added (spans already there identically are not counted).
        """
        if self.current is None or self.report is None:
            return 0
        p = self.current.passage
        alignment = passage_alignment(self.report, p)
        source, target = (p.article_a, p.article_b) if to_b else (p.article_b, p.article_a)
        if not to_b:
            alignment = alignment.swapped()
        name = self.annotator()
        mapped = map_spans(alignment, self.project.spans(document_id=source, annotator=name))
        wanted = [(target, s.start, s.end, s.label) for s in mapped]
        text = (self.tr("copy spans A → B") if to_b else self.tr("copy spans B → A"))
        command = AddSpans(self.project, self.on_changes, name, wanted, text)
        command.on_error = self.message.setText
        try:
            push(self.undo_stack, command)
        except AnnotatorError as exc:
            self.message.setText(str(exc))
            return 0
        added = len(command.spans)
        self.message.setText(self.tr("Copied {count} span(s) of {name} to article {side}").format(
            count=added, name=name, side=self.tr("B") if to_b else self.tr("A")))
        return added

    def apply_changes(self, changes: Changes) -> None:
        """Spans changed (here, by undo, or in another tab): compare again, repaint, recount."""
        if self.report is None:
            return
        touched = set(changes.documents) & set(self.report.texts)  # every span edit names its article
        if touched or changes.labels:
            self._recompare(touched if not changes.labels else set(self.report.texts))
            self._update_counts()
            self._show_passage(self.current)


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
