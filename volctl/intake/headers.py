"""Header rows of sign-up sheets: where the header is, what each column holds, where the
data ends.

Sheets put title rows, a merged title and a "填报单位(盖章)… 填报日期…" line above the header,
sometimes a two-row header (a merged 监护人 over 姓名 and 电话, 联系方式 over 手机 and 固定电话)
and end with footers: signatures, stamps, 制表/审核, dates, 共计N人, 备注/填报说明, a
declaration. ``detect`` finds the header by its content and reads it by meaning
(``volctl.headings``, shared with the template filler); ``is_footer`` recognises a footer
line, which is skipped and counted, never a rejected row.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from volctl.headings import (
    GUARDIAN,
    IGNORE,
    METADATA,
    SIGNUP,
    SUBMITTED,
    Merge,
    Reading,
    Vocabulary,
    column_letter,
    is_group_row,
    normalise,
    read_header,
    text_of,
)
from volctl.patterns import lazy_pattern
from volctl.text import clean, compact

HEADER_SCAN_ROWS = 30  # the header is looked for among the first rows that hold anything
MAX_HEADER_ROWS = 3  # a group row, a header and its sub-headers at most

# Roster field -> the header texts that mean it exactly (the vocabulary's alias table).
ALIASES: dict[str, tuple[str, ...]] = {f.name: f.aliases for f in SIGNUP.fields}

Column = Reading  # one column of the header: index, label, field, how it was read

__all__ = [
    "ALIASES",
    "GUARDIAN",
    "HEADER_SCAN_ROWS",
    "IGNORE",
    "METADATA",
    "SUBMITTED",
    "Column",
    "Header",
    "Merge",
    "column_letter",
    "detect",
    "field_for",
    "footer_kind",
    "is_blank",
    "is_footer",
    "is_heading",
    "normalise",
    "sheet_date",
]


def field_for(text: object) -> str | None:
    """The roster field one header text names, or None: 身份证号码（必填）, 3、您的身份证号码：
    and 身 份 证 号 count too."""
    return SIGNUP.read(text)[0]


@dataclass
class Header:
    row: int  # sheet row number of the header (the lower row of a two-row header)
    columns: list[Column]
    first_row: int  # sheet row number of the upper header row
    sheet_date: date | None = None  # the 填报日期 above the header, if it reads as a day
    by_field: dict[str, Column] = field(default_factory=dict)

    def __post_init__(self) -> None:
        for column in self.columns:
            if column.field and column.field not in self.by_field:
                self.by_field[column.field] = column

    @property
    def unknown(self) -> list[Column]:
        """Columns read as no field: their values go to the volunteers' notes."""
        return [c for c in self.columns if c.field is None and c.label and c.how != "ambiguous"]

    @property
    def ignored(self) -> list[Column]:
        return [c for c in self.columns if c.field == IGNORE]

    @property
    def ambiguous(self) -> list[Column]:
        return [c for c in self.columns if c.how == "ambiguous"]

    @property
    def settled(self) -> list[Column]:
        """Columns read as the clerk said (``--column``, or remembered for this roster)."""
        return [c for c in self.columns if c.how in ("column", "remembered")]


def _fields(
    values: Sequence[object], settled: Mapping[str, str], vocabulary: Vocabulary
) -> set[str]:
    found: set[str | None] = set()
    for value in values:
        if not isinstance(value, str) or not value.strip():
            continue
        key = normalise(value).replace("/", "")
        found.add(settled[key] or None if key in settled else vocabulary.read(value)[0])
    return {f for f in found if f is not None and f not in (IGNORE, METADATA, SUBMITTED)}


