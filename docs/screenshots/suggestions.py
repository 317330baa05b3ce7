"""Regenerate suggestions.png: seed 000, «إيران» just tagged as actor, its other occurrences suggested
(one written with the conjunction: «وإيران»), and the bar offering them here and in the other articles.

Run: QT_QPA_PLATFORM=offscreen .venv/bin/python docs/screenshots/suggestions.py
"""

from __future__ import annotations

import time
from pathlib import Path

from PySide6.QtWidgets import QApplication
from scene import save, seed_window  # docs/screenshots/scene.py

from annotator.store import Project
from annotator.ui.shell.app import create_application

HERE = Path(__file__).resolve().parent
SPANS = [("ورفض البيت الأبيض التعليق", "denial"), ("البيت الأبيض", "actor"),
         ("أفغانستان", "actor")]


def add_spans(project: Project) -> None:
    """SPANS on seed 000, as sara."""
    document = project.documents()[0]
    for words, label in SPANS:
        start = document.text.index(words)
        project.add_span(document.id, "sara", start, start + len(words), label)


def render(out: Path) -> None:
    """Tag «إيران» in the first paragraph the way the annotator does, wait for the corpus count, save."""
    with seed_window(1280, 800, add_spans) as (project, window):
        document = project.documents()[0]
        page, view = window.page, window.page.article_view
        start = document.text.index("وتنفي إيران") + len("وتنفي ")
        view.select_range(start, start + 2)
        page.apply_label("actor")
        deadline = time.monotonic() + 10
        while page.suggestions_pending() and time.monotonic() < deadline:
            QApplication.processEvents()
            time.sleep(0.01)
        top = document.text.index("ورفض البيت")
        view.setTextCursor(view.cursor_for(top, top))
        view.verticalScrollBar().setValue(view.cursorRect().top() + view.verticalScrollBar().value() - 20)
        save(window, out)


def main() -> None:
    create_application()
    render(HERE / "suggestions.png")


if __name__ == "__main__":
    main()
