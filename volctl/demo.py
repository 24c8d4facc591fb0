"""``volctl demo``: an example community's year, built from ``examples/`` with the real commands'
domain functions, so it shows what a clerk's roster looks like at year end.

The year is 2025 in 东湖社区 (fictional people): the sign-up sheet imported (with a row Excel
mangled and a duplicate), the team structure, the monthly concentrated service days
(每月第三个星期六, the third-saturday rule) and the fixed days, sign-ups and recorded hours
(with an absence, a correction and a voided record), training, insurance, beneficiaries and
pairings, and a commendation.
"""

from __future__ import annotations

import random
import sqlite3
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from volctl import settings
from volctl.db import open_roster, transaction
from volctl.errors import InvalidInput, Where, file_error
from volctl.i18n import join_list

DEMO_ORG = "当湖街道东湖社区（示例）"
DEMO_YEAR = 2025
SHEET = "东湖社区志愿者报名表.xlsx"
REJECTS = "东湖社区志愿者报名表.rejects.xlsx"  # the default name: what status suggests importing
FORMS = ("detachment", "ledger", "summary")  # written as {title}.xlsx, then a certificate
CERTIFICATE = "志愿服务记录证明-{volunteer_no}.xlsx"


def examples_dir() -> Path:
    """The example files: inside the installed package, or beside it in a source checkout."""
    here = Path(__file__).resolve().parent
    for candidate in (here / "_examples", here.parent / "examples"):
        if (candidate / SHEET).is_file():
            return candidate
    raise InvalidInput("demo.no_examples", path=str(here / "_examples"))


@dataclass
class DemoResult:
    path: Path
    conn: sqlite3.Connection
    steps: list[tuple[str, dict[str, object]]] = field(default_factory=list)


def build(folder: Path) -> DemoResult:
    """Create ``folder/roster.db`` and fill it with the example community's year."""
    if folder.exists() and not folder.is_dir():
        raise InvalidInput("demo.not_a_folder", where=Where(field="dir"), path=str(folder))
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise file_error(exc, folder, "demo.cannot_create") from None
    path = folder / "roster.db"
    if path.exists() or path.is_symlink():
        key = "demo.exists" if _is_roster(path) else "demo.not_roster"
        raise InvalidInput(key, folder=str(folder), path=str(path))
    taken = _files_in_the_way(folder)
    if taken:
        raise InvalidInput("demo.files_exist", folder=str(folder), files=join_list(taken))
    conn = open_roster(path, create=True)
    result = DemoResult(path, conn)
    rng = random.Random(DEMO_YEAR)
    with transaction(conn):
        for key, value in {
            "org_name": DEMO_ORG,
            "region_code": "330482",
            "recorder": "王芳",
            "responsible_person": "李建国",
            "contact_person": "王芳",
            "contact_phone": "0573-85012345",
        }.items():
            settings.set_value(conn, key, value)
    result.steps.append(_import(conn, folder))
    people = [
        r["volunteer_no"]
        for r in conn.execute("SELECT volunteer_no FROM volunteers ORDER BY volunteer_no")
    ]
    result.steps.append(_teams(conn, people))
    result.steps.append(_activities(conn))
    result.steps.append(_hours(conn, people, rng))
    result.steps.append(_training_and_insurance(conn, people))
    result.steps.append(_beneficiaries(conn, people))
    result.steps.append(_commendation(conn))
    result.steps.append(_forms(conn, folder))
    return result


def _files_in_the_way(folder: Path) -> list[str]:
    """The files the demo would write that are already in ``folder``: a clerk's own ledger or
    sign-up sheets may have these names, and the demo never writes over them."""
    from volctl.forms import registry

    names = [REJECTS, *(f"{registry.find(name).title}.xlsx" for name in FORMS)]
    found = [name for name in names if (folder / name).exists()]
    found += sorted(p.name for p in folder.glob(CERTIFICATE.format(volunteer_no="*")))
    return found


def _is_roster(path: Path) -> bool:
    """Whether ``path`` is a volctl roster (whatever else it is, the demo leaves it alone)."""
    from volctl.errors import VolctlError
    from volctl.rosterfile import inspect_file

    try:
        return inspect_file(path).kind == "roster"
    except VolctlError:  # a folder, unreadable, locked
        return False


def _import(conn: sqlite3.Connection, folder: Path) -> tuple[str, dict[str, object]]:
    from volctl.intake.importer import Options, run_import

    imported = run_import(conn, [examples_dir() / SHEET], Options(rejects=folder / REJECTS))
    file = imported.files[0]
    return (
        "demo.step_imported",
        {"imported": file.imported, "duplicates": file.duplicates, "rejected": file.rejected},
    )


