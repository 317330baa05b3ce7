"""The article list's rows, read a page at a time so that a list of a million articles costs only what
is on screen.

Every query walks the ``documents_listing`` index (position, id, title, source, length, metadata) and
never the texts; statuses and span counts are read for the rows of one page only. A filter (an
annotator's status, their assignment, a text in the title or metadata, a metadata key's value) is a
WHERE clause over the same index, and a sort by a metadata key an ORDER BY over it, so counting, paging
and finding an article's row agree by construction.

A metadata value is compared and shown in its text spelling (``core.agreement.groups.meta_value``: text
as it is, numbers, true, false as JSON writes them). The text filter ignores the case of Latin letters
only (as SQLite's ``lower``) and matches metadata values, not their keys.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass

from annotator.core.model import Status
from annotator.store.repository import Project

_ANNOTATOR = "(SELECT id FROM annotators WHERE name = ?)"
# a json_each row's value in its text spelling (as core.agreement.groups.meta_value writes it)
_VALUE_TEXT = ("CASE type WHEN 'true' THEN 'true' WHEN 'false' THEN 'false' WHEN 'null' THEN NULL "
               "ELSE CAST(value AS TEXT) END")
_ASCII_LOWER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")


def ascii_lower(text: str) -> str:
    """``text`` with Latin capitals in lower case and nothing else changed, as SQLite's ``lower``."""
    return text.translate(_ASCII_LOWER)


def _key_value(key: str) -> tuple[str, list]:
    """SQL for the value of metadata ``key`` in a row (NULL when it has none; numbers before text, as
    SQLite orders them), and its parameters.

    ``json_extract`` with the key as a quoted path is ~4× faster than walking ``json_each``; a key the
    path syntax cannot quote (a double quote or backslash in it) is looked up by walking.
    """
    if '"' in key or "\\" in key:
        return "(SELECT value FROM json_each(meta) WHERE key = ?)", [key]
    return "json_extract(meta, ?)", [f'$."{key}"']


def _key_value_text(key: str) -> tuple[str, list]:
    """SQL for the text spelling of metadata ``key``'s value in a row, and its parameters."""
    value, params = _key_value(key)
    if params[0] == key:
        return f"(SELECT {_VALUE_TEXT} FROM json_each(meta) WHERE key = ?)", [key]
    return (f"CASE json_type(meta, ?) WHEN 'true' THEN 'true' WHEN 'false' THEN 'false' "
            f"ELSE CAST({value} AS TEXT) END", [params[0], *params])


@dataclass(frozen=True)
class ListingFilter:
    """Which articles the list shows, for whom.

    ``status`` keeps only articles the annotator has at that status (``new`` includes never opened);
    ``assigned_only`` keeps only their assigned articles; ``text`` only those whose title or a metadata
    value contains it; ``meta`` = (key, value) only those whose metadata ``key`` has that value;
    ``pinned`` is shown whatever the filter says (the open article, so that marking it done under "Only
    new" does not pull it from under the cursor). ``sort_key`` lists by that metadata key's value
    (articles without it last), else in corpus order.
    """

    annotator: str
    status: Status | None = None
    assigned_only: bool = False
    pinned: str | None = None
    text: str = ""
    meta: tuple[str, str] | None = None
    sort_key: str | None = None
    keys: tuple[str, ...] = ()  # the metadata keys the list knows of: only make the text filter faster

    def narrowed(self) -> bool:
        """Whether the filter may leave articles out (else every article is listed)."""
        return bool(self.status is not None or self.assigned_only or self.text.strip() or self.meta)


