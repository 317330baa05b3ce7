"""What an import would add, or added, in a few lines of the interface language.

Articles, annotations (one annotator's work on one article) and spans are counted apart, each as new
and already in the project, so that five annotations of known articles never read as "5 already
present".
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from annotator.store import ImportSummary
from annotator.ui.shell import counts

MAX_NOTES = 8


translate = QCoreApplication.translate


def summary_lines(summary: ImportSummary, known_annotators: set[str], *, done: bool) -> list[str]:
    """The preview (``done`` False: "to add") or the outcome ("added"), one fact a line.

    ``known_annotators`` are the project's before the import: the others are named as new.
    """
    if done:
        pair = translate("ImportWording", "{new} added, {existing} already in the project")
    else:
        pair = translate("ImportWording", "{new} to add, {existing} already in the project")
    lines = [
        translate("ImportWording", "Articles: {counts}").format(counts=pair.format(
            new=counts.articles(summary.articles_added),
            existing=counts.articles(summary.articles_existing))),
        translate("ImportWording", "Annotations: {counts}").format(counts=pair.format(
            new=counts.annotations(summary.annotations_added),
            existing=counts.annotations(summary.annotations_existing))),
        translate("ImportWording", "Spans: {counts}").format(counts=pair.format(
            new=counts.spans(summary.spans_added), existing=counts.spans(summary.spans_existing))),
    ]
    if summary.annotators:
        names = sorted(summary.annotators)
        new = [name for name in names if name not in known_annotators]
        line = translate("ImportWording", "Annotators: {names}").format(names=", ".join(names))
        if new:
            line += " " + translate("ImportWording", "(new: {names})").format(names=", ".join(new))
        lines.append(line)
    if summary.labels_added:
        names = ", ".join(summary.labels_added)
        lines.append(translate("ImportWording", "New labels: {names}").format(names=names))
    for note in summary.notes[:MAX_NOTES]:
        lines.append("• " + note)
    if len(summary.notes) > MAX_NOTES:
        more = len(summary.notes) - MAX_NOTES
        lines.append(translate("ImportWording", "… and {notes}").format(notes=counts.more_notes(more)))
    return lines


def adds_nothing(summary: ImportSummary) -> bool:
    """True when the files hold nothing the project lacks (importing would change nothing visible)."""
    return not (summary.articles_added or summary.annotations_added or summary.spans_added
                or summary.labels_added)
