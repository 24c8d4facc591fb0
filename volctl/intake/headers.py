"""Header rows: where a sheet's header is, and which roster field each column holds.

Sheets put title rows, a merged title and a "填报单位(盖章)… 填报日期…" line above the header,
write the same column a dozen ways (姓　名 with an ideographic space, 公民身份号码, 手机号码,
"身份证号码（必填）"), sometimes in two rows (a merged 监护人 over 姓名 and 电话), and end with a
"填表人/审核人" footer. ``detect`` finds the header by its content; ``field_for`` maps one
header text through the alias table after normalising full-width characters and spaces.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date

from volctl.text import clean

IGNORE = "_ignore"  # read but not stored: 序号, 年龄 (derived), the rejects file's own columns
GUARDIAN = "_guardian"  # one cell with the guardian's name and phone: "覃某某 15674244799"
HEADER_SCAN_ROWS = 30  # the header is looked for among the first rows that hold anything

# Roster field -> the header texts that mean it (compared after ``normalise``).
ALIASES: dict[str, tuple[str, ...]] = {
    "name": ("姓名", "名字", "志愿者姓名", "真实姓名", "本人姓名", "name", "full name"),
    "gender": ("性别", "sex", "gender"),
    "birth_date": (
        "出生年月",
        "出生日期",
        "出生年月日",
        "出生时间",
        "生日",
        "birth",
        "birthday",
        "birth date",
        "date of birth",
    ),
    "id_type": ("证件类型", "证件种类", "id type", "document type"),
    "id_number": (
        "身份证号码",
        "身份证号",
        "身份证",
        "公民身份号码",
        "公民身份证号码",
        "身份号码",
        "身份证件号码",
        "身份证明号码",
        "证件号码",
        "证件号",
        "id",
        "id number",
        "id no",
        "identity number",
    ),
    "phone": (
        "联系电话",
        "手机号码",
        "手机",
        "手机号",
        "电话",
        "电话号码",
        "联系方式",
        "移动电话",
        "联系手机",
        "本人电话",
        "本人手机",
        "phone",
        "mobile",
        "tel",
        "telephone",
    ),
    "ethnicity": ("民族", "ethnicity"),
    "political_status": ("政治面貌", "政治面目", "political status"),
    "education": ("文化程度", "学历", "最高学历", "文化水平", "education"),
    "employer": (
        "工作单位",
        "单位",
        "所在单位",
        "工作单位及职务",
        "单位及职务",
        "工作单位及职称",
        "工作单位或学校",
        "学校",
        "就读学校",
        "employer",
    ),
    "position": ("职务", "职称", "职务/职称", "岗位", "position"),
    "office_phone": ("办公电话", "单位电话", "座机", "固定电话", "office phone"),
    "address": (
        "住址",
        "家庭住址",
        "居住地址",
        "现住址",
        "通讯地址",
        "地址",
        "家庭地址",
        "现居住地",
        "address",
    ),
    "area": ("所在社区", "服务区域", "社区", "所属社区", "服务地区", "所在小区", "area"),
    "skills": ("专业特长", "特长", "技能", "专长", "服务技能", "个人特长", "特长爱好", "skills"),
    "intentions": (
        "服务意向",
        "志愿服务意向",
        "意向",
        "服务类别",
        "服务项目",
        "志愿服务类别",
        "意向服务",
        "服务领域",
        "intentions",
    ),
    "availability": ("服务时间", "可服务时间", "空闲时间", "可参加活动时间", "availability"),
    "emergency_contact": ("紧急联系人", "emergency contact"),
    "emergency_phone": ("紧急联系电话", "紧急联系人电话", "emergency phone"),
    "guardian_name": ("监护人", "监护人姓名"),
    "guardian_phone": ("监护人电话", "监护人联系电话", "监护人手机", "监护人手机号码"),
    "guardian_relation": ("与监护人关系", "监护人关系", "与本人关系"),
    "registered_on": ("登记日期", "报名日期", "注册日期", "登记时间", "报名时间", "registered on"),
    "notes": ("备注", "说明", "notes", "remarks"),
    GUARDIAN: (
        "监护人及电话",
        "监护人及联系电话",
        "监护人姓名及电话",
        "监护人姓名及联系电话",
        "监护人姓名电话",
        "监护人信息",
    ),
    IGNORE: (
        "序号",
        "编号",
        "序",
        "no",
        "no.",
        "年龄",
        "原行号",
        "错误原因",
        "签名",
        "签字",
        "本人签名",
        "本人签字",
    ),
}

_NOISE = re.compile(r"[\s*※✱:]+")  # after NFKC: spaces, "必填" stars, trailing colons
_BRACKETED = re.compile(r"[(\[【〔][^)\]】〕]*[)\]】〕]")


def normalise(text: object) -> str:
    """A header text as compared with the alias table: NFKC (full-width to ASCII), lower
    case, without spaces of any kind, stars or colons."""
    return _NOISE.sub("", clean(text).lower())


_TABLE = {normalise(alias): name for name, aliases in ALIASES.items() for alias in aliases}


def field_for(text: object) -> str | None:
    """The roster field a header names, or None: 身份证号码（必填） and 身 份 证 号 count too."""
    key = normalise(text)
    if not key:
        return None
    found = _TABLE.get(key)
    if found is None:
        stripped = _BRACKETED.sub("", key)
        if stripped and stripped != key:
            found = _TABLE.get(stripped)
    return found


@dataclass(frozen=True)
class Column:
    index: int  # 0-based position in the row
    label: str  # the header as written (one line), e.g. 公民身份号码
    field: str | None  # a VolunteerInput field, GUARDIAN, IGNORE, or None (unknown)


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
        return [c for c in self.columns if c.field is None and c.label]

    @property
    def ignored(self) -> list[Column]:
        return [c for c in self.columns if c.field == IGNORE]


Merge = tuple[int, int, int, int]  # first row, first column, last row, last column (0-based)


def _text(value: object) -> str:
    return clean(value) if isinstance(value, str) else ""


def _fields(values: Sequence[object]) -> set[str]:
    found = {field_for(v) for v in values if isinstance(v, str) and v.strip()}
    return {f for f in found if f is not None and f != IGNORE}


def detect(
    rows: Sequence[tuple[int, Sequence[object]]], merged: Sequence[Merge] = ()
) -> Header | None:
    """The header among the first non-blank ``rows`` (row number, cells), or None.

    The header is the first row naming 姓名 and at least two other known columns (or
    姓名 and the identity number). ``merged`` (0-based, relative to ``rows``' numbering
    via ``rows[i][0] - 1``) lets a merged parent label (监护人 over 姓名 | 电话) reach the
    columns it spans.
    """
    for i, (number, values) in enumerate(rows[:HEADER_SCAN_ROWS]):
        found = _fields(values)
        if "name" not in found or ("id_number" not in found and len(found) < 3):
            continue
        labels = [_text(v) for v in values]
        parents, grouped = _spread_merged(labels, number - 1, merged)
        below = rows[i + 1] if i + 1 < len(rows) else None
        if (
            below is not None
            and below[0] == number + 1
            and _is_subheader(below[1], labels, grouped)
        ):
            columns = _two_rows(parents, [_text(v) for v in below[1]])
            header = Header(below[0], columns, first_row=number)
        else:
            columns = [Column(c, label, field_for(label)) for c, label in enumerate(parents)]
            header = Header(number, columns, first_row=number)
        header.sheet_date = sheet_date([values for n, values in rows[:i]])
        return header
    return None


def _spread_merged(
    labels: list[str], row: int, merged: Sequence[Merge]
) -> tuple[list[str], set[int]]:
    """A label merged across several columns applies to each; returns the columns so grouped."""
    spread = list(labels)
    grouped: set[int] = set()
    for r0, c0, r1, c1 in merged:
        if r0 <= row <= r1 and c0 < len(labels) and c1 > c0:
            for c in range(c0, min(c1 + 1, len(spread))):
                spread[c] = spread[c] or labels[c0]
                grouped.add(c)
    return spread, grouped


def _looks_like_data(value: object) -> bool:
    if value is None or value == "":
        return False
    if not isinstance(value, str):
        return True
    return sum(ch.isdigit() for ch in value) >= 5


def _is_subheader(values: Sequence[object], labels: list[str], grouped: set[int]) -> bool:
    """A second header row: labels only under merged (or, in a CSV, empty) header cells."""
    subs = [_text(v) for v in values]
    if not any(subs) or any(_looks_like_data(v) for v in values):
        return False
    for c, sub in enumerate(subs):
        if not sub:
            continue
        above = labels[c] if c < len(labels) else ""
        starts_group = (
            c + 1 < len(subs) and subs[c + 1] and not (labels[c + 1] if c + 1 < len(labels) else "")
        )
        if above and c not in grouped and not starts_group:
            return False
    return True


def _two_rows(parents: list[str], subs: list[str]) -> list[Column]:
    width = max(len(parents), len(subs))
    columns = []
    last_parent = ""
    for c in range(width):
        parent = parents[c] if c < len(parents) else ""
        sub = subs[c] if c < len(subs) else ""
        if parent:
            last_parent = parent
        elif sub:
            parent = last_parent
        if not sub:
            columns.append(Column(c, parent, field_for(parent)))
            continue
        for label in (parent + sub, sub, parent):
            found = field_for(label)
            if found is not None:
                break
        columns.append(Column(c, parent + sub, found))
    return columns


_SHEET_DATE = re.compile(r"(?:填报|填表|报送|报名|制表)?日期\s*[:：]?\s*(.*)$")


def sheet_date(rows: Sequence[Sequence[object]]) -> date | None:
    """The day written on a "填报日期：2025年3月1日" line above the header, if any."""
    from volctl.dates import parse_date
    from volctl.errors import InvalidInput

    for values in rows:
        for c, value in enumerate(values):
            text = _text(value)
            m = _SHEET_DATE.search(text) if "日期" in text else None
            if m is None:
                continue
            raw: object = m.group(1).strip()
            if not raw:
                raw = next((v for v in values[c + 1 :] if v not in (None, "")), None)
            try:
                parsed = parse_date(raw, allow_partial=False)
            except InvalidInput:
                return None
            return parsed.value if parsed else None
    return None


_FOOTER = re.compile(
    r"^(填表人|填报人|审核人|审批人|制表人|负责人|单位负责人|经办人|联系人|填表说明|说明|注|合计|总计|小计)"
    r"\s*(?:[:：]|$)"
)


def is_footer(values: Sequence[object]) -> bool:
    """A "填表人：…　审核人：…" line, a note or a total: the data ends here."""
    first = next((v for v in values if v is not None and v != ""), None)
    return isinstance(first, str) and _FOOTER.match(clean(first)) is not None


def is_blank(values: Sequence[object]) -> bool:
    return all(v is None or (isinstance(v, str) and not v.strip()) for v in values)


def column_letter(index: int) -> str:
    """0 -> A, 25 -> Z, 26 -> AA: how the clerk's spreadsheet names a column."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters
