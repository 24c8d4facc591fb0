"""Errors as data: each class carries its exit code; the CLI turns them into one message.

The domain raises these with a message key and parameters; it never prints. ``where``
(file, row, field) tells the clerk exactly which cell or option is wrong.
"""

import errno
from typing import NamedTuple


class Where(NamedTuple):
    """Where bad input came from: an option or a cell of a file.

    ``field`` is the roster's field code (``field.<code>`` labels it); ``column`` is the
    header of the sheet column the value came from, shown instead when given. (A NamedTuple,
    not a dataclass: every command imports this module, and a dataclass with the module it
    needs costs each ~2 ms at start-up; a changed copy is ``where._replace(row=…)``.)
    """

    field: str | None = None
    file: str | None = None
    row: int | None = None
    column: str | None = None


class VolctlError(Exception):
    """Base class: a message key, its parameters, an optional hint key and a location."""

    exit_code = 1

    def __init__(
        self,
        key: str,
        /,
        *,
        hint: str | None = None,
        where: Where | None = None,
        **params: object,
    ) -> None:
        super().__init__(key)
        self.key = key
        # The stable reason code, set when two messages share one (else taken from the key).
        self.code: str | None = None
        self.hint = hint
        self.where = where
        self.params = params

    def __str__(self) -> str:
        return self.message()

    def message(self) -> str:
        from volctl.i18n import t
        from volctl.masking import mask_in_text

        # Messages never show a personal number in full, whatever the value typed was.
        params = {k: mask_in_text(v) if isinstance(v, str) else v for k, v in self.params.items()}
        text = t(self.key, **params)
        if self.where is not None:
            text = f"{describe_where(self.where)}{text}"
        return text

    def hint_text(self) -> str | None:
        from volctl.i18n import t

        return t(self.hint, **self.params) if self.hint else None


def describe_where(where: Where) -> str:
    from volctl.i18n import t

    parts = []
    if where.file:
        parts.append(t("where.file", file=where.file))
    if where.row is not None:
        parts.append(t("where.row", row=where.row))
    if where.column:
        parts.append(t("where.column", column=where.column))
    elif where.field:
        parts.append(t("where.field", field=t(f"field.{where.field}")))
    return t("where.join").join(parts) + t("where.end") if parts else ""


class InvalidInput(VolctlError):
    """A value the clerk typed or a file held is not acceptable."""

    exit_code = 3


class NotFound(VolctlError):
    exit_code = 4


class Conflict(VolctlError):
    """The input is well formed but breaks a rule of the roster (a duplicate, an ambiguity)."""

    exit_code = 5


class RosterError(VolctlError):
    """The roster file itself: missing, foreign, newer, corrupt, locked, read-only."""

    exit_code = 6


# Interrupted (Ctrl-C), or a "continue?" question answered no: nothing was changed.
EXIT_INTERRUPTED = 130
EXIT_CANCELLED = EXIT_INTERRUPTED
# A command that asks before changing the roster, with no terminal to ask on and no --yes:
# like a usage error, the command line needs another option.
EXIT_NEEDS_CONFIRMATION = 2
EXIT_INTERNAL = 70


# The system's words for the faults a clerk meets, in the interface language (``strerror`` is
# English whatever the language, and empty for an error raised without one).
_OS_REASONS = {
    errno.ENOSPC: "os.disk_full",
    errno.EDQUOT: "os.disk_full",
    errno.EROFS: "os.read_only",
    errno.EACCES: "os.denied",
    errno.EPERM: "os.denied",
    errno.ENOENT: "os.missing",
}


def os_reason(exc: OSError) -> str:
    """Why an operating-system call failed, for the ``{reason}`` of a message."""
    from volctl.i18n import t

    key = _OS_REASONS.get(exc.errno or 0)
    if key is not None:
        return t(key)
    return exc.strerror or str(exc) or type(exc).__name__


def file_error(
    exc: OSError,
    path: object,
    key: str = "output.cannot_write",
    *,
    error: type[VolctlError] = InvalidInput,
    hint: str | None = None,
    where: Where | None = None,
) -> VolctlError:
    """One message for an ``OSError`` on the file the command was working on: ``path`` names
    it (``exc.filename`` is often None, or a temporary name the clerk never chose)."""
    return error(key, hint=hint, where=where, path=str(path), reason=os_reason(exc))
