"""A project of the five seed articles with three annotators' spans, imported from a JSONL file the
fixture writes (status done), for the agreement dashboard and comparison view tests."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from annotator.operations.import_corpus import import_paths
from annotator.store import Project

ANNOTATORS = ("ali", "omar", "sara")
LABELS = ("actor", "mediator", "demand", "denial")
EMPTY_ARTICLE = 4  # all three annotators finished the fifth seed article without marking anything


def word_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of every Arabic word of at least three letters."""
    return [m.span() for m in re.finditer(r"[\u0621-\u064A]{3,}", text)]


def spans_for(text: str, article: int, annotator: int) -> list[dict]:
    """Spans that agree on most words and differ in a few, differently per article and annotator.

    Everyone marks words 10, 20, … with the label cycling; annotator 1 gives every third one another
    label, annotator 2 stretches every fourth one over the next word and leaves out every fifth one;
    each annotator also marks one word nobody else does.
    """
    words = word_spans(text)
    out = []
    for n, k in enumerate(range(10 + article, len(words) - 2, 10)):
        start, end = words[k]
        label = LABELS[(n + article) % len(LABELS)]
        if annotator == 1 and n % 3 == 0:
            label = LABELS[(n + article + 1) % len(LABELS)]
        if annotator == 2 and n % 4 == 1:
            end = words[k + 1][1]
        if annotator == 2 and n % 5 == 2:
            continue
        out.append({"start": start, "end": end, "label": label})
    own = words[15 + 3 * annotator + article]
    out.append({"start": own[0], "end": own[1], "label": LABELS[annotator]})
    return out


@pytest.fixture
def agreement_project(project: Project, tmp_path: Path) -> Project:
    """The seed project plus ali, omar and sara's spans on every article (all `done`)."""
    lines = []
    for number, document in enumerate(project.documents()):
        for index, name in enumerate(ANNOTATORS):
            spans = [] if number == EMPTY_ARTICLE else spans_for(document.text, number, index)
            lines.append(json.dumps({"text": document.text, "annotator": name, "status": "done",
                                     "spans": spans}, ensure_ascii=False))
    source = tmp_path / "three-annotators.jsonl"
    source.write_text("\n".join(lines) + "\n", encoding="utf-8")
    import_paths(project, [source])
    return project


@pytest.fixture(autouse=True, scope="session")
def english_plural_forms(qapp):
    """The window as an English user sees it: English's own plural forms ("1 span", "2 spans")."""
    from annotator.ui.shell.app import install_language

    install_language(qapp, "en")
