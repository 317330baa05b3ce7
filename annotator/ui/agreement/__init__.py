"""The reviewer's Agreement tab: the dashboard (``view``) with its measure chooser and filters
(``controls``; the names of what a measure splits into in ``part_texts``), the per-article and
per-label charts (``plots``), the confusion and pair matrices (``matrices``) and the comparison of the
annotators of one article (``comparison``: its text with their lanes in ``lane_text``, the lines of its
list of span, relation, attribute and answer disagreements in ``comparison_texts``).
"""
