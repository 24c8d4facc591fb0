"""Assembles the command tree.

Command groups are loaded lazily: ``volctl --help`` lists them from ``GROUPS`` without
importing their modules, and ``volctl register …`` imports only ``volctl.cli.register``.
Building every group's options up front would cost start-up time on every command.
"""

import importlib
import inspect
from pathlib import Path
from typing import Any

import typer
import typer.main

from volctl import __version__
from volctl.cli import COMPLETION_OPTIONS, localise
from volctl.cli.classes import VolctlCommand, VolctlGroup
from volctl.cli.localise import sentence_end
from volctl.cli.state import STATE
from volctl.i18n import detect, language, set_lang, t

localise.install()

# Command group -> (module defining ``app``, help key). The order is the order of --help.
GROUPS: dict[str, tuple[str, str]] = {
    "register": ("volctl.cli.register", "help.register"),
    "team": ("volctl.cli.team", "help.team"),
    "activity": ("volctl.cli.activity", "help.activity"),
    "recipient": ("volctl.cli.recipient", "help.recipient"),
    "training": ("volctl.cli.training", "help.training"),
    "insurance": ("volctl.cli.insurance", "help.insurance"),
    "commend": ("volctl.cli.commend", "help.commend"),
    "log-hours": ("volctl.cli.hours", "help.hours"),
    "report": ("volctl.cli.report", "help.report"),
    "export": ("volctl.cli.export", "help.export"),
    "source": ("volctl.cli.source", "help.source"),
    "keys": ("volctl.cli.keys", "help.keys"),
}


# The root's own commands -> (module whose ``attach`` registers it, help key), in the order of
# --help. Like the groups, a root command's module is imported only when it runs (the root
# lists the others from here): Typer would build every registered command's options on each
# run, and importing the four modules costs every command ~2 ms. tests/test_startup.py holds
# this table to what the modules register.
ROOT: dict[str, tuple[str, str]] = {
    "init": ("volctl.cli.setup", "help.init"),
    "info": ("volctl.cli.setup", "help.info"),
    "settings": ("volctl.cli.setup", "help.settings"),
    "demo": ("volctl.cli.setup", "help.demo"),
    "status": ("volctl.cli.status", "help.status"),
    "backup": ("volctl.cli.safety", "help.backup"),
    "restore": ("volctl.cli.safety", "help.restore"),
    "check": ("volctl.cli.safety", "help.check"),
    "audit": ("volctl.cli.safety", "help.audit"),
    "merge": ("volctl.cli.merge", "help.merge"),
}


def _new_typer() -> typer.Typer:
    return typer.Typer(rich_markup_mode=None, add_completion=False, pretty_exceptions_enable=False)


def _build_one(info: Any) -> Any:
    """A command registered on a Typer app, built alone (Typer builds all of an app's)."""
    single = _new_typer()
    single.registered_commands.append(info)
    return typer.main.get_command(single)


def attached(module_name: str) -> typer.Typer:
    """The root commands the module ``module_name`` registers (its ``attach``), on an app of
    their own."""
    top = _new_typer()
    importlib.import_module(module_name).attach(top)
    return top


def _top_command(name: str) -> Any:
    """The root command ``name``, imported and built alone; None if there is none."""
    if name not in ROOT:
        return None
    for info in attached(ROOT[name][0]).registered_commands:
        if info.name == name:
            return _build_one(info)
    return None


class LazyGroup(VolctlGroup):
    """A command group (``volctl register``) whose commands are built when one is run or its
    help is shown: building a command evaluates each of its options' annotations, and a
    group's dozen commands cost a run of one of them ~10 ms."""

    lazy: list[Any]

    def list_commands(self, ctx: Any) -> list[str]:
        return [*super().list_commands(ctx), *(info.name for info in self.lazy)]

    def get_command(self, ctx: Any, name: str) -> Any:
        found = super().get_command(ctx, name)
        if found is None:
            for info in self.lazy:
                if info.name == name:
                    return _build_one(info)
        return found

    def format_commands(self, ctx: Any, formatter: Any) -> None:
        """As Click lists commands, from what each registered (its short help)."""
        rows = [
            (info.name, inspect.cleandoc(info.short_help).strip())
            for info in self.lazy
            if not info.hidden
        ]
        if rows:
            with formatter.section(t("click.commands")):
                formatter.write_dl(rows)


