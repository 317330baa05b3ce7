"""Which annotator is to annotate which article: stored with the project, carried by packs."""

from __future__ import annotations

from annotator.core.assignment import Assignment
from annotator.core.errors import NotFoundError
from annotator.store.repository import Changes, Project


def assignment(project: Project) -> Assignment:
    """Annotator → assigned article ids in corpus order (empty when the project has no assignment)."""
    result: Assignment = {}
    for name, article_id in project.db.execute(
            "SELECT a.name, d.id FROM assignments s JOIN annotators a ON a.id = s.annotator_id "
            "JOIN documents d ON d.id = s.document_id ORDER BY a.name, d.position, d.id"):
        result.setdefault(name, []).append(article_id)
    return result


def set_assignment(project: Project, new: Assignment) -> Changes:
    """Replace the project's assignment with ``new`` in one transaction (annotators are created)."""
    known = {a.id for a in project.article_summaries()}
    with project.transaction() as conn:
        conn.execute("DELETE FROM assignments")
        for annotator, article_ids in new.items():
            annotator_id = project._annotator_id(annotator)
            missing = [i for i in article_ids if i not in known]
            if missing:
                raise NotFoundError(f"cannot assign {annotator!r} article(s) the project does not have: "
                                    + ", ".join(missing[:5]))
            conn.executemany("INSERT OR IGNORE INTO assignments (document_id, annotator_id) VALUES (?, ?)",
                             [(i, annotator_id) for i in article_ids])
    return Changes(annotators=True, documents=frozenset(i for ids in new.values() for i in ids))
