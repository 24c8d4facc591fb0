"""Two tables identity numbers and phones are checked against, read without their libraries.

python-stdnum's table of region codes (``cn/loc``) names the place an identity number was
issued, and phonenumbers' pattern of mainland mobiles accepts a mobile. Reading them costs a
command ~80 ms: importing python-stdnum (``stdnum.util`` imports ``ssl`` and ``pydoc``),
parsing its 6,900-line table (~40 ms) and importing phonenumbers (~20 ms). So both are kept
beside volctl's bytecode (``__pycache__/lookup.<tag>.marshal``), stamped with the files they
come from (path, modification time, size), and read back while none of those changed. The
libraries stay the truth: a changed file, a missing or unreadable cache, or one that cannot
be written means they are read again, as before.
"""

from __future__ import annotations

import os

from volctl import pycache

_CACHE_VERSION = 2  # 2: kept through volctl.pycache
# The files the tables are read from, per library: what tells an upgrade or an edit.
_SOURCES = {
    "stdnum": ("cn/loc.dat", "numdb.py", "__init__.py"),
    "phonenumbers": ("data/region_CN.py", "__init__.py"),
}

# numdb's prefixes: (length, low, high, properties, children), children the same shape.
Prefix = tuple[int, str, str, dict[str, str], list["Prefix"]]
Stamps = list[tuple[str, int, int]]


class _Tables:
    def __init__(self, regions: list[Prefix], mobile: str) -> None:
        self.regions = regions
        self.mobile = mobile


_tables: _Tables | None = None


def region_info(code: str) -> list[tuple[str, dict[str, str]]]:
    """What ``stdnum.numdb.get("cn/loc").info(code)`` says: the code split into its parts,
    each with the properties (province, prefecture, county) the table gives it."""
    try:
        return _find(code, _loaded().regions)
    except (TypeError, ValueError, AttributeError):  # a cache that reads but is not the table
        return _find(code, _reloaded().regions)


def cn_mobile_pattern() -> str:
    """libphonenumber's pattern of valid national numbers of mainland mobiles."""
    import re

    pattern = _loaded().mobile
    try:
        re.compile(pattern)  # kept by re's own cache for whoever compiles it next
    except re.error:  # a cache that reads but is not the pattern
        pattern = _reloaded().mobile
    return pattern


def _find(number: str, prefixes: list[Prefix]) -> list[tuple[str, dict[str, str]]]:
    """``stdnum.numdb.NumDB._find``, step for step (held to it by tests/test_lookup.py)."""
    found: list[tuple[str, dict[str, str]]] = []
    while number:
        part = number
        properties: dict[str, str] = {}
        following: list[Prefix] = []
        for length, low, high, props, children in prefixes:
            if len(part) >= length and low <= part[:length] <= high:
                if length < len(part):  # only the shortest match counts
                    part = part[:length]
                    properties = {}
                    following = []
                properties.update(props)
                following.extend(children)
        found.append((part, properties))
        number, prefixes = number[len(part) :], following
    return found


def _loaded() -> _Tables:
    global _tables
    if _tables is None:
        stamps = sources()
        cached = _read_cache(stamps) if stamps is not None else None
        if cached is not None:
            _tables = cached
        else:
            _tables = from_libraries()
            if stamps is not None:
                _write_cache(stamps, _tables)
    return _tables


def _reloaded() -> _Tables:
    """The tables read from the libraries again and kept afresh: for a cache that reads as one
    should (its version, its stamps) but does not hold what the libraries give."""
    global _tables
    _tables = from_libraries()
    stamps = sources()
    if stamps is not None:
        _write_cache(stamps, _tables)
    return _tables


def from_libraries() -> _Tables:
    """The tables as the libraries give them."""
    from phonenumbers.phonemetadata import PhoneMetadata
    from stdnum import numdb

    metadata = PhoneMetadata.metadata_for_region("CN")
    mobile = metadata.mobile if metadata is not None else None
    assert mobile is not None and mobile.national_number_pattern is not None
    return _Tables(numdb.get("cn/loc").prefixes, mobile.national_number_pattern)


def sources() -> Stamps | None:
    """(path, mtime_ns, size) of each file the tables come from; None when a library's files
    cannot be found without importing it (then the libraries are asked)."""
    from importlib.util import find_spec

    stamps: Stamps = []
    try:
        for library, files in _SOURCES.items():
            spec = find_spec(library)
            folders = spec.submodule_search_locations if spec is not None else None
            if not folders:
                return None
            for name in files:
                path = os.path.join(next(iter(folders)), name)
                info = os.stat(path)
                stamps.append((path, info.st_mtime_ns, info.st_size))
    except (OSError, ImportError, ValueError):
        return None
    return stamps


def cache_path() -> str | None:
    """Where the tables are kept (None where Python keeps no bytecode beside its modules)."""
    return pycache.beside(os.path.dirname(__file__), "lookup.{tag}.marshal")


def _read_cache(stamps: Stamps) -> _Tables | None:
    kept = pycache.read(cache_path(), _CACHE_VERSION, stamps)
    if not isinstance(kept, tuple) or len(kept) != 2:
        return None
    regions, mobile = kept
    if not isinstance(regions, list) or not isinstance(mobile, str):
        return None
    return _Tables(regions, mobile)


def _write_cache(stamps: Stamps, tables: _Tables) -> None:
    """Keep the tables for the next command (as the message catalogue is kept)."""
    pycache.write(cache_path(), _CACHE_VERSION, stamps, (tables.regions, tables.mobile))
