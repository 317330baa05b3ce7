"""Undoable annotation edits: one QUndoCommand per user edit, each calling the store.

Every store call is its own transaction, so an edit is on disk the moment it is made (there is no Save).
A command makes its change once in ``run()`` — called before it is pushed, so a refused change never
reaches the undo stack and Qt's ``redo()`` never has to raise — and afterwards undo/redo put back
exactly the rows it recorded (a deleted span comes back with its id and timestamps), and only while
those rows are as it left them: if another writer (a second window, `annotator merge`) changed them,
the step does nothing, says so, and retires itself.
After every change the command calls ``notify(changes)``; the window turns that into its one signal.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoCommand, QUndoStack

from annotator.core.errors import AnnotatorError, ChangedElsewhereError
from annotator.core.model import Span, Status
from annotator.store import Changes, Project
from annotator.store.coding import Coding, SpanRemoval

Notify = Callable[[Changes], None]


def span_changes(span: Span) -> Changes:
    """What an edit of ``span`` changed: the span, its article and its annotator's status there."""
    return Changes(documents=frozenset({span.document_id}), spans=frozenset({span.id}),
                   statuses=frozenset({(span.document_id, span.annotator)}))


def refusal_text(exc: AnnotatorError) -> str:
    """What the status bar says when an undo or redo step was refused."""
    if isinstance(exc, ChangedElsewhereError):
        return QCoreApplication.translate(
            "commands", "Undo step skipped: its spans were changed elsewhere (another window or the command "
            "line), so nothing was changed.")
    return str(exc)


class AnnotationCommand(QUndoCommand):
    """Base: subclasses implement ``apply`` (first run), ``reapply`` (redo) and ``revert`` (undo)."""

    def __init__(self, project: Project, notify: Notify, text: str) -> None:
        super().__init__(text)
        self.project = project
        self.notify = notify
        self._pending: Changes | None = None  # made by run(), announced by the push's redo()
        self.on_error: Callable[[str], None] | None = None
        self.after_undo: Callable[[], None] | None = None  # the page's follow-up, e.g. select what came back

    def apply(self) -> Changes:
        raise NotImplementedError

    def reapply(self) -> Changes:
        return self.apply()

    def revert(self) -> Changes:
        raise NotImplementedError

    def run(self) -> Changes:
        """Make the change for the first time (may raise AnnotatorError: then push nothing)."""
        self._pending = self.apply()
        return self._pending

    def redo(self) -> None:
        if self._pending is not None:  # pushed right after run(): the change is already made
            changes, self._pending = self._pending, None
        else:
            try:
                changes = self.reapply()
            except AnnotatorError as exc:
                self._refused(exc)
                return
        self.notify(changes)

    def undo(self) -> None:
        try:
            changes = self.revert()
        except AnnotatorError as exc:
            self._refused(exc)
            return
        self.notify(changes)
        if self.after_undo is not None:
            self.after_undo()

    def _refused(self, exc: AnnotatorError) -> None:
        """Qt cannot take an exception from undo()/redo(): report it and retire this command."""
        self.setObsolete(True)
        if self.on_error is not None:
            self.on_error(refusal_text(exc))


class AddSpan(AnnotationCommand):
    """Tag ``start``–``end`` of an article with a label."""

    def __init__(self, project: Project, notify: Notify, document_id: str, annotator: str,
                 start: int, end: int, label: str) -> None:
        super().__init__(project, notify,
                         QCoreApplication.translate("commands", "tag {label}").format(label=label))
        self.args = (document_id, annotator, start, end, label)
        self.span: Span | None = None

    def apply(self) -> Changes:
        self.span = self.project.add_span(*self.args)
        return span_changes(self.span)

    def reapply(self) -> Changes:
        assert self.span is not None
        return span_changes(self.project.restore_span(self.span))

    def revert(self) -> Changes:
        assert self.span is not None
        # only the span this command made; returned as it is now (its updated_at may differ)
        self.span = self.project.delete_span(self.span.id, expected=self.span)
        return span_changes(self.span)


def spans_changes(spans: list[Span]) -> Changes:
    """What an edit of several spans changed (see ``span_changes``), in one pass: unioning one
    ``Changes`` per span copies the growing sets each time (51 s for 63,000 spans)."""
    return Changes(documents=frozenset(s.document_id for s in spans), spans=frozenset(s.id for s in spans),
                   statuses=frozenset((s.document_id, s.annotator) for s in spans))


