"""Turning what a user types (`12`, `corpus:12`, `哈尔滨`, a title) into one document id.

A region is matched whole or as a prefix (`哈尔滨` → 哈尔滨市); titles are matched fuzzily with
rapidfuzz. When several documents score about alike the user must choose, so we raise with the list.
"""

from __future__ import annotations

import re

from drafter.errors import NotFound
from drafter.store.types import AmbiguousDocument, DocSummary

MIN_SCORE = 70.0  # below this a name matches nothing
TIE_MARGIN = 5.0  # candidates this close to the best are "about alike"
_ID = re.compile(r"^(?:corpus:)?\s*(\d+)$")


def parse_id(name: str) -> int | None:
    found = _ID.match(name.strip())
    return int(found.group(1)) if found else None


def name_score(name: str, doc: DocSummary) -> float:
    """How well `name` names `doc`, 0-100."""
    from rapidfuzz import fuzz  # here, not at the top: every command imports this module

    scores = [0.0]
    if doc.region:
        if name == doc.region or (len(name) >= 2 and doc.region.startswith(name)):
            scores.append(100.0)
        else:
            scores.append(fuzz.ratio(name, doc.region))
    for title in (doc.title, doc.plan_title):
        if not title:
            continue
        if name == title:
            scores.append(100.0)
        elif name in title:
            scores.append(90.0 + 10.0 * len(name) / len(title))
        else:
            scores.append(0.9 * fuzz.partial_ratio(name, title))
    return max(scores)


def resolve_name(name: str, docs: list[DocSummary]) -> int:
    """The id of the one document `name` designates; NotFound or AmbiguousDocument otherwise."""
    name = name.strip()
    if not name:
        raise NotFound("no document name given")
    scored = sorted(((name_score(name, d), d) for d in docs), key=lambda sd: -sd[0])
    if not scored or scored[0][0] < MIN_SCORE:
        raise NotFound(f"no document in the corpus matches '{name}' (see `drafter corpus list`)")
    best = scored[0][0]
    close = [d for s, d in scored if s >= best - TIE_MARGIN]
    if len(close) > 1:
        raise AmbiguousDocument(name, close[:20])
    return close[0].id
