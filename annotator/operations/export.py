"""Take a project's annotations or gold out: choose the records, hand them to a core writer, add a
metadata record beside the data, and never leave a half-written file or folder behind.

The mirror of ``corpus.py``: store → core objects → ``core.formats.write_*`` → files.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from annotator import __version__
from annotator.core.errors import AnnotatorError, NotFoundError
from annotator.core.model import AnnotationSet, ArticleRecord, GoldStatus, Status
from annotator.operations.export_staging import StagedExport, staged_export
from annotator.store import Project
from annotator.store.gold import Gold
from annotator.store.gold_structure import GoldCoding

FORMATS = ("jsonl", "spacy", "brat", "conll", "csv", "xmi", "qdpx", "label-studio")
EXPORT_STEPS = 3  # reading the records, writing the data and writing its metadata record
GOLD_ANNOTATOR = "gold"  # the annotator name gold spans carry in exported files

FORMAT_NOTES = {
    "jsonl": "One JSON object per line and (article, annotator): {text, meta: {id, title, source}, "
             "annotator, status, spans: [{start, end, label, text}]}. Offsets are Python code points "
             "(Unicode characters), end exclusive; the shape spaCy/Prodigy users read.",
    "spacy": "A spaCy DocBin (load with spacy.tokens.DocBin().from_disk). One Doc per (article, annotator), "
             "tokenized by spacy.blank('ar'); spans in doc.spans['sc']; article_id, title and annotator "
             "in doc.user_data, and any structured coding: spans (own offsets, attributes, note), "
             "relations (head/child index into those spans, label), codes and note. Spans whose edges "
             "fell inside a token were widened to whole tokens "
             "(alignment_mode='expand'): they are listed under 'realigned'.",
    "brat": "A brat standoff folder: NAME.txt holds the article text byte-identical to the project (UTF-8), "
            "NAME.ann its spans as 'T1<TAB>label start end<TAB>text' lines; annotation.conf lists the "
            "labels. Offsets count as brat reads the .txt (universal newlines: CRLF is one character); a "
            "span across lines is one fragment per line ('start end;start end'), its text the fragments "
            "joined by a space. Line breaks at a span's edge cannot be held: see 'trimmed'.",
    "conll": "BIO tags, space-separated: token, then one tag column per label (see 'columns'; a label whose "
             "spans overlap each other gets further columns such as 'actor#2'). '-DOCSTART-' opens each "
             "(article, annotator) block in the order of 'documents'; a blank line separates sentences and "
             "paragraphs (never inside a span). Tokens: runs of letters/digits/marks and single punctuation "
             "characters, also cut at every span edge so no span is lost.",
    "xmi": "INCEpTION / WebAnno UIMA CAS XMI (XML 1.0): TypeSystem.xml at the top of the folder and "
           "annotation/<article id>/<annotator>.xmi per annotation set (INCEpTION's project-export layout); "
           "spans are DKPro Core NamedEntity annotations whose 'value' is the label, the title and article "
           "id in DocumentMetaData. Offsets are UTF-16 units, as UIMA counts them.",
    "qdpx": "A REFI-QDA project (MAXQDA, ATLAS.ti, NVivo, QualCoder): a zip of project.qde (QDA-XML "
            "urn:QDA-XML:project:1.0) and sources/<guid>.txt. Labels are Codes, annotators Users, articles "
            "TextSources, spans PlainTextSelections with one Coding each; metadata are Text Variables. "
            "startPosition/endPosition count Unicode code points from 0 (REFI-QDA 1.5, 10.2), end exclusive.",
    "label-studio": "Label Studio tasks (its import shape): a JSON list of {data: {text, article_id, title, "
                    "...meta}, annotations: [{result: [{from_name: 'label', to_name: 'text', type: 'labels', "
                    "value: {start, end, text, labels}}]}], predictions (annotators named "
                    "'model:<version>'), meta: {source, annotators}}; offsets in code points, as Label "
                    "Studio counts them. The labelling config for the project's labels is "
                    "<name>.label_config.xml beside it.",
    "csv": "Columns article_id,title,annotator,start,end,label,text; UTF-8 with byte-order mark so Excel "
           "shows Arabic; offsets are Python code points, end exclusive.",
}


@dataclass
class ExportResult:
    """What an export wrote, for the message shown to the user."""

    format: str
    path: Path
    articles: int = 0
    annotation_sets: int = 0
    spans: int = 0
    lines: int = 0  # jsonl lines or csv rows written
    metadata_path: Path | None = None
    notes: list[str] = field(default_factory=list)  # spans that changed or could not be written

    def describe(self) -> str:
        line = (f"wrote {self.articles} article(s), {self.annotation_sets} annotation set(s) and "
                f"{self.spans} span(s) as {self.format} to {self.path}")
        if self.notes:
            line += f"; {len(self.notes)} note(s), listed below and in {self.metadata_path}"
        return line


def select_records(
    project: Project, *, gold: bool = False, annotator: str | None = None, only_curated: bool = False
) -> list[ArticleRecord]:
    """The records to export: every annotator's work, one annotator's, or gold (under the name "gold",
    with gold's relations, attribute values and article answers as its coding).

    ``only_curated`` keeps articles whose gold status is `curated`. Gold leaves out articles nobody has
    started adjudicating.
    """
    if gold and annotator is not None:
        raise AnnotatorError("choose either --gold or --annotator NAME, not both")
    if annotator is not None and annotator not in project.annotators():
        raise NotFoundError(f"there is no annotator named {annotator!r} in {project.path}")
    store = Gold(project)
    statuses = store.statuses()
    keep = (lambda doc: statuses.get(doc) is GoldStatus.CURATED) if only_curated else (lambda doc: True)
    if not gold:
        return [r for r in project.export_records(annotator=annotator) if keep(r.id)]
    spans: dict[str, list] = {}
    for span in store.spans():
        spans.setdefault(span.document_id, []).append(span.ref)
    codings = GoldCoding(project).codings()  # gold relations, attribute values and answers
    records = []
    for document in project.documents():
        status = statuses.get(document.id, GoldStatus.NOT_STARTED)
        if not keep(document.id) or (status is GoldStatus.NOT_STARTED and document.id not in spans):
            continue
        annotation = AnnotationSet(
            GOLD_ANNOTATOR, tuple(sorted(spans.get(document.id, ()))),
            Status.DONE if status is GoldStatus.CURATED else Status.IN_PROGRESS,
            coding=codings.get(document.id),
        )
        records.append(ArticleRecord(text=document.text, title=document.title, source=document.source,
                                     id=document.id, meta=document.meta, annotations=(annotation,)))
    return records


def _write_text(path: Path, write: Callable[[Any], Any]) -> Any:
    with path.open("w", encoding="utf-8", newline="") as out:
        return write(out)


def agreement_summary(project: Project, gold: bool = False) -> dict[str, Any] | None:
    """Inter-annotator agreement of the project (overall and per label) for the metadata record, and
    with ``gold`` each annotator's F1 against gold; None when the agreement engine is not available.
    """
    done = Counter(doc for (doc, _), status in project.statuses().items() if status is Status.DONE)
    curated = GoldStatus.CURATED in Gold(project).statuses().values()
    if max(done.values(), default=0) < 2 and not (gold and curated):
        # Nothing to compare: skip loading the engine (scipy) and reading every span again.
        return {"note": "no article has been done by two annotators yet"}
    try:
        from annotator.core.agreement import against_gold
        from annotator.core.agreement.render import report_to_json
        from annotator.core.agreement.report import build_report
    except ImportError:
        return None
    from annotator.store.codebook import Codebook
    from annotator.store.gold import GOLD_RATER

    data = project.agreement_input()
    if not data.articles:
        summary: dict[str, Any] = {"note": "no article has been done by two annotators yet"}
    else:
        full = report_to_json(build_report(data))
        summary = {key: full[key] for key in ("annotators", "overall", "per_label", "skipped_articles",
                                              "notes")}
    if gold:
        gold_data = Gold(project).agreement_input(codebook=Codebook(project).for_agreement())
        summary["against_gold"] = (
            against_gold.to_json(against_gold.against_gold_pairwise(gold_data, GOLD_RATER))
            if gold_data.articles else [])
    return summary


def export_project(
    project: Project, fmt: str, out: Path, *, gold: bool = False, annotator: str | None = None,
    only_curated: bool = False, workers: int = 1, agreement: bool = True,
    progress: Callable[[int, int], None] | None = None,
) -> ExportResult:
    """Write the selected records to ``out`` in ``fmt`` plus ``<out>.metadata.json`` (inside ``out`` for
    brat and xmi). Both appear together or not at all, even if the program is killed meanwhile
    (``export_staging``); nothing is left behind on failure.

    ``workers`` > 1 lets the spaCy export tokenize in that many processes (spawned, so the calling
    program's main module must be import-safe, as the `annotator` command is). ``agreement=False``
    leaves the agreement summary out of the metadata: on a large multi-annotator corpus computing it
    takes longer than the export itself. ``progress(step, 3)`` is called before reading the records (0)
    and before writing (1); an exception it raises (Cancel) stops the export with nothing written.
    """
    report = progress or (lambda _done, _total: None)
    report(0, EXPORT_STEPS)
    if fmt not in FORMATS:
        raise AnnotatorError(f"unknown export format {fmt!r} (use one of: {', '.join(FORMATS)})")
    if fmt == "spacy":
        from annotator.core.formats.spacy_docbin import load_spacy

        load_spacy()  # fail with the install hint before reading anything
    records = select_records(project, gold=gold, annotator=annotator, only_curated=only_curated)
    report(1, EXPORT_STEPS)
    result = ExportResult(fmt, out)
    folder = fmt in ("brat", "xmi")
    metadata_path = out / "metadata.json" if folder else out.with_name(out.name + ".metadata.json")
    with staged_export(out, metadata_path, folder=folder) as stage:
        extra = _write_data(project, fmt, records, stage, result, workers)
        result.articles = len(records)
        result.annotation_sets = sum(len(r.annotations) for r in records)
        result.spans = sum(len(a.spans) for r in records for a in r.annotations)
        annotators = sorted({a.annotator for r in records for a in r.annotations})
        stage.write_metadata(_metadata(project, stage, result, annotators, extra, gold=gold,
                                       annotator=annotator, only_curated=only_curated, agreement=agreement))
    result.metadata_path = metadata_path
    return result


def _write_data(project: Project, fmt: str, records: list[ArticleRecord], stage: StagedExport,
                result: ExportResult, workers: int) -> dict[str, Any]:
    """Write the records to ``stage.data`` in ``fmt``; return what the metadata record adds for the
    format."""
    target = stage.data
    labels = [label.name for label in project.labels()]
    extra: dict[str, Any] = {}
    if fmt == "jsonl":
        from annotator.core.formats.jsonl import write_jsonl

        result.lines = _write_text(target, lambda f: write_jsonl(records, f))
    elif fmt == "csv":
        from annotator.core.formats import claims_csv
        from annotator.core.formats.table_csv import write_spans_csv

        # Relations and article codes, when there are any, go to tables beside the span table, staged
        # with it so the three appear together.
        if claims_csv.has_relations(records):
            claims = stage.companion(target.stem + ".claims.csv")
            extra["claims_file"] = claims.name
            extra["claims"] = _write_text(claims, lambda f: claims_csv.write_claims_csv(records, f))
        if claims_csv.has_codes(records):
            codes = stage.companion(target.stem + ".codes.csv")
            extra["codes_file"] = codes.name
            extra["coded_pairs"] = _write_text(codes, lambda f: claims_csv.write_codes_csv(records, f))
        result.lines = _write_text(target, lambda f: write_spans_csv(records, f))
    elif fmt == "conll":
        from annotator.core.formats.conll import write_conll

        summary = _write_text(target, lambda f: write_conll(records, f, labels))
        extra["columns"] = summary.columns
        extra["carries"] = ("spans only: relations, attribute values, notes and article codes have no "
                            "place in CoNLL; export jsonl, brat or csv to keep them")
        extra["documents"] = [[r.id, a.annotator] for r in records for a in r.annotations]
        extra["unrepresentable"] = [[u.article_id, u.annotator, u.span.start, u.span.end, u.span.label]
                                    for u in summary.unrepresentable]
        result.notes = [f"{u.article_id} {u.annotator} {u.span.start}-{u.span.end} {u.span.label}: covers "
                        "only white space, no token to tag" for u in summary.unrepresentable]
    elif fmt == "label-studio":
        from annotator.core.formats.label_studio import labelling_config, write_label_studio
        from annotator.store.codebook import Codebook

        config = stage.companion(target.stem + ".label_config.xml")
        colours = [(label.name, label.color) for label in project.labels()]
        relation_colours = [(t.name, t.color) for t in Codebook(project).relation_types()]
        config.write_text(labelling_config(colours, relation_colours), encoding="utf-8")
        result.lines = _write_text(target, lambda f: write_label_studio(records, f))
        extra["label_config"] = config.name
    elif fmt == "spacy":
        from annotator.core.formats.spacy_docbin import write_docbin

        summary = write_docbin(records, target, workers=workers)
        extra["realigned"] = [
            {"article_id": r.article_id, "annotator": r.annotator, "start": r.span.start, "end": r.span.end,
             "label": r.span.label, "stored": None if r.stored is None else [r.stored.start, r.stored.end]}
            for r in summary.realigned
        ]
        result.notes = [
            f"{r.article_id} {r.annotator} {r.span.start}-{r.span.end} {r.span.label}: "
            + ("no spaCy token, not stored" if r.stored is None
               else f"stored as {r.stored.start}-{r.stored.end} (expanded to token edges)")
            for r in summary.realigned
        ]
    elif fmt == "xmi":
        from annotator.core.formats.xmi import write_xmi_folder

        _, renamed_ids = write_xmi_folder(records, target)
        extra["renamed"] = renamed_ids
        result.notes = [f"article {old} written as {new}" for old, new in renamed_ids.items()]
    elif fmt == "qdpx":
        from annotator.core.formats.qdpx import write_qdpx

        write_qdpx(records, [(lb.name, lb.color) for lb in project.labels()], target,
                   project.setting("name") or project.path.stem)
    else:  # brat
        from annotator.core.formats.brat_collection import write_brat_collection
        from annotator.store.codebook import Codebook

        renamed = write_brat_collection(records, target, [(lb.name, lb.color) for lb in project.labels()],
                                        Codebook(project).schema())
        extra["renamed"] = renamed
        extra["trimmed"] = _brat_trimmed(records)
        result.notes = [f"{t['article_id']} {t['annotator']} {t['start']}-{t['end']} {t['label']}: "
                        + ("only line breaks, which brat cannot hold: not written" if t["written"] is None
                           else "line breaks at its edges left out (brat cannot hold them), written as "
                           f"{t['written'][0]}-{t['written'][1]}") for t in extra["trimmed"]]
        result.notes += [f"article {old} written as {new}.txt" for old, new in renamed["articles"].items()]
        result.notes += [f"label {old} written as brat type {new}" for old, new in renamed["labels"].items()]
        result.notes += [f"relation type or attribute {old} written as {new}"
                         for old, new in renamed.get("names", {}).items()]
    return extra


def _metadata(project: Project, stage: StagedExport, result: ExportResult, annotators: list[str],
              extra: dict[str, Any], *, gold: bool, annotator: str | None, only_curated: bool,
              agreement: bool) -> dict[str, Any]:
    """The metadata record: what was exported, from where, by whom, and (for a data file) its SHA-256,
    so a record can always be checked against the file beside it."""
    data_sha256 = stage.data_sha256()
    return {
        "project": project.setting("name") or project.path.stem,
        "project_file": str(project.path),
        "exported_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "exported_by": f"annotator {__version__}",
        "format": result.format,
        "format_notes": FORMAT_NOTES[result.format],
        "selection": {"gold": gold, "annotator": annotator, "only_curated": only_curated},
        "labels": [{"name": lb.name, "color": lb.color} for lb in project.labels()],
        "annotators": annotators,
        "articles": result.articles,
        "annotation_sets": result.annotation_sets,
        "spans": result.spans,
        "agreement": agreement_summary(project, gold=gold) if agreement else {"note": "not computed"},
        **({"data_file": result.path.name, "data_sha256": data_sha256} if data_sha256 else {}),
        **extra,
    }


def _brat_trimmed(records: list[ArticleRecord]) -> list[dict[str, Any]]:
    """The spans brat cannot hold as they are (line breaks at an edge): what was written instead."""
    from annotator.core.formats.brat import brat_span

    trimmed = []
    for record in records:
        for annotation in record.annotations:
            for span in annotation.spans:
                held = brat_span(record.text, span)
                if held != span:
                    trimmed.append({"article_id": record.id, "annotator": annotation.annotator,
                                    "start": span.start, "end": span.end, "label": span.label,
                                    "written": None if held is None else [held.start, held.end]})
    return trimmed
