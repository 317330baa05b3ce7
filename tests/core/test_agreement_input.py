"""Which articles and spans agreement counts: the rule applied to plain rows and through the store."""

from __future__ import annotations

from annotator.core.agreement.data import counted_articles
from annotator.core.model import SpanRef as S
from annotator.core.model import Status


def test_article_counts_with_two_done_annotators_and_keeps_only_theirs() -> None:
    articles = [("a", "A", "text one"), ("b", "B", "text two")]
    done = {"a": {"ali", "sara"}, "b": {"ali"}}
    spans = {("a", "ali"): [S(0, 4, "actor"), S(5, 8, "demand")], ("a", "omar"): [S(0, 4, "actor")],
             ("b", "ali"): [S(0, 4, "actor")]}
    data = counted_articles(articles, done, spans, ("actor", "demand"))
    assert [a.id for a in data.articles] == ["a"]
    assert data.articles[0].annotators == ("ali", "sara")
    assert data.articles[0].spans["sara"] == ()
    assert data.skipped == 1
    only_actor = counted_articles(articles, done, spans, ("actor",))
    assert only_actor.articles[0].spans["ali"] == (S(0, 4, "actor"),)
    assert counted_articles(articles, done, spans, ("actor",), annotators=("ali", "omar")).articles == ()


def test_store_counts_only_articles_two_annotators_have_done(project) -> None:
    docs = [a.id for a in project.article_summaries()]
    project.add_span(docs[0], "ali", 0, 4, "actor")
    project.add_span(docs[0], "sara", 0, 4, "actor")
    project.add_span(docs[0], "omar", 0, 4, "demand")
    project.add_span(docs[1], "ali", 0, 4, "actor")
    project.add_span(docs[1], "sara", 0, 4, "actor")
    for name in ("ali", "sara"):
        project.set_status(docs[0], name, Status.DONE)
    project.set_status(docs[0], "omar", Status.IN_PROGRESS)
    project.set_status(docs[1], "ali", Status.DONE)
    data = project.agreement_input()
    assert [a.id for a in data.articles] == [docs[0]]
    assert data.articles[0].annotators == ("ali", "sara")
    assert data.skipped == len(docs) - 1
    only_demand = project.agreement_input(labels=["demand"])
    assert only_demand.labels == ("demand",)
    assert all(not spans for spans in only_demand.articles[0].spans.values())
    assert project.agreement_input(annotators=["ali", "omar"]).articles == ()
