"""The rules of ``volctl.validation``: each table's compiled check (what a merge runs on
millions of rows) agrees with its rules on any row, and the rules use the commands' own
parsers and limits."""

from __future__ import annotations

from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from tests.conftest import make_id
from volctl.validation import refusal, tables

TODAY = date(2026, 6, 1)

# Values that are sound somewhere and unsound elsewhere: the right and wrong types, dates real
# and not, in range and not, times, phones and identity numbers in stored form and not.
VALUES = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-5, max_value=3000),
    st.sampled_from([2**70, 1.5, {}, [], "", " ", "x" * 201, "长" * 51]),
    st.sampled_from(
        [
            "2025-03-15",
            "2025-02-30",
            "2099-01-01",
            "1899-12-31",
            "1985-06-01",
            "20250315",
            "08:30",
            "11:30",
            "24:00",
            "+8613812340001",
            "13812340001",
            "original",
            "amend",
            "void",
            "present",
            "leave",
            "active",
            "男",
            "服务队",
            "队员",
            '["书法"]',
            "[1]",
            make_id("19850601"),
            make_id("19850601").lower()[:-1] + "x",
            "居民身份证",
            "理由",
        ]
    ),
)


CHECKERS = {
    name: table.checker(tuple(table.columns), TODAY) for name, table in tables(TODAY).items()
}
STAMP = "2025-03-15T12:00:00+08:00"
# A sound row of every table: the rows the property below changes a few values of.
SOUND: dict[str, dict[str, object]] = {
    "code_lists": {"list": "category", "value": "垃圾分类"},
    "volunteers": {
        "id": 1, "volunteer_no": "V000001", "name": "王秀英", "id_type": "居民身份证",
        "id_number": make_id("19850601", male=False), "phone": "+8613812340001",
        "gender": "女", "birth_date": "1985-06-01", "political_status": None,
        "education": None, "office_phone": None, "emergency_phone": None,
        "guardian_phone": None, "skills": '["书法"]', "intentions": "[]",
        "guardian_consent_on": None, "registered_on": "2024-01-10", "status": "active",
    },
    "volunteer_status_changes": {
        "id": 1, "volunteer_id": 1, "status": "inactive", "reason": "搬离",
        "effective_on": "2025-10-01", "recorded_at": STAMP,
    },
    "teams": {
        "id": 1, "name": "助老服务队", "level": "服务队", "parent_id": None, "leader_id": None,
        "contact_id": None, "unit": None, "office_phone": None, "base": None,
        "founded_on": "2024-01-15", "status": "active", "dissolved_on": None,
        "status_reason": None, "notes": None,
    },
    "memberships": {
        "id": 1, "team_id": 1, "volunteer_id": 1, "role": "队员", "joined_on": "2024-01-15",
        "left_on": None,
    },
    "activities": {
        "id": 1, "activity_no": "A20250315-01", "title": "敬老院探访", "date": "2025-03-15",
        "start_time": "08:30", "end_time": "11:30", "place": None, "category": "社区服务",
        "theme": None, "team_id": 1, "beneficiary_group": None, "capacity": None,
        "leader_id": None, "status": "held", "status_reason": None, "description": None,
        "needs_insurance": 0, "series_key": None,
    },
    "service_records": {
        "id": 1, "volunteer_id": 1, "activity_id": 1, "service_date": "2025-03-15",
        "start_time": "08:30", "end_time": "11:30", "minutes": 180, "attendance": "present",
        "place": None, "content": None, "beneficiaries": None, "leader": None,
        "recorder": "王芳", "evaluation": None, "notes": None, "kind": "original",
        "corrects_id": None, "reason": None, "recorded_at": STAMP,
    },
    "trainings": {
        "id": 1, "training_no": "T20250301-01", "title": "岗前培训", "date": "2025-03-01",
        "topic": "志愿精神", "minutes": 120, "trainer": None, "place": None, "initial": 1,
        "notes": None,
    },
    "training_attendance": {"id": 1, "training_id": 1, "volunteer_id": 1},
    "insurance_policies": {
        "id": 1, "volunteer_id": 1, "insurer": "人保财险", "policy_no": "PA2025",
        "start_on": "2025-01-01", "end_on": "2025-12-31", "notes": None,
    },
    "commendations": {
        "id": 1, "year": 2024, "title": "优秀志愿者", "volunteer_id": 1, "team_id": None,
        "awarded_on": "2024-12-20", "awarded_by": None, "notes": None,
    },
    "recipients": {
        "id": 1, "recipient_no": "R000001", "name": "陈阿婆", "group_name": "空巢老人",
        "gender": None, "birth_date": None, "id_number": None, "phone": "+8657385012345",
        "address": None, "needs": None, "family_contact": None, "family_phone": None,
        "status": "active", "status_reason": None, "registered_on": "2024-02-01",
        "notes": None,
    },
    "pairings": {
        "id": 1, "recipient_id": 1, "volunteer_id": 1, "started_on": "2024-02-01",
        "ended_on": None, "notes": None,
    },
    "activity_beneficiaries": {
        "id": 1, "activity_id": 1, "recipient_id": None, "group_name": "空巢老人",
        "people": 5, "withdrawn_at": None, "withdrawn_reason": None,
    },
}  # fmt: skip