def _teams(conn: sqlite3.Connection, people: list[str]) -> tuple[str, dict[str, object]]:
    from volctl.roster import memberships, teams

    start = date(DEMO_YEAR, 1, 15)
    for name, level, parent in (
        ("当湖街道社区志愿者服务中队", "中队", None),
        ("东湖社区志愿者服务分队", "分队", "当湖街道社区志愿者服务中队"),
        ("东湖社区助老服务队", "服务队", "东湖社区志愿者服务分队"),
        ("东湖社区环保服务队", "服务队", "东湖社区志愿者服务分队"),
    ):
        teams.add(
            conn,
            teams.TeamInput(
                name=name,
                level=level,
                parent=parent,
                unit="东湖社区居民委员会",
                founded_on=start.isoformat(),
            ),
            today=start,
        )
    teams.update(
        conn,
        "东湖社区志愿者服务分队",
        {"leader": people[0], "contact": people[1], "base": "东湖社区服务中心"},
    )
    half = len(people) // 2
    memberships.join(conn, "东湖社区志愿者服务分队", people[:2], role="队长", since=start)
    memberships.join(conn, "东湖社区助老服务队", people[2:half], since=start)
    memberships.join(conn, "东湖社区环保服务队", people[half:], since=start)
    # One volunteer moves between teams in the summer: the history keeps both memberships.
    memberships.join(
        conn, "东湖社区环保服务队", [people[2]], since=date(DEMO_YEAR, 7, 1), move=True
    )
    return ("demo.step_teams", {"teams": 4, "members": len(people)})


def _activities(conn: sqlite3.Connection) -> tuple[str, dict[str, object]]:
    from volctl.ledger import activities, recurrence, schedule

    monthly = activities.ActivityInput(
        title="集中服务日：邻里守望",
        start_time="08:30",
        end_time="11:30",
        place="东湖社区服务中心",
        category="社区服务",
        theme="关爱他人",
        team="东湖社区助老服务队",
        beneficiary_group="空巢老人",
        capacity="20",
    )
    plan = schedule.plan(
        conn,
        monthly,
        recurrence.resolve("third-saturday"),
        date(DEMO_YEAR, 1, 1),
        date(DEMO_YEAR, 12, 31),
    )
    saved = schedule.save(conn, plan)
    created = [item for item in saved["dates"] if item["state"] == "created"]
    visits = activities.ActivityInput(
        title="结对探访空巢老人",
        start_time="14:00",
        end_time="16:00",
        place="东湖社区",
        category="关爱特殊群体",
        theme="关爱他人",
        team="东湖社区助老服务队",
        beneficiary_group="空巢老人",
        capacity="4",
    )
    weekly = schedule.plan(
        conn,
        visits,
        recurrence.resolve("FREQ=WEEKLY;BYDAY=WE"),
        date(DEMO_YEAR, 2, 5),
        date(DEMO_YEAR, 12, 31),
    )
    created += [item for item in schedule.save(conn, weekly)["dates"] if item["state"] == "created"]
    for title, day, category, theme, team in (
        ("学雷锋纪念日志愿服务", "2025-03-05", "文明风尚", "关爱社会", "东湖社区志愿者服务分队"),
        ("植树节护绿行动", "2025-03-12", "环境保护", "关爱自然", "东湖社区环保服务队"),
        ("世界水日河道清理", "2025-03-22", "环境保护", "关爱自然", "东湖社区环保服务队"),
        ("世界环境日垃圾分类宣传", "2025-06-05", "环境保护", "关爱自然", "东湖社区环保服务队"),
    ):
        activities.add(
            conn,
            activities.ActivityInput(
                title=title,
                date=day,
                start_time="09:00",
                end_time="11:00",
                place="东湖公园",
                category=category,
                theme=theme,
                team=team,
                needs_insurance=True,
            ),
        )
    return ("demo.step_activities", {"count": len(created) + 4})


def _hours(
    conn: sqlite3.Connection, people: list[str], rng: random.Random
) -> tuple[str, dict[str, object]]:
    from volctl.ledger import records, signups

    rows = conn.execute("SELECT activity_no, title FROM activities ORDER BY date").fetchall()
    total = 0
    for number, title in rows:
        if title == "结对探访空巢老人":  # the pair who visit every Wednesday (一助一 / 多助一)
            crew = people[3:5]
        else:
            crew = people[:4] + rng.sample(people[4:], rng.randint(6, 12))
        signups.signup(conn, number, crew, force=True)
        absent = crew[-1:] if rng.random() < 0.5 else []
        done = records.add_roster(conn, number, records.ServiceInput(), absent=absent)
        total += len(done.records)
    first = conn.execute("SELECT min(record_id) FROM service_chains").fetchone()[0]
    records.amend(
        conn,
        str(first),
        records.ServiceInput(start="08:30", end="12:00"),
        "签退时间登记错误，按签到表更正",
    )
    records.void(conn, str(first + 1), "该志愿者当天请假，误登记")
    return ("demo.step_hours", {"records": total})


