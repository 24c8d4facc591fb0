"""The output layer's rules: the suffix chooses, numbers stay numbers, --limit, the pager, and
large results streamed with memory that does not grow with the number of people listed."""

from __future__ import annotations

import io
import json
import sqlite3
import tracemalloc
from pathlib import Path

import openpyxl
import pytest
from helpers_terminal import at_terminal

from tests.helpers_structure import activity, ok, people
from volctl.render import to_csv
from volctl.render.rows import records, write_json, write_xlsx
from volctl.render.text import to_markdown


@pytest.fixture
def ten(cli, roster, add_volunteer) -> list[str]:
    return people(add_volunteer, *(f"志愿者{n}" for n in range(1, 11)))


def test_the_suffix_chooses_the_format(cli, ten, tmp_path) -> None:
    for suffix, check in (
        (".json", lambda p: len(json.loads(p.read_text(encoding="utf-8"))) == 10),
        (".csv", lambda p: p.read_bytes().startswith(b"\xef\xbb\xbfvolunteer_no,")),
        (".md", lambda p: p.read_text(encoding="utf-8").startswith("| volunteer no. |")),
        (".txt", lambda p: "┃ volunteer no." in p.read_text(encoding="utf-8")),
        (".XLSX", lambda p: openpyxl.load_workbook(p).active.max_row == 11),
    ):
        path = tmp_path / f"名单{suffix}"
        result = ok(cli("register", "list", "--header", "keys", "-o", path))
        assert check(path), suffix
        assert f"Written to {path}" in result.stderr


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("-o", "名单.pdf"), "must end in one of .xlsx .csv .json .md .txt"),
        (("-o", "名单"), "must end in one of .xlsx .csv .json .md .txt"),
        (("--format", "xlsx"), "give a file with -o"),
        (("--format", "csv", "-o", "名单.xlsx"), "Cannot write csv to"),
    ],
)
def test_a_file_name_and_format_that_disagree_are_refused_before_anything_is_done(
    cli, ten, tmp_path, args, message
) -> None:
    number = activity(cli, "敬老院探访", "--start", "08:30", "--end", "11:30")
    ok(cli("activity", "signup", number, *ten[:3]))
    args = tuple(str(tmp_path / a) if "名单" in a else a for a in args)
    result = cli("log-hours", "activity", number, "--hours", "2", *args)
    assert result.exit_code == 3 and message in result.stderr
    assert list(tmp_path.iterdir()) == [tmp_path / "roster.db"]
    assert cli("log-hours", "list", "--format", "json").json() == []  # nothing recorded


def test_an_explicit_format_writes_under_any_name(cli, ten, tmp_path) -> None:
    ok(cli("register", "list", "--format", "json", "-o", tmp_path / "名单.dat"))
    assert len(json.loads((tmp_path / "名单.dat").read_text(encoding="utf-8"))) == 10


def test_md_and_txt_print_to_the_terminal_too_and_xlsx_only_to_a_file(cli, ten) -> None:
    markdown = ok(cli("register", "list", "--format", "md")).stdout
    assert markdown.splitlines()[1].startswith("|---|") and "志愿者10" in markdown
    text = ok(cli("register", "list", "--format", "txt")).stdout
    assert "志愿者10" in text and all(line == line.rstrip() for line in text.splitlines())


def test_numbers_stay_numbers_and_only_text_is_made_inert_in_csv() -> None:
    text = to_csv([{"change": -2, "share": -8.6, "whole": 3.0, "name": "-x", "cmd": "=1+1"}])
    assert text.splitlines()[1] == "-2,-8.6,3,'-x,'=1+1"


def test_a_workbook_keeps_numbers_as_numbers_and_identity_numbers_as_text(
    cli, ten, tmp_path
) -> None:
    path = tmp_path / "名单.xlsx"
    ok(cli("register", "list", "-o", path, "--show-pii", "--header", "keys"))
    ws = openpyxl.load_workbook(path).active
    header = [c.value for c in ws[1]]
    first = {key: cell for key, cell in zip(header, ws[2], strict=True)}
    assert first["id_number"].data_type == "s" and len(first["id_number"].value) == 18
    assert first["id_number"].number_format == "@"
    assert first["phone"].data_type == "s" and first["phone"].value.startswith("138")
    assert first["age"].data_type == "n" and isinstance(first["age"].value, int)
    assert (
        ws.freeze_panes == "A2"
        and ws.auto_filter.ref == f"A1:{ws.cell(1, len(header)).column_letter}11"
    )
    assert ws.column_dimensions["A"].width >= len("volunteer_no")


def test_hostile_text_stays_text_in_a_workbook(tmp_path) -> None:
    values = ['=HYPERLINK("x")', "<r><t>evil</t></r>", "a\x01b", "+86", -2, 12345678901234567890]
    with (tmp_path / "x.xlsx").open("wb") as out:
        write_xlsx(["v"], [[v] for v in values], out)
    ws = openpyxl.load_workbook(tmp_path / "x.xlsx").active
    cells = [row[0] for row in ws.iter_rows(min_row=2)]
    assert [c.value for c in cells] == [
        "=HYPERLINK(\"x\")", "<r><t>evil</t></r>", "ab", "+86", -2, "12345678901234567890"
    ]  # fmt: skip
    assert cells[0].data_type == "s" and cells[0].quotePrefix


