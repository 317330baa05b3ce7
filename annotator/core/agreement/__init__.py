"""Inter-annotator agreement: character-level α and κ, span F1, unitizing α_u, and the report on top.

Qt-free and SQL-free. The store hands in a ``data.AgreementInput``; ``report.build_report`` returns a
frozen ``report.AgreementReport`` that ``render`` prints and the dashboard reads; ``disagreements``
lists where annotators' spans differ, ``structure_disagreements`` where their relations, attribute values
and article answers do, and ``lanes`` lays one annotator's overlapping spans out in sub-lanes.
Import from the submodules (this package imports nothing heavy).
"""
