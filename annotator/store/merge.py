"""Merging other files' work into a project: all the SQL of it, reading sources and writing the result.

Within one write transaction, a merge first plans everything in memory against the project as it
is, following ``annotator.core.merging``'s rules, and only then writes. A conflict is found during
planning, before the first write, and rolls the transaction back: the project file is untouched.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass, field, replace

from annotator.core.merging import (
    GoldWork,
    MergeSource,
    PairConflict,
    PairWork,
    SourceArticle,
    Times,
    settle,
    settle_gold,
)
from annotator.core.model import Label, SpanRef, Status, default_article_id
from annotator.core.structure import CodebookSchema, StructuredCoding
from annotator.store.coding_rows import CodebookWriter, load_codings
from annotator.store.merge_gold import PROJECT_TABLES, read_gold, write_gold
from annotator.store.merge_source import is_project_file, read_project_file  # noqa: F401 (re-exported)
from annotator.store.merge_structure import clear_pair_notes, write_schema
from annotator.store.repository import Changes, Project, _extra_label_colours, utc_now
from annotator.store.search import index_articles


@dataclass
class MergeSummary:
    """What a merge did, for the message shown to the user."""

    articles_added: int = 0
    articles_matched: int = 0
    pairs_added: int = 0  # (article, annotator) work that was not in the project
    pairs_replaced: list[str] = field(default_factory=list)  # "article / annotator" settled by newer
    spans_added: int = 0
    spans_removed: int = 0
    labels_added: list[str] = field(default_factory=list)
    codebook_added: list[str] = field(default_factory=list)  # "relation type 'claims'", … new by name
    annotators_added: list[str] = field(default_factory=list)
    assignments_added: int = 0
    gold_articles: list[str] = field(default_factory=list)  # articles whose gold the merge added or replaced
    changes: Changes = field(default_factory=Changes)

    def describe(self) -> str:
        """One line for the status bar or terminal."""
        parts = [f"{self.articles_added} article(s) added", f"{self.articles_matched} matched",
                 f"{self.pairs_added} annotator-article pair(s) added", f"{self.spans_added} span(s) added"]
        if self.pairs_replaced:
            more = "…" if len(self.pairs_replaced) > 5 else ""
            parts.append(f"{len(self.pairs_replaced)} pair(s) replaced by newer work "
                         f"({', '.join(self.pairs_replaced[:5])}{more}), "
                         f"{self.spans_removed} span(s) removed")
        if self.labels_added:
            parts.append("new label(s): " + ", ".join(self.labels_added))
        if self.codebook_added:
            parts.append("new in the codebook: " + ", ".join(self.codebook_added))
        if self.annotators_added:
            parts.append("new annotator(s): " + ", ".join(self.annotators_added))
        if self.assignments_added:
            parts.append(f"{self.assignments_added} assignment(s) added")
        if self.gold_articles:
            parts.append(f"gold of {len(self.gold_articles)} article(s) added or updated")
        return "; ".join(parts)


def edit_times(project: Project) -> dict[tuple[str, str], str]:
    """(article id, annotator) → when that annotator last edited that article (for packs with work)."""
    return {(d, a): t for d, a, t in project.db.execute(
        "SELECT st.document_id, a.name, st.updated_at FROM statuses st "
        "JOIN annotators a ON a.id = st.annotator_id")}


def project_gold(project: Project) -> dict[str, GoldWork]:
    """Article id → the project's gold (curated spans, rejections, gold status, relations, values and
    answers), for the reviewer's file."""
    return read_gold(project.db.conn, PROJECT_TABLES)


