"""The corpus-wide label confusion equals pairing each ordered annotator pair on its own.

The reference is the per-pair computation the dashboard used before (``label_confusion_per_pair``:
``pair_spans`` per ordered pair and article, the pairing the comparison view shows), on random corpora
with crowded, nested, repeated and unsorted spans; several articles at once (the blocks of one graph
must not affect each other's matching); and labels outside the counted ones (they take part in the
pairing but are not counted). About a quarter of these examples change if the matching breaks ties
another way, so the comparison checks the exact choice among maximum matchings, not only its size.
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from annotator.core.agreement.confusion import label_confusion
from annotator.core.agreement.confusion import label_confusion_per_pair as per_pair_confusion
from annotator.core.agreement.data import AgreementArticle, AgreementInput
from annotator.core.agreement.disagreements import MISSED
from annotator.core.model import SpanRef

LABELS = ("actor", "demand", "denial")
NAMES = ("ali", "omar", "sara", "zaid")
ROW = st.tuples(st.integers(0, 3), st.integers(0, 39), st.integers(1, 9), st.integers(0, 3))


@st.composite
def articles(draw) -> tuple[AgreementArticle, ...]:
    """1–4 articles of up to 40 characters, 2–4 annotators, spans unsorted and possibly repeated."""
    out = []
    for n in range(draw(st.integers(1, 4))):
        counted = draw(st.integers(2, 4))
        found: dict[str, list[SpanRef]] = {name: [] for name in NAMES[:counted]}
        for who, start, size, label in draw(st.lists(ROW, max_size=30)):
            label_name = (*LABELS, "other")[label]
            found[NAMES[who % counted]].append(SpanRef(start, min(start + size, 40), label_name))
        out.append(AgreementArticle(f"a{n}", "t", "x" * 40, {k: tuple(v) for k, v in found.items()}))
    return tuple(out)


@settings(max_examples=300, deadline=None)
@given(articles(), st.sampled_from([LABELS, ("demand",), ("denial", "actor")]))
def test_label_confusion_equals_pairing_each_ordered_pair_on_its_own(found, labels) -> None:
    assert label_confusion(found, labels) == per_pair_confusion(found, labels)


def test_crowded_article_where_the_matching_has_a_choice() -> None:
    # a's two same-offset spans compete for b's one; nested same-label spans compete in the overlap stage
    article = AgreementArticle("d", "t", "x" * 40, {
        "a": (S(0, 5, "actor"), S(0, 5, "demand"), S(10, 30, "denial"), S(12, 14, "denial")),
        "b": (S(0, 5, "denial"), S(11, 13, "denial"), S(13, 29, "denial"), S(20, 25, "actor")),
        "c": (S(0, 5, "actor"), S(0, 5, "actor"), S(26, 40, "demand")),
    })
    data = AgreementInput(LABELS, (article, article))
    assert label_confusion(data) == per_pair_confusion(data.articles, LABELS)
    assert sum(sum(row.values()) for row in label_confusion(data).values()) == 2 * (
        2 * 4 + 2 * 4 + 2 * 2)  # every distinct span of each annotator once per other annotator


def test_no_articles_give_zeros() -> None:
    assert label_confusion((), LABELS) == {row: dict.fromkeys((*LABELS, MISSED), 0) for row in LABELS}


S = SpanRef
