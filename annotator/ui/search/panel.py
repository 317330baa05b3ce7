"""The Search dock: Arabic-normalised search over the whole corpus, click a hit to jump to it.

Typing waits a moment (DEBOUNCE_MS) and then searches in a worker thread on the panel's own connection
to the project file (a common word over 10,000 articles takes ~100 ms; the GUI thread never waits for
it); a newer query makes older answers stale, and they are dropped. Each hit shows its article's title
and the words around the match with the match in bold, right-to-left. Clicking it (or Enter) opens the
article in the Annotate tab with exactly the match selected and scrolled into view, so a label key
tags it at once. The label filter turns the search into "every span of this label that contains …".
"""

from __future__ import annotations

import html
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, QRectF, QSize, Qt, QThreadPool, QTimer, SignalInstance
from PySide6.QtGui import QAbstractTextDocumentLayout, QPainter, QPalette, QTextDocument
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDockWidget,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from annotator.core.search import SearchHit, SearchResult
from annotator.store import Changes, Project
from annotator.store.search import search
from annotator.ui.shell import counts as counted
from annotator.ui.shell.bidi import left_to_right
from annotator.ui.shell.workers import Progress, WorkerHandle, run_in_worker

if TYPE_CHECKING:
    from annotator.ui.shell.main_window import MainWindow

DEBOUNCE_MS = 250
LIMIT = 200  # hits listed; the count above the list covers them all
TITLE_CHARS = 70
HIT_ROLE = Qt.ItemDataRole.UserRole
HTML_ROLE = Qt.ItemDataRole.UserRole + 1


