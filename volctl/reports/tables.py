"""The year-end summary laid out as named tables, for every place it is shown.

The terminal (in the interface language), the Markdown 年终总结 and the workbook (always in
Chinese) show the same tables with the same headers: ``tables(summary, lang)``. CSV carries
the summary "long": one row per figure, ``section, item, measure, value``
(``tidy_rows(summary)``), so a spreadsheet's pivot table can rebuild any of them.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from volctl.i18n import t_in

# Headline figures, in the order a report reads them: (key, label key).
FIGURES = (
    ("teams", "report.figure.teams"),
    ("volunteers_registered", "report.figure.volunteers_registered"),
    ("volunteers_new", "report.figure.volunteers_new"),
    ("volunteers_serving", "report.figure.volunteers_serving"),
    ("participation_rate", "report.figure.participation_rate"),
    ("participations", "report.figure.participations"),
    ("activities", "report.figure.activities"),
    ("hours", "report.figure.hours"),
    ("hours_per_serving_volunteer", "report.figure.hours_per_serving_volunteer"),
    ("met_target", "report.figure.met_target"),
)
# Figures without a previous-year value.
MORE_FIGURES = (
    ("stars_total", "report.figure.stars_total"),
    ("stars_new_total", "report.figure.stars_new_total"),
    ("dormant_total", "report.figure.dormant"),
    ("beneficiaries_total", "report.figure.beneficiaries"),
    ("trainings_held", "report.figure.trainings_held"),
    ("people_trained", "report.figure.people_trained"),
    ("commendations_given", "report.figure.commendations_given"),
)

# Each list section: (key, title key, the row key naming the item, [(column, header key)]).
SECTIONS: tuple[tuple[str, str, str, tuple[tuple[str, str], ...]], ...] = (
    (
        "by_month",
        "report.section.by_month",
        "month",
        (
            ("month", "report.col.month"),
            ("activities", "report.col.activities"),
            ("participations", "report.col.participations"),
            ("hours", "report.col.hours"),
        ),
    ),
    (
        "by_category",
        "report.section.by_category",
        "category",
        (
            ("category", "report.col.category"),
            ("activities", "report.col.activities"),
            ("participations", "report.col.participations"),
            ("hours", "report.col.hours"),
        ),
    ),
    (
        "by_theme",
        "report.section.by_theme",
        "theme",
        (
            ("theme", "report.col.theme"),
            ("activities", "report.col.activities"),
            ("participations", "report.col.participations"),
            ("hours", "report.col.hours"),
        ),
    ),
    (
        "by_team",
        "report.section.by_team",
        "team",
        (
            ("team", "report.col.team"),
            ("level", "report.col.level"),
            ("members", "report.col.members"),
            ("activities", "report.col.activities"),
            ("volunteers", "report.col.volunteers"),
            ("participations", "report.col.participations"),
            ("hours", "report.col.hours"),
        ),
    ),
    (
        "by_community",
        "report.section.by_community",
        "community",
        (
            ("community", "report.col.community"),
            ("volunteers", "report.col.registered"),
            ("served", "report.col.volunteers"),
            ("participations", "report.col.participations"),
            ("hours", "report.col.hours"),
            ("activities", "report.col.activities"),
        ),
    ),
    (
        "beneficiaries",
        "report.section.beneficiaries",
        "group",
        (
            ("group", "report.col.group"),
            ("people", "report.col.people_served"),
            ("recipients", "report.col.recipients"),
            ("activities", "report.col.activities"),
        ),
    ),
    (
        "stars_table",
        "report.section.stars",
        "level",
        (
            ("level", "report.col.star_level"),
            ("threshold", "report.col.threshold"),
            ("volunteers", "report.col.star_volunteers"),
            ("new", "report.col.star_new"),
        ),
    ),
    (
        "top_volunteers",
        "report.section.top_volunteers",
        "volunteer_no",
        (
            ("rank", "report.col.rank"),
            ("volunteer_no", "field.volunteer_no"),
            ("name", "field.name"),
            ("team", "report.col.team"),
            ("participations", "report.col.participations"),
            ("hours", "report.col.hours"),
            ("cumulative_hours", "report.col.cumulative_hours"),
            ("stars", "report.col.star_level"),
        ),
    ),
    (
        "dormant",
        "report.section.dormant",
        "volunteer_no",
        (
            ("volunteer_no", "field.volunteer_no"),
            ("name", "field.name"),
            ("phone", "field.phone"),
            ("team", "report.col.team"),
            ("registered_on", "field.registered_on"),
            ("last_service", "report.col.last_service"),
        ),
    ),
)


@dataclass
class Table:
    key: str
    title: str
    columns: list[tuple[str, str]]  # (row key, header)
    rows: list[dict[str, Any]]


def extra_figures(summary: dict[str, Any]) -> dict[str, Any]:
    """The totals of the summary's nested parts, as headline figures."""
    return {
        "stars_total": sum(summary["stars"].values()),
        "stars_new_total": sum(summary["stars_new"].values()),
        "dormant_total": len(summary["dormant"]),
        "beneficiaries_total": sum(row["people"] for row in summary["beneficiaries"]),
        "trainings_held": summary["trainings"]["held"],
        "people_trained": summary["trainings"]["people_trained"],
        "commendations_given": summary["commendations"]["given"],
    }


