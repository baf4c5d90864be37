"""`drafter rank DRAFT` in a terminal: the plans most like the draft as a table, then the draft's
paragraphs found nearly verbatim in them, each with where it was found.

Its own module, apart from `render_terminal` (the diff's side-by-side view): rank needs rich's table
and nothing of the comparison model.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.console import Console
from rich.rule import Rule
from rich.table import Table
from rich.text import Text

from drafter.messages import t

if TYPE_CHECKING:
    from drafter.compare.rank import Ranking


def print_ranking(ranking: Ranking, console: Console | None = None, *, show: int = 20) -> None:
    console = console or Console()
    table = Table(title=t("compare.rank_title", title=ranking.draft_title or "—"))
    for name, justify in (("#", "right"), ("id", "right"), (t("compare.rank_col_region"), "left"),
                          (t("compare.rank_col_year"), "left"), (t("compare.rank_col_similarity"), "right"),
                          (t("compare.rank_col_reused"), "right"), (t("compare.rank_col_title"), "left")):  # fmt: skip
        table.add_column(name, justify=justify, overflow="fold")
    for rank, plan in enumerate(ranking.plans, start=1):
        table.add_row(str(rank), str(plan.id), plan.region or "—", plan.year or "—", f"{plan.similarity:.0%}",
                      str(plan.reused_paragraphs), plan.title or "—")
    console.print(table)
    if not ranking.reused:
        console.print(t("compare.rank_no_reuse"))
        return
    console.print(Rule(t("compare.rank_reused"), align="left", style="cyan"))
    for reuse in ranking.reused[:show]:
        line = Text()
        line.append(_clip(reuse.paragraph, 60), style="bold")
        places = "，".join(f"{h.region or '—'} {h.year or ''} (id {h.id}, {h.similarity:.0%})"
                          for h in reuse.found_in)
        line.append(f"\n   ← {places}", style="green")
        console.print(line)
    if len(ranking.reused) > show:
        console.print(t("compare.rank_more", n=len(ranking.reused) - show), style="dim")


def _clip(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"
