"""The row of label buttons above the article: click one to tag the selection. It is also the legend."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QSizePolicy, QWidget

from annotator.core.model import Label


def text_colour_on(background: str) -> str:
    """Black or white, whichever reads better on ``background``."""
    colour = QColor(background)
    luminance = 0.299 * colour.red() + 0.587 * colour.green() + 0.114 * colour.blue()
    return "#000000" if luminance > 150 else "#ffffff"


class LabelBar(QWidget):
    """One coloured button per label, with its key; ``labelClicked(name)`` when pressed."""

    labelClicked = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("labelBar")
        self.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
        self._layout = QHBoxLayout(self)
        self._layout.setContentsMargins(6, 4, 6, 4)
        self.buttons: dict[str, QPushButton] = {}

    def set_labels(self, labels: list[Label]) -> None:
        while self._layout.count():
            item = self._layout.takeAt(0)
            if item.widget():
                item.widget().deleteLater()
        self.buttons = {}
        for label in labels:
            key = f"{label.key}  " if label.key else ""
            button = QPushButton(f"{key}{label.name}")
            button.setObjectName(f"labelButton_{label.name}")
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            keys = self.tr(" ({key}; Alt+{key} keeps the exact characters)").format(key=label.key) \
                if label.key else ""
            tip = self.tr("Tag the selection as {label}{keys}")
            button.setToolTip(tip.format(label=label.name, keys=keys))
            button.setStyleSheet(
                f"QPushButton {{ background: {label.color}; color: {text_colour_on(label.color)};"
                " border-radius: 4px; padding: 4px 12px; font-weight: bold; }"
            )
            button.clicked.connect(lambda _checked=False, name=label.name: self.labelClicked.emit(name))
            self._layout.addWidget(button)
            self.buttons[label.name] = button
        legend = QLabel(self.tr("overlaps blend · nested: underlined · dashed line: other annotators "
                                "(read-only) · dashed box: suggestion"))
        legend.setObjectName("legendNote")
        legend.setToolTip(legend.text())
        # it takes the room the buttons leave (a narrow window squeezes the legend, never the buttons),
        # its text at the far left edge, away from the buttons
        legend.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        legend.setWordWrap(True)  # two short lines rather than a long one cut off
        legend.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignAbsolute
                            | Qt.AlignmentFlag.AlignVCenter)
        legend.setForegroundRole(QPalette.ColorRole.PlaceholderText)  # muted, readable in light and dark
        self._layout.addWidget(legend, 1)
