"""The "Curate" tab: choose an article, accept majority votes into gold, curate the rest.

Wraps one ``CurationView`` per article (built when the article is chosen) with its own undo stack, so
undo in the curation tab never reaches another article's decisions.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from annotator.core.errors import AnnotatorError
from annotator.store import Changes, Project
from annotator.store.gold import Gold
from annotator.store.gold_vote import AdjudicationSummary
from annotator.ui.curation.view import GOLD_STATUS_TEXT, CurationView
from annotator.ui.shell.change_watcher import own_write_done
from annotator.ui.shell.save_copy import offer_copy_if_unsaved
from annotator.ui.shell.workers import Progress, WorkerHandle, reactivate, run_in_worker


class CurationPage(QWidget):
    """Article chooser, "accept majority votes" and the curation view of the chosen article."""

    def __init__(self, project: Project, *, curator: Callable[[], str], on_changes: Callable[[Changes], None],
                 article_font_family: str = "Amiri", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("curationPage")
        self.project = project
        self.curator = curator
        self.on_changes = on_changes
        self.font_family = article_font_family
        self.undo_stacks: dict[str, QUndoStack] = {}
        self.view: CurationView | None = None
        self.adjudication: WorkerHandle | None = None  # the vote running in a worker, if any

        self.article_choice = QComboBox(objectName="curationArticle")
        self.min_votes = QSpinBox(objectName="minVotes")
        self.min_votes.setRange(0, 99)
        self.min_votes.setSpecialValueText(self.tr("majority"))
        self.min_votes.setPrefix(self.tr("votes needed: "))
        self.adjudicate_button = QPushButton(self.tr("Accept agreed spans into gold"),
                                             objectName="adjudicateButton")
        self.adjudicate_button.setToolTip(self.tr(
            "Spans that enough 'done' annotators marked identically (start, end, label) go into gold, with "
            "the relations between them, their attribute values and the article answers those annotators "
            "agree on; the curator decides the rest. Curated articles are left alone."))
        self.summary = QLabel(objectName="adjudicationSummary")
        self.summary.setWordWrap(True)  # the vote's summary is long: wrapped, it never widens the window

        controls = QHBoxLayout()
        controls.addWidget(QLabel(self.tr("Article:")))
        controls.addWidget(self.article_choice, 1)
        controls.addWidget(self.min_votes)
        controls.addWidget(self.adjudicate_button)
        self.body = QVBoxLayout()
        layout = QVBoxLayout(self)
        layout.addLayout(controls)
        layout.addWidget(self.summary)
        layout.addLayout(self.body, 1)

        self.article_choice.currentIndexChanged.connect(lambda _i: self._show_article())
        self.adjudicate_button.clicked.connect(self.adjudicate)
        self.refresh_articles()

    def refresh_articles(self) -> None:
        """Re-list the articles with their gold status, keeping the current choice."""
        current = self.article_choice.currentData()
        statuses = Gold(self.project).statuses()
        self.article_choice.blockSignals(True)
        self.article_choice.clear()
        for article in self.project.article_summaries():
            status = statuses.get(article.id)
            suffix = (" — " + QCoreApplication.translate("GoldStatus", GOLD_STATUS_TEXT[status])
                      if status is not None else "")
            self.article_choice.addItem(f"{article.title[:70]}{suffix}", article.id)
        index = self.article_choice.findData(current) if current is not None else 0
        self.article_choice.setCurrentIndex(max(index, 0))
        self.article_choice.blockSignals(False)
        if self.view is None or self.view.article_id != self.article_choice.currentData():
            self._show_article()

    def _show_article(self) -> None:
        article_id = self.article_choice.currentData()
        if self.view is not None:
            self.body.removeWidget(self.view)
            self.view.deleteLater()
            self.view = None
        if article_id is None:
            return
        stack = self.undo_stacks.setdefault(article_id, QUndoStack(self))
        self.view = CurationView(self.project, article_id, stack, curator=self.curator(),
                                 article_font_family=self.font_family)
        self.view.goldChanged.connect(self.on_changes)
        self.body.addWidget(self.view, 1)

    def adjudicate(self) -> None:
        """Accept every span enough done annotators agree on (one transaction, in a worker with its own
        connection and a progress dialog; Cancel changes nothing), then show the rest."""
        scope = self.adjudicate_scope()
        if scope is None:
            return
        min_votes = self.min_votes.value() or None
        document_ids = None if scope == "all" else [self.article_choice.currentData()]
        path = self.project.path
        message = self.tr("Accepting agreed work into gold: article {done} of {total}…")

        def work(progress: Progress) -> AdjudicationSummary:
            def step(done: int, total: int) -> None:
                progress.check()  # raising here rolls the vote's transaction back
                progress.report(done, total, message.format(done=done, total=total))

            progress.report(0, 0, "")  # starts the dialog's clock: it shows if the vote takes a while
            with Project.open(path) as project:  # its own connection: this runs in a pool thread
                return Gold(project).adjudicate(min_votes=min_votes, document_ids=document_ids, progress=step)

        self.adjudicate_button.setEnabled(False)
        self.summary.setText(self.tr("Accepting agreed work into gold…"))
        handle = self.adjudication = run_in_worker(work, progress_dialog=self.window(),
                                                   label=self.tr("Accepting agreed work into gold…"),
                                                   owner=self)
        handle.signals.finished.connect(self._adjudicated)
        handle.signals.failed.connect(self._adjudication_failed)
        handle.signals.cancelled.connect(self._adjudication_cancelled)

    def _adjudication_over(self) -> None:
        self.adjudication = None
        self.adjudicate_button.setEnabled(True)
        reactivate(self.window())

    def _adjudicated(self, summary: AdjudicationSummary) -> None:
        self._adjudication_over()
        own_write_done(self)
        self.summary.setText(summary.describe())
        # Decisions taken by the vote are not undoable per article: the curated history starts fresh.
        for stack in self.undo_stacks.values():
            stack.clear()
        self.on_changes(Changes(gold=frozenset(a.document_id for a in summary.articles)))

    def _adjudication_failed(self, error: Exception) -> None:
        self._adjudication_over()
        self.summary.clear()
        if not isinstance(error, AnnotatorError):
            QMessageBox.critical(self, self.tr("Cannot adjudicate"), str(error))
        elif not offer_copy_if_unsaved(self, self.project, str(error)):  # else: the file is gone or full
            QMessageBox.warning(self, self.tr("Cannot adjudicate"), str(error))

    def _adjudication_cancelled(self) -> None:
        self._adjudication_over()
        self.summary.setText(self.tr("Cancelled: gold was not changed."))

    def changed_elsewhere(self) -> None:
        """Another program changed the project: re-list the articles and re-read the open one."""
        self.refresh_articles()
        if self.view is not None:
            self.view.labels = {label.name: label for label in self.project.labels()}
            self.view.refresh()

    def adjudicate_scope(self) -> str | None:
        """Ask which articles to adjudicate: "article" (the one shown), "all", or None (cancelled)."""
        count = self.article_choice.count()
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Accept agreed spans into gold"),
                          self.tr("Accept the spans the annotators agree on into gold for which articles?"),
                          parent=self)
        article = box.addButton(self.tr("This article"), QMessageBox.ButtonRole.AcceptRole)
        every = box.addButton(self.tr("All %n article(s)", "", count), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        self.scope_box = box  # tests answer the question here
        box.exec()
        clicked = box.clickedButton()
        return "article" if clicked is article else "all" if clicked is every else None

    def apply_changes(self, changes: Changes) -> None:
        """Refresh the article list's gold statuses and the open view when the change touches them."""
        if changes.gold or changes.documents or changes.labels:
            self.refresh_articles()
        if self.view is not None:
            self.view.on_changes(changes)
            work = changes.spans or changes.statuses or changes.relations or changes.span_details
            if work or changes.codes:
                self.view.refresh()  # an annotator's work changed: what waits for a decision may have
