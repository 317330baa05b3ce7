"""Regenerate annotation-window-ar-dark.png: the annotation window of annotation_window.py (same seed
article and spans) with the Arabic interface, right to left, in a dark palette.

Run: QT_QPA_PLATFORM=offscreen .venv/bin/python docs/screenshots/arabic_dark.py
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

from PySide6.QtGui import QColor, QPalette

from annotator.ui.shell.app import create_application, install_language

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
    annotation_window.render(HERE / "annotation-window-ar-dark.png")


if __name__ == "__main__":
    main()
