"""The measure chooser's one-line explanations cover every measure of the report and the dashboard."""

from __future__ import annotations

from annotator.core.agreement.measures import MEASURE_HELP
from annotator.core.agreement.parts import DASHBOARD_MEASURES
from annotator.core.agreement.report import MEASURES


def test_every_report_and_dashboard_measure_has_a_one_line_explanation() -> None:
    assert set(MEASURE_HELP) == set(MEASURES) | set(DASHBOARD_MEASURES)
    for measure, text in MEASURE_HELP.items():
        assert "\n" not in text and 20 < len(text) < 200, measure
