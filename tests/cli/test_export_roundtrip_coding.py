"""JSONL export → import → export through two projects is byte-identical with structured coding:
relations, span attributes (text from a vocabulary, flag, choice), span and article notes, and article
codes (single, multiple, yes/no, short text), in Arabic with harakat and astral characters."""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from annotator.core.model import AnnotationSet, ArticleRecord, SpanRef, Status
from annotator.core.structure import (
    FLAG_YES,
    ArticleQuestion,
    AttributeDefinition,
    AttributeKind,
    QuestionKind,
    RelationRef,
    RelationType,
    StructuredCoding,
)
from annotator.operations.export import export_project
from annotator.operations.import_corpus import import_paths
from annotator.store import Project
from annotator.store.codebook import Codebook

ARABIC = "ابتثجحخدذرزسشصضطظعغفقكلمنهويءآأؤإئة" + "\u064e\u0650\u0651\u0652" + "ـ٠١٢"
ALPHABET = ARABIC * 3 + "   \n،.؟:«»-\"," + "😀𝐀\u200f\t"
LABELS = ["actor", "demand"]
CANONICAL = ("إيران", "𝐀𝐁", "Iran", "قطر😀")
TARGETS = ("غزة", "😀")
TOPICS = ("غزة", "إيران", "𝐀")
free_text = st.text(alphabet=ALPHABET, min_size=1, max_size=30).filter(lambda t: t.strip())


def codebook(project: Project) -> None:
    """Relation types any label may join, an attribute of each kind, a question of each kind."""
    book = Codebook(project)
    book.add_relation_type(RelationType("links", "#123456"))
    book.add_relation_type(RelationType("يرتبط", "#654321", directed=False))
    book.add_attribute(AttributeDefinition("actor", "canonical", AttributeKind.TEXT, CANONICAL))
    book.add_attribute(AttributeDefinition("actor", "negated", AttributeKind.FLAG))
    book.add_attribute(AttributeDefinition("demand", "target", AttributeKind.CHOICE, TARGETS))
    book.add_question(ArticleQuestion("stance", QuestionKind.SINGLE, ("مع", "ضد")))
    book.add_question(ArticleQuestion("topics", QuestionKind.MULTIPLE, TOPICS))
    book.add_question(ArticleQuestion("سري", QuestionKind.FLAG))
    book.add_question(ArticleQuestion("summary", QuestionKind.TEXT))


@st.composite
def coding(draw: st.DrawFn, spans: tuple[SpanRef, ...]) -> StructuredCoding:
    relations = set()
    if len(spans) >= 2:
        for head, child in draw(st.lists(st.tuples(st.sampled_from(spans), st.sampled_from(spans)),
                                         max_size=4)):
            if head != child:
                relations.add(RelationRef(head, child, draw(st.sampled_from(["links", "يرتبط"]))))
    attributes, notes = set(), set()
    for span in spans:
        if span.label == "actor":
            if draw(st.booleans()):
                attributes.add((span, "canonical", draw(st.sampled_from(CANONICAL))))
            if draw(st.booleans()):
                attributes.add((span, "negated", FLAG_YES))
        elif draw(st.booleans()):
            attributes.add((span, "target", draw(st.sampled_from(TARGETS))))
        if draw(st.booleans()):
            notes.add((span, draw(free_text)))
    codes = {}
    if draw(st.booleans()):
        codes["stance"] = (draw(st.sampled_from(["مع", "ضد"])),)
    topics = draw(st.lists(st.sampled_from(TOPICS), unique=True, max_size=3))
    if topics:
        codes["topics"] = tuple(topics)
    if draw(st.booleans()):
        codes["سري"] = (FLAG_YES,)
    if draw(st.booleans()):
        codes["summary"] = (draw(free_text),)
    note = draw(free_text) if draw(st.booleans()) else ""
    return StructuredCoding(frozenset(relations), frozenset(attributes), frozenset(notes), note,
                            frozenset(codes.items()))


@st.composite
def coded_corpora(draw: st.DrawFn) -> list[ArticleRecord]:
    texts = draw(st.lists(free_text, min_size=1, max_size=3, unique=True))
    records = []
    for n, text in enumerate(texts):
        annotations = []
        for name in draw(st.lists(st.sampled_from(["sara", "عمر"]), unique=True, min_size=1, max_size=2)):
            spans = tuple(draw(st.lists(
                st.tuples(st.integers(0, len(text) - 1), st.integers(1, 12), st.sampled_from(LABELS)).map(
                    lambda t, text=text: SpanRef(t[0], min(len(text), t[0] + t[1]), t[2])),
                max_size=5, unique=True)))
            annotations.append(AnnotationSet(name, spans, Status.IN_PROGRESS, coding=draw(coding(spans))))
        records.append(ArticleRecord(text, f"مقال {n}", id=f"a{n}", annotations=tuple(annotations)))
    return records


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(coded_corpora())
def test_jsonl_with_coding_exports_imports_and_exports_identically(records: list[ArticleRecord]) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        with Project.open(folder / "a.sqlite") as source:
            codebook(source)
            source.import_articles(records)
            export_project(source, "jsonl", folder / "first.jsonl")
        with Project.open(folder / "b.sqlite") as target:
            import_paths(target, [folder / "first.jsonl"], add_labels=True)
            export_project(target, "jsonl", folder / "second.jsonl")
        first = (folder / "first.jsonl").read_text(encoding="utf-8")
        assert (folder / "second.jsonl").read_text(encoding="utf-8") == first
        coded = [a.coding for r in records for a in r.annotations if a.coding]
        assert first.count('"head"') == sum(len(c.relations) for c in coded)
        assert first.count('"note"') == sum(len(c.span_notes) + bool(c.note) for c in coded)


def relations_by_article(project: Project) -> dict[tuple[str, str], set[RelationRef]]:
    codings = {(r.id, a.annotator): a.coding for r in project.export_records() for a in r.annotations}
    return {key: set(c.relations) for key, c in codings.items() if c and c.relations}


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(coded_corpora())
def test_label_studio_export_imports_back_with_the_same_relations(records: list[ArticleRecord]) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        with Project.open(folder / "a.sqlite") as source:
            codebook(source)
            source.import_articles(records)
            export_project(source, "label-studio", folder / "tasks.json")
            expected = relations_by_article(source)
        with Project.open(folder / "b.sqlite") as target:
            import_paths(target, [folder / "tasks.json"], add_labels=True)
            assert relations_by_article(target) == expected
