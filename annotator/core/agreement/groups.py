"""Agreement split by an article metadata key (``agreement --by outlet``): one input per value."""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from annotator.core.agreement.data import AgreementInput

NO_VALUE = "(no value)"


def meta_value(value: Any) -> str:
    """A metadata value as a group name: text as it is, other JSON values in their JSON spelling."""
    if value is None or value == "":
        return NO_VALUE
    return value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)


def split_by(data: AgreementInput, values: Mapping[str, Any]) -> list[tuple[str, AgreementInput]]:
    """The counted articles grouped by ``values[article id]``, groups sorted by value (no value last)."""
    groups: dict[str, list] = {}
    for article in data.articles:
        groups.setdefault(meta_value(values.get(article.id)), []).append(article)
    order = sorted(groups, key=lambda v: (v == NO_VALUE, v))
    return [(value, AgreementInput(data.labels, tuple(groups[value]), codebook=data.codebook))
            for value in order]
