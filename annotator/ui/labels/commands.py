"""Undoable label-schema edits: add, rename, recolour, re-key, reorder and delete (with its spans).

Each command calls the store (one transaction) and announces the change through ``notify``; deleting a
label keeps a snapshot of every span and gold decision it removed, so undo puts them back exactly.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoCommand

from annotator.core.errors import AnnotatorError
from annotator.store import Changes, Project
from annotator.store.label_history import DeletedLabel, delete_label, restore_label
from annotator.ui.annotate.commands import refusal_text

Notify = Callable[[Changes], None]


def _tr(text: str) -> str:
    return QCoreApplication.translate("label_commands", text)


class LabelCommand(QUndoCommand):
    """Base: ``forward``/``backward`` make and reverse the change; the first ``redo`` runs ``forward``.

    The change is made in ``run()`` before the command is pushed, so a refused change (an existing name,
    say) raises there and never reaches the stack.
    """

    def __init__(self, project: Project, notify: Notify, text: str) -> None:
        super().__init__(text)
        self.project = project
        self.notify = notify
        self._done_by_run = False
        self.on_error: Callable[[str], None] | None = None

    def forward(self) -> Changes:
        raise NotImplementedError

    def backward(self) -> Changes:
        raise NotImplementedError

    def run(self) -> None:
        self.notify(self.forward())
        self._done_by_run = True

    def redo(self) -> None:
        if self._done_by_run:
            self._done_by_run = False
            return
        self._step(self.forward)

    def undo(self) -> None:
        self._step(self.backward)

    def _step(self, change: Callable[[], Changes]) -> None:
        # Qt cannot take an exception from undo()/redo() (the schema may have changed since, e.g. another
        # label now has the name): report it and retire this command.
        try:
            self.notify(change())
        except AnnotatorError as exc:
            self.setObsolete(True)
            if self.on_error is not None:
                self.on_error(refusal_text(exc))


class AddLabel(LabelCommand):
    """Add a label; undo removes it with whatever was tagged with it since, and redo brings that back."""

    def __init__(self, project: Project, notify: Notify, name: str, color: str, key: str = "") -> None:
        super().__init__(project, notify, _tr("add label {label}").format(label=name))
        self.name, self.color, self.key = name.strip(), color, key
        self.deleted: DeletedLabel | None = None

    def forward(self) -> Changes:
        if self.deleted is None:
            return self.project.add_label(self.name, self.color, self.key)
        # The label may have been used between the add and its undo (the editor's stack outlives it).
        return restore_label(self.project, self.deleted)

    def backward(self) -> Changes:
        self.deleted = delete_label(self.project, self.name)
        return self.deleted.changes()


class UpdateLabel(LabelCommand):
    """Rename, recolour or re-key one label."""

    def __init__(self, project: Project, notify: Notify, name: str, *, new_name: str | None = None,
                 color: str | None = None, key: str | None = None) -> None:
        before = project.label(name)
        if new_name is not None:
            text = _tr("rename label {label} to {name}").format(label=name, name=new_name.strip())
        elif color is not None:
            text = _tr("recolour label {label}").format(label=name)
        else:
            text = _tr("set the key of label {label}").format(label=name)
        super().__init__(project, notify, text)
        self.before = before
        self.new_name = new_name.strip() if new_name is not None else None
        self.color, self.key = color, key

    def forward(self) -> Changes:
        return self.project.update_label(self.before.name, new_name=self.new_name, color=self.color,
                                         key=self.key)

    def backward(self) -> Changes:
        current = self.new_name if self.new_name is not None else self.before.name
        return self.project.update_label(current, new_name=self.before.name, color=self.before.color,
                                         key=self.before.key)


class ReorderLabels(LabelCommand):
    def __init__(self, project: Project, notify: Notify, names: list[str]) -> None:
        super().__init__(project, notify, _tr("reorder labels"))
        self.before = [label.name for label in project.labels()]
        self.after = names

    def forward(self) -> Changes:
        return self.project.reorder_labels(self.after)

    def backward(self) -> Changes:
        return self.project.reorder_labels(self.before)


class DeleteLabel(LabelCommand):
    """Delete a label and every span and gold decision using it; undo restores them all exactly."""

    def __init__(self, project: Project, notify: Notify, name: str) -> None:
        super().__init__(project, notify, _tr("delete label {label}").format(label=name))
        self.name = name
        self.deleted: DeletedLabel | None = None

    def forward(self) -> Changes:
        self.deleted = delete_label(self.project, self.name)
        return self.deleted.changes()

    def backward(self) -> Changes:
        assert self.deleted is not None
        return restore_label(self.project, self.deleted)
