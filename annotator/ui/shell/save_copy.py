"""When the project file cannot take a change: say so, and offer to save a copy so nothing is lost.

The store refuses a change whose file vanished (folder deleted, USB stick pulled), whose disk is full
or whose medium became read-only (``Project.not_saved``). Everything saved before is still in the open
connection: "Save a copy as…" writes it to a file the annotator picks (SQLite's backup) and the window
goes on working in the copy. A project opened read-only is only told so in the status bar.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QFileDialog, QMainWindow, QMessageBox, QWidget

from annotator.core.errors import AnnotatorError, ProjectFileGoneError
from annotator.store import Project


def not_saved_text(project: Project) -> str:
    """Why the last change was refused, in the interface language, naming the file."""
    if isinstance(project.not_saved, ProjectFileGoneError):
        text = QCoreApplication.translate(
            "save_copy", "The project file {path} is no longer there (its folder was deleted or renamed, "
            "or its disk was removed), or another file was put in its place. The change was not saved.")
    else:
        text = QCoreApplication.translate(
            "save_copy", "The project file {path} cannot be written (its disk may be full, read-only or "
            "failing). The change was not saved.")
    return text.format(path=f"\u2066{project.path}\u2069")  # isolated: a path reads left to right in Arabic


def offer_copy(window: QMainWindow, project: Project, reason: str) -> QMessageBox:
    """A window-modal warning saying why the change was refused, with a "Save a copy as…" button.

    ``reason`` (the store's sentence) goes in the details. Returns the box, open.
    """
    title = QCoreApplication.translate("save_copy", "The change was not saved")
    box = QMessageBox(QMessageBox.Icon.Warning, title, not_saved_text(project),
                      QMessageBox.StandardButton.NoButton, window)
    box.setObjectName("projectNotSavedMessage")
    box.setDetailedText(reason)
    box.setInformativeText(QCoreApplication.translate(
        "save_copy", "The project file cannot be written, so this change and any further ones are refused. "
        "Everything saved before is still held by the open project: save a copy of it to a folder you "
        "choose and go on working in the copy."))
    save = box.addButton(QCoreApplication.translate("save_copy", "Save a copy as…"),
                         QMessageBox.ButtonRole.AcceptRole)
    save.setObjectName("saveCopyButton")
    close = box.addButton(QCoreApplication.translate("save_copy", "Close"), QMessageBox.ButtonRole.RejectRole)
    close.setObjectName("closeButton")
    box.setDefaultButton(save)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.buttonClicked.connect(lambda button: button is save and ask_copy(window, project))
    box.open()
    return box


def ask_copy(window: QMainWindow, project: Project) -> Path | None:
    """Ask where to save a copy of ``project``, write it, and switch the window to it; the copy's path."""
    suggested = Path.home() / f"{project.path.stem} copy{project.path.suffix or '.sqlite'}"
    chosen, _filter = QFileDialog.getSaveFileName(
        window, QCoreApplication.translate("save_copy", "Save a copy of the project"), str(suggested),
        QCoreApplication.translate("save_copy", "Annotator projects (*.sqlite)"))
    if not chosen:
        return None
    target = Path(chosen)
    try:
        project.save_copy(target)
    except AnnotatorError as exc:
        failed = QMessageBox(QMessageBox.Icon.Critical,
                             QCoreApplication.translate("save_copy", "The copy was not saved"), str(exc),
                             QMessageBox.StandardButton.Ok, window)
        failed.setObjectName("copyNotSavedMessage")
        failed.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        failed.open()
        return None
    window.statusBar().showMessage(QCoreApplication.translate(
        "save_copy", "A copy of the project was saved to {path}; you are now working in the copy.").format(
        path=f"\u2066{target}\u2069"), 15000)
    window.project_chosen.emit(str(target), False)  # the session re-opens the window on the copy
    return target


def offer_copy_if_unsaved(widget: QWidget, project: Project, reason: str) -> bool:
    """After an edit was refused in any tab or dialog: when the project file cannot take changes any
    more (gone, full, read-only medium), offer "Save a copy as…" from the main window, as an edit in the
    Annotate tab does, and say True; False for any other refusal (the caller says why its own way)."""
    window = widget.window()
    if project.not_saved is None or project.read_only or not hasattr(window, "project_chosen"):
        return False
    offer_copy(window, project, reason)
    return True
