"""Bug 7 of issue 18: the span list tells identical strings apart by their line and the words around them,
sorts by any column (a header click) with selecting, relabelling and deleting still acting on the row's
span, and each article reopens scrolled and with the span selected as it was left."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from PySide6.QtCore import QPoint, QSettings, Qt
from PySide6.QtWidgets import QApplication

from annotator.core.model import DEFAULT_LABELS, Label, Span
from annotator.store import Project
from annotator.ui.annotate.context_column import CONTEXT_ROLE
from annotator.ui.annotate.span_list import CONTEXT, LABEL, LINE, TEXT, SpanList
from annotator.ui.shell.main_window import MainWindow
from tests.ui.annotation_driver import make_window, open_article, press

LEFT = Qt.MouseButton.LeftButton
WORD = "إيران"


@pytest.fixture
def window(qtbot, project: Project, tmp_path: Path) -> MainWindow:
    window = make_window(qtbot, project, tmp_path / "settings.ini")
    window.page.set_suggest_enabled(False)
    open_article(window, 0)  # seed 000: «إيران» five times
    return window


def tag_every(qtbot, window: MainWindow, word: str, key: str) -> list[int]:
    """Tag each standalone occurrence of ``word`` with the label key ``key``; their starts."""
    view = window.page.article_view
    text = view.text
    starts = [i for i in range(len(text)) if text.startswith(word, i)
              and (i == 0 or not text[i - 1].isalpha()) and not text[i + len(word)].isalpha()]
    for start in starts:
        view.select_range(start, start + len(word))
        press(qtbot, window, key)
    return starts


def cell(span_list: SpanList, row: int, column: int):
    return span_list.span_model.data(span_list.span_model.index(row, column))


def click_header(qtbot, span_list: SpanList, column: int) -> None:
    header = span_list.horizontalHeader()
    x = header.sectionViewportPosition(column) + header.sectionSize(column) // 2
    qtbot.mouseClick(header.viewport(), LEFT, pos=QPoint(x, header.height() // 2))


def click_row(qtbot, span_list: SpanList, row: int) -> None:
    rect = span_list.visualRect(span_list.span_model.index(row, TEXT))
    qtbot.mouseClick(span_list.viewport(), LEFT, pos=rect.center())


def test_identical_strings_are_told_apart_by_line_and_context(qtbot, window, project) -> None:
    starts = tag_every(qtbot, window, WORD, "1")
    text = window.page.article_view.text
    span_list = window.page.span_list
    assert len(starts) >= 4 and span_list.span_model.rowCount() == len(starts)
    assert [cell(span_list, r, TEXT) for r in range(len(starts))] == [WORD] * len(starts)
    lines = [text.count("\n", 0, s) + 1 for s in starts]  # 1-based, counted here independently
    assert [cell(span_list, r, LINE) for r in range(len(starts))] == lines
    contexts = [cell(span_list, r, CONTEXT) for r in range(len(starts))]
    assert len(set(contexts)) == len(starts)
    # the title: «رسائل سرية بين إيران والولايات المتحدة»
    assert contexts[0] == "رسائل سرية بين «إيران» والولايات المتحدة"
    model = span_list.span_model  # what the Context cell draws: the words before, the span, the words after
    drawn = model.data(model.index(0, CONTEXT), CONTEXT_ROLE)
    assert drawn == ("رسائل سرية بين ", WORD, " والولايات المتحدة")


def test_header_clicks_sort_and_reverse_and_the_chosen_row_still_relabels_its_span(
        qtbot, window, project) -> None:
    tag_every(qtbot, window, WORD, "1")
    tag_every(qtbot, window, "الوسطاء", "2")
    span_list = window.page.span_list
    rows = span_list.span_model.rowCount()
    in_text_order = list(span_list.span_model.spans)
    click_header(qtbot, span_list, LABEL)
    labels = [cell(span_list, r, LABEL) for r in range(rows)]
    assert labels == sorted(labels) and labels[0] == "actor"
    click_header(qtbot, span_list, LABEL)
    labels = [cell(span_list, r, LABEL) for r in range(rows)]
    assert labels == sorted(labels, reverse=True) and labels[0] == "mediator"
    # the first row is now the mediator span: choosing it and pressing 4 relabels it, nothing is added
    click_row(qtbot, span_list, 0)
    chosen = span_list.span_model.span_at(0)
    assert chosen.label == "mediator" and window.page.selected_span_id == chosen.id
    span_list.setFocus()
    qtbot.keyClick(span_list, "4")
    assert len(project.spans()) == rows
    assert project.span(chosen.id).label == "denial"
    assert window.page.selected_span_id == chosen.id
    assert span_list.span_model.span_at(span_list.currentIndex().row()).id == chosen.id  # the row followed
    # Delete on a chosen row deletes that span
    click_row(qtbot, span_list, rows - 1)
    last = span_list.span_model.span_at(rows - 1)
    press(qtbot, window, "Delete")
    assert {s.id for s in project.spans()} == {s.id for s in in_text_order} - {last.id}
    click_header(qtbot, span_list, LINE)
    starts = [s.start for s in span_list.span_model.spans]
    assert starts == sorted(starts)


def test_an_article_reopens_scrolled_and_selected_as_it_was_left(qtbot, window, project, tmp_path) -> None:
    starts = tag_every(qtbot, window, WORD, "1")
    page = window.page
    last = next(s for s in page.spans if s.start == starts[-1])
    page.select_span(last.id, show_text=True)
    bar = page.article_view.verticalScrollBar()
    bar.setValue(bar.maximum() // 2)
    left_at = bar.value()
    assert left_at > 0
    open_article(window, 1)
    assert page.selected_span_id is None
    open_article(window, 0)
    assert page.selected_span_id == last.id
    assert page.span_list.span_model.span_at(page.span_list.currentIndex().row()).id == last.id
    assert bar.value() == left_at
    window.close()  # and after a restart
    settings_file = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    again = MainWindow(project, settings=settings_file)
    qtbot.addWidget(again)
    again.show()
    qtbot.waitExposed(again)
    open_article(again, 1)
    open_article(again, 0)
    assert again.page.selected_span_id == last.id
    assert again.page.article_view.verticalScrollBar().value() == left_at


LABELS = {name: Label(name, colour, key) for name, colour, key in DEFAULT_LABELS}
NAMES = sorted(LABELS)


@settings(max_examples=40, deadline=None)
@given(initial=st.lists(st.tuples(st.integers(0, 60), st.integers(1, 20), st.sampled_from(NAMES)),
                       max_size=20),
       edits=st.lists(st.tuples(st.booleans(), st.integers(0, 60), st.sampled_from(NAMES),
                                st.integers(0, 99)), min_size=1, max_size=6),
       column=st.sampled_from([LABEL, TEXT, LINE, CONTEXT]), descending=st.booleans())
def test_a_sorted_list_updated_in_place_equals_one_set_anew(qapp: QApplication, initial, edits, column,
                                                            descending) -> None:
    text = "كلمة\nأخرى " * 20
    spans = [Span(i + 1, "d", "me", start, start + length, label)
             for i, (start, length, label) in enumerate(initial)]
    order = Qt.SortOrder.DescendingOrder if descending else Qt.SortOrder.AscendingOrder
    listed, fresh = SpanList(), SpanList()
    listed.set_spans(spans, text, LABELS, "me", show_annotator=False)
    listed.sortByColumn(column, order)
    next_id = len(spans) + 1
    for add, start, label, pick in edits:
        if add or not spans:
            removed, added = [], [Span(next_id, "d", "me", start, start + 3, label)]
            next_id += 1
        else:
            old = spans[pick % len(spans)]
            removed, added = [old], [replace(old, label=label)]
        gone = {s.id for s in removed}
        spans = [s for s in spans if s.id not in gone] + added
        listed.update_spans(removed, added)
    fresh.sortByColumn(column, order)
    fresh.set_spans(spans, text, LABELS, "me", show_annotator=False)
    assert listed.span_model.spans == fresh.span_model.spans
    assert all(listed.span_model.row_of(s.id) == row for row, s in enumerate(listed.span_model.spans))
