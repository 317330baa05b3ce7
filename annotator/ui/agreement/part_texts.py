"""How the dashboard names what a measure splits into: labels, relation types, attributes or questions.

The split check box, the chart titles that name the parts, the note that a pooled figure is a mean over
attributes or questions, and the colours of parts that have none of their own. One literal per text, for
lupdate (contexts "AgreementDashboard" and "AgreementCharts").
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP

from annotator.core.agreement_charts import Part

SPLIT_TEXT = {  # the split check box, naming what the chosen measure splits into
    Part.LABEL: QT_TRANSLATE_NOOP("AgreementDashboard", "split by label"),
    Part.RELATION_TYPE: QT_TRANSLATE_NOOP("AgreementDashboard", "split by relation type"),
    Part.ATTRIBUTE: QT_TRANSLATE_NOOP("AgreementDashboard", "split by attribute"),
    Part.QUESTION: QT_TRANSLATE_NOOP("AgreementDashboard", "split by question"),
}
MEAN_NOTE = {  # after the measure's name where its corpus figure is the mean over attributes or questions
    Part.ATTRIBUTE: QT_TRANSLATE_NOOP("AgreementDashboard", " (mean over attributes)"),
    Part.QUESTION: QT_TRANSLATE_NOOP("AgreementDashboard", " (mean over questions)"),
}
# Colours of relation types come from the codebook, of labels from the schema; attributes and questions
# have none of their own, so they take these in turn.
PART_PALETTE = ("#4e79a7", "#f28e2b", "#59a14f", "#e15759", "#76b7b2", "#edc948", "#b07aa1", "#9c755f")

# chart titles (context "AgreementCharts")
SPLIT_TITLE = {
    Part.LABEL: QT_TRANSLATE_NOOP(
        "AgreementCharts", " by label"),
    Part.RELATION_TYPE: QT_TRANSLATE_NOOP(
        "AgreementCharts", " by relation type"),
    Part.ATTRIBUTE: QT_TRANSLATE_NOOP(
        "AgreementCharts", " by attribute"),
    Part.QUESTION: QT_TRANSLATE_NOOP(
        "AgreementCharts", " by question"),
}
INTERVAL_BARS_TITLE = {
    Part.LABEL: QT_TRANSLATE_NOOP(
        "AgreementCharts", " — right: each label's corpus with 95% interval"),
    Part.RELATION_TYPE: QT_TRANSLATE_NOOP(
        "AgreementCharts", " — right: each relation type's corpus with 95% interval"),
    Part.ATTRIBUTE: QT_TRANSLATE_NOOP(
        "AgreementCharts", " — right: each attribute's corpus with 95% interval"),
    Part.QUESTION: QT_TRANSLATE_NOOP(
        "AgreementCharts", " — right: each question's corpus with 95% interval"),
}
SPREAD_TITLE = {
    Part.LABEL: QT_TRANSLATE_NOOP(
        "AgreementCharts", "{measure} per label: corpus (black) and articles (box, dots)"),
    Part.RELATION_TYPE: QT_TRANSLATE_NOOP(
        "AgreementCharts", "{measure} per relation type: corpus (black) and articles (box, dots)"),
    Part.ATTRIBUTE: QT_TRANSLATE_NOOP(
        "AgreementCharts", "{measure} per attribute: corpus (black) and articles (box, dots)"),
    Part.QUESTION: QT_TRANSLATE_NOOP(
        "AgreementCharts", "{measure} per question: corpus (black) and articles (box, dots)"),
}
SPREAD_INTERVAL_TITLE = {
    Part.LABEL: QT_TRANSLATE_NOOP(
        "AgreementCharts", "{measure} per label: corpus ± 95% CI (black), articles (box, dots)"),
    Part.RELATION_TYPE: QT_TRANSLATE_NOOP(
        "AgreementCharts", "{measure} per relation type: corpus ± 95% CI (black), articles (box, dots)"),
    Part.ATTRIBUTE: QT_TRANSLATE_NOOP(
        "AgreementCharts", "{measure} per attribute: corpus ± 95% CI (black), articles (box, dots)"),
    Part.QUESTION: QT_TRANSLATE_NOOP(
        "AgreementCharts", "{measure} per question: corpus ± 95% CI (black), articles (box, dots)"),
}
