"""The command line: a thin ring around the domain.

``main`` picks the interface language before the command modules are imported (their help
texts are looked up at import), then runs the Typer app assembled in ``volctl.cli.app``.
"""

import os
import sys

# Shell completion (``volctl.cli.completion``): the options that ask for its script, and the
# variable set when the shell asks for completions. Here, so that a run that wants neither
# does not import that module.
COMPLETION_OPTIONS = ("--install-completion", "--show-completion")
COMPLETE_VAR = "_VOLCTL_COMPLETE"


def main() -> None:
    from volctl import i18n

    i18n.set_lang(i18n.detect(sys.argv[1:]))
    from volctl.cli.app import app

    if os.environ.get(COMPLETE_VAR):  # the shell asks for completions
        from volctl.cli.completion import prepare

        prepare()

    app(prog_name="volctl")