def _group(sub: typer.Typer) -> Any:
    """The command group of ``sub``, its commands left to build when needed (``LazyGroup``);
    built whole by Typer where a command is not one ``guard.command`` registered."""
    lazy = list(sub.registered_commands)
    plain = all(
        isinstance(i.name, str) and i.short_help and not i.deprecated and i.cls is VolctlCommand
        for i in lazy
    )
    if not plain or sub.registered_groups:
        return typer.main.get_command(sub)
    sub.registered_commands = []
    try:
        group = typer.main.get_group(sub)
    finally:
        sub.registered_commands = lazy
    if type(group) is not VolctlGroup:
        return typer.main.get_command(sub)
    group.__class__ = LazyGroup
    group.lazy = lazy
    return group


class RootGroup(VolctlGroup):
    """The root command: its own commands plus the lazily loaded groups."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.params.extend(root_params())

    def parse_args(self, ctx: Any, args: list[str]) -> list[str]:
        if any(arg in COMPLETION_OPTIONS for arg in args):
            from volctl.cli.completion import requested

            asked = requested(args)
            if asked is not None:
                _completion(*asked)
        result: list[str] = super().parse_args(ctx, args)
        return result

    def list_commands(self, ctx: Any) -> list[str]:
        return [*super().list_commands(ctx), *ROOT, *GROUPS]

    def get_command(self, ctx: Any, name: str) -> Any:
        if name in GROUPS:
            module = importlib.import_module(GROUPS[name][0])
            return _group(module.app)
        return super().get_command(ctx, name) or _top_command(name)

    def format_commands(self, ctx: Any, formatter: Any) -> None:
        rows = [
            (name, _short(command.help or ""))
            for name, command in (
                (n, super(RootGroup, self).get_command(ctx, n)) for n in super().list_commands(ctx)
            )
            if command is not None and not command.hidden
        ]
        rows += [(name, _short(t(help_key))) for name, (_module, help_key) in ROOT.items()]
        rows += [(name, _short(t(help_key))) for name, (_module, help_key) in GROUPS.items()]
        with formatter.section(t("click.commands")):
            formatter.write_dl(rows)


def _completion(option: str, shell: str | None) -> None:
    """``--show-completion`` / ``--install-completion [SHELL]``: done before any command."""
    from volctl.cli import completion
    from volctl.cli.guard import fail
    from volctl.errors import InvalidInput

    shell = shell or completion.detect()
    if shell not in completion.SHELLS:
        raise fail(
            InvalidInput(
                "completion.shell_unknown",
                shell=shell or "?",
                shells=", ".join(completion.SHELLS),
            )
        )
    if option == "--show-completion":
        typer.echo(completion.script(shell))
    else:
        path = completion.install(shell)
        typer.echo(t("completion.installed", shell=shell, path=str(path)), err=True)
    raise typer.Exit()


def _short(text: str) -> str:
    r"""The first sentence of a help text, for the list of commands: up to the first "。" or
    the first "." before a space (as ``re.split(r"(?<=。)|(?<=\.)\s", text)[0]``, without
    compiling a pattern on every run)."""
    text = text.strip()
    end = text.find("。") + 1 or len(text)
    return text[: min(end, sentence_end(text))].strip()


app = typer.Typer(
    help=t("help.app"),
    cls=RootGroup,
    no_args_is_help=True,
    rich_markup_mode=None,
    add_completion=False,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"volctl {__version__}")
        raise typer.Exit()


def _lang(value: str | None) -> str | None:
    """zh in any spelling (zh_CN, zh-Hans, zh_TW…) is Chinese, anything else English: the
    rule ``$VOLCTL_LANG`` and the locale follow too (``i18n.language``)."""
    if value is None or not value.strip():
        return None
    return language(value)


# The root's options as Typer makes them from the parameters of a callback declared
#     db: DbOption = None,
#     lang: Annotated[str | None, typer.Option("--lang", metavar="zh|en", help=…,
#                                              callback=_lang)] = None,
#     operator: Annotated[str | None, typer.Option("--operator", metavar="NAME", help=…)] = None,
#     version: Annotated[bool, typer.Option("--version", help=…, callback=_version,
#                                           is_eager=True)] = False,
#     no_pager: NoPagerOption = False,
#     install_completion / show_completion: Annotated[bool, typer.Option(NAME,
#         metavar="[bash|zsh|fish]", help=…, expose_value=False)] = False,
# made directly (tests/test_startup.py holds them to what Typer makes of that): Typer's
# building them from a signature, on every run, --help too, cost ~0.5 M instructions each.
# Each keeps its value for ``main_options`` (``ROOT_GIVEN``) instead of passing it to it.
ROOT_GIVEN = "volctl.root_options"
ROOT_OPTIONS: dict[str, dict[str, Any]] = {
    "db": {"decls": ["--db"], "metavar": "PATH", "help": "opt.db", "show_default": False},
    "lang": {"decls": ["--lang"], "metavar": "zh|en", "help": "opt.lang"},
    "operator": {"decls": ["--operator"], "metavar": "NAME", "help": "opt.operator"},
    "version": {"decls": ["--version"], "help": "opt.version", "flag": True, "is_eager": True},
    "no_pager": {"decls": ["--no-pager"], "help": "opt.no_pager", "flag": True},
    "install_completion": {
        "decls": ["--install-completion"],
        "metavar": "[bash|zsh|fish]",
        "help": "opt.install_completion",
        "flag": True,
        "kept": False,
    },
    "show_completion": {
        "decls": ["--show-completion"],
        "metavar": "[bash|zsh|fish]",
        "help": "opt.show_completion",
        "flag": True,
        "kept": False,
    },
}


def _keep(name: str) -> Any:
    """The Click callback of the root option ``name``: its value, as Typer would pass it to
    the root's callback (``--db`` a Path, ``--lang`` through ``_lang``; ``--version`` prints
    and exits), kept in the context's ``meta`` for ``main_options``."""

    def keep(ctx: Any, param: Any, value: Any) -> Any:
        if name == "version":
            _version(value)
        elif name == "lang":
            value = _lang(value)
        elif name == "db" and value is not None and not isinstance(value, Path):
            value = Path(value)
        ctx.meta.setdefault(ROOT_GIVEN, {})[name] = value
        return value

    return keep


