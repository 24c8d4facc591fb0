"""register list --search finds a volunteer by whatever the clerk remembers, as plain text."""

from __future__ import annotations

from typing import Any

import pytest

from tests.conftest import make_id


@pytest.fixture
def people(add_volunteer: Any) -> dict[str, dict[str, Any]]:
    return {
        "wang": add_volunteer(
            "王秀英",
            id_number=make_id("19580312", male=False, seq=38),
            phone="186-2024-6633",
            skills="书法,教育辅导",
        ),
        "zhou": add_volunteer(
            "周美华", id_number=make_id("19700101", male=False, seq=5), phone="13957301234"
        ),
        "shan": add_volunteer("单明", skills='篮球"裁判"'),
        "li": add_volunteer("李强", employer="100%纯净水厂"),
    }


def found(cli: Any, text: str) -> list[str]:
    result = cli("register", "list", "--search", text, "--format", "json")
    assert result.exit_code == 0, result.stderr
    return [row["name"] for row in result.json()]


def test_a_full_phone_finds_its_volunteer_as_register_show_does(cli, people) -> None:
    assert found(cli, "13957301234") == ["周美华"]
    assert found(cli, "139-5730-1234") == ["周美华"]
    assert found(cli, "+86 139 5730 1234") == ["周美华"]


def test_the_last_digits_of_a_phone_find_it(cli, people) -> None:
    assert found(cli, "6633") == ["王秀英"]


def test_an_identity_number_whole_or_its_last_digits_finds_it(cli, people) -> None:
    number = people["wang"]["id_number"]
    assert found(cli, number) == ["王秀英"]
    assert found(cli, number[-6:]) == ["王秀英"]
    assert found(cli, number.lower()) == ["王秀英"]


def test_too_few_digits_match_no_phone_or_identity_number(cli, people) -> None:
    assert found(cli, "633") == []


def test_a_volunteer_number_finds_its_volunteer(cli, people) -> None:
    assert found(cli, people["zhou"]["volunteer_no"].lower()) == ["周美华"]


def test_pinyin_initials_find_a_chinese_name(cli, people) -> None:
    assert found(cli, "wxy") == ["王秀英"]
    assert found(cli, "WX") == ["王秀英"]
    assert found(cli, "zmh") == ["周美华"]


def test_a_character_with_two_readings_matches_either(cli, people) -> None:
    assert found(cli, "sm") == ["单明"]
    assert found(cli, "dm") == ["单明"]


def test_a_skill_is_found_by_its_text(cli, people) -> None:
    assert found(cli, "书法") == ["王秀英"]
    assert found(cli, "教育") == ["王秀英"]


def test_like_wildcards_are_plain_characters(cli, people) -> None:
    assert found(cli, "%") == ["李强"]
    assert found(cli, "_") == []
    assert found(cli, "100%纯") == ["李强"]


def test_json_punctuation_matches_only_text_that_holds_it(cli, people) -> None:
    # Skills are stored as JSON: a quote or a comma must not match every skilled volunteer.
    assert found(cli, '"') == ["单明"]
    assert found(cli, ",") == []
    assert found(cli, "[") == []


def test_full_width_text_matches_half_width(cli, people) -> None:
    assert found(cli, "１３９５７３０１２３４") == ["周美华"]
    assert found(cli, "ＷＸＹ") == ["王秀英"]


def test_pinyin_is_imported_only_when_a_search_needs_it() -> None:
    import subprocess
    import sys

    code = (
        "import sys\n"
        "from volctl.roster import search\n"
        "q = search.parse('13957301234'); assert 'pypinyin' not in sys.modules\n"
        "search._initials('王'); assert 'pypinyin' in sys.modules\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)
