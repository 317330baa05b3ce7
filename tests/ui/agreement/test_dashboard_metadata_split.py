"""The dashboard split by a metadata key: one group of bars per value (per outlet), each the figure of
that value's articles as ``annotator agreement --by KEY`` computes it."""

from __future__ import annotations

import json

import pyqtgraph as pg
import pytest

from annotator.core.agreement import parts as measure_parts
from annotator.core.agreement.groups import split_by
from annotator.core.agreement.report import build_report
from annotator.store import Project
from annotator.ui.agreement.view import AgreementDashboard

OUTLETS = ["الجزيرة", "الجزيرة", "BBC Arabic", "BBC Arabic"]  # the fifth article has no outlet


@pytest.fixture
def dashboard(qtbot, agreement_project: Project) -> AgreementDashboard:
    for document, outlet in zip(agreement_project.documents(), OUTLETS, strict=False):
        agreement_project.db.execute("UPDATE documents SET meta = ? WHERE id = ?",
                                     [json.dumps({"outlet": outlet, "date": "2024-05-01"}), document.id])
    widget = AgreementDashboard(agreement_project)
    qtbot.addWidget(widget)
    widget.resize(1400, 900)
    widget.show()
    qtbot.waitUntil(lambda: widget.result is not None and widget.worker.done, timeout=20000)
    return widget


def choose(qtbot, dashboard: AgreementDashboard, key: str | None) -> None:
    dashboard.split_key.setCurrentIndex(dashboard.split_key.findData(key) if key else 0)
    qtbot.waitUntil(lambda: dashboard.worker.done and dashboard.result.split_key == key, timeout=30000)


def test_choosing_a_key_draws_one_group_per_value_with_that_values_figure(
        qtbot, dashboard: AgreementDashboard, agreement_project: Project) -> None:
    chart = dashboard.groups_chart
    assert not chart.isVisible()
    assert [dashboard.split_key.itemData(i) for i in range(dashboard.split_key.count())] == [None, "date",
                                                                                              "outlet"]
    choose(qtbot, dashboard, "outlet")
    assert chart.isVisible()
    assert [value for value, _report in chart.groups] == ["BBC Arabic", "الجزيرة", "(no value)"]
    data = agreement_project.agreement_input()
    meta = {d.id: d.meta.get("outlet") for d in agreement_project.documents()}
    for value, part in split_by(data, meta):
        want = measure_parts.corpus(build_report(part), "alpha_char").pooled.value
        assert chart.heights[value][""] == (pytest.approx(want) if want is not None else None)
    assert chart.getPlotItem().getAxis("bottom")._tickLevels[0][0][1] == "BBC Arabic"
    counts = [item.toPlainText() for item in chart.getPlotItem().items if isinstance(item, pg.TextItem)]
    assert counts == ["2 articles", "2 articles", "1 article"]
    assert "agreement-per-metadata-value" in dashboard.charts()


def test_split_by_label_adds_a_bar_per_label_in_each_group_and_none_hides_the_chart(
        qtbot, dashboard: AgreementDashboard) -> None:
    choose(qtbot, dashboard, "outlet")
    dashboard.split.setChecked(True)
    labels = set(dashboard.label_colours)
    for value, heights in dashboard.groups_chart.heights.items():
        assert set(heights) - {""} <= labels and len(heights) > 1, value
    choose(qtbot, dashboard, None)
    assert not dashboard.groups_chart.isVisible()
    assert "agreement-per-metadata-value" not in dashboard.charts()
