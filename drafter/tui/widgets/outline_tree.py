"""The draft's outline as a tree: numbered headings with their kinds; selecting one edits it."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from textual.message import Message
from textual.widgets import Tree


class OutlineTree(Tree[Any]):
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
        label = f"{section.heading}{kind}"
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
