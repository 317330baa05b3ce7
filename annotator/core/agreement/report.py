"""The agreement report: every measure overall, per label, per article and per annotator pair.

``build_report`` turns an :class:`AgreementInput` into a frozen tree of plain values (``scores``) that
the CLI renders (``render.py``) and the dashboard reads directly. Undefined figures are ``None`` with a
reason in ``Scores.reasons``, never NaN, 0 or 1. Pooled figures pool only the labels some annotator of
the scope used in its articles (overall and per article: any counted annotator; per pair: either of
the two), so a label nobody used adds no all-zero characters that would look like agreement.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import replace
from types import MappingProxyType

import numpy as np

from annotator.core.agreement.ac1 import ac1, ac1_many
from annotator.core.agreement.attributes import attribute_figures
from annotator.core.agreement.bootstrap import (
    DEFAULT_SEED,
    MIN_ARTICLES,
    TOO_FEW_ARTICLES,
    TOO_FEW_DEFINED,
    UNDEFINED_FIGURE,
    corpus_intervals,
    resample_counts,
)
from annotator.core.agreement.characters import (
    CharacterCounts,
    binary_alpha,
    binary_alpha_many,
    character_counts,
    cohen_kappa,
    cohen_kappa_many,
)
from annotator.core.agreement.codes import code_figures
from annotator.core.agreement.data import AgreementInput
from annotator.core.agreement.f1 import SpanCounts, f1_many, f1_score, span_counts
from annotator.core.agreement.fleiss import fleiss_kappa_many
from annotator.core.agreement.layout import Layout, build_layout
from annotator.core.agreement.multirater import RaterSums, character_rater_sums, pair_rater_sums
from annotator.core.agreement.relation_scores import relation_scores
from annotator.core.agreement.relations import relation_counts
from annotator.core.agreement.scores import AgreementReport, ArticleAgreement, PairAgreement, Scores
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
            "gamma", "relation_f1_exact", "relation_f1_overlap")
Progress = Callable[[int, int], None]


def _scores(n_articles: int = 0, **measured: tuple[float | None, str]) -> Scores:
    values = {name: result[0] for name, result in measured.items()}
    reasons = {name: result[1] for name, result in measured.items() if result[0] is None}
    return Scores(n_articles=n_articles, reasons=MappingProxyType(reasons), **values)


def pooling_mask(used: np.ndarray, axis: int = 0) -> np.ndarray:
    """Which labels a pooled figure pools: those used (True) along ``axis``; where none was used at
    all, every label (so the figures say "no variation" / "nothing was marked" rather than nothing)."""
    return np.where(used.any(axis=axis, keepdims=True), used, True)



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
    used = spans.spans.sum(axis=0) > 0  # labels × articles: some counted annotator marked it there
    pair_used = (arrays["spans_a"] + arrays["spans_b"]) > 0  # pairs × labels × articles
    overall, per_label = _corpus_scores(layout, chars, raters, arrays, unitizing_all, int(full.sum()),
                                        used.any(axis=1), pair_used.any(axis=2))
    resamples = resample_counts(layout.n_articles, bootstrap, seed) if bootstrap > 0 else None
    if resamples is not None:
        overall, per_label = _with_intervals(layout, full, overall, per_label, chars, raters, arrays, used,
                                             resamples)
    articles = tuple(_article_scores(layout, data, chars, raters, arrays, used, pair_used))
    if gamma:
        overall, articles = _with_gamma(data, overall, articles, tick)
    relation_counts_ = relation_counts(data, layout, spans)
    relations = relation_scores(relation_counts_, layout, resamples)
    if relation_counts_.left_out:
        notes.append(f"{relation_counts_.left_out} relation(s) left out: an end is a span of white space "
                     "alone")
    overall = overall.with_figures(relations.overall)
    attributes = attribute_figures(data, layout, spans, resamples)
    codes, article_codes = code_figures(data, resamples)
    articles = tuple(replace(a, scores=a.scores.with_figures(pooled),
                             per_relation_type=MappingProxyType(typed),
                             attributes=MappingProxyType(by_attribute), codes=MappingProxyType(by_question))
                     for a, (pooled, typed), by_attribute, by_question
                     in zip(articles, relations.articles, attributes.per_article, article_codes, strict=True))
    pairs = tuple(replace(p, scores=p.scores.with_figures(pooled),
                          per_relation_type=MappingProxyType(typed))
                  for p, (pooled, typed) in zip(_pair_scores(layout, arrays, pair_unitizing,
                                                             pair_used.any(axis=2)),
                                                relations.pairs, strict=True))
    report = AgreementReport(
        annotators=layout.annotators,
        labels=layout.labels,
        overall=overall,
        per_label=MappingProxyType(per_label),
        articles=articles,
        pairs=pairs,
        skipped_articles=data.skipped,
        notes=tuple(notes),
        pooled_labels=_names(layout.labels, used.any(axis=1)),
        relation_types=relation_counts_.types,
        per_relation_type=MappingProxyType(relations.per_type),
        codes=codes,
        attributes=attributes.corpus,
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


def _names(labels: tuple[str, ...], used: np.ndarray) -> tuple[str, ...]:
    return tuple(label for label, on in zip(labels, used.tolist(), strict=True) if on)


def _alpha_sums(chars: CharacterCounts, axis: int | tuple[int, ...] | None,
                mask: np.ndarray | None = None) -> tuple[np.ndarray, ...]:
    """α's sums (labels × articles) summed along ``axis``, after keeping only the cells ``mask`` pools."""
    arrays = (chars.alpha_values, chars.alpha_ones, chars.alpha_disagreeing)
    return tuple((np.asarray(a) if mask is None else np.asarray(a) * mask).sum(axis=axis) for a in arrays)


