import numpy as np

from annotator.core.normalise import normalise


def test_harakat_tatweel_variants_and_offsets():
    text = "قالَ  أحمــد إلى المدرسةِ"
    norm, idx = normalise(text)
    assert norm == "قال احمد الي المدرسه"
    assert isinstance(idx, np.ndarray) and len(idx) == len(norm) + 1
    a = norm.index("احمد")
    b = a + len("احمد")
    assert text[idx[a]:idx[b - 1] + 1] == "أحمــد"
