"""The label schema in the window: the Edit labels dialog (``editor``) and its undoable edits — add,
rename, recolour, re-key, reorder, delete (``commands``).
"""
