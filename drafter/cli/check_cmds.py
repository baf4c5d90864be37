"""`drafter check D` (提法 · 属地 · 时限 · 格式) and `drafter fix D` (the safe replacements)."""

from __future__ import annotations

import argparse
from pathlib import Path

from drafter.errors import DrafterError


def register(sub) -> None:  # noqa: ANN001 - argparse's private subparsers type
    p = sub.add_parser(
        "check",
        help="outdated wording, other places' leftovers, expired dates and 公文 format",
        description="Check a draft, a plan file (.txt .md .html .docx) or a corpus document (id or name) "
        "as a 办公室 reviewer would: 提法 (outdated formulations), 属地 (another place's names, usage, "
        "文号), 时限 (deadlines before the plan's date), 格式 (GB/T 9704 / GB/T 15834). Exits 1 when it "
        "finds an error.",
    )
    p.add_argument("target", nargs="?", help="a draft or plan file, or a corpus document's id or name")
    _common(p)
    p.add_argument("--json", action="store_true", help='print {"findings": [...]} (see README)')
    p.add_argument("--rules", action="store_true", help="show the rules and the files they come from")
    p.set_defaults(func=cmd_check)

    p = sub.add_parser(
        "fix",
        help="apply the safe replacements `drafter check` suggests (punctuation, "
        "brackets, renamed institutions) and list them",
        description="Apply the safe replacements only; nothing else changes. A draft, a "
        "UTF-8 text file or a .docx is rewritten in place (atomically); a scraped page or "
        "a corpus document needs -o.",
    )
    p.add_argument("target", help="a draft or plan file, or a corpus document's id or name")
    _common(p)
    p.add_argument("-o", "--output", help="write the fixed text here instead of in place")
    p.add_argument("--dry-run", action="store_true", help="list what would change, write nothing")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_fix)


def _common(p: argparse.ArgumentParser) -> None:
    p.add_argument("--family", help="提法,属地,时限,格式 (or tifa,shudi,shixian,geshi); default all")
    p.add_argument("--date", help="check as of this date (YYYY-MM-DD) instead of the plan's own")
    p.add_argument("--region", help="the plan's region, when the file does not say (e.g. 运城市)")
    p.add_argument("--province", help="its province")
    p.add_argument("--no-corpus", action="store_true", help="do not read the store (no corpus-derived terms)")


def _prepare(args: argparse.Namespace):  # noqa: ANN202
    from drafter.check import load_target, parse_families
    from drafter.check.distinctive import CorpusFacts, corpus_facts
    from drafter.check.run import context_for

    families = parse_families(args.family)
    target = load_target(args.target, args.db)
    corpus = CorpusFacts() if args.no_corpus or "属地" not in families else corpus_facts(args.db)
    ctx = context_for(target, corpus, args.date, args.region, args.province)
    return target, families, ctx


def cmd_check(args: argparse.Namespace) -> int:
    from drafter.cli.output import emit_json

    if args.rules:
        return _show_rules(args.json)
    if not args.target:
        raise DrafterError("check: name a draft or plan file (or use --rules)")
    from drafter.check import check_target

    target, families, ctx = _prepare(args)
    report = check_target(target, families, ctx.corpus, ctx)
    if args.json:
        emit_json(report.as_json())
    else:
        _print_report(report)
    return 1 if report.errors else 0


def _print_report(report) -> None:  # noqa: ANN001 - a Report
    from drafter.messages import t

    severity = {
        "error": t("check.severity_error"),
        "warning": t("check.severity_warning"),
        "info": t("check.severity_info"),
    }
    for f, count in _grouped(report.findings):
        times = t("check.repeated_here", count=count) if count > 1 else ""
        print(f"{f.location.where()}  [{f.family}·{severity[f.severity]}]  “{f.text}”{times}")
        print(f"    {f.message}")
        if f.suggestion is not None:
            print(
                "    "
                + (t("check.suggest", text=f.suggestion) if f.suggestion else t("check.suggest_delete"))
            )
    for note in report.notes:
        print(note)
    counts = report.by_family()
    print(t("check.checked_as", date=report.date, region=report.region or report.province or "—"))
    print(
        t(
            "check.summary",
            target=report.target,
            total=len(report.findings),
            tifa=counts["提法"],
            shudi=counts["属地"],
            shixian=counts["时限"],
            geshi=counts["格式"],
            errors=report.errors,
        )
    )


