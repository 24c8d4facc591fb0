"""The normalisers, property by property: header names, identity numbers, phones, dates,
guardian cells. Whatever way a sheet writes a value, the same clean value comes out."""

from __future__ import annotations

import datetime as dt
import unicodedata

import phonenumbers
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.conftest import make_id
from volctl.errors import InvalidInput
from volctl.identity import parse_phone
from volctl.intake.headers import ALIASES, GUARDIAN, IGNORE, detect, field_for, normalise
from volctl.intake.importer import mask_digits
from volctl.intake.rows import RowReader, split_guardian
from volctl.roster.volunteers import prepare

ALL_ALIASES = [(alias, name) for name, aliases in ALIASES.items() for alias in aliases]
TODAY = dt.date(2025, 3, 1)


def fullwidth(text: str) -> str:
    """ASCII letters, digits and punctuation to their full-width forms (as IMEs type them)."""
    return "".join(chr(ord(ch) + 0xFEE0) if "!" <= ch <= "~" else ch for ch in text)


spaces = st.sampled_from([" ", "\u3000", "\u00a0", "  ", "\t"])


@st.composite
def decorated(draw: st.DrawFn, text: str) -> str:
    """``text`` as a header cell might hold it: spaces inside, full-width, a star, a colon,
    a bracketed note."""
    chars = list(text)
    out = ""
    for ch in chars:
        out += ch
        if draw(st.booleans()) and draw(st.booleans()):
            out += draw(spaces)
    if draw(st.booleans()):
        out = fullwidth(out)
    out = draw(st.sampled_from(["", " ", "\u3000"])) + out + draw(st.sampled_from(["", " ", "\n"]))
    out += draw(st.sampled_from(["", "*", "＊", "：", ":", "（必填）", "(必填)", "【必填】"]))
    return out


@given(
    st.sampled_from(ALL_ALIASES).flatmap(lambda pair: st.tuples(decorated(pair[0]), st.just(pair)))
)
def test_a_header_maps_to_its_field_however_it_is_spaced_and_decorated(case) -> None:
    text, (alias, name) = case
    assert field_for(text) == name, (text, alias)


@given(st.text(alphabet=st.characters(categories=["Lo", "Nd", "Zs"]), max_size=12))
def test_normalising_a_header_is_idempotent_and_drops_every_space(text: str) -> None:
    once = normalise(text)
    assert normalise(once) == once
    assert not any(unicodedata.category(ch) == "Zs" for ch in once)


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        ("姓名", "name"),
        ("姓　名", "name"),
        ("身份证号码", "id_number"),
        ("公民身份号码", "id_number"),
        ("证件号码", "id_number"),
        ("联系电话", "phone"),
        ("手机号码", "phone"),
        ("手机", "phone"),
        ("出生年月", "birth_date"),
        ("出生日期", "birth_date"),
        ("工作单位及职务", "employer"),
        ("单位及职务", "employer"),
        ("专业特长", "skills"),
        ("特长", "skills"),
        ("服务意向", "intentions"),
        ("志愿服务意向", "intentions"),
        ("监护人", "guardian_name"),
        ("监护人电话", "guardian_phone"),
        ("监护人及电话", GUARDIAN),
        ("序号", IGNORE),
        ("原行号", IGNORE),
        ("错误原因", IGNORE),
        ("爱好", None),
    ],
)
def test_the_alias_table_knows_the_names_sheets_use(header: str, expected: str | None) -> None:
    assert field_for(header) == expected


def test_no_alias_means_two_fields() -> None:
    seen: dict[str, str] = {}
    for alias, name in ALL_ALIASES:
        key = normalise(alias)
        assert seen.setdefault(key, name) == name, alias


# ----------------------------------------------------------------------------- rows

HEADER = ["序号", "姓名", "性别", "出生年月", "身份证号码", "联系电话", "监护人及电话"]
READER = RowReader(detect([(1, HEADER)]))  # type: ignore[arg-type]
births = st.dates(min_value=dt.date(1940, 1, 1), max_value=dt.date(2006, 12, 31))


def prepared(row: list[object]) -> dict:
    return prepare(READER.to_input(row), today=TODAY).values


def id_for(born: dt.date, male: bool, seq: int) -> str:
    return make_id(born.strftime("%Y%m%d"), male=male, seq=seq)


@st.composite
def id_spellings(draw: st.DrawFn, number: str) -> object:
    """The ways an identity number arrives: spaced, full-width, apostrophe, lowercase x."""
    text = number.lower() if draw(st.booleans()) else number
    if draw(st.booleans()):
        text = f"{text[:6]} {text[6:14]} {text[14:]}"
    if draw(st.booleans()):
        text = fullwidth(text)
    if draw(st.booleans()):
        text = "'" + text
    return draw(st.sampled_from(["", " ", "\u3000"])) + text + draw(st.sampled_from(["", " "]))


@settings(max_examples=150)
@given(born=births, male=st.booleans(), seq=st.integers(0, 99), data=st.data())
def test_an_identity_number_comes_out_the_same_however_it_is_written(born, male, seq, data) -> None:
    number = id_for(born, male, seq)
    spelled = data.draw(id_spellings(number))
    values = prepared([1, "王秀英", None, None, spelled, "13812345678", None])
    assert values["id_number"] == number.upper()
    assert values["birth_date"] == born.isoformat()
    assert values["gender"] == ("男" if male else "女")


