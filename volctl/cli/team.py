"""volctl team: the team hierarchy, its responsible people and dated memberships."""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any, Optional

import typer

from volctl.cli.classes import group
from volctl.cli.guard import command
from volctl.cli.messages import notice
from volctl.cli.options import (
    FormatOption,
    NoInputOption,
    OutputOption,
    ShowPiiOption,
    choices,
    parse_day_option,
)
from volctl.cli.output import emit
from volctl.cli.state import roster
from volctl.i18n import field_labels, join_list, spoken_date, t
from volctl.render import Column, Format

app = group("team", "help.team")


def _opt(name: str, key: str, metavar: str = "TEXT") -> Any:
    return typer.Option(name, metavar=metavar, help=t(key), show_default=False)


TeamArg = Annotated[str, typer.Argument(metavar="TEAM", help=t("arg.team"), show_default=False)]
VolsArg = Annotated[
    list[str], typer.Argument(metavar="VOL...", help=t("arg.vols"), show_default=False)
]
Level = Annotated[str | None, _opt("--level", "opt.team_level", choices("team_level"))]
Parent = Annotated[str | None, _opt("--parent", "opt.team_parent", "TEAM")]
Leader = Annotated[str | None, _opt("--leader", "opt.team_leader", "VOL")]
Contact = Annotated[str | None, _opt("--contact", "opt.team_contact", "VOL")]
Unit = Annotated[str | None, _opt("--unit", "opt.team_unit")]
OfficePhone = Annotated[str | None, _opt("--office-phone", "opt.team_office_phone", "PHONE")]
Base = Annotated[str | None, _opt("--base", "opt.team_base")]
Founded = Annotated[str | None, _opt("--founded-on", "opt.team_founded_on", "DATE")]
Notes = Annotated[str | None, _opt("--notes", "opt.notes")]
On = Annotated[str | None, _opt("--on", "opt.team_on_date", "DATE")]


def _columns() -> list[Column]:
    return [
        Column("name", t("field.team"), no_wrap=True),
        Column("level", t("field.level"), no_wrap=True),
        Column("parent", t("field.parent")),
        Column("leader_name", t("field.leader")),
        Column("contact_name", t("field.contact")),
        Column("unit", t("field.unit")),
        Column("members", t("field.members"), "right"),
        Column("members_total", t("field.members_total"), "right"),
    ]


def _member_columns() -> list[Column]:
    return [
        Column("volunteer_no", t("field.volunteer_no"), no_wrap=True),
        Column("name", t("field.name"), no_wrap=True),
        Column("role", t("field.role"), no_wrap=True),
        Column("joined_on", t("field.joined_on"), no_wrap=True),
        Column("left_on", t("field.left_on"), no_wrap=True),
        Column("phone", t("field.phone"), no_wrap=True),
    ]


def _for_table(record: dict[str, Any]) -> dict[str, Any]:
    """A team as a table shows it: people as 姓名（编号）, in the order of the JSON keys."""
    row: dict[str, Any] = {}
    for key, value in record.items():
        if key in ("leader", "contact"):
            row[f"{key}_name"] = f"{value['name']}（{value['volunteer_no']}）" if value else None
        elif key == "status":
            row[key] = t(f"team_status.{value}")
        else:
            row[key] = value
    return row


def _labels(record: dict[str, Any]) -> dict[str, str]:
    labels = {key: t("field.team" if key == "name" else f"field.{key}") for key in record}
    labels["status_reason"] = t("field.dissolve_reason")
    return labels


def _on_date(on: str | None) -> date:
    return parse_day_option(on, "on") or date.today()


@command(app, "add", "help.team.add")
def add(
    name: Annotated[
        Optional[str],
        typer.Argument(metavar="NAME", help=t("arg.team_name"), show_default=False),
    ] = None,
    level: Level = None,
    parent: Parent = None,
    leader: Leader = None,
    contact: Contact = None,
    unit: Unit = None,
    office_phone: OfficePhone = None,
    base: Base = None,
    founded_on: Founded = None,
    notes: Notes = None,
    no_input: NoInputOption = False,
    fmt: FormatOption = Format.table,
    show_pii: ShowPiiOption = False,
) -> None:
    from volctl.cli import guided, questions
    from volctl.roster import teams

    conn = roster()
    asked = guided.fill({"name": name, "level": level}, questions.team(), no_input=no_input)
    name, level = asked["name"], asked["level"]
    row = teams.add(
        conn,
        teams.TeamInput(
            name=name,
            level=level,
            parent=parent,
            leader=leader,
            contact=contact,
            unit=unit,
            office_phone=office_phone,
            base=base,
            founded_on=founded_on,
            notes=notes,
        ),
    )
    record = teams.public(row, show_pii=show_pii)
    if fmt is Format.table:
        notice(t("team.added", name=row["name"], level=row["level"]))
    _show_record(record, fmt)


