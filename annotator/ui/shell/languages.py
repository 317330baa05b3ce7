"""The interface languages the window offers (shared by the application set-up and the View menu)."""

LANGUAGES = ("en", "ar")  # English is the source language; every other one has a .qm file
RIGHT_TO_LEFT_LANGUAGES = {"ar"}
