"""Regular expressions compiled on first use instead of when their module is imported.

`re` compiles in Python, and a character class is built one code point at a time: a class holding
`\\u4e00-\\u9fff` (21,000 code points) costs ~1 ms, twice when it opens its pattern (the class is
built again as the pattern's prefix, which lets `search` skip ahead), and even a class of ten
Chinese digits ~0.3 ms. The reader's modules hold ~180 such patterns, ~0.1 s to compile on every
command, and reading one file uses about half of them (no HTML, no spam, no flattened pages …).
`re` keeps no compiled pattern across processes, and a pickled pattern is compiled again when
loaded, so the only saving is not compiling what a run does not use.

`compile(pattern, flags)` gives a stand-in for the compiled pattern: `.pattern` is there at once;
the first call of a method (`search`, `sub`, …) compiles it and puts the compiled pattern's bound
methods on the stand-in, so later calls cost what a compiled pattern's do. Give it to code that
calls its methods (`regex_edits(P, …)` does); `re.sub(P, …)` and `isinstance(P, re.Pattern)` want
the real one: `P.compiled()`.
"""

from __future__ import annotations

import re
from typing import cast

_METHODS = ("search", "match", "fullmatch", "sub", "subn", "split", "findall", "finditer", "scanner")


class LazyPattern:
    """A regular expression compiled the first time it is used (see the module's docstring)."""

    def __init__(self, pattern: str, flags: int = 0) -> None:
        self.pattern = pattern
        self._flags = flags

    def compiled(self) -> re.Pattern[str]:
        """The compiled pattern (compiled now if it was not yet)."""
        compiled = self.__dict__.get("_compiled")
        if compiled is None:
            compiled = re.compile(self.pattern, self._flags)
            for name in _METHODS:
                self.__dict__[name] = getattr(compiled, name)
            self.__dict__["_compiled"] = compiled
        return compiled

    def __getattr__(self, name: str):
        if name.startswith("__") or name in ("pattern", "_flags", "_compiled"):
            raise AttributeError(name)
        return getattr(self.compiled(), name)

    def __reduce__(self) -> tuple:
        return (LazyPattern, (self.pattern, self._flags))

    def __repr__(self) -> str:
        return f"lazy_re.compile({self.pattern!r}{f', {self._flags}' if self._flags else ''})"


def compile(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """`re.compile(pattern, flags)`, compiled when first used."""
    return cast("re.Pattern[str]", LazyPattern(pattern, flags))
