"""Every shortcut of the annotation window, in one table: menus, tooltips and the README show this list.

Label shortcuts are not here: each label's key comes from the label schema (1–4 for the default labels)
and is shown on its button and menu entry.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QWidget


@dataclass(frozen=True)
class ActionSpec:
    """One user action: its menu text, shortcut(s) and what it does, in the annotators' words."""

    name: str
    text: str
    shortcuts: tuple[str, ...]
    tip: str


ACTIONS: tuple[ActionSpec, ...] = (
    ActionSpec("undo", "&Undo", ("Ctrl+Z",), "Undo the last edit on this article"),
    ActionSpec("redo", "&Redo", ("Ctrl+Shift+Z", "Ctrl+Y"), "Redo the edit just undone"),
    ActionSpec("delete_span", "&Delete span", ("Delete", "Backspace"), "Delete the selected span"),
    ActionSpec("span_to_selection", "Set span to &selection", ("E",),
               "Move the selected span's boundaries to the text selected now"),
    ActionSpec("start_earlier", "Start one word earlier", ("Alt+Right",),
               "Extend the selected span by one word at its start (to the right)"),
    ActionSpec("start_later", "Start one word later", ("Alt+Left",),
               "Shrink the selected span by one word at its start"),
    ActionSpec("end_later", "End one word later", ("Alt+Shift+Left",),
               "Extend the selected span by one word at its end (to the left)"),
    ActionSpec("end_earlier", "End one word earlier", ("Alt+Shift+Right",),
               "Shrink the selected span by one word at its end"),
    ActionSpec("next_span", "Next span", ("N",), "Select the next span in reading order"),
    ActionSpec("previous_span", "Previous span", ("Shift+N",), "Select the previous span"),
    ActionSpec("next_article", "&Next article", ("Ctrl+PgDown", "Alt+Down"), "Open the next article"),
    ActionSpec("previous_article", "&Previous article", ("Ctrl+PgUp", "Alt+Up"),
               "Open the previous article"),
    ActionSpec("mark_done", "Mark article &done", ("Ctrl+D",),
               "Mark this article done for you (again: back to in progress)"),
    ActionSpec("zoom_in", "&Larger text", ("Ctrl++", "Ctrl+="), "Make the article text larger"),
    ActionSpec("zoom_out", "&Smaller text", ("Ctrl+-",), "Make the article text smaller"),
    ActionSpec("switch_annotator", "Switch &annotator…", ("Ctrl+Shift+A",),
               "Choose who you are; your spans are stored under this name"),
    ActionSpec("show_others", "Show &other annotators (review, read-only)", ("Ctrl+Shift+R",),
               "Reviewer mode: also show other annotators' spans, read-only"),
    ActionSpec("edit_labels", "Edit &labels…", ("Ctrl+L",),
               "Add, rename, recolour, reorder or delete labels"),
)

EXACT_SELECTION_NOTE = "Hold Alt with a label key to tag the exact characters selected (no word snapping)."


def shortcut_text(spec: ActionSpec) -> str:
    """The shortcuts as the user's platform writes them, e.g. "Ctrl+Shift+Z"."""
    return ", ".join(QKeySequence(s).toString(QKeySequence.SequenceFormat.NativeText) for s in spec.shortcuts)


def create_actions(parent: QWidget, slots: dict[str, Callable[[], None]]) -> dict[str, QAction]:
    """One QAction per table row, with its shortcuts and a tooltip naming them, connected to ``slots``.

    ``undo``/``redo`` have no slot: the window takes those actions from its QUndoGroup and only applies
    the table's texts and shortcuts to them.
    """
    actions: dict[str, QAction] = {}
    for spec in ACTIONS:
        action = QAction(spec.text, parent)
        apply_spec(action, spec)
        if spec.name in slots:
            action.triggered.connect(lambda _checked=False, slot=slots[spec.name]: slot())
        actions[spec.name] = action
    return actions


def apply_spec(action: QAction, spec: ActionSpec) -> None:
    """Give ``action`` the table's object name, shortcuts and tooltip."""
    action.setObjectName(f"action_{spec.name}")
    action.setShortcuts([QKeySequence(s) for s in spec.shortcuts])
    tip = f"{spec.tip} ({shortcut_text(spec)})"
    action.setToolTip(tip)
    action.setStatusTip(tip)


def spec(name: str) -> ActionSpec:
    """The table row called ``name``."""
    return next(s for s in ACTIONS if s.name == name)


def markdown_table() -> str:
    """The shortcut table as Markdown, for the README (a test keeps the two in step)."""
    rows = ["| Action | Shortcut |", "|---|---|",
            "| Tag the selection with a label | its key: 1–4 by default |"]
    rows.append("| Tag the exact characters (no word snapping) | Alt + the label's key |")
    rows.append("| Move the selected span's nearer edge to a word | Ctrl + click the word |")
    rows += [f"| {s.text.replace('&', '').rstrip('…')} | {' or '.join(s.shortcuts)} |" for s in ACTIONS]
    return "\n".join(rows)
