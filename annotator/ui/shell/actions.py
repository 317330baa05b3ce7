"""Every shortcut of the annotation window, in one table: menus, tooltips and the README show this list.

Label shortcuts are not here: each label's key comes from the label schema (1–4 for the default labels)
and is shown on its button and menu entry.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QWidget


@dataclass(frozen=True)
class ActionSpec:
    """One user action: its menu text, shortcut(s) and what it does, in the annotators' words."""

    name: str
    text: str
    shortcuts: tuple[str, ...]
    tip: str


def translated(text: str) -> str:
    """A table text in the interface language."""
    return QCoreApplication.translate("actions", text)


# Texts are marked for lupdate here and translated when an action is made (the README shows them in English).
ACTIONS: tuple[ActionSpec, ...] = (
    ActionSpec(
        "new_project",
        QT_TRANSLATE_NOOP("actions", "&New project…"),
        ("Ctrl+N",),
        QT_TRANSLATE_NOOP("actions", "Create a project file with the default labels, then import articles"),
    ),
    ActionSpec(
        "open_project",
        QT_TRANSLATE_NOOP("actions", "&Open project…"),
        ("Ctrl+O",),
        QT_TRANSLATE_NOOP("actions", "Open another project file in this window"),
    ),
    ActionSpec(
        "reload",
        QT_TRANSLATE_NOOP("actions", "Re&load"),
        ("F5",),
        QT_TRANSLATE_NOOP("actions",
                          "Read the project again (articles imported from the command line appear)"),
    ),
    ActionSpec(
        "import_articles",
        QT_TRANSLATE_NOOP("actions", "&Import articles…"),
        ("Ctrl+I",),
        QT_TRANSLATE_NOOP("actions", "Add articles and their annotations from files or folders, in any "
                                     "format the command line reads (or drop them on the window)"),
    ),
    ActionSpec(
        "export",
        QT_TRANSLATE_NOOP("actions", "&Export…"),
        ("Ctrl+E",),
        QT_TRANSLATE_NOOP("actions",
                          "Write annotations or gold in an export format, with its metadata record"),
    ),
    ActionSpec(
        "save_copy",
        QT_TRANSLATE_NOOP("actions", "Save a &copy as…"),
        ("Ctrl+Shift+S",),
        QT_TRANSLATE_NOOP("actions",
                          "Write a copy of this project to another file and go on working in the copy"),
    ),
    ActionSpec(
        "close_project",
        QT_TRANSLATE_NOOP("actions", "&Close"),
        ("Ctrl+W",),
        QT_TRANSLATE_NOOP("actions", "Close this project's window (everything is already saved)"),
    ),
    ActionSpec(
        "quit",
        QT_TRANSLATE_NOOP("actions", "&Quit"),
        ("Ctrl+Q",),
        QT_TRANSLATE_NOOP("actions", "Quit Annotator (everything is already saved)"),
    ),
    ActionSpec(
        "undo",
        QT_TRANSLATE_NOOP("actions", "&Undo"),
        ("Ctrl+Z",),
        QT_TRANSLATE_NOOP("actions", "Undo the last edit on this article"),
    ),
    ActionSpec(
        "redo",
        QT_TRANSLATE_NOOP("actions", "&Redo"),
        ("Ctrl+Shift+Z", "Ctrl+Y"),
        QT_TRANSLATE_NOOP("actions", "Redo the edit just undone"),
    ),
    ActionSpec(
        "delete_span",
        QT_TRANSLATE_NOOP("actions", "&Delete span"),
        ("Delete", "Backspace"),
        QT_TRANSLATE_NOOP("actions", "Delete the selected span"),
    ),
    ActionSpec(
        "span_to_selection",
        QT_TRANSLATE_NOOP("actions", "Set span to &selection"),
        ("E",),
        QT_TRANSLATE_NOOP("actions", "Move the selected span's boundaries to the text selected now"),
    ),
    ActionSpec(
        "start_earlier",
        QT_TRANSLATE_NOOP("actions", "Start one word earlier"),
        ("Alt+Right",),
        QT_TRANSLATE_NOOP("actions", "Extend the selected span by one word at its start (to the right)"),
    ),
    ActionSpec(
        "start_later",
        QT_TRANSLATE_NOOP("actions", "Start one word later"),
        ("Alt+Left",),
        QT_TRANSLATE_NOOP("actions", "Shrink the selected span by one word at its start"),
    ),
    ActionSpec(
        "end_later",
        QT_TRANSLATE_NOOP("actions", "End one word later"),
        ("Alt+Shift+Left",),
        QT_TRANSLATE_NOOP("actions", "Extend the selected span by one word at its end (to the left)"),
    ),
    ActionSpec(
        "end_earlier",
        QT_TRANSLATE_NOOP("actions", "End one word earlier"),
        ("Alt+Shift+Right",),
        QT_TRANSLATE_NOOP("actions", "Shrink the selected span by one word at its end"),
    ),
    ActionSpec(
        "make_relation",
        QT_TRANSLATE_NOOP("actions", "Make &relation…"),
        ("R",),
        QT_TRANSLATE_NOOP("actions", "Link the selected span to another: R again for another type, N/P and "
                                     "Enter or a click for the other end, Esc to cancel"),
    ),
    ActionSpec(
        "inspect_span",
        QT_TRANSLATE_NOOP("actions", "&Inspect span"),
        ("I",),
        QT_TRANSLATE_NOOP("actions", "The selected span's attributes and note, first attribute focused "
                                     "(number keys pick a choice, Space sets a flag)"),
    ),
    ActionSpec(
        "next_span",
        QT_TRANSLATE_NOOP("actions", "Next span"),
        ("N",),
        QT_TRANSLATE_NOOP("actions", "Select the next span in reading order"),
    ),
    ActionSpec(
        "previous_span",
        QT_TRANSLATE_NOOP("actions", "Previous span"),
        ("Shift+N",),
        QT_TRANSLATE_NOOP("actions", "Select the previous span"),
    ),
    ActionSpec(
        "next_article",
        QT_TRANSLATE_NOOP("actions", "&Next article"),
        ("Ctrl+PgDown", "Alt+Down"),
        QT_TRANSLATE_NOOP("actions", "Open the next article"),
    ),
    ActionSpec(
        "previous_article",
        QT_TRANSLATE_NOOP("actions", "&Previous article"),
        ("Ctrl+PgUp", "Alt+Up"),
        QT_TRANSLATE_NOOP("actions", "Open the previous article"),
    ),
    ActionSpec(
        "mark_done",
        QT_TRANSLATE_NOOP("actions", "Mark article &done"),
        ("Ctrl+D",),
        QT_TRANSLATE_NOOP("actions", "Mark this article done for you (again: back to in progress)"),
    ),
    ActionSpec(
        "article_codes",
        QT_TRANSLATE_NOOP("actions", "Article &codes"),
        ("K",),
        QT_TRANSLATE_NOOP("actions", "Answer this article's questions and write its note"),
    ),
    ActionSpec(
        "zoom_in",
        QT_TRANSLATE_NOOP("actions", "&Larger text"),
        ("Ctrl++", "Ctrl+="),
        QT_TRANSLATE_NOOP("actions", "Make the article text larger"),
    ),
    ActionSpec(
        "zoom_out",
        QT_TRANSLATE_NOOP("actions", "&Smaller text"),
        ("Ctrl+-",),
        QT_TRANSLATE_NOOP("actions", "Make the article text smaller"),
    ),
    ActionSpec(
        "switch_annotator",
        QT_TRANSLATE_NOOP("actions", "Switch &annotator…"),
        ("Ctrl+Shift+A",),
        QT_TRANSLATE_NOOP("actions", "Choose who you are; your spans are stored under this name"),
    ),
    ActionSpec(
        "show_others",
        QT_TRANSLATE_NOOP("actions", "Show &other annotators (review, read-only)"),
        ("Ctrl+Shift+R",),
        QT_TRANSLATE_NOOP("actions", "Reviewer mode: also show other annotators' spans, read-only"),
    ),
    ActionSpec(
        "edit_labels",
        QT_TRANSLATE_NOOP("actions", "Edit &labels…"),
        ("Ctrl+L",),
        QT_TRANSLATE_NOOP("actions", "Labels, relation types, attributes and article questions: add, rename, "
                                     "change or delete them"),
    ),
    ActionSpec(
        "search_corpus",
        QT_TRANSLATE_NOOP("actions", "&Search all articles…"),
        ("Ctrl+Shift+F",),
        QT_TRANSLATE_NOOP("actions", "Find a word or phrase in every article, or in the spans of one label"),
    ),
    ActionSpec(
        "accept_next_suggestion",
        QT_TRANSLATE_NOOP("actions", "Accept &next suggestion"),
        ("Alt+Return",),
        QT_TRANSLATE_NOOP("actions", "Tag the next suggested occurrence in this article, and go to it"),
    ),
    ActionSpec(
        "accept_article_suggestions",
        QT_TRANSLATE_NOOP("actions", "Accept all suggestions in this &article"),
        ("Ctrl+Return",),
        QT_TRANSLATE_NOOP("actions", "Tag every suggested occurrence in this article (one undo)"),
    ),
    ActionSpec(
        "accept_corpus_suggestions",
        QT_TRANSLATE_NOOP("actions", "Accept all suggestions in the &corpus…"),
        ("Ctrl+Shift+Return",),
        QT_TRANSLATE_NOOP("actions", "Tag every suggested occurrence in every article, after confirming"),
    ),
    ActionSpec(
        "dismiss_suggestions",
        QT_TRANSLATE_NOOP("actions", "D&ismiss suggestions"),
        ("Esc",),
        QT_TRANSLATE_NOOP("actions", "Hide the suggestions; nothing is tagged"),
    ),
)

