"""One line per measure on when to read it, for the dashboard's measure chooser and the CLI help.

Keys are the report's measure names (``report.MEASURES``) and the dashboard's attribute and article-code
measures (``parts.DASHBOARD_MEASURES``); ``kappa`` covers both a pair's Cohen's κ and the mean over pairs
(``kappa_mean``).
"""

from __future__ import annotations

MEASURE_HELP: dict[str, str] = {
    "alpha_char": "Krippendorff's α on every character: the standard reliability figure; drops sharply when "
                  "most characters are unlabelled, so read it beside AC1.",
    "alpha_u": "Krippendorff's unitizing α: agreement on where spans start and end along the text; "
               "a rater's overlapping spans of one label are merged first.",
    "kappa": "Cohen's κ for a pair of annotators (mean over pairs elsewhere): familiar, but like α it "
             "punishes skewed data (the prevalence paradox).",
    "kappa_mean": "Mean of the annotator pairs' Cohen's κ on the character data.",
    "f1_exact": "Share of spans both annotators marked with identical boundaries and label: strict; use "
                "when exact boundaries matter (e.g. training data).",
    "f1_overlap": "Share of spans matched one to one by label and at least one shared character: forgiving "
                  "about boundaries; use to see whether annotators find the same things.",
    "ac1": "Gwet's AC1: chance-corrected like κ but stable when most characters carry no label; use when "
           "α or κ look low although annotators mostly agree.",
    "fleiss_kappa": "Fleiss' κ: one chance-corrected figure for three or more annotators at once, "
                    "comparable with published multi-rater studies.",
    "gamma": "Mathet's γ: aligns spans one to one, so overlapping and nested spans are judged fairly; use "
             "for overlapping spans (slow; needs the gamma extra).",
    "relation_f1_exact": "Share of relations both annotators drew with the same type between spans with "
                         "identical boundaries and labels: strict about the ends.",
    "relation_f1_overlap": "Share of relations of the same type whose two ends are spans the overlap "
                           "matching paired: do annotators link the same things?",
    "attribute_alpha_exact": "Krippendorff's α of a span attribute over the spans annotators marked "
                             "identically; unmatched spans count in span F1, not here. All attributes: "
                             "their mean.",
    "attribute_alpha_overlap": "Krippendorff's α of a span attribute over the spans the overlap matching "
                               "paired: do annotators describe the same things alike? All attributes: their"
                               " mean.",
    "code_alpha": "Krippendorff's α of an article question over the articles all annotators answered "
                  "(multiple choice: yes/no per option); corpus only. All questions: their mean.",
    "code_fleiss_kappa": "Fleiss' κ of an article question, all annotators at once, comparable with "
                         "published multi-rater studies; corpus only. All questions: their mean.",
    "code_ac1": "Gwet's AC1 of an article question: stays stable when one answer dominates, where α and κ "
                "drop; corpus only. All questions: their mean.",
    "code_agreement": "Share of annotator pairs giving the same answer, not corrected for chance: finds the"
                      " articles whose codes differ. All questions: their mean.",
}
