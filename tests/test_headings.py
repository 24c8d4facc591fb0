"""Header texts read by meaning (volctl.headings): the normaliser, property by property; key
terms; two-field headers; two-row headers with merged cells; ambiguity; explicit mappings; a
vocabulary the template filler extends."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from volctl.headings import (
    GUARDIAN,
    IGNORE,
    SIGNUP,
    SUBMITTED,
    Field,
    core,
    normalise,
    read_header,
    words,
)

ALIASES = [(alias, f.name) for f in SIGNUP.fields for alias in f.aliases]
# A header the way sheets and online forms dress it up around its words.
NUMBERING = [
    "",
    "1、",
    "12.",
    "3．",
    "Q4.",
    "Q5_",
    "q6 ",
    "（7）",
    "(8)",
    "第9题 ",
    "十、",
    "【2】",
]
POLITE = ["", "您的", "请填写", "请填写您的", "请输入", "本人"]
REQUIRED = ["", "*", "＊", "（必填）", "(必填)", "【必填】", "※", "（非必填）"]
HINTS = ["", "（18位）", "（可多选）", "(请如实填写)", "【单选】"]
ENDINGS = ["", "：", ":", "？", "?", "：\n", " "]


def fullwidth(text: str) -> str:
    return "".join(chr(ord(ch) + 0xFEE0) if "!" <= ch <= "~" else ch for ch in text)


@st.composite
def dressed(draw: st.DrawFn, words_: str) -> str:
    """``words_`` with numbering, politeness, required marks, hints, colons, spaces."""
    inner = ""
    for ch in words_:
        inner += ch
        if draw(st.integers(0, 5)) == 0:
            inner += draw(st.sampled_from([" ", "\u3000", "\u00a0"]))
    text = draw(st.sampled_from(NUMBERING)) + draw(st.sampled_from(POLITE)) + inner
    text += draw(st.sampled_from(HINTS)) + draw(st.sampled_from(REQUIRED))
    text += draw(st.sampled_from(ENDINGS))
    return fullwidth(text) if draw(st.booleans()) else text


CHINESE_ALIASES = [(a, n) for a, n in ALIASES if not a.isascii() and not a.startswith("本人")]


@settings(max_examples=300)
@given(st.sampled_from(CHINESE_ALIASES).flatmap(lambda p: st.tuples(dressed(p[0]), st.just(p))))
def test_a_header_dressed_as_a_question_reads_as_its_field(case) -> None:
    text, (alias, name) = case
    assert SIGNUP.read(text)[0] == name, (text, alias, normalise(text), core(text))


@given(st.text(max_size=30))
def test_normalising_is_idempotent_and_leaves_no_space_colon_or_star(text: str) -> None:
    once = normalise(text)
    assert normalise(once) == once
    assert not any(unicodedata.category(ch).startswith("Z") or ch.isspace() for ch in once)
    assert not set(once) & set(":：?？*")


@given(st.text(max_size=30))
def test_the_core_of_a_header_is_idempotent_in_effect_and_never_longer(text: str) -> None:
    assert len(core(text)) <= len(normalise(text))
    assert SIGNUP.read(text) == SIGNUP.read(text)  # pure: the same answer twice


@given(st.text(alphabet=st.characters(categories=["Lo", "Nd", "Zs", "Po"]), max_size=12))
def test_reading_any_text_never_fails(text: str) -> None:
    field, how, _clue = SIGNUP.read(text)
    assert how in {"alias", "term", "part", "unknown", "blank"}
    assert (field is None) == (how in {"unknown", "blank"})


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        ("居民身份证号码", "id_number"),
        ("居民身份证号", "id_number"),
        ("公民身份证号", "id_number"),
        ("身份证件号", "id_number"),
        ("有效证件号码", "id_number"),
        ("身份证号/护照号", "id_number"),
        ("手机号码/微信", "phone"),
        ("手机/电话", "phone"),
        ("电话/手机", "phone"),
        ("本人联系电话", "phone"),
        ("移动电话号码", "phone"),
        ("姓名/昵称", "name"),
        ("志愿者名字", "name"),
        ("志愿者姓名", "name"),
        ("紧急联系人手机号", "emergency_phone"),
        ("紧急联系人", "emergency_contact"),
        ("1、您的姓名：", "name"),
        ("3、您的身份证号码：", "id_number"),
        ("Q4. 本人联系电话", "phone"),
        ("7、您愿意参加的志愿服务项目（多选）：", "intentions"),
        ("身份证号码（18位，必填）", "id_number"),
        ("提交答卷时间", SUBMITTED),
        ("所用时间", "_metadata"),
        ("来自IP", "_metadata"),
        ("监护人及电话", GUARDIAN),
        ("家长姓名及联系电话", GUARDIAN),
        ("家长签字", IGNORE),
        ("证件类型", "id_type"),
        ("出生地", None),
        ("监护人身份证号", None),  # the guardian's, not the volunteer's
        ("年级", None),
        ("爱好", None),
    ],
)
def test_real_headers_read_as_what_they_mean(header: str, expected: str | None) -> None:
    assert SIGNUP.read(header)[0] == expected


@pytest.mark.parametrize(
    ("parent", "sub", "expected"),
    [
        ("联系方式", "手机", "phone"),
        ("联系方式", "固定电话", "office_phone"),
        ("监护人", "姓名", "guardian_name"),
        ("监护人", "电话", "guardian_phone"),
        ("监护人", "关系", "guardian_relation"),
        ("紧急联系人", "姓名", "emergency_contact"),
        ("紧急联系人", "电话", "emergency_phone"),
        ("家长信息", "联系电话", "guardian_phone"),
        ("基本信息", "姓名", "name"),
    ],
)
def test_a_sub_column_reads_with_the_header_above_it(parent, sub, expected) -> None:
    assert SIGNUP.read(sub, parent)[0] == expected


def test_a_two_row_header_with_a_merged_parent_names_each_sub_column() -> None:
    top = ["序号", "姓名", "证件号码", "联系方式", "", "监护人", "", ""]
    below = ["", "", "", "手机", "固定电话", "姓名", "电话", "关系"]
    merged = [(0, 3, 0, 4), (0, 5, 0, 7), (0, 0, 1, 0), (0, 1, 1, 1), (0, 2, 1, 2)]
    reading = read_header(top, below, row=0, merged=merged, vocabulary=SIGNUP)
    assert reading.rows == 2
    assert [(r.label, r.field) for r in reading.columns] == [
        ("序号", IGNORE),
        ("姓名", "name"),
        ("证件号码", "id_number"),
        ("联系方式/手机", "phone"),
        ("联系方式/固定电话", "office_phone"),
        ("监护人/姓名", "guardian_name"),
        ("监护人/电话", "guardian_phone"),
        ("监护人/关系", "guardian_relation"),
    ]


def test_two_columns_that_could_be_one_field_are_ambiguous_never_guessed() -> None:
    reading = read_header(["姓名", "证件号码", "身份证号"], vocabulary=SIGNUP)
    assert [(r.field, r.how, r.clue) for r in reading.columns[1:]] == [
        (None, "ambiguous", "id_number"),
        (None, "ambiguous", "id_number"),
    ]
    settled = read_header(
        ["姓名", "证件号码", "身份证号"], vocabulary=SIGNUP, explicit={"身份证号": "id_number"}
    )
    assert [(r.field, r.how) for r in settled.columns[1:]] == [
        (None, "displaced"),
        ("id_number", "column"),
    ]


def test_an_explicit_mapping_reads_a_header_nothing_else_knows_or_a_column_letter() -> None:
    reading = read_header(
        ["队员", "有效证件号", "联络"], vocabulary=SIGNUP, explicit={"队员": "name", "c": "phone"}
    )
    assert [(r.field, r.how) for r in reading.columns] == [
        ("name", "column"),
        ("id_number", "term"),
        ("phone", "column"),
    ]


def test_the_filler_extends_the_vocabulary_with_export_fields() -> None:
    filler = SIGNUP.extend(
        Field("age", aliases=words("年龄"), terms=words("年龄|岁")),
        Field("hours", aliases=words("服务时长|累计服务时长"), terms=words("时长|小时")),
        Field("team", aliases=words("所属队伍"), terms=words("队伍|服务队")),
        Field("stars", aliases=words("星级"), terms=words("星级")),
    )
    assert SIGNUP.read("年龄")[0] == IGNORE  # the import derives the age
    assert [filler.read(h)[0] for h in ("年龄", "累计服务时长（小时）", "所属队伍", "星级")] == [
        "age",
        "hours",
        "team",
        "stars",
    ]
    assert filler.read("3、您的身份证号码：")[0] == "id_number"  # the rest unchanged
    reading = read_header(["序号", "姓名", "年龄", "服务时长"], vocabulary=filler)
    assert [r.field for r in reading.columns] == [IGNORE, "name", "age", "hours"]
