"""Several spans in one user action (accept all suggestions, copy a passage's spans): all or nothing."""

from __future__ import annotations

import pytest

from annotator.core.errors import InputError
from annotator.store import Project


def test_add_spans_stores_all_and_skips_identical_ones(project: Project):
    first, second = [d.id for d in project.documents()[:2]]
    project.add_span(first, "ali", 0, 4, "actor")
    added = project.add_spans("ali", [(first, 0, 4, "actor"), (first, 5, 9, "demand"),
                                      (second, 2, 6, "actor"), (second, 2, 6, "actor")])
    assert sorted((s.document_id, s.start, s.end, s.label) for s in added) == sorted(
        [(first, 5, 9, "demand"), (second, 2, 6, "actor")])
    assert len(project.spans(first, "ali")) == 2 and len(project.spans(second, "ali")) == 1
    assert project.status(second, "ali").value == "in progress"


def test_a_bad_place_refuses_the_whole_call(project: Project):
    document = project.documents()[0]
    with pytest.raises(InputError, match="outside article"):
        project.add_spans("ali", [(document.id, 0, 4, "actor"), (document.id, 0, len(document.text) + 1,
                                                                   "actor")])
    assert project.spans() == []


def test_delete_then_restore_brings_back_the_same_rows(project: Project):
    document = project.documents()[0]
    added = project.add_spans("ali", [(document.id, 0, 4, "actor"), (document.id, 5, 9, "denial")])
    removed = project.delete_spans([s.id for s in added])
    assert project.spans() == []
    assert project.restore_spans(removed) == added == project.spans()
