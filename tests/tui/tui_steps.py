"""Steps the app's tests share: start a draft as a user does, pick a section in the outline."""

from __future__ import annotations

from textual import events
from textual.keys import _character_to_key
from textual.widgets import Input

from drafter.tui.widgets.outline_tree import OutlineTree

FIXED_DATE = "2024-05-01"


async def settle(pilot) -> None:
    """Wait for every background worker and for the messages they posted."""
    for _ in range(2):
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()


async def settle_until(pilot, ready, tries: int = 50) -> None:
    """Settle, then keep pausing until `ready()` holds (a loaded list under a busy machine)."""
    await settle(pilot)
    for _ in range(tries):
        if ready():
            return
        await pilot.pause(0.05)
    raise AssertionError("the screen never became ready")


async def start_new_draft(pilot, region: str = "运城市", province: str = "山西省", date: str = FIXED_DATE) -> None:
    """Ctrl+N, fill in the metadata dialog, Enter; the draft is assembled in a worker."""
    app = pilot.app
    await pilot.press("ctrl+n")
    await pilot.pause()
    app.screen.query_one("#meta-region", Input).value = region
    app.screen.query_one("#meta-province", Input).value = province
    app.screen.query_one("#meta-date", Input).value = date
    app.screen.query_one("#meta-region", Input).focus()
    await pilot.press("enter")
    await settle(pilot)


async def select_section(pilot, heading: str):
    """Move the outline's cursor to the section headed `heading` (as the arrow keys would)."""
    tree = pilot.app.screen.query_one(OutlineTree)
    tree.focus()
    stack = list(tree.root.children)
    while stack:
        node = stack.pop(0)
        if node.data is not None and node.data.heading == heading:
            tree.move_cursor(node)
            await settle(pilot)
            assert pilot.app.screen.section is node.data
            return node.data
        stack.extend(node.children)
    raise AssertionError(f"no section {heading} in the outline")


def headings(draft) -> list[str]:
    return [section.heading for section in draft.walk()]


async def type_text(pilot, text: str) -> None:
    """Type `text` key by key as a terminal's input parser delivers it (key name + the character).

    `pilot.press("。")` loses the character: Pilot rebuilds it from the key name with
    `unicodedata.lookup("ideographic_full_stop")`, which fails for 。 and 、; a real terminal sends
    the character itself, so we do the same.
    """
    for char in text:
        key = char if char.isalnum() else _character_to_key(char)
        pilot.app.post_message(events.Key(key, char))
        await pilot.pause()
