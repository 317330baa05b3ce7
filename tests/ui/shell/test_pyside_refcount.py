"""Guard against a Qt binding that drops references to None (PySide6 6.12.0 on Python 3.11).

Such a binding returns None from void methods without counting the reference; once None's count hits
zero the interpreter aborts ("deallocating None") — for this app, after listing ~10,000 articles.
pyproject.toml pins a safe version; this test fails if a broken one is installed again.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QListWidget, QListWidgetItem


def test_void_qt_calls_keep_the_reference_count_of_none(qtbot) -> None:
    widget = QListWidget()
    qtbot.addWidget(widget)
    item = QListWidgetItem("خبر")
    before = sys.getrefcount(None)
    for n in range(500):
        item.setData(Qt.ItemDataRole.UserRole, f"a{n}")  # void
        widget.addItem(f"خبر {n}")  # void
    # Other code may take or release a few references meanwhile; a broken binding loses 1,000.
    assert sys.getrefcount(None) - before > -100
