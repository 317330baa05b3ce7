"""Gold storage and majority adjudication on a hand-checked three-annotator article."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from annotator.core.errors import InputError, NotFoundError
from annotator.core.model import AnnotationSet, ArticleRecord, GoldStatus, SpanRef, Status
from annotator.store import Project
from annotator.store.gold import Gold

TEXT = "قال الرئيس محمد علي إن الوفد المصري وصل إلى الدوحة للتفاوض مع حماس."
AGREED_TEXT = "أعلنت الحكومة رفضها للمطالب."
WAITING_TEXT = "لم يعلق أحد على الخبر."


def ref(text: str, phrase: str, label: str) -> SpanRef:
    start = text.index(phrase)
    return SpanRef(start, start + len(phrase), label)


PRESIDENT = ref(TEXT, "الرئيس محمد علي", "actor")
MOHAMMED = ref(TEXT, "محمد علي", "actor")
DELEGATION = ref(TEXT, "الوفد المصري", "mediator")
HAMAS_ACTOR = ref(TEXT, "حماس", "actor")
HAMAS_MEDIATOR = ref(TEXT, "حماس", "mediator")
NEGOTIATE = ref(TEXT, "للتفاوض", "demand")
DOHA = ref(TEXT, "الدوحة", "actor")

ANNOTATIONS = {
    "ali": (PRESIDENT, DELEGATION, HAMAS_ACTOR, NEGOTIATE),
    "sara": (PRESIDENT, DELEGATION, HAMAS_MEDIATOR),
    "omar": (MOHAMMED, DELEGATION, HAMAS_ACTOR, NEGOTIATE),
}
# dina is still working: her spans must not count (with her vote MOHAMMED would reach 2 of 4).
IN_PROGRESS = AnnotationSet("dina", (MOHAMMED, DOHA), Status.IN_PROGRESS)
# Worked out by hand: 2 of 3 is the majority.
HAND_GOLD = {PRESIDENT, DELEGATION, HAMAS_ACTOR, NEGOTIATE}
HAND_UNDECIDED = {MOHAMMED: ("omar",), HAMAS_MEDIATOR: ("sara",)}


def build(path: Path) -> Project:
    project = Project.open(path)
    agreed = ref(AGREED_TEXT, "الحكومة", "actor")
    project.import_articles([
        ArticleRecord(TEXT, "وفد", id="a1", annotations=(
            *(AnnotationSet(name, spans) for name, spans in ANNOTATIONS.items()), IN_PROGRESS)),
        ArticleRecord(AGREED_TEXT, "حكومة", id="a2", annotations=tuple(
            AnnotationSet(name, (agreed,)) for name in ANNOTATIONS)),
        ArticleRecord(WAITING_TEXT, "خبر", id="a3",
                      annotations=(AnnotationSet("ali", (), Status.IN_PROGRESS),)),
    ])
    return project


@pytest.fixture
def project(tmp_path: Path) -> Project:
    with build(tmp_path / "p.sqlite") as project:
        yield project


def test_majority_adjudication_gives_hand_computed_gold(project: Project) -> None:
    gold = Gold(project)
    summary = gold.adjudicate()
    assert {s.ref for s in gold.spans("a1")} == HAND_GOLD
    assert all(s.origin == "auto" and s.decided_by == "auto" and s.decided_at for s in gold.spans("a1"))
    a1 = next(a for a in summary.articles if a.document_id == "a1")
    assert a1.annotators == ("ali", "omar", "sara") and a1.min_votes == 2
    assert {c.ref: c.annotators for c in a1.undecided} == HAND_UNDECIDED
    assert gold.status("a1") is GoldStatus.IN_PROGRESS
    assert gold.status("a2") is GoldStatus.CURATED  # all three agree: nothing left to decide
    assert gold.status("a3") is GoldStatus.NOT_STARTED  # nobody done yet
    assert (summary.spans_accepted, summary.undecided, summary.skipped_no_done) == (5, 2, 1)


def test_min_votes_three_accepts_only_unanimous_spans(project: Project) -> None:
    gold = Gold(project)
    gold.adjudicate(min_votes=3, document_ids=["a1"])
    assert {s.ref for s in gold.spans("a1")} == {DELEGATION}


def test_annotators_option_restricts_voters(project: Project) -> None:
    gold = Gold(project)
    gold.adjudicate(annotators=["ali", "omar"], document_ids=["a1"])  # majority of 2 is 2
    assert {s.ref for s in gold.spans("a1")} == {DELEGATION, HAMAS_ACTOR, NEGOTIATE}


def test_unknown_annotator_is_refused_and_nothing_changes(project: Project) -> None:
    before = project.path.read_bytes()
    with pytest.raises(NotFoundError, match="zaid"):
        Gold(project).adjudicate(annotators=["zaid"])
    assert project.path.read_bytes() == before and Gold(project).spans() == []


def test_rerun_keeps_curator_rejection_and_skips_curated(project: Project) -> None:
    gold = Gold(project)
    gold.adjudicate()
    gold.reject("a1", HAMAS_ACTOR, "curator")
    gold.adjudicate()
    assert HAMAS_ACTOR not in {s.ref for s in gold.spans("a1")}
    gold.set_status("a1", GoldStatus.CURATED)
    assert gold.adjudicate().skipped_curated == 2


def test_accepting_a_version_rejects_competing_versions(project: Project) -> None:
    gold = Gold(project)
    span, changes = gold.accept("a1", MOHAMMED, "curator", also_reject=[PRESIDENT])
    assert changes.gold == {"a1"}
    assert (span.ref, span.decided_by, span.origin) == (MOHAMMED, "curator", "curated")
    assert {s.ref for s in gold.spans("a1")} == {MOHAMMED}
    assert {r.ref for r in gold.rejections("a1")} == {PRESIDENT}
    assert gold.status("a1") is GoldStatus.IN_PROGRESS


def test_edit_changes_boundaries_and_refuses_duplicates(project: Project) -> None:
    gold = Gold(project)
    gold.adjudicate()
    president = next(s for s in gold.spans("a1") if s.ref == PRESIDENT)
    edited, _ = gold.edit(president.id, MOHAMMED, "curator")
    assert (edited.id, edited.ref, edited.origin) == (president.id, MOHAMMED, "curated")
    with pytest.raises(InputError, match="already has"):
        gold.edit(edited.id, DELEGATION, "curator")
    with pytest.raises(InputError, match="outside"):
        gold.edit(edited.id, SpanRef(0, 10_000, "actor"), "curator")


def test_restore_snapshot_gives_back_exact_rows(project: Project) -> None:
    gold = Gold(project)
    gold.adjudicate()
    before = gold.snapshot("a1")
    gold.reject("a1", PRESIDENT, "curator")
    gold.accept("a1", DOHA, "curator")
    gold.set_status("a1", GoldStatus.CURATED)
    assert gold.snapshot("a1") != before
    gold.restore(before)
    assert gold.snapshot("a1") == before


def test_agreement_against_gold_gives_hand_computed_f1(project: Project,
                                                       capsys: pytest.CaptureFixture) -> None:
    from annotator.cli.main import main

    Gold(project).adjudicate()
    Gold(project).set_status("a1", GoldStatus.CURATED)
    assert main(["--db", str(project.path), "agreement", "--against-gold", "--json"]) == 0
    rows = {row["annotator"]: row for row in json.loads(capsys.readouterr().out)["against_gold"]}
    # Gold: a1 = PRESIDENT, DELEGATION, HAMAS_ACTOR, NEGOTIATE; a2 = one actor everybody marked.
    # ali matches all 5 of 5; sara 3 of her 4 against gold's 5; omar 4 exact of 5, and MOHAMMED overlaps
    # PRESIDENT. dina never finished, so she is not compared.
    assert set(rows) == {"ali", "omar", "sara"}
    assert rows["ali"]["f1_exact"] == 1.0 and rows["ali"]["n_articles"] == 2
    assert rows["sara"]["f1_exact"] == pytest.approx(2 * 3 / (4 + 5))
    assert rows["omar"]["f1_exact"] == pytest.approx(2 * 4 / (5 + 5))
    assert rows["omar"]["f1_overlap"] == 1.0
    assert rows["omar"]["per_label"]["actor"]["f1_exact"] == pytest.approx(2 * 2 / (3 + 3))
    assert rows["sara"]["per_label"]["mediator"]["f1_exact"] == pytest.approx(2 * 1 / (2 + 1))
    assert main(["--db", str(project.path), "agreement", "--against-gold"]) == 0
    table = capsys.readouterr().out
    assert "omar             all                 2     0.800      1.000" in table


def test_gold_export_metadata_carries_agreement_summaries(project: Project, tmp_path: Path) -> None:
    from annotator.operations.export import export_project

    Gold(project).adjudicate()
    Gold(project).set_status("a1", GoldStatus.CURATED)
    result = export_project(project, "csv", tmp_path / "gold.csv", gold=True, only_curated=True)
    metadata = json.loads(result.metadata_path.read_text(encoding="utf-8"))
    assert metadata["selection"] == {"gold": True, "annotator": None, "only_curated": True}
    assert metadata["annotators"] == ["gold"] and metadata["spans"] == len(HAND_GOLD) + 1
    assert metadata["agreement"]["annotators"] == ["ali", "omar", "sara"]  # dina is not done
    assert metadata["agreement"]["overall"]["n_articles"] == 2
    against = {row["annotator"]: row["f1_exact"] for row in metadata["agreement"]["against_gold"]}
    assert against == {"ali": 1.0, "omar": pytest.approx(0.8), "sara": pytest.approx(6 / 9)}
