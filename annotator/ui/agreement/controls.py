"""The dashboard's controls and their texts: the measure explanations, the bar orders, and a drop-down of
checkable names (labels or annotators)."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QToolButton

from annotator.core.agreement_charts import Order

# core.agreement.measures.MEASURE_HELP marked for translation (a test keeps the two identical): the
# measure chooser's tooltips and the help line under it.
MEASURE_HELP_TEXT = {
    "alpha_char": QT_TRANSLATE_NOOP(
        "MeasureHelp",
        "Krippendorff's α on every character: the standard reliability figure; drops "
        "sharply when most characters are unlabelled, so read it beside AC1."),
    "alpha_u": QT_TRANSLATE_NOOP(
        "MeasureHelp",
        "Krippendorff's unitizing α: agreement on where spans start and end along the "
        "text; a rater's overlapping spans of one label are merged first."),
    "kappa": QT_TRANSLATE_NOOP(
        "MeasureHelp",
        "Cohen's κ for a pair of annotators (mean over pairs elsewhere): familiar, but "
        "like α it punishes skewed data (the prevalence paradox)."),
    "f1_exact": QT_TRANSLATE_NOOP(
        "MeasureHelp",
        "Share of spans both annotators marked with identical boundaries and label: "
        "strict; use when exact boundaries matter (e.g. training data)."),
    "f1_overlap": QT_TRANSLATE_NOOP(
        "MeasureHelp",
        "Share of spans matched one to one by label and at least one shared character: "
        "forgiving about boundaries; use to see whether annotators find the same things."),
    "ac1": QT_TRANSLATE_NOOP(
        "MeasureHelp",
        "Gwet's AC1: chance-corrected like κ but stable when most characters carry no "
        "label; use when α or κ look low although annotators mostly agree."),
    "fleiss_kappa": QT_TRANSLATE_NOOP(
        "MeasureHelp",
        "Fleiss' κ: one chance-corrected figure for three or more annotators at once, "
        "comparable with published multi-rater studies."),
    "relation_f1_exact": QT_TRANSLATE_NOOP(
        "MeasureHelp",
        "Share of relations both annotators drew with the same type between spans with "
        "identical boundaries and labels: strict about the ends."),
    "relation_f1_overlap": QT_TRANSLATE_NOOP(
        "MeasureHelp",
        "Share of relations of the same type whose two ends are spans the overlap matching "
        "paired: do annotators link the same things?"),
    "attribute_alpha_exact": QT_TRANSLATE_NOOP(
        "MeasureHelp",
        "Krippendorff's α of a span attribute over the spans annotators marked identically; "
        "unmatched spans count in span F1, not here. All attributes: their mean."),
    "attribute_alpha_overlap": QT_TRANSLATE_NOOP(
        "MeasureHelp",
        "Krippendorff's α of a span attribute over the spans the overlap matching paired: do "
        "annotators describe the same things alike? All attributes: their mean."),
    "code_alpha": QT_TRANSLATE_NOOP(
        "MeasureHelp",
        "Krippendorff's α of an article question over the articles all annotators answered "
        "(multiple choice: yes/no per option); corpus only. All questions: their mean."),
    "code_fleiss_kappa": QT_TRANSLATE_NOOP(
        "MeasureHelp",
        "Fleiss' κ of an article question, all annotators at once, comparable with published "
        "multi-rater studies; corpus only. All questions: their mean."),
    "code_ac1": QT_TRANSLATE_NOOP(
        "MeasureHelp",
        "Gwet's AC1 of an article question: stays stable when one answer dominates, where α "
        "and κ drop; corpus only. All questions: their mean."),
    "code_agreement": QT_TRANSLATE_NOOP(
        "MeasureHelp",
        "Share of annotator pairs giving the same answer, not corrected for chance: finds the"
        " articles whose codes differ. All questions: their mean."),
}

ORDER_TEXT = {  # how the bar order reads in the interface
    Order.CORPUS: QT_TRANSLATE_NOOP("Order", "corpus order"),
    Order.AGREEMENT: QT_TRANSLATE_NOOP("Order", "lowest agreement first"),
}


class NameFilter(QToolButton):
    """A drop-down of checkable names (labels or annotators); all checked means no filter."""

    changed = Signal()

    def __init__(self, what: str, name: str) -> None:
        super().__init__()
        self.setObjectName(name)
        self.what = what
        self.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.setMenu(QMenu(self))
        self.actions_by_name: dict[str, QAction] = {}

    def set_names(self, names: list[str]) -> None:
        """Offer ``names``, keeping the checks of names offered before (new ones start checked)."""
        previous = {n: a.isChecked() for n, a in self.actions_by_name.items()}
        self.menu().clear()
        self.actions_by_name = {}
        for n in names:
            action = self.menu().addAction(n)
            action.setCheckable(True)
            action.setChecked(previous.get(n, True))
            action.toggled.connect(self._toggled)
            self.actions_by_name[n] = action
        self._update_text()

    def chosen(self) -> list[str] | None:
        """The checked names, or None when all are checked."""
        checked = [n for n, a in self.actions_by_name.items() if a.isChecked()]
        return None if len(checked) == len(self.actions_by_name) else checked

    def set_chosen(self, names: list[str] | None) -> None:
        """Check exactly ``names`` (None = all) and emit ``changed`` once."""
        for n, action in self.actions_by_name.items():
            action.blockSignals(True)
            action.setChecked(names is None or n in names)
            action.blockSignals(False)
        self._toggled()

    def _toggled(self) -> None:
        self._update_text()
        self.changed.emit()

    def _update_text(self) -> None:
        chosen = self.chosen()
        names = self.tr("all") if chosen is None else ", ".join(chosen) or self.tr("none")
        self.setText(self.tr("{what}: {names}").format(what=self.what, names=names))
