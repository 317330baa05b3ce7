"""Agreement on article codes: per question, nominal α, Fleiss' κ, Gwet's AC1 and Cohen's κ per pair.

The units are articles: a question counts on an article when every counted annotator of it answered
(a flag is always answered: unset means no). A multiple-choice question is one yes/no item per option,
each (article, option) a unit. Single choice uses the question's options as categories (AC1's q);
free text compares the answers as written. The figures reuse the count-table implementations of α, AC1
and Fleiss' κ the span measures are checked with; undefined ones are None with a reason.
"""

from __future__ import annotations

from itertools import combinations

import numpy as np

from annotator.core.agreement import nominal
from annotator.core.agreement.ac1 import ac1_from_counts
from annotator.core.agreement.characters import alpha_from_value_counts
from annotator.core.agreement.data import AgreementInput
from annotator.core.agreement.fleiss import fleiss_kappa_from_counts
from annotator.core.agreement.nominal import NO_VARIATION
from annotator.core.structure import FLAG_YES, ArticleQuestion, QuestionKind

NO_QUESTIONS = "no article questions: the project defines none"
NOT_ANSWERED = "no article was answered by all of its counted annotators"
NO_SHARED = "the pair answered no article in common"
NOT_ANSWERED_HERE = "not every counted annotator of this article answered the question"
NOTE = ("Units are articles every counted annotator answered (a flag is always answered); a multiple-"
        "choice question is one yes/no item per option.")
CODE_MEASURES = ("alpha", "fleiss_kappa", "ac1")


def _answers(data: AgreementInput, question: ArticleQuestion) -> list[dict[str, tuple[str, ...]]]:
    """Per article: annotator → the values they answered (articles where someone did not answer: {})."""
    out = []
    for article in data.articles:
        found = {}
        for name in article.annotators:
            coding = article.codings.get(name)
            values = coding.answers().get(question.name) if coding is not None else None
            if values is None and question.kind is QuestionKind.FLAG:
                values = ()
            if values is None:
                found = {}
                break
            found[name] = values
        out.append(found)
    return out


def _items(question: ArticleQuestion,
           answers: list[dict]) -> tuple[list[str], list[dict[str, str]], list[int]]:
    """The categories, the units (annotator → category) of one question and each unit's article."""
    answered = [(i, found) for i, found in enumerate(answers) if found]
    if question.kind is QuestionKind.MULTIPLE:
        units = [({name: "yes" if option in values else "no" for name, values in found.items()}, i)
                 for i, found in answered for option in question.options]
        categories = ["no", "yes"]
    elif question.kind is QuestionKind.FLAG:
        units = [({name: "yes" if values == (FLAG_YES,) else "no" for name, values in found.items()}, i)
                 for i, found in answered]
        categories = ["no", "yes"]
    else:
        units = [({name: values[0] for name, values in found.items()}, i) for i, found in answered]
        seen = sorted({v for unit, _ in units for v in unit.values()} - set(question.options))
        categories = [*question.options, *seen]
    return categories, [unit for unit, _ in units], [i for _, i in units]


def cohen_kappa(first: list[str], second: list[str]) -> tuple[float | None, str]:
    """Cohen's κ of two annotators' categories over the same units."""
    if not first:
        return None, NO_SHARED
    categories = sorted(set(first) | set(second))
    a = np.array([categories.index(v) for v in first])
    b = np.array([categories.index(v) for v in second])
    observed = float((a == b).mean())
    width = len(categories)
    chance = float((np.bincount(a, minlength=width) * np.bincount(b, minlength=width)).sum() / len(a) ** 2)
    if chance >= 1:
        return None, NO_VARIATION
    return (observed - chance) / (1 - chance) + 0.0, ""


def _figures(results: dict[str, tuple[float | None, str]]) -> dict:
    out: dict = {name: value for name, (value, _) in results.items()}
    reasons = {name: why for name, (value, why) in results.items() if value is None}
    if reasons:
        out["reasons"] = reasons
    return out


def question_agreement(data: AgreementInput, question: ArticleQuestion,
                       resamples: np.ndarray | None = None) -> dict:
    """One question's figures over the articles (or article-option items) all counted annotators answered;
    ``resamples`` (``bootstrap.resample_counts``) adds 95% intervals."""
    intervals = nominal.Intervals(resamples)
    figures = question_figures(data, question, intervals)[0]
    intervals.fill()
    return figures


