"""Making a relation from the keyboard or the mouse: the head is the selected span, then the other end.

R (or a relation type's own key) with a span selected starts picking: the status bar names the type and
the head; R again cycles through the other types that may start at the head's label. N and P (or
Shift+N) step through the spans of the head's paragraph that may be the other end, drawn as a dashed
arc; Enter makes the relation; a click on a span (in the text or the span list) makes it at once;
Esc cancels. A disallowed end is refused with the reason in the status bar and nothing stored.

While picking, the picker filters the application's key events so these keys reach it and not the
window's shortcuts (N is otherwise "next span", Esc "dismiss suggestions").
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QWidget

from annotator.core.model import Span
from annotator.core.structure import Relation, RelationType, relation_refusal

if TYPE_CHECKING:
    from annotator.ui.annotate.page import AnnotationPage

_KEYS = {Qt.Key.Key_N, Qt.Key.Key_P, Qt.Key.Key_R, Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Escape}


def isolated(name: str) -> str:
    """A name in a first-strong isolate (FSI…PDI): Latin or Arabic, it keeps its place in the sentence."""
    return f"\u2068{name}\u2069"


def may_start_at(relation_type: RelationType, label: str) -> bool:
    """Whether a span of ``label`` can be the head (or, undirected, either end) of this type."""
    allowed = not relation_type.head_labels or label in relation_type.head_labels
    if not relation_type.directed:
        allowed = allowed or not relation_type.child_labels or label in relation_type.child_labels
    return allowed


def paragraph_of(text: str, position: int) -> tuple[int, int]:
    """Code points of the paragraph (text between line breaks) holding ``position``."""
    start = text.rfind("\n", 0, position) + 1
    end = text.find("\n", position)
    return start, len(text) if end < 0 else end


class RelationPicker(QObject):
    """The state of one relation being made: head span, relation type, the candidate other end."""

    def __init__(self, page: AnnotationPage) -> None:
        super().__init__(page)
        self._page = page
        self.head: Span | None = None
        self.types: list[RelationType] = []
        self.type_index = 0
        self.candidates: list[Span] = []
        self.current = -1  # index into candidates, -1 for none

    @property
    def active(self) -> bool:
        return self.head is not None

    @property
    def relation_type(self) -> RelationType | None:
        return self.types[self.type_index] if self.types else None

    @property
    def candidate(self) -> Span | None:
        return self.candidates[self.current] if 0 <= self.current < len(self.candidates) else None

    # -- starting, stepping, ending -------------------------------------------------------------

    def start(self, head: Span, types: list[RelationType], first: str | None = None) -> None:
        """Pick the other end of a relation from ``head`` by one of ``types`` (``first`` tried first)."""
        fitting = [t for t in types if may_start_at(t, head.label)]
        if first is not None:
            fitting = [t for t in fitting if t.name == first] or fitting
            if not any(t.name == first for t in fitting):
                self._say(self.tr("A “{type}” relation cannot start at a {label} span.")
                          .format(type=first, label=head.label))
                return
        if not fitting:
            self._say(self.tr("No relation type starts at a {label} span (Labels ▸ Edit labels… sets which "
                              "labels a relation joins).").format(label=head.label))
            return
        if not self.active:
            QApplication.instance().installEventFilter(self)
        self.head, self.types, self.type_index = head, fitting, 0
        self._find_candidates()

    def cycle_type(self) -> None:
        if self.active and len(self.types) > 1:
            self.type_index = (self.type_index + 1) % len(self.types)
            self._find_candidates()
        elif self.active:
            self._announce()

    def step(self, forward: bool) -> None:
        """Make the next (or previous) allowed span of the paragraph the candidate."""
        if not self.candidates:
            self._announce()
            return
        self.current = (self.current + (1 if forward else -1)) % len(self.candidates)
        self._show_candidate()

    def confirm(self) -> None:
        """Enter: make the relation to the candidate."""
        candidate = self.candidate
        if candidate is None:
            self._say(self.tr("No span of this paragraph can be the other end: click one, or Esc to cancel."))
            return
        self.choose(candidate.id)

    def choose(self, span_id: int) -> None:
        """The other end is ``span_id`` (clicked, or confirmed): make the relation, or say why not."""
        head, relation_type = self.head, self.relation_type
        if head is None or relation_type is None:
            return
        child = next((s for s in self._page.spans if s.id == span_id), None)
        if child is None:
            return
        reason = self.refusal(head, child, relation_type)
        if reason:
            self._say(self.tr("Not linked: {reason}").format(reason=reason))
            return
        self._page.add_relation(head.id, child.id, relation_type.name)
        self.finish()  # after: the arc's room stays while the pending arc becomes the relation's

    def cancel(self) -> None:
        if self.active:
            self.finish()
            self._say(self.tr("No relation made."))

    def finish(self) -> None:
        """Stop picking (nothing is said)."""
        if self.active:
            QApplication.instance().removeEventFilter(self)
        self.head, self.types, self.candidates, self.current = None, [], [], -1
        self._page.article_view.set_pending_relation(None)

    # -- what may be linked ---------------------------------------------------------------------

    def refusal(self, head: Span, child: Span, relation_type: RelationType) -> str | None:
        """Why ``head`` may not link to ``child`` by this type, in the interface language; None if it may.

        The same rules as the store's (``core.structure.relation_refusal`` and the store's checks),
        worded for the status bar.
        """
        if head.id == child.id:
            return self.tr("a relation joins two different spans.")
        if child.annotator != head.annotator:
            return self.tr("that span is {annotator}'s; a relation joins two spans of the same annotator.") \
                .format(annotator=child.annotator)
        if relation_refusal(relation_type, head.label, child.label) is not None:
            if relation_type.head_labels and head.label not in relation_type.head_labels:
                return self.tr("a “{type}” relation must start at a span labelled {labels}, not {label}.")\
                    .format(type=relation_type.name, labels=self._either(relation_type.head_labels),
                            label=head.label)
            return self.tr("a “{type}” relation must end at a span labelled {labels}, not {label}.").format(
                type=relation_type.name, labels=self._either(relation_type.child_labels), label=child.label)
        if any(self._same(r, head, child, relation_type) for r in self._page.relations):
            return self.tr("these spans are already linked by “{type}”.").format(type=relation_type.name)
        return None

    def _either(self, labels: tuple[str, ...]) -> str:
        return self.tr(" or ").join(labels)

    @staticmethod
    def _same(relation: Relation, head: Span, child: Span, relation_type: RelationType) -> bool:
        pair = (relation.head, relation.child)
        same = pair == (head.id, child.id) or (not relation_type.directed and pair == (child.id, head.id))
        return same and relation.type == relation_type.name

    def _find_candidates(self) -> None:
        head, relation_type = self.head, self.relation_type
        assert head is not None and relation_type is not None
        start, end = paragraph_of(self._page.article_view.text, head.start)
        self.candidates = [s for s in self._page.spans if start <= s.start < end
                           and self.refusal(head, s, relation_type) is None]
        after = [i for i, s in enumerate(self.candidates) if s.start >= head.end]
        self.current = after[0] if after else (0 if self.candidates else -1)
        self._show_candidate()

    def _show_candidate(self) -> None:
        head, relation_type, candidate = self.head, self.relation_type, self.candidate
        assert head is not None and relation_type is not None
        self._page.article_view.set_pending_relation(
            None if candidate is None else (head.id, candidate.id, relation_type.color))
        if candidate is not None:
            self._page.article_view.show_range(candidate.start, candidate.end)
        self._announce()

    def _announce(self) -> None:
        head, relation_type = self.head, self.relation_type
        if head is None or relation_type is None:
            return
        excerpt = self._excerpt(head)
        more = self.tr(" · R other type") if len(self.types) > 1 else ""
        if self.candidate is None:
            self._say(self.tr("{type} from «{head}»: no span of this paragraph fits — click one{more} · Esc "
                              "cancels").format(type=isolated(relation_type.name), head=excerpt, more=more))
            return
        self._say(self.tr("{type}: «{head}» → «{child}» — Enter links · N/P other end{more} · Esc cancels")
                  .format(type=isolated(relation_type.name), head=excerpt,
                          child=self._excerpt(self.candidate), more=more))

    def _excerpt(self, span: Span) -> str:
        """The span's first words, isolated so that Arabic inside a message cannot reorder it."""
        text = self._page.article_view.text[span.start:span.end].replace("\n", " ")
        return f"\u2068{text if len(text) <= 20 else text[:20] + '…'}\u2069"

    def _say(self, text: str) -> None:
        # led by the interface's direction mark: a relation type named in Latin letters first must not
        # turn the Arabic line left to right ("— Enter" drawn before the type's name)
        self._page.message.emit(("\u200f" if self._page.isRightToLeft() else "") + text)

    # -- keys -----------------------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind not in (QEvent.Type.ShortcutOverride, QEvent.Type.KeyPress) or not self.active:
            return False
        assert isinstance(event, QKeyEvent)
        if event.key() not in _KEYS or event.modifiers() & ~(Qt.KeyboardModifier.ShiftModifier
                                                              | Qt.KeyboardModifier.KeypadModifier):
            return False
        if not isinstance(watched, QWidget) or watched.window() is not self._page.window():
            return False
        event.accept()
        if kind == QEvent.Type.KeyPress:
            self._key(Qt.Key(event.key()), bool(event.modifiers() & Qt.KeyboardModifier.ShiftModifier))
        return True

    def _key(self, key: Qt.Key, shift: bool) -> None:
        if key == Qt.Key.Key_N:
            self.step(not shift)
        elif key == Qt.Key.Key_P:
            self.step(False)
        elif key == Qt.Key.Key_R:
            self.cycle_type()
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.confirm()
        elif key == Qt.Key.Key_Escape:
            self.cancel()
