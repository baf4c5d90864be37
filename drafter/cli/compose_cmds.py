"""Compose: `drafter sections build|list|show|check`, `new`, `add`, `render`, `gaps`."""

from __future__ import annotations

import sys
from pathlib import Path

from drafter.errors import DrafterError


def register(sub) -> None:  # noqa: ANN001 - argparse's private subparsers type
    sections = sub.add_parser("sections", help="the section library drawn from the corpus")
    ssub = sections.add_subparsers(dest="sections_command", metavar="ACTION", required=True)
    p = ssub.add_parser("build", help="draw the variants from the corpus into sections/")
    p.add_argument("--out", help="folder to write (default: the library's own sections/)")
    p.add_argument("--from-files", action="store_true", help="read the bundled corpus files, not the store")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_sections_build)
    p = ssub.add_parser("list", help="the variants, most typical first")
    p.add_argument("--kind", help="指导思想 / 基本原则 / 工作目标 / 重点任务 / 组织保障")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_sections_list)
    p = ssub.add_parser("show", help="one variant: provenance and text (rendered with --region)")
    p.add_argument("id")
    _region_args(p, required=False)
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_sections_show)
    p = ssub.add_parser("check", help="render every variant for another region; report leaks")
    _region_args(p, required=False)
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_sections_check)

    p = sub.add_parser("new", help="assemble a complete draft for a region")
    _region_args(p, required=True)
    p.add_argument("--title", help="the plan's title (default: <region>深化医药卫生体制改革实施方案)")
    p.add_argument("--issuer", help="default: <region>人民政府办公室")
    p.add_argument("--date", help="YYYY-MM-DD (default: today)")
    p.add_argument("--superior", action="append", default=[],
                   help="a superior document: 《关于…的意见》（国办发〔2015〕38号） (repeatable)")
    p.add_argument("--pick", action="append", default=[], metavar="KIND=ID", help="choose a variant")
    p.add_argument("--from", dest="from_superior", metavar="SUPERIOR",
                   help="draw the plan up task by task from this superior document (file, corpus id or name)")
    p.add_argument("--doc", type=int, help="with --from: which document of a file holding several (1-based)")
    p.add_argument("--json", action="store_true",
                   help="with --from: each task's superior text and ranked candidates")
    p.add_argument("-o", "--output", required=True, help="the draft file to write")
    p.add_argument("--force", action="store_true", help="overwrite an existing file")
    p.set_defaults(func=cmd_new)

    p = sub.add_parser("add", help="insert a library variant into a draft")
    p.add_argument("draft")
    p.add_argument("--variant", required=True)
    p.add_argument("--under", help="the parent section: number (4) or heading")
    p.add_argument("--position", type=int, help="1-based place among its siblings")
    p.set_defaults(func=cmd_add)

    p = sub.add_parser("render", help="the draft as plain text, without metadata or provenance")
    p.add_argument("draft")
    p.add_argument("-o", "--output")
    p.set_defaults(func=cmd_render)

    p = sub.add_parser("gaps", help="task topics most corpus plans cover but the draft does not")
    p.add_argument("draft")
    p.add_argument("--min-share", type=float, default=0.3, help="share of corpus plans that cover a topic (default 0.3)")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_gaps)


def _region_args(p, required: bool) -> None:  # noqa: ANN001
    p.add_argument("--region", required=required, help="e.g. 运城市")
    p.add_argument("--province", help="e.g. 山西省 (found from the region when known)")
    p.add_argument("--year", type=int, help="the plan's year (default: this year)")


def _context(args):  # noqa: ANN001, ANN202
    from drafter.library.placeholders import RegionContext

    if not args.region:
        return None
    context = RegionContext(args.region, args.province)
    if args.year:
        context.year = args.year
    return context


def cmd_sections_build(args) -> int:  # noqa: ANN001
    from drafter.cli.output import emit_json
    from drafter.library.build import build_variants, write_library
    from drafter.library.corpus_source import corpus_documents
    from drafter.resources import sections_dir

    documents = corpus_documents(args.db, use_store=not args.from_files)
    report = write_library(build_variants(documents), Path(args.out) if args.out else sections_dir())
    if args.json:
        emit_json(report.as_json())
    else:
        print(f"{report.variants} variants from {len(documents)} plans: {len(report.written)} written, "
              f"{len(report.unchanged)} unchanged, {len(report.curated)} curated kept, "
              f"{len(report.removed)} removed")
    return 0