@dataclass
class _Plan:
    """Everything a merge will write, decided before the transaction starts."""

    labels: list[Label] = field(default_factory=list)
    schemas: list[CodebookSchema] = field(default_factory=list)  # each source's, merged by name in order
    annotators: list[str] = field(default_factory=list)
    articles: list[tuple[str, SourceArticle]] = field(default_factory=list)  # (new id, article)
    pairs: dict[tuple[str, str], PairWork] = field(default_factory=dict)  # (article id, annotator) → final
    before: dict[tuple[str, str], PairWork] = field(default_factory=dict)  # of those, as in the project
    assignments: set[tuple[str, str]] = field(default_factory=set)
    settings: dict[str, str] = field(default_factory=dict)
    gold: dict[str, GoldWork] = field(default_factory=dict)  # article id → settled gold
    gold_before: dict[str, GoldWork] = field(default_factory=dict)  # of those, as in the project


class _Planner:
    """Reads the project once, gathers every piece of work each source brings, then settles each pair."""

    def __init__(self, project: Project, prefer_newer: bool) -> None:
        self.project = project
        self.prefer_newer = prefer_newer
        q = project.db.execute
        self.id_by_sha: dict[str, str] = dict(q("SELECT sha256, id FROM documents"))
        self.titles: dict[str, str] = dict(q("SELECT id, title FROM documents"))
        self.ids = set(self.id_by_sha.values())
        self.labels = {row[0]: row[1] for row in q("SELECT name, key FROM labels")}
        self.annotators = {row[0] for row in q("SELECT name FROM annotators")}
        self.project_pairs: set[tuple[str, str]] = set(q(
            "SELECT st.document_id, a.name FROM statuses st JOIN annotators a ON a.id = st.annotator_id "
            "UNION SELECT DISTINCT s.document_id, a.name FROM spans s "
            "JOIN annotators a ON a.id = s.annotator_id "
            "UNION SELECT n.document_id, a.name FROM article_notes n "
            "JOIN annotators a ON a.id = n.annotator_id "
            "UNION SELECT DISTINCT r.document_id, a.name FROM article_answers r "
            "JOIN annotators a ON a.id = r.annotator_id"))
        self.project_assignments: set[tuple[str, str]] = set(q(
            "SELECT s.document_id, a.name FROM assignments s JOIN annotators a ON a.id = s.annotator_id"))
        self.settings = dict(q("SELECT key, value FROM settings WHERE key IN ('guidelines', 'name')"))
        self.plan = _Plan()
        self.summary = MergeSummary()
        # (article id, annotator) → every piece of work on it, with where it came from
        self.contributions: dict[tuple[str, str], list[tuple[PairWork, str]]] = {}
        self.gold_contributions: dict[str, list[tuple[GoldWork, str]]] = {}
        self.owned: set[tuple[str, str]] = set()  # pairs a team file's owner speaks for
        self.owned_gold: set[str] = set()

    def add(self, source: MergeSource) -> None:
        for label in source.labels:
            if label.name not in self.labels:
                key = label.key if label.key and label.key not in self.labels.values() else ""
                self.labels[label.name] = key
                self.plan.labels.append(Label(label.name, label.color, key))
        if source.schema:
            self.plan.schemas.append(source.schema)
        for article in source.articles:
            self._add_article(article)
        for (sha, annotator), work in source.pairs.items():
            self._add_pair(self.id_by_sha[sha], annotator, work, source.path)
            if annotator == source.owner:
                self.owned.add((self.id_by_sha[sha], annotator))
        for sha, gold in source.gold.items():
            self.gold_contributions.setdefault(self.id_by_sha[sha], []).append((gold, source.path))
            if source.owns_gold:
                self.owned_gold.add(self.id_by_sha[sha])
        for sha, annotator in sorted(source.assignment):
            pair = (self.id_by_sha[sha], annotator)
            if pair not in self.project_assignments and pair not in self.plan.assignments:
                self._add_annotator(annotator)
                self.plan.assignments.add(pair)
        for key, value in (("guidelines", source.guidelines), ("name", source.name)):
            current = self.settings.get(key)
            if value and value != current and (source.authoritative or not current):
                self.settings[key] = self.plan.settings[key] = value

    def _add_article(self, article: SourceArticle) -> None:
        if article.sha256 in self.id_by_sha:
            self.summary.articles_matched += 1
            return
        for candidate in (article.id, default_article_id(article.text), article.sha256):
            if candidate not in self.ids:
                break
        self.ids.add(candidate)
        self.id_by_sha[article.sha256] = candidate
        self.titles[candidate] = article.title
        self.plan.articles.append((candidate, article))
        self.summary.articles_added += 1

    def _add_annotator(self, name: str) -> None:
        if name not in self.annotators:
            self.annotators.add(name)
            self.plan.annotators.append(name)

    def _add_pair(self, article_id: str, annotator: str, work: PairWork, path: str) -> None:
        self._add_annotator(annotator)
        key = (article_id, annotator)
        found = self.contributions.get(key)
        if found is None:
            found = self.contributions[key] = []
        found.append((work, path))

    def finish(self) -> None:
        """Settle every pair from all its pieces of work at once (so file order cannot matter)."""
        in_project = [key for key in self.contributions if key in self.project_pairs]
        self.plan.before = self._project_works(in_project)
        for key in in_project:
            if key not in self.owned:  # an owner's file replaces the project's copy of their work
                self.contributions[key].insert(0, (self.plan.before[key], str(self.project.path)))
        for key, found in self.contributions.items():
            if len(found) == 1:
                self.plan.pairs[key] = found[0][0]
                continue
            try:
                self.plan.pairs[key] = settle([work for work, _ in found], self.prefer_newer)
            except PairConflict as exc:
                raise self._conflict(key, found, exc) from None
        self._settle_gold()

    def _settle_gold(self) -> None:
        # the project is always at the current schema
        self.plan.gold_before = read_gold(self.project.db.conn, PROJECT_TABLES, self.gold_contributions)
        for article_id, found in self.gold_contributions.items():
            if article_id in self.plan.gold_before and article_id not in self.owned_gold:
                found.insert(0, (self.plan.gold_before[article_id], str(self.project.path)))
            try:
                self.plan.gold[article_id] = settle_gold([gold for gold, _ in found], self.prefer_newer)
            except PairConflict as exc:
                (_, one), (_, two) = found[exc.first], found[exc.second]
                where = f"{article_id} ({self.titles.get(article_id, '')[:60]})"
                if exc.untimed:
                    raise PairConflict(f"article {where}: the gold differs in {one} and {two}, and one of "
                                       "them does not record when it was decided. Nothing was changed.",
                                       untimed=True) from None
                raise PairConflict(f"article {where}: the gold (curated spans, relations, attribute "
                                   f"values, answers or decisions) differs in {one} "
                                   f"and {two}. Nothing was changed; re-run with --prefer newer to keep the "
                                   "gold curated last.") from None

    def _conflict(self, key: tuple[str, str], found: list[tuple[PairWork, str]],
                  exc: PairConflict) -> PairConflict:
        article_id, annotator = key
        (one, one_path), (two, two_path) = found[exc.first], found[exc.second]
        where = f"{article_id} ({self.titles.get(article_id, '')[:60]})"
        unlinked = frozenset[tuple[SpanRef, ...]]()
        if one.span_set() == two.span_set() and replace(one.coding, fragments=unlinked) == replace(
                two.coding, fragments=unlinked):  # the same spans and coding, fragments linked otherwise
            what, counts = "different discontinuous annotations (fragments linked otherwise)", (
                f"({len(one.coding.fragments)} vs {len(two.coding.fragments)} discontinuous annotations)")
        elif one.span_set() == two.span_set():  # the same spans, different relations / values / notes / codes
            what, counts = "different relations, attribute values, notes or article codes", (
                f"({len(one.coding.relations)} vs {len(two.coding.relations)} relations, "
                f"{len(one.coding.attributes)} vs {len(two.coding.attributes)} attribute values)")
        else:
            what, counts = "different spans", f"({len(one.spans)} vs {len(two.spans)} spans)"
        if exc.untimed:
            untimed = one_path if one.updated_at is None else two_path
            return PairConflict(
                f"article {where}: annotator {annotator!r} has {what} in {one_path} and "
                f"{two_path}, and {untimed} does not record when they were made, so the newer cannot be "
                "told; merge the annotator's project file or a pack made with --with-work instead. "
                "Nothing was changed.")
        return PairConflict(
            f"article {where}: annotator {annotator!r} has {what} in {one_path} and {two_path} "
            f"{counts}. Nothing was changed; re-run with --prefer newer to keep the more recent edit.")

    def _project_works(self, keys: list[tuple[str, str]]) -> dict[tuple[str, str], PairWork]:
        """The project's work for ``keys``: one query per annotator when there are many, else per pair."""
        q = self.project.db.execute
        wanted: dict[str, set[str]] = {}
        for article_id, annotator in keys:
            wanted.setdefault(annotator, set()).add(article_id)
        statuses: dict[tuple[str, str], tuple[str, str]] = {}
        spans: dict[tuple[str, str], dict[SpanRef, Times]] = {key: {} for key in keys}
        status_sql = ("SELECT st.document_id, st.status, st.updated_at FROM statuses st "
                      "JOIN annotators a ON a.id = st.annotator_id WHERE a.name = ?")
        span_sql = ("SELECT s.document_id, s.start, s.end, l.name, s.created_at, s.updated_at FROM spans s "
                    "JOIN annotators a ON a.id = s.annotator_id JOIN labels l ON l.id = s.label_id "
                    "WHERE a.name = ?")
        for annotator, article_ids in wanted.items():
            few = len(article_ids) < 50  # a few pairs: the index beats reading all of their work
            chunks = [(annotator, d) for d in sorted(article_ids)] if few else [(annotator,)]
            suffix = " AND {}.document_id = ?"
            for params in chunks:
                for d, status, updated in q(status_sql + (suffix.format("st") if few else ""), params):
                    if d in article_ids:
                        statuses[(d, annotator)] = (status, updated)
                for d, start, end, label, created, updated in q(
                        span_sql + (suffix.format("s") if few else ""), params):
                    if d in article_ids:
                        spans[(d, annotator)][SpanRef(start, end, label)] = (created, updated)
        codings: dict[tuple[str, str], StructuredCoding] = {}
        for annotator, article_ids in wanted.items():
            codings.update(load_codings(self.project.db.conn, annotator, article_ids))
        result = {}
        for key in keys:
            coding = codings.get(key, StructuredCoding())
            if key in statuses:
                status, updated = statuses[key]
                result[key] = PairWork(spans[key], Status(status), updated, coding)
            else:  # spans without a status row: only in files edited by hand
                latest = max((u for _, u in spans[key].values() if u), default=None)
                result[key] = PairWork(spans[key], Status.IN_PROGRESS, latest, coding)
        return result


