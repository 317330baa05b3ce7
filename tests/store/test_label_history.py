"""Deleting a label and bringing it back: every span, gold span and gold decision returns exactly."""

from __future__ import annotations

import pytest

from annotator.core.errors import InputError
from annotator.core.model import SpanRef
from annotator.store import Project
from annotator.store.gold import Gold
from annotator.store.label_history import delete_label, restore_label


def test_restore_brings_back_spans_gold_and_decisions_with_their_ids(project: Project):
    first, second = [d.id for d in project.documents()[:2]]
    project.add_span(first, "ali", 0, 4, "actor")
    project.add_span(second, "omar", 5, 9, "actor")
    project.add_span(second, "omar", 10, 14, "demand")
    gold = Gold(project)
    gold.accept(first, SpanRef(0, 4, "actor"), "rev")
    gold.reject(second, SpanRef(5, 9, "actor"), "rev")
    spans, labels = project.spans(), project.labels()
    gold_before = (gold.spans(first), gold.rejections(second))

    deleted = delete_label(project, "actor")
    assert [s.label for s in project.spans()] == ["demand"]
    assert gold.spans(first) == [] and gold.rejections(second) == []
    assert deleted.changes().documents == {first, second} and deleted.changes().gold == {first, second}

    restore_label(project, deleted)
    assert project.spans() == spans and project.labels() == labels
    assert (gold.spans(first), gold.rejections(second)) == gold_before


def test_restore_is_refused_when_the_name_was_taken_again(project: Project):
    deleted = delete_label(project, "denial")
    project.add_label("denial", "#000000")
    with pytest.raises(InputError, match="exists again"):
        restore_label(project, deleted)
    assert [label.name for label in project.labels()].count("denial") == 1


def test_restore_brings_back_the_labels_attributes_relation_ends_and_coding(project: Project):
    """Deleting 'demand' takes its attribute, its place in 'claims', the relations to its spans, their
    values and notes; undo (restore) brings every one back."""
    from annotator.core.structure import AttributeDefinition, AttributeKind
    from annotator.store.codebook import Codebook
    from annotator.store.coding import Coding

    book, coding = Codebook(project), Coding(project)
    book.add_attribute(AttributeDefinition("demand", "target", AttributeKind.CHOICE, ("غزة", "𝐀")))
    document = project.documents()[0].id
    actor = project.add_span(document, "ali", 0, 4, "actor")
    demand = project.add_span(document, "ali", 5, 9, "demand")
    relation, _ = coding.add_relation(actor.id, demand.id, "claims")
    coding.set_attribute(demand.id, "target", "𝐀")
    coding.set_span_note(demand.id, "مطلب غامض")
    def coded() -> tuple:
        return (book.relation_types(), book.attributes(), coding.relations(),
                coding.attribute_values(demand.id), coding.span_note(demand.id))

    before = coded()

    deleted = delete_label(project, "demand")
    assert coding.relations() == [] and book.attributes("demand") == []
    assert book.relation_type("claims").child_labels == ()
    restore_label(project, deleted)
    assert coded() == before
    assert deleted.changes().relations == {relation.id}