class SearchPanel(QWidget):
    """A search box, a label filter, a count and the list of hits."""

    def __init__(self, project: Project, open_hit: Callable[[SearchHit], None],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("searchPanel")
        self.setMinimumWidth(340)  # room for a line of context either side of a match
        self.project = project
        self.open_hit = open_hit
        self.result: SearchResult | None = None
        self._serial = 0  # the latest request; answers to older ones are dropped
        self._reader = _Reader(project.path)  # the worker's own connection, opened on first use
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)  # one search at a time on the reader's connection
        self._handles: set[WorkerHandle] = set()

        self.box = QLineEdit(objectName="searchBox")
        self.box.setPlaceholderText(self.tr("Search all articles…"))
        self.box.setClearButtonEnabled(True)
        self.box.setToolTip(self.tr("Harakat, tatweel and the forms of alef, ya and ta marbuta are ignored; "
                                    "words are found inside longer words too"))
        self.label_filter = QComboBox(objectName="searchLabel")
        self.label_filter.setToolTip(self.tr("Search any text, or only the spans of one label"))
        self.count = QLabel(objectName="searchCount")
        self.count.setWordWrap(True)
        self.results = QListWidget(objectName="searchResults")
        self.results.setItemDelegate(HitDelegate(self.results))
        self.results.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.results.setUniformItemSizes(False)
        self.results.setWordWrap(True)

        top = QHBoxLayout()
        top.setContentsMargins(0, 0, 0, 0)
        top.addWidget(self.box, 1)
        top.addWidget(self.label_filter)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(top)
        layout.addWidget(self.count)
        layout.addWidget(self.results, 1)

        self._timer = QTimer(self, singleShot=True, interval=DEBOUNCE_MS)
        self._timer.timeout.connect(self.run_search)
        self.box.textChanged.connect(lambda _text: self._timer.start())
        self.box.returnPressed.connect(self._search_or_open_first)
        self.label_filter.currentIndexChanged.connect(lambda _i: self.run_search())
        self.results.itemActivated.connect(self._activate)
        self.results.itemClicked.connect(self._activate)
        self.fill_labels()
        self._show(None)

    # -- filters --------------------------------------------------------------------------------

    def fill_labels(self) -> None:
        """The label filter: "Any text", then each label of the schema (kept selected if it still exists)."""
        current = self.label_filter.currentData()
        self.label_filter.blockSignals(True)
        self.label_filter.clear()
        self.label_filter.addItem(self.tr("Any text"), None)
        for label in self.project.labels():
            self.label_filter.addItem(self.tr("Spans: {label}").format(label=label.name), label.name)
        index = self.label_filter.findData(current) if current is not None else 0
        self.label_filter.setCurrentIndex(max(index, 0))
        self.label_filter.blockSignals(False)

    def apply_changes(self, changes: Changes) -> None:
        """New articles, labels or spans can change the answer: search again if one is shown."""
        if changes.labels:
            self.fill_labels()
        if self.box.text().strip() and (changes.documents or changes.labels or changes.spans):
            self._timer.start()

    def changed_elsewhere(self, labels_changed: bool) -> None:
        """Another program wrote to the project: any article or span may differ, so search again."""
        if labels_changed:
            self.fill_labels()
        if self.box.text().strip():
            self._timer.start()

    # -- searching ------------------------------------------------------------------------------

    def run_search(self) -> None:
        """Search for the box's text now, in the worker; the list fills when the answer comes back."""
        self._timer.stop()
        query, label = self.box.text(), self.label_filter.currentData()
        self._serial += 1
        if not query.strip():
            self._show(None)
            return
        self.count.setText(self.tr("Searching…"))
        reader = self._reader

        def work(_progress: Progress) -> SearchResult:
            # the page first, read only as far as it needs; the count over the whole corpus follows
            return search(reader.project(), query, label=label, limit=LIMIT, totals=False)

        self._start(work, lambda result: self._show(result, query, label))

    def _start(self, work: Callable[[Progress], SearchResult],
               answered: Callable[[SearchResult], None]) -> None:
        serial = self._serial
        handle = run_in_worker(work, pool=self._pool, owner=self)
        # Keep the handle until it has answered (its signals die with the panel, not with the handle).
        self._handles.add(handle)
        handle.signals.finished.connect(lambda result: self._answer(serial, result, handle, answered))
        handle.signals.failed.connect(lambda exc: self._failed(serial, exc, handle))

    def _answer(self, serial: int, result: SearchResult, handle: WorkerHandle,
                answered: Callable[[SearchResult], None]) -> None:
        self._handles.discard(handle)
        if serial == self._serial:
            answered(result)

    def _count(self, query: str, label: str | None) -> None:
        """Count every match of the query shown (after its first page) in the worker."""
        self.count.setText(self.tr("{shown} listed · counting…").format(shown=counted.matches(
            len(self.result.hits))) if self.result is not None and self.result.hits else self.tr("Counting…"))
        reader = self._reader

        def work(_progress: Progress) -> SearchResult:
            return search(reader.project(), query, label=label, limit=0)

        self._start(work, self._show_totals)

    def _show_totals(self, totals: SearchResult) -> None:
        if self.result is None:
            return
        self.result = SearchResult(self.result.query, self.result.hits, totals.total, totals.articles)
        self._show_count(self.result)

    def _failed(self, serial: int, exc: BaseException, handle: WorkerHandle) -> None:
        self._handles.discard(handle)
        if serial == self._serial:
            self.results.clear()
            self.count.setText(self.tr("Search failed: {error}").format(error=left_to_right(str(exc))))

    def _show(self, result: SearchResult | None, query: str = "", label: str | None = None) -> None:
        self.result = result
        self.results.clear()
        if result is None:
            self.count.setText(self.tr("Type a word or phrase to search every article."))
            return
        if result.counted or not result.hits:
            # no hit on the page means none anywhere (the page read every candidate): nothing to count
            self._show_count(result if result.counted else SearchResult(result.query, (), 0, 0))
        else:
            self._count(query, label)
        article = None
        for hit in result.hits:
            if hit.article_id != article:  # a heading per article: its title, once
                article = hit.article_id
                heading = QListWidgetItem()
                heading.setFlags(Qt.ItemFlag.NoItemFlags)  # not selectable; the arrow keys pass over it
                heading.setData(HTML_ROLE, title_html(hit.title))
                heading.setToolTip(hit.title)
                self.results.addItem(heading)
            item = QListWidgetItem()
            item.setData(HIT_ROLE, hit)
            item.setData(HTML_ROLE, hit_html(hit))
            item.setToolTip(hit.title)
            self.results.addItem(item)

    def _show_count(self, result: SearchResult) -> None:
        labelled = self.label_filter.currentData() is not None
        if result.total == 0:
            self.count.setText(self.tr("No spans contain it.") if labelled else self.tr("No matches."))
        else:
            text = self._count_text(labelled, result.total, result.articles)
            if len(result.hits) < result.total:
                text += self.tr(" (the first {shown} are listed)").format(shown=len(result.hits))
            self.count.setText(text)

    def _count_text(self, labelled: bool, total: int, articles: int) -> str:
        if total == 1:
            return self.tr("1 span contains it") if labelled else counted.matches(1)
        found = counted.spans(total) if labelled else counted.matches(total)
        return self.tr("{found} in {articles}").format(found=found, articles=counted.articles(articles))

    def _search_or_open_first(self) -> None:
        if self._timer.isActive() or self.result is None:
            self.run_search()
        elif self.results.count() > 1:  # row 0 is the first article's heading; row 1 its first hit
            self.results.setCurrentRow(1)
            self._activate(self.results.item(1))

    def _activate(self, item: QListWidgetItem | None) -> None:
        hit = item.data(HIT_ROLE) if item is not None else None
        if hit is not None:  # an article heading carries none
            self.open_hit(hit)

    def focus_box(self) -> None:
        """Put the cursor in the search box with its text selected (the dock's shortcut)."""
        self.box.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.box.selectAll()

    def wait_idle(self, msecs: int = 5000) -> bool:
        """Wait for the search in flight (tests, closing)."""
        return self._pool.waitForDone(msecs)

    def close_reader(self) -> None:
        """Close the worker's connection (after waiting for it to be idle)."""
        self.wait_idle()
        self._reader.close()


