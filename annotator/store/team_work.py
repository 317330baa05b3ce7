"""What a team file needs from the project, read cheaply: one annotator's work by article hash (no
texts), the articles' lengths by hash, and a fingerprint that changes whenever what a desktop
publishes may have changed (so an unchanged project is not serialised again every round).
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

from annotator.core.model import AnnotationSet, SpanRef, Status
from annotator.store.coding_rows import load_codings
from annotator.store.repository import Project


def annotator_work(project: Project, annotator: str) -> list[tuple[str, str, str, AnnotationSet]]:
    """(text hash, article id, title, work) of every article ``annotator`` has a status or spans on."""
    q = project.db.execute
    spans: dict[str, list[SpanRef]] = {}
    for doc, start, end, label in q(
            "SELECT s.document_id, s.start, s.end, l.name FROM spans s JOIN annotators a ON a.id = "
            "s.annotator_id JOIN labels l ON l.id = s.label_id WHERE a.name = ?", (annotator,)):
        spans.setdefault(doc, []).append(SpanRef(start, end, label))
    statuses = {doc: (status, updated) for doc, status, updated in q(
        "SELECT st.document_id, st.status, st.updated_at FROM statuses st JOIN annotators a ON "
        "a.id = st.annotator_id WHERE a.name = ?", (annotator,))}
    codings = {doc: coding for (doc, _name), coding in load_codings(project.db.conn, annotator).items()}
    wanted = spans.keys() | statuses.keys() | codings.keys()
    result = []
    for doc, sha, title in q("SELECT id, sha256, title FROM documents ORDER BY id"):
        if doc in wanted:
            status, updated = statuses.get(doc, (Status.IN_PROGRESS.value, None))
            result.append((sha, doc, title, AnnotationSet(annotator, tuple(sorted(spans.get(doc, []))),
                                                          Status(status), updated, codings.get(doc))))
    return result


def lengths_by_hash(project: Project) -> dict[str, int]:
    """Text hash → the article's length in code points, for checking others' offsets."""
    return dict(project.db.execute("SELECT sha256, length(text) FROM documents"))


_MINE = [
    "SELECT count(*), max(st.updated_at) FROM statuses st JOIN annotators a ON a.id = st.annotator_id "
    "WHERE a.name = :name",
    "SELECT count(*), max(s.updated_at), sum(s.start * 7 + s.end * 13 + s.label_id) FROM spans s "
    "JOIN annotators a ON a.id = s.annotator_id WHERE a.name = :name",
    "SELECT group_concat(name || ':' || color || ':' || key, '|') FROM labels",
    "SELECT value FROM settings WHERE key = 'name'",
    # structured coding, and the codebook it is written in (both published in every team file)
    "SELECT count(*), max(r.updated_at), "
    "total(r.head_span_id * 7 + r.child_span_id * 13 + r.relation_type_id) FROM relations r "
    "JOIN annotators a ON a.id = r.annotator_id WHERE a.name = :name",
    "SELECT group_concat(v.span_id || ':' || v.attribute_id || ':' || v.value, '|') FROM span_attributes v "
    "JOIN spans s ON s.id = v.span_id JOIN annotators a ON a.id = s.annotator_id WHERE a.name = :name",
    "SELECT group_concat(n.span_id || ':' || n.text, '|') FROM span_notes n "
    "JOIN spans s ON s.id = n.span_id JOIN annotators a ON a.id = s.annotator_id WHERE a.name = :name",
    "SELECT group_concat(n.document_id || ':' || n.text, '|') FROM article_notes n "
    "JOIN annotators a ON a.id = n.annotator_id WHERE a.name = :name",
    "SELECT group_concat(r.document_id || ':' || r.question_id || ':' || r.value, '|') "
    "FROM article_answers r JOIN annotators a ON a.id = r.annotator_id WHERE a.name = :name",
    "SELECT group_concat(name || ':' || color || ':' || key || ':' || directed, '|') FROM relation_types",
    "SELECT count(*), group_concat(relation_type_id || ':' || label_id || ':' || role, '|') "
    "FROM relation_type_ends",
    "SELECT group_concat(label_id || ':' || name || ':' || kind, '|') FROM attributes",
    "SELECT group_concat(attribute_id || ':' || value, '|') FROM attribute_vocabulary",
    "SELECT group_concat(name || ':' || kind, '|') FROM article_questions",
    "SELECT group_concat(question_id || ':' || value, '|') FROM question_options",
]
_PROJECT = [
    "SELECT count(*), max(imported_at), group_concat(sha256, '') FROM documents",
    "SELECT value FROM settings WHERE key = 'guidelines'",
    "SELECT count(*), group_concat(document_id || ':' || annotator_id, '|') FROM assignments",
    "SELECT count(*), max(updated_at), group_concat(status, '') FROM gold_statuses",
    "SELECT count(*), max(decided_at), total(start * 7 + end * 13 + label_id) FROM gold_spans",
    "SELECT count(*), max(decided_at), total(start * 7 + end * 13 + label_id) FROM gold_rejections",
    # gold relations, attribute values and answers (and rejected versions) travel in the gold lines
    "SELECT group_concat(head_gold_span_id || ':' || child_gold_span_id || ':' || relation_type_id || ':' "
    "|| decided_at, '|') FROM gold_relations",
    "SELECT group_concat(head_gold_span_id || ':' || child_gold_span_id || ':' || relation_type_id || ':' "
    "|| decided_at, '|') FROM gold_relation_rejections",
    "SELECT group_concat(gold_span_id || ':' || attribute_id || ':' || value || ':' || decided_at, '|') "
    "FROM gold_attributes",
    "SELECT group_concat(gold_span_id || ':' || attribute_id || ':' || value || ':' || decided_at, '|') "
    "FROM gold_attribute_rejections",
    "SELECT group_concat(document_id || ':' || question_id || ':' || value || ':' || decided_at, '|') "
    "FROM gold_answers",
    "SELECT group_concat(document_id || ':' || question_id || ':' || answer || ':' || decided_at, '|') "
    "FROM gold_answer_rejections",
]


def publish_fingerprint(project: Project, annotator: str, reviewer: bool) -> str:
    """A digest of what ``annotator``'s team file is made of; any edit that changes the file changes it."""
    digest = hashlib.sha256()
    for sql in _MINE + (_PROJECT if reviewer else []):
        digest.update(repr(project.db.execute(sql, {"name": annotator}).fetchall()).encode())
    return digest.hexdigest()