def star_rows(summary: dict[str, Any]) -> list[dict[str, Any]]:
    limits = summary["star_thresholds"]
    return [
        {
            "level": int(level),
            "threshold": limits[int(level) - 1],
            "volunteers": count,
            "new": summary["stars_new"][level],
        }
        for level, count in summary["stars"].items()
    ]


def overview(summary: dict[str, Any], lang: str) -> Table:
    """Figure | this year | the year before | change."""
    year = summary["year"]
    before = summary["previous_year"] or {}
    change = before.get("change", {})
    rows = [
        {
            "figure": t_in(lang, label, target=summary["target_hours"]),
            "value": summary[key],
            "previous": before.get(key),
            "change": change.get(key),
        }
        for key, label in FIGURES
    ]
    more = extra_figures(summary)
    rows += [
        {"figure": t_in(lang, label), "value": more[key], "previous": None, "change": None}
        for key, label in MORE_FIGURES
    ]
    columns = [
        ("figure", t_in(lang, "report.col.figure")),
        ("value", t_in(lang, "report.col.year", year=year)),
    ]
    if before:
        columns += [
            ("previous", t_in(lang, "report.col.year", year=year - 1)),
            ("change", t_in(lang, "report.col.change")),
        ]
    return Table("overview", t_in(lang, "report.section.overview"), columns, rows)


def tables(summary: dict[str, Any], lang: str) -> list[Table]:
    """The overview, then one table per section (empty sections included)."""
    data = {**summary, "stars_table": star_rows(summary)}
    out = [overview(summary, lang)]
    for key, title, _item, columns in SECTIONS:
        rows = data[key]
        shown = [(col, t_in(lang, header)) for col, header in columns]
        if key == "by_team" and not any(r["team"] for r in rows):
            continue  # a roster without teams: nothing to show by team
        if key == "by_community" and not rows:
            continue  # only a merged (street or city) roster has communities
        out.append(Table(key, t_in(lang, title, n=len(rows)), shown, rows))
    return out


# ----------------------------------------------------------------------------- CSV


SCALARS = (
    "year",
    "org",
    "team",
    "as_of",
    "teams",
    "volunteers_registered",
    "volunteers_new",
    "volunteers_serving",
    "participation_rate",
    "participations",
    "activities",
    "hours",
    "hours_per_serving_volunteer",
    "target_hours",
    "met_target",
    "activities_unconfirmed",
    "star_thresholds",
)
LIST_ITEMS = {
    "by_month": "month",
    "by_category": "category",
    "by_theme": "theme",
    "by_team": "team",
    "by_community": "community",
    "beneficiaries": "group",
    "top_volunteers": "volunteer_no",
    "dormant": "volunteer_no",
}


def tidy_rows(summary: dict[str, Any]) -> list[dict[str, Any]]:
    """The whole summary as ``{section, item, measure, value}`` rows (the CSV)."""
    out: list[dict[str, Any]] = []

    def add(section: str, item: Any, measure: str, value: Any) -> None:
        out.append({"section": section, "item": item, "measure": measure, "value": value})

    for key in SCALARS:
        add("summary", None, key, summary[key])
    for section in ("stars", "stars_new"):
        for level, count in summary[section].items():
            add(section, level, "volunteers", count)
    for section, item_key in LIST_ITEMS.items():
        for row in summary[section]:
            for measure, value in row.items():
                if measure != item_key:
                    add(section, row[item_key], measure, value)
    for measure, value in summary["trainings"].items():
        add("trainings", None, measure, value)
    add("commendations", None, "given", summary["commendations"]["given"])
    for title, count in summary["commendations"]["by_title"].items():
        add("commendations", title, "given", count)
    before = summary["previous_year"]
    if before:
        for measure, value in before.items():
            if measure != "change":
                add("previous_year", None, measure, value)
        for measure, value in before["change"].items():
            add("change", None, measure, value)
    return out


# ----------------------------------------------------------------------------- cells

STAR_KEYS = ("level", "stars", "previous_level")
# Columns of numbers: right-aligned wherever they are shown.
NUMERIC = frozenset(
    {
        "activities",
        "participations",
        "hours",
        "members",
        "volunteers",
        "people",
        "recipients",
        "rank",
        "cumulative_hours",
        "threshold",
        "new",
        "value",
        "previous",
        "change",
        "hours_short",
        "met",
        "below",
        "records",
        "year_hours",
        "hours_before",
        "days_left",
        "minutes",
    }
)


def display(key: str, value: Any, lang: str) -> str:
    """A cell as text: one decimal for hours and rates, star levels by name, a label for the
    row of no team and of no theme, a dash for nothing."""
    if key in STAR_KEYS and isinstance(value, int) and not isinstance(value, bool):
        return t_in(lang, f"report.level.{value}") if value else "—"
    if value is None:
        if key == "team":
            return t_in(lang, "report.no_team")
        if key == "theme":
            return t_in(lang, "report.no_theme")
        return "—"
    if isinstance(value, bool):
        return "✓" if value else ""
    if isinstance(value, float):
        return f"{value:.1f}"
    return str(value)


def signed(value: Any) -> str:
    """A change with its sign: +12.5, -3, 0."""
    if value is None:
        return "—"
    text = f"{value:.1f}" if isinstance(value, float) else str(value)
    return f"+{text}" if value > 0 else text
