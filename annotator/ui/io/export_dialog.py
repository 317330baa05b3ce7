"""File ▸ Export…: every format and scope of `annotator export`, written by a worker, then where it went.

The scopes are the command line's: my work (``--annotator`` me), one annotator, everyone, gold
(``--gold``), each optionally only the curated articles (``--only-curated``). The export runs
``operations.export.export_project`` on its own connection; the end names the data and its metadata
record, with Show in folder.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from annotator.operations.export import FORMATS, ExportResult, export_project
from annotator.store import Project
from annotator.ui.shell import counts
from annotator.ui.shell.bidi import left_to_right
from annotator.ui.shell.workers import Progress, WorkerHandle, run_in_worker

FOLDER_FORMATS = ("brat", "xmi")  # these write a new folder, the others one file
EXTENSIONS = {"jsonl": ".jsonl", "spacy": ".spacy", "conll": ".conll", "csv": ".csv", "qdpx": ".qdpx",
              "label-studio": ".json"}
SCOPES = ("mine", "annotator", "all", "gold")


class ExportDialog(QDialog):
    """Choose format, scope and target; export; see the paths of the data and its metadata record."""

    def __init__(self, project: Project, annotator: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("exportDialog")
        self.setWindowTitle(self.tr("Export"))
        self.project_path = project.path
        self.me = annotator
        self.result: ExportResult | None = None
        self.error = ""
        self.worker: WorkerHandle | None = None

        self.format = QComboBox(objectName="exportFormat")
        for name in FORMATS:
            self.format.addItem(format_name(name), name)
        self.scope_group = QButtonGroup(self)
        scopes = QGroupBox(self.tr("Whose spans"), objectName="exportScopes")
        grid = QGridLayout(scopes)
        texts = {
            "mine": self.tr("My work ({name})").format(name=annotator),
            "annotator": self.tr("One annotator:"),
            "all": self.tr("Every annotator's work"),
            "gold": self.tr("Gold (the adjudicated spans)"),
        }
        self.scope_buttons: dict[str, QRadioButton] = {}
        for row, scope in enumerate(SCOPES):
            button = QRadioButton(texts[scope], objectName=f"exportScope_{scope}")
            self.scope_group.addButton(button)
            self.scope_buttons[scope] = button
            grid.addWidget(button, row, 0)
        self.annotators = QComboBox(objectName="exportAnnotator")
        self.annotators.addItems(project.annotators())
        grid.addWidget(self.annotators, 1, 1)
        grid.setColumnStretch(1, 1)
        self.only_curated = QCheckBox(self.tr("Only articles whose gold is curated"),
                                      objectName="exportOnlyCurated")
        self.agreement = QCheckBox(self.tr("Add the agreement summary to the metadata (slower on a large "
                                           "corpus)"), objectName="exportAgreement")
        self.agreement.setChecked(True)
        grid.addWidget(self.only_curated, len(SCOPES), 0, 1, 2)

        self.target = QLineEdit(objectName="exportPath")
        self.target.setLayoutDirection(Qt.LayoutDirection.LeftToRight)  # a path reads left to right
        choose = QPushButton(self.tr("Choose…"), objectName="exportChoose")
        choose.clicked.connect(self._ask_target)
        target_row = QHBoxLayout()
        target_row.addWidget(self.target, 1)
        target_row.addWidget(choose)
        self.format_note = QLabel(objectName="exportFormatNote")
        self.format_note.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("Format:"), self.format)
        form.addRow("", self.format_note)
        form.addRow(self.tr("Write to:"), target_row)

        self.outcome = QLabel(objectName="exportOutcome")
        self.outcome.setWordWrap(True)
        self.outcome.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.outcome.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeading)
        self.outcome.setMinimumHeight(80)
        self.progress = QProgressBar(objectName="exportProgress")
        self.progress.setVisible(False)

        self.buttons = QDialogButtonBox(objectName="exportButtons")
        self.show_folder = self.buttons.addButton(self.tr("Show in folder"),
                                                  QDialogButtonBox.ButtonRole.ActionRole)
        self.show_folder.setObjectName("exportShowFolder")
        self.show_folder.setVisible(False)
        self.export_button = self.buttons.addButton(self.tr("Export"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.export_button.setObjectName("exportButton")
        self.close_button = self.buttons.addButton(self.tr("Cancel"), QDialogButtonBox.ButtonRole.RejectRole)
        self.close_button.setObjectName("exportCancel")
        self.export_button.clicked.connect(self.start_export)
        self.close_button.clicked.connect(self._cancel_or_close)
        self.show_folder.clicked.connect(self.open_folder)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(scopes)
        layout.addWidget(self.agreement)
        layout.addWidget(self.outcome, 1)
        layout.addWidget(self.progress)
        layout.addWidget(self.buttons)
        self.resize(640, 500)

        self._has_work = annotator in project.annotators()
        self.scope_buttons["mine" if self._has_work else "all"].setChecked(True)
        self._disable_empty_scopes()
        self.format.currentIndexChanged.connect(lambda _i: self._format_changed())
        self.scope_group.buttonToggled.connect(lambda *_a: self._suggest_target())
        self.annotators.currentIndexChanged.connect(lambda _i: self._suggest_target())
        self.annotators.activated.connect(lambda _i: self.scope_buttons["annotator"].setChecked(True))
        self.target.textChanged.connect(lambda _t: self._show_state())
        self._target_edited = False
        self.target.textEdited.connect(lambda _t: setattr(self, "_target_edited", True))
        self._format_changed()

    # -- choosing ---------------------------------------------------------------------------------

    def scope(self) -> str:
        return next(name for name, button in self.scope_buttons.items() if button.isChecked())

    def set_scope(self, scope: str, annotator: str | None = None) -> None:
        """Choose a scope (and the annotator for "annotator"), as clicking would."""
        if annotator is not None:
            self.annotators.setCurrentText(annotator)
        self.scope_buttons[scope].setChecked(True)

    def set_format(self, name: str) -> None:
        self.format.setCurrentIndex(self.format.findData(name))

    def _format_changed(self) -> None:
        name = self.format.currentData()
        if name in FOLDER_FORMATS:
            self.format_note.setText(self.tr("Writes a new folder (it must not exist yet, or be empty)."))
        else:
            self.format_note.setText(self.tr("Writes one file, and its metadata record beside it."))
        self._suggest_target(force=False)

    def _suggest_target(self, force: bool = False) -> None:
        """A target beside the project named after it and the scope, unless the user typed one."""
        if self._target_edited and not force:
            target = Path(self.target.text())
            name = self.format.currentData()
            suffix = EXTENSIONS.get(name, "")
            if target.suffix != suffix and target.name:  # keep the user's name, with the format's ending
                self.target.setText(str(target.with_suffix(suffix) if suffix else target.with_suffix("")))
            return
        scope = self.scope()
        who = {"mine": self.me, "annotator": self.annotators.currentText()}.get(scope, scope)
        name = self.format.currentData()
        stem = f"{self.project_path.stem}-{who or 'all'}"
        suffix = EXTENSIONS.get(name, "")
        self.target.setText(str(export_folder(self.project_path) / f"{stem}{suffix}"))

    def _ask_target(self) -> None:
        name = self.format.currentData()
        if name in FOLDER_FORMATS:
            chosen, _filter = QFileDialog.getSaveFileName(self, self.tr("Export to a new folder"),
                                                          self.target.text())
        else:
            chosen, _filter = QFileDialog.getSaveFileName(self, self.tr("Export to"), self.target.text())
        if chosen:
            self._target_edited = True
            self.target.setText(chosen)

    def _request(self) -> dict:
        scope = self.scope()
        annotator = {"mine": self.me, "annotator": self.annotators.currentText()}.get(scope)
        return {"gold": scope == "gold", "annotator": annotator,
                "only_curated": self.only_curated.isChecked(), "agreement": self.agreement.isChecked()}

    def _work(self) -> Callable[[Progress], ExportResult]:
        path, fmt, out, request = self.project_path, self.format.currentData(), Path(self.target.text()), \
            self._request()

        def work(progress: Progress) -> ExportResult:
            def report(done: int, total: int) -> None:
                progress.check()
                progress.report(done, total)

            with Project.open(path) as project:
                return export_project(project, fmt, out, progress=report, **request)

        return work

    # -- exporting --------------------------------------------------------------------------------

    def start_export(self) -> None:
        if self.worker is not None or not self.target.text().strip():
            return
        self.result, self.error = None, ""
        self._set_inputs_enabled(False)
        self.progress.setRange(0, 3)
        self.progress.setValue(0)
        self.progress.setVisible(True)
        self.outcome.setText(self.tr("Exporting…"))
        self.worker = run_in_worker(self._work(), progress_callback=self._on_progress)
        self.worker.signals.finished.connect(self._done)
        self.worker.signals.failed.connect(self._failed)
        self.worker.signals.cancelled.connect(self._cancelled)
        self._show_state()

    def _on_progress(self, done: int, total: int, _message: str) -> None:
        self.progress.setRange(0, total)
        self.progress.setValue(done)

    def _done(self, result: ExportResult) -> None:
        self.result = result
        self._ended()
        lines = [
            self.tr("Exported {articles} and {spans} as {format}.").format(
                articles=counts.articles(result.articles), spans=counts.spans(result.spans),
                format=result.format),
            self.tr("Data: {path}").format(path=result.path),
            self.tr("Metadata: {path}").format(path=result.metadata_path),
        ]
        lines += ["• " + note for note in result.notes[:8]]
        self.outcome.setText("\n".join(lines))

    def _failed(self, exc: BaseException) -> None:
        self.error = str(exc)
        self._ended()
        self.outcome.setText(self.tr("Nothing was exported: {error}").format(error=left_to_right(self.error)))

    def _cancelled(self) -> None:
        self._ended()
        self.outcome.setText(self.tr("Export cancelled: nothing was written."))

    def _ended(self) -> None:
        self.worker = None
        self.progress.setVisible(False)
        self._set_inputs_enabled(True)
        self._show_state()

    def _show_state(self) -> None:
        working = self.worker is not None
        self.export_button.setEnabled(not working and bool(self.target.text().strip()))
        self.show_folder.setVisible(self.result is not None and not working)
        self.close_button.setText(self.tr("Close") if self.result is not None and not working
                                  else self.tr("Cancel"))
        self.outcome.setStyleSheet("color: #c0392b;" if self.error else "")

    def _set_inputs_enabled(self, enabled: bool) -> None:
        for kind in (QLineEdit, QComboBox, QCheckBox, QRadioButton, QPushButton):
            for widget in self.findChildren(kind):
                if widget is not self.close_button:
                    widget.setEnabled(enabled)
        if enabled:
            self._disable_empty_scopes()

    def _disable_empty_scopes(self) -> None:
        """My work needs work of mine; One annotator needs an annotator."""
        self.scope_buttons["mine"].setEnabled(self._has_work)
        if not self.annotators.count():
            self.scope_buttons["annotator"].setEnabled(False)
            self.annotators.setEnabled(False)

    def folder(self) -> Path | None:
        """The folder holding what was exported (the exported folder itself for brat and XMI)."""
        if self.result is None:
            return None
        return self.result.path if self.result.format in FOLDER_FORMATS else self.result.path.parent

    def open_folder(self) -> None:
        """Show in folder: the file manager opens the export's folder."""
        folder = self.folder()
        if folder is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))

    def _cancel_or_close(self) -> None:
        if self.worker is not None:
            self.worker.cancel()  # stops before writing; once writing, the export finishes whole
            return
        self.reject()


