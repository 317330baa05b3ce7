"""The team menus of the main window: pack work out, unpack it, merge annotators' projects and packs,
and export (``actions``).
"""
