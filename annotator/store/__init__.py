"""Storage: the only package that contains SQL. One SQLite file per project."""

from annotator.store.repository import Changes, ImportSummary, Project

__all__ = ["Changes", "ImportSummary", "Project"]