def export_folder(project_path: Path) -> Path:
    """Where exports go by default: beside the project, or the home folder for the default project
    (hidden in the user's data folder)."""
    from annotator.operations.import_corpus import default_project_path

    return Path.home() if project_path == default_project_path() else project_path.parent


def format_name(name: str) -> str:
    """An export --format name as the dialog lists it."""
    names = {
        "jsonl": QCoreApplication.translate("ExportDialog", "JSONL (one record per article and annotator)"),
        "spacy": QCoreApplication.translate("ExportDialog", "spaCy DocBin (needs the spacy extra)"),
        "brat": QCoreApplication.translate("ExportDialog", "brat standoff (a folder)"),
        "conll": QCoreApplication.translate("ExportDialog", "CoNLL BIO tags"),
        "csv": QCoreApplication.translate("ExportDialog", "CSV table of spans (opens in Excel)"),
        "xmi": QCoreApplication.translate("ExportDialog", "INCEpTION / WebAnno XMI (a folder)"),
        "qdpx": QCoreApplication.translate("ExportDialog", "REFI-QDA project for MAXQDA, ATLAS.ti, NVivo"),
        "label-studio": QCoreApplication.translate(
            "ExportDialog", "Label Studio tasks (.json) and labelling config"),
    }
    return names.get(name, name)
