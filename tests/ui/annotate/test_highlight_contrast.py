"""Span highlights stay readable in a light and a dark theme: the article text over every label colour,
composited as the article view paints it, has a WCAG contrast of at least 3:1.

The view's own formats are used (from ``span_selections``, what ``paintEvent`` draws) and the colours
are composited by QPainter on the palette's base colour, spans on their own, selected, and nested in
another label's span. The contrast formula is WCAG 2.1's, checked here against its published values.
"""

from __future__ import annotations

import itertools

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage, QPainter, QPalette
from PySide6.QtWidgets import QApplication

from annotator.core.model import DEFAULT_LABELS, Label, Span
from annotator.ui.annotate.article_view import ArticleView, contrast_ratio
from annotator.ui.labels.editor import PALETTE

LABELS = {name: Label(name, colour, key) for name, colour, key in DEFAULT_LABELS}
LABELS |= {f"added{i}": Label(f"added{i}", colour) for i, colour in enumerate(PALETTE)}  # the editor's


def light_palette() -> QPalette:
    palette = QPalette()
    palette.setColor(QPalette.ColorRole.Base, QColor("#ffffff"))
    palette.setColor(QPalette.ColorRole.Text, QColor("#000000"))
    palette.setColor(QPalette.ColorRole.Window, QColor("#efefef"))
    palette.setColor(QPalette.ColorRole.WindowText, QColor("#000000"))
    return palette


def dark_palette() -> QPalette:
    """Like KDE Breeze Dark / GNOME Adwaita dark: near-black base, light grey text."""
    palette = QPalette()
    palette.setColor(QPalette.ColorRole.Base, QColor("#1b1e20"))
    palette.setColor(QPalette.ColorRole.Text, QColor("#fcfcfc"))
    palette.setColor(QPalette.ColorRole.Window, QColor("#2a2e32"))
    palette.setColor(QPalette.ColorRole.WindowText, QColor("#fcfcfc"))
    return palette


def test_contrast_ratio_matches_wcag_reference_values(qapp: QApplication) -> None:
    assert contrast_ratio(QColor("#000000"), QColor("#ffffff")) == pytest.approx(21.0)
    assert contrast_ratio(QColor("#ffffff"), QColor("#ffffff")) == pytest.approx(1.0)
    # WebAIM's contrast checker: #767676 on white is 4.54:1, #777777 on white 4.48:1
    assert contrast_ratio(QColor("#767676"), QColor("#ffffff")) == pytest.approx(4.54, abs=0.01)
    assert contrast_ratio(QColor("#777777"), QColor("#ffffff")) == pytest.approx(4.48, abs=0.01)


def painted(base: QColor, backgrounds: list[QColor]) -> QColor:
    """``backgrounds`` painted one over another on ``base`` by QPainter, read back as one pixel."""
    image = QImage(4, 4, QImage.Format.Format_ARGB32)
    image.fill(base)
    painter = QPainter(image)
    for colour in backgrounds:
        painter.fillRect(0, 0, 4, 4, colour)
    painter.end()
    return QColor(image.pixel(1, 1))


def spans_for_every_case() -> tuple[list[Span], int]:
    """Per label: a span alone, a selected one, and one nested in each other label's span."""
    spans: list[Span] = []
    position = 0

    def add(start: int, end: int, label: str) -> Span:
        spans.append(Span(len(spans) + 1, "d", "me", start, end, label))
        return spans[-1]

    selected = None
    for name in LABELS:
        add(position, position + 5, name)
        position += 10
    selected = add(position, position + 5, "actor").id
    position += 10
    for name in LABELS:
        add(position, position + 5, name)
        position += 10
    for outer, inner in itertools.permutations(LABELS, 2):
        add(position, position + 9, outer)
        add(position + 2, position + 6, inner)
        position += 12
    return spans, selected


@pytest.mark.parametrize("palette", [light_palette(), dark_palette()], ids=["light", "dark"])
def test_text_over_every_label_highlight_has_contrast_of_at_least_3(qtbot, palette: QPalette) -> None:
    spans, _ = spans_for_every_case()
    length = spans[-1].end + 10
    view = ArticleView()
    qtbot.addWidget(view)
    view.setPalette(palette)
    view.resize(900, 30000)  # every span in the viewport, so span_selections returns all of them
    view.set_article("س" * length)
    base = view.palette().color(QPalette.ColorRole.Base)
    checked = 0
    for selected in [None, *(s.id for s in spans[: len(LABELS)])]:
        view.set_spans(spans, LABELS, "me", selected_span_id=selected)
        drawn = view.span_painter.span_selections()
        assert len(drawn) == len(spans)
        # each character's background: every span covering it, in drawing order
        for item, _selection in drawn:
            middle = (item.span.start + item.span.end) // 2
            covering = [s.format for p, s in drawn if p.span.start <= middle < p.span.end]
            background = painted(base, [f.background().color() for f in covering])
            # Qt merges overlapping formats: the last one that sets a text colour decides it
            coloured = [f for f in covering if f.foreground().style() != Qt.BrushStyle.NoBrush]
            default = view.palette().color(QPalette.ColorRole.Text)
            text = coloured[-1].foreground().color() if coloured else default

            ratio = contrast_ratio(text, background)
            assert ratio >= 3.0, (f"{item.span.label} ({LABELS[item.span.label].color}), selected="
                                  f"{item.span.id == selected}, nested={item.level}: {ratio:.2f}")
            checked += 1
    assert checked > 100
