"""The counted nouns of the import and export dialogs, in each language's plural forms.

Qt picks the form from ``%n`` in a ``tr(source, "", n)`` call (Arabic has six forms). lupdate only sees
plural forms in ``self.tr(…, n)`` calls of a class, hence the small class; its name is the
translation context.
"""

from __future__ import annotations

from PySide6.QtCore import QObject


class _Counts(QObject):
    """Holds the plural-form sources."""

    def articles(self, n: int) -> str:
        return self.tr("%n article(s)", "", n)

    def spans(self, n: int) -> str:
        return self.tr("%n span(s)", "", n)

    def annotations(self, n: int) -> str:
        return self.tr("%n annotation(s)", "", n)

    def files(self, n: int) -> str:
        return self.tr("%n file(s)", "", n)


def articles(n: int) -> str:
    """ "1 article", "5 articles"."""
    return _Counts().articles(n)


def spans(n: int) -> str:
    """ "1 span", "12 spans"."""
    return _Counts().spans(n)


def annotations(n: int) -> str:
    """ "1 annotation", "5 annotations": one annotator's work on one article each."""
    return _Counts().annotations(n)


def files(n: int) -> str:
    """ "1 file", "3 files"."""
    return _Counts().files(n)
