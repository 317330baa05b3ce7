"""The slim bar under the label buttons that offers a just-tagged label on the string's other occurrences.

It only shows the offer and turns its buttons into signals; the annotation page does the tagging (one
undoable command per button press) and tells the bar what is still on offer.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication, QHBoxLayout, QLabel, QPushButton, QSizePolicy, QWidget

from annotator.core.model import Span
from annotator.core.suggestions import Suggestion
from annotator.ui.annotate.article_view import blend
from annotator.ui.shell import counts as counted
from annotator.ui.shell.actions import shortcut_text, spec, translated


@dataclass
class Offer:
    """What is on offer after one tag: the places still suggested, here and in other articles."""

    tagged: str  # the text as tagged
    label: str
    article_id: str
    here: list[Suggestion]  # in the open article, in text order
    elsewhere: list[Suggestion] | None = None  # other articles; None while they are being searched
    next_from: int = 0  # "accept next" takes the first place from here on (then wraps around)
    colour: str = "#888888"
    origin: Span | None = None  # the span whose tag made this offer

    def other_articles(self) -> int:
        return len({s.article_id for s in self.elsewhere or ()})

    def is_empty(self) -> bool:
        return not self.here and self.elsewhere is not None and not self.elsewhere

    def next_here(self) -> Suggestion | None:
        """The first place at or after ``next_from`` in the article, else the first one."""
        return next((s for s in self.here if s.start >= self.next_from), self.here[0] if self.here else None)


class SuggestionsBar(QWidget):
    """«…» appears N more times here and M times in K other articles — accept next / all here / all
    in the corpus / dismiss."""

    acceptNext = Signal()
    acceptArticle = Signal()
    acceptCorpus = Signal()
    dismissed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("suggestionsBar")
        self.setAutoFillBackground(True)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 2, 8, 2)
        layout.setSpacing(6)
        # Idle, the bar keeps its place with a muted hint: the text below must not jump after every tag.
        self.hint = QLabel(self.tr("After a tag, its other occurrences are offered here"),
                           objectName="suggestionsHint")
        self.hint.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self.hint.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        layout.addWidget(self.hint, 1)
        self._reserved = True
        self.message = QLabel(objectName="suggestionsMessage")
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.message.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        layout.addWidget(self.message, 1)
        self.buttons: dict[str, QPushButton] = {}
        for name, text, signal in (
            ("accept_next_suggestion", self.tr("Accept next"), self.acceptNext),
            ("accept_article_suggestions", self.tr("All in this article"), self.acceptArticle),
            ("accept_corpus_suggestions", self.tr("All in the corpus…"), self.acceptCorpus),
            ("dismiss_suggestions", self.tr("Dismiss"), self.dismissed),
        ):
            button = QPushButton(text, objectName=f"suggestions_{name}")
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the keys stay with the article text
            button.setToolTip(f"{translated(spec(name).tip)} ({shortcut_text(spec(name))})")
            button.clicked.connect(signal)
            layout.addWidget(button)
            self.buttons[name] = button
        # idle or offering, the same height
        self.hint.setMinimumHeight(max(b.sizeHint().height() for b in self.buttons.values()))
        self.clear()

    @property
    def offering(self) -> bool:
        """True while the bar shows an offer (not its idle hint)."""
        return not self.message.isHidden()

    def set_reserved(self, reserved: bool) -> None:
        """Keep the bar's place, idle, while suggestions are on; give it back when they are off."""
        self._reserved = reserved
        if not self.offering:
            self.clear()

    def clear(self) -> None:
        """No offer: the muted hint while suggestions are on, nothing (the bar hidden) while off."""
        for widget in (self.message, *self.buttons.values()):
            widget.hide()
        self.hint.show()
        self.setPalette(QApplication.palette(self))
        self.setVisible(self._reserved)

    def show_offer(self, offer: Offer) -> None:
        """Say what is on offer and enable the buttons that can act on it."""
        excerpt = offer.tagged if len(offer.tagged) <= 40 else offer.tagged[:40] + "…"
        excerpt = f"\u2068{excerpt}\u2069"  # isolated: the Arabic must not reorder the sentence around it
        if offer.elsewhere is None:
            text = self.tr("«{text}» also appears {here} in this article (searching the other "
                           "articles…) — tag as {label}?")
            text = text.format(text=excerpt, here=counted.times(len(offer.here)), label=offer.label)
        elif not offer.here:  # only elsewhere: the shorter sentence fits beside the buttons at 1280 px
            text = self.tr("«{text}» appears {elsewhere} in {articles} — tag as {label}?")
            text = text.format(text=excerpt, elsewhere=counted.times(len(offer.elsewhere)),
                               articles=counted.other_articles(offer.other_articles()), label=offer.label)
        else:
            text = self.tr("«{text}» also appears {here} in this article and {elsewhere} in "
                           "{articles} — tag as {label}?")
            text = text.format(text=excerpt, here=counted.times(len(offer.here)),
                               elsewhere=counted.times(len(offer.elsewhere)),
                               articles=counted.other_articles(offer.other_articles()), label=offer.label)
        # the sentence reads in the interface's direction, whatever the direction of the string quoted first
        mark = "\u200f" if self.layoutDirection() == Qt.LayoutDirection.RightToLeft else "\u200e"
        self.message.setText(mark + text)
        self.message.setToolTip(text)
        self.buttons["accept_next_suggestion"].setEnabled(bool(offer.here))
        self.buttons["accept_article_suggestions"].setEnabled(bool(offer.here))
        self.buttons["accept_corpus_suggestions"].setEnabled(bool(offer.here) or bool(offer.elsewhere))
        tint = QColor(offer.colour)
        tint.setAlpha(40)  # the label's colour, as pale as the suggestions in the text
        palette = self.palette()
        palette.setColor(QPalette.ColorRole.Window,
                         blend(tint, QApplication.palette().color(QPalette.ColorRole.Window)))
        self.setPalette(palette)
        self.hint.hide()
        for widget in (self.message, *self.buttons.values()):
            widget.show()
        self.show()
