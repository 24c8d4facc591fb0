"""Phones keep what a cell holds: an extension however it is written (转, 分机, ext, #, x, a
dash after an 8-digit local number), stored once and printed 0573-85012345 转 8001; two
numbers in one cell; a child reached through the guardian's phone on every printed list."""

from __future__ import annotations

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from volctl.errors import InvalidInput
from volctl.identity import parse_phone, split_extension, split_phones
from volctl.masking import EXTENSION, display_phone, mask_phone

AREAS = st.sampled_from([("010", 8), ("021", 8), ("0573", 8), ("0571", 8), ("020", 8)])
MARKS = ["转", " 转 ", "转分机", "分机", " 分机号：", "ext", "ext.", " ext. ", "EXT", "x", "X", "#"]


def fullwidth(text: str) -> str:
    return "".join(chr(ord(ch) + 0xFEE0) if "!" <= ch <= "~" else ch for ch in text)


@st.composite
def landline(draw: st.DrawFn) -> tuple[str, str]:
    """(area code, local number) of a valid fixed line."""
    area, length = draw(AREAS)
    local = str(draw(st.integers(2, 8))) + "".join(
        str(draw(st.integers(0, 9))) for _ in range(length - 1)
    )
    return area, local


@st.composite
def with_extension(draw: st.DrawFn) -> tuple[str, str, str, str]:
    area, local = draw(landline())
    extension = str(draw(st.integers(1, 999_999)))
    number = draw(st.sampled_from([f"{area}-{local}", f"({area}){local}", f"{area} {local}"]))
    if draw(st.booleans()):
        written = number + draw(st.sampled_from(MARKS)) + extension
    else:
        written = f"{area}-{local}-{extension}"  # the dash after an 8-digit local number
    if draw(st.booleans()):
        written = fullwidth(written)
    return written, area, local, extension


@given(with_extension())
def test_an_extension_is_kept_however_it_is_written(case) -> None:
    written, area, local, extension = case
    try:
        parse_phone(f"{area}{local}")
    except InvalidInput:
        assume(False)  # not a number libphonenumber knows: no extension makes it one
    stored = parse_phone(written)
    assert stored == f"+86{area[1:]}{local}{EXTENSION}{extension}"
    assert display_phone(stored) == f"{area}-{local} 转 {extension}"
    assert parse_phone(stored) == stored  # the stored form reads back as itself
    assert parse_phone(display_phone(stored)) == stored
    masked = mask_phone(stored) or ""
    assert masked.endswith(f"{local[-4:]} 转 {extension}") and "*" in masked


@given(landline())
def test_a_fixed_line_without_an_extension_is_stored_as_before(case) -> None:
    area, local = case
    try:
        parse_phone(f"{area}{local}")
    except InvalidInput:
        assume(False)
    assert parse_phone(f"{area}-{local}") == f"+86{area[1:]}{local}"
    assert split_extension(f"{area}-{local}") == (f"{area}-{local}", None)


@given(st.text(max_size=40))
def test_splitting_an_extension_never_fails_and_keeps_the_number_part(text: str) -> None:
    number, extension = split_extension(text)
    assert text.startswith(number)
    assert extension is None or extension.isdigit()


mobiles = st.tuples(st.sampled_from(["130", "138", "159", "177", "199"]), st.integers(0, 10**8 - 1))


@given(mobiles, st.sampled_from(MARKS), st.integers(1, 9999))
def test_a_mobile_with_an_extension_is_refused_not_half_kept(mobile, mark, extension) -> None:
    number = f"{mobile[0]}{mobile[1]:08d}"
    with pytest.raises(InvalidInput) as caught:
        parse_phone(f"{number}{mark}{extension}")
    assert caught.value.key == "reason.phone_invalid"


@given(mobiles)
def test_a_mobile_written_with_dashes_is_not_taken_for_an_extension(mobile) -> None:
    number = f"{mobile[0]}{mobile[1]:08d}"
    assert parse_phone(f"{number[:3]}-{number[3:7]}-{number[7:]}") == "+86" + number


@pytest.mark.parametrize(
    ("cell", "parts"),
    [
        ("13957312345/0573-85012345", ["13957312345", "0573-85012345"]),
        ("13957312345、0573-85012345转8001", ["13957312345", "0573-85012345转8001"]),
        ("13957312345，13812345678", ["13957312345", "13812345678"]),
        ("139 5731 2345 或 0573-85012345", ["139 5731 2345", "0573-85012345"]),
        ("0573/85012345", ["0573/85012345"]),  # not two numbers
        ("+8657385012345;ext=8001", ["+8657385012345;ext=8001"]),  # one, as stored
        ("13957312345", ["13957312345"]),
    ],
)
def test_a_cell_with_two_numbers_is_split_only_into_whole_numbers(cell, parts) -> None:
    assert split_phones(cell) == parts


def test_a_volunteer_registered_with_an_extension_shows_it(cli, add_volunteer) -> None:
    person = add_volunteer("王五", office_phone="0573-85012345-8001")
    assert person["office_phone"] == "0573-85012345 转 8001"
    only_office = cli(
        "register", "add", "--name", "赵六", "--id-number", "110105199003071239",
        "--office-phone", "010-62345678 分机 12", "--format", "json", "--show-pii",
    )  # fmt: skip
    assert only_office.exit_code == 0, only_office.stderr
    assert only_office.json()["phone"] == "010-62345678 转 12"  # the office line is the contact


def test_a_child_without_a_phone_is_reached_through_the_guardian_on_printed_lists(
    cli, roster, tmp_path
) -> None:
    from openpyxl import load_workbook

    from tests.conftest import make_id

    child = cli(
        "register", "add", "--name", "小明", "--id-number", make_id("20150301", seq=3),
        "--guardian-name", "明父", "--guardian-phone", "13900001111",
        "--registered-on", "2025-01-01", "--format", "json",
    )  # fmt: skip
    assert child.exit_code == 0, child.stderr
    assert child.json()["phone"] is None
    cli("team", "add", "东湖小小志愿者服务队", "--level", "服务队")
    assert cli("team", "join", "东湖小小志愿者服务队", "小明").exit_code == 0
    number = cli(
        "activity", "add", "护绿", "--date", "2025-03-12", "--category", "环境保护",
        "--format", "json",
    ).json()["activity_no"]  # fmt: skip
    assert cli("activity", "signup", number, "小明").exit_code == 0
    sheet = tmp_path / "sheet.xlsx"
    assert cli("activity", "sheet", number, "-o", str(sheet), "--show-pii").exit_code == 0
    cells = [c for row in load_workbook(sheet).active.iter_rows(values_only=True) for c in row]
    assert "13900001111" in cells
    roster_form = tmp_path / "team.xlsx"
    made = cli(
        "export", "form", "team-register", "--team", "东湖小小志愿者服务队",
        "-o", str(roster_form), "--show-pii",
    )  # fmt: skip
    assert made.exit_code == 0, made.stderr
    cells = [
        c for row in load_workbook(roster_form).active.iter_rows(values_only=True) for c in row
    ]
    assert "13900001111" in cells
