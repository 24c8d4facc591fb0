"""What every command module shares, by the names it has always had here: each lives in the
module of its concept, and new code imports it from there.

- ``cli.state``: the command's global options and the roster it opened (``STATE``, ``roster``);
- ``cli.options``: the shared options and how their values are read;
- ``cli.output``: the output layer (``emit``, ``emit_report``, ``show_view``…);
- ``cli.messages``: ``notice``, ``warn`` and ``confirm``;
- ``cli.guard``: the error guard (``command``, ``guard``, ``fail``);
- ``cli.classes``: the Click classes of commands and groups (``group``);
- ``cli.code_lists``: the clerk-extendable lists (``show_code_list``).
"""

from __future__ import annotations

from volctl.cli.classes import (
    NEVER_SUGGESTED,
    LocalHelp,
    VolctlCommand,
    VolctlGroup,
    group,
    halfwidth_strip,
    plain_numbers,
)
from volctl.cli.code_lists import show_code_list
from volctl.cli.guard import command, fail, first_sentence, guard
from volctl.cli.messages import confirm, notice, warn
from volctl.cli.options import (
    LISTS,
    DbOption,
    ForceOption,
    FormatOption,
    FromOption,
    NoPagerOption,
    OutputOption,
    ShowPiiOption,
    ToOption,
    check_output,
    choices,
    output_options,
    parse_choice,
    parse_day_option,
    year_option,
)
from volctl.cli.output import (
    DATA_FORMATS,
    LABEL_PREFIXES,
    at_terminal,
    emit,
    emit_report,
    header_labels,
    limited,
    named,
    output_format,
    print_view,
    show_view,
    write_data,
    write_text_output,
    writing_stdout,
)
from volctl.cli.state import STATE, State, close_connections, default_dir, location, roster

__all__ = [
    "DATA_FORMATS",
    "LABEL_PREFIXES",
    "LISTS",
    "NEVER_SUGGESTED",
    "STATE",
    "DbOption",
    "ForceOption",
    "FormatOption",
    "FromOption",
    "LocalHelp",
    "NoPagerOption",
    "OutputOption",
    "ShowPiiOption",
    "State",
    "ToOption",
    "VolctlCommand",
    "VolctlGroup",
    "at_terminal",
    "check_output",
    "choices",
    "close_connections",
    "command",
    "confirm",
    "default_dir",
    "emit",
    "emit_report",
    "fail",
    "first_sentence",
    "group",
    "guard",
    "halfwidth_strip",
    "header_labels",
    "limited",
    "location",
    "named",
    "notice",
    "output_format",
    "output_options",
    "parse_choice",
    "parse_day_option",
    "plain_numbers",
    "print_view",
    "roster",
    "show_code_list",
    "show_view",
    "warn",
    "write_data",
    "write_text_output",
    "writing_stdout",
    "year_option",
]
