"""The Team tab: per annotator, the articles done / in progress / assigned, spans, last activity, and the
last file of theirs seen in the team folder with whether it is healthy; below, per article, who has
finished it (``finished_articles``). Updated after every round.

Every round reports every file in the folder (an unchanged one as "up to date" without reading it
again), so the table is rebuilt from the latest round alone.
"""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QHeaderView,
    QLabel,
    QSplitter,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from annotator.operations.team_files import file_name
from annotator.operations.team_folder import FileReport, FileState, Membership
from annotator.ui.shell import counts as counted
from annotator.ui.team.finished_articles import FinishedArticles
from annotator.ui.team.sync_rounds import RoundResult
from annotator.ui.team.wording import isolated

COLUMNS = (
    QT_TRANSLATE_NOOP("TeamPanel", "Annotator"),
    QT_TRANSLATE_NOOP("TeamPanel", "Done"),
    QT_TRANSLATE_NOOP("TeamPanel", "In progress"),
    QT_TRANSLATE_NOOP("TeamPanel", "Assigned"),
    QT_TRANSLATE_NOOP("TeamPanel", "Spans"),
    QT_TRANSLATE_NOOP("TeamPanel", "Last activity"),
    QT_TRANSLATE_NOOP("TeamPanel", "Last file seen"),
    QT_TRANSLATE_NOOP("TeamPanel", "File"),
)
STATE_TEXT = {
    FileState.MERGED: QT_TRANSLATE_NOOP("TeamPanel", "merged (sequence {sequence})"),
    FileState.UNCHANGED: QT_TRANSLATE_NOOP("TeamPanel", "up to date (sequence {sequence})"),
    FileState.WAITING: QT_TRANSLATE_NOOP("TeamPanel", "incomplete: waiting for the rest"),
    FileState.REFUSED: QT_TRANSLATE_NOOP("TeamPanel", "refused: damaged or altered"),
    FileState.CONFLICT_COPY: QT_TRANSLATE_NOOP("TeamPanel", "a conflict copy, kept on disk"),
    FileState.OLDER: QT_TRANSLATE_NOOP("TeamPanel", "an older copy, not merged"),
    FileState.OWN_COPY: QT_TRANSLATE_NOOP("TeamPanel", "written under my name elsewhere"),
}
HEALTHY = {FileState.MERGED, FileState.UNCHANGED}
TROUBLE = {FileState.REFUSED, FileState.OWN_COPY}
GREEN, AMBER, RED = "#1e7b34", "#9a6700", "#c0392b"


def state_text(report: FileReport) -> str:
    return QCoreApplication.translate("TeamPanel", STATE_TEXT[report.state]).format(
        sequence=report.sequence if report.sequence is not None else "–")


class TeamPanel(QWidget):
    """The Team tab for ``membership``; ``show_round`` after each round."""

    def __init__(self, membership: Membership, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("teamPanel")
        self.membership = membership
        self.files: dict[str, FileReport] = {}  # annotator (or file, when unreadable) → its state
        self.copies: dict[str, int] = {}  # annotator → conflict copies kept on disk
        self.my_sequence: int | None = None
        role = self.tr("reviewer") if membership.reviewer else self.tr("annotator")
        heading = self.tr("Team folder {folder} · working here as {name} ({role})")
        self.heading = QLabel(heading.format(folder=isolated(membership.folder), name=membership.annotator,
                                             role=role), objectName="teamHeading")
        self.heading.setWordWrap(True)
        self.round_label = QLabel(self.tr("Waiting for the first round through the folder…"),
                                  objectName="teamRoundStatus")
        self.table = QTableWidget(0, len(COLUMNS), objectName="teamTable")
        self.table.setHorizontalHeaderLabels([self.tr(c) for c in COLUMNS])
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.setAlternatingRowColors(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(len(COLUMNS) - 1, QHeaderView.ResizeMode.Stretch)
        self.articles = FinishedArticles(self)
        self.article_table = QTableView(objectName="teamArticles")
        self.article_table.setModel(self.articles)
        self.article_table.verticalHeader().setVisible(False)
        self.article_table.setAlternatingRowColors(True)
        self.article_table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.article_table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        split = QSplitter(Qt.Orientation.Vertical, objectName="teamSplit")
        split.addWidget(self.table)
        split.addWidget(self.article_table)
        split.setSizes([300, 400])
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.round_label)
        layout.addWidget(split, 1)

    def show_round(self, result: RoundResult) -> None:
        """Take in the round's file states and show everyone's progress as read after it."""
        report = result.report
        self.my_sequence = result.my_sequence
        copies: dict[str, int] = {}
        files: dict[str, FileReport] = {}
        for file in report.files:
            if file.state is FileState.CONFLICT_COPY:
                copies[file.annotator or ""] = copies.get(file.annotator or "", 0) + 1
            else:
                files[file.annotator or file.file] = file
        self.files = files
        self.copies = copies
        progress = {p.annotator: p for p in result.progress}
        names = sorted(progress.keys() | {n for n, f in self.files.items() if f.annotator}
                       | {self.membership.annotator})
        unnamed = sorted(n for n, f in self.files.items() if not f.annotator)
        self.table.setRowCount(len(names) + len(unnamed))
        for row, name in enumerate(names):
            p = progress.get(name)
            values = [name, *(str(v) for v in (p.done, p.in_progress, p.assigned, p.spans))] if p else \
                [name, "0", "0", "0", "0"]
            values.append(_when(p.last_activity) if p else "")
            self._fill(row, values, *self._file_cells(name))
        for row, name in enumerate(unnamed, start=len(names)):
            self._fill(row, ["–", "", "", "", "", ""], *self._file_cells(name))
        self.articles.set_rows(result.articles)
        self.round_label.setText(self.tr("Last round {time}: {files} in the folder").format(
            time=f"{datetime.now():%H:%M:%S}", files=counted.files(len(report.files) + 1)))

    def _file_cells(self, name: str) -> tuple[str, str, str, str]:
        """(file, its state, the state's detail, its colour) for annotator ``name``'s row."""
        if name == self.membership.annotator:
            sequence = self.my_sequence if self.my_sequence is not None else "–"
            return (file_name(name), self.tr("my file (sequence {sequence})").format(sequence=sequence), "",
                    GREEN)
        file = self.files.get(name)
        if file is None:
            return "", self.tr("no file in the folder"), "", AMBER
        text, colour = state_text(file), GREEN if file.state in HEALTHY else RED if file.state in TROUBLE \
            else AMBER
        if self.copies.get(name):
            text += " · " + counted.conflict_copies(self.copies[name])
            colour = AMBER if colour == GREEN else colour
        return file.file, text, file.message, colour

    def _fill(self, row: int, values: list[str], file: str, state: str, detail: str, colour: str) -> None:
        for column, value in enumerate([*values, file, state]):
            item = self.table.item(row, column)
            if item is None:
                item = QTableWidgetItem()
                self.table.setItem(row, column, item)
            item.setText(value)
            if 1 <= column <= 4:
                item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
        state_item = self.table.item(row, len(COLUMNS) - 1)
        state_item.setForeground(QBrush(QColor(colour)))
        state_item.setToolTip(detail)


def _when(stamp: str | None) -> str:
    """An edit time (UTC, ISO) in local time, to the minute."""
    if not stamp:
        return ""
    try:
        return f"{datetime.fromisoformat(stamp.replace('Z', '+00:00')).astimezone():%Y-%m-%d %H:%M}"
    except ValueError:
        return stamp
