"""The undoable acceptance of suggestions: one command per button press, however many places it tags.

``AcceptSuggestions`` stores the places (or, for a corpus-wide acceptance, takes the spans a worker has
already stored: its first redo then only announces them), and remembers the offer they came from, so
that undoing it hands the places back to the page to offer again.

A big batch (tens of thousands of spans over the whole corpus) is undone and redone in a worker with its
own ``Project`` behind a progress dialog: deleting or restoring 60,000 rows takes seconds, and the GUI
thread must not block for more than 100 ms.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from annotator.core.errors import AnnotatorError
from annotator.core.model import Span
from annotator.core.suggestions import Suggestion
from annotator.store import Changes, Project
from annotator.ui.annotate.commands import AnnotationCommand, Notify, refusal_text, spans_changes
from annotator.ui.shell import counts
from annotator.ui.shell.change_watcher import own_write_done
from annotator.ui.shell.workers import reactivate, run_in_worker
from annotator.ui.suggestions.bar import Offer

WORKER_LIMIT = 1_000  # more spans than this are stored, deleted or restored in a worker (1,000: ~60 ms)


def store_in_chunks(project: Project, annotator: str, wanted: list[tuple[str, int, int, str]],
                    progress, chunk: int = 1_000) -> list[Span]:
    """``project.add_spans`` in ONE transaction, reporting progress between chunks; ``progress.check()``
    raising ``Cancelled`` rolls the whole batch back."""
    added: list[Span] = []
    with project.transaction():
        for done in range(0, len(wanted), chunk):
            progress.check()
            progress.report(done, len(wanted))
            added += project.add_spans(annotator, wanted[done:done + chunk])
        progress.check()
    progress.report(len(wanted), len(wanted))
    return added


class AcceptSuggestions(AnnotationCommand):
    """Tag suggested ``places`` as one undoable edit; undo offers them again (``on_undone``).

    ``stored``: the spans a worker has already added for ``places`` and their ``Changes`` (then ``run``
    writes nothing).
    ``on_undone`` / ``on_redone`` are called with the command after its change is announced.
    ``window``: the parent of the progress dialog when a big batch is undone or redone in a worker.
    """

    def __init__(self, project: Project, notify: Notify, annotator: str, places: list[Suggestion], text: str,
                 *, offer: Offer | None = None, stored: tuple[list[Span], Changes] | None = None,
                 on_undone: Callable[[AcceptSuggestions], None] | None = None,
                 on_redone: Callable[[AcceptSuggestions], None] | None = None,
                 window: QWidget | None = None) -> None:
        super().__init__(project, notify, text)
        self.annotator = annotator
        self.places = places
        self.offer = offer
        self.spans: list[Span] = list(stored[0]) if stored is not None else []
        self._stored_changes = stored[1] if stored is not None else None
        self.on_undone, self.on_redone = on_undone, on_redone
        self.window = window
        self.busy = False  # a worker is undoing or redoing it

    def apply(self) -> Changes:
        if self._stored_changes is not None:
            changes, self._stored_changes = self._stored_changes, None
            return changes
        wanted = [(s.article_id, s.start, s.end, s.label) for s in self.places]
        self.spans = self.project.add_spans(self.annotator, wanted)
        return spans_changes(self.spans)

    def reapply(self) -> Changes:
        return spans_changes(self.project.restore_spans(self.spans))

    def revert(self) -> Changes:
        # only while every accepted span is as it was stored: never another writer's row
        self.spans = self.project.delete_spans([span.id for span in self.spans], expected=self.spans)
        return spans_changes(self.spans)

    def undo(self) -> None:
        if len(self.spans) > WORKER_LIMIT:
            spans = self.spans
            self._in_worker(lambda project: project.delete_spans([s.id for s in spans], expected=spans),
                            self.on_undone,
                            QCoreApplication.translate("AnnotationPage", "Taking back {tags}…"))
            return
        super().undo()
        if not self.isObsolete() and self.on_undone is not None:
            self.on_undone(self)

    def redo(self) -> None:
        first = self._pending is not None
        if not first and len(self.spans) > WORKER_LIMIT:
            spans = self.spans
            self._in_worker(lambda project: project.restore_spans(spans), self.on_redone,
                            QCoreApplication.translate("AnnotationPage", "Tagging {places} again…"))
            return
        super().redo()
        if not first and not self.isObsolete() and self.on_redone is not None:
            self.on_redone(self)

    def _in_worker(self, change: Callable[[Project], list[Span]],
                   then: Callable[[AcceptSuggestions], None] | None, label: str) -> None:
        path = self.project.path

        def work(_progress) -> tuple[list[Span], Changes]:
            with Project.open(path) as project:  # its own connection: this runs in a pool thread
                spans = change(project)
            return spans, spans_changes(spans)  # made here too: ~70 ms for 60,000 spans

        self.busy = True
        n = len(self.spans)
        handle = run_in_worker(work, progress_dialog=self.window,
                               label=label.format(tags=counts.tags(n), places=counts.places(n)))
        if handle.dialog is not None:
            handle.dialog.setCancelButton(None)  # one transaction: nothing to stop half-way
            handle.dialog.show()  # at once (window-modal): the window takes no edit meanwhile

        def finished(result: tuple[list[Span], Changes]) -> None:
            own_write_done(self.window)
            self.busy = False
            reactivate(self.window)
            self.spans, changes = result
            self.notify(changes)
            if then is not None:
                then(self)

        def failed(error: Exception) -> None:
            self.busy = False
            reactivate(self.window)
            self.setObsolete(True)
            if self.on_error is not None:
                self.on_error(refusal_text(error) if isinstance(error, AnnotatorError) else str(error))

        handle.signals.finished.connect(finished)
        handle.signals.failed.connect(failed)
        self._handle = handle  # keeps its signals alive until the worker reports
