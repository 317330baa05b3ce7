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

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import cache

import numpy as np

from annotator.core.normalise import normalise, normalised_text

MIN_WORDS = 8
# A shingle in more articles than this is treated as boilerplate and never pairs articles: at 50, one
# such shingle would already give 1,225 candidate pairs, and real republication rarely spans more outlets.
MAX_ARTICLES = 50
_SHINGLE = 8  # words per hashed shingle; passages shorter than this cannot be found
_PROGRESS_EVERY = 250  # articles read between two progress reports (~0.1 s on the benchmark machine)
_MATCHING_STEPS = 8  # progress reports while matching: hashing, sorting, grouping… (the other ~45 %)


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
    return _letters_and_spaces(_codes(normalised_text(text))).split()


def _letters_and_spaces(codes: np.ndarray) -> str:
    """The normalised text with everything but letters, digits and spaces left out (for ``split``)."""
    keep = _word_char_table()[codes] | (codes == 32)
    return codes[keep].astype("<u4").tobytes().decode("utf-32-le")


def _word_places(text: str) -> tuple[list[str], np.ndarray, np.ndarray, np.ndarray]:
    """(words, letters, letter index of each word's first letter, original offsets) of ``text``.

    ``letters`` are the positions of word characters in the normalised text; the original offsets are
    normalise's index map. Word k is letters ``first[k]`` to ``first[k + 1]``.
    """
    normalised, index = normalise(text)
    codes = _codes(normalised)
    letters = np.flatnonzero(_word_char_table()[codes])
    token = np.cumsum(codes == 32)[letters]  # which whitespace-separated token each letter belongs to
    first = np.flatnonzero(np.diff(token, prepend=-1) != 0)
    return _letters_and_spaces(codes).split(), letters, np.append(first, len(letters)), index


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


def word_layout(text: str, start: int = 0, end: int | None = None) -> WordLayout:
    """The words of ``text[start:end]`` (exactly those of :func:`words`) with their letters' offsets in text.

    A shared passage starts on a letter and ends after one (and its marks), so the layout of just the
    passage has the passage's words: comparing spans needs no more than that.
    """
    word_list, letters, word_letters, index = _word_places(text[start:end])
    # index[p + 1] is where the next kept character starts, so the end covers dropped harakat/tatweel
    return WordLayout(text, word_list, word_letters, index[letters] + start, index[letters + 1] + start)


def word_layouts(pieces: list[tuple[str, int, int]]) -> list[WordLayout]:
    """``word_layout(text, start, end)`` for many (text, start, end) at once, equal to one call each.

    Each piece must start on a word character and end after one (and its marks), as a shared passage
    does. The pieces are normalised as one string: numpy's cost per call, not per character, dominates
    the layout of a passage of a few hundred characters, and a report aligns tens of thousands of them.
    """
    if not pieces:
        return []
    slices = [text[start:end] for text, start, end in pieces]
    joined = " ".join(slices)
    word_list, letters, first, index = _word_places(joined)
    letter_at = index[letters]
    after = index[letters + 1]
    lengths = np.array([len(piece) for piece in slices], dtype=np.int64)
    offsets = np.concatenate(([0], np.cumsum(lengths + 1)[:-1]))
    low = np.searchsorted(letter_at, offsets)
    high = np.searchsorted(letter_at, offsets + lengths)
    word_low, word_high = np.searchsorted(first[:-1], low), np.searchsorted(first[:-1], high)
    layouts = []
    for (text, start, _end), offset, l0, l1, w0, w1 in zip(
            pieces, offsets.tolist(), low.tolist(), high.tolist(), word_low.tolist(), word_high.tolist(),
            strict=True):
        shift = start - offset
        layouts.append(WordLayout(text, word_list[w0:w1], np.append(first[w0:w1], l1) - l0,
                                  letter_at[l0:l1] + shift, after[l0:l1] + shift))
    return layouts


