"""The roster path: only a regular file can be a roster (a device, a pipe or a socket is
refused and left exactly as it was, never opened for reading, never chmod-ed), and a roster is
created readable by its owner only even through a symbolic link."""

from __future__ import annotations

import os
import socket
import stat
from pathlib import Path

import pytest

from tests.conftest import make_id, make_phone, volctl_process

NOT_REGULAR = "is not a regular file"


def assert_refused_untouched(path: Path, *args: str) -> None:
    before = os.stat(path, follow_symlinks=False)
    done = volctl_process(path, *args, timeout=30)  # a pipe opened for reading would hang
    assert done.returncode == 6, done.stderr
    assert NOT_REGULAR in done.stderr and str(path) in done.stderr
    assert "Traceback" not in done.stderr
    after = os.stat(path, follow_symlinks=False)
    assert (after.st_mode, after.st_uid, after.st_size) == (
        before.st_mode,
        before.st_uid,
        before.st_size,
    )


@pytest.mark.parametrize(
    "command", [("init", "--org", "东湖社区"), ("info",), ("register", "list")]
)
def test_a_pipe_is_refused_and_left_as_it_was(tmp_path: Path, command: tuple[str, ...]) -> None:
    pipe = tmp_path / "roster.db"
    os.mkfifo(pipe, 0o644)
    assert_refused_untouched(pipe, *command)
    assert stat.S_ISFIFO(pipe.stat().st_mode)


def test_a_socket_is_refused_and_left_as_it_was(tmp_path: Path) -> None:
    path = tmp_path / "s.db"
    server = socket.socket(socket.AF_UNIX)
    try:
        server.bind(str(path))
        os.chmod(path, 0o755)
        assert_refused_untouched(path, "init")
    finally:
        server.close()


def test_a_character_device_is_refused_and_never_chmod_ed(tmp_path: Path) -> None:
    """`volctl --db /dev/null init` as root chmod-ed /dev/null; here a private twin of it."""
    device = tmp_path / "null.db"
    try:
        os.mknod(device, stat.S_IFCHR | 0o666, os.makedev(1, 3))
    except PermissionError:
        pytest.skip("making a device node needs root")
    os.chmod(device, 0o666)
    assert_refused_untouched(device, "init")
    assert device.stat().st_mode & 0o777 == 0o666


def test_a_roster_made_through_a_dangling_link_is_owner_only(cli, tmp_path: Path) -> None:
    target = tmp_path / "real" / "roster.db"
    target.parent.mkdir()
    link = tmp_path / "roster.db"
    link.symlink_to(target)
    assert cli("init", "--org", "东湖社区", db=link).exit_code == 0
    assert link.is_symlink() and target.is_file()
    assert target.stat().st_mode & 0o777 == 0o600
    added = cli(
        "register",
        "add",
        "--name",
        "王芳",
        "--id-number",
        make_id(),
        "--phone",
        make_phone(),
        db=link,
    )
    assert added.exit_code == 0, added.stderr
    assert target.stat().st_mode & 0o777 == 0o600
    for sidecar in target.parent.glob("roster.db-*"):
        assert sidecar.stat().st_mode & 0o077 == 0


def test_a_link_into_a_missing_folder_names_the_folder(cli, tmp_path: Path) -> None:
    link = tmp_path / "roster.db"
    link.symlink_to(tmp_path / "nowhere" / "roster.db")
    result = cli("init", db=link)
    assert result.exit_code == 6 and "nowhere" in result.stderr
