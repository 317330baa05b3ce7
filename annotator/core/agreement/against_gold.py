"""Each annotator's agreement with gold: span F1 (exact and overlap), overall and per label; relation F1
(exact and overlap), overall and per relation type; Cohen's κ on each span attribute (over the spans
matched exactly and by overlap) and on each article question, with the share of answers equal to gold.

Read from an ordinary agreement report in which gold is one more rater: the pair (annotator, gold)
covers exactly the curated articles that annotator has done. ``against_gold_pairwise`` builds one
report per annotator and gold alone, so that an article question counts wherever the annotator and gold
both answered, whatever other annotators did (span and relation F1 are pairwise either way).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from annotator.core.agreement.data import AgreementInput, pair_only
from annotator.core.agreement.numbers import fixed
from annotator.core.agreement.relation_scores import RELATION_MEASURES
from annotator.core.agreement.report import AgreementReport, Scores, build_report

MEASURES = ("f1_exact", "f1_overlap")
MODES = ("exact", "overlap")


@dataclass(frozen=True)
class AgainstGold:
    """One annotator compared with gold."""

    annotator: str
    scores: Scores
    per_label: dict[str, Scores]
    per_relation_type: dict[str, Scores] = field(default_factory=dict)
    # "label.attribute" → mode ("exact", "overlap") → {"kappa", "n_spans"[, "reasons"]}
    attributes: dict[str, dict[str, dict]] = field(default_factory=dict)
    # question → {"kappa", "agreement", "n_items"[, "reasons"]}
    codes: dict[str, dict] = field(default_factory=dict)


def _with_gold(pairs: list[dict], annotator: str, gold: str) -> dict | None:
    found = next((p for p in pairs if {p["a"], p["b"]} == {annotator, gold}), None)
    return None if found is None else {k: v for k, v in found.items() if k not in ("a", "b")}


def against_gold(report: AgreementReport, gold: str) -> list[AgainstGold]:
    """The (annotator, gold) pairs of ``report``, by annotator name."""
    rows = []
    attributes = (report.attributes or {}).get("per_attribute", {})
    questions = (report.codes or {}).get("per_question", {})
    for pair in report.pairs:
        if gold in (pair.a, pair.b):
            other = pair.b if pair.a == gold else pair.a
            by_attribute = {key: {mode: found for mode in MODES if (found := _with_gold(
                figures.get(mode, {}).get("pairs", []), other, gold))} for key, figures in attributes.items()}
            by_question = {name: found for name, figures in questions.items()
                           if (found := _with_gold(figures.get("pairs", []), other, gold))}
            rows.append(AgainstGold(other, pair.scores, dict(pair.per_label), dict(pair.per_relation_type),
                                    {key: modes for key, modes in by_attribute.items() if modes},
                                    by_question))
    return sorted(rows, key=lambda row: row.annotator)


def against_gold_pairwise(data: AgreementInput, gold: str) -> list[AgainstGold]:
    """Each annotator of ``data`` against ``gold``, each from a report of that pair alone."""
    rows = []
    for name in data.annotators:
        if name != gold:
            rows += against_gold(build_report(pair_only(data, name, gold)), gold)
    return sorted(rows, key=lambda row: row.annotator)


def to_json(rows: list[AgainstGold]) -> list[dict]:
    return [{"annotator": row.annotator, **row.scores.as_dict(MEASURES, n_articles=True),
             "per_label": {label: s.as_dict(MEASURES) for label, s in row.per_label.items()},
             "relations": {**row.scores.as_dict(RELATION_MEASURES), "per_relation_type": {
                 name: s.as_dict(RELATION_MEASURES) for name, s in row.per_relation_type.items()}},
             "attributes": row.attributes, "codes": row.codes}
            for row in rows]


def csv_rows(rows: list[AgainstGold]) -> list[tuple[str, str, str, str, str, str]]:
    """Rows in the agreement CSV shape: scope, item, label, measure, value, reason."""
    out = []

    def add(row: AgainstGold, item: str, measure: str, value: float | None, reason: str) -> None:
        out.append(("gold", row.annotator, item, measure, fixed(value, 4, ""),
                    reason if value is None else ""))

    for row in rows:
        for label, scores in [("", row.scores), *row.per_label.items()]:
            for measure in MEASURES:
                add(row, label, measure, scores.value(measure), scores.reasons.get(measure, ""))
        for name, scores in [("", row.scores), *row.per_relation_type.items()]:
            for measure in RELATION_MEASURES:
                add(row, name, measure, scores.value(measure), scores.reasons.get(measure, ""))
        for key, modes in row.attributes.items():
            for mode, figures in modes.items():
                add(row, key, f"attribute_kappa_{mode}", figures["kappa"],
                    figures.get("reasons", {}).get("kappa", ""))
        for question, figures in row.codes.items():
            for measure in ("kappa", "agreement"):
                add(row, question, f"code_{measure}", figures[measure],
                    figures.get("reasons", {}).get(measure, ""))
    return out


def to_text(rows: list[AgainstGold], labels: tuple[str, ...]) -> str:
    """Tables: one line per annotator and label (``all`` first), with F1 exact and overlap; then, where
    there are any, relation F1 per type, attribute κ and code κ and agreement."""
    if not rows:
        return "no curated article has been done by any of these annotators: nothing to compare with gold"
    lines = [f"{'annotator':<16} {'label':<12} {'articles':>8} {'F1 exact':>9} {'F1 overlap':>10}"]
    for row in rows:
        for label, scores in [("all", row.scores), *((name, row.per_label[name]) for name in labels)]:
            exact, overlap = (scores.value(m) for m in MEASURES)
            lines.append(f"{row.annotator:<16} {label:<12} {row.scores.n_articles:>8} "
                         f"{fixed(exact):>9} {fixed(overlap):>10}")
    if any(row.per_relation_type for row in rows):
        lines += ["", f"{'annotator':<16} {'relation type':<16} {'F1 exact':>9} {'F1 overlap':>10}"]
        for row in rows:
            for name, scores in [("all", row.scores), *row.per_relation_type.items()]:
                exact, overlap = (scores.value(m) for m in RELATION_MEASURES)
                lines.append(f"{row.annotator:<16} {name:<16} {fixed(exact):>9} {fixed(overlap):>10}")
    if any(row.attributes for row in rows):
        lines += ["", f"{'annotator':<16} {'attribute':<24} {'κ exact':>8} {'spans':>6} {'κ overlap':>10} "
                      f"{'spans':>6}"]
        for row in rows:
            for key, modes in row.attributes.items():
                exact, overlap = modes.get("exact", {}), modes.get("overlap", {})
                lines.append(f"{row.annotator:<16} {key:<24} {fixed(exact.get('kappa')):>8} "
                             f"{exact.get('n_spans', 0):>6} {fixed(overlap.get('kappa')):>10} "
                             f"{overlap.get('n_spans', 0):>6}")
    if any(row.codes for row in rows):
        lines += ["", f"{'annotator':<16} {'question':<20} {'κ':>7} {'agreement':>9} {'items':>6}"]
        for row in rows:
            for question, figures in row.codes.items():
                lines.append(f"{row.annotator:<16} {question:<20} {fixed(figures['kappa']):>7} "
                             f"{fixed(figures['agreement']):>9} {figures['n_items']:>6}")
    return "\n".join(lines)
