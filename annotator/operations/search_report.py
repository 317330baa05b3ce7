"""Corpus search results as the CLI prints them: text for people, JSON for scripts.

The JSON shape of ``result_to_json`` is part of the CLI contract (documented in the README):
extend it, never rename a key.
"""

from __future__ import annotations

from typing import Any

from annotator.core.search import SearchHit, SearchResult, normalise_query


def result_to_json(result: SearchResult, *, label: str | None = None, annotator: str | None = None,
                   offset: int = 0, limit: int | None = None) -> dict[str, Any]:
    """The result as plain JSON values: the query, the filters, the totals and one object per hit."""
    return {
        "query": result.query,
        "normalised": normalise_query(result.query),
        "label": label,
        "annotator": annotator,
        "total": result.total,
        "articles": result.articles,
        "offset": offset,
        "limit": limit,
        "hits": [_hit_to_json(hit) for hit in result.hits],
    }


def _hit_to_json(hit: SearchHit) -> dict[str, Any]:
    return {
        "article_id": hit.article_id,
        "title": hit.title,
        "start": hit.start,
        "end": hit.end,
        "text": hit.match,
        "before": hit.before,
        "after": hit.after,
        "label": hit.label,
        "annotator": hit.annotator,
        "span_start": hit.span_start,
        "span_end": hit.span_end,
    }


def result_to_text(result: SearchResult, *, label: str | None = None, offset: int = 0) -> str:
    """A heading with the totals, then each article's hits: offsets and the match in its context."""
    what = "span(s)" if label is not None or any(h.label for h in result.hits) else "match(es)"
    if result.counted:
        lines = [f"{result.total} {what} in {result.articles} article(s) for {result.query!r}"]
        if result.hits and (offset or len(result.hits) < result.total):
            lines[0] += f" (showing {offset + 1}–{offset + len(result.hits)})"
    elif result.hits:
        lines = [f"{what} {offset + 1}–{offset + len(result.hits)} for {result.query!r} (not counted)"]
    else:
        lines = [f"no {what} for {result.query!r}" + (f" after the first {offset}" if offset else "")]
    current = None
    for hit in result.hits:
        if hit.article_id != current:
            current = hit.article_id
            lines.append(f"{hit.article_id}\t{hit.title[:60]}")
        where = f"{hit.start}-{hit.end}"
        if hit.label is not None:
            where += f"\t{hit.label} {hit.span_start}-{hit.span_end} by {hit.annotator}"
        context = f"…{hit.before}[{hit.match}]{hit.after}…".replace("\n", " ")
        lines.append(f"  {where}\t{context}")
    return "\n".join(lines)
