"""The agreement report: every measure overall, per label, per article and per annotator pair.

``build_report`` turns an :class:`AgreementInput` into a frozen tree of plain values that the CLI
renders (``render.py``) and the dashboard reads directly. Undefined figures are ``None`` with a reason
in ``Scores.reasons``, never NaN, 0 or 1.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field, replace
from types import MappingProxyType

import numpy as np

from annotator.core.agreement.ac1 import ac1, ac1_many
from annotator.core.agreement.bootstrap import DEFAULT_SEED, Interval, corpus_intervals, resample_counts
from annotator.core.agreement.characters import (
    CharacterCounts,
    binary_alpha,
    binary_alpha_many,
    character_counts,
    cohen_kappa,
    cohen_kappa_many,
)
from annotator.core.agreement.data import AgreementInput
from annotator.core.agreement.f1 import SpanCounts, f1_many, f1_score, span_counts
from annotator.core.agreement.fleiss import fleiss_kappa_many
from annotator.core.agreement.layout import Layout, build_layout
from annotator.core.agreement.multirater import RaterSums, character_rater_sums, pair_rater_sums
from annotator.core.agreement.undefined import Figures, as_pairs, stack, undefined_where
from annotator.core.agreement.unitizing import (
    TOO_FEW_RATERS,
    UnitizingDisagreement,
    alpha_u_many,
    block_disagreement,
    category_alpha,
    overall_alpha,
    unitizing_disagreement,
)
from annotator.core.agreement.unitizing_bootstrap import alpha_u_intervals

MEASURES = ("alpha_char", "alpha_u", "kappa", "kappa_mean", "f1_exact", "f1_overlap", "ac1", "fleiss_kappa",
            "gamma")
Progress = Callable[[int, int], None]


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
    reasons: Mapping[str, str] = field(default_factory=lambda: MappingProxyType({}))
    ac1: float | None = None
    fleiss_kappa: float | None = None
    gamma: float | None = None
    # Bootstrap 95% intervals (measure → (low, high)), only where asked for and defined.
    intervals: Mapping[str, Interval] = field(default_factory=lambda: MappingProxyType({}))

    def value(self, measure: str) -> float | None:
        """The figure named ``measure`` (one of ``MEASURES``)."""
        return getattr(self, measure)

    def as_dict(self, measures: tuple[str, ...], n_articles: bool = False) -> dict:
        """``{measure: value}`` for ``measures`` (plus ``n_articles``), ``{measure}_ci_low``/``_ci_high``
        where there is an interval, and ``reasons`` for the None ones."""
        out: dict = {m: self.value(m) for m in measures}
        for m in measures:
            if m in self.intervals:
                out[f"{m}_ci_low"], out[f"{m}_ci_high"] = self.intervals[m]
        if n_articles:
            out["n_articles"] = self.n_articles
        reasons = {m: self.reasons[m] for m in measures if out[m] is None and m in self.reasons}
        if reasons:
            out["reasons"] = reasons
        return out


def _scores(n_articles: int = 0, **measured: tuple[float | None, str]) -> Scores:
    values = {name: result[0] for name, result in measured.items()}
    reasons = {name: result[1] for name, result in measured.items() if result[0] is None}
    return Scores(n_articles=n_articles, reasons=MappingProxyType(reasons), **values)


@dataclass(frozen=True)
class ArticleAgreement:
    """One counted article: who is counted, how many spans each marked, and its figures."""

    id: str
    title: str
    annotators: tuple[str, ...]
    span_counts: Mapping[str, int]
    scores: Scores
    per_label: Mapping[str, Scores]


@dataclass(frozen=True)
class PairAgreement:
    """One annotator pair over the articles both have counted."""

    a: str
    b: str
    scores: Scores
    per_label: Mapping[str, Scores]


@dataclass(frozen=True)
class AgreementReport:
    """The whole report. ``articles`` are in corpus order; ``notes`` explain what was left out."""

    annotators: tuple[str, ...]
    labels: tuple[str, ...]
    overall: Scores
    per_label: Mapping[str, Scores]
    articles: tuple[ArticleAgreement, ...]
    pairs: tuple[PairAgreement, ...]
    skipped_articles: int = 0
    notes: tuple[str, ...] = ()

    def lowest_articles(self, n: int = 10) -> list[ArticleAgreement]:
        """The ``n`` articles with the lowest α_char (F1 overlap where α is undefined; undefined last)."""

        def key(article: ArticleAgreement) -> tuple[int, float]:
            for measure in ("alpha_char", "f1_overlap"):
                value = article.scores.value(measure)
                if value is not None:
                    return (0, value)
            return (1, 0.0)

        return sorted(self.articles, key=key)[:n]


class _Ticker:
    """Counts finished steps and tells the caller's progress callback (done, total)."""

    def __init__(self, total: int, progress: Progress | None) -> None:
        self.done, self.total, self.progress = 0, total, progress

    def __call__(self) -> None:
        self.done += 1
        if self.progress is not None:
            self.progress(self.done, self.total)


