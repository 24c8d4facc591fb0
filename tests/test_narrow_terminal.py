"""On an 80- or 100-column terminal every column stays, numbers stay whole, nothing is lost."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from helpers_render import parse_table, widest_line
from helpers_terminal import at_terminal
from typer.testing import CliRunner

from volctl import i18n
from volctl.i18n import t

WIDTHS = ("80", "100")
LANGS = ("zh", "en")


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """The demo roster, built once for these read-only looks at it."""
    from volctl.cli.app import app

    folder = tmp_path_factory.mktemp("narrow") / "demo"
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("VOLCTL_LANG", "en")
        patch.setenv("HOME", str(folder.parent / "home"))
        patch.setenv("XDG_CONFIG_HOME", str(folder.parent / "config"))
        result = CliRunner().invoke(app, ["demo", "--dir", str(folder), "--format", "json"])
        assert result.exit_code == 0, result.stderr
    yield folder / "roster.db"


def _look(cli, db: Path, monkeypatch, width: str, lang: str, *args: str):
    monkeypatch.setenv("COLUMNS", width)
    result = cli("--lang", lang, *args, db=db)
    assert result.exit_code == 0, result.stderr
    assert widest_line(result.stdout) <= int(width)
    return result


def _named(key: str, value: str | None, lang: str) -> str:
    """A value as the table shows it: a kind's value named in the interface language."""
    from volctl import values

    kind = values.FIELD_KINDS.get(key)
    shown = values.name(kind, value, lang) if kind and value else value or ""
    return shown.replace(" ", "")


def _json(cli, db: Path, *args: str):
    return cli(*args, "--format", "json", db=db).json()


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("width", WIDTHS)
def test_register_list_keeps_every_column_and_value_on_a_narrow_terminal(
    cli, demo_db, monkeypatch, width, lang
) -> None:
    people = _json(cli, demo_db, "register", "list")
    text = _look(cli, demo_db, monkeypatch, width, lang, "register", "list").stdout
    i18n.set_lang(lang)
    shown = parse_table(text, caption=t("register.count", count=len(people)))
    for key in ("volunteer_no", "name", "id_number", "phone", "political_status", "employer"):
        values = shown.values(t(f"field.{key}"))
        assert values == [_named(key, p[key], lang) for p in people], key
    for key in ("gender", "age", "status"):
        assert t(f"field.{key}").replace(" ", "") in shown.headers


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("width", WIDTHS)
def test_activity_list_keeps_title_category_team_and_place_on_a_narrow_terminal(
    cli, demo_db, monkeypatch, width, lang
) -> None:
    planned = _json(cli, demo_db, "activity", "list")
    text = _look(cli, demo_db, monkeypatch, width, lang, "activity", "list").stdout
    i18n.set_lang(lang)
    shown = parse_table(text, caption=t("activity.count", count=len(planned)))
    for key in ("activity_no", "date", "title", "category", "team", "place"):
        values = shown.values(t(f"field.{key}"))
        assert values == [_named(key, a[key], lang) for a in planned], key
    # "14/20": the signed-up count is a number and stays on one line
    index = shown.column(t("field.signed_up"))
    assert all(len(row[index]) == 1 for row in shown.rows)


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("width", WIDTHS)
def test_register_imports_shows_every_header_whole_or_one_block_per_batch(
    cli, demo_db, monkeypatch, width, lang
) -> None:
    text = _look(cli, demo_db, monkeypatch, width, lang, "register", "imports").stdout
    i18n.set_lang(lang)
    keys = ("batch", "imported_at", "file", "sheet", "rows", "imported", "rejected", "status")
    headers = [t(f"intake.col.{key}") for key in keys]
    if "─" in text:
        shown = parse_table(text)
        assert all(h.replace(" ", "") in shown.headers for h in headers)
        assert shown.values(t("intake.col.file")) == ["东湖社区志愿者报名表.xlsx"]
    else:
        lines = [line.strip() for line in text.splitlines()]
        assert all(any(line.startswith(h) for line in lines) for h in headers)
        assert "东湖社区志愿者报名表.xlsx" in text


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("width", WIDTHS)
def test_report_summary_never_splits_the_hours_of_the_most_active_volunteers(
    cli, demo_db, monkeypatch, width, lang
) -> None:
    top = _json(cli, demo_db, "report", "summary", "--year", "2025")["top_volunteers"]
    args = ("report", "summary", "--year", "2025")
    text = _look(cli, demo_db, monkeypatch, width, lang, *args).stdout
    block = text[text.index(top[0]["volunteer_no"]) - 1 :]
    for person in top:
        line = next(line for line in block.splitlines() if person["volunteer_no"] in line)
        assert re.search(rf"(?<![\d.]){person['hours']:.1f}(?![\d])", line), line
        assert person["name"] in line


@pytest.mark.parametrize("lang", LANGS)
def test_log_hours_list_says_which_columns_a_narrow_terminal_left_out(demo_db, lang) -> None:
    args = ("--lang", lang, "log-hours", "list", "--no-pager")
    result = at_terminal(demo_db, *args, columns=80)
    assert result.exit_code == 0, result.stderr
    assert widest_line(result.screen) <= 80
    i18n.set_lang(lang)
    assert t("hours.col.recorder") in result.stderr
    assert t("hours.col.recorder") not in result.screen
    wide = at_terminal(demo_db, *args, columns=200)
    assert t("hours.col.recorder") not in wide.stderr


@pytest.mark.parametrize("lang", LANGS)
def test_log_hours_list_keeps_every_column_when_not_at_a_terminal(
    cli, demo_db, monkeypatch, lang
) -> None:
    result = _look(cli, demo_db, monkeypatch, "80", lang, "log-hours", "list")
    i18n.set_lang(lang)
    assert result.stderr == ""
    assert t("hours.col.recorder") in result.stdout
