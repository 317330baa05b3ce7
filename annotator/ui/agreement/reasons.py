"""Why a figure is undefined, in the interface's language.

Core gives each undefined figure its reason as an English sentence (also what ``--json`` prints, so it
stays English there). The dashboard shows it through ``reason_text``: every sentence core can give is
listed here for lupdate, in its context "AgreementReasons"; one not listed (a library's own message)
is shown as it came.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

CONTEXT = "AgreementReasons"
# the exact sentences of annotator.core.agreement (tests/ui/agreement/test_reasons.py checks them all)
REASONS = (  # one literal per line: lupdate reads no implicit concatenation
    QT_TRANSLATE_NOOP("AgreementReasons", "no unit was coded by two or more annotators"),
    QT_TRANSLATE_NOOP("AgreementReasons", "fewer than two categories to choose from"),
    QT_TRANSLATE_NOOP("AgreementReasons", "nothing was marked: no annotator marked any of these characters, so there is no agreement to measure (AC1 would read a perfect 1)"),  # noqa: E501
    QT_TRANSLATE_NOOP("AgreementReasons", "no span attributes: the project defines none"),
    QT_TRANSLATE_NOOP("AgreementReasons", "no matched span of this label was marked by two or more annotators"),  # noqa: E501
    QT_TRANSLATE_NOOP("AgreementReasons", "no interval: a bootstrap interval needs at least two articles (resampling a single article draws it every time, so the interval would be the figure itself)"),  # noqa: E501
    QT_TRANSLATE_NOOP("AgreementReasons", "no interval: the figure itself is undefined"),
    QT_TRANSLATE_NOOP("AgreementReasons", "no interval: fewer than half of the resamples give a defined figure"),  # noqa: E501
    QT_TRANSLATE_NOOP("AgreementReasons", "no variation: every counted character has the same value, so chance agreement is total"),  # noqa: E501
    QT_TRANSLATE_NOOP("AgreementReasons", "no character was coded by two or more annotators"),
    QT_TRANSLATE_NOOP("AgreementReasons", "the pair shares no counted character"),
    QT_TRANSLATE_NOOP("AgreementReasons", "no article questions: the project defines none"),
    QT_TRANSLATE_NOOP("AgreementReasons", "no article was answered by all of its counted annotators"),
    QT_TRANSLATE_NOOP("AgreementReasons", "the pair answered no article in common"),
    QT_TRANSLATE_NOOP("AgreementReasons", "no variation: every answer is the same, so chance agreement is total"),  # noqa: E501
    QT_TRANSLATE_NOOP("AgreementReasons", "neither annotator marked a span"),
    QT_TRANSLATE_NOOP("AgreementReasons", "fewer than two annotators marked a span"),
    QT_TRANSLATE_NOOP("AgreementReasons", "no relation: neither annotator linked two spans here"),
    QT_TRANSLATE_NOOP("AgreementReasons", "no relation types: the project defines none, so there are no relations to compare"),  # noqa: E501
    QT_TRANSLATE_NOOP("AgreementReasons", "span attribute agreement was not computed for this report"),
    QT_TRANSLATE_NOOP("AgreementReasons", "fewer than two annotators"),
    QT_TRANSLATE_NOOP("AgreementReasons", "no annotator marked a span with this label"),
    QT_TRANSLATE_NOOP("AgreementReasons", "no expected disagreement (the spans leave no room for chance)"),
    QT_TRANSLATE_NOOP("AgreementReasons", "no article was finished by all counted annotators; choose some with --annotators"),  # noqa: E501
    QT_TRANSLATE_NOOP("AgreementReasons", "not computed for this scope"),
    QT_TRANSLATE_NOOP("AgreementReasons", "a corpus figure only: one article holds too few items of a question to estimate chance agreement from; choose code_agreement to compare articles"),  # noqa: E501
    QT_TRANSLATE_NOOP("AgreementReasons", "not every counted annotator of this article answered the question"),  # noqa: E501
    QT_TRANSLATE_NOOP("AgreementReasons", "the pair coded no unit in common here"),
    QT_TRANSLATE_NOOP("AgreementReasons", "no part of this measure has a defined figure here, so there is no mean of them"),  # noqa: E501
)


def reason_text(reason: str | None) -> str:
    """``reason`` as the interface's language says it ("" for none)."""
    if not reason:
        return ""
    return QCoreApplication.translate(CONTEXT, reason) if reason in REASONS else reason
