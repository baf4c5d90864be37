"""The `drafter clean --json` contract as a checker, shared by the property tests and the hostile suite."""

from __future__ import annotations

from drafter.reader import cleaned_documents
from drafter.text.clean import Cleaned, clean


def contract_breaches(cleaned: Cleaned) -> list[str]:
    """Every way the documents of `cleaned` break the README contract (empty: it holds)."""
    problems = []
    for n, doc in enumerate(cleaned_documents(cleaned)):
        text = doc["text"]
        for change in doc["removed"]:
            if not 0 <= change["at"] <= len(text):
                problems.append(f"doc {n}: removal at {change['at']} outside 0..{len(text)}: {change}")
        for change in doc["warnings"]:
            at = change["at"]
            if not 0 <= at <= len(text) or text[at : at + len(change["text"])] != change["text"]:
                problems.append(f"doc {n}: warning does not point at its text: {change}")
    problems += _unreported_text(cleaned)
    return problems


def _unreported_text(cleaned: Cleaned) -> list[str]:
    """Text of the cleaned whole that no document holds and no removal names."""
    docs = cleaned_documents(cleaned)
    held = "".join(doc["text"] for doc in docs)
    outside = "".join(c["text"] for doc in docs for c in doc["removed"] if c["what"] == "outside-document")
    missing = len("".join(cleaned.text.split())) - len("".join((held + outside).split()))
    return [f"{missing} characters of cleaned text are in no document and no removal"] if missing > 0 else []


def idempotence_breaches(raw: str) -> list[str]:
    once = clean(raw)
    twice = clean(once.text)
    problems = []
    if twice.text != once.text:
        problems.append(f"a second pass changed the text: {once.text!r} -> {twice.text!r}")
    if twice.removed:
        problems.append(f"a second pass removed more: {twice.removed}")
    return problems
