"""Community rosters for the merge tests, built with the domain's own functions.

Three communities of one street, with people in common (matched by identity number):

- 东湖: people 1–8;  西湖: people 6–13;  南湖: people 12–18 and person 1.
- Counted in two places: person 1 (东湖, 南湖), 6–8 (东湖, 西湖), 12–13 (西湖, 南湖).
- 西湖 has person 7 with another phone (a conflict), and person 8 has left it (inactive).

Each community has its own 分队 and a 助老服务队 of the same name in all three, activities in
2024 and 2025 on the same dates (so their numbers collide), everyone on the roster recorded
(one absent), an amendment and a void, training, insurance, a commendation, a beneficiary
with a pairing, and group counts of people served.
"""

from __future__ import annotations

import atexit
import shutil
import sqlite3
import tempfile
import zipfile
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from tests.conftest import make_id, make_phone
from volctl import keys, settings
from volctl.db import open_roster, transaction


@dataclass(frozen=True)
class Person:
    n: int
    name: str
    id_number: str
    phone: str


PEOPLE = {
    n: Person(n, f"志愿者{n:02d}", make_id(f"19{60 + n}0{n % 9 + 1}1{n % 9}", seq=n), make_phone(n))
    for n in range(1, 19)
}

COMMUNITIES: dict[str, tuple[str, list[int]]] = {
    "东湖": ("当湖街道东湖社区", [1, 2, 3, 4, 5, 6, 7, 8]),
    "西湖": ("当湖街道西湖社区", [6, 7, 8, 9, 10, 11, 12, 13]),
    "南湖": ("当湖街道南湖社区", [12, 13, 14, 15, 16, 17, 18, 1]),
}
TWICE = {1, 6, 7, 8, 12, 13}
DAYS = ("2024-05-18", "2024-11-16", "2025-03-15", "2025-06-21", "2025-09-20")


# Every roster of one community in the tests signs with the same keys (made once per process),
# so a copy of a community's roster signs as that community does, and a street trusts them all.
_KEY_FOLDERS: dict[str, Path] = {}


def community_keys(short: str) -> Path:
    """The key folder of community ``short`` (made the first time it is asked for)."""
    if short not in _KEY_FOLDERS:
        home = Path(tempfile.mkdtemp(prefix="volctl-test-keys-"))
        atexit.register(shutil.rmtree, home, True)
        conn = open_roster(home / "keys.db", create=True)
        try:
            keys.init(conn)
        finally:
            conn.close()
        _KEY_FOLDERS[short] = keys.folder_of(home / "keys.db")
    return _KEY_FOLDERS[short]


def public_key(short: str) -> str:
    """The community's public key, as ``volctl keys show`` prints it."""
    found = keys.load(community_keys(short))
    assert found is not None
    return found.public.text


def give_keys(roster: Path, short: str) -> None:
    """Put community ``short``'s keys beside ``roster`` (a copy of its roster has none)."""
    target = keys.folder_of(roster)
    if not target.exists():
        shutil.copytree(community_keys(short), target)


def short_name(roster: Path) -> str | None:
    """Which of the test communities a roster file belongs to (by its organisation)."""
    conn = open_roster(roster)
    try:
        org = settings.get(conn, "org_name")
    finally:
        conn.close()
    return next((short for short, (name, _) in COMMUNITIES.items() if name == org), None)


def trust_communities(conn: sqlite3.Connection) -> None:
    """Trust every test community's key under its short name (东湖, 西湖, 南湖)."""
    for short in COMMUNITIES:
        keys.trust(conn, short, public_key(short))


def resign(bundle: Path, short: str) -> None:
    """Sign a bundle's (edited) manifest again with community ``short``'s key, as a sender
    who altered their own bundle would: its signature is then good, its content is not."""
    with zipfile.ZipFile(bundle) as archive:
        members = {name: archive.read(name) for name in archive.namelist()}
    own = keys.load(community_keys(short))
    assert own is not None
    members["manifest.json.sig"] = keys.sign(own, members["manifest.json"])
    with zipfile.ZipFile(bundle, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)


def number_of(conn: sqlite3.Connection, person: Person) -> str:
    return str(
        conn.execute(
            "SELECT volunteer_no FROM volunteers WHERE id_number = ?", (person.id_number,)
        ).fetchone()[0]
    )


