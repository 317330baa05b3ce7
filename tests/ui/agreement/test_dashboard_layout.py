"""The Agreement tab at the default window size (1280×820), in English and Arabic: every chart shows all
its labels, the confusion matrix its "missed" column, titles are whole and no chart draws over another.

A chart is "cut" when its plot is wider or taller than the chart's widget (the view then shows only part
of it) or when the widget itself lies partly outside the visible part of the page.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QPointF, QRect, QSettings, Qt
from PySide6.QtWidgets import QApplication

from annotator.store import Project
from annotator.ui.agreement.view import AgreementDashboard
from annotator.ui.shell.app import install_language
from annotator.ui.shell.main_window import MainWindow

LABELS = ["actor", "mediator", "demand", "denial"]  # tests/ui/conftest.py
MISSED = {"en": "missed", "ar": "لا مقابل"}


@pytest.fixture(params=["en", "ar"])
def language(request, qapp: QApplication) -> Iterator[str]:
    install_language(qapp, request.param)
    yield request.param
    install_language(qapp, "en")


@pytest.fixture
def dashboard(qtbot, agreement_project: Project, tmp_path: Path, language: str) -> AgreementDashboard:
    """The Agreement tab of a 1280×820 main window, its report computed."""
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    window = MainWindow(agreement_project, settings=settings)
    qtbot.addWidget(window)
    window.resize(1280, 820)
    window.show()
    qtbot.waitExposed(window)
    window.tabs.setCurrentWidget(window.agreement_tab)
    page = window.agreement_tab.page
    qtbot.waitUntil(lambda: page.result is not None and page.worker.done, timeout=20000)
    qtbot.wait(50)  # let the layout settle after the redraw
    return page


def visible_rect(dashboard: AgreementDashboard, chart) -> QRect:
    """The chart's rectangle in the charts page's viewport coordinates."""
    viewport = dashboard.charts_area.viewport()
    return QRect(chart.mapTo(viewport, chart.rect().topLeft()), chart.size())


def tick_names(chart, side: str = "bottom") -> list[tuple[float, str]]:
    return list(chart.getPlotItem().getAxis(side)._tickLevels[0])  # the ticks the chart set


def shown_at(chart, x: float, y: float) -> bool:
    """Whether view coordinate (x, y) of ``chart`` falls inside the chart's widget."""
    point = chart.mapFromScene(chart.getPlotItem().vb.mapViewToScene(QPointF(x, y)))
    return chart.viewport().rect().contains(point)


def test_every_chart_is_whole_and_inside_the_page_at_the_default_size(dashboard: AgreementDashboard) -> None:
    viewport = dashboard.charts_area.viewport().rect()
    rects = {}
    for name, chart in dashboard.charts().items():
        plot = chart.getPlotItem()
        rects[name] = visible_rect(dashboard, chart)
        assert viewport.contains(rects[name]), name
        assert plot.geometry().width() <= chart.viewport().width() + 1, name
        assert plot.geometry().height() <= chart.viewport().height() + 1, name
        assert 0 < chart.title_width() <= chart.viewport().width(), name
        # the value axis stays left of the plot (a mirrored layout drew it over the next chart)
        left, box = plot.getAxis("left").geometry(), plot.vb.geometry()  # in the plot's coordinates
        assert left.left() >= 0 and left.right() <= box.left() + 1, name
    names = list(rects)
    for i, a in enumerate(names):
        for b in names[i + 1:]:
            assert not rects[a].intersects(rects[b]), (a, b)


def test_per_label_chart_shows_every_label_and_matrix_the_missed_column(
        dashboard: AgreementDashboard, language: str) -> None:
    spread, confusion = dashboard.spread_chart, dashboard.confusion_chart
    assert [name for _, name in tick_names(spread)] == LABELS
    for k, _name in tick_names(spread):
        assert shown_at(spread, k - 0.3, 0.6) and shown_at(spread, k + 0.3, 0.6)

    columns = [name for _, name in tick_names(confusion)]
    assert columns == [*LABELS, MISSED[language]]
    for j, _name in tick_names(confusion):
        for i in range(len(LABELS)):
            assert shown_at(confusion, j - 0.45, i) and shown_at(confusion, j + 0.45, i)
    assert [name for _, name in tick_names(confusion, "left")] == LABELS


def test_article_bars_and_pairs_show_every_article_and_annotator(dashboard: AgreementDashboard) -> None:
    bars, pairs = dashboard.bars_chart, dashboard.pair_chart
    assert len(tick_names(bars)) == len(bars.bars) == 5
    assert all(shown_at(bars, x - 0.4, 0.5) and shown_at(bars, x + 0.4, 0.5) for x, _ in tick_names(bars))
    assert [name for _, name in tick_names(pairs)] == ["ali", "omar", "sara"]
    assert all(shown_at(pairs, j + 0.45, j) for j, _ in tick_names(pairs))


def test_a_smaller_window_scrolls_instead_of_cutting_a_chart(qtbot, dashboard: AgreementDashboard) -> None:
    window = dashboard.window()
    window.resize(900, 600)
    qtbot.wait(50)
    area = dashboard.charts_area
    assert area.horizontalScrollBar().maximum() > 0 or area.verticalScrollBar().maximum() > 0
    for name, chart in dashboard.charts().items():
        assert chart.getPlotItem().geometry().width() <= chart.viewport().width() + 1, name
    assert dashboard.layoutDirection() == window.layoutDirection()
    assert dashboard.spread_chart.layoutDirection() == Qt.LayoutDirection.LeftToRight


def test_computing_the_report_does_not_push_the_window_past_1280_pixels(
        dashboard: AgreementDashboard) -> None:
    """The progress bar shown while the report is computed once widened the controls' row, and with it the
    window (to 1292 pixels), cutting the Articles dock off at the screen's edge."""
    window = dashboard.window()
    assert window.width() == 1280
    dashboard.progress.setVisible(True)  # as while a report is computed
    assert window.minimumSizeHint().width() <= 1280