def test_every_sound_row_passes() -> None:
    assert set(SOUND) == set(CHECKERS)
    for name, row in SOUND.items():
        assert refusal(name, row, TODAY) is None, name
        assert CHECKERS[name]([row.get(c) for c in tables(TODAY)[name].columns]) is None, name


PROBES = [
    None, True, 0, 1, -1, 2, 5, 120, 1440, 1441, 1989, 1990, 2026, 2027, 100_000, 100_001, 2**70,
    1.5, {}, [], "", " ", "x" * 51, "x" * 101, "x" * 201, "x" * 2001, "2025-03-15", "2025-02-30",
    "2026-06-02", "1989-12-31", "1899-12-31", "20250315", "08:30", "24:00", "12:00",
    "+8613812340001", "13812340001", "original", "amend", "void", "leave", "active", "dissolved",
    "男", "服务组", "队长", "held", "category", '["书法"]', "[1]", "护照", "关爱他人",
    make_id("19850601"), make_id("19850601", male=False),
]  # fmt: skip


def test_the_compiled_check_agrees_with_the_rules_value_by_value() -> None:
    """Every column of every table's sound row replaced by each probe value, twice (the
    second time the compiled tests know the sound values): the compiled check refuses
    exactly what the rules refuse."""
    for _warm in range(2):
        for name, sound in SOUND.items():
            table = tables(TODAY)[name]
            names = tuple(table.columns)
            for column in names:
                for probe in PROBES:
                    row = {**sound, column: probe}
                    compiled = CHECKERS[name]([row.get(n) for n in names])
                    expected = table.refusal(row, TODAY)
                    assert (compiled is None) == (expected is None), (name, column, probe)


@settings(max_examples=300, deadline=None, derandomize=True)
@given(name=st.sampled_from(sorted(CHECKERS)), data=st.data())
def test_the_compiled_check_of_every_table_agrees_with_its_rules(name, data) -> None:
    """A sound row with a few values changed: the compiled check (what a merge runs on
    millions of rows) refuses exactly the rows the rules refuse."""
    table = tables(TODAY)[name]
    names = tuple(table.columns)
    changed = data.draw(st.sets(st.sampled_from(names), max_size=3))
    row = [data.draw(VALUES) if n in changed else SOUND[name].get(n) for n in names]
    compiled = CHECKERS[name](row)
    expected = table.refusal(dict(zip(names, row, strict=True)), TODAY)
    assert (compiled is None) == (expected is None), (name, row, compiled, expected)


