"""The gold side of a merge: reading curators' gold from a project file and writing the settled gold.

Two reviewers who split the curation of a corpus each hold part of the gold; merging their project
files brings it together. Gold is read only from project files (JSONL and packs carry annotators' work,
not gold), matched by article text hash and label name, and settled by ``core.merging.settle_gold``.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable

from annotator.core.merging import GoldWork
from annotator.core.model import GoldStatus, SpanRef
from annotator.store.gold_structure_rows import restore_by_position, rows_by_position

_GOLD_SPANS = ("SELECT g.document_id, g.start, g.end, l.name, g.decided_by, g.decided_at, g.origin "
               "FROM gold_spans g JOIN labels l ON l.id = g.label_id")
_REJECTIONS = ("SELECT r.document_id, r.start, r.end, l.name, r.decided_by, r.decided_at "
               "FROM gold_rejections r JOIN labels l ON l.id = r.label_id")
_STATUSES = "SELECT document_id, status, updated_at FROM gold_statuses"


def read_gold(conn: sqlite3.Connection, tables: set[str],
              article_ids: Iterable[str] | None = None) -> dict[str, GoldWork]:
    """Article id → its gold, for articles with any gold span, rejection or gold status.

    ``article_ids`` limits the reading to those articles (the project's side of a merge).
    """
    if "gold_spans" not in tables:  # a version-1 file: no adjudication yet
        return {}
    wanted = None if article_ids is None else set(article_ids)
    spans: dict[str, dict] = {}
    rejections: dict[str, dict] = {}
    statuses: dict[str, tuple[str, str]] = {}
    for doc, start, end, label, by, at, origin in conn.execute(_GOLD_SPANS):
        if wanted is None or doc in wanted:
            spans.setdefault(doc, {})[SpanRef(start, end, label)] = (by, at, origin)
    if "gold_rejections" in tables:
        for doc, start, end, label, by, at in conn.execute(_REJECTIONS):
            if wanted is None or doc in wanted:
                rejections.setdefault(doc, {})[SpanRef(start, end, label)] = (by, at)
    for doc, status, updated_at in conn.execute(_STATUSES):
        if wanted is None or doc in wanted:
            statuses[doc] = (status, updated_at)
    gold = {}
    for doc in spans.keys() | rejections.keys() | statuses.keys():
        status, updated_at = statuses.get(doc, (GoldStatus.IN_PROGRESS.value, None))
        if updated_at is None:  # decisions without a status row: only in files edited by hand
            times = [d[1] for d in (*spans.get(doc, {}).values(), *rejections.get(doc, {}).values())]
            updated_at = max(times, default=None)
        gold[doc] = GoldWork(spans.get(doc, {}), rejections.get(doc, {}), GoldStatus(status), updated_at)
    return gold


def write_gold(conn: sqlite3.Connection, changed: dict[str, GoldWork], now: str) -> None:
    """Replace the gold of each article in ``changed`` by its settled gold (in the merge's transaction)."""
    label_ids = dict(conn.execute("SELECT name, id FROM labels"))
    for doc, work in changed.items():
        # gold relations and attribute values are not merged (yet): the project's own stay on the spans
        # that are gold after the merge too
        structure = rows_by_position(conn, doc)
        conn.execute("DELETE FROM gold_spans WHERE document_id = ?", (doc,))
        conn.execute("DELETE FROM gold_rejections WHERE document_id = ?", (doc,))
        conn.executemany(
            "INSERT INTO gold_spans (document_id, start, end, label_id, decided_by, decided_at, origin) "
            "VALUES (?, ?, ?, ?, ?, ?, ?)",
            [(doc, ref.start, ref.end, label_ids[ref.label], by, at, origin)
             for ref, (by, at, origin) in sorted(work.spans.items())])
        conn.executemany(
            "INSERT INTO gold_rejections (document_id, start, end, label_id, decided_by, decided_at) "
            "VALUES (?, ?, ?, ?, ?, ?)",
            [(doc, ref.start, ref.end, label_ids[ref.label], by, at)
             for ref, (by, at) in sorted(work.rejections.items())])
        conn.execute(
            "INSERT INTO gold_statuses (document_id, status, updated_at) VALUES (?, ?, ?) "
            "ON CONFLICT(document_id) DO UPDATE SET status = excluded.status, "
            "updated_at = excluded.updated_at",
            (doc, work.status.value, work.updated_at or now))
        restore_by_position(conn, doc, structure)
