"""How agreement figures are written as text: fixed decimals, never a negative zero.

A figure such as −0.0002 rounds to "-0.000", which reads as a sign where there is none; every table,
CSV cell and chart label goes through ``fixed`` (or ``plain`` for full precision) instead of an
f-string of its own.
"""

from __future__ import annotations

UNDEFINED = "—"


def fixed(value: float | None, digits: int = 3, undefined: str = UNDEFINED) -> str:
    """``value`` with ``digits`` decimals ("0.000", never "-0.000"); ``undefined`` for None."""
    if value is None:
        return undefined
    rounded = round(float(value), digits)
    return f"{rounded + 0.0:.{digits}f}"  # + 0.0 turns −0.0 into 0.0


def plain(value: float) -> str:
    """Full precision (``repr``) for CSV, without a negative zero."""
    return repr(float(value) + 0.0)
