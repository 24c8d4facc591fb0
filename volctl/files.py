"""The one writer of every file volctl makes: whole or not at all, owner-only when private.

Every output (forms, reports, exports, rejects workbooks, bundles, backups) is written under a
temporary name beside its target (``.NAME.<pid>.tmp``) and renamed into place once complete, so
a full disk or a kill leaves nothing at the target. Every file is created readable by its
owner only (0600) from its first byte, whatever its format and whether or not its numbers are
masked: what volctl writes comes from the roster and names people. The one exception is a form
that holds no one's data (the blank sign-up template, ``private=False``), which takes the usual
mode (0666 less the umask). Leftovers of killed runs beside a target are removed the next time
it is written. The roster itself is created 0600 by :mod:`volctl.db`; the error log is appended
to with :func:`append_text`.
"""

from __future__ import annotations

import contextlib
import os
import stat
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import IO

from volctl.errors import InvalidInput, Where, file_error

PRIVATE_MODE = 0o600
# Files SQLite may leave beside a database it was writing (a backup's temporary copy).
_SIDECARS = ("-journal", "-wal", "-shm")


def temporary(path: Path) -> Path:
    """The temporary name a file is written under before it becomes ``path``."""
    return path.with_name(f".{path.name}.{os.getpid()}.tmp")


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:  # another user's process: alive, not ours to judge
        return True
    return True


def clean_leftovers(path: Path) -> list[Path]:
    """Remove what killed runs left beside ``path``: ``.NAME.<pid>.tmp`` files (and SQLite's
    journals beside them) whose process is gone, and the older ``.NAME.tmp``. Returns them."""
    prefix = f".{path.name}."
    removed: list[Path] = []
    try:
        entries = list(os.scandir(path.parent))
    except OSError:
        return removed
    for entry in entries:
        name = entry.name
        if not name.startswith(prefix):
            continue
        rest = name[len(prefix) :]
        for sidecar in _SIDECARS:
            rest = rest.removesuffix(sidecar)
        if rest == "tmp":
            stale = True
        elif rest.endswith(".tmp") and rest[:-4].isdigit():
            stale = not _alive(int(rest[:-4]))
        else:
            continue
        if stale and entry.is_file(follow_symlinks=False):
            with contextlib.suppress(OSError):
                os.unlink(entry.path)
                removed.append(Path(entry.path))
    return removed


def check_target(path: Path, *, overwrite: bool = True, where: Where | None = None) -> None:
    """Refuse, before any work, a target that cannot be written: a folder, a missing folder,
    something that is not a regular file, or (``overwrite=False``) a file already there."""
    field = where or Where(field="output")
    if not path.parent.is_dir():
        raise InvalidInput("output.no_folder", where=field, folder=str(path.parent))
    if path.is_dir():
        raise InvalidInput("output.is_folder", where=field, path=str(path))
    with contextlib.suppress(OSError):
        mode = path.stat().st_mode
        if not stat.S_ISREG(mode):
            raise InvalidInput("output.not_regular", where=field, path=str(path))
    if not overwrite and (path.exists() or path.is_symlink()):
        raise InvalidInput("output.exists", hint="hint.output_exists", where=field, path=str(path))


