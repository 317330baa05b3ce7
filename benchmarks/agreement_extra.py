"""AC1, Fleiss' κ and bootstrap 95% intervals on 1,000 articles × 3 annotators (the corpus of
benchmarks/agreement.py: 3,000 characters, 40 spans per annotator).

Prints the report with AC1 + Fleiss + 1,000-resample intervals (α_char, α_u, AC1, Fleiss, F1) beside
the same report without intervals (baseline, same run), the ratio, and what rebuilding the report on
every resample would cost (1,000 × the baseline). Target: AC1 + Fleiss + intervals in under 5 s.
"""

from __future__ import annotations

import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from agreement import ANNOTATORS, ARTICLES, LENGTH, SPANS, corpus

from annotator.core.agreement.bootstrap import DEFAULT_RESAMPLES
from annotator.core.agreement.report import build_report


def median_time(run, repeats: int = 3) -> tuple[float, object]:
    times, result = [], None
    for _ in range(repeats):
        start = time.perf_counter()
        result = run()
        times.append(time.perf_counter() - start)
    return statistics.median(times), result


def main() -> None:
    data = corpus()
    base, _ = median_time(lambda: build_report(data))
    extra, report = median_time(lambda: build_report(data, bootstrap=DEFAULT_RESAMPLES, seed=1))
    print(f"corpus: {ARTICLES} articles × {LENGTH} chars × {len(ANNOTATORS)} annotators × {SPANS} spans")
    print(f"machine: {os.cpu_count()} cores, load average {os.getloadavg()[0]:.1f}")
    print(f"baseline: report without intervals (AC1 and Fleiss included): median {base:.3f} s of 3")
    print(f"report with AC1 + Fleiss + {DEFAULT_RESAMPLES}-resample 95% intervals: median {extra:.3f} s "
          f"of 3 (target < 5 s)")
    print(f"intervals alone: {extra - base:.3f} s; ratio with / without intervals: {extra / base:.2f}")
    print(f"rebuilding the report per resample would take ≈ {DEFAULT_RESAMPLES * base:.0f} s "
          f"({DEFAULT_RESAMPLES * base / max(extra - base, 1e-9):.0f}× the summed-array intervals)")
    overall = report.overall
    for measure in ("alpha_char", "alpha_u", "ac1", "fleiss_kappa", "f1_exact", "f1_overlap"):
        low, high = overall.intervals[measure]
        print(f"  {measure:<13} {overall.value(measure):.4f}  [{low:.4f}, {high:.4f}]")


if __name__ == "__main__":
    main()