def build(path: Path, short: str) -> Path:
    """A community roster at ``path`` (see the module's docstring)."""
    from volctl.ledger import activities, records, signups, training
    from volctl.roster import commendations, insurance, memberships, recipients, teams, volunteers

    org, members = COMMUNITIES[short]
    give_keys(path, short)
    conn = open_roster(path, create=True)
    with transaction(conn):
        settings.set_value(conn, "org_name", org)
        settings.set_value(conn, "region_code", "330482")
    numbers = []
    for n in members:
        person = PEOPLE[n]
        phone = "13998765432" if (short, n) == ("西湖", 7) else person.phone
        row, _ = volunteers.register(
            conn,
            volunteers.VolunteerInput(
                name=person.name,
                id_number=person.id_number,
                phone=phone,
                registered_on="2024-01-10",
                skills=f"技能{n}",
            ),
        )
        numbers.append(row["volunteer_no"])
    start = date(2024, 1, 15)
    squad = f"{short}社区志愿者服务分队"
    teams.add(conn, teams.TeamInput(name=squad, level="分队", founded_on="2024-01-15"), today=start)
    teams.add(conn, teams.TeamInput(name="助老服务队", level="服务队", parent=squad), today=start)
    memberships.join(conn, squad, numbers[:2], role="队长", since=start)
    memberships.join(conn, "助老服务队", numbers[2:], since=start)
    for i, day in enumerate(DAYS):
        activity = activities.add(
            conn,
            activities.ActivityInput(
                title=f"{short}集中服务日{i + 1}",
                date=day,
                start_time="08:30",
                end_time="11:30",
                category="社区服务",
                team="助老服务队" if i % 2 else squad,
                beneficiary_group="空巢老人",
            ),
            served_groups=[f"空巢老人:{5 + i}"],
        )
        crew = numbers[i % 3 :]
        signups.signup(conn, activity["activity_no"], crew, force=True)
        records.add_roster(conn, activity["activity_no"], records.ServiceInput(), absent=crew[-1:])
    first = conn.execute("SELECT min(record_id) FROM service_chains").fetchone()[0]
    records.amend(conn, str(first), records.ServiceInput(hours="2"), "按签到表更正")
    records.void(conn, str(first + 1), "误登记")
    session = training.add(
        conn,
        training.TrainingInput(
            title="岗前培训", date="2024-03-09", topic="志愿精神", hours="2", initial=True
        ),
    )
    training.attend(conn, session["training_no"], numbers[:4])
    insurance.add(
        conn,
        people=[],
        team=squad,
        insurer="人保财险",
        policy=f"PA-{short}",
        start=date(2025, 1, 1),
        end=date(2025, 12, 31),
    )
    commendations.add(
        conn, year=2024, title="优秀志愿者", volunteer=numbers[0], awarded_on=date(2024, 12, 20)
    )
    elder = recipients.add(
        conn,
        recipients.RecipientInput(
            name=f"{short}陈阿婆",
            group="空巢老人",
            phone="0573-85012345",
            address=f"{short}小区3幢501室",
            registered_on="2024-02-01",
        ),
        today=date(2024, 2, 1),
    )
    recipients.pair(
        conn, elder["recipient_no"], numbers[:1], since=date(2024, 2, 1), today=date(2024, 2, 1)
    )
    activities.serve(
        conn,
        conn.execute("SELECT activity_no FROM activities ORDER BY id").fetchone()[0],
        recipients=[elder["recipient_no"]],
    )
    if short == "西湖":
        volunteers.set_status(
            conn, number_of(conn, PEOPLE[8]), "inactive", "搬离社区", on=date(2025, 10, 1)
        )
    conn.close()
    return path


def export(roster: Path, dest: Path, **options: Any) -> Path:
    from volctl.merge import bundle

    short = short_name(roster)
    if short is not None:
        give_keys(roster, short)
    conn = open_roster(roster)
    try:
        bundle.write(conn, dest, **options)
    finally:
        conn.close()
    return dest


def street(path: Path) -> sqlite3.Connection:
    """The street's own roster, empty but for its organisation and keys; it trusts the keys of
    every test community."""
    conn = open_roster(path, create=True)
    with transaction(conn):
        settings.set_value(conn, "org_name", "当湖街道")
    keys.init(conn)
    trust_communities(conn)
    return conn


def merge(conn: sqlite3.Connection, *paths: Path, **options: Any) -> dict[str, Any]:
    from volctl.merge import engine

    options.setdefault("parent", "当湖街道中队")
    trust_communities(conn)
    return engine.merge(conn, list(paths), engine.Options(**options))


def copy_street(street_db: Path, dest: Path) -> Path:
    """A copy of a street's roster, with its keys."""
    shutil.copyfile(street_db, dest)
    shutil.copytree(keys.folder_of(street_db), keys.folder_of(dest))
    return dest


def merged_each(
    home: Path, street_db: Path, bundles: list[Path], today: date
) -> tuple[sqlite3.Connection, list[Any]]:
    """A copy of the street after merging each bundle in turn, and what each merge said: its
    report, or the refusal's key and words."""
    from volctl.errors import InvalidInput
    from volctl.merge import engine

    home.mkdir()
    conn = open_roster(copy_street(street_db, home / "street.db"))
    said: list[Any] = []
    for bundle in bundles:
        try:
            report = engine.merge(
                conn, [bundle], engine.Options(parent="当湖街道中队"), today=today
            )
        except InvalidInput as refused:
            said.append((refused.key, str(refused)))
        else:
            said.append(report)
    return conn, said
