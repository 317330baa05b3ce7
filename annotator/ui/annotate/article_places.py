"""Where each article was left: the article view's scroll position and the selected span, per annotator.

The annotation page records the place when it leaves an article and puts it back when the article is
opened again, so going to another article and back (or restarting) does not lose the annotator's place.
Kept in the settings as one small JSON value per project file, the most recent ``KEPT`` articles.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QSettings

KEPT = 500  # articles remembered per project; the oldest are forgotten first


@dataclass(frozen=True)
class ArticlePlace:
    """The article view's vertical scroll value and the selected span (None: none) when it was left.

    A scroll value, not a text position: finding the text at the top of the view makes Qt lay a long
    article out to there (1.7 s for 1 MB), reading the scroll bar costs nothing. The same window width
    gives the same place.
    """

    scroll: int
    span_id: int | None


class ArticlePlaces:
    """(annotator, article id) → ArticlePlace, most recently left last."""

    def __init__(self) -> None:
        self._places: dict[tuple[str, str], ArticlePlace] = {}

    def remember(self, annotator: str, article_id: str, place: ArticlePlace) -> None:
        key = (annotator, article_id)
        self._places.pop(key, None)
        self._places[key] = place
        while len(self._places) > KEPT:
            del self._places[next(iter(self._places))]

    def place(self, annotator: str, article_id: str) -> ArticlePlace | None:
        return self._places.get((annotator, article_id))

    # -- across restarts ---------------------------------------------------------------------------

    @staticmethod
    def settings_key(project_path: Path) -> str:
        digest = hashlib.sha1(str(Path(project_path).resolve()).encode("utf-8")).hexdigest()[:16]
        return f"articlePlaces/{digest}"

    def load(self, settings: QSettings, project_path: Path) -> None:
        """Read the places saved for ``project_path``; a missing or damaged value is no place at all."""
        try:
            saved = json.loads(str(settings.value(self.settings_key(project_path), "") or "[]"))
            for annotator, article_id, scroll, span_id in saved:
                self.remember(str(annotator), str(article_id),
                              ArticlePlace(int(scroll), None if span_id is None else int(span_id)))
        except (ValueError, TypeError):
            return

    def save(self, settings: QSettings, project_path: Path) -> None:
        rows = [[annotator, article_id, place.scroll, place.span_id]
                for (annotator, article_id), place in self._places.items()]
        settings.setValue(self.settings_key(project_path), json.dumps(rows, ensure_ascii=False))