def detect(
    rows: Sequence[tuple[int, Sequence[object]]],
    merged: Sequence[Merge] = (),
    *,
    explicit: Mapping[str, str] | None = None,
    remembered: Mapping[str, str] | None = None,
    vocabulary: Vocabulary = SIGNUP,
    accept: Callable[[set[str]], bool] | None = None,
) -> Header | None:
    """The header among the first non-blank ``rows`` (row number, cells), or None.

    The header is the first row naming the name and at least two other known columns (or the
    name and the identity number), as read by meaning or as the clerk mapped them. A second
    row of sub-headers under it, or a row of group headers above it (merged 联系方式 over
    手机 and 固定电话), is read with it. ``merged``: 0-based ranges, row ``n`` of ``rows``
    being ``n - 1``. ``accept``: another rule for the fields a header row must name (the
    template filler's: any two).
    """
    settled = {**(remembered or {}), **(explicit or {})}
    for i, (number, values) in enumerate(rows[:HEADER_SCAN_ROWS]):
        found = _fields(values, settled, vocabulary)
        if accept is not None:
            enough = accept(found)
        else:
            enough = "name" in found and ("id_number" in found or len(found) >= 3)
        if not enough:
            continue
        # The rows right under it that may be sub-headers (a header of up to three rows).
        under = [
            rows[k][1]
            for k in range(i + 1, min(i + MAX_HEADER_ROWS, len(rows)))
            if rows[k][0] == number + k - i
        ]
        above = rows[i - 1] if i > 0 and rows[i - 1][0] == number - 1 else None

        def read(levels: Sequence[Sequence[object]], row: int) -> Any:
            return read_header(
                levels[0],
                levels[1] if len(levels) > 1 else None,
                lower=levels[2:MAX_HEADER_ROWS],
                row=row,
                merged=merged,
                vocabulary=vocabulary,
                explicit=explicit,
                remembered=remembered,
            )

        reading = read([values, *under], number - 1)
        first, last = number, number + reading.rows - 1
        if above is not None and is_group_row(above[1], number - 2, len(values), merged):
            grouped = read([above[1], values, *under], number - 2)
            if grouped.rows > reading.rows:  # 学生信息 | 监护人信息 over the header
                reading, first = grouped, number - 1
                last = first + reading.rows - 1
        header = Header(last, reading.columns, first_row=first)
        header.sheet_date = sheet_date([v for n, v in rows if n < first])
        return header
    return None


_SHEET_DATE = re.compile(r"(?:填报|填表|报送|报名|制表)?日期\s*[:：]?\s*(.*)$")
# A date written out on a 填报单位（盖章）… line: 2025年3月5日, 2025.3.5, 2025-03-05.
_WRITTEN_DATE = re.compile(r"\d{4}\s*(?:年\s*\d{1,2}\s*月\s*\d{1,2}\s*日|[-./]\d{1,2}[-./]\d{1,2})")


def sheet_date(rows: Sequence[Sequence[object]]) -> date | None:
    """The day written above the header: on a "填报日期：2025年3月1日" line, or at the end of
    the "推荐单位（盖章）：…… 2025年3月5日" line; None if there is none."""
    from volctl.dates import parse_date
    from volctl.errors import InvalidInput

    for values in rows:
        for c, value in enumerate(values):
            text = text_of(value)
            raw: object = None
            m = _SHEET_DATE.search(text) if "日期" in text else None
            if m is not None:
                raw = m.group(1).strip()
                if not raw:
                    raw = next((v for v in values[c + 1 :] if v not in (None, "")), None)
            elif re.search(r"盖章|单位|填报|填表|报送", text):
                written = _WRITTEN_DATE.search(text)
                raw = written.group() if written else None
            if raw is None or raw == "":
                continue
            try:
                parsed = parse_date(raw, allow_partial=False)
            except InvalidInput:
                return None
            return parsed.value if parsed else None
    return None


# ----------------------------------------------------------------------------- footers

# A footer line begins with one of these, followed by a colon, a space or nothing.
_FOOTER_LABEL = re.compile(
    r"^(?:填表人|填报人|填表|填报|审核人|审核|审批人|审批|复核人|复核|制表人|制表|统计人|"
    r"负责人|单位负责人|分管领导|经办人|联系人|班主任|辅导员|带队老师|领队|"
    r"日期|时间|填表日期|填报日期|报送日期|制表日期|打印日期|打印时间|导出时间|统计时间|"
    r"备注|说明|注|附注|附|附件|注意|注意事项|提示|温馨提示|特别提示|特别说明|特别提醒|"
    r"填表说明|填报说明|填写说明|填写要求|咨询电话|联系电话|联系方式|报名截止|报名截止时间|"
    r"截止时间|截止日期)(?:[:：]|$)"
)
# Or it signs, stamps, counts or declares.
_FOOTER_WORDS = lazy_pattern(r"签字|签名|签章|盖章|[(（]章[)）]|公章")
_FOOTER_COUNT = re.compile(r"^(?:共计|合计|总计|小计|共|计)[:：]?\d+(?:人|名|位|条|行|户)?")
_FOOTER_TOTAL = re.compile(r"^(?:共计|合计|总计|小计)(?:[:：]|$)")
_DECLARATION = lazy_pattern(
    r"^(?:以上|上述|本人(?:承诺|声明|确认|保证|自愿|已|郑重|同意|所填)|我(?:承诺|已|自愿|保证|同意|们)"
    r"|所填|所有信息|特此|此表|本表|承诺[:：]|声明[:：])"
)
# A subtotal inside the table (a unit's group of people): skipped, and the rows go on.
_SUBTOTAL = re.compile(r"^(?:小计|小结)(?:[:：]|\d|$)")
# A line that is only a date (the day a footer was signed): 2025年3月8日, 年  月  日.
_DATE_LINE = lazy_pattern(
    r"^(?:(?:\d{2,4}|[〇○零一二三四五六七八九]{2,4})?年(?:\d{1,2}|[一二三四五六七八九十]{1,3})?月"
    r"(?:\d{1,2}|[一二三四五六七八九十]{1,3})?[日号]|\d{4}[./-]\d{1,2}[./-]\d{1,2})$"
)


