"""The live team folder in the window: File ▸ Team folder…, the rounds, the banner and the Team tab.

The main window adds it with one call and tells it when it closes::

    self.team_folder = add_team_folder(file_menu, self)   # in the File menu; rounds start if joined
    self.team_folder.close()                              # in closeEvent: publishes my last edits

While the project is joined, ``SyncRounds`` runs rounds off the GUI thread; after a round that merged
something the window re-reads in place as after another program's merge (``refresh_from_elsewhere``)
and the status bar says what arrived ("2 new articles from rana"); a folder that cannot be reached
shows the banner until a round reaches it again. The window's change watcher is paused during a
round, so the round's own commit is not taken for another program's.
"""

from __future__ import annotations

from contextlib import suppress
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu

from annotator.core.errors import AnnotatorError
from annotator.operations.team_folder import Membership, membership
from annotator.store import Changes
from annotator.ui.team.banner import FolderBanner
from annotator.ui.team.folder_dialog import TeamFolderDialog
from annotator.ui.team.panel import TeamPanel
from annotator.ui.team.sync_rounds import RoundResult, SyncRounds
from annotator.ui.team.wording import arrivals, isolated

if TYPE_CHECKING:
    from annotator.ui.shell.main_window import MainWindow


class TeamFolder(QObject):
    """The window's link to its team folder; ``rounds`` and ``panel`` exist while it is joined."""

    def __init__(self, menu: QMenu, window: MainWindow, **timings: int) -> None:
        super().__init__(window)
        self.setObjectName("teamFolder")
        self.window = window
        self.timings = timings  # SyncRounds' rescan_ms, publish_delay_ms, settle_ms (tests shorten them)
        self.action = QAction(self.tr("&Team folder…"), window, objectName="team_folder")
        self.action.setStatusTip(self.tr("Join a folder shared by the team, see the current one, "
                                         "or leave it"))
        self.action.triggered.connect(lambda _checked=False: self.open_dialog())
        menu.addAction(self.action)
        self.banner = FolderBanner(window)
        self.dialog: TeamFolderDialog | None = None
        self.rounds: SyncRounds | None = None
        self.panel: TeamPanel | None = None
        self.membership: Membership | None = None
        window.changes_made.connect(self._window_changed)
        QTimer.singleShot(0, self, self._start_if_joined)  # once the window is built

    def _start_if_joined(self) -> None:
        joined = None
        with suppress(AnnotatorError, ValueError, KeyError):  # unreadable settings: treated as not joined
            joined = membership(self.window.project)
        if joined is not None:
            self.start(joined)

    def open_dialog(self) -> TeamFolderDialog:
        """File ▸ Team folder…: window-modal, without a nested event loop."""
        dialog = TeamFolderDialog(self.window.project, self.window.annotator, self.window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.joined.connect(self._joined)
        dialog.left.connect(self._left)
        self.dialog = dialog  # tests reach the open dialog here
        dialog.open()
        return dialog

    def start(self, joined: Membership) -> None:
        """Begin rounds through ``joined.folder`` (the first one at once) and show the Team tab."""
        self.stop()
        if self.window.project.read_only:
            return  # nothing could be merged or published; the dialog still shows the membership
        self.membership = joined
        self.rounds = SyncRounds(self.window.project.path, joined.folder, self, **self.timings)
        self.rounds.started.connect(self.window.change_watcher.stop)
        self.rounds.finished.connect(self._round_done)
        self.rounds.unreachable.connect(self._unreachable)
        self.rounds.failed.connect(self._round_failed)
        self.panel = TeamPanel(joined)
        self.window.add_tab(self.panel, self.tr("Team"))
        self.rounds.request()

    def stop(self) -> None:
        """No more rounds; the Team tab and the banner go."""
        if self.rounds is not None:
            self.rounds.stop()
            self.rounds.deleteLater()
            self.rounds = None
        if self.panel is not None:
            self.window.tabs.removeTab(self.window.tabs.indexOf(self.panel))
            self.panel.deleteLater()
            self.panel = None
        self.membership = None
        self.banner.hide()

    def close(self) -> None:
        """The window closes: write my file if I edited since the last round."""
        if self.rounds is not None:
            self.rounds.publish_now(self.window.project)

    def _joined(self, joined: Membership) -> None:
        if joined.annotator != self.window.annotator:
            self.window.switch_annotator(joined.annotator)  # the window shows the work it publishes
        self.start(joined)
        self.window.statusBar().showMessage(self.tr("Joined the team folder {folder} as {name}").format(
            folder=isolated(joined.folder), name=joined.annotator), 8000)

    def _left(self) -> None:
        self.stop()
        self.window.statusBar().showMessage(self.tr(
            "Left the team folder: its files stay there, and everything merged from it stays here"), 8000)

    def _window_changed(self, _changes: Changes) -> None:
        if self.rounds is not None:  # the window's own edits (a round's merge is re-read, not announced)
            self.rounds.edited()

    def _resume_watcher(self) -> None:
        self.window.change_watcher.absorb()
        self.window.change_watcher.timer.start()

    def _round_done(self, result: RoundResult) -> None:
        self._resume_watcher()
        self.banner.hide()
        if result.report.summary is not None:
            # Re-read in place, as after another program's merge: new articles join the list, the open
            # article's spans are re-read (the merge's Changes name its articles, not which spans).
            self.window.refresh_from_elsewhere()
            notice = arrivals(result.report) or self.tr("Updated from the team folder")
            self.window.statusBar().showMessage(notice, 10000)
        if self.panel is not None:
            self.panel.show_round(result)

    def _unreachable(self, reason: str) -> None:
        self._resume_watcher()
        if self.membership is not None:
            self.banner.show_unreachable(self.membership.folder, reason)

    def _round_failed(self, message: str) -> None:
        self._resume_watcher()
        self.window.statusBar().showMessage(self.tr("The team folder round failed: {message}").format(
            message=message), 10000)


def add_team_folder(menu: QMenu, window: MainWindow, **timings: int) -> TeamFolder:
    """Add File ▸ Team folder… to ``menu`` and start the rounds if the project is joined."""
    return TeamFolder(menu, window, **timings)
