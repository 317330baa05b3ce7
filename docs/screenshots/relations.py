"""Regenerate relations.png: arcs over seed 000's right-to-left text, nested spans, lines that wrap.

Run: QT_QPA_PLATFORM=offscreen .venv/bin/python docs/screenshots/relations.py
"""

from __future__ import annotations

from pathlib import Path

from scene import save, seed_window  # docs/screenshots/scene.py

from annotator.store import Project
from annotator.store.coding import Coding
from annotator.ui.shell.app import create_application

HERE = Path(__file__).resolve().parent
SPANS = {  # name: (words, label, which occurrence)
    "mediators": ("الوسطاء الغربيين", "actor", 0),
    "mediator": ("الوسطاء", "mediator", 0),
    "demand": ("إقناع إيران والولايات المتحدة بالتعاون", "demand", 0),
    "iran": ("إيران", "actor", 1),
    "usa": ("الولايات المتحدة", "actor", 1),
    "trump": ("الرئيس الأمريكي دونالد ترامب", "actor", 0),
    "withdraw": ("إخراج واشنطن من أطول حرب", "demand", 0),
}
RELATIONS = [("mediators", "demand", "claims"), ("demand", "iran", "addressed_to"),
             ("demand", "usa", "addressed_to"), ("mediator", "iran", "mediates"),
             ("trump", "withdraw", "claims")]


def add_relations(project: Project) -> None:
    """SPANS and RELATIONS on seed 000, as sara."""
    document = project.documents()[0]
    ids = {}
    for name, (words, label, nth) in SPANS.items():
        start = -1
        for _ in range(nth + 1):
            start = document.text.index(words, start + 1)
        ids[name] = project.add_span(document.id, "sara", start, start + len(words), label).id
    coding = Coding(project)
    for head, child, relation_type in RELATIONS:
        coding.add_relation(ids[head], ids[child], relation_type)


def main() -> None:
    create_application()
    with seed_window(1280, 800, add_relations) as (project, window):
        document = project.documents()[0]
        page = window.page
        page.select_relation(page.relations[0].id)
        view = page.article_view
        for _ in range(3):  # the room above the lines grows to what the most crowded line needs
            save(window, HERE / "relations.png")
        paragraph = document.text.index("قالت ثلاثة")
        bar = view.verticalScrollBar()
        bar.setValue(bar.value() + view.cursorRect(view.cursor_for(paragraph, paragraph)).top() - 80)
        save(window, HERE / "relations.png")


if __name__ == "__main__":
    main()
