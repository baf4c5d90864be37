"""Render templates with Jinja2's StrictUndefined; any error names the file and its line."""

from __future__ import annotations

import sys
from functools import lru_cache
from pathlib import Path

import jinja2

from drafter.draft.model import DraftSection, parse_outline, provenance_line
from drafter.errors import DrafterError
from drafter.library.variants import Variant
from drafter.text.notes import close_open_note


class TemplateFailed(DrafterError):
    def __init__(self, where: str, line: int | None, why: str) -> None:
        super().__init__(f"{where}:{line}: {why}" if line else f"{where}: {why}")


@lru_cache(maxsize=1)
def environment() -> jinja2.Environment:
    return jinja2.Environment(
        undefined=jinja2.StrictUndefined, autoescape=False, keep_trailing_newline=True,
        loader=jinja2.FileSystemLoader([]),
    )


def render_string(source: str, context: dict, where: str, first_line: int = 1) -> str:
    """Render `source` (which starts on line `first_line` of file `where`)."""
    padded = "\n" * (first_line - 1) + source  # so Jinja2's line numbers are the file's
    env = environment()
    try:
        template = env.from_string(padded)
        return template.render(context).strip("\n")
    except jinja2.TemplateSyntaxError as err:
        raise TemplateFailed(where, err.lineno, f"template error: {err.message}") from None
    except jinja2.UndefinedError as err:
        raise TemplateFailed(where, _failing_line(), f"undefined placeholder: {err.message}") from None
    except (TypeError, ValueError, ArithmeticError) as err:
        raise TemplateFailed(where, _failing_line(), f"template error: {err}") from None


def _failing_line() -> int | None:
    """The template line Jinja2 put into the traceback of the error being handled."""
    tb = sys.exc_info()[2]
    line = None
    while tb is not None:
        if tb.tb_frame.f_code.co_filename == "<template>":
            line = tb.tb_lineno
        tb = tb.tb_next
    return line


def render_variant(variant: Variant, context: dict, with_source: bool = True) -> DraftSection:
    """The variant for one region as a section tree (its heading at level 1, kind set)."""
    where = str(variant.path) if variant.path else variant.id
    text = render_string(variant.template, context, where, variant.body_line)
    text = "\n".join(close_open_note(line) for line in text.split("\n"))
    preamble, roots = parse_outline(text.split("\n"))
    if len(roots) != 1 or any(line.strip() for line in preamble):
        raise TemplateFailed(where, variant.body_line, "a section template holds exactly one heading at the top")
    root = roots[0]
    root.kind = variant.kind
    if with_source:
        root.lines.insert(0, provenance_line(provenance_fields(variant)))
    return root


def provenance_fields(variant: Variant) -> dict[str, str]:
    source = variant.source
    return {
        "id": variant.id,
        "地区": source.get("region", ""),
        "文件": source.get("title", ""),
        "文号": source.get("doc_number", ""),
        "日期": source.get("date", ""),
    }


def render_file(path: Path, context: dict) -> str:
    """A whole template file (the plan skeleton) rendered."""
    try:
        source = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as err:
        raise TemplateFailed(str(path), None, f"cannot read: {err}") from err
    return render_string(source, context, str(path))