def build_report(data: AgreementInput, progress: Progress | None = None, *, bootstrap: int = 0,
                 seed: int | None = DEFAULT_SEED, gamma: bool = False) -> AgreementReport:
    """Compute every measure for ``data``; ``progress(done, total)`` is called after each step.

    ``bootstrap`` > 0 adds 95% intervals from that many resamples of the articles (``seed`` makes them
    repeatable, None draws fresh ones; ``bootstrap.DEFAULT_RESAMPLES`` is the usual count) to the
    overall and per-label scores.
    ``gamma`` adds γ per article and for the corpus (slow; needs the ``annotator[gamma]`` extra).
    """
    if gamma:
        from annotator.core.agreement.gamma import require_pygamma

        require_pygamma()
    layout = build_layout(data)
    n_pairs = len(layout.pairs)
    gamma_steps = layout.n_articles + 1 if gamma else 0
    tick = _Ticker(len(layout.labels) + 2 * n_pairs + 2 + gamma_steps, progress)
    chars = character_counts(layout, tick)
    raters = character_rater_sums(chars, layout.present.sum(axis=0))
    spans = span_counts(layout, tick)
    full = layout.present.all(axis=0) if len(layout.annotators) else np.zeros(layout.n_articles, bool)
    unitizing_all = _unitizing(layout, full, list(range(len(layout.annotators))))
    tick()
    pair_unitizing = []
    for a, b in layout.pairs:
        pair_unitizing.append(_unitizing(layout, layout.pair_present(a, b), [a, b]))
        tick()
    notes = []
    if data.skipped:
        notes.append(f"{data.skipped} article(s) left out: fewer than two annotators have them done")
    if 0 < full.sum() < layout.n_articles:
        notes.append(
            f"alpha_u uses the {int(full.sum())} of {layout.n_articles} articles that all "
            f"{len(layout.annotators)} annotators finished (unitizing α needs the same annotators "
            "throughout; choose some with --annotators)"
        )
    arrays = _pair_arrays(layout, chars, spans)
    overall, per_label = _corpus_scores(layout, chars, raters, arrays, unitizing_all, int(full.sum()))
    if bootstrap > 0:
        overall, per_label = _with_intervals(layout, full, overall, per_label, chars, raters, arrays,
                                             resample_counts(layout.n_articles, bootstrap, seed))
    articles = tuple(_article_scores(layout, data, chars, raters, arrays))
    if gamma:
        overall, articles = _with_gamma(data, overall, articles, tick)
    report = AgreementReport(
        annotators=layout.annotators,
        labels=layout.labels,
        overall=overall,
        per_label=MappingProxyType(per_label),
        articles=articles,
        pairs=tuple(_pair_scores(layout, arrays, pair_unitizing)),
        skipped_articles=data.skipped,
        notes=tuple(notes),
    )
    tick()
    return report


def _unitizing(layout: Layout, articles: np.ndarray, raters: list[int]) -> UnitizingDisagreement:
    """α_u's disagreements over ``articles`` laid end to end, for the annotators ``raters``."""
    lengths = np.diff(layout.offsets) * articles
    new_offsets = np.concatenate(([0], np.cumsum(lengths)))
    rater_index = np.full(len(layout.annotators), -1)
    rater_index[raters] = np.arange(len(raters))
    rows = articles[layout.article] & (rater_index[layout.annotator] >= 0)
    shift = (new_offsets[:-1] - layout.offsets[:-1])[layout.article[rows]]
    return unitizing_disagreement(
        rater_index[layout.annotator[rows]], layout.start[rows] + shift, layout.end[rows] + shift,
        layout.label[rows], len(raters), len(layout.labels), 0, int(new_offsets[-1]),
    )


def _unitizing_scores(result: UnitizingDisagreement, n_articles: int, label: int | None) -> tuple:
    if n_articles == 0:
        return None, "no article was finished by all counted annotators; choose some with --annotators"
    return overall_alpha(result) if label is None else category_alpha(result, label)


def _pair_arrays(layout: Layout, chars: CharacterCounts, spans: SpanCounts) -> dict[str, np.ndarray]:
    """Per pair × label × article: characters, ones of a and b, shared ones, spans of a and b, matches
    (all zero where the pair is not both counted)."""
    shape = (len(layout.pairs), len(layout.labels), layout.n_articles)
    out = {k: np.zeros(shape, dtype=np.int64) for k in ("n", "ones_a", "ones_b", "spans_a", "spans_b")}
    for p, (a, b) in enumerate(layout.pairs):
        shared = layout.pair_present(a, b)
        out["n"][p] = chars.characters * shared
        out["ones_a"][p] = chars.ones[a] * shared
        out["ones_b"][p] = chars.ones[b] * shared
        out["spans_a"][p] = spans.spans[a] * shared
        out["spans_b"][p] = spans.spans[b] * shared
    out["both"], out["exact"], out["overlap"] = chars.both, spans.exact, spans.overlap
    return out


