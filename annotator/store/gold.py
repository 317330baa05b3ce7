"""Gold standard storage: gold spans, the curator's rejections and gold status, per article (gold
relations, attribute values and answers: ``store.gold_structure``, snapshotted and restored with them).

Every method that changes data is one transaction and returns what changed (``Changes.gold`` names the
articles), like the rest of the store. Undo works on whole-article snapshots: a command takes
``snapshot()`` before and after its edit and ``restore()``s one or the other, which gives back exactly
the rows (ids, who decided and when) that were there.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from annotator.core.agreement.data import AgreementInput, StructureCodebook, counted_articles
from annotator.core.errors import ChangedElsewhereError, InputError, NotFoundError
from annotator.core.model import GoldSpan, GoldStatus, SpanRef
from annotator.store.coding_rows import load_codings
from annotator.store.gold_structure_rows import (
    GoldStructureState,
    gold_codings,
    read_state,
    touch_gold,
    write_state,
)
from annotator.store.gold_vote import AUTO as AUTO
from annotator.store.gold_vote import AdjudicationSummary, vote
from annotator.store.repository import Changes, Project, utc_now

GOLD_RATER = "(gold)"  # gold's name among the raters of an agreement report; no annotator name has "()"


@dataclass(frozen=True)
class Rejection:
    """A candidate span the curator ruled out of gold."""

    document_id: str
    start: int
    end: int
    label: str
    decided_by: str
    decided_at: str

    @property
    def ref(self) -> SpanRef:
        return SpanRef(self.start, self.end, self.label)


@dataclass(frozen=True)
class GoldState:
    """Everything gold about one article, as stored: what undo puts back."""

    document_id: str
    spans: tuple[GoldSpan, ...]
    rejections: tuple[Rejection, ...]
    status: GoldStatus
    status_updated_at: str | None
    structure: GoldStructureState = field(default_factory=GoldStructureState)


_GOLD_COLUMNS = "g.id, g.document_id, g.start, g.end, l.name, g.decided_by, g.decided_at, g.origin"
_GOLD_FROM = "FROM gold_spans g JOIN labels l ON l.id = g.label_id"


class Gold:
    """The gold standard of one open ``Project``."""

    def __init__(self, project: Project) -> None:
        self.project = project

    def _query(self, sql: str, params: Iterable = ()) -> list[tuple]:
        return self.project.db.execute(sql, tuple(params)).fetchall()

    # -- reading ------------------------------------------------------------------------------

    def spans(self, document_id: str | None = None) -> list[GoldSpan]:
        """Gold spans ordered by article, start, end, label; optionally of one article."""
        clause, params = ("WHERE g.document_id = ?", (document_id,)) if document_id is not None else ("", ())
        rows = self._query(
            f"SELECT {_GOLD_COLUMNS} {_GOLD_FROM} {clause} ORDER BY g.document_id, g.start, g.end, l.name",
            params,
        )
        return [GoldSpan(*row) for row in rows]

    def span(self, gold_span_id: int) -> GoldSpan:
        rows = self._query(f"SELECT {_GOLD_COLUMNS} {_GOLD_FROM} WHERE g.id = ?", (gold_span_id,))
        if not rows:
            raise NotFoundError(f"there is no gold span with id {gold_span_id}")
        return GoldSpan(*rows[0])

    def rejections(self, document_id: str) -> list[Rejection]:
        rows = self._query(
            "SELECT r.document_id, r.start, r.end, l.name, r.decided_by, r.decided_at "
            "FROM gold_rejections r JOIN labels l ON l.id = r.label_id WHERE r.document_id = ? "
            "ORDER BY r.start, r.end, l.name",
            (document_id,),
        )
        return [Rejection(*row) for row in rows]

    def status(self, document_id: str) -> GoldStatus:
        rows = self._query("SELECT status FROM gold_statuses WHERE document_id = ?", (document_id,))
        return GoldStatus(rows[0][0]) if rows else GoldStatus.NOT_STARTED

    def statuses(self) -> dict[str, GoldStatus]:
        """Article id → gold status, for articles that have one (absent means `not started`)."""
        return {d: GoldStatus(s) for d, s in self._query("SELECT document_id, status FROM gold_statuses")}

    def annotations(
        self,
        document_id: str | None = None,
        *,
        done_only: bool = True,
        annotators: Iterable[str] | None = None,
    ) -> dict[str, dict[str, list[SpanRef]]]:
        """Article id → annotator → spans, for the annotators whose work counts.

        ``done_only`` keeps annotators who marked the article done (and includes those with no span:
        "nothing here" is a vote too).
        """
        where, params = [], []
        if done_only:
            where.append("st.status = 'done'")
        if document_id is not None:
            where.append("st.document_id = ?")
            params.append(document_id)
        names = None if annotators is None else sorted(set(annotators))
        if names is not None:
            where.append(f"a.name IN ({', '.join('?' * len(names))})")
            params.extend(names)
        clause = f"WHERE {' AND '.join(where)}" if where else ""
        result: dict[str, dict[str, list[SpanRef]]] = {}
        pairs = self._query(
            "SELECT st.document_id, a.name FROM statuses st JOIN annotators a ON a.id = st.annotator_id "
            f"{clause}",
            params,
        )
        for doc, name in pairs:
            result.setdefault(doc, {})[name] = []
        rows = self._query(
            "SELECT s.document_id, a.name, s.start, s.end, l.name FROM spans s "
            "JOIN statuses st ON st.document_id = s.document_id AND st.annotator_id = s.annotator_id "
            f"JOIN annotators a ON a.id = s.annotator_id JOIN labels l ON l.id = s.label_id {clause} "
            "ORDER BY s.document_id, s.start, s.end",
            params,
        )
        for doc, name, start, end, label in rows:
            result.setdefault(doc, {}).setdefault(name, []).append(SpanRef(start, end, label))
        return result

    # -- one article's decisions --------------------------------------------------------------

    def _label_id(self, conn: sqlite3.Connection, label: str) -> int:
        row = conn.execute("SELECT id FROM labels WHERE name = ?", (label,)).fetchone()
        if row is None:
            raise NotFoundError(f"there is no label named {label!r}")
        return row[0]

    def _check(self, document_id: str, ref: SpanRef) -> None:
        row = self._query("SELECT length(text) FROM documents WHERE id = ?", (document_id,))
        if not row:
            raise NotFoundError(f"there is no article with id {document_id!r}")
        if not 0 <= ref.start < ref.end <= row[0][0]:
            raise InputError(
                f"span {ref.start}-{ref.end} is outside article {document_id} (length {row[0][0]})"
            )

    @staticmethod
    def _touch(conn: sqlite3.Connection, document_id: str, now: str) -> None:
        touch_gold(conn, document_id, now)

    def _reject_in(
        self, conn: sqlite3.Connection, document_id: str, ref: SpanRef, curator: str, now: str
    ) -> None:
        label_id = self._label_id(conn, ref.label)
        conn.execute(
            "DELETE FROM gold_spans WHERE document_id = ? AND start = ? AND end = ? AND label_id = ?",
            (document_id, ref.start, ref.end, label_id),
        )
        conn.execute(
            "INSERT OR IGNORE INTO gold_rejections "
            "(document_id, start, end, label_id, decided_by, decided_at) VALUES (?, ?, ?, ?, ?, ?)",
            (document_id, ref.start, ref.end, label_id, curator, now),
        )

    def accept(
        self, document_id: str, ref: SpanRef, curator: str, *, also_reject: Iterable[SpanRef] = ()
    ) -> tuple[GoldSpan, Changes]:
        """Put ``ref`` into gold as the curator's decision (and rule out ``also_reject``, e.g. the
        competing versions of the same span), in one transaction. Accepting a gold span again is a no-op.
        """
        self._check(document_id, ref)
        others = [r for r in also_reject if r != ref]
        now = utc_now()
        with self.project.transaction() as conn:
            label_id = self._label_id(conn, ref.label)
            conn.execute(
                "DELETE FROM gold_rejections "
                "WHERE document_id = ? AND start = ? AND end = ? AND label_id = ?",
                (document_id, ref.start, ref.end, label_id),
            )
            row = conn.execute(
                "SELECT id FROM gold_spans WHERE document_id = ? AND start = ? AND end = ? AND label_id = ?",
                (document_id, ref.start, ref.end, label_id),
            ).fetchone()
            span_id = row[0] if row else conn.execute(
                "INSERT INTO gold_spans (document_id, start, end, label_id, decided_by, decided_at, origin) "
                "VALUES (?, ?, ?, ?, ?, ?, 'curated')",
                (document_id, ref.start, ref.end, label_id, curator, now),
            ).lastrowid
            for other in others:
                self._reject_in(conn, document_id, other, curator, now)
            self._touch(conn, document_id, now)
        return self.span(span_id), Changes(gold=frozenset({document_id}))

    def reject(self, document_id: str, ref: SpanRef, curator: str) -> Changes:
        """Rule ``ref`` out of gold: removes it from gold if there, and records the decision."""
        now = utc_now()
        with self.project.transaction() as conn:
            self._reject_in(conn, document_id, ref, curator, now)
            self._touch(conn, document_id, now)
        return Changes(gold=frozenset({document_id}))

    def edit(self, gold_span_id: int, new: SpanRef, curator: str) -> tuple[GoldSpan, Changes]:
        """Change a gold span's boundaries and/or label; it becomes the curator's decision."""
        old = self.span(gold_span_id)
        self._check(old.document_id, new)
        now = utc_now()
        with self.project.transaction() as conn:
            try:
                conn.execute(
                    "UPDATE gold_spans SET start = ?, end = ?, label_id = ?, decided_by = ?, decided_at = ?, "
                    "origin = 'curated' WHERE id = ?",
                    (new.start, new.end, self._label_id(conn, new.label), curator, now, gold_span_id),
                )
            except sqlite3.IntegrityError:
                raise InputError(
                    f"gold already has {new.label} at {new.start}-{new.end} in article {old.document_id}"
                ) from None
            for table in ("gold_attributes", "gold_attribute_rejections"):  # attributes belong to a label
                conn.execute(f"DELETE FROM {table} WHERE gold_span_id = ? AND attribute_id NOT IN "
                             "(SELECT id FROM attributes WHERE label_id = (SELECT label_id FROM gold_spans "
                             "WHERE id = ?))", (gold_span_id, gold_span_id))
            self._touch(conn, old.document_id, now)
        return self.span(gold_span_id), Changes(gold=frozenset({old.document_id}))

    def set_status(self, document_id: str, status: GoldStatus) -> Changes:
        self.project.document(document_id)
        with self.project.transaction() as conn:
            conn.execute(
                "INSERT INTO gold_statuses (document_id, status, updated_at) VALUES (?, ?, ?) "
                "ON CONFLICT(document_id) DO UPDATE SET status = excluded.status, "
                "updated_at = excluded.updated_at",
                (document_id, GoldStatus(status).value, utc_now()),
            )
        return Changes(gold=frozenset({document_id}))

    # -- undo ---------------------------------------------------------------------------------

    def snapshot(self, document_id: str) -> GoldState:
        """The article's gold spans, rejections, status and gold structure exactly as stored."""
        row = self._query(
            "SELECT status, updated_at FROM gold_statuses WHERE document_id = ?", (document_id,)
        )
        status, updated = (GoldStatus(row[0][0]), row[0][1]) if row else (GoldStatus.NOT_STARTED, None)
        return GoldState(document_id, tuple(self.spans(document_id)), tuple(self.rejections(document_id)),
                         status, updated, read_state(self.project.db.conn, document_id))

    def restore(self, state: GoldState, expected: GoldState | None = None) -> Changes:
        """Make the article's gold exactly ``state`` again (rows, ids and timestamps), in one transaction.

        With ``expected`` (what an undo step left) the article's gold must still be exactly that, else
        ChangedElsewhereError and nothing is written: an undo never wipes another curator's decisions.
        """
        doc = state.document_id
        with self.project.transaction() as conn:
            if expected is not None and self.snapshot(doc) != expected:
                raise ChangedElsewhereError(
                    f"the gold of article {doc} was changed elsewhere (another window or the command line); "
                    "nothing was changed")
            conn.execute("DELETE FROM gold_spans WHERE document_id = ?", (doc,))
            conn.execute("DELETE FROM gold_rejections WHERE document_id = ?", (doc,))
            conn.execute("DELETE FROM gold_statuses WHERE document_id = ?", (doc,))
            conn.executemany(
                "INSERT INTO gold_spans (id, document_id, start, end, label_id, decided_by, decided_at, "
                "origin) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                [(s.id, doc, s.start, s.end, self._label_id(conn, s.label), s.decided_by, s.decided_at,
                  s.origin) for s in state.spans],
            )
            conn.executemany(
                "INSERT INTO gold_rejections (document_id, start, end, label_id, decided_by, decided_at) "
                "VALUES (?, ?, ?, ?, ?, ?)",
                [(doc, r.start, r.end, self._label_id(conn, r.label), r.decided_by, r.decided_at)
                 for r in state.rejections],
            )
            if state.status_updated_at is not None:
                conn.execute(
                    "INSERT INTO gold_statuses (document_id, status, updated_at) VALUES (?, ?, ?)",
                    (doc, state.status.value, state.status_updated_at),
                )
            write_state(conn, doc, state.structure)  # after the spans: its rows hang off their ids
        return Changes(gold=frozenset({doc}))

    # -- agreement with gold ------------------------------------------------------------------

    def agreement_input(
        self, annotators: list[str] | None = None, labels: list[str] | None = None,
        codebook: StructureCodebook | None = None,
    ) -> AgreementInput:
        """Agreement data for comparing annotators with gold: the curated articles, each with gold (as
        the rater ``GOLD_RATER``) and the annotators who have it `done`. Unknown names raise NotFoundError.

        With ``codebook`` (``Codebook.for_agreement()``), the annotators' relations, attribute values and
        answers come too, and gold's, for the structured measures against gold.
        """
        known_labels = [label.name for label in self.project.labels()]
        for name in labels or ():
            if name not in known_labels:
                raise NotFoundError(f"there is no label named {name!r} (the project has: "
                                    f"{', '.join(known_labels)})")
        known = set(self.project.annotators())
        for name in annotators or ():
            if name not in known:
                raise NotFoundError(f"there is no annotator named {name!r} (the project has: "
                                    f"{', '.join(sorted(known)) or 'none'})")
        curated = {doc for doc, status in self.statuses().items() if status is GoldStatus.CURATED}
        done: dict[str, set[str]] = {doc: {GOLD_RATER} for doc in curated}
        for doc, names in self.annotations().items():
            if doc in curated:
                done[doc].update(names)
        spans: dict[tuple[str, str], list[SpanRef]] = {}
        for span in self.project.spans():
            if span.document_id in curated:
                spans.setdefault((span.document_id, span.annotator), []).append(span.ref)
        for gold_span in self.spans():
            spans.setdefault((gold_span.document_id, GOLD_RATER), []).append(gold_span.ref)
        rows = self._query("SELECT id, title, text FROM documents ORDER BY position, id")
        chosen = tuple(name for name in known_labels if labels is None or name in labels)
        wanted = (*annotators, GOLD_RATER) if annotators else None
        codings = None
        if codebook is not None:
            conn = self.project.db.conn
            codings = {key: coding for key, coding in load_codings(conn, document_ids=curated).items()}
            codings.update({(doc, GOLD_RATER): coding for doc, coding in gold_codings(conn).items()
                            if doc in curated})
        return counted_articles(rows, done, spans, chosen, wanted, codings, codebook or StructureCodebook())

    # -- adjudication by vote -----------------------------------------------------------------

    def adjudicate(
        self, *, min_votes: int | None = None, annotators: Iterable[str] | None = None,
        document_ids: Iterable[str] | None = None, progress: Callable[[int, int], None] | None = None,
    ) -> AdjudicationSummary:
        """Accept into gold every span enough done annotators agree on, for every article not yet
        curated, in ONE transaction; then, by the same vote, the relations between gold spans, the
        attribute values of gold spans and the article answers. What the curator already accepted or
        rejected is left as decided. An article becomes `curated` when nothing of it is left waiting.

        ``progress(done, total)`` is called between articles; if it raises, nothing is changed.
        """
        if min_votes is not None and min_votes < 1:
            raise InputError(f"--min-votes must be at least 1, got {min_votes}")
        names = None if annotators is None else list(annotators)
        if names is not None:
            unknown = sorted(set(names) - set(self.project.annotators()))
            if unknown:
                raise NotFoundError(f"there is no annotator named {', '.join(map(repr, unknown))} in "
                                    f"{self.project.path}")
        wanted = None if document_ids is None else set(document_ids)
        votes = self.annotations(annotators=names)
        with self.project.transaction() as conn:
            return vote(conn, votes, self.statuses(), min_votes, wanted, progress)
