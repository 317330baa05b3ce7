"""File ▸ Import articles…: files or folders in any format `annotator import` reads, a preview, the import.

Every change of the files or options runs ``import_paths`` as a dry run in a worker (its own connection
to the project file; the transaction is rolled back), and the dialog shows what would be added, or the
file, line and fault of bad input. Import runs the same operation for real, with a progress bar and
Cancel; the one transaction means a cancelled or failed import stores nothing.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from annotator.core.formats.article_table import TableColumns
from annotator.core.formats.xmi import XmiMapping
from annotator.operations.import_corpus import FORMATS, import_paths
from annotator.operations.import_documents import DocumentOptions
from annotator.store import ImportSummary, Project
from annotator.ui.io.import_wording import adds_nothing, summary_lines
from annotator.ui.shell import counts
from annotator.ui.shell.bidi import left_to_right
from annotator.ui.shell.workers import Progress, WorkerHandle, run_in_worker

PREVIEW_DELAY_MS = 300  # typing a column name previews once, after the last key


class ImportDialog(QDialog):
    """Choose what to import and how, see what it adds, import it; ``imported`` carries the summary."""

    imported = Signal(object)  # ImportSummary, after the transaction committed

    def __init__(self, project: Project, paths: Iterable[Path] = (), parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("importDialog")
        self.setWindowTitle(self.tr("Import articles"))
        self.project_path = project.path
        self.known_annotators = set(project.annotators())
        self.summary: ImportSummary | None = None  # the last preview, or the import's outcome
        self.error = ""
        self.worker: WorkerHandle | None = None
        self._importing = False
        self._preview_again = False
        self._finished = False

        self.paths = QListWidget(objectName="importPaths")
        self.paths.setMinimumHeight(90)
        self.paths.setLayoutDirection(Qt.LayoutDirection.LeftToRight)  # paths: left to right in Arabic too
        add_files = QPushButton(self.tr("Add files…"), objectName="importAddFiles")
        add_folder = QPushButton(self.tr("Add folder…"), objectName="importAddFolder")
        remove = QPushButton(self.tr("Remove"), objectName="importRemove")
        add_files.clicked.connect(self._ask_files)
        add_folder.clicked.connect(self._ask_folder)
        remove.clicked.connect(self._remove_selected)
        buttons_row = QHBoxLayout()
        for button in (add_files, add_folder, remove):
            buttons_row.addWidget(button)
        buttons_row.addStretch(1)

        self.format = QComboBox(objectName="importFormat")
        self.format.addItem(self.tr("By each file's name"), None)
        for name in FORMATS:
            self.format.addItem(format_name(name), name)
        self.annotator = QLineEdit(objectName="importAnnotator")
        self.annotator.setPlaceholderText(self.tr("as named in the files (brat: the folder's name)"))
        self.add_labels = QCheckBox(self.tr("Add labels the project does not have"),
                                    objectName="importAddLabels")
        form = QFormLayout()
        form.addRow(self.tr("Read as:"), self.format)
        form.addRow(self.tr("Spans belong to:"), self.annotator)
        form.addRow("", self.add_labels)

        defaults = XmiMapping()
        self.text_column = QLineEdit(objectName="importTextColumn", placeholderText="text")
        self.title_column = QLineEdit(objectName="importTitleColumn", placeholderText="title")
        self.id_column = QLineEdit(objectName="importIdColumn", placeholderText="id")
        self.xmi_layer = QLineEdit(objectName="importXmiLayer", placeholderText=defaults.layer)
        self.xmi_feature = QLineEdit(objectName="importXmiFeature", placeholderText=defaults.feature)
        options = QGroupBox(self.tr("Tables, INCEpTION and WebAnno files"), objectName="importOptions")
        options_form = QFormLayout(options)
        options_form.addRow(self.tr("Text column:"), self.text_column)
        options_form.addRow(self.tr("Title column:"), self.title_column)
        options_form.addRow(self.tr("Id column:"), self.id_column)
        options_form.addRow(self.tr("Span layer:"), self.xmi_layer)
        options_form.addRow(self.tr("Label feature:"), self.xmi_feature)

        self.preview_label = QLabel(objectName="importPreview")
        self.preview_label.setWordWrap(True)
        self.preview_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.preview_label.setMinimumHeight(110)
        self.preview_label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeading)
        self.progress = QProgressBar(objectName="importProgress")
        self.progress.setVisible(False)

        self.buttons = QDialogButtonBox(objectName="importButtons")
        self.import_button = self.buttons.addButton(self.tr("Import"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.import_button.setObjectName("importButton")
        self.cancel_button = self.buttons.addButton(self.tr("Cancel"), QDialogButtonBox.ButtonRole.RejectRole)
        self.cancel_button.setObjectName("importCancel")
        self.import_button.clicked.connect(self.start_import)
        self.cancel_button.clicked.connect(self._cancel_or_close)

        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Files and folders (read recursively):")))
        layout.addWidget(self.paths)
        layout.addLayout(buttons_row)
        layout.addLayout(form)
        layout.addWidget(options)
        layout.addWidget(QLabel(self.tr("What the import adds:")))
        layout.addWidget(self.preview_label, 1)
        layout.addWidget(self.progress)
        layout.addWidget(self.buttons)
        self.resize(640, 620)

        self._preview_timer = QTimer(self, singleShot=True, interval=PREVIEW_DELAY_MS)
        self._preview_timer.timeout.connect(self.preview)
        self.format.currentIndexChanged.connect(lambda _i: self._schedule_preview())
        self.add_labels.toggled.connect(lambda _on: self._show_preview())
        for edit in (self.annotator, self.text_column, self.title_column, self.id_column, self.xmi_layer,
                     self.xmi_feature):
            edit.textChanged.connect(lambda _text: self._schedule_preview())
        self.add_paths(paths)
        self._show_preview()

    # -- choosing ---------------------------------------------------------------------------------

    def add_paths(self, paths: Iterable[Path]) -> None:
        """Add files or folders to the list (once each) and preview again."""
        present = set(self.chosen_paths())
        for path in paths:
            if Path(path) not in present:
                self.paths.addItem(str(path))
                present.add(Path(path))
        self._schedule_preview()

    def chosen_paths(self) -> list[Path]:
        return [Path(self.paths.item(row).text()) for row in range(self.paths.count())]

    def _ask_files(self) -> None:
        chosen, _filter = QFileDialog.getOpenFileNames(self, self.tr("Import articles"), str(Path.home()))
        self.add_paths(Path(p) for p in chosen)

    def _ask_folder(self) -> None:
        chosen = QFileDialog.getExistingDirectory(self, self.tr("Import a folder"), str(Path.home()))
        if chosen:
            self.add_paths([Path(chosen)])

    def _remove_selected(self) -> None:
        for item in self.paths.selectedItems():
            self.paths.takeItem(self.paths.row(item))
        self._schedule_preview()

    def options(self) -> DocumentOptions:
        defaults = XmiMapping()
        return DocumentOptions(
            TableColumns(self.text_column.text().strip() or None, self.title_column.text().strip() or None,
                         self.id_column.text().strip() or None),
            XmiMapping(self.xmi_layer.text().strip() or defaults.layer,
                       self.xmi_feature.text().strip() or defaults.feature))

    def _work(self, *, dry_run: bool) -> Callable[[Progress], ImportSummary]:
        """The import as a worker runs it, on its own connection; a preview adds labels to show them."""
        path, paths, options = self.project_path, self.chosen_paths(), self.options()
        annotator = self.annotator.text().strip() or None
        fmt = self.format.currentData()
        add_labels = dry_run or self.add_labels.isChecked()

        def work(progress: Progress) -> ImportSummary:
            def report(done: int, total: int) -> None:
                progress.check()
                progress.report(done, total)

            with Project.open(path) as project:
                return import_paths(project, paths, annotator=annotator, add_labels=add_labels, format=fmt,
                                    options=options, dry_run=dry_run, progress=report)

        return work

    # -- preview ----------------------------------------------------------------------------------

    def _schedule_preview(self) -> None:
        self.summary, self.error = None, ""
        self._show_preview()
        self._preview_timer.start()

    def preview(self) -> None:
        """Run the dry run now (a running one is stopped and this one follows it)."""
        self._preview_timer.stop()
        if self._importing or self._finished:
            return
        if self.worker is not None:
            self._preview_again = True
            self.worker.cancel()
            return
        if not self.chosen_paths():
            self._show_preview()
            return
        self.worker = run_in_worker(self._work(dry_run=True), progress_callback=self._on_progress)
        self.worker.signals.finished.connect(self._preview_done)
        self.worker.signals.failed.connect(self._preview_failed)
        self.worker.signals.cancelled.connect(self._worker_stopped)
        self._show_preview()

    def _preview_done(self, summary: ImportSummary) -> None:
        self.summary = summary
        self._worker_stopped()

    def _preview_failed(self, exc: BaseException) -> None:
        self.error = left_to_right(str(exc))
        self._worker_stopped()

    def _worker_stopped(self) -> None:
        self.worker = None
        self.progress.setVisible(False)
        if self._preview_again:
            self._preview_again = False
            self.summary, self.error = None, ""
            self.preview()
        self._show_preview()

    @property
    def previewing(self) -> bool:
        """True while a preview is waiting to run or running."""
        return self._preview_timer.isActive() or (self.worker is not None and not self._importing)

    def _show_preview(self) -> None:
        """The preview, the error or the outcome, and whether Import can be pressed."""
        can_import = False
        if self._finished and self.summary is not None:
            text = "\n".join([self.tr("Imported."), *summary_lines(self.summary, self.known_annotators,
                                                                     done=True)])
        elif self.error:
            text = self.tr("Nothing can be imported: {error}").format(error=self.error)
        elif not self.chosen_paths():
            text = self.tr("Add files or a folder to see what they hold.")
        elif self.summary is None:
            text = self.tr("Reading the files…")
        else:
            lines = summary_lines(self.summary, self.known_annotators, done=False)
            can_import = not adds_nothing(self.summary)
            if self.summary.labels_added and not self.add_labels.isChecked():
                lines.append(self.tr("Tick “Add labels the project does not have” to import spans with "
                                     "these labels."))
                can_import = False
            elif adds_nothing(self.summary):
                lines.append(self.tr("Everything in these files is already in the project."))
            text = "\n".join(lines)
        self.preview_label.setText(text)
        self.preview_label.setStyleSheet("color: #c0392b;" if self.error else "")
        self.import_button.setEnabled(can_import and not self._importing)
        self.import_button.setVisible(not self._finished)
        self.cancel_button.setText(self.tr("Close") if self._finished else self.tr("Cancel"))

    def _on_progress(self, done: int, total: int, _message: str) -> None:
        self.progress.setVisible(True)
        self.progress.setMaximum(max(total, 1))
        self.progress.setValue(min(done, total))
        self.progress.setFormat(self.tr("%v of {files}").format(files=counts.files(total)))

    # -- importing --------------------------------------------------------------------------------

    def start_import(self) -> None:
        """Import for real, in a worker; the dialog shows the outcome when it ends."""
        if self.worker is not None or not self.import_button.isEnabled():
            return
        self._importing = True
        self._set_inputs_enabled(False)
        self.progress.setValue(0)
        self.progress.setVisible(True)
        self.worker = run_in_worker(self._work(dry_run=False), progress_callback=self._on_progress)
        self.worker.signals.finished.connect(self._import_done)
        self.worker.signals.failed.connect(self._import_failed)
        self.worker.signals.cancelled.connect(self._import_cancelled)
        self._show_preview()

    def _import_done(self, summary: ImportSummary) -> None:
        self._import_ended()
        self.summary, self._finished = summary, True
        self._show_preview()
        self.imported.emit(summary)

    def _import_failed(self, exc: BaseException) -> None:
        self._import_ended()
        self.summary, self.error = None, left_to_right(str(exc)) + " " + self.tr("Nothing was stored.")
        self._show_preview()

    def _import_cancelled(self) -> None:
        self._import_ended()
        self._show_preview()
        self.preview_label.setText(self.tr("Import cancelled: nothing was stored.") + "\n\n"
                                   + self.preview_label.text())

    def _import_ended(self) -> None:
        self.worker, self._importing = None, False
        self.progress.setVisible(False)
        self._set_inputs_enabled(True)

    def _set_inputs_enabled(self, enabled: bool) -> None:
        for kind in (QLineEdit, QComboBox, QCheckBox, QListWidget, QPushButton):
            for widget in self.findChildren(kind):
                if widget is not self.cancel_button:
                    widget.setEnabled(enabled)

    def _cancel_or_close(self) -> None:
        if self._importing and self.worker is not None:
            self.worker.cancel()
            return
        self.reject()

    def reject(self) -> None:
        if self.worker is not None:
            self.worker.cancel()  # a preview still reading; it stores nothing
        super().reject()


def format_name(name: str) -> str:
    """A reader's --format name as the dialog lists it."""
    names = {
        "txt": QCoreApplication.translate("ImportDialog", "Plain text (.txt)"),
        "jsonl": QCoreApplication.translate("ImportDialog", "JSONL records (.jsonl)"),
        "brat": QCoreApplication.translate("ImportDialog", "brat standoff (.txt + .ann)"),
        "csv": QCoreApplication.translate("ImportDialog", "Span table (.csv)"),
        "table": QCoreApplication.translate("ImportDialog", "Article table (.csv, .tsv, .xlsx)"),
        "docx": QCoreApplication.translate("ImportDialog", "Word (.docx)"),
        "html": QCoreApplication.translate("ImportDialog", "Web page (.html)"),
        "xmi": QCoreApplication.translate("ImportDialog", "INCEpTION / WebAnno XMI (.xmi)"),
        "qdpx": QCoreApplication.translate("ImportDialog", "REFI-QDA project (.qdpx)"),
        "webanno-tsv": QCoreApplication.translate("ImportDialog", "WebAnno TSV 3 (.tsv)"),
        "conll": QCoreApplication.translate("ImportDialog", "CoNLL / IOB tags (.conll, .iob, .bio)"),
        "doccano": QCoreApplication.translate("ImportDialog", "doccano export (.zip)"),
        "label-studio": QCoreApplication.translate("ImportDialog", "Label Studio JSON export (.json)"),
    }
    return names.get(name, name)