def _grouped(findings: list) -> list[tuple]:
    """The same finding repeated in one place (a scraped paragraph's 25 half-width commas) listed
    once with its count, in the order each first occurs; `--json` keeps every one."""
    groups: dict[tuple, list] = {}
    for f in findings:
        key = (f.location.where(), f.rule, f.text, f.message, f.suggestion)
        groups.setdefault(key, [f, 0])[1] += 1
    return [(f, count) for f, count in groups.values()]


def _show_rules(as_json: bool) -> int:
    from drafter.check.rules import NAMES, load_rules, rules_listing
    from drafter.cli.output import emit_json
    from drafter.messages import t

    listing = rules_listing()
    files = [str(p) for name in NAMES for p in load_rules(name).files]
    if as_json:
        emit_json({"files": files, "rules": listing})
        return 0
    print(t("check.rules_header", files="; ".join(files)))
    for rule in listing:
        head = f"[{rule['file']}/{rule['kind']}] {rule['id']}"
        if rule["title"]:
            head += f"  {rule['title']}"
        print(head)
        if rule["kind"] == "rule" and (rule["outdated_from"] or rule["severity"]):
            since = rule["outdated_from"] or "—"
            print(f"    {since}  {rule['severity'] or ''}  safe={bool(rule['safe'])}")
        elif rule["outdated_from"]:
            print(f"    {rule['outdated_from']}")
        if rule["current"]:
            print(f"    → {rule['current']}")
        if rule["source"]:
            print(f"    {rule['source']}")
        if rule["checked"]:
            print(f"    checked: {rule['checked']}")
        print(f"    ({rule['origin']})")
    return 0


def cmd_fix(args: argparse.Namespace) -> int:
    from drafter.check import fix_target
    from drafter.cli.output import emit_json
    from drafter.messages import t

    target, families, ctx = _prepare(args)
    if not target.writable and not args.output and not args.dry_run:
        raise DrafterError(t("check.fix_needs_output", target=target.label))
    applied = fix_target(target, families, ctx.corpus, ctx)
    written = None
    if applied and not args.dry_run:
        written = _write(target, Path(args.output) if args.output else None)
    if args.json:
        emit_json(
            {
                "target": target.label,
                "written": str(written) if written else None,
                "changes": [f.as_json() for f in applied],
            }
        )
        return 0
    from drafter.check.model import sort_findings

    for f in sort_findings(applied):
        new = f"“{f.suggestion}”" if f.suggestion else t("check.deleted")
        print(f"{f.location.where()}  “{f.text}” → {new}  ({f.rule})")
    if not applied:
        print(t("check.fixed_nothing", target=target.label))
        return 0
    print(t("check.fixed", target=target.label, n=len(applied)))
    print(t("check.fix_written", path=written) if written else t("check.fix_dry_run"))
    return 0


def _write(target, output: Path | None) -> Path:  # noqa: ANN001 - a Target
    from drafter.atomic import write_bytes_atomically

    path = output or target.path
    if target.kind == "draft" and output is None:
        from drafter.draft.io import save_draft

        save_draft(target.draft, path)
        return path
    if target.kind == "docx":
        import io

        buffer = io.BytesIO()
        target.document.save(buffer)
        data = buffer.getvalue()
        if output is not None and output.suffix.lower() != ".docx":
            data = target.text().encode("utf-8")
        write_bytes_atomically(path, data)
        return path
    write_bytes_atomically(path, target.text().encode("utf-8"))  # lines keep the file's own newlines
    return path
