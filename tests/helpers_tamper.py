"""Bundles edited on purpose: parts changed, the manifest's hashes and row counts recomputed so
the bundle's own integrity checks pass, as someone forging a bundle would do. What is left to
refuse such a bundle is the roster's rules (``volctl.validation``)."""

from __future__ import annotations

import hashlib
import json
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from volctl.merge import bundle

Parts = dict[str, list[list[Any]]]  # part name -> [header, *rows]


def parts(path: Path) -> Parts:
    """Every part of a bundle: its column names, then its rows."""
    with zipfile.ZipFile(path) as archive:
        return {
            name.removesuffix(".jsonl"): [
                json.loads(line) for line in archive.read(name).decode().splitlines()
            ]
            for name in archive.namelist()
            if name.endswith(".jsonl")
        }


def forge(source: Path, dest: Path, change: Callable[[Parts], None]) -> Path:
    """``dest``: the bundle ``source`` with its parts changed by ``change`` (in place), every
    part's SHA-256 and row count and the content hash recomputed, and, when ``source`` was
    signed by a test community, signed again with its key: a sender forging their own bundle,
    which only the roster's rules can refuse."""
    with zipfile.ZipFile(source) as archive:
        manifest = json.loads(archive.read("manifest.json"))
        signed = bundle.SIGNATURE in archive.namelist()
    changed = parts(source)
    change(changed)
    members: dict[str, bytes] = {}
    for entry in manifest["files"]:
        lines = changed[entry["name"].removesuffix(".jsonl")]
        data = "".join(json.dumps(line, ensure_ascii=False) + "\n" for line in lines).encode()
        members[entry["name"]] = data
        entry.update(rows=len(lines) - 1, bytes=len(data), sha256=hashlib.sha256(data).hexdigest())
    manifest["content_hash"] = bundle.content_hash(manifest)
    with zipfile.ZipFile(dest, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
        archive.writestr("manifest.json", json.dumps(manifest, ensure_ascii=False))
    if signed:
        sign_as_sender(dest)
    return dest


def sign_as_sender(path: Path) -> None:
    """Sign ``path``'s manifest again with the key of the test community that sent it."""
    from tests.helpers_merge import COMMUNITIES, resign

    with zipfile.ZipFile(path) as archive:
        manifest = json.loads(archive.read("manifest.json"))
    # Read as JSON, not searched as text: a manifest written with ``ensure_ascii`` holds its
    # organisation's name as \u escapes.
    org_name = manifest["organisation"]["org_name"]
    sender = next((short for short, (org, _) in COMMUNITIES.items() if org == org_name), None)
    assert sender is not None, f"forge: a signed bundle from no test community ({org_name!r})"
    resign(path, sender)


def set_value(part: str, row: int, column: str, value: Any) -> Callable[[Parts], None]:
    """A change: one value of one row (0: the first row after the column names)."""

    def change(found: Parts) -> None:
        header = found[part][0]
        found[part][row + 1][header.index(column)] = value

    return change
