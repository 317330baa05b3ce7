"""WebAnno TSV 3 import: a hand-written file (from the format's documentation) with UTF-16 offsets."""

from __future__ import annotations

from pathlib import Path

import pytest

from annotator.core.errors import InputError
from annotator.core.formats.webanno_tsv import is_webanno_tsv, read_webanno_tsv
from annotator.core.formats.xmi import XmiMapping

# Two sentences; the emoji takes two UTF-16 units, so every offset after it is one more than its
# code point. A multi-token NamedEntity ([1]) nests a one-token one; a custom layer stacks a value.
TSV = """#FORMAT=WebAnno TSV 3.3
#T_SP=de.tudarmstadt.ukp.dkpro.core.api.ner.type.NamedEntity|identifier|value
#T_SP=webanno.custom.Claim|kind


#Text=قال 😀 الوزير إن
1-1\t0-3\tقال\t_\t_\t_
1-2\t4-6\t😀\t_\t_\t_
1-3\t7-13\tالوزير\t*[1]|*\tmediator[1]|actor\t_
1-4\t14-16\tإن\t*[1]\tmediator[1]\t_

#Text=المفاوضات ستستأنف
2-1\t17-26\tالمفاوضات\t*\tdemand\tdenial[2]
2-2\t27-34\tستستأنف\t_\t_\tdenial[2]
"""


def write(tmp_path: Path, content: str = TSV) -> Path:
    path = tmp_path / "doc.tsv"
    path.write_text(content, encoding="utf-8")
    return path


def test_spans_rebuilt_across_tokens_with_offsets_in_code_points(tmp_path: Path) -> None:
    path = write(tmp_path)
    assert is_webanno_tsv(path)
    record = read_webanno_tsv(path, "salma")
    assert record.text == "قال 😀 الوزير إن\nالمفاوضات ستستأنف"
    [annotation] = record.annotations
    assert sorted((record.text[s.start:s.end], s.label) for s in annotation.spans) == sorted(
        [("الوزير", "actor"), ("الوزير إن", "mediator"), ("المفاوضات", "demand")])


def test_custom_layer_chosen_by_mapping(tmp_path: Path) -> None:
    record = read_webanno_tsv(write(tmp_path), "salma", XmiMapping("webanno.custom.Claim", "kind"))
    [span] = record.annotations[0].spans
    assert (record.text[span.start:span.end], span.label) == ("المفاوضات ستستأنف", "denial")


def test_token_that_disagrees_with_the_text_is_refused_naming_the_line(tmp_path: Path) -> None:
    with pytest.raises(InputError, match=r"doc\.tsv, line 9: token 'الوزير' at 6-12"):
        read_webanno_tsv(write(tmp_path, TSV.replace("7-13", "6-12")), "salma")


def test_missing_columns_and_unknown_layer_are_refused(tmp_path: Path) -> None:
    with pytest.raises(InputError, match=r"line 7: has 5 columns, the header declares 6"):
        read_webanno_tsv(write(tmp_path, TSV.replace("0-3\tقال\t_\t_\t_", "0-3\tقال\t_\t_")), "salma")
    with pytest.raises(InputError, match=r"declares no layer webanno\.custom\.Other"):
        read_webanno_tsv(write(tmp_path), "salma", XmiMapping("webanno.custom.Other", "x"))
