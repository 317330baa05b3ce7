"""The agreement commands: `agreement` (how far annotators agree), `adjudicate` (agreed spans into gold)."""

from __future__ import annotations

import argparse
import csv
import json
import sys

from annotator.cli.args import EXIT_OK, names, open_project


def add_agreement_commands(commands: argparse._SubParsersAction) -> None:
    """agreement and adjudicate: the reviewer's figures and the gold standard they lead to."""
    p_adjudicate = commands.add_parser(
        "adjudicate", help="accept into gold the spans, relations, attribute values and article answers "
        "enough done annotators agree on; list the rest")
    p_adjudicate.add_argument("--min-votes", type=int, metavar="N",
                              help="votes needed (default: a majority of the article's done annotators)")
    p_adjudicate.add_argument("--annotators", nargs="+", metavar="NAME",
                              help="count only these annotators (space- or comma-separated)")
    p_adjudicate.add_argument("--json", action="store_true", help="print JSON instead of text")
    p_adjudicate.set_defaults(run=cmd_adjudicate)

    p_agreement = commands.add_parser(
        "agreement", help="inter-annotator agreement over articles two or more annotators have done")
    output = p_agreement.add_mutually_exclusive_group()
    output.add_argument("--json", action="store_true", help="print the report as JSON")
    output.add_argument("--csv", action="store_true",
                        help="print CSV rows: scope, item, label, measure, value, reason")
    p_agreement.add_argument("--labels", type=names, metavar="L,...", help="only these labels")
    p_agreement.add_argument("--annotators", type=names, metavar="A,B,...", help="only these annotators")
    p_agreement.add_argument("--against-gold", action="store_true",
                             help="each annotator against gold on curated articles: span F1 per label, "
                                  "relation F1 per type, attribute and article-code kappa")
    p_agreement.add_argument("--bootstrap", type=_resamples, metavar="N",
                             help="95%% intervals from N resamples of the articles (default 1000; 0 = none)")
    p_agreement.add_argument("--seed", type=int, metavar="S",
                             help="seed for the bootstrap resamples (default 0: repeatable output)")
    p_agreement.add_argument("--gamma", action="store_true",
                             help="add γ per article and for the corpus (slow; needs annotator[gamma])")
    p_agreement.add_argument("--by", metavar="KEY",
                             help="also report agreement per value of this article metadata key "
                                  "(e.g. outlet, date)")
    p_agreement.set_defaults(run=cmd_agreement)


def cmd_adjudicate(args: argparse.Namespace) -> int:
    from annotator.store.gold import Gold

    with open_project(args) as project:
        names = None if args.annotators is None else [
            name.strip() for value in args.annotators for name in value.split(",") if name.strip()]
        summary = Gold(project).adjudicate(min_votes=args.min_votes, annotators=names)
        waiting = summary.undecided or any(s.undecided for s in summary.structure.values())
        texts = {d.id: d.text for d in project.documents()} if waiting else {}
    undecided = [
        {"article_id": a.document_id, "start": c.ref.start, "end": c.ref.end, "label": c.ref.label,
         "text": texts[a.document_id][c.ref.start:c.ref.end], "annotators": list(c.annotators),
         "votes": f"{c.votes}/{len(a.annotators)}"}
        for a in summary.articles for c in a.undecided
    ]
    relations, attributes, answers = _waiting_structure(summary, texts)
    if args.json:
        print(json.dumps({"summary": summary.describe(), "spans_accepted": summary.spans_accepted,
                          "undecided": undecided, "relations_accepted": summary.relations_accepted,
                          "attributes_accepted": summary.attributes_accepted,
                          "answers_accepted": summary.answers_accepted, "undecided_relations": relations,
                          "undecided_attributes": attributes, "undecided_answers": answers},
                         ensure_ascii=False, indent=2))
        return EXIT_OK
    print(summary.describe())
    for row in undecided:
        print(f"{row['article_id']}\t{row['start']}-{row['end']}\t{row['label']}\t{row['votes']}\t"
              f"{','.join(row['annotators'])}\t{row['text']}")
    for row in relations:
        head, child = row["head"], row["child"]
        print(f"{row['article_id']}\trelation\t{row['type']} {head['start']}-{head['end']} {head['label']} → "
              f"{child['start']}-{child['end']} {child['label']}\t{row['votes']}\t"
              f"{','.join(row['annotators'])}\t{head['text']} → {child['text']}")
    for row in attributes:
        span = row["span"]
        print(f"{row['article_id']}\tattribute\t{row['attribute']}={row['value']} on {span['start']}-"
              f"{span['end']} {span['label']}\t{row['votes']}\t{','.join(row['annotators'])}\t{span['text']}")
    for row in answers:
        print(f"{row['article_id']}\tanswer\t{row['question']}={'|'.join(row['values'])}\t{row['votes']}\t"
              f"{','.join(row['annotators'])}")
    return EXIT_OK


def _span_row(text: str, ref) -> dict:
    return {"start": ref.start, "end": ref.end, "label": ref.label, "text": text[ref.start:ref.end]}


