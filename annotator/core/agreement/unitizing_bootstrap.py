"""Bootstrap resamples of unitizing α (α_u), without recomputing it per resample.

α_u over the corpus lays the articles every annotator finished end to end (``report._unitizing``). A
resample lays the drawn articles end to end in corpus order, each as often as it was drawn. Its D_o is
a weighted sum of per-article distances; its D_e (see ``unitizing``) pairs every unit with every gap of
the whole continuum, and gaps join across article boundaries. So per resample we need, for each
category: the weighted histogram of unit lengths (as prefix sums A(x) = Σ_{l≤x} n_l·l², B(x) = Σ n_l·l³,
so a gap g contributes H(g) = Σ_l n_l·l²·max(g − l + 1, 0) = (g+1)·A(g+1) − B(g+1)), the weighted gaps
inside articles, and the gaps at the joints (a rater's last gap in one drawn article + any drawn
articles where they marked nothing + their first gap in the next). All are array operations over
resamples × articles.
"""

from __future__ import annotations

import numpy as np
from scipy.sparse import csr_matrix

from annotator.core.agreement.layout import Layout
from annotator.core.agreement.undefined import Figures, undefined_where
from annotator.core.agreement.unitizing import alpha_u_many, block_disagreement, merge_units

NO_FULL_ARTICLE = "no article was finished by all counted annotators; choose some with --annotators"


def _histogram(rows: np.ndarray, values: np.ndarray, weights: np.ndarray, n_rows: int, size: int):
    return csr_matrix((weights, (rows, values)), shape=(n_rows, size))


def resampled_alpha_u(layout: Layout, full: np.ndarray, counts: np.ndarray) -> list[Figures]:
    """α_u of every resample: ``[overall, label 0, label 1, …]``, each (values, reasons) of length
    resamples. ``full`` marks the articles all annotators finished; ``counts`` is resamples × articles."""
    n_labels, n_raters = len(layout.labels), len(layout.annotators)
    articles = np.flatnonzero(full)
    n_full, resamples = len(articles), counts.shape[0]
    weights = counts[:, articles].astype(float)  # resamples × full articles
    lengths = np.diff(layout.offsets)[articles]
    position = np.full(layout.n_articles, -1)
    position[articles] = np.arange(n_full)
    rows = (position[layout.article] >= 0) & (layout.end > layout.start)
    block = position[layout.article[rows]]
    base = layout.offsets[layout.article[rows]]
    start, end = layout.start[rows] - base, layout.end[rows] - base
    rater, label = layout.annotator[rows], layout.label[rows]
    total_length = weights @ lengths  # L per resample
    if n_raters < 2:
        return [undefined_where([np.ones(resamples, bool)], ["fewer than two annotators"],
                                np.zeros(resamples))] * (n_labels + 1)

    blocks = block_disagreement(rater, start, end, label, block, np.ones((n_raters, n_full), bool),
                                lengths, n_labels)
    distance = blocks.observed * n_raters * (n_raters - 1) * lengths.astype(float) ** 2 / 2  # labels × full
    group = (label * n_full + block) * n_raters + rater
    s, e, g = merge_units(start, end, group)
    cell, r = g // n_raters, g % n_raters
    lab, art = cell // n_full, cell % n_full
    unit = e - s
    longest = int(max(unit.max() if len(unit) else 0, lengths.max() if n_full else 0)) + 2
    observed, expected, units = [], [], []
    for k in range(n_labels):
        mine = lab == k
        per_article = np.bincount(art[mine], minlength=n_full).astype(float)
        n_units = weights @ per_article
        l_k = unit[mine].astype(float)
        own = weights @ np.bincount(art[mine], weights=l_k * (l_k - 1) * (2 * l_k - 1) / 3, minlength=n_full)
        squared = weights @ np.bincount(art[mine], weights=l_k * (l_k - 1), minlength=n_full)
        # A(x), B(x) per resample as cumulative sums of the weighted unit-length histogram
        a = np.cumsum((_histogram(art[mine], unit[mine], l_k**2, n_full, longest).T @ weights.T).T, axis=1)
        b = np.cumsum((_histogram(art[mine], unit[mine], l_k**3, n_full, longest).T @ weights.T).T, axis=1)

        def h(gaps: np.ndarray, which: np.ndarray, a=a, b=b) -> np.ndarray:
            """H(g) for gaps ``gaps`` of resamples ``which``."""
            x = np.minimum(gaps + 1, longest - 1).astype(np.int64)
            return (gaps + 1) * a[which, x] - b[which, x]

        gap_total = np.zeros(resamples)
        inner = np.flatnonzero(mine[1:] & mine[:-1] & (g[1:] == g[:-1])) + 1
        inner_gap = s[inner] - e[inner - 1]
        inner_hist = _histogram(art[inner], inner_gap, np.ones(len(inner)), n_full, longest)
        gap_weights = np.asarray((inner_hist.T @ weights.T).T)  # resamples × gap length
        xs = np.arange(longest)
        gap_total += (gap_weights * ((xs + 1) * np.take(a, np.minimum(xs + 1, longest - 1), axis=1)
                                     - np.take(b, np.minimum(xs + 1, longest - 1), axis=1))).sum(axis=1)
        for rr in range(n_raters):
            gap_total += _joint_gaps(s, e, cell, r, k, rr, n_full, lengths, weights, h)
        denominator = n_raters * total_length * (n_raters * total_length - 1) - squared
        with np.errstate(divide="ignore", invalid="ignore"):
            total = (n_units - 1) * own + gap_total
            d_e = np.where((n_units > 0) & (denominator > 0), 2 * total / total_length / denominator, 0.0)
            d_o = np.where(n_units > 0, 2 * (weights @ distance[k])
                           / (n_raters * (n_raters - 1) * total_length**2), 0.0)
        observed.append(d_o)
        expected.append(d_e)
        units.append(n_units)
    observed, expected, units = np.array(observed), np.array(expected), np.array(units)
    none = total_length == 0
    per_label = [_undefined_without_articles(alpha_u_many(observed[k], expected[k], units[k], n_raters), none)
                 for k in range(n_labels)]
    present = units > 0
    count = np.maximum(present.sum(axis=0), 1)
    pooled = alpha_u_many((observed * present).sum(axis=0) / count, (expected * present).sum(axis=0) / count,
                          units.sum(axis=0), n_raters)
    return [_undefined_without_articles(pooled, none), *per_label]


