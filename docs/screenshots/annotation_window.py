"""Regenerate annotation-window.png: seed 000 with a span of each label (one nested in another).

Run: QT_QPA_PLATFORM=offscreen .venv/bin/python docs/screenshots/annotation_window.py
"""

from __future__ import annotations

from pathlib import Path

from scene import save, seed_window  # docs/screenshots/scene.py

from annotator.store import Project
from annotator.ui.shell.app import create_application

HERE = Path(__file__).resolve().parent
SPANS = [  # (words, label, which occurrence)
    ("الوسطاء الغربيين", "mediator", 0),
    ("إيران والولايات المتحدة", "actor", 1),
    ("يحاولون إقناع إيران والولايات المتحدة بالتعاون في تعزيز الأمن", "demand", 0),
    ("الرئيس الأمريكي دونالد ترامب", "actor", 0),
    ("دونالد ترامب", "actor", 0),
    ("إخراج واشنطن من أطول حرب تخوضها", "demand", 0),
    ("الوسطاء", "mediator", 1),
    ("واشنطن", "actor", 1),
    ("طهران", "actor", 0),
    ("البيت الأبيض", "actor", 0),
    ("ورفض البيت الأبيض التعليق", "denial", 0),
]


def add_spans(project: Project) -> None:
    """SPANS on seed 000, as sara."""
    document = project.documents()[0]
    for words, label, nth in SPANS:
        start = -1
        for _ in range(nth + 1):
            start = document.text.find(words, start + 1)
        if start >= 0:
            project.add_span(document.id, "sara", start, start + len(words), label)


def render(out: Path) -> None:
    """Seed 000 with SPANS, the mediator span selected, scrolled to the first paragraph, saved to ``out``.

    Uses the application as already set up (language, palette), so arabic_dark.py renders the same scene.
    """
    with seed_window(1280, 800, add_spans) as (project, window):
        document = project.documents()[0]
        window.page.select_span(next(s.id for s in window.page.spans if s.label == "mediator"))
        view = window.page.article_view
        view.select_range(document.text.index("قالت ثلاثة"), document.text.index("قالت ثلاثة"))
        view.verticalScrollBar().setValue(view.cursorRect().top() + view.verticalScrollBar().value() - 20)
        save(window, out)


def main() -> None:
    create_application()
    render(HERE / "annotation-window.png")


if __name__ == "__main__":
    main()
