"""The Consistency tab: passages shared by two articles (``passage_list``), shown side by side with
their spans (``sides``), the differences listed and copied across with one undo (``view``).
"""
