"""`drafter check`: outdated wording (提法), another place's leftovers (属地), expired dates (时限) and
公文 format (格式) — found, explained, and fixed where a fix is safe.

    from drafter.check import check_draft, apply_finding
    findings = check_draft(draft)            # locations: section path + offset in heading/body
    apply_finding(draft, findings[0])        # True if the suggestion was put in place

The rule data is in `drafter/check/rules/*.toml` (user copies in the config folder override it).
"""

from __future__ import annotations

from drafter.check.fix import apply_finding, apply_to_target
from drafter.check.model import FAMILIES, SEVERITIES, Finding, Location, Report
from drafter.check.run import check_draft, check_parts, check_target, fix_target, parse_families
from drafter.check.target import Target, draft_target, load_target

__all__ = [
    "FAMILIES",
    "SEVERITIES",
    "Finding",
    "Location",
    "Report",
    "Target",
    "apply_finding",
    "apply_to_target",
    "check_draft",
    "check_parts",
    "check_target",
    "draft_target",
    "fix_target",
    "load_target",
    "parse_families",
]
