"""Agreement report with relations and article codes: 1,000 articles × 3 annotators × 40 spans × 20
relations each, against the span-only report on the same spans, measured in the same run: without
intervals, and with the 1,000 bootstrap resamples `annotator agreement` draws by default (every measure's
95% interval, the span measures' included), each followed by the JSON rendering.

Target: the full report (relations exact and overlap, span attributes, article codes) in under 3 s.
"""

from __future__ import annotations

import os
import statistics
import sys
import time
from dataclasses import replace
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))

from agreement import ANNOTATORS, corpus

from annotator.core.agreement.bootstrap import DEFAULT_RESAMPLES
from annotator.core.agreement.data import AgreementInput, StructureCodebook
from annotator.core.agreement.render import report_to_json
from annotator.core.agreement.report import build_report
from annotator.core.structure import (
    DEFAULT_RELATION_TYPES,
    ArticleQuestion,
    AttributeDefinition,
    AttributeKind,
    QuestionKind,
    RelationRef,
    RelationType,
    StructuredCoding,
)

RELATIONS = 20
ROLE = AttributeDefinition("actor", "role", AttributeKind.CHOICE, ("leader", "spokesman", "official"))
TYPES = (*DEFAULT_RELATION_TYPES, RelationType("allied", "#000", directed=False))
QUESTIONS = (ArticleQuestion("stance", QuestionKind.SINGLE, ("مؤيد", "معارض", "محايد")),
             ArticleQuestion("topics", QuestionKind.MULTIPLE, ("iran", "gaza", "oil")))


def with_structure(data: AgreementInput, seed: int = 11) -> AgreementInput:
    """Each annotator links 20 pairs of their spans (mostly the same pairs as the others) and answers
    the two questions."""
    rng = np.random.default_rng(seed)
    articles = []
    for article in data.articles:
        shared = rng.integers(0, 40, (RELATIONS, 2))
        kinds = rng.integers(0, len(TYPES), RELATIONS)
        codings = {}
        for name in ANNOTATORS:
            spans = article.spans[name]
            ends = np.where(rng.random((RELATIONS, 1)) < 0.2, rng.integers(0, 40, (RELATIONS, 2)), shared)
            ends %= len(spans)
            relations = frozenset(RelationRef(spans[h], spans[c], TYPES[k].name)
                                  for (h, c), k in zip(ends.tolist(), kinds.tolist(), strict=True) if h != c)
            codes = frozenset({("stance", (str(rng.choice(QUESTIONS[0].options)),)),
                               ("topics", ("iran", "oil") if rng.random() < 0.5 else ("gaza",))})
            roles = frozenset((ref, "role", ROLE.values[(ref.start + (rng.random() < 0.2)) % 3])
                              for ref in spans if ref.label == "actor")
            codings[name] = StructuredCoding(relations=relations, attributes=roles, codes=codes)
        articles.append(replace(article, codings=codings))
    return replace(data, articles=tuple(articles),
                   codebook=StructureCodebook(relation_types=TYPES, attributes=(ROLE,), questions=QUESTIONS))


def median_time(data: AgreementInput, bootstrap: int, runs: int = 3) -> tuple[float, float, object]:
    """Median and best of ``runs`` reports (built and rendered as --json renders them)."""
    times, report = [], None
    for _ in range(runs):
        start = time.perf_counter()
        report = build_report(data, bootstrap=bootstrap)
        report_to_json(report)
        times.append(time.perf_counter() - start)
    return statistics.median(times), min(times), report


def main() -> None:
    spans_only = corpus()
    full = with_structure(spans_only)
    relations = sum(len(c.relations) for a in full.articles for c in a.codings.values())
    print(f"corpus: {len(full.articles)} articles × {len(ANNOTATORS)} annotators × 40 spans × "
          f"{RELATIONS} relations ({relations} relations in all), 1 span attribute, 2 article questions")
    print(f"machine: {os.cpu_count()} cores, load average {os.getloadavg()[0]:.1f}")
    report = None
    modes = ((0, "no intervals"), (DEFAULT_RESAMPLES, f"{DEFAULT_RESAMPLES} resamples (the CLI's default)"))
    for bootstrap, name in modes:
        baseline, baseline_best, _ = median_time(spans_only, bootstrap)
        ours, best, report = median_time(full, bootstrap)
        print(f"{name}: span-only report (baseline) median {baseline:.3f} s of 3 "
              f"(best {baseline_best:.3f} s)")
        print(f"{name}: full report with relations, attributes and codes median {ours:.3f} s of 3 (best "
              f"{best:.3f} s; target < 3 s); ratio full / span-only {ours / baseline:.2f}, "
              f"{ours - baseline:.3f} s added")
    role = report.attributes["per_attribute"]["actor.role"]["overlap"]
    stance = report.codes["per_question"]["stance"]
    print(f"relation_f1_exact {report.overall.relation_f1_exact:.4f} "
          f"{report.overall.intervals['relation_f1_exact']}, "
          f"relation_f1_overlap {report.overall.relation_f1_overlap:.4f}, "
          f"role alpha (overlap) {role['alpha']:.4f} "
          f"[{role['alpha_ci_low']:.4f}, {role['alpha_ci_high']:.4f}], "
          f"stance alpha {stance['alpha']:.4f} [{stance['alpha_ci_low']:.4f}, {stance['alpha_ci_high']:.4f}]")


if __name__ == "__main__":
    main()
