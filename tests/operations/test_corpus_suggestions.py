"""Corpus-wide suggestions read through the search index equal a plain scan of every article."""

from __future__ import annotations

import pytest

from annotator.core.suggestions import suggest_in_articles
from annotator.operations.corpus_suggestions import candidate_articles, corpus_suggestions, open_places
from annotator.store import Project


@pytest.mark.parametrize("tagged", ["إيران", "طهران", "الولايات المتحدة", "الرئيس", "الحوثيين", "وزير"])
def test_the_index_narrowed_answer_equals_scanning_every_article(project: Project, tagged: str) -> None:
    documents = project.documents()
    first = documents[0]
    start = first.text.find(tagged)
    if start >= 0:  # the annotator's own span there rules that place out, in the store and in the scan
        project.add_span(first.id, "sara", start, start + len(tagged), "actor")
    found = corpus_suggestions(project, tagged, "actor", "sara")
    scanned = suggest_in_articles([(d.id, d.text) for d in documents], tagged, "actor", project.spans(),
                                  annotator="sara")
    assert found == scanned
    assert found  # every needle here occurs somewhere
    skipped = corpus_suggestions(project, tagged, "actor", "sara", skip_article=first.id)
    assert skipped == [s for s in scanned if s.article_id != first.id]


def test_a_rare_name_reads_only_the_articles_holding_it(project: Project) -> None:
    houthi = [d.id for d in project.documents() if "الحوثي" in d.text]
    assert candidate_articles(project, "الحوثيين") == houthi and len(houthi) < project.document_count()
    # «للحوثيين» (ل + الحوثيين) is suggested from the article's lam
    texts = [s.text for s in corpus_suggestions(project, "الحوثيين", "actor", "sara")]
    assert "لحوثيين" in texts and "الحوثيين" in texts


def test_places_tagged_since_the_offer_are_not_stored_again(project: Project) -> None:
    offered = corpus_suggestions(project, "طهران", "actor", "sara")
    first, second = offered[0], offered[-1]
    assert first.article_id != second.article_id
    # since the offer: an overlapping span with the label, and one with another label (does not count)
    project.add_span(first.article_id, "sara", first.start, first.end + 3, "actor")
    project.add_span(second.article_id, "sara", second.start, second.end, "denial")
    project.add_span(second.article_id, "omar", second.start, second.end, "actor")  # another annotator
    assert open_places(project, offered, "sara") == offered[1:]
