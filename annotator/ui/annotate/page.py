"""The annotation page: label buttons, the article text and the span list, and the edits made there.

Thin: every edit becomes a command from ``commands`` on the article's undo stack; the page learns
what changed only through ``refresh(changes)``, called by the window for every ``Changes`` it emits,
and then re-reads the article's spans from the store in one query.

After a tag, the page offers the label on the tagged string's other occurrences: see
``ui/suggestions/offers.py``, the half of the page that does that.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right, insort
from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QKeySequence, QUndoGroup, QUndoStack
from PySide6.QtWidgets import QApplication, QMenu, QSplitter, QStyle, QTabWidget, QVBoxLayout, QWidget

from annotator.core.errors import AnnotatorError, NotFoundError
from annotator.core.model import Label, Span, Status
from annotator.core.structure import Relation, RelationType
from annotator.core.text import after_proclitics, snap_to_words, word_at, word_edge
from annotator.store import Changes, Project
from annotator.store.coding import Coding
from annotator.ui.annotate.article_codes import ArticleCodes
from annotator.ui.annotate.article_places import ArticlePlace, ArticlePlaces
from annotator.ui.annotate.article_view import ArticleView
from annotator.ui.annotate.commands import AddSpan, AnnotationCommand, ChangeSpan, DeleteSpan, SetStatus, push
from annotator.ui.annotate.label_bar import LabelBar
from annotator.ui.annotate.relation_commands import AddRelation, DeleteRelation
from annotator.ui.annotate.relation_list import RelationList
from annotator.ui.annotate.relation_picker import RelationPicker
from annotator.ui.annotate.span_inspector import SpanInspector
from annotator.ui.annotate.span_list import SpanList
from annotator.ui.suggestions.bar import Offer, SuggestionsBar
from annotator.ui.suggestions.offers import SuggestionOffers

Notify = Callable[[Changes], None]


def _list_order(span: Span) -> tuple[int, int, int]:
    """The order of ``AnnotationPage.spans``: the store's (start, end, id)."""
    return span.start, span.end, span.id