class _Reader:
    """The search worker's own connection to the project file (SQLite connections are per thread)."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._project: Project | None = None

    def project(self) -> Project:
        if self._project is None:
            self._project = Project.open(self.path)
        return self._project

    def close(self) -> None:
        if self._project is not None:
            self._project.close()
            self._project = None


def title_html(title: str) -> str:
    """An article heading in the list: its title, shortened to one line's worth."""
    if len(title) > TITLE_CHARS:
        title = title[:TITLE_CHARS].rstrip() + "…"
    return f'<p dir="rtl" align="right" style="margin:0; font-weight:600">{html.escape(title)}</p>'


def hit_html(hit: SearchHit) -> str:
    """A hit as right-to-left rich text: the words around it with the match marked (and whose span)."""
    whose = ""
    if hit.label is not None:  # offsets are left out: the context places the match better than numbers
        whose = (f' <span style="font-size:small; color:%%muted%%">— {html.escape(hit.label)} · '
                 f'{html.escape(hit.annotator or "")}</span>')
    return (
        f'<p dir="rtl" align="right" style="margin:0">{html.escape(hit.before)}'
        f'<b style="background:%%mark%%">{html.escape(hit.match)}</b>{html.escape(hit.after)}{whose}</p>'
    )


class HitDelegate(QStyledItemDelegate):
    """Paints a hit's rich text (shaped Arabic, right-aligned, the match in bold) in the list's width."""

    MARGIN = 6

    def _document(self, option: QStyleOptionViewItem, index: QModelIndex, width: int) -> QTextDocument:
        palette, active = option.palette, QPalette.ColorGroup.Active  # headings are "disabled" items
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        colour = palette.color(active, QPalette.ColorRole.HighlightedText if selected
                               else QPalette.ColorRole.Text)
        muted = colour if selected else palette.color(active, QPalette.ColorRole.PlaceholderText)
        mark = "transparent" if selected else "rgba(255, 214, 10, 110)"
        document = QTextDocument()
        document.setDefaultFont(option.font)
        document.setDefaultStyleSheet(f"p {{ color: {colour.name()}; }}")
        document.setHtml(str(index.data(HTML_ROLE)).replace("%%muted%%", muted.name())
                         .replace("%%mark%%", mark))
        document.setDocumentMargin(self.MARGIN)
        document.setTextWidth(max(width, 50))
        return document

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex) -> None:
        self.initStyleOption(option, index)
        option.text = ""
        widget = option.widget
        style = widget.style() if widget is not None else None
        if index.data(HIT_ROLE) is None:  # an article heading: a shaded band
            painter.fillRect(option.rect, option.palette.color(QPalette.ColorGroup.Active,
                                                               QPalette.ColorRole.AlternateBase))
        elif style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, option, painter, widget)
        document = self._document(option, index, option.rect.width())
        painter.save()
        painter.translate(option.rect.topLeft())
        context = QAbstractTextDocumentLayout.PaintContext()
        context.clip = QRectF(0, 0, option.rect.width(), option.rect.height())
        document.documentLayout().draw(painter, context)
        painter.restore()
        if widget is not None:
            painter.save()
            painter.setPen(option.palette.color(QPalette.ColorRole.Mid))
            painter.drawLine(option.rect.bottomLeft(), option.rect.bottomRight())
            painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex) -> QSize:
        self.initStyleOption(option, index)
        view = option.widget
        width = view.viewport().width() if view is not None else option.rect.width()
        document = self._document(option, index, width)
        return QSize(width, int(document.size().height()) + 1)


