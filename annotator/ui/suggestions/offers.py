"""The annotation page's suggestions: after a tag, offer its label on the string's other occurrences.

In the open article at once (``core.suggestions``, after the tag's highlight is painted), in the other
articles from a worker thread (``operations.corpus_suggestions``). Nothing is tagged until the
annotator accepts — next, one clicked, all in the article, or all in the corpus after confirming — and every
acceptance is one ``AcceptSuggestions`` command on the article's undo stack (``commands``).
Undoing it offers its places again. All in the corpus stores its spans in a worker behind a progress
dialog (Cancel stores nothing); the command is then pushed on the open article's stack and its undo text
names the articles it reaches.

``SuggestionOffers`` is a controller the page owns: it keeps the offer, the searches and the acceptance
in flight as its own state, and works through the page's public face (its project, annotator, article,
spans and labels, article view and suggestions bar, ``run_command``, ``select_span`` and the ``message``
and ``failed`` signals). Its texts are translated in the page's context.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, Qt, QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMessageBox

from annotator.core.model import Span
from annotator.core.suggestions import NormalisedArticle, Suggestion, still_open, suggest
from annotator.operations.corpus_suggestions import corpus_suggestions, open_places
from annotator.store import Changes, Project
from annotator.ui.annotate.commands import spans_changes
from annotator.ui.shell import counts as counted
from annotator.ui.shell.bidi import left_to_right
from annotator.ui.shell.change_watcher import own_write_done
from annotator.ui.shell.workers import WorkerHandle, reactivate, run_in_worker
from annotator.ui.suggestions.bar import Offer
from annotator.ui.suggestions.commands import WORKER_LIMIT, AcceptSuggestions, store_in_chunks

if TYPE_CHECKING:
    from annotator.ui.annotate.page import AnnotationPage

OFFER_DELAY_MS = 30  # after the tag's highlight: unnoticeable, and the key that follows is not held up
translate = QCoreApplication.translate  # in the page's context, "AnnotationPage": these are its texts


class SuggestionOffers(QObject):
    """What the annotation page offers after a tag, and its acceptance (see the module docstring)."""

    def __init__(self, page: AnnotationPage) -> None:
        """Made by the page's constructor once its bar and article view exist."""
        super().__init__(page)
        self._page = page
        self.suggest_enabled = True
        self.offer: Offer | None = None  # what the suggestions bar offers now
        self._normalised: NormalisedArticle | None = None  # the open article's, made at its first tag
        self._corpus_search: WorkerHandle | None = None  # the last tag's
        self._searches: set[WorkerHandle] = set()  # every search still running
        self._accepting: WorkerHandle | None = None  # a corpus-wide acceptance being stored
        self._offer_due = False  # a tag's offer is scheduled for after its highlight
        self._offer_span: Span | None = None
        self._offer_tries = self._painted_at_tag = 0
        self._offer_timer = QTimer(self, singleShot=True)
        self._offer_timer.timeout.connect(self._offer_when_painted)
        self.suggestion_actions: dict[str, QAction] = {}  # the window's, from the actions table
        self.suggest_action = QAction(translate("AnnotationPage", "Suggest other occurrences"), self,
                                      objectName="suggestAction")
        self.suggest_action.setCheckable(True)
        self.suggest_action.setChecked(True)
        self.suggest_action.setToolTip(
            translate("AnnotationPage", "After a tag, offer its label on the other occurrences"))
        self.suggest_action.toggled.connect(self.set_suggest_enabled)
        self._page.article_view.suggestionClicked.connect(self.accept_suggestion_at)
        self._page.suggestions_bar.acceptNext.connect(self.accept_next_suggestion)
        self._page.suggestions_bar.acceptArticle.connect(self.accept_article_suggestions)
        self._page.suggestions_bar.acceptCorpus.connect(self.accept_corpus_suggestions)
        self._page.suggestions_bar.dismissed.connect(self.dismiss_suggestions)

    def forget_article(self) -> None:
        """Another article is opened: its normalised text is made again at its first tag."""
        self._normalised = None
        self.dismiss_suggestions()

    def spans_reread(self, changed: frozenset[int], spans: list[Span]) -> None:
        """The page re-read ``spans`` after the spans ``changed`` were edited: follow and drop places."""
        self._follow_origin(changed, spans)
        self._drop_taken_suggestions(spans)

    def set_suggest_enabled(self, enabled: bool) -> None:
        """Turn suggestions on or off (View ▸ Suggest other occurrences); off also hides the bar."""
        self.suggest_enabled = enabled
        if self.suggest_action.isChecked() != enabled:
            self.suggest_action.setChecked(enabled)
        self._page.suggestions_bar.set_reserved(enabled)
        if not enabled:
            self.dismiss_suggestions()

    def set_suggestion_actions(self, actions: dict[str, QAction]) -> None:
        """The window's actions (with the table's shortcuts) that act on the offer: enabled while it shows."""
        self.suggestion_actions = actions
        for action in actions.values():
            action.setEnabled(self.offer is not None)
        dismiss = actions.get("dismiss_suggestions")
        if dismiss is not None:
            # Esc dismisses only while the focus is on this page (the text, the span list): in the search
            # box, a dock or a dialog it keeps doing what it does there.
            dismiss.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            self._page.addAction(dismiss)

    def offer_after_paint(self, span: Span) -> None:
        """Make the offer for ``span`` once its highlight is on screen: the tag must show at once (16 ms
        budget); the offer, which reads the whole article (~10 ms for 1 MB), follows OFFER_DELAY_MS later.

        Tags in quick succession make one offer, for the last of them.
        """
        self._offer_due = True
        self._offer_span, self._offer_tries = span, 0
        self._painted_at_tag = self._page.article_view.paint_count
        self._offer_timer.start(OFFER_DELAY_MS)

    def _offer_when_painted(self) -> None:
        view = self._page.article_view
        if view.paint_count == self._painted_at_tag and view.isVisible() and self._offer_tries < 10:
            self._offer_tries += 1  # the highlight is not on screen yet: the offer can wait
            self._offer_timer.start(OFFER_DELAY_MS)
        elif self._offer_span is not None:
            span, self._offer_span = self._offer_span, None
            self.offer_suggestions(span)

    def offer_suggestions(self, span: Span) -> None:
        """Offer ``span``'s label on the other occurrences of its text: this article's now, the other
        articles' when a worker has searched them."""
        self._offer_due = False
        if (not self.suggest_enabled or span.document_id != self._page.document_id
                or span.annotator != self._page.annotator):
            return
        # as it is now: undone? relabelled?
        span = next((s for s in self._page.spans if s.id == span.id), None)
        if span is None:
            return
        text = self._page.article_view.text
        if self._normalised is None:
            self._normalised = NormalisedArticle.of(span.document_id, text)
        tagged = text[span.start:span.end]
        here = suggest(self._normalised, tagged, span.label, self._page.spans, annotator=self._page.annotator,
                       exclude=(span.start, span.end))
        label = self._page.labels.get(span.label)
        self.offer = Offer(tagged, span.label, span.document_id, here, next_from=span.end,
                           colour=label.color if label else "#888888", origin=span)
        if here:
            self._show_offer()
        else:  # shown only if the other articles have some: no bar that appears and vanishes again
            self._hide_offer()
        self._search_other_articles(self.offer)

    def suggestions_pending(self) -> bool:
        """True while the last tag's offer is still being made (its scheduled step or the corpus search)."""
        return self._offer_due or (self._corpus_search is not None and not self._corpus_search.done)

    def _search_other_articles(self, offer: Offer) -> None:
        path, annotator = self._page.project.path, self._page.annotator

        def work(_progress) -> tuple[Offer, list[Suggestion]]:
            with Project.open(path) as project:  # its own connection: this runs in a pool thread
                return offer, corpus_suggestions(project, offer.tagged, offer.label, annotator,
                                                 skip_article=offer.article_id)

        handle = self._corpus_search = run_in_worker(work)
        # the signals must outlive this handle (the next tag replaces it) until the worker has reported
        self._searches.add(handle)
        handle.signals.finished.connect(lambda _result: self._searches.discard(handle))
        handle.signals.failed.connect(lambda _error: self._searches.discard(handle))
        # bound methods, not lambdas: Qt drops the connection if the page is gone when the search ends
        handle.signals.finished.connect(self._found_elsewhere)
        handle.signals.failed.connect(self._search_failed)

    def _search_failed(self, error: Exception) -> None:
        text = translate("AnnotationPage", "Could not search the other articles: {error}")
        self._page.message.emit(text.format(error=left_to_right(str(error))))
        if self.offer is not None and self.offer.elsewhere is None:
            self._found_elsewhere((self.offer, []))

    def _found_elsewhere(self, result: tuple[Offer, list[Suggestion]]) -> None:
        offer, found = result
        if offer is not self.offer:  # dismissed, or another tag since
            return
        offer.elsewhere = found
        self._update_offer()

    def _show_offer(self) -> None:
        offer = self.offer
        assert offer is not None
        self._page.suggestions_bar.show_offer(offer)
        page = self._page
        page.article_view.set_suggestions([(s.start, s.end, s.label) for s in offer.here], page.labels)
        for name, action in self.suggestion_actions.items():
            action.setEnabled(name == "dismiss_suggestions" or page.suggestions_bar.buttons[name].isEnabled())

    def _hide_offer(self) -> None:
        self._page.suggestions_bar.clear()
        if self._page.article_view.suggestions:
            self._page.article_view.set_suggestions([], self._page.labels)
        for action in self.suggestion_actions.values():
            action.setEnabled(False)

    def dismiss_suggestions(self) -> None:
        """Hide the offer; nothing is tagged."""
        self.offer = None
        self._offer_span, self._offer_due = None, False  # and no offer still to come from a tag
        self._offer_timer.stop()
        self._hide_offer()

    def _follow_origin(self, changed: frozenset[int], spans: list[Span]) -> None:
        """After an edit of the span that made the offer (``spans``: those re-read): undone, the offer
        goes; given another label (the next key pressed) or other boundaries, the offer is made again."""
        offer = self.offer
        if offer is None or offer.origin is None or offer.origin.id not in changed:
            return
        span = next((s for s in spans if s.id == offer.origin.id), None)
        if span is None:
            self.dismiss_suggestions()
        elif (span.label, span.start, span.end) != (offer.origin.label, offer.origin.start, offer.origin.end):
            self.offer_after_paint(span)

    def _drop_taken_suggestions(self, spans: list[Span]) -> None:
        """Places that ``spans`` (just added or re-read) now cover with the label stop being offered."""
        offer = self.offer
        if offer is None or not spans:
            return
        here = still_open(offer.here, spans, annotator=self._page.annotator)
        if len(here) == len(offer.here):
            return  # the usual tag elsewhere: nothing to redraw before its highlight
        offer.here = here
        self._update_offer()

    def _update_offer(self) -> None:
        """Show what is left on offer; with nothing left, the bar goes."""
        offer = self.offer
        if offer is None or offer.is_empty():
            self.offer = None  # not dismiss_suggestions(): an offer a tag has scheduled still comes
            self._hide_offer()
        elif offer.here or offer.elsewhere is not None:
            self._show_offer()
        else:
            self._hide_offer()

    def _accept(self, places: list[Suggestion], text: str, stored: tuple[list[Span], Changes] | None = None,
                offer: Offer | None = None) -> list[Span]:
        """Tag ``places`` in one undoable command (``stored``: the spans a worker already added for
        them, with their changes); returns the spans it added."""
        command = AcceptSuggestions(self._page.project, self._page.notify, self._page.annotator, places, text,
                                    offer=offer or self.offer,
                                    stored=stored, on_undone=self._offer_again, on_redone=self._taken_again,
                                    window=self._page.window())
        return command.spans if self._page.run_command(command) else []

    def _offer_again(self, command: AcceptSuggestions) -> None:
        """An acceptance was undone: its places are suggestible again, so its offer comes back with them
        (unless another tag's offer shows now, or the article is not the offer's)."""
        offer = command.offer
        if offer is None or offer.article_id != self._page.document_id or self.offer not in (None, offer):
            return
        if offer.origin is not None and not any(s.id == offer.origin.id for s in self._page.spans):
            return  # the tag that made the offer is gone too
        # 60,000 places come back after a corpus-wide undo: merged by their offsets, no hashing of places
        here_id = offer.article_id
        here = [p for p in command.places if p.article_id == here_id]
        if here:
            merged = {(p.start, p.end): p for p in offer.here + here}
            offer.here = still_open([merged[k] for k in sorted(merged)], self._page.spans,
                                    annotator=self._page.annotator)
        back = [p for p in command.places if p.article_id != here_id]
        if back and offer.elsewhere is not None:
            if offer.elsewhere:
                merged_back = {(p.article_id, p.start, p.end): p for p in offer.elsewhere + back}
                offer.elsewhere = [merged_back[k] for k in sorted(merged_back)]
            else:
                offer.elsewhere = back  # in the offer's order already
        self.offer = offer
        self._update_offer()

    def _taken_again(self, command: AcceptSuggestions) -> None:
        """An undone acceptance was redone: its places are tagged again, no longer on offer."""
        offer = self.offer
        if offer is None or offer is not command.offer:
            return
        taken = {(p.article_id, p.start, p.end) for p in command.places}
        offer.here = [p for p in offer.here if (p.article_id, p.start, p.end) not in taken]
        if offer.elsewhere is not None:
            offer.elsewhere = [p for p in offer.elsewhere if (p.article_id, p.start, p.end) not in taken]
        self._update_offer()

    def accept_next_suggestion(self) -> None:
        """Tag the next suggested place in this article and go to it."""
        offer = self.offer
        place = offer.next_here() if offer is not None else None
        if place is None:
            return
        offer.next_from = place.end
        text = translate("AnnotationPage", "tag suggestion {label}")
        added = self._accept([place], text.format(label=place.label))
        self._go_to(added)

    def accept_suggestion_at(self, start: int, end: int) -> None:
        """Tag the suggested place ``start``–``end`` (clicked, or chosen in the context menu)."""
        offer = self.offer
        place = next((s for s in offer.here if (s.start, s.end) == (start, end)), None) if offer else None
        if place is not None:
            text = translate("AnnotationPage", "tag suggestion {label}")
            self._go_to(self._accept([place], text.format(label=place.label)))

    def _go_to(self, added: list[Span]) -> None:
        if added:
            view = self._page.article_view
            view.setTextCursor(view.cursor_for(added[0].start, added[0].start))
            view.ensureCursorVisible()
            self._page.select_span(added[0].id)

    def accept_article_suggestions(self) -> None:
        """Tag every suggested place in this article, as one undoable command."""
        offer = self.offer
        if offer is None or not offer.here:
            return
        text = translate("AnnotationPage", "tag {suggestions} as {label}")
        self._accept(list(offer.here), text.format(suggestions=counted.suggestions(len(offer.here)),
                                                   label=offer.label))

    def accept_corpus_suggestions(self) -> None:
        """After the annotator confirms the count, tag every suggested place in every article at once."""
        offer = self.offer
        if offer is None:
            return
        if offer.elsewhere is None:
            self._page.message.emit(
                translate("AnnotationPage", "Still searching the other articles; try again in a moment."))
            return
        # what is on offer is kept up to date (the places tagged since are gone from it); the worker
        # checks the other articles' spans again before it stores anything
        places = offer.here + offer.elsewhere
        if not places:
            self.dismiss_suggestions()
            return
        articles = len({s.article_id for s in places})
        question = translate("AnnotationPage", "Tag {places} in {articles} as {label}? "
                             "(One undo takes them all back.)")
        box = QMessageBox(QMessageBox.Icon.Question, translate("AnnotationPage", "Accept all suggestions"),
                          question.format(places=counted.places(len(places)),
                                          articles=counted.articles(articles), label=offer.label),
                          QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel, self._page)
        box.setObjectName("confirmCorpusSuggestions")
        box.setDefaultButton(QMessageBox.StandardButton.Yes)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

        def answered(button: int) -> None:
            if button == QMessageBox.StandardButton.Yes and offer is self.offer:
                self._accept_everywhere(offer, places, articles)

        box.finished.connect(answered)
        box.open()

    def _accept_everywhere(self, offer: Offer, places: list[Suggestion], articles: int) -> None:
        """Tag ``places`` (over ``articles`` articles) from a worker behind a progress dialog; its spans
        then become one command on this article's stack (whose first redo writes nothing)."""
        path, annotator, document_id = self._page.project.path, self._page.annotator, self._page.document_id

        def work(progress) -> tuple[list[Suggestion], list[Span], Changes]:
            with Project.open(path) as project:  # its own connection: this runs in a pool thread
                kept = open_places(project, places, annotator)
                wanted = [(s.article_id, s.start, s.end, s.label) for s in kept]
                added = store_in_chunks(project, annotator, wanted, progress)
            return kept, added, spans_changes(added)  # made here: 60,000 spans take ~70 ms

        label = translate("AnnotationPage", "Tagging {places} in {articles}…")
        handle = run_in_worker(work, progress_dialog=self._page.window(),
                               label=label.format(places=counted.places(len(places)),
                                                  articles=counted.articles(articles)))
        if handle.dialog is not None and len(places) > WORKER_LIMIT:
            handle.dialog.show()  # at once (window-modal): the window takes no edit while the worker writes

        def finished(result: tuple[list[Suggestion], list[Span], Changes]) -> None:
            kept, added, changes = result
            own_write_done(self._page)
            reactivate(self._page.window())
            if self._page.document_id != document_id or self._page.annotator != annotator:
                return  # behind the window-modal dialog the article cannot change: never here
            text = translate("AnnotationPage", "tag {suggestions} in {articles} as {label}")
            text = text.format(suggestions=counted.suggestions(len(added)),
                               articles=counted.articles(len({s.document_id for s in added})),
                               label=offer.label)
            if added:
                self._accept(kept, text, stored=(added, changes), offer=offer)
            self._accepted_everywhere(offer)

        handle.signals.finished.connect(finished)
        handle.signals.failed.connect(
            lambda error: (reactivate(self._page.window()), self._page.failed.emit(str(error))))
        handle.signals.cancelled.connect(lambda: (reactivate(self._page.window()), self._page.message.emit(
            translate("AnnotationPage", "Cancelled: nothing was tagged."))))
        self._accepting = handle  # its signals live until it reports

    def _accepted_everywhere(self, offer: Offer) -> None:
        if self.offer is offer:
            offer.here = still_open(offer.here, self._page.spans, annotator=self._page.annotator)
            offer.elsewhere = []
            self._update_offer()

