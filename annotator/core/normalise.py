"""Arabic normalisation for search and matching, with a map back to original code-point offsets."""

from __future__ import annotations

import numpy as np

_DROP = {chr(c) for c in range(0x064B, 0x0660)} | {"\u0670", "\u0640"}
_MAP = {"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ة": "ه"}


def normalise(text: str) -> tuple[str, np.ndarray]:
    """Return (normalised text, index) where index[i] is the original offset of normalised char i.

    Harakat (U+064B–U+065F, U+0670) and tatweel are removed, alef variants become bare alef,
    alef maqsura becomes ya, ta marbuta becomes ha, and runs of whitespace become one space.
    index has one extra trailing entry, len(text), so a match [a, b) maps to
    text[index[a]:index[b-1] + 1].
    """
    out: list[str] = []
    idx: list[int] = []
    prev_space = False
    for i, ch in enumerate(text):
        if ch in _DROP:
            continue
        if ch.isspace():
            if prev_space:
                continue
            prev_space = True
            out.append(" ")
        else:
            prev_space = False
            out.append(_MAP.get(ch, ch))
        idx.append(i)
    idx.append(len(text))
    return "".join(out), np.asarray(idx, dtype=np.int64)