def _votes(candidate, voters: int) -> dict:
    return {"annotators": list(candidate.annotators), "votes": f"{candidate.votes}/{voters}"}


def _waiting_structure(summary, texts: dict[str, str]) -> tuple[list[dict], list[dict], list[dict]]:
    """The relations, attribute values and answers that wait for the curator, as JSON-ready rows."""
    relations, attributes, answers = [], [], []
    for article in summary.articles:
        doc, voters = article.document_id, len(article.annotators)
        structure = summary.structure.get(doc)
        if structure is None:
            continue
        text = texts.get(doc, "")
        relations += [{"article_id": doc, "type": c.ref.type, "head": _span_row(text, c.ref.head),
                       "child": _span_row(text, c.ref.child), **_votes(c, voters)}
                      for c in structure.relations_undecided]
        attributes += [{"article_id": doc, "span": _span_row(text, c.span), "attribute": c.name,
                        "value": c.value, **_votes(c, voters)} for c in structure.attributes_undecided]
        answers += [{"article_id": doc, "question": c.question, "values": list(c.values), **_votes(c, voters)}
                    for c in structure.answers_undecided]
    return relations, attributes, answers


def _resamples(text: str) -> int:
    """argparse type for --bootstrap: a whole number ≥ 0."""
    try:
        value = int(text)
    except ValueError:
        value = -1
    if value < 0:
        raise argparse.ArgumentTypeError(f"expected a whole number of resamples ≥ 0, got {text!r}")
    return value


def cmd_agreement(args: argparse.Namespace) -> int:
    from annotator.core.agreement.bootstrap import DEFAULT_RESAMPLES, DEFAULT_SEED
    from annotator.core.agreement.render import report_to_json, report_to_text, write_csv
    from annotator.core.agreement.report import build_report

    if args.against_gold:
        return agreement_against_gold(args)
    from annotator.store.codebook import Codebook

    with open_project(args) as project:
        data = project.agreement_input(annotators=args.annotators, labels=args.labels,
                                       codebook=Codebook(project).for_agreement())
        groups = _groups(project, data, args.by) if args.by else []
    if args.gamma:
        from annotator.core.agreement.gamma import require_pygamma

        require_pygamma()  # before the slow part, so a missing extra fails at once
    resamples = DEFAULT_RESAMPLES if args.bootstrap is None else args.bootstrap
    seed = DEFAULT_SEED if args.seed is None else args.seed
    report = build_report(data, bootstrap=resamples, seed=seed, gamma=args.gamma)
    parts = [(value, build_report(part, bootstrap=resamples, seed=seed, gamma=args.gamma))
             for value, part in groups]
    if args.json:
        shown = report_to_json(report)
        if args.by:
            shown["by"] = {"key": args.by, "groups": [{"value": value, **report_to_json(part)}
                                                       for value, part in parts]}
        print(json.dumps(shown, ensure_ascii=False, indent=2))
    elif args.csv:
        from annotator.core.agreement.render import csv_rows

        write_csv(report, sys.stdout)
        writer = csv.writer(sys.stdout, lineterminator="\n")
        for value, part in parts:  # the same columns; the scope says which group, e.g. "outlet=X/corpus"
            writer.writerows((f"{args.by}={value}/{row[0]}", *row[1:]) for row in csv_rows(part))
    else:
        print(report_to_text(report))
        for value, part in parts:
            print(f"\n== {args.by} = {value} ({len(part.articles)} article(s))")
            print(report_to_text(part))
    return EXIT_OK


def _groups(project, data, key: str):
    """The counted articles split by metadata ``key``; a key no article has is an error naming the keys."""
    from annotator.core.agreement.groups import split_by
    from annotator.core.errors import NotFoundError
    from annotator.store.article_listing import metadata_by_article, metadata_keys

    # from the listing index, not the articles: their texts are not read (100,000 of 6 kB: 600 MB)
    values = metadata_by_article(project, key)
    if not values:
        keys = metadata_keys(project)
        raise NotFoundError(f"no article has the metadata key {key!r} (the articles have: "
                            f"{', '.join(keys) or 'no metadata'})")
    return split_by(data, values)


def agreement_against_gold(args: argparse.Namespace) -> int:
    import csv

    from annotator.core.agreement import against_gold as gold_agreement
    from annotator.core.agreement.render import CSV_HEADER
    from annotator.store.codebook import Codebook
    from annotator.store.gold import GOLD_RATER, Gold

    with open_project(args) as project:
        data = Gold(project).agreement_input(annotators=args.annotators, labels=args.labels,
                                             codebook=Codebook(project).for_agreement())
    rows = gold_agreement.against_gold_pairwise(data, GOLD_RATER)
    if args.json:
        print(json.dumps({"against_gold": gold_agreement.to_json(rows)}, ensure_ascii=False, indent=2))
    elif args.csv:
        writer = csv.writer(sys.stdout, lineterminator="\n")
        writer.writerow(CSV_HEADER)
        writer.writerows(gold_agreement.csv_rows(rows))
    else:
        print(gold_agreement.to_text(rows, data.labels))
    return EXIT_OK