def find_shared_passages(
    articles: Iterable[tuple[str, str]], *, min_words: int = MIN_WORDS, max_articles: int = MAX_ARTICLES,
    progress: Callable[[int, int], None] | None = None,
) -> list[SharedPassage]:
    """Every maximal run of ≥ ``min_words`` normalised words shared by two of ``articles`` (id, text).

    Passages are ordered by the articles' order, then by position in article A. A shingle of words that
    occurs in more than ``max_articles`` articles never starts a match (see the module notes), though a
    passage found through other shingles is still extended across it.

    ``progress(done, total)`` is called every few hundred articles read and between the matching steps
    (about every 0.1–0.5 s over 10,000 articles); it may raise to stop the search there (a worker's
    cancel), and the exception is let through.
    """
    if min_words < 1:
        raise ValueError("min_words must be at least 1")
    shingle = min(min_words, _SHINGLE)
    articles = list(articles)
    # reading the articles is about half the time, matching them the other half
    total = 2 * len(articles) + _MATCHING_STEPS

    def step(done: int) -> None:
        if progress is not None:
            progress(len(articles) + done * (len(articles) + _MATCHING_STEPS) // _MATCHING_STEPS, total)

    vocabulary: dict[str, int] = {}
    sequences, word_starts, word_ends = [], [], []
    for number, (_article_id, text) in enumerate(articles):
        if progress is not None and number % _PROGRESS_EVERY == 0:
            progress(number, total)
        word_list, letters, first, index = _word_places(text)
        for word in set(word_list):  # set order: ids differ between runs, matches do not
            if word not in vocabulary:
                vocabulary[word] = len(vocabulary)
        sequences.append(np.fromiter(map(vocabulary.__getitem__, word_list), np.int64, len(word_list)))
        word_starts.append(index[letters[first[:-1]]].astype(np.int32))
        word_ends.append(index[letters[first[1:] - 1] + 1].astype(np.int32))
    if len(sequences) < 2:
        return []
    flat = np.concatenate(sequences)
    lengths = np.array([len(s) for s in sequences], dtype=np.int64)
    offsets = np.concatenate(([0], np.cumsum(lengths)[:-1]))
    step(0)
    runs = _candidate_runs(flat, lengths, offsets, shingle, max_articles, step)
    found = _verified(flat, lengths, offsets, runs, min_words)
    step(_MATCHING_STEPS)
    if not found:
        return []
    doc_a, doc_b, pos_a, pos_b, count = (np.array(column) for column in zip(*sorted(found), strict=True))
    starts, ends = np.concatenate(word_starts), np.concatenate(word_ends)
    first_a, first_b = offsets[doc_a] + pos_a, offsets[doc_b] + pos_b
    ids = [article_id for article_id, _text in articles]
    return [SharedPassage(ids[a], sa, ea, ids[b], sb, eb, n) for a, b, sa, ea, sb, eb, n in zip(
        doc_a.tolist(), doc_b.tolist(), starts[first_a].tolist(), ends[first_a + count - 1].tolist(),
        starts[first_b].tolist(), ends[first_b + count - 1].tolist(), count.tolist(), strict=True)]


def _candidate_runs(flat: np.ndarray, lengths: np.ndarray, offsets: np.ndarray, shingle: int,
                    max_articles: int, step: Callable[[int], None]) -> tuple[np.ndarray, ...]:
    """(doc_a, doc_b, pos_a, pos_b, words) arrays: runs of touching equal-hash shingles on one diagonal.

    ``step(k)`` is called after each of the stages 1 to 7 (progress, and a chance to cancel).
    """
    count = len(flat) - shingle + 1
    if count <= 0:
        return ()
    doc_of = np.repeat(np.arange(len(lengths)), lengths)
    # polynomial hash mod 2^64 (numpy wraps): equal shingles hash equal; collisions are caught later
    hashes = np.zeros(count, dtype=np.uint64)
    words_ = flat.astype(np.uint64) + np.uint64(1)
    for k in range(shingle):
        hashes = hashes * np.uint64(1_000_003) + words_[k : k + count]
    step(1)
    positions = np.flatnonzero(doc_of[:count] == doc_of[shingle - 1 :])  # shingles inside one article
    hashes, docs = hashes[positions], doc_of[positions]
    # stable, so equal hashes stay in position order, which is also article order
    order = np.argsort(hashes, kind="stable")
    step(2)
    hashes, positions, docs = hashes[order], positions[order], docs[order]
    group_of, group_docs = _groups(hashes, docs)
    step(3)
    # Boilerplate: every word of a shingle found in too many articles. A shingle touching one starts
    # nothing either, or a site footer after any common word would pair its articles all the same.
    capped = positions[group_docs[group_of] > max_articles]
    marks = np.bincount(capped, minlength=len(flat) + shingle) - np.bincount(capped + shingle,
                                                                             minlength=len(flat) + shingle)
    boilerplate = np.concatenate(([0], np.cumsum(np.cumsum(marks)[: len(flat)] > 0)))
    clean = boilerplate[positions + shingle] == boilerplate[positions]
    hashes, positions, docs = hashes[clean], positions[clean], docs[clean]
    group_of, group_docs = _groups(hashes, docs)
    step(4)
    group_starts = np.flatnonzero(np.diff(group_of, prepend=-1) != 0)
    group_sizes = np.diff(np.append(group_starts, len(hashes)))
    keep = group_docs >= 2
    pair_a, pair_b = [], []
    for size in np.unique(group_sizes[keep]).tolist():
        starts = group_starts[keep & (group_sizes == size)]
        i, j = np.triu_indices(size, 1)
        a = (starts[:, None] + i[None, :]).ravel()
        b = (starts[:, None] + j[None, :]).ravel()
        cross = docs[a] != docs[b]  # sorted by doc inside a group, so docs[a] < docs[b] here
        pair_a.append(a[cross])
        pair_b.append(b[cross])
    step(5)
    if not pair_a:
        return ()
    a, b = np.concatenate(pair_a), np.concatenate(pair_b)
    doc_a, doc_b = docs[a], docs[b]
    pos_a, pos_b = positions[a] - offsets[doc_a], positions[b] - offsets[doc_b]
    diagonal = pos_a - pos_b
    step(6)
    order = np.lexsort((pos_a, diagonal, doc_b, doc_a))
    step(7)
    doc_a, doc_b, pos_a, pos_b, diagonal = (x[order] for x in (doc_a, doc_b, pos_a, pos_b, diagonal))
    # a new run starts at another pair or diagonal, or after a gap: shingles at p and p + shingle touch
    breaks = np.ones(len(pos_a), dtype=bool)
    breaks[1:] = ((doc_a[1:] != doc_a[:-1]) | (doc_b[1:] != doc_b[:-1]) | (diagonal[1:] != diagonal[:-1])
                  | (pos_a[1:] > pos_a[:-1] + shingle))
    first = np.flatnonzero(breaks)
    last = np.append(first[1:], len(pos_a)) - 1
    return doc_a[first], doc_b[first], pos_a[first], pos_b[first], pos_a[last] - pos_a[first] + shingle


def _groups(hashes: np.ndarray, docs: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Group number of each entry (sorted by hash, then doc) and the count of distinct docs per group."""
    new_group = np.ones(len(hashes), dtype=bool)
    new_group[1:] = hashes[1:] != hashes[:-1]
    new_doc = new_group.copy()
    new_doc[1:] |= docs[1:] != docs[:-1]
    group_of = np.cumsum(new_group) - 1
    return group_of, np.bincount(group_of, weights=new_doc).astype(np.int64)


def _verified(flat: np.ndarray, lengths: np.ndarray, offsets: np.ndarray, runs: tuple[np.ndarray, ...],
              min_words: int) -> set[tuple[int, int, int, int, int]]:
    """The maximal runs of equal word ids the candidate runs lead to, at least ``min_words`` long.

    Checked on the ids for all runs at once; only a run that may grow (its neighbours are equal too,
    next to a boilerplate shingle) or that holds a hash collision is walked word by word.
    """
    if not runs:
        return set()
    doc_a, doc_b, pos_a, pos_b, count = runs
    start_a, start_b = offsets[doc_a] + pos_a, offsets[doc_b] + pos_b
    run_of = np.repeat(np.arange(len(count)), count)
    within = np.arange(count.sum()) - np.repeat(np.cumsum(count) - count, count)
    equal = flat[start_a[run_of] + within] == flat[start_b[run_of] + within]
    whole = np.logical_and.reduceat(equal, np.cumsum(count) - count)
    last = len(flat) - 1
    grows_back = ((pos_a > 0) & (pos_b > 0)
                  & (flat[np.maximum(start_a - 1, 0)] == flat[np.maximum(start_b - 1, 0)]))
    grows_on = ((pos_a + count < lengths[doc_a]) & (pos_b + count < lengths[doc_b])
                & (flat[np.minimum(start_a + count, last)] == flat[np.minimum(start_b + count, last)]))
    walk = grows_back | grows_on | ~whole
    done = whole & ~walk & (count >= min_words)
    found = set(zip(doc_a[done].tolist(), doc_b[done].tolist(), pos_a[done].tolist(), pos_b[done].tolist(),
                    count[done].tolist(), strict=True))
    for a, b, pa, pb, n in zip(*(x[walk].tolist() for x in runs), strict=True):
        found.update(_exact_matches(flat[offsets[a] : offsets[a] + lengths[a]],
                                    flat[offsets[b] : offsets[b] + lengths[b]], a, b, pa, pb, n, min_words))
    return found


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
