"""An annotator who received an assignment sees only their articles in the list, and can show all."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt

from annotator.store import Project
from annotator.store.assignments import set_assignment
from tests.ui.annotation_driver import make_window

ROLE = Qt.ItemDataRole.UserRole


def visible_ids(window) -> list[str]:
    return window.article_list.ids()


def test_list_shows_only_assigned_articles_until_unticked(qtbot, project: Project, tmp_path: Path):
    ids = [a.id for a in project.article_summaries()]
    set_assignment(project, {"sara": [ids[1], ids[3]], "omar": [ids[0], ids[2], ids[4]]})
    window = make_window(qtbot, project, tmp_path / "settings.ini", annotator="sara")
    assert window.assigned_only.isVisible() and window.assigned_only.isChecked()
    assert visible_ids(window) == [ids[1], ids[3]]
    assert window.page.document_id == ids[1]  # the first assigned article is opened, not a hidden one

    window.assigned_only.click()
    assert visible_ids(window) == ids

    window.assigned_only.click()
    window.switch_annotator("omar")
    assert visible_ids(window) == [ids[0], ids[2], ids[4]]


def test_without_an_assignment_the_choice_is_not_offered(qtbot, project: Project, tmp_path: Path):
    window = make_window(qtbot, project, tmp_path / "settings.ini")
    assert not window.assigned_only.isVisible()
    assert len(visible_ids(window)) == 5
