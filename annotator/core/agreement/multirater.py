"""Sums shared by the multi-rater chance-corrected coefficients (Gwet's AC1, Fleiss' κ).

Both coefficients use the same observed agreement — for each unit, the share of agreeing ordered rater
pairs, averaged over the units two or more raters coded — and the same category shares π_k (each unit's
share of raters choosing k, averaged over units). They differ only in chance agreement. Formulas as in
Gwet, *Handbook of Inter-Rater Reliability* (4th ed., 2014), ch. 2, which also covers units coded by
different numbers of raters.

For the binary character data the three sums per unit stretch (units, Σ observed agreement, Σ share of
ones) follow from the α sums in ``characters.CharacterCounts``, since every character of an article is
coded by the same m raters: Σ_u agreement = characters − 2·Σ_u n1·n0/(m(m−1)) and Σ_u share = Σ n1 / m.
They add over articles and labels, so bootstrap resamples are weighted sums.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from annotator.core.agreement.characters import CharacterCounts

NO_UNITS = "no unit was coded by two or more annotators"


@dataclass(frozen=True)
class RaterSums:
    """Binary data sums (arrays of any shape, e.g. labels × articles): units coded by ≥ 2 raters, the
    sum of their observed agreement, and the sum of their share of ones (π₁ · units)."""

    units: np.ndarray
    agreeing: np.ndarray
    share_ones: np.ndarray

    def as_floats(self) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """(units, agreeing, share_ones) as float arrays."""
        return tuple(np.asarray(x, dtype=float) for x in (self.units, self.agreeing, self.share_ones))

    def total(self, axis: int | tuple[int, ...] | None) -> RaterSums:
        """The sums added up along ``axis`` (``()`` keeps the shape)."""
        return RaterSums(*(np.asarray(x, dtype=float).sum(axis=axis)
                           for x in (self.units, self.agreeing, self.share_ones)))


def character_rater_sums(chars: CharacterCounts, raters: np.ndarray) -> RaterSums:
    """Labels × articles sums of the character data; ``raters`` = annotators counted on each article."""
    m = np.asarray(raters, dtype=float)
    coded = np.broadcast_to(np.where(m >= 2, chars.characters, 0), chars.alpha_ones.shape).astype(float)
    with np.errstate(divide="ignore", invalid="ignore"):
        agreeing = np.where(coded > 0, coded - 2.0 * chars.alpha_disagreeing / m, 0.0)
        share = np.where(coded > 0, chars.alpha_ones / m, 0.0)
    return RaterSums(coded, agreeing, share)


def pair_rater_sums(n: np.ndarray, ones_a: np.ndarray, ones_b: np.ndarray, both: np.ndarray) -> RaterSums:
    """The same sums for two raters from their counts: agreement = units where both say the same."""
    n, ones_a, ones_b, both = (np.asarray(x, dtype=float) for x in (n, ones_a, ones_b, both))
    return RaterSums(n, n - ones_a - ones_b + 2 * both, (ones_a + ones_b) / 2)


def count_table_sums(counts: np.ndarray) -> tuple[float, float, np.ndarray, int]:
    """From a units × categories table of how many raters chose each category: (units with ≥ 2 raters,
    Σ their observed agreement, π_k per category, number of categories)."""
    counts = np.asarray(counts, dtype=float)
    raters = counts.sum(axis=1)
    coded = raters >= 1
    pairable = raters >= 2
    agreement = (counts[pairable] * (counts[pairable] - 1)).sum(axis=1) / (
        raters[pairable] * (raters[pairable] - 1))
    share = (counts[coded] / raters[coded, None]).mean(axis=0) if coded.any() else np.zeros(counts.shape[1])
    return float(pairable.sum()), float(agreement.sum()), share, counts.shape[1]
