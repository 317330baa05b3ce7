"""Cross-article consistency: passages two articles share, found on Arabic-normalised words.

News corpora repeat themselves: a wire story is republished with a new headline, a comma here, harakat
there. Two articles share a passage when a run of at least ``min_words`` consecutive *words* is the same
in both after normalisation (``annotator.core.normalise``: harakat and tatweel dropped, alef / ya /
ta marbuta variants unified) with punctuation ignored: a word is a whitespace-separated token reduced to
its letters and digits, so ``شهور،`` matches ``شهور`` and ``لـ"رويترز"`` matches ``لرويترز``. A passage
starts on its first word's first letter and ends after its last word's last letter (and the harakat
on it) in each original text.

Finding passages is hand-written on numpy rather than taken from a library: difflib compares one pair
at a time (10^8 pairs for 10,000 articles), and the suffix-array / MinHash packages we looked at either
compare characters (no word boundaries, no offset map through our normalisation) or estimate similarity
of whole documents without giving the passages. The method is the classic one for near-duplicate text:

1. every article becomes a sequence of word ids (one vocabulary for the corpus);
2. every run of ``shingle`` words is hashed (a polynomial hash over the ids, vectorised);
3. sorting the hashes groups equal shingles; a shingle found in two to ``max_articles`` articles gives
   candidate (article, position) pairs — one found in more articles is boilerplate (agency credits,
   site footers) that would pair every article with every other, and is skipped;
4. candidates on the same diagonal (position in A minus position in B) that touch are merged, then
   checked and extended word by word on the ids, so a hash collision can never produce a passage.

This module is Qt-free and SQL-free; ``annotator.core.consistency_spans`` compares the spans on both
sides of a passage.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache

import numpy as np

from annotator.core.normalise import normalise, normalised_text

MIN_WORDS = 8
# A shingle in more articles than this is treated as boilerplate and never pairs articles: at 50, one
# such shingle would already give 1,225 candidate pairs, and real republication rarely spans more outlets.
MAX_ARTICLES = 50
_SHINGLE = 8  # words per hashed shingle; passages shorter than this cannot be found


@dataclass(frozen=True, order=True)
class SharedPassage:
    """A run of ``words`` normalised words found in both articles, as code-point offsets in each original.

    ``article_a`` comes before ``article_b`` in the order the articles were given.
    """

    article_a: str
    start_a: int
    end_a: int
    article_b: str
    start_b: int
    end_b: int
    words: int

    def swapped(self) -> SharedPassage:
        """The same passage seen from article B (to copy spans B → A)."""
        return SharedPassage(self.article_b, self.start_b, self.end_b,
                             self.article_a, self.start_a, self.end_a, self.words)


@cache
def _word_char_table() -> np.ndarray:
    """True for code points that count in a word (``str.isalnum``); built once, on first use (~0.1 s)."""
    return np.fromiter((chr(c).isalnum() for c in range(0x110000)), dtype=bool, count=0x110000)


def _codes(text: str) -> np.ndarray:
    return np.frombuffer(text.encode("utf-32-le"), dtype=np.uint32)


def words(text: str) -> list[str]:
    """The normalised words of ``text``: whitespace-separated tokens reduced to their letters and digits."""
    codes = _codes(normalised_text(text))
    keep = _word_char_table()[codes] | (codes == 32)
    return codes[keep].astype("<u4").tobytes().decode("utf-32-le").split()


@dataclass(frozen=True, eq=False)
class WordLayout:
    """Where the normalised words of one text lie in the original, letter by letter.

    Letters are the word characters of the normalised text, numbered 0…n-1 in reading order;
    ``letter_start[i]``/``letter_end[i]`` bound letter i in the original (the end covers the harakat and
    tatweel dropped after it), and word k is letters ``word_letters[k]`` to ``word_letters[k + 1]``.
    """

    text: str
    words: list[str]
    word_letters: np.ndarray  # len(words) + 1 entries
    letter_start: np.ndarray
    letter_end: np.ndarray

    @property
    def word_start(self) -> np.ndarray:
        """Original offset of each word's first letter."""
        return self.letter_start[self.word_letters[:-1]]

    def word_index(self, offset: int) -> int:
        """Index of the word whose first letter is at ``offset``; ValueError when no word starts there."""
        starts = self.word_start
        k = int(np.searchsorted(starts, offset))
        if k == len(starts) or starts[k] != offset:
            raise ValueError(f"no word starts at offset {offset}")
        return k

    def letters_of(self, start: int, end: int) -> tuple[int, int]:
        """The letters whose first character lies in the original range [start, end)."""
        return (int(np.searchsorted(self.letter_start, start)),
                int(np.searchsorted(self.letter_start, end)))

    def span_of_words(self, first: int, count: int) -> tuple[int, int]:
        """Original [start, end) from word ``first``'s first letter to the end of word ``first+count-1``."""
        return self.span_of_letters(int(self.word_letters[first]), int(self.word_letters[first + count]))

    def span_of_letters(self, first: int, stop: int) -> tuple[int, int]:
        """Original [start, end) covering letters ``first`` … ``stop - 1``."""
        return int(self.letter_start[first]), int(self.letter_end[stop - 1])


