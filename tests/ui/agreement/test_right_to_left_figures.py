"""Figures inside Arabic sentences read in their own order.

Laid out right to left, "0.805 [0.781, 0.881]" came out "[0.881 ,0.781] 0.805".
The checks lay the text out as Qt draws it and compare where the characters land on screen.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QTextLayout, QTextOption

from annotator.core.agreement_charts import Figure
from annotator.ui.agreement.plots import figure_text


def screen_x(text: str, index: int) -> float:
    """The x of the left edge of ``text[index]`` when ``text`` is drawn as a right-to-left line."""
    layout = QTextLayout(text, QFont())
    option = QTextOption()
    option.setTextDirection(Qt.LayoutDirection.RightToLeft)
    layout.setTextOption(option)
    layout.beginLayout()
    line = layout.createLine()
    line.setLineWidth(2000)
    layout.endLayout()
    return min(line.cursorToX(index)[0], line.cursorToX(index + 1)[0])


def test_an_interval_inside_an_arabic_sentence_reads_low_to_high(qapp) -> None:
    sentence = f"للمدونة: {figure_text(Figure(0.805, interval=(0.781, 0.881)))}. بين القوسين"
    value, low, high = (sentence.index(number) for number in ("0.805", "0.781", "0.881"))
    assert screen_x(sentence, value) < screen_x(sentence, low) < screen_x(sentence, high)



def test_a_negative_corpus_figure_in_the_arabic_status_line_keeps_its_minus_in_front(
        qtbot, qapp, tmp_path) -> None:
    """Two annotators who always answer a question differently: code_alpha is below zero, and in the
    Arabic status line it read "0.5-" with the minus after the digits."""
    import json

    from annotator.cli.main import main
    from annotator.store import Project
    from annotator.ui.agreement.view import AgreementDashboard
    from annotator.ui.shell.app import install_language

    lines = []
    for a in range(6):
        text = f"قال الوزير إن الوفد وصل {a}"
        for k, name in enumerate(("ali", "omar")):
            stance = ("for", "against")[(a + k) % 2]
            lines.append(json.dumps({"text": text, "meta": {"id": f"a{a}"}, "annotator": name,
                                     "status": "done", "spans": [{"start": 4, "end": 10, "label": "actor"}],
                                     "codes": {"stance": stance}}, ensure_ascii=False))
    source, path = tmp_path / "coded.jsonl", tmp_path / "coded.sqlite"
    source.write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert main(["--db", str(path), "import", str(source), "--add-labels"]) == 0
    project = Project.open(path)
    install_language(qapp, "ar")
    try:
        dashboard = AgreementDashboard(project)
        qtbot.addWidget(dashboard)
        dashboard.show()
        qtbot.waitUntil(lambda: dashboard.result is not None and dashboard.worker.done, timeout=20000)
        dashboard.measure.setCurrentText("code_alpha")
        line = dashboard.status.text()
    finally:
        install_language(qapp, "en")
        project.close()
    minus = line.index("-0.")
    assert screen_x(line, minus) < screen_x(line, minus + 2) < screen_x(line, minus + 4)
