"""An edit of a few spans updates the article view and the span list in place (``update_spans``);
the result must be exactly what a full ``set_spans`` of the same spans paints and lists: the same
spans in the same order, with the same colours, own flags and nesting levels.

Random overlapping and nested spans of two annotators (review mode) go through random adds, deletes,
relabels and moves, one or two at a time, as the annotation page applies them.
"""

from __future__ import annotations

from dataclasses import replace

from hypothesis import given, settings
from hypothesis import strategies as st
from PySide6.QtWidgets import QApplication

from annotator.core.model import DEFAULT_LABELS, Label, Span
from annotator.ui.annotate.article_view import ArticleView
from annotator.ui.annotate.span_list import SpanList

LABELS = {name: Label(name, colour, key) for name, colour, key in DEFAULT_LABELS}
NAMES = [*sorted(LABELS), "unknown"]  # a label without colour is painted grey
TEXT = "كلمة " * 40
ME, OTHER = "me", "other"


@st.composite
def span_states(draw: st.DrawFn) -> Span:
    start = draw(st.integers(0, 60))
    return Span(0, "d", draw(st.sampled_from([ME, ME, ME, OTHER])), start,
                start + draw(st.integers(1, 30)), draw(st.sampled_from(NAMES)))


EDITS = st.lists(st.tuples(st.sampled_from(["add", "delete", "relabel", "move", "add two"]),
                           span_states(), st.integers(0, 10_000)), min_size=1, max_size=8)


def painted_of(view: ArticleView) -> list[tuple[int, int, int, str, str, bool, int]]:
    return [(p.span.id, p.span.start, p.span.end, p.span.label, p.color, p.own, p.level)
            for p in view.painted]


@settings(max_examples=60, deadline=None)
@given(initial=st.lists(span_states(), max_size=25), edits=EDITS)
def test_incremental_update_equals_full_set_spans(qapp: QApplication, initial: list[Span],
                                                  edits: list[tuple[str, Span, int]]) -> None:
    spans = [replace(s, id=i + 1) for i, s in enumerate(initial)]
    next_id = len(spans) + 1
    view, full = ArticleView(), ArticleView()
    listed = SpanList()
    for v in (view, full):
        v.set_article(TEXT)
    view.set_spans(spans, LABELS, ME)
    listed.set_spans(spans, TEXT, LABELS, ME, show_annotator=True)
    for kind, state, pick in edits:
        removed: list[Span] = []
        added: list[Span] = []
        if kind in ("add", "add two") or not spans:
            added = [replace(state, id=next_id)]
            if kind == "add two":
                added.append(replace(state, id=next_id + 1, end=state.end + 3, label=NAMES[pick % 5]))
            next_id += len(added)
        else:
            old = spans[pick % len(spans)]
            removed = [old]
            if kind == "relabel":
                added = [replace(old, label=state.label)]
            elif kind == "move":
                added = [replace(old, start=state.start, end=state.end)]
        gone = {s.id for s in removed}
        spans = [s for s in spans if s.id not in gone] + added
        view.update_spans(removed, added, selected_span_id=added[0].id if added else None)
        listed.update_spans(removed, added)
        full.set_spans(spans, LABELS, ME)
        assert painted_of(view) == painted_of(full)
        assert view.selected_span_id == (added[0].id if added else None)
        assert view.span_painter.max_length == full.span_painter.max_length
        assert [p.span.start for p in view.painted] == [p.span.start for p in full.painted]
        assert listed.span_model.spans == [p.span for p in full.painted]
        assert listed.span_model.rowCount() == len(spans)
        for row, span in enumerate(listed.span_model.spans):
            assert listed.span_model.row_of(span.id) == row


def test_nested_span_added_inside_raises_the_inner_levels(qapp: QApplication) -> None:
    """A hand-checked case: a long span added around two nested ones pushes both one level deeper."""
    outer = Span(1, "d", ME, 10, 30, "actor")
    inner = Span(2, "d", ME, 12, 20, "actor")
    other = Span(3, "d", OTHER, 11, 25, "actor")  # others' spans never count for levels
    view = ArticleView()
    view.set_article(TEXT)
    view.set_spans([outer, inner, other], LABELS, ME)
    assert [(p.span.id, p.level) for p in view.painted] == [(1, 0), (3, 0), (2, 1)]
    around = Span(4, "d", ME, 5, 40, "demand")
    view.update_spans([], [around])
    assert [(p.span.id, p.level) for p in view.painted] == [(4, 0), (1, 1), (3, 0), (2, 2)]
    view.update_spans([outer], [])
    assert [(p.span.id, p.level) for p in view.painted] == [(4, 0), (3, 0), (2, 1)]


def test_remembered_visible_range_follows_scrolling_resizing_and_font(qapp: QApplication) -> None:
    """The visible range is remembered between repaints but never stale: after scrolling, a resize
    and a bigger font it is what hit-testing the viewport afresh gives."""
    view = ArticleView()
    view.resize(500, 300)
    view.set_article("\n".join(f"فقرة {n} " + "كلمة " * 30 for n in range(200)))
    view.show()
    document = view.document()
    document.documentLayout().blockBoundingRect(document.lastBlock())  # laid out to the end
    qapp.processEvents()
    top = view.visible_range()
    assert top == view._measure_visible_range()
    assert top[0] == 0
    view.verticalScrollBar().setValue(view.verticalScrollBar().maximum())
    scrolled = view.visible_range()
    assert scrolled == view._measure_visible_range() != top
    view.resize(700, 500)
    qapp.processEvents()
    assert view.visible_range() == view._measure_visible_range()
    view.set_point_size(40)
    qapp.processEvents()
    assert view.visible_range() == view._measure_visible_range()
    view.verticalScrollBar().setValue(0)
    assert view.visible_range() == view._measure_visible_range()
    assert view.visible_range()[0] == 0
