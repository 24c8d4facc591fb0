"""Free text is stored as the clerk typed it (full-width （）：， kept) and only compared
folded: every lookup finds an entry typed in the other width, and rosters written before
(their texts stored folded) are found as before."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from tests.helpers_intake import query
from volctl import text
from volctl.text import clean, fold, split_list, typed


def run(cli, *args: str):
    result = cli(*args)
    assert result.exit_code == 0, result.stderr
    return result


def test_a_volunteers_free_text_keeps_its_full_width_punctuation(cli, add_volunteer) -> None:
    person = add_volunteer(
        "王五",
        employer="平湖市实验小学（教师）",
        notes="集中服务日：邻里守望，每月一次",
        skills="书法（楷书）、摄影",
    )
    assert person["employer"] == "平湖市实验小学（教师）"
    assert person["notes"] == "集中服务日：邻里守望，每月一次"
    assert person["skills"] == ["书法（楷书）", "摄影"]


def test_a_team_typed_with_full_width_brackets_is_found_in_either_width(cli, roster) -> None:
    run(cli, "team", "add", "东湖（一）分队", "--level", "分队")
    assert query(roster, "SELECT name FROM teams") == [("东湖（一）分队",)]
    shown = run(cli, "team", "show", "东湖(一)分队", "--format", "json").json()
    assert shown["name"] == "东湖（一）分队"
    again = cli("team", "add", "东湖(一)分队", "--level", "分队")
    assert again.exit_code != 0  # the same team, whatever the width of its brackets
    assert query(roster, "SELECT count(*) FROM teams") == [(1,)]


def test_an_activity_title_keeps_its_colon_and_is_found_by_a_half_width_one(cli, roster) -> None:
    made = run(
        cli, "activity", "add", "集中服务日：邻里守望", "--date", "2025-03-15",
        "--category", "社区服务", "--format", "json",
    ).json()  # fmt: skip
    assert made["title"] == "集中服务日：邻里守望"
    found = run(cli, "activity", "show", "集中服务日:邻里守望", "--format", "json").json()
    assert found["activity_no"] == made["activity_no"]


def test_a_category_the_clerk_added_is_matched_in_either_width_and_stored_as_listed(
    cli, roster
) -> None:
    run(cli, "activity", "categories", "--add", "公益（慈善）服务")
    made = run(
        cli, "activity", "add", "义卖", "--date", "2025-03-15", "--category", "公益(慈善)服务",
        "--format", "json",
    ).json()  # fmt: skip
    assert made["category"] == "公益（慈善）服务"
    run(cli, "activity", "categories", "--add", "公益(慈善)服务")  # already there
    listed = query(roster, "SELECT value FROM code_lists WHERE value LIKE '%慈善%'")
    assert listed == [("公益（慈善）服务",)]


def test_a_volunteer_is_found_by_a_name_typed_in_the_other_width(cli, add_volunteer) -> None:
    add_volunteer("欧阳（小）娜")
    shown = run(cli, "register", "show", "欧阳(小)娜", "--format", "json").json()
    assert shown["name"] == "欧阳（小）娜"


def test_a_roster_written_before_texts_were_kept_as_typed_is_found_as_before(
    cli, roster, db_path: Path
) -> None:
    run(cli, "team", "add", "东湖一队", "--level", "分队")
    run(
        cli, "activity", "add", "护绿", "--date", "2025-03-12", "--category", "社区服务",
    )  # fmt: skip
    conn = sqlite3.connect(db_path)
    with conn:  # what volctl 0.1 stored: the folded texts
        conn.execute("UPDATE teams SET name = '东湖(二)分队'")
        conn.execute("UPDATE activities SET title = '集中服务日:邻里守望'")
    conn.close()
    assert run(cli, "team", "show", "东湖（二）分队", "--format", "json").json()["name"] == (
        "东湖(二)分队"
    )
    shown = run(cli, "activity", "show", "集中服务日：邻里守望", "--format", "json").json()
    assert shown["title"] == "集中服务日:邻里守望"


def test_every_roster_connection_can_fold_in_sql(tmp_path) -> None:
    from volctl.db import open_roster

    conn = open_roster(tmp_path / "r.db", create=True)
    assert conn.execute("SELECT fold('（教师）：１２')").fetchone()[0] == "(教师):12"


texts = st.text(
    alphabet=st.characters(categories=["Lo", "Po", "Ps", "Pe", "Nd", "Zs"]), max_size=20
)


@given(texts)
def test_typed_keeps_every_visible_character_and_folds_to_the_same_key(text: str) -> None:
    kept = typed(text)
    assert typed(kept) == kept
    assert fold(kept) == fold(text) == clean(text)
    assert "".join(kept.split()) == "".join(
        ch for ch in text if not ch.isspace() and ch != "\u3000"
    ).replace("\xa0", "")


@given(st.lists(st.sampled_from(["助老服务", "环境保护", "书法（楷书）"]), min_size=1, max_size=4))
def test_a_list_splits_on_every_separator_forms_use_and_keeps_items_as_typed(items) -> None:
    for separator in ["、", ",", "，", ";", "；", "|", "┋", "\n", "/"]:
        assert split_list(separator.join(items)) == list(dict.fromkeys(items))


@settings(max_examples=2000)
@given(
    st.text(max_size=16)
    | st.text(alphabet=" \u3000\u00a0\u200b\t\x07ａ１（）中文aA-:", max_size=10)
    | st.text(alphabet=st.characters(min_codepoint=0, max_codepoint=0x7F), max_size=16)
    | st.text(alphabet=" +-'1x\x7f\x1f", max_size=12)  # printable ASCII: tidied without regexes
)
def test_tidy_text_is_returned_as_it_is_and_the_same_as_tidied(raw: str) -> None:
    # The fast path for text that needs no tidying gives what the tidying steps give.
    assert text.typed(raw) == text._typed_text(raw)
    assert text.clean(raw) == text._clean_text(raw)
    assert text.compact(raw) == text._compact_text(raw)
