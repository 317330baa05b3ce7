"""Qt-free core: documents, spans, labels, text handling, agreement, formats. Never imports Qt or SQL."""
