""""Accept agreed spans into gold" asks for the scope first: this article, all N articles, or cancel."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt, QTimer

from annotator.store import Project
from annotator.store.gold import Gold
from annotator.ui.curation.page import CurationPage


def answer(qtbot, page: CurationPage, choice: str, seen: list[str]) -> None:
    def click() -> None:
        box = page.scope_box
        texts = [b.text().replace("&", "") for b in box.buttons()]
        seen.extend(texts)
        button = next((b for b, t in zip(box.buttons(), texts, strict=True) if t.startswith(choice)),
                      box.buttons()[-1])
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    QTimer.singleShot(50, click)


@pytest.mark.parametrize("choice, articles", [("This article", 1), ("All 5 article", 5), ("Cancel", 0)])
def test_scope_is_asked_before_adjudicating(qtbot, agreement_project: Project, choice: str,
                                            articles: int) -> None:
    changes: list = []
    page = CurationPage(agreement_project, curator=lambda: "reviewer", on_changes=changes.append)
    qtbot.addWidget(page)
    page.show()
    seen: list[str] = []
    answer(qtbot, page, choice, seen)
    qtbot.mouseClick(page.adjudicate_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.adjudication is None and page.adjudicate_button.isEnabled())
    decided = set(Gold(agreement_project).statuses())
    assert len(decided) == articles
    if articles == 1:
        assert decided == {page.article_choice.currentData()}
    assert any(t.startswith("All 5 article") for t in seen)  # the count is named
    assert len(changes) == (1 if articles else 0)