def _rater_sums(raters: RaterSums, axis: int | tuple[int, ...] | None, mask: np.ndarray) -> RaterSums:
    return RaterSums(*(np.asarray(x, dtype=float) * mask for x in
                       (raters.units, raters.agreeing, raters.share_ones))).total(axis)


def _pair_sums(arrays: dict[str, np.ndarray], axis: int | tuple[int, ...] | None,
               mask: np.ndarray | None = None) -> dict[str, np.ndarray]:
    """The pair arrays (pairs × labels × articles) summed along ``axis``, pooling only where ``mask``."""
    masked = arrays if mask is None else {k: v * mask for k, v in arrays.items()}
    return {k: v.sum(axis=axis) if axis is not None else v for k, v in masked.items()}


def _corpus_scores(layout: Layout, chars: CharacterCounts, raters: RaterSums, arrays: dict[str, np.ndarray],
                   unitizing: UnitizingDisagreement, unitizing_articles: int, used: np.ndarray,
                   pair_used: np.ndarray) -> tuple[Scores, dict]:
    """Overall (pooling the labels in ``used``; each pair's κ its own ``pair_used``) and per label."""
    n = layout.n_articles
    labels = pooling_mask(used)[:, None]
    pairs = pooling_mask(pair_used, axis=1)[:, :, None]
    (overall,) = _scores_many(_alpha_sums(chars, None, labels), _rater_sums(raters, None, labels),
                              _pair_sums(arrays, (1, 2), pairs), n,
                              stack([_unitizing_scores(unitizing, unitizing_articles, None)]))
    per_label = _scores_many(_alpha_sums(chars, 1), raters.total(1), _pair_sums(arrays, 2), n,
                             stack([_unitizing_scores(unitizing, unitizing_articles, k)
                                    for k in range(len(layout.labels))]))
    return overall, dict(zip(layout.labels, per_label, strict=True))


INTERVAL_MEASURES = ("alpha_char", "alpha_u", "ac1", "fleiss_kappa", "f1_exact", "f1_overlap")


def _with_intervals(layout: Layout, full: np.ndarray, overall: Scores, per_label: dict[str, Scores],
                    chars: CharacterCounts, raters: RaterSums, arrays: dict[str, np.ndarray],
                    used: np.ndarray, counts: np.ndarray) -> tuple[Scores, dict]:
    """The corpus scores with bootstrap intervals (resampling articles as ``counts`` says) attached,
    and for every measure without one, why."""
    cells = corpus_intervals(
        (chars.alpha_values, chars.alpha_ones, chars.alpha_disagreeing),
        (raters.units, raters.agreeing, raters.share_ones),
        (arrays["exact"].sum(axis=0), arrays["overlap"].sum(axis=0),
         (arrays["spans_a"] + arrays["spans_b"]).sum(axis=0)),
        counts, used)
    if full.sum() >= MIN_ARTICLES:
        for cell, interval in zip(cells, alpha_u_intervals(layout, full, counts), strict=True):
            if interval is not None:
                cell["alpha_u"] = interval
    articles = {m: layout.n_articles for m in INTERVAL_MEASURES} | {"alpha_u": int(full.sum())}

    def attach(scores: Scores, cell: dict) -> Scores:
        missing = {m: TOO_FEW_ARTICLES if articles[m] < MIN_ARTICLES
                   else UNDEFINED_FIGURE if scores.value(m) is None else TOO_FEW_DEFINED
                   for m in INTERVAL_MEASURES if m not in cell}
        return replace(scores, intervals=MappingProxyType(cell), interval_reasons=MappingProxyType(missing))

    return attach(overall, cells[0]), {label: attach(scores, cells[k + 1])
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
                    arrays: dict[str, np.ndarray], used: np.ndarray,
                    pair_used: np.ndarray) -> Iterator[ArticleAgreement]:
    """Each article's figures: pooled over the labels used in it, and per label."""
    n_articles = layout.n_articles
    relative = layout.offsets[layout.article]
    blocks = block_disagreement(layout.annotator, layout.start - relative, layout.end - relative,
                                layout.label,
                                layout.article, layout.present, np.diff(layout.offsets), len(layout.labels))
    pooled_u = alpha_u_many(blocks.observed.sum(axis=0), blocks.expected.sum(axis=0),
                            blocks.units.sum(axis=0), blocks.raters)
    label_u = alpha_u_many(blocks.observed, blocks.expected, blocks.units, blocks.raters[np.newaxis, :])
    labels = pooling_mask(used)
    pooled = _scores_many(_alpha_sums(chars, 0, labels), _rater_sums(raters, 0, labels),
                          _pair_sums(arrays, 1, pooling_mask(pair_used, axis=1)), 1, pooled_u)
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
            pooled_labels=_names(layout.labels, used[:, i]),
        )


def _pair_scores(layout: Layout, arrays: dict[str, np.ndarray], unitizing: list[UnitizingDisagreement],
                 pair_used: np.ndarray) -> Iterator[PairAgreement]:
    """Each pair's figures: pooled over the labels either of the two used where both are counted."""
    for p, (a, b) in enumerate(layout.pairs):
        shared = int(layout.pair_present(a, b).sum())
        pooled = np.flatnonzero(pooling_mask(pair_used[p]))

        def scores(labels: np.ndarray | int, p: int = p, shared: int = shared) -> Scores:
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
                                          None if isinstance(labels, np.ndarray) else labels),
            )

        per_label = {name: scores(k) for k, name in enumerate(layout.labels)}
        yield PairAgreement(layout.annotators[a], layout.annotators[b], scores(pooled),
                            MappingProxyType(per_label), _names(layout.labels, pair_used[p]))


__all__ = ["MEASURES", "AgreementReport", "ArticleAgreement", "PairAgreement", "Scores", "build_report"]
