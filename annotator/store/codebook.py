"""The codebook beyond labels: relation types, span attributes (with values or vocabulary), article questions.

Like ``store.gold``, a class over an open ``Project``; every change is one transaction and returns a
``Changes`` with ``structure=True``. Deleting a relation type, attribute or question deletes the work
that used it (the schema's ON DELETE CASCADE), as deleting a label deletes its spans.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable

from annotator.core.agreement.data import StructureCodebook
from annotator.core.errors import InputError, NotFoundError
from annotator.core.structure import (
    ArticleQuestion,
    AttributeDefinition,
    AttributeKind,
    CodebookSchema,
    QuestionKind,
    RelationType,
    schema_refusal,
)
from annotator.store.repository import Changes, Project

SCHEMA_CHANGED = Changes(structure=True)


class Codebook:
    """Relation types, attributes and article questions of one open ``Project``."""

    def __init__(self, project: Project) -> None:
        self.project = project

    def _query(self, sql: str, params: Iterable = ()) -> list[tuple]:
        return self.project._query(sql, params)

    def schema(self) -> CodebookSchema:
        """Relation types, attributes and article questions together, as packs and exports carry them."""
        return CodebookSchema(tuple(self.relation_types()), tuple(self.attributes()), tuple(self.questions()))

    def for_agreement(self) -> StructureCodebook:
        """Relation types, attributes and questions as the structured agreement measures take them."""
        return StructureCodebook(tuple(self.relation_types()), tuple(self.attributes()),
                                 tuple(self.questions()))

    # -- relation types -----------------------------------------------------------------------

    def relation_types(self) -> list[RelationType]:
        """Every relation type in display order, with its allowed head and child labels."""
        ends: dict[tuple[int, str], list[str]] = {}
        for type_id, role, label in self._query(
            "SELECT e.relation_type_id, e.role, l.name FROM relation_type_ends e "
            "JOIN labels l ON l.id = e.label_id ORDER BY l.position, l.id"
        ):
            ends.setdefault((type_id, role), []).append(label)
        return [
            RelationType(name, color, key, bool(directed), tuple(ends.get((type_id, "head"), ())),
                         tuple(ends.get((type_id, "child"), ())), position)
            for type_id, name, color, key, directed, position in self._query(
                "SELECT id, name, color, key, directed, position FROM relation_types ORDER BY position, id")
        ]

    def relation_type(self, name: str) -> RelationType:
        for relation_type in self.relation_types():
            if relation_type.name == name:
                return relation_type
        raise NotFoundError(f"there is no relation type named {name!r}")

    def add_relation_type(self, relation_type: RelationType) -> Changes:
        """Append a relation type; its head and child labels must exist."""
        name = relation_type.name.strip()
        if not name:
            raise InputError("a relation type needs a name")
        with self.project.transaction() as conn:
            if conn.execute("SELECT 1 FROM relation_types WHERE name = ?", (name,)).fetchone():
                raise InputError(f"a relation type named {name!r} already exists")
            ends = self._ends(conn, relation_type.head_labels, relation_type.child_labels)
            type_id = conn.execute(
                "INSERT INTO relation_types (name, color, key, directed, position) VALUES (?, ?, ?, ?, "
                "(SELECT COALESCE(MAX(position) + 1, 0) FROM relation_types))",
                (name, relation_type.color, relation_type.key, int(relation_type.directed)),
            ).lastrowid
            conn.executemany("INSERT INTO relation_type_ends VALUES (?, ?, ?)",
                             [(type_id, role, label_id) for role, label_id in ends])
        return SCHEMA_CHANGED

    def update_relation_type(self, name: str, new: RelationType) -> Changes:
        """Replace a relation type's name, colour, key, direction and allowed labels; its relations stay.

        Relations already made keep their ends even if the new allowed labels would refuse them.
        """
        type_id = self._type_id(name)
        new_name = new.name.strip()
        if not new_name:
            raise InputError("a relation type needs a name")
        with self.project.transaction() as conn:
            if new_name != name and conn.execute(
                    "SELECT 1 FROM relation_types WHERE name = ?", (new_name,)).fetchone():
                raise InputError(f"a relation type named {new_name!r} already exists")
            ends = self._ends(conn, new.head_labels, new.child_labels)
            conn.execute("UPDATE relation_types SET name = ?, color = ?, key = ?, directed = ? WHERE id = ?",
                         (new_name, new.color, new.key, int(new.directed), type_id))
            conn.execute("DELETE FROM relation_type_ends WHERE relation_type_id = ?", (type_id,))
            conn.executemany("INSERT INTO relation_type_ends VALUES (?, ?, ?)",
                             [(type_id, role, label_id) for role, label_id in ends])
        return SCHEMA_CHANGED

    def relation_type_usage(self, name: str) -> int:
        """How many relations use the type: asked before deleting it."""
        return self._query("SELECT COUNT(*) FROM relations WHERE relation_type_id = ?",
                           (self._type_id(name),))[0][0]

    def delete_relation_type(self, name: str) -> Changes:
        """Delete a relation type and every relation of it."""
        type_id = self._type_id(name)
        with self.project.transaction() as conn:
            rows = conn.execute("SELECT id, document_id FROM relations WHERE relation_type_id = ?",
                                (type_id,)).fetchall()
            conn.execute("DELETE FROM relation_types WHERE id = ?", (type_id,))
        return Changes(structure=True, relations=frozenset(r[0] for r in rows),
                       documents=frozenset(r[1] for r in rows))

    def _type_id(self, name: str) -> int:
        rows = self._query("SELECT id FROM relation_types WHERE name = ?", (name,))
        if not rows:
            raise NotFoundError(f"there is no relation type named {name!r}")
        return rows[0][0]

    @staticmethod
    def _ends(
        conn: sqlite3.Connection, heads: Iterable[str], children: Iterable[str]
    ) -> list[tuple[str, int]]:
        labels = dict(conn.execute("SELECT name, id FROM labels"))
        ends = []
        for role, names in (("head", heads), ("child", children)):
            for name in dict.fromkeys(names):
                if name not in labels:
                    raise InputError(f"there is no label named {name!r} to allow as a relation's {role}")
                ends.append((role, labels[name]))
        return ends

    # -- attributes ---------------------------------------------------------------------------

    def attributes(self, label: str | None = None) -> list[AttributeDefinition]:
        """The attributes of every label (or of one), in label then display order."""
        values: dict[int, list[str]] = {}
        for attribute_id, value in self._query(
                "SELECT attribute_id, value FROM attribute_vocabulary ORDER BY position, value"):
            values.setdefault(attribute_id, []).append(value)
        clause, params = ("WHERE l.name = ?", (label,)) if label is not None else ("", ())
        rows = self._query(
            "SELECT t.id, l.name, t.name, t.kind, t.position FROM attributes t JOIN labels l ON l.id = "
            f"t.label_id {clause} ORDER BY l.position, l.id, t.position, t.id", params)
        return [AttributeDefinition(label_name, name, AttributeKind(kind), tuple(values.get(attr_id, ())),
                                    position)
                for attr_id, label_name, name, kind, position in rows]

    def attribute(self, label: str, name: str) -> AttributeDefinition:
        for definition in self.attributes(label):
            if definition.name == name:
                return definition
        raise NotFoundError(f"label {label!r} has no attribute named {name!r}")

    def add_attribute(self, definition: AttributeDefinition) -> Changes:
        """Give a label an attribute; a choice needs its values, a text attribute may start with its list."""
        kind = AttributeKind(definition.kind)
        name = definition.name.strip()
        if kind is AttributeKind.FLAG and definition.values:
            raise InputError(f"the flag {name!r} is yes or no: it takes no values")
        reason = schema_refusal("attribute", name, definition.values, kind is AttributeKind.CHOICE)
        if reason:
            raise InputError(reason)
        label_id = self.project._label_id(definition.label)
        with self.project.transaction() as conn:
            if conn.execute("SELECT 1 FROM attributes WHERE label_id = ? AND name = ?",
                            (label_id, name)).fetchone():
                raise InputError(f"label {definition.label!r} already has an attribute named {name!r}")
            attribute_id = conn.execute(
                "INSERT INTO attributes (label_id, name, kind, position) VALUES (?, ?, ?, "
                "(SELECT COALESCE(MAX(position) + 1, 0) FROM attributes WHERE label_id = ?))",
                (label_id, name, kind.value, label_id),
            ).lastrowid
            conn.executemany("INSERT INTO attribute_vocabulary VALUES (?, ?, ?)",
                             [(attribute_id, value, i) for i, value in enumerate(definition.values)])
        return SCHEMA_CHANGED

    def add_vocabulary_entry(self, label: str, name: str, value: str) -> Changes:
        """Add a value to a text attribute's vocabulary (or a choice's values), on purpose."""
        definition = self.attribute(label, name)
        if definition.kind is AttributeKind.FLAG:
            raise InputError(f"the flag {name!r} is yes or no: it takes no values")
        value = value.strip()
        if not value:
            raise InputError(f"an entry of {name!r} cannot be empty")
        if value in definition.values:
            raise InputError(f"{value!r} is already in the list of {name!r}")
        attribute_id = self._attribute_id(label, name)
        with self.project.transaction() as conn:
            conn.execute(
                "INSERT INTO attribute_vocabulary VALUES (?, ?, (SELECT COALESCE(MAX(position) + 1, 0) "
                "FROM attribute_vocabulary WHERE attribute_id = ?))", (attribute_id, value, attribute_id))
        return SCHEMA_CHANGED

    def delete_attribute(self, label: str, name: str) -> Changes:
        """Delete an attribute and every value spans had for it."""
        attribute_id = self._attribute_id(label, name)
        with self.project.transaction() as conn:
            spans = [row[0] for row in conn.execute(
                "SELECT span_id FROM span_attributes WHERE attribute_id = ?", (attribute_id,))]
            conn.execute("DELETE FROM attributes WHERE id = ?", (attribute_id,))
        return Changes(structure=True, span_details=frozenset(spans))

    def _attribute_id(self, label: str, name: str) -> int:
        rows = self._query("SELECT t.id FROM attributes t JOIN labels l ON l.id = t.label_id "
                           "WHERE l.name = ? AND t.name = ?", (label, name))
        if not rows:
            raise NotFoundError(f"label {label!r} has no attribute named {name!r}")
        return rows[0][0]

    # -- article questions --------------------------------------------------------------------

    def questions(self) -> list[ArticleQuestion]:
        """The article questions in display order."""
        options: dict[int, list[str]] = {}
        for question_id, value in self._query(
                "SELECT question_id, value FROM question_options ORDER BY position, value"):
            options.setdefault(question_id, []).append(value)
        return [ArticleQuestion(name, QuestionKind(kind), tuple(options.get(question_id, ())), position)
                for question_id, name, kind, position in self._query(
                    "SELECT id, name, kind, position FROM article_questions ORDER BY position, id")]

    def question(self, name: str) -> ArticleQuestion:
        for question in self.questions():
            if question.name == name:
                return question
        raise NotFoundError(f"there is no article question named {name!r}")

    def add_question(self, question: ArticleQuestion) -> Changes:
        """Append an article question; single and multiple choice need their options."""
        kind = QuestionKind(question.kind)
        name = question.name.strip()
        choosing = kind in (QuestionKind.SINGLE, QuestionKind.MULTIPLE)
        if not choosing and question.options:
            raise InputError(f"the question {name!r} ({kind.value}) takes no options")
        reason = schema_refusal("question", name, question.options, choosing)
        if reason:
            raise InputError(reason)
        with self.project.transaction() as conn:
            if conn.execute("SELECT 1 FROM article_questions WHERE name = ?", (name,)).fetchone():
                raise InputError(f"an article question named {name!r} already exists")
            question_id = conn.execute(
                "INSERT INTO article_questions (name, kind, position) VALUES (?, ?, "
                "(SELECT COALESCE(MAX(position) + 1, 0) FROM article_questions))", (name, kind.value),
            ).lastrowid
            conn.executemany("INSERT INTO question_options VALUES (?, ?, ?)",
                             [(question_id, value, i) for i, value in enumerate(question.options)])
        return SCHEMA_CHANGED

    def delete_question(self, name: str) -> Changes:
        """Delete an article question and every answer to it."""
        rows = self._query("SELECT id FROM article_questions WHERE name = ?", (name,))
        if not rows:
            raise NotFoundError(f"there is no article question named {name!r}")
        with self.project.transaction() as conn:
            pairs = conn.execute(
                "SELECT DISTINCT r.document_id, a.name FROM article_answers r "
                "JOIN annotators a ON a.id = r.annotator_id WHERE r.question_id = ?", (rows[0][0],),
            ).fetchall()
            conn.execute("DELETE FROM article_questions WHERE id = ?", (rows[0][0],))
        return Changes(structure=True, codes=frozenset(pairs))
