"""The agreement dashboard: where annotators disagree, on which labels, articles and pairs.

A standalone widget for a tab of the main window. Changing the labels, annotators or the minimum number
of annotators recomputes the report in a worker thread (a progress bar shows how far it is, the GUI
keeps running); changing the measure, the order or the split by label only redraws. The worker also
computes the corpus figures' bootstrap 95% intervals (the CLI's default 1,000 resamples, seed 0) and
the label confusion. Each measure choice explains itself (``MEASURE_HELP``) in its tooltip and in a
line under the controls. Beside the span measures the chooser offers relation F1, span-attribute α and
the article-code figures; the charts then split by relation type, attribute or question instead of
label (``core.agreement.parts`` reads each measure's figures from the report). Clicking an article's
bar opens it in the comparison tab. "Split by metadata key" (an outlet, a date…) adds a chart with one
group of bars per value, each group's report computed in the same worker as ``annotator agreement --by
KEY`` computes it. Each chart exports as PNG and SVG, the report as CSV (the same rows
as ``annotator agreement --csv``).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from importlib import import_module
from pathlib import Path

import pyqtgraph as pg
import pyqtgraph.exporters
from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from annotator.core.agreement import parts as measure_parts
from annotator.core.agreement.bootstrap import DEFAULT_RESAMPLES, DEFAULT_SEED
from annotator.core.agreement.confusion import label_confusion
from annotator.core.agreement.data import AgreementArticle, AgreementInput
from annotator.core.agreement.groups import split_by
from annotator.core.agreement.render import write_csv
from annotator.core.agreement.report import AgreementReport, build_report
from annotator.core.agreement_charts import (
    DASHBOARD_MEASURES,
    Order,
    Part,
    article_bars,
    confusion_table,
    label_spreads,
    pair_matrix,
    part_of,
    report_measure,
    with_min_annotators,
)
from annotator.store import Changes, Project
from annotator.store.article_listing import metadata_by_article, metadata_keys
from annotator.ui.agreement.comparison import ComparisonView
from annotator.ui.agreement.controls import MEASURE_HELP_TEXT, ORDER_TEXT, NameFilter
from annotator.ui.agreement.groups_chart import GroupsChart
from annotator.ui.agreement.matrices import MatrixChart, draw_confusion, draw_pair_matrix
from annotator.ui.agreement.part_texts import MEAN_NOTE, PART_PALETTE, SPLIT_TEXT
from annotator.ui.agreement.plots import ArticleBarsChart, LabelSpreadChart, figure_text
from annotator.ui.agreement.reasons import reason_text
from annotator.ui.shell import counts as counted
from annotator.ui.shell.bidi import left_to_right
from annotator.ui.shell.workers import Progress, WorkerHandle, run_in_worker

# the module, not the class pyqtgraph.exporters re-exports under the same name
svg_exporter = import_module("pyqtgraph.exporters.SVGExporter")

@dataclass(frozen=True)
class DashboardData:
    """What one computation hands the dashboard: the counted input, its report and label confusion, and
    with a metadata key, the report of each of its values' articles."""

    data: AgreementInput
    report: AgreementReport
    confusion: dict[str, dict[str, int]]
    split_key: str | None = None
    groups: tuple[tuple[str, AgreementReport], ...] = ()

    def article(self, article_id: str) -> AgreementArticle:
        return next(a for a in self.data.articles if a.id == article_id)


RESAMPLES, SEED = DEFAULT_RESAMPLES, DEFAULT_SEED  # as `annotator agreement` uses by default
CHART_MINIMUM = (600, 230)  # px: the article bars
CELL_CHART_MINIMUM = (300, 230)  # px: each chart of the lower row
CONFUSION_CHUNK = 250  # articles per step of the label confusion count (progress and cancel between)


