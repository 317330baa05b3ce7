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
    # A and B stop changing past the longest unit, so their tables end there (H(g) is linear beyond).
    longest = int(unit.max() if len(unit) else 0) + 2
    which, article = np.nonzero(weights)  # row-major: by resample, then article
    times = weights[which, article]
    drawn = (which, article, times, times * lengths[article],
             np.searchsorted(which, np.arange(resamples), side="left"),
             np.searchsorted(which, np.arange(resamples), side="right"))
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
        short = inner_gap < longest - 1
        inner_hist = _histogram(art[inner][short], inner_gap[short], np.ones(short.sum()), n_full, longest)
        gap_weights = np.asarray((inner_hist.T @ weights.T).T)  # resamples × gap length (short gaps)
        xs = np.arange(longest)
        gap_total += (gap_weights * ((xs + 1) * np.take(a, np.minimum(xs + 1, longest - 1), axis=1)
                                     - np.take(b, np.minimum(xs + 1, longest - 1), axis=1))).sum(axis=1)
        # long gaps: H(g) = (g + 1)·A_total − B_total, so only Σ(g + 1) and their count per article matter
        long_art, long_gap = art[inner][~short], inner_gap[~short]
        gap_total += (a[:, -1] * (weights @ np.bincount(long_art, weights=long_gap + 1.0, minlength=n_full))
                      - b[:, -1] * (weights @ np.bincount(long_art, minlength=n_full).astype(float)))
        for rr in range(n_raters):
            gap_total += _joint_gaps(s, e, cell, r, k, rr, n_full, lengths, drawn, h, resamples)
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


def _joint_gaps(s, e, cell, r, k, rater, n_full, lengths, drawn, h, resamples) -> np.ndarray:
    """Σ H(g) over one rater's gaps that span article joints (per resample), for label ``k``.

    ``drawn`` = (resample, article, times drawn) of every drawn article, sorted by resample then article:
    the continuum of a resample, in order.
    """
    which, article, times, drawn_length, row_start, row_end = drawn
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
    # Prefix sums, along the drawn list, of the length of drawn articles where the rater marked nothing.
    filler = np.concatenate(([0], np.cumsum(np.where(marked[article], 0, drawn_length))))
    pos = np.flatnonzero(marked[article])
    rows, arts, reps = which[pos], article[pos], times[pos]
    total = np.zeros(resamples)
    # repeats of one article: (times − 1) joints of its tail + head
    again = reps >= 2
    total += np.bincount(rows[again], weights=(reps[again] - 1) * h(tail[arts[again]] + head[arts[again]],
                                                                   rows[again]), minlength=resamples)
    # a marked article to the next marked one in the same resample, across the unmarked ones between
    same = rows[1:] == rows[:-1]
    i, j = arts[:-1][same], arts[1:][same]
    gap = tail[i] + filler[pos[1:][same]] - filler[pos[:-1][same] + 1] + head[j]
    total += np.bincount(rows[1:][same], weights=h(gap, rows[1:][same]), minlength=resamples)
    # before the first and after the last marked article of each resample
    is_first = np.ones(len(pos), bool)
    is_first[1:] = ~same
    is_last = np.ones(len(pos), bool)
    is_last[:-1] = ~same
    f, t = pos[is_first], pos[is_last]
    lead = filler[f] - filler[row_start[which[f]]] + head[article[f]]
    trail = tail[article[t]] + filler[row_end[which[t]]] - filler[t + 1]
    total += np.bincount(which[f], weights=h(lead, which[f]), minlength=resamples)
    total += np.bincount(which[t], weights=h(trail, which[t]), minlength=resamples)
    # resamples where the rater marked nothing at all: one gap, the whole continuum
    nothing = np.ones(resamples, bool)
    nothing[rows] = False
    whole = filler[row_end] - filler[row_start]
    nothing &= whole > 0
    total[nothing] += h(whole[nothing], np.flatnonzero(nothing))
    return total