def _show_record(record: dict[str, Any], fmt: Format) -> None:
    if fmt is not Format.table:
        emit(record, fmt)
        return
    shown = _for_table(record)
    shown.pop("id")
    emit(shown, fmt, labels=_labels(shown), title=f"{record['name']}（{record['level']}）")


@command(app, "update", "help.team.update")
def update(
    team: TeamArg,
    name: Annotated[str | None, _opt("--name", "opt.team_rename")] = None,
    level: Level = None,
    parent: Parent = None,
    top: Annotated[bool, typer.Option("--top", help=t("opt.team_top"))] = False,
    leader: Leader = None,
    contact: Contact = None,
    unit: Unit = None,
    office_phone: OfficePhone = None,
    base: Base = None,
    founded_on: Founded = None,
    notes: Notes = None,
    fmt: FormatOption = Format.table,
    show_pii: ShowPiiOption = False,
) -> None:
    from volctl.errors import InvalidInput, Where
    from volctl.roster import teams

    changes: dict[str, object] = {
        key: value
        for key, value in {
            "name": name,
            "level": level,
            "parent": parent,
            "leader": leader,
            "contact": contact,
            "unit": unit,
            "office_phone": office_phone,
            "base": base,
            "founded_on": founded_on,
            "notes": notes,
        }.items()
        if value is not None
    }
    if top:
        if parent is not None:
            raise InvalidInput("team.top_and_parent", where=Where(field="parent"))
        changes["parent"] = ""
    if not changes:
        raise InvalidInput("team.nothing_to_update", hint="hint.team_update_options")
    conn = roster()
    row, diff = teams.update(conn, team, changes)
    counts = teams.counts(conn, date.today()).get(row["id"], (0, 0))
    record = teams.public(row, counts, show_pii=show_pii)
    if fmt is Format.json:
        emit({"team": record, "changed": sorted(diff)}, fmt)
        return
    if diff:
        fields = field_labels("teams", diff)
        notice(t("team.updated", name=row["name"], fields=fields))
    else:
        notice(t("team.unchanged", name=row["name"]))
    _show_record(record, fmt)


@command(app, "list", "help.team.list")
def list_(
    on: On = None,
    fmt: FormatOption = Format.table,
    output: OutputOption = None,
    show_pii: ShowPiiOption = False,
) -> None:
    from volctl.roster import teams

    day = _on_date(on)
    conn = roster()
    counts = teams.counts(conn, day)
    records = [
        teams.public(row, counts.get(row["id"], (0, 0)), show_pii=show_pii)
        for row in teams.list_teams(conn)
    ]
    if fmt is Format.table:
        emit(
            [_for_table(r) for r in records],
            fmt,
            columns=_columns(),
            output=output,
            caption=t("team.count", count=len(records), on=spoken_date(day)),
        )
        return
    emit(records, fmt, output=output)


@command(app, "tree", "help.team.tree")
def tree(
    on: On = None,
    fmt: FormatOption = Format.table,
    output: OutputOption = None,
) -> None:
    from volctl.roster import team_tree

    day = _on_date(on)
    conn = roster()
    nodes = team_tree.tree(conn, day)
    if fmt is Format.json:
        emit(nodes, fmt, output=output)
        return
    if fmt is Format.csv:
        emit(team_tree.flatten_tree(nodes), fmt, output=output)
        return
    if not nodes:
        notice(t("team.none"))
        return
    from rich.markup import escape
    from rich.tree import Tree

    root = Tree(t("team.tree_title", on=spoken_date(day)), guide_style="dim")

    def label(node: dict[str, Any]) -> str:
        text = f"[bold]{escape(node['name'])}[/bold]（{node['level']}）"
        if node["status"] != "active":
            text += " " + t(f"team_status.{node['status']}")
        text += "  " + t("team.tree_counts", members=node["members"], total=node["members_total"])
        if node["leader"]:
            text += "  " + t("team.tree_leader", name=escape(node["leader"]))
        return text

    def grow(parent: Any, children: list[dict[str, Any]]) -> None:
        for node in children:
            grow(parent.add(label(node)), node["children"])

    grow(root, nodes)
    _print(root, output)


def _print(renderable: Any, output: Any) -> None:
    from volctl.cli.output import output_format, show_view

    show_view([renderable], output, output_format(Format.table, output))


