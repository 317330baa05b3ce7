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
