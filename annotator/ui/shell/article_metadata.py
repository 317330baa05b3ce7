"""The Articles dock's metadata: what an entry says of its article's metadata, and the filter controls
(a text box for the title or any metadata value, a key = value chooser, a sort by a metadata key).

The controls only gather the choice; ``store.article_listing`` filters and sorts in SQL over the
listing index. Typing waits for a pause (``TYPING_PAUSE_MS``) before the list is counted anew, so a
word typed into a 100,000-article project costs one count, not one per letter.
"""

from __future__ import annotations

import unicodedata

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import QComboBox, QGridLayout, QLineEdit, QWidget

from annotator.core.agreement.groups import meta_value
from annotator.store import Project
from annotator.store.article_listing import metadata_keys, metadata_values

TYPING_PAUSE_MS = 300
MAIN_KEYS = ("date", "outlet")  # shown on an entry when the article has them (else its first keys)
VALUE_CHARS = 40


def main_metadata(meta: dict | None, first: str | None = None) -> list[str]:
    """The values an entry shows: ``first`` (the sort key) and then date and outlet when present, else
    the article's first two keys; each value cut to ``VALUE_CHARS``."""
    if not meta:
        return []
    keys = [key for key in MAIN_KEYS if key in meta] or list(meta)[:2]
    if first is not None and first in meta:
        keys = [first, *(key for key in keys if key != first)]
    shown = [meta_value(meta[key]) for key in keys]
    return [value if len(value) <= VALUE_CHARS else value[:VALUE_CHARS] + "…" for value in shown]


def in_reading_order(value: str) -> str:
    """``value`` as it is to be read in a line of either direction: one without a right-to-left letter (a
    date, a URL, "BBC Arabic") forced left to right (LRO…PDF), else the bidi algorithm turns
    "2024-01-10" into "10-01-2024" beside Arabic; an Arabic value is left to the algorithm."""
    if any(unicodedata.bidirectional(c) in ("R", "AL") for c in value):
        return value
    return f"\u202d{value}\u202c"


class MetadataFilter(QWidget):
    """The text box and the key = value and sort choosers; ``changed`` when the choice changes.

    The choosers are shown only when some article has metadata.
    """

    changed = Signal()

    def __init__(self, project: Project, parent=None) -> None:
        super().__init__(parent)
        self.project = project
        self.text = QLineEdit(objectName="articleTextFilter")
        self.text.setPlaceholderText(self.tr("Filter by title or metadata…"))
        self.text.setClearButtonEnabled(True)
        self.key = QComboBox(objectName="metadataKey")
        self.key.setToolTip(self.tr("Show only the articles whose metadata key has the value chosen beside"))
        self.value = QComboBox(objectName="metadataValue")
        self.sort = QComboBox(objectName="articleSort")
        self.sort.setToolTip(self.tr("The order of the list"))
        for combo in (self.key, self.value, self.sort):  # as narrow as the dock: long values are elided
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(1)
        self._pause = QTimer(self, singleShot=True, interval=TYPING_PAUSE_MS)
        layout = QGridLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.text, 0, 0, 1, 2)
        layout.addWidget(self.key, 1, 0)
        layout.addWidget(self.value, 1, 1)
        layout.addWidget(self.sort, 2, 0, 1, 2)
        self.reload()
        self.text.textChanged.connect(lambda _text: self._pause.start())
        self._pause.timeout.connect(self.changed)
        self.text.returnPressed.connect(self._now)
        self.key.currentIndexChanged.connect(self._key_chosen)
        self.value.currentIndexChanged.connect(lambda _i: self.changed.emit())
        self.sort.currentIndexChanged.connect(lambda _i: self.changed.emit())

    def reload(self) -> None:
        """Offer the project's metadata keys anew (after an import), keeping the choices still offered."""
        keys = metadata_keys(self.project)
        chosen_key, chosen_sort = self.key.currentData(), self.sort.currentData()
        for combo in (self.key, self.sort):
            combo.blockSignals(True)
            combo.clear()
        self.key.addItem(self.tr("Any metadata"), None)
        self.sort.addItem(self.tr("Corpus order"), None)
        for key in keys:
            self.key.addItem(key, key)
            self.sort.addItem(self.tr("Sorted by {key}").format(key=key), key)
        self.key.setCurrentIndex(max(self.key.findData(chosen_key), 0) if chosen_key else 0)
        self.sort.setCurrentIndex(max(self.sort.findData(chosen_sort), 0) if chosen_sort else 0)
        for combo in (self.key, self.sort):
            combo.blockSignals(False)
        for widget in (self.key, self.value, self.sort):
            widget.setVisible(bool(keys))
        self._fill_values()

    def _fill_values(self) -> None:
        key = self.key.currentData()
        chosen = self.value.currentData()
        self.value.blockSignals(True)
        self.value.clear()
        self.value.addItem(self.tr("any value"), None)
        for value in metadata_values(self.project, key) if key else []:
            self.value.addItem(value, value)
        self.value.setCurrentIndex(max(self.value.findData(chosen), 0) if chosen else 0)
        self.value.setEnabled(key is not None)
        self.value.blockSignals(False)

    def _key_chosen(self, _index: int) -> None:
        self._fill_values()
        self.changed.emit()

    def _now(self) -> None:
        """Enter filters at once, without waiting for the pause."""
        if self._pause.isActive():
            self._pause.stop()
            self.changed.emit()

    def keys(self) -> tuple[str, ...]:
        """The metadata keys offered."""
        return tuple(self.key.itemData(i) for i in range(1, self.key.count()))

    def choice(self) -> tuple[str, tuple[str, str] | None, str | None]:
        """(text, (key, value) or None, sort key or None): what the list is to filter and sort by."""
        key, value = self.key.currentData(), self.value.currentData()
        return self.text.text(), (key, value) if key and value is not None else None, self.sort.currentData()

    def choose(self, key: str | None = None, value: str | None = None, sort: str | None = None) -> None:
        """Choose a key's value and a sort key (for tests and for opening the dock with a filter)."""
        self.key.setCurrentIndex(max(self.key.findData(key), 0) if key else 0)
        self.value.setCurrentIndex(max(self.value.findData(value), 0) if value else 0)
        self.sort.setCurrentIndex(max(self.sort.findData(sort), 0) if sort else 0)