def question_figures(data: AgreementInput, question: ArticleQuestion,
                     intervals: nominal.Intervals) -> tuple[dict, list[dict]]:
    """``question_agreement`` (its intervals noted in ``intervals``, to fill) and, per article in corpus
    order, its plain agreement (the share of agreeing annotator pairs over its items) and item count.
    Chance-corrected figures are corpus-wide only: an article holds one item of a question (one per
    option), too few to estimate chance from."""
    answers = _answers(data, question)
    categories, units, unit_article = _items(question, answers)
    table = np.array([[sum(v == c for v in unit.values()) for c in categories] for unit in units],
                     dtype=float).reshape(len(units), len(categories))
    n_articles = sum(1 for found in answers if found)
    sums = nominal.unit_sums(table, unit_article, len(answers))
    if not units:
        corpus = {m: (None, NOT_ANSWERED) for m in (*CODE_MEASURES, "agreement")}
    else:
        alpha = alpha_from_value_counts(table)
        corpus = {"alpha": (None, NO_VARIATION) if alpha[1].startswith("no variation") else alpha,
                  "fleiss_kappa": fleiss_kappa_from_counts(table), "ac1": ac1_from_counts(table),
                  "agreement": nominal.corpus(nominal.percent_agreement, sums)}
    pairs = []
    for a, b in combinations(data.annotators, 2):
        shared = [(unit, i) for unit, i in zip(units, unit_article, strict=True) if a in unit and b in unit]
        first, second = [u[a] for u, _ in shared], [u[b] for u, _ in shared]
        kappa = cohen_kappa(first, second)
        index = {c: k for k, c in enumerate(categories)}
        pair_sums = nominal.pair_sums([index[v] for v in first], [index[v] for v in second],
                                      [i for _, i in shared], len(categories), len(answers))
        agreement = (nominal.corpus(nominal.percent_agreement_of_pair, pair_sums) if shared
                     else (None, NO_SHARED))
        pair = {"a": a, "b": b, "n_items": len(shared), **_figures({"kappa": kappa, "agreement": agreement})}
        intervals.add(pair, "kappa", nominal.kappa, pair_sums, len({i for _, i in shared}))
        pairs.append(pair)
    figures = {"kind": question.kind.value, "n_articles": n_articles, "n_items": len(units),
               **_figures(corpus), "pairs": pairs}
    statistics = {"alpha": nominal.alpha, "fleiss_kappa": nominal.fleiss_kappa, "ac1": nominal.ac1,
                  "agreement": nominal.percent_agreement}
    for measure, statistic in statistics.items():
        intervals.add(figures, measure, statistic, sums, n_articles)
    items = np.bincount(np.asarray(unit_article, dtype=np.int64), minlength=len(answers))
    per_article = []
    for i, (value, why) in enumerate(nominal.per_article(nominal.percent_agreement, sums)):
        article = {"agreement": value, "n_items": int(items[i])}
        if value is None:
            article["reasons"] = {"agreement": NOT_ANSWERED_HERE if items[i] == 0 else why}
        per_article.append(article)
    return figures, per_article


def code_agreement(data: AgreementInput, resamples: np.ndarray | None = None) -> dict:
    """Every article question's agreement, in the shape ``agreement --json`` prints under ``codes``."""
    return code_figures(data, resamples)[0]


def code_figures(data: AgreementInput, resamples: np.ndarray | None = None) -> tuple[dict, list[dict]]:
    """``code_agreement`` and, per article in corpus order, question → its plain agreement there."""
    questions = data.codebook.questions
    per_article: list[dict] = [{} for _ in data.articles]
    if not questions:
        return {"note": NOTE, "reason": NO_QUESTIONS, "per_question": {}}, per_article
    found = {}
    intervals = nominal.Intervals(resamples)
    for question in questions:
        found[question.name], articles = question_figures(data, question, intervals)
        for i, figures in enumerate(articles):
            per_article[i][question.name] = figures
    intervals.fill()
    return {"note": NOTE, "reason": None, "per_question": found}, per_article
