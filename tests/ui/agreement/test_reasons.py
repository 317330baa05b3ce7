"""Every reason core gives for an undefined figure is listed for translation, and reads in Arabic."""

from __future__ import annotations

import importlib
import pkgutil

import annotator.core.agreement as agreement
from annotator.ui.agreement.reasons import REASONS, reason_text
from annotator.ui.shell.app import install_language

# module-level sentences that are not reasons: notes, headers and the like
NOT_REASONS = ("NOTE", "CSV", "MISSING", "FAILED")


def core_reasons() -> set[str]:
    found = set()
    for module in pkgutil.iter_modules(agreement.__path__):
        names = vars(importlib.import_module(f"annotator.core.agreement.{module.name}"))
        found |= {value for name, value in names.items() if name.isupper() and isinstance(value, str)
                  and " " in value and len(value) > 12 and not name.startswith(NOT_REASONS)}
    return found


def test_every_reason_core_gives_is_listed_for_translation() -> None:
    assert core_reasons() <= set(REASONS)


def test_a_reason_reads_in_arabic_and_an_unknown_one_as_it_came(qapp) -> None:
    install_language(qapp, "ar")
    try:
        for reason in REASONS:
            assert reason_text(reason) != reason, reason
        assert reason_text("pygamma said no") == "pygamma said no"
        assert reason_text(None) == ""
    finally:
        install_language(qapp, "en")
