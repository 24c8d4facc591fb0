"""``volctl merge``: bring several rosters (bundles or roster files) into this one.

Every input is opened and verified before anything is written; then all of them are merged in
one transaction: the roster ends with every source merged, or as it was. ``dry_run`` does the
whole merge and rolls it back, so what it reports is exactly what a merge would do.

A source is known by its roster's identity (``roster_uid``), not by its file name. Merging a
source again replaces its previous contribution (see ``people``, ``structure``, ``ledger``);
merging the very same content again changes nothing; an older bundle than the one merged last
is refused unless ``allow_older``. A roster already merged into another input (a community
inside its street's bundle) is refused, so nobody is counted twice.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from volctl import audit, keys
from volctl.db import transaction
from volctl.errors import Conflict, InvalidInput, NotFound, Where
from volctl.merge import bundle, content, copies, deferred, ledger, people, status, structure
from volctl.merge.context import SourceContext, State


@dataclass(frozen=True)
class Options:
    parent: str | None = None  # the team here the sources go under
    parent_level: str = "中队"  # its level, when the merge creates it
    dry_run: bool = False
    allow_older: bool = False
    with_beneficiaries: bool = False  # for roster files given directly
    accept_unsigned: bool = False  # bundles from before signatures (recorded as such)


class _DryRun(Exception):
    def __init__(self, report: dict[str, Any]) -> None:
        super().__init__("dry run")
        self.report = report


Progress = Callable[[str, dict[str, object]], None]


def merge(
    conn: sqlite3.Connection,
    paths: Sequence[Path],
    options: Options = Options(),
    *,
    today: date | None = None,
    progress: Progress | None = None,
    show_pii: bool = False,
) -> dict[str, Any]:
    """Merge the rosters at ``paths`` into ``conn``'s roster; return the report (personal
    data in its conflicts masked unless ``show_pii``)."""
    if not paths:
        raise InvalidInput("merge.no_inputs", hint="hint.merge_inputs")
    from dataclasses import replace

    from volctl.roster.teams import check_level

    options = replace(options, parent_level=check_level(options.parent_level))
    sources: list[content.Source] = []
    trust = keys.BundleTrust(conn, accept_unsigned=options.accept_unsigned)
    try:
        for path in paths:
            if progress:
                progress("merge.progress_checking", {"file": Path(path).name})
            sources.append(
                bundle.open_source(path, trust=trust, with_beneficiaries=options.with_beneficiaries)
            )
            _check_manifest(sources[-1])
        _check_inputs(conn, sources)
        try:
            with transaction(conn):
                state = State(conn, today or date.today())
                parent = _parent(conn, options, state)
                results = []
                with deferred.indexes(conn, _entries(conn, sources)):
                    for source in sources:
                        if progress:
                            progress("merge.progress_merging", {"file": Path(source.path).name})
                        results.append(_merge_source(state, source, parent, options))
                report = _report(conn, results, parent, options, show_pii)
                if options.dry_run:
                    raise _DryRun(report)
        except _DryRun as done:
            return done.report
        return report
    finally:
        for source in sources:
            source.close()


def _entries(conn: sqlite3.Connection, sources: list[content.Source]) -> int:
    """How many ledger entries the sources bring that this roster does not hold yet: what
    their manifests count, less what an earlier merge of each already copied (a street merging
    its communities again brings only their news)."""
    coming = 0
    for source in sources:
        held = conn.execute(
            "SELECT count(*) FROM source_records s JOIN merge_sources m ON m.id = s.source_id"
            " WHERE m.roster_uid = ? AND s.current = 1",
            (source.manifest.get("roster_uid"),),
        ).fetchone()[0]
        coming += max(0, bundle.counts(source.manifest).get("records", 0) - held)
    return coming


def _check_manifest(source: content.Source) -> None:
    """The manifest's own values are held to the rules too: they name the source here, its
    teams and the reasons of what its next bundle changes."""
    from volctl.text import SHORT_TEXT
    from volctl.validation import Refusal, stamp, text

    manifest, short = source.manifest, text(SHORT_TEXT)
    org = manifest.get("organisation")
    includes = manifest.get("includes") or []
    found: list[tuple[str, Any, Any]] = [
        ("roster_uid", manifest.get("roster_uid"), text(SHORT_TEXT, required=True)),
        ("exported_at", manifest.get("exported_at"), stamp()),
        ("content_hash", manifest.get("content_hash"), text(SHORT_TEXT, required=True)),
        ("org_name", org.get("org_name") if isinstance(org, dict) else org, text(SHORT_TEXT)),
    ]
    if isinstance(org, dict):
        found += [(f"organisation.{k}", v, short) for k, v in org.items()]
    if isinstance(includes, list):
        found += [
            (f"includes.{k}", v, text(SHORT_TEXT, required=k != "region_code"))
            for inner in includes
            for k, v in (inner.items() if isinstance(inner, dict) else [("roster_uid", inner)])
        ]
    else:
        found.append(("includes", includes, lambda _value: ("reason.list_invalid", {})))
    counted = manifest.get("beneficiaries") or {}
    if not isinstance(counted, dict) or not all(
        isinstance(v, dict) and all(type(n) is int for n in v.values()) for v in counted.values()
    ):
        found.append(("beneficiaries", counted, lambda _value: ("reason.list_invalid", {})))
    for key, value, check in found:
        problem = check(value)
        if problem is not None:
            raise InvalidInput(
                "merge.manifest_refused",
                hint="hint.bundle_ask_again",
                where=Where(file=Path(source.path).name, field=key, column=key),
                reason=Refusal(key, *problem).reason(),
            )


def _check_inputs(conn: sqlite3.Connection, sources: list[content.Source]) -> None:
    """Refuse what would count people twice: the same roster twice, this roster itself, a
    roster that is already inside another input or inside a source merged here."""
    own = content.roster_uid(conn)
    names: dict[str, str] = {}
    inside: dict[str, str] = {}
    for row in conn.execute("SELECT label, includes FROM merge_sources"):
        for inner in json.loads(row["includes"]):
            inside[inner["roster_uid"]] = row["label"]
    for source in sources:
        manifest = source.manifest
        uid, name = manifest["roster_uid"], Path(source.path).name
        where = Where(file=name)
        if uid == own:
            raise InvalidInput("merge.self", where=where)
        if uid in names:
            raise InvalidInput("merge.same_roster_twice", where=where, other=names[uid])
        names[uid] = name
        if uid in inside:
            raise Conflict("merge.already_inside", where=where, source=inside[uid])
        _check_signer(conn, source, uid, where)
    for source in sources:
        for inner in source.manifest.get("includes") or []:
            uid = inner.get("roster_uid")
            if uid in names or uid == own:
                raise Conflict(
                    "merge.includes_input",
                    where=Where(file=Path(source.path).name),
                    org=str(inner.get("org_name")),
                )
            label = conn.execute(
                "SELECT label FROM merge_sources WHERE roster_uid = ?", (uid,)
            ).fetchone()
            if label is not None:
                raise Conflict(
                    "merge.includes_source",
                    where=Where(file=Path(source.path).name),
                    source=label[0],
                )


def _signer(source: content.Source) -> keys.Signer:
    return getattr(source, "signer", None) or keys.Signer("unsigned")


def _check_signer(conn: sqlite3.Connection, source: content.Source, uid: str, where: Where) -> None:
    """A roster's bundles keep coming from the same trusted office: one signed by another
    trusted name, or an unsigned one after signed ones, is refused (a trusted community
    cannot replace another's contribution, nor can a signature be stripped off)."""
    signer = _signer(source)
    if signer.status == "roster":
        return
    before = conn.execute(
        "SELECT signed_by FROM merge_sources WHERE roster_uid = ? AND signature = 'verified'",
        (uid,),
    ).fetchone()
    if before is None or before["signed_by"] == signer.name:
        return
    if signer.status == "unsigned":
        raise InvalidInput("merge.unsigned_after_signed", where=where, name=before["signed_by"])
    raise Conflict(
        "merge.signer_changed",
        hint="hint.merge_signer_changed",
        where=where,
        name=before["signed_by"],
        signer=signer.name,
    )


def _parent(conn: sqlite3.Connection, options: Options, state: State) -> int | None:
    """The parent team given (created at ``parent_level`` if this roster has no such team)."""
    if options.parent is None:
        return None
    from volctl.roster import teams

    try:
        return int(teams.find(conn, options.parent)["id"])
    except NotFound:
        pass
    created = teams.add(
        conn, teams.TeamInput(name=options.parent, level=options.parent_level), today=state.today
    )
    return int(created["id"])


def _label(conn: sqlite3.Connection, org: str) -> str:
    label, number = org, 2
    while conn.execute(
        "SELECT 1 FROM merge_sources WHERE fold(label) = fold(?)", (label,)
    ).fetchone():
        label = f"{org}#{number}"
        number += 1
    return label


def _merge_source(
    state: State, source: content.Source, parent: int | None, options: Options
) -> dict[str, Any]:
    conn = state.conn
    manifest = source.manifest
    org = manifest["organisation"]
    name = Path(source.path).name
    existing = conn.execute(
        "SELECT * FROM merge_sources WHERE roster_uid = ?", (manifest["roster_uid"],)
    ).fetchone()
    now = audit.now_iso()
    signer = _signer(source)
    signature = {
        "status": signer.status,
        "signed_by": signer.name,
        "fingerprint": signer.fingerprint,
        "encrypted": bool(getattr(source, "encrypted", False)),
    }
    if signer.status == "unsigned":
        audit.record(
            conn,
            "merge.unsigned_accepted",
            "merge_sources",
            existing["id"] if existing else None,
            file=source.path,
            org_name=org["org_name"],
            content_hash=manifest["content_hash"],
        )
    report: dict[str, Any] = {
        "file": source.path,
        "source": existing["label"] if existing else None,
        "org_name": org["org_name"],
        "region_code": org.get("region_code") or None,
        "content_hash": manifest["content_hash"],
        "exported_at": manifest["exported_at"],
        "with_beneficiaries": bool(manifest.get("with_beneficiaries")),
        "counts": bundle.counts(manifest),
        "signature": signature,
    }
    if existing is not None and existing["content_hash"] == manifest["content_hash"]:
        _run(conn, existing["id"], source, "unchanged", {}, now)
        if signer.status == "verified":
            conn.execute(
                "UPDATE merge_sources SET signature = ?, signed_by = ? WHERE id = ?",
                (signer.status, signer.name, existing["id"]),
            )
        audit.record(
            conn,
            "merge.source",
            "merge_sources",
            existing["id"],
            source=existing["label"],
            file=source.path,
            outcome="unchanged",
            content_hash=manifest["content_hash"],
            signature=signer.status,
            signed_by=signer.name,
        )
        return {**report, "outcome": "unchanged", "changes": {}}
    if (
        existing is not None
        and bundle.is_older(str(manifest["exported_at"]), existing["exported_at"])
        and not options.allow_older
    ):
        raise Conflict(
            "merge.older_bundle",
            hint="hint.merge_older_bundle",
            where=Where(file=name),
            exported_at=manifest["exported_at"],
            merged=existing["exported_at"],
        )
    parent_id = parent if parent is not None else (existing["parent_team_id"] if existing else None)
    fields = {
        "org_name": org["org_name"],
        "region_code": org.get("region_code") or None,
        "parent_team_id": parent_id,
        "includes": json.dumps(manifest.get("includes") or [], ensure_ascii=False),
        "content_hash": manifest["content_hash"],
        "exported_at": manifest["exported_at"],
        "with_beneficiaries": int(bool(manifest.get("with_beneficiaries"))),
        "counts": json.dumps(
            {"rows": bundle.counts(manifest), "beneficiaries": manifest.get("beneficiaries") or {}},
            ensure_ascii=False,
        ),
        "last_merged_at": now,
        "signature": signer.status,
        "signed_by": signer.name,
    }
    if signer.status == "roster" and existing is not None and existing["signature"] == "verified":
        # Its roster file read here directly: who signs its bundles stays on record.
        fields["signature"], fields["signed_by"] = "verified", existing["signed_by"]
    if existing is None:
        label = _label(conn, org["org_name"])
        record = {
            "roster_uid": manifest["roster_uid"],
            "label": label,
            **fields,
            "first_merged_at": now,
        }
        cursor = conn.execute(
            f"INSERT INTO merge_sources ({', '.join(record)})"
            f" VALUES ({', '.join('?' for _ in record)})",
            tuple(record.values()),
        )
        assert cursor.lastrowid is not None
        source_id = cursor.lastrowid
    else:
        label, source_id = existing["label"], existing["id"]
        conn.execute(
            f"UPDATE merge_sources SET {', '.join(f'{k} = ?' for k in fields)} WHERE id = ?",
            (*fields.values(), source_id),
        )
    outcome = "updated" if existing is not None else "added"
    run_id = _run(conn, source_id, source, outcome, {}, now)
    ctx = SourceContext(
        state=state,
        source=source,
        source_id=source_id,
        run_id=run_id,
        label=label,
        parent_id=parent_id,
        previous=existing is not None,
    )
    try:
        changes = _bring_in(ctx)
    except (
        sqlite3.IntegrityError,
        sqlite3.InterfaceError,
        sqlite3.ProgrammingError,
        OverflowError,
        KeyError,
        TypeError,
        ValueError,
    ) as exc:  # what the rules should have refused by name: still the bundle's, not the roster's
        raise InvalidInput(
            "merge.rows_rejected",
            hint="hint.bundle_ask_again",
            where=Where(file=name),
            detail=str(exc)[:200],
        ) from None
    conn.execute(
        "UPDATE merge_runs SET summary = ? WHERE id = ?",
        (json.dumps(changes, ensure_ascii=False), run_id),
    )
    audit.record(
        conn,
        "merge.source",
        "merge_sources",
        source_id,
        source=label,
        file=source.path,
        outcome=outcome,
        content_hash=manifest["content_hash"],
        exported_at=manifest["exported_at"],
        changes=changes,
        signature=signer.status,
        signed_by=signer.name,
    )
    return {**report, "source": label, "outcome": outcome, "changes": changes}


def _run(
    conn: sqlite3.Connection,
    source_id: int,
    source: content.Source,
    outcome: str,
    summary: dict[str, Any],
    now: str,
) -> int:
    signer = _signer(source)
    cursor = conn.execute(
        "INSERT INTO merge_runs (source_id, merged_at, operator, file_name, content_hash,"
        " exported_at, outcome, summary, signature, signed_by, signer_fingerprint, encrypted)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (
            source_id,
            now,
            audit.context().operator,
            Path(source.path).name,
            source.manifest["content_hash"],
            source.manifest["exported_at"],
            outcome,
            json.dumps(summary),
            signer.status,
            signer.name,
            signer.fingerprint,
            int(bool(getattr(source, "encrypted", False))),
        ),
    )
    assert cursor.lastrowid is not None
    return cursor.lastrowid


