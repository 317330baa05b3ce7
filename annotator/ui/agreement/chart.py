"""What the dashboard's four charts share: their look, a left-to-right plot, and a title that wraps.

A pyqtgraph plot lays out its title, axes and view box in a graphics layout whose minimum width is the
title's one-line width: a long title made the plot wider than its widget, and the view then showed only
its left part (the per-label chart lost its last label, the confusion matrix its "missed" column). The
title here is broken into lines to fit the widget's width whenever the widget is resized, and its row
grows to hold them.

The plots stay left to right in an Arabic window: values grow rightwards and upwards as in the charts
Arabic statistics and news use, and a mirrored plot layout put each value axis on the right with its
numbers drawn over the next chart. The texts in the plots (titles, names) still read right to left.
"""

from __future__ import annotations

import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtGui import QResizeEvent, QTextOption

TITLE_MARGIN = 16  # px left free beside a wrapped title


class Chart(pg.PlotWidget):
    """A white pyqtgraph plot with dark axes, no pyqtgraph buttons or menu, and a wrapping title."""

    def __init__(self, name: str, *, grid: bool = True) -> None:
        super().__init__(background="w")
        self.setObjectName(name)
        self.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
        plot = self.getPlotItem()
        plot.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
        for side in ("left", "bottom"):
            plot.getAxis(side).setPen(pg.mkPen("#444444"))
            plot.getAxis(side).setTextPen(pg.mkPen("#222222"))
        plot.hideButtons()
        plot.setMenuEnabled(False)
        if grid:
            plot.showGrid(y=True, alpha=0.25)
        # the title spans the axis columns too, so its width is the widget's, whatever the axes need
        plot.layout.removeItem(plot.titleLabel)
        plot.layout.addItem(plot.titleLabel, 0, 0, 1, 3)
        centred = QTextOption(Qt.AlignmentFlag.AlignHCenter)
        centred.setWrapMode(QTextOption.WrapMode.WordWrap)
        plot.titleLabel.item.document().setDefaultTextOption(centred)
        self.title_text = ""
        # pyqtgraph's own right-click "Export..." (never shown: the plot's menu is off; the dashboard's
        # Export button writes every chart)
        for action in self.scene().contextMenu:
            action.deleteLater()
        self.scene().contextMenu = []

    def set_title(self, text: str, size: str = "10pt") -> None:
        """Show ``text`` (HTML) above the plot, in lines that fit the widget's width."""
        self.title_text = text
        self.getPlotItem().setTitle(text, color="#222222", size=size)
        self.fit_title()

    def fit_title(self) -> None:
        """Wrap the title to the widget's width (one line when it fits)."""
        if not getattr(self, "title_text", ""):  # also while pyqtgraph's constructor resizes
            return
        label = self.getPlotItem().titleLabel
        item = label.item
        item.setTextWidth(-1)
        natural = item.document().idealWidth()
        room = max(self.width() - TITLE_MARGIN, 40)
        item.setTextWidth(min(natural + 2, room))
        # pyqtgraph gives the title row a fixed 30 px (two lines at most): a title wrapped into more
        # lines (a long measure name in a narrow chart) gets the rows it needs instead of being cut
        height = max(30.0, item.boundingRect().height())
        label.setMaximumHeight(height)
        self.getPlotItem().layout.setRowFixedHeight(0, height)
        label.updateMin()
        label.resizeEvent(None)
        label.updateGeometry()

    def title_width(self) -> float:
        """The width the title takes in the plot (for tests: never wider than the widget)."""
        label = self.getPlotItem().titleLabel
        return label.itemRect().width() if self.title_text else 0.0

    def resizeEvent(self, event: QResizeEvent) -> None:
        self.fit_title()
        super().resizeEvent(event)
