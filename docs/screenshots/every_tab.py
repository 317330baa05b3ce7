"""Regenerate tabs/<lang>-<n>-<tab>.png: every tab of the main window at the default 1280 × 820, in English
and in Arabic, over the five seed articles with three annotators' work (the dashboard tests' spans, a
relation per article and sara's answers) and the reviewer's gold by vote.

What the README's tour shows, made the same way each time so the pictures follow the window.
Run: QT_QPA_PLATFORM=offscreen .venv/bin/python docs/screenshots/every_tab.py [en|ar ...]
"""

from __future__ import annotations

import importlib.util
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication

from annotator.operations.import_corpus import import_paths
from annotator.store import Project
from annotator.store.gold import Gold
from annotator.ui.shell.app import create_application, install_language, load_bundled_fonts
from annotator.ui.shell.main_window import MainWindow

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
OUT = HERE / "tabs"
WIDTH, HEIGHT = 1280, 820


def three_annotators(project: Project, folder: Path) -> Project:
    """The dashboard tests' fixture: ali, omar and sara, all done, agreeing on most words."""
    spec = importlib.util.spec_from_file_location("dashboard_fixture", ROOT / "tests" / "ui" / "conftest.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.agreement_project.__wrapped__(project, folder)


def settle(seconds: float = 0.4) -> None:
    """Run events for a while: lazy tabs build, workers answer, layouts and paints finish."""
    until = time.monotonic() + seconds
    while time.monotonic() < until:
        QApplication.processEvents()
        time.sleep(0.01)


def render(language: str) -> list[Path]:
    """Every tab in ``language``, saved under OUT; the paths written."""
    app = create_application()
    install_language(app, language)
    family = load_bundled_fonts()
    OUT.mkdir(exist_ok=True)
    written = []
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        project = Project.open(folder / "project.sqlite")
        import_paths(project, [ROOT / "seeds"])
        project = three_annotators(project, folder)
        Gold(project).adjudicate(min_votes=2)
        settings = QSettings(str(folder / "settings.ini"), QSettings.Format.IniFormat)
        settings.setValue("annotator/name", "sara")
        window = MainWindow(project, article_font_family=family, settings=settings)
        window.resize(WIDTH, HEIGHT)
        window.show()
        settle()
        for index in range(window.tabs.count()):
            window.tabs.setCurrentIndex(index)
            settle(1.5 if index else 0.6)  # the dashboard's report comes from its worker
            name = ["annotate", "agreement", "curate", "consistency", "team"][index] \
                if index < 5 else f"tab{index}"
            out = OUT / f"{language}-{index + 1}-{name}.png"
            window.grab().save(str(out))
            written.append(out)
        window.close()
        project.close()
    return written


def main() -> None:
    languages = sys.argv[1:] or ["en", "ar"]
    if len(languages) > 1:  # one language per process: Qt's translators are installed once per app
        for language in languages:
            subprocess.run([sys.executable, __file__, language], check=True)
        return
    for path in render(languages[0]):
        print(path)


if __name__ == "__main__":
    main()
