"""A tab whose page is built the first time it is shown.

The agreement dashboard and the curation page import pyqtgraph and scipy (about half a second); building
them only when the reviewer opens their tab keeps that out of every annotator's start-up.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QVBoxLayout, QWidget

from annotator.store import Changes


class LazyTab(QWidget):
    """Holds a page factory; ``page`` builds it on first use and passes it later changes."""

    def __init__(self, build: Callable[[], QWidget], apply_changes: str = "apply_changes",
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._build = build
        self._apply_name = apply_changes
        self._page: QWidget | None = None
        self._changed_elsewhere = False  # another program wrote while the built page was hidden
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)

    @property
    def built(self) -> bool:
        return self._page is not None

    @property
    def page(self) -> QWidget:
        """The page, built now if it was not yet."""
        if self._page is None:
            self._page = self._build()
            self._layout.addWidget(self._page)
        return self._page

    def showEvent(self, event) -> None:
        self.page  # noqa: B018 - building the page is the point
        if self._changed_elsewhere:
            self._changed_elsewhere = False
            self._page.changed_elsewhere()
        super().showEvent(event)

    def changed_elsewhere(self) -> None:
        """Another program changed the project: the page re-reads now if shown, else when next shown
        (a page not built yet reads everything fresh when it is)."""
        if self._page is None:
            return
        if self.isVisible():
            self._page.changed_elsewhere()
        else:
            self._changed_elsewhere = True

    def apply_changes(self, changes: Changes) -> None:
        """Pass a change on to the page once it exists; before that it reads fresh data when built."""
        if self._page is not None:
            getattr(self._page, self._apply_name)(changes)
