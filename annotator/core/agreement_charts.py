"""What the agreement dashboard draws, as plain values: bars per article, the spread per label (or per
relation type, attribute or question: the measure's parts, ``agreement.parts``), the annotator-pair
matrix and the label confusion table, all read from an ``AgreementReport``.

Qt-free, so the figures a chart shows are tested without a display. Undefined figures stay ``None``
with their reason; nothing here turns them into 0.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from enum import StrEnum

import numpy as np

from annotator.core.agreement import parts as measure_parts
from annotator.core.agreement.data import AgreementInput
from annotator.core.agreement.disagreements import MISSED
from annotator.core.agreement.parts import (
    DASHBOARD_MEASURES,
    PAIR_STAND_IN,
    Figure,
    Part,
    part_of,
    report_measure,
    scores_figure,
)
from annotator.core.agreement.report import AgreementReport, Scores


class Order(StrEnum):
    """How the article bars are ordered."""

    CORPUS = "corpus order"
    AGREEMENT = "lowest agreement first"


def figure(scores: Scores, measure: str, pair: bool = False) -> Figure:
    """A span or relation ``measure`` of ``scores`` as a Figure (with the report's reason when undefined)."""
    return scores_figure(scores, report_measure(measure, pair))


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
    undefined ones last (ties keep corpus order). ``per_label`` holds the measure's parts (labels,
    relation types, attributes or questions: ``parts.part_of``)."""
    bars = []
    for article in report.articles:
        figures = measure_parts.article(report, article, measure)
        bars.append(ArticleBar(article_id=article.id, title=article.title, figure=figures.pooled,
                               annotators=article.annotators, span_counts=article.span_counts,
                               per_label=figures.parts))
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
    """Per part of the measure (label, relation type, attribute or question, in codebook order): the
    corpus figure and the spread across articles."""
    corpus = measure_parts.corpus(report, measure)
    by_article = [measure_parts.article(report, article, measure).parts for article in report.articles]
    out = []
    for name in measure_parts.parts(report, measure):
        figures = [found[name] for found in by_article if name in found]
        defined = tuple(f.value for f in figures if f.value is not None)
        overall = corpus.parts.get(name, Figure(None, measure_parts.NOT_COMPUTED))
        out.append(LabelSpread(name, overall, defined, len(figures) - len(defined)))
    return out


@dataclass(frozen=True)
class PairMatrix:
    """Annotators × annotators, symmetric; ``cells[i][j]`` is None on the diagonal."""

    annotators: tuple[str, ...]
    cells: tuple[tuple[Figure | None, ...], ...]
    articles: tuple[tuple[int, ...], ...]


def pair_matrix(report: AgreementReport, measure: str, label: str | None = None) -> PairMatrix:
    """The pairwise figure of ``measure`` (of one part ``label``, or pooled)."""
    names = report.annotators
    index = {name: i for i, name in enumerate(names)}
    cells: list[list[Figure | None]] = [[None] * len(names) for _ in names]
    shared = [[0] * len(names) for _ in names]
    for pair in report.pairs:
        figures = measure_parts.pair(report, pair, measure)
        i, j = index[pair.a], index[pair.b]
        cells[i][j] = cells[j][i] = figures.pooled if label is None else figures.parts[label]
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


__all__ = ["DASHBOARD_MEASURES", "PAIR_STAND_IN", "ArticleBar", "ConfusionTable", "Figure", "LabelSpread",
           "Order", "PairMatrix", "Part", "article_bars", "confusion_table", "figure", "label_spreads",
           "pair_matrix", "part_of", "report_measure", "with_min_annotators"]
