"""What every window screenshot starts from: the seed project in a temporary folder, opened in the main
window as annotator "sara" in the bundled font; and how it ends: events settled, the window saved."""

from __future__ import annotations

import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication

from annotator.operations.import_corpus import import_paths
from annotator.store import Project
from annotator.ui.shell.app import load_bundled_fonts
from annotator.ui.shell.main_window import MainWindow

SEEDS = Path(__file__).resolve().parent.parent.parent / "seeds"


@contextmanager
def seed_window(width: int, height: int,
                prepare: Callable[[Project], None] | None = None) -> Iterator[tuple[Project, MainWindow]]:
    """The seeds imported (then ``prepare(project)``, e.g. adding spans) and shown in a main window."""
    family = load_bundled_fonts()
    with tempfile.TemporaryDirectory() as folder:
        project = Project.open(Path(folder) / "project.sqlite")
        import_paths(project, [SEEDS])
        if prepare is not None:
            prepare(project)
        settings = QSettings(str(Path(folder) / "settings.ini"), QSettings.Format.IniFormat)
        settings.setValue("annotator/name", "sara")
        window = MainWindow(project, article_font_family=family, settings=settings)
        window.resize(width, height)
        window.show()
        try:
            yield project, window
        finally:
            window.close()
            project.close()


def save(window: MainWindow, out: Path, turns: int = 5) -> None:
    """Let pending layout and paint events run, then save the window as a PNG."""
    for _ in range(turns):
        QApplication.processEvents()
    window.grab().save(str(out))
