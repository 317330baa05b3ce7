"""Regenerate annotation-window-ar-dark.png: the annotation window of annotation_window.py (same seed
article and spans) with the Arabic interface, right to left, in a dark palette.

Run: QT_QPA_PLATFORM=offscreen .venv/bin/python docs/screenshots/arabic_dark.py
"""

from __future__ import annotations

import importlib.util
import tempfile
from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtGui import QColor, QPalette

from annotator.corpus import import_paths
from annotator.store import Project
from annotator.ui.app import create_application, install_language, load_bundled_fonts
from annotator.ui.main_window import MainWindow

HERE = Path(__file__).resolve().parent
_spec = importlib.util.spec_from_file_location("annotation_window", HERE / "annotation_window.py")
annotation_window = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(annotation_window)

DARK = {  # KDE Breeze Dark's main colours
    QPalette.ColorRole.Window: "#2a2e32", QPalette.ColorRole.WindowText: "#fcfcfc",
    QPalette.ColorRole.Base: "#1b1e20", QPalette.ColorRole.AlternateBase: "#232629",
    QPalette.ColorRole.Text: "#fcfcfc", QPalette.ColorRole.Button: "#31363b",
    QPalette.ColorRole.ButtonText: "#fcfcfc", QPalette.ColorRole.Highlight: "#3daee9",
    QPalette.ColorRole.HighlightedText: "#fcfcfc", QPalette.ColorRole.PlaceholderText: "#a1a9b1",
}


def main() -> None:
    app = create_application()
    app.setStyle("Fusion")  # the style that takes the palette as given, like a desktop dark theme
    palette = QPalette()
    for role, colour in DARK.items():
        palette.setColor(role, QColor(colour))
    app.setPalette(palette)
    install_language(app, "ar")
    family = load_bundled_fonts()
    with tempfile.TemporaryDirectory() as folder:
        project = Project.open(Path(folder) / "project.sqlite")
        import_paths(project, [HERE.parent.parent / "seeds"])
        document = project.documents()[0]
        for words, label, nth in annotation_window.SPANS:
            start = -1
            for _ in range(nth + 1):
                start = document.text.find(words, start + 1)
            if start >= 0:
                project.add_span(document.id, "sara", start, start + len(words), label)
        settings = QSettings(str(Path(folder) / "settings.ini"), QSettings.Format.IniFormat)
        settings.setValue("annotator/name", "sara")
        window = MainWindow(project, article_font_family=family, settings=settings)
        window.resize(1280, 800)
        window.show()
        window.page.select_span(next(s.id for s in window.page.spans if s.label == "mediator"))
        view = window.page.article_view
        view.select_range(document.text.index("قالت ثلاثة"), document.text.index("قالت ثلاثة"))
        view.verticalScrollBar().setValue(view.cursorRect().top() + view.verticalScrollBar().value() - 20)
        for _ in range(5):
            app.processEvents()
        window.grab().save(str(HERE / "annotation-window-ar-dark.png"))
        window.close()
        project.close()


if __name__ == "__main__":
    main()
