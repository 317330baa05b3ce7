"""Suggestions across the corpus: the other articles where a tagged string occurs, read from the store.

Runs in a worker thread (``annotator.ui.shell.workers``) with its own ``Project``: on a large corpus a common
name occurs in thousands of articles. Only the articles that can hold the string are read.
"""

from __future__ import annotations

from annotator.core.suggestions import Suggestion, needle_of, still_open, suggest_in_articles
from annotator.core.text import ARTICLE
from annotator.store import Project
from annotator.store.search import documents_containing


def candidate_articles(project: Project, tagged: str) -> list[str]:
    """Ids of the articles whose normalised text holds ``tagged`` somewhere, as a word or not (the
    search index answers; ``suggest`` then keeps the whole-word places)."""
    needle = needle_of(tagged)
    # a tagged «الولايات» is also suggested in «للولايات», which holds «لولايات» but not «الولايات»
    return documents_containing(project, needle[1:] if needle.startswith(ARTICLE) else needle)


def corpus_suggestions(project: Project, tagged: str, label: str, annotator: str, *,
                       skip_article: str | None = None) -> list[Suggestion]:
    """Every place in the project's articles (but ``skip_article``) to suggest ``label`` on.

    Places overlapping a span ``annotator`` already has with ``label`` are left out, as in
    ``annotator.core.suggestions.suggest``.
    """
    ids = [i for i in candidate_articles(project, tagged) if i != skip_article]
    if not ids:
        return []
    if len(ids) > 100:  # a common string: one read of every text and span beats queries per article
        wanted = set(ids)
        articles = [(i, text) for i, text in project.article_texts() if i in wanted]
        spans = project.spans(annotator=annotator)
    else:
        articles = [(i, project.document(i).text) for i in ids]
        spans = [s for i in ids for s in project.spans(i, annotator=annotator)]
    return suggest_in_articles(articles, tagged, label, [s for s in spans if s.label == label],
                               annotator=annotator)


def open_places(project: Project, places: list[Suggestion], annotator: str) -> list[Suggestion]:
    """The ``places`` still worth tagging: those not overlapping a span ``annotator`` now has with their
    label in their article (re-read from the store just before a corpus-wide acceptance stores them)."""
    ids = sorted({s.article_id for s in places})
    if len(ids) > 100:  # one read of every span beats a query per article
        spans = project.spans(annotator=annotator)
    else:
        spans = [s for i in ids for s in project.spans(i, annotator=annotator)]
    return still_open(places, spans, annotator=annotator)
