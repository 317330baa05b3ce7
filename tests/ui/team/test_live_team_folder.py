"""The live team folder in the window: two windows on separate projects share one folder; rounds run by
themselves (folder watcher, rescan, a few seconds after an edit) and the tests wait for what a user sees.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from annotator.core.formats.team_file import read_team_file
from annotator.operations.team_folder import join, membership, sync
from annotator.store import Project
from annotator.store.assignments import set_assignment
from annotator.ui.shell.main_window import MainWindow
from annotator.ui.team import sync_rounds
from tests.ui.annotation_driver import make_window, open_article, press

SOON = 10000  # ms: rounds every 200 ms here, with room for a loaded machine


@pytest.fixture(autouse=True)
def quick_rounds(monkeypatch: pytest.MonkeyPatch) -> None:
    """Rounds every 200 ms and a publish 200 ms after an edit, instead of 10 s and 3 s."""
    monkeypatch.setattr(sync_rounds, "RESCAN_MS", 200)
    monkeypatch.setattr(sync_rounds, "PUBLISH_DELAY_MS", 200)
    monkeypatch.setattr(sync_rounds, "SETTLE_MS", 50)


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    shared = tmp_path / "team"
    shared.mkdir()
    return shared


def window_on(qtbot, path: Path, settings: Path, annotator: str) -> MainWindow:
    project = Project.open(path)
    window = make_window(qtbot, project, settings, annotator)
    window.destroyed.connect(project.close)
    return window


def tag(qtbot, window: MainWindow, start: int, end: int, key: str = "1") -> None:
    window.page.article_view.select_range(start, end)
    press(qtbot, window, key)


def team_row(window: MainWindow, name: str) -> dict[str, str]:
    table = window.team_folder.panel.table
    headers = [table.horizontalHeaderItem(c).text() for c in range(table.columnCount())]
    for row in range(table.rowCount()):
        if table.item(row, 0) is not None and table.item(row, 0).text() == name:
            return {h: table.item(row, c).text() for c, h in enumerate(headers)}
    return {}


def test_a_span_made_in_one_window_arrives_in_the_other(qtbot, project: Project, tmp_path: Path,
                                                        folder: Path) -> None:
    join(project, folder, "rana", reviewer=True)
    project.close()
    Project.open(tmp_path / "salma.sqlite").close()  # salma starts with an empty project
    with Project.open(tmp_path / "salma.sqlite") as salmas:
        join(salmas, folder, "salma")
    rana = window_on(qtbot, tmp_path / "project.sqlite", tmp_path / "rana.ini", "rana")
    salma = window_on(qtbot, tmp_path / "salma.sqlite", tmp_path / "salma.ini", "salma")

    # the reviewer's file brings the articles, and the status bar says so
    qtbot.waitUntil(lambda: salma.article_list.count() == 5, timeout=SOON)
    assert "5 new articles from rana" in salma.statusBar().currentMessage()

    open_article(salma, 0)
    document = salma.page.document_id
    tag(qtbot, salma, 0, 5)
    assert salma.page.own_span_count() == 1
    made = [(s.start, s.end) for s in salma.page.spans]

    # a few moments later it is in the reviewer's project, shown in review mode and in the Team tab
    rana.set_show_others(True)
    rana.show_article(document)
    qtbot.waitUntil(lambda: any(s.annotator == "salma" for s in rana.page.spans), timeout=SOON)
    assert [(s.start, s.end) for s in rana.page.spans if s.annotator == "salma"] == made
    assert "1 new span from salma" in rana.statusBar().currentMessage()
    qtbot.waitUntil(lambda: team_row(rana, "salma").get("Spans") == "1", timeout=SOON)
    row = team_row(rana, "salma")
    assert row["Last file seen"] == "salma.annotator-team"
    assert row["File"].startswith(("merged", "up to date"))
    assert row["In progress"] == "1"

    # the next span, on an article whose work the reviewer already holds, arrives the same way
    tag(qtbot, salma, 40, 45, "2")
    assert salma.page.own_span_count() == 2
    made = sorted((s.start, s.end) for s in salma.page.spans)
    qtbot.waitUntil(lambda: sorted((s.start, s.end) for s in rana.page.spans
                                   if s.annotator == "salma") == made, timeout=SOON)
    assert "1 new span from salma" in rana.statusBar().currentMessage()
    qtbot.waitUntil(lambda: team_row(rana, "salma").get("Spans") == "2", timeout=SOON)

    # salma finishes the article: the reviewer's Team tab says who has finished it
    press(qtbot, salma, "D", Qt.KeyboardModifier.ControlModifier)
    assert salma.project.status(document, "salma").value == "done"
    articles = rana.team_folder.panel.articles
    finished = lambda: {articles.index(r, 1).data() for r in range(articles.rowCount())  # noqa: E731
                        if articles.rows[r].article_id == document}
    qtbot.waitUntil(lambda: finished() == {"salma"}, timeout=SOON)
    assert team_row(rana, "salma")["Done"] == "1"


def test_the_banner_appears_while_the_folder_is_gone_and_goes_when_it_is_back(
        qtbot, project: Project, tmp_path: Path, folder: Path) -> None:
    join(project, folder, "rana", reviewer=True)
    window = make_window(qtbot, project, tmp_path / "rana.ini", "rana")
    banner = window.team_folder.banner
    qtbot.waitUntil(lambda: (folder / "rana.annotator-team").exists(), timeout=SOON)
    assert banner.isHidden()

    folder.rename(tmp_path / "unplugged")
    qtbot.waitUntil(lambda: not banner.isHidden(), timeout=SOON)
    assert "cannot be reached" in banner.label.text() and str(folder) in banner.label.text()
    open_article(window, 0)
    tag(qtbot, window, 0, 5)  # work goes on locally
    assert window.save_label.text().startswith("Saved")

    (tmp_path / "unplugged").rename(folder)
    qtbot.waitUntil(lambda: banner.isHidden(), timeout=SOON)
    assert window.team_folder.rounds.rounds > 0


def test_the_dialog_joins_a_folder_and_leaves_it(qtbot, project: Project, tmp_path: Path,
                                                 folder: Path) -> None:
    window = make_window(qtbot, project, tmp_path / "rana.ini", "rana")
    tabs = [window.tabs.tabText(i) for i in range(window.tabs.count())]
    assert "Team" not in tabs

    dialog = window.team_folder.open_dialog()
    assert "not joined" in dialog.current.text()
    assert not dialog.leave_button.isEnabled()
    dialog.folder.setText(str(folder))
    dialog.name.setText("rana")
    dialog.reviewer.setChecked(True)
    qtbot.mouseClick(dialog.join_button, Qt.MouseButton.LeftButton)

    assert membership(project).folder == folder and membership(project).reviewer
    assert window.tabs.tabText(window.tabs.count() - 1) == "Team"
    qtbot.waitUntil(lambda: (folder / "rana.annotator-team").exists(), timeout=SOON)
    qtbot.waitUntil(lambda: team_row(window, "rana").get("File", "").startswith("my file (sequence 1)"),
                    timeout=SOON)

    dialog = window.team_folder.open_dialog()
    assert str(folder) in dialog.current.text() and "rana" in dialog.current.text()
    qtbot.mouseClick(dialog.leave_button, Qt.MouseButton.LeftButton)
    assert membership(project) is None
    assert "Team" not in [window.tabs.tabText(i) for i in range(window.tabs.count())]
    assert window.team_folder.rounds is None
    assert (folder / "rana.annotator-team").exists()  # the files stay


def test_a_folder_that_cannot_be_used_is_said_and_nothing_is_joined(qtbot, project: Project,
                                                                     tmp_path: Path) -> None:
    not_a_folder = tmp_path / "notes.txt"
    not_a_folder.write_text("x")
    window = make_window(qtbot, project, tmp_path / "rana.ini", "rana")
    dialog = window.team_folder.open_dialog()
    dialog.folder.setText(str(not_a_folder))
    qtbot.mouseClick(dialog.join_button, Qt.MouseButton.LeftButton)
    assert dialog.error_box is not None and dialog.error_box.isVisible()
    said = dialog.error_box.text()
    assert "is a file, not a folder" in said and str(not_a_folder) in said
    assert membership(project) is None and window.team_folder.rounds is None

    dialog.folder.setText(str(tmp_path / "not-mounted"))
    qtbot.mouseClick(dialog.join_button, Qt.MouseButton.LeftButton)
    assert "does not exist" in dialog.error_box.text()

    dialog.folder.setText(str(tmp_path))
    dialog.name.setText("../rana")
    qtbot.mouseClick(dialog.join_button, Qt.MouseButton.LeftButton)
    assert "cannot name your file" in dialog.error_box.text()
    assert membership(project) is None and window.team_folder.rounds is None


def test_an_edit_just_before_closing_is_written_on_exit(qtbot, project: Project, tmp_path: Path, folder: Path,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sync_rounds, "PUBLISH_DELAY_MS", 600_000)
    monkeypatch.setattr(sync_rounds, "RESCAN_MS", 600_000)
    join(project, folder, "salma")
    window = make_window(qtbot, project, tmp_path / "salma.ini", "salma")
    qtbot.waitUntil(lambda: window.team_folder.rounds is not None and window.team_folder.rounds.rounds == 1,
                    timeout=SOON)
    open_article(window, 0)
    tag(qtbot, window, 0, 5)
    window.close()
    written = read_team_file(folder / "salma.annotator-team")
    made = [(s.start, s.end) for s in project.spans(annotator="salma")]
    assert len(made) == 1
    assert [(ref.start, ref.end) for item in written.work for ref in item.work.spans] == made


def test_the_team_folder_speaks_arabic(qtbot, qapp, project: Project, tmp_path: Path, folder: Path) -> None:
    """The dialog, the banner, the Team tab and the notice: no English left but names and paths."""
    from annotator.ui.shell.app import install_language
    from tests.ui.shell.test_every_string_arabic import dialog_texts, english_words

    install_language(qapp, "ar")
    try:
        join(project, folder, "rana", reviewer=True)
        window = make_window(qtbot, project, tmp_path / "rana.ini", "rana")
        qtbot.waitUntil(lambda: window.team_folder.rounds.rounds > 0, timeout=SOON)
        dialog = window.team_folder.open_dialog()
        texts = dialog_texts(dialog)
        texts.update(dialog_texts(window.team_folder.panel))
        (tmp_path / "notes.txt").write_text("x")
        for path, name in ((tmp_path / "notes.txt", "rana"), (tmp_path / "absent", "rana"),
                           (folder, ".rana")):
            dialog.folder.setText(str(path))
            dialog.name.setText(name)
            qtbot.mouseClick(dialog.join_button, Qt.MouseButton.LeftButton)
            texts[f"error for {path.name} {name}"] = dialog.error_box.text().replace(str(path), "")
        folder.rename(tmp_path / "unplugged")
        qtbot.waitUntil(lambda: not window.team_folder.banner.isHidden(), timeout=SOON)
        texts["banner"] = window.team_folder.banner.label.text()
        texts["menu"] = window.team_folder.action.text()
        texts["tab"] = window.tabs.tabText(window.tabs.indexOf(window.team_folder.panel))
        table = window.team_folder.panel.table
        texts.update({f"cell {r},{c}": table.item(r, c).text() for r in range(table.rowCount())
                      for c in range(table.columnCount()) if c == table.columnCount() - 1})
        names = {"Syncthing", "Nextcloud", "Dropbox", "git", "rana"}
        data = (str(folder), "rana.annotator-team")
        english = {where: text for where, text in texts.items()
                   if set(english_words(text.replace(data[0], "").replace(data[1], ""))) - names}
        assert len(texts) > 15
        assert english == {}, "\n".join(f"{where}: {text!r}" for where, text in english.items())
    finally:
        install_language(qapp, "en")


def test_a_file_landing_starts_a_round_without_waiting_for_the_rescan(
        qtbot, project: Project, tmp_path: Path, folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sync_rounds, "RESCAN_MS", 600_000)
    join(project, folder, "rana", reviewer=True)
    window = make_window(qtbot, project, tmp_path / "rana.ini", "rana")
    qtbot.waitUntil(lambda: (folder / "rana.annotator-team").exists(), timeout=SOON)
    with Project.open(tmp_path / "salma.sqlite") as salmas:  # salma's desktop, from the command line
        join(salmas, folder, "salma")
        sync(salmas)
        article = salmas.article_summaries()[0].id
        salmas.add_span(article, "salma", 0, 5, "actor")
        sync(salmas)
    qtbot.waitUntil(lambda: team_row(window, "salma").get("Spans") == "1", timeout=SOON)
    assert "1 new span from salma" in window.statusBar().currentMessage()


def test_the_reviewers_new_articles_and_assignment_appear_in_the_annotators_list(
        qtbot, project: Project, tmp_path: Path, folder: Path) -> None:
    ids = [a.id for a in project.article_summaries()]
    set_assignment(project, {"salma": [ids[0], ids[2]], "omar": [ids[1]]})
    join(project, folder, "rana", reviewer=True)
    sync(project)  # the reviewer's desktop publishes, from the command line
    with Project.open(tmp_path / "salma.sqlite") as salmas:
        join(salmas, folder, "salma")
    salma = window_on(qtbot, tmp_path / "salma.sqlite", tmp_path / "salma.ini", "salma")

    qtbot.waitUntil(lambda: salma.project.document_count() == 5, timeout=SOON)
    qtbot.waitUntil(lambda: set(salma.article_list.ids()) == {ids[0], ids[2]}, timeout=SOON)
    assert salma.statusBar().currentMessage() == "5 new articles, 3 new assignments from rana"
    assert salma.assigned_only.isVisible() and salma.assigned_only.isChecked()
    salma.assigned_only.setChecked(False)
    assert sorted(salma.article_list.ids()) == sorted(ids)


def test_a_read_only_project_is_told_it_cannot_join(qtbot, project: Project, tmp_path: Path,
                                                    folder: Path) -> None:
    path = project.path
    project.close()
    with Project.open(path, read_only=True) as read_only:
        window = make_window(qtbot, read_only, tmp_path / "rana.ini", "rana")
        dialog = window.team_folder.open_dialog()
        dialog.folder.setText(str(folder))
        qtbot.mouseClick(dialog.join_button, Qt.MouseButton.LeftButton)
        assert "read-only" in dialog.error_box.text()
        assert window.team_folder.rounds is None
        window.close()
    with Project.open(path) as writable:
        assert membership(writable) is None
