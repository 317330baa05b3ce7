"""Bug 1 of issue 18: a label key pressed with a span's row chosen in the span list relabels that span."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from annotator.store import Project
from annotator.ui.shell.main_window import MainWindow
from tests.ui.annotation_driver import make_window, open_article, press


@pytest.fixture
def window(qtbot, project: Project, tmp_path: Path) -> MainWindow:
    window = make_window(qtbot, project, tmp_path / "settings.ini")
    open_article(window, 0)
    return window


def test_label_key_on_a_row_chosen_in_the_span_list_changes_its_label_without_a_duplicate(
        qtbot, window, project) -> None:
    view = window.page.article_view
    for words, key in (("الوسطاء", "1"), ("الغربيين", "2")):
        start = view.text.index(words)
        view.select_range(start, start + len(words))
        press(qtbot, window, key)
    span_list = window.page.span_list
    first = span_list.span_model.spans[0]
    rect = span_list.visualRect(span_list.span_model.index(0, 1))
    qtbot.mouseClick(span_list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert window.page.selected_span_id == first.id
    assert view.selected_range() == (first.start, first.end)  # the list shows the span in the text
    span_list.setFocus()
    qtbot.keyClick(span_list, "4")
    spans = project.spans()
    assert len(spans) == 2
    assert {(s.id, s.label) for s in spans if s.id == first.id} == {(first.id, "denial")}
