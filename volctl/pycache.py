"""Data kept beside Python's bytecode (``__pycache__``), as Python keeps compiled modules.

What a command would otherwise rebuild on every run from modules or libraries that rarely
change (the message catalogue, python-stdnum's region table) is kept in a file holding
``(version, stamps, payload)``: the stamps say what it was made from (each file's name or path,
modification time and size), and a reader gets the payload only while the version and the
stamps are the ones it expects. Never required: a missing, stale, damaged or unwritable file
means the data is made again from its sources. No one's data is kept here, so these files are
written directly (a temporary name, then a rename, so a reader never sees half a file), not
through ``volctl.files``. Imports nothing of volctl: the message catalogue uses it.
"""

import os
import sys
from typing import Any


def beside(folder: str, name: str) -> str | None:
    """``folder/__pycache__/name``, ``{tag}`` in ``name`` replaced by the interpreter's cache
    tag (cpython-311); None where Python keeps no bytecode beside the modules."""
    tag = sys.implementation.cache_tag
    if tag is None or sys.pycache_prefix:
        return None
    return os.path.join(folder, "__pycache__", name.format(tag=tag))


def read(path: str | None, version: int, stamps: Any) -> Any:
    """The payload kept at ``path`` if it was kept by ``version`` from ``stamps``, else None."""
    if path is None:
        return None
    import marshal

    try:
        with open(path, "rb") as f:
            kept_version, kept_stamps, payload = marshal.loads(f.read())
    except (OSError, ValueError, EOFError, TypeError):
        return None
    if kept_version != version or kept_stamps != stamps:
        return None
    return payload


def write(path: str | None, version: int, stamps: Any, payload: Any) -> None:
    """Keep ``payload`` for the next command (not when Python is told to write no bytecode);
    a folder that cannot be written leaves things as they were."""
    if path is None or sys.dont_write_bytecode:
        return
    import contextlib
    import marshal

    tmp = f"{path}.{os.getpid()}.tmp"
    try:
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(tmp, "wb") as out:
            out.write(marshal.dumps((version, stamps, payload)))
        os.replace(tmp, path)
    except Exception:  # a cache: made again from its sources next time
        with contextlib.suppress(OSError):
            os.unlink(tmp)
