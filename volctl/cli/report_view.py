"""How the reports look in the terminal: rich tables, and a bar chart where a trend is the
point (hours by month). Imported by the report commands only when a table is drawn; the
figures come from ``volctl.reports``, computed once, the same as the json and csv show."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from rich.markup import escape
from rich.table import Table
from rich.text import Text

from volctl.i18n import get_lang, t
from volctl.reports import tables as laid
from volctl.reports.tables import NUMERIC, display, signed

BAR_WIDTH = 28
# Codes and dates are never broken across lines.
UNBROKEN = {
    "volunteer_no",
    "activity_no",
    "date",
    "month",
    "registered_on",
    "last_service",
    "joined_on",
    "left_on",
    "start_on",
    "end_on",
    "phone",
    "policy_no",
    "name",
    "team",
}
EIGHTHS = " ▏▎▍▌▋▊▉"
LIST_LIMIT = 15  # rows of a long list of people shown in the terminal


def bar(value: float, largest: float, width: int = BAR_WIDTH) -> str:
    """A horizontal bar of ``value`` against ``largest``, to an eighth of a character."""
    if largest <= 0 or value <= 0:
        return ""
    eighths = max(1, round(value / largest * width * 8))
    return "█" * (eighths // 8) + (EIGHTHS[eighths % 8] if eighths % 8 else "")


def grid(
    columns: Sequence[tuple[str, str]],
    rows: Iterable[dict[str, Any]],
    *,
    title: str | None = None,
    caption: str | None = None,
    bar_of: str | None = None,
    indent: str | None = None,
) -> Any:
    """A table of ``rows``; ``bar_of``: add a bar chart of that column; ``indent``: indent
    that column by the row's ``depth`` (a team tree)."""
    from volctl.render import Column, FittedTable

    rows = list(rows)
    lang = get_lang()
    shown = [
        Column(key, header, "right" if key in NUMERIC else "left", no_wrap=key in UNBROKEN)
        for key, header in columns
    ]
    largest = max((float(r.get(bar_of) or 0) for r in rows), default=0.0) if bar_of else 0.0
    if bar_of:
        shown.append(Column("", "", no_wrap=True, style="cyan"))
    cells = []
    for row in rows:
        line = []
        for key, _header in columns:
            value = row.get(key)
            text = signed(value) if key == "change" else display(key, value, lang)
            if key == indent and row.get("depth"):
                text = "  " * int(row["depth"]) + text
            line.append(text)
        if bar_of:
            line.append(bar(float(row.get(bar_of) or 0), largest))
        cells.append(line)
    return FittedTable(shown, cells, title=title, caption=caption, title_justify="left")


def section(
    columns: Sequence[tuple[str, str]],
    rows: Sequence[dict[str, Any]],
    title: str | None,
    **options: Any,
) -> Any:
    """A table, or one line saying there is nothing when there are no rows."""
    if not rows:
        return Text(t("report.empty_section", title=title or ""), style="dim")
    return grid(columns, rows, title=title, **options)


def show(renderables: Sequence[Any], output: Path | None = None) -> None:
    """Print to the terminal (paged when long), or write the same as plain text to ``output``."""
    from volctl.cli.output import show_view

    show_view(renderables, output)


def _heading(text: str) -> Text:
    return Text(text, style="bold")


# ----------------------------------------------------------------------------- summary


def summary(data: dict[str, Any]) -> list[Any]:
    lang = get_lang()
    scope = data["team"] or data["org"] or t("report.whole_roster")
    out: list[Any] = [
        _heading(t("report.title.summary", year=data["year"], scope=scope, as_of=data["as_of"]))
    ]
    for table in laid.tables(data, lang):
        rows = table.rows
        caption = None
        if table.key in ("dormant", "top_volunteers") and len(rows) > LIST_LIMIT:
            caption = t("report.more_rows", count=len(rows) - LIST_LIMIT)
            rows = rows[:LIST_LIMIT]
        out.append(
            section(
                table.columns,
                rows,
                table.title,
                caption=caption,
                bar_of="hours" if table.key == "by_month" else None,
                indent="team" if table.key == "by_team" else None,
            )
        )
    return out


# ----------------------------------------------------------------------------- the others


def _columns(*pairs: tuple[str, str]) -> list[tuple[str, str]]:
    return [(key, t(label)) for key, label in pairs]


HOURS_COLUMNS = {
    "month": ("month", "report.col.month"),
    "category": ("category", "report.col.category"),
    "theme": ("theme", "report.col.theme"),
}


