"""The Consistency tab on the seeds: seed 000 beside seed 002, their differences, copying spans across."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QAbstractTableModel, QObject, QSettings, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QListWidget, QTableWidget, QTreeWidget

from annotator.core.consistency import SharedPassage, words
from annotator.core.consistency_spans import DifferenceKind, SpanDifference
from annotator.operations.consistency import ConsistencyReport, PassageReport
from annotator.store import Project
from annotator.ui.consistency.passage_list import ARTICLES, DIFFERENCES, WORDS
from annotator.ui.consistency.view import PASSAGE_TINT
from annotator.ui.shell.main_window import MainWindow

NAME = "sara"


def place(text: str, phrase: str, nth: int = 0) -> tuple[int, int]:
    start = -1
    for _ in range(nth + 1):
        start = text.index(phrase, start + 1)
    return start, start + len(phrase)


@pytest.fixture
def seeds(project: Project) -> dict[str, str]:
    """Seed number → article id, with sara's spans on the shared passage of 000 and 002."""
    ids = {Path(d.source).name[:3]: d.id for d in project.documents()}
    text_a, text_b = project.document(ids["000"]).text, project.document(ids["002"]).text
    for doc, text, phrase, label, nth in (
            (ids["000"], text_a, "الوسطاء", "mediator", 1), (ids["002"], text_b, "الوسطاء", "mediator", 0),
            (ids["000"], text_a, "واشنطن وطهران", "actor", 0),
            (ids["000"], text_a, "البيت الأبيض", "actor", 0),
            (ids["002"], text_b, "البيت الأبيض", "denial", 0)):
        project.add_span(doc, NAME, *place(text, phrase, nth), label)
    return ids


@pytest.fixture
def window(qtbot, project: Project, seeds, tmp_path: Path) -> MainWindow:
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    settings.setValue("annotator/name", NAME)
    shown = MainWindow(project, settings=settings)
    qtbot.addWidget(shown)
    shown.show()
    return shown


def open_tab(qtbot, window: MainWindow):
    window.tabs.setCurrentWidget(window.consistency_tab)
    page = window.consistency_tab.page
    qtbot.waitUntil(lambda: page.report is not None, timeout=20_000)
    return page


def cell(page, row: int, column: int) -> str:
    """What the passage list shows in a cell."""
    model = page.passage_list.model()
    return model.data(model.index(row, column))


def tinted(view, offset: int) -> bool:
    """Whether the character at ``offset`` has the passage tint (read from the document's fragments)."""
    position = view.offsets.to_utf16(offset)
    block = view.document().findBlock(position)
    iterator = block.begin()
    while not iterator.atEnd():
        fragment = iterator.fragment()
        if fragment.position() <= position < fragment.position() + fragment.length():
            return fragment.charFormat().background().color() == PASSAGE_TINT
        iterator += 1
    return False  # the paragraph separator at a block's end


def test_the_pair_000_002_is_listed_and_shown_side_by_side(qtbot, window: MainWindow, seeds, project):
    assert not window.consistency_tab.built
    page = open_tab(qtbot, window)
    rows = page.passage_list.model()
    assert rows.rowCount() == 2 and rows.pair_count() == 1
    assert cell(page, 0, WORDS) == "299"
    titles = {d.id: " ".join(d.title.split()) for d in project.documents()}
    # the pair's first row names both articles, A above B; its second row is the same pair's
    assert cell(page, 0, ARTICLES) == f"A  {titles[seeds['000']]}\nB  {titles[seeds['002']]}"
    assert cell(page, 1, ARTICLES) == ""
    assert page.summary.text() == "2 shared passages in 1 pair of articles"
    passage = page.current.passage
    assert (passage.article_a, passage.article_b) == (seeds["000"], seeds["002"])
    text_a, text_b = project.document(seeds["000"]).text, project.document(seeds["002"]).text
    assert page.view_a.text == text_a and page.view_b.text == text_b
    assert words(text_a[passage.start_a : passage.end_a]) == words(text_b[passage.start_b : passage.end_b])
    # the passage is tinted exactly: its first and last characters, not the ones just outside
    for view, start, end in ((page.view_a, passage.start_a, passage.end_a),
                             (page.view_b, passage.start_b, passage.end_b)):
        assert tinted(view, start) and tinted(view, end - 1)
        assert not tinted(view, end) and (start == 0 or not tinted(view, start - 1))
    # sara's spans are painted on both sides, at their stored offsets
    painted_a = {(p.span.start, p.span.end) for p in page.view_a.painted}
    assert place(text_a, "واشنطن وطهران") in painted_a
    assert cell(page, 0, DIFFERENCES) == "2"  # 'واشنطن وطهران' missing in B, 'البيت الأبيض' another label


