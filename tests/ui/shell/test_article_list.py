"""The article list of a large project: every article is listed and reachable, read a page at a time,
and filters keep the open article where the annotator can see it."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from annotator.core.model import ArticleRecord, Status
from annotator.store import Project
from annotator.ui.shell.article_list import PAGES_KEPT
from tests.ui.annotation_driver import make_window, press

ARTICLES = 2_500  # a dozen pages of the list
CTRL = Qt.KeyboardModifier.ControlModifier


@pytest.fixture
def archive(tmp_path: Path) -> Project:
    with Project.open(tmp_path / "archive.db") as project:
        project.import_articles([ArticleRecord(text=f"خبر رقم {n} عن المفاوضات في القاهرة 𝐀",
                                               title=f"خبر رقم {n}", id=f"n{n:05d}")
                                 for n in range(ARTICLES)])
        yield project


def test_every_article_is_listed_and_the_last_is_reached_with_the_end_key(qtbot, archive, tmp_path):
    window = make_window(qtbot, archive, tmp_path / "settings.ini")
    articles = window.article_list
    assert articles.count() == ARTICLES
    assert window.page.document_id == "n00000"
    articles.setFocus()
    qtbot.keyClick(articles, Qt.Key.Key_End)
    assert window.page.document_id == f"n{ARTICLES - 1:05d}"
    assert articles.entry_text(articles.currentRow()).startswith(f"خبر رقم {ARTICLES - 1}\n")
    assert "خبر رقم 2499" in window.article_label.text()
    for row in range(0, ARTICLES, 97):  # scrolling through the whole archive keeps memory bounded
        articles.scrollTo(articles.model().index(row, 0))
        assert articles.article_id(row) == f"n{row:05d}"
    assert len(articles.article_model()._pages) <= PAGES_KEPT


def test_marking_done_under_only_new_keeps_the_article_listed_until_the_filter_changes(
        qtbot, archive, tmp_path):
    window = make_window(qtbot, archive, tmp_path / "settings.ini")
    window.status_filter.setCurrentIndex(window.status_filter.findData(Status.NEW.value))
    window.article_list.setCurrentRow(3)
    press(qtbot, window, "d", CTRL)
    assert archive.status("n00003", "sara") == Status.DONE
    assert window.article_list.count() == ARTICLES
    assert window.article_list.entry_text(3).endswith("done")  # still there, saying so
    press(qtbot, window, "PageDown", CTRL)
    assert window.page.document_id == "n00004"

    window.status_filter.setCurrentIndex(window.status_filter.findData(Status.DONE.value))
    assert window.article_list.ids() == ["n00003"]
    window.status_filter.setCurrentIndex(window.status_filter.findData(Status.NEW.value))
    assert window.article_list.count() == ARTICLES - 1 and "n00003" not in window.article_list.ids()


def test_an_article_the_filter_leaves_out_is_listed_when_opened_from_another_tab(qtbot, archive, tmp_path):
    window = make_window(qtbot, archive, tmp_path / "settings.ini")
    archive.set_status("n01234", "sara", Status.DONE)
    window.status_filter.setCurrentIndex(window.status_filter.findData(Status.NEW.value))
    assert window.article_list.count() == ARTICLES - 1
    window.show_article("n01234")  # Consistency's or Search's "open in Annotate"
    assert window.page.document_id == "n01234"
    assert window.article_list.current_id() == "n01234"
    assert window.article_list.count() == ARTICLES
