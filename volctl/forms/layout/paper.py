"""A workbook of printed papers, written a row at a time (xlsxwriter, constant memory).

``Paper`` is the file: written through the one writer (``volctl.files``: a temporary name,
renamed when complete; 0600 when it holds personal data in full), its cell formats made once
per style, its sheets (``volctl.forms.layout.sheet``) finished and saved together. Why
xlsxwriter: it streams rows to disk (constant memory: a ledger of any length takes the same
memory) and writes everything a printed paper needs (A4 set-up, margins, merged ranges,
repeated header rows, manual page breaks, headers and footers, text formats, data validation);
openpyxl stays for reading workbooks and editing them.
"""

from __future__ import annotations

import contextlib
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from volctl.forms.layout.cells import HOURS_FORMAT, Style
from volctl.forms.layout.sheet import BOUND, Sheet


class Paper:
    """An .xlsx file of printed papers; use as a context manager (or call ``close``). Every
    paper made from the roster names people, masked or not, so it is readable by its owner only;
    ``blank``: a paper holding no one's data (the sign-up template) takes the usual mode."""

    def __init__(
        self,
        path: Path,
        *,
        blank: bool = False,
        title: str = "",
        overwrite: bool = True,
        per_sheet_numbers: bool = False,
        error: str = "output.cannot_write",
        hint: str | None = None,
        where: Any = None,
    ) -> None:
        import xlsxwriter

        from volctl import files
        from volctl.errors import InvalidInput, Where

        field = where or Where(field="output")
        if path.suffix.lower() != ".xlsx":
            raise InvalidInput("output.not_xlsx", where=field, path=str(path))
        if not path.parent.exists():
            raise InvalidInput("output.no_folder", where=field, folder=str(path.parent))
        self.path = path
        self.per_sheet_numbers = per_sheet_numbers
        self._stack = contextlib.ExitStack()
        handle = self._stack.enter_context(
            files.open_binary(
                path, private=not blank, overwrite=overwrite, error=error, hint=hint, where=where
            )
        )
        self.book = xlsxwriter.Workbook(
            _Guarded(handle),
            {
                "constant_memory": True,
                "strings_to_numbers": False,
                "strings_to_formulas": False,
                "strings_to_urls": False,
            },
        )
        self.book.set_properties({"title": title, "author": "volctl"})
        self._formats: dict[tuple[Style, str], Any] = {}
        self.sheets: list[Sheet] = []
        self._closed = False

    def sheet(
        self,
        name: str,
        widths: Sequence[float],
        *,
        landscape: bool = False,
        margins: tuple[float, float, float, float] = BOUND,
        fit_width: bool = False,
        numbered: bool = True,
    ) -> Sheet:
        ws = self.book.add_worksheet(name)
        sheet = Sheet(
            self,
            ws,
            widths,
            landscape=landscape,
            margins=margins,
            fit_width=fit_width,
            numbered=numbered,
        )
        self.sheets.append(sheet)
        return sheet

    def hidden_sheet(self, name: str) -> Any:
        """A sheet that is not printed (the code lists behind drop-down lists)."""
        ws = self.book.add_worksheet(name)
        ws.hide()
        return ws

    def format(self, style: Style, kind: str = "text") -> Any:
        """The workbook's format for ``style`` and a kind of value: text, quoted (text that
        starts like a formula), number, hours, date."""
        key = (style, kind)
        found = self._formats.get(key)
        if found is None:
            found = self._formats[key] = self.book.add_format(_properties(style, kind))
        return found

    def close(self) -> None:
        if self._closed:
            return
        self._closed = True
        with self._stack:
            for sheet in self.sheets:
                sheet.close()
            self._save()

    def _save(self) -> None:
        from xlsxwriter.exceptions import FileCreateError

        try:
            self.book.close()
        except FileCreateError as exc:  # the file could not be written: say why, by its name
            cause = exc.args[0] if exc.args else exc
            raise cause if isinstance(cause, OSError) else OSError(str(cause)) from None

    def abandon(self, exc: BaseException) -> None:
        """Throw the file away (an error while it was being made): nothing is left behind."""
        if self._closed:
            return
        self._closed = True
        with contextlib.suppress(Exception):
            self.book.fileclosed = True  # xlsxwriter must not try to write it when collected
        self._stack.__exit__(type(exc), exc, exc.__traceback__)

    def __enter__(self) -> Paper:
        return self

    def __exit__(self, kind: Any, exc: BaseException | None, tb: Any) -> None:
        if exc is not None:
            self.abandon(exc)
            return
        self.close()


class _Guarded:
    """The file xlsxwriter's zip archive writes to. When a write fails (a full disk), the
    archive is left open by xlsxwriter and closed later, when collected, after the file itself
    is gone: every write from then on is dropped, so that Python prints no "Exception ignored
    in ZipFile.__del__" traceback for a file that is being thrown away anyway."""

    def __init__(self, raw: Any) -> None:
        self.raw = raw
        self.failed = False
        self.position = 0

    def _dead(self) -> bool:
        return self.failed or self.raw.closed

    def write(self, data: bytes) -> int:
        if self._dead():
            return len(data)
        try:
            written: int = self.raw.write(data)
        except OSError:
            self.failed = True
            raise
        self.position = self.raw.tell()
        return written

    def tell(self) -> int:
        return self.position if self._dead() else int(self.raw.tell())

    def seek(self, offset: int, whence: int = 0) -> int:
        if self._dead():
            return self.position
        self.position = int(self.raw.seek(offset, whence))
        return self.position

    def seekable(self) -> bool:
        return True

    def flush(self) -> None:
        if self._dead():
            return
        try:
            self.raw.flush()
        except OSError:
            self.failed = True
            raise

    def close(self) -> None:
        """The file is closed by the one writer, not by the archive."""


def _properties(style: Style, kind: str) -> dict[str, Any]:
    props: dict[str, Any] = {
        "font_name": style.font,
        "font_size": style.size,
        "align": style.align,
        "valign": "vcenter" if style.valign == "center" else style.valign,
        "text_wrap": style.wrap,
    }
    if style.bold:
        props["bold"] = True
    if style.border:
        props["border"] = 1
    if style.indent and style.align == "left":
        props["indent"] = style.indent
    if style.fill:
        props["bg_color"] = "#" + style.fill
        props["pattern"] = 1
    if style.color:
        props["font_color"] = "#" + style.color
    if style.number_format is not None:
        props["num_format"] = style.number_format
    elif kind in ("text", "quoted", "blank"):
        props["num_format"] = "@"
    elif kind == "hours":
        props["num_format"] = HOURS_FORMAT
    elif kind == "date":
        props["num_format"] = "yyyy-mm-dd"
    if kind == "quoted":
        props["quote_prefix"] = True
    return props
