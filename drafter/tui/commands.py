"""Every app action in the command palette, under prefixed names (`导出：公文 docx`, `起草：保存`).

A command is found by its name (fuzzy, as Textual matches) and, for Chinese names, by pinyin: its
initials (`dc` → 导出, `dcgw` → 导出：公文) or whole syllables (`daochu`), computed with pypinyin.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache, partial

from rich.text import Text
from textual.command import DiscoveryHit, Hit, Hits, Provider

from drafter.messages import t

COMMANDS: tuple[tuple[str, str], ...] = (
    # (the name's catalogue key — `tui.cmd_<key>`, or a dotted key of another area — and its help
    # `<that>_help`, the app action)
    ("corpus", "switch_mode('corpus')"),
    ("ingest", "ingest"),
    ("compose", "switch_mode('compose')"),
    ("new", "new_draft"),
    ("open", "open_draft"),
    ("save", "save_draft"),
    ("save_as", "save_as"),
    ("metadata", "edit_parts"),
    ("tui_check.cmd_from_superior", "new_from_superior"),
    ("external", "edit_externally"),
    ("search", "switch_mode('search')"),
    ("compare", "switch_mode('compare')"),
    ("reference", "choose_reference"),
    ("cover", "cover"),
    ("tui_check.cmd_check", "switch_mode('check')"),
    ("tui_check.cmd_fix", "fix_all"),
    ("export", "switch_mode('export')"),
    ("export_docx", "export('docx')"),
    ("export_redline", "export('redline')"),
    ("export_html", "export('html')"),
    ("export_table", "export('table')"),
    ("help", "help"),
    ("language_zh", "set_language('zh')"),
    ("language_en", "set_language('en')"),
    ("quit", "quit"),
)


@dataclass(frozen=True)
class Spelling:
    """A name's pinyin: the initials and the whole syllables, each letter with the character it came from."""

    initials: str
    initial_at: tuple[int, ...]
    syllables: str
    syllable_at: tuple[int, ...]


@lru_cache(maxsize=256)
def spelling(name: str) -> Spelling:
    from pypinyin import Style, lazy_pinyin

    initials, initial_at, syllables, syllable_at = [], [], [], []
    for index, char in enumerate(name):
        if "\u4e00" <= char <= "\u9fff":
            whole = lazy_pinyin(char, style=Style.NORMAL)[0].lower()
            initials.append(whole[0])
            initial_at.append(index)
            syllables.append(whole)
            syllable_at.extend([index] * len(whole))
        elif char.isascii() and char.isalnum():
            initials.append(char.lower())
            initial_at.append(index)
            syllables.append(char.lower())
            syllable_at.append(index)
    return Spelling("".join(initials), tuple(initial_at), "".join(syllables), tuple(syllable_at))


def pinyin_match(query: str, name: str) -> tuple[float, list[int]]:
    """(score 0..1, indices of the name's characters matched) for a latin `query` against a Chinese
    name: initials first (`dc`), then syllables (`daochu`); 0 when neither matches."""
    typed = "".join(query.lower().split())
    if not typed.isascii() or not typed.isalpha():
        return 0.0, []
    spelled = spelling(name)
    for letters, positions, weight in ((spelled.initials, spelled.initial_at, 1.0),
                                       (spelled.syllables, spelled.syllable_at, 0.9)):
        at = letters.find(typed)
        if at >= 0:
            prefix_bonus = 1.0 if at == 0 else 0.8
            return weight * prefix_bonus, sorted(set(positions[at : at + len(typed)]))
    return 0.0, []


def highlighted(name: str, indices: list[int]) -> Text:
    text = Text(name)
    for index in indices:
        text.stylize("bold reverse", index, index + 1)
    return text


class DrafterCommands(Provider):
    """Fuzzy-matches the prefixed names, and their pinyin; running one runs the app action."""

    def entries(self) -> list[tuple[str, str, str]]:
        out = []
        for name, action in COMMANDS:
            if action == "new_from_superior" and not self.app.has_from_superior():
                continue  # issue 17's library function has not landed yet: no command that does nothing
            words = name if "." in name else f"tui.cmd_{name}"
            out.append((t(words), t(f"{words}_help"), action))
        return out

    async def discover(self) -> Hits:
        for name, help_text, action in self.entries():
            yield DiscoveryHit(name, partial(self.app.run_action, action), help=help_text)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for name, help_text, action in self.entries():
            score = matcher.match(name)
            shown = matcher.highlight(name)
            by_pinyin, indices = pinyin_match(query, name)
            if by_pinyin > score:
                score, shown = by_pinyin, highlighted(name, indices)
            if score > 0:
                yield Hit(score, shown, partial(self.app.run_action, action), text=name, help=help_text)