mobiles = st.tuples(
    st.sampled_from(["130", "135", "138", "150", "158", "166", "177", "186", "199"]),
    st.integers(0, 10**8 - 1),
).map(lambda p: f"{p[0]}{p[1]:08d}")


@st.composite
def phone_spellings(draw: st.DrawFn, phone: str) -> object:
    form = draw(st.sampled_from(["plain", "dashes", "spaces", "plus86", "float", "fullwidth"]))
    if form == "dashes":
        return f"{phone[:3]}-{phone[3:7]}-{phone[7:]}"
    if form == "spaces":
        return f"{phone[:3]} {phone[3:7]} {phone[7:]}"
    if form == "plus86":
        return f"+86 {phone}"
    if form == "float":
        return float(phone)
    if form == "fullwidth":
        return fullwidth(phone)
    return phone


@given(phone=mobiles, data=st.data())
def test_a_mobile_comes_out_the_same_however_it_is_written(phone, data) -> None:
    spelled = data.draw(phone_spellings(phone))
    values = prepared([1, "王秀英", None, None, make_id(seq=1), spelled, None])
    assert values["phone"] == "+86" + phone


def libphonenumber(text: str) -> str | None:
    """What phonenumbers alone makes of a number: E.164 when valid, else None."""
    try:
        parsed = phonenumbers.parse(text, "CN")
    except phonenumbers.NumberParseException:
        return None
    if not phonenumbers.is_valid_number(parsed):
        return None
    return phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.E164)


@given(st.integers(10**10, 2 * 10**10 - 1), st.sampled_from(["", "+86", "0086"]))
def test_the_fast_mobile_path_agrees_with_phonenumbers(number: int, prefix: str) -> None:
    text = prefix + str(number)
    try:
        got: str | None = parse_phone(text)
    except InvalidInput:
        got = None
    assert got == libphonenumber("+" + text[2:] if prefix == "0086" else text)


DATE_FORMS = [
    lambda d: d,
    lambda d: dt.datetime(d.year, d.month, d.day),
    lambda d: f"{d.year}.{d.month}.{d.day}",
    lambda d: f"{d.year}年{d.month}月{d.day}日",
    lambda d: f"{d.year}/{d.month:02d}/{d.day:02d}",
    lambda d: f"{d.year}-{d.month:02d}",
    lambda d: f"{d.year}年{d.month}月",
    lambda d: f"{d.year}.{d.month}" if d.month != 10 else f"{d.year}年10月",
]


@given(born=births, form=st.sampled_from(DATE_FORMS), male=st.booleans())
def test_a_birth_date_in_any_spelling_agrees_with_the_identity_number(born, form, male) -> None:
    values = prepared([1, "王秀英", None, form(born), id_for(born, male, 3), "13812345678", None])
    assert values["birth_date"] == born.isoformat()


@given(born=births.filter(lambda d: d.month < 12), male=st.booleans())
def test_a_birth_month_that_contradicts_the_identity_number_is_refused(born, male) -> None:
    other = f"{born.year}年{born.month + 1}月"
    with pytest.raises(InvalidInput) as refused:
        prepared([1, "王秀英", None, other, id_for(born, male, 3), "13812345678", None])
    assert refused.value.key == "reason.id_birth_date_mismatch"


# ----------------------------------------------------------------------------- guardians

names = st.text(
    alphabet="王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗芳伟娜秀英", min_size=2, max_size=4
)
relations = st.sampled_from(["父亲", "母亲", "爷爷", "奶奶", "外婆"])


@given(name=names, phone=mobiles, relation=relations, data=st.data())
def test_a_guardian_cell_splits_into_name_phone_and_relation(name, phone, relation, data) -> None:
    spelled = data.draw(phone_spellings(phone).filter(lambda p: isinstance(p, str)))
    form = data.draw(st.sampled_from(["{n} {p}", "{n}{p}", "{n}：{p}", "{p} {n}", "{n}，{p}"]))
    got = split_guardian(form.format(n=name, p=spelled))
    assert got[0] == name and got[2] is None
    assert got[1] is not None and "".join(
        ch for ch in unicodedata.normalize("NFKC", got[1]) if ch.isdigit()
    ).endswith(phone)
    with_relation = split_guardian(f"{name}（{relation}）{spelled}")
    assert with_relation[0] == name and with_relation[2] == relation
    labelled = split_guardian(f"{relation}：{name} {spelled}")
    assert labelled[0] == name and labelled[2] == relation


def test_a_guardian_cell_with_a_name_only_has_no_phone() -> None:
    assert split_guardian("覃某某") == ("覃某某", None, None)


def test_a_minor_with_only_a_guardians_name_is_refused() -> None:
    child = make_id("20150601", seq=1)
    with pytest.raises(InvalidInput) as refused:
        prepared([1, "小明", None, None, child, "13812345678", "覃某某"])
    assert refused.value.key == "reason.minor_without_guardian"


@given(st.text(alphabet="0123456789-+ ", min_size=1, max_size=20))
def test_a_masked_number_shows_at_most_five_digits(text: str) -> None:
    masked = mask_digits(text)
    assert len(masked) == len(text)
    assert sum(ch.isdigit() for ch in masked) <= 5