class AnnotationPage(QWidget):
    """Tag, edit and review the spans of one article at a time."""

    message = Signal(str)  # something to tell the user in the status bar
    failed = Signal(str)  # an edit the store refused or could not save

    def __init__(self, project: Project, annotator: str, notify: Notify, *, font_family: str = "Amiri",
                 point_size: int = 20, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("annotationPage")
        self.project = project
        self.annotator = annotator
        self.notify = notify
        self.show_others = False
        self.document_id: str | None = None
        self.spans: list[Span] = []
        self._own_count = 0  # own spans in self.spans
        self.selected_span_id: int | None = None
        self.labels: dict[str, Label] = {}
        self.undo_group = QUndoGroup(self)
        self._stacks: dict[tuple[str, str], QUndoStack] = {}
        self.label_actions: list[QAction] = []
        self.coding = Coding(project)
        self.relation_types: list[RelationType] = []
        self.relations: list[Relation] = []
        self.selected_relation_id: int | None = None
        self.relation_type_actions: list[QAction] = []
        self.places = ArticlePlaces()  # where each article was left, put back when it is opened again
        self._pending_scroll: int | None = None  # a restored place, kept until the annotator scrolls
        self._label_keys_on = True  # off while another tab is shown: its own keys 1…9 must not be ambiguous
        # View ▸ Keep proclitics when snapping: for teams whose guidelines tag «والولايات», not «الولايات»
        self.keep_proclitics_action = QAction(self.tr("Keep proclitics when snapping"), self,
                                              objectName="keepProcliticsAction", checkable=True)
        self.keep_proclitics_action.setToolTip(self.tr(
            "Word snapping keeps و ف ب ل ك written attached to the first word (off: «الولايات», "
            "on: «والولايات»)"))

        self.label_bar = LabelBar()
        self.suggestions_bar = SuggestionsBar()
        self.article_view = ArticleView(font_family, point_size)
        self.span_list = SpanList()
        self.relation_list = RelationList()
        self.inspector = SpanInspector(project, notify, self.run_command, self.message.emit)
        self.article_codes = ArticleCodes(project, notify, self.run_command)
        self.coding_tabs = QTabWidget(objectName="codingTabs")
        self.coding_tabs.addTab(self.relation_list, self.tr("Relations"))
        self.coding_tabs.addTab(self.inspector, self.tr("Span"))
        self.coding_tabs.addTab(self.article_codes, self.tr("Article codes"))
        lists = QSplitter(Qt.Orientation.Vertical)
        lists.setObjectName("listsSplitter")
        lists.addWidget(self.span_list)
        lists.addWidget(self.coding_tabs)
        lists.setSizes([460, 260])
        # Never narrower than the coding tabs' names: with the Search dock open at 1280×820 the pane
        # was squeezed until «Relations | Span | Artic…» scrolled; the article view gives way instead.
        tabs = self.coding_tabs.tabBar()
        lists.setMinimumWidth(tabs.sizeHint().width() + 2 * self.coding_tabs.style().pixelMetric(
            QStyle.PixelMetric.PM_DefaultFrameWidth) + 4)
        splitter = QSplitter()
        splitter.setObjectName("annotationSplitter")
        splitter.addWidget(lists)
        splitter.addWidget(self.article_view)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 3)
        splitter.setSizes([400, 720])  # the span list has five columns; the text keeps most of the room
        splitter.setCollapsible(0, False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.label_bar)
        layout.addWidget(self.suggestions_bar)
        layout.addWidget(splitter, 1)

        self.label_bar.labelClicked.connect(self._label_button_clicked)
        self.article_view.spanClicked.connect(self._span_clicked)
        self.span_list.spanSelected.connect(self._span_row_selected)
        self.relation_list.relationSelected.connect(self.select_relation)
        self.article_view.edgeClicked.connect(self.move_edge_to)
        bar = self.article_view.verticalScrollBar()
        bar.rangeChanged.connect(lambda _low, _high: self._layout_changed())
        bar.actionTriggered.connect(lambda _action: self._forget_pending_place())  # scrolled by hand
        self.article_view.cursorPositionChanged.connect(self._forget_pending_place)  # a click, a key, a hit
        self.article_view.context_menu_entries = self._context_menu_entries
        self.offers = SuggestionOffers(self)  # what is offered after a tag: its own state
        self.picker = RelationPicker(self)  # a relation being made: its own state
        self.reload_labels()
        self.reload_relation_types()

    # -- suggestions (the offers controller owns them; the window's actions and the tests call here) --

    @property
    def offer(self) -> Offer | None:
        """What the suggestions bar offers now."""
        return self.offers.offer

    @property
    def suggest_action(self) -> QAction:
        return self.offers.suggest_action

    @property
    def suggest_enabled(self) -> bool:
        return self.offers.suggest_enabled

    def set_suggest_enabled(self, enabled: bool) -> None:
        self.offers.set_suggest_enabled(enabled)

    def set_suggestion_actions(self, actions: dict[str, QAction]) -> None:
        self.offers.set_suggestion_actions(actions)

    def suggestions_pending(self) -> bool:
        return self.offers.suggestions_pending()

    def accept_next_suggestion(self) -> None:
        self.offers.accept_next_suggestion()

    def accept_article_suggestions(self) -> None:
        self.offers.accept_article_suggestions()

    def accept_corpus_suggestions(self) -> None:
        self.offers.accept_corpus_suggestions()

    def dismiss_suggestions(self) -> None:
        self.offers.dismiss_suggestions()

    # -- what is shown --------------------------------------------------------------------------

    def undo_stack(self) -> QUndoStack | None:
        return self.undo_group.activeStack()

    def open_article(self, document_id: str | None) -> None:
        """Show an article (``None``: nothing) with its own undo stack active, scrolled and with the span
        selected as the annotator left it (``places``)."""
        self.remember_place()
        self._pending_scroll = None
        self.document_id = document_id
        self.selected_span_id = None
        self.selected_relation_id = None
        self.picker.finish()
        self.offers.forget_article()
        self.inspector.show_span(None)
        self.article_codes.show_article(document_id, self.annotator)
        if document_id is None:
            self.article_view.set_article("")
            self.spans = []
            self.relations = []
            self._show_spans()
            self._show_relations()
            self.undo_group.setActiveStack(None)
            return
        document = self.project.document(document_id)
        self.article_view.set_article(document.text)
        key = (self.annotator, document_id)
        if key not in self._stacks:
            self._stacks[key] = QUndoStack(self.undo_group)
        self.undo_group.setActiveStack(self._stacks[key])
        self.reload_spans()
        self._restore_place()

    def remember_place(self) -> None:
        """Note where the open article is: its scroll position and selected span (``open_article`` puts
        them back)."""
        if self.document_id is not None:
            scroll = self._pending_scroll
            if scroll is None:
                scroll = self.article_view.verticalScrollBar().value()
            place = ArticlePlace(scroll, self.selected_span_id)
            self.places.remember(self.annotator, self.document_id, place)

    def _restore_place(self) -> None:
        assert self.document_id is not None
        place = self.places.place(self.annotator, self.document_id)
        if place is None:
            return
        if place.span_id is not None and any(s.id == place.span_id for s in self.spans):
            self.select_span(place.span_id)
        self._pending_scroll = place.scroll
        self._layout_changed()

    def _layout_changed(self) -> None:
        """Scroll to a restored place again whenever the text's height changes (a window not shown yet,
        then shown at its size; Qt lays a long text out lazily), until the annotator scrolls or moves the
        cursor."""
        if self._pending_scroll is not None:
            self.article_view.verticalScrollBar().setValue(self._pending_scroll)

    def _forget_pending_place(self) -> None:
        self._pending_scroll = None

    def set_annotator(self, annotator: str) -> None:
        self.annotator = annotator
        self.open_article(self.document_id)

    def set_label_keys_enabled(self, enabled: bool) -> None:
        """Switch the window-wide label keys on (this page is shown) or off (another tab is)."""
        self._label_keys_on = enabled
        for action in self.label_actions:
            action.setEnabled(enabled)

    def set_show_others(self, show: bool) -> None:
        self.show_others = show
        self.reload_spans()

    def reload_labels(self) -> None:
        labels = self.project.labels()
        self.labels = {label.name: label for label in labels}
        self.label_bar.set_labels(labels)
        for action in self.label_actions:
            self.removeAction(action)
            action.deleteLater()
        self.label_actions = []
        for label in labels:
            tag = QAction(self.tr("Tag as {label}").format(label=label.name), self)
            tag.setObjectName(f"tag_{label.name}")
            exact = QAction(self.tr("Tag exact characters as {label}").format(label=label.name), self)
            exact.setObjectName(f"tagExact_{label.name}")
            if label.key:
                tag.setShortcut(QKeySequence(label.key))
                exact.setShortcut(QKeySequence(f"Alt+{label.key}"))
                tag.setToolTip(self.tr("Tag the selection as {label} ({key})").format(label=label.name,
                                                                                      key=label.key))
            tag.triggered.connect(lambda _c=False, name=label.name: self.apply_label(name, exact=False))
            exact.triggered.connect(lambda _c=False, name=label.name: self.apply_label(name, exact=True))
            for action in (tag, exact):
                action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
                action.setEnabled(self._label_keys_on)
                self.addAction(action)
            self.label_actions += [tag, exact]

    def reload_spans(self) -> None:
        """Read the article's spans (own, or everyone's in review mode) in one query and show them."""
        if self.document_id is None:
            return
        annotator = None if self.show_others else self.annotator
        self.spans = self.project.spans(self.document_id, annotator=annotator)
        if self.selected_span_id is not None and not any(s.id == self.selected_span_id for s in self.spans):
            self.selected_span_id = None
        self._show_spans()
        self.reload_relations()

    def _show_spans(self) -> None:
        self._own_count = sum(1 for s in self.spans if s.annotator == self.annotator)
        self.article_view.set_spans(self.spans, self.labels, self.annotator, self.selected_span_id)
        self.span_list.set_spans(self.spans, self.article_view.text, self.labels, self.annotator,
                                 show_annotator=self.show_others)
        self.span_list.select_span(self.selected_span_id)
        self.inspector.show_span(self.selected_span(), *self._inspected())

    def own_span_count(self) -> int:
        """How many of the spans shown are the annotator's own."""
        return self._own_count

    def refresh(self, changes: Changes) -> None:
        """Redraw what ``changes`` names, if it concerns this page."""
        if changes.labels:
            self.reload_labels()
        if changes.labels:
            self.offers.dismiss_suggestions()  # its label may be renamed, recoloured or gone
        if changes.structure or changes.labels:
            self.reload_relation_types()
        if self.document_id is None or not (changes.labels or changes.structure
                                            or self.document_id in changes.documents):
            return
        if changes.relations and not changes.spans and not changes.labels:
            self.reload_relations(changes.relations)  # a relation made or deleted: the spans are as they were
            return
        if changes.structure:
            self.article_codes.reload_questions()
            self.inspector.show_span(self.selected_span(), *self._inspected())
        elif changes.span_details or changes.codes:
            self.inspector.refresh()
            self.article_codes.refresh()
            if not changes.spans:
                return  # an attribute, note or answer: nothing else to redraw
        if changes.labels or not changes.spans or len(changes.spans) > 50:
            self.reload_spans()
            reread = self.spans
        else:
            reread = self._reload_some_spans(changes.spans)
            self.reload_relations()
        if self.picker.active and self.picker.head is not None and self.picker.head.id in changes.spans:
            self.picker.finish()  # the head was changed or deleted
        self.offers.spans_reread(changes.spans, reread)

    def _reload_some_spans(self, span_ids: frozenset[int]) -> list[Span]:
        """Re-read only the named spans (an edit names one or two), keeping the list in text order.

        The view and the span list are updated in place (``update_spans``), not rebuilt.
        """
        removed = [s for s in self.spans if s.id in span_ids]
        added = []
        for span_id in span_ids:
            try:
                span = self.project.span(span_id)
            except NotFoundError:
                continue  # deleted
            shown = self.show_others or span.annotator == self.annotator
            if span.document_id == self.document_id and shown:
                added.append(span)
        self._replace_spans(removed, added, span_ids)
        return added

    def _replace_spans(self, removed: list[Span], added: list[Span], span_ids: frozenset[int],
                       *, keep_list_position: bool = False) -> None:
        """Take ``removed`` out of the shown spans and put ``added`` in, in place (view and list).

        ``keep_list_position``: leave the span list scrolled where the annotator put it (a refresh they
        did not ask for); the selected row is still the selected span's.
        """
        for span in removed:
            index = bisect_left(self.spans, _list_order(span), key=_list_order)
            if self.spans[index] is span:
                del self.spans[index]
            else:  # not in the store's order after all
                self.spans.remove(span)
        for span in added:
            insort(self.spans, span, key=_list_order)
        self._own_count += (sum(1 for s in added if s.annotator == self.annotator)
                            - sum(1 for s in removed if s.annotator == self.annotator))
        selected = self.selected_span_id
        if self.selected_span_id in span_ids and not any(s.id == self.selected_span_id for s in added):
            self.selected_span_id = None
        self.article_view.update_spans(removed, added, self.selected_span_id)
        self.span_list.update_spans(removed, added)
        if not keep_list_position or selected != self.selected_span_id:
            self.span_list.select_span(self.selected_span_id)
        self.inspector.show_span(self.selected_span(), *self._inspected())

    def changed_elsewhere(self) -> bool:
        """Another program changed the project: re-read the labels and the open article's spans.

        Only the spans that differ from those shown are taken out and put in (in place), so the text
        selection the annotator is making, the list's scroll position and the selected span stay.
        Returns whether the labels changed (the window then rebuilds its label menu).
        """
        labels = self.project.labels()
        labels_changed = labels != list(self.labels.values())
        if labels_changed:
            self.reload_labels()
            self.offers.dismiss_suggestions()
        if self.document_id is None:
            return labels_changed
        annotator = None if self.show_others else self.annotator
        fresh = self.project.spans(self.document_id, annotator=annotator)
        if labels_changed:  # colours and names may differ everywhere: paint anew
            self.spans = fresh
            if not any(s.id == self.selected_span_id for s in fresh):
                self.selected_span_id = None
            self._show_spans()
            self.offers.spans_reread(frozenset(s.id for s in fresh), fresh)
            return True
        shown = {s.id: s for s in self.spans}
        stored = {s.id: s for s in fresh}
        removed = [s for s in self.spans if stored.get(s.id) != s]
        added = [s for s in fresh if shown.get(s.id) != s]
        if removed or added:
            changed = frozenset(s.id for s in removed) | frozenset(s.id for s in added)
            self._replace_spans(removed, added, changed, keep_list_position=True)
            self.offers.spans_reread(changed, added)
        self.reload_relations()  # another program's relations, or ones gone with its deleted spans
        return False

    # -- selection ------------------------------------------------------------------------------

    def selected_span(self) -> Span | None:
        return next((s for s in self.spans if s.id == self.selected_span_id), None)

    def select_span(self, span_id: int | None, *, show_text: bool = False) -> None:
        """Make ``span_id`` the selected span in the text and in the list."""
        self.selected_span_id = span_id
        self.article_view.set_selected_span(span_id)
        self.span_list.select_span(span_id)
        span = self.selected_span()
        self.inspector.show_span(span, *self._inspected())
        if span is not None and show_text:
            self.article_view.select_range(span.start, span.end)

    def _inspected(self) -> tuple[str, bool]:
        """The selected span's excerpt and whether it is the annotator's own: what the inspector shows."""
        span = self.selected_span()
        if span is None:
            return "", False
        # a fragment of a discontinuous annotation: the whole annotation, its fragments in text order
        annotation = span.fragment_of or span.id
        fragments = [s for s in self.spans if s.annotator == span.annotator
                     and (s.fragment_of or s.id) == annotation] or [span]
        text = self.article_view.text
        excerpt = " … ".join(text[s.start:s.end] for s in fragments).replace("\n", " ")
        return (excerpt if len(excerpt) <= 40 else excerpt[:40] + "…"), span.annotator == self.annotator

    def inspect_span(self) -> None:
        """I: the inspector of the selected span, its first attribute focused."""
        if self._own_selected_span(self.tr("inspect")) is not None:
            self.coding_tabs.setCurrentWidget(self.inspector)
            self.inspector.focus_first()

    def show_article_codes(self) -> None:
        """K: the Article codes pane, its first question focused."""
        if self.document_id is not None:
            self.coding_tabs.setCurrentWidget(self.article_codes)
            self.article_codes.focus_first()

    def _span_row_selected(self, span_id: int) -> None:
        if self.picker.active:
            self.picker.choose(span_id)
            return
        self.select_span(span_id, show_text=True)

    def _span_clicked(self, span_id: int) -> None:
        if self.picker.active:
            if span_id >= 0:
                self.picker.choose(span_id)
            return
        self.select_span(span_id if span_id >= 0 else None)

    def step_span(self, forward: bool) -> None:
        """Select the span of the next (or previous) row of the span list: reading order, unless the list
        is sorted by another column."""
        ordered = self.span_list.span_model.spans
        if not ordered:
            return
        row = self.span_list.span_model.row_of(self.selected_span_id) if self.selected_span_id else -1
        row = (row + 1) % len(ordered) if forward else (row - 1) % len(ordered)
        self.select_span(ordered[row].id, show_text=True)

    # -- edits ----------------------------------------------------------------------------------

    def run_command(self, command: AnnotationCommand) -> bool:
        """Push ``command`` on the open article's undo stack; False if there is none or the store refused."""
        stack = self.undo_stack()
        if stack is None:
            return False
        command.on_error = self.failed.emit
        try:
            push(stack, command)
        except AnnotatorError as exc:
            self.failed.emit(str(exc))
            return False
        return True

    def _own_selected_span(self, doing: str) -> Span | None:
        span = self.selected_span()
        if span is None:
            self.message.emit(self.tr("Select a span first to {action} it.").format(action=doing))
            return None
        if span.annotator != self.annotator:
            self.message.emit(self.tr("That span is {annotator}'s: other annotators' spans are read-only.")
                              .format(annotator=span.annotator))
            return None
        return span

    def _label_button_clicked(self, name: str) -> None:
        exact = bool(QApplication.keyboardModifiers() & Qt.KeyboardModifier.AltModifier)
        self.apply_label(name, exact=exact)

    def apply_label(self, name: str, *, exact: bool = False) -> None:
        """Tag the selected text (snapped to words unless ``exact``); without a text selection,
        give the selected span this label."""
        if self.document_id is None:
            return
        start, end = self.article_view.selected_range()
        chosen = self.selected_span()
        if chosen is not None and (start, end) == (chosen.start, chosen.end):
            start = end  # the text shows the span chosen in the list: relabel it, do not add a second
        if start == end:
            span = self._own_selected_span(self.tr("label"))
            if span is not None and span.label != name:
                self.run_command(ChangeSpan(self.project, self.notify, span, label=name))
            return
        self.tag(start, end, name, exact=exact)

    def tag(self, start: int, end: int, label: str, *, exact: bool = False) -> Span | None:
        """Store a span over ``start``–``end`` (code points), snapped to whole words unless ``exact``."""
        if self.document_id is None:
            return None
        if not exact:
            start, end = self._snapped(start, end)
        if start == end:
            self.message.emit(
                self.tr("Nothing to tag: the selection holds no word (Alt tags exact characters)."))
            return None
        wanted = (start, end, label, self.annotator)
        same_place = self.spans[bisect_left(self.spans, (start, end), key=lambda s: (s.start, s.end)):
                                bisect_right(self.spans, (start, end), key=lambda s: (s.start, s.end))]
        if any((s.start, s.end, s.label, s.annotator) == wanted for s in same_place):
            self.message.emit(self.tr("Already tagged as {label}.").format(label=label))
            return None
        command = AddSpan(self.project, self.notify, self.document_id, self.annotator, start, end, label)
        if not self.run_command(command):
            return None
        assert command.span is not None
        self.select_span(command.span.id)
        cursor = self.article_view.textCursor()
        cursor.clearSelection()  # so the next label key changes this span's label
        self.article_view.setTextCursor(cursor)
        if self.offers.suggest_enabled:
            self.offers.offer_after_paint(command.span)
        return command.span

    def _snapped(self, start: int, end: int) -> tuple[int, int]:
        """``start``–``end`` widened to whole words; proclitics left out unless the setting keeps them."""
        return snap_to_words(self.article_view.text, start, end,
                             keep_proclitics=self.keep_proclitics_action.isChecked())

    def delete_selected_span(self) -> None:
        """Delete: the selected relation if the Relations list has the focus, else the selected span."""
        if self.relation_list.hasFocus() and self.relation_list.selected_relation_id() is not None:
            self.delete_selected_relation()
            return
        span = self._own_selected_span(self.tr("delete"))
        if span is not None:
            command = DeleteSpan(self.project, self.notify, span)
            # undone, the span comes back selected, as it was: the next key (a label, Delete) acts on it
            command.after_undo = lambda: self._select_if_shown(span.id, span.document_id)
            self.run_command(command)

    def _select_if_shown(self, span_id: int, document_id: str) -> None:
        if document_id == self.document_id and any(s.id == span_id for s in self.spans):
            self.select_span(span_id)

    def set_span_to_selection(self) -> None:
        """Move the selected span's boundaries to the text selected now (snapped like tagging)."""
        span = self._own_selected_span(self.tr("move"))
        if span is None:
            return
        start, end = self.article_view.selected_range()
        exact = bool(QApplication.keyboardModifiers() & Qt.KeyboardModifier.AltModifier)
        if not exact:
            start, end = self._snapped(start, end)
        if start == end:
            self.message.emit(self.tr("Select the text the span should cover, then press E."))
            return
        if (start, end) != (span.start, span.end):
            self.run_command(ChangeSpan(self.project, self.notify, span, start=start, end=end))

    def move_boundary(self, *, at_start: bool, forward: bool) -> None:
        """Move the selected span's start or end one word later (``forward``) or earlier."""
        span = self._own_selected_span(self.tr("resize"))
        if span is None:
            return
        text = self.article_view.text
        position = span.start if at_start else span.end
        edge = word_edge(text, position, start=at_start, forward=forward)
        if at_start and not self.keep_proclitics_action.isChecked():
            # a word starts after its proclitics: from «الولايات» of «والولايات», earlier is the word before
            while edge is not None and after_proclitics(text, edge) == position:
                edge = word_edge(text, edge, start=True, forward=forward)
            edge = None if edge is None else after_proclitics(text, edge)
        if edge is None:
            return
        start, end = (edge, span.end) if at_start else (span.start, edge)
        if start >= end:
            self.message.emit(self.tr("A span cannot be shorter than one word."))
            return
        self.run_command(ChangeSpan(self.project, self.notify, span, start=start, end=end))

    def move_edge_to(self, position: int) -> None:
        """Ctrl+click: move the selected span's nearer edge to take in (or stop at) the clicked word.

        Outside the span the span grows to include the word; inside, the edge nearer the click moves so
        the clicked word becomes the span's first or last word.
        """
        span = self._own_selected_span(self.tr("resize"))
        if span is None:
            return
        word_start, word_end = word_at(self.article_view.text, position)
        if word_start == word_end:
            return
        if not self.keep_proclitics_action.isChecked():
            word_start = min(after_proclitics(self.article_view.text, word_start), position)
        if word_end <= span.start or (word_start < span.end and position - span.start < span.end - position):
            start, end = word_start, span.end
        else:
            start, end = span.start, word_end
        if start < end and (start, end) != (span.start, span.end):
            self.run_command(ChangeSpan(self.project, self.notify, span, start=start, end=end))

    def toggle_done(self) -> None:
        """Mark the article done for the current annotator, or back to in progress."""
        if self.document_id is None:
            return
        done = self.project.status(self.document_id, self.annotator) == Status.DONE
        status = Status.IN_PROGRESS if done else Status.DONE
        self.run_command(SetStatus(self.project, self.notify, self.document_id, self.annotator, status))

    def forget_undo_history(self) -> None:
        """Drop every undo stack (after a schema change the recorded spans may no longer be valid)."""
        for stack in self._stacks.values():
            stack.clear()

    # -- context menu ---------------------------------------------------------------------------

    def _context_menu_entries(self, menu: QMenu, position: int) -> None:
        start, end = self.article_view.selected_range()
        suggestion = self.article_view.suggestion_at(position)
        if suggestion is not None:
            excerpt = self.article_view.text[suggestion.start:suggestion.end][:30]
            act = menu.addAction(self.tr("Accept suggestion: {label} «{excerpt}»")
                                 .format(label=suggestion.label, excerpt=excerpt))
            act.setObjectName("acceptSuggestion")
            act.triggered.connect(
                lambda _c=False, s=suggestion: self.offers.accept_suggestion_at(s.start, s.end))
            act = menu.addAction(self.tr("Dismiss suggestions") + "\tEsc")
            act.triggered.connect(lambda _c=False: self.offers.dismiss_suggestions())
            menu.addSeparator()
        for label in self.labels.values():
            action = menu.addAction(self.tr("Tag as {label}").format(label=label.name)
                                    + (f"\t{label.key}" if label.key else ""))
            action.setEnabled(start != end)
            action.triggered.connect(lambda _c=False, name=label.name: self.apply_label(name))
        covering = [p.span for p in self.article_view.spans_at(position) if p.own]
        for span in reversed(covering):
            menu.addSeparator()
            excerpt = self.article_view.text[span.start:span.end][:30]
            sub = menu.addMenu(self.tr("Span {label}: «{excerpt}»").format(label=span.label, excerpt=excerpt))
            for label in self.labels.values():
                if label.name != span.label:
                    act = sub.addAction(self.tr("Change to {label}").format(label=label.name))
                    act.triggered.connect(lambda _c=False, s=span, n=label.name: self._change_label(s, n))
            act = sub.addAction(self.tr("Set boundaries to selection") + "\tE")
            act.setEnabled(start != end)
            act.triggered.connect(
                lambda _c=False, s=span: (self.select_span(s.id), self.set_span_to_selection()))
            act = sub.addAction(self.tr("Delete") + "\tDelete")
            act.triggered.connect(
                lambda _c=False, s=span: self.run_command(DeleteSpan(self.project, self.notify, s)))

    def _change_label(self, span: Span, name: str) -> None:
        self.run_command(ChangeSpan(self.project, self.notify, span, label=name))

    # -- relations ------------------------------------------------------------------------------

    def reload_relation_types(self) -> None:
        """Read the relation types; a type with a key gets a shortcut that starts a relation of it."""
        self.relation_types = self.coding.codebook.relation_types()
        for action in self.relation_type_actions:
            self.removeAction(action)
            action.deleteLater()
        self.relation_type_actions = []
        for relation_type in self.relation_types:
            if not relation_type.key:
                continue
            action = QAction(self.tr("Relation {type}").format(type=relation_type.name), self)
            action.setObjectName(f"relation_{relation_type.name}")
            action.setShortcut(QKeySequence(relation_type.key))
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
            action.triggered.connect(lambda _c=False, name=relation_type.name: self.start_relation(name))
            self.addAction(action)
            self.relation_type_actions.append(action)

    def reload_relations(self, changed: frozenset[int] | None = None) -> None:
        """Read the article's relations (own, or everyone's in review mode) in one query and show them.

        With ``changed`` (a few relations made or deleted), only those are re-read and redrawn: a new
        relation on an article with 5,000 is painted within a frame.
        """
        if self.document_id is None:
            return
        annotator = None if self.show_others else self.annotator
        if changed is not None and len(changed) <= 50 and self._update_relations(changed, annotator):
            return
        self.relations = self.coding.relations(self.document_id, annotator)
        if not any(r.id == self.selected_relation_id for r in self.relations):
            self.selected_relation_id = None
        self._show_relations()

    def _update_relations(self, changed: frozenset[int], annotator: str | None) -> bool:
        """Add the relations among ``changed`` that are new here, drop those gone; False (nothing done)
        when one shown has changed instead, which takes a full reload."""
        fresh = {r.id: r for r in self.coding.relations_by_id(changed)
                 if r.document_id == self.document_id and annotator in (None, r.annotator)}
        known = {r.id: r for r in self.relations if r.id in changed}
        if any(fresh.get(relation_id, relation) != relation for relation_id, relation in known.items()):
            return False
        added = [relation for relation_id, relation in sorted(fresh.items()) if relation_id not in known]
        removed = set(known) - set(fresh)
        kept = [r for r in self.relations if r.id not in removed]
        self.relations = sorted(kept + added, key=lambda r: r.id)
        if self.selected_relation_id in removed:
            self.selected_relation_id = None
        colours = {t.name: t.color for t in self.relation_types}
        self.article_view.update_relations(added, removed, colours, self.annotator)
        self.article_view.set_selected_relation(self.selected_relation_id)
        self.relation_list.remove_relations(removed)
        self.relation_list.add_relations(added)
        self.relation_list.select_relation(self.selected_relation_id)
        return True

    def _show_relations(self) -> None:
        spans = {s.id: s for s in self.spans}
        colours = {t.name: t.color for t in self.relation_types}
        self.article_view.set_relations(self.relations, spans, colours, self.annotator)
        self.article_view.set_selected_relation(self.selected_relation_id)
        self.relation_list.set_relations(self.relations, spans, colours, self.article_view.text,
                                         self.annotator)
        self.relation_list.select_relation(self.selected_relation_id)

    def selected_relation(self) -> Relation | None:
        return next((r for r in self.relations if r.id == self.selected_relation_id), None)

    def select_relation(self, relation_id: int | None) -> None:
        """Make ``relation_id`` the selected relation in the list and in the text (drawn bold, in view)."""
        self.selected_relation_id = relation_id
        self.article_view.set_selected_relation(relation_id)
        self.relation_list.select_relation(relation_id)
        relation = self.selected_relation()
        head = next((s for s in self.spans if relation is not None and s.id == relation.head), None)
        if head is not None:
            self.article_view.show_range(head.start, head.end)

    def start_relation(self, relation_type: str | None = None) -> None:
        """R (or a type's key): make a relation from the selected span; the picker asks for the other end."""
        if self.document_id is None:
            return
        span = self._own_selected_span(self.tr("link"))
        if span is not None:
            self.picker.start(span, self.relation_types, relation_type)

    def add_relation(self, head_span_id: int, child_span_id: int, relation_type: str) -> Relation | None:
        """Store a relation (one undo step); returns it, None if refused."""
        command = AddRelation(self.project, self.notify, head_span_id, child_span_id, relation_type)
        if not self.run_command(command) or command.relation is None:
            return None
        self.select_relation(command.relation.id)
        self.message.emit(self.tr("Relation “{type}” made.").format(type=relation_type))
        return command.relation

    def delete_selected_relation(self) -> None:
        relation = self.selected_relation()
        if relation is None:
            self.message.emit(self.tr("Select a relation in the Relations list first to delete it."))
            return
        if relation.annotator != self.annotator:
            self.message.emit(self.tr("That relation is {annotator}'s: other annotators' work is read-only.")
                              .format(annotator=relation.annotator))
            return
        self.run_command(DeleteRelation(self.project, self.notify, relation))
