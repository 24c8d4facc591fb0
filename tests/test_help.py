"""Help that reads as Chinese, and English beside it: every command's page in both languages
has examples; the Chinese one has its usage line, section titles and punctuation in Chinese,
says "required" once and names arguments in the clerk's words; examples name real options."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from volctl.i18n import examples

HERE = Path(__file__).resolve().parent


@pytest.fixture(scope="module")
def pages() -> dict[str, dict[str, dict[str, object]]]:
    """Every command's help page in each language (one process a language)."""
    found = {}
    for lang in ("zh", "en"):
        env = {**os.environ, "VOLCTL_LANG": lang, "COLUMNS": "80"}
        out = subprocess.run(
            [sys.executable, str(HERE / "help_pages.py"), "80"],
            capture_output=True, text=True, check=True, env=env,
        ).stdout  # fmt: skip
        found[lang] = json.loads(out)
    return found


def test_every_command_has_two_or_three_examples_in_both_languages(pages) -> None:
    assert len(pages["zh"]) > 90 and set(pages["zh"]) == set(pages["en"])
    for lang, title in (("zh", "示例："), ("en", "Examples:")):
        for path, page in pages[lang].items():
            text = str(page["help"])
            assert f"\n{title}\n" in text, (lang, path)
            found = examples.for_command(path, lang)
            assert 2 <= len(found) <= 3, (lang, path, len(found))
            assert all(lines for _purpose, lines in found), (lang, path)


def _commands(lines: list[str]) -> list[list[str]]:
    """An example's commands as words (a long command's lines joined)."""
    text = " ".join(line.strip() for line in lines).replace(" \\ ", " ")
    return [part.split() for part in re.split(r"(?=\bvolctl )", text) if part.strip()]


def test_every_example_runs_a_real_command_with_its_real_options(pages) -> None:
    for lang in ("zh", "en"):
        for path in pages[lang]:
            for _purpose, lines in examples.for_command(path, lang):
                for words in _commands(lines):
                    assert words[0] == "volctl", (path, words)
                    rest = words[1:]
                    while rest and rest[0] in ("--db", "--lang"):  # the root's, before it
                        rest = rest[2:]
                    # the longest run of words that names a command
                    command = ""
                    for word in rest:
                        longer = f"{command} {word}".strip()
                        if longer not in pages[lang]:
                            break
                        command = longer
                    options = set(pages[lang][command]["options"])  # type: ignore[arg-type]
                    named = {w.split("=")[0] for w in rest if w.startswith("-")}
                    assert named <= options, (lang, path, command, named - options)


def test_chinese_help_reads_as_chinese(pages) -> None:
    for path, page in pages["zh"].items():
        text = str(page["help"])
        assert text.startswith("用法：volctl"), path
        assert "[OPTIONS]" not in text and "COMMAND [ARGS]" not in text, path
        for english in ("Usage:", "Options:", "Arguments:", "Commands:", "Examples:"):
            assert english not in text, (path, english)
        headings = [line for line in text.splitlines() if re.fullmatch(r"\S+[:：]", line)]
        assert headings and all(h.endswith("：") for h in headings), (path, headings)
        assert set(headings) <= {"参数：", "选项：", "命令：", "示例："}, (path, headings)
        # "required" said once, in Chinese; no bracketed English extras
        assert "[必填]" not in text and "[required]" not in text, path
        assert not re.search(r"必填[^\n]*必填", text), path
        assert "{" not in text.split("\n", 1)[0], path
        # no standards jargon without a plain gloss
        assert "RFC 5545" not in text, path


def test_chinese_help_names_arguments_in_the_clerks_words(pages) -> None:
    for path, page in pages["zh"].items():
        usage = str(page["help"]).split("\n\n", 1)[0]
        words = usage.replace("用法：volctl", "").replace(path, "").split()
        leftover = [w for w in words if re.fullmatch(r"\[?[A-Z][A-Z|_-]*(\.\.\.)?\]?", w)]
        assert not leftover, (path, leftover)
    usage = str(pages["zh"]["log-hours add"]["help"]).splitlines()[0]
    assert usage == "用法：volctl log-hours add [选项] 志愿者"


def test_english_help_keeps_click_words_and_full_stops(pages) -> None:
    text = str(pages["en"]["register add"]["help"])
    assert text.startswith("Usage: volctl register add [OPTIONS]")
    assert "Options:" in text and "Examples:" in text
    assert "(required)." in text and "[required]" not in text


def test_the_chinese_required_mark_is_full_width_and_single(pages) -> None:
    text = str(pages["zh"]["register add"]["help"])
    assert "姓名（必填）。" in text
    assert "（必填）。 [必填]" not in text
