"""Start-up: short commands load only what they use, and look exactly as before.

Speed itself is measured by ``benchmarks/startup.py`` and ``benchmarks/floors.py``, never here.
These tests hold the structure that keeps it: what a short command imports, the root commands
built only when run, and the plain layout of a record that spares ``volctl info`` importing rich
printing byte for byte what rich prints.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from rich.cells import cell_len

from tests.helpers_render import printed_by_rich
from volctl import render

# Modules a short command has no use for: each costs start-up time on every run.
HEAVY = ("rich.console", "rich.table", "sqlite_utils", "openpyxl", "python_calamine", "decimal")


def loaded_after(args: list[str], env: dict[str, str]) -> tuple[set[str], str]:
    """The modules loaded by ``volctl ARGS`` run as a clerk runs it, and what it printed."""
    code = (
        "import sys\n"
        "from volctl.cli import main\n"
        f"sys.argv = ['volctl', *{args!r}]\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        "sys.stdout.flush()\n"
        "print('\\n' + repr(sorted(sys.modules)), file=sys.stderr)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True
    )
    modules = eval(done.stderr.strip().splitlines()[-1])  # a list literal we printed
    return set(modules), done.stdout


def environment(tmp_path: Path, **extra: str) -> dict[str, str]:
    # Wide enough for info's line naming the roster file, however deep tmp_path is.
    return {**os.environ, "COLUMNS": "250", **extra}


def test_help_and_info_import_no_heavy_module(cli, roster, db_path, tmp_path) -> None:
    env = environment(tmp_path, VOLCTL_DB=str(db_path))
    for args in (["--help"], ["info"], ["--lang", "zh", "info"], ["register", "--help"]):
        modules, _ = loaded_after(args, env)
        assert not [m for m in HEAVY if m in modules], args
    modules, _ = loaded_after(["--help"], env)
    assert "sqlite3" not in modules or "volctl.db" not in modules


def test_only_the_root_command_that_runs_is_built(tmp_path) -> None:
    from volctl.cli import app
    from volctl.i18n import t

    # The root lists its commands from app.ROOT: the same names, order and help as the
    # modules register (each module's commands in a row, so the order is theirs).
    registered = [
        (info.name, module, info.help)
        for module in dict.fromkeys(module for module, _key in app.ROOT.values())
        for info in app.attached(module).registered_commands
    ]
    listed = [(name, module, t(key)) for name, (module, key) in app.ROOT.items()]
    assert registered == listed
    assert {"init", "info", "merge", "backup"} <= set(app.ROOT)
    modules, _ = loaded_after(["--help"], environment(tmp_path))
    assert "volctl.roster.info" not in modules and "volctl.maintenance" not in modules
    assert not [m for m in {module for module, _key in app.ROOT.values()} if m in modules]
    modules, _ = loaded_after(["info", "--help"], environment(tmp_path))
    assert "volctl.cli.setup" in modules and "volctl.cli.safety" not in modules


def test_a_mistyped_command_is_answered_with_the_nearest_ones(cli) -> None:
    result = cli("inof", db=None)
    assert result.exit_code == 2
    assert "No such command 'inof'. Did you mean 'info'?" in result.stderr
    result = cli("registr", db=None)
    assert "Did you mean 'register'" in result.stderr


def test_the_help_lists_every_root_command_and_group_in_order(cli) -> None:
    text = cli("--help", db=None).stdout
    commands = text.split("Commands:", 1)[1]
    # A command's line starts with two spaces and its name; wrapped help is indented further.
    lines = commands.splitlines()
    order = [line.split()[0] for line in lines if line[:2] == "  " and line[2:3] != " "]
    assert order[:4] == ["init", "info", "settings", "demo"]
    assert order.index("merge") < order.index("register") < order.index("source")


def test_info_prints_exactly_what_rich_prints(cli, roster, db_path, tmp_path) -> None:
    """``volctl info`` laid out plainly, against the same run laid out by rich (which
    ``TTY_COMPATIBLE`` leaves to rich), in both languages, wide and narrow."""
    for lang in ("en", "zh"):
        for columns in ("250", "40"):
            env = environment(tmp_path, VOLCTL_DB=str(db_path), VOLCTL_LANG=lang, COLUMNS=columns)
            plain_modules, plain = loaded_after(["info"], env)
            rich_modules, by_rich = loaded_after(["info"], {**env, "TTY_COMPATIBLE": "0"})
            assert plain == by_rich
            assert "rich.console" in rich_modules
            assert ("rich.console" in plain_modules) == (columns == "40"), (lang, columns)


def test_every_character_laid_out_plainly_is_as_wide_as_rich_measures_it() -> None:
    ranges = [(0x20, 0x7E, 1), *render._PLAIN_WIDTHS]
    for first, last, columns in ranges:
        for code in range(first, last + 1):
            ch = chr(code)
            assert render.plain_width(ch) == columns == cell_len(ch), hex(code)


def test_text_of_uncertain_width_is_left_to_rich() -> None:
    for text in ("a\tb", "line\nbreak", "e\u0301", "\U0001f600", "\u302a", "\x07"):
        assert render.plain_width(text) is None, repr(text)


TEXT = st.text(
    alphabet=st.sampled_from(
        list("abcXYZ 019-_/.:,()") + list("王李张志愿者服务队，。、（）：") + ["·", "—", "…", "é"]
    ),
    max_size=24,
)


@settings(max_examples=300, deadline=None)
@given(
    record=st.dictionaries(
        st.sampled_from(["name", "phone", "team", "org", "note", "path"]),
        st.one_of(TEXT, st.integers(0, 10**6), st.none(), st.lists(TEXT, max_size=3)),
        min_size=1,
        max_size=6,
    ),
    labels=st.dictionaries(st.sampled_from(["name", "team", "org"]), TEXT, max_size=3),
    width=st.integers(10, 120),
    bold=st.booleans(),
)
def test_a_record_laid_out_plainly_is_byte_for_byte_what_rich_prints(
    record, labels, width, bold
) -> None:
    plain = render.plain_record(record, labels, width=width, bold=bold)
    if plain is not None:
        assert plain == printed_by_rich(render.record_table(record, labels), width, bold)


def test_a_record_that_fits_is_laid_out_plainly_and_markup_goes_to_rich() -> None:
    record = {"name": "王芳", "team": "东湖社区志愿者服务分队", "hours": 12.5}
    assert render.plain_record(record, {}, width=80) == printed_by_rich(
        render.record_table(record, {}), 80
    )
    assert render.plain_record(record, {}, width=20) is None  # rich wraps it
    assert render.plain_record({"note": "[bold]x"}, {}, width=80) is None
    assert render.plain_record({"note": "a :smile: b"}, {}, width=80) is None
    assert render.plain_record({"note": "from 08:30, weekly"}, {}, width=80) is not None


@pytest.fixture
def cache(monkeypatch, tmp_path) -> Path:
    """The catalogue's cache file moved to ``tmp_path``."""
    from volctl import i18n

    path = tmp_path / "__pycache__" / "messages.marshal"
    monkeypatch.setattr(
        i18n,
        "cache_path",
        lambda lang=None: str(path.with_suffix(f".{lang}.marshal" if lang else ".marshal")),
    )
    return path


