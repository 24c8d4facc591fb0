"""Reading header texts and header rows: normalising, the vocabulary machinery, two-row
headers, explicit mappings and ambiguity (see ``volctl.headings``)."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace

from volctl.text import clean, typed

IGNORE = "_ignore"  # read but not stored: 序号, 年龄 (derived), signatures, form-tool metadata
GUARDIAN = "_guardian"  # one cell with the guardian's name and phone: "覃某某 15674244799"
SUBMITTED = "_submitted"  # an online form's submission time (提交答卷时间)
METADATA = "_metadata"  # what else an online form tool adds (所用时间, 来源, 来自IP): ignored

Merge = tuple[int, int, int, int]  # first row, first column, last row, last column (0-based)


@dataclass(frozen=True)
class Field:
    """One field a header can name.

    ``aliases``: whole header texts that mean it (compared after :func:`normalise`).
    ``terms``: key terms found inside a header (after :func:`core`); ``监护人+电话`` needs
    both words. ``unless``: words that mean the header is about something else (出生地 is not
    a birth date). ``meta``: a column an online form tool adds (submission time, IP address).
    """

    name: str
    aliases: tuple[str, ...] = ()
    terms: tuple[str, ...] = ()
    unless: tuple[str, ...] = ()
    meta: bool = False


@dataclass(frozen=True)
class Reading:
    """How one column was read. ``how``: ``column`` (an explicit mapping), ``remembered`` (one
    saved for this roster), ``alias``, ``term``, ``part`` (the first of two fields a header
    names), ``metadata``, ``unknown``, ``ambiguous`` (``clue`` names the field two columns
    could both be; ``field`` is then None), ``blank``. ``clue``: the alias or term that
    decided. ``label``: the header as written, "联系方式/手机" for a sub-column."""

    index: int
    label: str
    field: str | None
    how: str
    clue: str = ""

    @property
    def read(self) -> bool:
        return self.field is not None and self.field != IGNORE


# ----------------------------------------------------------------------------- normalising

_SPACE = re.compile(r"\s+")
_REQUIRED_WORDS = r"(?:非必填|必填|选填|可选|必选|必答|选答)项?"
# A required mark, or a bracket holding one (with any hint beside it: "（18位，必填）").
_REQUIRED = re.compile(
    r"[*※✱★☆]|[(\[【〔<《][^)\]】〕>》(\[【〔<《]*?"
    + _REQUIRED_WORDS
    + r"[^)\]】〕>》]*[)\]】〕>》]"
    r"|(?:非必填|必填|选填)项?"
)
_NUMBERING = re.compile(
    r"^(?:q\d{1,3}[._、:)\]】\-]*|第\d{1,3}题[._、:)\]】\-]*|\d{1,3}[._、:)\]】\-]+"
    r"|[(\[【]\d{1,3}[)\]】]|[一二三四五六七八九十]{1,3}[、.])"
)
_PUNCTUATION = re.compile(r"[:?!。;,]+")
_BRACKETED = re.compile(r"[(\[【〔<][^)\]】〕>]*[)\]】〕>]")
# Politeness and question words around what the header names: 请填写您的…，本人…，…是多少.
_POLITE = re.compile(
    r"^(?:请您|请填写|请输入|请选择|请上传|请问|请|您的|你的|您|你|本人的|本人)+|(?:是多少|是什么|是)$"
)
_TWO_FIELDS = re.compile(r"[/|]|或")


def _numbering_once(text: str) -> str:
    m = _NUMBERING.match(text)
    return text if m is None else text[m.end() :]


def normalise(text: object) -> str:
    """A header text as the alias table compares it: NFKC, lower case, without spaces, line
    breaks, question numbering, required marks, colons or question marks. Idempotent."""
    current = "" if text is None else text if isinstance(text, str) else str(text)
    for _ in range(8):
        step = _SPACE.sub("", clean(current).lower())
        step = _REQUIRED.sub("", step)
        step = _numbering_once(step)
        step = _PUNCTUATION.sub("", step)
        if step == current:
            break
        current = step
    return current


def core(text: object) -> str:
    """:func:`normalise` without bracketed hints and politeness words: what key terms are
    looked for in. Falls back to the normalised text when nothing would be left."""
    light = normalise(text)
    stripped = _POLITE.sub("", _BRACKETED.sub("", light))
    return stripped or light


# ----------------------------------------------------------------------------- vocabulary


class Vocabulary:
    """Fields in the order their key terms are tried (most specific first)."""

    def __init__(self, fields: Iterable[Field]) -> None:
        self.fields: tuple[Field, ...] = tuple(fields)
        self._aliases: dict[str, str] = {}
        for f in self.fields:
            for alias in f.aliases:
                self._aliases.setdefault(normalise(alias), f.name)
        self._terms = [
            (f.name, tuple(term.split("+")), term, f.unless)
            for f in self.fields
            for term in f.terms
        ]
        self._meta = frozenset(f.name for f in self.fields if f.meta)

    def extend(self, *fields: Field) -> Vocabulary:
        """This vocabulary with ``fields`` in front: their aliases and terms are tried first;
        one with the name of an existing field replaces it (the filler's 年龄 -> age where
        the import ignores 年龄)."""
        names = {f.name for f in fields}
        taken = {normalise(a) for f in fields for a in f.aliases}
        rest = [
            replace(f, aliases=tuple(a for a in f.aliases if normalise(a) not in taken))
            for f in self.fields
            if f.name not in names
        ]
        return Vocabulary([*fields, *rest])

    @property
    def names(self) -> list[str]:
        return [f.name for f in self.fields]

    def is_meta(self, name: str | None) -> bool:
        return name in self._meta

    def alias(self, text: str) -> str | None:
        return self._aliases.get(text)

    def term(self, text: str) -> tuple[str, str] | None:
        """The first field whose key term ``text`` holds: (field, term)."""
        if not text:
            return None
        for name, words, term, unless in self._terms:
            if all(w in text for w in words) and not any(u in text for u in unless):
                return name, term
        return None

    def read(self, text: object, parent: object = None) -> tuple[str | None, str, str]:
        """(field, how, clue) for one header text; ``parent``: the header merged above it."""
        light = normalise(text)
        upper = normalise(parent) if parent is not None else ""
        if not light:
            if upper:  # a header cell merged down from the row above
                return self.read(parent)
            return None, "blank", ""
        if upper and upper != light:
            found = self.alias(upper + light)
            if found is not None:
                return found, "alias", upper + light
            hit = self.term(core(parent) + core(text))
            if hit is not None:
                return hit[0], "term", hit[1]
        for key in dict.fromkeys((light, _BRACKETED.sub("", light), core(text))):
            found = self.alias(key)
            if found is not None:
                return found, "alias", key
        centre = core(text)
        if _TWO_FIELDS.search(centre):
            for part in _TWO_FIELDS.split(centre):
                found = self.alias(part)
                hit = (found, part) if found is not None else self.term(part)
                if hit is not None:
                    return hit[0], "part", part
        hit = self.term(centre)
        if hit is not None:
            return hit[0], "term", hit[1]
        return None, "unknown", ""


# ----------------------------------------------------------------------------- header rows


@dataclass
class HeaderReading:
    """A header row read: one :class:`Reading` per column, and how many sheet rows it took."""

    columns: list[Reading]
    rows: int = 1  # 2 for a two-row header
    by_field: dict[str, Reading] = field(default_factory=dict)

    def __post_init__(self) -> None:
        for reading in self.columns:
            if reading.field and reading.field not in self.by_field:
                self.by_field[reading.field] = reading

    @property
    def ambiguous(self) -> list[Reading]:
        return [r for r in self.columns if r.how == "ambiguous"]

    @property
    def unread(self) -> list[Reading]:
        return [r for r in self.columns if r.field is None and r.label]


def text_of(value: object) -> str:
    """A header cell's text as written (one line), or "" for a cell that holds no text."""
    return typed(value) if isinstance(value, str) else ""


