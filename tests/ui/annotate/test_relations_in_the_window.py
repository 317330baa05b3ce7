"""Relations in the annotation window: made by keys and by mouse, refused where the schema says no, listed,
deleted, undone, deleted with their span and brought back, and all of it on disk at once."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from annotator.store import Project
from annotator.store.coding import Coding
from annotator.ui.shell.main_window import MainWindow
from tests.ui.annotation_driver import char_point, make_window, open_article, press

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier
LEFT = Qt.MouseButton.LeftButton
ACTOR, MEDIATOR, DEMAND, DENIAL = "1", "2", "3", "4"


@pytest.fixture
def window(qtbot, project: Project, tmp_path: Path) -> MainWindow:
    window = make_window(qtbot, project, tmp_path / "settings.ini")
    open_article(window, 0)
    return window


def tag(qtbot, window: MainWindow, words: str, key: str, nth: int = 0) -> int:
    """Tag the ``nth`` occurrence of ``words`` with the label key; returns the new span's id."""
    view = window.page.article_view
    start = -1
    for _ in range(nth + 1):
        start = view.text.index(words, start + 1)
    view.select_range(start, start + len(words))
    press(qtbot, window, key)
    return window.page.selected_span_id


def select(window: MainWindow, span_id: int) -> None:
    window.page.select_span(span_id, show_text=True)


def stored(project: Project) -> list[tuple[int, int, str]]:
    """The relations as a second connection to the project file reads them."""
    with Project.open(project.path) as other:
        return [(r.head, r.child, r.type) for r in Coding(other).relations()]


def click_span(qtbot, window: MainWindow, words: str, nth: int = 0) -> None:
    view = window.page.article_view
    start = -1
    for _ in range(nth + 1):
        start = view.text.index(words, start + 1)
    point = char_point(view, start + 1)
    qtbot.mouseClick(view.viewport(), LEFT, pos=point)


def status(window: MainWindow) -> str:
    return window.statusBar().currentMessage()


def test_relation_made_by_keys_select_r_n_enter(qtbot, window, project) -> None:
    actor = tag(qtbot, window, "الوسطاء", ACTOR)
    demand = tag(qtbot, window, "يحاولون إقناع", DEMAND)
    select(window, actor)
    press(qtbot, window, "R")
    assert "claims" in status(window)
    press(qtbot, window, "N")
    press(qtbot, window, "Return")
    assert stored(project) == [(actor, demand, "claims")]
    relations = window.page.relation_list.relation_model
    assert relations.rowCount() == 1
    assert [relations.data(relations.index(0, c)) for c in range(3)] == ["الوسطاء", "claims", "يحاولون إقناع"]
    painter = window.page.article_view.relation_painter
    assert [p.relation.type for p in painter.visible_relations()] == ["claims"]
    assert not window.page.picker.active


def test_relation_made_by_clicking_the_other_end(qtbot, window, project) -> None:
    actor = tag(qtbot, window, "الوسطاء", ACTOR)
    demand = tag(qtbot, window, "يحاولون إقناع", DEMAND)
    select(window, actor)
    press(qtbot, window, "R")
    click_span(qtbot, window, "يحاولون إقناع")
    assert stored(project) == [(actor, demand, "claims")]


def test_r_again_cycles_to_the_next_type_that_starts_at_the_head(qtbot, window, project) -> None:
    actor = tag(qtbot, window, "الوسطاء", ACTOR)
    tag(qtbot, window, "يحاولون إقناع", DEMAND)
    denial = tag(qtbot, window, "إيران", DENIAL, nth=1)
    select(window, actor)
    press(qtbot, window, "R")
    press(qtbot, window, "R")  # claims → denies: the candidate is now the denial
    assert "denies" in status(window)
    press(qtbot, window, "Return")
    assert stored(project) == [(actor, denial, "denies")]


def test_disallowed_end_is_refused_with_the_reason_and_nothing_stored(qtbot, window, project) -> None:
    actor = tag(qtbot, window, "الوسطاء", ACTOR)
    tag(qtbot, window, "إيران", MEDIATOR, nth=1)
    select(window, actor)
    press(qtbot, window, "R")
    click_span(qtbot, window, "إيران", nth=1)
    assert "must end at a span labelled demand, not mediator" in status(window)
    assert stored(project) == []
    assert window.page.picker.active  # still picking: the annotator may click the right span
    press(qtbot, window, "Escape")
    assert not window.page.picker.active
    assert stored(project) == []


def test_no_relation_type_starts_at_the_label_says_so(qtbot, window, project) -> None:
    tag(qtbot, window, "إيران", DENIAL, nth=1)
    press(qtbot, window, "R")
    assert "No relation type starts at a denial span" in status(window)
    assert not window.page.picker.active


def test_esc_cancels_and_n_is_next_span_again(qtbot, window, project) -> None:
    actor = tag(qtbot, window, "الوسطاء", ACTOR)
    demand = tag(qtbot, window, "يحاولون إقناع", DEMAND)
    select(window, actor)
    press(qtbot, window, "R")
    press(qtbot, window, "Escape")
    assert stored(project) == []
    press(qtbot, window, "N")
    assert window.page.selected_span_id == demand


def test_delete_in_the_relations_list_and_undo_brings_the_same_relation_back(qtbot, window, project) -> None:
    actor = tag(qtbot, window, "الوسطاء", ACTOR)
    demand = tag(qtbot, window, "يحاولون إقناع", DEMAND)
    select(window, actor)
    press(qtbot, window, "R")
    press(qtbot, window, "Return")
    [made] = Coding(project).relations()
    relation_list = window.page.relation_list
    rect = relation_list.visualRect(relation_list.relation_model.index(0, 1))
    qtbot.mouseClick(relation_list.viewport(), LEFT, pos=rect.center())
    assert window.page.selected_relation_id == made.id
    assert window.page.article_view.relation_painter.selected_relation_id == made.id
    qtbot.keyClick(relation_list, Qt.Key.Key_Delete)
    assert stored(project) == []
    assert relation_list.relation_model.rowCount() == 0
    press(qtbot, window, "z", CTRL)
    assert [r.id for r in Coding(project).relations()] == [made.id]
    assert stored(project) == [(actor, demand, "claims")]
    assert relation_list.relation_model.rowCount() == 1


