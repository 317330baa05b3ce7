"""Agreement report speed: 1,000 articles × 3,000 characters × 3 annotators × 40 spans each.

Prints the time of the full report (every measure, every scope) beside the `krippendorff` package's
alpha fed the same character matrices (one per label plus the pooled one), and the ratio.
Target: the full report in under 2 s.
"""

from __future__ import annotations

import os
import statistics
import time

import krippendorff
import numpy as np

from annotator.core.agreement.characters import coverage
from annotator.core.agreement.data import AgreementArticle, AgreementInput
from annotator.core.agreement.layout import build_layout
from annotator.core.agreement.report import build_report
from annotator.core.model import SpanRef

ARTICLES, LENGTH, ANNOTATORS, SPANS = 1000, 3000, ("ali", "sara", "omar"), 40
LABELS = ("actor", "mediator", "demand", "denial")


def corpus(seed: int = 7) -> AgreementInput:
    """Arabic-like words with spaces; each annotator marks 40 spans, mostly near a shared set."""
    rng = np.random.default_rng(seed)
    letters = np.array(list("ابتثجحخدذرزسشصضطظعغفقكلمنهوي"))
    articles = []
    for n in range(ARTICLES):
        chars = letters[rng.integers(0, len(letters), LENGTH)]
        chars[rng.random(LENGTH) < 0.18] = " "
        text = "".join(chars)
        shared_starts = rng.integers(0, LENGTH - 60, SPANS)
        shared_lengths = rng.integers(3, 50, SPANS)
        shared_labels = rng.integers(0, len(LABELS), SPANS)
        spans = {}
        for name in ANNOTATORS:
            jitter = rng.integers(-3, 4, (2, SPANS)) * (rng.random(SPANS) < 0.3)
            starts = np.clip(shared_starts + jitter[0], 0, LENGTH - 1)
            ends = np.clip(starts + shared_lengths + jitter[1], starts + 1, LENGTH)
            labels = np.where(rng.random(SPANS) < 0.1, rng.integers(0, len(LABELS), SPANS), shared_labels)
            spans[name] = tuple(sorted({SpanRef(int(s), int(e), LABELS[k])
                                        for s, e, k in zip(starts, ends, labels, strict=True)}))
        articles.append(AgreementArticle(f"a{n}", f"article {n}", text, spans))
    return AgreementInput(LABELS, tuple(articles))


def krippendorff_baseline(data: AgreementInput) -> tuple[float, float]:
    """Seconds for krippendorff.alpha on the same (annotators × characters) matrices, and pooled α."""
    layout = build_layout(data)  # its continuum already holds only the characters that count (no spaces)
    matrices = [np.stack([coverage(layout, layout.select(a, k)) for a in range(len(ANNOTATORS))])
                .astype(float) for k in range(len(LABELS))]
    start = time.perf_counter()
    for matrix in matrices:
        krippendorff.alpha(reliability_data=matrix, level_of_measurement="nominal", value_domain=[0.0, 1.0])
    pooled = krippendorff.alpha(reliability_data=np.concatenate(matrices, axis=1),
                                level_of_measurement="nominal", value_domain=[0.0, 1.0])
    return time.perf_counter() - start, float(pooled)


def main() -> None:
    data = corpus()
    times = []
    for _ in range(3):
        start = time.perf_counter()
        report = build_report(data)
        times.append(time.perf_counter() - start)
    ours = statistics.median(times)
    baseline, pooled = krippendorff_baseline(data)
    print(f"corpus: {ARTICLES} articles × {LENGTH} chars × {len(ANNOTATORS)} annotators × {SPANS} spans")
    print(f"machine: {os.cpu_count()} cores, load average {os.getloadavg()[0]:.1f}")
    print(f"full agreement report (all measures, all scopes): median {ours:.3f} s of 3 "
          f"(best {min(times):.3f} s; target < 2 s)")
    print(f"krippendorff.alpha on the same char matrices (4 labels + pooled): {baseline:.3f} s")
    print(f"ratio report / krippendorff: {ours / baseline:.2f}")
    print(f"alpha_char overall: ours {report.overall.alpha_char:.12f}, krippendorff {pooled:.12f}")
    print(f"alpha_u {report.overall.alpha_u:.4f}, kappa_mean {report.overall.kappa_mean:.4f}, "
          f"f1_exact {report.overall.f1_exact:.4f}, f1_overlap {report.overall.f1_overlap:.4f}")


if __name__ == "__main__":
    main()
