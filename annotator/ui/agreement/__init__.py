"""The reviewer's Agreement tab: the dashboard (``view``) with its measure chooser and filters
(``controls``; the names of what a measure splits into in ``part_texts``), the per-article and
per-label charts (``plots``), the confusion and pair matrices (``matrices``), the chart split by a
metadata key (``groups_chart``) and the comparison of two
annotators' spans on lanes (``comparison``).
"""
