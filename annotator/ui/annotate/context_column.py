"""The span list's Context cell drawn as a concordance line: the span in the middle, in bold, the words
before it on its right and the words after it on its left (the text is right-to-left).

A narrow column still shows the words next to the span: each side is cut at its far end, never next
to the span, which a plain elided string («… before «span» aft…») would do.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, Qt
from PySide6.QtGui import QFont, QFontMetrics, QPainter, QPalette
from PySide6.QtWidgets import QApplication, QStyle, QStyledItemDelegate, QStyleOptionViewItem

CONTEXT_ROLE = Qt.ItemDataRole.UserRole + 1  # (before, span, after) of a Context cell
GAP = 4  # pixels between the span and the words either side, where the text has a space


class ContextDelegate(QStyledItemDelegate):
    """Paints (before, span, after) from ``CONTEXT_ROLE``; the cell's display text stays the plain line."""

    def paint(self, painter: QPainter, option: QStyleOptionViewItem,
              index: QModelIndex | QPersistentModelIndex) -> None:
        parts = index.data(CONTEXT_ROLE)
        if not parts:
            super().paint(painter, option, index)
            return
        before, inner, after = parts
        # a space in the text is a gap on screen; a clitic written attached («و» + «الولايات») stays attached
        gap_before = GAP if before[-1:].isspace() else 0
        gap_after = GAP if after[:1].isspace() else 0
        before, after = before.rstrip(), after.lstrip()
        item = QStyleOptionViewItem(option)
        self.initStyleOption(item, index)
        item.text = ""
        widget = option.widget
        style = widget.style() if widget is not None else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, item, painter, widget)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        foreground = index.data(Qt.ItemDataRole.ForegroundRole)
        painter.save()
        painter.setLayoutDirection(option.direction)  # the list's (right-to-left), not the interface's
        painter.setPen(option.palette.color(role) if selected or foreground is None else foreground)
        rect = option.rect.adjusted(GAP, 0, -GAP, 0)
        bold = QFont(item.font)  # a copy: the option's own font draws the words around
        bold.setBold(True)
        bold_metrics = QFontMetrics(bold)
        inner = bold_metrics.elidedText(inner, Qt.TextElideMode.ElideRight, rect.width() // 2)
        inner_width = bold_metrics.horizontalAdvance(inner)
        left = rect.center().x() - inner_width // 2
        flags = Qt.AlignmentFlag.AlignAbsolute | Qt.AlignmentFlag.AlignVCenter | Qt.TextFlag.TextSingleLine
        metrics = QFontMetrics(item.font)
        # right of the span: the words before it, cut at their start; left: the words after, cut at their end
        right_part = QRect(left + inner_width + gap_before, rect.top(),
                           rect.right() - left - inner_width - gap_before, rect.height())
        left_part = QRect(rect.left(), rect.top(), left - gap_after - rect.left(), rect.height())
        painter.setFont(item.font)
        painter.drawText(right_part, flags | Qt.AlignmentFlag.AlignLeft,
                         metrics.elidedText(before, Qt.TextElideMode.ElideLeft, right_part.width()))
        painter.drawText(left_part, flags | Qt.AlignmentFlag.AlignRight,
                         metrics.elidedText(after, Qt.TextElideMode.ElideRight, left_part.width()))
        painter.setFont(bold)
        painter.drawText(QRect(left, rect.top(), inner_width, rect.height()),
                         flags | Qt.AlignmentFlag.AlignLeft, inner)
        painter.restore()