def _kappa_mean(kappa: Figures) -> Figures:
    """Mean over pairs (axis 0) of the defined κ; undefined where no pair has one."""
    values, reasons = kappa
    defined = reasons == ""
    count = defined.sum(axis=0)
    with np.errstate(divide="ignore", invalid="ignore"):
        mean = np.where(defined, values, 0.0).sum(axis=0) / count
    if values.shape[0] == 0:
        return undefined_where([np.ones(mean.shape, bool)], [TOO_FEW_RATERS], mean)
    why = np.char.add(np.char.add("no annotator pair has a defined kappa (", reasons[0]), ")")
    return np.where(count > 0, mean, np.nan), np.where(count > 0, "", why)


def _scores_many(chars_alpha: tuple[np.ndarray, ...], raters: RaterSums, pairs: dict[str, np.ndarray],
                 n_articles: int, unitizing: Figures | None = None) -> list[Scores]:
    """Scores for every cell of a scope at once: ``chars_alpha`` are the three α sums and ``raters`` the
    AC1/Fleiss sums with the scope's shape S, ``pairs`` the per-pair sums with shape (pairs, *S);
    returns one Scores per cell of S."""
    values, ones, disagreeing = (np.asarray(a, dtype=float).ravel() for a in chars_alpha)
    raters = RaterSums(*(np.asarray(a, dtype=float).ravel()
                         for a in (raters.units, raters.agreeing, raters.share_ones)))
    cells = len(values)
    pair = {k: np.asarray(v, dtype=float).reshape(v.shape[0], cells) for k, v in pairs.items()}
    spans_a, spans_b = pair["spans_a"].sum(axis=0), pair["spans_b"].sum(axis=0)
    columns = {
        "alpha_char": as_pairs(binary_alpha_many(values, ones, disagreeing)),
        "kappa_mean": as_pairs(_kappa_mean(cohen_kappa_many(pair["n"], pair["ones_a"], pair["ones_b"],
                                                            pair["both"]))),
        "f1_exact": as_pairs(f1_many(pair["exact"].sum(axis=0), spans_a, spans_b)),
        "f1_overlap": as_pairs(f1_many(pair["overlap"].sum(axis=0), spans_a, spans_b)),
        "ac1": as_pairs(ac1_many(raters)),
        "fleiss_kappa": as_pairs(fleiss_kappa_many(raters)),
    }
    if unitizing is not None:
        columns["alpha_u"] = as_pairs(unitizing)
    return [_scores(n_articles, **{name: column[c] for name, column in columns.items()})
            for c in range(cells)]


def _alpha_sums(chars: CharacterCounts, axis: int | tuple[int, ...] | None) -> tuple[np.ndarray, ...]:
    return tuple(np.asarray(a).sum(axis=axis) for a in
                 (chars.alpha_values, chars.alpha_ones, chars.alpha_disagreeing))


def _pair_sums(arrays: dict[str, np.ndarray], axis: int | tuple[int, ...] | None) -> dict[str, np.ndarray]:
    return {k: v.sum(axis=axis) if axis is not None else v for k, v in arrays.items()}


def _corpus_scores(layout: Layout, chars: CharacterCounts, raters: RaterSums, arrays: dict[str, np.ndarray],
                   unitizing: UnitizingDisagreement, unitizing_articles: int) -> tuple[Scores, dict]:
    n = layout.n_articles
    (overall,) = _scores_many(_alpha_sums(chars, None), raters.total(None), _pair_sums(arrays, (1, 2)), n,
                              stack([_unitizing_scores(unitizing, unitizing_articles, None)]))
    per_label = _scores_many(_alpha_sums(chars, 1), raters.total(1), _pair_sums(arrays, 2), n,
                             stack([_unitizing_scores(unitizing, unitizing_articles, k)
                                    for k in range(len(layout.labels))]))
    return overall, dict(zip(layout.labels, per_label, strict=True))


