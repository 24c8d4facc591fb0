"""Print every command's help page as JSON, in the language of $VOLCTL_LANG (run as a script:
option help is translated when a command's module is imported, so one language a process)."""

from __future__ import annotations

import json
import os
import sys


def pages() -> dict[str, dict[str, object]]:
    import typer.main

    from volctl.cli.app import app

    root = typer.main.get_command(app)
    found: dict[str, dict[str, object]] = {}

    def walk(command: object, ctx: object, path: str) -> None:
        sub_ctx = command.make_context(  # type: ignore[attr-defined]
            path.split(" ")[-1] if path else "volctl", [], parent=ctx, resilient_parsing=True
        )
        params = command.get_params(sub_ctx)  # type: ignore[attr-defined]
        options = sorted(
            {o for p in params for o in [*p.opts, *p.secondary_opts] if o.startswith("-")}
        )
        found[path] = {
            "help": command.get_help(sub_ctx),  # type: ignore[attr-defined]
            "options": options,
            "group": hasattr(command, "list_commands"),
        }
        if hasattr(command, "list_commands"):
            for name in command.list_commands(sub_ctx):
                sub = command.get_command(sub_ctx, name)
                if sub is not None and not getattr(sub, "hidden", False):
                    walk(sub, sub_ctx, f"{path} {name}".strip())

    walk(root, None, "")
    return found


if __name__ == "__main__":
    os.environ.setdefault("COLUMNS", sys.argv[1] if len(sys.argv) > 1 else "80")
    json.dump(pages(), sys.stdout, ensure_ascii=False)
