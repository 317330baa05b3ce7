"""The one white-space rule of every agreement figure: white space is never a unit of agreement.

Where a span starts or ends around a space, a line break or a no-break space is a matter of taste, not
of judgement, so every measure (α_char, κ, AC1, Fleiss' κ, α_u, F1 and γ) is computed on the text with
its white space taken out: offsets are mapped onto the non-white-space characters before anything is
compared. Two spans that differ only by white space at their edges are the same span; a span of white
space alone covers nothing and is left out; two spans sharing only a space do not overlap.
"""

from __future__ import annotations

import numpy as np

# The code points ``str.isspace`` accepts (Python 3.11's Unicode tables); a test checks the list
# against every code point, so a new Unicode version cannot silently change it.
WHITESPACE = np.array(
    [0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x1C, 0x1D, 0x1E, 0x1F, 0x20, 0x85, 0xA0, 0x1680, *range(0x2000, 0x200B),
     0x2028, 0x2029, 0x202F, 0x205F, 0x3000],
    dtype=np.uint32,
)


def non_space_mask(text: str) -> np.ndarray:
    """True at every code point of ``text`` that is not white space (``not ch.isspace()``)."""
    code_points = np.frombuffer(text.encode("utf-32-le"), dtype=np.uint32)
    return ~np.isin(code_points, WHITESPACE, kind="table")


def counted_before(text: str) -> np.ndarray:
    """``len(text) + 1`` entries: how many non-white-space characters precede each offset, i.e. where
    an offset of ``text`` lands once the white space is taken out."""
    return np.concatenate(([0], np.cumsum(non_space_mask(text), dtype=np.int64)))