@dataclass(frozen=True)
class AnnotatorProgress:
    """One annotator's standing in the project, for the Team panel."""

    annotator: str
    done: int
    in_progress: int
    assigned: int
    spans: int
    last_activity: str | None  # the latest edit time (UTC, ISO) of a span or status, None if none


def annotator_progress(project: Project) -> list[AnnotatorProgress]:
    """Every annotator's articles done / in progress / assigned, spans and last edit, by name."""
    q = project.db.execute
    statuses: dict[int, dict[str, int]] = {}
    last: dict[int, str] = {}
    for who, status, count, latest in q("SELECT annotator_id, status, count(*), max(updated_at) "
                                        "FROM statuses GROUP BY annotator_id, status"):
        statuses.setdefault(who, {})[status] = count
        last[who] = max(last.get(who, ""), latest or "")
    spans: dict[int, int] = {}
    for who, count, latest in q("SELECT annotator_id, count(*), max(updated_at) FROM spans "
                                "GROUP BY annotator_id"):
        spans[who] = count
        last[who] = max(last.get(who, ""), latest or "")
    assigned = dict(q("SELECT annotator_id, count(*) FROM assignments GROUP BY annotator_id"))
    return [AnnotatorProgress(name, statuses.get(who, {}).get(Status.DONE.value, 0),
                              statuses.get(who, {}).get(Status.IN_PROGRESS.value, 0), assigned.get(who, 0),
                              spans.get(who, 0), last.get(who) or None)
            for who, name in q("SELECT id, name FROM annotators ORDER BY name")]


@dataclass(frozen=True)
class ArticleProgress:
    """Who has finished one article, and who is assigned it but has not."""

    article_id: str
    title: str
    finished: tuple[str, ...]
    unfinished: tuple[str, ...]  # assigned to them, not done


def article_progress(project: Project) -> list[ArticleProgress]:
    """Every article (in id order) with the annotators who marked it done and those assigned it who
    have not, names sorted."""
    q = project.db.execute
    done: dict[str, list[str]] = {}
    for doc, name in q("SELECT st.document_id, a.name FROM statuses st JOIN annotators a ON a.id = "
                       "st.annotator_id WHERE st.status = ? ORDER BY a.name", (Status.DONE.value,)):
        done.setdefault(doc, []).append(name)
    assigned: dict[str, list[str]] = {}
    for doc, name in q("SELECT s.document_id, a.name FROM assignments s JOIN annotators a ON a.id = "
                       "s.annotator_id ORDER BY a.name"):
        assigned.setdefault(doc, []).append(name)
    return [ArticleProgress(doc, title, tuple(done.get(doc, ())),
                            tuple(n for n in assigned.get(doc, ()) if n not in done.get(doc, ())))
            for doc, title in q("SELECT id, title FROM documents ORDER BY id")]