def footer_kind(values: Sequence[object]) -> str | None:
    """``"end"`` for a footer line (signatures, a stamp, 制表/审核, a date, a count: 共计6人,
    合计：6人, a note: 备注：…, 填报说明：…, a declaration: 以上信息经本人确认无误。), which
    ends the data; ``"total"`` for a count or total line (共计6人, 合计：6人), which ends it
    too unless a group heading follows (合计 closing one unit's people, 二、卫健系统 opening
    the next); ``"subtotal"`` for a 小计 line inside the table, after which rows go on; None
    for anything else."""
    for first in values:
        if first is not None and first != "":
            break
    else:
        return None
    if not isinstance(first, str):
        return None
    text = compact(first)
    if _SUBTOTAL.match(text):
        return "subtotal"
    if _FOOTER_COUNT.match(text) or _FOOTER_TOTAL.match(text):
        return "total"
    if _FOOTER_LABEL.match(text) or _DECLARATION.match(text) or _FOOTER_WORDS.search(text):
        return "end"
    if _DATE_LINE.match(text) and sum(1 for v in values if not _empty(v)) == 1:
        return "end"
    return None


def is_footer(values: Sequence[object]) -> bool:
    """A footer line or a subtotal (see :func:`footer_kind`)."""
    return footer_kind(values) is not None


def _empty(value: object) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


# A group heading among the rows (党员志愿者, 一、教育系统, （二）群众志愿者): not a person.
_ENUMERATED = lazy_pattern(
    r"^(?:[一二三四五六七八九十]{1,3}[、.．]|[(（][一二三四五六七八九十\d]{1,3}[)）]|第[一二三四五六七八九十\d]{1,3}[组队部分类批])"
)
_HEADING_WORDS = lazy_pattern(
    r"志愿者|志愿服务|服务队|分队|中队|大队|小组|名单|名册|系统|单位|部门|机关|党员|群众|年级|班级"
    r"|支部|党委|总支|委员会|协会|工会|团委|妇联|社区|街道|学校|小学|中学|大学|学院|医院|公司"
    r"|集团|中心"
)
# What ends the name of a group (第一党小组, 东湖村, 平湖市民政局) and never a person's name
# of four characters or fewer.
_GROUP_END = lazy_pattern(r"[局所站队组班科处室村厂院部办]$")


def is_heading(values: Sequence[object], spanned: bool = False) -> bool:
    """A group heading between the rows of people: one short text alone in its row, merged
    across columns (``spanned``), numbered as a heading (一、 （二） 第三组) or naming a group
    (…志愿者, …系统, …名单). Asked only of a row that is not a valid person."""
    filled = [v for v in values if not _empty(v)]
    if len(filled) != 1 or not isinstance(filled[0], str):
        return False
    text = compact(filled[0])
    if len(text) > 30 or re.search(r"\d{5}", text):
        return False
    if spanned or _ENUMERATED.match(text) or _HEADING_WORDS.search(text):
        return True
    return len(text) > 4 and "·" not in text and bool(_GROUP_END.search(text))


def is_blank(values: Sequence[object]) -> bool:
    return all(v is None or (isinstance(v, str) and not v.strip()) for v in values)


def same_label(value: object, label: str) -> bool:
    """Whether a cell repeats a header label (sheets pasted one under another)."""
    return isinstance(value, str) and clean(value) == clean(label)