@command(app, "show", "help.team.show")
def show(
    team: TeamArg,
    on: On = None,
    history: Annotated[bool, typer.Option("--history", help=t("opt.team_history"))] = False,
    fmt: FormatOption = Format.table,
    show_pii: ShowPiiOption = False,
) -> None:
    from volctl.roster import teams

    day = _on_date(on)
    conn = roster()
    row = teams.find(conn, team)
    counts = teams.counts(conn, day)
    record = teams.public(row, counts.get(row["id"], (0, 0)), show_pii=show_pii)
    record["subteams"] = [
        {
            "name": sub["name"],
            "level": sub["level"],
            "members_total": counts.get(sub["id"], (0, 0))[1],
        }
        for sub in conn.execute(
            "SELECT * FROM teams WHERE parent_id = ? ORDER BY name", (row["id"],)
        )
    ]
    record["member_list"] = [
        teams.member_record(m, show_pii=show_pii) for m in teams.members(conn, row["id"], day)
    ]
    record["former_members"] = [
        teams.member_record(m, show_pii=show_pii)
        for m in teams.former_members(conn, row["id"], day)
    ]
    if fmt is Format.json:
        emit(record, fmt)
        return
    if fmt is Format.csv:
        emit(record["member_list"] + (record["former_members"] if history else []), fmt)
        return
    summary = {k: v for k, v in record.items() if k not in ("member_list", "former_members")}
    summary["subteams"] = [
        f"{s['name']}（{s['level']}，{s['members_total']}）" for s in record["subteams"]
    ]
    _show_record(summary, fmt)
    emit(
        record["member_list"],
        fmt,
        columns=_member_columns()[:4] + _member_columns()[5:],
        title=t("team.members_title", on=spoken_date(day)),
    )
    if history and record["former_members"]:
        emit(record["former_members"], fmt, columns=_member_columns(), title=t("team.former_title"))


@command(app, "join", "help.team.join")
def join(
    team: TeamArg,
    vols: VolsArg,
    role: Annotated[str, _opt("--role", "opt.team_role", choices("team_role"))] = "队员",
    since: Annotated[str | None, _opt("--since", "opt.team_since", "DATE")] = None,
    move: Annotated[bool, typer.Option("--move", help=t("opt.team_move"))] = False,
    fmt: FormatOption = Format.table,
) -> None:
    from volctl.roster import memberships

    conn = roster()
    results = memberships.join(
        conn, team, vols, role=role, since=parse_day_option(since, "joined_on"), move=move
    )
    if fmt is Format.table:
        for r in results:
            if r["action"] == "role_changed":
                notice(t("team.role_changed", old=r["old_role"], **_keep(r)))
            else:
                notice(t("team.joined", **_keep(r)))
            if r["left"]:
                notice(t("team.moved_from", teams=join_list(r["left"]), **_keep(r)))
        return
    emit(results, fmt)


def _keep_member(result: dict[str, Any]) -> dict[str, Any]:
    return {k: result[k] for k in ("volunteer_no", "name", "team", "role", "joined_on")}


def _keep(result: dict[str, Any]) -> dict[str, Any]:
    return {k: result[k] for k in ("volunteer_no", "name", "team", "role", "since")}


@command(app, "leave", "help.team.leave")
def leave(
    team: TeamArg,
    vols: VolsArg,
    on: Annotated[str | None, _opt("--on", "opt.team_leave_on", "DATE")] = None,
    undo: Annotated[bool, typer.Option("--undo", help=t("opt.team_leave_undo"))] = False,
    fmt: FormatOption = Format.table,
) -> None:
    from volctl.roster import memberships

    conn = roster()
    if undo:
        if on is not None:
            from volctl.errors import InvalidInput, Where

            raise InvalidInput("team.undo_with_on", where=Where(field="left_on"))
        undone = memberships.undo_leave(conn, team, vols)
        if fmt is Format.table:
            for r in undone:
                notice(t("team.leave_undone", on=r["undone_left_on"], **_keep_member(r)))
            return
        emit(undone, fmt)
        return
    results = memberships.leave(conn, team, vols, on=parse_day_option(on, "left_on"))
    if fmt is Format.table:
        for r in results:
            notice(
                t(
                    "team.left",
                    volunteer_no=r["volunteer_no"],
                    name=r["name"],
                    team=r["team"],
                    on=r["left_on"],
                )
            )
        return
    emit(results, fmt)


@command(app, "dissolve", "help.team.dissolve")
def dissolve(
    team: TeamArg,
    reason: Annotated[str, _opt("--reason", "opt.reason")],
    on: Annotated[str | None, _opt("--on", "opt.team_dissolve_on", "DATE")] = None,
    fmt: FormatOption = Format.table,
    show_pii: ShowPiiOption = False,
) -> None:
    from volctl.roster import teams

    conn = roster()
    row, closed = teams.dissolve(conn, team, reason, on=parse_day_option(on, "dissolved_on"))
    record = teams.public(row, show_pii=show_pii)
    if fmt is Format.table:
        notice(t("team.dissolved_done", name=row["name"], on=row["dissolved_on"], count=closed))
        return
    emit(record, fmt)
