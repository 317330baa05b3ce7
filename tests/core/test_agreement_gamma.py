"""γ through pygamma-agreement (the `gamma` extra, also in the test extra). Slow: numba compiles
pygamma's alignment code on first use (~30 s), so every check shares one report."""

from __future__ import annotations

import pytest

from annotator.core.agreement.data import AgreementArticle, AgreementInput
from annotator.core.agreement.render import report_to_json
from annotator.core.agreement.report import build_report
from annotator.core.model import SpanRef as S

pytest.importorskip("pygamma_agreement", reason="γ needs the gamma extra: run `make test-gamma`")
pytestmark = pytest.mark.slow

TEXT = "قال وزير الخارجية إن المفاوضات مع الوسطاء ستستأنف غدا"
SAME = (S(4, 17, "actor"), S(21, 30, "demand"))


@pytest.fixture(scope="module")
def report():
    data = AgreementInput(("actor", "demand"), (
        AgreementArticle("same", "same", TEXT, {"ali": SAME, "sara": SAME}),
        AgreementArticle("apart", "apart", TEXT, {"ali": (S(0, 3, "actor"), S(21, 30, "demand")),
                                                  "sara": (S(34, 41, "demand"), S(44, 50, "actor"))}),
        AgreementArticle("empty", "empty", TEXT, {"ali": (), "sara": ()}),
    ))
    steps = []
    result = build_report(data, progress=lambda done, total: steps.append((done, total)), gamma=True)
    return result, steps


def test_identical_annotations_have_gamma_one_and_disjoint_ones_less(report) -> None:
    result, _ = report
    gammas = {a.id: a.scores.gamma for a in result.articles}
    assert gammas["same"] == pytest.approx(1.0)
    assert gammas["apart"] < 0.5
    assert result.overall.gamma is not None and gammas["apart"] < result.overall.gamma < 1.0


def test_article_without_spans_has_no_gamma_and_says_why(report) -> None:
    result, _ = report
    empty = result.articles[2].scores
    assert empty.gamma is None and "fewer than two annotators" in empty.reasons["gamma"]


def test_gamma_reports_progress_per_article_and_appears_in_json(report) -> None:
    result, steps = report
    assert steps[-1][0] == steps[-1][1] and len(steps) == steps[-1][1]
    document = report_to_json(result)
    assert document["overall"]["gamma"] == result.overall.gamma
    assert document["per_article"][0]["gamma"] == pytest.approx(1.0)


def test_agreement_gamma_prints_only_the_report(tmp_path, capfd) -> None:
    """pygamma without the CBC solver logged "CBC solver not installed" thousands of times and GLPK's
    log reached standard output, so `--json` was not JSON: the report alone reaches the terminal."""
    import json
    import logging
    import re

    from annotator.cli.main import main
    from annotator.operations.import_corpus import seed_files

    seed = seed_files()[1].read_text(encoding="utf-8").replace("\r\n", "\n")
    words = [m.span() for m in re.finditer(r"[\u0621-\u064A]{3,}", seed)]
    labels = ("actor", "mediator", "demand", "denial")
    lines = []
    for index, name in enumerate(("ali", "omar", "sara")):
        spans = [{"start": words[k][0], "end": words[k][1], "label": labels[(k + index * (k % 3 == 0)) % 4]}
                 for k in range(5, len(words) - 1, 6) if (k + index) % 5]
        lines.append(json.dumps({"text": seed, "meta": {"id": "s1"}, "annotator": name, "status": "done",
                                 "spans": spans}, ensure_ascii=False))
    source = tmp_path / "three.jsonl"
    source.write_text("\n".join(lines) + "\n", encoding="utf-8")
    db = str(tmp_path / "project.sqlite")
    assert main(["--db", db, "import", str(source)]) == 0
    capfd.readouterr()
    handlers = list(logging.getLogger().handlers)

    assert main(["--db", db, "agreement", "--gamma", "--json"]) == 0

    out, err = capfd.readouterr()
    assert len(err.splitlines()) < 3, err[:500]
    report = json.loads(out)  # nothing but the report on standard output
    assert report["overall"]["gamma"] is not None
    assert logging.getLogger().handlers == handlers  # pygamma's logging left no stderr handler behind
