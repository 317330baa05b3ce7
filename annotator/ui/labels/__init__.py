"""The codebook in the window: the Edit labels dialog (``editor``) with its Labels tab and its edits — add,
rename, recolour, re-key, reorder, delete (``commands``) — and the tabs for relation types
(``relation_types_tab``), attributes per label with their values or vocabulary (``attributes_tab``) and
article questions with their options (``questions_tab``), sharing ``parts`` and undone through
``codebook_commands``.
"""
