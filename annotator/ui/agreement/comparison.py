"""The comparison view: one article's text once, right-to-left, with every annotator's spans in lanes of
their own under each line, and the places where they disagree marked and listed.

Under every line of text each counted annotator has a lane (top to bottom in the legend's order); where
one annotator's spans overlap, they take sub-lanes (``core.agreement.lanes``) so none hides another.
A span is a bar in its label's colour: a different label shows as two colours over the same words, a
different boundary as bars of different length, a missing span as a gap outlined in red. Relation
disagreements put a square in the relation type's colour where each end begins (hollow: the other
annotator has no such relation); a differing attribute value puts a dot on both spans. Article answers have no
place in the text and are only listed. The list holds span and structure disagreements in text order
(answers last); the current one is selected in the text and brought to the middle of the view.

Keys (when the view has focus): N or F8 → next disagreement, P or Shift+F8 → previous one.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import (
    QAction,
    QColor,
    QFont,
    QKeySequence,
    QPen,
    QShowEvent,
    QTextCharFormat,
    QTextCursor,
    QTextFormat,
)
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QSplitter,
    QStackedWidget,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from annotator.core.agreement.data import AgreementArticle, StructureCodebook
from annotator.core.agreement.disagreements import Disagreement, DisagreementKind, article_disagreements
from annotator.core.agreement.lanes import lane_count, sub_lanes
from annotator.core.agreement.structure_disagreements import (
    StructureDisagreement,
    StructureKind,
    structure_disagreements,
)
from annotator.core.model import SpanRef
from annotator.core.text import Utf16Map
from annotator.ui.agreement.comparison_texts import describe, kind_name
from annotator.ui.agreement.lane_text import MISSING_OUTLINE, LaneBar, LaneMark, LaneTextView
from annotator.ui.shell import counts as counted

KIND_COLOURS: dict[DisagreementKind | StructureKind, str] = {
    DisagreementKind.MISSING: "#f6b3b3",
    DisagreementKind.LABEL: "#d9c2ef",
    DisagreementKind.BOUNDARY: "#fbe29a",
    StructureKind.MISSING_RELATION: "#b9d3ee",
    StructureKind.RELATION_TYPE: "#cfe0f3",
    StructureKind.RELATION_END: "#dde9f6",
    StructureKind.ATTRIBUTE: "#c7e9c0",
    StructureKind.ANSWER: "#e2e2e2",
}
ATTRIBUTE_DOT = "#1b7837"
FALLBACK_COLOUR = "#7f7f7f"
PLACEHOLDER_PAGE, COMPARISON_PAGE = 0, 1

Entry = Disagreement | StructureDisagreement


def entry_ranges(entry: Entry) -> list[tuple[int, int]]:
    """The code point ranges of the text an entry concerns: both spans of a span disagreement as one
    range; each end of a relation and each span of an attribute on its own; none for an answer."""
    if isinstance(entry, Disagreement):
        spans = [entry.span] + ([entry.other_span] if entry.other_span else [])
        return [(min(s.start for s in spans), max(s.end for s in spans))]
    refs = [ref for relation in (entry.relation, entry.other_relation) if relation is not None
            for ref in (relation.head, relation.child)]
    refs += [ref for ref in (entry.span, entry.other_span) if ref is not None]
    return sorted({(ref.start, ref.end) for ref in refs})


def in_text_order(spans: Sequence[Disagreement], structure: Sequence[StructureDisagreement]) -> list[Entry]:
    """Span and structure disagreements merged by where they start (spans first at a tie), then the
    article answers, which have no place."""
    placed: list[tuple[tuple, Entry]] = [((d.span.start, d.span.end, 0, n), d) for n, d in enumerate(spans)]
    placed += [((*d.extent, 1, n), d) for n, d in enumerate(structure) if d.extent is not None]
    answers = [d for d in structure if d.extent is None]
    return [entry for _, entry in sorted(placed, key=lambda item: item[0])] + answers


def _merged(extents: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Overlapping extents joined: one outline says "nothing here" however many others marked it."""
    out: list[tuple[int, int]] = []
    for start, end in sorted(extents):
        if out and start < out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], end))
        else:
            out.append((start, end))
    return out


