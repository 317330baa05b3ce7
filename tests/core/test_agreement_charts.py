"""What the dashboard draws, without a display: bars, order, spreads, pair matrix, confusion table."""

from __future__ import annotations

import numpy as np
import pytest

from annotator.core.agreement.confusion import label_confusion
from annotator.core.agreement.data import AgreementArticle, AgreementInput
from annotator.core.agreement.report import build_report
from annotator.core.agreement_charts import (
    Order,
    article_bars,
    confusion_table,
    label_spreads,
    pair_matrix,
    report_measure,
    with_min_annotators,
)
from annotator.core.model import SpanRef

TEXT = "قال وزير الخارجية إن المفاوضات مع الوسطاء ستستأنف غدا"
LABELS = ("actor", "demand")


def article(article_id: str, spans: dict[str, list[tuple[int, int, str]]]) -> AgreementArticle:
    return AgreementArticle(article_id, f"title {article_id}", TEXT,
                            {name: tuple(SpanRef(*s) for s in found) for name, found in spans.items()})


DATA = AgreementInput(LABELS, (
    article("good", {"ali": [(4, 17, "actor")], "sara": [(4, 17, "actor")], "omar": [(4, 17, "actor")]}),
    article("poor", {"ali": [(4, 17, "actor"), (21, 30, "demand")], "sara": [(4, 8, "demand")]}),
    article("empty", {"ali": [], "sara": []}),
    article("fair", {"ali": [(4, 17, "actor")], "sara": [(4, 12, "actor")]}),
))
REPORT = build_report(DATA)


def test_bars_in_corpus_order_carry_the_engines_figures_and_reasons() -> None:
    bars = article_bars(REPORT, "alpha_char")
    assert [b.article_id for b in bars] == ["good", "poor", "empty", "fair"]
    for bar, scores in zip(bars, (a.scores for a in REPORT.articles), strict=True):
        assert bar.figure.value == scores.alpha_char
    empty = bars[2].figure
    assert empty.value is None and empty.reason == REPORT.articles[2].scores.reasons["alpha_char"]
    assert bars[1].spans == 3 and bars[1].annotators == ("ali", "sara")


def test_lowest_agreement_first_keeps_undefined_last() -> None:
    bars = article_bars(REPORT, "f1_overlap", Order.AGREEMENT)
    values = [b.figure.value for b in bars]
    assert values[-1] is None
    assert values[:-1] == sorted(values[:-1])


def test_kappa_is_the_mean_of_pairs_outside_pairs_and_cohens_kappa_for_a_pair() -> None:
    assert report_measure("kappa") == "kappa_mean"
    assert report_measure("kappa", pair=True) == "kappa"
    bars = article_bars(REPORT, "kappa")
    assert bars[0].figure.value == REPORT.articles[0].scores.kappa_mean
    with pytest.raises(ValueError, match="unknown measure"):
        report_measure("accuracy")


def test_label_spread_holds_every_defined_per_article_figure_and_quartiles() -> None:
    actor = label_spreads(REPORT, "alpha_char")[0]
    values = [a.per_label["actor"].alpha_char for a in REPORT.articles]
    defined = [v for v in values if v is not None]
    assert actor.label == "actor"
    assert sorted(actor.per_article) == sorted(defined)
    assert actor.undefined_articles == len(values) - len(defined)
    assert actor.quartiles() == pytest.approx(tuple(np.percentile(defined, [25, 50, 75])))
    assert actor.overall.value == REPORT.per_label["actor"].alpha_char


def test_pair_matrix_is_symmetric_with_an_empty_diagonal() -> None:
    matrix = pair_matrix(REPORT, "kappa")
    names = list(matrix.annotators)
    for pair in REPORT.pairs:
        i, j = names.index(pair.a), names.index(pair.b)
        assert matrix.cells[i][j] == matrix.cells[j][i]
        assert matrix.cells[i][j].value == pair.scores.kappa
        assert matrix.articles[i][j] == pair.scores.n_articles
    assert all(matrix.cells[i][i] is None for i in range(len(names)))


def test_confusion_table_ends_with_missed() -> None:
    confusion = label_confusion(DATA)
    table = confusion_table(confusion)
    assert table.columns == ("actor", "demand", "missed")
    for i, row in enumerate(table.rows):
        assert list(table.counts[i]) == [confusion[row][c] for c in table.columns]


def test_minimum_annotators_keeps_articles_with_enough_and_counts_the_rest_as_skipped() -> None:
    three = with_min_annotators(DATA, 3)
    assert [a.id for a in three.articles] == ["good"]
    assert three.skipped == 3
    assert with_min_annotators(DATA, 2) == DATA


def test_ac1_and_fleiss_bars_carry_the_reports_figures_and_fleiss_pairs_stand_in_cohens_kappa() -> None:
    for measure in ("ac1", "fleiss_kappa"):
        bars = article_bars(REPORT, measure)
        assert [b.figure.value for b in bars] == [a.scores.value(measure) for a in REPORT.articles]
    assert report_measure("fleiss_kappa", pair=True) == "kappa"
    matrix = pair_matrix(REPORT, "fleiss_kappa")
    ali, sara = matrix.annotators.index("ali"), matrix.annotators.index("sara")
    pair = next(p for p in REPORT.pairs if {p.a, p.b} == {"ali", "sara"})
    assert matrix.cells[ali][sara].value == pair.scores.kappa


def test_corpus_figures_carry_the_bootstrap_interval_and_article_figures_none() -> None:
    from annotator.core.agreement_charts import figure

    report = build_report(DATA, bootstrap=200, seed=3)
    for measure in ("alpha_char", "ac1", "f1_overlap"):
        assert figure(report.overall, measure).interval == report.overall.intervals[measure]
    assert figure(report.overall, "kappa").interval is None  # κ's mean over pairs is not bootstrapped
    assert all(b.figure.interval is None for b in article_bars(report, "alpha_char"))
    assert figure(REPORT.overall, "alpha_char").interval is None  # no intervals unless asked for