def test_deleting_a_span_deletes_its_relations_and_undo_brings_them_back(qtbot, window, project) -> None:
    actor = tag(qtbot, window, "الوسطاء", ACTOR)
    demand = tag(qtbot, window, "يحاولون إقناع", DEMAND)
    denial = tag(qtbot, window, "إيران", DENIAL, nth=1)
    coding = Coding(project)
    select(window, actor)
    press(qtbot, window, "R")
    press(qtbot, window, "Return")
    select(window, actor)
    press(qtbot, window, "R")
    press(qtbot, window, "R")
    press(qtbot, window, "Return")
    coding.set_span_note(actor, "the Western mediators")
    before = coding.relations()
    assert len(before) == 2
    select(window, actor)
    press(qtbot, window, "Delete")
    assert stored(project) == []
    assert {s.id for s in project.spans()} == {demand, denial}
    assert window.page.relation_list.relation_model.rowCount() == 0
    press(qtbot, window, "z", CTRL)
    assert coding.relations() == before
    assert coding.span_note(actor).text == "the Western mediators"
    assert window.page.relation_list.relation_model.rowCount() == 2
    press(qtbot, window, "z", CTRL | SHIFT)  # redo: gone again, with both relations
    assert stored(project) == []


def test_undo_of_a_relation_deleted_elsewhere_changes_nothing_and_says_so(qtbot, window, project) -> None:
    actor = tag(qtbot, window, "الوسطاء", ACTOR)
    tag(qtbot, window, "يحاولون إقناع", DEMAND)
    select(window, actor)
    press(qtbot, window, "R")
    press(qtbot, window, "Return")
    [made] = Coding(project).relations()
    with Project.open(project.path) as other:  # a second window deletes it
        Coding(other).delete_relation(made.id)
    press(qtbot, window, "z", CTRL)  # would delete the relation it made: that one is gone
    assert stored(project) == []
    box = window.findChild(QMessageBox, "notSavedMessage")
    assert box is not None and "changed elsewhere" in box.text()


def test_a_relation_made_among_others_lands_in_text_order_as_a_full_reload_would_show_it(qtbot, window,
                                                                                       project) -> None:
    """A new relation is added to the list and the arcs in place (no re-read of the others): what is
    shown must be what re-opening the article shows."""
    first_actor = tag(qtbot, window, "الوسطاء", ACTOR)
    demand = tag(qtbot, window, "يحاولون إقناع", DEMAND)
    second_actor = tag(qtbot, window, "إيران", ACTOR, nth=1)
    select(window, second_actor)
    press(qtbot, window, "R")
    window.page.picker.choose(demand)
    select(window, first_actor)
    press(qtbot, window, "R")
    window.page.picker.choose(demand)  # made second, its head earlier in the text: listed first
    page, model = window.page, window.page.relation_list.relation_model

    def shown() -> tuple:
        rows = [tuple(model.data(model.index(row, c)) for c in range(3)) for row in range(model.rowCount())]
        painted = sorted(p.relation.id for p in page.article_view.relation_painter.relations)
        return rows, painted, [r.id for r in page.relations], page.selected_relation_id

    made = shown()
    assert [row[0] for row in made[0]] == ["الوسطاء", "إيران"]
    page.reload_relations()  # the full re-read
    assert shown() == made
    press(qtbot, window, "z", CTRL)
    assert [row[0] for row in shown()[0]] == ["إيران"] and len(stored(project)) == 1


def glyph_x(text: str) -> dict[int, float]:
    """Where each character of ``text`` is drawn (its glyph's x) when laid out as one right-to-left line."""
    from PySide6.QtGui import QFont, QTextLayout, QTextOption

    layout = QTextLayout(text, QFont())
    option = QTextOption()
    option.setTextDirection(Qt.LayoutDirection.RightToLeft)
    layout.setTextOption(option)
    layout.beginLayout()
    layout.createLine().setLineWidth(4000)
    layout.endLayout()
    flag = QTextLayout.GlyphRunRetrievalFlag
    runs = layout.glyphRuns(-1, -1, flag.RetrieveStringIndexes | flag.RetrieveGlyphPositions
                            | flag.RetrieveGlyphIndexes)
    return {index: position.x() for run in runs
            for index, position in zip(run.stringIndexes(), run.positions(), strict=True)}


def test_in_arabic_the_relation_prompt_reads_from_its_type_on_the_right(
        qtbot, qapp, project, tmp_path) -> None:
    """"claims: «…» ← «…» — Enter يربط …": the Latin type name first made the line left to right, "— Enter"
    drawn at the right end before the type's name."""
    from annotator.ui.shell.app import install_language

    install_language(qapp, "ar")
    try:
        window = make_window(qtbot, project, tmp_path / "settings.ini")
        window.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
        open_article(window, 0)
        actor = tag(qtbot, window, "الوسطاء", ACTOR)
        tag(qtbot, window, "يحاولون إقناع", DEMAND)
        select(window, actor)
        press(qtbot, window, "R")
        press(qtbot, window, "N")
        line = status(window)
        x = glyph_x(line)
        assert x[line.index("claims")] > x[line.index("Enter")]  # the type first, at the right
    finally:
        install_language(qapp, "en")
