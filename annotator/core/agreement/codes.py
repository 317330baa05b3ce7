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

from annotator.core.agreement.ac1 import ac1_from_counts
from annotator.core.agreement.characters import alpha_from_value_counts
from annotator.core.agreement.data import AgreementInput
from annotator.core.agreement.fleiss import fleiss_kappa_from_counts
from annotator.core.structure import FLAG_YES, ArticleQuestion, QuestionKind

NO_QUESTIONS = "no article questions: the project defines none"
NOT_ANSWERED = "no article was answered by all of its counted annotators"
NO_SHARED = "the pair answered no article in common"
NO_VARIATION = "no variation: every answer is the same, so chance agreement is total"
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


def _items(question: ArticleQuestion, answers: list[dict]) -> tuple[list[str], list[dict[str, str]]]:
    """The categories and the units (annotator → category) of one question."""
    if question.kind is QuestionKind.MULTIPLE:
        units = [{name: "yes" if option in values else "no" for name, values in found.items()}
                 for found in answers if found for option in question.options]
        return ["no", "yes"], units
    if question.kind is QuestionKind.FLAG:
        units = [{name: "yes" if values == (FLAG_YES,) else "no" for name, values in found.items()}
                 for found in answers if found]
        return ["no", "yes"], units
    units = [{name: values[0] for name, values in found.items()} for found in answers if found]
    seen = sorted({v for unit in units for v in unit.values()} - set(question.options))
    return [*question.options, *seen], units


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


def question_agreement(data: AgreementInput, question: ArticleQuestion) -> dict:
    """One question's figures over the articles (or article-option items) all counted annotators answered."""
    answers = _answers(data, question)
    categories, units = _items(question, answers)
    table = np.array([[sum(v == c for v in unit.values()) for c in categories] for unit in units],
                     dtype=float).reshape(len(units), len(categories))
    n_articles = sum(1 for found in answers if found)
    if not units:
        corpus = {m: (None, NOT_ANSWERED) for m in CODE_MEASURES}
    else:
        alpha = alpha_from_value_counts(table)
        corpus = {"alpha": (None, NO_VARIATION) if alpha[1].startswith("no variation") else alpha,
                  "fleiss_kappa": fleiss_kappa_from_counts(table), "ac1": ac1_from_counts(table)}
    pairs = []
    for a, b in combinations(data.annotators, 2):
        shared = [unit for unit in units if a in unit and b in unit]
        pairs.append({"a": a, "b": b, "n_items": len(shared),
                      **_figures({"kappa": cohen_kappa([u[a] for u in shared], [u[b] for u in shared])})})
    return {"kind": question.kind.value, "n_articles": n_articles, "n_items": len(units),
            **_figures(corpus), "pairs": pairs}


def code_agreement(data: AgreementInput) -> dict:
    """Every article question's agreement, in the shape ``agreement --json`` prints under ``codes``."""
    questions = data.codebook.questions
    if not questions:
        return {"note": NOTE, "reason": NO_QUESTIONS, "per_question": {}}
    return {"note": NOTE, "reason": None,
            "per_question": {q.name: question_agreement(data, q) for q in questions}}