def alpha_u_intervals(layout: Layout, full: np.ndarray, counts: np.ndarray) -> list[tuple | None]:
    """Percentile 95% intervals of α_u: ``[overall, label 0, …]`` (None where too few are defined)."""
    from annotator.core.agreement.bootstrap import percentile_interval

    figures = resampled_alpha_u(layout, full, counts)
    values = np.array([f[0] for f in figures])
    defined = np.array([f[1] == "" for f in figures])
    return percentile_interval(values, defined)


def _undefined_without_articles(figures: Figures, none: np.ndarray) -> Figures:
    values, reasons = figures
    return np.where(none, np.nan, values), np.where(none, NO_FULL_ARTICLE, reasons)


def _joint_gaps(s, e, cell, r, k, rater, n_full, lengths, weights, h) -> np.ndarray:
    """Σ H(g) over one rater's gaps that span article joints (per resample), for label ``k``."""
    resamples = weights.shape[0]
    mine = np.flatnonzero((cell // n_full == k) & (r == rater))
    art = cell[mine] % n_full
    marked = np.zeros(n_full, bool)
    marked[art] = True
    head = np.zeros(n_full, np.int64)
    tail = np.zeros(n_full, np.int64)
    if len(mine):
        first = np.ones(len(mine), bool)
        first[1:] = art[1:] != art[:-1]
        last = np.ones(len(mine), bool)
        last[:-1] = art[1:] != art[:-1]
        head[art[first]] = s[mine][first]
        tail[art[last]] = lengths[art[last]] - e[mine][last]
    drawn = weights > 0
    nonempty = drawn & marked  # resamples × articles
    # Length of the empty drawn articles before each article: prefix sums of w·L over unmarked articles.
    filler = np.concatenate([np.zeros((resamples, 1)), np.cumsum(weights * (lengths * ~marked), axis=1)],
                            axis=1)
    index = np.where(nonempty, np.arange(n_full), n_full)
    following = np.minimum.accumulate(index[:, ::-1], axis=1)[:, ::-1]
    nxt = np.concatenate([following[:, 1:], np.full((resamples, 1), n_full)], axis=1)
    total = np.zeros(resamples)
    rows = np.arange(resamples)
    # repeats of one article: (w − 1) joints of its tail + head
    which, i = np.nonzero(nonempty & (weights >= 2))
    total += np.bincount(which, weights=(weights[which, i] - 1) * h(tail[i] + head[i], which),
                         minlength=resamples)
    # a drawn article to the next drawn article where the rater marked something
    which, i = np.nonzero(nonempty & (nxt < n_full))
    j = nxt[which, i]
    gap = tail[i] + filler[which, j] - filler[which, i + 1] + head[j]
    total += np.bincount(which, weights=h(gap, which), minlength=resamples)
    # before the first and after the last marked article (or the whole continuum if none)
    first = following[:, 0]
    has = first < n_full
    lead = np.where(has, filler[rows, np.minimum(first, n_full - 1)] + head[np.minimum(first, n_full - 1)],
                    filler[:, -1])
    last = n_full - 1 - np.argmax(nonempty[:, ::-1], axis=1)
    trail = np.where(has, tail[last] + filler[:, -1] - filler[rows, last + 1], 0)
    total += np.where(lead > 0, h(lead, rows), 0) + np.where(has & (trail > 0), h(trail, rows), 0)
    return total