def test_the_catalogue_is_read_back_from_its_cache_until_a_module_changes(
    monkeypatch, cache
) -> None:
    from volctl import i18n

    monkeypatch.setattr(sys, "dont_write_bytecode", False)
    sources = i18n._sources()
    merged = i18n._merge(name for name, _mtime, _size in sources)
    assert i18n._read_cache(sources) is None  # none yet
    i18n._write_cache(sources, merged)
    assert i18n._read_cache(sources) == merged == i18n.catalogue()
    english = {key: en for key, (_zh, en) in merged.items()}
    assert i18n._read_cache(sources, "en") is None
    grouped = i18n._group(merged, 1)  # one language's texts, kept apart, by key prefix
    i18n._write_cache(sources, grouped, "en")
    assert i18n._read_cache(sources, "en") == grouped
    assert i18n.texts("en") == english
    assert i18n.text_of("en", "help.app") == merged["help.app"][1]
    assert i18n.text_of("zh", "help.app") == merged["help.app"][0]
    changed = [(name, mtime + 1, size) for name, mtime, size in sources]
    assert i18n._read_cache(changed) is None  # a module edited since: read the modules again
    assert i18n._read_cache(changed, "en") is None
    assert i18n._read_cache(sources[1:]) is None  # a module added or removed
    cache.write_bytes(b"\x00garbage")
    assert i18n._read_cache(sources) is None


def test_a_cache_that_reads_but_holds_no_texts_gives_way_to_the_modules(monkeypatch, cache) -> None:
    import marshal

    from volctl import i18n

    monkeypatch.setattr(sys, "dont_write_bytecode", False)
    for name in ("_catalogue", "_stamps"):
        monkeypatch.setattr(i18n, name, None)
    monkeypatch.setattr(i18n, "_texts", {})
    monkeypatch.setattr(i18n, "_decoded", {})
    sources = i18n._sources()
    merged = i18n._merge(name for name, _mtime, _size in sources)
    i18n._write_cache(sources, {key: [1] for key in merged})  # the right stamps, no texts
    bad = {prefix: marshal.dumps([1]) for prefix in i18n._group(merged, 1)}
    i18n._write_cache(sources, bad, "en")
    assert i18n.text_of("en", "help.app") == merged["help.app"][1]
    assert i18n.catalogue() == merged


