"""Who annotates which article: round robin with N annotators per article, or an explicit list."""

from __future__ import annotations

from collections.abc import Sequence

from annotator.core.errors import InputError

Assignment = dict[str, list[str]]  # annotator → article ids, in corpus order


def round_robin(article_ids: Sequence[str], annotators: Sequence[str], per_article: int) -> Assignment:
    """Give each article ``per_article`` different annotators, taking them in turn around the list.

    Article i gets annotators i·k, i·k+1, … i·k+k−1 (mod n), so every annotator gets the same number
    of articles (±1) and each pair of neighbours in the list shares work, which agreement needs.
    """
    names = list(dict.fromkeys(a.strip() for a in annotators if a.strip()))
    if not names:
        raise InputError("an assignment needs at least one annotator name")
    if not 1 <= per_article <= len(names):
        raise InputError(f"cannot give each article {per_article} annotator(s) out of {len(names)} "
                         f"({', '.join(names)}); use a number from 1 to {len(names)}")
    assignment: Assignment = {name: [] for name in names}
    for i, article_id in enumerate(article_ids):
        for j in range(per_article):
            assignment[names[(i * per_article + j) % len(names)]].append(article_id)
    return assignment


def from_pairs(pairs: Sequence[tuple[str, str]], article_ids: Sequence[str], origin: str) -> Assignment:
    """An assignment from (article id, annotator) pairs, checking every id exists; kept in corpus order."""
    order = {article_id: n for n, article_id in enumerate(article_ids)}
    assignment: Assignment = {}
    for n, (article_id, annotator) in enumerate(pairs, start=1):
        if article_id not in order:
            raise InputError(f"entry {n}: no article with id {article_id!r} in the project", path=origin)
        ids = assignment.setdefault(annotator, [])
        if article_id not in ids:
            ids.append(article_id)
    for ids in assignment.values():
        ids.sort(key=order.__getitem__)
    return assignment
