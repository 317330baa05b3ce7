"""The comparison view: the article once, right-to-left, annotators' lanes, disagreements stepped by key."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor

from annotator.core.agreement.data import AgreementArticle
from annotator.core.agreement.disagreements import DisagreementKind, article_disagreements
from annotator.core.model import SpanRef
from annotator.store import Project
from annotator.ui.agreement.comparison import ComparisonView

# "قال" at 0–3 is an astral-free word; the emoji before "وزير" makes UTF-16 offsets differ from Python's.
TEXT = "قال 😀 وزير الخارجية إن المفاوضات ستستأنف"


def at(word: str, label: str, extend_to: str | None = None) -> SpanRef:
    start = TEXT.index(word)
    end = TEXT.index(extend_to) + len(extend_to) if extend_to else start + len(word)
    return SpanRef(start, end, label)


ARTICLE = AgreementArticle("x1", "مقال", TEXT, {
    "ali": (at("وزير", "actor"), at("المفاوضات", "demand")),
    "omar": (at("وزير", "mediator"), at("المفاوضات", "demand", extend_to="ستستأنف")),
    "sara": (at("وزير", "actor"),),
})
COLOURS = {"actor": "#4e79a7", "mediator": "#f28e2b", "demand": "#59a14f", "denial": "#e15759"}


@pytest.fixture
def view(qtbot) -> ComparisonView:
    widget = ComparisonView(COLOURS)
    qtbot.addWidget(widget)
    widget.resize(1000, 600)
    widget.show()
    qtbot.waitExposed(widget)
    widget.show_article(ARTICLE)
    return widget


def test_text_is_shown_once_right_to_left_and_right_aligned(view: ComparisonView) -> None:
    assert view.text_view.shown_text() == TEXT
    option = view.text_view.document().defaultTextOption()
    assert option.textDirection() == Qt.LayoutDirection.RightToLeft
    assert option.alignment() & Qt.AlignmentFlag.AlignRight
    assert option.alignment() & Qt.AlignmentFlag.AlignAbsolute


def test_each_annotator_has_a_lane_with_their_spans_in_label_colours(view: ComparisonView) -> None:
    bars = [b for b in view.text_view.bars if not b.missing]
    assert view.text_view.lanes == 3
    omar = sorted((b.start, b.end, b.colour) for b in bars if b.lane == 1)
    # UTF-16 positions: the emoji before the spans takes two units
    start = TEXT.index("وزير") + 1
    assert omar[0] == (start, start + len("وزير"), COLOURS["mediator"])
    assert len([b for b in bars if b.lane == 2]) == 1  # sara marked one span


def test_all_three_kinds_of_disagreement_are_listed(view: ComparisonView) -> None:
    kinds = {d.kind for d in view.disagreements}
    assert kinds == {DisagreementKind.LABEL, DisagreementKind.BOUNDARY, DisagreementKind.MISSING}
    assert view.disagreements == article_disagreements(ARTICLE)
    texts = [view.disagreement_list.item(i).text() for i in range(view.disagreement_list.count())]
    assert any(t.startswith("missing span") and "sara: nothing" in t for t in texts)
    # a missing span is outlined in the lane of the annotator who has nothing there
    sara_missing = [b for b in view.text_view.bars if b.missing and b.lane == 2]
    assert sara_missing


def test_keys_step_through_disagreements_and_select_them_in_the_text(qtbot, view: ComparisonView) -> None:
    view.disagreement_list.setFocus()
    assert view.current_index == 0
    seen = []
    for key, modifier in [(Qt.Key.Key_N, Qt.KeyboardModifier.NoModifier),
                          (Qt.Key.Key_F8, Qt.KeyboardModifier.NoModifier)]:
        qtbot.keyClick(view.disagreement_list, key, modifier)
        seen.append(view.current_index)
    assert seen == [1, 2]
    qtbot.keyClick(view.text_view, Qt.Key.Key_P)
    assert view.current_index == 1
    qtbot.keyClick(view.text_view, Qt.Key.Key_F8, Qt.KeyboardModifier.ShiftModifier)
    assert view.current_index == 0
    qtbot.keyClick(view.text_view, Qt.Key.Key_P)  # wraps round to the last
    assert view.current_index == len(view.disagreements) - 1
    current = view.disagreements[view.current_index]
    selection = view.text_view.extraSelections()[0]
    cursor = QTextCursor(selection.cursor)
    covered = {current.span.start, current.span.end} | (
        {current.other_span.start, current.other_span.end} if current.other_span else set())
    assert view.offsets.to_codepoint(cursor.selectionStart()) == min(covered)
    assert view.offsets.to_codepoint(cursor.selectionEnd()) == max(covered)
    assert view.position.text() == f"{len(view.disagreements)} / {len(view.disagreements)}"


def test_lanes_are_painted_under_the_words(qtbot, view: ComparisonView) -> None:
    start = TEXT.index("وزير") + 1
    segments = list(view.text_view.segments(start, start + len("وزير")))
    assert len(segments) == 1
    left, right, bottom = segments[0]
    image = view.text_view.viewport().grab().toImage()
    y = int(bottom + 2 + 1 * 7 + 2)  # omar's lane (the second)
    x = int((left + right) / 2)
    assert image.pixelColor(x, y).name() == COLOURS["mediator"]


def test_a_seed_article_from_the_store_compares(view: ComparisonView, agreement_project: Project) -> None:
    data = agreement_project.agreement_input()
    view.show_article(data.articles[0])
    assert view.article_id == data.articles[0].id
    assert view.text_view.shown_text() == agreement_project.document(data.articles[0].id).text
    assert view.disagreement_list.count() == len(article_disagreements(data.articles[0])) > 0
