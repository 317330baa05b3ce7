"""Agreement on article codes against outside references: α by the krippendorff package and κ by
scikit-learn on tables built here, Fleiss' κ on Fleiss' (1971) published example."""

from __future__ import annotations

import krippendorff
import numpy as np
import pytest
from sklearn.metrics import cohen_kappa_score

from annotator.core.agreement.codes import NO_QUESTIONS, NOT_ANSWERED, code_agreement
from annotator.core.agreement.data import AgreementArticle, AgreementInput, StructureCodebook
from annotator.core.agreement.render import csv_rows, report_to_json
from annotator.core.agreement.report import build_report
from annotator.core.structure import FLAG_YES, ArticleQuestion, QuestionKind, StructuredCoding

STANCE = ArticleQuestion("stance", QuestionKind.SINGLE, ("مؤيد", "معارض", "محايد"))
TOPICS = ArticleQuestion("topics", QuestionKind.MULTIPLE, ("iran", "gaza", "oil"))
SECRET = ArticleQuestion("secret talks", QuestionKind.FLAG)
NAMES = ("ali", "omar", "sara")


def corpus(answers: list[dict[str, dict[str, tuple[str, ...]]]], questions=(STANCE, TOPICS, SECRET)):
    articles = tuple(
        AgreementArticle(f"a{i}", "", "نص", {name: () for name in work},
                         {name: StructuredCoding(codes=frozenset(codes.items()))
                          for name, codes in work.items()})
        for i, work in enumerate(answers))
    return AgreementInput(("actor",), articles, codebook=StructureCodebook(questions=tuple(questions)))


def random_answers(seed: int, articles: int = 30) -> list[dict]:
    rng = np.random.default_rng(seed)
    out = []
    for _ in range(articles):
        work = {}
        for name in NAMES:
            codes = {"stance": (str(rng.choice(STANCE.options)),)}
            topics = tuple(o for o in TOPICS.options if rng.random() < 0.4)
            if topics:
                codes["topics"] = topics
            if rng.random() < 0.5:
                codes["secret talks"] = (FLAG_YES,)
            work[name] = codes
        out.append(work)
    return out


def test_single_choice_alpha_and_pair_kappa_equal_krippendorff_and_sklearn() -> None:
    answers = random_answers(3)
    answers[0]["omar"].pop("stance")  # one article not answered by all: left out for everyone
    stance = code_agreement(corpus(answers))["per_question"]["stance"]
    kept = answers[1:]
    matrix = np.array([[STANCE.options.index(work[name]["stance"][0]) for work in kept] for name in NAMES],
                      dtype=float)
    assert stance["n_articles"] == len(kept)
    assert stance["alpha"] == pytest.approx(krippendorff.alpha(matrix, level_of_measurement="nominal"),
                                            abs=1e-12)
    for pair in stance["pairs"]:
        a, b = NAMES.index(pair["a"]), NAMES.index(pair["b"])
        assert pair["kappa"] == pytest.approx(cohen_kappa_score(matrix[a], matrix[b]), abs=1e-12)


def test_multiple_choice_is_one_yes_no_item_per_option_and_flags_unset_mean_no() -> None:
    answers = random_answers(5)
    for work in answers:  # everyone answers topics, so every article counts
        for codes in work.values():
            codes.setdefault("topics", ("oil",))
    result = code_agreement(corpus(answers))["per_question"]
    matrix = np.array([[float(option in work[name]["topics"])
                        for work in answers for option in TOPICS.options] for name in NAMES])
    assert result["topics"]["n_items"] == len(answers) * len(TOPICS.options)
    assert result["topics"]["alpha"] == pytest.approx(
        krippendorff.alpha(matrix, level_of_measurement="nominal"), abs=1e-12)
    flags = np.array([[float("secret talks" in work[name]) for work in answers] for name in NAMES])
    assert result["secret talks"]["n_articles"] == len(answers)
    assert result["secret talks"]["alpha"] == pytest.approx(
        krippendorff.alpha(flags, level_of_measurement="nominal"), abs=1e-12)


def test_fleiss_kappa_of_the_fleiss_1971_example_is_0_210() -> None:
    table = [[0, 0, 0, 0, 14], [0, 2, 6, 4, 2], [0, 0, 3, 5, 6], [0, 3, 9, 2, 0], [2, 2, 8, 1, 1],
             [7, 7, 0, 0, 0], [3, 2, 6, 3, 0], [2, 5, 3, 2, 2], [6, 5, 2, 1, 0], [0, 2, 2, 3, 7]]
    question = ArticleQuestion("diagnosis", QuestionKind.SINGLE, ("1", "2", "3", "4", "5"))
    answers = []
    for row in table:
        values = [str(k + 1) for k, count in enumerate(row) for _ in range(count)]
        answers.append({f"r{j:02}": {"diagnosis": (v,)} for j, v in enumerate(values)})
    figures = code_agreement(corpus(answers, (question,)))["per_question"]["diagnosis"]
    assert round(figures["fleiss_kappa"], 3) == 0.210


def test_identical_answers_give_one_and_none_answered_gives_null_with_reason() -> None:
    same = {"stance": ("معارض",), "topics": ("iran",)}
    answers = [{name: dict(same) for name in NAMES}, {name: {"stance": ("مؤيد",), "topics": ("gaza",)}
                                                      for name in NAMES}]
    result = code_agreement(corpus(answers))["per_question"]
    assert result["stance"]["alpha"] == 1.0 and result["stance"]["ac1"] == 1.0
    assert result["stance"]["fleiss_kappa"] == 1.0
    assert all(pair["kappa"] == 1.0 for pair in result["topics"]["pairs"])
    nobody = code_agreement(corpus([{name: {} for name in NAMES}], (STANCE,)))["per_question"]["stance"]
    assert nobody["alpha"] is None and nobody["reasons"]["alpha"] == NOT_ANSWERED


def test_codes_are_in_json_and_csv_and_absent_questions_are_null_with_reason() -> None:
    report = build_report(corpus(random_answers(7, 4)))
    data = report_to_json(report)
    assert set(data["codes"]["per_question"]) == {"stance", "topics", "secret talks"}
    assert "one yes/no item per option" in data["codes"]["note"]
    rows = {row[:4]: row for row in csv_rows(report)}
    assert float(rows[("overall", "", "stance", "code_alpha")][4]) == pytest.approx(
        data["codes"]["per_question"]["stance"]["alpha"])
    assert ("pair", "ali|omar", "topics", "code_kappa") in rows
    empty = report_to_json(build_report(corpus(random_answers(7, 2), ())))
    assert empty["codes"]["reason"] == NO_QUESTIONS and empty["codes"]["per_question"] == {}
    assert empty["attributes"]["reason"] and empty["attributes"]["per_attribute"] == {}
