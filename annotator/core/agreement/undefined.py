"""Figures that may be undefined, in bulk: a float array (NaN where undefined) beside a reason array.

The measure modules compute whole arrays of α, κ and F1 at once; a reason is "" where the figure is
defined. ``one`` turns a single cell back into the ``(value or None, reason)`` pair the report stores,
so NaN never leaves this package.
"""

from __future__ import annotations

import numpy as np

Figures = tuple[np.ndarray, np.ndarray]


def undefined_where(conditions: list[np.ndarray], reasons: list[str], values: np.ndarray) -> Figures:
    """``values`` with NaN wherever one of ``conditions`` holds, and the first matching reason there."""
    shape = np.shape(values)
    why = np.select([np.broadcast_to(c, shape) for c in conditions], reasons, default="") if conditions \
        else np.full(shape, "")
    return np.where(why == "", values, np.nan), why


def one(figures: Figures, index: int = 0) -> tuple[float | None, str]:
    """Cell ``index`` of the flattened figures as ``(value, "")`` or ``(None, reason)``."""
    values, reasons = (np.ravel(x) for x in figures)
    reason = str(reasons[index])
    return (None, reason) if reason else (float(values[index]) + 0.0, "")


def as_pairs(figures: Figures) -> list[tuple[float | None, str]]:
    """Every cell (flattened) as ``(value or None, reason)``."""
    values, reasons = (np.ravel(x) for x in figures)
    # + 0.0 turns a negative zero into 0.0, so no table or CSV ever shows "-0.0".
    return [(None, r) if r else (v + 0.0, "") for v, r in zip(values.tolist(), reasons.tolist(), strict=True)]


def stack(results: list[tuple[float | None, str]]) -> Figures:
    """The inverse of ``as_pairs`` for a list of single figures."""
    values = np.array([np.nan if v is None else v for v, _ in results], dtype=float)
    return values, np.array([r for _, r in results], dtype=str) if results else np.zeros(0, dtype=str)
