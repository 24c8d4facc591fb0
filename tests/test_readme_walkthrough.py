"""The README's walkthrough runs as written, command after command, on a fresh roster: the
Chinese one (``README.md``) and the English one (``README.en.md``), each on its own.

The walkthrough is every section whose heading starts with "Walkthrough" (English) or "操作演示"
(Chinese), from that heading to
the next heading of the same or a higher level (its ### subsections included). Its ```sh blocks
are read as a shell would read them: backslash continuations joined, comments dropped
(``shlex.split(line, comments=True)``); each line whose first word is ``volctl`` is run in order
through Typer's CliRunner, with ``$VOLCTL_DB`` naming a new roster in ``tmp_path`` and the
working directory a new folder holding a copy of ``examples/``, so the files the walkthrough
writes land there. A command must exit 0, unless its line ends with a comment ``# exits N``
(a refusal the README shows on purpose), and then exactly N. ``> FILE`` sends the command's
standard output to FILE, as the shell would; no other shell syntax is allowed on a line.
"""

from __future__ import annotations

import re
import shlex
import shutil
import traceback
from dataclasses import dataclass
from pathlib import Path

import pytest
from typer.testing import CliRunner

ROOT = Path(__file__).resolve().parents[1]
README = ROOT / "README.md"
READMES = {"zh": README, "en": ROOT / "README.en.md"}
WALKTHROUGH = ("walkthrough", "操作演示")  # how the walkthrough's heading begins in each
EXAMPLES = ROOT / "examples"

HEADING = re.compile(r"^(#{1,6})\s+(.+?)\s*#*\s*$")
FENCE = re.compile(r"^\s*(`{3,}|~{3,})\s*([\w+-]*)")
EXITS = re.compile(r"#\s*exits\s+(\d+)\s*$")
SHELL_SYNTAX = {"|", "||", "&", "&&", ";", "<", ">>", "2>", "2>&1", "$(", "`"}


@dataclass(frozen=True)
class Step:
    """One command of the walkthrough: its line as written, its words, what it must exit with."""

    line: str
    argv: list[str]
    exits: int
    stdout_to: str | None


def walkthrough_sections(text: str) -> list[list[str]]:
    """The lines of each walkthrough section (headings inside code blocks are not headings)."""
    sections: list[list[str]] = []
    current: list[str] | None = None
    level = 0
    fence: str | None = None
    for line in text.splitlines():
        opened = FENCE.match(line)
        if fence is None and opened:
            fence = opened.group(1)
        elif fence is not None and line.strip().startswith(fence[0] * len(fence)):
            if not line.strip().strip(fence[0]):
                fence = None
        elif fence is None and (heading := HEADING.match(line)):
            depth = len(heading.group(1))
            if current is not None and depth <= level:
                current = None
            if current is None and heading.group(2).lower().startswith(WALKTHROUGH):
                current, level = [], depth
                sections.append(current)
                continue
        if current is not None:
            current.append(line)
    return sections


def sh_blocks(lines: list[str]) -> list[list[str]]:
    """The contents of the ```sh blocks among ``lines``."""
    blocks: list[list[str]] = []
    block: list[str] | None = None
    fence: str | None = None
    for line in lines:
        if fence is None:
            opened = FENCE.match(line)
            if opened:
                fence = opened.group(1)
                block = [] if opened.group(2) == "sh" else None
                if block is not None:
                    blocks.append(block)
        elif line.strip().startswith(fence) and not line.strip().strip(fence[0]):
            fence, block = None, None
        elif block is not None:
            block.append(line)
    return blocks


def logical_lines(block: list[str]) -> list[str]:
    """Lines with their backslash continuations joined, as the shell reads them."""
    joined: list[str] = []
    pending = ""
    for raw in block:
        if raw.rstrip().endswith("\\"):
            pending += raw.rstrip()[:-1] + " "
            continue
        joined.append(pending + raw)
        pending = ""
    if pending:
        joined.append(pending)
    return joined


