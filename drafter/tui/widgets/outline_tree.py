"""The draft's outline as a tree: numbered headings with their kinds; selecting one edits it.

A heading wider than the pane ends in `…` (never cut mid-word without a mark), and the tree never
scrolls sideways: the label is fitted to the width left after the guides.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from rich.style import Style
from rich.text import Text
from textual.message import Message
from textual.widgets import Tree
from textual.widgets._tree import TreeNode

from drafter.text.linebreak import ellipsize


class FittedTree(Tree[Any]):
    """A Tree whose labels are cut with an ellipsis to the pane's width."""

    # Labels already fit; without this a vertical scrollbar that appears after the labels were
    # measured (a long list filled before the first layout) brings a horizontal one with it.
    DEFAULT_CSS = "FittedTree { overflow-x: hidden; }"

    def _depth(self, node: TreeNode[Any]) -> int:
        depth, parent = 0, node.parent
        while parent is not None and parent is not self.root:
            depth, parent = depth + 1, parent.parent
        return depth if not self.show_root else depth + 1

    def _room(self, node: TreeNode[Any]) -> int:
        guides = self._depth(node) * max(2, self.guide_depth)
        toggle = 2 if node.allow_expand else 0
        return max(4, self.scrollable_content_region.width - guides - toggle - 1)

    def render_label(self, node: TreeNode[Any], base_style: Style, style: Style) -> Text:
        label = node._label
        room = self._room(node)
        if label.cell_len > room:
            fitted = Text(ellipsize(label.plain, room), style=label.style)
            node._label = fitted
            text = super().render_label(node, base_style, style)
            node._label = label
            return text
        return super().render_label(node, base_style, style)

    def get_label_width(self, node: TreeNode[Any]) -> int:
        return min(super().get_label_width(node), self._room(node) + 2)

    def on_resize(self) -> None:
        self._invalidate()

    def _watch_show_vertical_scrollbar(self) -> None:
        self._invalidate()  # the room left for labels changed although the widget's size did not


class OutlineTree(FittedTree):
    """Rebuilt from the draft after every structural change; keeps the selected section selected."""

    @dataclass
    class SectionChosen(Message):
        section: Any

    def __init__(self, **kwargs: Any) -> None:
        super().__init__("草稿", **kwargs)
        self.show_root = False
        self.guide_depth = 2

    def show_draft(self, draft: Any, selected: Any = None) -> None:
        self.clear()
        target = None
        for section in draft.sections:
            node = self._add(self.root, section, selected)
            target = target or node
        for node in self._all_nodes():
            if node.data is selected:
                target = node
        self.root.expand_all()
        if target is not None:  # the new nodes get their lines on the next refresh
            self.call_after_refresh(self.move_cursor, target)

    def _add(self, parent: Any, section: Any, selected: Any) -> Any:
        # the kind only when the title does not already say it (一、指导思想 is plainly 指导思想)
        kind = f" [{section.kind}]" if section.kind and section.kind not in section.title else ""
        label = Text(section.heading)
        label.append(kind, style="dim")
        if not section.children:  # a leaf: no ▼, two more columns for the heading at 80×24
            return parent.add_leaf(label, data=section)
        node = parent.add(label, data=section, expand=True)
        for child in section.children:
            self._add(node, child, selected)
        return node

    def _all_nodes(self) -> list[Any]:
        nodes, stack = [], list(self.root.children)
        while stack:
            node = stack.pop()
            nodes.append(node)
            stack.extend(node.children)
        return nodes

    def on_tree_node_highlighted(self, event: Tree.NodeHighlighted) -> None:
        event.stop()
        if event.node.data is not None:
            self.post_message(self.SectionChosen(event.node.data))
