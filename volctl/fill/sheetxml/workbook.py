"""The workbook's other parts: every XML part checked, the defined names (print area, print
titles) and the parts anchored to the sheet's rows (drawings, comments, tables, other sheets'
formulas) moved, calcChain.xml dropped and a full recalculation asked for."""

from __future__ import annotations

import re
import zipfile
from xml.sax.saxutils import escape

from volctl.fill.sheetxml.refs import Mapper, shift_range, shift_refs
from volctl.fill.sheetxml.sheet import attr


class Damaged(Exception):
    """A part of the template that is not well-formed XML: copied as it is, it would make the
    filled file one that Excel repairs or refuses."""

    def __init__(self, part: str) -> None:
        super().__init__(part)
        self.part = part


def check_parts(zin: zipfile.ZipFile) -> None:
    """Every XML part of the workbook parses (the filled file copies or rewrites each)."""
    from xml.parsers import expat

    for info in zin.infolist():
        if not info.filename.endswith((".xml", ".rels", ".vml")):
            continue
        parser = expat.ParserCreate()
        try:
            parser.Parse(zin.read(info.filename), True)
        except (expat.ExpatError, ValueError, zipfile.BadZipFile, OSError, EOFError):
            raise Damaged(info.filename) from None


def relationships(zf: zipfile.ZipFile, part: str) -> dict[str, tuple[str, str]]:
    """Id -> (type, member) of a part's relationships."""
    folder, _, name = part.rpartition("/")
    rels = f"{folder}/relationships/{name}.rels"
    if rels not in zf.namelist():
        return {}
    out = {}
    for m in re.finditer(r"<Relationship\b([^>]*)/?>", zf.read(rels).decode("utf-8")):
        attrs = m.group(1)
        target = attr(attrs, "Target") or ""
        if attr(attrs, "TargetMode") == "External":
            continue
        out[attr(attrs, "Id") or ""] = (attr(attrs, "Type") or "", _resolve(folder, target))
    return out


def _resolve(folder: str, target: str) -> str:
    if target.startswith("/"):
        return target.lstrip("/")
    parts = folder.split("/") if folder else []
    for piece in target.split("/"):
        if piece == "..":
            if parts:
                parts.pop()
        elif piece and piece != ".":
            parts.append(piece)
    return "/".join(parts)


def rewrite_workbook(
    xml: str,
    sheet_name: str,
    mapper: Mapper,
    header_first: int,
    header_last: int,
    print_titles: bool,
    notes: list[str],
) -> str:
    """workbook.xml: defined names moved (print area), the header repeated on each printed
    page when the template did not say (``notes`` says so), a full recalculation asked for on
    load."""
    index = _sheet_index(xml, sheet_name)

    def name(m: re.Match[str]) -> str:
        return (
            m.group(1)
            + shift_refs(m.group(2), mapper, sheet_name, unqualified=False, rows=True)
            + m.group(3)
        )

    xml = re.sub(r"(<definedName\b[^>]*>)(.*?)(</definedName>)", name, xml, flags=re.S)
    titles = re.search(
        rf'<definedName\b[^>]*name="_xlnm.Print_Titles"[^>]*localSheetId="{index}"', xml
    ) or re.search(rf'<definedName\b[^>]*localSheetId="{index}"[^>]*name="_xlnm.Print_Titles"', xml)
    if print_titles and index is not None and titles is None:
        quoted = "'" + sheet_name.replace("'", "''") + "'"
        entry = (
            f'<definedName name="_xlnm.Print_Titles" localSheetId="{index}">'
            f"{escape(quoted)}!${header_first}:${header_last}</definedName>"
        )
        empty = re.search(r"<definedNames\s*/>", xml)
        opening = re.search(r"<definedNames\b[^>]*?(?<!/)>", xml)
        if empty is not None:
            xml = (
                xml[: empty.start()] + f"<definedNames>{entry}</definedNames>" + xml[empty.end() :]
            )
        elif opening is not None:
            xml = xml[: opening.end()] + entry + xml[opening.end() :]
        else:
            anchor = "</externalReferences>" if "</externalReferences>" in xml else "</sheets>"
            xml = xml.replace(anchor, f"{anchor}<definedNames>{entry}</definedNames>", 1)
        notes.append("print_titles_added")
    if re.search(r"<calcPr\b", xml):
        xml = re.sub(r'(<calcPr\b[^>]*?)\s*fullCalcOnLoad="[^"]*"', r"\1", xml)
        xml = re.sub(r"<calcPr\b", '<calcPr fullCalcOnLoad="1"', xml, count=1)
    else:
        for anchor in ("</definedNames>", "</sheets>"):
            if anchor in xml:
                xml = xml.replace(anchor, f'{anchor}<calcPr fullCalcOnLoad="1"/>', 1)
                break
    return xml


def _sheet_index(xml: str, sheet_name: str) -> int | None:
    from xml.sax.saxutils import unescape

    for i, m in enumerate(re.finditer(r"<sheet\b([^>]*)/?>", xml)):
        name = attr(m.group(1), "name")
        if name is not None and unescape(name, {"&quot;": '"', "&apos;": "'"}) == sheet_name:
            return i
    return None


def drop_calc_chain(zin: zipfile.ZipFile, changed: dict[str, bytes]) -> str | None:
    """Drop calcChain.xml (its cell list names rows that moved): from the package, the
    workbook's relationships and the content types."""
    name = "xl/calcChain.xml"
    if name not in zin.namelist():
        return None
    rels = "xl/relationships/workbook.xml.rels"
    if rels in zin.namelist():
        text = zin.read(rels).decode("utf-8")
        changed[rels] = re.sub(r"<Relationship\b[^>]*calcChain[^>]*/>", "", text).encode("utf-8")
    types = "[Content_Types].xml"
    if types in zin.namelist():
        text = zin.read(types).decode("utf-8")
        changed[types] = re.sub(r"<Override\b[^>]*calcChain[^>]*/>", "", text).encode("utf-8")
    return name


def move_related(kind: str, text: str, mapper: Mapper) -> str:
    """A drawing, VML drawing, comments or table part of the sheet with its rows moved."""
    if kind.endswith("/drawing"):

        def anchor(m: re.Match[str]) -> str:
            moved = mapper(int(m.group(2)) + 1, False)
            return f"{m.group(1)}{(moved or int(m.group(2)) + 1) - 1}{m.group(3)}"

        return re.sub(r"(<(?:\w+:)?row>)(\d+)(</(?:\w+:)?row>)", anchor, text)
    if kind.endswith("/vmlDrawing"):

        def vml(m: re.Match[str]) -> str:
            moved = mapper(int(m.group(2)) + 1, False)
            return f"{m.group(1)}{(moved or int(m.group(2)) + 1) - 1}{m.group(3)}"

        return re.sub(r"(<x:Row>)(\d+)(</x:Row>)", vml, text)

    def ref(m: re.Match[str]) -> str:
        return f"{m.group(1)}{shift_range(m.group(2), mapper) or m.group(2)}{m.group(3)}"

    return re.sub(r'(\bref=")([^"]+)(")', ref, text)


def sheet_prefix(xml: str) -> str:
    m = re.search(r"<(\w+:)?sheetData\b", xml)
    return (m.group(1) or "") if m else ""


def other_sheets(zin: zipfile.ZipFile, part: str) -> list[str]:
    return [
        n
        for n in zin.namelist()
        if n.startswith("xl/worksheets/") and n.endswith(".xml") and n != part
    ]
