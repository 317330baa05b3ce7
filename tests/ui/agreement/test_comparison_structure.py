"""The comparison view as a reviewer drives it: the placeholder before any article, an article picked in
the chooser, N / P through span and structure disagreements alike, the current one in the middle of the
view with its lanes, and one annotator's overlapping spans in sub-lanes of their own."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from annotator.cli.main import main
from annotator.core.agreement.data import AgreementArticle, StructureCodebook
from annotator.core.agreement.disagreements import Disagreement, article_disagreements
from annotator.core.agreement.structure_disagreements import (
    StructureDisagreement,
    StructureKind,
    structure_disagreements,
)
from annotator.core.model import SpanRef
from annotator.core.structure import RelationRef, RelationType, StructuredCoding
from annotator.store import Project
from annotator.ui.agreement.comparison import ComparisonView
from annotator.ui.agreement.lane_text import LANE_PITCH
from annotator.ui.agreement.view import AgreementDashboard
from tests.ui.agreement.test_dashboard_structure import records

COLOURS = {"actor": "#4e79a7", "mediator": "#f28e2b", "demand": "#59a14f"}
LINE = "قال 😀 وزير الخارجية إن المفاوضات مع الوسطاء ستستأنف غدا في القاهرة"


@pytest.fixture
def coded_project(tmp_path: Path) -> Project:
    source = tmp_path / "coded.jsonl"
    source.write_text("\n".join(records()) + "\n", encoding="utf-8")
    path = tmp_path / "coded.sqlite"
    assert main(["--db", str(path), "import", str(source), "--add-labels"]) == 0
    project = Project.open(path)
    yield project
    project.close()


@pytest.fixture
def dashboard(qtbot, coded_project: Project) -> AgreementDashboard:
    widget = AgreementDashboard(coded_project)
    qtbot.addWidget(widget)
    widget.resize(1280, 820)
    widget.show()
    qtbot.waitExposed(widget)
    qtbot.waitUntil(lambda: widget.result is not None and widget.worker.done, timeout=20000)
    return widget


def test_before_any_article_the_tab_says_how_to_fill_it(dashboard: AgreementDashboard) -> None:
    comparison = dashboard.comparison
    dashboard.tabs.setCurrentWidget(comparison)
    assert comparison.showing_placeholder and comparison.placeholder.isVisible()
    assert "Click an article's bar" in comparison.placeholder.text()
    assert "pick an article" in comparison.placeholder.text()
    assert comparison.article_choice.count() == len(dashboard.result.data.articles) == 6
    assert comparison.article_choice.currentIndex() == -1


def test_picking_an_article_lists_relation_attribute_and_answer_disagreements(
        qtbot, dashboard: AgreementDashboard) -> None:
    comparison = dashboard.comparison
    dashboard.tabs.setCurrentWidget(comparison)
    comparison.article_choice.setFocus()
    with qtbot.waitSignal(dashboard.articleActivated, timeout=3000) as blocker:
        qtbot.keyClick(comparison.article_choice, Qt.Key.Key_Down)
    article = dashboard.result.data.articles[comparison.article_choice.currentIndex()]
    assert blocker.args == [article.id] and comparison.article_id == article.id
    assert not comparison.showing_placeholder
    structure = structure_disagreements(article, dashboard.result.data.codebook)
    kinds = {d.kind for d in structure}
    assert StructureKind.ATTRIBUTE in kinds and StructureKind.ANSWER in kinds
    # the list holds every span and every structure disagreement, once
    assert comparison.disagreement_list.count() == len(article_disagreements(article)) + len(structure)
    texts = [comparison.disagreement_list.item(i).text() for i in range(comparison.disagreement_list.count())]
    assert any(t.startswith("different attribute value — ") and " role = " in t for t in texts)
    # answers have no place in the text: they come last
    answers = [i for i, d in enumerate(comparison.disagreements) if d.kind is StructureKind.ANSWER]
    assert answers == list(range(len(texts) - len(answers), len(texts)))


def test_n_steps_through_span_and_structure_disagreements_in_text_order(
        qtbot, dashboard: AgreementDashboard) -> None:
    comparison = dashboard.comparison
    dashboard.open_article(dashboard.result.data.articles[1].id)
    list_ = comparison.disagreement_list
    seen = [comparison.disagreements[comparison.current_index]]
    for _ in range(len(comparison.disagreements) - 1):
        qtbot.keyClick(list_, Qt.Key.Key_N)
        seen.append(comparison.disagreements[comparison.current_index])
    assert {type(d) for d in seen} == {Disagreement, StructureDisagreement}
    placed = [d for d in seen if not (isinstance(d, StructureDisagreement) and d.extent is None)]
    firsts = [d.span.start if isinstance(d, Disagreement) else d.extent[0] for d in placed]
    assert firsts == sorted(firsts)
    qtbot.keyClick(list_, Qt.Key.Key_N)  # wraps round to the first
    assert comparison.current_index == 0
    qtbot.keyClick(list_, Qt.Key.Key_P)
    assert comparison.current_index == len(seen) - 1
    assert comparison.position.text() == f"{len(seen)} / {len(seen)}"


def test_relation_disagreements_outline_the_ends_in_their_annotators_lanes(
        qtbot, dashboard: AgreementDashboard) -> None:
    comparison = dashboard.comparison
    found = None
    for article in dashboard.result.data.articles:
        dashboard.open_article(article.id)
        found = next((d for d in comparison.disagreements
                      if isinstance(d, StructureDisagreement)
                      and d.kind is StructureKind.MISSING_RELATION), None)
        if found:
            break
    assert found is not None
    head, child = found.relation.head, found.relation.child
    lane = comparison.lane_of[(found.annotator, head)]
    utf16 = comparison.offsets.to_utf16
    marks = {(m.lane, m.start, m.end, m.hollow) for m in comparison.text_view.marks}
    assert (lane, utf16(head.start), utf16(head.end), True) in marks
    assert (comparison.lane_of[(found.annotator, child)], utf16(child.start), utf16(child.end), True) in marks


# -- a long article on its own view: centring and sub-lanes --------------------------------------------

def long_article() -> AgreementArticle:
    """Forty lines; ali and omar differ on one word of every fifth line, and ali links two spans far down
    that omar links by another type."""
    text = "\n".join(f"{n} {LINE}" for n in range(40))
    starts = [text.index(f"{n} {LINE}") + len(f"{n} ") for n in range(40)]
    word = LINE.index("وزير")

    def minister(n: int, label: str) -> SpanRef:
        return SpanRef(starts[n] + word, starts[n] + word + len("وزير"), label)

    ali = tuple(minister(n, "actor") for n in range(0, 40, 5))
    omar = tuple(minister(n, "mediator" if n % 10 == 0 else "actor") for n in range(0, 40, 5))
    talks = starts[35] + LINE.index("المفاوضات")
    demand = SpanRef(talks, talks + len("المفاوضات"), "demand")
    codings = {name: StructuredCoding(relations=frozenset({RelationRef(minister(35, "actor"), demand, kind)}))
               for name, kind in (("ali", "claims"), ("omar", "denies"))}
    spans = {"ali": (*ali, demand), "omar": (*omar, demand)}
    return AgreementArticle("long", "مقال طويل", text, spans, codings)


CODEBOOK = StructureCodebook(relation_types=(RelationType("claims", "#4e79a7"),
                                             RelationType("denies", "#e15759")))


@pytest.fixture
def view(qtbot) -> ComparisonView:
    widget = ComparisonView(COLOURS)
    qtbot.addWidget(widget)
    widget.resize(1280, 700)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def centre_offset(view: ComparisonView) -> float:
    """How far the middle of the current disagreement's lines and lanes is from the middle of the view."""
    top, bottom = view.text_view.band(*view.current_range())
    return abs((top + bottom) / 2 - view.text_view.viewport().height() / 2)


