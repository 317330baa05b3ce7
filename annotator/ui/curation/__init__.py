"""The Curate tab, where a reviewer adjudicates annotators' work into gold: the page with its article
chooser (``page``), the curation view of waiting, accepted and rejected spans (``view``), its second tab
of gold and waiting relations, attribute values and article answers (``coding_lists``) and the undoable
gold decisions (``gold_commands``).
"""
