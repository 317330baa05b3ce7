"""Relation arcs over the right-to-left text: above the line in the room kept free for them, never over
the letters of the line below or above, stacked without overlap, split into two halves where the ends
are on different lines (the child's half with the arrowhead), and only for visible relations."""

from __future__ import annotations

from pathlib import Path

import pytest

from annotator.store import Project
from annotator.store.coding import Coding
from annotator.ui.shell.main_window import MainWindow
from tests.ui.annotation_driver import make_window, open_article

SPANS = {  # name: (words, label, which occurrence)
    "mediators": ("الوسطاء الغربيين", "actor", 0),
    "mediator": ("الوسطاء", "mediator", 0),  # nested in "mediators"
    "demand": ("إقناع إيران والولايات المتحدة بالتعاون", "demand", 0),
    "iran": ("إيران", "actor", 1),  # nested in the demand
    "usa": ("الولايات المتحدة", "actor", 1),
    "last": ("الأمريكي", "demand", 2),  # far down the article
}


@pytest.fixture
def window(qtbot, project: Project, tmp_path: Path) -> MainWindow:
    document = project.documents()[0]
    ids = {}
    for name, (words, label, nth) in SPANS.items():
        start = -1
        for _ in range(nth + 1):
            start = document.text.index(words, start + 1)
        ids[name] = project.add_span(document.id, "sara", start, start + len(words), label).id
    coding = Coding(project)
    for head, child, relation_type in [("mediators", "demand", "claims"), ("demand", "iran", "addressed_to"),
                                       ("demand", "usa", "addressed_to"), ("mediator", "iran", "mediates"),
                                       ("last", "mediators", "addressed_to")]:
        coding.add_relation(ids[head], ids[child], relation_type)
    window = make_window(qtbot, project, tmp_path / "settings.ini")
    window.resize(900, 700)  # narrow: the first paragraph wraps
    open_article(window, 0)
    view = window.page.article_view
    qtbot.waitUntil(lambda: view.paint_count > 0)
    paragraph = document.text.index("قالت ثلاثة")
    bar = view.verticalScrollBar()
    bar.setValue(bar.value() + view.cursorRect(view.cursor_for(paragraph, paragraph)).top() - 80)
    assert view.visible_range()[0] <= paragraph < view.visible_range()[1]
    return window


SPANS_END = 400  # the first paragraph's spans end before this offset


def line_boxes(view) -> dict[tuple[int, int], tuple[float, float]]:
    """(block, line) → (top, bottom) in document pixels of every laid-out line."""
    boxes = {}
    block = view.document().firstBlock()
    while block.isValid():
        layout = block.layout()
        for n in range(layout.lineCount()):
            line = layout.lineAt(n)
            top = layout.position().y() + line.y()
            boxes[(block.blockNumber(), n)] = (top, top + line.height())
        block = block.next()
    return boxes


def test_arcs_sit_between_the_lines_and_never_cover_letters(qtbot, window) -> None:
    view = window.page.article_view
    view.viewport().repaint()
    qtbot.wait(50)  # the room may grow once for the most crowded line
    view.viewport().repaint()
    painter = view.relation_painter
    placed = painter.placed_pieces(view.relation_room)
    assert placed
    boxes = line_boxes(view)
    ordered = sorted(boxes.values())
    half_label = painter.label_metrics.height() / 2
    for piece, y, _width in placed:
        top = boxes[piece.line][0]
        above = max((bottom for _t, bottom in ordered if bottom <= top), default=0.0)
        assert above <= y - half_label and y + half_label <= top, piece.painted.relation.type


def test_arcs_on_one_line_do_not_share_a_height_where_they_overlap(window) -> None:
    painter = window.page.article_view.relation_painter
    placed = painter.placed_pieces(window.page.article_view.relation_room)
    for i, (a, ya, wa) in enumerate(placed):
        for b, yb, wb in placed[i + 1:]:
            if a.line == b.line and ya == yb:
                (a_low, a_high), (b_low, b_high) = a.extent(wa), b.extent(wb)
                assert a_high <= b_low or b_high <= a_low


def test_a_relation_across_lines_is_drawn_as_two_halves_the_child_one_with_the_arrow(window) -> None:
    painter = window.page.article_view.relation_painter
    pieces = [p for p, _y, _w in painter.placed_pieces(window.page.article_view.relation_room)
              if p.painted.relation.type == "claims"]
    assert len(pieces) == 2 and pieces[0].line != pieces[1].line
    head_half, child_half = pieces
    assert head_half.from_leg and not head_half.arrow
    assert child_half.arrow and not child_half.from_leg


def test_only_relations_with_a_visible_end_are_painted(window) -> None:
    view = window.page.article_view
    shown = {p.relation.type for p in view.relation_painter.visible_relations()}
    assert "claims" in shown and "mediates" in shown
    last = max(window.page.spans, key=lambda s: s.start)
    bar = view.verticalScrollBar()
    bar.setValue(bar.value() + view.cursorRect(view.cursor_for(last.start, last.start)).top() - 10)
    assert view.visible_range()[0] > SPANS_END
    painted = view.relation_painter.visible_relations()
    assert [(p.relation.head, p.relation.type) for p in painted] == [(last.id, "addressed_to")]
