"""The Consistency tab: passages two articles share, side by side, and where their coding differs.

Finding passages runs in a worker (its own connection to the project file) with a cancellable progress
dialog; the page then lists the passages grouped by pair of articles (``consistency_list``: a model, so
showing 40,000 passages costs tens of milliseconds) with how many spans differ. Choosing a passage shows
both articles side by side (``consistency_sides``) with the chosen annotator's spans and the differences.
"Copy spans A → B" puts the chosen annotator's spans of the passage in A onto the matching words of B as
one undoable command, on a stack in the annotation page's undo group, active while this tab is shown.

After a span edit the passages of the edited articles are compared again here (a handful); after a label
is renamed or deleted every passage may change, so they are compared again in a worker while the list
stays usable, and the shown passage at once.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QUndoGroup, QUndoStack
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from annotator.core.consistency_spans import SpanDifference, align_many, map_spans, span_differences
from annotator.core.errors import AnnotatorError
from annotator.operations.consistency import (
    ConsistencyReport,
    PassageReport,
    compare_passages,
    consistency_report,
    passage_alignment,
    spans_in_passages,
)
from annotator.store import Changes, Project
from annotator.ui.annotate.commands import AddSpans, push
from annotator.ui.consistency.passage_list import PassageList, PassageOrder, passage_order
from annotator.ui.consistency.sides import PASSAGE_TINT, PassageSides
from annotator.ui.shell import counts as counted
from annotator.ui.shell.bidi import left_to_right
from annotator.ui.shell.workers import Progress, WorkerHandle, run_in_worker

PASSAGE_LIST_WIDTH = 300  # px: the list of shared passages; the two articles get three times as much

__all__ = ["PASSAGE_TINT", "ConsistencyPage"]


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
        self.titles: dict[str, str] = {}
        self.current: PassageReport | None = None
        self.worker: WorkerHandle | None = None
        self.comparing: WorkerHandle | None = None  # comparing every passage again (labels changed)
        self._touched_while_comparing: set[str] = set()

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

        self.passage_list = PassageList()
        self.filter_box = QLineEdit(objectName="passageFilter")
        self.filter_box.setPlaceholderText(self.tr("Filter by article title…"))
        self.filter_box.setClearButtonEnabled(True)
        listing = QWidget()
        listing_layout = QVBoxLayout(listing)
        listing_layout.setContentsMargins(0, 0, 0, 0)
        listing_layout.addWidget(self.filter_box)
        listing_layout.addWidget(self.passage_list, 1)
        self.sides = PassageSides(article_font_family)
        # the side-by-side widgets, by the names the rest of the window and the tests use
        self.view_a, self.view_b = self.sides.view_a, self.sides.view_b
        self.difference_list, self.message = self.sides.difference_list, self.sides.message
        self.copy_a_to_b, self.copy_b_to_a = self.sides.copy_a_to_b, self.sides.copy_b_to_a
        self.open_a, self.open_b = self.sides.open_a, self.sides.open_b
        main = QSplitter(Qt.Orientation.Horizontal, objectName="consistencySplitter")
        main.addWidget(listing)
        main.addWidget(self.sides)
        # the two articles get the room: at 1280 px each side's text had ~270 px and wrapped every few
        # words; the list needs only its titles and counts
        main.setStretchFactor(0, 1)
        main.setStretchFactor(1, 4)
        main.setSizes([PASSAGE_LIST_WIDTH, 3 * PASSAGE_LIST_WIDTH])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addLayout(top)
        layout.addWidget(main, 1)

        self.find_button.clicked.connect(self.find_passages)
        self.filter_box.textChanged.connect(self.passage_list.set_filter)
        self.passage_list.selectionModel().currentRowChanged.connect(
            lambda index, _old: self._passage_chosen(index))
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

    @property
    def entries(self) -> list[PassageReport]:
        """Every passage of the report with its comparison as it is now (after edits)."""
        return self.passage_list.passages.entries

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
        finding, comparing = self.tr("Finding shared passages…"), self.tr("Comparing the spans…")

        def work(progress: Progress) -> tuple[ConsistencyReport, dict[str, str], PassageOrder]:
            def found_so_far(done: int, total: int) -> None:
                progress.check()
                progress.report(done, total, finding)

            with Project.open(path) as project:
                titles = {a.id: a.title for a in project.article_summaries()}
                report = consistency_report(project, across_annotators=True, check=progress.check,
                                            progress=found_so_far)
                progress.report(1, 1, comparing)
                return report, titles, passage_order(report, titles), spans_in_passages(project, report)

        self.worker = run_in_worker(work, progress_dialog=self.window(), label=finding)
        self.worker.signals.finished.connect(lambda found: self.show_report(*found))
        self.worker.signals.failed.connect(self._failed)
        self.worker.signals.cancelled.connect(lambda: self.find_button.setEnabled(True))

    def _failed(self, exc: BaseException) -> None:
        self.find_button.setEnabled(True)
        self.summary.setText(self.tr("Could not look for passages: {error}").format(
            error=left_to_right(str(exc))))

    def show_report(self, report: ConsistencyReport, titles: dict[str, str],
                    order: PassageOrder | None = None, coders: dict[str, int] | None = None) -> None:
        """List ``report``'s passages (articles named by ``titles``, rows in ``order``) and show the first.

        ``coders`` (annotator → spans inside the passages): when the chosen annotator has none there, the
        tab shows the one with the most instead, and says so, rather than "0 differences" everywhere.
        """
        note = self._choose_coder(coders) if coders else ""
        self.find_button.setEnabled(True)
        if self.comparing is not None:
            self.comparing.cancel()  # it compares the passages of the last report
            self.comparing = None
        self.report, self.titles = report, titles
        self.filter_box.blockSignals(True)
        self.filter_box.clear()  # the new list starts whole
        self.filter_box.blockSignals(False)
        self.passage_list.show_report(report, titles, lambda entry: len(self._differences_of(entry)), order)
        self.summary.setText(self.tr("{passages} in {pairs}").format(
            passages=counted.shared_passages(len(report.passages)),
            pairs=counted.pairs_of_articles(self.passage_list.passages.pair_count())) + note)
        if not report.passages:
            self._show_passage(None)

    # -- showing one passage ----------------------------------------------------------------------

    def _choose_coder(self, coders: dict[str, int]) -> str:
        """Switch to the annotator with the most spans in the passages if the chosen one has none there;
        return the sentence that says so ("" when nothing was switched)."""
        chosen = self.annotator()
        if coders.get(chosen, 0) or not any(coders.values()):
            return ""
        best = max(sorted(coders), key=lambda name: coders[name])
        self._fill_annotators()
        self.annotator_box.setCurrentText(best)
        return " · " + self.tr("showing {name}'s spans: {chosen} has none in these passages").format(
            name=best, chosen=chosen)

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

    def _passage_chosen(self, index: QModelIndex) -> None:
        if index.isValid():
            self._show_passage(self.entries[self.passage_list.passages.number_at(index.row())])

    def _differences_of(self, entry: PassageReport) -> list[SpanDifference]:
        """The passage's differences that involve the chosen annotator (against others when asked)."""
        name, across = self.annotator(), self.across_box.isChecked()
        return [d for d in entry.differences if name in (d.annotator_a, d.annotator_b)
                and (across or d.annotator_a == d.annotator_b)]

    def _recompare(self, documents: set[str]) -> None:
        """Compare the spans again in the passages of ``documents`` (after an edit, copy or undo)."""
        model = self.passage_list.passages
        numbers = model.numbers_of(documents)
        spans: dict[str, list] = {}
        for n, alignment in zip(numbers, align_many([self.entries[n].passage for n in numbers],
                                                     self.report.texts), strict=True):
            p = alignment.passage
            for article in (p.article_a, p.article_b):
                if article not in spans:
                    spans[article] = self.project.spans(document_id=article)
            found = span_differences(alignment, spans[p.article_a], spans[p.article_b],
                                     across_annotators=True)
            model.set_entry(n, PassageReport(p, tuple(found)))
            if self.current is not None and self.current.passage == p:
                self.current = self.entries[n]
        model.recount()

    def _compare_all_in_worker(self) -> None:
        """Compare every passage again off the GUI thread (labels renamed or deleted)."""
        if self.comparing is not None:
            self.comparing.cancel()
        path, passages, texts = Path(self.project.path), [e.passage for e in self.entries], self.report.texts
        report = self.report
        self._touched_while_comparing = set()

        def work(progress: Progress) -> tuple[PassageReport, ...]:
            with Project.open(path) as project:
                return compare_passages(project, passages, texts, across_annotators=True,
                                        check=progress.check)

        handle = self.comparing = run_in_worker(work, owner=self)
        self.summary.setText(self.tr("Comparing the spans again…"))

        def compared(entries: tuple[PassageReport, ...]) -> None:
            if self.comparing is not handle or self.report is not report:
                return  # a newer comparison or report took its place
            self.comparing = None
            self.passage_list.passages.set_entries(list(entries))
            if self._touched_while_comparing:  # edited after the worker read the spans
                self._recompare(self._touched_while_comparing)
            if self.current is not None:
                self.current = self.entries[self._current_number()]
            summary = self.tr("{passages} in {pairs}")
            self.summary.setText(summary.format(
                passages=counted.shared_passages(len(self.entries)),
                pairs=counted.pairs_of_articles(self.passage_list.passages.report_pair_count())))
            self._show_passage(self.current)

        handle.signals.finished.connect(compared)
        handle.signals.failed.connect(self._failed)

    def _current_number(self) -> int:
        number = self.passage_list.current_number()
        if number is not None and self.entries[number].passage == self.current.passage:
            return number
        return next(n for n, e in enumerate(self.entries) if e.passage == self.current.passage)

    def _show_current(self) -> None:
        if self.report is not None:
            self.passage_list.passages.recount()
        self._show_passage(self.current)

    def _show_passage(self, entry: PassageReport | None) -> None:
        self.current = entry
        if entry is None or self.report is None:
            self.sides.clear()
            return
        p = entry.passage
        self.sides.show_passage(
            entry, self.report, spans_a=self.project.spans(document_id=p.article_a),
            spans_b=self.project.spans(document_id=p.article_b),
            labels={label.name: label for label in self.project.labels()},
            titles=(self.titles.get(p.article_a, p.article_a), self.titles.get(p.article_b, p.article_b)),
            annotator=self.annotator(), differences=self._differences_of(entry))

    @property
    def differences(self) -> list[SpanDifference]:
        """The differences listed under the shown passage."""
        return self.sides.differences

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
        self.message.setText(self.tr("Copied {spans} of {name} to article {side}").format(
            spans=counted.spans(added), name=name, side=self.tr("B") if to_b else self.tr("A")))
        return added

    def apply_changes(self, changes: Changes) -> None:
        """Spans changed (here, by undo, or in another tab): compare again, repaint, recount.

        A span edit names its articles: their passages are compared again here. Renamed or deleted
        labels may change any passage: the shown one is compared again now, all of them in a worker.
        """
        if self.report is None:
            return
        touched = set(changes.documents) & set(self.report.texts)
        if self.comparing is not None:
            self._touched_while_comparing |= touched
        if changes.labels:
            if self.current is not None:
                self._recompare_one(self._current_number())
            self._compare_all_in_worker()  # reads the spans as they are now, the touched ones too
            self._show_passage(self.current)
        elif touched:
            self._recompare(touched)
            self._show_passage(self.current)

    def changed_elsewhere(self) -> None:
        """Another program changed the project (any article may differ): compare the shown passage
        again now, every other one in a worker."""
        if self.report is None:
            return
        if self.current is not None:
            self._recompare_one(self._current_number())
        self._compare_all_in_worker()
        self._show_passage(self.current)

    def _recompare_one(self, number: int) -> None:
        """Compare passage ``number`` again now (the shown one, while the rest wait for the worker)."""
        p = self.entries[number].passage
        alignment = align_many([p], self.report.texts)[0]
        found = span_differences(alignment, self.project.spans(document_id=p.article_a),
                                 self.project.spans(document_id=p.article_b), across_annotators=True)
        self.passage_list.passages.set_entry(number, PassageReport(p, tuple(found)))
        self.current = self.entries[number]
        self.passage_list.passages.recount()

