"""Examples for every command's help, in Chinese and English: one entry per command.

Each module here holds the examples of one command group (``register.py`` for ``volctl
register …``, ``log_hours.py`` for ``volctl log-hours …``) and ``root.py`` those of the root
and its own commands (init, status, backup…), as ``EXAMPLES = {"register add": (zh, en)}``:
the key is the command's path without ``volctl`` ("" is the root, "register" the group).

An entry's text, in each language, is two or three examples. An example is a line saying what
it does, then its command on a line starting with ``$ `` (a long command continues on lines
starting with two spaces, after a `` \\``). The values in the Chinese examples are the ones a
Chinese clerk types (--role 副队长), in the English ones their English names where the option
takes them (--role deputy): both work.

Loaded only when a help page is shown: a command that runs reads none of this.
``tests/test_help.py`` fails for a command without examples in both languages, and for an
example naming an option its command does not have.
"""

import importlib
import inspect
from typing import Any

# Command groups whose examples have a module of their own; the rest are the root's.
Example = tuple[str, list[str]]


def entry(path: str) -> tuple[str, str] | None:
    """The (zh, en) examples of the command ``path`` ("register add"), if any."""
    group = path.split(" ", 1)[0].replace("-", "_") if path else ""
    module = _module(group) if group else None
    if module is None or path not in module.EXAMPLES:
        module = _module("root")
    found: tuple[str, str] | None = module.EXAMPLES.get(path) if module is not None else None
    return found


def _module(name: str) -> Any:
    try:
        return importlib.import_module(f"{__name__}.{name}")
    except ModuleNotFoundError:
        return None


def parse(text: str) -> list[Example]:
    """An entry's text as examples: (what it does, the command's lines)."""
    found: list[Example] = []
    for line in inspect.cleandoc(text).splitlines():
        if line.startswith("$ ") and found:
            found[-1][1].append(line[2:])
        elif line.startswith("  ") and found and found[-1][1]:
            found[-1][1].append(line)
        elif line.strip():
            found.append((line.strip(), []))
    return found


def for_command(path: str, lang: str) -> list[Example]:
    """The examples of the command ``path`` in ``lang`` (none if it has none)."""
    texts = entry(path)
    if texts is None:
        return []
    return parse(texts[0] if lang == "zh" else texts[1])
