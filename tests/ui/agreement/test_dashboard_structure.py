"""The dashboard's relation, span-attribute and article-code measures on a project whose three
annotators drew relations, set attributes and answered questions (imported from JSONL): each chart draws
the report's figures, split by relation type, attribute or question, and a bar opens its article."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pyqtgraph as pg
import pytest
from PySide6.QtCore import QPoint, QPointF, Qt

from annotator.cli.main import main
from annotator.core.agreement.parts import CORPUS_ONLY
from annotator.core.agreement.render import report_to_json
from annotator.core.agreement.report import build_report
from annotator.store import Project
from annotator.store.codebook import Codebook
from annotator.ui.agreement.view import AgreementDashboard

SENTENCE = "قال وزير الخارجية إن المفاوضات مع الوسطاء ستستأنف غدا في القاهرة بحضور وفد من حماس"
WORDS = SENTENCE.split(" ")
NAMES = ("ali", "omar", "sara")


def records(articles: int = 6) -> list[str]:
    """Per article: four spans each annotator marks (sara's second one word longer in odd articles), two
    relations, a role and a stance that differ between annotators from article to article."""
    rng = np.random.default_rng(7)
    lines = []
    for a in range(articles):
        words = [WORDS[(a + k) % len(WORDS)] for k in range(24)]
        text = " ".join(words)
        starts = np.cumsum([0] + [len(w) + 1 for w in words])
        for name in NAMES:
            spans = []
            for k, label in ((2, "actor"), (6, "demand"), (12, "actor"), (18, "demand")):
                end = starts[k + 2 if (name == "sara" and a % 2 and k == 6) else k + 1] - 1
                span = {"start": int(starts[k]), "end": int(end), "label": label}
                if label == "actor":
                    span["attributes"] = {"role": str(rng.choice(["leader", "spokesman"]))}
                spans.append(span)
            relations = [{"head": 0, "child": 1, "label": "claims"}]
            if rng.random() < 0.6:
                relations.append({"head": 2, "child": 3, "label": "claims"})
            codes = {"stance": str(rng.choice(["against", "for", "neutral"])),
                     "topics": ["gaza", "oil"] if rng.random() < 0.5 else ["gaza", "iran"]}
            lines.append(json.dumps({"text": text, "meta": {"id": f"art{a}", "title": f"خبر {a}"},
                                     "annotator": name, "status": "done", "spans": spans,
                                     "relations": relations, "codes": codes}, ensure_ascii=False))
    return lines


@pytest.fixture
def coded_project(tmp_path: Path) -> Project:
    source = tmp_path / "coded.jsonl"
    source.write_text("\n".join(records()) + "\n", encoding="utf-8")
    path = tmp_path / "coded.sqlite"
    assert main(["--db", str(path), "import", str(source), "--add-labels"]) == 0
    project = Project.open(path)
    yield project
    project.close()


@pytest.fixture
def dashboard(qtbot, coded_project: Project) -> AgreementDashboard:
    widget = AgreementDashboard(coded_project)
    qtbot.addWidget(widget)
    widget.resize(1400, 900)
    widget.show()
    qtbot.waitExposed(widget)
    qtbot.waitUntil(lambda: widget.result is not None and widget.worker.done, timeout=20000)
    return widget


def cli_report(project: Project) -> dict:
    """The report as `annotator agreement --json` prints it (1,000 resamples, seed 0)."""
    data = project.agreement_input(codebook=Codebook(project).for_agreement())
    return report_to_json(build_report(data, bootstrap=1000, seed=0))


def flat(intervals: dict) -> dict:
    """{name: (low, high)} as {(name, "low"): low, (name, "high"): high}, for pytest.approx."""
    return {(name, end): value for name, pair in intervals.items()
            for end, value in zip(("low", "high"), pair, strict=True)}


def defined(figures: dict) -> dict:
    return {k: v for k, v in figures.items() if v is not None}


def mean_of_defined(values: list[float | None]) -> float | None:
    found = [v for v in values if v is not None]
    return sum(found) / len(found) if found else None


def test_relation_f1_bars_and_split_by_relation_type_draw_the_reports_figures(
        dashboard: AgreementDashboard, coded_project: Project) -> None:
    report = cli_report(coded_project)
    dashboard.measure.setCurrentText("relation_f1_overlap")
    expected = {a["id"]: a["relation_f1_overlap"] for a in report["per_article"]}
    assert len(defined(expected)) == 6
    assert dashboard.bars_chart.drawn_heights() == pytest.approx(defined(expected), abs=1e-12)
    overall = report["overall"]
    band = (overall["relation_f1_overlap_ci_low"], overall["relation_f1_overlap_ci_high"])
    assert dashboard.bars_chart.drawn_intervals()[""] == pytest.approx(band, abs=1e-12)
    assert dashboard.split.text() == "split by relation type"
    dashboard.split.setChecked(True)
    claims = {a["id"]: a["per_relation_type"]["claims"]["relation_f1_overlap"] for a in report["per_article"]}
    assert dashboard.bars_chart.drawn_heights("claims") == pytest.approx(defined(claims), abs=1e-12)
    assert "by relation type" in dashboard.bars_chart.title_text
    assert [s.label for s in dashboard.spread_chart.spreads] == report["relation_types"]


def test_attribute_alpha_draws_each_attributes_interval_and_the_pairs_kappa(
        dashboard: AgreementDashboard, coded_project: Project) -> None:
    report = cli_report(coded_project)
    dashboard.measure.setCurrentText("attribute_alpha_exact")
    role = report["attributes"]["per_attribute"]["actor.role"]["exact"]
    assert dashboard.split.text() == "split by attribute"
    assert flat(dashboard.spread_chart.drawn_intervals()) == pytest.approx(
        flat({"actor.role": (role["alpha_ci_low"], role["alpha_ci_high"])}), abs=1e-12)
    per_article = {a["id"]: a["attributes"]["actor.role"]["exact"]["alpha"] for a in report["per_article"]}
    assert dashboard.bars_chart.drawn_heights() == pytest.approx(defined(per_article), abs=1e-12)
    heatmap = dashboard.pair_chart.getPlotItem().titleLabel.text
    assert "attribute_kappa_exact" in heatmap and "has no pair figure" in heatmap
    assert dashboard.measure_help_line.text().endswith("All attributes: their mean.")


def test_code_alpha_is_a_corpus_figure_drawn_per_question_with_one_reason_for_the_articles(
        dashboard: AgreementDashboard, coded_project: Project) -> None:
    report = cli_report(coded_project)
    dashboard.measure.setCurrentText("code_alpha")
    chart = dashboard.bars_chart
    assert chart.drawn_heights() == {} and len(chart.drawn_undefined()) == 6
    texts = [item.toPlainText() for item in chart.getPlotItem().items if isinstance(item, pg.TextItem)]
    assert len(texts) == 1 and texts[0].startswith("undefined in every article")
    assert CORPUS_ONLY in chart.describe(0)
    questions = report["codes"]["per_question"]
    assert flat(dashboard.spread_chart.drawn_intervals()) == pytest.approx(
        flat({q: (f["alpha_ci_low"], f["alpha_ci_high"]) for q, f in questions.items()}), abs=1e-12)
    mean = mean_of_defined([f["alpha"] for f in questions.values()])
    assert f"corpus code_alpha (mean over questions): {mean:.3f}" in dashboard.status.text()


def test_code_agreement_bars_compare_articles_and_a_click_opens_the_article(
        qtbot, dashboard: AgreementDashboard, coded_project: Project) -> None:
    report = cli_report(coded_project)
    dashboard.measure.setCurrentText("code_agreement")
    expected = {a["id"]: mean_of_defined([f["agreement"] for f in a["codes"].values()])
                for a in report["per_article"]}
    chart = dashboard.bars_chart
    assert chart.drawn_heights() == pytest.approx(defined(expected), abs=1e-12)
    matrix = dashboard.pair_chart
    assert "code_agreement" in matrix.getPlotItem().titleLabel.text
    target = 3
    article_id = chart.bars[target].article_id
    view = chart.getPlotItem().vb
    point = chart.mapFromScene(view.mapViewToScene(QPointF(target, 0.05)))
    with qtbot.waitSignal(dashboard.articleActivated, timeout=3000) as blocker:
        qtbot.mouseClick(chart.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(point.x(), point.y()))
    assert blocker.args == [article_id]
    assert dashboard.tabs.currentWidget() is dashboard.comparison
    assert dashboard.comparison.article_id == article_id


@pytest.mark.parametrize("measure", ["relation_f1_exact", "attribute_alpha_overlap", "code_alpha",
                                     "code_agreement"])
def test_a_project_without_relations_attributes_or_questions_says_why_for_each_measure(
        qtbot, agreement_project: Project, measure: str) -> None:
    widget = AgreementDashboard(agreement_project)
    qtbot.addWidget(widget)
    widget.resize(1400, 900)
    widget.show()
    qtbot.waitUntil(lambda: widget.result is not None and widget.worker.done, timeout=20000)
    widget.measure.setCurrentText(measure)
    widget.split.setChecked(True)
    chart = widget.bars_chart
    assert chart.drawn_heights() == {} and len(set(chart.drawn_undefined())) == len(chart.bars) == 5
    reason = chart.bars[0].figure.reason
    assert reason.startswith(("no relation", "no span attributes", "no article questions"))
    assert reason in widget.status.text()
