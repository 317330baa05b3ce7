"""Painting relations in the article view: arcs above the line from head to child, arrowhead and type name.

``RelationPainter`` is owned by ``ArticleView`` and keeps its own state (the relations shown, by span,
the selected and the pending one); it asks the view for its public geometry (``visible_spans``,
``document``, ``offsets``, ``palette``) and nothing else.

Every arc lives in the room the view reserves above each line (``room``: the article's lines are set
further apart while relations are shown, by as many stacking levels as the most crowded line painted
so far needs, up to ``MOST_LEVELS``), so no arc crosses the letters. Each end is anchored above the
middle of its span's part on the span's first line. An arc whose two ends share a line is a bracket
from head to child with the type's name on its bar; where the ends are on different lines, each end
gets its own half reaching to the line's edge in the direction of the other (so an arc is readable
where lines wrap, and only visible halves are drawn); the child's half carries the arrowhead. Arcs on
one line are stacked: the shorter below, no two bars at one height overlapping, their labels included.
Only relations with an end among the visible spans are painted, so the work per frame is per visible
relation, as for spans.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, NamedTuple

from PySide6.QtCore import QPointF, QRectF, Qt, QTimer
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QFontMetricsF,
    QPainter,
    QPainterPath,
    QPalette,
    QPen,
    QPolygonF,
)

from annotator.core.model import Span
from annotator.core.structure import Relation

if TYPE_CHECKING:
    from annotator.ui.annotate.article_view import ArticleView

MOST_LEVELS = 4  # the line spacing grows to make room for this many stacked arcs, no more (then squeezed)
LABEL_POINT_SIZE = 8
ARROW = 5.0  # arrowhead length, px
PAD = 4.0  # least gap between two bars at one height


class PaintedRelation(NamedTuple):
    relation: Relation
    color: str
    own: bool


class Anchor(NamedTuple):
    """Where one end of a relation sits: its line and x, the line's top and its two text edges."""

    line: tuple[int, int]  # block number, line number in the block
    x: float
    top: float
    start_x: float  # x of the line's first character (the right edge in right-to-left text)
    end_x: float  # x after its last character


@dataclass
class Piece:
    """One stretch of an arc on one line: a full arc, or the head's or the child's half."""

    painted: PaintedRelation
    line: tuple[int, int]
    top: float
    from_x: float
    to_x: float
    from_leg: bool  # a leg down to the span where the piece starts
    arrow: bool  # an arrowhead down into the span where it ends
    label_x: float
    dashed: bool
    width: float = 3.0  # pen width
    level: int = 0

    def extent(self, label_width: float) -> tuple[float, float]:
        low, high = sorted((self.from_x, self.to_x))
        return min(low, self.label_x - label_width / 2) - PAD, max(high, self.label_x + label_width / 2) + PAD


def stack(pieces: list[Piece], label_widths: list[float]) -> int:
    """Give the pieces of one line their levels: shorter lower, no overlap at one level; returns how many."""
    taken: list[list[tuple[float, float]]] = []
    order = sorted(range(len(pieces)), key=lambda i: abs(pieces[i].to_x - pieces[i].from_x))
    for i in order:
        low, high = pieces[i].extent(label_widths[i])
        level = next((k for k, used in enumerate(taken) if all(high <= a or low >= b for a, b in used)),
                     len(taken))
        if level == len(taken):
            taken.append([])
        taken[level].append((low, high))
        pieces[i].level = level
    return len(taken)