def test_the_selected_disagreement_is_centred_with_its_lanes_in_view(qtbot, view: ComparisonView) -> None:
    view.show_article(long_article(), CODEBOOK)
    view.disagreement_list.setFocus()
    text_view = view.text_view
    assert text_view.verticalScrollBar().maximum() > 0  # the article is taller than the view
    for _ in range(3):
        qtbot.keyClick(view.disagreement_list, Qt.Key.Key_N)
    current = view.disagreements[view.current_index]
    assert isinstance(current, Disagreement) and current.span.start > len(LINE) * 15
    assert centre_offset(view) <= LANE_PITCH  # the middle, not the bottom edge
    top, bottom = text_view.band(*view.current_range())
    assert top >= 0 and bottom <= text_view.viewport().height()  # every lane of it is visible
    qtbot.keyClick(view.disagreement_list, Qt.Key.Key_P)
    assert centre_offset(view) <= LANE_PITCH
    # the relation disagreement at the end: other type, selected on both ends and centred too
    view.disagreement_list.setCurrentRow(len(view.disagreements) - 1)
    last = view.disagreements[-1]
    assert isinstance(last, StructureDisagreement) and last.kind is StructureKind.RELATION_TYPE
    assert len(text_view.extraSelections()) == 2
    assert centre_offset(view) <= LANE_PITCH or text_view.verticalScrollBar().value() == \
        text_view.verticalScrollBar().maximum()


