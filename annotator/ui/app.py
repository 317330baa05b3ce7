"""QApplication set-up: the bundled Arabic font, application identity, and the main window."""

from __future__ import annotations

import sys
from importlib.resources import as_file, files
from pathlib import Path

from PySide6.QtCore import QSettings, QTimer
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import QApplication, QMessageBox

from annotator.core.errors import AnnotatorError
from annotator.store import Project

ARABIC_FONT_FAMILY = "Amiri"


def load_bundled_fonts() -> str:
    """Register the bundled Amiri font files; returns the family name to use for article text."""
    fonts = files("annotator.resources").joinpath("fonts")
    family = ARABIC_FONT_FAMILY
    for entry in fonts.iterdir():
        if entry.name.endswith(".ttf"):
            with as_file(entry) as font_path:
                font_id = QFontDatabase.addApplicationFont(str(font_path))
            if font_id >= 0:
                family = QFontDatabase.applicationFontFamilies(font_id)[0]
    return family


def create_application(argv: list[str] | None = None) -> QApplication:
    """The one QApplication (reused when it already exists, as under pytest-qt)."""
    app = QApplication.instance() or QApplication(argv if argv is not None else sys.argv[:1])
    app.setApplicationName("annotator")
    app.setOrganizationName("annotator")
    app.setApplicationDisplayName("Annotator")
    return app  # type: ignore[return-value]


def open_project_for_gui(db_path: Path | None) -> Project:
    if db_path is None:
        from annotator.corpus import open_default_project

        return open_default_project()
    return Project.open(db_path)


def run_gui(db_path: Path | None = None) -> int:
    """Open the main window on ``db_path`` (or the default project) and run the event loop."""
    app = create_application()
    family = load_bundled_fonts()
    try:
        project = open_project_for_gui(db_path)
    except AnnotatorError as exc:
        QMessageBox.critical(None, "Cannot open project", str(exc))
        return 1
    from annotator.ui.main_window import ANNOTATOR_KEY, MainWindow

    window = MainWindow(project, article_font_family=family)
    window.show()
    if not QSettings().value(ANNOTATOR_KEY):
        QTimer.singleShot(0, window.ask_annotator)  # first start: who is annotating?
    code = app.exec()
    project.close()
    return code
