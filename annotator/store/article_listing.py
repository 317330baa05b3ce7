"""The article list's rows, read a page at a time so that a list of a million articles costs only what
is on screen.

Every query walks the ``documents_listing`` index (position, id, title, source, length) and never the
texts; statuses and span counts are read for the rows of one page only. A filter (an annotator's status,
their assignment) is a WHERE clause over the same index, so counting, paging and finding an article's
row agree by construction.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from annotator.core.model import Status
from annotator.store.repository import Project

_ANNOTATOR = "(SELECT id FROM annotators WHERE name = ?)"


@dataclass(frozen=True)
class ListingFilter:
    """Which articles the list shows, for whom.

    ``status`` keeps only articles the annotator has at that status (``new`` includes never opened);
    ``assigned_only`` keeps only their assigned articles; ``pinned`` is shown whatever the filter says
    (the open article, so that marking it done under "Only new" does not pull it from under the cursor).
    """

    annotator: str
    status: Status | None = None
    assigned_only: bool = False
    pinned: str | None = None


@dataclass(frozen=True)
class ArticleEntry:
    """One row of the article list: what its entry shows."""

    id: str
    title: str
    length: int
    status: Status
    spans: int


def _condition(listing: ListingFilter) -> tuple[str, list]:
    """The SQL condition (``1`` when every article is shown) and its parameters for ``listing``."""
    conditions, params = [], []
    if listing.status is Status.NEW:
        conditions.append(f"id NOT IN (SELECT document_id FROM statuses WHERE annotator_id = {_ANNOTATOR} "
                          "AND status != 'new')")
        params.append(listing.annotator)
    elif listing.status is not None:
        conditions.append(f"id IN (SELECT document_id FROM statuses WHERE annotator_id = {_ANNOTATOR} "
                          "AND status = ?)")
        params += [listing.annotator, listing.status.value]
    if listing.assigned_only:
        conditions.append(f"id IN (SELECT document_id FROM assignments WHERE annotator_id = {_ANNOTATOR})")
        params.append(listing.annotator)
    if not conditions:
        return "1", []
    clause = " AND ".join(conditions)
    if listing.pinned is not None:
        clause = f"({clause}) OR id = ?"
        params.append(listing.pinned)
    return f"({clause})", params


def _source(listing: ListingFilter) -> str:
    """The table to read: walked in list order by the listing index, unless the filter names a short
    list of articles (a stored status, an assignment), which SQLite then looks up one by one: counting
    the 5,000 done articles of a million takes 9 ms that way and 163 ms walking the index."""
    if listing.assigned_only or listing.status not in (None, Status.NEW):
        return "documents"
    return "documents INDEXED BY documents_listing"


def listing_count(project: Project, listing: ListingFilter) -> int:
    """How many articles the list shows under ``listing``."""
    condition, params = _condition(listing)
    if condition == "1":
        return project.document_count()
    if listing.status is Status.NEW and not listing.assigned_only:
        # every article but the annotator's started ones: two short counts instead of probing a million
        # rows against the started list (240-450 ms with 5,000 started of 1,000,000)
        started = project.db.execute(
            f"SELECT COUNT(*), SUM(document_id = ?) FROM statuses WHERE annotator_id = {_ANNOTATOR} "
            "AND status != 'new'", [listing.pinned, listing.annotator]).fetchone()
        return project.document_count() - started[0] + (started[1] or 0)
    sql = f"SELECT COUNT(*) FROM {_source(listing)} WHERE {condition}"
    return project.db.execute(sql, params).fetchone()[0]


def listing_page(project: Project, listing: ListingFilter, offset: int, limit: int,
                 rows_in_all: int | None = None) -> list[ArticleEntry]:
    """Rows ``offset`` … ``offset + limit - 1`` of the list, in corpus order.

    Given ``rows_in_all`` (the listing's count), a page in the second half is read from the end, so the
    last screen of a million costs what the first does (the End key: 285 ms under "Only new" otherwise).
    """
    condition, params = _condition(listing)
    select = f"SELECT id, title, length(text) FROM {_source(listing)} WHERE {condition}"
    if rows_in_all is not None and offset > rows_in_all // 2:
        from_end = max(rows_in_all - offset - limit, 0)
        wanted = min(limit, rows_in_all - offset)
        if wanted <= 0:  # past the end (SQLite reads a negative LIMIT as none at all)
            return []
        rows = project.db.execute(f"{select} ORDER BY position DESC, id DESC LIMIT ? OFFSET ?",
                                  [*params, wanted, from_end]).fetchall()[::-1]
    else:
        rows = project.db.execute(f"{select} ORDER BY position, id LIMIT ? OFFSET ?",
                                  [*params, limit, offset]).fetchall()
    if not rows:
        return []
    ids = [row[0] for row in rows]
    marks = ", ".join("?" * len(ids))
    statuses = dict(project.db.execute(
        f"SELECT document_id, status FROM statuses WHERE annotator_id = {_ANNOTATOR} "
        f"AND document_id IN ({marks})", [listing.annotator, *ids]).fetchall())
    counts = dict(project.db.execute(
        f"SELECT document_id, COUNT(*) FROM spans WHERE annotator_id = {_ANNOTATOR} "
        f"AND document_id IN ({marks}) GROUP BY document_id", [listing.annotator, *ids]).fetchall())
    return [ArticleEntry(doc_id, title, length, Status(statuses.get(doc_id, Status.NEW.value)),
                         counts.get(doc_id, 0))
            for doc_id, title, length in rows]


def listing_row(project: Project, listing: ListingFilter, document_id: str) -> int | None:
    """The row of ``document_id`` in the list, or ``None`` when the filter leaves it out (or it is gone)."""
    condition, params = _condition(listing)
    shown = project.db.execute(f"SELECT 1 FROM documents WHERE id = ? AND {condition}",
                               [document_id, *params]).fetchone()
    if shown is None:
        return None
    # the rows before it in the list's order: a walk of the index up to it, never of the texts
    return project.db.execute(
        f"SELECT COUNT(*) FROM {_source(listing)} WHERE {condition} "
        "AND (position, id) < (SELECT position, id FROM documents WHERE id = ?)",
        [*params, document_id]).fetchone()[0]


def has_assignment(project: Project) -> bool:
    """Whether the project carries an assignment at all (then the list offers "only mine")."""
    return project.db.execute("SELECT 1 FROM assignments LIMIT 1").fetchone() is not None


@dataclass(frozen=True)
class ListedArticle:
    """An article as ``annotator list`` prints it: id, title, length and every annotator's status."""

    id: str
    title: str
    length: int
    statuses: dict[str, str]  # annotator → status, by name


def iter_listed_articles(project: Project, assigned_to: str | None = None,
                         page_rows: int = 2_000) -> Iterator[ListedArticle]:
    """Every article in corpus order with its annotators' statuses, read a page at a time.

    With ``assigned_to``, only that annotator's assigned articles (all of them when the project has no
    assignment). Memory stays that of one page whatever the corpus: the pages follow one another by the
    listing index's key (position, id), never by an OFFSET that re-walks the rows before it.
    """
    condition, params = "1", []
    if assigned_to is not None and has_assignment(project):
        condition = f"id IN (SELECT document_id FROM assignments WHERE annotator_id = {_ANNOTATOR})"
        params = [assigned_to]
    after: tuple = ()
    while True:
        since = "AND (position, id) > (?, ?)" if after else ""
        rows = project.db.execute(
            "SELECT id, title, length(text), position FROM documents INDEXED BY documents_listing "
            f"WHERE {condition} {since} ORDER BY position, id LIMIT ?",
            [*params, *after, page_rows]).fetchall()
        if not rows:
            return
        ids = [row[0] for row in rows]
        statuses: dict[str, dict[str, str]] = {}
        for doc_id, name, status in project.db.execute(
                "SELECT st.document_id, a.name, st.status FROM statuses st "
                f"JOIN annotators a ON a.id = st.annotator_id WHERE st.document_id IN "
                f"({', '.join('?' * len(ids))}) ORDER BY a.name", ids):
            statuses.setdefault(doc_id, {})[name] = status
        for doc_id, title, length, _position in rows:
            yield ListedArticle(doc_id, title, length, statuses.get(doc_id, {}))
        after = (rows[-1][3], rows[-1][0])
