"""Each annotator's agreement with gold: span F1 (exact and overlap), overall and per label.

Read from an ordinary agreement report in which gold is one more rater: the pair (annotator, gold)
covers exactly the curated articles that annotator has done.
"""

from __future__ import annotations

from dataclasses import dataclass

from annotator.core.agreement.numbers import fixed
from annotator.core.agreement.report import AgreementReport, Scores

MEASURES = ("f1_exact", "f1_overlap")


@dataclass(frozen=True)
class AgainstGold:
    """One annotator compared with gold."""

    annotator: str
    scores: Scores
    per_label: dict[str, Scores]


def against_gold(report: AgreementReport, gold: str) -> list[AgainstGold]:
    """The (annotator, gold) pairs of ``report``, by annotator name."""
    rows = []
    for pair in report.pairs:
        if gold in (pair.a, pair.b):
            other = pair.b if pair.a == gold else pair.a
            rows.append(AgainstGold(other, pair.scores, dict(pair.per_label)))
    return sorted(rows, key=lambda row: row.annotator)


def to_json(rows: list[AgainstGold]) -> list[dict]:
    return [{"annotator": row.annotator, **row.scores.as_dict(MEASURES, n_articles=True),
             "per_label": {label: s.as_dict(MEASURES) for label, s in row.per_label.items()}}
            for row in rows]


def csv_rows(rows: list[AgainstGold]) -> list[tuple[str, str, str, str, str, str]]:
    """Rows in the agreement CSV shape: scope, item, label, measure, value, reason."""
    out = []
    for row in rows:
        for label, scores in [("", row.scores), *row.per_label.items()]:
            for measure in MEASURES:
                value = scores.value(measure)
                out.append(("gold", row.annotator, label, measure, fixed(value, 4, ""),
                            scores.reasons.get(measure, "") if value is None else ""))
    return out


def to_text(rows: list[AgainstGold], labels: tuple[str, ...]) -> str:
    """A table: one line per annotator and label (``all`` first), with F1 exact and overlap."""
    if not rows:
        return "no curated article has been done by any of these annotators: nothing to compare with gold"
    lines = [f"{'annotator':<16} {'label':<12} {'articles':>8} {'F1 exact':>9} {'F1 overlap':>10}"]
    for row in rows:
        for label, scores in [("all", row.scores), *((name, row.per_label[name]) for name in labels)]:
            exact, overlap = (scores.value(m) for m in MEASURES)
            lines.append(f"{row.annotator:<16} {label:<12} {row.scores.n_articles:>8} "
                         f"{fixed(exact):>9} {fixed(overlap):>10}")
    return "\n".join(lines)
