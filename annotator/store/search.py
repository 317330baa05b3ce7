"""Arabic-aware corpus search: the FTS5 index over every article's normalised text, and its queries.

The index (table ``document_search``, schema v5) holds ``normalised_text(text)`` of each article,
tokenised into trigrams, so a query matches inside words: Arabic attaches clitics (و، ب، ل، ال…),
and "المتحدة" must find "والمتحدة". The index only narrows the articles to look at; every hit is
confirmed with ``instr`` on the stored normalised text, so results are exact substring matches of the
normalised needle in the normalised article.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from typing import TYPE_CHECKING

from annotator.core.normalise import normalised_text

if TYPE_CHECKING:
    from annotator.store.repository import Project

# The trigram tokenizer cannot look up fewer than three characters; shorter needles scan the stored
# normalised texts with instr() instead (~0.15 s over 10,000 articles of 3 kB, and a one- or
# two-letter Arabic needle matches most articles anyway, so an index would not narrow much).
MIN_INDEXED_CHARS = 3


def index_articles(conn: sqlite3.Connection, articles: Iterable[tuple[str, str]]) -> None:
    """Add (article id, original text) pairs to the search index, inside the caller's transaction.

    Every place that inserts into ``documents`` calls this in the same transaction, so the index
    never lags the articles (articles are never edited or deleted, so inserts are all it needs).
    """
    conn.executemany(
        "INSERT INTO document_search (document_id, text) VALUES (?, ?)",
        ((document_id, normalised_text(text)) for document_id, text in articles),
    )


def rebuild_index(conn: sqlite3.Connection) -> None:
    """Empty the search index and fill it again from every stored article (migration and repair)."""
    conn.execute("DELETE FROM document_search")
    index_articles(conn, conn.execute("SELECT id, text FROM documents ORDER BY position, id").fetchall())


def fts_query(needle: str) -> str:
    """An FTS5 MATCH expression that every text containing ``needle`` satisfies (needs ≥ 3 characters).

    The index is built with ``detail=none`` (no positions: 40 % smaller and quicker to build), which
    FTS5 cannot run phrase queries on, so the needle becomes an AND of its distinct trigrams, each one
    a quoted string: quotes are doubled, so ``"``, ``*``, ``AND``, ``(``, ``-`` are plain text, never
    FTS syntax. The AND may also match texts holding the trigrams apart; callers confirm with instr().
    """
    trigrams = dict.fromkeys(needle[i:i + 3] for i in range(len(needle) - 2))
    return " AND ".join('"' + trigram.replace('"', '""') + '"' for trigram in trigrams)


def candidate_filter(needle: str) -> tuple[str, tuple[str, ...]]:
    """SQL condition on ``document_search s``, with its parameters: true exactly when s.text holds needle."""
    if len(needle) >= MIN_INDEXED_CHARS:
        return "document_search MATCH ? AND instr(s.text, ?) > 0", (fts_query(needle), needle)
    return "instr(s.text, ?) > 0", (needle,)


def documents_containing(project: Project, needle: str) -> list[str]:
    """Ids of the articles whose normalised text contains ``needle``, in article (corpus) order.

    ``needle`` must already be normalised with ``annotator.core.normalise.normalised_text``; the
    match is an exact substring test on the normalised texts (so it finds the needle inside longer
    words too). An empty needle finds nothing.
    """
    if not needle:
        return []
    condition, params = candidate_filter(needle)
    rows = project._query(
        "SELECT d.id FROM document_search s JOIN documents d ON d.id = s.document_id "
        f"WHERE {condition} ORDER BY d.position, d.id",
        params,
    )
    return [row[0] for row in rows]
