"""Nominal figures of coded units (span attributes, article codes) from sums that add over articles.

A unit is a matched span or an (article, option) item; each is coded by some annotators with one
category. Krippendorff's α, Fleiss' κ, Gwet's AC1 and a pair's Cohen's κ are all functions of sums over
units, and every unit belongs to one article, so the sums of a set of articles are the sums of its
articles added up. That gives, from one table of per-article sums (rows × articles):

- each article's own figures (the statistic applied column by column), and
- bootstrap 95% intervals with the span measures' resample counts: a resample's sums are one matrix
  product (``bootstrap.resampled_sums``), so one ``--seed`` draws the same articles for every measure.

The formulas are those of ``characters.alpha_from_value_counts``, ``fleiss.fleiss_kappa_from_counts``,
``ac1.ac1_from_counts`` and ``codes.cohen_kappa``, which give the corpus figures; the tests check
both against the krippendorff package, scikit-learn and published examples.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np

from annotator.core.agreement.ac1 import NO_CATEGORIES
from annotator.core.agreement.bootstrap import (
    MIN_ARTICLES,
    TOO_FEW_ARTICLES,
    TOO_FEW_DEFINED,
    UNDEFINED_FIGURE,
    percentile_interval,
    resampled_sums,
)
from annotator.core.agreement.multirater import NO_UNITS as NO_PAIRABLE
from annotator.core.agreement.undefined import Figures, undefined_where

NO_VARIATION = "no variation: every answer is the same, so chance agreement is total"
NO_SHARED = "the pair coded no unit in common here"
Sums = dict[str, np.ndarray]
Statistic = Callable[[Sums], Figures]


def unit_sums(counts: np.ndarray, article: np.ndarray, n_articles: int) -> Sums:
    """Per-article sums of a units × categories table of how many coders chose each category
    (``article`` gives each unit's article): name → rows × articles."""
    counts = np.asarray(counts, dtype=float)
    article = np.asarray(article, dtype=np.int64)
    m = counts.sum(axis=1)
    pairable, coded = m >= 2, m >= 1
    with np.errstate(divide="ignore", invalid="ignore"):
        same = (counts * (counts - 1)).sum(axis=1)
        agree = np.where(pairable, same / (m - 1), 0.0)  # α's coincidences on the diagonal
        agreeing = np.where(pairable, same / (m * (m - 1)), 0.0)  # share of agreeing ordered rater pairs
        share = np.where(coded[:, None], counts / m[:, None], 0.0)

    def per_article(values: np.ndarray) -> np.ndarray:
        values = np.asarray(values, dtype=float)
        values = values.reshape(len(article), values.shape[1] if values.ndim == 2 else 1)
        out = np.zeros((values.shape[1], n_articles))
        np.add.at(out.T, article, values)
        return out

    return {"agree": per_article(agree), "pairable": per_article(pairable), "coded": per_article(coded),
            "agreeing": per_article(agreeing), "n_c": per_article(counts * pairable[:, None]),
            "share": per_article(share)}


def pair_sums(first: np.ndarray, second: np.ndarray, article: np.ndarray, categories: int,
              n_articles: int) -> Sums:
    """Per-article sums of two coders' categories (as indices) over the units both coded."""
    first, second, article = (np.asarray(x, dtype=np.int64) for x in (first, second, article))
    out = {"n": np.zeros((1, n_articles)), "agree": np.zeros((1, n_articles)),
           "a_c": np.zeros((categories, n_articles)), "b_c": np.zeros((categories, n_articles))}
    np.add.at(out["n"][0], article, 1.0)
    np.add.at(out["agree"][0], article, (first == second).astype(float))
    np.add.at(out["a_c"], (first, article), 1.0)
    np.add.at(out["b_c"], (second, article), 1.0)
    return out


def alpha(s: Sums) -> Figures:
    """Nominal α: 1 − D_o / D_e with D_o = n − Σ o_cc and D_e = (n² − Σ n_c²) / (n − 1)."""
    n_c = s["n_c"]
    n = n_c.sum(axis=0)
    with np.errstate(divide="ignore", invalid="ignore"):
        expected = (n * n - (n_c * n_c).sum(axis=0)) / (n - 1)
        value = 1.0 - (n - s["agree"][0]) / expected
    return undefined_where([n < 2, expected <= 1e-12 * np.maximum(n, 1)], [NO_PAIRABLE, NO_VARIATION], value)


def fleiss_kappa(s: Sums) -> Figures:
    """Fleiss' κ (Gwet's form for units with different numbers of coders): p_e = Σ π_k²."""
    units = s["pairable"][0]
    with np.errstate(divide="ignore", invalid="ignore"):
        share = s["share"] / s["coded"][0]
        chance = (share * share).sum(axis=0)
        value = (s["agreeing"][0] / units - chance) / (1 - chance)
    return undefined_where([units == 0, chance >= 1 - 1e-12], [NO_PAIRABLE, NO_VARIATION], value)


def ac1(s: Sums) -> Figures:
    """Gwet's AC1: p_e = Σ π_k (1 − π_k) / (q − 1), q the number of categories offered."""
    units, q = s["pairable"][0], s["share"].shape[0]
    with np.errstate(divide="ignore", invalid="ignore"):
        share = s["share"] / s["coded"][0]
        chance = (share * (1 - share)).sum(axis=0) / (q - 1) if q >= 2 else np.zeros_like(units)
        value = (s["agreeing"][0] / units - chance) / (1 - chance)
    return undefined_where([units == 0, np.full(units.shape, q < 2)], [NO_PAIRABLE, NO_CATEGORIES], value)


def kappa(s: Sums) -> Figures:
    """Cohen's κ of a pair: (p_o − p_e) / (1 − p_e), p_e = Σ_c a_c·b_c / n²."""
    n = s["n"][0]
    with np.errstate(divide="ignore", invalid="ignore"):
        chance = (s["a_c"] * s["b_c"]).sum(axis=0) / (n * n)
        value = (s["agree"][0] / n - chance) / (1 - chance)
    return undefined_where([n == 0, chance >= 1 - 1e-12], [NO_SHARED, NO_VARIATION], value)


def percent_agreement(s: Sums) -> Figures:
    """The plain share of agreeing coder pairs, averaged over the units (no chance correction)."""
    units = s["pairable"][0]
    with np.errstate(divide="ignore", invalid="ignore"):
        return undefined_where([units == 0], [NO_PAIRABLE], s["agreeing"][0] / units)


def percent_agreement_of_pair(s: Sums) -> Figures:
    """The share of a pair's shared units on which the two gave the same category."""
    n = s["n"][0]
    with np.errstate(divide="ignore", invalid="ignore"):
        return undefined_where([n == 0], [NO_SHARED], s["agree"][0] / n)


def per_article(statistic: Statistic, sums: Sums) -> list[tuple[float | None, str]]:
    """The statistic of each article's own sums: ``(value, "")`` or ``(None, reason)`` per article."""
    values, reasons = statistic(sums)
    return [(None, str(r)) if r else (float(v) + 0.0, "")
            for v, r in zip(np.ravel(values).tolist(), np.ravel(reasons).tolist(), strict=True)]


def corpus(statistic: Statistic, sums: Sums) -> tuple[float | None, str]:
    """The statistic of all articles' sums added up: ``(value, "")`` or ``(None, reason)``."""
    return per_article(statistic, {name: rows.sum(axis=1, keepdims=True) for name, rows in sums.items()})[0]


class Intervals:
    """Bootstrap 95% intervals of many figures from one matrix product.

    ``add`` notes a figure (by its place in a ``--json`` table: ``into[name]``) and its per-article sums;
    ``fill`` resamples every noted sum at once — the resample weights are read once, not once per figure
    — and writes ``{name}_ci_low``/``_ci_high`` into each table, null with ``reasons["{name}_ci"]`` where
    there is none. Without resamples (no bootstrap asked for) it writes nothing at all.
    """

    def __init__(self, resamples: np.ndarray | None) -> None:
        self.resamples = resamples if resamples is not None and len(resamples) else None
        self.figures: list[tuple[dict, str, Statistic, Sums, int]] = []

    def add(self, into: dict, name: str, statistic: Statistic, sums: Sums, articles_with_units: int) -> None:
        """Note ``into[name]``, the ``statistic`` of ``sums`` over ``articles_with_units`` articles."""
        if self.resamples is not None:
            self.figures.append((into, name, statistic, sums, articles_with_units))

    def fill(self) -> None:
        """Compute every noted interval and write it beside its figure."""
        sampled = [k for k, (into, name, _, _, articles) in enumerate(self.figures)
                   if articles >= MIN_ARTICLES and into.get(name) is not None]
        stacked = {f"{k}/{key}": rows for k in sampled for key, rows in self.figures[k][3].items()}
        resampled = resampled_sums(stacked, self.resamples) if stacked else {}
        for k, (into, name, statistic, sums, articles) in enumerate(self.figures):
            interval = None
            if articles < MIN_ARTICLES:
                why = TOO_FEW_ARTICLES
            elif into.get(name) is None:
                why = UNDEFINED_FIGURE
            else:
                samples, reasons = statistic({key: resampled[f"{k}/{key}"] for key in sums})
                interval = percentile_interval(np.atleast_2d(samples), np.atleast_2d(reasons) == "")[0]
                why = TOO_FEW_DEFINED
            if interval is None:
                into[f"{name}_ci_low"] = into[f"{name}_ci_high"] = None
                into.setdefault("reasons", {})[f"{name}_ci"] = why
            else:
                into[f"{name}_ci_low"], into[f"{name}_ci_high"] = interval
        self.figures = []


__all__ = ["Intervals", "ac1", "alpha", "corpus", "fleiss_kappa", "kappa", "pair_sums", "per_article",
           "percent_agreement", "percent_agreement_of_pair", "unit_sums"]
