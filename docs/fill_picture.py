"""Make docs/fill-before-after.png: a template as a superior sends it, and the same template
filled by ``volctl export fill`` from the demo roster, side by side, as LibreOffice prints them.

Run from the checkout, with volctl installed and LibreOffice and poppler on the machine:

    python docs/fill_picture.py

The filled copy is made with ``--mask`` (a picture is passed around). Nothing but the standard
library is needed to put the two pages side by side (pdftoppm writes PPM; the PNG is written
here with zlib).
"""

from __future__ import annotations

import os
import struct
import subprocess
import sys
import tempfile
import zlib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TEMPLATE = ROOT / "tests" / "fixtures" / "templates" / "party.xlsx"
TARGET = ROOT / "docs" / "fill-before-after.png"
RESOLUTION = "70"
GAP = 24


def run(*args: str, env: dict[str, str] | None = None) -> None:
    subprocess.run(args, check=True, capture_output=True, env=env, timeout=600)


def ppm(path: Path) -> tuple[int, int, bytes]:
    data = path.read_bytes()
    fields: list[bytes] = []
    pos = 0
    while len(fields) < 4:  # P6, width, height, maximum, each after whitespace or a comment
        while data[pos : pos + 1].isspace():
            pos += 1
        if data[pos : pos + 1] == b"#":
            pos = data.index(b"\n", pos) + 1
            continue
        end = pos
        while not data[end : end + 1].isspace():
            end += 1
        fields.append(data[pos:end])
        pos = end
    width, height = int(fields[1]), int(fields[2])
    return width, height, data[pos + 1 : pos + 1 + width * height * 3]


def side_by_side(left: Path, right: Path, target: Path) -> None:
    pages = [ppm(left), ppm(right)]
    height = max(h for _w, h, _d in pages)
    width = sum(w for w, _h, _d in pages) + GAP
    white = b"\xff\xff\xff"
    rows = []
    for y in range(height):
        line = b""
        for i, (w, h, data) in enumerate(pages):
            line += data[y * w * 3 : (y + 1) * w * 3] if y < h else white * w
            if i == 0:
                line += b"\xcc\xcc\xcc" * GAP
        rows.append(b"\x00" + line)

    def chunk(kind: bytes, body: bytes) -> bytes:
        crc = struct.pack(">I", zlib.crc32(kind + body))
        return struct.pack(">I", len(body)) + kind + body + crc

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    png = b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header)
    png += chunk(b"IDAT", zlib.compress(b"".join(rows), 9)) + chunk(b"IEND", b"")
    target.write_bytes(png)


def main() -> int:
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        env = {**os.environ, "VOLCTL_LANG": "en", "HOME": str(work / "home")}
        env.pop("VOLCTL_DB", None)
        run("volctl", "demo", "--dir", str(work / "demo"), "--format", "json", env=env)
        before = work / "党员志愿者统计表.xlsx"
        before.write_bytes(TEMPLATE.read_bytes())
        after = work / "党员志愿者统计表-填报.xlsx"
        run("volctl", "--db", str(work / "demo" / "roster.db"), "export", "fill", str(before),
            "-o", str(after), "--year", "2025", "--where", "政治面貌=中共党员", "--mask",
            env=env)  # fmt: skip
        run("soffice", f"-env:UserInstallation=file://{work}/lo", "--headless", "--convert-to",
            "pdf", "--outdir", str(work), str(before), str(after))  # fmt: skip
        pictures = []
        for book in (before, after):
            stem = work / book.stem
            run("pdftoppm", "-r", RESOLUTION, "-f", "1", "-l", "1", "-singlefile",
                str(book.with_suffix(".pdf")), str(stem))  # fmt: skip
            pictures.append(stem.with_suffix(".ppm"))
        side_by_side(pictures[0], pictures[1], TARGET)
    print(TARGET)
    return 0


if __name__ == "__main__":
    sys.exit(main())
