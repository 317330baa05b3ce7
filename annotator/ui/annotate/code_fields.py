"""The fields the span inspector and the Article codes pane are made of, each reachable by keyboard.

``ChoiceBox``: a fixed choice whose number keys pick a value (1 the first, 0 none) — while it has the
focus the digits are its own, not the label keys. ``VocabularyCompleter``: completes from a team's
vocabulary, matching Arabic-normalised (typing «ايران» offers «إيران»). ``NoteEdit``: free text, saved
when the annotator pauses or leaves the field.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QFocusEvent, QKeyEvent, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QComboBox, QCompleter, QPlainTextEdit, QWidget

from annotator.core.structure import vocabulary_key

NOTE_PAUSE_MS = 800  # a note is saved this long after the last keystroke (and when the field is left)


def _digit(event: QKeyEvent) -> int | None:
    mods = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
    if mods != Qt.KeyboardModifier.NoModifier or not Qt.Key.Key_0 <= event.key() <= Qt.Key.Key_9:
        return None
    return event.key() - Qt.Key.Key_0


class ChoiceBox(QComboBox):
    """One of fixed values, or none (the first entry); ``chosen`` carries the value or None."""

    chosen = Signal(object)

    def __init__(self, values: tuple[str, ...], none_text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.values = values
        self.addItem(f"0  {none_text}")
        for number, value in enumerate(values, 1):
            self.addItem(f"{number}  {value}" if number <= 9 else value)
        self.activated.connect(lambda index: self.chosen.emit(self.values[index - 1] if index else None))

    def set_value(self, value: str | None) -> None:
        """Show ``value`` (no signal: it is what is stored)."""
        self.blockSignals(True)
        self.setCurrentIndex(self.values.index(value) + 1 if value in self.values else 0)
        self.blockSignals(False)

    def value(self) -> str | None:
        index = self.currentIndex()
        return self.values[index - 1] if index > 0 else None

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ShortcutOverride and _digit(event) is not None:  # type: ignore[arg-type]
            event.accept()  # the digit picks a value here, it does not tag the text
            return True
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        digit = _digit(event)
        if digit is not None and digit <= len(self.values):
            if digit != self.currentIndex():
                self.setCurrentIndex(digit)
                self.activated.emit(digit)
            return
        super().keyPressEvent(event)


class VocabularyCompleter(QCompleter):
    """Completes from ``vocabulary``, matching what is typed Arabic-normalised and anywhere in an entry."""

    def __init__(self, vocabulary: tuple[str, ...], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        model = QStandardItemModel(self)
        for entry in vocabulary:
            item = QStandardItem(entry)
            item.setData(vocabulary_key(entry), Qt.ItemDataRole.UserRole)
            model.appendRow(item)
        self.setModel(model)
        self.setCompletionRole(Qt.ItemDataRole.UserRole)
        self.setFilterMode(Qt.MatchFlag.MatchContains)
        self.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)

    def splitPath(self, path: str) -> list[str]:
        return [vocabulary_key(path)]

    def pathFromIndex(self, index) -> str:
        return index.data(Qt.ItemDataRole.DisplayRole)


class NoteEdit(QPlainTextEdit):
    """A note; ``committed(text)`` after a pause in typing and when the field loses the focus."""

    committed = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTabChangesFocus(True)
        self._stored = ""
        self._pause = QTimer(self, singleShot=True, interval=NOTE_PAUSE_MS)
        self._pause.timeout.connect(self.commit)
        self.textChanged.connect(self._pause.start)

    def set_note(self, text: str) -> None:
        """Show the stored note (no signal)."""
        self._pause.stop()
        self._stored = text
        if self.toPlainText() != text:
            self.blockSignals(True)
            self.setPlainText(text)
            self.blockSignals(False)

    def commit(self) -> None:
        """Announce the text if it differs from what is stored (white space alone counts as no note)."""
        self._pause.stop()
        text = self.toPlainText()
        text = text if text.strip() else ""
        if text != self._stored:
            self._stored = text
            self.committed.emit(text)

    def focusOutEvent(self, event: QFocusEvent) -> None:
        self.commit()
        super().focusOutEvent(event)