def compute_dashboard(project_path: Path, labels: list[str] | None, annotators: list[str] | None,
                      minimum: int, progress: Progress | None = None,
                      split_key: str | None = None) -> DashboardData:
    """Read the counted articles (own connection: this runs in a worker thread), build the report and
    count label confusion, reporting progress and stopping on cancel between steps; with ``split_key``,
    build a report for each of its values too."""
    from annotator.store.codebook import Codebook

    with Project.open(project_path) as project:
        data = project.agreement_input(annotators=annotators, labels=labels,
                                       codebook=Codebook(project).for_agreement())
        values = metadata_by_article(project, split_key) if split_key else {}
    data = with_min_annotators(data, minimum)
    chunks = [data.articles[i:i + CONFUSION_CHUNK] for i in range(0, len(data.articles), CONFUSION_CHUNK)]
    report_steps = 0

    def tick(done: int, total: int) -> None:
        nonlocal report_steps
        report_steps = total
        if progress is not None:
            progress.check()
            progress.report(done, total + len(chunks), "Computing agreement…")

    # The same resamples as `agreement --csv`, so the exported table and the intervals drawn match the
    # CLI's row for row.
    report = build_report(data, progress=tick, bootstrap=RESAMPLES, seed=SEED)
    confusion = label_confusion((), data.labels)  # all zeros, labels × (labels + "missed")
    for done, chunk in enumerate(chunks, start=1):
        for row, counts in label_confusion(chunk, data.labels).items():
            for column, count in counts.items():
                confusion[row][column] += count
        if progress is not None:
            progress.check()
            progress.report(report_steps + done, report_steps + len(chunks), "Counting label confusion…")
    if split_key is None:
        return DashboardData(data, report, confusion)
    parts = split_by(data, values)
    groups = []
    for done, (value, part) in enumerate(parts, start=1):
        groups.append((value, build_report(part, bootstrap=RESAMPLES, seed=SEED)))
        if progress is not None:
            progress.check()
            progress.report(done, len(parts), "Computing agreement per value…")
    return DashboardData(data, report, confusion, split_key, tuple(groups))


@contextmanager
def _closed_paths_tolerated() -> Iterator[None]:
    """Let pyqtgraph 0.14's SVGExporter read the closed paths Qt 6.11's QSvgGenerator writes.

    Qt now ends a closed path with " Z", which pyqtgraph's ``correctCoordinates`` cannot parse
    (pyqtgraph issue #3495). While exporting, the Z is taken off each path before that function runs
    and put back after it, so the SVG keeps its closed shapes.
    """
    original = svg_exporter.correctCoordinates

    def tolerant(node, defs, item, options) -> None:
        closed = []
        for path in node.getElementsByTagName("path"):
            d = path.getAttribute("d").strip()
            if d.endswith("Z"):
                path.setAttribute("d", d[:-1].strip())
                closed.append(path)
        original(node, defs, item, options)
        for path in closed:
            path.setAttribute("d", path.getAttribute("d").strip() + " Z")

    svg_exporter.correctCoordinates = tolerant
    try:
        yield
    finally:
        svg_exporter.correctCoordinates = original


