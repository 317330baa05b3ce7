"""The four pyqtgraph charts of the agreement dashboard; each draws values from core.agreement_charts.

Undefined figures are never drawn as 0: an undefined article is a grey hatched bar over the whole value
range whose tooltip gives the reason; an undefined cell says "—" and why when hovered. Corpus figures
carry their bootstrap 95% interval where the report has one: a shaded band around the corpus line of
the article bars, an error bar on each label's corpus figure, and "0.712 [0.650, 0.770]" in the texts.
"""

from __future__ import annotations

import textwrap
from collections.abc import Mapping, Sequence

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QCoreApplication, QPointF, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QCursor
from PySide6.QtWidgets import QToolTip

from annotator.core.agreement.numbers import fixed
from annotator.core.agreement_charts import (
    ArticleBar,
    Figure,
    LabelSpread,
    Part,
)
from annotator.ui.agreement.chart import Chart
from annotator.ui.agreement.part_texts import (
    INTERVAL_BARS_TITLE,
    SPLIT_TITLE,
    SPREAD_INTERVAL_TITLE,
    SPREAD_TITLE,
)
from annotator.ui.agreement.reasons import reason_text
from annotator.ui.shell import counts as counted

BAR_COLOUR = "#4e79a7"
INTERVAL_COLOUR = "#222222"
UNDEFINED_COLOUR = "#9e9e9e"
UNDEFINED_FILL = "#ececec"
FALLBACK_COLOUR = "#7f7f7f"
TICK_TITLES = 12  # up to this many articles the x axis names them; beyond, it numbers them
TITLE_CHARS = 22

translate = QCoreApplication.translate



def _undefined_brush() -> QBrush:
    return QBrush(QColor(UNDEFINED_COLOUR), Qt.BrushStyle.BDiagPattern)


def figure_text(f: Figure, digits: int = 3) -> str:
    """A figure as the dashboard writes it: "0.712", with its 95% interval "0.712 [0.650, 0.770]",
    or "undefined — why"."""
    if f.value is None:
        return translate("AgreementCharts", "undefined — {reason}").format(reason=reason_text(f.reason))
    if f.interval is None:
        return number_text(f.value, digits)
    low, high = f.interval
    # forced left-to-right (LRO…PDF; Qt reorders even inside an embedding or isolate): in an Arabic
    # line the bidi algorithm would otherwise print "[0.881 ,0.805]"
    return f"\u202d{fixed(f.value, digits)} [{fixed(low, digits)}, {fixed(high, digits)}]\u202c"


def number_text(value: float, digits: int = 3) -> str:
    """``value`` as ``fixed`` writes it, forced left to right (LRO…PDF) so that inside an Arabic sentence
    a negative figure still reads "-0.161", not "0.161-" (digits alone need no override)."""
    text = fixed(value, digits)
    return f"\u202d{text}\u202c" if text.startswith("-") else text


def _short(text: str, limit: int = TITLE_CHARS) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[:limit - 1] + "…"