class RelationPainter:
    """The relations an ``ArticleView`` draws, and how."""

    def __init__(self, view: ArticleView) -> None:
        self._view = view
        self.relations: list[PaintedRelation] = []
        self.by_span: dict[int, list[PaintedRelation]] = {}
        self.spans: dict[int, Span] = {}
        self.selected_relation_id: int | None = None
        self.pending: tuple[int, int, str] | None = None  # head span, candidate child span, colour
        self.levels = 1  # stacking levels the room is made for: grows (never shrinks) as lines need more
        self.label_font = QFont()
        self.label_font.setPointSize(LABEL_POINT_SIZE)
        self.label_metrics = QFontMetricsF(self.label_font)

    # -- what is painted ------------------------------------------------------------------------

    def clear(self) -> None:
        self.relations, self.by_span, self.spans = [], {}, {}
        self.selected_relation_id = self.pending = None
        self.levels = 1

    def set_relations(self, relations: Iterable[Relation], spans: dict[int, Span], colours: dict[str, str],
                      annotator: str) -> None:
        """Paint ``relations`` between ``spans`` (by id); others' relations dashed."""
        self.spans = spans
        self.relations = [PaintedRelation(r, colours.get(r.type, "#888888"), r.annotator == annotator)
                          for r in relations if r.head in spans and r.child in spans]
        self.by_span = {}
        for painted in self.relations:
            self.by_span.setdefault(painted.relation.head, []).append(painted)
            self.by_span.setdefault(painted.relation.child, []).append(painted)
        self._view.viewport().update()

    def add_relations(self, relations: Iterable[Relation], colours: dict[str, str], annotator: str) -> None:
        """Paint relations just made too (their spans already painted): no rebuild of the others."""
        for relation in relations:
            if relation.head in self.spans and relation.child in self.spans:
                painted = PaintedRelation(relation, colours.get(relation.type, "#888888"),
                                          relation.annotator == annotator)
                self.relations.append(painted)
                self.by_span.setdefault(relation.head, []).append(painted)
                self.by_span.setdefault(relation.child, []).append(painted)
        self._view.viewport().update()

    def remove_relations(self, relation_ids: set[int]) -> None:
        gone = [p for p in self.relations if p.relation.id in relation_ids]
        self.relations = [p for p in self.relations if p.relation.id not in relation_ids]
        for span_id in {end for p in gone for end in (p.relation.head, p.relation.child)}:
            kept = [p for p in self.by_span.get(span_id, ()) if p.relation.id not in relation_ids]
            if kept:
                self.by_span[span_id] = kept
            else:
                self.by_span.pop(span_id, None)
        self._view.viewport().update()

    def wanted_room(self) -> float:
        """Pixels of room the view should keep above each line: none without relations."""
        if not self.relations and self.pending is None:
            return 0.0
        return 2.0 + self.levels * self.level_step()

    def level_step(self) -> float:
        return self.label_metrics.height() + 1.0

    def set_selected_relation(self, relation_id: int | None) -> None:
        if relation_id != self.selected_relation_id:
            self.selected_relation_id = relation_id
            self._view.viewport().update()

    def set_pending(self, pending: tuple[int, int, str] | None) -> None:
        self.pending = pending
        self._view.viewport().update()

    def visible_relations(self) -> list[PaintedRelation]:
        """The relations with an end among the visible spans, each once, in relation id order."""
        seen: dict[int, PaintedRelation] = {}
        for item in self._view.visible_spans():
            for painted in self.by_span.get(item.span.id, ()):
                seen[painted.relation.id] = painted
        return sorted(seen.values(), key=lambda p: p.relation.id)

    # -- geometry -------------------------------------------------------------------------------

    def anchor(self, span: Span) -> Anchor:
        """Above the middle of the span's part on its first line."""
        document = self._view.document()
        to_utf16 = self._view.offsets.to_utf16
        start = to_utf16(span.start)
        block = document.findBlock(start)
        layout = block.layout()
        origin = layout.position()
        offset = start - block.position()
        line = layout.lineForTextPosition(offset)
        if not line.isValid():  # not laid out yet
            return Anchor((block.blockNumber(), 0), origin.x(), origin.y(), origin.x(), origin.x())
        line_end = line.textStart() + line.textLength()
        end = min(to_utf16(span.end) - block.position(), line_end)
        x1, x2 = line.cursorToX(offset)[0], line.cursorToX(end)[0]
        start_x, end_x = line.cursorToX(line.textStart())[0], line.cursorToX(line_end)[0]
        return Anchor((block.blockNumber(), line.lineNumber()), origin.x() + (x1 + x2) / 2,
                      origin.y() + line.y(), origin.x() + start_x, origin.x() + end_x)

    def pieces(self, painted: PaintedRelation, dashed: bool = False, width: float = 1.5) -> list[Piece]:
        head, child = self.spans[painted.relation.head], self.spans[painted.relation.child]
        a, b = self.anchor(head), self.anchor(child)
        dashed = dashed or not painted.own
        if a.line == b.line:
            return [Piece(painted, a.line, a.top, a.x, b.x, True, True, (a.x + b.x) / 2, dashed, width)]
        child_later = (child.start, child.end) > (head.start, head.end)
        head_edge = a.end_x if child_later else a.start_x
        child_edge = b.start_x if child_later else b.end_x
        return [Piece(painted, a.line, a.top, a.x, head_edge, True, False, (a.x + head_edge) / 2, dashed,
                      width),
                Piece(painted, b.line, b.top, child_edge, b.x, False, True, (b.x + child_edge) / 2, dashed,
                      width)]

    # -- drawing --------------------------------------------------------------------------------

    def draw(self, painter: QPainter, room: float) -> None:
        """Draw the visible relations (and the pending one) in the room above their lines."""
        if room <= 0:
            return
        placed = self.placed_pieces(room)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setFont(self.label_font)
        base = self._view.palette().color(QPalette.ColorRole.Base)
        for piece, y, label_width in placed:
            self._draw_piece(painter, piece, y, label_width, base)
        painter.restore()

    def placed_pieces(self, room: float) -> list[tuple[Piece, float, float]]:
        """The pieces to draw with the height of each one's bar and its label's width (document pixels)."""
        pieces: list[Piece] = []
        for painted in self.visible_relations():
            selected = painted.relation.id == self.selected_relation_id
            pieces += self.pieces(painted, width=3.0 if selected else 1.5)
        if self.pending is not None and self.pending[0] in self.spans and self.pending[1] in self.spans:
            head_id, child_id, colour = self.pending
            pending = PaintedRelation(Relation(-1, "", "", head_id, child_id, ""), colour, True)
            pieces += self.pieces(pending, dashed=True, width=2.0)
        by_line: dict[tuple[int, int], list[Piece]] = {}
        for piece in pieces:
            by_line.setdefault(piece.line, []).append(piece)
        placed = []
        for line_pieces in by_line.values():
            widths = [self._label_width(p) for p in line_pieces]
            levels = stack(line_pieces, widths)
            if levels > self.levels and self.levels < MOST_LEVELS:
                # more room from the next frame on (a relayout: not while painting); squeezed till then
                self.levels = min(levels, MOST_LEVELS)
                QTimer.singleShot(0, self._view.keep_relation_room)
            step = min(self.level_step(), (room - 2.0) / levels)
            placed += [(piece, piece.top - 2.0 - step * (piece.level + 0.5), label_width)
                       for piece, label_width in zip(line_pieces, widths, strict=True)]
        return placed

    def _label_width(self, piece: Piece) -> float:
        return self.label_metrics.horizontalAdvance(piece.painted.relation.type) + 6.0

    def _draw_piece(self, painter: QPainter, piece: Piece, y: float, label_width: float,
                    base: QColor) -> None:
        colour = QColor(piece.painted.color)
        pen = QPen(colour, piece.width)
        if piece.dashed:
            pen.setStyle(Qt.PenStyle.DashLine)
        painter.setPen(pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        top = piece.top
        path = QPainterPath()
        if piece.from_leg:
            path.moveTo(piece.from_x, top)
            path.lineTo(piece.from_x, y)
        else:
            path.moveTo(piece.from_x, y)
        path.lineTo(piece.to_x, y)
        if piece.arrow:
            path.lineTo(piece.to_x, top - ARROW)
        painter.drawPath(path)
        if piece.arrow:
            painter.setPen(QPen(colour, 1.0))
            painter.setBrush(QBrush(colour))
            tip, half = QPointF(piece.to_x, top), ARROW * 0.7
            painter.drawPolygon(QPolygonF([tip, QPointF(piece.to_x - half, top - ARROW),
                                           QPointF(piece.to_x + half, top - ARROW)]))
        name = piece.painted.relation.type
        if name:
            height = self.label_metrics.height()
            box = QRectF(piece.label_x - label_width / 2, y - height / 2, label_width, height)
            fill = QColor(base)
            fill.setAlpha(235)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QBrush(fill))
            painter.drawRoundedRect(box, 3, 3)
            painter.setPen(QPen(colour.darker(140)))
            painter.drawText(box, Qt.AlignmentFlag.AlignCenter, name)
