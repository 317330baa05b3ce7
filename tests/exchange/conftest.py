"""Exchanging structured coding through files: a project with one annotator's full coding to export."""

from __future__ import annotations

from pathlib import Path

import pytest

from annotator.core.model import ArticleRecord
from annotator.core.structure import (
    FLAG_YES,
    ArticleQuestion,
    AttributeDefinition,
    AttributeKind,
    QuestionKind,
)
from annotator.store import Project
from annotator.store.codebook import Codebook
from annotator.store.coding import Coding

# Arabic with an astral character before the spans: counting UTF-16 units or bytes moves every offset.
TEXT = "طالب وزير الخارجية 𝐀 إيران بوقف التصعيد، ونفت طهران ذلك."


def where(phrase: str) -> tuple[int, int]:
    start = TEXT.index(phrase)
    return start, start + len(phrase)


def coded_project(path: Path, annotator: str = "salma") -> Path:
    """Article a1 coded by ``annotator``: two relations, a flag and a text attribute, a span note, an
    article note and two article codes."""
    with Project.open(path) as project:
        project.import_articles([ArticleRecord(TEXT, "خبر 𝐀", id="a1", meta={"outlet": "الأهرام"})])
        codebook = Codebook(project)
        codebook.add_attribute(AttributeDefinition("actor", "canonical", AttributeKind.TEXT, ("Iran",)))
        codebook.add_attribute(AttributeDefinition("actor", "negated", AttributeKind.FLAG))
        codebook.add_question(ArticleQuestion("stance", QuestionKind.SINGLE, ("مؤيد", "معارض")))
        codebook.add_question(ArticleQuestion("secret", QuestionKind.FLAG))
        coding = Coding(project)
        minister = project.add_span("a1", annotator, *where("وزير الخارجية"), "actor")
        iran = project.add_span("a1", annotator, *where("إيران"), "actor")
        demand = project.add_span("a1", annotator, *where("بوقف التصعيد"), "demand")
        tehran = project.add_span("a1", annotator, *where("طهران"), "actor")
        denial = project.add_span("a1", annotator, *where("نفت"), "denial")
        coding.add_relation(minister.id, demand.id, "claims")
        coding.add_relation(tehran.id, denial.id, "denies")
        coding.set_attribute(iran.id, "canonical", "Iran")
        coding.set_attribute(tehran.id, "negated", FLAG_YES)
        coding.set_span_note(minister.id, "من هو؟ 𝐀")
        coding.set_article_note("a1", annotator, "خبر مترجم")
        coding.set_answer("a1", annotator, "stance", ["معارض"])
        coding.set_answer("a1", annotator, "secret", [FLAG_YES])
    return path


@pytest.fixture
def coded(tmp_path: Path) -> Path:
    """The path of a project holding ``coded_project``'s coding by salma."""
    return coded_project(tmp_path / "coded.sqlite")


@pytest.fixture
def spans_at():
    """``where`` for the tests: the offsets of a phrase of ``TEXT``."""
    return where