class ArticleBarsChart(Chart):
    """One bar per article (or per article and label), the corpus figure as a dashed line."""

    articleClicked = Signal(str)  # article id

    def __init__(self) -> None:
        super().__init__("articleBarsChart")
        plot = self.getPlotItem()
        plot.getAxis("bottom").enableAutoSIPrefix(False)
        self.setMouseEnabled(x=True, y=False)
        self.bars: list[ArticleBar] = []
        self.labels: tuple[str, ...] = ()
        self.measure = ""
        self.defined_items: dict[str, pg.BarGraphItem] = {}  # "" (pooled) or label → its defined bars
        self.undefined_item: pg.BarGraphItem | None = None
        self.reference_lines: list[pg.InfiniteLine] = []
        self.corpus: dict[str, Figure] = {}
        self.interval_bands: dict[str, pg.LinearRegionItem] = {}  # pooled: "" → its 95% band
        self.interval_bars: dict[str, pg.ErrorBarItem] = {}  # split: label → its 95% error bar
        self.hover_text = ""
        self.scene().sigMouseMoved.connect(self._hover)
        self.scene().sigMouseClicked.connect(self._click)

    def draw(self, bars: Sequence[ArticleBar], measure: str, corpus: Mapping[str, Figure],
             colours: Mapping[str, str], split: tuple[str, ...] = (), order_name: str = "",
             part: Part = Part.LABEL) -> None:
        """Draw ``bars``; ``split`` names the labels (or the measure's other ``part``s: relation types,
        attributes, questions) to draw side by side (empty = pooled), ``corpus`` maps "" (pooled) and
        each of them to its corpus-wide figure."""
        plot = self.getPlotItem()
        plot.clear()
        if plot.legend is not None:  # clear() leaves the legend of a split chart behind
            plot.legend.scene().removeItem(plot.legend)
            plot.legend = None
        self.bars, self.labels, self.measure, self.corpus = list(bars), split, measure, dict(corpus)
        self.defined_items, self.undefined_item, self.reference_lines = {}, None, []
        self.interval_bands, self.interval_bars = {}, {}
        groups = split or ("",)
        width = 0.8 / len(groups)
        values = [f.value for bar in bars for f in self._figures(bar) if f.value is not None]
        values += [v for f in corpus.values() if f.interval is not None for v in f.interval]
        low = min(0.0, *values) if values else 0.0
        high = max(1.0, *values) if values else 1.0
        undefined_x: list[float] = []
        for g, group in enumerate(groups):
            offset = (g - (len(groups) - 1) / 2) * width
            xs, heights = [], []
            for i, bar in enumerate(bars):
                f = bar.figure if not group else bar.per_label[group]
                if f.value is None:
                    undefined_x.append(i + offset)
                else:
                    xs.append(i + offset)
                    heights.append(f.value)
            colour = colours.get(group, FALLBACK_COLOUR) if group else BAR_COLOUR
            item = pg.BarGraphItem(x=np.array(xs, float), height=np.array(heights, float), width=width * 0.9,
                                   brush=colour, pen=pg.mkPen(QColor(colour).darker(130)))
            plot.addItem(item)
            self.defined_items[group] = item
        if undefined_x:
            # a light grey fill under the hatching: SVG export drops pattern brushes, the grey stays
            plot.addItem(pg.BarGraphItem(x=np.array(undefined_x), y0=low, height=high - low,
                                         width=width * 0.9, brush=UNDEFINED_FILL, pen=pg.mkPen(None)))
            self.undefined_item = pg.BarGraphItem(
                x=np.array(undefined_x), y0=low, height=high - low, width=width * 0.9,
                brush=_undefined_brush(), pen=pg.mkPen(UNDEFINED_COLOUR))
            plot.addItem(self.undefined_item)
            if len(bars) <= TICK_TITLES:
                self._write_reasons(bars, y=(low + high) / 2)
        legend = None
        if split:
            legend = plot.addLegend(offset=(10, 10), labelTextColor="#222222",
                                    brush=pg.mkBrush(255, 255, 255, 220))
        for group in groups:
            f = corpus.get(group)
            if legend is not None:
                entry = translate("AgreementCharts", "{label}: corpus {value}")
                legend.addItem(self.defined_items[group],
                               entry.format(label=group, value=figure_text(f)) if f else group)
            if f is None or f.value is None:
                continue
            colour = colours.get(group, "#222222") if group else "#222222"
            if f.interval is not None and not split:
                self._add_band(group, f.interval, colour)
            pen = pg.mkPen(colour, width=1.5, style=Qt.PenStyle.DashLine)
            label_opts = {"position": 0.01, "color": colour, "anchors": [(0, 1), (0, 1)],
                          "fill": pg.mkBrush(255, 255, 255, 200)}
            corpus_text = translate("AgreementCharts", "corpus {measure} {value}").format(
                measure=measure, value=figure_text(f))
            line = pg.InfiniteLine(pos=f.value, angle=0, pen=pen, label=None if split else corpus_text,
                                   labelOpts=label_opts)
            plot.addItem(line)
            self.reference_lines.append(line)
        title = translate("AgreementCharts", "{measure} per article ({order})").format(
            measure=measure, order=order_name)
        if split:
            title += translate("AgreementCharts", SPLIT_TITLE[part])
        right = max(len(bars), 1) - 0.4
        if split:
            right = self._add_interval_bars(groups, colours, len(bars))
        if self.interval_bands:
            title += translate("AgreementCharts", " — band: corpus 95% interval")
        if self.interval_bars:
            title += translate("AgreementCharts", INTERVAL_BARS_TITLE[part])
        if len(bars) and len(undefined_x):
            title += translate("AgreementCharts", " — grey hatched: undefined, hover for why")
        self.set_title(title, size="11pt")
        plot.setLabel("left", measure, color="#222222")
        axis = plot.getAxis("bottom")
        if len(bars) <= TICK_TITLES:
            ticks = [(i, _short(bar.title)) for i, bar in enumerate(bars)]
            if self.interval_bars:
                slot = np.mean([float(item.opts["x"][0]) for item in self.interval_bars.values()])
                ticks.append((float(slot), translate("AgreementCharts", "corpus")))
            axis.setTicks([ticks])
        else:
            axis.setTicks(None)
        plot.setLabel("bottom", translate("AgreementCharts", "articles") if len(bars) <= TICK_TITLES
                      else translate("AgreementCharts", "article ({order})").format(order=order_name),
                      color="#222222")
        plot.setXRange(-0.6, right, padding=0)
        plot.setYRange(low, high + 0.05 * (high - low), padding=0)

    def _add_interval_bars(self, groups: tuple[str, ...], colours: Mapping[str, str], n_bars: int) -> float:
        """Split by label: each label's corpus figure (a dot on its dashed line) and 95% interval as an
        error bar in its colour, side by side in a slot right of the articles (bands of several labels
        would cover each other). Returns the right end of the x range."""
        slot = max(1.0, 0.05 * n_bars)
        centre = n_bars - 0.5 + slot / 2
        step = slot * 0.8 / len(groups)
        plot = self.getPlotItem()
        for g, group in enumerate(groups):
            f = self.corpus.get(group)
            if f is None or f.value is None or f.interval is None:
                continue
            x = np.array([centre + (g - (len(groups) - 1) / 2) * step])
            colour = colours.get(group, FALLBACK_COLOUR)
            low, high = f.interval
            item = pg.ErrorBarItem(x=x, y=np.array([f.value]), top=np.array([high - f.value]),
                                   bottom=np.array([f.value - low]), beam=step * 0.6,
                                   pen=pg.mkPen(QColor(colour).darker(120), width=2))
            plot.addItem(item)
            plot.addItem(pg.ScatterPlotItem(x, [f.value], size=7, brush=colour,
                                            pen=pg.mkPen(QColor(colour).darker(130))))
            self.interval_bars[group] = item
        return n_bars - 0.5 + slot + 0.1

    def _add_band(self, group: str, interval: tuple[float, float], colour: str) -> None:
        """The corpus figure's 95% interval as a band behind the bars (one bar is too thin for an error
        bar among 1,000 articles; a band reads at any width)."""
        fill = QColor(colour)
        fill.setAlpha(28 if self.labels else 40)
        edge = QColor(colour)
        edge.setAlpha(90)
        band = pg.LinearRegionItem(values=interval, orientation="horizontal", movable=False,
                                   brush=pg.mkBrush(fill), pen=pg.mkPen(edge, width=1))
        band.setZValue(-20)
        band.setToolTip(self._interval_tip(group))
        self.getPlotItem().addItem(band)
        self.interval_bands[group] = band

    def _write_reasons(self, bars: Sequence[ArticleBar], y: float) -> None:
        """With few bars, write "undefined" and the reason on an article whose figures are all
        undefined (one label's undefined bar in a split chart explains itself on hover); once across the
        chart when every article is undefined for the same reason (a corpus-only measure, nothing drawn)."""
        undefined = [(i, self._figures(bar)) for i, bar in enumerate(bars)]
        undefined = [(i, figures) for i, figures in undefined if all(f.value is None for f in figures)]
        reasons = {f.reason for _, figures in undefined for f in figures}
        if bars and len(undefined) == len(bars) and len(reasons) == 1:
            text = pg.TextItem(translate("AgreementCharts", "undefined in every article") + "\n"
                               + textwrap.fill(reason_text(reasons.pop()), 60), color="#333333",
                               anchor=(0.5, 0.5), fill=pg.mkBrush(255, 255, 255, 230))
            text.setPos((len(bars) - 1) / 2, y)
            self.getPlotItem().addItem(text)
            return
        for i, figures in undefined:
            reason = textwrap.fill(reason_text(figures[0].reason), 28 if len(bars) <= 6 else 16)
            text = pg.TextItem(translate("AgreementCharts", "undefined") + f"\n{reason}", color="#333333",
                               anchor=(0.5, 0.5), fill=pg.mkBrush(255, 255, 255, 220))
            text.setPos(i, y)
            self.getPlotItem().addItem(text)

    def _figures(self, bar: ArticleBar) -> list[Figure]:
        return [bar.per_label[label] for label in self.labels] if self.labels else [bar.figure]

    def bar_at(self, x: float) -> tuple[int, str] | None:
        """(article index, label or "") of the bar under view coordinate ``x``, if any."""
        index = round(x)
        if not 0 <= index < len(self.bars) or abs(x - index) > 0.45:
            return None
        if not self.labels:
            return index, ""
        width = 0.8 / len(self.labels)
        slot = int((x - index + 0.4) // width)
        return index, self.labels[min(max(slot, 0), len(self.labels) - 1)]

    def describe(self, index: int, label: str = "") -> str:
        """The hover text of a bar: title, value (or why undefined), annotators, spans."""
        bar = self.bars[index]
        f = bar.per_label[label] if label else bar.figure
        counts = ", ".join(f"{name} {n}" for name, n in bar.span_counts.items())
        name = f"{self.measure} ({label})" if label else self.measure
        text = translate("AgreementCharts", "{title}\n{measure}: {value}\nannotators: {count} ({names})\n"
                                            "spans: {spans} ({counts})\nclick to compare the annotators")
        text = text.format(
            title=bar.title, measure=name, value=figure_text(f), count=len(bar.annotators),
            names=", ".join(bar.annotators), spans=bar.spans, counts=counts)
        corpus = self.corpus.get(label)
        if corpus is not None:
            text += "\n" + translate("AgreementCharts", "corpus: {value}").format(value=figure_text(corpus))
        return text

    def describe_interval_at(self, x: float) -> str:
        """The hover text of a label's corpus error bar (split by label) near view coordinate ``x``."""
        if not self.interval_bars:
            return ""
        group, item = min(self.interval_bars.items(), key=lambda kv: abs(float(kv[1].opts["x"][0]) - x))
        if abs(float(item.opts["x"][0]) - x) > float(item.opts["beam"]):
            return ""
        return self._interval_tip(group)

    def _interval_tip(self, group: str) -> str:
        tip = translate("AgreementCharts", "corpus {measure}{label}: {value} (95% bootstrap interval, "
                                           "resampling articles)")
        return tip.format(measure=self.measure, label=f" ({group})" if group else "",
                          value=figure_text(self.corpus[group]))

    def _hover(self, scene_pos: QPointF) -> None:
        view = self.getPlotItem().vb
        if not view.sceneBoundingRect().contains(scene_pos):
            return
        x = view.mapSceneToView(scene_pos).x()
        hit = self.bar_at(x)
        self.hover_text = self.describe(*hit) if hit is not None else self.describe_interval_at(x)
        if self.hover_text:
            QToolTip.showText(QCursor.pos(), self.hover_text, self)
        else:
            QToolTip.hideText()

    def _click(self, event) -> None:
        if event.button() != Qt.MouseButton.LeftButton:
            return
        view = self.getPlotItem().vb
        if not view.sceneBoundingRect().contains(event.scenePos()):
            return
        hit = self.bar_at(view.mapSceneToView(event.scenePos()).x())
        if hit is not None:
            self.articleClicked.emit(self.bars[hit[0]].article_id)

    def drawn_heights(self, label: str = "") -> dict[str, float]:
        """Article id → height of its drawn bar (for ``label``, or pooled), read back from the item."""
        item = self.defined_items.get(label)
        if item is None:
            return {}
        groups = self.labels or ("",)
        offset = (groups.index(label) - (len(groups) - 1) / 2) * (0.8 / len(groups))
        return {self.bars[round(float(x) - offset)].article_id: float(h)
                for x, h in zip(item.opts["x"], item.opts["height"], strict=True)}

    def drawn_intervals(self) -> dict[str, tuple[float, float]]:
        """"" (pooled band) or label (split error bar) → (low, high) as drawn, read back from the items."""
        drawn = {group: tuple(float(v) for v in band.getRegion())
                 for group, band in self.interval_bands.items()}
        for group, item in self.interval_bars.items():
            y, top, bottom = (float(item.opts[k][0]) for k in ("y", "top", "bottom"))
            drawn[group] = (y - bottom, y + top)
        return drawn

    def drawn_undefined(self) -> list[str]:
        """Article ids that have an undefined (hatched) bar."""
        if self.undefined_item is None:
            return []
        return [self.bars[round(float(x))].article_id for x in self.undefined_item.opts["x"]]


class LabelSpreadChart(Chart):
    """Per label: a box of the per-article quartiles, the articles as dots, the corpus value as a bar
    with its 95% interval as an error bar."""

    def __init__(self) -> None:
        super().__init__("labelSpreadChart")
        self.setMouseEnabled(x=False, y=False)
        self.spreads: list[LabelSpread] = []
        self.measure = ""
        self.error_bars: pg.ErrorBarItem | None = None
        self.hover_text = ""
        self.scene().sigMouseMoved.connect(self._hover)

    def draw(self, spreads: Sequence[LabelSpread], measure: str, colours: Mapping[str, str],
             part: Part = Part.LABEL) -> None:
        """One column per label (or per relation type, attribute or question: the measure's ``part``)."""
        plot = self.getPlotItem()
        plot.clear()
        self.spreads, self.measure, self.error_bars = list(spreads), measure, None
        rng = np.random.default_rng(0)  # the same jitter every redraw
        shown: list[float] = []  # every value drawn, to fit the value axis to them
        with_interval = [(k, s.overall) for k, s in enumerate(spreads) if s.overall.interval is not None]
        for k, spread in enumerate(spreads):
            colour = QColor(colours.get(spread.label, FALLBACK_COLOUR))
            light = QColor(colour)
            light.setAlpha(70)
            quartiles = spread.quartiles()
            if quartiles:
                q1, median, q3 = quartiles
                plot.addItem(pg.BarGraphItem(x=[k], y0=[q1], height=[max(q3 - q1, 0.004)], width=0.6,
                                             brush=light, pen=pg.mkPen(colour)))
                plot.addItem(pg.PlotDataItem([k - 0.3, k + 0.3], [median, median],
                                             pen=pg.mkPen(colour, width=2)))
                xs = k + rng.uniform(-0.22, 0.22, len(spread.per_article))
                plot.addItem(pg.ScatterPlotItem(xs, spread.per_article, size=5, brush=colour,
                                                pen=pg.mkPen("w", width=0.5)))
                shown += spread.per_article
            overall = spread.overall
            if overall.value is not None:
                shown.append(overall.value)
                plot.addItem(pg.PlotDataItem([k - 0.38, k + 0.38], [overall.value] * 2,
                                             pen=pg.mkPen("#111111", width=3)))
                top = overall.interval[1] if overall.interval is not None else overall.value
                text = pg.TextItem(fixed(overall.value, 2), color="#111111", anchor=(0.5, 1.0),
                                   fill=pg.mkBrush(255, 255, 255, 190))
                text.setPos(k, top)
            else:
                text = pg.TextItem(translate("AgreementCharts", "undefined"), color="#555555",
                                   anchor=(0.5, 0.5))
                text.setPos(k, 0.5)
            text.setToolTip(self.describe(k))
            plot.addItem(text)
        if with_interval:
            xs = np.array([k for k, _ in with_interval], dtype=float)
            ys = np.array([f.value for _, f in with_interval], dtype=float)
            lows = np.array([f.interval[0] for _, f in with_interval], dtype=float)
            highs = np.array([f.interval[1] for _, f in with_interval], dtype=float)
            self.error_bars = pg.ErrorBarItem(x=xs, y=ys, top=highs - ys, bottom=ys - lows, beam=0.22,
                                              pen=pg.mkPen(INTERVAL_COLOUR, width=2))
            self.error_bars.setZValue(10)
            plot.addItem(self.error_bars)
            shown += [float(lows.min()), float(highs.max())]
        # names cut to their column's width (about 7 px a character), so neighbours never run together
        room = max(6, int((self.width() - 60) / max(len(spreads), 1) / 7))
        plot.getAxis("bottom").setTicks([[(k, _short(s.label, room)) for k, s in enumerate(spreads)]])
        title = translate("AgreementCharts", (SPREAD_INTERVAL_TITLE if with_interval else SPREAD_TITLE)[part])
        self.set_title(title.format(measure=measure))
        plot.setXRange(-0.6, max(len(spreads), 1) - 0.4, padding=0)
        # Fitted to the figures (not 0 to 1): AC1 near 1 would otherwise squeeze boxes and error bars flat.
        low, high = (min(shown), max(shown)) if shown else (0.0, 1.0)
        pad = max(0.15 * (high - low), 0.02)
        plot.setYRange(low - pad, high + 1.5 * pad, padding=0)

    def describe(self, k: int) -> str:
        """The hover text of label ``k``: its corpus figure with interval (or why undefined) and the
        spread of its articles."""
        spread = self.spreads[k]
        text = translate("AgreementCharts", "{label}\ncorpus {measure}: {value}").format(
            label=spread.label, measure=self.measure, value=figure_text(spread.overall))
        quartiles = spread.quartiles()
        if quartiles is not None:
            text += "\n" + translate("AgreementCharts", "{articles}: median {median}, middle half "
                                                         "{q1}–{q3}").format(
                articles=counted.articles(len(spread.per_article)), median=number_text(quartiles[1]),
                q1=number_text(quartiles[0]), q3=number_text(quartiles[2]))
        if spread.undefined_articles:
            text += "\n" + translate("AgreementCharts", "{articles} undefined").format(
                articles=counted.articles(spread.undefined_articles))
        return text

    def drawn_intervals(self) -> dict[str, tuple[float, float]]:
        """Label → (low, high) of its drawn error bar, read back from the item."""
        if self.error_bars is None:
            return {}
        opts = self.error_bars.opts
        return {self.spreads[round(float(x))].label: (float(y - b), float(y + t))
                for x, y, t, b in zip(opts["x"], opts["y"], opts["top"], opts["bottom"], strict=True)}

    def _hover(self, scene_pos: QPointF) -> None:
        view = self.getPlotItem().vb
        if not view.sceneBoundingRect().contains(scene_pos):
            return
        k = round(view.mapSceneToView(scene_pos).x())
        self.hover_text = self.describe(k) if 0 <= k < len(self.spreads) else ""
        if self.hover_text:
            QToolTip.showText(QCursor.pos(), self.hover_text, self)
        else:
            QToolTip.hideText()