@contextlib.contextmanager
def replacing(
    path: Path,
    *,
    private: bool = True,
    overwrite: bool = True,
    error: str = "output.cannot_write",
    hint: str | None = None,
    where: Where | None = None,
    before_rename: Callable[[], None] | None = None,
) -> Iterator[Path]:
    """Yield a temporary path, created empty (0600 when ``private``), for the caller to fill;
    rename it over ``path`` when the block ends without error, else remove it.

    ``overwrite=False`` refuses an existing target (checked again at the rename, which then
    uses a hard link so that a file created meanwhile is never replaced). ``before_rename``
    runs just before the rename (to record the file in the audit log in the same breath). An
    ``OSError`` becomes ``error`` naming ``path`` (not the temporary name)."""
    check_target(path, overwrite=overwrite, where=where)
    clean_leftovers(path)
    tmp = temporary(path)
    try:
        tmp.unlink(missing_ok=True)
        fd = os.open(tmp, os.O_CREAT | os.O_EXCL | os.O_WRONLY, PRIVATE_MODE if private else 0o666)
        os.close(fd)
    except OSError as exc:
        raise file_error(exc, path, error, hint=hint, where=where) from None
    try:
        yield tmp
        if private:
            os.chmod(tmp, PRIVATE_MODE)  # a writer that recreated the file got the umask's mode
        if before_rename is not None:
            before_rename()
        if overwrite:
            os.replace(tmp, path)
        else:
            _publish_new(tmp, path)
    except BaseException as exc:
        for leftover in (tmp, *(tmp.with_name(tmp.name + s) for s in _SIDECARS)):
            with contextlib.suppress(OSError):
                leftover.unlink(missing_ok=True)
        if isinstance(exc, FileExistsError) and not overwrite:
            raise InvalidInput(
                "output.exists",
                hint="hint.output_exists",
                where=where or Where(field="output"),
                path=str(path),
            ) from None
        if isinstance(exc, OSError):
            raise file_error(exc, path, error, hint=hint, where=where) from None
        raise


def _publish_new(tmp: Path, path: Path) -> None:
    """Rename ``tmp`` to ``path`` unless ``path`` appeared meanwhile (``FileExistsError``). A hard
    link makes the check and the rename one step; where the file system has no hard links (a
    FAT-formatted USB stick) the check comes just before the rename."""
    try:
        os.link(tmp, path)
    except FileExistsError:
        raise
    except OSError:
        if path.exists() or path.is_symlink():
            raise FileExistsError(str(path)) from None
        os.replace(tmp, path)
    else:
        tmp.unlink()


@contextlib.contextmanager
def open_binary(path: Path, **options: object) -> Iterator[IO[bytes]]:
    """:func:`replacing` with the temporary file open for writing bytes."""
    with replacing(path, **options) as tmp, open(tmp, "wb") as handle:  # type: ignore[arg-type]
        yield handle


@contextlib.contextmanager
def open_text(path: Path, *, encoding: str = "utf-8", **options: object) -> Iterator[IO[str]]:
    """:func:`replacing` with the temporary file open for writing text (no newline
    translation: the caller writes the line ends it means)."""
    with (
        replacing(path, **options) as tmp,  # type: ignore[arg-type]
        open(tmp, "w", encoding=encoding, newline="") as handle,
    ):
        yield handle


def scratch() -> IO[bytes]:
    """A nameless owner-only temporary file for work in progress (a bundle being encrypted
    or decrypted): no other process can open it by name, and it is gone when closed or when
    volctl is killed."""
    import tempfile

    return tempfile.TemporaryFile(mode="w+b")


def write_text(path: Path, text: str, *, encoding: str = "utf-8", private: bool = True) -> None:
    """Write ``text`` to ``path`` whole or not at all."""
    with open_text(path, encoding=encoding, private=private) as handle:
        handle.write(text)


def append_text(path: Path, text: str) -> None:
    """Add ``text`` at the end of a log file (the error log), created readable by its owner
    only; one left wider by an older version is narrowed. Not a regular file: left alone."""
    fd = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, PRIVATE_MODE)
    with os.fdopen(fd, "a", encoding="utf-8") as handle:
        info = os.fstat(fd)
        if stat.S_ISREG(info.st_mode) and info.st_mode & 0o077 and info.st_uid == os.getuid():
            os.fchmod(fd, PRIVATE_MODE)
        handle.write(text)


def text_encoding(path: Path) -> str:
    """CSV for Excel carries a byte-order mark (else Excel reads UTF-8 as the local code page)."""
    return "utf-8-sig" if path.suffix.lower() == ".csv" else "utf-8"
