"""The draft's file: new (Ctrl+N), open (Ctrl+O, recent drafts), save (Ctrl+S), save as (F12), quit.

Nothing here overwrites a file that is not this draft's own without asking (`DraftSession.conflict`):
answering no leaves that file exactly as it was. The title bar shows the file name and `*` while
there are changes not yet in it; every open and save goes to the recent-drafts list.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from drafter.atomic import SaveError
from drafter.messages import t
from drafter.tui import recent, services
from drafter.tui.dialogs.choice_dialog import ChoiceDialog
from drafter.tui.dialogs.confirm_dialog import ConfirmDialog
from drafter.tui.dialogs.metadata_dialog import MetadataDialog
from drafter.tui.dialogs.open_dialog import OpenDialog
from drafter.tui.dialogs.path_prompt import PathPrompt

Then = Callable[[], None]


class FileActions:
    """Mixed into DrafterApp; uses `self.session`, `self.locations`, `self.export_dir`, `self.notify`…"""

    session: Any
    locations: Any
    export_dir: Path
    default_draft_path: Callable[..., Path]  # DraftActions: `<地区>-实施方案.md` in the export folder

    # ── what the title bar and the status say ──────────────────────────────────────────────────
    def draft_label(self) -> str:
        name = self.session.path.name if self.session.path else t("tui.no_file_yet")
        return f"{name}{' *' if self.session.dirty else ''}"

    def refresh_title(self) -> None:
        self.sub_title = self.draft_label() if self.session.draft is not None else t("tui.subtitle")

    # ── open ───────────────────────────────────────────────────────────────────────────────────
    def action_open_draft(self) -> None:
        def chosen(path: Path | None) -> None:
            if path is not None:
                self.leave_current(lambda: self.open_file(path))

        start = services.shown_path(self.export_dir) + "/" if self.export_dir else ""
        self.push_screen(OpenDialog(recent.read_recent(self.locations.config_dir), start), chosen)

    def open_file(self, path: Path, quiet: bool = False) -> bool:
        try:
            self.session.open(path)
        except Exception as err:  # noqa: BLE001 - a broken draft file: say so, keep the app open
            self.notify(t("tui.open_failed", path=path, why=err), severity="error", timeout=15)
            return False
        self.remember_draft()
        self.draft_version += 1
        self.refresh_title()
        if not quiet:
            self.status_text = t("tui.opened", path=services.shown_path(path))
        self.switch_mode("compose")
        return True

    def remember_draft(self) -> None:
        path = self.session.path
        if path is None or self.session.draft is None:
            return
        meta = self.session.draft.meta
        try:
            recent.remember(self.locations.config_dir, path, str(meta.get("title") or ""),
                            str(meta.get("region") or ""))
        except OSError as err:  # the list is a convenience: never let it stop an open or a save
            self.notify(t("tui.recent_failed", why=err), severity="warning")

    # ── save, save as ──────────────────────────────────────────────────────────────────────────
    def action_save_draft(self) -> None:
        if self.session.draft is None:
            self.notify(t("tui.no_draft"), severity="warning")
            return
        self.save_to(self.session.path or self.default_draft_path())

    def action_save_as(self) -> None:
        if self.session.draft is None:
            self.notify(t("tui.no_draft"), severity="warning")
            return

        def chosen(path: Path | None) -> None:
            if path is not None:
                self.save_to(path if path.suffix else path.with_suffix(".md"))

        start = self.session.path or self.default_draft_path()
        self.push_screen(PathPrompt(t("tui.save_as_title"), services.shown_path(start), suffixes=(".md",)), chosen)

    def save_to(self, target: Path, then: Then | None = None) -> None:
        """Save into `target`, asking first when it holds a file that is not this draft's own."""
        conflict = self.session.conflict(target)
        if conflict is None:
            if self.write_draft(target) and then:
                then()
            return

        def answer(choice: str | None) -> None:
            if choice == "overwrite":
                if self.write_draft(target) and then:
                    then()
            elif choice == "other":
                self.action_save_as()

        question = t(f"tui.overwrite_{conflict}", path=services.shown_path(target))
        choices = [("overwrite", t("tui.choice_overwrite")), ("other", t("tui.choice_save_as")),
                   ("cancel", t("common.cancel"))]
        self.push_screen(ChoiceDialog(question, choices, default="cancel"), answer)

    def write_draft(self, target: Path) -> bool:
        try:
            saved = self.session.save(target)
        except (SaveError, OSError) as err:
            self.notify(t("tui.save_failed", path=services.shown_path(target), why=save_problem(err)),
                        severity="error", timeout=15)
            return False
        self.remember_draft()
        self.draft_version += 1
        self.refresh_title()
        self.status_text = t("tui.saved", path=services.shown_path(saved))
        self.notify(self.status_text)
        return True

    # ── new ────────────────────────────────────────────────────────────────────────────────────
    def action_new_draft(self) -> None:
        def create(values: dict[str, str] | None) -> None:
            if values is None:
                return
            if not values.get("region"):
                self.notify(t("tui.need_region"), severity="warning")
                return
            self.leave_current(lambda: self.choose_new_path(values))

        self.push_screen(MetadataDialog({}, heading=t("tui.new_title")), create)

    def choose_new_path(self, values: dict[str, str]) -> None:
        """The new draft's file is `<地区>-实施方案.md`; when that is taken, ask before anything."""
        target = self.default_draft_path(values["region"])
        if not target.exists():
            self.assemble(values, target)
            return

        def answer(choice: str | None) -> None:
            if choice == "open":
                self.open_file(target)
            elif choice == "other":
                self.push_screen(PathPrompt(t("tui.new_other_name"), services.shown_path(target.with_name(target.stem + "-2.md")),
                                            suffixes=(".md",)), lambda path: self._new_at(values, path))
            elif choice == "overwrite":
                self.assemble(values, target)

        choices = [("open", t("tui.choice_open_existing")), ("other", t("tui.choice_other_name")),
                   ("overwrite", t("tui.choice_overwrite")), ("cancel", t("common.cancel"))]
        self.push_screen(ChoiceDialog(t("tui.new_exists", path=services.shown_path(target)), choices,
                                      default="open"), answer)

    def _new_at(self, values: dict[str, str], path: Path | None) -> None:
        if path is None:
            return
        path = path if path.suffix else path.with_suffix(".md")
        if path.exists():  # asked again: this name is taken too
            self.choose_new_path_at(values, path)
        else:
            self.assemble(values, path)

    def choose_new_path_at(self, values: dict[str, str], path: Path) -> None:
        def answer(yes: bool | None) -> None:
            if yes:
                self.assemble(values, path)

        self.push_screen(ConfirmDialog(t("tui.overwrite_exists", path=services.shown_path(path)),
                                       yes=t("tui.choice_overwrite")), answer)

    def assemble(self, values: dict[str, str], path: Path) -> None:
        self.pending_new_path = path
        self.status_text = t("tui.assembling", region=values["region"])
        self.assemble_draft(values)

    def adopt_new_draft(self, draft: Any, report: str = "") -> None:
        """On the UI thread, once the worker has assembled the draft; the user agreed to its path."""
        path = getattr(self, "pending_new_path", None)
        self.session.start_new(draft, path)
        self.draft_changed()
        count = sum(1 for _ in draft.walk())
        self.status_text = report or t("tui.new_ready", region=draft.meta.get("region"), count=count)
        if report:
            self.notify(report, timeout=15)
        self.switch_mode("compose")

    # ── leaving the current draft (open, new, quit) ────────────────────────────────────────────
    def leave_current(self, then: Then) -> None:
        """Unsaved changes are saved into the draft's own file, or the user chooses what to do."""
        session = self.session
        if session.draft is None or not session.dirty:
            then()
            return
        if session.path is not None and session.conflict(session.path) is None:
            if self.write_draft(session.path):
                then()
            return

        def answer(choice: str | None) -> None:
            if choice == "save":
                self.save_to(session.path or self.default_draft_path(), then)
            elif choice == "keep":
                kept = session.keep_copy()
                self.notify(t("tui.kept_copy", path=services.shown_path(kept)))
                then()

        choices = [("save", t("tui.choice_save")), ("keep", t("tui.choice_keep_copy")),
                   ("cancel", t("common.cancel"))]
        self.push_screen(ChoiceDialog(t("tui.unsaved_question", name=self.draft_label()), choices,
                                      default="save"), answer)

    async def action_quit(self) -> None:
        session = self.session
        if session.draft is not None and session.dirty and session.path is None:
            self.leave_current(self.exit)  # a draft never saved to a file: ask where, or keep a copy
            return
        try:
            saved = session.close()
        except Exception as err:  # noqa: BLE001 - keep the app open: the text must not be lost
            self.notify(t("tui.exit_save_failed", why=save_problem(err)), severity="error")
            session.autosave()
            return
        if not saved and session.dirty:  # the file is not ours any more: ask rather than overwrite
            self.leave_current(self.exit)
            return
        if saved:
            self.remember_draft()  # saved on the way out: the next start reopens this one
        self.exit()


def save_problem(err: BaseException) -> str:
    """Why a save failed, in the user's words (the OS error behind drafter's SaveError)."""
    import errno

    cause = err.__cause__ if isinstance(err, SaveError) else err
    number = getattr(cause, "errno", None)
    if number in (errno.EACCES, errno.EPERM):
        return t("tui.why_permission")
    if number == errno.ENOSPC:
        return t("tui.why_disk_full")
    if number == errno.ENOENT:
        return t("tui.why_no_folder")
    return getattr(cause, "strerror", None) or str(err)
