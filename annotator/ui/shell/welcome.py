"""The first start: a few lines on what to do — who you are, the label keys, the sample articles or your
own corpus through Import — shown once.

A first start is one with no annotator name saved and the welcome never dismissed; closing it in any
way (Start annotating, Import articles…, Esc) saves the name and ``firstStart/dismissed`` in the user
settings, so it does not come back.
"""

from __future__ import annotations

import html

from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from annotator.ui.shell import counts

WELCOME_KEY = "firstStart/dismissed"
ANNOTATOR_KEY = "annotator/name"  # the main window's key for the annotator's name


def is_first_start(settings: QSettings) -> bool:
    """True until the welcome has been dismissed, for someone who has never given their name."""
    return not settings.value(WELCOME_KEY, False, type=bool) and not settings.value(ANNOTATOR_KEY)


class WelcomeDialog(QDialog):
    """What to do first, in a few lines, with the annotator's name to fill in."""

    def __init__(self, name: str, label_keys: list[tuple[str, str]], articles: int,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("welcomeDialog")
        self.setWindowTitle(self.tr("Welcome to Annotator"))
        self.wants_import = False

        intro = QLabel(self.tr("Every change is saved at once. Three things to know:"))
        intro.setWordWrap(True)
        self.name = QLineEdit(name, objectName="welcomeName")
        # the guess (the computer's login) is selected, so that typing one's name replaces it
        self.name.selectAll()
        self.name.setFocus()
        who = QLabel(self.tr("<b>Who you are.</b> Your name marks the spans you make (Annotator ▸ Switch "
                             "annotator changes it later)."))
        # right-to-left marks keep each "key label" pair whole in the Arabic sentence, pairs in order
        mark = "\u200f" if self.isRightToLeft() else ""
        keys = f"{mark} · {mark}".join(f"<b>{html.escape(key)}</b> {html.escape(label)}"
                                      for label, key in label_keys if key) + mark
        how = QLabel(self.tr("<b>Tagging.</b> Select words in the article and press a label's key: {keys}. "
                             "Ctrl+Z undoes.").format(keys=keys or self.tr("see the Labels menu")))
        if articles:
            corpus = self.tr("<b>Articles.</b> The list holds {articles} to try things on (the sample "
                             "articles in a new project); bring your own corpus with File ▸ Import articles… "
                             "(Ctrl+I), or drop files on the window.")
            corpus = corpus.format(articles=counts.articles(articles))
        else:
            corpus = self.tr("<b>Articles.</b> This project has none yet: bring your corpus with File ▸ "
                             "Import articles… (Ctrl+I), or drop files on the window.")
        what = QLabel(corpus)
        for label in (who, how, what):
            label.setWordWrap(True)
            label.setTextFormat(Qt.TextFormat.RichText)
        form = QFormLayout()
        form.addRow(self.tr("Your name:"), self.name)

        buttons = QDialogButtonBox(objectName="welcomeButtons")
        accept, action = QDialogButtonBox.ButtonRole.AcceptRole, QDialogButtonBox.ButtonRole.ActionRole
        self.start_button = buttons.addButton(self.tr("Start annotating"), accept)
        self.start_button.setObjectName("welcomeStart")
        self.import_button = buttons.addButton(self.tr("Import articles…"), action)
        self.import_button.setObjectName("welcomeImport")
        self.start_button.clicked.connect(self.accept)
        self.import_button.clicked.connect(self._import)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(who)
        layout.addLayout(form)
        layout.addWidget(how)
        layout.addWidget(what)
        layout.addWidget(buttons)
        self.setMinimumWidth(560)

    def _import(self) -> None:
        self.wants_import = True
        self.accept()


def offer_first_start(window) -> WelcomeDialog | None:
    """On a first start, open the welcome over ``window`` (a MainWindow); None otherwise."""
    settings = window.settings
    if not is_first_start(settings):
        return None
    labels = [(label.name, label.key) for label in window.project.labels()]
    dialog = WelcomeDialog(window.annotator, labels, window.project.document_count(), window)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

    def dismissed(_result: int) -> None:
        settings.setValue(WELCOME_KEY, True)
        window.switch_annotator(dialog.name.text().strip() or window.annotator)
        if dialog.wants_import:
            window.import_articles()

    dialog.finished.connect(dismissed)
    dialog.open()
    return dialog