def cmd_sections_list(args) -> int:  # noqa: ANN001
    from drafter.cli.output import emit_json
    from drafter.library.variants import Library

    library = Library.load()
    variants = library.of_kind(args.kind) if args.kind else library.variants
    if args.json:
        emit_json([{k: v for k, v in variant.as_json().items() if k != "template"} for variant in variants])
    else:
        for variant in variants:
            print(variant.label())
    return 0


def cmd_sections_show(args) -> int:  # noqa: ANN001
    from drafter.cli.output import emit_json
    from drafter.messages import t
    from drafter.library.render import render_variant
    from drafter.library.variants import Library

    variant = Library.load().get(args.id)
    context = _context(args)
    text = variant.template
    if context:
        text = "\n".join(render_variant(variant, context.values(), with_source=False).to_lines())
    if args.json:
        emit_json({**variant.as_json(), "text": text})
        return 0
    source = variant.source
    print(f"{variant.id} · {variant.kind} · {variant.path}")
    print(t("outline.variant_source", source=" ".join([source.get("title", ""), source.get("doc_number", ""),
                                                        source.get("date", "")])))  # fmt: skip
    if variant.also_in:
        print("also in: " + ", ".join(a.get("region") or a.get("title", "") for a in variant.also_in))
    print()
    print(text)
    return 0


def cmd_sections_check(args) -> int:  # noqa: ANN001
    from drafter.check.distinctive import corpus_facts
    from drafter.cli.output import emit_json
    from drafter.library.check import check_library, sample_regions
    from drafter.library.variants import Library
    from drafter.messages import t

    results = check_library(Library.load(), _context(args), corpus_facts(args.db))
    bad = [r for r in results if not r.ok]
    old = [r for r in results if r.ok and r.outdated]
    year = args.year or sample_regions()[0].year
    if args.json:
        emit_json({"checked": len(results), "problems": [r.as_json() for r in bad],
                   "outdated": [r.as_json() for r in old], "units": [r.as_json() for r in results if r.units]})
        return 1 if bad else 0
    for r in bad:
        items = "、".join(r.leaks) if r.leaks else ""
        print(f"{r.path or r.variant}: {r.error}" if r.error else
              t("check.sections_leak", path=r.path or r.variant, region=r.region, items=items))
        for f in r.findings:
            print(f"    [{f.family}] “{f.text}” {f.message}")
    for r in old:
        items = "、".join(sorted({f"{f.text}" for f in r.outdated}))
        print(t("check.sections_outdated", path=r.path or r.variant, region=r.region, year=year,
                n=len(r.outdated), items=items))
    for r in results:
        if r.units:
            items = "、".join(dict.fromkeys(f.text for f in r.units))
            print(t("check.sections_units", path=r.path or r.variant, n=len(r.units), items=items))
    print(t("check.sections_summary", n=len(results), bad=len(bad), old=len(old), year=year))
    return 1 if bad else 0


def _picks(pairs: list[str]) -> dict[str, str]:
    picks = {}
    for pair in pairs:
        kind, sep, variant_id = pair.partition("=")
        if not sep or not variant_id:
            raise DrafterError(f"--pick {pair!r}: write KIND=ID, e.g. 指导思想=zdsx-1a2b3c")
        picks[kind.strip()] = variant_id.strip()
    return picks


def cmd_new(args) -> int:  # noqa: ANN001
    from drafter.draft.compose import new_draft
    from drafter.draft.io import save_draft

    out = Path(args.output)
    if out.exists() and not args.force:
        raise DrafterError(f"{out}: already exists (use --force to replace it)")
    if args.from_superior:
        return cmd_new_from(args, out)
    from drafter.check.distinctive import corpus_facts

    draft = new_draft(args.region, args.province, args.title, args.issuer, args.date, args.superior,
                      _picks(args.pick), corpus=corpus_facts(args.db))
    save_draft(draft, out)
    print(f"{out}: {sum(1 for _ in draft.walk())} sections for {args.region}")
    from drafter.cli.draft_cmds import print_todo
    from drafter.draft.part_edit import todo

    print_todo(todo(draft))  # the parts a drafter still has to fill (`drafter meta` sets them)
    return 0


