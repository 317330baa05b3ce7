"""Structured coding as files and merges carry it: read and write ``StructuredCoding`` by span position.

Used inside another operation's transaction (import, export, merge) on its connection, so it takes a
connection rather than the ``Project`` (and the repository can call it without a circle). Writing
checks every name against the codebook: an unknown relation type, attribute or question, or a value
not in a list, is an ``InputError`` naming the record, unless ``add`` lets the file extend the codebook
(``import --add-labels``).
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field

from annotator.core.errors import InputError
from annotator.core.model import SpanRef
from annotator.core.structure import (
    FLAG_YES,
    ArticleQuestion,
    AttributeDefinition,
    AttributeKind,
    QuestionKind,
    RelationRef,
    RelationType,
    StructuredCoding,
    answer_refusal,
    attribute_refusal,
    relation_refusal,
)

Pair = tuple[str, str]  # (article id, annotator)
_ADDED_COLOUR = "#bab0ac"


def load_codings(conn: sqlite3.Connection, annotator: str | None = None,
                 document_ids: set[str] | None = None) -> dict[Pair, StructuredCoding]:
    """Every (article, annotator)'s structured coding (of one annotator, or all); pairs without none."""
    who = " AND a.name = ?" if annotator is not None else ""
    params: tuple = (annotator,) if annotator is not None else ()
    parts: dict[Pair, dict[str, set]] = {}

    def part(pair: Pair, kind: str) -> set:
        return parts.setdefault(pair, {}).setdefault(kind, set())

    span_sql = ("SELECT s.document_id, a.name, s.start, s.end, l.name {} FROM {} JOIN spans s ON s.id = {} "
                "JOIN annotators a ON a.id = s.annotator_id JOIN labels l ON l.id = s.label_id WHERE 1" + who)
    for doc, name, start, end, label, attribute, value in conn.execute(span_sql.format(
            ", t.name, v.value", "span_attributes v JOIN attributes t ON t.id = v.attribute_id", "v.span_id"),
            params):
        part((doc, name), "attributes").add((SpanRef(start, end, label), attribute, value))
    for doc, name, start, end, label, text in conn.execute(
            span_sql.format(", n.text", "span_notes n", "n.span_id"), params):
        part((doc, name), "span_notes").add((SpanRef(start, end, label), text))
    for doc, name, *ends, kind in conn.execute(
            "SELECT r.document_id, a.name, h.start, h.end, hl.name, c.start, c.end, cl.name, t.name "
            "FROM relations r JOIN annotators a ON a.id = r.annotator_id "
            "JOIN spans h ON h.id = r.head_span_id JOIN labels hl ON hl.id = h.label_id "
            "JOIN spans c ON c.id = r.child_span_id JOIN labels cl ON cl.id = c.label_id "
            "JOIN relation_types t ON t.id = r.relation_type_id WHERE 1" + who, params):
        part((doc, name), "relations").add(RelationRef(SpanRef(*ends[:3]), SpanRef(*ends[3:]), kind))
    answers: dict[Pair, dict[str, list[str]]] = {}
    for doc, name, question, value in conn.execute(
            "SELECT r.document_id, a.name, q.name, r.value FROM article_answers r "
            "JOIN annotators a ON a.id = r.annotator_id JOIN article_questions q ON q.id = r.question_id "
            "WHERE 1" + who + " ORDER BY r.position", params):
        answers.setdefault((doc, name), {}).setdefault(question, []).append(value)
    groups: dict[Pair, dict[int, list[SpanRef]]] = {}
    if has_fragments(conn):
        for doc, name, head, start, end, label in conn.execute(
                "SELECT s.document_id, a.name, COALESCE(s.fragment_of, s.id), s.start, s.end, l.name "
                "FROM spans s JOIN annotators a ON a.id = s.annotator_id JOIN labels l ON l.id = s.label_id "
                # both halves read the partial index on fragment_of alone, never the whole spans table
                "WHERE s.id IN (SELECT id FROM spans WHERE fragment_of IS NOT NULL UNION "
                "SELECT fragment_of FROM spans WHERE fragment_of IS NOT NULL)" + who, params):
            groups.setdefault((doc, name), {}).setdefault(head, []).append(SpanRef(start, end, label))
    notes = dict(((doc, name), text) for doc, name, text in conn.execute(
        "SELECT n.document_id, a.name, n.text FROM article_notes n "
        "JOIN annotators a ON a.id = n.annotator_id WHERE 1" + who, params))
    result = {}
    for pair in set(parts) | set(answers) | set(notes) | set(groups):
        if document_ids is not None and pair[0] not in document_ids:
            continue
        found = parts.get(pair, {})
        result[pair] = StructuredCoding(
            frozenset(found.get("relations", ())), frozenset(found.get("attributes", ())),
            frozenset(found.get("span_notes", ())), notes.get(pair, ""),
            frozenset((q, tuple(v)) for q, v in answers.get(pair, {}).items()),
            frozenset(tuple(sorted(set(group))) for group in groups.get(pair, {}).values()
                      if len(set(group)) > 1))
    return result


