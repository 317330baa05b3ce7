"""Regenerate search-panel.png: the Search dock over the seeds, a hit opened with its match selected.

The query is typed without hamza and with ha for ta marbuta ("الامريكيه"); the list shows every spelling
found ("الأمريكية"), and the third hit is open in the Annotate tab with exactly the match selected.
Run: QT_QPA_PLATFORM=offscreen .venv/bin/python docs/screenshots/search_panel.py
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QEventLoop, Qt, QTimer
from PySide6.QtWidgets import QApplication
from scene import save, seed_window  # docs/screenshots/scene.py

from annotator.ui.shell.app import create_application

HERE = Path(__file__).resolve().parent
QUERY = "الامريكيه"


def wait(ms: int) -> None:
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def render(out: Path, query: str = QUERY, row: int = 2) -> None:
    """Search ``query`` in the seed project, open hit ``row``, save the window to ``out``."""
    with seed_window(1400, 820) as (_project, window):
        window.open_search()
        panel = window.search_panel
        panel.box.setText(query)
        panel.run_search()
        for _ in range(100):
            wait(20)
            if panel.result is not None and panel.results.count():
                break
        hits = [panel.results.item(i) for i in range(panel.results.count())
                if panel.results.item(i).data(Qt.ItemDataRole.UserRole) is not None]
        item = hits[row]
        panel.results.setCurrentItem(item)
        panel.results.itemClicked.emit(item)
        wait(100)
        save(window, out, turns=0)
        panel.close_reader()


def main() -> int:
    app = QApplication.instance() or create_application(sys.argv[:1])
    render(HERE / "search-panel.png")
    del app
    return 0


if __name__ == "__main__":
    sys.exit(main())
