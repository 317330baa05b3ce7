"""The window's frame: QApplication set-up and language (``app``), the main window with its menus, tabs
and status bar (``main_window``), the one table of actions and shortcuts (``actions``), the background
workers with progress and Cancel (``workers``) and tabs built on first use (``lazy_tab``). It composes the
feature packages beside it and owns no feature itself.
"""
