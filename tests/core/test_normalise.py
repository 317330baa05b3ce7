import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from annotator.core.normalise import normalise, normalised_text


def test_harakat_tatweel_variants_and_offsets():
    text = "قالَ  أحمــد إلى المدرسةِ"
    norm, idx = normalise(text)
    assert norm == "قال احمد الي المدرسه"
    assert isinstance(idx, np.ndarray) and len(idx) == len(norm) + 1
    a = norm.index("احمد")
    b = a + len("احمد")
    assert text[idx[a]:idx[b - 1] + 1] == "أحمــد"


def _reference_normalise(text: str) -> tuple[str, list[int]]:
    """The rules of the issue written as a plain loop, one character at a time."""
    dropped = {chr(c) for c in range(0x064B, 0x0660)} | {"\u0670", "\u0640"}
    unified = {"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ة": "ه"}
    out, index, previous_space = [], [], False
    for i, ch in enumerate(text):
        if ch in dropped:
            continue
        if ch.isspace():
            if previous_space:
                continue
            previous_space = True
            out.append(" ")
        else:
            previous_space = False
            out.append(unified.get(ch, ch))
        index.append(i)
    return "".join(out), [*index, len(text)]


ARABIC_AND_MORE = st.text(
    st.sampled_from([*"قالأإآٱىةحمد \n\t\u00a0\u2003", "\u064e", "\u0651", "\u0670", "\u0640",
                     "𝔸", "😀", "x", "٣"]),
    max_size=60,
)


@settings(max_examples=300, deadline=None)
@given(ARABIC_AND_MORE)
def test_vectorised_normalise_equals_the_plain_rules(text):
    expected_text, expected_index = _reference_normalise(text)
    norm, index = normalise(text)
    assert norm == expected_text
    assert index.tolist() == expected_index
    assert normalised_text(text) == expected_text


def test_seed_articles_normalise_identically_both_ways(seeds_dir):
    for path in sorted(seeds_dir.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        assert normalise(text)[0] == normalised_text(text) == _reference_normalise(text)[0]
