"""Figures inside Arabic sentences read in their own order.

Laid out right to left, "0.805 [0.781, 0.881]" came out "[0.881 ,0.781] 0.805".
The checks lay the text out as Qt draws it and compare where the characters land on screen.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QTextLayout, QTextOption

from annotator.core.agreement_charts import Figure
from annotator.ui.agreement.plots import figure_text


def screen_x(text: str, index: int) -> float:
    """The x of the left edge of ``text[index]`` when ``text`` is drawn as a right-to-left line."""
    layout = QTextLayout(text, QFont())
    option = QTextOption()
    option.setTextDirection(Qt.LayoutDirection.RightToLeft)
    layout.setTextOption(option)
    layout.beginLayout()
    line = layout.createLine()
    line.setLineWidth(2000)
    layout.endLayout()
    return min(line.cursorToX(index)[0], line.cursorToX(index + 1)[0])


def test_an_interval_inside_an_arabic_sentence_reads_low_to_high(qapp) -> None:
    sentence = f"للمدونة: {figure_text(Figure(0.805, interval=(0.781, 0.881)))}. بين القوسين"
    value, low, high = (sentence.index(number) for number in ("0.805", "0.781", "0.881"))
    assert screen_x(sentence, value) < screen_x(sentence, low) < screen_x(sentence, high)

