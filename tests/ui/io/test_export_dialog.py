"""File ▸ Export…: the real dialog writes every scope and format the command line has, in a worker."""

from __future__ import annotations

import json
from pathlib import Path

from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QMenu

from annotator.store import Project
from annotator.ui.io.export_dialog import ExportDialog
from annotator.ui.shell.main_window import MainWindow


def open_dialog(qtbot, project: Project, me: str = "ali") -> ExportDialog:
    dialog = ExportDialog(project, me)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def export(qtbot, dialog: ExportDialog) -> None:
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.worker is None, timeout=20000)


def test_my_work_as_jsonl_names_data_and_metadata_and_shows_the_folder(
        qtbot, agreement_project: Project, tmp_path, monkeypatch) -> None:
    opened: list[str] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url.toLocalFile()) or True)
    dialog = open_dialog(qtbot, agreement_project)
    assert dialog.scope() == "mine"  # ali has work in this project
    target = tmp_path / "out" / "ali.jsonl"
    target.parent.mkdir()
    dialog.target.setText(str(target))
    export(qtbot, dialog)
    lines = [json.loads(line) for line in target.read_text(encoding="utf-8").splitlines()]
    assert {line["annotator"] for line in lines} == {"ali"} and len(lines) == 5
    text = dialog.outcome.text()
    assert f"Data: {target}" in text and f"Metadata: {target}.metadata.json" in text
    assert Path(f"{target}.metadata.json").is_file()
    assert dialog.show_folder.isVisible() and dialog.close_button.text() == "Close"
    qtbot.mouseClick(dialog.show_folder, Qt.MouseButton.LeftButton)
    assert opened == [str(target.parent)]


def test_one_other_annotator_as_csv(qtbot, agreement_project: Project, tmp_path) -> None:
    dialog = open_dialog(qtbot, agreement_project)
    dialog.set_format("csv")
    dialog.set_scope("annotator", "omar")
    target = tmp_path / "omar.csv"
    dialog.target.setText(str(target))
    export(qtbot, dialog)
    rows = target.read_text(encoding="utf-8-sig").splitlines()
    assert rows[0].startswith("article_id,title,annotator")
    assert {row.split(",")[2] for row in rows[1:]} == {"omar"}
    assert len(rows) - 1 == len(agreement_project.spans(annotator="omar"))


def test_every_annotator_as_a_brat_folder_whose_metadata_is_inside(
        qtbot, agreement_project: Project, tmp_path, monkeypatch) -> None:
    opened: list[str] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url.toLocalFile()) or True)
    dialog = open_dialog(qtbot, agreement_project)
    dialog.set_format("brat")
    dialog.set_scope("all")
    target = tmp_path / "brat-export"
    dialog.target.setText(str(target))
    export(qtbot, dialog)
    assert sorted(p.name for p in target.iterdir() if p.is_dir()) == ["ali", "omar", "sara"]
    assert f"Metadata: {target / 'metadata.json'}" in dialog.outcome.text()
    dialog.open_folder()
    assert opened == [str(target)]


def test_gold_only_curated_writes_an_empty_selection_when_nothing_is_curated(
        qtbot, agreement_project: Project, tmp_path) -> None:
    dialog = open_dialog(qtbot, agreement_project)
    dialog.set_scope("gold")
    dialog.only_curated.setChecked(True)
    target = tmp_path / "gold.jsonl"
    dialog.target.setText(str(target))
    export(qtbot, dialog)
    metadata = json.loads(Path(f"{target}.metadata.json").read_text(encoding="utf-8"))
    assert metadata["selection"] == {"gold": True, "annotator": None, "only_curated": True}
    assert metadata["articles"] == 0 and target.read_text(encoding="utf-8") == ""


def test_cancel_writes_nothing(qtbot, agreement_project: Project, tmp_path) -> None:
    dialog = open_dialog(qtbot, agreement_project)
    target = tmp_path / "cancelled.jsonl"
    dialog.target.setText(str(target))
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(dialog.close_button, Qt.MouseButton.LeftButton)  # before the worker starts
    qtbot.waitUntil(lambda: dialog.worker is None, timeout=20000)
    assert "nothing was written" in dialog.outcome.text()
    assert list(tmp_path.glob("cancelled*")) == [] and dialog.isVisible()


def test_a_missing_folder_is_named_and_nothing_is_written(
        qtbot, agreement_project: Project, tmp_path) -> None:
    dialog = open_dialog(qtbot, agreement_project)
    target = tmp_path / "no-such-folder" / "x.jsonl"
    dialog.target.setText(str(target))
    export(qtbot, dialog)
    assert "Nothing was exported" in dialog.outcome.text() and "no-such-folder" in dialog.outcome.text()
    assert not target.parent.exists() and not dialog.show_folder.isVisible()


def test_file_menu_export_opens_the_dialog(qtbot, agreement_project: Project, tmp_path) -> None:
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    settings.setValue("annotator/name", "sara")
    settings.setValue("firstStart/dismissed", True)
    window = MainWindow(agreement_project, settings=settings)
    qtbot.addWidget(window)
    window.show()
    menu = window.findChild(QMenu, "menu_file")
    next(a for a in menu.actions() if a.objectName() == "action_export").trigger()
    dialog = window.export_dialog
    assert dialog.isVisible() and dialog.scope() == "mine"
    assert "sara" in dialog.scope_buttons["mine"].text()


def test_my_work_is_offered_only_to_an_annotator_with_work(qtbot, agreement_project: Project) -> None:
    dialog = open_dialog(qtbot, agreement_project, me="newcomer")
    assert not dialog.scope_buttons["mine"].isEnabled() and dialog.scope() == "all"
    assert dialog.target.text().endswith("project-all.jsonl")
    dialog.set_format("brat")
    assert dialog.target.text().endswith("project-all")