def cmd_add(args) -> int:  # noqa: ANN001
    from drafter.draft.compose import add_variant
    from drafter.draft.io import load_draft, save_draft
    from drafter.library.variants import Library

    draft = load_draft(args.draft)
    variant = Library.load().get(args.variant)
    under = draft.find(args.under) if args.under else None
    position = args.position - 1 if args.position else None
    section = add_variant(draft, variant, under, position)
    save_draft(draft, args.draft)
    print(f"{args.draft}: added {section.heading}")
    return 0


def cmd_render(args) -> int:  # noqa: ANN001
    from drafter.atomic import write_bytes_atomically
    from drafter.draft.compose import render_draft
    from drafter.draft.io import load_draft

    text = render_draft(load_draft(args.draft))
    if args.output:
        write_bytes_atomically(Path(args.output), text.encode("utf-8"))
    else:
        sys.stdout.write(text)
    return 0


def cmd_gaps(args) -> int:  # noqa: ANN001
    from drafter.cli.output import emit_json
    from drafter.draft.compose import render_draft
    from drafter.draft.io import load_draft
    from drafter.library.corpus_source import corpus_documents
    from drafter.library.gaps import find_gaps

    gaps = find_gaps(render_draft(load_draft(args.draft)), corpus_documents(args.db), args.min_share)
    if args.json:
        emit_json([gap.as_json() for gap in gaps])
        return 0
    for gap in gaps:
        print(f"{gap.topic}  ({gap.share:.0%} of plans)")
        for plan in gap.plans:
            print(f"    {plan}")
    if not gaps:
        print("no gaps: the draft covers every topic most plans cover")
    return 0


def cmd_new_from(args, out: Path) -> int:  # noqa: ANN001
    """`drafter new --from SUPERIOR`: the plan drawn up task by task (drafter.draft.from_superior)."""
    from drafter.check.distinctive import corpus_facts
    from drafter.cli.output import emit_json
    from drafter.cli.store_cmds import open_corpus
    from drafter.draft.from_superior import build_from_superior
    from drafter.draft.io import plain_text, save_draft
    from drafter.draft.superior_outline import load_superior, superior_outline
    from drafter.messages import t

    if args.pick:
        raise DrafterError(t("superior.from_and_pick"))
    store = open_corpus(args)
    try:
        superior, corpus_id = load_superior(args.from_superior, store, args.doc)
        if not superior_outline(superior).tasks():
            title = superior.plan_title or superior.title or args.from_superior
            raise DrafterError(t("superior.no_tasks", title=title))
        progress = None if args.json or not sys.stderr.isatty() else _progress
        built = build_from_superior(superior, args.region, args.province, store=store, title=args.title,
                                    issuer=args.issuer, date=args.date, progress=progress,
                                    exclude=[corpus_id] if corpus_id is not None else [],
                                    corpus=corpus_facts(args.db))  # fmt: skip
    finally:
        store.close()
    save_draft(built.draft, out)
    if args.json:
        emit_json({"draft": str(out), "characters": len(plain_text(built.draft)), **built.as_json()})
        return 0
    _report_from(built, out, superior)
    return 0


def _progress(done: int, total: int, task: str) -> None:
    from drafter.messages import t

    sys.stderr.write("\r\033[K" + t("superior.progress", done=done + 1, total=total, task=task[:30]))
    if done + 1 == total:
        sys.stderr.write("\r\033[K")
    sys.stderr.flush()


def _report_from(built, out: Path, superior) -> None:  # noqa: ANN001
    from drafter.cli.draft_cmds import print_todo
    from drafter.draft.io import plain_text
    from drafter.draft.part_edit import todo
    from drafter.messages import t

    fills = built.tasks
    print(t("superior.done", path=out, superior=superior.plan_title or superior.title or "",
            region=built.draft.meta["region"], tasks=len(fills), chars=len(plain_text(built.draft)),
            seconds=built.seconds))  # fmt: skip
    print(t("superior.filled", filled=sum(1 for f in fills if f.chosen),
            restated=sum(f.restated for f in fills), pending=sum(f.pending for f in fills)))  # fmt: skip
    print_todo(todo(built.draft))  # the parts still to fill, and the 待完善 sections
