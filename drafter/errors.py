"""Errors a user sees as one clear line (the CLI prints `drafter: <message>` and exits 2)."""

from __future__ import annotations


class DrafterError(Exception):
    """Base for every error that is the input's fault, not a bug; its message is for the user."""


class UnreadableFile(DrafterError):
    """A file that cannot be read as a plan: binary, empty, undecodable, broken .docx, too big."""

    def __init__(self, path: str, why: str) -> None:
        from drafter.fsnames import shown

        super().__init__(f"{shown(path)}: {why}")
        self.path = path
        self.why = why


class NotFound(DrafterError):
    """A corpus document, variant or file that does not exist."""


class Ambiguous(DrafterError):
    """A fuzzy name matching several candidates; the message lists them."""

    def __init__(self, message: str, candidates: list[str]) -> None:
        super().__init__(message)
        self.candidates = candidates
