"""Hovering the dashboard's charts shows a tooltip: on an article's bar, on a label's box, on a cell."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QEvent, QPointF
from PySide6.QtGui import QHelpEvent
from PySide6.QtWidgets import QApplication, QToolTip

from annotator.store import Project
from annotator.ui.agreement.view import AgreementDashboard


@pytest.fixture
def dashboard(qtbot, agreement_project: Project) -> AgreementDashboard:
    widget = AgreementDashboard(agreement_project)
    qtbot.addWidget(widget)
    widget.resize(1280, 820)
    widget.show()
    qtbot.waitExposed(widget)
    qtbot.waitUntil(lambda: widget.result is not None and widget.worker.done, timeout=20000)
    yield widget
    QToolTip.hideText()


def point_of(chart, x: float, y: float):
    """Where view coordinate (x, y) of ``chart`` is on its viewport."""
    return chart.mapFromScene(chart.getPlotItem().vb.mapViewToScene(QPointF(x, y)))


def shown_tooltip(qtbot) -> str:
    qtbot.waitUntil(QToolTip.isVisible, timeout=3000)
    return QToolTip.text()


def test_moving_the_mouse_over_a_bar_shows_its_tooltip(qtbot, dashboard: AgreementDashboard,
                                                       agreement_project: Project) -> None:
    chart = dashboard.bars_chart
    second = agreement_project.documents()[1]
    qtbot.mouseMove(chart.viewport(), point_of(chart, 1, 0.3))
    text = shown_tooltip(qtbot)
    assert text.startswith(second.title)
    assert "annotators: 3 (ali, omar, sara)" in text and "click to compare the annotators" in text


def test_moving_off_the_bars_hides_the_tooltip(qtbot, dashboard: AgreementDashboard) -> None:
    chart = dashboard.bars_chart
    qtbot.mouseMove(chart.viewport(), point_of(chart, 0, 0.3))
    shown_tooltip(qtbot)
    qtbot.mouseMove(chart.viewport(), point_of(chart, 0.5, 0.3))  # the gap between two bars
    qtbot.waitUntil(lambda: not QToolTip.isVisible(), timeout=3000)


def test_a_labels_box_tells_its_corpus_figure_and_spread(qtbot, dashboard: AgreementDashboard) -> None:
    chart = dashboard.spread_chart
    last = len(chart.spreads) - 1
    qtbot.mouseMove(chart.viewport(), point_of(chart, last, 0.6))
    text = shown_tooltip(qtbot)
    assert text.startswith("denial\ncorpus alpha_char: ")
    assert "4 articles: median" in text


def test_a_confusion_cell_tells_what_it_counts(qtbot, dashboard: AgreementDashboard) -> None:
    chart = dashboard.confusion_chart
    missed = len(dashboard.result.confusion["actor"]) - 1
    point = point_of(chart, missed, 0)  # row "actor", column "missed"
    QApplication.sendEvent(chart.viewport(), QHelpEvent(QEvent.Type.ToolTip, point,
                                                        chart.viewport().mapToGlobal(point)))
    count = dashboard.result.confusion["actor"]["missed"]
    assert shown_tooltip(qtbot) == (f"{count} × a actor span of one annotator had no overlapping span "
                                    "of another")