@dataclass(frozen=True)
class ArticleEntry:
    """One row of the article list: what its entry shows."""

    id: str
    title: str
    length: int
    status: Status
    spans: int
    meta: dict | None = None  # the article's metadata (date, outlet, any imported column)


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
    needle = ascii_lower(listing.text.strip())
    if needle:
        # the metadata as stored (values unescaped: written with ensure_ascii=False) is searched first,
        # in one pass; only an article found there has its values walked, so that a key's name ("date")
        # is not taken for a value. A needle JSON would escape is looked for by walking alone.
        # The names of the known keys that contain the needle ("date" in "date") are taken out of the
        # stored text first, else the quick search finds every article and all of them are walked.
        escaped = any(c in needle for c in '"\\') or not needle.isprintable()
        stored, stored_params = "lower(meta)", []
        for key in listing.keys if not escaped else ():
            spelled = ascii_lower(json.dumps(key, ensure_ascii=False)) + ":"
            if needle in spelled:
                stored, stored_params = f"replace({stored}, ?, '')", [*stored_params, spelled]
        quick = "" if escaped else f"instr({stored}, ?) AND "
        conditions.append(f"(instr(lower(title), ?) OR ({quick}EXISTS (SELECT 1 FROM json_each(meta) "
                          f"WHERE instr(lower({_VALUE_TEXT}), ?))))")
        params += [needle, needle] if escaped else [needle, *stored_params, needle, needle]
    if listing.meta is not None:
        key, wanted = listing.meta
        value, value_params = _key_value_text(key)
        conditions.append(f"{value} = ?")
        params += [*value_params, wanted]
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


def listing_count(project: Project, listing: ListingFilter, total: int | None = None) -> int:
    """How many articles the list shows under ``listing``; ``total``, the project's article count when
    the caller has it, spares counting them again (50–150 ms at a million)."""
    condition, params = _condition(listing)
    if total is None and (condition == "1" or listing.status is Status.NEW):
        total = project.document_count()
    if condition == "1":
        return total
    if listing.status is Status.NEW and not (listing.assigned_only or listing.meta or listing.text.strip()):
        # every article but the annotator's started ones: two short counts instead of probing a million
        # rows against the started list (240-450 ms with 5,000 started of 1,000,000)
        started = project.db.execute(
            f"SELECT COUNT(*), SUM(document_id = ?) FROM statuses WHERE annotator_id = {_ANNOTATOR} "
            "AND status != 'new'", [listing.pinned, listing.annotator]).fetchone()
        return total - started[0] + (started[1] or 0)
    sql = f"SELECT COUNT(*) FROM {_source(listing)} WHERE {condition}"
    return project.db.execute(sql, params).fetchone()[0]


def listing_page(project: Project, listing: ListingFilter, offset: int, limit: int,
                 rows_in_all: int | None = None) -> list[ArticleEntry]:
    """Rows ``offset`` … ``offset + limit - 1`` of the list, in corpus order.

    Given ``rows_in_all`` (the listing's count), a page in the second half is read from the end, so the
    last screen of a million costs what the first does (the End key: 285 ms under "Only new" otherwise).
    """
    condition, params = _condition(listing)
    source = _source(listing)
    if listing.sort_key is None:  # the index's own order: no sort at all
        select = f"SELECT id, title, length(text), meta FROM {source} WHERE {condition}"
        select_params = params
        order, backwards = "position, id", "position DESC, id DESC"
    else:  # the sort value computed once a row, in the inner query (not twice by the ORDER BY)
        value, value_params = _key_value(listing.sort_key)
        select = (f"SELECT id, title, size, meta FROM (SELECT id, title, length(text) AS size, meta, "
                  f"position, {value} AS v FROM {source} WHERE {condition})")
        select_params = [*value_params, *params]
        order, backwards = "v IS NULL, v, position, id", "v IS NULL DESC, v DESC, position DESC, id DESC"
    if rows_in_all is not None and offset > rows_in_all // 2:
        from_end = max(rows_in_all - offset - limit, 0)
        wanted = min(limit, rows_in_all - offset)
        if wanted <= 0:  # past the end (SQLite reads a negative LIMIT as none at all)
            return []
        rows = project.db.execute(f"{select} ORDER BY {backwards} LIMIT ? OFFSET ?",
                                  [*select_params, wanted, from_end]).fetchall()[::-1]
    else:
        rows = project.db.execute(f"{select} ORDER BY {order} LIMIT ? OFFSET ?",
                                  [*select_params, limit, offset]).fetchall()
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
                         counts.get(doc_id, 0), json.loads(meta))
            for doc_id, title, length, meta in rows]


