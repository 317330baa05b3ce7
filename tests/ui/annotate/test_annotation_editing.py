"""Editing spans in the annotation window: undo/redo, label change, delete, boundaries, overlaps, and
the span list and tooltips kept in step with the text."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QPoint, Qt
from PySide6.QtGui import QHelpEvent
from PySide6.QtWidgets import QMessageBox, QToolTip

from annotator.store import Project
from annotator.ui.shell.main_window import MainWindow
from tests.ui.annotation_driver import char_point, make_window, open_article, painted_ranges, press

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier
ALT = Qt.KeyboardModifier.AltModifier
LEFT = Qt.MouseButton.LeftButton
PHRASE = "الوسطاء الغربيين يحاولون"


@pytest.fixture
def window(qtbot, project: Project, tmp_path: Path) -> MainWindow:
    window = make_window(qtbot, project, tmp_path / "settings.ini")
    open_article(window, 0)
    return window


def tag(qtbot, window: MainWindow, words: str, key: str) -> None:
    view = window.page.article_view
    start = view.text.index(words)
    view.select_range(start, start + len(words))
    press(qtbot, window, key)


def project_bytes(path: Path) -> bytes:
    """The project file and its write-ahead log: a committed write changes one of them."""
    wal = path.with_name(path.name + "-wal")
    return path.read_bytes() + (wal.read_bytes() if wal.exists() else b"")


def covered(project: Project, window: MainWindow) -> list[tuple[str, str]]:
    text = window.page.article_view.text
    return [(text[s.start:s.end], s.label) for s in project.spans()]


def test_undo_removes_the_tag_and_redo_brings_back_the_same_span(qtbot, window, project) -> None:
    tag(qtbot, window, "الوسطاء", "1")
    [span] = project.spans()
    press(qtbot, window, "z", CTRL)
    assert project.spans() == []
    assert painted_ranges(window.page.article_view) == {}
    press(qtbot, window, "z", CTRL | SHIFT)
    assert [s.id for s in project.spans()] == [span.id]
    assert covered(project, window) == [("الوسطاء", "actor")]
    assert span.id in painted_ranges(window.page.article_view)


def test_label_key_without_a_text_selection_changes_the_selected_span_and_undo_restores_it(
        qtbot, window, project) -> None:
    tag(qtbot, window, "الوسطاء", "1")
    press(qtbot, window, "4")  # the new span stays selected, the text selection is gone
    assert covered(project, window) == [("الوسطاء", "denial")]
    assert window.page.span_list.span_model.data(window.page.span_list.span_model.index(0, 0)) == "denial"
    press(qtbot, window, "z", CTRL)
    assert covered(project, window) == [("الوسطاء", "actor")]


def test_delete_key_removes_the_span_chosen_in_the_list_and_undo_restores_its_id(
        qtbot, window, project) -> None:
    tag(qtbot, window, "الوسطاء", "1")
    tag(qtbot, window, "الغربيين", "2")
    span_list = window.page.span_list
    second = span_list.span_model.spans[1]
    rect = span_list.visualRect(span_list.span_model.index(1, 1))
    qtbot.mouseClick(span_list.viewport(), LEFT, pos=rect.center())
    assert window.page.selected_span_id == second.id
    view = window.page.article_view
    assert view.selected_range() == (second.start, second.end)  # the list row selects it in the text
    press(qtbot, window, "Delete")
    assert covered(project, window) == [("الوسطاء", "actor")]
    press(qtbot, window, "z", CTRL)
    assert second.id in {s.id for s in project.spans()}


def test_undoing_a_delete_brings_the_span_back_selected_so_the_next_key_acts_on_it(
        qtbot, window, project) -> None:
    tag(qtbot, window, "الوسطاء", "1")
    [span] = project.spans()
    press(qtbot, window, "Delete")
    assert window.page.selected_span_id is None
    press(qtbot, window, "z", CTRL)
    assert window.page.selected_span_id == span.id
    press(qtbot, window, "2")  # relabels the span that came back, as it would have before the delete
    assert covered(project, window) == [("الوسطاء", "mediator")]


def test_clicking_a_span_in_the_text_selects_its_row(qtbot, window, project) -> None:
    tag(qtbot, window, "الوسطاء", "1")
    tag(qtbot, window, "الغربيين", "2")
    window.page.select_span(None)
    view = window.page.article_view
    start = view.text.index("الغربيين")
    qtbot.mouseClick(view.viewport(), LEFT, pos=char_point(view, start + 2))
    second = project.spans()[1]
    assert window.page.selected_span_id == second.id
    assert window.page.span_list.currentIndex().row() == 1


def test_overlapping_and_nested_spans_are_both_stored_and_drawn_distinctly(qtbot, window, project) -> None:
    tag(qtbot, window, PHRASE, "3")
    tag(qtbot, window, "الغربيين", "1")
    outer, inner = project.spans()
    assert covered(project, window) == [(PHRASE, "demand"), ("الغربيين", "actor")]
    view = window.page.article_view
    painted = {p.span.id: p for p in view.visible_spans()}
    assert (painted[outer.id].level, painted[inner.id].level) == (0, 1)
    ranges = painted_ranges(view)
    assert ranges[outer.id][2] == PHRASE and ranges[inner.id][2] == "الغربيين"
    window.page.select_span(None)
    selections = view.span_painter.span_selections()
    formats = {p.span.id: s.format for p, s in selections}
    # the nested span is underlined in its colour over the outer one's background: the two blend
    assert formats[inner.id].underlineStyle() != formats[outer.id].underlineStyle()
    assert formats[inner.id].background().color().alpha() < 255

    image = view.viewport().grab().toImage()

    def background_at(offset: int):
        point = char_point(view, offset)
        rect = view.cursorRect(view.cursor_for(offset, offset))
        return image.pixelColor(point.x(), rect.top() + 2)  # above the letters: the highlight only

    view.setTextCursor(view.cursor_for(0, 0))
    image = view.viewport().grab().toImage()
    start = view.text.index(PHRASE)
    only_outer = background_at(start + 2)
    both = background_at(view.text.index("الغربيين") + 3)
    assert only_outer != both


def test_alt_arrows_move_span_boundaries_by_whole_words(qtbot, window, project) -> None:
    tag(qtbot, window, "الغربيين", "1")
    press(qtbot, window, "Right", ALT)  # start one word earlier (to the right in Arabic)
    assert covered(project, window) == [("الوسطاء الغربيين", "actor")]
    press(qtbot, window, "Left", ALT | SHIFT)  # end one word later
    assert covered(project, window) == [(PHRASE, "actor")]
    press(qtbot, window, "Left", ALT)  # start one word later
    press(qtbot, window, "Right", ALT | SHIFT)  # end one word earlier
    assert covered(project, window) == [("الغربيين", "actor")]
    for _ in range(4):
        press(qtbot, window, "z", CTRL)
    assert covered(project, window) == [("الغربيين", "actor")] and len(project.spans()) == 1
    press(qtbot, window, "z", CTRL)
    press(qtbot, window, "z", CTRL | SHIFT)
    press(qtbot, window, "z", CTRL | SHIFT)
    assert covered(project, window) == [("الوسطاء الغربيين", "actor")]


def test_e_sets_the_selected_span_to_a_new_mouse_selection(qtbot, window, project) -> None:
    tag(qtbot, window, "الغربيين", "2")
    view = window.page.article_view
    start = view.text.index(PHRASE)
    press_at, release_at = char_point(view, start + 1), char_point(view, start + len("الوسطاء") - 1)
    qtbot.mousePress(view.viewport(), LEFT, pos=press_at)
    qtbot.mouseMove(view.viewport(), release_at)
    qtbot.mouseRelease(view.viewport(), LEFT, pos=release_at)
    press(qtbot, window, "e")
    assert covered(project, window) == [("الوسطاء", "mediator")]


def test_tooltip_names_label_and_annotator(qtbot, window, project) -> None:
    tag(qtbot, window, "الوسطاء", "2")
    view = window.page.article_view
    point = char_point(view, view.text.index("الوسطاء") + 2)
    event = QHelpEvent(QEvent.Type.ToolTip, view.viewport().mapTo(view, point),
                       view.viewport().mapToGlobal(point))
    view.event(event)
    assert "mediator — sara" in QToolTip.text()
    assert QToolTip.text().count("\n") == 0
    view.event(QHelpEvent(QEvent.Type.ToolTip, QPoint(1, 1), view.mapToGlobal(QPoint(1, 1))))


def test_context_menu_offers_every_label_for_a_selection(qtbot, window) -> None:
    from PySide6.QtWidgets import QMenu

    view = window.page.article_view
    start = view.text.index("الوسطاء")
    view.select_range(start, start + 3)
    menu = QMenu()
    window.page._context_menu_entries(menu, start)
    texts = [a.text().split("\t")[0] for a in menu.actions()]
    assert [t for t in texts if t.startswith("Tag as")] == [
        "Tag as actor", "Tag as mediator", "Tag as demand", "Tag as denial"]
    menu.actions()[1].trigger()
    assert window.page.spans[0].label == "mediator"


def test_a_refused_edit_says_so_and_leaves_the_project_file_unchanged(qtbot, window, project) -> None:
    tag(qtbot, window, "الوسطاء", "1")
    tag(qtbot, window, "الوسطاء الغربيين", "1")
    before = project_bytes(project.path)
    undo_count = window.page.undo_stack().count()
    press(qtbot, window, "Right", ALT | SHIFT)  # end one word earlier: identical to the first span
    box = window.findChild(QMessageBox, "notSavedMessage")
    assert box is not None and "identical span already exists" in box.text()
    assert window.save_label.text() == "Not saved"
    assert project_bytes(project.path) == before
    assert window.page.undo_stack().count() == undo_count
    box.close()


def test_keyboard_selection_then_key_tags_the_word(qtbot, window, project) -> None:
    view = window.page.article_view
    start = view.text.index("الوسطاء")
    view.select_range(start, start)
    view.setFocus()
    for _ in range(3):  # in right-to-left text, Left moves forward through the word
        qtbot.keyClick(view, Qt.Key.Key_Left, SHIFT)
    assert view.selected_range() == (start, start + 3)
    press(qtbot, window, "2")
    assert covered(project, window) == [("الوسطاء", "mediator")]


def test_n_and_shift_n_walk_through_the_spans_in_reading_order(qtbot, window, project) -> None:
    tag(qtbot, window, "الغربيين", "2")
    tag(qtbot, window, "الوسطاء", "1")
    first, second = project.spans()  # in text order
    window.page.select_span(None)
    press(qtbot, window, "n")
    assert window.page.selected_span_id == first.id
    press(qtbot, window, "n")
    assert window.page.selected_span_id == second.id
    assert window.page.article_view.selected_range() == (second.start, second.end)
    press(qtbot, window, "N", SHIFT)
    assert window.page.selected_span_id == first.id


def test_text_size_keys_change_the_font_and_it_is_remembered(qtbot, window) -> None:
    view = window.page.article_view
    size = view.point_size()
    press(qtbot, window, "Equal", CTRL)
    assert view.point_size() == size + 2
    assert int(window.settings.value("view/pointSize")) == size + 2
    press(qtbot, window, "Minus", CTRL)
    assert view.point_size() == size


def test_latin_words_and_numbers_read_left_to_right_inside_the_arabic_line(qtbot, project, tmp_path) -> None:
    from annotator.core.model import ArticleRecord

    text = "قال Reuters إن 2019 عام"
    project.import_articles([ArticleRecord(text=text, title="bidi", id="bidi")])
    window = make_window(qtbot, project, tmp_path / "settings.ini")
    open_article(window, 5)
    view = window.page.article_view

    def x(offset: int) -> int:
        return view.cursorRect(view.cursor_for(offset, offset)).x()

    # positions inside each run (at a run's edge the cursor x is ambiguous between the two directions)
    latin, digits = text.index("Reuters"), text.index("2019")
    assert x(latin + 1) < x(latin + 3) < x(latin + 6)  # Latin letters left to right
    assert x(digits + 1) < x(digits + 3)  # digits left to right
    assert x(1) > x(latin + 3) > x(digits + 2) > x(text.index("عام") + 1)  # words right to left


def test_ctrl_click_moves_the_nearer_edge_of_the_selected_span_to_the_clicked_word(
        qtbot, window, project) -> None:
    tag(qtbot, window, "الغربيين", "1")
    view = window.page.article_view
    text = view.text
    viewport = view.viewport()
    qtbot.mouseClick(viewport, LEFT, CTRL, char_point(view, text.index("يحاولون") + 2))
    assert covered(project, window) == [("الغربيين يحاولون", "actor")]
    qtbot.mouseClick(viewport, LEFT, CTRL, char_point(view, text.index("الوسطاء الغربيين") + 2))
    assert covered(project, window) == [(PHRASE, "actor")]
    # inside the span, nearer its start
    qtbot.mouseClick(viewport, LEFT, CTRL, char_point(view, text.index("الغربيين") + 2))
    assert covered(project, window) == [("الغربيين يحاولون", "actor")]
    press(qtbot, window, "z", CTRL)
    assert covered(project, window) == [(PHRASE, "actor")]
