"""The error guard: ``command()`` registers a function under a group with translated help and
wraps it so that any error becomes one clear message on stderr with its exit code; no traceback
reaches the clerk."""

from __future__ import annotations

import functools
import sys
import traceback
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import typer

from volctl.cli.classes import VolctlCommand
from volctl.cli.localise import say, sentence_end
from volctl.cli.messages import notice
from volctl.cli.options import LISTS, output_options, prepare_output
from volctl.cli.state import STATE, close_connections, default_dir, location
from volctl.errors import (
    EXIT_INTERNAL,
    EXIT_INTERRUPTED,
    EXIT_NEEDS_CONFIRMATION,
    InvalidInput,
    RosterError,
    VolctlError,
    file_error,
    os_reason,
)
from volctl.i18n import t

F = TypeVar("F", bound=Callable[..., Any])


def fail(error: VolctlError) -> typer.Exit:
    say(error.message(), t("error.prefix"))
    hint = error.hint_text()
    if hint:
        say(hint, t("hint.prefix"))
    return typer.Exit(error.exit_code)


def _log_internal_error() -> Path | None:
    """Keep the traceback for the developers in a file; the clerk sees one sentence."""
    try:
        folder = default_dir()
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        path = folder / "error.log"
        from volctl import files

        files.append_text(path, f"--- volctl {' '.join(sys.argv[1:2])}\n{traceback.format_exc()}")
        return path
    except OSError:
        return None


def _stored_value() -> VolctlError | None:
    """A command that stopped at a value stored in the roster that volctl refuses (left by an
    older version, or written around volctl) names that value and its record."""
    if not STATE.connections:
        return None
    from volctl.validation import described, first_stored

    found = first_stored(STATE.connections[0])
    if found is None:
        return None
    return RosterError("stored.invalid_value", hint="hint.stored_invalid_value", **described(found))


def _sqlite_error() -> Any:
    """SQLite's errors, for the ``except`` clause that catches them (evaluated only when an
    exception reaches it). None can be raised before ``sqlite3`` is imported, so this module
    does not import it: every command, ``--help`` too, would pay ~1 ms for it."""
    sqlite3 = sys.modules.get("sqlite3")
    return sqlite3.Error if sqlite3 is not None else ()


def guard(command_name: str) -> Callable[[F], F]:
    """Run a command with the audit context set and every failure turned into a message."""

    def decorate(fn: F) -> F:
        @functools.wraps(fn)
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            from volctl import audit, db

            audit.set_context(command=f"volctl {command_name}", operator=STATE.operator)
            db.forget_saved()
            try:
                prepare_output(kwargs, rows=getattr(wrapper, "writes_rows", False))
                return fn(*args, **kwargs)
            except typer.Exit:
                raise
            except VolctlError as exc:
                raise fail(exc) from None
            except _sqlite_error() as exc:
                from volctl.db import translate_sqlite_error

                raise fail(translate_sqlite_error(exc, location().path)) from None
            except typer.Abort:
                # Ctrl-C or Ctrl-D at a "continue?" question, or no terminal to ask on.
                if sys.stdin.isatty():
                    notice(t("interrupted.saved" if db.changes_saved() else "interrupted"))
                    raise typer.Exit(EXIT_INTERRUPTED) from None
                say(t("needs_confirmation"), t("error.prefix"))
                raise typer.Exit(EXIT_NEEDS_CONFIRMATION) from None
            except KeyboardInterrupt:
                # What is true: before the roster saved a change, nothing changed; after, it is
                # done, whatever was still to come (a file, the summary on screen).
                notice(t("interrupted.saved" if db.changes_saved() else "interrupted"))
                raise typer.Exit(EXIT_INTERRUPTED) from None
            except OverflowError:
                raise fail(InvalidInput("reason.number_too_large")) from None
            except OSError as exc:
                # A file the command did not name itself: the system's name for it, if any.
                named = exc.filename or exc.filename2
                if named is None:
                    raise fail(RosterError("os_error.unnamed", reason=os_reason(exc))) from None
                raise fail(file_error(exc, named, "os_error", error=RosterError)) from None
            except Exception:
                log = _log_internal_error()
                stored = _stored_value()
                if stored is not None:
                    raise fail(stored) from None
                say(t("internal_error", log=str(log or "-")), t("error.prefix"))
                raise typer.Exit(EXIT_INTERNAL) from None
            except BaseException as exc:
                if type(exc).__name__ != "PanicException":  # a Rust library's panic
                    raise
                log = _log_internal_error()
                say(t("internal_error", log=str(log or "-")), t("error.prefix"))
                raise typer.Exit(EXIT_INTERNAL) from None
            finally:
                STATE.target = STATE.limit = None
                STATE.header = "labels"
                close_connections()

        return wrapper  # type: ignore[return-value]

    return decorate


def command(app: typer.Typer, name: str, help_key: str) -> Callable[[F], F]:
    """Register ``fn`` as ``volctl [group] name`` with translated help and the error guard."""
    full = f"{app.info.name} {name}" if isinstance(app.info.name, str) else name

    def decorate(fn: F) -> F:
        guarded = guard(full)(fn)
        output_options(guarded, fn, listing=name in LISTS or full in LISTS)
        text = t(help_key)
        app.command(name, help=text, short_help=first_sentence(text), cls=VolctlCommand)(guarded)
        return guarded

    return decorate


def first_sentence(text: str) -> str:
    """A command's line in its group's listing: Click cuts Chinese (no ". ") to "..."."""
    if "。" in text:
        return text.split("。", 1)[0] + "。"
    text = text.strip()
    return text[: sentence_end(text)].rstrip(".") + "."
