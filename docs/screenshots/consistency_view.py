"""Regenerate consistency-view.png: the Consistency tab on the seeds, seed 000 beside seed 002.

sara coded the shared Reuters passage in both articles, not quite the same way; the first difference
is selected, so its place shows on both sides.
Run: QT_QPA_PLATFORM=offscreen .venv/bin/python docs/screenshots/consistency_view.py
"""

from __future__ import annotations

import time
from pathlib import Path

from PySide6.QtWidgets import QApplication
from scene import save, seed_window  # docs/screenshots/scene.py

from annotator.store import Project
from annotator.ui.shell.app import create_application

HERE = Path(__file__).resolve().parent
# (seed number, words, label, which occurrence)
SPANS = [
    ("000", "الوسطاء", "mediator", 1), ("002", "الوسطاء", "mediator", 0),
    ("000", "واشنطن وطهران", "actor", 0), ("002", "واشنطن وطهران", "actor", 0),
    ("000", "البيت الأبيض", "actor", 0), ("002", "البيت الأبيض", "denial", 0),
    ("000", "وتنفي إيران رسميا وجود أي محادثات سرية", "denial", 0),
    ("002", "وتنفي إيران رسميا وجود أي محادثات", "denial", 0),
    ("000", "تشجيع الطرفين على التحاور", "demand", 0),
]


def add_spans(project: Project, annotator: str) -> None:
    ids = {Path(d.source).name[:3]: d for d in project.documents()}
    for seed, words, label, nth in SPANS:
        text = ids[seed].text
        start = -1
        for _ in range(nth + 1):
            start = text.index(words, start + 1)
        project.add_span(ids[seed].id, annotator, start, start + len(words), label)


def render(out: Path) -> None:
    with seed_window(1400, 860, lambda project: add_spans(project, "sara")) as (_project, window):
        window.tabs.setCurrentWidget(window.consistency_tab)
        page = window.consistency_tab.page
        deadline = time.monotonic() + 30
        while page.report is None and time.monotonic() < deadline:
            QApplication.processEvents()
            time.sleep(0.02)
        page.difference_list.setCurrentItem(page.difference_list.topLevelItem(0))
        save(window, out, turns=10)


def main() -> None:
    create_application()
    render(HERE / "consistency-view.png")


if __name__ == "__main__":
    main()
