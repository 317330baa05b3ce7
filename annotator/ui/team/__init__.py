"""Team work in the window: the File-menu actions that pack work out, unpack it, merge annotators'
projects and packs, and export (``actions``); and the live team folder (``live_folder``): File ▸ Team
folder… (``folder_dialog``), the rounds through the folder off the GUI thread (``sync_rounds``), the
banner while the folder cannot be reached (``banner``), the Team tab (``panel``) and the words they
use (``wording``).
"""
