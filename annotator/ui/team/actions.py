"""File-menu actions for team work: Export for annotators…, Export my work…, Open pack…, Merge….

Thin: each action asks for files and names with standard dialogs, calls ``annotator.operations.team`` (or the
export module), shows the outcome in one message, and reports what changed through ``on_changed`` so
the window refreshes its views. The main window adds them with one call::

    add_team_actions(file_menu, self, lambda: self.project, self.current_annotator, self.apply_changes)

A merge that meets a conflict offers, in the message naming the article and annotator, to keep the
newer edits (``--prefer newer``); declining changes nothing.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFileDialog, QInputDialog, QMenu, QMessageBox, QWidget

from annotator.core.errors import AnnotatorError, ConflictError
from annotator.store import Changes, Project
from annotator.ui.shell import counts as counted

translate = QCoreApplication.translate
PACK_FILTER = QT_TRANSLATE_NOOP("TeamActions", "Annotator packs (*.annotator)")
MERGE_FILTER = QT_TRANSLATE_NOOP(
    "TeamActions", "Projects, packs and JSONL (*.sqlite *.db *.annotator *.jsonl);;All files (*)"
)


@dataclass
class TeamActions:
    """The four actions, kept so the window (and tests) can reach them by name."""

    export_for_annotators: QAction
    export_my_work: QAction
    open_pack: QAction
    merge: QAction


def add_team_actions(
    menu: QMenu,
    parent: QWidget,
    project: Callable[[], Project],
    annotator: Callable[[], str | None],
    on_changed: Callable[[Changes], None],
) -> TeamActions:
    """Add the team actions to ``menu``; ``project()`` and ``annotator()`` give the current ones."""

    def action(text: str, name: str, tip: str, slot: Callable[[], None]) -> QAction:
        act = QAction(text, parent)
        act.setObjectName(name)
        act.setStatusTip(tip)
        act.triggered.connect(lambda _checked=False: _guarded(parent, slot))
        menu.addAction(act)
        return act

    def export_for_annotators() -> None:
        names, ok = QInputDialog.getText(
            parent,
            translate("TeamActions", "Export for annotators"),
            translate(
                "TeamActions",
                "Assign articles to (names separated by commas; leave empty for no assignment):",
            ),
        )
        if not ok:
            return
        annotators = [n.strip() for n in names.split(",") if n.strip()]
        per_article = 1
        if len(annotators) > 1:
            per_article, ok = QInputDialog.getInt(
                parent,
                translate("TeamActions", "Export for annotators"),
                translate("TeamActions", "Annotators per article:"),
                min(2, len(annotators)),
                1,
                len(annotators),
            )
            if not ok:
                return
        path, _ = QFileDialog.getSaveFileName(
            parent,
            translate("TeamActions", "Export for annotators"),
            "batch.annotator",
            translate("TeamActions", PACK_FILTER),
        )
        if not path:
            return
        message = export_pack(project(), Path(path), annotators, per_article)
        QMessageBox.information(parent, translate("TeamActions", "Export for annotators"), message)

    def export_my_work() -> None:
        name = annotator()
        if not name:
            name, ok = QInputDialog.getText(
                parent,
                translate("TeamActions", "Export my work"),
                translate("TeamActions", "Your annotator name:"),
            )
            if not ok or not name.strip():
                return
        path, _ = QFileDialog.getSaveFileName(
            parent, translate("TeamActions", "Export my work"), f"{name.strip()}.jsonl", "JSONL (*.jsonl)"
        )
        if not path:
            return
        message = export_work(project(), Path(path), name.strip())
        QMessageBox.information(parent, translate("TeamActions", "Export my work"), message)

    def open_pack() -> None:
        path, _ = QFileDialog.getOpenFileName(
            parent, translate("TeamActions", "Open pack"), "", translate("TeamActions", PACK_FILTER)
        )
        if not path:
            return
        from annotator.operations.team import open_pack as unpack

        summary = unpack(project(), Path(path))
        on_changed(summary.changes)
        QMessageBox.information(parent, translate("TeamActions", "Open pack"), summary.describe())

    def merge() -> None:
        paths, _ = QFileDialog.getOpenFileNames(
            parent, translate("TeamActions", "Merge"), "", translate("TeamActions", MERGE_FILTER)
        )
        if not paths:
            return
        from annotator.operations.team import merge_files

        files = [Path(p) for p in paths]
        try:
            summary = merge_files(project(), files)
        except ConflictError as exc:
            answer = QMessageBox.question(
                parent,
                translate("TeamActions", "Merge: the same annotator's work differs"),
                f"{exc}\n\n" + translate("TeamActions", "Keep the more recent edit wherever work differs?"),
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                QMessageBox.StandardButton.No,
            )
            if answer != QMessageBox.StandardButton.Yes:
                return
            summary = merge_files(project(), files, prefer_newer=True)
        on_changed(summary.changes)
        QMessageBox.information(parent, translate("TeamActions", "Merge"), summary.describe())

    menu.addSeparator()
    actions = TeamActions(
        export_for_annotators=action(
            translate("TeamActions", "Export for annotators…"),
            "exportForAnnotatorsAction",
            translate("TeamActions", "Write a pack of articles, labels and guidelines to hand out"),
            export_for_annotators,
        ),
        export_my_work=action(
            translate("TeamActions", "Export my work…"),
            "exportMyWorkAction",
            translate("TeamActions", "Write your spans and statuses as JSONL to send back"),
            export_my_work,
        ),
        open_pack=action(
            translate("TeamActions", "Open pack…"),
            "openPackAction",
            translate("TeamActions", "Add a pack's articles, labels and assignment to this project"),
            open_pack,
        ),
        merge=action(
            translate("TeamActions", "Merge…"),
            "mergeAction",
            translate("TeamActions", "Merge other projects, packs or JSONL into this project"),
            merge,
        ),
    )
    return actions


def export_pack(project: Project, path: Path, annotators: list[str], per_article: int) -> str:
    """Write a pack (round robin over ``annotators`` when given); returns the message to show."""
    from annotator.operations.team import build_pack, plan_assignment, write_pack_file

    assignment = plan_assignment(project, annotators=annotators or None, per_article=per_article)
    pack = build_pack(project, assignment)
    write_pack_file(pack, path)
    per_annotator = translate("TeamActions", "\n{name}: {articles}")
    who = "".join(per_annotator.format(name=name, articles=counted.articles(len(ids)))
                  for name, ids in sorted((assignment or {}).items()))
    return translate("TeamActions", "Wrote {articles} to {path}.").format(
        articles=counted.articles(len(pack.records)), path=path) + who


def export_work(project: Project, path: Path, annotator: str) -> str:
    """Write ``annotator``'s work as JSONL (as `export --format jsonl --annotator`); returns the message."""
    from annotator.operations.export import export_project

    if annotator not in project.annotators():
        raise AnnotatorError(f"{annotator!r} has no work in this project yet")
    result = export_project(project, "jsonl", path, annotator=annotator)
    return translate("TeamActions", "Wrote {articles} of {annotator}'s work to {path}.").format(
        articles=counted.articles(result.lines), annotator=annotator, path=path)


def _guarded(parent: QWidget, slot: Callable[[], None]) -> None:
    """Run an action; a project error becomes one message box, never a traceback."""
    try:
        slot()
    except AnnotatorError as exc:
        QMessageBox.warning(parent, "annotator", str(exc))
