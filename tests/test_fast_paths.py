"""The shortcuts a large import takes for values typed cleanly (1985-03-01, 138-1234-5678)
give what the general reading gives: the same value, or the same refusal in the same words.
A trailing space sends the same value down the general path."""

from __future__ import annotations

from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from volctl.dates import parse_date
from volctl.errors import InvalidInput
from volctl.identity import parse_phone


def outcome(read, raw: str) -> tuple[object, ...]:
    try:
        return ("read", read(raw))
    except InvalidInput as error:
        return ("refused", error.key, error.params, error.code)


@settings(max_examples=500)
@given(st.from_regex(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", fullmatch=True))
def test_an_iso_day_reads_as_the_general_path_reads_it(raw: str) -> None:
    assert outcome(parse_date, raw) == outcome(parse_date, raw + " ")


@settings(max_examples=500)
@given(st.from_regex(r"1[0-9]{2}-[0-9]{4}-[0-9]{4}", fullmatch=True))
def test_a_dashed_mobile_reads_as_the_general_path_reads_it(raw: str) -> None:
    assert outcome(parse_phone, raw) == outcome(parse_phone, raw + " ")


def test_the_shortcuts_keep_their_refusals() -> None:
    assert outcome(parse_date, "1985-02-30")[0] == "refused"
    assert outcome(parse_date, "1850-01-01") == outcome(parse_date, "1850-01-01 ")
    assert outcome(parse_date, "1985-03-01") == ("read", parse_date("1985年3月1日"))
    assert outcome(parse_phone, "100-0000-0000") == outcome(parse_phone, "100-0000-0000 ")
    assert outcome(parse_phone, "138-1234-5678") == ("read", "+8613812345678")


@settings(max_examples=1000)
@given(st.text(alphabet="0123456789 +-()'#x转", max_size=20))
def test_a_phone_in_printable_ascii_reads_as_the_tidied_text_reads(raw: str) -> None:
    # An ideographic space tidies to nothing, sending the same text the general way.
    assert outcome(parse_phone, raw) == outcome(parse_phone, "\u3000" + raw)


@settings(max_examples=200)
@given(
    st.dates(date(1900, 1, 1), date(2020, 12, 31)),
    st.sampled_from(["330482", "110105", "990100", "810000"]),
    st.integers(0, 999),
)
def test_an_identity_number_is_built_as_its_dataclass_builds_it(
    born: date, region: str, sequence: int
) -> None:
    import dataclasses

    from volctl.identity import IdNumber, _check_digit, parse_id_number

    base = f"{region}{born:%Y%m%d}{sequence:03d}"
    parsed = parse_id_number(base + _check_digit(base + "0"))
    built = IdNumber(**{f.name: getattr(parsed, f.name) for f in dataclasses.fields(IdNumber)})
    assert parsed == built and hash(parsed) == hash(built) and repr(parsed) == repr(built)
    assert vars(parsed) == vars(built) and list(vars(parsed)) == list(vars(built))


def _general_id(raw: str):  # the reading without the one-pass shortcut: as _checked_id reads
    from volctl.codes import RESIDENT_ID
    from volctl.identity import _checked_id

    return _checked_id(raw.upper(), RESIDENT_ID, date(2025, 3, 1), None)


@settings(max_examples=400)
@given(
    st.sampled_from(["330482", "110105", "990100", "810000", "911000", "000000"]),
    st.dates(date(1850, 1, 1), date(2030, 12, 31)).map(lambda d: f"{d:%Y%m%d}")
    | st.from_regex(r"[0-9]{8}", fullmatch=True),
    st.from_regex(r"[0-9]{3}", fullmatch=True),
    st.sampled_from([None, "X", "x", "0", "5"]),
)
def test_a_plain_identity_number_reads_as_the_general_path_reads_it(
    region: str, born: str, sequence: str, last: str | None
) -> None:
    from volctl.identity import _check_digit, parse_id_number

    base = region + born + sequence
    raw = base + (last or _check_digit(base + "0"))
    read = outcome(lambda r: parse_id_number(r, today=date(2025, 3, 1)), raw)
    assert read == outcome(_general_id, raw)
    if read[0] == "read":
        assert list(vars(read[1])) == list(vars(_general_id(raw)))


@settings(max_examples=300)
@given(
    st.none()
    | st.booleans()
    | st.integers()
    | st.sampled_from([2**63 - 1, -(2**63) + 1, -(2**63), 2**63])
    | st.floats(allow_nan=False)
    | st.text(alphabet=st.characters(exclude_categories=["Cs"]))
)
def test_a_value_written_into_a_statement_is_stored_as_bound(value: object) -> None:
    import sqlite3

    from volctl.sqltext import literal

    conn = sqlite3.connect(":memory:")
    conn.execute("CREATE TABLE t (n INTEGER, s TEXT, x)")
    text = literal(value)
    if text is None:  # not written: bound, as ever
        assert type(value) in (bool, float, int, str)
        return
    conn.execute(f"INSERT INTO t VALUES ({text}, {text}, {text})")
    conn.execute("INSERT INTO t VALUES (?, ?, ?)", (value, value, value))
    written, bound = conn.execute("SELECT n, typeof(n), s, typeof(s), x, typeof(x) FROM t")
    assert written == bound


@given(st.dates() | st.datetimes())
def test_a_day_remembered_reads_as_it_formats(day: date) -> None:
    from volctl.dates import iso_day

    assert iso_day(day) == day.isoformat() and iso_day(day) == day.isoformat()


@given(st.integers(min_value=-2, max_value=10**6), st.sampled_from(["en", "zh"]))
@settings(max_examples=60, deadline=None)
def test_counted_words_are_what_a_string_formatter_gives(count: int, lang: str) -> None:
    """Every message with counted words ({count:~person|people}), formatted by i18n's own
    wrapper, as ``string.Formatter`` with the same ``format_field`` formats it."""
    import re
    import string

    from volctl import i18n

    class Counted(string.Formatter):
        def format_field(self, value: object, format_spec: str) -> str:
            if format_spec[:1] in ("~", "?"):
                one, _, many = format_spec[1:].partition("|")
                word = one if value == 1 else many
                return f"{value} {word}" if format_spec[0] == "~" else word
            return str(super().format_field(value, format_spec))

    texts = i18n.texts(lang)
    counted = [key for key, text in texts.items() if ":~" in text or ":?" in text]
    assert lang == "zh" or len(counted) > 20
    for key in counted:
        text = texts[key]
        names = set(re.findall(r"\{([A-Za-z_][A-Za-z0-9_]*)", text))
        params = {
            name: count if i % 2 == 0 else f"v{count}" for i, name in enumerate(sorted(names))
        }
        for name in re.findall(r"\{([A-Za-z_][A-Za-z0-9_]*):[~?]", text):
            params[name] = count
        assert i18n._format_counted(text, params) == Counted().format(text, **params), key
