"""Colours of highlights: label colours made translucent, blended as QPainter does, and text kept readable.

WCAG 2.x contrast: a dark theme's light text on a strongly tinted highlight may need black or white.
"""

from __future__ import annotations

from PySide6.QtGui import QColor

OWN_ALPHA = 80
SELECTED_ALPHA = 190
SUGGESTION_ALPHA = 38  # well under OWN_ALPHA: a suggestion must never look like a stored span
MIN_TEXT_CONTRAST = 4.5  # WCAG AA for body text; tests/ui/test_highlight_contrast.py checks ≥ 3 everywhere


def relative_luminance(colour: QColor) -> float:
    """WCAG 2.x relative luminance of an opaque colour."""
    def linear(channel: float) -> float:
        return channel / 12.92 if channel <= 0.04045 else ((channel + 0.055) / 1.055) ** 2.4

    return 0.2126 * linear(colour.redF()) + 0.7152 * linear(colour.greenF()) + 0.0722 * linear(colour.blueF())


def contrast_ratio(a: QColor, b: QColor) -> float:
    """WCAG contrast ratio of two opaque colours, from 1 (same) to 21 (black on white)."""
    high, low = sorted((relative_luminance(a), relative_luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def blend(over: QColor, base: QColor) -> QColor:
    """``over`` (with its alpha) painted source-over on opaque ``base``, as QPainter composites it."""
    alpha = over.alphaF()
    return QColor.fromRgbF(*(alpha * o + (1 - alpha) * b for o, b in
                             ((over.redF(), base.redF()), (over.greenF(), base.greenF()),
                              (over.blueF(), base.blueF()))))


def readable_text_colour(background: QColor, text: QColor) -> QColor:
    """``text`` if it reads well on ``background``; otherwise black or white, whichever reads better.

    A dark theme's light text on a strongly tinted highlight (a selected yellow span) is hard to read.
    """
    if contrast_ratio(text, background) >= MIN_TEXT_CONTRAST:
        return text
    black, white = QColor("#000000"), QColor("#ffffff")
    return black if contrast_ratio(black, background) >= contrast_ratio(white, background) else white

