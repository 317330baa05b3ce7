"""The banner across the top of the window while the team folder cannot be reached.

A toolbar that cannot be moved or hidden by hand holds one line of text: work goes on in the project
and is published when the folder is back. It hides itself after the first round that reaches it.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QMainWindow, QSizePolicy, QToolBar

from annotator.ui.team.wording import isolated


class FolderBanner(QToolBar):
    """"The team folder … cannot be reached"; the reason (which names the folder) as its tooltip."""

    def __init__(self, window: QMainWindow) -> None:
        super().__init__(window)
        self.setObjectName("teamFolderBanner")
        self.setWindowTitle(self.tr("Team folder"))
        self.setMovable(False)
        self.setFloatable(False)
        self.toggleViewAction().setVisible(False)  # not offered in the window's context menu
        self.label = QLabel(objectName="teamFolderBannerText")
        # one line: a wrapping label makes a toolbar as tall as its narrowest layout would need
        self.label.setStyleSheet("padding: 6px 10px; color: #7a4b00;")
        self.label.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.setStyleSheet("QToolBar#teamFolderBanner { background: #fff3cd; "
                           "border-bottom: 1px solid #e0c36a; }")
        self.addWidget(self.label)
        window.addToolBar(Qt.ToolBarArea.TopToolBarArea, self)
        self.hide()

    def show_unreachable(self, folder: Path, reason: str) -> None:
        text = self.tr("The team folder {folder} cannot be reached. Your work goes on in this project and "
                       "is published when the folder is back.")
        self.label.setText(text.format(folder=isolated(folder)))
        self.label.setToolTip(reason)
        self.show()