def merge_sources(
    project: Project, sources: Iterable[MergeSource], *, prefer_newer: bool = False
) -> MergeSummary:
    """Merge ``sources`` (in order) into ``project`` in one transaction; a conflict changes nothing.

    Planning runs inside the (write-locked) transaction too, so no other window or process can
    change the project between the checks and the writes; a conflict rolls back before any write.
    """
    with project.transaction() as conn:
        planner = _Planner(project, prefer_newer)
        for source in sources:
            planner.add(source)
        planner.finish()
        summary, plan = planner.summary, planner.plan
        changed = {key: work for key, work in plan.pairs.items() if plan.before.get(key) != work}
        gold = {doc: work for doc, work in plan.gold.items() if plan.gold_before.get(doc) != work}
        if changed or plan.labels or plan.schemas or plan.annotators or plan.articles or plan.assignments \
                or plan.settings or gold:
            _write(conn, plan, changed, summary)
            write_gold(conn, gold, utc_now())
            summary.gold_articles = sorted(gold)
    summary.changes = Changes(
        documents=frozenset([d for d, _ in plan.articles] + [d for d, _ in changed]),
        labels=bool(plan.labels),
        statuses=frozenset(changed),
        structure=bool(summary.codebook_added),
        codes=frozenset(changed),
        annotators=bool(plan.annotators),
        gold=frozenset(gold),
    )
    return summary