class SearchDock(QDockWidget):
    """The dock holding the panel: hidden until opened (Ctrl+Shift+F, Article ▸ Search all articles)."""

    WIDTH = 400

    def __init__(self, panel: SearchPanel, window: QMainWindow) -> None:
        super().__init__(window, objectName="searchDock")
        self.setWindowTitle(self.tr("Search"))
        self.panel = panel
        self.setWidget(panel)
        self.setFeatures(QDockWidget.DockWidgetFeature.DockWidgetMovable
                         | QDockWidget.DockWidgetFeature.DockWidgetClosable)
        self._sized = False

    def open(self) -> None:
        """Show the dock (a comfortable width the first time) with the cursor in the search box."""
        self.show()
        self.raise_()
        if not self._sized:
            self._sized = True
            window = self.parentWidget()
            if isinstance(window, QMainWindow):  # after the layout has placed the newly shown dock
                QTimer.singleShot(0, lambda: window.resizeDocks([self], [self.WIDTH],
                                                                Qt.Orientation.Horizontal))
        self.panel.focus_box()


def add_search_dock(window: QMainWindow, project: Project, open_hit: Callable[[SearchHit], None],
                    changes_signal: SignalInstance) -> SearchDock:
    """Put a (hidden) Search dock on ``window``'s left; it follows ``changes_signal(Changes)``."""
    panel = SearchPanel(project, open_hit)
    dock = SearchDock(panel, window)
    window.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, dock)
    dock.hide()
    changes_signal.connect(panel.apply_changes)
    reader, pool = panel._reader, panel._pool
    # Plain Python objects in the slot: the panel's wrapper is gone by the time the window is.
    window.destroyed.connect(lambda *_: (pool.waitForDone(5000), reader.close()))
    return dock


def open_hit_in(window: MainWindow, hit: SearchHit) -> None:
    """Open ``hit``'s article in the Annotate tab of a MainWindow and select exactly the match."""
    window.articles.select(hit.article_id)  # even when the status filter would leave it out
    window.tabs.setCurrentWidget(window.page)
    if window.page.document_id == hit.article_id:
        view = window.page.article_view
        view.select_range(hit.start, hit.end)
        # Centred rather than on the edge where ensureCursorVisible leaves it: the context shows too.
        bar = view.verticalScrollBar()
        bar.setValue(bar.value() + view.cursorRect().center().y() - view.viewport().height() // 2)
        view.setFocus(Qt.FocusReason.OtherFocusReason)

