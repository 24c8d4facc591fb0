"""volctl export bundle: one roster, self-describing, for the level above.

``attach(group)`` registers ``bundle`` on the ``export`` group (``volctl.cli.export`` calls it),
keeping the bundle code apart from the forms and certificates.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any, Optional

import typer

from volctl.cli.guard import command
from volctl.cli.messages import notice, warn
from volctl.cli.options import ForceOption, FormatOption, check_output
from volctl.cli.output import emit
from volctl.cli.state import roster
from volctl.dates import clock
from volctl.i18n import join_list, t
from volctl.render import Format


def summary(manifest: dict[str, Any], path: Path) -> dict[str, Any]:
    """The documented JSON shape of a written bundle."""
    from volctl.merge.bundle import counts

    org = manifest["organisation"]
    return {
        "file": str(path),
        "bytes": path.stat().st_size,
        "content_hash": manifest["content_hash"],
        "org_name": org["org_name"],
        "region_code": org["region_code"] or None,
        "roster_uid": manifest["roster_uid"],
        "exported_at": manifest["exported_at"],
        "schema_version": manifest["schema_version"],
        "volctl_version": manifest["volctl_version"],
        "with_beneficiaries": manifest["with_beneficiaries"],
        "includes": len(manifest["includes"]),
        "counts": counts(manifest),
        "signed_by": manifest["signed_by"],
        "encrypted_to": manifest["encrypted_to"],
    }


def attach(export: typer.Typer) -> None:
    """Register ``bundle`` on the ``export`` group."""

    @command(export, "bundle", "help.export.bundle")
    def bundle_cmd(
        output: Annotated[
            Path,
            typer.Option(
                "--output", "-o", callback=check_output, metavar="FILE", help=t("opt.bundle_output")
            ),
        ],
        with_beneficiaries: Annotated[
            bool, typer.Option("--with-beneficiaries", help=t("opt.bundle_beneficiaries"))
        ] = False,
        to: Annotated[
            Optional[str],
            typer.Option("--to", metavar="NAME|PUBLIC-KEY", help=t("opt.bundle_to")),
        ] = None,
        force: ForceOption = False,
        fmt: FormatOption = Format.table,
    ) -> None:
        from volctl.merge import bundle

        conn = roster()
        manifest = bundle.write(
            conn, output, with_beneficiaries=with_beneficiaries, force=force, to=to
        )
        if manifest["keys_created"]:
            notice(t("keys.made_for_bundle", fingerprint=manifest["signed_by"]))
            notice(t("keys.made_next"))
        data = summary(manifest, output)
        if fmt is Format.table:
            sent_to = data.pop("encrypted_to")
            data["encrypted_to"] = (
                t("bundle.not_encrypted_short")
                if sent_to is None
                else (sent_to["name"] or sent_to["fingerprint"] or t("bundle.age_recipient"))
            )
            counts = data.pop("counts")
            data["counts"] = join_list(f"{t('bundle.part_' + k)} {v}" for k, v in counts.items())
            data["content_hash"] = data["content_hash"][:16]
            data["exported_at"] = clock(data["exported_at"])
            data["with_beneficiaries"] = t(
                "bundle.yes" if data["with_beneficiaries"] else "bundle.no"
            )
            labels = {key: t(f"bundle.field_{key}") for key in data}
            emit(data, fmt, labels=labels, title=t("bundle.written_title"))
        else:
            emit(data, fmt)
        receiver = manifest["encrypted_to"]
        if receiver is None:
            notice(t("bundle.personal_data", path=str(output)))
            warn(t("bundle.not_encrypted"))
        else:
            name = receiver["name"] or receiver["fingerprint"] or t("bundle.age_recipient")
            notice(t("bundle.encrypted_for", path=str(output), name=name))
        if not with_beneficiaries:
            notice(t("bundle.beneficiaries_as_counts"))