def test_a_flagged_difference_selects_its_place_on_both_sides(qtbot, window: MainWindow, seeds, project):
    page = open_tab(qtbot, window)
    rows = page.difference_list
    kinds = [rows.topLevelItem(i).text(0) for i in range(rows.topLevelItemCount())]
    assert kinds == ["missing in B", "different label"]
    row = page.difference_list.topLevelItem(1)
    assert (row.text(1), row.text(2), row.text(3), row.text(4)) == (NAME, "actor", "denial", "البيت الأبيض")
    page.difference_list.setCurrentItem(row)
    text_a, text_b = project.document(seeds["000"]).text, project.document(seeds["002"]).text
    assert page.view_a.selected_range() == place(text_a, "البيت الأبيض")
    assert page.view_b.selected_range() == place(text_b, "البيت الأبيض")
    missing = page.difference_list.topLevelItem(0)
    page.difference_list.setCurrentItem(missing)
    start, end = page.view_b.selected_range()
    assert text_b[start:end] == "واشنطن وطهران"  # where the span would go in B


def test_copy_a_to_b_adds_the_spans_at_mapped_offsets_and_ctrl_z_removes_them(qtbot, window: MainWindow,
                                                                                seeds, project):
    page = open_tab(qtbot, window)
    text_b = project.document(seeds["002"]).text
    before = {(s.start, s.end, s.label) for s in project.spans(seeds["002"], NAME)}
    qtbot.mouseClick(page.copy_a_to_b, Qt.MouseButton.LeftButton)
    after = {(s.start, s.end, s.label) for s in project.spans(seeds["002"], NAME)}
    added = after - before
    # the mediator span is there already; the other two land on the same words in B
    assert {(text_b[s:e], label) for s, e, label in added} == {("واشنطن وطهران", "actor"),
                                                               ("البيت الأبيض", "actor")}
    assert page.message.text() == f"Copied 2 spans of {NAME} to article B"
    assert page.difference_list.topLevelItemCount() == 1  # only 'different label' is left
    assert {(p.span.start, p.span.end) for p in page.view_b.painted} >= {(s, e) for s, e, _ in added}

    undo = window.actions["undo"]
    assert undo.shortcut() == QKeySequence(QKeySequence.StandardKey.Undo)
    assert undo.isEnabled() and "copy spans A → B" in undo.text()
    window.activateWindow()
    qtbot.keyClick(page.passage_list, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert {(s.start, s.end, s.label) for s in project.spans(seeds["002"], NAME)} == before
    assert page.difference_list.topLevelItemCount() == 2


def test_undo_follows_the_tab_and_open_in_annotate_jumps_to_the_article(qtbot, window: MainWindow, seeds):
    page = open_tab(qtbot, window)
    assert window.page.undo_group.activeStack() is page.undo_stack
    qtbot.mouseClick(page.open_b, Qt.MouseButton.LeftButton)
    assert window.tabs.currentWidget() is window.page
    assert window.page.document_id == seeds["002"]
    assert window.page.undo_group.activeStack() is not page.undo_stack


def test_different_annotators_are_compared_when_asked(qtbot, window: MainWindow, seeds, project):
    text_b = project.document(seeds["002"]).text
    project.add_span(seeds["002"], "omar", *place(text_b, "واشنطن وطهران"), "demand")
    page = open_tab(qtbot, window)
    listed = page.difference_list

    def rows() -> list[tuple[str, str]]:
        return [(listed.topLevelItem(i).text(0), listed.topLevelItem(i).text(1))
                for i in range(listed.topLevelItemCount())]

    assert ("different label", f"{NAME} / omar") not in rows()
    page.across_box.setChecked(True)
    assert ("different label", f"{NAME} / omar") in rows()  # sara's actor in 000, omar's demand in 002


def test_copy_b_to_a_adds_the_spans_of_b_on_the_matching_words_of_a(qtbot, window: MainWindow, seeds,
                                                                     project):
    page = open_tab(qtbot, window)
    text_a = project.document(seeds["000"]).text
    assert page.copy_spans(to_b=False) == 1  # B's 'البيت الأبيض' denial; the mediator is in A already
    added = [s for s in project.spans(seeds["000"], NAME) if s.label == "denial"]
    assert [text_a[s.start : s.end] for s in added] == ["البيت الأبيض"]
    assert page.message.text() == f"Copied 1 span of {NAME} to article A"


def test_deleting_a_label_compares_the_passages_again_in_a_worker(qtbot, window: MainWindow, seeds, project):
    page = open_tab(qtbot, window)
    assert cell(page, 0, DIFFERENCES) == "2"
    window.apply_changes(project.delete_label("denial"))  # B's 'البيت الأبيض' denial goes with it
    assert page.comparing is not None  # every passage is compared again off the GUI thread…
    # …while the shown passage is compared again at once: the 'different label' is gone
    kinds = [page.difference_list.topLevelItem(i).text(0)
             for i in range(page.difference_list.topLevelItemCount())]
    assert kinds == ["missing in B", "missing in B"]  # 'البيت الأبيض' actor now has no counterpart
    qtbot.waitUntil(lambda: page.comparing is None, timeout=20_000)
    assert cell(page, 0, DIFFERENCES) == "2"
    assert page.summary.text() == "2 shared passages in 1 pair of articles"
    assert all("denial" not in (d.label_a, d.label_b) for e in page.entries for d in e.differences)


def generated_report(project: Project, passages: int, pairs: int) -> tuple[ConsistencyReport, dict[str, str]]:
    """``passages`` passages over ``pairs`` pairs of made-up articles, passage k with k % 3 differences."""
    text = project.documents()[0].text
    ids = [f"made-{n:04d}" for n in range(pairs + 1)]
    entries = []
    for k in range(passages):
        pair = k * pairs // passages
        passage = SharedPassage(ids[pair], 0, 40 + k % 50, ids[pair + 1], 0, 40 + k % 50, 8 + k)
        difference = SpanDifference(DifferenceKind.MISSING_IN_B, NAME, NAME, "actor", None, 0, 5, 0, 5)
        entries.append(PassageReport(passage, (difference,) * (k % 3)))
    return (ConsistencyReport(tuple(entries), dict.fromkeys(ids, text)),
            {article: f"عنوان {article}" for article in ids})


def test_the_passage_list_is_a_model_read_only_for_the_rows_shown(qtbot, window: MainWindow, project):
    page = open_tab(qtbot, window)
    before = len(page.findChildren(QObject))
    page.show_report(*generated_report(project, 2_000, 400))
    qtbot.wait(50)  # painted
    listed = page.passage_list
    assert not isinstance(listed, QTreeWidget | QTableWidget | QListWidget)
    assert isinstance(listed.model(), QAbstractTableModel)
    assert listed.model().rowCount() == 2_000 and listed.model().pair_count() == 400
    assert page.summary.text() == "2000 shared passages in 400 pairs of articles"
    # nothing was made per row: no objects, and only the rows on screen had their differences counted
    assert len(page.findChildren(QObject)) - before < 50
    assert 0 < listed.model().counted < 100
    # a row further down is read when it is shown, with its own figures
    listed.scrollToBottom()
    qtbot.wait(50)
    assert listed.model().counted < 200
    assert cell(page, 1_999, WORDS) == str(8 + 1_999) and cell(page, 1_999, DIFFERENCES) == str(1_999 % 3)
    listed.setCurrentIndex(listed.model().index(1_999, 1))
    assert page.current.passage.words == 8 + 1_999
    assert page.view_a.text == project.documents()[0].text


def test_the_filter_keeps_the_pairs_with_the_typed_title_arabic_normalised(qtbot, window: MainWindow,
                                                                           project):
    page = open_tab(qtbot, window)
    page.show_report(*generated_report(project, 2_000, 400))  # 5 passages a pair, titles 'عنوان made-NNNN'
    listed = page.passage_list.model()
    page.filter_box.setText("عُنوان MADE-0007")  # with a damma, in capitals: matches all the same
    assert listed.rowCount() == 10 and listed.pair_count() == 2  # made-0006 → 0007 and 0007 → 0008
    pairs = {(page.entries[listed.number_at(row)].passage.article_a,
              page.entries[listed.number_at(row)].passage.article_b) for row in range(listed.rowCount())}
    assert pairs == {("made-0006", "made-0007"), ("made-0007", "made-0008")}
    assert cell(page, 0, ARTICLES) == "A  عنوان made-0006\nB  عنوان made-0007"
    assert cell(page, 1, ARTICLES) == ""
    assert page.current.passage.article_b == "made-0007"  # the first shown passage is shown side by side
    page.filter_box.clear()
    assert listed.rowCount() == 2_000 and listed.pair_count() == 400
    assert page.current.passage.article_b == "made-0007"  # still the one chosen


def test_cancelling_a_search_keeps_the_list_and_frees_the_button(qtbot, window: MainWindow):
    page = open_tab(qtbot, window)
    report = page.report
    qtbot.mouseClick(page.find_button, Qt.MouseButton.LeftButton)
    assert not page.find_button.isEnabled()
    page.worker.cancel()  # what the progress dialog's Cancel does
    qtbot.waitUntil(lambda: page.worker.done, timeout=20_000)
    assert page.find_button.isEnabled() and page.report is report
    assert page.passage_list.model().rowCount() == 2


def test_the_two_articles_get_most_of_the_width_at_the_default_size(qtbot, window: MainWindow) -> None:
    """At 1280×820 each article had ~270 px and wrapped every three or four words."""
    window.resize(1280, 820)
    page = open_tab(qtbot, window)
    qtbot.wait(50)
    list_width = page.passage_list.width()
    for view in (page.view_a, page.view_b):
        assert view.width() >= 340
        assert view.width() > list_width


def test_an_annotator_with_no_spans_in_the_passages_is_shown_someone_who_has_them(
        qtbot, project: Project, seeds, tmp_path: Path) -> None:
    settings = QSettings(str(tmp_path / "settings-omar.ini"), QSettings.Format.IniFormat)
    settings.setValue("annotator/name", "omar")  # omar has coded nothing at all
    window = MainWindow(project, settings=settings)
    qtbot.addWidget(window)
    window.show()
    page = open_tab(qtbot, window)
    assert page.annotator() == NAME  # sara, whose spans lie in the shared passages
    assert "showing sara's spans: omar has none in these passages" in page.summary.text()
    assert int(cell(page, 0, DIFFERENCES)) > 0  # not "0 differences" everywhere


def test_the_current_annotator_stays_when_they_have_spans_there(qtbot, window: MainWindow) -> None:
    page = open_tab(qtbot, window)
    assert page.annotator() == NAME and "showing" not in page.summary.text()


def test_in_arabic_the_passage_list_opens_showing_its_articles_column(
        qtbot, qapp, window: MainWindow) -> None:
    """Right to left, the list opened scrolled to its other end: the pair's article titles were out of
    sight until one scrolled sideways."""
    from annotator.ui.shell.app import install_language

    install_language(qapp, "ar")
    try:
        window.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
        window.resize(1280, 820)
        page = open_tab(qtbot, window)
        table = page.passage_list
        qtbot.waitUntil(lambda: table.model().rowCount() > 0)
        qtbot.wait(50)
        left = table.columnViewportPosition(ARTICLES)
        assert left >= 0 and left + table.columnWidth(ARTICLES) <= table.viewport().width()
    finally:
        install_language(qapp, "en")