class ComparisonView(QWidget):
    """Compare the annotators of one counted article; step through where they disagree."""

    currentDisagreementChanged = Signal(int)  # index into ``disagreements``, -1 for none
    articleChosen = Signal(str)  # article id, picked in the view's article chooser

    def __init__(self, label_colours: Mapping[str, str], *, article_font_family: str = "Amiri",
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("comparisonView")
        self.label_colours = dict(label_colours)
        self.article: AgreementArticle | None = None
        self.codebook = StructureCodebook()
        self.offsets = Utf16Map("")
        self.disagreements: list[Entry] = []  # span and structure disagreements, in the list's order
        self.lane_of: dict[tuple[str, SpanRef], int] = {}  # (annotator, span) → its lane

        self.article_choice = QComboBox(objectName="comparisonArticle")
        self.article_choice.setMinimumContentsLength(30)
        self.article_choice.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.article_choice.activated.connect(self._article_picked)
        self.title = QLabel(objectName="comparisonTitle")
        self.title.setFont(QFont(article_font_family, 15, QFont.Weight.Bold))
        self.title.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignAbsolute)
        self.legend = QLabel(objectName="comparisonLegend")
        self.legend.setTextFormat(Qt.TextFormat.RichText)
        self.legend.setWordWrap(True)
        self.text_view = LaneTextView(article_font_family)
        self.disagreement_list = QListWidget(objectName="disagreementList")
        self.disagreement_list.setFont(QFont(article_font_family, 12))
        self.disagreement_list.setWordWrap(True)
        self.disagreement_list.currentRowChanged.connect(self._show_current)
        self.position = QLabel(objectName="disagreementPosition")
        self.placeholder = QLabel(self.tr(
            "Nothing to compare yet. Click an article's bar in the Charts tab, or pick an article above: "
            "its text appears here with each annotator's spans in a lane under every line, and the places "
            "where they disagree are listed beside it."), objectName="comparisonPlaceholder")
        self.placeholder.setWordWrap(True)
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.placeholder.setStyleSheet("color: palette(placeholder-text); font-size: 15px; padding: 40px;")

        chooser = QHBoxLayout()
        chooser.addWidget(QLabel(self.tr("Article")))
        chooser.addWidget(self.article_choice)
        chooser.addStretch(1)
        chooser.addWidget(self.title, 1)
        side = QWidget()
        side_layout = QVBoxLayout(side)
        side_layout.setContentsMargins(0, 0, 0, 0)
        heading = QHBoxLayout()
        heading.addWidget(QLabel(self.tr("<b>Disagreements</b> (N / F8 next · P / Shift+F8 previous)")))
        heading.addStretch(1)
        heading.addWidget(self.position)
        side_layout.addLayout(heading)
        side_layout.addWidget(self.disagreement_list)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(side)
        splitter.addWidget(self.text_view)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)
        comparison = QWidget()
        comparison_layout = QVBoxLayout(comparison)
        comparison_layout.setContentsMargins(0, 0, 0, 0)
        comparison_layout.addWidget(self.legend)
        comparison_layout.addWidget(splitter, 1)
        self.pages = QStackedWidget(objectName="comparisonPages")
        self.pages.addWidget(self.placeholder)
        self.pages.addWidget(comparison)
        layout = QVBoxLayout(self)
        layout.addLayout(chooser)
        layout.addWidget(self.pages, 1)
        self._add_actions()

    def _add_actions(self) -> None:
        for name, keys, slot in (
            (self.tr("Next disagreement"), ["N", "F8"], self.next_disagreement),
            (self.tr("Previous disagreement"), ["P", "Shift+F8"], self.previous_disagreement),
        ):
            action = QAction(name, self)
            action.setShortcuts([QKeySequence(k) for k in keys])
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            action.triggered.connect(slot)
            self.addAction(action)

    @property
    def article_id(self) -> str | None:
        """The id of the article shown, None before one is."""
        return None if self.article is None else self.article.id

    @property
    def showing_placeholder(self) -> bool:
        return self.pages.currentIndex() == PLACEHOLDER_PAGE

    def set_articles(self, articles: Sequence[tuple[str, str]]) -> None:
        """Offer these (id, title) articles in the chooser; back to the placeholder if the article shown
        is no longer among them."""
        self.article_choice.blockSignals(True)
        self.article_choice.clear()
        for article_id, title in articles:
            self.article_choice.addItem(title or article_id, article_id)
        self.article_choice.setEnabled(bool(articles))
        self.article_choice.blockSignals(False)
        if self.article is not None and self.article.id not in {a for a, _ in articles}:
            self.clear()
        else:
            self._choose(self.article_id)

    def clear(self) -> None:
        """Show the placeholder that says how to fill the view."""
        self.article = None
        self.disagreements = []
        self.disagreement_list.clear()
        self.text_view.clear_article()
        self.title.clear()
        self.pages.setCurrentIndex(PLACEHOLDER_PAGE)
        self._choose(None)

    def _choose(self, article_id: str | None) -> None:
        self.article_choice.blockSignals(True)
        self.article_choice.setCurrentIndex(self.article_choice.findData(article_id) if article_id else -1)
        self.article_choice.blockSignals(False)

    def _article_picked(self, index: int) -> None:
        article_id = self.article_choice.itemData(index)
        if article_id is not None:
            self.articleChosen.emit(article_id)

    def show_article(self, article: AgreementArticle, codebook: StructureCodebook | None = None, *,
                     current: int = 0) -> None:
        """Show ``article`` (text, its counted annotators' spans and structured work) and list where they
        disagree, the ``current``-th (or the last) selected; ``codebook`` gives relation types' colours
        and directions and the questions' order."""
        self.article = article
        self.codebook = codebook or StructureCodebook()
        text = article.text
        self.offsets = Utf16Map(text)
        spans = article_disagreements(article)
        structure = structure_disagreements(article, self.codebook)
        self.disagreements = in_text_order(spans, structure)
        lanes, bars = self._lay_out(article, spans)
        self.title.setText(article.title)
        self.legend.setText(self._legend_html(lanes))
        self.text_view.set_article(text, sum(lanes.values()), bars, self._marks(structure))
        self._tint_disagreements(spans)
        self.disagreement_list.clear()
        for d in self.disagreements:
            item = QListWidgetItem(describe(d, text))
            item.setBackground(QColor(KIND_COLOURS[d.kind]))
            self.disagreement_list.addItem(item)
        self.pages.setCurrentIndex(COMPARISON_PAGE)
        self._choose(article.id)
        if self.disagreements:
            self.disagreement_list.setCurrentRow(min(max(current, 0), len(self.disagreements) - 1))
        else:
            self._show_current(-1)

    def _lay_out(self, article: AgreementArticle, spans: list[Disagreement]) -> tuple[dict[str, int],
                                                                                    list[LaneBar]]:
        """Each annotator's sub-lane count, and the bars: their spans and the outlines of spans they
        lack, laid out together so that an outline never hides a span either."""
        utf16 = self.offsets.to_utf16
        bars: list[LaneBar] = []
        lanes: dict[str, int] = {}
        self.lane_of = {}
        base = 0
        for name in article.annotators:
            own = list(article.spans[name])
            lacking = _merged([(d.span.start, d.span.end) for d in spans
                               if d.kind is DisagreementKind.MISSING and d.other == name])
            sub = sub_lanes([(s.start, s.end) for s in own] + lacking)
            for span, lane in zip(own, sub, strict=False):
                self.lane_of[(name, span)] = base + lane
                bars.append(LaneBar(base + lane, utf16(span.start), utf16(span.end),
                                    self.label_colours.get(span.label, FALLBACK_COLOUR)))
            bars += [LaneBar(base + lane, utf16(start), utf16(end), MISSING_OUTLINE, missing=True)
                     for (start, end), lane in zip(lacking, sub[len(own):], strict=True)]
            lanes[name] = lane_count(sub)
            base += lanes[name]
        return lanes, bars

    def _marks(self, structure: list[StructureDisagreement]) -> list[LaneMark]:
        """Outlines round disputed relations' ends and dots on spans whose attribute differs, in the
        lanes of the spans' annotators (an end that is no counted span has no place)."""
        colours = {t.name: t.color for t in self.codebook.relation_types}
        utf16 = self.offsets.to_utf16
        marks: list[LaneMark] = []

        def mark(annotator: str, span: SpanRef | None, colour: str, hollow: bool = False,
                 dot: bool = False) -> None:
            lane = self.lane_of.get((annotator, span)) if span is not None else None
            if lane is not None and span is not None:
                marks.append(LaneMark(lane, utf16(span.start), utf16(span.end), colour, hollow, dot))

        for d in structure:
            if d.kind is StructureKind.ATTRIBUTE:
                mark(d.annotator, d.span, ATTRIBUTE_DOT, dot=True)
                mark(d.other, d.other_span, ATTRIBUTE_DOT, dot=True)
                continue
            for who, relation in ((d.annotator, d.relation), (d.other, d.other_relation)):
                if relation is not None:
                    colour = colours.get(relation.type, FALLBACK_COLOUR)
                    hollow = d.kind is StructureKind.MISSING_RELATION
                    mark(who, relation.head, colour, hollow)
                    mark(who, relation.child, colour, hollow)
        return marks

    def _legend_html(self, lanes: dict[str, int]) -> str:
        assert self.article is not None
        shown, first = [], 1
        for name, count in lanes.items():
            number = str(first) if count == 1 else f"{first}–{first + count - 1}"
            shown.append(self.tr("{lane}. <b>{name}</b> ({spans})").format(
                lane=number, name=name, spans=counted.spans(len(self.article.spans[name]))))
            first += count
        labels = " ".join(f"<span style='background:{colour}'>&nbsp;&nbsp;&nbsp;</span>&nbsp;{name}"
                          for name, colour in self.label_colours.items())
        kinds = " ".join(f"<span style='background:{colour}'>&nbsp;{kind_name(kind)}&nbsp;</span>"
                         for kind, colour in KIND_COLOURS.items())
        missing = f"<span style='color:{MISSING_OUTLINE}'>- - -</span> " + self.tr("no span in that lane")
        marks = self.tr("{filled} a relation's end in dispute, in its type's colour ({hollow} the other "
                        "annotator has no such relation) · {dot} an attribute value differs · overlapping "
                        "spans of one annotator take extra lanes").format(
            filled="■", hollow="□", dot=f"<span style='color:{ATTRIBUTE_DOT}'>●</span>")
        return self.tr("Lanes under each line, top to bottom: {lanes}<br>Labels: {labels}"
                       "<br>Disagreements: {kinds} &nbsp; {missing}").format(
            lanes=" · ".join(shown), labels=labels, kinds=kinds, missing=missing) + "<br>" + marks

    def _tint_disagreements(self, spans: list[Disagreement]) -> None:
        document = self.text_view.document()
        # Missing spans last, so where kinds overlap the most basic one shows.
        order = {DisagreementKind.BOUNDARY: 0, DisagreementKind.LABEL: 1, DisagreementKind.MISSING: 2}
        for d in sorted(spans, key=lambda d: order[d.kind]):
            (start, end), = entry_ranges(d)
            cursor = QTextCursor(document)
            cursor.setPosition(self.offsets.to_utf16(start))
            cursor.setPosition(self.offsets.to_utf16(end), QTextCursor.MoveMode.KeepAnchor)
            tint = QTextCharFormat()
            tint.setBackground(QColor(KIND_COLOURS[d.kind]))
            cursor.mergeCharFormat(tint)

    @property
    def current_index(self) -> int:
        """Index of the current disagreement in ``disagreements`` (-1 when there is none)."""
        return self.disagreement_list.currentRow()

    def current_range(self) -> tuple[int, int] | None:
        """The UTF-16 range of the text the current disagreement covers (None: none, or an answer)."""
        row = self.current_index
        if not 0 <= row < len(self.disagreements):
            return None
        ranges = entry_ranges(self.disagreements[row])
        if not ranges:
            return None
        return (self.offsets.to_utf16(min(a for a, _ in ranges)),
                self.offsets.to_utf16(max(b for _, b in ranges)))

    def next_disagreement(self) -> None:
        """Go to the next disagreement (wrapping round to the first)."""
        if self.disagreements:
            self.disagreement_list.setCurrentRow((self.current_index + 1) % len(self.disagreements))

    def previous_disagreement(self) -> None:
        """Go to the previous disagreement (wrapping round to the last)."""
        if self.disagreements:
            self.disagreement_list.setCurrentRow((self.current_index - 1) % len(self.disagreements))

    def showEvent(self, event: QShowEvent) -> None:
        """Shown after the article was chosen elsewhere, the current disagreement is centred again (its
        place depends on the view's size)."""
        super().showEvent(event)
        self._centre_current()

    def _centre_current(self) -> None:
        shown = self.current_range()
        if shown is not None:
            self.text_view.centre_on(*shown)

    def _show_current(self, row: int) -> None:
        if row < 0 or row >= len(self.disagreements):
            self.text_view.setExtraSelections([])
            self.position.setText(self.tr("none") if not self.disagreements else "")
            self.currentDisagreementChanged.emit(-1)
            return
        entry = self.disagreements[row]
        selections = []
        for start, end in entry_ranges(entry):
            selection = QTextEdit.ExtraSelection()
            cursor = QTextCursor(self.text_view.document())
            cursor.setPosition(self.offsets.to_utf16(start))
            cursor.setPosition(self.offsets.to_utf16(end), QTextCursor.MoveMode.KeepAnchor)
            selection.cursor = cursor
            selection.format.setBackground(QColor(KIND_COLOURS[entry.kind]).darker(125))
            selection.format.setProperty(QTextFormat.Property.OutlinePen, QPen(QColor("#333333"), 1))
            selections.append(selection)
        self.text_view.setExtraSelections(selections)
        self._centre_current()
        self.position.setText(f"{row + 1} / {len(self.disagreements)}")
        self.currentDisagreementChanged.emit(row)


__all__ = ["ComparisonView", "entry_ranges", "in_text_order"]
