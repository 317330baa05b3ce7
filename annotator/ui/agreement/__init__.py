"""The reviewer's Agreement tab: the dashboard (``view``) with its measure chooser and filters
(``controls``), the per-article and per-label charts (``plots``), the confusion and pair matrices
(``matrices``) and the comparison of two annotators' spans on lanes (``comparison``).
"""
