"""Fleiss' κ (Fleiss 1971): agreement among any number of raters beyond chance from pooled category
shares, p_e = Σ_k π_k²; κ = (p_a − p_e) / (1 − p_e).

With units coded by different numbers of raters this is Gwet's generalisation (*Handbook of Inter-Rater
Reliability*, ch. 2), which reduces to Fleiss' formula when every unit has the same raters.
"""

from __future__ import annotations

import numpy as np

from annotator.core.agreement.characters import NO_VARIATION
from annotator.core.agreement.multirater import NO_UNITS, RaterSums, count_table_sums
from annotator.core.agreement.undefined import Figures, one, undefined_where


def fleiss_kappa_many(sums: RaterSums) -> Figures:
    """Fleiss' κ of binary data (p_e = π² + (1 − π)²) for every cell of ``sums`` at once."""
    units, agreeing, share = sums.as_floats()
    with np.errstate(divide="ignore", invalid="ignore"):
        observed = agreeing / units
        ones = share / units
        chance = ones * ones + (1 - ones) * (1 - ones)
        kappa = (observed - chance) / (1 - chance)
    return undefined_where([units == 0, (share <= 0) | (share >= units)], [NO_UNITS, NO_VARIATION], kappa)


def fleiss_kappa(sums: RaterSums) -> tuple[float | None, str]:
    """``fleiss_kappa_many`` for one set of sums: ``(kappa, "")`` or ``(None, reason)``."""
    return one(fleiss_kappa_many(sums))


def fleiss_kappa_from_counts(counts: np.ndarray) -> tuple[float | None, str]:
    """Fleiss' κ of a units × categories table of how many raters chose each category."""
    units, agreeing, share, _ = count_table_sums(counts)
    if units == 0:
        return None, NO_UNITS
    chance = float((share * share).sum())
    if chance >= 1:
        return None, NO_VARIATION
    return (agreeing / units - chance) / (1 - chance), ""
