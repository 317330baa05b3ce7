"""Gwet's AC1: chance-corrected agreement that stays stable when one category dominates.

Character data is heavily skewed (most characters carry no label); κ and α then fall sharply even when
annotators agree well (the "prevalence paradox"). AC1 takes chance agreement as the probability that a
rater classifies at random (Gwet 2008, *Br. J. Math. Stat. Psychol.* 61, 29–48), which is small when
one category dominates: p_e = Σ_k π_k(1 − π_k) / (q − 1); AC1 = (p_a − p_e) / (1 − p_e).
"""

from __future__ import annotations

import numpy as np

from annotator.core.agreement.multirater import NO_UNITS, RaterSums, count_table_sums
from annotator.core.agreement.undefined import Figures, one, undefined_where

NO_CATEGORIES = "fewer than two categories to choose from"
NOTHING_MARKED = ("nothing was marked: no annotator marked any of these characters, so there is no "
                  "agreement to measure (AC1 would read a perfect 1)")


def ac1_many(sums: RaterSums) -> Figures:
    """AC1 of binary data (q = 2, so p_e = 2π(1 − π)) for every cell of ``sums`` at once; undefined
    where nothing was marked (AC1 would be 1 by arithmetic alone, where α, κ and Fleiss' κ are
    undefined for want of variation)."""
    units, agreeing, share = sums.as_floats()
    with np.errstate(divide="ignore", invalid="ignore"):
        observed = agreeing / units
        ones = share / units
        chance = 2 * ones * (1 - ones)
        ac1 = (observed - chance) / (1 - chance)
    return undefined_where([units == 0, share <= 0], [NO_UNITS, NOTHING_MARKED], ac1)


def ac1(sums: RaterSums) -> tuple[float | None, str]:
    """``ac1_many`` for one set of sums: ``(ac1, "")`` or ``(None, reason)``."""
    return one(ac1_many(sums))


def ac1_from_counts(counts: np.ndarray) -> tuple[float | None, str]:
    """AC1 of a units × categories table of how many raters chose each category (any number of raters
    per unit; units with one rater count only towards π_k)."""
    units, agreeing, share, q = count_table_sums(counts)
    if units == 0:
        return None, NO_UNITS
    if q < 2:
        return None, NO_CATEGORIES
    chance = float((share * (1 - share)).sum() / (q - 1))
    return (agreeing / units - chance) / (1 - chance), ""
