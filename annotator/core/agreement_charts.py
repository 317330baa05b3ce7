"""What the agreement dashboard draws, as plain values: bars per article, the spread per label, the
annotator-pair matrix and the label confusion table, all read from an ``AgreementReport``.

Qt-free, so the figures a chart shows are tested without a display. Undefined figures stay ``None``
with their reason; nothing here turns them into 0.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from enum import StrEnum

import numpy as np

from annotator.core.agreement.data import AgreementInput
from annotator.core.agreement.disagreements import MISSED
from annotator.core.agreement.report import AgreementReport, Scores

# The measures a reviewer chooses from. "kappa" is Cohen's κ for a pair and the mean of the pairs' κ
# for an article, a label or the corpus (the report's ``kappa_mean``). γ is left out: it needs the
# optional extra and minutes per corpus, so the dashboard does not compute it.
DASHBOARD_MEASURES = ("alpha_char", "alpha_u", "kappa", "f1_exact", "f1_overlap", "ac1", "fleiss_kappa")
# Fleiss' κ is one figure for all annotators at once; for a pair the heatmap shows Cohen's κ instead.
PAIR_STAND_IN = {"fleiss_kappa": "kappa"}


class Order(StrEnum):
    """How the article bars are ordered."""

    CORPUS = "corpus order"
    AGREEMENT = "lowest agreement first"


def report_measure(measure: str, pair: bool = False) -> str:
    """The report field behind a dashboard measure: ``kappa`` means ``kappa_mean`` outside pairs, and
    a pair's ``fleiss_kappa`` is its Cohen's ``kappa`` (``PAIR_STAND_IN``)."""
    if measure not in DASHBOARD_MEASURES:
        raise ValueError(f"unknown measure {measure!r}; choose one of {', '.join(DASHBOARD_MEASURES)}")
    if pair:
        return PAIR_STAND_IN.get(measure, measure)
    return "kappa_mean" if measure == "kappa" else measure


@dataclass(frozen=True)
class Figure:
    """One figure of a chart: the value, or ``None`` and why it is undefined; ``interval`` is the
    bootstrap 95% interval (low, high) where the report has one."""

    value: float | None
    reason: str = ""
    interval: tuple[float, float] | None = None

    @property
    def defined(self) -> bool:
        return self.value is not None


def figure(scores: Scores, measure: str, pair: bool = False) -> Figure:
    """``measure`` of ``scores`` as a Figure (with the report's reason when undefined)."""
    field = report_measure(measure, pair)
    value = scores.value(field)
    if value is None:
        return Figure(None, scores.reasons.get(field, "not computed for this scope"))
    interval = scores.intervals.get(field)
    return Figure(float(value), interval=None if interval is None else (float(interval[0]),
                                                                        float(interval[1])))


@dataclass(frozen=True)
class ArticleBar:
    """One article's bar: its figure for the chosen measure (pooled or per label) and hover facts."""

    article_id: str
    title: str
    figure: Figure
    annotators: tuple[str, ...]
    span_counts: Mapping[str, int]
    per_label: Mapping[str, Figure]

    @property
    def spans(self) -> int:
        return sum(self.span_counts.values())


def article_bars(report: AgreementReport, measure: str, order: Order = Order.CORPUS) -> list[ArticleBar]:
    """One bar per counted article. ``Order.AGREEMENT`` puts the lowest pooled figure first and the
    undefined ones last (ties keep corpus order)."""
    bars = [
        ArticleBar(
            article_id=article.id,
            title=article.title,
            figure=figure(article.scores, measure),
            annotators=article.annotators,
            span_counts=article.span_counts,
            per_label={label: figure(scores, measure) for label, scores in article.per_label.items()},
        )
        for article in report.articles
    ]
    if order is Order.AGREEMENT:
        bars.sort(key=lambda bar: (not bar.figure.defined, bar.figure.value or 0.0))
    return bars


@dataclass(frozen=True)
class LabelSpread:
    """A label's corpus-wide figure and its per-article figures (defined ones only)."""

    label: str
    overall: Figure
    per_article: tuple[float, ...]
    undefined_articles: int

    def quartiles(self) -> tuple[float, float, float] | None:
        """(first quartile, median, third quartile) of the per-article figures, None without any."""
        if not self.per_article:
            return None
        q1, median, q3 = np.percentile(self.per_article, [25, 50, 75])
        return float(q1), float(median), float(q3)


def label_spreads(report: AgreementReport, measure: str) -> list[LabelSpread]:
    """Per label (in schema order): the overall figure and the spread across articles."""
    out = []
    for label in report.labels:
        figures = [figure(article.per_label[label], measure) for article in report.articles
                   if label in article.per_label]
        defined = tuple(f.value for f in figures if f.value is not None)
        out.append(LabelSpread(label, figure(report.per_label[label], measure), defined,
                               len(figures) - len(defined)))
    return out


@dataclass(frozen=True)
class PairMatrix:
    """Annotators × annotators, symmetric; ``cells[i][j]`` is None on the diagonal."""

    annotators: tuple[str, ...]
    cells: tuple[tuple[Figure | None, ...], ...]
    articles: tuple[tuple[int, ...], ...]


def pair_matrix(report: AgreementReport, measure: str, label: str | None = None) -> PairMatrix:
    """The pairwise figure of ``measure`` (of one ``label``, or all labels pooled)."""
    names = report.annotators
    index = {name: i for i, name in enumerate(names)}
    cells: list[list[Figure | None]] = [[None] * len(names) for _ in names]
    shared = [[0] * len(names) for _ in names]
    for pair in report.pairs:
        scores = pair.scores if label is None else pair.per_label[label]
        i, j = index[pair.a], index[pair.b]
        cells[i][j] = cells[j][i] = figure(scores, measure, pair=True)
        shared[i][j] = shared[j][i] = pair.scores.n_articles
    return PairMatrix(names, tuple(map(tuple, cells)), tuple(map(tuple, shared)))


@dataclass(frozen=True)
class ConfusionTable:
    """Label of a span (rows) × label of the other annotator's span paired with it, or "missed"."""

    rows: tuple[str, ...]
    columns: tuple[str, ...]
    counts: np.ndarray


def confusion_table(confusion: Mapping[str, Mapping[str, int]]) -> ConfusionTable:
    """``disagreements.label_confusion``'s nested dict as a matrix whose last column is "missed"."""
    rows = tuple(confusion)
    columns = (*rows, MISSED)
    counts = np.array([[confusion[r].get(c, 0) for c in columns] for r in rows], dtype=np.int64)
    return ConfusionTable(rows, columns, counts.reshape(len(rows), len(columns)))


def with_min_annotators(data: AgreementInput, minimum: int) -> AgreementInput:
    """Only the articles at least ``minimum`` annotators have counted (those left out add to skipped)."""
    kept = tuple(article for article in data.articles if len(article.annotators) >= minimum)
    return replace(data, articles=kept, skipped=data.skipped + len(data.articles) - len(kept))
