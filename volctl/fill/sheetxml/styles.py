"""The workbook's cell formats, and the few the filler adds."""

from __future__ import annotations

import re
from collections.abc import Callable


class Styles:
    """The workbook's cell formats (``cellXfs``), to add the few the filler needs: a cell's
    style with Excel's quote prefix, and a header cell's borders without its font and fill."""

    _XFS = re.compile(r"(<cellXfs\b[^>]*>)(.*?)(</cellXfs>)", re.S)
    _XF = re.compile(r"<xf\b[^>]*?(?:/>|>.*?</xf>)", re.S)

    def __init__(self, xml: str | None) -> None:
        self.xml = xml
        self.xfs: list[str] = []
        self.added: list[str] = []
        self.cache: dict[tuple[int, str], int] = {}
        if xml is not None:
            m = self._XFS.search(xml)
            if m is not None:
                self.xfs = self._XF.findall(m.group(2))

    @property
    def changed(self) -> bool:
        return bool(self.added)

    def wraps(self, index: int) -> bool:
        xf = self.xfs[index] if 0 <= index < len(self.xfs) else ""
        return 'wrapText="1"' in xf or 'wrapText="true"' in xf

    def _clone(self, index: int, how: str, change: Callable[[str], str]) -> int:
        key = (index, how)
        if key in self.cache:
            return self.cache[key]
        if not (0 <= index < len(self.xfs)):
            return index
        xf = change(self.xfs[index])
        self.added.append(xf)
        self.xfs.append(xf)
        self.cache[key] = len(self.xfs) - 1
        return self.cache[key]

    def quoted(self, index: int) -> int:
        """``index`` with Excel's quote prefix (a text shown as typed, never run)."""

        def change(xf: str) -> str:
            xf = re.sub(r'\squotePrefix="[^"]*"', "", xf)
            return re.sub(r"^<xf\b", '<xf quotePrefix="1"', xf)

        return self._clone(index, "quoted", change)

    def plain(self, index: int) -> int:
        """A header cell's style for a data cell: its borders and alignment, the workbook's
        default font and no fill."""

        def change(xf: str) -> str:
            xf = re.sub(r'\s(?:fontId|fillId|applyFont|applyFill)="[^"]*"', "", xf)
            return re.sub(r"^<xf\b", '<xf fontId="0" fillId="0"', xf)

        return self._clone(index, "plain", change)

    def text(self) -> str | None:
        if self.xml is None or not self.added:
            return self.xml
        m = self._XFS.search(self.xml)
        assert m is not None
        opening = re.sub(r'count="\d+"', f'count="{len(self.xfs)}"', m.group(1))
        body = m.group(2) + "".join(self.added)
        return self.xml[: m.start()] + opening + body + m.group(3) + self.xml[m.end() :]
