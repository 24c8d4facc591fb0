"""The tables volctl keeps so that a clean import or ``register add`` never imports python-stdnum
or phonenumbers (volctl.lookup), and GB 11643's check character computed in volctl: each the
same as the library gives, and the cache read back only while its sources are unchanged."""

from __future__ import annotations

import os
import sys

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from volctl import identity, lookup


def test_the_tables_are_the_libraries_own() -> None:
    from phonenumbers.phonemetadata import PhoneMetadata
    from stdnum import numdb

    assert lookup.from_libraries().regions == numdb.get("cn/loc").prefixes
    metadata = PhoneMetadata.metadata_for_region("CN")
    assert metadata is not None and metadata.mobile is not None
    assert lookup.cn_mobile_pattern() == metadata.mobile.national_number_pattern


# Codes near the table's own: a real code with its last digits changed, a short or long one.
_REAL = sorted({low for _l, low, _h, _p, _c in lookup.from_libraries().regions})
codes = st.one_of(
    st.from_regex(r"[0-9]{6}", fullmatch=True),
    st.tuples(st.sampled_from(_REAL), st.from_regex(r"[0-9]{0,6}", fullmatch=True)).map("".join),
)


@settings(max_examples=300, deadline=None)
@given(codes)
def test_a_region_code_splits_as_stdnum_splits_it(code: str) -> None:
    from stdnum import numdb

    assert lookup.region_info(code) == numdb.get("cn/loc").info(code)


@settings(max_examples=400, deadline=None)
@given(st.integers(0, 10**17 - 1), st.sampled_from("0123456789X"))
def test_the_check_character_is_stdnums(first: int, last: str) -> None:
    from stdnum.cn import ric

    number = f"{first:017d}{last}"
    assert identity._check_digit(number) == ric.calc_check_digit(number)


@pytest.fixture
def cache(monkeypatch, tmp_path):
    path = tmp_path / "__pycache__" / "lookup.marshal"
    monkeypatch.setattr(lookup, "cache_path", lambda: str(path))
    monkeypatch.setattr(sys, "dont_write_bytecode", False)
    return path


def test_the_cache_is_read_back_until_a_source_changes(cache) -> None:
    stamps = lookup.sources()
    assert stamps is not None and all(os.path.exists(path) for path, _m, _s in stamps)
    tables = lookup.from_libraries()
    assert lookup._read_cache(stamps) is None  # none yet
    lookup._write_cache(stamps, tables)
    kept = lookup._read_cache(stamps)
    assert kept is not None and (kept.regions, kept.mobile) == (tables.regions, tables.mobile)
    changed = [(path, mtime + 1, size) for path, mtime, size in stamps]
    assert lookup._read_cache(changed) is None  # a library upgraded: read it again
    cache.write_bytes(b"\x00garbage")
    assert lookup._read_cache(stamps) is None


def test_a_cache_that_reads_but_holds_no_table_gives_way_to_the_libraries(
    cache, monkeypatch
) -> None:
    from stdnum import numdb

    stamps = lookup.sources()
    assert stamps is not None
    lookup._write_cache(stamps, lookup._Tables([1, 2, 3], "("))  # the right stamps
    monkeypatch.setattr(lookup, "_tables", None)
    assert lookup.region_info("330482") == numdb.get("cn/loc").info("330482")
    monkeypatch.setattr(lookup, "_tables", lookup._Tables([1, 2, 3], "("))
    assert lookup.cn_mobile_pattern() == lookup.from_libraries().mobile
    kept = lookup._read_cache(stamps)  # kept afresh
    assert kept is not None and kept.regions == lookup.from_libraries().regions


def test_a_lazy_pattern_is_the_pattern_compiled_when_first_used() -> None:
    import re

    from volctl.patterns import lazy_pattern

    lazy = lazy_pattern(r"(\d{4})年", re.IGNORECASE)
    assert "search" not in vars(lazy)  # not compiled yet
    assert lazy.search("填报于2025年3月").group(1) == "2025"  # type: ignore[union-attr]
    assert lazy.sub("-", "2025年") == "-"
    assert (lazy.pattern, lazy.flags) == (r"(\d{4})年", re.compile(r"(\d{4})年", re.I).flags)
