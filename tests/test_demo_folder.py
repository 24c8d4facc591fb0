"""volctl demo --dir: the demo builds in a folder of its own and never writes over what is there,
and says plainly what it found."""

from __future__ import annotations

import sqlite3

import pytest


def demo(cli, folder):
    return cli("demo", "--dir", str(folder), db=None)


@pytest.mark.parametrize("content", [b"hello\n", b"", "sqlite"])
def test_a_roster_file_that_is_not_a_volctl_roster_is_named_as_such_and_kept(
    cli, tmp_path, content
) -> None:
    folder = tmp_path / "demo"
    folder.mkdir()
    path = folder / "roster.db"
    if content == "sqlite":
        with sqlite3.connect(path) as conn:
            conn.execute("CREATE TABLE notes (text)")
        conn.close()
    else:
        path.write_bytes(content)
    before = path.read_bytes()
    result = demo(cli, folder)
    assert result.exit_code == 3
    assert f"{path} already exists and is not a volctl roster" in result.stderr
    assert "already holds a roster" not in result.stderr and "Traceback" not in result.stderr
    assert path.read_bytes() == before and sorted(p.name for p in folder.iterdir()) == ["roster.db"]


def test_a_folder_named_roster_db_is_not_called_a_roster(cli, tmp_path) -> None:
    (tmp_path / "demo" / "roster.db").mkdir(parents=True)
    result = demo(cli, tmp_path / "demo")
    assert result.exit_code == 3 and "is not a volctl roster" in result.stderr


def test_a_volctl_roster_is_named_with_how_to_open_it(cli, tmp_path) -> None:
    folder = tmp_path / "demo"
    folder.mkdir()
    assert cli("init", db=folder / "roster.db").exit_code == 0
    result = demo(cli, folder)
    assert result.exit_code == 3 and "already holds a roster" in result.stderr
    assert f"volctl --db {folder / 'roster.db'}" in result.stderr


def test_a_file_given_as_the_folder_is_refused_plainly(cli, tmp_path) -> None:
    path = tmp_path / "notes.txt"
    path.write_text("x")
    result = demo(cli, path)
    assert result.exit_code == 3 and "is a file, not a folder" in result.stderr
    assert path.read_text() == "x"


def test_forms_of_the_same_names_are_never_written_over(cli, tmp_path) -> None:
    folder = tmp_path / "work"
    folder.mkdir()
    (folder / "志愿服务记录台账.xlsx").write_bytes(b"the clerk's own")
    (folder / "志愿服务记录证明-V000004.xlsx").write_bytes(b"issued")
    result = cli("--lang", "zh", "demo", "--dir", str(folder), db=None)
    assert result.exit_code == 3 and "志愿服务记录台账.xlsx" in result.stderr
    assert "志愿服务记录证明-V000004.xlsx" in result.stderr and "不会覆盖" in result.stderr
    assert (folder / "志愿服务记录台账.xlsx").read_bytes() == b"the clerk's own"
    assert not (folder / "roster.db").exists()
