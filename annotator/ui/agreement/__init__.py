"""The reviewer's Agreement tab: the dashboard (``view``) with its measure chooser and filters
(``controls``; the names of what a measure splits into in ``part_texts``), the per-article and
<<<<<<< HEAD
per-label charts (``plots``), the confusion and pair matrices (``matrices``), the chart split by a
metadata key (``groups_chart``) and the comparison of two
annotators' spans on lanes (``comparison``).
=======
per-label charts (``plots``), the confusion and pair matrices (``matrices``) and the comparison of the
annotators of one article (``comparison``: its text with their lanes in ``lane_text``, the lines of its
list of span, relation, attribute and answer disagreements in ``comparison_texts``).
>>>>>>> main
"""