def test_no_catalogue_cache_is_written_where_python_writes_no_bytecode(
    monkeypatch, tmp_path, cache
) -> None:
    from volctl import i18n

    monkeypatch.setattr(sys, "dont_write_bytecode", True)
    i18n._write_cache(i18n._sources(), {"key": ("键", "key")})
    assert not cache.exists()
    (tmp_path / "__pycache__").mkdir()
    (tmp_path / "__pycache__").chmod(0o500)  # a folder that cannot be written: no error
    monkeypatch.setattr(sys, "dont_write_bytecode", False)
    try:
        i18n._write_cache(i18n._sources(), {"key": ("键", "key")})
    finally:
        (tmp_path / "__pycache__").chmod(0o700)
    assert os.geteuid() == 0 or not cache.exists()


def test_a_group_builds_only_the_command_that_runs_and_its_help_is_unchanged() -> None:
    import importlib

    import typer.main
    from typer._click.core import Context

    from volctl.cli import app

    root = typer.main.get_command(app.app)
    for name, (module_name, _help) in app.GROUPS.items():
        group = root.get_command(Context(root), name)
        assert isinstance(group, app.LazyGroup), name
        assert group.commands == {}  # nothing built yet
        eager = typer.main.get_command(importlib.import_module(module_name).app)
        ctx, eager_ctx = Context(group, info_name=name), Context(eager, info_name=name)
        assert group.get_help(ctx) == eager.get_help(eager_ctx), name
        assert group.list_commands(ctx) == eager.list_commands(eager_ctx), name
        first = group.list_commands(ctx)[0]
        assert group.get_command(ctx, first).name == first


def _tokens_by_character(text: str) -> list[str]:
    """``linebreak._tokens`` as it was written, a character at a time (the reference)."""
    tokens, word = [], []
    for ch in text:
        if ch in " \t\u3000":
            if word:
                tokens.append("".join(word))
                word = []
            tokens.append(" ")
        else:
            word.append(ch)
    if word:
        tokens.append("".join(word))
    return tokens


TEXTS = st.text(alphabet=st.sampled_from("ab .。\t\u3000\n,志-/(）12 \u00a0\x1c"), max_size=40)


@settings(max_examples=300, deadline=None)
@given(TEXTS)
def test_help_texts_are_cut_as_the_regular_expressions_cut_them(text) -> None:
    """The first sentence of a help text and the words of a line, found without compiling
    a regular expression or walking each character, as the general ways find them."""
    import re

    from volctl.cli.app import _short
    from volctl.cli.guard import first_sentence
    from volctl.i18n import linebreak

    assert _short(text) == re.split(r"(?<=。)|(?<=\.)\s", text.strip(), maxsplit=1)[0].strip()
    if "。" not in text:
        by_pattern = re.split(r"(?<=\.)\s", text.strip(), maxsplit=1)[0]
        assert first_sentence(text) == by_pattern.rstrip(".") + "."
    assert linebreak._tokens(text) == _tokens_by_character(text)
    for token in linebreak._tokens(text):  # ASCII is measured and cut inline when wrapping
        if token.isascii():
            assert linebreak.units(token) == [token] and linebreak.width(token) == len(token)


def test_the_default_header_read_as_typed_is_what_parsing_it_gives() -> None:
    """``prepare_output`` takes ``--header labels`` (the default) as typed, unparsed."""
    from volctl.cli.options import parse_choice
    from volctl.i18n import get_lang, set_lang

    before = get_lang()
    try:
        for lang in ("en", "zh"):
            set_lang(lang)
            assert parse_choice("header", "labels", "output.header_unknown", "header") == "labels"
    finally:
        set_lang(before)


@settings(max_examples=300, deadline=None)
@given(
    st.one_of(
        st.text(max_size=12).map(lambda s: __import__("json").dumps(s, ensure_ascii=False)),
        st.integers(min_value=-5, max_value=10**20).map(str),
        st.text(alphabet='"\\0123456789 -abc\x01\x7f志', max_size=8),
        st.sampled_from(['"a\\"b"', '"\\u5fd7"', "007", "0", " 1", "1.5", "true", "null", '""']),
    )
)
def test_a_setting_is_read_as_json_reads_it(text) -> None:
    import json

    from volctl.settings import loads

    try:
        expected = json.loads(text)
    except ValueError:
        with pytest.raises(ValueError):
            loads(text)
        return
    assert loads(text) == expected and type(loads(text)) is type(expected)


