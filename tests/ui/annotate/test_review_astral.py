"""Characters outside the BMP (emoji, mathematical letters, flags) before and inside the places the Search
dock and the Consistency tab show: Qt counts them as two UTF-16 units, the store as one code point, so a
jump, a tint, a difference or a copied span must land on the same letters either way."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from annotator.core.model import ArticleRecord
from annotator.store import Project
from annotator.ui.shell.main_window import MainWindow
from tests.ui.annotation_driver import make_window
from tests.ui.consistency.test_consistency_view import open_tab, tinted
from tests.ui.search.test_search_panel import hit_items, search_for

NAME = "sara"
SHARED = ("وتقول المصادر إن الوسطاء كانوا ينقلون الرسائل سرا بين واشنطن 🇵🇸 وطهران منذ شهور "
          "على أمل تشجيع الطرفين على التحاور")
TEXT_A = "😀😀 مقدمة 𝕏𝕏 أولى.\n" + SHARED + "\n👍 خاتمة"
TEXT_B = "𝐀 عنوان آخر 🇵🇸🇵🇸 هنا.\n" + SHARED.replace(" 🇵🇸", "") + " 🙂 نهاية"


@pytest.fixture
def astral_project(tmp_path: Path):
    with Project.open(tmp_path / "astral.sqlite") as project:
        project.import_articles([ArticleRecord(text=TEXT_A, title="A", id="astral-a"),
                                 ArticleRecord(text=TEXT_B, title="B", id="astral-b")])
        yield project


@pytest.fixture
def window(qtbot, astral_project: Project, tmp_path: Path) -> MainWindow:
    return make_window(qtbot, astral_project, tmp_path / "settings.ini", annotator=NAME)


def utf16(text: str, offset: int) -> int:
    return len(text[:offset].encode("utf-16-le")) // 2


def test_search_hit_after_astral_characters_selects_exactly_the_word(qtbot, window: MainWindow) -> None:
    search_for(qtbot, window, "طهران")
    hits = [item.data(Qt.ItemDataRole.UserRole) for item in hit_items(window)]
    texts = {"astral-a": TEXT_A, "astral-b": TEXT_B}
    assert sorted((h.article_id, h.start) for h in hits) == sorted(
        (doc, m.start()) for doc, text in texts.items() for m in re.finditer("طهران", text))
    for item in hit_items(window):
        window.search_panel.results.setCurrentItem(item)
        window.search_panel._activate(item)
        hit = item.data(Qt.ItemDataRole.UserRole)
        view = window.page.article_view
        assert window.page.document_id == hit.article_id
        assert view.selected_range() == (hit.start, hit.end)
        assert view.textCursor().selectedText() == "طهران"
        text = texts[hit.article_id]
        cursor = view.textCursor()
        expected = (utf16(text, hit.start), utf16(text, hit.end))
        assert (cursor.selectionStart(), cursor.selectionEnd()) == expected


def test_consistency_tint_difference_and_copy_land_on_the_same_letters_with_astral_text(
        qtbot, window: MainWindow, astral_project: Project) -> None:
    start = TEXT_A.index("واشنطن 🇵🇸 وطهران")
    astral_project.add_span("astral-a", NAME, start, start + len("واشنطن 🇵🇸 وطهران"), "actor")
    page = open_tab(qtbot, window)
    passage = page.current.passage
    assert (passage.article_a, passage.article_b) == ("astral-a", "astral-b")
    assert TEXT_A[passage.start_a:passage.end_a] == SHARED
    assert TEXT_B[passage.start_b:passage.end_b] == SHARED.replace(" 🇵🇸", "")
    for view, first, end in ((page.view_a, passage.start_a, passage.end_a),
                             (page.view_b, passage.start_b, passage.end_b)):
        assert tinted(view, first) and tinted(view, end - 1)
        assert not tinted(view, first - 1) and not tinted(view, end)
    assert page.difference_list.topLevelItemCount() == 1
    page.difference_list.setCurrentItem(page.difference_list.topLevelItem(0))
    assert page.view_a.textCursor().selectedText() == "واشنطن 🇵🇸 وطهران"
    assert page.view_b.textCursor().selectedText() == "واشنطن وطهران"
    assert page.copy_spans(to_b=True) == 1
    copied = [s for s in astral_project.spans(document_id="astral-b")]
    assert [(TEXT_B[s.start:s.end], s.label) for s in copied] == [("واشنطن وطهران", "actor")]
    qtbot.waitUntil(lambda: page.difference_list.topLevelItemCount() == 0)


def test_enter_in_the_box_after_the_answer_opens_the_first_hit_not_the_heading(
        qtbot, window: MainWindow) -> None:
    search_for(qtbot, window, "طهران")
    panel = window.search_panel
    assert panel.results.item(0).data(Qt.ItemDataRole.UserRole) is None  # the first article's heading
    qtbot.keyClick(panel.box, Qt.Key.Key_Return)
    first = hit_items(window)[0].data(Qt.ItemDataRole.UserRole)
    assert window.page.document_id == first.article_id
    assert window.page.article_view.textCursor().selectedText() == "طهران"