def test_overlapping_spans_of_one_annotator_get_distinct_sub_lanes(qtbot, view: ComparisonView) -> None:
    outer = SpanRef(LINE.index("وزير"), LINE.index("الخارجية") + len("الخارجية"), "actor")
    inner = SpanRef(LINE.index("الخارجية"), LINE.index("الخارجية") + len("الخارجية"), "demand")
    after = SpanRef(LINE.index("الوسطاء"), LINE.index("الوسطاء") + len("الوسطاء"), "mediator")
    spans = {"ali": (outer, inner, after), "omar": (outer, inner)}
    view.show_article(AgreementArticle("o", "t", LINE, spans))
    lanes = {span: view.lane_of[("ali", span)] for span in (outer, inner, after)}
    assert lanes[outer] != lanes[inner]  # nested: side by side, not on top of each other
    assert lanes[after] == lanes[outer]  # a span clear of the others stays in the first sub-lane
    assert view.lane_of[("omar", outer)] == 2  # omar's lanes come after ali's two
    assert view.text_view.lanes == 4
    assert "1–2. <b>ali</b>" in view.legend.text() and "3–4. <b>omar</b>" in view.legend.text()
    # both of ali's bars are painted, each in its label's colour, under the same word
    utf16 = view.offsets.to_utf16
    left, right, bottom = next(view.text_view.segments(utf16(inner.start), utf16(inner.end)))
    image = view.text_view.viewport().grab().toImage()
    x = int((left + right) / 2)
    colours = [image.pixelColor(x, int(bottom + 2 + lane * LANE_PITCH + 2)).name()
               for lane in (lanes[outer], lanes[inner])]
    assert colours == [COLOURS["actor"], COLOURS["demand"]]


def test_in_arabic_the_list_and_legend_say_everything_in_arabic(qtbot, qapp, coded_project: Project) -> None:
    from annotator.ui.shell.app import install_language
    from tests.ui.shell.test_every_string_arabic import english_words

    install_language(qapp, "ar")
    try:
        widget = AgreementDashboard(coded_project)
        qtbot.addWidget(widget)
        widget.resize(1280, 820)
        widget.show()
        qtbot.waitUntil(lambda: widget.result is not None and widget.worker.done, timeout=20000)
        comparison = widget.comparison
        widget.tabs.setCurrentWidget(comparison)
        assert not english_words(comparison.placeholder.text())
        widget.open_article(widget.result.data.articles[1].id)
        shown = comparison.disagreement_list
        texts = [shown.item(i).text() for i in range(shown.count())]
        kinds = {d.kind for d in comparison.disagreements}
        assert StructureKind.ANSWER in kinds and StructureKind.ATTRIBUTE in kinds
        data_names = {"role", "leader", "spokesman", "stance", "topics", "against", "for", "neutral", "gaza",
                      "oil", "iran", "claims"}
        english = [t for t in [*texts, comparison.legend.text()]
                   if set(english_words(t)) - data_names]
        assert english == []
    finally:
        install_language(qapp, "en")


def test_recomputing_keeps_the_article_and_the_disagreement_shown(qtbot,
                                                                  dashboard: AgreementDashboard) -> None:
    comparison = dashboard.comparison
    article_id = dashboard.result.data.articles[2].id
    dashboard.open_article(article_id)
    for _ in range(4):
        qtbot.keyClick(comparison.disagreement_list, Qt.Key.Key_N)
    before = comparison.disagreements[comparison.current_index]
    with qtbot.waitSignal(dashboard.reportReady, timeout=20000):
        dashboard.recompute()
    assert comparison.article_id == article_id and not comparison.showing_placeholder
    assert comparison.current_index == 4 and comparison.disagreements[4] == before
    assert comparison.article_choice.currentData() == article_id


def test_a_relation_of_another_type_is_marked_on_both_annotators_ends(qtbot, view: ComparisonView) -> None:
    view.show_article(long_article(), CODEBOOK)
    view.disagreement_list.setCurrentRow(len(view.disagreements) - 1)  # ali claims, omar denies
    last = view.disagreements[-1]
    qtbot.wait(50)
    image = view.text_view.viewport().grab().toImage()
    utf16 = view.offsets.to_utf16
    for who, relation, colour in (("ali", last.relation, CODEBOOK.relation_types[0].color),
                                  ("omar", last.other_relation, CODEBOOK.relation_types[1].color)):
        lane = view.lane_of[(who, relation.child)]
        _left, right, bottom = next(view.text_view.segments(utf16(relation.child.start),
                                                           utf16(relation.child.end)))
        y = int(bottom + 2 + lane * LANE_PITCH + 2)
        # the square sits where the span begins: its right end, the text being right-to-left
        assert image.pixelColor(int(right) - 4, y).name() == colour