class AgreementDashboard(QWidget):
    """Charts of the agreement report with controls, export and drill-down to the comparison view."""

    articleActivated = Signal(str)  # article id, when a bar is clicked
    reportReady = Signal()  # after a computation finished and the charts were drawn

    def __init__(self, project: Project, *, article_font_family: str = "Amiri",
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("agreementDashboard")
        self.project = project
        self.result: DashboardData | None = None
        self.worker: WorkerHandle | None = None
        self._generation = 0
        self._stale = True  # no report yet, or the project changed since the last one
        self.label_colours = {label.name: label.color for label in project.labels()}

        self.measure = QComboBox(objectName="measureChooser")
        for index, measure in enumerate(DASHBOARD_MEASURES):
            self.measure.addItem(measure)
            self.measure.setItemData(index, self.measure_help(measure), Qt.ItemDataRole.ToolTipRole)
        self.measure_help_line = QLabel(objectName="measureHelp")
        self.measure_help_line.setWordWrap(True)
        self.measure_help_line.setStyleSheet("color: palette(placeholder-text);")
        self.order = QComboBox(objectName="orderChooser")
        for order in Order:  # shown translated, chosen by value
            self.order.addItem(QCoreApplication.translate("Order", ORDER_TEXT[order]), order.value)
        self.split = QCheckBox(objectName="splitByLabel")  # "split by label", or by the measure's parts
        self.label_filter = NameFilter(self.tr("Labels"), "labelFilter")
        self.annotator_filter = NameFilter(self.tr("Annotators"), "annotatorFilter")
        self.minimum = QSpinBox(objectName="minAnnotators")
        self.minimum.setRange(2, 99)
        self.minimum.setPrefix(self.tr("min. annotators: "))
        self.split_key = QComboBox(objectName="metadataSplit")
        self.split_key.setToolTip(self.tr("Split by metadata key: a chart with one group of bars per value "
                                          "(per outlet, per date…)"))
        self.recompute_button = QPushButton(self.tr("Recompute"), objectName="recomputeButton")
        self.export_button = QPushButton(self.tr("Export…"), objectName="exportButton")
        self.progress = QProgressBar(objectName="agreementProgress")
        self.progress.setMaximumWidth(180)
        self.progress.setVisible(False)
        self.status = QLabel(objectName="dashboardStatus")
        self.status.setWordWrap(True)
        self.stale_note = QLabel(self.tr("Changed elsewhere (another window or the command line): these "
                                         "figures are out of date — press Recompute."),
                                 objectName="changedElsewhereNote")
        self.stale_note.setWordWrap(True)
        self.stale_note.setStyleSheet("color: #b35900; font-weight: bold;")
        self.stale_note.setVisible(False)

        self.bars_chart = ArticleBarsChart()
        self.spread_chart = LabelSpreadChart()
        self.pair_chart = MatrixChart("pairHeatmap")
        self.confusion_chart = MatrixChart("labelConfusion")
        self.groups_chart = GroupsChart()
        self.groups_chart.setVisible(False)
        self.comparison = ComparisonView(self.label_colours, article_font_family=article_font_family)

        # the choosers as wide as a short entry, not their longest one ("attribute_alpha_overlap"…), so
        # the row fits the default 1280 × 820 window beside the Articles dock in both languages
        for chooser, letters in ((self.measure, 14), (self.order, 12)):
            chooser.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            chooser.setMinimumContentsLength(letters)
        controls = QHBoxLayout()
        for widget in (QLabel(self.tr("Measure")), self.measure, self.order, self.split, self.label_filter,
                       self.annotator_filter, self.minimum, self.recompute_button, self.export_button):
            controls.addWidget(widget)
        controls.addStretch(1)
        # the progress bar sits beside the status line, not in the controls' row: there it widened the
        # row past what a 1280-pixel window holds beside the Articles dock while a report was computed
        status_row = QHBoxLayout()
        status_row.addWidget(self.status, 1)
        status_row.addWidget(self.progress)
        charts = QWidget()
        grid = QGridLayout(charts)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.addWidget(self.bars_chart, 0, 0, 1, 3)
        grid.addWidget(self.spread_chart, 1, 0)
        grid.addWidget(self.pair_chart, 1, 1)
        grid.addWidget(self.confusion_chart, 1, 2)
        grid.addWidget(self.groups_chart, 2, 0, 1, 3)
        grid.setRowStretch(0, 5)
        grid.setRowStretch(1, 4)
        grid.setRowStretch(2, 0)  # the groups' row takes room only while it is shown (show_groups)
        self.charts_grid = grid
        grid.setColumnStretch(0, 4)
        grid.setColumnStretch(1, 3)
        grid.setColumnStretch(2, 4)
        self.tabs = QTabWidget(objectName="agreementTabs")
        self.bars_chart.setMinimumSize(*CHART_MINIMUM)
        for chart in (self.spread_chart, self.pair_chart, self.confusion_chart, self.groups_chart):
            chart.setMinimumSize(*CELL_CHART_MINIMUM)
        # below the charts' minimum sizes the page scrolls instead of squeezing (or cutting) a chart
        self.charts_area = QScrollArea(objectName="chartsArea")
        self.charts_area.setWidgetResizable(True)
        self.charts_area.setFrameShape(QFrame.Shape.NoFrame)
        self.charts_area.setWidget(charts)
        self.tabs.addTab(self.charts_area, self.tr("Charts"))
        self.tabs.addTab(self.comparison, self.tr("Compare annotators"))
        # beside the tabs, where there is room: the controls' row already takes most of a 1280-pixel window
        self.tabs.setCornerWidget(self.split_key, Qt.Corner.TopRightCorner)
        layout = QVBoxLayout(self)
        layout.addLayout(controls)
        layout.addWidget(self.measure_help_line)
        layout.addLayout(status_row)
        layout.addWidget(self.stale_note)
        layout.addWidget(self.tabs, 1)

        self.measure.currentIndexChanged.connect(self._show_measure_help)
        for combo in (self.measure, self.order):
            combo.currentIndexChanged.connect(self.redraw)
        self.split.toggled.connect(self.redraw)
        for control in (self.label_filter, self.annotator_filter):
            control.changed.connect(self.recompute)
        self.minimum.valueChanged.connect(self.recompute)
        self.split_key.currentIndexChanged.connect(self.recompute)
        self.recompute_button.clicked.connect(self.recompute)
        self.export_button.clicked.connect(self._ask_export)
        self.bars_chart.articleClicked.connect(self.open_article)
        self.comparison.articleChosen.connect(self.open_article)
        self.reload_names()
        self._show_measure_help()

    @staticmethod
    def measure_help(measure: str) -> str:
        """The one-line explanation of ``measure`` (``MEASURE_HELP``), translated."""
        return QCoreApplication.translate("MeasureHelp", MEASURE_HELP_TEXT[measure])

    def _show_measure_help(self) -> None:
        text = self.measure_help(self.current_measure)
        self.measure.setToolTip(text)
        # the measure's name is Latin: without a mark first, an Arabic line would be laid out left to right
        mark = "\u200f" if self.layoutDirection() == Qt.LayoutDirection.RightToLeft else ""
        self.measure_help_line.setText(f"{mark}<b>{self.current_measure}</b> — {text}")
        self.split.setText(QCoreApplication.translate("AgreementDashboard",
                                                      SPLIT_TEXT[part_of(self.current_measure)]))

    # -- computing ---------------------------------------------------------------------------

    def showEvent(self, event: QShowEvent) -> None:
        """The first time the dashboard is shown (and after changes while hidden) it computes."""
        super().showEvent(event)
        if self._stale and (self.worker is None or self.worker.done):
            self.recompute()

    def apply_changes(self, changes: Changes) -> None:
        """React to the main window's ``changes_made``: spans, statuses, labels or annotators change the
        report, so recompute now if visible, else when next shown."""
        if not (changes.spans or changes.statuses or changes.labels or changes.annotators
                or changes.documents):
            return
        if changes.labels or changes.annotators or changes.documents:
            self.reload_names()
        self._stale = True
        if self.isVisible():
            self.recompute()

    def changed_elsewhere(self) -> None:
        """Another program changed the project: the figures shown are marked out of date (a report over
        the corpus takes seconds, so it is not recomputed behind the reviewer's back); hidden, the
        dashboard recomputes when next shown."""
        self.reload_names()
        self._stale = True
        computing = self.worker is not None and not self.worker.done
        self.stale_note.setVisible(self.result is not None or computing)

    def reload_names(self) -> None:
        """Re-read the project's labels and annotators for the filters (after edits or imports)."""
        self.label_colours = {label.name: label.color for label in self.project.labels()}
        self.comparison.label_colours = dict(self.label_colours)
        for control, names in ((self.label_filter, list(self.label_colours)),
                               (self.annotator_filter, self.project.annotators())):
            control.blockSignals(True)
            control.set_names(names)
            control.blockSignals(False)
        chosen = self.split_key.currentData()
        self.split_key.blockSignals(True)
        self.split_key.clear()
        self.split_key.addItem(self.tr("By metadata: none"), None)
        for key in metadata_keys(self.project):
            self.split_key.addItem(self.tr("Per {key}").format(key=key), key)
        self.split_key.setCurrentIndex(max(self.split_key.findData(chosen), 0) if chosen else 0)
        self.split_key.setVisible(self.split_key.count() > 1)
        self.split_key.blockSignals(False)

    def recompute(self) -> WorkerHandle:
        """Compute the report for the current filters in a worker; the charts redraw when it is done.

        A computation still running is cancelled; a late result of an older one is ignored.
        """
        if self.worker is not None and not self.worker.done:
            self.worker.cancel()
        self._stale = False
        self.stale_note.setVisible(False)
        self._generation += 1
        generation = self._generation
        path = self.project.path
        labels, annotators = self.label_filter.chosen(), self.annotator_filter.chosen()
        minimum, split_key = self.minimum.value(), self.split_key.currentData()
        self.progress.setRange(0, 0)
        self.progress.setVisible(True)
        self.status.setText(self.tr("Computing agreement…"))
        handle = run_in_worker(
            lambda progress: compute_dashboard(path, labels, annotators, minimum, progress, split_key),
            progress_callback=self._progress, owner=self)
        handle.signals.finished.connect(lambda result: self._computed(generation, result))
        handle.signals.failed.connect(lambda exc: self._failed(generation, exc))
        self.worker = handle
        return handle

    def _progress(self, done: int, total: int, _message: str) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)

    def _computed(self, generation: int, result: DashboardData) -> None:
        if generation != self._generation:
            return
        self.progress.setVisible(False)
        self.show_result(result)

    def _failed(self, generation: int, exc: BaseException) -> None:
        if generation != self._generation:
            return
        self.progress.setVisible(False)
        self.status.setText(self.tr("Agreement could not be computed: {error}").format(
            error=left_to_right(str(exc))))

    def show_result(self, result: DashboardData) -> None:
        """Take a computed report and draw every chart (what the benchmark times)."""
        self.result = result
        self.comparison.set_articles([(a.id, a.title) for a in result.data.articles])
        shown = self.comparison.article_id
        if shown is not None:  # still counted: shown again from the new figures, at the same place
            self.comparison.show_article(result.article(shown), result.data.codebook,
                                         current=self.comparison.current_index)
        self.redraw()
        self.reportReady.emit()

    # -- drawing -----------------------------------------------------------------------------

    @property
    def current_measure(self) -> str:
        return self.measure.currentText()

    def redraw(self) -> None:
        """Draw the charts from the last report with the chosen measure, order and split."""
        if self.result is None:
            return
        report, measure = self.result.report, self.current_measure
        order = Order(self.order.currentData())
        part = part_of(measure)
        names = measure_parts.parts(report, measure)
        split = names if self.split.isChecked() else ()
        totals = measure_parts.corpus(report, measure)
        corpus = {"": totals.pooled, **totals.parts}
        colours = self.part_colours(part, names)
        self.bars_chart.draw(article_bars(report, measure, order), measure, corpus, colours, split,
                             QCoreApplication.translate("Order", ORDER_TEXT[order]), part)
        self.spread_chart.draw(label_spreads(report, measure), measure, colours, part)
        draw_pair_matrix(self.pair_chart, pair_matrix(report, measure), report_measure(measure, pair=True),
                         chosen=measure)
        draw_confusion(self.confusion_chart, confusion_table(self.result.confusion))
        grouped = self.result.split_key is not None
        self.groups_chart.setVisible(grouped)
        self.charts_grid.setRowStretch(2, 4 if grouped else 0)  # an empty row would keep its share
        if self.result.split_key is not None:
            self.groups_chart.draw(self.result.split_key, self.result.groups, measure, colours, split)
        self.status.setText(self._summary(report))

    def part_colours(self, part: Part, names: tuple[str, ...]) -> dict[str, str]:
        """The colour of each label, relation type, attribute or question the charts split into."""
        if part is Part.LABEL:
            return dict(self.label_colours)
        if part is Part.RELATION_TYPE and self.result is not None:
            return {t.name: t.color for t in self.result.data.codebook.relation_types}
        return {name: PART_PALETTE[k % len(PART_PALETTE)] for k, name in enumerate(names)}

    def _summary(self, report: AgreementReport) -> str:
        if not report.articles:
            return self.tr("No article counts for agreement with these filters: an article needs at least "
                           "{count} annotators with status 'done'.").format(count=self.minimum.value())
        overall = measure_parts.corpus(report, self.current_measure).pooled
        value = (figure_text(overall) if overall.value is not None
                 else self.tr("undefined ({reason})").format(reason=reason_text(overall.reason)))
        parts = [self.tr("{articles}, annotators {names}; corpus {measure}: {value}.").format(
                     articles=counted.articles(len(report.articles)), names=", ".join(report.annotators),
                     measure=self.current_measure + self._mean_note(), value=value)]
        if overall.interval is not None:
            parts.append(self.tr("In brackets: 95% bootstrap interval ({count} resamples of the articles, "
                                 "seed {seed}).").format(count=RESAMPLES, seed=SEED))
        parts += report.notes
        if self.result is not None and self.result.data.skipped and not report.notes:
            parts.append(self.tr("{articles} left out.").format(
                articles=counted.articles(self.result.data.skipped)))
        return " ".join(parts)

    def _mean_note(self) -> str:
        """" (mean over attributes)" or "… questions)" where the corpus figure is such a mean, else ""."""
        note = MEAN_NOTE.get(part_of(self.current_measure))
        return QCoreApplication.translate("AgreementDashboard", note) if note else ""

    # -- drill-down --------------------------------------------------------------------------

    def open_article(self, article_id: str) -> None:
        """Show ``article_id`` in the comparison tab (and tell listeners)."""
        if self.result is None:
            return
        # the tab first: the current disagreement is centred in the view at its shown size
        self.tabs.setCurrentWidget(self.comparison)
        self.comparison.show_article(self.result.article(article_id), self.result.data.codebook)
        self.comparison.disagreement_list.setFocus()
        self.articleActivated.emit(article_id)

    # -- export ------------------------------------------------------------------------------

    def charts(self) -> dict[str, pg.PlotWidget]:
        """File stem → chart, in the order they are exported."""
        charts = {"agreement-per-article": self.bars_chart, "agreement-per-label": self.spread_chart,
                  "annotator-pairs": self.pair_chart, "label-confusion": self.confusion_chart}
        if self.result is not None and self.result.split_key is not None:
            charts["agreement-per-metadata-value"] = self.groups_chart
        return charts

    def export_charts(self, folder: Path) -> list[Path]:
        """Write each chart as PNG and SVG into ``folder``; returns the files written."""
        written = []
        for stem, chart in self.charts().items():
            item = chart.getPlotItem()
            png, svg = folder / f"{stem}.png", folder / f"{stem}.svg"
            pg.exporters.ImageExporter(item).export(str(png))
            with _closed_paths_tolerated():
                pg.exporters.SVGExporter(item).export(str(svg))
            written += [png, svg]
        return written

    def export_csv(self, path: Path) -> None:
        """The report behind the charts, in ``annotator agreement --csv``'s rows."""
        if self.result is None:
            raise ValueError("no agreement report has been computed yet")
        with path.open("w", encoding="utf-8", newline="") as out:
            write_csv(self.result.report, out)

    def _ask_export(self) -> None:
        if self.result is None:
            return
        folder = QFileDialog.getExistingDirectory(self, self.tr("Export charts and table to folder"))
        if not folder:
            return
        try:
            written = self.export_charts(Path(folder))
            self.export_csv(Path(folder) / "agreement.csv")
        except OSError as exc:
            QMessageBox.critical(self, self.tr("Export failed"), f"{folder}: {exc.strerror or exc}")
            return
        self.status.setText(self.tr("Exported {files} and agreement.csv to {folder}.").format(
            files=counted.chart_files(len(written)), folder=folder))


__all__ = ["AgreementDashboard", "DashboardData", "compute_dashboard"]
