"""The Curate tab: majority votes go into gold with one click, and the chosen article's view follows."""

from __future__ import annotations

from collections import Counter

from PySide6.QtCore import Qt

from annotator.core.model import GoldStatus, SpanRef
from annotator.store import Changes, Project
from annotator.store.gold import Gold
from annotator.ui.curation.page import CurationPage


def expected_majority_gold(project: Project, document_id: str) -> set[SpanRef]:
    """Spans at least 2 of the 3 done annotators marked identically, counted here from the raw spans."""
    votes = Counter(s.ref for s in project.spans(document_id))
    return {ref for ref, n in votes.items() if n >= 2}


def make_page(qtbot, project: Project, changes: list[Changes]) -> CurationPage:
    """Wired as the main window wires it: every change goes up, then comes back down to the page."""

    def broadcast(change: Changes) -> None:
        changes.append(change)
        page.apply_changes(change)

    page = CurationPage(project, curator=lambda: "reviewer", on_changes=broadcast)
    page.adjudicate_scope = lambda: "all"  # the question itself: test_adjudication_scope
    qtbot.addWidget(page)
    page.resize(1100, 700)
    page.show()
    return page


def test_accept_button_puts_majority_spans_into_gold_and_shows_them(
        qtbot, agreement_project: Project) -> None:
    changes: list[Changes] = []
    page = make_page(qtbot, agreement_project, changes)
    first = agreement_project.article_summaries()[0].id
    assert Gold(agreement_project).spans(first) == []

    qtbot.mouseClick(page.adjudicate_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.adjudication is None)  # the vote runs in a worker

    gold = {g.ref for g in Gold(agreement_project).spans(first)}
    assert gold == expected_majority_gold(agreement_project, first)
    assert gold, "the fixture's annotators agree on most words"
    assert page.view is not None and page.view.gold_list.count() == len(gold)
    assert changes and first in changes[-1].gold
    total = sum(len(expected_majority_gold(agreement_project, a.id))
                for a in agreement_project.article_summaries())
    assert f"{total} span(s) accepted into gold" in page.summary.text()


def test_choosing_another_article_shows_its_text_and_keeps_undo_separate(
        qtbot, agreement_project: Project) -> None:
    page = make_page(qtbot, agreement_project, [])
    second = agreement_project.article_summaries()[1]
    page.article_choice.setCurrentIndex(1)
    assert page.view is not None and page.view.article_id == second.id
    assert page.view.article_view.toPlainText().replace("\u2029", "\n") == agreement_project.document(
        second.id).text
    first_stack = page.undo_stacks[agreement_project.article_summaries()[0].id]
    assert first_stack is not page.undo_stacks[second.id]


def test_curated_status_appears_in_the_article_chooser(qtbot, agreement_project: Project) -> None:
    page = make_page(qtbot, agreement_project, [])
    first = agreement_project.article_summaries()[0].id
    changes = Gold(agreement_project).set_status(first, GoldStatus.CURATED)
    page.apply_changes(changes)
    assert page.article_choice.itemText(0).endswith("curated")
