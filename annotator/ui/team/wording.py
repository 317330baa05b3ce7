"""Words the team folder shows: the status-bar notice after a round that merged something (what arrived,
and from whom), and paths set in a sentence."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication

from annotator.operations.team_folder import FileState, SyncReport
from annotator.ui.shell import counts as counted


def isolated(path: Path | str) -> str:
    """``path`` in a left-to-right isolate (LRI…PDI): in an Arabic sentence it still reads /tmp/team."""
    return f"\u2066{path}\u2069"


def arrivals(report: SyncReport) -> str:
    """ "2 new articles, 5 new spans from rana" — or "" when the round merged nothing."""
    senders = sorted({f.annotator for f in report.files if f.state is FileState.MERGED and f.annotator})
    summary = report.summary
    if summary is None or not senders:
        return ""
    translate = QCoreApplication.translate
    parts = []
    if summary.articles_added:
        parts.append(counted.new_articles(summary.articles_added))
    # An annotator's newer file replaces their work on an article whole (its spans are removed and
    # written again), so only the difference says how many spans came or went.
    net = summary.spans_added - summary.spans_removed
    if net > 0:
        parts.append(counted.new_spans(net))
    elif net < 0:
        parts.append(counted.removed_spans(-net))
    if summary.assignments_added:
        parts.append(counted.new_assignments(summary.assignments_added))
    if summary.labels_added:
        parts.append(counted.new_labels(len(summary.labels_added)))
    comma = translate("TeamFolder", ", ")
    names = comma.join(senders)
    if not parts:
        return translate("TeamFolder", "Updated work from {names}").format(names=names)
    return translate("TeamFolder", "{what} from {names}").format(what=comma.join(parts), names=names)