def _with_intervals(layout: Layout, full: np.ndarray, overall: Scores, per_label: dict[str, Scores],
                    chars: CharacterCounts, raters: RaterSums, arrays: dict[str, np.ndarray],
                    counts: np.ndarray) -> tuple[Scores, dict]:
    """The corpus scores with bootstrap intervals (resampling articles as ``counts`` says) attached."""
    cells = corpus_intervals(
        (chars.alpha_values, chars.alpha_ones, chars.alpha_disagreeing),
        (raters.units, raters.agreeing, raters.share_ones),
        (arrays["exact"].sum(axis=0), arrays["overlap"].sum(axis=0),
         (arrays["spans_a"] + arrays["spans_b"]).sum(axis=0)),
        counts)
    if full.any():
        for cell, interval in zip(cells, alpha_u_intervals(layout, full, counts), strict=True):
            if interval is not None:
                cell["alpha_u"] = interval
    overall = replace(overall, intervals=MappingProxyType(cells[0]))
    return overall, {label: replace(scores, intervals=MappingProxyType(cells[k + 1]))
                     for k, (label, scores) in enumerate(per_label.items())}


def _with_gamma(data: AgreementInput, overall: Scores, articles: tuple[ArticleAgreement, ...],
                tick: _Ticker) -> tuple[Scores, tuple[ArticleAgreement, ...]]:
    """The corpus and article scores with γ added (one progress step per article, one for the corpus)."""
    from annotator.core.agreement.gamma import article_gamma, corpus_gamma

    def with_gamma(scores: Scores, result: tuple[float | None, str]) -> Scores:
        reasons = dict(scores.reasons)
        if result[0] is None:
            reasons["gamma"] = result[1]
        return replace(scores, gamma=result[0], reasons=MappingProxyType(reasons))

    updated = []
    for article, agreement in zip(data.articles, articles, strict=True):
        updated.append(replace(agreement, scores=with_gamma(agreement.scores, article_gamma(article))))
        tick()
    overall = with_gamma(overall, corpus_gamma(data))
    tick()
    return overall, tuple(updated)


def _article_scores(layout: Layout, data: AgreementInput, chars: CharacterCounts, raters: RaterSums,
                    arrays: dict[str, np.ndarray]) -> Iterator[ArticleAgreement]:
    n_articles = layout.n_articles
    relative = layout.offsets[layout.article]
    blocks = block_disagreement(layout.annotator, layout.start - relative, layout.end - relative,
                                layout.label,
                                layout.article, layout.present, np.diff(layout.offsets), len(layout.labels))
    pooled_u = alpha_u_many(blocks.observed.sum(axis=0), blocks.expected.sum(axis=0),
                            blocks.units.sum(axis=0), blocks.raters)
    label_u = alpha_u_many(blocks.observed, blocks.expected, blocks.units, blocks.raters[np.newaxis, :])
    pooled = _scores_many(_alpha_sums(chars, 0), raters.total(0), _pair_sums(arrays, 1), 1, pooled_u)
    by_label = _scores_many(_alpha_sums(chars, ()), raters.total(()), arrays, 1, label_u)  # k·n_articles + i
    for i, article in enumerate(data.articles):
        per_label = {label: by_label[k * n_articles + i] for k, label in enumerate(layout.labels)}
        yield ArticleAgreement(
            id=article.id,
            title=article.title,
            annotators=article.annotators,
            span_counts=MappingProxyType({name: len(s) for name, s in sorted(article.spans.items())}),
            scores=pooled[i],
            per_label=MappingProxyType(per_label),
        )


def _pair_scores(layout: Layout, arrays: dict[str, np.ndarray],
                 unitizing: list[UnitizingDisagreement]) -> Iterator[PairAgreement]:
    for p, (a, b) in enumerate(layout.pairs):
        shared = int(layout.pair_present(a, b).sum())

        def scores(labels: slice | int, p: int = p, shared: int = shared) -> Scores:
            def total(key: str) -> float:
                return float(arrays[key][p, labels].sum())

            ones = total("ones_a") + total("ones_b")
            return _scores(
                shared,
                # two coders: a character disagrees when exactly one of them marked it
                alpha_char=binary_alpha(2 * total("n"), ones, ones - 2 * total("both")),
                kappa=cohen_kappa(total("n"), total("ones_a"), total("ones_b"), total("both")),
                f1_exact=f1_score(total("exact"), total("spans_a"), total("spans_b")),
                f1_overlap=f1_score(total("overlap"), total("spans_a"), total("spans_b")),
                ac1=ac1(pair_rater_sums(total("n"), total("ones_a"), total("ones_b"), total("both"))),
                alpha_u=_unitizing_scores(unitizing[p], shared,
                                          None if isinstance(labels, slice) else labels),
            )

        per_label = {name: scores(k) for k, name in enumerate(layout.labels)}
        yield PairAgreement(layout.annotators[a], layout.annotators[b], scores(slice(None)),
                            MappingProxyType(per_label))


__all__ = ["MEASURES", "AgreementReport", "ArticleAgreement", "PairAgreement", "Scores", "build_report"]
