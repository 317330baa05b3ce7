"""Structured coding beyond flat spans: relations between spans, span attributes, notes, article codes.

The schema half (``RelationType``, ``AttributeDefinition``, ``ArticleQuestion``) is the project's; the
work half (``Relation``, ``AttributeValue``, ``Note``, ``ArticleAnswer``) is one annotator's on one
article. The validation functions here return a reason a user can read (``None`` when allowed), so the
store refuses with the same sentence the window shows in its status bar.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from annotator.core.model import SpanRef
from annotator.core.normalise import normalised_text


class AttributeKind(StrEnum):
    """What a span attribute holds."""

    CHOICE = "choice"  # one of fixed values
    FLAG = "flag"  # yes or no: set means yes
    TEXT = "text"  # text from the team's vocabulary (new entries are added on purpose, never by a typo)


class QuestionKind(StrEnum):
    """How an article question is answered."""

    SINGLE = "single"  # one of the options
    MULTIPLE = "multiple"  # any of the options
    FLAG = "flag"  # yes or no
    TEXT = "text"  # short free text


FLAG_YES = "yes"  # the stored value of a set flag (an unset flag has no value at all)


@dataclass(frozen=True)
class RelationType:
    """A kind of link between two spans; empty ``head_labels``/``child_labels`` allow any label."""

    name: str
    color: str
    key: str = ""
    directed: bool = True
    head_labels: tuple[str, ...] = ()
    child_labels: tuple[str, ...] = ()
    position: int = 0


@dataclass(frozen=True)
class Relation:
    """One annotator's link from a head span to a child span on one article."""

    id: int
    document_id: str
    annotator: str
    head: int  # span id
    child: int  # span id
    type: str  # relation type name
    created_at: str = ""
    updated_at: str = ""


@dataclass(frozen=True)
class AttributeDefinition:
    """An attribute spans of ``label`` may carry; ``values`` are a choice's values or a text's vocabulary."""

    label: str
    name: str
    kind: AttributeKind
    values: tuple[str, ...] = ()
    position: int = 0


@dataclass(frozen=True)
class AttributeValue:
    """The value one span has for one attribute (``FLAG_YES`` for a set flag)."""

    span_id: int
    name: str
    value: str


@dataclass(frozen=True)
class ArticleQuestion:
    """A question asked once per article and annotator."""

    name: str
    kind: QuestionKind
    options: tuple[str, ...] = ()
    position: int = 0


@dataclass(frozen=True)
class ArticleAnswer:
    """One annotator's answer to one question on one article (several values only for `multiple`)."""

    document_id: str
    annotator: str
    question: str
    values: tuple[str, ...]
    updated_at: str = ""


@dataclass(frozen=True)
class Note:
    """Free text on a span (``span_id`` set) or on an article (``span_id`` None), by one annotator."""

    document_id: str
    annotator: str
    text: str
    span_id: int | None = None
    updated_at: str = ""


DEFAULT_RELATION_TYPES: tuple[RelationType, ...] = (
    RelationType("claims", "#4e79a7", "", True, ("actor",), ("demand",)),
    RelationType("denies", "#e15759", "", True, ("actor",), ("denial",)),
    RelationType("mediates", "#f28e2b", "", True, ("mediator",), ("actor",)),
    RelationType("addressed_to", "#59a14f", "", True, ("demand",), ("actor",)),
)


def _allowed(labels: tuple[str, ...], label: str) -> bool:
    return not labels or label in labels


def relation_refusal(relation_type: RelationType, head_label: str, child_label: str) -> str | None:
    """Why a span of ``head_label`` may not link to one of ``child_label`` by this type; None if it may.

    An undirected type accepts the pair either way round.
    """
    heads, children = relation_type.head_labels, relation_type.child_labels
    fits = _allowed(heads, head_label) and _allowed(children, child_label)
    if not fits and not relation_type.directed:
        fits = _allowed(heads, child_label) and _allowed(children, head_label)
    if fits:
        return None
    if not _allowed(relation_type.head_labels, head_label):
        return (f"a {relation_type.name!r} relation must start at a span labelled "
                f"{_either(relation_type.head_labels)}, not {head_label!r}")
    return (f"a {relation_type.name!r} relation must end at a span labelled "
            f"{_either(relation_type.child_labels)}, not {child_label!r}")


def _either(labels: tuple[str, ...]) -> str:
    return " or ".join(repr(label) for label in labels)


def attribute_refusal(definition: AttributeDefinition, value: str) -> str | None:
    """Why ``value`` cannot be stored for this attribute; None if it can."""
    if definition.kind is AttributeKind.FLAG:
        if value != FLAG_YES:
            return f"{definition.name!r} is a flag: it is set ({FLAG_YES!r}) or cleared, not {value!r}"
        return None
    if not value.strip():
        return f"{definition.name!r} needs a value (clear it instead of storing nothing)"
    if value not in definition.values:
        if definition.kind is AttributeKind.CHOICE:
            return (f"{value!r} is not one of the values of {definition.name!r} "
                    f"({', '.join(definition.values) or 'none defined'})")
        return (f"{value!r} is not in the vocabulary of {definition.name!r}; add it to the list first "
                "(new entries are added on purpose)")
    return None


