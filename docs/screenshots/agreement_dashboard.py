"""Regenerate agreement-dashboard.png: the dashboard over the five seed articles with three annotators.

The spans are those of the dashboard tests (``tests/ui/conftest.py``: ali, omar and sara agree on most
words and differ on a few; nobody marks anything in the fifth article, so its figures are undefined).
Run: QT_QPA_PLATFORM=offscreen .venv/bin/python docs/screenshots/agreement_dashboard.py [measure]
"""

from __future__ import annotations

import importlib.util
import sys
import tempfile
from pathlib import Path

from PySide6.QtWidgets import QApplication

from annotator.operations.import_corpus import import_paths
from annotator.store import Project
from annotator.ui.agreement.view import AgreementDashboard
from annotator.ui.shell.app import create_application, load_bundled_fonts

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent


def three_annotators_fixture():
    """The test fixture module that writes the three annotators' JSONL (its ``agreement_project``)."""
    spec = importlib.util.spec_from_file_location("dashboard_fixture", ROOT / "tests" / "ui" / "conftest.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def render(out: Path, measure: str = "alpha_char") -> None:
    """The dashboard at 1500 × 950 with ``measure`` chosen, after its worker has computed the report."""
    family = load_bundled_fonts()
    fixture = three_annotators_fixture()
    with tempfile.TemporaryDirectory() as folder:
        project = Project.open(Path(folder) / "project.sqlite")
        import_paths(project, [ROOT / "seeds"])
        project = fixture.agreement_project.__wrapped__(project, Path(folder))
        dashboard = AgreementDashboard(project, article_font_family=family)
        dashboard.resize(1500, 950)
        dashboard.show()
        while dashboard.worker is None or not dashboard.worker.done or dashboard.result is None:
            QApplication.processEvents()
        dashboard.measure.setCurrentText(measure)
        for _ in range(5):
            QApplication.processEvents()
        dashboard.grab().save(str(out))
        dashboard.close()
        project.close()


def main() -> None:
    create_application()
    render(HERE / "agreement-dashboard.png", *sys.argv[1:2])


if __name__ == "__main__":
    main()