def has_fragments(conn: sqlite3.Connection) -> bool:
    """Whether the project's spans can be fragments of one annotation (schema 10 on; a source file merged
    in may be older)."""
    return any(row[1] == "fragment_of" for row in conn.execute("PRAGMA table_info(spans)"))


@dataclass
class CodebookWriter:
    """Writes codings on one connection, checking (and with ``add``, extending) the codebook as it goes."""

    conn: sqlite3.Connection
    add: bool = False
    added: list[str] = field(default_factory=list)  # "relation type 'claims'", … for the summary

    def __post_init__(self) -> None:
        self._types: dict[str, tuple[int, RelationType]] | None = None
        # Attributes and questions this import added, their kind guessed from the first value seen: a
        # later value may widen the guess (a second topic makes a single choice multiple).
        self._guessed: set[tuple[str, int]] = set()

    def write(self, document_id: str, annotator_id: int, coding: StructuredCoding, now: str,
              origin: str | None) -> None:
        """Store one annotator's coding on one article, merged into what is there (values replaced)."""
        conn = self.conn
        span_ids = {SpanRef(start, end, label): span_id for span_id, start, end, label in conn.execute(
            "SELECT s.id, s.start, s.end, l.name FROM spans s JOIN labels l ON l.id = s.label_id "
            "WHERE s.document_id = ? AND s.annotator_id = ?", (document_id, annotator_id))}

        def span_id(ref: SpanRef) -> int:
            if ref not in span_ids:
                raise InputError(f"the coding refers to a span {ref.start}-{ref.end} ({ref.label}) the "
                                 "annotator does not have", path=origin)
            return span_ids[ref]

        for relation in sorted(coding.relations):
            type_id = self._relation_type(relation, origin)
            conn.execute(
                "INSERT OR IGNORE INTO relations (document_id, annotator_id, head_span_id, child_span_id, "
                "relation_type_id, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
                (document_id, annotator_id, span_id(relation.head), span_id(relation.child), type_id,
                 now, now))
        for group in sorted(coding.fragments):
            first = span_id(group[0])
            conn.execute("UPDATE spans SET fragment_of = NULL WHERE id = ?", (first,))
            conn.executemany("UPDATE spans SET fragment_of = ? WHERE id = ?",
                             [(first, span_id(ref)) for ref in group[1:]])
        for ref, name, value in sorted(coding.attributes):
            attribute_id = self._attribute(ref.label, name, value, origin)
            conn.execute("INSERT INTO span_attributes (span_id, attribute_id, value) VALUES (?, ?, ?) "
                         "ON CONFLICT(span_id, attribute_id) DO UPDATE SET value = excluded.value",
                         (span_id(ref), attribute_id, value))
        for ref, text in sorted(coding.span_notes):
            conn.execute("INSERT INTO span_notes (span_id, text, updated_at) VALUES (?, ?, ?) ON CONFLICT"
                         "(span_id) DO UPDATE SET text = excluded.text, updated_at = excluded.updated_at",
                         (span_id(ref), text, now))
        if coding.note:
            conn.execute("INSERT INTO article_notes (document_id, annotator_id, text, updated_at) VALUES "
                         "(?, ?, ?, ?) ON CONFLICT(document_id, annotator_id) DO UPDATE SET text = "
                         "excluded.text, updated_at = excluded.updated_at",
                         (document_id, annotator_id, coding.note, now))
        for question, values in sorted(coding.codes):
            question_id = self._question(question, values, origin)
            conn.execute("DELETE FROM article_answers WHERE document_id = ? AND annotator_id = ? AND "
                         "question_id = ?", (document_id, annotator_id, question_id))
            conn.executemany("INSERT INTO article_answers (document_id, annotator_id, question_id, value, "
                             "position, updated_at) VALUES (?, ?, ?, ?, ?, ?)",
                             [(document_id, annotator_id, question_id, v, i, now)
                              for i, v in enumerate(values)])

    def _widen(self, question_id: int, kind: QuestionKind, values: tuple[str, ...]) -> QuestionKind:
        """A guessed kind that ``values`` do not fit, widened: single → multiple for several values; a
        yes/no → a choice with "yes" among its options for any other answer."""
        wider = kind
        if kind is QuestionKind.FLAG and values != (FLAG_YES,):
            wider = QuestionKind.MULTIPLE if len(values) > 1 else QuestionKind.SINGLE
            self.conn.execute("INSERT INTO question_options VALUES (?, ?, 0)", (question_id, FLAG_YES))
        if wider is QuestionKind.SINGLE and len(values) > 1:
            wider = QuestionKind.MULTIPLE
        if wider is not kind:
            self.conn.execute("UPDATE article_questions SET kind = ? WHERE id = ?",
                              (wider.value, question_id))
        return wider

    def _refuse(self, what: str, origin: str | None) -> InputError:
        return InputError(f"{what}; add it to the codebook first or import with --add-labels", path=origin)

    def _relation_type(self, relation: RelationRef, origin: str | None) -> int:
        if self._types is None:
            self._types = {}
            ends: dict[tuple[int, str], list[str]] = {}
            for type_id, role, label in self.conn.execute(
                    "SELECT e.relation_type_id, e.role, l.name FROM relation_type_ends e "
                    "JOIN labels l ON l.id = e.label_id"):
                ends.setdefault((type_id, role), []).append(label)
            for type_id, name, directed in self.conn.execute("SELECT id, name, directed FROM relation_types"):
                self._types[name] = (type_id, RelationType(
                    name, "", directed=bool(directed), head_labels=tuple(ends.get((type_id, "head"), ())),
                    child_labels=tuple(ends.get((type_id, "child"), ()))))
        if relation.type not in self._types:
            if not self.add:
                known = ", ".join(self._types) or "none"
                raise self._refuse(f"unknown relation type {relation.type!r} (the project has: {known})",
                                   origin)
            type_id = self.conn.execute(
                "INSERT INTO relation_types (name, color, key, directed, position) VALUES (?, ?, '', 1, "
                "(SELECT COALESCE(MAX(position) + 1, 0) FROM relation_types))",
                (relation.type, _ADDED_COLOUR)).lastrowid
            self._types[relation.type] = (type_id, RelationType(relation.type, _ADDED_COLOUR))
            self.added.append(f"relation type {relation.type!r}")
        type_id, definition = self._types[relation.type]
        reason = relation_refusal(definition, relation.head.label, relation.child.label)
        if reason:
            raise InputError(reason, path=origin)
        return type_id

    def _attribute(self, label: str, name: str, value: str, origin: str | None) -> int:
        row = self.conn.execute(
            "SELECT t.id, t.kind FROM attributes t JOIN labels l ON l.id = t.label_id WHERE l.name = ? AND "
            "t.name = ?", (label, name)).fetchone()
        if row is None:
            if not self.add:
                raise self._refuse(f"label {label!r} has no attribute {name!r}", origin)
            kind = AttributeKind.FLAG if value == FLAG_YES else AttributeKind.TEXT
            attribute_id = self.conn.execute(
                "INSERT INTO attributes (label_id, name, kind, position) VALUES "
                "((SELECT id FROM labels WHERE name = ?), ?, ?, (SELECT COUNT(*) FROM attributes))",
                (label, name, kind.value)).lastrowid
            self.added.append(f"attribute {name!r} of {label!r}")
            self._guessed.add(("attribute", attribute_id))
            row = (attribute_id, kind.value)
        attribute_id, kind = row
        if kind == AttributeKind.FLAG and value != FLAG_YES and ("attribute", attribute_id) in self._guessed:
            # guessed a flag from a first "yes": it is text, "yes" among its values
            kind = AttributeKind.TEXT.value
            self.conn.execute("UPDATE attributes SET kind = ? WHERE id = ?", (kind, attribute_id))
            self.conn.execute("INSERT INTO attribute_vocabulary VALUES (?, ?, 0)", (attribute_id, FLAG_YES))
        values = tuple(v for (v,) in self.conn.execute(
            "SELECT value FROM attribute_vocabulary WHERE attribute_id = ? ORDER BY position",
            (attribute_id,)))
        reason = attribute_refusal(AttributeDefinition(label, name, AttributeKind(kind), values), value)
        if reason and self.add and kind != AttributeKind.FLAG and value.strip():
            self.conn.execute("INSERT INTO attribute_vocabulary VALUES (?, ?, ?)",
                              (attribute_id, value, len(values)))
            reason = None
        if reason:
            raise InputError(reason, path=origin)
        return attribute_id

    def _question(self, name: str, values: tuple[str, ...], origin: str | None) -> int:
        row = self.conn.execute("SELECT id, kind FROM article_questions WHERE name = ?", (name,)).fetchone()
        if row is None:
            if not self.add:
                raise self._refuse(f"unknown article question {name!r}", origin)
            kind = (QuestionKind.FLAG if values == (FLAG_YES,) else
                    QuestionKind.MULTIPLE if len(values) > 1 else QuestionKind.SINGLE)
            question_id = self.conn.execute(
                "INSERT INTO article_questions (name, kind, position) VALUES (?, ?, "
                "(SELECT COUNT(*) FROM article_questions))", (name, kind.value)).lastrowid
            self.added.append(f"article question {name!r}")
            self._guessed.add(("question", question_id))
            row = (question_id, kind.value)
        question_id, kind = row
        if ("question", question_id) in self._guessed:
            kind = self._widen(question_id, QuestionKind(kind), values).value
        options = [v for (v,) in self.conn.execute(
            "SELECT value FROM question_options WHERE question_id = ? ORDER BY position", (question_id,))]
        if self.add and kind in (QuestionKind.SINGLE, QuestionKind.MULTIPLE):
            for value in values:
                if value not in options:
                    self.conn.execute("INSERT INTO question_options VALUES (?, ?, ?)",
                                      (question_id, value, len(options)))
                    options.append(value)
        reason = answer_refusal(ArticleQuestion(name, QuestionKind(kind), tuple(options)), values)
        if reason:
            raise InputError(reason, path=origin)
        return question_id