def vocabulary_key(text: str) -> str:
    """How typed text is matched against a vocabulary: Arabic-normalised (hamza, harakat, tatweel…),
    case-folded, trimmed."""
    return normalised_text(text).casefold().strip()


def vocabulary_entry(vocabulary: tuple[str, ...], typed: str) -> str | None:
    """The vocabulary's own spelling of what was typed («ايران» → «إيران»), or None if it has none."""
    key = vocabulary_key(typed)
    return next((entry for entry in vocabulary if vocabulary_key(entry) == key), None) if key else None


def answer_refusal(question: ArticleQuestion, values: tuple[str, ...]) -> str | None:
    """Why ``values`` cannot answer ``question``; None if they can (no values at all clears an answer)."""
    if not values:
        return None
    if len(set(values)) != len(values):
        return f"the answer to {question.name!r} repeats a value"
    if question.kind is QuestionKind.MULTIPLE:
        unknown = [value for value in values if value not in question.options]
        if unknown:
            return (f"{unknown[0]!r} is not an option of {question.name!r} "
                    f"({', '.join(question.options) or 'none defined'})")
        return None
    if len(values) > 1:
        return f"{question.name!r} takes one answer, not {len(values)}"
    [value] = values
    if question.kind is QuestionKind.FLAG and value != FLAG_YES:
        return f"{question.name!r} is a yes/no question: it is set ({FLAG_YES!r}) or cleared, not {value!r}"
    if question.kind is QuestionKind.SINGLE and value not in question.options:
        return (f"{value!r} is not an option of {question.name!r} "
                f"({', '.join(question.options) or 'none defined'})")
    if question.kind is QuestionKind.TEXT and not value.strip():
        return f"the answer to {question.name!r} is empty (clear it instead)"
    return None


def schema_refusal(kind: str, name: str, values: tuple[str, ...], needs_values: bool) -> str | None:
    """Why a new attribute or question definition is malformed; None if it is fine."""
    if not name.strip():
        return f"{'an' if kind[0] in 'aeiou' else 'a'} {kind} needs a name"
    if needs_values and not values:
        return f"the {kind} {name!r} needs at least one value to choose from"
    if any(not value.strip() for value in values):
        return f"the {kind} {name!r} has an empty value"
    if len(set(values)) != len(values):
        return f"the {kind} {name!r} lists a value twice"
    return None


@dataclass(frozen=True, order=True)
class RelationRef:
    """A relation without identity, its ends given by where they are: what files and merges carry."""

    head: SpanRef
    child: SpanRef
    type: str


@dataclass(frozen=True)
class StructuredCoding:
    """One annotator's structured work on one article, without ids (files, packs, merges).

    Sets, so two copies of the same work compare equal whatever order a file lists them in.
    """

    relations: frozenset[RelationRef] = frozenset()
    attributes: frozenset[tuple[SpanRef, str, str]] = frozenset()  # (span, attribute name, value)
    span_notes: frozenset[tuple[SpanRef, str]] = frozenset()  # (span, note text)
    note: str = ""  # the article note
    codes: frozenset[tuple[str, tuple[str, ...]]] = frozenset()  # (question, values) answered
    # discontinuous annotations: each the spans of one annotation (two or more), in text order
    fragments: frozenset[tuple[SpanRef, ...]] = frozenset()

    def __bool__(self) -> bool:
        return bool(self.relations or self.attributes or self.span_notes or self.note or self.codes
                    or self.fragments)

    def attributes_of(self, span: SpanRef) -> dict[str, str]:
        return {name: value for ref, name, value in sorted(self.attributes) if ref == span}

    def note_of(self, span: SpanRef) -> str:
        return next((text for ref, text in self.span_notes if ref == span), "")

    def answers(self) -> dict[str, tuple[str, ...]]:
        return dict(sorted(self.codes))


@dataclass(frozen=True)
class CodebookSchema:
    """A project's relation types, attributes and article questions, as packs and merges carry them."""

    relation_types: tuple[RelationType, ...] = ()
    attributes: tuple[AttributeDefinition, ...] = ()
    questions: tuple[ArticleQuestion, ...] = ()

    def __bool__(self) -> bool:
        return bool(self.relation_types or self.attributes or self.questions)


def coding_order(coding: StructuredCoding) -> tuple:
    """A total order of codings, so a tie under ``merge --prefer newer`` never depends on file order."""
    return (sorted(coding.relations), sorted(coding.attributes), sorted(coding.span_notes), coding.note,
            sorted(coding.codes))


@dataclass(frozen=True)
class GoldRelation:
    """A relation in gold between two gold spans (ids of ``gold_spans``), with who decided and when."""

    id: int
    document_id: str
    head: SpanRef
    child: SpanRef
    type: str
    decided_by: str
    decided_at: str
    origin: str = "curated"  # "auto" when accepted by vote

    @property
    def ref(self) -> RelationRef:
        return RelationRef(self.head, self.child, self.type)


@dataclass(frozen=True)
class GoldAttribute:
    """A gold span's value for one attribute, with who decided and when."""

    span: SpanRef
    name: str
    value: str
    decided_by: str
    decided_at: str
    origin: str = "curated"


@dataclass(frozen=True)
class GoldAnswer:
    """Gold's answer to one article question, with who decided and when."""

    document_id: str
    question: str
    values: tuple[str, ...]
    decided_by: str
    decided_at: str
    origin: str = "curated"