def step(line: str) -> Step | None:
    """The command a line runs, or None when it runs no volctl command."""
    words = shlex.split(line, comments=True)
    if not words or words[0] != "volctl":
        return None
    bad = [w for w in words if w in SHELL_SYNTAX or w.startswith(("$(", "`"))]
    assert not bad, f"shell syntax the walkthrough test does not run: {bad} in {line.strip()!r}"
    stdout_to = None
    if ">" in words:
        at = words.index(">")
        assert at == len(words) - 2, f"'> FILE' must end the command: {line.strip()!r}"
        stdout_to = words[-1]
        words = words[:at]
    expected = EXITS.search(line)
    return Step(line.strip(), words, int(expected.group(1)) if expected else 0, stdout_to)


def walkthrough_steps(text: str) -> list[Step]:
    steps = []
    for section in walkthrough_sections(text):
        for block in sh_blocks(section):
            for line in logical_lines(block):
                found = step(line)
                if found is not None:
                    steps.append(found)
    return steps


@pytest.mark.parametrize("lang", list(READMES))
def test_the_walkthrough_section_and_its_commands_are_found(lang: str) -> None:
    text = READMES[lang].read_text(encoding="utf-8")
    sections = walkthrough_sections(text)
    assert sections
    blocks = [block for section in sections for block in sh_blocks(section)]
    assert len(blocks) >= 10
    # Every sh block of the walkthrough is a run of volctl commands: none is skipped unseen.
    for block in blocks:
        assert any(step(line) for line in logical_lines(block)), block
    steps = walkthrough_steps(text)
    assert steps[0].argv[:2] == ["volctl", "init"]
    # The sections after the walkthrough (JSON shapes, reason codes…) are not part of it.
    assert not any(line.startswith(("## Output formats", "## 输出格式")) for line in sections[-1])


def test_both_walkthroughs_run_the_same_commands() -> None:
    """The Chinese and the English walkthrough are one walkthrough: the same commands, in the
    same order (their comments are in their own language)."""
    zh, en = (walkthrough_steps(p.read_text(encoding="utf-8")) for p in READMES.values())
    assert [(s.argv, s.exits, s.stdout_to) for s in zh] == [
        (s.argv, s.exits, s.stdout_to) for s in en
    ]


def test_the_parser_joins_continuations_drops_comments_and_reads_expected_exit_codes() -> None:
    text = (
        "## Walkthrough\n\n### Part\n\n```sh\n"
        "volctl register add --name 王秀英 \\\n    --phone 186  # a comment\n"
        "echo skipped\n"
        "volctl register show V000009   # exits 4\n"
        "volctl report summary --format md > 总结.md\n"
        "```\n\n```json\nvolctl not-sh\n```\n\n## Next\n\n```sh\nvolctl after\n```\n"
    )
    steps = walkthrough_steps(text)
    assert [s.argv for s in steps] == [
        ["volctl", "register", "add", "--name", "王秀英", "--phone", "186"],
        ["volctl", "register", "show", "V000009"],
        ["volctl", "report", "summary", "--format", "md"],
    ]
    assert [s.exits for s in steps] == [0, 4, 0]
    assert steps[2].stdout_to == "总结.md"


@pytest.mark.parametrize("lang", list(READMES))
def test_every_walkthrough_command_runs_as_written_in_order_on_a_fresh_roster(
    lang: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from volctl.cli.app import app

    steps = walkthrough_steps(READMES[lang].read_text(encoding="utf-8"))
    work = tmp_path / "work"
    work.mkdir()
    shutil.copytree(EXAMPLES, work / "examples")
    monkeypatch.chdir(work)
    monkeypatch.setenv("VOLCTL_DB", str(tmp_path / "roster.db"))
    runner = CliRunner()
    for number, command in enumerate(steps, 1):
        # No input: a command that stops to ask fails here as it would in a script.
        result = runner.invoke(app, command.argv[1:], input="")
        if result.exit_code != command.exits:
            detail = "".join(
                traceback.format_exception(result.exception)
                if result.exception and not isinstance(result.exception, SystemExit)
                else []
            )
            pytest.fail(
                f"walkthrough command {number} of {len(steps)} exited {result.exit_code}, "
                f"expected {command.exits}:\n  {command.line}\n"
                f"--- stdout ---\n{result.stdout}\n--- stderr ---\n{result.stderr}\n{detail}"
            )
        if command.stdout_to is not None:
            (work / command.stdout_to).write_text(result.stdout, encoding="utf-8")