def _write(conn: sqlite3.Connection, plan: _Plan, changed: dict[tuple[str, str], PairWork],
           summary: MergeSummary) -> None:
    """Carry out a plan: new labels, annotators and articles, changed work, assignments, settings."""
    before = plan.before
    now = utc_now()
    palette = _extra_label_colours()
    position = conn.execute("SELECT COALESCE(MAX(position) + 1, 0) FROM labels").fetchone()[0]
    for n, label in enumerate(plan.labels):
        conn.execute("INSERT INTO labels (name, color, key, position) VALUES (?, ?, ?, ?)",
                     (label.name, label.color or palette[n % len(palette)], label.key, position + n))
        summary.labels_added.append(label.name)
    for schema in plan.schemas:
        summary.codebook_added.extend(write_schema(conn, schema))
    conn.executemany("INSERT INTO annotators (name) VALUES (?)", [(a,) for a in plan.annotators])
    summary.annotators_added = list(plan.annotators)
    position = conn.execute("SELECT COALESCE(MAX(position) + 1, 0) FROM documents").fetchone()[0]
    conn.executemany(
        "INSERT INTO documents (id, title, source, text, sha256, imported_at, meta, position) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        [(doc_id, a.title, a.source, a.text, a.sha256, a.imported_at or now,
          json.dumps(a.meta, ensure_ascii=False), position + n)
         for n, (doc_id, a) in enumerate(plan.articles)])
    index_articles(conn, [(doc_id, a.text) for doc_id, a in plan.articles])
    label_ids = dict(conn.execute("SELECT name, id FROM labels"))
    annotator_ids = dict(conn.execute("SELECT name, id FROM annotators"))
    span_rows, status_rows = [], []
    for (doc_id, annotator), work in changed.items():
        annotator_id = annotator_ids[annotator]
        old = before.get((doc_id, annotator))
        if old is not None:
            conn.execute("DELETE FROM spans WHERE document_id = ? AND annotator_id = ?",
                         (doc_id, annotator_id))
            clear_pair_notes(conn, doc_id, annotator_id)
            if old.decisions() != work.decisions():
                summary.pairs_replaced.append(f"{doc_id} / {annotator}")
                summary.spans_removed += len(old.spans)
                summary.spans_added += len(work.spans)
        else:
            summary.pairs_added += 1
            summary.spans_added += len(work.spans)
        span_rows.extend((doc_id, annotator_id, ref.start, ref.end, label_ids[ref.label],
                          created or now, updated or now)
                         for ref, (created, updated) in work.spans.items())
        status_rows.append((doc_id, annotator_id, work.status.value, work.updated_at or now))
    conn.executemany(
        "INSERT INTO spans (document_id, annotator_id, start, end, label_id, created_at, updated_at) "
        "VALUES (?, ?, ?, ?, ?, ?, ?)", span_rows)
    writer = CodebookWriter(conn, add=True)  # names a source uses that its codebook did not list (JSONL)
    for (doc_id, annotator), work in changed.items():
        if work.coding:
            writer.write(doc_id, annotator_ids[annotator], work.coding, work.updated_at or now,
                         f"article {doc_id} / {annotator}")
    summary.codebook_added.extend(name for name in writer.added if name not in summary.codebook_added)
    conn.executemany(
        "INSERT INTO statuses (document_id, annotator_id, status, updated_at) VALUES (?, ?, ?, ?) "
        "ON CONFLICT(document_id, annotator_id) DO UPDATE SET status = excluded.status, "
        "updated_at = excluded.updated_at", status_rows)
    conn.executemany("INSERT INTO assignments (document_id, annotator_id) VALUES (?, ?)",
                     [(d, annotator_ids[a]) for d, a in sorted(plan.assignments)])
    summary.assignments_added = len(plan.assignments)
    conn.executemany("INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET "
                     "value = excluded.value", list(plan.settings.items()))