def word_layout(text: str) -> WordLayout:
    """The words of ``text`` (exactly those of :func:`words`) with their letters' original offsets."""
    normalised, index = normalise(text)
    codes = _codes(normalised)
    letters = np.flatnonzero(_word_char_table()[codes])
    token = np.cumsum(codes == 32)[letters]  # which whitespace-separated token each letter belongs to
    first_letters = np.flatnonzero(np.diff(token, prepend=-1) != 0)
    word_letters = np.append(first_letters, len(letters))
    letter_text = codes[letters].astype("<u4").tobytes().decode("utf-32-le")
    word_list = [letter_text[a:b] for a, b in zip(word_letters[:-1].tolist(), word_letters[1:].tolist(),
                                                   strict=True)]
    # index[p + 1] is where the next kept character starts, so the end covers dropped harakat/tatweel
    return WordLayout(text, word_list, word_letters, index[letters], index[letters + 1])


def find_shared_passages(
    articles: Iterable[tuple[str, str]], *, min_words: int = MIN_WORDS, max_articles: int = MAX_ARTICLES,
) -> list[SharedPassage]:
    """Every maximal run of ≥ ``min_words`` normalised words shared by two of ``articles`` (id, text).

    Passages are ordered by the articles' order, then by position in article A. A shingle of words that
    occurs in more than ``max_articles`` articles never starts a match (see the module notes), though a
    passage found through other shingles is still extended across it.
    """
    if min_words < 1:
        raise ValueError("min_words must be at least 1")
    shingle = min(min_words, _SHINGLE)
    articles = list(articles)
    ids = [article_id for article_id, _text in articles]
    sequences: list[np.ndarray] = []
    vocabulary: dict[str, int] = {}
    add = vocabulary.setdefault
    for _article_id, text in articles:
        sequences.append(np.fromiter((add(w, len(vocabulary)) for w in words(text)), dtype=np.int64))
    runs = _candidate_runs(sequences, shingle, max_articles)
    found: set[tuple[int, int, int, int, int]] = set()
    for doc_a, doc_b, pos_a, pos_b, length in runs:
        found.update(_exact_matches(sequences[doc_a], sequences[doc_b], doc_a, doc_b, pos_a, pos_b, length,
                                    min_words))
    layouts: dict[int, WordLayout] = {}
    passages = []
    for doc_a, doc_b, first_a, first_b, count in sorted(found):
        for doc in (doc_a, doc_b):
            if doc not in layouts:
                layouts[doc] = word_layout(articles[doc][1])
        start_a, end_a = layouts[doc_a].span_of_words(first_a, count)
        start_b, end_b = layouts[doc_b].span_of_words(first_b, count)
        passages.append(SharedPassage(ids[doc_a], start_a, end_a, ids[doc_b], start_b, end_b, count))
    return passages