def spread(labels: Sequence[str], row: int, merged: Sequence[Merge]) -> tuple[list[str], set[int]]:
    """A label merged across several columns names each of them (or, merged down from the
    row above, the cell below it); returns the labels and the columns so grouped."""
    out = list(labels)
    grouped: set[int] = set()
    for r0, c0, r1, c1 in merged:
        if r0 <= row <= r1 and c0 < len(labels) and c1 > c0:
            for c in range(c0, min(c1 + 1, len(out))):
                out[c] = out[c] or labels[c0]
                grouped.add(c)
    return out, grouped


def _looks_like_data(value: object) -> bool:
    if value is None or value == "":
        return False
    if not isinstance(value, str):
        return True
    return sum(ch.isdigit() for ch in value) >= 5


def is_subheader(values: Sequence[object], labels: Sequence[str], grouped: set[int]) -> bool:
    """Whether ``values`` is a second header row under ``labels``: labels only under merged
    (or, in a CSV, empty) header cells, nothing that looks like data."""
    subs = [text_of(v) for v in values]
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


def is_group_row(values: Sequence[object], row: int, width: int, merged: Sequence[Merge]) -> bool:
    """Whether ``values`` (sheet row ``row``, 0-based) holds group headers over the row below:
    short labels, at least two, one merged across some, not all, of the columns (基本信息 |
    联系方式 | 监护人)."""
    texts = [clean(v) for v in values if isinstance(v, str) and v.strip()]
    if any(_looks_like_data(v) for v in values) or len(texts) < 2:
        return False
    if any(":" in text or len(normalise(text)) > 10 for text in texts):
        return False  # a "填报单位（盖章）：… 填报日期：…" line, not group headers
    spans = [
        (c0, c1)
        for r0, c0, r1, c1 in merged
        if r0 <= row <= r1 and c1 > c0 and c0 < len(values) and text_of(values[c0])
    ]
    return bool(spans) and all(c1 - c0 + 1 < max(width, 2) for c0, c1 in spans)


