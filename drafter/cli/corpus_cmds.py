"""`drafter locate`, `drafter outline PATH`, `drafter clean PATH`: reading plans, no store needed."""

from __future__ import annotations

import argparse

from drafter.cli.output import emit_json, task_line


def register(sub) -> None:  # noqa: ANN001
    p = sub.add_parser("locate", help="print where drafter keeps its store, config and autosaves")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_locate)

    p = sub.add_parser("outline", help="documents, metadata, headings (level, kind) and tasks of a file")
    p.add_argument("path")
    p.add_argument("--json", action="store_true", help="the stable JSON contract")
    p.set_defaults(func=cmd_outline)

    p = sub.add_parser("clean", help="the cleaned text of a file, with every removal and warning")
    p.add_argument("path")
    p.add_argument("--json", action="store_true", help="the stable JSON contract")
    p.set_defaults(func=cmd_clean)


def cmd_locate(args: argparse.Namespace) -> int:
    from drafter.paths import locations
    from drafter.resources import corpus_dir, sections_dir, templates_dir
    from drafter.store.location import parse

    where = locations().as_dict()
    store = parse(args.db)
    where["db"] = store.shown  # a server URL stays a URL (its password hidden), never a path
    if store.backend == "sqlite":
        where["index"] = store.target + ".index"
    where.update(corpus=str(corpus_dir()), templates=str(templates_dir()), sections=str(sections_dir()))
    if args.json:
        emit_json(where)
    else:
        width = max(map(len, where))
        for name, path in where.items():
            print(f"{name:<{width}}  {path}")
    return 0


def cmd_outline(args: argparse.Namespace) -> int:
    from drafter.reader import read_plans

    documents = read_plans(args.path)
    if args.json:
        emit_json({"documents": [doc.outline_json() for doc in documents]})
        return 0
    for doc in documents:
        print(_doc_header(doc))
        for section in doc.walk():
            kind = f"  [{section.kind}]" if section.kind else ""
            print(f"{'  ' * section.level}{section.heading}{kind}")
        for task in doc.tasks():
            print(f"    {task_line(task, task.text[:30] + '…')}")
        print()
    return 0


def cmd_clean(args: argparse.Namespace) -> int:
    from drafter.reader import clean_plans

    documents = clean_plans(args.path)
    if args.json:
        emit_json({"documents": documents})
        return 0
    for doc in documents:
        print(f"# {doc['title'] or '(untitled)'}")
        print(doc["text"])
        for change in doc["removed"]:
            print(f"  removed {change['what']} at {change['at']}: {change['text'][:60]!r}")
        for change in doc["warnings"]:
            print(f"  warning {change['what']} at {change['at']}: {change['text'][:60]!r}")
    return 0


def _doc_header(doc) -> str:  # noqa: ANN001
    from drafter.corpus.labels import region_label, type_label

    facts = [type_label(doc.doc_type, doc.is_template), doc.issuer, doc.doc_number, doc.date,
             region_label(doc.region, doc.region_note), doc.level]  # fmt: skip
    return f"# {doc.title or '(untitled)'}\n  " + " · ".join(f for f in facts if f)
