"""Regular expressions compiled when first used.

Compiling a pattern costs up to ~1.5 ms (a Chinese alternation, a Unicode class), paid by
every command that imports its module whether or not it ever reads such a text. Patterns on
rare paths (a time after a date, a group heading or a declaration among the rows, a number
inside free text) are made with :func:`lazy_pattern`. Imports nothing of volctl: any module
may use it.
"""

import re


class _Lazy:
    """A regular expression compiled when first asked for (``lazy_pattern``). Each method
    asked for (``search``, ``match``…) is kept on the object, so from the second call on it is
    found as directly as a compiled pattern's own: per-row use costs what it cost before."""

    def __init__(self, pattern: str, flags: int) -> None:
        self._args = (pattern, flags)

    def __getattr__(self, name: str) -> object:  # only for what the object does not hold yet
        if name.startswith("__"):
            raise AttributeError(name)
        value = getattr(re.compile(*self._args), name)
        self.__dict__[name] = value
        return value


def lazy_pattern(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """``re.compile(pattern, flags)`` on first use. For patterns on rare paths (a time after a
    date, a group heading, a declaration below the table): compiling one costs up to ~1.5 ms
    of every command that imports its module, whether or not the pattern is ever used."""
    return _Lazy(pattern, flags)  # type: ignore[return-value]
