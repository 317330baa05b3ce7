"""Bootstrap 95% confidence intervals over articles, computed from per-article sums.

Every corpus-level figure here is a function of sums over articles (α's coincidence sums, AC1's
agreement sums, F1's match and span counts). A resample of articles is therefore a vector of how often
each article was drawn, and its sums are one matrix product: (statistics × articles) @ (articles ×
resamples). The report is never recomputed; 1,000 resamples of 1,000 articles take milliseconds.
Intervals are percentile intervals (2.5th and 97.5th) over the resamples in which the figure is defined.
α_u is not a plain sum over articles (gaps join across them); ``unitizing_bootstrap`` handles it with
the same resample counts.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

import numpy as np

DEFAULT_RESAMPLES = 1000
DEFAULT_SEED = 0  # so the same report, asked for twice, shows the same intervals (CLI and dashboard alike)
LEVEL = 0.95
MIN_ARTICLES = 2
TOO_FEW_ARTICLES = ("no interval: a bootstrap interval needs at least two articles (resampling a single "
                    "article draws it every time, so the interval would be the figure itself)")
UNDEFINED_FIGURE = "no interval: the figure itself is undefined"
TOO_FEW_DEFINED = "no interval: fewer than half of the resamples give a defined figure"

Interval = tuple[float, float]
Statistic = Callable[[dict[str, np.ndarray]], tuple[np.ndarray, np.ndarray]]


def resample_counts(n_articles: int, resamples: int, seed: int | None = None) -> np.ndarray:
    """Resamples × articles: how often each article is drawn when ``n_articles`` are drawn with
    replacement; the same ``seed`` gives the same draws."""
    rng = np.random.default_rng(seed)
    draws = rng.integers(0, n_articles, size=(resamples, n_articles))
    flat = draws + (np.arange(resamples) * n_articles)[:, None]
    return np.bincount(flat.ravel(), minlength=resamples * n_articles).reshape(resamples, n_articles)


def percentile_interval(samples: np.ndarray, defined: np.ndarray) -> list[Interval | None]:
    """Per row of ``samples`` (cells × resamples): the central 95% of the defined resamples, or None when
    fewer than half of the resamples give a defined figure."""
    tail = (1 - LEVEL) / 2 * 100
    out: list[Interval | None] = []
    for row, ok in zip(samples, defined, strict=True):
        if ok.sum() * 2 < len(ok) or not ok.any():
            out.append(None)
            continue
        low, high = np.percentile(row[ok], [tail, 100 - tail])
        out.append((float(low), float(high)))
    return out


def resampled_sums(sums: Mapping[str, np.ndarray], counts: np.ndarray) -> dict[str, np.ndarray]:
    """Every sum of ``sums`` (name → cells × articles) over each resample: name → cells × resamples.

    One product for every statistic, so the weights matrix (``counts`` from ``resample_counts``) is
    read once."""
    weights = np.ascontiguousarray(counts.T, dtype=float)  # articles × resamples
    names = list(sums)
    blocks = [np.asarray(sums[name], dtype=float) for name in names]
    product = np.vstack(blocks) @ weights
    bounds = np.cumsum([0, *(len(b) for b in blocks)])
    return {name: product[bounds[i]:bounds[i + 1]] for i, name in enumerate(names)}


def bootstrap_intervals(
    sums: Mapping[str, np.ndarray],
    measures: Mapping[str, Statistic],
    counts: np.ndarray,
) -> dict[str, list[Interval | None]]:
    """Intervals of every measure for every cell.

    ``sums`` maps a name to an array cells × articles (all with the same cells); ``measures`` maps a
    measure to a function of the resampled sums (each cells × resamples) returning (values, reasons) with
    reason "" where defined; ``counts`` comes from ``resample_counts``.
    """
    return _intervals(resampled_sums(sums, counts), measures)


def _intervals(resampled: dict[str, np.ndarray], measures: Mapping[str, Statistic]) -> dict:
    out = {}
    for measure, statistic in measures.items():
        values, reasons = statistic(resampled)
        out[measure] = percentile_interval(np.asarray(values, dtype=float), np.asarray(reasons) == "")
    return out


def corpus_intervals(
    alpha: tuple[np.ndarray, np.ndarray, np.ndarray],
    raters: tuple[np.ndarray, np.ndarray, np.ndarray],
    spans: tuple[np.ndarray, np.ndarray, np.ndarray],
    counts: np.ndarray,
    used: np.ndarray | None = None,
) -> list[dict[str, Interval]]:
    """Intervals of ``alpha_char``, ``ac1``, ``fleiss_kappa``, ``f1_exact`` and ``f1_overlap`` for all
    labels pooled (first) and each label.

    Inputs are labels × articles: ``alpha`` = α's (values, ones, disagreeing); ``raters`` = AC1's
    (units, agreeing, share of ones); ``spans`` = (exact matches, overlap matches, spans) summed over
    annotator pairs; ``counts`` comes from ``resample_counts``; ``used`` (labels × articles) says
    where some annotator marked the label: the pooled figure of a resample pools the labels used in
    the articles it drew, as the report built on that resample would. Returns one
    {measure: (low, high)} per cell; a measure is left out where undefined. Fewer than
    ``MIN_ARTICLES`` articles give no interval at all.
    """
    from annotator.core.agreement.ac1 import ac1_many
    from annotator.core.agreement.characters import binary_alpha_many
    from annotator.core.agreement.f1 import f1_many
    from annotator.core.agreement.fleiss import fleiss_kappa_many
    from annotator.core.agreement.multirater import RaterSums

    names = ("values", "ones", "disagreeing", "units", "agreeing", "share", "exact", "overlap", "spans")
    arrays = [np.asarray(a, dtype=float) for a in (*alpha, *raters, *spans)]
    n_articles = arrays[0].shape[-1]
    if n_articles < MIN_ARTICLES or len(counts) == 0:
        return [{} for _ in range(arrays[0].shape[0] + 1)]
    if used is None:
        used = np.ones(arrays[0].shape, dtype=bool)
    per_label = resampled_sums({"used": used, **dict(zip(names, arrays, strict=True))}, counts)
    drawn = per_label.pop("used") > 0  # labels × resamples
    pooled_mask = np.where(drawn.any(axis=0), drawn, True)  # nothing used: every label, as the report does
    sums = {name: np.vstack([(a * pooled_mask).sum(axis=0, keepdims=True), a])
            for name, a in per_label.items()}

    def rater_sums(s: dict[str, np.ndarray]) -> RaterSums:
        return RaterSums(s["units"], s["agreeing"], s["share"])

    measures: dict[str, Statistic] = {
        "alpha_char": lambda s: binary_alpha_many(s["values"], s["ones"], s["disagreeing"]),
        "ac1": lambda s: ac1_many(rater_sums(s)),
        "fleiss_kappa": lambda s: fleiss_kappa_many(rater_sums(s)),
        # F1 = 2·matches / (n_a + n_b), micro-averaged over pairs: ``spans`` already holds n_a + n_b.
        "f1_exact": lambda s: f1_many(s["exact"], s["spans"], 0),
        "f1_overlap": lambda s: f1_many(s["overlap"], s["spans"], 0),
    }
    found = _intervals(sums, measures)
    cells = sums["values"].shape[0]
    return [{m: found[m][c] for m in measures if found[m][c] is not None} for c in range(cells)]