def read_header(
    top: Sequence[object],
    below: Sequence[object] | None = None,
    *,
    row: int = 0,
    merged: Sequence[Merge] = (),
    vocabulary: Vocabulary,
    explicit: Mapping[str, str] | None = None,
    remembered: Mapping[str, str] | None = None,
    lower: Sequence[Sequence[object]] = (),
) -> HeaderReading:
    """Read a header row (``top``, sheet row ``row`` counted from 0) and, when ``below`` is a
    row of sub-headers under it (and the rows in ``lower`` sub-headers under those: 联系方式
    over 本人 over 手机 | 座机), the sub-columns too; ``merged``: the sheet's merged ranges.
    ``explicit`` and ``remembered``: header text (or column letter) -> field, settled by the
    clerk (see :func:`mapping_key`); a field of "" leaves the column unread."""
    labels = [text_of(v) for v in top]
    spread_labels, grouped = spread(labels, row, merged)
    levels = [spread_labels]
    for depth, values in enumerate([below, *lower] if below is not None else []):
        if values is None or not is_subheader(values, labels, grouped):
            break
        labels = [text_of(v) for v in values]
        spread_labels, grouped = spread(labels, row + depth + 1, merged)
        levels.append(spread_labels)
    width = max(len(level) for level in levels)
    readings: list[Reading] = []
    carried = [""] * len(levels)  # a CSV's group label over the empty cells to its right
    for c in range(width):
        chain = [level[c] if c < len(level) else "" for level in levels]
        deepest = max((i for i, text in enumerate(chain) if text), default=-1)
        for i in range(len(chain)):
            if chain[i]:
                carried[i] = chain[i]
                carried[i + 1 :] = [""] * (len(chain) - i - 1)
            elif i < deepest:
                chain[i] = carried[i]
        parts = [text for text in dict.fromkeys(chain) if text]
        label = "/".join(parts)
        leaf = parts[-1] if parts else ""
        parent = parts[-2] if len(parts) > 1 else ""
        settled = _settled(c, label, parent if len(parts) > 1 else "", leaf, explicit, remembered)
        if settled is not None:
            readings.append(settled)
            continue
        found, how, clue = vocabulary.read(leaf, parent) if parent else vocabulary.read(leaf)
        if found is None and len(parts) > 2:  # 学生信息/姓名 under a group row: the group
            found, how, clue = vocabulary.read(leaf, parts[0])
        if vocabulary.is_meta(found):
            found, how = (SUBMITTED if found == SUBMITTED else IGNORE), "metadata"
        readings.append(Reading(c, label, found, how, clue))
    return HeaderReading(_resolve(readings), rows=len(levels))


def mapping_key(header: str) -> str:
    """How an explicit mapping's header is compared with a column: normalised, the parts of
    a sub-column's label joined ("联系方式/手机" and "联系方式手机" are one)."""
    return normalise(header).replace("/", "")


_COLUMN_LETTERS = re.compile(r"[a-z]{1,3}")


def _settled(
    index: int,
    label: str,
    parent: str,
    sub: str,
    explicit: Mapping[str, str] | None,
    remembered: Mapping[str, str] | None,
) -> Reading | None:
    keys = [mapping_key(label), mapping_key(sub)] if sub else [mapping_key(label)]
    letter = column_letter(index).lower()
    for how, table in (("column", explicit), ("remembered", remembered)):
        if not table:
            continue
        for key in (*keys, letter):
            if key and key in table:
                name = table[key]
                return Reading(index, label, name or None, how, key)
    return None


def _says_mobile(reading: Reading) -> bool:
    text = core(reading.label)
    return any(w in text for w in ("手机", "移动", "mobile"))