# The suggestion actions: enabled only while the suggestions bar offers something.
SUGGESTION_ACTIONS = ("accept_next_suggestion", "accept_article_suggestions", "accept_corpus_suggestions",
                      "dismiss_suggestions")

EXACT_SELECTION_NOTE = "Hold Alt with a label key to tag the exact characters selected (no word snapping)."


def shortcut_text(spec: ActionSpec) -> str:
    """The shortcuts as the user's platform writes them, e.g. "Ctrl+Shift+Z".

    Each is embedded left-to-right: in an Arabic sentence "Ctrl++" would otherwise read "++Ctrl"."""
    return ", ".join(left_to_right_keys(QKeySequence(s)) for s in spec.shortcuts)


def left_to_right_keys(keys: QKeySequence) -> str:
    """``keys`` as the platform writes them, embedded left-to-right, safe inside right-to-left text."""
    return f"\u202a{keys.toString(QKeySequence.SequenceFormat.NativeText)}\u202c"


def create_actions(parent: QWidget, slots: dict[str, Callable[[], None]]) -> dict[str, QAction]:
    """One QAction per table row, with its shortcuts and a tooltip naming them, connected to ``slots``.

    ``undo``/``redo`` have no slot: the window takes those actions from its QUndoGroup and only applies
    the table's texts and shortcuts to them.
    """
    actions: dict[str, QAction] = {}
    right_to_left = parent.isRightToLeft()
    for spec in ACTIONS:
        text = translated(spec.text)
        if right_to_left and spec.shortcuts:
            # a menu shows what follows a tab as the shortcut: embedded left to right, as Qt's own text
            # is not, "Ctrl++" and "Ctrl+-" would read "++Ctrl" and "-+Ctrl" in the Arabic menus
            text += "\t" + left_to_right_keys(QKeySequence(spec.shortcuts[0]))
        action = QAction(text, parent)
        apply_spec(action, spec)
        if spec.name in slots:
            action.triggered.connect(lambda _checked=False, slot=slots[spec.name]: slot())
        actions[spec.name] = action
    return actions


def apply_spec(action: QAction, spec: ActionSpec) -> None:
    """Give ``action`` the table's object name, shortcuts and tooltip."""
    action.setObjectName(f"action_{spec.name}")
    action.setShortcuts([QKeySequence(s) for s in spec.shortcuts])
    tip = f"{translated(spec.tip)} ({shortcut_text(spec)})"
    action.setToolTip(tip)
    action.setStatusTip(tip)


def spec(name: str) -> ActionSpec:
    """The table row called ``name``."""
    return next(s for s in ACTIONS if s.name == name)


def markdown_table() -> str:
    """The shortcut table as Markdown, for the README (a test keeps the two in step)."""
    rows = [
        "| Action | Shortcut |",
        "|---|---|",
        "| Tag the selection with a label | its key: 1–4 by default |",
    ]
    rows.append("| Tag the exact characters (no word snapping) | Alt + the label's key |")
    rows.append("| Move the selected span's nearer edge to a word | Ctrl + click the word |")
    rows += [f"| {s.text.replace('&', '').rstrip('…')} | {' or '.join(s.shortcuts)} |" for s in ACTIONS]
    return "\n".join(rows)
