"""Guided entry: a command missing required fields asks for each at a terminal.

``register add``, ``activity add`` and ``team add`` declare their required fields as
:class:`Field` s. :func:`fill` then

- at a terminal (standard input and error both terminals, no ``--no-input``), asks for each
  missing field in turn on stderr, checking each answer at once with the same checks the
  domain applies: a wrong answer is said and asked again, a right one may show what it tells
  (an identity number: the gender and birth date it holds);
- otherwise (a script, a pipe, ``--no-input``), refuses with one message naming every missing
  field and its option, so a script is fixed in one go.

Questions go to stderr, so ``--format json`` output on stdout stays clean. Ctrl-C or Ctrl-D at
a question stops the command with the roster unchanged (the error guard says so).
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Sequence
from typing import Any, NamedTuple

import typer

from volctl.cli.localise import say
from volctl.i18n import t

# A check takes the answer and what is known so far; it returns the value to keep (as typed,
# or normalised) and a note to show, or raises ``InvalidInput``.
Check = Callable[[str, dict[str, Any]], "Answer"]


# NamedTuples, not frozen dataclasses: compiled at import by every command of a module that
# asks (register list and register --help too), a frozen dataclass costs ~3 M instructions.
class Answer(NamedTuple):
    value: Any
    note: str | None = None


class Field(NamedTuple):
    name: str  # the key in the command's values
    option: str  # the option that gives it (--name); "" for an argument
    label: str  # what the clerk calls it
    check: Check | None = None
    choices: Callable[[], Sequence[str]] | None = None  # shown with the question
    # Required only when this says so, from what is known by then (a minor's guardian, once
    # the identity number shows a child); a question that cannot tell yet is not asked.
    when: Callable[[dict[str, Any]], bool] | None = None
    # Without a terminal a conditional field is left to the domain, whose refusal says why it
    # is needed (a minor's guardian); ``False``: it is named with the other missing fields.
    domain_explains: bool = True

    def needed(self, values: dict[str, Any]) -> bool:
        if self.when is None:
            return True
        try:
            return self.when(values)
        except Exception:  # what it reads from is still missing or wrong: the domain says so
            return False

    def named(self) -> str:
        from volctl.i18n import aside

        return aside(self.label, self.option) if self.option else self.label


def interactive(no_input: bool) -> bool:
    """Whether the clerk can be asked: not told otherwise, and at a terminal."""
    return not no_input and sys.stdin.isatty() and sys.stderr.isatty()


def blank(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def fill(values: dict[str, Any], fields: Sequence[Field], *, no_input: bool) -> dict[str, Any]:
    """``values`` with every field of ``fields`` given, asking at a terminal for each one
    missing; without a terminal, ``InvalidInput`` naming all of them at once."""
    missing = [f for f in fields if f.needed(values) and blank(values.get(f.name))]
    if not missing:
        return values
    if not interactive(no_input):
        # Fields required only in some cases (a minor's guardian) are left to the domain,
        # whose refusal says why they are needed.
        missing = [f for f in missing if f.when is None or not f.domain_explains]
        if not missing:
            return values
        from volctl.errors import InvalidInput
        from volctl.i18n import join_list

        raise InvalidInput(
            "guided.missing",
            hint="hint.guided_missing",
            count=len(missing),
            fields=join_list(f.named() for f in missing),
        )
    for field in fields:  # in order: a later question may depend on an earlier answer
        if field.needed(values) and blank(values.get(field.name)):
            values[field.name] = ask(field, values).value
    return values


def ask(field: Field, values: dict[str, Any]) -> Answer:
    """Ask until the answer passes the field's check; say what is wrong each time."""
    from volctl.errors import VolctlError

    if field.choices is not None:
        from volctl.i18n import join_list

        say(t("guided.choices", choices=join_list(field.choices())))
    while True:
        raw = typer.prompt(
            field.label,
            default="",
            show_default=False,
            err=True,
            prompt_suffix=t("guided.prompt_suffix"),
        )
        text = str(raw).strip()
        if not text:
            say(t("guided.required", field=field.label), indent="  ")
            continue
        if field.check is None:
            return Answer(text)
        try:
            answer = field.check(text, values)
        except VolctlError as error:
            say(error.message(), indent="  ")
            hint = error.hint_text()
            if hint:
                say(hint, t("hint.prefix"), indent="  ")
            continue
        if answer.note:
            say(answer.note, indent="  ")
        return answer
