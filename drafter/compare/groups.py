"""Sections set against a group on the other side: when two plans cut a topic differently.

- An *umbrella*: `一、总体要求` holding (一)指导思想 (二)基本原则 (三)工作目标 on one side, the flat
  `一、指导思想 二、基本原则 三、工作目标` on the other. The children pair one to one; the umbrella
  heading, which has no partner, groups the run of sections its children went to.
- A *merge* (or, seen from the other side, a *split*): several small sections on one side written
  as one big one on the other (14.深化编制人事制度改革 + 15.推进薪酬制度改革 → (四)深化人事薪酬制度改革).
  The big one pairs with one of them; each other one, left without a partner, is merged into it.
"""

from __future__ import annotations

from dataclasses import dataclass

from drafter.compare.align_topics import KIND_FAMILY, TopicSides, effective_kind, kind_adjustment
from drafter.compare.units import subtree

MERGE_THRESHOLD = 0.32
MERGE_MARGIN = 0.05  # over the next best section: a near tie is no evidence of where it went
# A section whose parent is paired with a section of no subsections went into it unless its topic
# says otherwise: a much lower bar.
UNDER_PAIRED_LEAF = 0.05


@dataclass(frozen=True)
class Group:
    side: str  # "a" or "b": the side of the section that has no partner of its own
    index: int  # that section's block index
    relation: str  # "umbrella", "merged" (an A section merged into B) or "split" (a B section split from A)
    partners: tuple[int, ...]  # block indexes on the other side, in their order


def find_groups(sides: TopicSides, pairs: dict[int, int]) -> list[Group]:
    """Umbrellas first, then merges and splits, for every section still without a partner."""
    inverse = {j: i for i, j in pairs.items()}
    groups: list[Group] = []
    for side, own_pairs, other_pairs in (("a", pairs, inverse), ("b", inverse, pairs)):
        blocks = sides.blocks(side)
        moved_whole: set[int] = set()  # sections merged or split as a whole: their subsections go with them
        for x in blocks:
            if x.is_label or x.index in own_pairs or x.parent in moved_whole:
                if x.parent in moved_whole:
                    moved_whole.add(x.index)
                continue
            partners = _umbrella_partners(x.index, blocks, own_pairs)
            if partners:
                groups.append(Group(side, x.index, "umbrella", partners))
                continue
            if any(z.index in own_pairs for z in subtree(blocks, x.index)[1:]):
                continue  # parts of it went elsewhere: as a whole it went nowhere
            target = _merge_target(sides, side, x.index, own_pairs, other_pairs)
            if target is not None:
                groups.append(Group(side, x.index, "merged" if side == "a" else "split", (target,)))
                moved_whole.add(x.index)
    return groups


def _umbrella_partners(index: int, blocks, own_pairs: dict[int, int]) -> tuple[int, ...]:  # noqa: ANN001
    children = blocks[index].children
    partners = sorted(own_pairs[c] for c in children if c in own_pairs)
    return tuple(partners) if len(partners) >= 2 else ()


def _merge_target(sides: TopicSides, side: str, index: int, own_pairs: dict[int, int],
                  other_pairs: dict[int, int]) -> int | None:
    """The paired section over there that this one's content went into, if any."""
    other = "b" if side == "a" else "a"
    blocks, other_blocks = sides.blocks(side), sides.blocks(other)
    parent = blocks[index].parent
    parent_partner = own_pairs.get(parent) if parent is not None else None
    kind = effective_kind(blocks, index)
    own_kind = blocks[index].kind  # the 总体要求 family counts for a section's own kind, not an inherited one
    cosines = sides.scores("section", side, index)
    best, best_margin = None, 0.0
    anywhere: list[float] = [0.0, 0.0]  # the two best scores over there, paired or not
    for y in other_blocks:
        if y.is_label:
            continue
        j = y.index
        score = cosines.get(j, 0.0)
        score += kind_adjustment(kind, effective_kind(other_blocks, j))
        anywhere = sorted([*anywhere, score], reverse=True)[:2]
        if j not in other_pairs:
            continue
        within = (j == parent_partner and not y.children) or _in_family(own_kind, other_blocks[j].kind)
        bar = UNDER_PAIRED_LEAF if within else MERGE_THRESHOLD
        if score >= bar and score - bar >= best_margin:
            best, best_margin, best_score = j, score - bar, score
    if best is None:
        return None
    # a merge is a strong claim: the target must be this section's clearly best match over there,
    # unless the structure (its parent's partner, the 总体要求 family) says so
    structural = (best == parent_partner) or _in_family(own_kind, other_blocks[best].kind)
    clear = best_score >= anywhere[0] and best_score - anywhere[1] >= MERGE_MARGIN
    return best if structural or clear else None


def _in_family(kind: str | None, other: str | None) -> bool:
    return bool(kind and other) and (kind in KIND_FAMILY.get(other, ()) or other in KIND_FAMILY.get(kind, ()))