def test_a_sound_record_passes_and_each_flaw_is_named() -> None:
    record = {
        "id": 1,
        "volunteer_id": 1,
        "activity_id": 1,
        "service_date": "2025-03-15",
        "start_time": "08:30",
        "end_time": "11:30",
        "minutes": 180,
        "attendance": "present",
        "recorder": "王芳",
        "kind": "original",
        "corrects_id": None,
        "reason": None,
        "recorded_at": "2025-03-15T12:00:00+08:00",
    }
    assert refusal("service_records", record, TODAY) is None
    flaws = {
        "service_date": ("2025-02-30", "reason.date_not_real"),
        "minutes": (1441, "reason.number_out_of_range"),
        "start_time": ("12:00", "reason.end_before_start"),
        "corrects_id": (7, "reason.correction_target"),
        "attendance": ("leave", "hours.reason.zero_time_with_hours"),
        "recorder": ({}, "reason.value_not_text"),
    }
    for column, (value, key) in flaws.items():
        found = refusal("service_records", {**record, column: value}, TODAY)
        assert found is not None and found.key == key, (column, found)


def test_a_volunteers_number_is_checked_for_its_document_type_and_agreement() -> None:
    person = {
        "id_type": "居民身份证",
        "id_number": make_id("19850601", male=False),
        "gender": "女",
        "birth_date": "1985-06-01",
        "registered_on": "2024-01-10",
        "status": "active",
    }
    assert refusal("volunteers", person, TODAY) is None
    assert refusal("volunteers", {**person, "gender": "男"}, TODAY).key == (
        "reason.id_gender_mismatch"
    )
    assert refusal("volunteers", {**person, "birth_date": "1985-06-02"}, TODAY).key == (
        "reason.id_birth_date_mismatch"
    )
    lower = {**person, "id_number": person["id_number"][:-1] + person["id_number"][-1].lower()}
    if lower["id_number"] != person["id_number"]:
        assert refusal("volunteers", lower, TODAY).key == "reason.not_stored_form"
    passport = {**person, "id_type": "护照", "id_number": "E12345678", "gender": None}
    assert refusal("volunteers", passport, TODAY) is None
    assert refusal("volunteers", {**person, "phone": "13812340001"}, TODAY).key == (
        "reason.not_stored_form"
    )


NAMES = st.sampled_from(["王秀英", " 李 建国 ", "Zhang Wei", "长" * 50, "长" * 51, "", "a\u3000b"])
DATES = st.sampled_from(
    [None, "", "1985-06-01", "1985.6", "1985年6月1日", "2025-02-30", "2030-01-01", 19850601]
)
PHONES = st.sampled_from(
    [None, "13812340001", "138-1234-0001", "+86 138 1234 0001", "0573-85012345", "12345", "x"]
)


@settings(max_examples=200, deadline=None, derandomize=True)
@given(
    name=NAMES,
    born=st.sampled_from(["19850601", "19700101", "20150601"]),
    male=st.booleans(),
    birth=DATES,
    registered=DATES,
    phone=PHONES,
    other=PHONES,
    notes=st.sampled_from([None, "", "x" * 2000, "x" * 2001]),
    guardian=st.booleans(),
)
def test_what_register_add_accepts_the_rules_accept_too(
    name, born, male, birth, registered, phone, other, notes, guardian
) -> None:
    """``register add`` and the sheet import check a volunteer with ``volunteers.prepare``;
    whatever it accepts, the one validation path accepts as stored: the same parsers and
    limits, so a registered volunteer is never one ``check`` or a merge refuses."""
    from volctl.errors import InvalidInput
    from volctl.roster import volunteers

    given = volunteers.VolunteerInput(
        name=name,
        id_number=make_id(born, male=male),
        phone=phone,
        birth_date=birth,
        registered_on=registered,
        emergency_phone=other,
        notes=notes,
        guardian_name="王建国" if guardian else None,
        guardian_phone="13912340002" if guardian else None,
    )
    try:
        prepared = volunteers.prepare(given, today=TODAY)
    except InvalidInput:
        return
    values = {**prepared.values, "volunteer_no": "V000001", "status": "active"}
    assert refusal("volunteers", values, TODAY) is None, values
