"""With the Arabic catalogue installed, no text a user can see is left in English.

Every widget of every tab (the reviewer tabs built and their reports computed), the menus with every
action's text and tooltip, tree and table headers, combo entries, placeholders and the dashboard's chart
titles and axis labels are walked. A text passes when it has no Latin word left once the allowed names
are taken out: project data (label, annotator, article and file names), measure names, file formats,
shortcuts and numbers.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pyqtgraph as pg
import pytest
from PySide6.QtCore import QSettings
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QComboBox,
    QDockWidget,
    QGroupBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QTabWidget,
    QTreeWidget,
    QWidget,
)

from annotator.store import Project
from annotator.ui.shell.app import install_language
from annotator.ui.shell.main_window import MainWindow

# Latin words that are names, not interface text: measures, formats, data, keys, units.
ALLOWED = {
    "alpha_char", "alpha_u", "kappa", "f1_exact", "f1_overlap", "ac1", "fleiss_kappa", "AC1",
    "relation_f1_exact", "relation_f1_overlap", "attribute_alpha_exact", "attribute_alpha_overlap",
    "code_alpha", "code_fleiss_kappa", "code_ac1", "code_agreement",
    "JSONL", "JSON", "CSV", "XMI", "UIMA", "CoNLL", "IOB", "doccano", "Prodigy", "Label", "Studio",
    "INCEpTION", "PNG", "SVG", "zip", "txt", "jsonl", "csv", "xmi", "json", "conll", "Ctrl", "Shift",
    "Alt", "Del", "Delete", "Backspace", "Enter", "Return", "Esc", "Space", "PgUp", "PgDown", "Tab",
    "Home", "End", "Left", "Right", "Up", "Down", "F8", "Amiri", "UTF", "Qt", "Reuters", "look", "sara",
    "ali", "omar", "actor", "mediator", "demand", "denial", "Krippendorff", "Cohen", "Gwet", "Fleiss",
    "spaCy", "DocBin", "spacy", "brat", "WebAnno", "REFI", "QDA", "MAXQDA", "ATLAS", "ti", "NVivo", "qdpx",
    "tsv", "xlsx", "docx", "html", "iob", "bio", "ann",
}
# A placeholder that is one identifier is the default value itself (a column name, a UIMA type), not a text.
DEFAULT_VALUE = re.compile(r"[A-Za-z_][\w.]*")
LATIN_WORD = re.compile(r"[A-Za-z][A-Za-z0-9_']+")
TAGS = re.compile(r"<[^>]*>|&\w+;")


def english_words(text: str) -> list[str]:
    """The Latin words of ``text`` that are not allowed names (markup and mnemonic '&' dropped)."""
    words = LATIN_WORD.findall(TAGS.sub(" ", text).replace("&", ""))
    return [w for w in words if w not in ALLOWED and not w.isupper()]


def menu_texts(menu: QMenu, path: str) -> Iterator[tuple[str, str]]:
    for action in menu.actions():
        where = f"{path} > {action.objectName() or action.text()}"
        yield where, action.text()
        if action.toolTip() != action.text().replace("&", ""):
            yield f"{where} (tooltip)", action.toolTip()
        if action.menu() is not None:
            yield from menu_texts(action.menu(), where)


def widget_texts(widget: QWidget) -> Iterator[tuple[str, str]]:
    name = f"{type(widget).__name__} {widget.objectName()}"
    if widget.toolTip():
        yield f"{name} (tooltip)", widget.toolTip()
    if isinstance(widget, (QLabel, QAbstractButton)):
        yield name, widget.text()
    elif isinstance(widget, QGroupBox):
        yield name, widget.title()
    elif isinstance(widget, QLineEdit):
        yield f"{name} (placeholder)", widget.placeholderText()
    elif isinstance(widget, QComboBox) and widget.objectName() not in {"annotatorChooser", "articleChoice"}:
        for i in range(widget.count()):
            yield f"{name} item {i}", widget.itemText(i)
    elif isinstance(widget, QTabWidget):
        for i in range(widget.count()):
            yield f"{name} tab {i}", widget.tabText(i)
    elif isinstance(widget, QTreeWidget):
        header = widget.headerItem()
        for i in range(header.columnCount()):
            yield f"{name} column {i}", header.text(i)
    elif isinstance(widget, QHeaderView) and widget.model() is not None:
        model, orientation = widget.model(), widget.orientation()
        count = model.columnCount() if orientation.name == "Horizontal" else 0
        for i in range(count):
            yield f"{name} column {i}", str(model.headerData(i, orientation) or "")
    elif isinstance(widget, QDockWidget):
        yield name, widget.windowTitle()


def chart_texts(dashboard) -> Iterator[tuple[str, str]]:
    for stem, chart in dashboard.charts().items():
        plot = chart.getPlotItem()
        yield f"chart {stem} title", chart.title_text
        for side in ("left", "bottom"):
            yield f"chart {stem} {side} axis", plot.getAxis(side).labelText
        for n, item in enumerate(plot.items):
            if isinstance(item, pg.TextItem):
                yield f"chart {stem} text {n}", item.toPlainText()
            elif item.toolTip():
                yield f"chart {stem} item {n} (tooltip)", item.toolTip()
    bars, spread = dashboard.bars_chart, dashboard.spread_chart
    for i in range(len(bars.bars)):
        yield f"bar {i} (hover)", bars.describe(i)
    for k in range(len(spread.spreads)):
        yield f"label box {k} (hover)", spread.describe(k)


@pytest.fixture
def arabic_window(qtbot, agreement_project: Project, tmp_path: Path,
                  qapp: QApplication) -> Iterator[MainWindow]:
    install_language(qapp, "ar")
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    settings.setValue("annotator/name", "sara")
    window = MainWindow(agreement_project, settings=settings)
    qtbot.addWidget(window)
    window.resize(1280, 820)
    window.show()
    for tab in (window.curation_tab, window.consistency_tab, window.agreement_tab):
        window.tabs.setCurrentWidget(tab)
    dashboard = window.agreement_tab.page
    qtbot.waitUntil(lambda: dashboard.result is not None and dashboard.worker.done, timeout=20000)
    qtbot.wait(300)
    yield window
    install_language(qapp, "en")


def test_no_visible_text_is_left_in_english(arabic_window: MainWindow) -> None:
    window = arabic_window
    texts: dict[str, str] = {}
    for action in window.menuBar().actions():
        texts[f"menu {action.text()}"] = action.text()
        texts.update(menu_texts(action.menu(), action.text()))
    for widget in window.findChildren(QWidget):
        if isinstance(widget, QMenu):
            continue
        texts.update(widget_texts(widget))
    texts.update(chart_texts(window.agreement_tab.page))
    for action in window.findChildren(QAction):
        if action.toolTip() and action.toolTip() != action.text().replace("&", ""):
            where = action.objectName() or f"{action.text()!r} of {type(action.parent()).__name__}"
            texts[f"action {where} (tooltip)"] = action.toolTip()
    assert len(texts) > 150  # the walk reached menus, every tab and the charts
    english = {where: text for where, text in texts.items() if english_words(text)}
    assert english == {}, "\n".join(f"{where}: {text!r}" for where, text in english.items())


def dialog_texts(dialog: QWidget) -> dict[str, str]:
    """Where → text for the dialog's title and every widget in it."""
    texts = {f"{dialog.objectName()} title": dialog.windowTitle()}
    for widget in dialog.findChildren(QWidget):
        texts.update((f"{dialog.objectName()} {where}", text) for where, text in widget_texts(widget))
    return texts


def test_no_dialog_text_is_left_in_english(arabic_window: MainWindow, qtbot, seeds_dir: Path) -> None:
    """Import (with its preview of the seed folder), Export, Labels and the first-start welcome."""
    from annotator.ui.labels.editor import LabelEditor
    from annotator.ui.shell.welcome import WelcomeDialog

    window = arabic_window
    window.import_articles([seeds_dir])
    importing = window.import_dialog
    qtbot.waitUntil(lambda: not importing.previewing, timeout=10000)
    window.export()
    labels = LabelEditor(window.project, window.apply_changes, window)
    welcome = WelcomeDialog("sara", [("1", "actor"), ("2", "mediator")], 5, window)
    qtbot.addWidget(labels)
    qtbot.addWidget(welcome)
    texts: dict[str, str] = {}
    for dialog in (importing, window.export_dialog, labels, welcome):
        texts.update(dialog_texts(dialog))
    assert len(texts) > 40  # the walk reached the four dialogs' widgets
    english = {where: text for where, text in texts.items() if english_words(text)
               and not (where.endswith("(placeholder)") and DEFAULT_VALUE.fullmatch(text))}
    assert english == {}, "\n".join(f"{where}: {text!r}" for where, text in english.items())
