"""Suggestions in the annotation window: tag a word, and its other occurrences are offered (bar, lighter
highlights), accepted one at a time, all in the article or all in the corpus (one undo each), or dismissed —
never stored without the annotator's action. Places are checked against a regex over the original texts."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication, QMenu, QMessageBox

from annotator.core.model import ArticleRecord
from annotator.store import Project
from annotator.ui.annotate.article_view import PaintedSuggestion
from annotator.ui.shell.main_window import MainWindow
from tests.ui.annotation_driver import char_point, make_window, open_article, press

ALT = Qt.KeyboardModifier.AltModifier
CTRL = Qt.KeyboardModifier.ControlModifier
MARKS = "\u064b-\u065f\u0670\u0640"
# «إيران» in any alef spelling, as a whole word after optional attached clitics (the group is the place)
IRAN = re.compile(rf"(?<![\w{MARKS}])(?:[وف]?[بلك]?)"
                  rf"([إأاآ][{MARKS}]*ي[{MARKS}]*ر[{MARKS}]*ا[{MARKS}]*ن[{MARKS}]*)(?![\w{MARKS}])")


def times(n: int) -> str:
    """How the suggestions bar counts repetitions in English: "1 time", "5 times"."""
    return f"{n} time" + ("s" if n != 1 else "")


@pytest.fixture
def window(qtbot, project: Project, tmp_path: Path) -> MainWindow:
    return make_window(qtbot, project, tmp_path / "settings.ini")


def iran_places(text: str) -> list[tuple[int, int]]:
    return [m.span(1) for m in IRAN.finditer(text)]


def stored(project: Project) -> set[tuple[str, int, int, str]]:
    return {(s.document_id, s.start, s.end, s.label) for s in project.spans()}


def tag_word(qtbot, window: MainWindow, start: int, end: int, key: str = "1") -> None:
    """Select two letters inside the word at ``start``–``end``, press the label key, wait for the offer."""
    page = window.page
    page.article_view.select_range(start + 1, start + 3)
    press(qtbot, window, key)
    assert any((s.start, s.end) == (start, end) for s in page.spans)
    qtbot.waitUntil(lambda: not page.suggestions_pending(), timeout=5000)


def painted_suggestions(window: MainWindow) -> list[tuple[int, int, str]]:
    """(UTF-16 start, UTF-16 end, text) of what the view fills and outlines as suggestions."""
    return [(sel.cursor.selectionStart(), sel.cursor.selectionEnd(), sel.cursor.selectedText())
            for _item, sel in window.page.article_view.suggestion_painter.suggestion_selections()]


@pytest.fixture
def tagged_iran(qtbot, window, project):
    """Seed 000 open, its first «إيران» tagged actor; returns (document, tagged place, the other places)."""
    open_article(window, 0)
    document = project.document(window.page.document_id)
    places = iran_places(document.text)
    tag_word(qtbot, window, *places[0])
    return document, places[0], places[1:]


def test_tagging_a_word_that_occurs_again_offers_it_with_the_counts_and_paints_the_places(
        qtbot, window, project, tagged_iran) -> None:
    document, tagged, others = tagged_iran
    elsewhere = {d.id: iran_places(d.text) for d in project.documents() if d.id != document.id}
    count_elsewhere = sum(len(p) for p in elsewhere.values())
    articles = sum(1 for p in elsewhere.values() if p)
    bar = window.page.suggestions_bar
    assert bar.offering
    message = bar.message.text()
    assert times(len(others)) in message and times(count_elsewhere) in message
    assert f" {articles} other articles" in message
    assert "إيران" in message and "actor" in message
    # the view holds exactly the other places; those on screen are painted exactly there
    view = window.page.article_view
    assert [(s.start, s.end) for s in view.suggestions] == others
    view.verticalScrollBar().setValue(0)
    low, high = view.visible_range()
    on_screen = [(a, b, document.text[a:b]) for a, b in others if a < high and b > low]
    assert on_screen and painted_suggestions(window) == on_screen  # seed 000 has no astral characters
    assert stored(project) == {(document.id, *tagged, "actor")}  # nothing stored by the offer


def mean_darkness(window: MainWindow, start: int, end: int) -> float:
    """How much darker than white the view paints start–end on average (0 white … 255 black)."""
    view = window.page.article_view
    [rect] = view.suggestion_painter.suggestion_rects(PaintedSuggestion(start, end, "actor", "#000000"))
    image = view.viewport().grab().toImage()
    top = view.verticalScrollBar().value()
    xs, ys = range(int(rect.left()) + 2, int(rect.right()) - 2), range(int(rect.top() - top) + 2,
                                                                      int(rect.bottom() - top) - 2)
    values = [255 - image.pixelColor(x, y).lightness() for x in xs for y in ys]
    return sum(values) / len(values)


def test_a_suggestion_is_painted_lighter_than_a_span_and_darker_than_plain_text(qtbot, window,
                                                                                project) -> None:
    open_article(window, 0)
    page, view = window.page, window.page.article_view
    first, second = iran_places(view.text)[:2]  # both on the first screen
    view.select_range(0, 0)
    plain = mean_darkness(window, *second)
    tag_word(qtbot, window, *first)
    page.select_span(None)  # the new span as spans usually look, not selected
    view.verticalScrollBar().setValue(0)
    qtbot.wait(20)
    span, suggestion = mean_darkness(window, *first), mean_darkness(window, *second)
    assert plain + 5 < suggestion < span - 5, (plain, suggestion, span)  # measured: 45, 61, 80


def test_accept_next_tags_the_following_place_and_stops_suggesting_it(qtbot, window, project,
                                                                      tagged_iran) -> None:
    document, tagged, others = tagged_iran
    press(qtbot, window, "Return", ALT)
    assert stored(project) == {(document.id, *tagged, "actor"), (document.id, *others[0], "actor")}
    page = window.page
    assert page.selected_span().start == others[0][0]
    assert [(s.start, s.end) for s in page.article_view.suggestions] == others[1:]
    assert times(len(others) - 1) in page.suggestions_bar.message.text()
    press(qtbot, window, "Return", ALT)
    assert (document.id, *others[1], "actor") in stored(project)
    press(qtbot, window, "Z", CTRL)
    assert (document.id, *others[1], "actor") not in stored(project)


def test_accept_all_in_the_article_stores_every_place_and_one_undo_removes_them(qtbot, window, project,
                                                                                 tagged_iran) -> None:
    document, tagged, others = tagged_iran
    press(qtbot, window, "Return", CTRL)
    assert stored(project) == {(document.id, a, b, "actor") for a, b in [tagged, *others]}
    for a, b in others:
        assert document.text[a:b] in {"إيران", "ايران"}
    # the bar still offers the other articles; none of this article's places is suggested now
    assert window.page.article_view.suggestions == []
    assert window.page.suggestions_bar.offering
    press(qtbot, window, "Z", CTRL)
    assert stored(project) == {(document.id, *tagged, "actor")}


def test_accept_all_in_the_corpus_asks_with_the_count_then_stores_every_place(qtbot, window, project,
                                                                               tagged_iran) -> None:
    document, tagged, _others = tagged_iran
    expected = {(d.id, a, b, "actor") for d in project.documents() for a, b in iran_places(d.text)}
    window.page.suggestions_bar.buttons["accept_corpus_suggestions"].click()
    box = window.findChild(QMessageBox, "confirmCorpusSuggestions")
    assert box is not None and str(len(expected) - 1) in box.text()
    assert stored(project) == {(document.id, *tagged, "actor")}  # not before the answer
    box.button(QMessageBox.StandardButton.Yes).click()
    qtbot.waitUntil(lambda: window.page.undo_stack().count() == 2, timeout=5000)  # stored by a worker
    assert stored(project) == expected
    assert len({doc for doc, *_ in expected}) == 5
    assert not window.page.suggestions_bar.offering
    press(qtbot, window, "Z", CTRL)
    assert stored(project) == {(document.id, *tagged, "actor")}


def test_cancelling_the_corpus_confirmation_or_dismissing_stores_nothing(qtbot, window, project,
                                                                          tagged_iran) -> None:
    document, tagged, _others = tagged_iran
    press(qtbot, window, "Return", CTRL | Qt.KeyboardModifier.ShiftModifier)
    box = window.findChild(QMessageBox, "confirmCorpusSuggestions")
    box.button(QMessageBox.StandardButton.Cancel).click()
    press(qtbot, window, "Escape")
    page = window.page
    assert not page.suggestions_bar.offering and page.offer is None
    assert page.article_view.suggestions == [] and painted_suggestions(window) == []
    press(qtbot, window, "Return", CTRL)  # disabled with nothing on offer
    assert stored(project) == {(document.id, *tagged, "actor")}


def test_a_click_on_a_suggestion_accepts_it_and_a_double_click_does_not(qtbot, window, project,
                                                                         tagged_iran) -> None:
    document, tagged, others = tagged_iran
    view = window.page.article_view
    first = others[0]
    qtbot.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=char_point(view, first[0] + 2))
    qtbot.wait(QApplication.doubleClickInterval() + 100)
    assert stored(project) == {(document.id, *tagged, "actor")}
    view.setTextCursor(view.cursor_for(0, 0))
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=char_point(view, first[0] + 2))
    qtbot.waitUntil(lambda: len(project.spans()) == 2)
    assert stored(project) == {(document.id, *tagged, "actor"), (document.id, *first, "actor")}


def test_the_context_menu_accepts_the_suggestion_under_the_mouse(qtbot, window, project, tagged_iran) -> None:
    document, tagged, others = tagged_iran
    menu = QMenu()
    window.page._context_menu_entries(menu, others[1][0] + 1)
    [accept] = [a for a in menu.actions() if a.objectName() == "acceptSuggestion"]
    assert "إيران" in accept.text()
    accept.trigger()
    assert stored(project) == {(document.id, *tagged, "actor"), (document.id, *others[1], "actor")}


def test_undoing_the_tag_takes_its_offer_away(qtbot, window, project, tagged_iran) -> None:
    press(qtbot, window, "Z", CTRL)
    assert project.spans() == []
    assert window.page.offer is None and not window.page.suggestions_bar.offering
    assert window.page.article_view.suggestions == []


def test_a_tag_undone_before_its_offer_is_made_offers_nothing(qtbot, window, project) -> None:
    open_article(window, 0)
    page = window.page
    start, _end = iran_places(page.article_view.text)[0]
    page.article_view.select_range(start + 1, start + 3)
    press(qtbot, window, "1")
    press(qtbot, window, "Z", CTRL)  # at once: the offer was still to come
    qtbot.waitUntil(lambda: not page.suggestions_pending())
    assert project.spans() == [] and page.offer is None and not page.suggestions_bar.offering


def test_relabelling_the_tagged_span_offers_its_new_label_on_the_same_places(qtbot, window, project,
                                                                            tagged_iran) -> None:
    document, tagged, others = tagged_iran
    press(qtbot, window, "2")  # the new span is selected and no text is: the key relabels it
    assert stored(project) == {(document.id, *tagged, "mediator")}
    qtbot.waitUntil(lambda: window.page.offer is not None and window.page.offer.label == "mediator")
    view = window.page.article_view
    assert [(s.start, s.end, s.label) for s in view.suggestions] == [(a, b, "mediator") for a, b in others]
    assert "mediator" in window.page.suggestions_bar.message.text()


def test_the_text_does_not_move_when_an_offer_comes_and_goes(qtbot, window, project) -> None:
    open_article(window, 0)
    view = window.page.article_view
    where = view.mapTo(window, view.rect().topLeft())
    start, end = iran_places(view.text)[0]
    tag_word(qtbot, window, start, end)
    assert window.page.suggestions_bar.offering
    assert view.mapTo(window, view.rect().topLeft()) == where
    press(qtbot, window, "Escape")
    assert view.mapTo(window, view.rect().topLeft()) == where
    assert window.page.suggestions_bar.hint.isVisible()  # the idle bar keeps the place, with its hint


def test_opening_another_article_hides_the_offer(qtbot, window, project, tagged_iran) -> None:
    open_article(window, 1)
    assert not window.page.suggestions_bar.offering and window.page.article_view.suggestions == []
    assert len(project.spans()) == 1


def test_a_word_found_nowhere_else_offers_nothing(qtbot, window, project) -> None:
    open_article(window, 0)
    text = window.page.article_view.text
    start = text.index("الغربيين")
    tag_word(qtbot, window, start, start + len("الغربيين"))
    qtbot.wait(50)
    assert window.page.offer is None and not window.page.suggestions_bar.offering


def test_turning_suggestions_off_is_remembered_and_offers_nothing(qtbot, project, tmp_path) -> None:
    window = make_window(qtbot, project, tmp_path / "settings.ini")
    action = window.page.suggest_action
    assert action.isChecked()
    action.trigger()
    assert QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat).value(
        "view/suggestOccurrences", type=bool) is False
    open_article(window, 0)
    start, end = iran_places(window.page.article_view.text)[0]
    tag_word(qtbot, window, start, end)
    qtbot.wait(50)
    assert window.page.offer is None and not window.page.suggestions_bar.offering
    assert not window.page.suggestions_bar.isVisible()  # off: the bar gives its room back
    window.close()
    again = make_window(qtbot, project, tmp_path / "settings.ini")
    assert not again.page.suggest_action.isChecked() and not again.page.suggest_enabled


def test_astral_characters_before_the_places_shift_only_the_painted_utf16_ranges(qtbot, window,
                                                                                  project) -> None:
    text = "😀 بيان حماس\n𝕏𝕏 قالت حماسُ إن 🇵🇸 وحماس ستوافق"
    project.import_articles([ArticleRecord(text=text, title="astral", id="astral")])
    window.refresh_articles()
    row = window.article_list.ids().index("astral")
    open_article(window, row)
    starts = [m.start() for m in re.finditer("حماس", text)]
    tag_word(qtbot, window, starts[0], starts[0] + 4)
    expected = [(starts[1], starts[1] + 5), (starts[2], starts[2] + 4)]  # «حماسُ» with its damma
    assert [(s.start, s.end) for s in window.page.article_view.suggestions] == expected

    def utf16(offset: int) -> int:
        return len(text[:offset].encode("utf-16-le")) // 2

    assert painted_suggestions(window) == [(utf16(a), utf16(b), text[a:b]) for a, b in expected]
    press(qtbot, window, "Return", CTRL)
    assert {(s.start, s.end) for s in project.spans() if s.document_id == "astral"} == {
        (starts[0], starts[0] + 4), *expected}


def test_a_word_found_only_in_other_articles_is_offered_in_a_sentence_that_fits_at_1280_pixels(
        qtbot, window, project) -> None:
    """«مصادر» once in seed 000 and elsewhere only in other articles: "also appears 0 times in this
    article and …" ran under the buttons, cut at "— tag as demar"."""
    window.resize(1280, 820)
    open_article(window, 0)
    document = project.document(window.page.document_id)
    start = document.text.index("مصادر")
    tag_word(qtbot, window, start, start + len("مصادر"), key="3")
    bar = window.page.suggestions_bar
    qtbot.waitUntil(lambda: bar.offering and "searching" not in bar.message.text(), timeout=5000)
    message = bar.message.text()
    assert "in this article" not in message and message.endswith("tag as demand?")
    assert bar.message.fontMetrics().horizontalAdvance(message) <= bar.message.width()