class AddSpans(AnnotationCommand):
    """One user action that tags several places at once (accept all suggestions, copy a passage's spans).

    ``wanted`` holds ``(document_id, start, end, label)``; places already tagged identically are skipped,
    and undo removes exactly the spans this command added, in one transaction.
    """

    def __init__(self, project: Project, notify: Notify, annotator: str,
                 wanted: list[tuple[str, int, int, str]], text: str) -> None:
        super().__init__(project, notify, text)
        self.annotator = annotator
        self.wanted = wanted
        self.spans: list[Span] = []

    def apply(self) -> Changes:
        self.spans = self.project.add_spans(self.annotator, self.wanted)
        return spans_changes(self.spans)

    def reapply(self) -> Changes:
        return spans_changes(self.project.restore_spans(self.spans))

    def revert(self) -> Changes:
        self.spans = self.project.delete_spans([span.id for span in self.spans], expected=self.spans)
        return spans_changes(self.spans)


class DeleteSpan(AnnotationCommand):
    """Delete a span with its relations, attribute values and note; undo brings all back with their ids.

    A fragment of a discontinuous annotation is deleted with the annotation's other fragments: the whole
    annotation goes, and comes back, in one step.
    """

    def __init__(self, project: Project, notify: Notify, span: Span) -> None:
        super().__init__(project, notify,
                         QCoreApplication.translate("commands", "delete {label}").format(label=span.label))
        self.span = span
        self.coding = Coding(project)
        self.removals: list[SpanRemoval] = []

    def apply(self) -> Changes:
        recorded = [removal.span for removal in self.removals] or [self.span]
        self.removals, changes = self.coding.delete_spans([span.id for span in recorded], expected=recorded)
        self.span = next(r.span for r in self.removals if r.span.id == self.span.id)
        return changes | spans_changes([removal.span for removal in self.removals])

    def revert(self) -> Changes:
        return self.coding.restore_spans(self.removals) | spans_changes([r.span for r in self.removals])


class ChangeSpan(AnnotationCommand):
    """Change a span's label and/or boundaries in place.

    A new label goes to every fragment of a discontinuous annotation (it is one annotation, one label);
    boundaries move only the fragment edited.
    """

    def __init__(self, project: Project, notify: Notify, span: Span, *, label: str | None = None,
                 start: int | None = None, end: int | None = None) -> None:
        if label is not None:
            what = QCoreApplication.translate("commands", "label {label}").format(label=label)
        else:
            what = QCoreApplication.translate("commands", "boundaries")
        text = QCoreApplication.translate("commands", "change {label} span: {what}")
        super().__init__(project, notify, text.format(label=span.label, what=what))
        self.before = span
        self.after: Span | None = None
        self.label, self.start, self.end = label, start, end
        self.relabelled: list[tuple[Span, Span]] = []  # (before, after) of each fragment given the label

    def apply(self) -> Changes:
        if self.label is not None and self.start is None and self.end is None:
            return self._relabel()
        self.after = self.project.update_span(self.before.id, label=self.label, start=self.start,
                                              end=self.end, expected=self.before)
        return span_changes(self.after)

    def _relabel(self) -> Changes:
        assert self.label is not None
        if self.relabelled:
            befores = [before for before, _after in self.relabelled]
        else:
            others = [span_id for span_id in self.project.annotation_span_ids([self.before.id])
                      if span_id != self.before.id]
            befores = [self.before, *(self.project.span(span_id) for span_id in others)]
        afters = self.project.set_labels((span, self.label) for span in befores)
        self.relabelled = list(zip(befores, afters, strict=True))
        self.after = afters[0]
        return spans_changes(afters)

    def revert(self) -> Changes:
        if self.relabelled:
            return spans_changes(self.project.set_labels(
                (after, before.label) for before, after in self.relabelled))
        old = self.before
        return span_changes(self.project.update_span(old.id, label=old.label, start=old.start, end=old.end,
                                                     expected=self.after))


class SetStatus(AnnotationCommand):
    """Mark the article new / in progress / done for one annotator."""

    def __init__(self, project: Project, notify: Notify, document_id: str, annotator: str,
                 status: Status) -> None:
        status_text = QCoreApplication.translate("Status", status.value)  # the texts main_window marks
        super().__init__(project, notify,
                         QCoreApplication.translate("commands", "mark {status}").format(status=status_text))
        self.key = (document_id, annotator)
        self.status = status
        self.before = project.status(document_id, annotator)

    def apply(self) -> Changes:
        return self.project.set_status(*self.key, self.status)

    def revert(self) -> Changes:
        return self.project.set_status(*self.key, self.before)


def push(stack: QUndoStack, command: AnnotationCommand) -> Changes:
    """Run ``command`` once and put it on ``stack`` (which announces the change through ``notify``).

    Errors propagate and leave the store and the stack as they were.
    """
    changes = command.run()
    stack.push(command)
    return changes