def hours(data: dict[str, Any]) -> list[Any]:
    by = data["by"]
    title = t(
        "report.title.hours",
        first=data["from"],
        last=data["to"],
        by=t(f"report.by.{by}"),
        scope=data["team"] or t("report.whole_roster"),
    )
    caption = t(
        "report.caption.hours",
        volunteers=data["volunteers"],
        participations=data["participations"],
        hours=display("hours", data["hours"], get_lang()),
    )
    if by == "team":
        columns = _columns(
            ("team", "report.col.team"),
            ("level", "report.col.level"),
            ("members", "report.col.members"),
            ("activities", "report.col.activities"),
            ("volunteers", "report.col.volunteers"),
            ("participations", "report.col.participations"),
            ("hours", "report.col.hours"),
        )
    elif by == "volunteer":
        columns = _columns(
            ("volunteer_no", "field.volunteer_no"),
            ("name", "field.name"),
            ("team", "report.col.team"),
            ("participations", "report.col.participations"),
            ("hours", "report.col.hours"),
        )
    else:
        columns = _columns(
            HOURS_COLUMNS[by],
            ("activities", "report.col.activities"),
            ("participations", "report.col.participations"),
            ("hours", "report.col.hours"),
        )
    return [
        section(
            columns,
            data["rows"],
            title,
            caption=caption,
            bar_of="hours" if by in ("month", "category", "theme") else None,
            indent="team" if by == "team" else None,
        )
    ]


def target(data: dict[str, Any]) -> list[Any]:
    lang = get_lang()
    heading = t(
        "report.title.target",
        year=data["year"],
        target=display("target", data["target_hours"], lang),
        volunteers=data["volunteers"],
        met=data["met"],
        below=data["below"],
        scope=data["team"] or t("report.whole_roster"),
        as_of=data["as_of"],
    )
    by_team = section(
        _columns(
            ("team", "report.col.team"),
            ("volunteers", "report.col.registered"),
            ("met", "report.col.met"),
            ("below", "report.col.below"),
            ("hours_short", "report.col.hours_short"),
        ),
        data["by_team"],
        t("report.section.target_by_team"),
        indent="team",
    )
    below = section(
        _columns(
            ("team", "report.col.team"),
            ("volunteer_no", "field.volunteer_no"),
            ("name", "field.name"),
            ("phone", "field.phone"),
            ("participations", "report.col.participations"),
            ("hours", "report.col.hours"),
            ("hours_short", "report.col.hours_short"),
        ),
        list(data["below_target"]),  # the terminal's view: json, csv and xlsx stream it
        t("report.section.below_target", count=data["below"]),
    )
    return [_heading(heading), by_team, below]


def stars(data: dict[str, Any]) -> list[Any]:
    heading = t(
        "report.title.stars",
        year=data["year"],
        as_of=data["as_of"],
        scope=data["team"] or t("report.whole_roster"),
        thresholds="/".join(str(h) for h in data["thresholds"]),
    )
    levels = grid(
        _columns(
            ("level", "report.col.star_level"),
            ("hours", "report.col.threshold"),
            ("volunteers", "report.col.star_volunteers"),
            ("new", "report.col.star_new"),
        ),
        data["levels"],
        title=t("report.section.stars"),
    )
    newly = section(
        _columns(
            ("volunteer_no", "field.volunteer_no"),
            ("name", "field.name"),
            ("team", "report.col.team"),
            ("previous_level", "report.col.previous_level"),
            ("level", "report.col.star_level"),
            ("hours_before", "report.col.hours_before"),
            ("hours", "report.col.cumulative_hours"),
            ("year_hours", "report.col.year_hours"),
        ),
        [{**r, "previous_level": r["previous_level"]} for r in data["newly_reached"]],
        title=t(
            "report.section.newly_reached", year=data["year"], count=len(data["newly_reached"])
        ),
    )
    starred = data["volunteers"]
    shown = section(
        _columns(
            ("volunteer_no", "field.volunteer_no"),
            ("name", "field.name"),
            ("team", "report.col.team"),
            ("level", "report.col.star_level"),
            ("hours", "report.col.cumulative_hours"),
            ("year_hours", "report.col.year_hours"),
        ),
        starred[:LIST_LIMIT],
        t("report.section.starred", count=len(starred)),
        caption=t("report.more_rows", count=len(starred) - LIST_LIMIT)
        if len(starred) > LIST_LIMIT
        else None,
    )
    return [_heading(heading), levels, newly, shown]


