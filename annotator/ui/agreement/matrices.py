"""The dashboard's two cell charts: the annotator-pair heatmap and the label confusion matrix.

Each cell is coloured by its value with the value written in it; an undefined pair figure says "—" and
why when hovered, never 0.
"""

from __future__ import annotations

from collections.abc import Sequence

import pyqtgraph as pg
from PySide6.QtCore import QCoreApplication, QRectF
from PySide6.QtGui import QColor, QFont, QPen
from PySide6.QtWidgets import QGraphicsRectItem

from annotator.core.agreement.disagreements import MISSED
from annotator.core.agreement.numbers import fixed
from annotator.core.agreement_charts import ConfusionTable, PairMatrix
from annotator.ui.agreement.chart import Chart
from annotator.ui.agreement.plots import number_text
from annotator.ui.agreement.reasons import reason_text
from annotator.ui.shell import counts as counted

translate = QCoreApplication.translate


class MatrixChart(Chart):
    """A grid of coloured cells with the value written in each (pair heatmap, label confusion)."""

    def __init__(self, name: str) -> None:
        super().__init__(name, grid=False)
        plot = self.getPlotItem()
        plot.getViewBox().invertY(True)
        self.setMouseEnabled(x=False, y=False)
        self.cell_texts: dict[tuple[int, int], str] = {}

    def draw_cells(self, rows: Sequence[str], columns: Sequence[str], texts: list[list[str]],
                   colours: list[list[QColor]], tooltips: list[list[str]], title: str,
                   row_title: str, column_title: str) -> None:
        plot = self.getPlotItem()
        plot.clear()
        self.cell_texts = {}
        font = QFont()
        font.setPointSize(10)
        for i in range(len(rows)):
            for j in range(len(columns)):
                cell = QGraphicsRectItem(QRectF(j - 0.5, i - 0.5, 1, 1))
                cell.setBrush(colours[i][j])
                cell.setPen(QPen(QColor("white"), 0))
                cell.setToolTip(tooltips[i][j])
                plot.addItem(cell)
                ink = "#ffffff" if colours[i][j].lightnessF() < 0.5 else "#111111"
                text = pg.TextItem(texts[i][j], color=ink, anchor=(0.5, 0.5))
                text.setFont(font)
                text.setPos(j, i)
                plot.addItem(text)
                self.cell_texts[(i, j)] = texts[i][j]
        plot.getAxis("left").setTicks([[(i, name) for i, name in enumerate(rows)]])
        plot.getAxis("bottom").setTicks([[(j, name) for j, name in enumerate(columns)]])
        plot.setLabel("left", row_title, color="#222222")
        plot.setLabel("bottom", column_title, color="#222222")
        self.set_title(title)
        plot.setXRange(-0.5, len(columns) - 0.5, padding=0)
        plot.setYRange(-0.5, len(rows) - 0.5, padding=0)


def _scale(value: float, low: float = 0.0) -> QColor:
    """White (low) to deep blue (1); below ``low`` shades of red for disagreement worse than chance."""
    if value < low:
        t = min((low - value) / 1.0, 1.0)
        return QColor.fromRgbF(1.0, 1.0 - 0.55 * t, 1.0 - 0.55 * t)
    t = min(max(value, 0.0), 1.0)
    return QColor.fromRgbF(1.0 - 0.85 * t, 1.0 - 0.6 * t, 1.0 - 0.25 * t)


def draw_pair_matrix(chart: MatrixChart, matrix: PairMatrix, measure: str, chosen: str = "") -> None:
    """Annotators × annotators, each cell the pair's figure over the articles both have done;
    ``chosen`` names the dashboard's measure when ``measure`` stands in for it (Fleiss' κ → κ)."""
    names = matrix.annotators
    texts, colours, tips = [], [], []
    for i, row in enumerate(matrix.cells):
        texts.append([]), colours.append([]), tips.append([])
        for j, f in enumerate(row):
            if f is None:
                texts[i].append("")
                colours[i].append(QColor("#eeeeee"))
                tips[i].append(names[i])
            elif f.value is None:
                texts[i].append("—")
                colours[i].append(QColor("#dddddd"))
                tip = translate("AgreementCharts", "{first} / {second}: undefined — {reason}")
                tips[i].append(tip.format(first=names[i], second=names[j], reason=reason_text(f.reason)))
            else:
                texts[i].append(fixed(f.value, 2))
                colours[i].append(_scale(f.value))
                tip = translate("AgreementCharts", "{first} / {second}: {measure} {value} over {articles}")
                articles = counted.articles(matrix.articles[i][j])
                tips[i].append(tip.format(first=names[i], second=names[j], measure=measure,
                                          value=number_text(f.value), articles=articles))
    annotator = translate("AgreementCharts", "annotator")
    title = translate("AgreementCharts", "annotator pairs: {measure}").format(measure=measure)
    if chosen and chosen != measure:
        title = translate("AgreementCharts", "annotator pairs: {measure}<br>({chosen} has no pair figure)")
        title = title.format(measure=measure, chosen=chosen)
    chart.draw_cells(names, names, texts, colours, tips, title, annotator, annotator)


def draw_confusion(chart: MatrixChart, table: ConfusionTable) -> None:
    """Label × label counts of paired spans of different annotators, and "missed"."""
    top = max(int(table.counts.max()) if table.counts.size else 0, 1)
    texts, colours, tips = [], [], []
    for i, row in enumerate(table.rows):
        texts.append([]), colours.append([]), tips.append([])
        for j, column in enumerate(table.columns):
            count = int(table.counts[i, j])
            t = count / top
            if column == row:
                colour = QColor.fromRgbF(1.0 - 0.7 * t, 1.0 - 0.35 * t, 1.0 - 0.7 * t)  # agreement: green
            else:
                colour = QColor.fromRgbF(1.0 - 0.1 * t, 1.0 - 0.55 * t, 1.0 - 0.85 * t)  # clash: orange
            texts[i].append(str(count))
            colours[i].append(colour)
            if column == MISSED:
                tip = translate("AgreementCharts", "{count} × a {row} span of one annotator had no "
                                                   "overlapping span of another")
            else:
                tip = translate("AgreementCharts", "{count} × a {row} span of one annotator was paired with "
                                                   "a {column} span of another")
            tips[i].append(tip.format(count=count, row=row, column=column))
    columns = [translate("AgreementCharts", "missed") if c == MISSED else c for c in table.columns]
    chart.draw_cells(table.rows, columns, texts, colours, tips,
                     translate("AgreementCharts", "label confusion (spans of one annotator vs the other's)"),
                     translate("AgreementCharts", "span's label"),
                     translate("AgreementCharts", "other annotator's label"))
