"""Regenerate search-panel.png: the Search dock over the seeds, a hit opened with its match selected.

The query is typed without hamza and with ha for ta marbuta ("الامريكيه"); the list shows every spelling
found ("الأمريكية"), and the third hit is open in the Annotate tab with exactly the match selected.
Run: QT_QPA_PLATFORM=offscreen .venv/bin/python docs/screenshots/search_panel.py
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import QEventLoop, QSettings, Qt, QTimer
from PySide6.QtWidgets import QApplication

from annotator.corpus import import_paths
from annotator.store import Project
from annotator.ui.app import create_application, load_bundled_fonts
from annotator.ui.main_window import MainWindow

HERE = Path(__file__).resolve().parent
QUERY = "الامريكيه"


def wait(ms: int) -> None:
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def render(out: Path, query: str = QUERY, row: int = 2) -> None:
    """Search ``query`` in the seed project, open hit ``row``, save the window to ``out``."""
    family = load_bundled_fonts()
    with tempfile.TemporaryDirectory() as folder:
        project = Project.open(Path(folder) / "project.sqlite")
        import_paths(project, [HERE.parent.parent / "seeds"])
        settings = QSettings(str(Path(folder) / "settings.ini"), QSettings.Format.IniFormat)
        settings.setValue("annotator/name", "sara")
        window = MainWindow(project, article_font_family=family, settings=settings)
        window.resize(1400, 820)
        window.show()
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
        window.grab().save(str(out))
        window.close()
        panel.close_reader()
        project.close()


def main() -> int:
    app = QApplication.instance() or create_application(sys.argv[:1])
    render(HERE / "search-panel.png")
    del app
    return 0


if __name__ == "__main__":
    sys.exit(main())
