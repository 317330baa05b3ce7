"""Suggestions of other occurrences of what was just tagged: the offers controller that finds them in
the article and, in a worker, the corpus (``offers``), the bar that offers them (``bar``), the painter that
outlines them in the article view (``painting``) and the undoable acceptances (``commands``).
"""