def _bring_in(ctx: SourceContext) -> dict[str, Any]:
    """Every part of one source, in the order their references need."""
    changes: dict[str, Any] = {"code_lists": structure.code_lists(ctx)}
    changes["volunteers"] = people.merge(ctx)
    ctx.check_part("status_changes")  # copied only for the people it adds: held to the rules
    changes["teams"] = structure.teams(ctx)
    gone: list[tuple[str, list[int]]] = []
    specs = {spec.kind: spec for spec in copies.COPIES}

    def copy(kind: str, key: str) -> None:
        counts, removed = copies.copy_rows(ctx, specs[kind])
        changes[key] = counts
        gone.append((kind, removed))

    copy("memberships", "memberships")
    changes["activities"] = structure.activities(ctx)
    changes["records"] = ledger.merge(ctx)
    copy("trainings", "trainings")
    copy("training_attendance", "training_attendance")
    copy("insurance_policies", "insurance")
    copy("commendations", "commendations")
    copy("recipients", "recipients")
    copy("pairings", "pairings")
    copy("activity_beneficiaries", "served")
    for kind, row_ids in reversed(gone):  # what points at a row goes before the row
        if row_ids:
            copies.remove(ctx, kind, row_ids)
    changes["volunteers"]["status_changed"] = status.settle_status(ctx)
    return changes


def _report(
    conn: sqlite3.Connection,
    results: list[dict[str, Any]],
    parent: int | None,
    options: Options,
    show_pii: bool,
) -> dict[str, Any]:
    from volctl.merge import sources

    parent_name = None
    if parent is not None:
        parent_name = conn.execute("SELECT name FROM teams WHERE id = ?", (parent,)).fetchone()[0]
    return {
        "dry_run": options.dry_run,
        "parent": parent_name,
        "sources": results,
        "conflicts": sources.conflicts(conn, show_pii=show_pii),
        "counted_twice": sources.counted_twice(conn),
        "totals": {
            "sources": conn.execute("SELECT count(*) FROM merge_sources").fetchone()[0],
            "volunteers": conn.execute("SELECT count(*) FROM volunteers").fetchone()[0],
            "activities": conn.execute("SELECT count(*) FROM activities").fetchone()[0],
            "records": conn.execute(
                "SELECT count(*) FROM service_chains WHERE voided = 0"
            ).fetchone()[0],
        },
    }
