"""What a user does to a project, shared by the command line and the window, Qt-free.

One module per operation: importing a corpus (``import_corpus``), exporting (``export``), packing,
unpacking and merging team work (``team``), the cross-article consistency report (``consistency``),
suggestions from other articles (``corpus_suggestions``) and the search report (``search_report``).
They sit between the front ends (``cli``, ``ui``) and ``store``/``core``, and import neither front end.
"""
