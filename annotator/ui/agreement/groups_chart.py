"""The dashboard's chart of agreement split by a metadata key ("per outlet"): one group of bars per value.

Each group is the articles whose metadata key has that value (``core.agreement.groups.split_by``, as
``annotator agreement --by KEY``), with its own report: the chosen measure's corpus figure as a bar,
and beside it one bar per label (relation type, attribute, question) when the dashboard splits by them;
its article count above it.
An undefined figure is a grey hatched bar over the whole range, never 0; hovering a group says its
article count and figures.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import pyqtgraph as pg
from PySide6.QtCore import QCoreApplication, QPointF, Qt
from PySide6.QtGui import QBrush, QColor, QCursor
from PySide6.QtWidgets import QToolTip

from annotator.core.agreement import parts as measure_parts
from annotator.core.agreement.groups import NO_VALUE
from annotator.core.agreement.report import AgreementReport
from annotator.ui.agreement.chart import Chart
from annotator.ui.agreement.plots import BAR_COLOUR, FALLBACK_COLOUR, UNDEFINED_COLOUR, figure_text
from annotator.ui.shell import counts as counted

translate = QCoreApplication.translate
GROUP_WIDTH = 0.8  # of the unit between two groups' centres
VALUE_CHARS = 18


class GroupsChart(Chart):
    """One group of bars per metadata value; ``groups`` is what was drawn (for tests and hover)."""

    def __init__(self) -> None:
        super().__init__("metadataGroupsChart")
        self.setMouseEnabled(x=False, y=False)
        self.groups: list[tuple[str, AgreementReport]] = []
        self.heights: dict[str, dict[str, float | None]] = {}  # value → part ("" pooled) → height
        self.key = ""
        self.measure = ""
        self.hover_text = ""
        self.scene().sigMouseMoved.connect(self._hover)

    def draw(self, key: str, groups: Sequence[tuple[str, AgreementReport]], measure: str,
             colours: Mapping[str, str], split: Sequence[str]) -> None:
        """Draw ``groups`` (value, report) for ``measure``; ``split`` names the parts drawn beside each
        group's pooled bar (none: the pooled bar alone)."""
        plot = self.getPlotItem()
        plot.clear()
        self.key, self.measure, self.groups, self.heights = key, measure, list(groups), {}
        bars = ["", *split]
        width = GROUP_WIDTH / len(bars)
        for k, (value, report) in enumerate(self.groups):
            figures = measure_parts.corpus(report, measure)
            drawn: dict[str, float | None] = {}
            for b, part in enumerate(bars):
                figure = figures.pooled if part == "" else figures.parts.get(part)
                x = k - GROUP_WIDTH / 2 + (b + 0.5) * width
                if figure is None or figure.value is None:
                    drawn[part] = None
                    plot.addItem(pg.BarGraphItem(x=[x], y0=[0], height=[1], width=width * 0.9,
                                                 brush=QBrush(QColor(UNDEFINED_COLOUR),
                                                              Qt.BrushStyle.BDiagPattern),
                                                 pen=pg.mkPen(UNDEFINED_COLOUR)))
                    continue
                drawn[part] = figure.value
                colour = BAR_COLOUR if part == "" else colours.get(part, FALLBACK_COLOUR)
                plot.addItem(pg.BarGraphItem(x=[x], y0=[0], height=[figure.value], width=width * 0.9,
                                             brush=colour, pen=pg.mkPen(colour)))
            self.heights[value] = drawn
        room = max(6, min(VALUE_CHARS, int((self.width() - 60) / max(len(self.groups), 1) / 7)))
        plot.getAxis("bottom").setTicks([[(k, _short(self.value_text(value), room))
                                           for k, (value, _report) in enumerate(self.groups)]])
        values = [h for d in self.heights.values() for h in d.values() if h is not None]
        top = max([1.0, *values])
        # each group's article count above it, as a text item: the axis's own text, forced left to
        # right, would turn "الأهرام (5)" into ") الأهرام(5"
        for k, (_value, report) in enumerate(self.groups):
            count = pg.TextItem(counted.articles(len(report.articles)), color="#333333", anchor=(0.5, 1.0))
            count.setPos(k, top + 0.1)
            plot.addItem(count)
        self.set_title(translate("AgreementCharts", "{measure} per {key}").format(measure=measure, key=key))
        plot.setXRange(-0.6, max(len(self.groups), 1) - 0.4, padding=0)
        plot.setYRange(min([0.0, *values]) - 0.02, top + 0.2, padding=0)

    @staticmethod
    def value_text(value: str) -> str:
        """A group's value as shown: the articles without one are "(no value)" in the interface language."""
        return translate("AgreementCharts", "(no value)") if value == NO_VALUE else value

    def describe(self, k: int) -> str:
        """The hover text of group ``k``: its value, article count and corpus figure."""
        value, report = self.groups[k]
        figure = measure_parts.corpus(report, self.measure).pooled
        return translate("AgreementCharts", "{key} = {value}: {articles}\n{measure}: {figure}").format(
            key=self.key, value=self.value_text(value), articles=counted.articles(len(report.articles)),
            measure=self.measure, figure=figure_text(figure))

    def _hover(self, scene_pos: QPointF) -> None:
        view = self.getPlotItem().vb
        if not view.sceneBoundingRect().contains(scene_pos):
            return
        k = round(view.mapSceneToView(scene_pos).x())
        self.hover_text = self.describe(k) if 0 <= k < len(self.groups) else ""
        if self.hover_text:
            QToolTip.showText(QCursor.pos(), self.hover_text, self)
        else:
            QToolTip.hideText()


def _short(text: str, limit: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[:limit - 1] + "…"
