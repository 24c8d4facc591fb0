"""Identity numbers: normalised, checked, never guessed."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tests.conftest import make_id
from volctl.errors import InvalidInput
from volctl.identity import parse_id_number, region_name
from volctl.masking import mask_id_number


def reason(raw: object, **kw: object) -> str:
    with pytest.raises(InvalidInput) as info:
        parse_id_number(raw, **kw)  # type: ignore[arg-type]
    return info.value.code or info.value.key.removeprefix("reason.")


def test_a_valid_number_gives_birth_date_gender_and_region() -> None:
    parsed = parse_id_number("330482198908051369")
    assert parsed.birth_date == date(1989, 8, 5)
    assert parsed.gender == "女"
    assert parsed.region is not None
    assert parsed.region.startswith("浙江省") and parsed.region.endswith("平湖市")
    assert parsed.warnings == ()


def test_a_region_code_created_after_the_holders_birth_is_accepted() -> None:
    # 平湖市 (330482) dates from 1991; people born before hold such numbers.
    assert parse_id_number("330482195407234999").number == "330482195407234999"


def test_an_unknown_region_code_is_a_warning_not_a_refusal() -> None:
    number = make_id(region="990100")
    parsed = parse_id_number(number)
    assert parsed.number == number
    assert parsed.warnings == ("warning.region_unknown",)
    assert region_name("990100") is None


@pytest.mark.parametrize(
    "typed",
    [
        "３３０４８２１９６４０２１１８１０９",  # full-width digits
        " 330482 19640211 8109 ",  # spaces, as sheets group them
        "'330482196402118109",  # a leading apostrophe from Excel
        "330482-19640211-8109",
    ],
)
def test_typing_variants_normalise_to_the_same_number(typed: str) -> None:
    assert parse_id_number(typed).number == "330482196402118109"


def test_a_lowercase_check_character_x_is_upper_cased() -> None:
    assert parse_id_number("33040219931011396x").number == "33040219931011396X"


def test_a_number_excel_stored_as_a_float_is_refused_as_mangled() -> None:
    assert reason(6.202001969101901e17) == "id_number_mangled_by_excel"
    assert reason("3.30482E+17") == "id_number_mangled_by_excel"
    assert reason(330482198908051369) == "id_number_mangled_by_excel"


def test_a_number_excel_rounded_to_trailing_zeros_is_refused_as_mangled() -> None:
    # What Excel shows for 620200196910190197 typed as a number: 15 digits, then zeros.
    assert reason("620200196910190000") == "id_number_mangled_by_excel"


def test_each_kind_of_bad_number_has_its_own_reason() -> None:
    assert reason("") == "missing_id_number"
    assert reason(None) == "missing_id_number"
    assert reason("33048219890805136") == "id_number_format"
    assert reason("330482890805136") == "id_number_format_15"
    assert reason("33048219890805136A") == "id_number_format"
    assert reason("330482198908051368") == "id_number_checksum"
    assert reason(make_id(birth="19890230")) == "id_number_birth_date"
    assert reason(make_id(birth="20991231")) == "id_number_birth_date"


def test_other_documents_are_checked_for_shape_only() -> None:
    assert parse_id_number("e1234567 8", "护照").number == "E12345678"
    assert reason("A!", kind="护照") == "id_number_format_other"


def test_masking_keeps_four_characters_at_each_end() -> None:
    assert mask_id_number("330482198908050011") == "3304**********0011"
    assert mask_id_number(None) is None


@given(
    born=st.dates(min_value=date(1920, 1, 1), max_value=date(2020, 12, 31)),
    seq=st.integers(min_value=0, max_value=999),
    region=st.sampled_from(["330482", "110105", "520115", "320106"]),
)
def test_every_checksummed_number_round_trips_and_one_changed_digit_is_caught(
    born: date, seq: int, region: str
) -> None:
    base = f"{region}{born:%Y%m%d}{seq:03d}"
    from stdnum.cn import ric

    number = base + ric.calc_check_digit(base + "0")
    parsed = parse_id_number(number)
    assert parsed.number == number and parsed.birth_date == born
    assert parsed.gender == ("男" if seq % 2 else "女")
    wrong = number[:-2] + str((int(number[-2]) + 1) % 10) + number[-1]
    with pytest.raises(InvalidInput):
        parse_id_number(wrong)


@given(st.text(max_size=60))
def test_arbitrary_text_is_either_a_valid_number_or_a_clear_refusal(text: str) -> None:
    try:
        parsed = parse_id_number(text)
    except InvalidInput as exc:
        assert exc.key.startswith("reason.")
    else:
        assert len(parsed.number) == 18


# ----------------------------------------------------------------------------- at the edges


def test_the_standards_own_1880_example_is_refused_as_born_before_1900_said_so() -> None:
    with pytest.raises(InvalidInput) as info:
        parse_id_number("440524188001010014")  # GB 11643-1999's example: a valid checksum
    assert info.value.key == "reason.id_number_born_before_1900"
    assert info.value.code == "id_number_birth_date"  # the reason code stays the same


def test_hong_kong_macau_and_taiwan_residence_permits_are_known_regions() -> None:
    for region, place in (("810000", "香港"), ("820000", "澳门"), ("830000", "台湾")):
        parsed = parse_id_number(make_id(region=region), "港澳台居民居住证")
        assert parsed.warnings == () and parsed.region is not None and place in parsed.region


def test_the_2023_foreign_permanent_resident_card_gives_its_birth_date() -> None:
    parsed = parse_id_number("932682198501010017", "外国人永久居留身份证")
    assert (parsed.birth_date, parsed.gender, parsed.warnings) == (date(1985, 1, 1), "男", ())
    # Given in an identity-number column, it is recognised for what it is.
    as_id = parse_id_number("932682198501010017")
    assert as_id.kind == "外国人永久居留身份证" and as_id.birth_date == date(1985, 1, 1)
    assert reason("932682198501010018", kind="外国人永久居留身份证") == "id_number_checksum"


def test_a_foreign_card_registers_with_its_document_type(cli, roster) -> None:
    result = cli(
        "register", "add", "--name", "John Smith", "--id-number", "932682198501010017",
        "--phone", "13812345678", "--format", "json", "--show-pii",
    )  # fmt: skip
    assert result.exit_code == 0, result.stderr
    record = result.json()
    assert (record["id_type"], record["birth_date"]) == ("外国人永久居留身份证", "1985-01-01")


def test_a_15_digit_number_with_an_impossible_date_says_the_date_is_impossible() -> None:
    with pytest.raises(InvalidInput) as info:
        parse_id_number("330482801301001")  # 1980-13-01
    assert info.value.key == "reason.id_number_15_birth_date"
    assert info.value.code == "id_number_birth_date"
    assert reason("330482800101001") == "id_number_format_15"  # a real date: give the 18


def test_a_masked_number_is_named_as_masked() -> None:
    assert reason("3304**********0011") == "id_number_masked"
