"""Render resources/icons/annotator.svg to annotator.png (256 px) with Qt's own SVG renderer.

Run after editing the SVG: `.venv/bin/python packaging/render_icon.py`; both files are committed.
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

ICONS = Path(__file__).resolve().parent.parent / "resources" / "icons"


def render(size: int = 256) -> Path:
    """Write annotator.png beside the SVG; returns its path."""
    renderer = QSvgRenderer(str(ICONS / "annotator.svg"))
    if not renderer.isValid():
        raise SystemExit(f"{ICONS / 'annotator.svg'}: not a valid SVG")
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    out = ICONS / "annotator.png"
    image.save(str(out))
    return out


if __name__ == "__main__":
    app = QGuiApplication(sys.argv[:1])
    print(render())