def _training_and_insurance(
    conn: sqlite3.Connection, people: list[str]
) -> tuple[str, dict[str, object]]:
    from volctl.ledger import training
    from volctl.roster import insurance

    training.add(
        conn,
        training.TrainingInput(
            title="新志愿者岗前培训",
            date="2025-02-22",
            topic="志愿精神",
            hours="2",
            trainer="王芳",
            place="东湖社区服务中心",
            initial=True,
        ),
    )
    training.add(
        conn,
        training.TrainingInput(
            title="应急救护培训",
            date="2025-05-17",
            topic="应急救护",
            hours="3",
            trainer="平湖市红十字会",
        ),
    )
    training.attend(conn, "新志愿者岗前培训", people[: len(people) - 5])
    training.attend(conn, "应急救护培训", people[: len(people) // 2])
    insurance.add(
        conn,
        people=[],
        team="东湖社区志愿者服务分队",
        insurer="中国人民财产保险",
        policy="PA2025-0330",
        start=date(DEMO_YEAR, 1, 15),
        end=date(DEMO_YEAR, 12, 31),
    )
    return ("demo.step_training", {"trainings": 2})


def _beneficiaries(conn: sqlite3.Connection, people: list[str]) -> tuple[str, dict[str, object]]:
    from volctl.ledger import activities
    from volctl.roster import recipients

    joined = date(DEMO_YEAR, 2, 1)
    elders = []
    for name, group, needs in (
        ("周阿婆", "空巢老人", "每周探望、代购"),
        ("钱大伯", "空巢老人", "陪同就医"),
        ("小雨", "留守儿童", "课业辅导"),
    ):
        row = recipients.add(
            conn,
            recipients.RecipientInput(
                name=name, group=group, needs=needs, registered_on=joined.isoformat()
            ),
            today=joined,
        )
        recipients.pair(
            conn,
            row["recipient_no"],
            people[3:5] if group == "空巢老人" else people[5:6],
            since=joined,
            today=joined,
        )
        if group == "空巢老人":
            elders.append(row["recipient_no"])
    for number, title in conn.execute(
        "SELECT activity_no, title FROM activities WHERE beneficiary_group = '空巢老人'"
    ).fetchall():
        if title == "结对探访空巢老人":  # the visits name whom they served
            activities.serve(conn, number, recipients=elders)
        else:
            activities.serve(conn, number, groups=["空巢老人:12"])
    return ("demo.step_beneficiaries", {"recipients": 3})


def _commendation(conn: sqlite3.Connection) -> tuple[str, dict[str, object]]:
    from volctl.ledger import records
    from volctl.roster import commendations

    totals = records.totals(conn, year=DEMO_YEAR)
    best = max(totals, key=lambda vid: (totals[vid].minutes, -vid))
    number = conn.execute("SELECT volunteer_no FROM volunteers WHERE id = ?", (best,)).fetchone()[0]
    commendations.add(
        conn,
        year=DEMO_YEAR,
        title="优秀志愿者",
        volunteer=number,
        awarded_on=date(DEMO_YEAR, 12, 20),
        awarded_by="当湖街道办事处",
    )
    commendations.add(
        conn,
        year=DEMO_YEAR,
        title="先进集体",
        team="东湖社区助老服务队",
        awarded_on=date(DEMO_YEAR, 12, 20),
        awarded_by="当湖街道办事处",
    )
    return ("demo.step_commended", {"count": 2})


def _forms(conn: sqlite3.Connection, folder: Path) -> tuple[str, dict[str, object]]:
    """The year's paperwork, printed as a clerk would send it up (personal data masked)."""
    from volctl.forms import registry
    from volctl.forms.certificate import write as lay_out
    from volctl.forms.request import FormRequest
    from volctl.ledger import certificates

    end = date(DEMO_YEAR, 12, 31)
    written = []
    requests = {
        "detachment": FormRequest(
            team="东湖社区志愿者服务分队", with_subteams=True, on=end, today=end, mask=True
        ),
        "ledger": FormRequest(year=DEMO_YEAR, today=end),
        "summary": FormRequest(year=DEMO_YEAR, today=end),
    }
    for name in FORMS:
        request = requests[name]
        spec = registry.find(name)
        path = folder / f"{spec.title}.xlsx"
        registry.write(conn, spec, request, path)
        written.append(path.name)
    best = conn.execute(
        "SELECT v.volunteer_no FROM service_year_totals t"
        " JOIN volunteers v ON v.id = t.volunteer_id WHERE t.year = ?"
        " ORDER BY t.minutes DESC, v.volunteer_no LIMIT 1",
        (DEMO_YEAR,),
    ).fetchone()[0]
    certificate = folder / CERTIFICATE.format(volunteer_no=best)
    certificates.issue(conn, best, certificate, year=DEMO_YEAR, today=end, writer=lay_out)
    written.append(certificate.name)
    return ("demo.step_forms", {"files": join_list(written)})


__all__ = ["DEMO_YEAR", "DemoResult", "build", "examples_dir"]
