"""The annotation page, where an annotator reads an article right to left and tags spans: the page
(``page``), the article view (``article_view``) whose span painter (``span_painting``) highlights the spans
in their label colours (``highlight_colours``), the span list (``span_list``), the label bar (``label_bar``)
and the undoable span edits (``commands``).
"""