def volunteer(data: dict[str, Any]) -> list[Any]:
    lang = get_lang()
    person = data["volunteer"]
    facts = Table(show_header=False, box=None, padding=(0, 2))
    facts.add_column(style="bold")
    facts.add_column(overflow="fold")
    rows: list[tuple[str, Any]] = [
        (t("field.volunteer_no"), person["volunteer_no"]),
        (t("field.name"), person["name"]),
        (t("field.gender"), person["gender"]),
        (t("field.id_type"), person["id_type"]),
        (t("field.id_number"), person["id_number"]),
        (t("field.phone"), person["phone"]),
        (t("field.registered_on"), person["registered_on"]),
        (t("field.status"), t(f"status.{person['status']}")),
        (t("report.figure.cumulative_hours"), display("hours", data["cumulative_hours"], lang)),
        (t("report.col.star_level"), display("level", data["stars"], lang)),
    ]
    if data["next_star"]:
        step = data["next_star"]
        rows.append(
            (
                t("report.figure.next_star"),
                t(
                    "report.next_star",
                    level=display("level", step["level"], lang),
                    hours=display("hours", step["hours_to_go"], lang),
                ),
            )
        )
    for label, value in rows:
        if value not in (None, ""):
            facts.add_row(label, escape(str(value)))
    out: list[Any] = [
        _heading(
            t("report.title.volunteer", volunteer_no=person["volunteer_no"], name=person["name"])
        ),
        facts,
    ]
    out.append(
        section(
            _columns(
                ("team", "report.col.team"),
                ("role", "report.col.role"),
                ("joined_on", "report.col.joined_on"),
                ("left_on", "report.col.left_on"),
            ),
            data["teams"],
            t("report.section.teams"),
        )
    )
    out.append(
        section(
            _columns(
                ("year", "report.col.year_plain"),
                ("participations", "report.col.participations"),
                ("hours", "report.col.hours"),
                ("cumulative_hours", "report.col.cumulative_hours"),
            ),
            [{**r, "year": str(r["year"])} for r in data["by_year"]],
            t("report.section.by_year"),
        )
    )
    services = [
        {**s, "attendance": t(f"hours.attendance.{s['attendance']}")} for s in data["services"]
    ]
    scope = str(data["year"]) if data["year"] else t("report.all_years")
    out.append(
        section(
            _columns(
                ("date", "report.col.date"),
                ("activity_no", "report.col.activity_no"),
                ("activity", "report.col.activity"),
                ("category", "report.col.category"),
                ("hours", "report.col.hours"),
                ("attendance", "report.col.attendance"),
                ("content", "report.col.content"),
                ("recorder", "report.col.recorder"),
            ),
            services,
            t("report.section.services", scope=scope, count=data["participations"]),
            caption=t(
                "report.caption.services",
                participations=data["participations"],
                hours=display("hours", data["hours"], lang),
            ),
        )
    )
    out.append(
        section(
            _columns(
                ("date", "report.col.date"),
                ("title", "report.col.training"),
                ("topic", "report.col.topic"),
                ("hours", "report.col.hours"),
            ),
            data["trainings"],
            t("report.section.trainings"),
        )
    )
    out.append(
        section(
            _columns(
                ("year", "report.col.year_plain"),
                ("title", "report.col.commendation"),
                ("awarded_by", "report.col.awarded_by"),
                ("awarded_on", "report.col.date"),
            ),
            [{**c, "year": str(c["year"])} for c in data["commendations"]],
            t("report.section.commendations"),
        )
    )
    out.append(
        section(
            _columns(
                ("insurer", "report.col.insurer"),
                ("policy_no", "report.col.policy_no"),
                ("start_on", "report.col.start_on"),
                ("end_on", "report.col.end_on"),
            ),
            data["insurance"],
            t("report.section.insurance"),
        )
    )
    return out


def insurance(rows: list[dict[str, Any]], days: int) -> list[Any]:
    return [
        section(
            _columns(
                ("end_on", "report.col.end_on"),
                ("days_left", "report.col.days_left"),
                ("volunteer_no", "field.volunteer_no"),
                ("name", "field.name"),
                ("phone", "field.phone"),
                ("team", "report.col.team"),
                ("insurer", "report.col.insurer"),
                ("policy_no", "report.col.policy_no"),
            ),
            rows,
            t("report.title.insurance", days=days, count=len(rows)),
        )
    ]