def root_params() -> list[Any]:
    """The root's options (``ROOT_OPTIONS``), as Typer makes them but keeping their values."""
    from typer.core import TyperOption
    from typer.models import TyperPath

    made = []
    for name, spec in ROOT_OPTIONS.items():
        flag = spec.get("flag", False)
        kept = spec.get("kept", True)
        made.append(
            TyperOption(
                param_decls=[name, *spec["decls"]],
                show_default=spec.get("show_default", True),
                prompt=False,
                confirmation_prompt=False,
                prompt_required=True,
                hide_input=False,
                is_flag=flag,
                multiple=False,
                count=False,
                allow_from_autoenv=True,
                type=TyperPath() if name == "db" else None,
                help=t(spec["help"]),
                hidden=False,
                show_choices=True,
                show_envvar=True,
                required=False,
                default=False if flag else None,
                callback=_keep(name) if kept else None,
                metavar=spec.get("metavar"),
                expose_value=False,
                is_eager=spec.get("is_eager", False),
                envvar=None,
                shell_complete=None,
                rich_help_panel=None,
            )
        )
    return made


@app.callback()
def main_options() -> None:
    """The root's options (``root_params``), applied before the command runs."""
    import os

    from typer._click.globals import get_current_context

    given = get_current_context().meta.get(ROOT_GIVEN, {})
    STATE.pager = not given.get("no_pager", False)
    STATE.db = given.get("db")
    STATE.operator = given.get("operator") or os.environ.get("VOLCTL_OPERATOR") or None
    set_lang(given.get("lang") or detect([]))
    if STATE.operator is not None and not STATE.operator.isprintable():
        # Bytes that are not UTF-8 (kept by Python as lone surrogates) could not be stored in
        # the audit log; a control character would not show in it.
        from typer._click.exceptions import BadParameter

        hint = "--operator" if given.get("operator") else "$VOLCTL_OPERATOR"
        raise BadParameter(t("reason.operator_unreadable"), param_hint=hint)
