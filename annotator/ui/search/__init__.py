"""The search dock (Ctrl+Shift+F): an Arabic-aware search over every article, hits grouped by article,
a hit opening the article with the match selected (``panel``).
"""
