"""File ▸ New project…, Open project…, Open Recent, Reload, Close and Quit, and the recent-projects list.

The window does not open projects itself: it emits ``project_chosen(path, offer_import)`` and the
``WindowSession`` (ui/shell/app.py) opens the file and rebuilds the window on it; Reload re-opens the
same file, which re-reads everything (articles imported from the command line meanwhile appear).
The last ten projects opened are kept in QSettings under ``projects/recent``.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QSettings
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QFileDialog, QMenu, QMessageBox, QWidget

RECENT_KEY = "projects/recent"
MAX_RECENT = 10
PROJECT_FILTER = "Annotator projects (*.sqlite *.db);;All files (*)"


def recent_projects(settings: QSettings) -> list[str]:
    """The remembered project paths, newest first (at most ten)."""
    value = settings.value(RECENT_KEY, []) or []
    if isinstance(value, str):  # QSettings gives back a one-element list as a plain string
        value = [value]
    return [str(v) for v in value][:MAX_RECENT]


def remember_project(settings: QSettings, path: Path) -> None:
    """Put ``path`` first in the recent list (once), keeping ten."""
    text = str(Path(path).resolve())
    paths = [text] + [p for p in recent_projects(settings) if p != text]
    settings.setValue(RECENT_KEY, paths[:MAX_RECENT])


def add_project_actions(menu: QMenu, window, actions: dict[str, QAction]) -> QMenu:
    """Fill the top of the File menu; returns the Open Recent submenu (refilled each time it opens)."""
    for name in ("new_project", "open_project"):
        menu.addAction(actions[name])
    recent = menu.addMenu(QCoreApplication.translate("projects", "Open &Recent"))
    recent.setObjectName("menu_recent")
    recent.aboutToShow.connect(lambda: fill_recent_menu(recent, window))
    fill_recent_menu(recent, window)
    menu.addAction(actions["reload"])
    menu.addSeparator()
    return recent


def fill_recent_menu(menu: QMenu, window) -> None:
    """One entry per remembered project; a file no longer there is greyed out and shows its path."""
    menu.clear()
    paths = recent_projects(window.settings)
    if not paths:
        empty = menu.addAction(QCoreApplication.translate("projects", "No recent projects"))
        empty.setEnabled(False)
        return
    for text in paths:
        path = Path(text)
        missing = not path.is_file()
        if missing:
            label = QCoreApplication.translate("projects", "{name} — {path} (missing)")
        else:
            label = QCoreApplication.translate("projects", "{name} — {path}")
        action = menu.addAction(label.format(name=path.name, path=path.parent))
        action.setObjectName("recent_project")
        action.setData(text)
        action.setToolTip(text)
        action.setEnabled(not missing)
        action.triggered.connect(
            lambda _checked=False, chosen=text: window.project_chosen.emit(chosen, False))


def ask_new_project(window: QWidget) -> None:
    """Choose where the new project file goes; the session creates it with the default labels."""
    text, _filter = QFileDialog.getSaveFileName(
        window, QCoreApplication.translate("projects", "New project"),
        str(Path.home() / "project.sqlite"), PROJECT_FILTER)
    if not text:
        return
    path = Path(text)
    if path.suffix == "":
        path = path.with_suffix(".sqlite")
    if path.exists():
        QMessageBox.warning(window, QCoreApplication.translate("projects", "New project"),
                            QCoreApplication.translate(
                                "projects", "{path} already exists; open it with File ▸ Open project…")
                            .format(path=path))
        return
    window.project_chosen.emit(str(path), True)


def ask_open_project(window: QWidget) -> None:
    """Choose a project file to open in this window."""
    text, _filter = QFileDialog.getOpenFileName(
        window, QCoreApplication.translate("projects", "Open project"),
        str(window.project.path.parent), PROJECT_FILTER)
    if text:
        window.project_chosen.emit(text, False)


def quit_application() -> None:
    """Close every window (each saves as it goes; nothing is pending) and leave the event loop."""
    QApplication.closeAllWindows()
    QApplication.quit()