def _candidate_runs(sequences: list[np.ndarray], shingle: int, max_articles: int) -> list[tuple]:
    """(doc_a, doc_b, pos_a, pos_b, words) runs of touching equal-hash shingles on one diagonal."""
    lengths = np.array([len(s) for s in sequences], dtype=np.int64)
    if len(sequences) < 2 or lengths.sum() == 0:
        return []
    flat = np.concatenate(sequences).astype(np.uint64)
    doc_of = np.repeat(np.arange(len(sequences)), lengths)
    offset_of_doc = np.concatenate(([0], np.cumsum(lengths)[:-1]))
    count = len(flat) - shingle + 1
    if count <= 0:
        return []
    # polynomial hash mod 2^64 (numpy wraps): equal shingles hash equal; collisions are caught later
    hashes = np.zeros(count, dtype=np.uint64)
    base = np.uint64(1_000_003)
    for k in range(shingle):
        hashes = hashes * base + flat[k : k + count] + np.uint64(1)
    start_doc = doc_of[:count]
    valid = np.flatnonzero(start_doc == doc_of[shingle - 1 :])  # shingles inside one article
    hashes, positions, docs = hashes[valid], valid, start_doc[valid]
    order = np.lexsort((positions, docs, hashes))
    hashes, positions, docs = hashes[order], positions[order], docs[order]
    new_group = np.empty(len(hashes), dtype=bool)
    new_group[:1] = True
    new_group[1:] = hashes[1:] != hashes[:-1]
    new_doc = new_group.copy()
    new_doc[1:] |= docs[1:] != docs[:-1]
    group_starts = np.flatnonzero(new_group)
    group_sizes = np.diff(np.append(group_starts, len(hashes)))
    group_docs = np.add.reduceat(new_doc.astype(np.int64), group_starts)
    keep = (group_docs >= 2) & (group_docs <= max_articles)
    pair_a, pair_b = [], []
    for size in np.unique(group_sizes[keep]).tolist():
        starts = group_starts[keep & (group_sizes == size)]
        i, j = np.triu_indices(size, 1)
        a = (starts[:, None] + i[None, :]).ravel()
        b = (starts[:, None] + j[None, :]).ravel()
        cross = docs[a] != docs[b]  # sorted by doc inside a group, so docs[a] < docs[b] here
        pair_a.append(a[cross])
        pair_b.append(b[cross])
    if not pair_a:
        return []
    a, b = np.concatenate(pair_a), np.concatenate(pair_b)
    doc_a, doc_b = docs[a], docs[b]
    pos_a = positions[a] - offset_of_doc[doc_a]
    pos_b = positions[b] - offset_of_doc[doc_b]
    diagonal = pos_a - pos_b
    order = np.lexsort((pos_a, diagonal, doc_b, doc_a))
    doc_a, doc_b, pos_a, pos_b, diagonal = (x[order] for x in (doc_a, doc_b, pos_a, pos_b, diagonal))
    # a new run starts at another pair or diagonal, or after a gap: shingles at p and p + shingle touch
    breaks = np.ones(len(pos_a), dtype=bool)
    breaks[1:] = ((doc_a[1:] != doc_a[:-1]) | (doc_b[1:] != doc_b[:-1]) | (diagonal[1:] != diagonal[:-1])
                  | (pos_a[1:] > pos_a[:-1] + shingle))
    first = np.flatnonzero(breaks)
    last = np.append(first[1:], len(pos_a)) - 1
    return list(zip(doc_a[first].tolist(), doc_b[first].tolist(), pos_a[first].tolist(),
                    pos_b[first].tolist(), (pos_a[last] - pos_a[first] + shingle).tolist(), strict=True))


def _exact_matches(seq_a: np.ndarray, seq_b: np.ndarray, doc_a: int, doc_b: int, pos_a: int, pos_b: int,
                   length: int, min_words: int) -> list[tuple[int, int, int, int, int]]:
    """Maximal runs of equal words around a candidate run, checked on the ids themselves."""
    while pos_a > 0 and pos_b > 0 and seq_a[pos_a - 1] == seq_b[pos_b - 1]:
        pos_a, pos_b, length = pos_a - 1, pos_b - 1, length + 1
    while (pos_a + length < len(seq_a) and pos_b + length < len(seq_b)
           and seq_a[pos_a + length] == seq_b[pos_b + length]):
        length += 1
    equal = np.concatenate(([False], seq_a[pos_a : pos_a + length] == seq_b[pos_b : pos_b + length], [False]))
    edges = np.flatnonzero(equal[1:] != equal[:-1])
    return [(doc_a, doc_b, pos_a + int(s), pos_b + int(s), int(e - s))
            for s, e in zip(edges[0::2], edges[1::2], strict=True) if e - s >= min_words]
