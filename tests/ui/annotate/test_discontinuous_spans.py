"""A discontinuous annotation in the window: selecting one fragment shows its other fragments selected
too, a label key relabels the whole annotation, and Delete removes the whole annotation, which one undo
step brings back with its link."""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtCore import Qt

from annotator.core.model import AnnotationSet, ArticleRecord, SpanRef, Status
from annotator.core.structure import StructuredCoding
from annotator.store import Project
from annotator.ui.annotate.highlight_colours import OWN_ALPHA, SELECTED_ALPHA
from tests.ui.annotation_driver import char_point, make_window, open_article, press

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier
LEFT = Qt.MouseButton.LeftButton


def ref(text: str, word: str, label: str) -> SpanRef:
    start = text.index(word)
    return SpanRef(start, start + len(word), label)


def background_alphas(window) -> dict[str, int]:
    """Covered text → the alpha of the background the view paints it with."""
    view = window.page.article_view
    return {view.text[p.span.start:p.span.end]: selection.format.background().color().alpha()
            for p, selection in view.span_painter.span_selections()}


def test_selecting_a_fragment_selects_its_annotation_and_delete_takes_it_whole_with_one_undo(
        qtbot, project: Project, tmp_path: Path) -> None:
    document = project.documents()[0]
    text = document.text
    first, second = ref(text, "الوسطاء", "actor"), ref(text, "يحاولون", "actor")
    alone = ref(text, "الغربيين", "mediator")
    project.import_articles([ArticleRecord(text, document.title, annotations=(AnnotationSet(
        "sara", (first, second, alone), Status.IN_PROGRESS,
        coding=StructuredCoding(fragments=frozenset({(first, second)}))),))])
    window = make_window(qtbot, project, tmp_path / "settings.ini")
    open_article(window, 0)
    view = window.page.article_view
    qtbot.mouseClick(view.viewport(), LEFT, pos=char_point(view, second.start + 2))
    assert window.page.selected_span().ref == second
    heading = re.sub("[\u200e\u200f\u2066-\u2069]", "", window.page.inspector.heading.text())  # bidi marks
    assert "«الوسطاء … يحاولون»" in heading  # the Span tab names it whole
    assert background_alphas(window) == {"الوسطاء": SELECTED_ALPHA, "يحاولون": SELECTED_ALPHA,
                                         "الغربيين": OWN_ALPHA}

    steps = window.page.undo_stack().count()
    press(qtbot, window, "3")  # demand: the annotation has one label
    assert sorted((s.start, s.label) for s in project.spans()) == [
        (first.start, "demand"), (alone.start, "mediator"), (second.start, "demand")]
    press(qtbot, window, "z", CTRL)
    assert {s.ref for s in project.spans()} == {first, second, alone}
    assert window.page.undo_stack().count() == steps + 1

    press(qtbot, window, "Delete")
    assert [s.ref for s in project.spans()] == [alone]
    assert window.page.undo_stack().count() == steps + 1  # the undone relabel step was replaced
    assert set(background_alphas(window)) == {"الغربيين"}

    press(qtbot, window, "z", CTRL)
    spans = {s.ref: s for s in project.spans()}
    assert set(spans) == {first, second, alone}
    assert spans[second].fragment_of == spans[first].id and spans[first].fragment_of is None
    assert set(background_alphas(window)) == {"الوسطاء", "يحاولون", "الغربيين"}

    press(qtbot, window, "z", CTRL | SHIFT)
    assert [s.ref for s in project.spans()] == [alone]
