"""A small project whose three annotators coded relations, attribute values and article answers, some
agreed and some not: shared by the store, command-line and Curate tests of gold structured coding.

After ``Gold.adjudicate()`` (majority: 2 of 3) gold holds:
  relations   claims IRAN→DEMAND (ali, sara); talks_with IRAN–QATAR (ali one way, sara the other)
  attributes  IRAN canonical = إيران (ali, sara; omar said قطر)
  answers     stance = for (ali, sara); topics = {gaza, talks} (ali and sara, in different orders)
and waits for the curator:
  relation    claims QATAR→DEMAND (omar only)
  attribute   QATAR canonical: قطر (ali) or الدوحة (sara)
  answer      tone: calm (ali) or angry (sara)
"""

from __future__ import annotations

from pathlib import Path

from annotator.core.model import AnnotationSet, ArticleRecord, SpanRef
from annotator.core.structure import (
    ArticleQuestion,
    AttributeDefinition,
    AttributeKind,
    QuestionKind,
    RelationRef,
    RelationType,
    StructuredCoding,
)
from annotator.store import Project
from annotator.store.codebook import Codebook

TEXT = "قالت إيران إن قطر تطالب بالحوار في الدوحة."


def ref(phrase: str, label: str) -> SpanRef:
    start = TEXT.index(phrase)
    return SpanRef(start, start + len(phrase), label)


IRAN, QATAR, DEMAND = ref("إيران", "actor"), ref("قطر", "actor"), ref("تطالب بالحوار", "demand")
CLAIMS = RelationRef(IRAN, DEMAND, "claims")
QATAR_CLAIMS = RelationRef(QATAR, DEMAND, "claims")
TALKS, TALKS_BACK = RelationRef(IRAN, QATAR, "talks_with"), RelationRef(QATAR, IRAN, "talks_with")


def coding(relations=(), attributes=(), codes=()) -> StructuredCoding:
    return StructuredCoding(relations=frozenset(relations), attributes=frozenset(attributes),
                            codes=frozenset(codes))


def build_coded_project(path: Path) -> Project:
    """Open (and return) a project at ``path`` holding the article and the three annotators' work."""
    project = Project.open(path)
    codebook = Codebook(project)
    codebook.add_relation_type(RelationType("talks_with", "#76b7b2", directed=False, head_labels=("actor",),
                                            child_labels=("actor",)))
    codebook.add_attribute(AttributeDefinition("actor", "canonical", AttributeKind.CHOICE,
                                               ("إيران", "قطر", "الدوحة")))
    codebook.add_question(ArticleQuestion("stance", QuestionKind.SINGLE, ("for", "against")))
    codebook.add_question(ArticleQuestion("topics", QuestionKind.MULTIPLE, ("gaza", "talks")))
    codebook.add_question(ArticleQuestion("tone", QuestionKind.SINGLE, ("calm", "angry")))
    spans = (IRAN, QATAR, DEMAND)
    work = {
        "ali": coding([CLAIMS, TALKS], [(IRAN, "canonical", "إيران"), (QATAR, "canonical", "قطر")],
                      [("stance", ("for",)), ("topics", ("gaza", "talks")), ("tone", ("calm",))]),
        "sara": coding([CLAIMS, TALKS_BACK], [(IRAN, "canonical", "إيران"), (QATAR, "canonical", "الدوحة")],
                       [("stance", ("for",)), ("topics", ("talks", "gaza")), ("tone", ("angry",))]),
        "omar": coding([QATAR_CLAIMS], [(IRAN, "canonical", "قطر")], [("stance", ("against",))]),
    }
    project.import_articles([ArticleRecord(TEXT, "حوار", id="a1", annotations=tuple(
        AnnotationSet(name, spans, coding=work[name]) for name in ("ali", "sara", "omar")))])
    return project
