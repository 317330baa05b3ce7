"""File ▸ Team folder…: join this project to a shared folder (folder, name, reviewer), see the current
one, or leave it. Joining and leaving go through ``operations.team_folder`` (``join`` checks the
folder first); a folder that cannot be used is said in a message naming it, and nothing changes.
"""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from annotator.core.errors import AnnotatorError, InputError
from annotator.operations.team_folder import Membership, join, leave, membership
from annotator.store import Project
from annotator.ui.team.wording import isolated


class TeamFolderDialog(QDialog):
    """Join, change or leave the team folder of ``project``; ``name`` is offered as who works here."""

    joined = Signal(object)  # Membership
    left = Signal()

    def __init__(self, project: Project, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("teamFolderDialog")
        self.setWindowTitle(self.tr("Team folder"))
        self.setMinimumWidth(620)
        self.project = project
        self.error_box: QMessageBox | None = None
        current = membership(project)
        self.current = QLabel(objectName="teamFolderCurrent")
        self.current.setWordWrap(True)
        explain = QLabel(self.tr(
            "A folder that a sync engine (Syncthing, Nextcloud, Dropbox…) or git keeps in step on every "
            "desktop of the team. This desktop writes only its own file there and merges everyone "
            "else's as they arrive."), objectName="teamFolderExplain")
        explain.setWordWrap(True)
        self.folder = QLineEdit(str(current.folder) if current else "", objectName="teamFolderPath")
        self.folder.setPlaceholderText(self.tr("The shared folder"))
        browse = QPushButton(self.tr("Choose…"), objectName="teamFolderBrowse")
        browse.clicked.connect(self._browse)
        row = QHBoxLayout()
        row.addWidget(self.folder, 1)
        row.addWidget(browse)
        self.name = QLineEdit(current.annotator if current else name, objectName="teamFolderName")
        self.reviewer = QCheckBox(self.tr("I am the reviewer: also publish the articles, labels, guidelines, "
                                          "assignments and gold"), objectName="teamFolderReviewer")
        self.reviewer.setChecked(bool(current and current.reviewer))
        form = QFormLayout()
        form.addRow(self.tr("Folder:"), row)
        form.addRow(self.tr("Your name:"), self.name)
        form.addRow("", self.reviewer)
        buttons = QDialogButtonBox(objectName="teamFolderButtons")
        self.join_button = buttons.addButton(self.tr("Join"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.join_button.setObjectName("teamFolderJoin")
        self.leave_button = buttons.addButton(self.tr("Leave the folder"),
                                              QDialogButtonBox.ButtonRole.DestructiveRole)
        self.leave_button.setObjectName("teamFolderLeave")
        close = buttons.addButton(QDialogButtonBox.StandardButton.Close)
        close.setText(self.tr("Close"))
        self.join_button.clicked.connect(self.join)
        self.leave_button.clicked.connect(self.leave)
        close.clicked.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.current)
        layout.addWidget(explain)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self._show_current(current)

    def _show_current(self, current: Membership | None) -> None:
        if current is None:
            self.current.setText(self.tr("This project is not joined to a team folder."))
        else:
            role = self.tr("as the reviewer") if current.reviewer else self.tr("as an annotator")
            self.current.setText(self.tr("Joined to {folder}, working here as {name} ({role}).").format(
                folder=isolated(current.folder), name=current.annotator, role=role))
        self.leave_button.setEnabled(current is not None)

    def _browse(self) -> None:
        chosen = QFileDialog.getExistingDirectory(self, self.tr("Choose the team folder"), self.folder.text())
        if chosen:
            self.folder.setText(chosen)

    def join(self) -> None:
        """Join the folder typed or chosen, as the name given; a folder that cannot be used is said."""
        if not self.folder.text().strip():
            self._error(self.tr("Choose the shared folder first."), "")
            return
        if self.project.read_only:
            self._error(self.tr("This project is open read-only, so it cannot join a team folder. Copy the "
                                "file to a folder you can write to first."), "")
            return
        folder = Path(self.folder.text().strip()).expanduser()
        try:
            joined = join(self.project, folder, self.name.text(), self.reviewer.isChecked())
        except InputError as exc:  # the name
            self._error(self.tr("{name} cannot name your file in the team folder: give a name without "
                                "slashes that does not begin with a dot.").format(name=self.name.text()),
                        str(exc))
            return
        except AnnotatorError as exc:
            self._error(self._why_unusable(folder), str(exc))
            return
        self._show_current(joined)
        self.joined.emit(joined)
        self.accept()

    def _why_unusable(self, folder: Path) -> str:
        """The folder's trouble in the interface language (the error's own words go under it)."""
        shown = isolated(folder)
        if folder.is_file():
            return self.tr("{folder} is a file, not a folder: choose the shared folder itself. Nothing was "
                           "changed.").format(folder=shown)
        if not folder.is_dir():
            return self.tr("{folder} does not exist (is the share mounted?): choose a folder that does. "
                           "Nothing was changed.").format(folder=shown)
        if not os.access(folder, os.W_OK | os.X_OK):
            return self.tr("{folder} cannot be written: check its permissions. Nothing was changed.").format(
                folder=shown)
        return self.tr("This folder cannot be used as the team folder; nothing was changed.")

    def leave(self) -> None:
        """Leave the folder: its files stay, and so does everything merged from it."""
        try:
            leave(self.project)
        except AnnotatorError as exc:
            self._error(self.tr("The project could not leave the team folder."), str(exc))
            return
        self._show_current(None)
        self.left.emit()
        self.accept()

    def _error(self, text: str, detail: str) -> None:
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Team folder"), text,
                          QMessageBox.StandardButton.Ok, self)
        box.setObjectName("teamFolderError")
        box.setInformativeText(detail)
        box.button(QMessageBox.StandardButton.Ok).setText(self.tr("OK"))
        self.error_box = box  # tests read the message here
        box.open()
