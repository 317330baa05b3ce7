"""CoNLL / IOB import: CoNLL-2003 files in IOB1, IOB2 and BIOES, doccano's CoNLL, alignment to articles."""

from __future__ import annotations

from pathlib import Path

import pytest

from annotator.core.errors import InputError
from annotator.core.formats.conll_read import read_conll_file
from annotator.core.model import Document

# CoNLL-2003 columns: token POS chunk NER. The chunk column is IOB too: only the last column is read.
IOB2 = """-DOCSTART- -X- -X- O

قال VBD B-VP O
وزير NN B-NP B-actor
الخارجية NN I-NP I-actor
😀 SYM O O
إن IN B-SBAR O
الأمم NN B-NP B-mediator
المتحدة JJ I-NP I-mediator
. . O O

-DOCSTART- -X- -X- O

تستأنف VB B-VP O
المفاوضات NN B-NP B-demand
"""

IOB1 = IOB2.replace("B-actor", "I-actor").replace("B-mediator", "I-mediator").replace("B-demand", "I-demand")
BIOES = (IOB2.replace("I-actor", "E-actor").replace("I-mediator", "E-mediator")
         .replace("B-demand", "S-demand"))
FIRST = "قال وزير الخارجية 😀 إن الأمم المتحدة ."
EXPECTED = {("وزير الخارجية", "actor"), ("الأمم المتحدة", "mediator")}


def write(tmp_path: Path, content: str, name: str = "news.conll") -> Path:
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    return path


def spans(record) -> set[tuple[str, str]]:
    return {(record.text[s.start:s.end], s.label) for a in record.annotations for s in a.spans}


@pytest.mark.parametrize("content", [IOB2, IOB1, BIOES], ids=["IOB2", "IOB1", "BIOES"])
def test_every_tagging_scheme_gives_the_same_spans_on_rebuilt_text(tmp_path: Path, content: str) -> None:
    result = read_conll_file(write(tmp_path, content), "salma", {})
    first, second = result.records
    assert first.text == FIRST
    assert spans(first) == EXPECTED
    assert spans(second) == {("المفاوضات", "demand")}
    assert result.notes == ["news.conll, document 1 (line 1): text rebuilt from the tokens",
                            "news.conll, document 2 (line 12): text rebuilt from the tokens"]


def test_iob1_b_tag_splits_two_adjacent_spans_of_one_label(tmp_path: Path) -> None:
    content = "-DOCSTART- O\n\nعمرو I-actor\nموسى I-actor\nالبرادعي B-actor\n"
    [record] = read_conll_file(write(tmp_path, content), "salma", {}).records
    assert spans(record) == {("عمرو موسى", "actor"), ("البرادعي", "actor")}


def test_tokens_are_aligned_to_an_article_the_project_has(tmp_path: Path) -> None:
    article = Document("a1", "وساطة", "قال  وزير الخارجية 😀\nإن الأمم المتحدة.")
    result = read_conll_file(write(tmp_path, IOB2), "salma", {"a1": article})
    first = result.records[0]
    assert first.text == article.text and first.id == "a1"
    assert spans(first) == EXPECTED
    assert result.notes[0] == "news.conll, document 1 (line 1): aligned to article a1 (same text)"


def test_doccano_conll_each_sentence_is_a_document(tmp_path: Path) -> None:
    content = "القاهرة\tB-mediator\nتتوسط\tO\n\nحماس\tS-actor\nترفض\tO\n"
    first, second = read_conll_file(write(tmp_path, content, "doccano.conll"), "salma", {}).records
    assert (first.text, spans(first)) == ("القاهرة تتوسط", {("القاهرة", "mediator")})
    assert (second.text, spans(second)) == ("حماس ترفض", {("حماس", "actor")})


@pytest.mark.parametrize("content, message", [
    ("-DOCSTART- O\n\nقال\n", r"news\.conll, line 3: has a token but no tag"),
    ("-DOCSTART- O\n\nقال X-actor\n", r"news\.conll, line 3: tag 'X-actor' is not O or B-/I-/E-/S-"),
    ("-DOCSTART- O O\n\nقال O\nوزير B-actor O\n", r"news\.conll, line 3: has 1 tag column\(s\), .* has 2"),
    ("\n\n", r"news\.conll: has no token lines"),
])
def test_bad_lines_are_refused_naming_file_and_line(tmp_path: Path, content: str, message: str) -> None:
    with pytest.raises(InputError, match=message):
        read_conll_file(write(tmp_path, content), "salma", {})


def test_tags_without_an_annotator_are_refused(tmp_path: Path) -> None:
    with pytest.raises(InputError, match=r"news\.conll, line 1: has tagged tokens but names no annotator"):
        read_conll_file(write(tmp_path, IOB2), None, {})
