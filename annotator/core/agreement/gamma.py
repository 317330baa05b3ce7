"""γ (gamma; Mathet, Widlöcher & Métivier 2015, *Computational Linguistics* 41(3)): agreement for
unitized spans that may overlap or nest, through the optional ``pygamma-agreement`` package.

γ aligns every annotator's units (spans) one to one at least cost — positional plus categorical
dissimilarity — and compares that disorder with the disorder of randomly shuffled continua. It is the
measure to read when spans overlap or nest, where α_u (which merges a rater's overlapping units) and
character α lose information. It is slow (an integer program per continuum plus the random samples),
so callers run it in a worker with progress: ``build_report(..., gamma=True)`` ticks once per article.

pygamma is noisy: without the CBC solver (package cylp, rarely installed) it logs "CBC solver not
installed. Using GLPK." on the root logger for every alignment (thousands per report), and GLPK,
called through cvxopt, writes its solver log straight to the C-level standard output now and then,
which broke ``agreement --gamma --json``. Both are silenced for the duration of the computation.
"""

from __future__ import annotations

import ctypes
import logging
import os
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager, suppress

from annotator.core.agreement.data import AgreementArticle, AgreementInput
from annotator.core.agreement.white_space import counted_before
from annotator.core.errors import AnnotatorError

MISSING = ("γ (gamma) needs the optional package pygamma-agreement, which is not installed: "
           "install it with  pip install 'annotator[gamma]'  (or leave out --gamma)")
TOO_FEW = "fewer than two annotators marked a span"
FAILED = "pygamma-agreement could not compute γ here: "
FAST_ABOVE = 500  # units; above this the corpus uses fast-gamma, below it the canonical algorithm
SEED = 0  # pygamma draws its random continua from numpy's global generator; a fixed seed repeats them


def require_pygamma() -> None:
    """Raise ``AnnotatorError`` with install instructions unless pygamma-agreement can be imported."""
    try:
        import pygamma_agreement  # noqa: F401
    except ImportError as error:
        raise AnnotatorError(MISSING) from error


# One computation at a time redirects the process's standard output (the redirect is per process).
_SOLVER_OUTPUT = threading.Lock()


class _PygammaNotes(logging.Filter):
    """Drops the records pygamma-agreement logs on the root logger (its "CBC solver not installed")."""

    def filter(self, record: logging.LogRecord) -> bool:
        return "pygamma_agreement" not in record.pathname


def _flush_c_output() -> None:
    """Flush the C library's buffered standard output (GLPK writes there, not through Python)."""
    with suppress(OSError, AttributeError, TypeError):  # no C library to load by that name (Windows)
        ctypes.CDLL(None).fflush(None)


@contextmanager
def _solver_quiet() -> Iterator[None]:
    """Silence pygamma's log records and the solver's C-level standard output while the block runs."""
    root = logging.getLogger()
    notes = _PygammaNotes()
    # ``logging.warning`` would otherwise configure a stderr handler on the root logger for good.
    placeholder = logging.NullHandler() if not root.handlers else None
    with _SOLVER_OUTPUT:
        root.addFilter(notes)
        if placeholder is not None:
            root.addHandler(placeholder)
        saved = None
        try:
            sys.stdout.flush()
            saved = os.dup(1)
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, 1)
            os.close(devnull)
        except (OSError, ValueError, AttributeError):  # no standard output to redirect (a windowed app)
            saved = None
        try:
            yield
        finally:
            if saved is not None:
                _flush_c_output()
                os.dup2(saved, 1)
                os.close(saved)
            if placeholder is not None:
                root.removeHandler(placeholder)
            root.removeFilter(notes)


def gamma_of_units(units: list[tuple[str, int, int, str]], annotators: tuple[str, ...], *,
                   fast: bool = False) -> tuple[float | None, str]:
    """γ of units (annotator, start, end, label) on one continuum; ``(gamma, "")`` or ``(None, reason)``.

    Uses pygamma's defaults (combined categorical dissimilarity, α = β = 1) and its 'medium' precision.
    """
    require_pygamma()
    import numpy as np
    from pyannote.core import Segment
    from pygamma_agreement import CombinedCategoricalDissimilarity, Continuum

    units = [u for u in units if u[2] > u[1]]
    if len({u[0] for u in units}) < 2:
        return None, TOO_FEW
    continuum = Continuum()
    for name in annotators:
        continuum.add_annotator(name)
    for name, start, end, label in units:
        continuum.add(name, Segment(start, end), label)
    np.random.seed(SEED)
    try:
        with _solver_quiet():
            result = continuum.compute_gamma(CombinedCategoricalDissimilarity(), precision_level="medium",
                                             fast=fast)
    except Exception as error:  # pygamma raises bare exceptions (solver, degenerate continua)
        return None, FAILED + (str(error) or type(error).__name__)
    return float(result.gamma), ""


def _units(article: AgreementArticle, offset: int = 0) -> list[tuple[str, int, int, str]]:
    """The article's spans as (annotator, start, end, label) on its non-white-space characters (the
    agreement figures' white-space rule), shifted by ``offset``."""
    counted = counted_before(article.text).tolist()
    return [(name, offset + counted[s.start], offset + counted[s.end], s.label)
            for name, spans in article.spans.items() for s in spans]


def article_gamma(article: AgreementArticle) -> tuple[float | None, str]:
    """γ of one article's counted annotators (offsets in non-white-space code points)."""
    return gamma_of_units(_units(article), article.annotators)


def corpus_gamma(data: AgreementInput) -> tuple[float | None, str]:
    """γ of the whole corpus: the articles every counted annotator finished, laid end to end as one
    continuum (as α_u does); with more than ``FAST_ABOVE`` units pygamma's fast-gamma algorithm, which
    is meant for long continua (and compiles its own code on first use, so small corpora skip it)."""
    annotators = data.annotators
    full = [a for a in data.articles if a.annotators == annotators]
    if not full:
        return None, "no article was finished by all counted annotators; choose some with --annotators"
    units, offset = [], 0
    for article in full:
        units += _units(article, offset)
        offset += int(counted_before(article.text)[-1])
    return gamma_of_units(units, annotators, fast=len(units) > FAST_ABOVE)
