"""The Curate tab, where a reviewer adjudicates annotators' spans into gold: the page with its article
chooser (``page``), the curation view of waiting, accepted and rejected spans (``view``) and the undoable
gold decisions (``gold_commands``).
"""
