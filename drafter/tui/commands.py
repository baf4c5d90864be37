"""Every app action in the command palette, under prefixed names ("compose: …", "export: …")."""

from __future__ import annotations

from functools import partial

from textual.command import DiscoveryHit, Hit, Hits, Provider

COMMANDS: tuple[tuple[str, str, str], ...] = (
    # (name shown, what it does, the app action it runs)
    ("corpus: list documents", "the documents in the store", "switch_mode('corpus')"),
    ("compose: open the draft", "outline, section editor, candidates", "switch_mode('compose')"),
    ("compose: new draft for a region", "start a draft from the section library", "new_draft"),
    ("compose: edit metadata", "region, province, title, issuer, date", "edit_metadata"),
    ("compose: save draft", "write the draft file now (atomic)", "save_draft"),
    ("compose: edit section in $EDITOR", "when the terminal's input method misbehaves", "edit_externally"),
    ("search: full-text search", "search the corpus (jieba)", "switch_mode('search')"),
    ("compare: open comparison", "side-by-side diff with a reference plan", "switch_mode('compare')"),
    ("compare: choose reference", "fuzzy pick a reference plan", "choose_reference"),
    ("export: open export", "公文 .docx, redline, HTML report, 对照表", "switch_mode('export')"),
    ("export: 公文 docx", "the draft in GB/T 9704 layout", "export('docx')"),
    ("export: redline docx", "tracked changes against the reference", "export('redline')"),
    ("export: HTML report", "side-by-side comparison report", "export('html')"),
    ("export: 对照表", "修改对照表 .docx", "export('table')"),
    ("help: keys and screens", "what every key does", "help"),
)


class DrafterCommands(Provider):
    """Fuzzy-matches the prefixed command names; running one runs the app action."""

    async def discover(self) -> Hits:
        for name, help_text, action in COMMANDS:
            yield DiscoveryHit(name, partial(self.app.run_action, action), help=help_text)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for name, help_text, action in COMMANDS:
            score = matcher.match(name)
            if score > 0:
                yield Hit(score, matcher.highlight(name), partial(self.app.run_action, action), help=help_text)
