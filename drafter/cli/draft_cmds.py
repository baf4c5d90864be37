"""`drafter meta DRAFT`: a draft's metadata and 公文 parts — list them, set or unset them one by one.

    drafter meta d.md                                  every part, where its value comes from, what is empty
    drafter meta d.md --set 主送=各县（市、区）人民政府 --set 发文字号=运政办发〔2025〕12号
    drafter meta d.md --superior "《关于…的意见》（国办发〔2015〕38号）"
    drafter meta d.md --unset 通知正文                  back to following the metadata
    drafter meta d.md --json                           {"parts": [{key, label, group, value, stored, source}], "todo": […]}
"""

from __future__ import annotations

import argparse

from drafter.errors import DrafterError
from drafter.messages import t


def register(sub) -> None:
    p = sub.add_parser(
        "meta",
        help="list or set a draft's metadata and 公文 parts (版头, 通知, 版记)",
        description="Without options: every part of the draft (标题, 发文机关, 发文字号, 主送, 通知正文, 抄送 …), "
        "its value and where it comes from (set / follows the metadata / default / empty), and what is "
        "still to fill. Parts are named by key or Chinese label.",
    )
    p.add_argument("draft", help="the draft file")
    p.add_argument("--set", action="append", default=[], metavar="NAME=VALUE", dest="sets",
                   help="set a part, e.g. 主送=各县（市、区）人民政府 (repeatable; a list takes items separated by ；)")
    p.add_argument("--unset", action="append", default=[], metavar="NAME",
                   help="drop a part: it follows the metadata (or its default) again")
    p.add_argument("--superior", action="append", default=[], metavar="DOCUMENT",
                   help="add a superior document: 《关于…的意见》（国办发〔2015〕38号）")
    p.add_argument("--json", action="store_true", help="the parts and the to-do list as JSON")
    p.set_defaults(func=cmd_meta)


def cmd_meta(args: argparse.Namespace) -> int:
    from drafter.draft import part_edit
    from drafter.draft.io import load_draft, save_draft
    from drafter.draft.parts import legacy_notice, spec

    draft = load_draft(args.draft)
    changed: list[str] = []
    was_legacy = legacy_notice(draft) is not None
    for pair in args.sets:
        name, sep, value = pair.partition("=")
        if not sep or not name.strip():
            raise DrafterError(t("draft.bad_set", pair=pair))
        changed.append(spec(part_edit.set_part(draft, name, value)).label)
    for name in args.unset:
        changed.append(spec(part_edit.unset_part(draft, name)).label)
    for document in args.superior:
        part_edit.add_superior(draft, document)
        changed.append(spec("superior").label)
    if changed:
        save_draft(draft, args.draft)
    if args.json:
        from drafter.cli.output import emit_json

        emit_json({"parts": [s.as_json() for s in part_edit.part_states(draft)], "todo": part_edit.todo(draft)})
        return 0
    if changed:
        if was_legacy and legacy_notice(draft) is None:
            print(t("draft.migrated", path=args.draft))
        print(t("draft.set_done", path=args.draft, labels="、".join(dict.fromkeys(changed))))
    else:
        print_parts(part_edit.part_states(draft))
    print_todo(part_edit.todo(draft))
    return 0


def print_parts(states) -> None:
    group = None
    for state in states:
        if state.group != group:
            group = state.group
            print(f"【{group}】")
        value = state.value.replace("\n", " / ") or "—"
        print(f"  {state.label}（{state.key}）：{value}  [{t(SOURCE_WORDS[state.source])}]")


SOURCE_WORDS = {"set": "draft.source_set", "follows": "draft.source_follows", "default": "draft.source_default",
                "empty": "draft.source_empty"}  # fmt: skip


def print_todo(todo: list[str]) -> None:
    if not todo:
        print(t("draft.all_filled"))
        return
    print(t("draft.still_empty"))
    for item in todo:
        print(f"  · {item}")
