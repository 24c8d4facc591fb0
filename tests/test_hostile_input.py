"""Hostile and random text at every option: a clear message or success, never a traceback."""

from __future__ import annotations

import sqlite3

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.conftest import make_id

NASTY = st.one_of(
    st.text(max_size=80).filter(lambda s: "\x00" not in s),
    st.sampled_from(
        [
            "'; DROP TABLE volunteers; --",
            '=HYPERLINK("http://x")',
            "+cmd|' /C calc'!A0",
            "@SUM(1)",
            "\u202e王秀英",
            "\u200b\u200b",
            "王" * 5000,
            "１２３",
            "\t\r\n",
            "-1",
            "NaN",
            "%s%s%n",
            "../../etc/passwd",
            "null",
            "3.30482E+17",
        ]
    ),
)


def volunteers(db) -> list[tuple]:
    conn = sqlite3.connect(db)
    rows = conn.execute("SELECT * FROM volunteers").fetchall()
    conn.close()
    return rows


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(name=NASTY, phone=NASTY, political=NASTY)
def test_register_add_with_hostile_text_never_crashes(cli, roster, name, phone, political) -> None:
    before = volunteers(roster)
    result = cli(
        "register",
        "add",
        "--name",
        name,
        "--id-number",
        make_id(seq=7),
        "--phone",
        phone,
        "--political",
        political,
    )
    assert "Traceback" not in result.stderr
    assert result.exit_code in (0, 3, 5), result.stderr
    if result.exit_code != 0:
        assert result.stderr.startswith("Error: ")
        assert volunteers(roster) == before


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(ref=NASTY, search=NASTY)
def test_lookups_with_hostile_text_never_crash(cli, add_volunteer, ref, search) -> None:
    result = cli("register", "show", ref)
    assert result.exit_code in (0, 2, 4, 5) and "Traceback" not in result.stderr
    listed = cli("register", "list", "--search", search, "--format", "json")
    assert listed.exit_code == 0 and isinstance(listed.json(), list)


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    value=NASTY,
    option=st.sampled_from(
        [
            "--registered-on",
            "--birth",
            "--guardian-consent-on",
            "--gender",
            "--education",
            "--id-type",
        ]
    ),
)
def test_dates_and_code_lists_with_hostile_text_give_a_clear_refusal(
    cli, roster, value, option
) -> None:
    result = cli(
        "register",
        "add",
        "--name",
        "王秀英",
        "--id-number",
        make_id(seq=3),
        "--phone",
        "13800001111",
        option,
        value,
    )
    assert "Traceback" not in result.stderr
    assert result.exit_code in (0, 3, 5), result.stderr