def test_the_root_options_are_what_typer_makes_of_them(tmp_path) -> None:
    """``app.root_params`` against what Typer makes of the root callback as it was declared:
    the same options, but keeping their values (for ``main_options``) instead of passing them."""
    import typer.main
    from helpers_root import declared_root
    from typer.testing import CliRunner

    from volctl.cli import app as root
    from volctl.cli.state import STATE
    from volctl.i18n import detect, get_lang, set_lang

    scratch, passed = declared_root()

    def described(params: list) -> list:  # each its class and attributes, its type's class
        kept = ("type", "callback", "expose_value")
        return [(type(p), type(p.type), {**vars(p), **dict.fromkeys(kept)}) for p in params]

    made = typer.main.get_command(scratch).params
    direct = root.root_params()
    assert described(direct) == described(made)
    assert [vars(p.type) for p in direct] == [vars(p.type) for p in made]
    assert not any(p.expose_value for p in direct)
    built = typer.main.get_command(root.app).params
    assert described(built) == described(made)

    # The values main_options applies are the values Typer passed.
    runner = CliRunner()
    before = (get_lang(), STATE.db, STATE.operator, STATE.pager)
    try:
        for args in ([], ["--db", str(tmp_path / "r.db"), "--operator", "王芳", "--no-pager"],
                     ["--lang", "zh_CN", "--db", "~/x.db"], ["--lang", " "]):  # fmt: skip
            passed.clear()
            assert runner.invoke(scratch, [*args, "run"]).exit_code == 0
            result = runner.invoke(root.app, [*args, "info", "--help"])
            assert result.exit_code == 0, result.output
            assert STATE.db == passed["db"] and STATE.pager is not passed["no_pager"]
            operator = passed["operator"] or os.environ.get("VOLCTL_OPERATOR") or None
            assert STATE.operator == operator
            assert get_lang() == (passed["lang"] or detect([]))
    finally:
        set_lang(before[0])
        STATE.db, STATE.operator, STATE.pager = before[1:]


def test_characters_measured_without_unicodedata_are_measured_as_it_measures_them() -> None:
    import unicodedata

    from volctl.i18n import linebreak

    # Every character of the blocks measured directly, and those around them.
    for first, last in ((0x1100, 0x1200), (0x1FF0, 0x2100), (0x2FF0, 0x3050), (0x4DF0, 0xA010)):
        for code in (*range(first, last), *range(0xFF00, 0xFF70)):
            ch = chr(code)
            wide = unicodedata.east_asian_width(ch) in "WF"
            assert linebreak.char_width(ch) == (2 if wide else 1), hex(code)
            assert linebreak._wide(ch) is wide, hex(code)


def test_an_options_choices_are_named_as_each_value_is_named() -> None:
    from volctl import values

    for kind in values.kinds():
        for lang in ("zh", "en"):
            named = [values.name(kind, value.stored, lang) for value in values.table(kind)]
            assert values.names(kind, lang) == named, (kind, lang)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.characters(max_codepoint=0x2FFFF), max_size=30))
def test_text_is_measured_as_the_sum_of_its_characters_widths(text) -> None:
    from volctl.i18n import linebreak

    assert linebreak.width(text) == sum(linebreak.char_width(ch) for ch in text)


@settings(max_examples=600, deadline=None)
@given(
    st.one_of(
        st.text(alphabet=st.sampled_from("ab 志（）。,.\t\u3000-/"), max_size=30),
        st.lists(
            st.text(alphabet=st.sampled_from("abc-./()%:,"), min_size=1, max_size=9), max_size=12
        ).map(" ".join),
    ),
    st.integers(min_value=1, max_value=24),
    st.sampled_from(["", "  ", "错误：", " x ", "Error: "]),
    st.sampled_from(["  ", "", "    "]),
)
def test_a_paragraph_is_wrapped_as_the_general_way_wraps_it(text, columns, indent, hang):
    """The shortcuts of ``_wrap_paragraph`` (a paragraph that fits; ASCII a line at a time)
    held to the general way, word by word (``_wrap_words``)."""
    from volctl.i18n import linebreak

    expected = linebreak._wrap_words(text, columns, indent, hang)
    assert linebreak._wrap_paragraph(text, columns, indent, hang) == expected


@settings(max_examples=400, deadline=None)
@given(
    st.text(alphabet=st.sampled_from("ab 志。,.\t\n\r\x0b\x1c\x85\u2028\b-"), max_size=30),
    st.integers(min_value=1, max_value=24),
    st.sampled_from(["", "  "]),
    st.sampled_from(["", "    "]),
    st.booleans(),
)
def test_help_text_is_wrapped_as_click_wraps_it(text, width, first, rest, paragraphs) -> None:
    """``localise._wrap_text``, what ``localise.install`` gives Click, against Click's own
    ``wrap_text`` with the line-breaking wrapper (``_general_wrap_text``)."""
    from volctl.cli import localise

    localise.install()
    ours = localise._wrap_text(text, width, first, rest, paragraphs)
    assert ours == localise._general_wrap_text(text, width, first, rest, paragraphs)
