"""The curation view: one article's gold beside the annotators' spans still waiting for a decision.

Keys (when the view has focus), the same as in the annotation window where they mean the same:
  Enter / A        accept the selected candidate (competing versions of it are rejected)
  Delete / R       reject the selected candidate, or take the selected gold span out of gold
                   (the same two in the Relations, attributes, answers tab, on their versions)
  R                with two gold spans selected (the head, then Ctrl+click the child): a gold
                   relation between them, as R links spans in annotation
  1…9 (label key)  with text selected in the article: add it to gold with that label;
                   with a gold span selected: change its label
  E                set the selected gold span's boundaries to the text selected in the article
  C                mark the article's gold curated (again: back to in progress)
  Ctrl+Z / Ctrl+Shift+Z   undo / redo (the article's QUndoStack, passed in)
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, Signal
from PySide6.QtGui import (
    QAction,
    QColor,
    QFont,
    QKeySequence,
    QTextCharFormat,
    QTextCursor,
    QTextOption,
    QUndoStack,
)
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QPushButton,
    QTabWidget,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from annotator.core.adjudication import Candidate, alternatives, open_candidates
from annotator.core.adjudication_structure import AnswerCandidate, AttributeCandidate
from annotator.core.errors import AnnotatorError
from annotator.core.model import GoldSpan, GoldStatus, SpanRef
from annotator.core.text import Utf16Map
from annotator.store import Changes, Project
from annotator.store.codebook import Codebook
from annotator.store.gold import AUTO, Gold
from annotator.store.gold_structure import GoldCoding
from annotator.ui.curation.coding_lists import CodingLists
from annotator.ui.curation.gold_commands import (
    AcceptSpan,
    DecideCoding,
    EditGoldSpan,
    GoldCommand,
    RejectSpan,
    SetGoldStatus,
)
from annotator.ui.curation.gold_relating import GoldRelating
from annotator.ui.curation.gold_values import ask_answer, ask_attribute_value
from annotator.ui.shell import counts as counted
from annotator.ui.shell.save_copy import offer_copy_if_unsaved

ROLE = Qt.ItemDataRole.UserRole

GOLD_STATUS_TEXT = {  # adjudication progress as the interface writes it
    GoldStatus.NOT_STARTED: QT_TRANSLATE_NOOP("GoldStatus", "not started"),
    GoldStatus.IN_PROGRESS: QT_TRANSLATE_NOOP("GoldStatus", "in progress"),
    GoldStatus.CURATED: QT_TRANSLATE_NOOP("GoldStatus", "curated"),
}


class CurationView(QWidget):
    """Curate one article: accept an annotator's version, edit, or reject, with undo."""

    goldChanged = Signal(object)  # Changes

    def __init__(self, project: Project, article_id: str, undo_stack: QUndoStack, *, curator: str = "curator",
                 article_font_family: str = "Amiri", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("curationView")
        self.project = project
        self.gold = Gold(project)
        self.article_id = article_id
        self.undo_stack = undo_stack
        self.curator = curator
        self.document = project.document(article_id)
        self.offsets = Utf16Map(self.document.text)
        self.labels = {label.name: label for label in project.labels()}

        self.title = QLabel(objectName="curationTitle")
        self.title.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignAbsolute)
        self.status_label = QLabel(objectName="goldStatus")
        self.message = QLabel(objectName="curationMessage")
        self.article_view = QTextEdit(objectName="curationArticle")
        self.article_view.setReadOnly(True)
        self.article_view.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse
                                                  | Qt.TextInteractionFlag.TextSelectableByKeyboard)
        self.article_view.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
        option = QTextOption()
        option.setTextDirection(Qt.LayoutDirection.RightToLeft)
        # AlignAbsolute: in a right-to-left widget a plain AlignRight is mirrored to the left edge.
        option.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignAbsolute)
        option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        self.article_view.document().setDefaultTextOption(option)
        self.article_view.setFont(QFont(article_font_family, 18))
        self.article_view.setPlainText(self.document.text)

        self.gold_list = QListWidget(objectName="goldList")
        self.gold_list.setToolTip(self.tr("Delete or R: take the selected span out of gold. Select a head, "
                                          "Ctrl+click a child, R: a gold relation between them."))
        self.candidate_list = QListWidget(objectName="candidateList")
        self.active_list = self.candidate_list  # the list whose selection Delete / R acts on
        for widget in (self.gold_list, self.candidate_list):
            widget.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
            widget.setFont(QFont(article_font_family, 13))
        self.coding = CodingLists(GoldCoding(project), article_id, self.document.text, article_font_family)
        self.relating = GoldRelating(self.gold, self.coding.coding, article_id, self.gold_list,
                                     Codebook(project).relation_types, self._do, self.message.setText,
                                     self._notify, curator, self)
        self.coding_lists = (self.coding.gold_list, self.coding.waiting_list)
        for widget in (self.gold_list, self.candidate_list, *self.coding_lists):
            widget.currentItemChanged.connect(lambda *_, w=widget: self._activate(w))

        self._add_actions()
        self.accept_button = QPushButton(self.tr("Accept"), objectName="acceptCandidate")
        self.reject_button = QPushButton(self.tr("Reject"), objectName="rejectCandidate")
        self.accept_button.clicked.connect(lambda: self.accept_selected(self._shown_waiting_list()))
        self.reject_button.clicked.connect(lambda: self.reject_selected(self._shown_waiting_list()))
        for button, action in ((self.accept_button, self.accept_action),
                               (self.reject_button, self.reject_action)):
            button.setToolTip(action.toolTip())
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the list keeps the focus and its selection
        for widget in (self.gold_list, self.candidate_list, *self.coding_lists):
            widget.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
            widget.customContextMenuRequested.connect(lambda pos, w=widget: self._context_menu(w, pos))
        self.candidate_heading = QLabel(self.tr(
            "Waiting for a decision (Enter or A: accept · Delete or R: reject)"),
            objectName="candidateHeading")
        self.candidate_heading.setWordWrap(True)
        buttons = QHBoxLayout()
        buttons.addWidget(self.accept_button)
        buttons.addWidget(self.reject_button)
        buttons.addStretch(1)

        span_tab = QWidget()
        span_lists = QVBoxLayout(span_tab)
        span_lists.setContentsMargins(0, 0, 0, 0)
        span_lists.addWidget(QLabel(self.tr("Gold")))
        span_lists.addWidget(self.gold_list)
        span_lists.addWidget(self.candidate_heading)
        span_lists.addWidget(self.candidate_list)
        self.tabs = QTabWidget(objectName="curationTabs")
        self.tabs.addTab(span_tab, "")
        self.tabs.addTab(self.coding, "")
        # the keys act on the tab on show: its waiting list takes the focus (never a hidden tab's list)
        self.tabs.currentChanged.connect(lambda _i: self._focus_list(self._shown_waiting_list()))
        lists = QVBoxLayout()
        lists.addWidget(self.tabs)
        lists.addLayout(buttons)
        body = QHBoxLayout()
        body.addLayout(lists, 1)  # wide enough for both tab titles, in Arabic too
        body.addWidget(self.article_view, 1)
        layout = QVBoxLayout(self)
        header = QHBoxLayout()
        header.addWidget(self.status_label)
        header.addStretch(1)
        header.addWidget(self.title)
        layout.addLayout(header)
        layout.addLayout(body)
        layout.addWidget(self.message)

        self.refresh()

    # -- showing ------------------------------------------------------------------------------

    def _add_actions(self) -> None:
        """Keys as actions scoped to this view, so they work whichever child has focus."""
        actions = [
            (self.undo_stack.createUndoAction(self), [QKeySequence.StandardKey.Undo]),
            (self.undo_stack.createRedoAction(self), [QKeySequence.StandardKey.Redo]),
        ]
        made = []
        for name, keys, slot in (
            (self.tr("Accept"), ["Return", "Enter", "A"], self.accept_selected),
            (self.tr("Reject"), ["Delete", "Backspace"], self.reject_selected),
            (self.tr("Reject, or relate two selected gold spans"), ["R"], self.relate_or_reject),
            (self.tr("Set boundaries from selection"), ["E"], self.set_boundaries_from_selection),
            (self.tr("Mark curated"), ["C"], self.toggle_curated),
            (self.tr("Give the selected gold span a value of your own"), ["V"], self.set_gold_value),
            (self.tr("Answer an article question in gold yourself"), ["Q"], self.set_gold_answer),
        ):
            action = QAction(name, self)
            action.triggered.connect(slot)
            action.setToolTip(f"{name} ({', '.join(keys)})")
            actions.append((action, [QKeySequence(k) for k in keys]))
            made.append(action)
        self.accept_action, self.reject_action = made[0], made[1]
        for label in self.labels.values():
            if label.key:
                action = QAction(self.tr("Label {label}").format(label=label.name), self)
                action.triggered.connect(lambda _=False, name=label.name: self.apply_label(name))
                actions.append((action, [QKeySequence(label.key)]))
        for action, keys in actions:
            action.setShortcuts(keys)
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            self.addAction(action)

    def _focus_list(self, widget: QListWidget) -> None:
        widget.setFocus(Qt.FocusReason.OtherFocusReason)
        self._activate(widget)

    def _shown_waiting_list(self) -> QListWidget:
        """The waiting list of the tab on show: what the Accept and Reject buttons act on."""
        return self.coding.waiting_list if self.tabs.currentWidget() is self.coding else self.candidate_list

    def _context_menu(self, widget: QListWidget, pos) -> None:
        """Accept / Reject for the row under the mouse (a gold span can only be taken out)."""
        item = widget.itemAt(pos)
        if item is None:
            return
        widget.setCurrentItem(item)
        widget.setFocus(Qt.FocusReason.PopupFocusReason)
        self._activate(widget)
        menu = QMenu(self)
        if widget in (self.candidate_list, self.coding.waiting_list):
            menu.addAction(self.accept_action)
        menu.addAction(self.reject_action)
        menu.exec(widget.viewport().mapToGlobal(pos))

    def _activate(self, widget: QListWidget) -> None:
        self.active_list = widget
        self._highlight()

    def current_list(self) -> QListWidget:
        """The list the curator is working in: the focused one, else the one whose selection last changed."""
        focused = self.focusWidget()
        if focused in (self.gold_list, self.candidate_list, *self.coding_lists):
            return focused  # type: ignore[return-value]
        return self.active_list

    def on_changes(self, changes: Changes) -> None:
        """Redraw when ``changes`` touch this article's gold (or the labels)."""
        if self.article_id in changes.gold or changes.labels:
            self.labels = {label.name: label for label in self.project.labels()}
            self.refresh()

    def refresh(self) -> None:
        """Re-read gold, decisions and candidates from the store and redraw."""
        text = self.document.text
        self.gold_spans = self.gold.spans(self.article_id)
        rejected = [r.ref for r in self.gold.rejections(self.article_id)]
        annotations = self.gold.annotations(self.article_id, done_only=False).get(self.article_id, {})
        self.candidates = open_candidates(annotations, [g.ref for g in self.gold_spans], rejected)
        status = self.gold.status(self.article_id)
        self.coding.refresh(self._decider, [g.ref for g in self.gold_spans])
        waiting = len(self.candidates) + len(self.coding.waiting)
        self.status_label.setText(self.tr("Gold: {status} · {spans} · {waiting}").format(
            status=QCoreApplication.translate("GoldStatus", GOLD_STATUS_TEXT[status]),
            spans=counted.spans(len(self.gold_spans)), waiting=counted.waiting(waiting)))
        self.tabs.setTabText(0, self.tr("Spans ({waiting})").format(
            waiting=counted.waiting(len(self.candidates))))
        self.tabs.setTabText(1, self.tr("Relations, attributes, answers ({waiting})").format(
            waiting=counted.waiting(len(self.coding.waiting))))
        self.title.setText(self.document.title)
        self._fill(self.gold_list, [
            (g, f"{g.label}  «{text[g.start:g.end]}»  — {self._decider(g.decided_by)}")
            for g in self.gold_spans])
        self._fill(self.candidate_list, [
            (c, f"{c.ref.label}  «{text[c.ref.start:c.ref.end]}»  — {', '.join(c.annotators)}")
            for c in self.candidates])
        self._highlight()

    def _decider(self, decided_by: str) -> str:
        """Who put a gold span there: a curator's name, or "by vote" for spans accepted by agreement."""
        return self.tr("by vote") if decided_by == AUTO else decided_by

    def _fill(self, widget: QListWidget, rows: list[tuple[object, str]]) -> None:
        row = max(widget.currentRow(), 0)
        widget.blockSignals(True)
        widget.clear()
        for value, caption in rows:
            item = QListWidgetItem(caption)
            item.setData(ROLE, value)
            label = self.labels.get(value.label if isinstance(value, GoldSpan) else value.ref.label)
            if label is not None:
                item.setForeground(QColor(label.color))
            widget.addItem(item)
        if widget.count():
            widget.setCurrentRow(min(row, widget.count() - 1))
        widget.blockSignals(False)

    def _highlight(self, *_: object) -> None:
        """Gold spans in their label colour; the selected candidate outlined."""
        selections = []
        for span in self.gold_spans:
            label = self.labels.get(span.label)
            fmt = QTextCharFormat()
            fmt.setBackground(QColor(label.color if label else "#cccccc").lighter(150))
            selections.append(self._selection(span.ref, fmt))
        current = self.current_list()
        outlined: list[SpanRef] = []
        if current is self.candidate_list and self.selected_candidate() is not None:
            outlined = [self.selected_candidate().ref]
        elif current in self.coding_lists and current.currentItem() is not None:
            outlined = self.coding.spans_of(current.currentItem().data(ROLE))
        for ref in outlined:
            fmt = QTextCharFormat()
            fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.WaveUnderline)
            fmt.setUnderlineColor(QColor("#d62728"))
            fmt.setFontUnderline(True)
            selections.append(self._selection(ref, fmt))
        self.article_view.setExtraSelections(selections)

    def _selection(self, ref: SpanRef, fmt: QTextCharFormat) -> QTextEdit.ExtraSelection:
        cursor = QTextCursor(self.article_view.document())
        cursor.setPosition(self.offsets.to_utf16(ref.start))
        cursor.setPosition(self.offsets.to_utf16(ref.end), QTextCursor.MoveMode.KeepAnchor)
        selection = QTextEdit.ExtraSelection()
        selection.cursor, selection.format = cursor, fmt
        return selection

    # -- what is selected ---------------------------------------------------------------------

    def selected_candidate(self) -> Candidate | None:
        item = self.candidate_list.currentItem()
        return item.data(ROLE) if item is not None else None

    def selected_gold(self) -> GoldSpan | None:
        item = self.gold_list.currentItem()
        return item.data(ROLE) if item is not None else None

    def text_selection(self) -> tuple[int, int] | None:
        """The article text the curator selected, as code-point offsets, or None."""
        cursor = self.article_view.textCursor()
        if not cursor.hasSelection():
            return None
        return (self.offsets.to_codepoint(cursor.selectionStart()),
                self.offsets.to_codepoint(cursor.selectionEnd()))

    # -- deciding -----------------------------------------------------------------------------

    def _do(self, command: GoldCommand) -> None:
        try:
            command.run()
        except AnnotatorError as exc:
            self.message.setText(str(exc))
            offer_copy_if_unsaved(self, self.project, str(exc))  # the file is gone or full: keep the work
            return
        self.message.clear()
        command.on_error = self.message.setText  # an undo step refused: another writer changed the gold
        self.undo_stack.push(command)  # its redo() finds the change made and notifies the views

    def _notify(self, changes: Changes) -> None:
        self.on_changes(changes)
        self.goldChanged.emit(changes)

    def accept_selected(self, widget: QListWidget | None = None) -> None:
        """Accept what is selected in the waiting list in use: a span, or a relation, value or answer."""
        if (widget or self.current_list()) is self.coding.waiting_list:
            item = self.coding.waiting_list.currentItem()
            if item is not None:
                self._decide_coding(item.data(ROLE), accept=True)
            return
        candidate = self.selected_candidate()
        if candidate is None:
            return
        pool = [c.ref for c in self.candidates] + [g.ref for g in self.gold_spans if g.origin != "curated"]
        self._do(AcceptSpan(self.gold, self.article_id, candidate.ref, self.curator, self._notify,
                            also_reject=alternatives(candidate.ref, pool)))

    def reject_selected(self, widget: QListWidget | None = None) -> None:
        """Reject what is selected in ``widget`` (default: the list last used): a candidate or a gold span."""
        item = (widget or self.current_list()).currentItem()
        if item is None:
            return
        value = item.data(ROLE)
        if (widget or self.current_list()) in self.coding_lists:
            self._decide_coding(value, accept=False)
            return
        self._do(RejectSpan(self.gold, self.article_id, value.ref, self.curator, self._notify))

    def relate_or_reject(self) -> None:
        """R: with two gold spans selected, a gold relation between them; else reject, as Delete does."""
        if self.current_list() is self.gold_list and self.relating.ends() is not None:
            self.relating.relate()
        else:
            self.reject_selected()

    def set_gold_value(self) -> None:
        """V: the curator's own value for one attribute of the selected gold span, straight into gold."""
        span = self.selected_gold() if self.current_list() is self.gold_list else None
        if span is None:
            self.message.setText(self.tr("Select a gold span first (in the gold list), then press V."))
            return
        definitions = Codebook(self.project).attributes(span.label)
        if not definitions:
            self.message.setText(self.tr("The label {label} has no attributes.").format(label=span.label))
            return
        chosen = ask_attribute_value(self, self.document.text[span.start:span.end], definitions)
        if chosen is not None:
            ref = SpanRef(span.start, span.end, span.label)
            self._decide_coding(AttributeCandidate(ref, chosen[0], chosen[1], ()), accept=True)

    def set_gold_answer(self) -> None:
        """Q: the curator's own answer to an article question, straight into gold."""
        questions = Codebook(self.project).questions()
        if not questions:
            self.message.setText(self.tr("The codebook has no article questions."))
            return
        chosen = ask_answer(self, questions)
        if chosen is not None:
            self._decide_coding(AnswerCandidate(chosen[0], chosen[1], ()), accept=True)

    def _decide_coding(self, version, *, accept: bool) -> None:
        self._do(DecideCoding(self.gold, self.coding.coding, self.article_id, version, accept=accept,
                              curator=self.curator, notify=self._notify))

    def apply_label(self, label: str) -> None:
        # The label key acts on what the curator last focused: selected text, or the gold list.
        in_text = self.focusWidget() is self.article_view
        selection = self.text_selection() if in_text else None
        gold = self.selected_gold() if not in_text and self.current_list() is self.gold_list else None
        if selection is not None and selection[0] < selection[1]:
            ref = SpanRef(selection[0], selection[1], label)
            self._do(AcceptSpan(self.gold, self.article_id, ref, self.curator, self._notify))
        elif gold is not None and gold.label != label:
            self._do(EditGoldSpan(self.gold, self.article_id, gold.id, SpanRef(gold.start, gold.end, label),
                                  self.curator, self._notify))

    def set_boundaries_from_selection(self) -> None:
        gold, selection = self.selected_gold(), self.text_selection()
        if gold is None or selection is None or selection[0] >= selection[1]:
            self.message.setText("select a gold span in the list and the new extent in the text, "
                                 "then press E")
            return
        self._do(EditGoldSpan(self.gold, self.article_id, gold.id, SpanRef(*selection, gold.label),
                              self.curator, self._notify))

    def toggle_curated(self) -> None:
        status = self.gold.status(self.article_id)
        new = GoldStatus.IN_PROGRESS if status is GoldStatus.CURATED else GoldStatus.CURATED
        self._do(SetGoldStatus(self.gold, self.article_id, new, self._notify))