# Fields a multiple choice fills; one spread over a column per option is read as one answer.
CHOICE_FIELDS = frozenset({"intentions", "skills", "availability"})
# A guardian's fields: a sheet may give two guardians (父亲姓名 | 父亲电话 | 母亲姓名 | 母亲电话).
GUARDIAN_FIELDS = ("guardian_name", "guardian_phone", "guardian_relation")
# Words saying a phone column is the volunteer's own, not the parent's beside it.
_OWN = ("本人", "学生", "孩子", "个人", "自己", "幼儿", "儿童", "志愿者")
# Where a question's text ends and an option's begins: "第5题：…(多选) - 助老服务".
_OPTION_SEPARATORS = frozenset(" -—－_:：|｜/／(（[【→>")


def choice_options(labels: Sequence[str]) -> list[str] | None:
    """The options of a multiple choice spread over one column per option, or None: the
    labels share the question up to a separator and differ after it (服务意向-助老服务,
    服务意向-环境保护; 第5题：…(多选) - 助老服务)."""
    if len(labels) < 2:
        return None
    first, last = min(labels), max(labels)
    common = 0
    while common < min(len(first), len(last)) and first[common] == last[common]:
        common += 1
    while common and first[common - 1] not in _OPTION_SEPARATORS:
        common -= 1
    if not normalise(first[:common]):
        return None
    options = [label[common:].strip(" -—－_:：|｜/／)）]】") for label in labels]
    if not all(options) or len(set(options)) < len(options):
        return None
    return options


def _resolve(readings: list[Reading]) -> list[Reading]:
    """Two columns read as one field: an explicit mapping wins (the other is left unread);
    a 手机 column beside another phone column makes that one the office phone; a column per
    option of one multiple choice is one answer (``how == "choice"``, ``clue``: the option);
    a guardian's fields given twice are two guardians (``how == "second"``: the second one's);
    otherwise both are ambiguous. Notes, ignored and guardian cells may repeat. A phone column
    right after the guardian's name, on a sheet with no guardian's phone, is the guardian's."""
    groups: dict[str, list[int]] = {}
    for i, r in enumerate(readings):
        if r.field and r.field not in (IGNORE, "notes", SUBMITTED):
            groups.setdefault(r.field, []).append(i)
    taken = set(groups)
    out = list(readings)
    beside = _beside_guardian(readings, groups)
    if beside is not None:
        out[beside] = replace(readings[beside], field="guardian_phone", how="beside", clue="")
        groups.pop("phone")
        taken.add("guardian_phone")
    for name, positions in groups.items():
        if len(positions) < 2:
            continue
        settled = [i for i in positions if readings[i].how in ("column", "remembered")]
        if settled:
            for i in positions:
                if i not in settled[:1]:
                    out[i] = replace(readings[i], field=None, how="displaced", clue=name)
            continue
        if name == GUARDIAN:
            for i in positions[1:]:
                out[i] = replace(readings[i], field=None, how="unknown", clue="")
            continue
        if name in GUARDIAN_FIELDS:
            for i in positions[1:]:
                out[i] = replace(readings[i], how="second")
            continue
        options = choice_options([readings[i].label for i in positions])
        if name in CHOICE_FIELDS and options is not None:
            for i, option in zip(positions, options, strict=True):
                out[i] = replace(readings[i], how="choice", clue=option)
            continue
        mobile = [i for i in positions if _says_mobile(readings[i])]
        if (
            name == "phone"
            and len(positions) == 2
            and len(mobile) == 1
            and "office_phone" not in taken
        ):
            other = next(i for i in positions if i not in mobile)
            out[other] = replace(readings[other], field="office_phone", how="term", clue="电话")
            taken.add("office_phone")
            continue
        for i in positions:
            out[i] = replace(readings[i], field=None, how="ambiguous", clue=name)
    return out


def _beside_guardian(readings: list[Reading], groups: dict[str, list[int]]) -> int | None:
    """The one phone column standing right after the guardian's name, when no column is the
    guardian's phone and the phone's header does not say it is the volunteer's own (孩子姓名 |
    … | 家长姓名 | 联系电话): the parent's phone."""
    names, phones = groups.get("guardian_name", []), groups.get("phone", [])
    if "guardian_phone" in groups or GUARDIAN in groups or len(phones) != 1 or not names:
        return None
    phone = phones[0]
    before = phone - 1
    while before >= 0 and readings[before].field == "guardian_relation":
        before -= 1  # 家长姓名 | 与孩子关系 | 联系电话
    if readings[phone].how in ("column", "remembered") or before not in names:
        return None
    text = core(readings[phone].label)
    return None if any(w in text for w in _OWN) else phone


def column_letter(index: int) -> str:
    """0 -> A, 25 -> Z, 26 -> AA: how the clerk's spreadsheet names a column."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters
