"""The main window: the article list in a dock, the annotation page in a tab, menus and the status bar.

One signal, ``changes_made(Changes)``, carries every change (from an edit, an undo, the label editor or
a team action); each view decides from it what to redraw. More pages (agreement, curation) plug in as
tabs with ``add_tab``.
"""

from __future__ import annotations

import getpass
from datetime import datetime

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QSettings, Qt, Signal
from PySide6.QtGui import QKeySequence, QUndoStack
from PySide6.QtWidgets import (
    QDockWidget,
    QInputDialog,
    QLabel,
    QMainWindow,
    QMessageBox,
    QTabWidget,
    QWidget,
)

from annotator.core.errors import ProjectFileGoneError
from annotator.store import Changes, Project
from annotator.ui.annotate.page import AnnotationPage
from annotator.ui.io.drops import FileDrops
from annotator.ui.labels.editor import LabelEditor
from annotator.ui.search.panel import add_search_dock, open_hit_in
from annotator.ui.shell import counts as counted
from annotator.ui.shell.actions import SUGGESTION_ACTIONS, apply_spec, create_actions, spec
from annotator.ui.shell.article_list import ArticlesPanel, status_text
from annotator.ui.shell.change_watcher import ChangeWatcher
from annotator.ui.shell.languages import LANGUAGES
from annotator.ui.shell.lazy_tab import LazyTab
from annotator.ui.shell.projects import (
    add_project_actions,
    ask_new_project,
    ask_open_project,
    quit_application,
)
from annotator.ui.team.actions import add_team_actions
from annotator.ui.team.live_folder import add_team_folder

ANNOTATOR_KEY = "annotator/name"
POINT_SIZE_KEY = "view/pointSize"
SUGGEST_KEY = "view/suggestOccurrences"
KEEP_PROCLITICS_KEY = "view/keepProclitics"
ROLE = Qt.ItemDataRole.UserRole
# Edit-menu actions that act on the Annotate tab's spans. Their window-wide keys (Delete, E, N…) are
# switched off on the other tabs, whose own keys (Curate's Delete rejects) would otherwise be ambiguous.
SPAN_ACTIONS = ("delete_span", "span_to_selection", "start_earlier", "start_later", "end_later",
                "end_earlier", "next_span", "previous_span", "make_relation", "inspect_span", "article_codes")
LANGUAGE_NAMES = {
    "en": QT_TRANSLATE_NOOP("Language", "English"),
    "ar": QT_TRANSLATE_NOOP("Language", "Arabic"),
}


def default_annotator_name() -> str:
    """The login name: a sensible first identity until the annotator chooses one."""
    try:
        return getpass.getuser() or "annotator"
    except (KeyError, OSError):
        return "annotator"


class MainWindow(QMainWindow):
    """Articles beside the annotation page; everything the annotator does is saved at once."""

    changes_made = Signal(object)  # Changes
    language_chosen = Signal(str)  # "en", "ar": View ▸ Language; the application rebuilds the window
    project_chosen = Signal(str, bool)  # path, offer an import: File ▸ New/Open/Recent/Reload (the session)

    def __init__(
        self, project: Project, article_font_family: str = "Amiri", settings: QSettings | None = None
    ) -> None:
        super().__init__()
        self.project = project
        self.settings = settings if settings is not None else QSettings()
        self.setObjectName("mainWindow")
        if project.read_only:  # its file, folder or disk cannot be written: every change is refused
            self.setWindowTitle(self.tr("Annotator — {file} — read-only").format(file=project.path.name))
        else:
            self.setWindowTitle(self.tr("Annotator — {file}").format(file=project.path.name))
        self.setWindowFilePath(str(project.path))
        self.resize(1280, 820)
        self.annotator = str(self.settings.value(ANNOTATOR_KEY, "") or default_annotator_name())
        self.label_undo_stack: QUndoStack | None = None
        point_size = int(self.settings.value(POINT_SIZE_KEY, 18))

        self.page = AnnotationPage(
            project,
            self.annotator,
            self.apply_changes,
            font_family=article_font_family,
            point_size=point_size,
        )
        self.article_view = self.page.article_view
        self.page.places.load(self.settings, project.path)
        self.page.set_suggest_enabled(self.settings.value(SUGGEST_KEY, True, type=bool))
        self.page.suggest_action.toggled.connect(lambda on: self.settings.setValue(SUGGEST_KEY, on))
        keep_proclitics = self.page.keep_proclitics_action
        keep_proclitics.setChecked(self.settings.value(KEEP_PROCLITICS_KEY, False, type=bool))
        keep_proclitics.toggled.connect(lambda on: self.settings.setValue(KEEP_PROCLITICS_KEY, on))
        self.tabs = QTabWidget(objectName="mainTabs")
        self.tabs.addTab(self.page, self.tr("Annotate"))
        self.setCentralWidget(self.tabs)
        # Reviewer pages are built (and pyqtgraph/scipy imported) only when their tab is first shown.
        self.agreement_tab = LazyTab(lambda: self._build_dashboard(article_font_family))
        self.add_tab(self.agreement_tab, self.tr("Agreement"))
        self.curation_tab = LazyTab(lambda: self._build_curation(article_font_family))
        self.add_tab(self.curation_tab, self.tr("Curate"))
        self.consistency_tab = LazyTab(lambda: self._build_consistency(article_font_family))
        self.add_tab(self.consistency_tab, self.tr("Consistency"))

        self.articles = ArticlesPanel(project, self.annotator)
        self.article_list, self.status_filter = self.articles.list, self.articles.status_filter
        self.assigned_only = self.articles.assigned_only
        dock_body = self.articles
        dock = QDockWidget(self.tr("Articles"), self, objectName="articlesDock")
        dock.setWidget(dock_body)
        dock.setFeatures(QDockWidget.DockWidgetFeature.DockWidgetMovable)
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, dock)
        self.resizeDocks([dock], [290], Qt.Orientation.Horizontal)
        self.search_dock = add_search_dock(self, project, lambda hit: open_hit_in(self, hit),
                                           self.changes_made)
        self.search_panel = self.search_dock.panel

        self.annotator_label = QLabel(objectName="annotatorStatus")
        self.article_label = QLabel(objectName="articleStatus")
        self.span_count_label = QLabel(objectName="spanCountStatus")
        self.save_label = QLabel(self.tr("Read-only") if project.read_only else self.tr("All changes saved"),
                                 objectName="saveStatus")
        for label in (self.annotator_label, self.article_label, self.span_count_label, self.save_label):
            label.setStyleSheet("padding: 0 10px; border-left: 1px solid #bbbbbb;")
            self.statusBar().addPermanentWidget(label)

        self._build_menus()
        self.import_dialog = self.export_dialog = None
        self.file_drops = FileDrops(self, self.import_articles)
        self.changes_made.connect(self._on_changes)
        self.changes_made.connect(self.agreement_tab.apply_changes)
        self.changes_made.connect(self.curation_tab.apply_changes)
        self.changes_made.connect(self.consistency_tab.apply_changes)
        self.page.message.connect(lambda text: self.statusBar().showMessage(text, 6000))
        self.page.failed.connect(self._edit_failed)
        self.articles.article_chosen.connect(self._show_selected)
        self.tabs.currentChanged.connect(lambda _i: self._tab_shown())
        self.articles.open_first()
        self._update_status_bar()
        self.refreshes_from_elsewhere = 0  # how often another program's write was taken in (tests count)
        self.change_watcher = ChangeWatcher(project, self)
        self.change_watcher.changed_elsewhere.connect(self.refresh_from_elsewhere)

    def closeEvent(self, event) -> None:
        self.change_watcher.stop()  # the session closes the project file next
        self.page.remember_place()
        self.page.places.save(self.settings, self.project.path)
        self.team_folder.close()  # my last edits reach the team folder
        super().closeEvent(event)

    # -- menus ----------------------------------------------------------------------------------

    def _build_menus(self) -> None:
        page = self.page
        self.actions = create_actions(
            self,
            {
                "delete_span": page.delete_selected_span,
                "span_to_selection": page.set_span_to_selection,
                "make_relation": page.start_relation,
                "inspect_span": page.inspect_span,
                "article_codes": page.show_article_codes,
                "start_earlier": lambda: page.move_boundary(at_start=True, forward=False),
                "start_later": lambda: page.move_boundary(at_start=True, forward=True),
                "end_later": lambda: page.move_boundary(at_start=False, forward=True),
                "end_earlier": lambda: page.move_boundary(at_start=False, forward=False),
                "next_span": lambda: page.step_span(True),
                "previous_span": lambda: page.step_span(False),
                "next_article": lambda: self.step_article(1),
                "previous_article": lambda: self.step_article(-1),
                "mark_done": page.toggle_done,
                "zoom_in": lambda: self.zoom(2),
                "zoom_out": lambda: self.zoom(-2),
                "switch_annotator": self.ask_annotator,
                "edit_labels": self.edit_labels,
                "search_corpus": self.open_search,
                "accept_next_suggestion": page.accept_next_suggestion,
                "accept_article_suggestions": page.accept_article_suggestions,
                "accept_corpus_suggestions": page.accept_corpus_suggestions,
                "dismiss_suggestions": page.dismiss_suggestions,
                "new_project": lambda: ask_new_project(self),
                "open_project": lambda: ask_open_project(self),
                "reload": self.reload_project,
                "import_articles": self.import_articles,
                "export": self.export,
                "save_copy": self.save_copy,
                "close_project": self.close,
                "quit": quit_application,
            },
        )
        undo = page.undo_group.createUndoAction(self, self.tr("Undo"))
        redo = page.undo_group.createRedoAction(self, self.tr("Redo"))
        apply_spec(undo, spec("undo"))
        apply_spec(redo, spec("redo"))
        self.actions["undo"], self.actions["redo"] = undo, redo
        show_others = self.actions["show_others"]
        show_others.setCheckable(True)
        show_others.toggled.connect(self.set_show_others)
        page.set_suggestion_actions({name: self.actions[name] for name in SUGGESTION_ACTIONS})

        file_menu = self.menuBar().addMenu(self.tr("&File"))
        file_menu.setObjectName("menu_file")
        self.recent_menu = add_project_actions(file_menu, self, self.actions)
        for name in ("import_articles", "export", "save_copy"):
            file_menu.addAction(self.actions[name])
        self.team_actions = add_team_actions(
            file_menu, self, lambda: self.project, lambda: self.annotator, self.apply_changes
        )
        self.team_folder = add_team_folder(file_menu, self)  # rounds start at once if the project is joined
        file_menu.addSeparator()
        for name in ("close_project", "quit"):
            file_menu.addAction(self.actions[name])
        for name in ("new_project", "open_project", "reload", "import_articles", "export", "save_copy",
                     "close_project", "quit"):
            self.addAction(self.actions[name])
        menus = {
            "edit": (
                self.tr("&Edit"),
                [
                    "undo",
                    "redo",
                    None,
                    "delete_span",
                    "span_to_selection",
                    "start_earlier",
                    "start_later",
                    "end_later",
                    "end_earlier",
                    None,
                    "make_relation",
                    "inspect_span",
                    None,
                    "next_span",
                    "previous_span",
                    None,
                    *SUGGESTION_ACTIONS,
                ],
            ),
            "article": (self.tr("&Article"), ["next_article", "previous_article", "mark_done",
                                              "article_codes", None, "search_corpus"]),
            "view": (self.tr("&View"), ["zoom_in", "zoom_out", None, "show_others"]),
            "annotator": (self.tr("A&nnotator"), ["switch_annotator"]),
            "labels": (self.tr("&Labels"), ["edit_labels"]),
        }
        for key, (title, names) in menus.items():
            menu = self.menuBar().addMenu(title)
            menu.setObjectName(f"menu_{key}")
            for name in names:
                if name is None:
                    menu.addSeparator()
                else:
                    menu.addAction(self.actions[name])
                    if self.actions[name].shortcutContext() == Qt.ShortcutContext.WindowShortcut:
                        self.addAction(self.actions[name])  # shortcuts work wherever the focus is
            if key == "view":
                menu.addAction(page.suggest_action)
                menu.addAction(page.keep_proclitics_action)
                self._add_language_menu(menu)
            if key == "labels":
                self.tag_menu = menu.addSection(self.tr("Tag the selection"))
                self.labels_menu = menu
        self._fill_label_menu()

    def import_articles(self, paths: list | None = None) -> None:
        """File ▸ Import articles… (and files dropped on the window): the Import dialog, with ``paths``."""
        from annotator.ui.io.import_dialog import ImportDialog

        dialog = ImportDialog(self.project, paths or (), self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.imported.connect(self._articles_imported)
        self.import_dialog = dialog  # tests reach the open dialog here
        dialog.open()  # window-modal, without a nested event loop

    def export(self) -> None:
        """File ▸ Export…: every format and scope `annotator export` has."""
        from annotator.ui.io.export_dialog import ExportDialog

        dialog = ExportDialog(self.project, self.annotator, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.export_dialog = dialog  # tests reach the open dialog here
        dialog.open()

    def offer_import(self) -> None:
        """After File ▸ New project…: the Import dialog at once (Cancel leaves the project empty)."""
        self.import_articles()

    def _articles_imported(self, summary) -> None:
        from annotator.ui.io.import_wording import summary_lines

        self.change_watcher.absorb()  # the dialog's worker wrote: our own change, not another program's
        self.apply_changes(Changes(documents=frozenset(summary.document_ids),
                                   labels=bool(summary.labels_added), annotators=bool(summary.annotators)))
        self.statusBar().showMessage(" · ".join(summary_lines(summary, set(), done=True)[:3]), 10000)

    def reload_project(self) -> None:
        """File ▸ Reload (F5): the session re-opens this project's file and rebuilds the window."""
        self.project_chosen.emit(str(self.project.path), False)

    def _add_language_menu(self, view_menu) -> None:
        """View ▸ Language: the choice is saved and the window is rebuilt in that language."""
        view_menu.addSeparator()
        menu = view_menu.addMenu(self.tr("&Language"))
        menu.setObjectName("menu_language")
        current = QCoreApplication.instance().property("annotatorLanguage") or "en"
        for lang in LANGUAGES:
            action = menu.addAction(QCoreApplication.translate("Language", LANGUAGE_NAMES[lang]))
            action.setObjectName(f"language_{lang}")
            action.setCheckable(True)
            action.setChecked(lang == current)
            action.triggered.connect(lambda _checked=False, chosen=lang: self.language_chosen.emit(chosen))

    def _fill_label_menu(self) -> None:
        for action in self.labels_menu.actions()[2:]:
            self.labels_menu.removeAction(action)
        for action in self.page.label_actions:
            if action.objectName().startswith("tag_"):
                self.labels_menu.addAction(action)

    def _build_dashboard(self, font_family: str) -> QWidget:
        from annotator.ui.agreement.view import AgreementDashboard

        return AgreementDashboard(self.project, article_font_family=font_family)

    def _build_curation(self, font_family: str) -> QWidget:
        from annotator.ui.curation.page import CurationPage

        return CurationPage(self.project, curator=lambda: self.annotator, on_changes=self.apply_changes,
                            article_font_family=font_family)

    def _build_consistency(self, font_family: str) -> QWidget:
        from annotator.ui.consistency.view import ConsistencyPage

        return ConsistencyPage(self.project, annotator=lambda: self.annotator, on_changes=self.apply_changes,
                               undo_group=self.page.undo_group, open_article=self.show_article,
                               article_font_family=font_family)

    def show_article(self, document_id: str) -> None:
        """Open an article in the Annotate tab (from another tab's "Open in Annotate")."""
        self.articles.select(document_id)  # even when the status filter would leave it out
        self.tabs.setCurrentWidget(self.page)

    def _tab_shown(self) -> None:
        """Give the keys to the tab shown: span editing and label keys only on Annotate, and on Curate its
        own per-article undo instead of the annotation undo."""
        annotating = self.tabs.currentWidget() is self.page
        for name in SPAN_ACTIONS:
            self.actions[name].setEnabled(annotating)
        self.page.set_label_keys_enabled(annotating)
        for action in self.page.relation_type_actions:  # a relation type's own key, as the label keys
            action.setEnabled(annotating)
        curating = self.tabs.currentWidget() is self.curation_tab
        for name in ("undo", "redo"):
            keys = [] if curating else [QKeySequence(k) for k in spec(name).shortcuts]
            self.actions[name].setShortcuts(keys)

    def add_tab(self, widget: QWidget, title: str) -> int:
        """Add a page (agreement, curation…) beside the annotation page; connect it to ``changes_made``."""
        return self.tabs.addTab(widget, title)

    # -- changes --------------------------------------------------------------------------------

    def apply_changes(self, changes: Changes) -> None:
        """Every change passes here: it is already committed; tell every view.

        "Saved" only while the project's path still names the file committed to: one that vanished
        since the commit (a folder deleted at that moment) is reported not saved, with the copy offered.
        """
        try:
            self.project.check_file()
        except ProjectFileGoneError as exc:
            self.changes_made.emit(changes)  # the views show what the open project holds
            self._edit_failed(str(exc))
            return
        self.save_label.setText(self.tr("Saved {time}").format(time=f"{datetime.now():%H:%M:%S}"))
        self.save_label.setStyleSheet("padding: 0 10px; border-left: 1px solid #bbbbbb;")
        self.changes_made.emit(changes)

    def _on_changes(self, changes: Changes) -> None:
        self.page.refresh(changes)
        if changes.labels:
            self._fill_label_menu()
            if changes.spans:
                self.page.forget_undo_history()
        touched = set(changes.documents) | {doc for doc, who in changes.statuses if who == self.annotator}
        # an edit names its own article; an import or a merge may bring new ones (then count them)
        others = changes.documents - {self.page.document_id}
        if changes.annotators or (others and self.project.document_count() != self.articles.model.total):
            self.articles.reload()
        elif touched or changes.labels:
            self.articles.entries_changed()
        self._update_status_bar()

    def refresh_from_elsewhere(self) -> None:
        """Another program (a second window, `annotator import` or `merge`) wrote to the project:
        re-read what every view shows, keeping the open article, its selection and the list's place.

        File ▸ Reload rebuilds the whole window (and forgets undo); this keeps it and re-reads in place.
        """
        self.refreshes_from_elsewhere += 1
        labels_changed = self.page.changed_elsewhere()
        if labels_changed:
            self._fill_label_menu()
        self.articles.reload()
        self.search_panel.changed_elsewhere(labels_changed)
        for tab in (self.agreement_tab, self.curation_tab, self.consistency_tab):
            tab.changed_elsewhere()
        self._update_status_bar()
        self.statusBar().showMessage(self.tr("Updated: another program changed the project"), 6000)

    def save_copy(self) -> None:
        """File ▸ Save a copy as…: back the project up to a file the annotator picks and work on there."""
        from annotator.ui.shell.save_copy import ask_copy

        ask_copy(self, self.project)

    def _edit_failed(self, text: str) -> None:
        if self.project.read_only:  # expected, not alarming: said in the status bar, no dialog
            self.statusBar().showMessage(self.tr(
                "This project is open read-only, so nothing was changed. To work on it, copy the file "
                "to a folder you can write to."), 10000)
            return
        self.save_label.setText(self.tr("Not saved"))
        self.save_label.setStyleSheet("padding: 0 10px; color: #c0392b; font-weight: bold;")
        from annotator.ui.shell.save_copy import offer_copy_if_unsaved

        if offer_copy_if_unsaved(self, self.project, text):  # the file is gone, full or read-only
            return
        # not modal: the annotator reads it and goes on; nothing was written
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            self.tr("The change was not saved"),
            text,
            QMessageBox.StandardButton.Ok,
            self,
        )
        box.setObjectName("notSavedMessage")
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()

    # -- articles -------------------------------------------------------------------------------

    def refresh_articles(self) -> None:
        """List the articles anew (after an import), the open article kept selected."""
        self.articles.reload()

    def step_article(self, step: int) -> None:
        """Open the next (``step`` = 1) or previous listed article."""
        self.articles.step(step)

    def _show_selected(self, document_id: str | None) -> None:
        self.page.open_article(document_id)
        self._update_status_bar()

    # -- annotator, view, labels ----------------------------------------------------------------

    def switch_annotator(self, name: str) -> None:
        """Work as ``name`` from now on (remembered for the next start); shows their spans only."""
        name = name.strip()
        if not name:
            return
        self.settings.setValue(ANNOTATOR_KEY, name)
        if name == self.annotator:
            return
        self.annotator = name
        self.page.set_annotator(name)
        self.articles.set_annotator(name)
        self._update_status_bar()

    def ask_annotator(self) -> None:
        """Ask who is annotating (offered at the first start, and from the Annotator menu)."""
        names = sorted(set(self.project.annotators()) | {self.annotator})
        name, ok = QInputDialog.getItem(
            self,
            self.tr("Switch annotator"),
            self.tr("Who is annotating? (type a new name to add one)"),
            names,
            names.index(self.annotator),
            True,
        )
        if ok:
            self.switch_annotator(name)

    def set_show_others(self, show: bool) -> None:
        """Reviewer mode: other annotators' spans appear, dashed and read-only."""
        if self.actions["show_others"].isChecked() != show:
            self.actions["show_others"].setChecked(show)  # toggled → back here once
            return
        self.page.set_show_others(show)
        self._update_status_bar()

    def open_search(self) -> None:
        """Show the Search dock with the cursor in its box (Ctrl+Shift+F)."""
        self.search_dock.open()

    def zoom(self, step: int) -> None:
        view = self.page.article_view
        view.set_point_size(view.point_size() + step)
        self.settings.setValue(POINT_SIZE_KEY, view.point_size())

    def edit_labels(self) -> None:
        if self.label_undo_stack is None:  # kept for the session: undo reaches edits of earlier openings
            self.label_undo_stack = QUndoStack(self)
        editor = LabelEditor(self.project, self.apply_changes, self, undo_stack=self.label_undo_stack)
        editor.exec()
        editor.deleteLater()

    def _update_status_bar(self) -> None:
        self.annotator_label.setText(
            self.tr("Annotator: {name}").format(name=self.annotator)
            + (self.tr(" · reviewing others") if self.page.show_others else "")
        )
        if self.page.document_id is None:
            self.article_label.setText(self.tr("No article"))
            self.span_count_label.setText("")
            return
        title = self.articles.open_title()
        self.article_label.setText(title if len(title) <= 40 else title[:40] + "…")
        status = self.project.status(self.page.document_id, self.annotator)
        self.span_count_label.setText(
            self.tr("{spans} · {status}").format(
                spans=counted.spans(self.page.own_span_count()), status=status_text(status)
            )
        )
