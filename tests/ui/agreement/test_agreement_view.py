"""The agreement dashboard on the seed articles with three annotators' spans imported from JSONL."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt, QTimer

from annotator.cli.main import main
from annotator.core.agreement.report import build_report
from annotator.store import Changes, Project
from annotator.ui.agreement.view import AgreementDashboard

EMPTY_ARTICLE = 4  # tests/ui/conftest.py: nobody marked anything in the fifth seed article


@pytest.fixture
def dashboard(qtbot, agreement_project: Project) -> AgreementDashboard:
    widget = AgreementDashboard(agreement_project)
    qtbot.addWidget(widget)
    widget.resize(1400, 900)
    widget.show()
    qtbot.waitExposed(widget)
    # showing it the first time computes the report in a worker
    qtbot.waitUntil(lambda: widget.result is not None and widget.worker.done, timeout=20000)
    return widget


def engine_article_figures(project: Project, field: str, labels: list[str] | None = None) -> dict:
    report = build_report(project.agreement_input(labels=labels))
    return {a.id: a.scores.value(field) for a in report.articles}


@pytest.mark.parametrize(("measure", "field"), [("alpha_char", "alpha_char"), ("f1_overlap", "f1_overlap"),
                                                 ("kappa", "kappa_mean"), ("alpha_u", "alpha_u")])
def test_bar_heights_equal_the_engines_per_article_figures(
        qtbot, dashboard: AgreementDashboard, agreement_project: Project, measure: str, field: str) -> None:
    dashboard.measure.setCurrentText(measure)
    expected = engine_article_figures(agreement_project, field)
    defined = {k: v for k, v in expected.items() if v is not None}
    assert len(defined) == 4
    assert dashboard.bars_chart.drawn_heights() == pytest.approx(defined, abs=1e-12)


def test_undefined_article_is_hatched_with_its_reason_not_a_zero_bar(
        dashboard: AgreementDashboard, agreement_project: Project) -> None:
    empty = agreement_project.documents()[EMPTY_ARTICLE].id
    chart = dashboard.bars_chart
    assert empty not in chart.drawn_heights()
    assert chart.drawn_undefined() == [empty]
    index = [bar.article_id for bar in chart.bars].index(empty)
    hover = chart.describe(index)
    assert "undefined" in hover and "no variation" in hover
    assert "0.000" not in hover
    hatched = chart.undefined_item.opts
    assert hatched["brush"].style() == Qt.BrushStyle.BDiagPattern
    assert hatched["height"] > 0  # spans the value range, unlike a zero-height bar


def test_sorting_by_agreement_puts_lowest_first_and_undefined_last(
        qtbot, dashboard: AgreementDashboard, agreement_project: Project) -> None:
    dashboard.order.setCurrentIndex(1)
    ids = [bar.article_id for bar in dashboard.bars_chart.bars]
    figures = engine_article_figures(agreement_project, "alpha_char")
    defined = sorted((v, k) for k, v in figures.items() if v is not None)
    assert ids == [k for _, k in defined] + [agreement_project.documents()[EMPTY_ARTICLE].id]


def test_hover_names_title_value_annotators_and_spans(qtbot, dashboard: AgreementDashboard,
                                                      agreement_project: Project) -> None:
    chart = dashboard.bars_chart
    first = agreement_project.documents()[0]
    view = chart.getPlotItem().vb
    point = chart.mapFromScene(view.mapViewToScene(QPointF(0, 0.3)))
    qtbot.mouseMove(chart.viewport(), point)
    qtbot.waitUntil(lambda: chart.hover_text != "", timeout=3000)
    value = engine_article_figures(agreement_project, "alpha_char")[first.id]
    counts = {name: len(agreement_project.spans(first.id, name)) for name in ("ali", "omar", "sara")}
    assert first.title in chart.hover_text
    assert f"{value:.3f}" in chart.hover_text
    assert "annotators: 3 (ali, omar, sara)" in chart.hover_text
    assert f"spans: {sum(counts.values())}" in chart.hover_text


def test_changing_measure_redraws_with_the_new_figures(dashboard: AgreementDashboard,
                                                       agreement_project: Project) -> None:
    before = dashboard.bars_chart.drawn_heights()
    dashboard.measure.setCurrentText("f1_exact")
    after = dashboard.bars_chart.drawn_heights()
    assert after != before
    expected = engine_article_figures(agreement_project, "f1_exact")
    assert after == pytest.approx({k: v for k, v in expected.items() if v is not None})
    assert "f1_exact" in dashboard.bars_chart.getPlotItem().titleLabel.text


def test_label_filter_recomputes_and_redraws(qtbot, dashboard: AgreementDashboard,
                                             agreement_project: Project) -> None:
    with qtbot.waitSignal(dashboard.reportReady, timeout=20000):
        dashboard.label_filter.set_chosen(["actor", "demand"])
    assert dashboard.result.report.labels == ("actor", "demand")
    expected = engine_article_figures(agreement_project, "alpha_char", labels=["actor", "demand"])
    assert dashboard.bars_chart.drawn_heights() == pytest.approx(
        {k: v for k, v in expected.items() if v is not None}, abs=1e-12)
    assert [s.label for s in dashboard.spread_chart.spreads] == ["actor", "demand"]


def test_split_by_label_draws_each_labels_per_article_figure(dashboard: AgreementDashboard,
                                                             agreement_project: Project) -> None:
    dashboard.split.setChecked(True)
    report = build_report(agreement_project.agreement_input())
    for label in report.labels:
        expected = {a.id: a.per_label[label].alpha_char for a in report.articles
                    if a.per_label[label].alpha_char is not None}
        assert dashboard.bars_chart.drawn_heights(label) == pytest.approx(expected, abs=1e-12)


def test_annotator_filter_recomputes_for_the_chosen_pair(qtbot, dashboard: AgreementDashboard,
                                                          agreement_project: Project) -> None:
    with qtbot.waitSignal(dashboard.reportReady, timeout=20000):
        dashboard.annotator_filter.set_chosen(["ali", "sara"])
    report = build_report(agreement_project.agreement_input(annotators=["ali", "sara"]))
    assert dashboard.result.report.annotators == ("ali", "sara")
    expected = {a.id: a.scores.alpha_char for a in report.articles if a.scores.alpha_char is not None}
    assert dashboard.bars_chart.drawn_heights() == pytest.approx(expected, abs=1e-12)
    assert dashboard.pair_chart.cell_texts[(0, 1)] == f"{report.pairs[0].scores.alpha_char:.2f}"
    assert len(dashboard.pair_chart.cell_texts) == 4


def test_recompute_shows_progress_and_keeps_the_gui_responsive(qtbot, dashboard: AgreementDashboard) -> None:
    ticks = []
    timer = QTimer()
    timer.timeout.connect(lambda: ticks.append(1))
    timer.start(5)
    handle = dashboard.recompute()
    assert dashboard.progress.isVisible()
    with qtbot.waitSignal(dashboard.reportReady, timeout=20000):
        pass
    timer.stop()
    assert handle.done and not dashboard.progress.isVisible()
    assert ticks  # the event loop ran while the report was computed


def test_edits_reported_by_the_window_recompute_the_charts(qtbot, dashboard: AgreementDashboard,
                                                           agreement_project: Project) -> None:
    first = agreement_project.documents()[0].id
    before = dashboard.bars_chart.drawn_heights()[first]
    for span in agreement_project.spans(first, "omar"):
        agreement_project.delete_span(span.id)
    with qtbot.waitSignal(dashboard.reportReady, timeout=20000):
        dashboard.apply_changes(Changes(spans=frozenset({1})))
    expected = engine_article_figures(agreement_project, "alpha_char")
    assert expected[first] != pytest.approx(before)
    assert dashboard.bars_chart.drawn_heights()[first] == pytest.approx(expected[first])


def test_minimum_annotators_leaves_out_articles_with_fewer(qtbot, dashboard: AgreementDashboard) -> None:
    with qtbot.waitSignal(dashboard.reportReady, timeout=20000):
        dashboard.minimum.setValue(4)
    assert dashboard.bars_chart.bars == []
    assert "No article counts" in dashboard.status.text()


def test_pair_heatmap_writes_each_pairs_kappa(dashboard: AgreementDashboard,
                                              agreement_project: Project) -> None:
    dashboard.measure.setCurrentText("kappa")
    report = build_report(agreement_project.agreement_input())
    names = list(report.annotators)
    for pair in report.pairs:
        i, j = names.index(pair.a), names.index(pair.b)
        assert dashboard.pair_chart.cell_texts[(i, j)] == f"{pair.scores.kappa:.2f}"
        assert dashboard.pair_chart.cell_texts[(j, i)] == f"{pair.scores.kappa:.2f}"


def test_confusion_matrix_has_missed_column_with_engine_counts(dashboard: AgreementDashboard) -> None:
    from annotator.core.agreement.confusion import label_confusion

    confusion = label_confusion(dashboard.result.data)
    rows = list(confusion)
    for i, row in enumerate(rows):
        for j, column in enumerate([*rows, "missed"]):
            assert dashboard.confusion_chart.cell_texts[(i, j)] == str(confusion[row][column])
    assert any(confusion[row]["missed"] for row in rows)


def cli_csv(capsys, project: Project, *extra: str) -> list[list[str]]:
    assert main(["--db", str(project.path), "agreement", "--csv", *extra]) == 0
    return list(csv.reader(io.StringIO(capsys.readouterr().out)))


def test_exported_csv_equals_the_cli_csv(qtbot, dashboard: AgreementDashboard, agreement_project: Project,
                                         tmp_path: Path, capsys) -> None:
    with qtbot.waitSignal(dashboard.reportReady, timeout=20000):
        dashboard.label_filter.set_chosen(["actor", "mediator", "denial"])
    path = tmp_path / "table.csv"
    dashboard.export_csv(path)
    exported = list(csv.reader(path.open(encoding="utf-8")))
    assert exported == cli_csv(capsys, agreement_project, "--labels", "actor,mediator,denial")
    article_rows = [r for r in exported if r[0] == "article" and r[2] == "" and r[3] == "alpha_char"]
    assert len(article_rows) == 5 and any(r[4] == "" and r[5] for r in article_rows)


def test_each_chart_exports_png_and_svg(dashboard: AgreementDashboard, tmp_path: Path) -> None:
    written = dashboard.export_charts(tmp_path)
    assert len(written) == 8
    for path in written:
        data = path.read_bytes()
        if path.suffix == ".png":
            assert data.startswith(b"\x89PNG")
        else:
            assert b"<svg" in data
    assert "alpha_char" in (tmp_path / "agreement-per-article.svg").read_text(encoding="utf-8")


def test_clicking_a_bar_opens_that_article_in_the_comparison_view(
        qtbot, dashboard: AgreementDashboard, agreement_project: Project) -> None:
    chart = dashboard.bars_chart
    target = 2
    article_id = chart.bars[target].article_id
    view = chart.getPlotItem().vb
    point = chart.mapFromScene(view.mapViewToScene(QPointF(target, 0.2)))
    with qtbot.waitSignal(dashboard.articleActivated, timeout=3000) as blocker:
        qtbot.mouseClick(chart.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(point.x(), point.y()))
    assert blocker.args == [article_id]
    assert dashboard.tabs.currentWidget() is dashboard.comparison
    assert dashboard.comparison.article_id == article_id
    assert dashboard.comparison.text_view.shown_text() == agreement_project.document(article_id).text


# -- the #12 measures, their explanations and the bootstrap intervals ---------------------------------

def flat(intervals: dict) -> dict:
    """{name: (low, high)} as {(name, "low"): low, (name, "high"): high}, for pytest.approx."""
    return {(name, end): value for name, pair in intervals.items()
            for end, value in zip(("low", "high"), pair, strict=True)}


def bootstrapped_report(project: Project, labels: list[str] | None = None):
    """The report as `annotator agreement` computes it by default: 1,000 resamples, seed 0."""
    return build_report(project.agreement_input(labels=labels), bootstrap=1000, seed=0)


@pytest.mark.parametrize("measure", ["ac1", "fleiss_kappa"])
def test_choosing_ac1_or_fleiss_draws_the_engines_per_article_figures(
        dashboard: AgreementDashboard, agreement_project: Project, measure: str) -> None:
    dashboard.measure.setCurrentText(measure)
    expected = engine_article_figures(agreement_project, measure)
    defined = {k: v for k, v in expected.items() if v is not None}
    assert len(defined) >= 4
    chart = dashboard.bars_chart
    assert chart.drawn_heights() == pytest.approx(defined, abs=1e-12)
    assert chart.drawn_undefined() == [k for k, v in expected.items() if v is None]
    assert measure in chart.getPlotItem().titleLabel.text


def test_fleiss_leaves_the_empty_article_undefined_with_its_reason_not_zero(
        dashboard: AgreementDashboard, agreement_project: Project) -> None:
    dashboard.measure.setCurrentText("fleiss_kappa")
    empty = agreement_project.documents()[EMPTY_ARTICLE].id
    chart = dashboard.bars_chart
    assert empty not in chart.drawn_heights() and chart.drawn_undefined() == [empty]
    hover = chart.describe([bar.article_id for bar in chart.bars].index(empty))
    assert "undefined" in hover and "no variation" in hover
    # AC1's arithmetic would give 1.0 where nothing was marked: it is undefined there too, and says why
    dashboard.measure.setCurrentText("ac1")
    assert empty not in chart.drawn_heights() and chart.drawn_undefined() == [empty]
    assert "nothing was marked" in chart.describe([bar.article_id for bar in chart.bars].index(empty))


def test_each_measure_choice_explains_itself_with_measure_help(dashboard: AgreementDashboard) -> None:
    from PySide6.QtCore import Qt as QtNamespace

    from annotator.core.agreement.measures import MEASURE_HELP
    from annotator.ui.agreement.controls import MEASURE_HELP_TEXT

    chooser = dashboard.measure
    names = [chooser.itemText(i) for i in range(chooser.count())]
    assert {"ac1", "fleiss_kappa"} <= set(names)
    assert {name: MEASURE_HELP[name] for name in names} == MEASURE_HELP_TEXT
    for i, name in enumerate(names):
        assert chooser.itemData(i, QtNamespace.ItemDataRole.ToolTipRole) == MEASURE_HELP[name]
        chooser.setCurrentIndex(i)
        assert chooser.toolTip() == MEASURE_HELP[name]
        assert MEASURE_HELP[name] in dashboard.measure_help_line.text()
        assert dashboard.measure_help_line.isVisible()


@pytest.mark.parametrize("measure", ["alpha_char", "ac1", "fleiss_kappa", "f1_overlap", "alpha_u"])
def test_error_bars_span_exactly_the_reports_intervals(
        dashboard: AgreementDashboard, agreement_project: Project, measure: str) -> None:
    dashboard.measure.setCurrentText(measure)
    report = bootstrapped_report(agreement_project)
    expected = {label: scores.intervals[measure] for label, scores in report.per_label.items()
                if measure in scores.intervals}
    assert expected, "the fixture gives every label an interval"
    assert flat(dashboard.spread_chart.drawn_intervals()) == pytest.approx(flat(expected), abs=1e-12)
    low, high = report.overall.intervals[measure]
    assert flat(dashboard.bars_chart.drawn_intervals()) == pytest.approx(flat({"": (low, high)}), abs=1e-12)
    value = report.overall.value(measure)
    written = f"{value:.3f} [{low:.3f}, {high:.3f}]"
    assert written in dashboard.status.text()
    # the figure is embedded left-to-right, so an Arabic line cannot print its interval reversed
    assert f"corpus: \u202d{written}\u202c" in dashboard.bars_chart.describe(0)
    first = report.labels[0]
    f_low, f_high = report.per_label[first].intervals[measure]
    assert f"[{f_low:.3f}, {f_high:.3f}]" in dashboard.spread_chart.describe(0)


def test_intervals_drawn_are_the_clis_bootstrap_1000_seed_0(
        dashboard: AgreementDashboard, agreement_project: Project, capsys) -> None:
    import json

    dashboard.measure.setCurrentText("ac1")
    assert main(["--db", str(agreement_project.path), "agreement", "--json", "--bootstrap", "1000",
                 "--seed", "0"]) == 0
    printed = json.loads(capsys.readouterr().out)
    overall = printed["overall"]
    assert dashboard.bars_chart.drawn_intervals()[""] == pytest.approx(
        (overall["ac1_ci_low"], overall["ac1_ci_high"]), abs=1e-12)
    for label, scores in printed["per_label"].items():
        assert dashboard.spread_chart.drawn_intervals()[label] == pytest.approx(
            (scores["ac1_ci_low"], scores["ac1_ci_high"]), abs=1e-12)


def test_split_chart_draws_each_labels_corpus_interval_as_an_error_bar(dashboard: AgreementDashboard,
                                                       agreement_project: Project) -> None:
    dashboard.split.setChecked(True)
    report = bootstrapped_report(agreement_project)
    assert flat(dashboard.bars_chart.drawn_intervals()) == pytest.approx(
        flat({label: s.intervals["alpha_char"] for label, s in report.per_label.items()}), abs=1e-12)
    chart = dashboard.bars_chart
    demand = chart.interval_bars["demand"]
    low, high = report.per_label["demand"].intervals["alpha_char"]
    hover = chart.describe_interval_at(float(demand.opts["x"][0]))
    assert "(demand)" in hover and f"[{low:.3f}, {high:.3f}]" in hover


def test_a_measure_without_intervals_draws_no_error_bars(dashboard: AgreementDashboard) -> None:
    dashboard.measure.setCurrentText("kappa")  # the mean of the pairs' κ is not bootstrapped
    assert dashboard.result.report.overall.intervals.get("kappa_mean") is None
    assert dashboard.spread_chart.drawn_intervals() == {}
    assert dashboard.bars_chart.drawn_intervals() == {}
    assert "[" not in dashboard.status.text()


def test_fleiss_pair_heatmap_shows_cohens_kappa_and_says_so(dashboard: AgreementDashboard,
                                                            agreement_project: Project) -> None:
    dashboard.measure.setCurrentText("fleiss_kappa")
    report = build_report(agreement_project.agreement_input())
    names = list(report.annotators)
    for pair in report.pairs:
        i, j = names.index(pair.a), names.index(pair.b)
        assert dashboard.pair_chart.cell_texts[(i, j)] == f"{pair.scores.kappa:.2f}"
    title = dashboard.pair_chart.getPlotItem().titleLabel.text
    assert "kappa" in title and "fleiss_kappa has no pair figure" in title
