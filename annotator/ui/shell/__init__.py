"""The window's frame: QApplication set-up and language (``app``), the main window with its menus, tabs
and status bar (``main_window``), the one table of actions and shortcuts (``actions``), the background
workers with progress and Cancel (``workers``), tabs built on first use (``lazy_tab``) and the Articles
dock (``article_list``, its metadata filter and sort in ``article_metadata``). It composes the feature
packages beside it and owns no feature itself.
"""
