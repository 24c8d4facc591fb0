"""The command line: a thin ring around the domain.

``main`` picks the interface language before the command modules are imported (their help
texts are looked up at import), then runs the Typer app assembled in ``volctl.cli.app``.
"""

from __future__ import annotations

import sys


def main() -> None:
    from volctl import i18n

    i18n.set_lang(i18n.detect(sys.argv[1:]))
    from volctl.cli.app import app
    from volctl.cli.completion import prepare

    prepare()  # only when the shell asks for completions

    app(prog_name="volctl")
