"""The Articles dock shows each article's date and outlet, filters by a text typed into its box or by a
metadata key's value, sorts by a metadata key, and composes all of it with the status filter."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from annotator.core.model import ArticleRecord, Status
from annotator.store import Project
from tests.ui.annotation_driver import make_window

ARTICLES = 600  # three pages of the list
OUTLETS = ("Al Jazeera", "الجزيرة", "BBC Arabic")


@pytest.fixture
def archive(tmp_path: Path) -> Project:
    with Project.open(tmp_path / "archive.db") as project:
        project.import_articles([ArticleRecord(
            text=f"خبر رقم {n} عن المفاوضات", title=f"خبر رقم {n}", id=f"n{n:05d}",
            meta={"date": f"20{10 + n % 15}-01-{1 + n % 28:02d}", "outlet": OUTLETS[n % 3],
                  "url": f"https://news.example/{n}"}) for n in range(ARTICLES)])
        yield project


def test_each_entry_shows_its_date_and_outlet_and_the_tooltip_every_value(qtbot, archive, tmp_path):
    window = make_window(qtbot, archive, tmp_path / "settings.ini")
    articles = window.article_list
    assert articles.entry_text(1).split("\n")[:2] == ["خبر رقم 1", "\u202d2011-01-02\u202c · الجزيرة"]
    tooltip = articles.model().index(1, 0).data(Qt.ItemDataRole.ToolTipRole)
    assert "url: https://news.example/1" in tooltip and "outlet: الجزيرة" in tooltip


def test_typing_in_the_filter_box_lists_the_matching_articles_after_a_pause(qtbot, archive, tmp_path):
    window = make_window(qtbot, archive, tmp_path / "settings.ini")
    box = window.articles.metadata_filter.text
    articles = window.article_list
    qtbot.keyClicks(box, "bbc")
    assert articles.count() == ARTICLES  # not yet: the list waits for a pause in the typing
    qtbot.waitUntil(lambda: articles.count() == ARTICLES // 3)
    assert all("BBC Arabic" in articles.entry_text(row) for row in range(0, articles.count(), 50))
    qtbot.keyClicks(box, " ar")  # "bbc ar", Enter: at once
    qtbot.keyClick(box, Qt.Key.Key_Return)
    assert articles.count() == ARTICLES // 3
    box.clear()
    qtbot.keyClicks(box, "2024-01-1")  # a date's value
    qtbot.keyClick(box, Qt.Key.Key_Return)
    assert articles.ids() == [f"n{n:05d}" for n in range(ARTICLES) if n % 15 == 14 and 9 <= n % 28 <= 18]
    qtbot.keyClicks(box, "zz")
    qtbot.keyClick(box, Qt.Key.Key_Return)
    assert articles.count() == 0


def test_a_key_value_choice_composes_with_the_status_filter_and_the_sort(qtbot, archive, tmp_path):
    window = make_window(qtbot, archive, tmp_path / "settings.ini")
    for n in (0, 3, 4):
        archive.set_status(f"n{n:05d}", "sara", Status.DONE)
    window.articles.reload()
    chooser = window.articles.metadata_filter
    assert [chooser.key.itemText(i) for i in range(1, chooser.key.count())] == ["date", "outlet", "url"]
    chooser.key.setCurrentIndex(chooser.key.findData("outlet"))
    assert sorted(chooser.value.itemText(i) for i in range(1, chooser.value.count())) == sorted(OUTLETS)
    chooser.value.setCurrentIndex(chooser.value.findData("Al Jazeera"))
    assert window.article_list.count() == ARTICLES // 3
    window.status_filter.setCurrentIndex(window.status_filter.findData(Status.DONE.value))
    assert window.article_list.ids() == ["n00000", "n00003"]  # n00004 is another outlet's

    window.status_filter.setCurrentIndex(0)
    chooser.sort.setCurrentIndex(chooser.sort.findData("date"))
    ids = window.article_list.ids()
    dates = [archive.document(doc).meta["date"] for doc in ids]
    assert len(ids) == ARTICLES // 3 and dates == sorted(dates) and dates[0] < dates[-1]
    # the open article stays selected in its new place
    assert window.article_list.current_id() == window.page.document_id
    assert window.article_list.entry_text(0).split("\n")[1].startswith(f"\u202d{dates[0]}")
