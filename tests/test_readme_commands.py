"""The README in Chinese (``README.md``) and in English (``README.en.md``) document the same
commands and options, and those are the CLI's own: every command of the tree is in both, every
command and option either names exists.

A mention is a ``volctl …`` command line: in a ```sh block (continuations joined, comments
dropped) or in a `code span` that starts with ``volctl``. Its command is the longest run of
words naming a command of the tree; its options are its words starting with ``--`` (up to
``=``) or a known short option.
"""

from __future__ import annotations

import re
import shlex
from functools import cache
from pathlib import Path
from typing import Any

import pytest

from tests.test_readme_walkthrough import logical_lines

ROOT = Path(__file__).resolve().parents[1]
READMES = {"zh": ROOT / "README.md", "en": ROOT / "README.en.md"}
SPAN = re.compile(r"`(volctl\b[^`]*)`")
FENCE = re.compile(r"^\s*(`{3,})\s*([\w+-]*)")
ROOT_VALUED = {"--db", "--lang"}  # the options before a command that take a value


@cache
def tree() -> dict[tuple[str, ...], set[str]]:
    """Every command path (groups too) with the options it takes (global ones included)."""
    import typer

    from volctl.cli.app import app

    root = typer.main.get_command(app)
    found: dict[tuple[str, ...], set[str]] = {}

    def walk(command: Any, path: tuple[str, ...], inherited: set[str]) -> None:
        ctx = command.make_context(
            path[-1] if path else "volctl", ["--help"], resilient_parsing=True
        )
        names = {n for p in command.params for n in (*p.opts, *p.secondary_opts)}
        options = inherited | names
        found[path] = options
        if hasattr(command, "list_commands"):
            for name in command.list_commands(ctx):
                sub = command.get_command(ctx, name)
                if sub is not None and not sub.hidden:
                    walk(sub, (*path, name), inherited | (names if not path else set()))

    walk(root, (), set())
    return found


def mentions(text: str) -> list[list[str]]:
    """The words of every ``volctl`` command line the text shows."""
    lines: list[str] = []
    prose: list[str] = []
    block: list[str] | None = None
    fence: str | None = None
    for line in text.splitlines():
        opened = FENCE.match(line)
        if fence is None:
            if opened:
                fence = opened.group(1)
                block = [] if opened.group(2) == "sh" else None
            else:
                prose.append(line)
        elif line.strip().startswith(fence) and not line.strip().strip("`"):
            if block is not None:
                lines.extend(logical_lines(block))
            fence, block = None, None
        elif block is not None:
            block.append(line)
    # A span may run over a line break: the prose is read whole.
    lines.extend(" ".join(span.split()) for span in SPAN.findall("\n".join(prose)))
    found = []
    for line in lines:
        try:
            words = shlex.split(line, comments=True)
        except ValueError:  # a span showing part of a line (an open quote)
            words = line.split()
        if words and words[0] == "volctl":
            found.append(words[1:])
    return found


def command_of(words: list[str]) -> tuple[tuple[str, ...], list[str]]:
    """The command path the words name, and the options among them."""
    known = tree()
    path: tuple[str, ...] = ()
    skip = False
    for word in words:
        if skip:
            skip = False
        elif not path and word in ROOT_VALUED:  # volctl --db FILE register …
            skip = True
        elif (*path, word) in known:
            path = (*path, word)
        elif not word.startswith("-"):
            break
    options = [  # [--replace] and --a|--b name options too
        o.split("=")[0]
        for w in words
        for o in w.strip("[]").split("|")
        if o.startswith("-") and len(o) > 1
    ]
    return path, options


def documented(lang: str) -> tuple[set[tuple[str, ...]], set[tuple[tuple[str, ...], str]]]:
    commands: set[tuple[str, ...]] = set()
    options: set[tuple[tuple[str, ...], str]] = set()
    for words in mentions(READMES[lang].read_text(encoding="utf-8")):
        path, opts = command_of(words)
        commands.add(path)
        options.update((path, o) for o in opts if re.fullmatch(r"--?[\w-]+", o))
    return commands, options


@pytest.mark.parametrize("lang", list(READMES))
def test_every_option_the_readme_names_exists_on_its_command(lang: str) -> None:
    _commands, options = documented(lang)
    known = tree()
    wrong = sorted(
        (" ".join(("volctl", *path)), option)
        for path, option in options
        if option not in known[path] and option not in {"-", "--"}
    )
    assert not wrong, f"{READMES[lang].name} names options the CLI lacks: {wrong}"


@pytest.mark.parametrize("lang", list(READMES))
def test_every_command_of_the_cli_is_in_the_readme(lang: str) -> None:
    commands, _options = documented(lang)
    leaves = {
        path
        for path in tree()
        if path and not any(p[: len(path)] == path and p != path for p in tree())
    }
    missing = sorted(" ".join(("volctl", *p)) for p in leaves - commands)
    assert not missing, f"{READMES[lang].name} never shows: {missing}"


def test_both_readmes_show_the_same_commands_and_options() -> None:
    zh, en = documented("zh"), documented("en")
    assert zh[0] == en[0], (sorted(zh[0] - en[0]), sorted(en[0] - zh[0]))
    assert zh[1] == en[1], (sorted(zh[1] - en[1]), sorted(en[1] - zh[1]))
