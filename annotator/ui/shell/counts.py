"""Every count the interface shows, as a counted noun in the language's own plural forms.

Arabic has six plural forms (0, 1, 2, 3–10, 11–99, 100–102…) and English two; "{count} span(s)" is
right in neither. Qt picks the form from ``%n`` in a ``tr(source, "", n)`` call and the .qm of the
language (English has one of its own holding only these forms). Longer sentences take the counted noun
as one placeholder: ``"Copied {spans} of {name}"`` with ``spans=counts.spans(3)``.

lupdate only sees plural forms in ``self.tr(…, n)`` calls of a class, hence the one small class here.
"""

from __future__ import annotations

import functools

from PySide6.QtCore import QObject


class _Counts(QObject):
    """Holds the plural-form sources; its class name is their translation context ("_Counts")."""

    def spans(self, n: int) -> str:
        return self.tr("%n span(s)", "", n)

    def articles(self, n: int) -> str:
        return self.tr("%n article(s)", "", n)

    def other_articles(self, n: int) -> str:
        return self.tr("%n other article(s)", "", n)

    def pairs_of_articles(self, n: int) -> str:
        return self.tr("%n pair(s) of articles", "", n)

    def shared_passages(self, n: int) -> str:
        return self.tr("%n shared passage(s)", "", n)

    def places(self, n: int) -> str:
        return self.tr("%n place(s)", "", n)

    def suggestions(self, n: int) -> str:
        return self.tr("%n suggestion(s)", "", n)

    def tags(self, n: int) -> str:
        return self.tr("%n tag(s)", "", n)

    def matches(self, n: int) -> str:
        return self.tr("%n match(es)", "", n)

    def times(self, n: int) -> str:
        return self.tr("%n time(s)", "", n)

    def waiting(self, n: int) -> str:
        return self.tr("%n waiting", "", n)

    def annotations(self, n: int) -> str:
        return self.tr("%n annotation(s)", "", n)

    def files(self, n: int) -> str:
        return self.tr("%n file(s)", "", n)

    def chart_files(self, n: int) -> str:
        return self.tr("%n chart file(s)", "", n)

    def more_notes(self, n: int) -> str:
        return self.tr("%n more note(s)", "", n)

    def relations(self, n: int) -> str:
        return self.tr("%n relation(s)", "", n)

    def answers(self, n: int) -> str:
        return self.tr("%n answer(s)", "", n)


@functools.cache
def _counts() -> _Counts:
    """One holder for every call: creating a QObject per count cost ~10 µs (a second for 100,000
    article entries)."""
    return _Counts()


def spans(n: int) -> str:
    """ "1 span", "3 spans" (Arabic: «مقطع واحد», «3 مقاطع», «11 مقطعًا»…)."""
    return _counts().spans(n)


def articles(n: int) -> str:
    """ "1 article", "5 articles"."""
    return _counts().articles(n)


def other_articles(n: int) -> str:
    """ "1 other article", "4 other articles"."""
    return _counts().other_articles(n)


def pairs_of_articles(n: int) -> str:
    """ "1 pair of articles", "3 pairs of articles"."""
    return _counts().pairs_of_articles(n)


def shared_passages(n: int) -> str:
    """ "1 shared passage", "7 shared passages"."""
    return _counts().shared_passages(n)


def places(n: int) -> str:
    """ "1 place", "12 places" (where a suggestion would tag)."""
    return _counts().places(n)


def suggestions(n: int) -> str:
    """ "1 suggestion", "8 suggestions"."""
    return _counts().suggestions(n)


def tags(n: int) -> str:
    """ "1 tag", "40 tags"."""
    return _counts().tags(n)


def matches(n: int) -> str:
    """ "1 match", "9 matches" (search hits)."""
    return _counts().matches(n)


def times(n: int) -> str:
    """ "once"-style repetition counts: "1 time", "3 times"."""
    return _counts().times(n)


def waiting(n: int) -> str:
    """ "2 waiting" (gold spans waiting for a decision)."""
    return _counts().waiting(n)


def annotations(n: int) -> str:
    """ "1 annotation", "5 annotations": one annotator's work on one article each."""
    return _counts().annotations(n)


def files(n: int) -> str:
    """ "1 file", "3 files"."""
    return _counts().files(n)


def chart_files(n: int) -> str:
    """ "1 chart file", "6 chart files" (an agreement export)."""
    return _counts().chart_files(n)


def more_notes(n: int) -> str:
    """ "1 more note", "4 more notes" (the end of a list cut short)."""
    return _counts().more_notes(n)


def relations(n: int) -> str:
    """ "1 relation", "12 relations"."""
    return _counts().relations(n)


def answers(n: int) -> str:
    """ "1 answer", "4 answers": one annotator's answer to an article question each."""
    return _counts().answers(n)
