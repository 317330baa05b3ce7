"""Files and folders dropped on the main window open the Import dialog with them."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QEvent, QMimeData, QObject
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QWidget


def dropped_paths(mime: QMimeData) -> list[Path]:
    """The local files and folders a drag carries (web addresses and text are not articles to import)."""
    if not mime.hasUrls():
        return []
    return [Path(url.toLocalFile()) for url in mime.urls() if url.isLocalFile()]


class FileDrops(QObject):
    """An event filter on ``window``: a drop of local files calls ``on_paths`` with them.

    Child widgets that take drops themselves (a text box) keep them; the rest reach the window.
    """

    def __init__(self, window: QWidget, on_paths: Callable[[list[Path]], None]) -> None:
        super().__init__(window)
        self._on_paths = on_paths
        window.setAcceptDrops(True)
        window.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        moving = kind in (QEvent.Type.DragEnter, QEvent.Type.DragMove)
        if moving and isinstance(event, QDragEnterEvent | QDropEvent) and dropped_paths(event.mimeData()):
            event.acceptProposedAction()
            return True
        elif kind == QEvent.Type.Drop and isinstance(event, QDropEvent):
            paths = dropped_paths(event.mimeData())
            if paths:
                event.acceptProposedAction()
                self._on_paths(paths)
                return True
        return super().eventFilter(watched, event)