def test_markdown_escapes_what_would_break_its_table() -> None:
    from volctl.render import Column, table

    text = to_markdown(
        [table([{"a": "x|y", "b": 3}], [Column("a", "A"), Column("b", "B", "right")])]
    )
    assert text.splitlines() == ["| A | B |", "|---|---:|", "| x\\|y | 3 |"]


def test_limit_lists_the_first_rows_and_says_how_many_there_are(cli, ten) -> None:
    result = cli("register", "list", "--limit", "3", "--format", "json")
    assert [p["name"] for p in result.json()] == ["志愿者1", "志愿者2", "志愿者3"]
    assert "Showing the first 3 of 10" in result.stderr
    assert "Showing" not in ok(cli("register", "list", "--limit", "10")).stderr
    assert cli("register", "list", "--limit", "0").exit_code == 2


# ----------------------------------------------------------------------------- the pager


@pytest.fixture
def long_list(cli, roster, add_volunteer) -> Path:
    people(add_volunteer, *(f"志愿者{n}" for n in range(1, 31)))
    return roster


def _paged(db: Path, tmp_path: Path, *args: str, lines: int = 24, pager: str = "VOLCTL_PAGER"):
    paged = tmp_path / "paged.txt"
    paged.unlink(missing_ok=True)
    seen = at_terminal(db, *args, lines=lines, env={pager: f"cat > {paged}"})
    assert seen.exit_code == 0, seen.stderr
    return seen, paged.read_text() if paged.exists() else None


def test_a_table_longer_than_the_screen_goes_through_the_pager(long_list, tmp_path) -> None:
    seen, paged = _paged(long_list, tmp_path, "register", "list")
    assert paged is not None and "志愿者30" in paged and "志愿者30" not in seen.screen
    seen, paged = _paged(long_list, tmp_path, "register", "list", pager="PAGER")
    assert paged is not None and "志愿者30" in paged


def test_a_table_that_fits_the_screen_is_printed_as_it_is(long_list, tmp_path) -> None:
    seen, paged = _paged(long_list, tmp_path, "register", "list", lines=60)
    assert paged is None and "志愿者30" in seen.screen


@pytest.mark.parametrize(
    "args",
    [
        ("--no-pager", "register", "list"),
        ("register", "list", "--no-pager"),
        ("register", "list", "--format", "json"),
        ("register", "list", "--format", "csv"),
        ("register", "list", "-o", "{tmp}/名单.txt"),
    ],
)
def test_no_pager_for_no_pager_data_or_a_file(long_list, tmp_path, args) -> None:
    args = tuple(a.format(tmp=tmp_path) for a in args)
    seen, paged = _paged(long_list, tmp_path, *args)
    assert paged is None
    assert "志愿者30" in (seen.screen + (tmp_path / "名单.txt").read_text()
                           if "-o" in args else seen.screen)  # fmt: skip


# ----------------------------------------------------------------------------- streaming


def _roster_of(folder: Path, count: int) -> sqlite3.Connection:
    from volctl import audit
    from volctl.db import open_roster

    conn = open_roster(folder / f"r{count}.db", create=True)
    now = audit.now_iso()
    conn.execute(
        "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ?)"
        " INSERT INTO volunteers (volunteer_no, name, id_number, phone, registered_on,"
        " created_at, updated_at) SELECT printf('V%06d', i), '志愿者' || i,"
        " printf('%018d', i), printf('+86138%08d', i), '2019-06-01', ?, ? FROM n",
        (count, now, now),
    )
    conn.commit()
    return conn


class _Sink(io.StringIO):
    """Counts what is written and keeps none of it."""

    def __init__(self) -> None:
        super().__init__()
        self.size = 0

    def write(self, text: str) -> int:
        self.size += len(text)
        return len(text)


def _peak(conn: sqlite3.Connection, kind: str) -> tuple[int, int]:
    from volctl.render.rows import write_csv
    from volctl.reports import target

    sink = _Sink()
    tracemalloc.start()
    try:
        data = target.report(conn, year=2025, show_pii=True)
        if kind == "json":
            write_json(data, sink)
        else:
            write_csv(*records(data["below_target"]), sink)
        return tracemalloc.get_traced_memory()[1], sink.size
    finally:
        tracemalloc.stop()


@pytest.fixture(scope="module")
def crowds(tmp_path_factory: pytest.TempPathFactory) -> tuple[sqlite3.Connection, ...]:
    """Rosters of 10, 3,000 and 30,000 volunteers (above the rows fetched at a time)."""
    folder = tmp_path_factory.mktemp("crowds")
    return _roster_of(folder, 10), _roster_of(folder, 3_000), _roster_of(folder, 30_000)


@pytest.mark.parametrize("kind", ["json", "csv"])
def test_report_target_streams_its_people_in_memory_that_does_not_grow_with_them(
    crowds, kind
) -> None:
    few, small, large = crowds
    _peak(few, kind)  # the modules it imports, once
    (small_peak, small_size), (large_peak, large_size) = _peak(small, kind), _peak(large, kind)
    assert large_size > 9 * small_size  # ten times the people written…
    assert large_peak < 1.5 * small_peak  # …in the same memory


def test_streamed_json_is_what_json_dumps_writes(cli, ten) -> None:
    text = cli("report", "target", "--year", "2025", "--format", "json").stdout
    data = json.loads(text)
    assert len(data["below_target"]) == 10
    assert text == json.dumps(data, ensure_ascii=False, indent=2) + "\n"
