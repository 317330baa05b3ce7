"""Arabic-aware corpus search: the FTS5 index over every article's normalised text, and its queries.

Schema v5 stores ``normalised_text(text)`` of each article in ``search_texts`` and indexes it in the
FTS5 table ``document_search`` by trigrams, so a query matches inside words: Arabic attaches clitics
(و، ب، ل، ال…), and "المتحدة" must find "والمتحدة". The index only narrows the articles to look at;
every candidate is confirmed on its stored normalised text, so results are exact substring matches of
the normalised needle in the normalised article.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from typing import TYPE_CHECKING

from annotator.core.errors import NotFoundError
from annotator.core.normalise import NORMALISATION_VERSION, normalise, normalised_text
from annotator.core.search import SearchHit, SearchResult, find_occurrences, normalise_query, snippet

if TYPE_CHECKING:
    from annotator.store.repository import Project

# The trigram tokenizer cannot look up fewer than three characters; shorter needles scan the stored
# normalised texts instead (~50 ms with instr() over 10,000 articles of 3 kB; a one- or two-letter
# Arabic needle matches most articles anyway, so an index would not narrow much).
MIN_INDEXED_CHARS = 3
DEFAULT_LIMIT = 100  # hits listed per page; totals always cover the whole corpus


def index_articles(conn: sqlite3.Connection, articles: Iterable[tuple[str, str]]) -> None:
    """Add (article id, original text) pairs to the search index, inside the caller's transaction.

    Every place that inserts into ``documents`` calls this in the same transaction, so the index
    never lags the articles. Each text goes to the FTS5 index by a plain INSERT … VALUES: through a
    trigger, or INSERT … SELECT, FTS5 took four times as long (6.3 s against 1.5 s for 10,000 articles).
    """
    for document_id, text in articles:
        normalised = normalised_text(text)
        row_id = conn.execute("INSERT INTO search_texts (document_id, text) VALUES (?, ?)",
                              (document_id, normalised)).lastrowid
        conn.execute("INSERT INTO document_search (rowid, text) VALUES (?, ?)", (row_id, normalised))


def rebuild_index(conn: sqlite3.Connection) -> None:
    """Empty the search index and fill it again from every stored article (migration and repair).

    Records the normalisation rules' version it was built with (see ``index_is_current``).
    """
    conn.execute("DELETE FROM search_texts")
    index_articles(conn, conn.execute("SELECT id, text FROM documents ORDER BY position, id").fetchall())
    conn.execute("INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET "
                 "value = excluded.value", (INDEX_VERSION_KEY, str(NORMALISATION_VERSION)))


INDEX_VERSION_KEY = "search_normalisation_version"


def index_is_current(conn: sqlite3.Connection) -> bool:
    """Whether the stored normalised texts were made by today's normalisation rules.

    Queries normalise the needle (and map hits back) with the rules of the running version; an index
    built by other rules would silently miss or misplace hits, so ``open_database`` rebuilds it.
    """
    row = conn.execute("SELECT value FROM settings WHERE key = ?", (INDEX_VERSION_KEY,)).fetchone()
    return row is not None and row[0] == str(NORMALISATION_VERSION)


def fts_query(needle: str) -> str:
    """An FTS5 MATCH expression that every text containing ``needle`` satisfies (needs ≥ 3 characters).

    The index is built with ``detail=none`` (no positions: 40 % smaller and quicker to build), which
    FTS5 cannot run phrase queries on, so the needle becomes an AND of trigrams that tile it (every
    third one and the last: each AND term costs a posting-list merge, and overlapping ones narrow little
    more), each a quoted string: quotes are doubled, so ``"``, ``*``, ``AND``, ``(``, ``-`` are plain
    text, never FTS syntax. The AND may also match texts holding the trigrams apart; callers confirm.
    """
    starts = [*range(0, len(needle) - 2, 3), len(needle) - 3]
    trigrams = dict.fromkeys(needle[i:i + 3] for i in starts)
    return " AND ".join('"' + trigram.replace('"', '""') + '"' for trigram in trigrams)


def candidate_filter(needle: str) -> tuple[str, tuple[str, ...]]:
    """SQL condition on ``search_texts t`` (and its parameters): true for every text containing needle.

    The index narrows the rows for needles of three characters or more; shorter ones scan them all.
    Callers still confirm containment (instr or a count): the condition may let extra rows through.
    """
    if len(needle) >= MIN_INDEXED_CHARS:
        return ("t.id IN (SELECT rowid FROM document_search WHERE document_search MATCH ?)",
                (fts_query(needle),))
    return "1", ()


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
        "SELECT t.document_id FROM search_texts t JOIN documents d ON d.id = t.document_id "
        f"WHERE {condition} AND instr(t.text, ?) > 0 ORDER BY d.position, d.id",
        (*params, needle),
    )
    return [row[0] for row in rows]


def search(
    project: Project, query: str, *, label: str | None = None, annotator: str | None = None,
    limit: int = DEFAULT_LIMIT, offset: int = 0, totals: bool = True,
) -> SearchResult:
    """Occurrences of ``query`` (Arabic-normalised) over the corpus, in article order, with totals.

    Lists at most ``limit`` hits from the ``offset``-th on (a page); ``total`` and ``articles`` count
    the whole corpus. With ``label`` (and/or ``annotator``) it finds spans instead: every span of that
    label (by that annotator) whose text contains the query, one hit per span at its first occurrence.
    Positions are found only in the articles the index names, and only until the page is full.
    ``totals=False`` (text search) reads articles only until the page is full and leaves ``total`` and
    ``articles`` None: on a large archive the first page comes at once and the count can follow.
    """
    if label is not None:
        project.label(label)  # NotFoundError naming the label, rather than silently nothing
    if annotator is not None and annotator not in project.annotators():
        raise NotFoundError(f"there is no annotator named {annotator!r}")
    needle = normalise_query(query)
    if not needle:
        return SearchResult(query, (), 0, 0)
    if label is None and annotator is None:
        if not totals:
            return _first_page(project, query, needle, limit, offset)
        return _search_text(project, query, needle, limit, offset)
    if not totals:
        return _first_span_page(project, query, needle, label, annotator, limit, offset)
    return _search_spans(project, query, needle, label, annotator, limit, offset)


def _search_text(project: Project, query: str, needle: str, limit: int, offset: int) -> SearchResult:
    condition, params = candidate_filter(needle)
    # Occurrences are counted on the UTF-8 bytes (a UTF-8 needle cannot match mid-character) by a
    # Python function inside the query, so no text is decoded and the sort moves no text: ~85 ms when
    # all 10,000 articles of 3 kB match, where fetching the texts to count them takes twice that.
    # bytes.count counts non-overlapping matches, the ones find_occurrences() lists.
    project.db.conn.create_function("occurrences", 2, _occurrences, deterministic=True)
    rows = project._query(
        "SELECT t.document_id, d.title, occurrences(CAST(t.text AS BLOB), ?) FROM search_texts t "
        f"JOIN documents d ON d.id = t.document_id WHERE {condition} ORDER BY d.position, d.id",
        (needle.encode(), *params),
    )
    counted = [row for row in rows if row[2]]
    hits = _page(project, counted, needle, limit, offset)
    return SearchResult(query, tuple(hits), sum(c for _, _, c in counted), len(counted))


def _page(project: Project, rows: Iterable[tuple[str, str, int]], needle: str, limit: int,
          offset: int) -> list[SearchHit]:
    """The hits from the ``offset``-th on, at most ``limit``, of ``rows`` (article id, title, number of
    occurrences) in their order; stops reading ``rows`` once the page is full."""
    hits: list[SearchHit] = []
    skip = offset
    for article_id, title, count in rows:
        if len(hits) >= limit:
            break
        if not count:
            continue
        if skip >= count:
            skip -= count
            continue
        text = _article_text(project, article_id)
        for start, end in find_occurrences(text, needle)[skip:skip + limit - len(hits)]:
            hits.append(SearchHit(article_id, title, start, end, *snippet(text, start, end)))
        skip = 0
    return hits


def _first_page(project: Project, query: str, needle: str, limit: int, offset: int) -> SearchResult:
    """The page of text hits alone: candidates read in corpus order, one at a time, until it is full.

    Rows of ``search_texts`` are written in corpus order (every import appends articles at the end of
    the order and indexes them as it goes; a rebuild walks the articles in order), so its ids stream in
    corpus order with no sort over every candidate, and reading stops at the page's last hit.
    """
    condition, params = candidate_filter(needle)
    project.db.conn.create_function("occurrences", 2, _occurrences, deterministic=True)
    try:
        rows = project.db.conn.execute(
            "SELECT t.document_id, d.title, occurrences(CAST(t.text AS BLOB), ?) FROM search_texts t "
            f"JOIN documents d ON d.id = t.document_id WHERE {condition} ORDER BY t.id",
            (needle.encode(), *params),
        )
    except sqlite3.DatabaseError as exc:
        raise project._read_failed(exc) from exc
    try:
        hits = _page(project, rows, needle, limit, offset)
    except sqlite3.DatabaseError as exc:  # a damaged page met while reading on
        raise project._read_failed(exc) from exc
    finally:
        rows.close()
    return SearchResult(query, tuple(hits), None, None)


def _span_filter(needle: str, label: str | None, annotator: str | None, *,
                 indexed: bool = True) -> tuple[str, list]:
    """The WHERE condition over ``spans sp`` (with ``labels l``, ``annotators a``) for spans that may
    contain ``needle``, and its parameters; ``indexed=False`` leaves out the search index's narrowing
    to the articles that may hold the needle."""
    # Normalising only ever shortens a text, so a span shorter than the needle cannot contain it.
    where, params = ["sp.end - sp.start >= ?"], [len(needle)]
    if label is not None:
        where.append("l.name = ?")
        params.append(label)
    if annotator is not None:
        where.append("a.name = ?")
        params.append(annotator)
    if indexed and len(needle) >= MIN_INDEXED_CHARS:  # only articles the index names (then checked)
        where.append("sp.document_id IN (SELECT t.document_id FROM search_texts t WHERE t.id IN "
                     "(SELECT rowid FROM document_search WHERE document_search MATCH ?))")
        params.append(fts_query(needle))
    return " AND ".join(where), params


WHOLE_SPAN_SEARCH = 5_000  # spans of the label (and annotator) up to which the first page reads them all
SPAN_ROWS = ("SELECT d.position, sp.document_id, sp.start, sp.end, a.name, l.name, "
             "substr(d.text, sp.start + 1, sp.end - sp.start) FROM spans sp "
             "JOIN labels l ON l.id = sp.label_id JOIN annotators a ON a.id = sp.annotator_id "
             "JOIN documents d ON d.id = sp.document_id")


def _matching_spans(rows: list[tuple], needle: str) -> list[tuple]:
    """(article id, start, end, annotator, label) of the ``rows`` of SPAN_ROWS whose text holds needle."""
    # Every span's text normalised in ONE vectorised call (NUL, which no article holds, keeps them
    # apart): 26,000 spans in ~30 ms, where one call per span or per article takes seconds.
    span_texts = normalised_text("\x00".join(row[6] for row in rows)).split("\x00") if rows else []
    return [row[1:6] for row, span_text in zip(rows, span_texts, strict=True) if needle in span_text]


def _first_span_page(project: Project, query: str, needle: str, label: str | None, annotator: str | None,
                     limit: int, offset: int) -> SearchResult:
    """The page of span hits alone: spans read in corpus order, a batch at a time, until it is full.

    The window's first answer: with every actor span of 10,000 articles holding the needle, reading and
    checking all 26,000 of them for the totals takes ~150 ms; the page needs its first hundred. The
    totals are counted afterwards (``totals=True``)."""
    unindexed, unindexed_params = _span_filter(needle, label, annotator, indexed=False)
    candidates = project._query("SELECT COUNT(*) FROM spans sp JOIN labels l ON l.id = sp.label_id "
                                f"JOIN annotators a ON a.id = sp.annotator_id WHERE {unindexed}",
                                unindexed_params)[0][0]
    if candidates <= WHOLE_SPAN_SEARCH:  # few spans: all of them, with the totals, cost less than a walk
        return _search_spans(project, query, needle, label, annotator, limit, offset)
    condition, params = _span_filter(needle, label, annotator)
    try:
        # the articles walked in corpus order, each one's spans by its own index, so the rows come
        # sorted as they are read and reading stops when the page is full
        rows = project.db.conn.execute(
            "SELECT d.position, sp.document_id, sp.start, sp.end, a.name, l.name, "
            "substr(d.text, sp.start + 1, sp.end - sp.start) FROM documents d INDEXED BY documents_listing "
            "CROSS JOIN spans sp INDEXED BY spans_by_document ON sp.document_id = d.id "
            "JOIN labels l ON l.id = sp.label_id JOIN annotators a ON a.id = sp.annotator_id "
            f"WHERE {condition} ORDER BY d.position, d.id, sp.start, sp.end, a.name, l.name", params)
        matching: list[tuple] = []
        while len(matching) < offset + limit and (batch := rows.fetchmany(max(limit, 64))):
            matching += _matching_spans(batch, needle)
        rows.close()
    except sqlite3.DatabaseError as exc:
        raise project._read_failed(exc) from exc
    hits = _span_hits(project, matching[offset:offset + limit], needle)
    return SearchResult(query, tuple(hits), None, None)


def _search_spans(project: Project, query: str, needle: str, label: str | None, annotator: str | None,
                  limit: int, offset: int) -> SearchResult:
    condition, params = _span_filter(needle, label, annotator)
    # Sorted here rather than by SQLite, which would carry every span's text through its sorter.
    rows = sorted(project._query(f"{SPAN_ROWS} WHERE {condition}", params))
    matching = _matching_spans(rows, needle)
    hits = _span_hits(project, matching[offset:offset + limit], needle)
    return SearchResult(query, tuple(hits), len(matching), len({row[0] for row in matching}))


def _span_hits(project: Project, page: list[tuple], needle: str) -> list[SearchHit]:
    """The hits of ``page``'s spans: each at the needle's first occurrence inside the span."""
    hits: list[SearchHit] = []
    text_of: dict[str, tuple[str, str, tuple]] = {}
    for article_id, span_start, span_end, span_annotator, span_label in page:
        if article_id not in text_of:
            title, text = project._query("SELECT title, text FROM documents WHERE id = ?", (article_id,))[0]
            text_of[article_id] = (title, text, normalise(text))
        title, text, normalised = text_of[article_id]
        found = find_occurrences(text, needle, normalised=normalised, within=(span_start, span_end))
        start, end = found[0] if found else (span_start, span_end)
        hits.append(SearchHit(article_id, title, start, end, *snippet(text, start, end), label=span_label,
                              annotator=span_annotator, span_start=span_start, span_end=span_end))
    return hits


def _occurrences(text: bytes, needle: bytes) -> int:
    return text.count(needle)


def _article_text(project: Project, article_id: str) -> str:
    return project._query("SELECT text FROM documents WHERE id = ?", (article_id,))[0][0]