def listing_row(project: Project, listing: ListingFilter, document_id: str) -> int | None:
    """The row of ``document_id`` in the list, or ``None`` when the filter leaves it out (or it is gone)."""
    condition, params = _condition(listing)
    shown = project.db.execute(f"SELECT 1 FROM documents WHERE id = ? AND {condition}",
                               [document_id, *params]).fetchone()
    if shown is None:
        return None
    # the rows before it in the list's order: a walk of the index up to it, never of the texts
    if listing.sort_key is None:
        return project.db.execute(
            f"SELECT COUNT(*) FROM {_source(listing)} WHERE {condition} "
            "AND (position, id) < (SELECT position, id FROM documents WHERE id = ?)",
            [*params, document_id]).fetchone()[0]
    # (no value, value, position, id) below the article's: a walk of the rows, the sort value of each
    value, value_params = _key_value(listing.sort_key)
    rows = f"SELECT {value} AS v, position, id FROM {_source(listing)} WHERE {condition}"
    return project.db.execute(
        f"SELECT COUNT(*) FROM ({rows}) WHERE (v IS NULL, coalesce(v, ''), position, id) < "
        f"(SELECT v IS NULL, coalesce(v, ''), position, id FROM (SELECT {value} AS v, position, id "
        "FROM documents WHERE id = ?))",
        [*value_params, *params, *value_params, document_id]).fetchone()[0]


KEYS_SAMPLE = 5_000  # articles read at each end of a larger corpus for its metadata keys


def metadata_keys(project: Project) -> list[str]:
    """The metadata keys of the articles, sorted (what the list offers to filter and sort by).

    Read when the window opens, so a corpus of more than twice ``KEYS_SAMPLE`` articles gives the keys of
    its first and last ``KEYS_SAMPLE`` (an import of a table appends its columns' keys at the end): every
    article's keys cost 0.1 s at 100,000 articles and 1 s at a million, a sample ~10 ms.
    """
    if project.document_count() <= 2 * KEYS_SAMPLE:
        return [key for (key,) in project.db.execute(
            "SELECT DISTINCT key FROM documents INDEXED BY documents_listing, json_each(documents.meta) "
            "ORDER BY key")]
    ends = ("SELECT meta FROM (SELECT meta FROM documents INDEXED BY documents_listing "
            "ORDER BY position {order}, id {order} LIMIT ?)")
    return [key for (key,) in project.db.execute(
        f"SELECT DISTINCT key FROM ({ends.format(order='')} UNION ALL {ends.format(order='DESC')}) AS m, "
        "json_each(m.meta) ORDER BY key", [KEYS_SAMPLE, KEYS_SAMPLE])]


def metadata_values(project: Project, key: str, limit: int = 500) -> list[str]:
    """The values of ``key`` across the articles, most frequent first (at most ``limit``)."""
    return [value for (value,) in project.db.execute(
        f"SELECT v FROM (SELECT {_VALUE_TEXT} AS v FROM documents INDEXED BY documents_listing, "
        "json_each(documents.meta) WHERE key = ?) "
        "WHERE v IS NOT NULL AND v != '' GROUP BY v ORDER BY COUNT(*) DESC, v LIMIT ?", [key, limit])]


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
    if assigned_to is not None and project.has_assignment():
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


def metadata_by_article(project: Project, key: str) -> dict[str, object]:
    """Article id → its value of metadata ``key`` as JSON read it (true stays True), for the articles
    that have the key: what splitting agreement by ``key`` needs, read from the listing index."""
    values: dict[str, object] = {}
    for doc_id, value, kind in project.db.execute(
            "SELECT documents.id, value, type FROM documents INDEXED BY documents_listing, "
            "json_each(documents.meta) WHERE key = ?", [key]):
        if kind in ("true", "false"):
            value = kind == "true"
        elif kind in ("object", "array"):
            value = json.loads(value)
        values[doc_id] = value
    return values
