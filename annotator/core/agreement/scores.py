"""The values an agreement report is made of: the figures of one scope, an article, a pair, the whole.

Undefined figures are ``None`` with a reason in ``Scores.reasons``, never NaN, 0 or 1. A pooled scope
(all labels together) pools only the labels some of its annotators used in its articles; which ones is
listed beside it (``pooled_labels``), so adding an unused label to the schema changes no figure.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, fields, replace
from types import MappingProxyType

Interval = tuple[float, float]


def _empty() -> Mapping:
    return MappingProxyType({})


@dataclass(frozen=True)
class Scores:
    """The figures of one scope (overall, a label, an article, a pair); ``None`` = undefined or not
    computed for this scope, with ``reasons[measure]`` saying why when it is undefined."""

    alpha_char: float | None = None
    alpha_u: float | None = None
    kappa: float | None = None
    kappa_mean: float | None = None
    f1_exact: float | None = None
    f1_overlap: float | None = None
    n_articles: int = 0
    reasons: Mapping[str, str] = field(default_factory=_empty)
    ac1: float | None = None
    fleiss_kappa: float | None = None
    gamma: float | None = None
    # Bootstrap 95% intervals (measure → (low, high)), only where asked for and defined.
    intervals: Mapping[str, Interval] = field(default_factory=_empty)
    # Where intervals were asked for but a measure has none: measure → why.
    interval_reasons: Mapping[str, str] = field(default_factory=_empty)
    # Relation F1 (``relations.py``): same type and both ends matched, exactly or by span overlap.
    relation_f1_exact: float | None = None
    relation_f1_overlap: float | None = None

    def with_figures(self, other: Scores) -> Scores:
        """These scores with ``other``'s defined figures, reasons and intervals added (``other`` holds
        measures these do not, e.g. the relation measures beside the span ones)."""
        added = {f.name: getattr(other, f.name) for f in fields(other)
                 if isinstance(getattr(other, f.name), float)}
        return replace(self, **added,
                       reasons=MappingProxyType({**self.reasons, **other.reasons}),
                       intervals=MappingProxyType({**self.intervals, **other.intervals}),
                       interval_reasons=MappingProxyType({**self.interval_reasons, **other.interval_reasons}))

    def value(self, measure: str) -> float | None:
        """The figure named ``measure`` (one of ``MEASURES``)."""
        return getattr(self, measure)

    def as_dict(self, measures: tuple[str, ...], n_articles: bool = False) -> dict:
        """``{measure: value}`` for ``measures`` (plus ``n_articles``), ``{measure}_ci_low``/``_ci_high``
        where intervals were asked for (null where there is none), and ``reasons`` for the None ones
        (``{measure}_ci`` for a missing interval)."""
        out: dict = {m: self.value(m) for m in measures}
        reasons = {m: self.reasons[m] for m in measures if out[m] is None and m in self.reasons}
        for m in measures:
            if m in self.intervals:
                out[f"{m}_ci_low"], out[f"{m}_ci_high"] = self.intervals[m]
            elif m in self.interval_reasons:
                out[f"{m}_ci_low"] = out[f"{m}_ci_high"] = None
                reasons[f"{m}_ci"] = self.interval_reasons[m]
        if n_articles:
            out["n_articles"] = self.n_articles
        if reasons:
            out["reasons"] = reasons
        return out


@dataclass(frozen=True)
class ArticleAgreement:
    """One counted article: who is counted, how many spans each marked, its figures, and the labels its
    pooled figures pool (those its annotators used there)."""

    id: str
    title: str
    annotators: tuple[str, ...]
    span_counts: Mapping[str, int]
    scores: Scores
    per_label: Mapping[str, Scores]
    pooled_labels: tuple[str, ...] = ()
    per_relation_type: Mapping[str, Scores] = field(default_factory=_empty)
    # This article's span-attribute α ("LABEL.ATTRIBUTE" → mode → {"alpha", "n_spans"[, "reasons"]}) and
    # article-code agreement (question → {"agreement", "n_items"[, "reasons"]}), as --json prints them.
    attributes: Mapping[str, Mapping] = field(default_factory=_empty)
    codes: Mapping[str, Mapping] = field(default_factory=_empty)


@dataclass(frozen=True)
class PairAgreement:
    """One annotator pair over the articles both have counted; the pooled figures pool the labels
    either of the two used there."""

    a: str
    b: str
    scores: Scores
    per_label: Mapping[str, Scores]
    pooled_labels: tuple[str, ...] = ()
    per_relation_type: Mapping[str, Scores] = field(default_factory=_empty)


@dataclass(frozen=True)
class AgreementReport:
    """The whole report. ``articles`` are in corpus order; ``notes`` explain what was left out;
    ``pooled_labels`` are the labels the overall figures pool (some counted annotator used them)."""

    annotators: tuple[str, ...]
    labels: tuple[str, ...]
    overall: Scores
    per_label: Mapping[str, Scores]
    articles: tuple[ArticleAgreement, ...]
    pairs: tuple[PairAgreement, ...]
    skipped_articles: int = 0
    notes: tuple[str, ...] = ()
    pooled_labels: tuple[str, ...] = ()
    relation_types: tuple[str, ...] = ()
    per_relation_type: Mapping[str, Scores] = field(default_factory=_empty)
    # Span attributes and article codes (``attributes.py``, ``codes.py``); None: not computed.
    attributes: object | None = None
    codes: object | None = None

    def lowest_articles(self, n: int = 10) -> list[ArticleAgreement]:
        """The ``n`` articles with the lowest α_char (F1 overlap where α is undefined; undefined last)."""

        def key(article: ArticleAgreement) -> tuple[int, float]:
            for measure in ("alpha_char", "f1_overlap"):
                value = article.scores.value(measure)
                if value is not None:
                    return (0, value)
            return (1, 0.0)

        return sorted(self.articles, key=key)[:n]
