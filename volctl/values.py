"""Enumerated values in either language: one parser and one namer for every list of choices.

A clerk types a team level, a role, an attendance, a category… in Chinese (副队长), in English
(deputy) or by an alias (副队, vice-captain, a GB/T code); :func:`parse` turns any of them into
the value the roster stores, which never changes with the language (a Chinese word for the
lists of the seeds and national standards, an English code for volctl's own states). What the
clerk reads shows the interface language's name (:func:`name`); official forms print the
stored Chinese, JSON and ``--header keys`` the stored value.

Names are compared folded: full-width letters, case, spaces, hyphens and underscores aside
(``early-leave``, ``early_leave``, ``Early Leave``). A kind's table is either written here
(``Value``: stored, Chinese, English, aliases) or, for values stored as English codes whose
labels the catalogue already holds, ``(stored, catalogue key)`` pairs.

The lists the clerk extends (activity categories, beneficiary groups, training topics) live in
the roster; their built-in entries have English names here, the clerk's own are as typed.

Imported by the commands and domain code that read or show such values, never at start-up.
"""

import unicodedata
from collections.abc import Iterable
from typing import NamedTuple

from volctl.errors import InvalidInput, Where
from volctl.i18n import get_lang, join_list, t, t_in


class Value(NamedTuple):
    stored: str
    zh: str
    en: str
    aliases: tuple[str, ...] = ()


def _zh(stored: str, en: str, *aliases: str) -> Value:
    """A value stored as its Chinese name."""
    return Value(stored, stored, en, aliases)


# English names of the national code lists (``volctl.codes`` holds
# their codes and the Chinese short forms sheets use): the first is the name, then aliases.
_POLITICAL_EN = {
    "中共党员": ("CPC member", "party member", "communist party member"),
    "中共预备党员": ("CPC probationary member", "probationary party member"),
    "共青团员": ("CYL member", "youth league member", "league member"),
    "民革党员": ("RCCK member",),
    "民盟盟员": ("CDL member",),
    "民建会员": ("CNDCA member",),
    "民进会员": ("CAPD member",),
    "农工党党员": ("CPWDP member",),
    "致公党党员": ("CZGP member",),
    "九三学社社员": ("Jiusan Society member",),
    "台盟盟员": ("TDSL member",),
    "无党派人士": ("non-party", "independent"),
    "群众": ("no affiliation", "masses", "ordinary citizen", "none"),
}
_EDUCATION_EN = {
    "研究生": ("postgraduate", "master's", "masters", "doctorate", "phd"),
    "大学本科": ("bachelor", "bachelor's", "undergraduate", "university"),
    "大学专科": ("junior college", "associate", "college"),
    "中等职业教育": ("vocational school", "secondary vocational"),
    "普通高中": ("senior high school", "high school"),
    "初中": ("junior high school", "middle school"),
    "小学": ("primary school", "elementary school"),
    "其他": ("other",),
}
_GENDER_EN: dict[str, tuple[str, ...]] = {"男": ("male", "man"), "女": ("female", "woman")}
_ID_TYPE_EN = {
    "居民身份证": ("resident ID card", "id card"),
    "港澳台居民居住证": ("residence permit",),
    "护照": ("passport",),
    "港澳居民来往内地通行证": ("home-return permit",),
    "台湾居民来往大陆通行证": ("Taiwan compatriot permit",),
    "外国人永久居留身份证": ("foreign permanent resident card",),
}


def _standard() -> dict[str, tuple[Value, ...]]:
    """The national code lists, from their home (``codes``), named in English."""
    from volctl import codes

    def named(english: dict[str, tuple[str, ...]], zh: str, *aliases: str) -> Value:
        en = english[zh]
        return Value(zh, zh, en[0], (*aliases, *en[1:]))

    return {
        "gender": tuple(named(_GENDER_EN, zh, *aliases) for zh, aliases in codes.GENDERS.items()),
        "political_status": tuple(
            named(_POLITICAL_EN, full, code, *short) for code, full, short in codes.POLITICAL_STATUS
        ),
        "education": tuple(named(_EDUCATION_EN, full, *short) for full, short in codes.EDUCATION),
        "id_type": tuple(
            named(_ID_TYPE_EN, zh, *aliases) for zh, aliases in codes.ID_TYPES.items()
        ),
    }


TABLES: dict[str, tuple[Value, ...]] = {
    "team_level": (
        _zh("大队", "brigade"),
        _zh("中队", "squadron"),
        _zh("分队", "detachment"),
        _zh("服务队", "service team", "team"),
        _zh("服务组", "service group", "group"),
    ),
    "team_role": (
        _zh("队长", "leader", "captain", "team leader", "head", "正队长"),
        _zh("副队长", "deputy", "deputy leader", "vice-captain", "vice captain", "副队"),
        _zh("队员", "member", "成员"),
    ),
    "theme": (
        _zh("关爱他人", "caring for others", "others"),
        _zh("关爱社会", "caring for society", "society"),
        _zh("关爱自然", "caring for nature", "nature"),
    ),
    # Built-in entries of the lists the clerk extends (schema m001).
    "category": (
        _zh("社区服务", "community service"),
        _zh("扶贫减贫", "poverty relief"),
        _zh("支教助学", "education support"),
        _zh("卫生健康", "health"),
        _zh("法律服务", "legal services", "legal aid"),
        _zh("环境保护", "environmental protection", "environment"),
        _zh("科技科普", "science outreach", "science"),
        _zh("文化艺术", "culture and arts", "culture"),
        _zh("平安综治", "public safety"),
        _zh("文明风尚", "civility"),
        _zh("交通引导", "traffic guidance"),
        _zh("志愿消防", "volunteer firefighting"),
        _zh("应急救援", "emergency rescue"),
        _zh("禁毒宣传", "drug prevention"),
        _zh("体育健身", "sports and fitness", "sports"),
        _zh("旅游服务", "tourism services", "tourism"),
        _zh("关爱特殊群体", "care for special groups", "special groups"),
        _zh("大型活动", "major events"),
        _zh("疫情防控", "epidemic prevention"),
        _zh("其他", "other"),
    ),
    "beneficiary_group": (
        _zh("儿童", "children"),
        _zh("妇女", "women"),
        _zh("老年人", "older people", "elderly", "the elderly"),
        _zh("残障人士", "people with disabilities"),
        _zh("优抚对象", "veterans and military families"),
        _zh("贫困家庭", "low-income families"),
        _zh("特殊群体", "special groups"),
        _zh("病患者", "patients"),
        _zh("农村居民", "rural residents"),
        _zh("城镇居民", "urban residents"),
        _zh("社会公众", "general public", "public"),
        _zh("空巢老人", "empty-nest elders", "empty-nest elderly"),
        _zh("留守儿童", "left-behind children"),
        _zh("残疾人", "disabled people"),
        _zh("农民工", "migrant workers"),
        _zh("困难家庭", "families in hardship"),
        _zh("其他", "other"),
    ),
    "training_topic": (
        _zh("志愿精神", "volunteer spirit"),
        _zh("应急救护", "first aid"),
        _zh("卫生保健", "health care"),
        _zh("环境保护", "environmental protection", "environment"),
        _zh("法律常识", "law basics", "law"),
        _zh("文明交通", "traffic civility"),
        _zh("文明礼仪", "etiquette"),
        _zh("防震减灾", "earthquake preparedness", "disaster preparedness"),
        _zh("消防安全", "fire safety"),
    ),
}

# Values stored as English codes, named by the catalogue: (stored, catalogue key, aliases).
CODED: dict[str, tuple[tuple[str, str, tuple[str, ...]], ...]] = {
    "volunteer_status": (
        ("active", "status.active", ("在职", "正常")),
        ("inactive", "status.inactive", ("停用", "注销")),
    ),
    "status_filter": (
        ("active", "status.active", ("正常",)),
        ("inactive", "status.inactive", ("停用", "注销")),
        ("all", "value.all", ("所有",)),
    ),
    "activity_status": (
        ("planned", "activity_status.planned", ("计划",)),
        ("held", "activity_status.held", ("举办", "已办")),
        ("cancelled", "activity_status.cancelled", ("canceled", "取消")),
    ),
    "attendance": (
        ("present", "hours.attendance.present", ("到", "已到", "签到")),
        ("late", "hours.attendance.late", ()),
        ("early_leave", "hours.attendance.early_leave", ()),
        ("leave", "hours.attendance.leave", ("on leave", "请假了")),
        ("absent", "hours.attendance.absent", ("缺勤", "未到")),
    ),
    "report_by": (
        ("month", "report.by.month", ("月", "按月")),
        ("team", "report.by.team", ("按队伍",)),
        ("category", "report.by.category", ("类别", "按类别")),
        ("theme", "report.by.theme", ("按主题",)),
        ("volunteer", "report.by.volunteer", ("按志愿者", "人")),
    ),
    "on_duplicate": (
        ("skip", "value.skip", ()),
        ("update", "value.update", ()),
    ),
    "unsigned": (
        ("skip", "value.skip", ()),
        ("absent", "hours.attendance.absent", ()),
    ),
    "header": (
        ("labels", "value.header_labels", ("label", "名称", "中文")),
        ("keys", "value.header_keys", ("key", "键")),
    ),
    "merge_keep": (
        ("roster", "value.keep_roster", ("ours", "本名册")),
        ("source", "value.keep_source", ("theirs", "来源")),
    ),
}


STANDARD = ("gender", "political_status", "education", "id_type")
_STANDARD: dict[str, tuple[Value, ...]] = {}


def kinds() -> list[str]:
    return [*STANDARD, *TABLES, *CODED]


def table(kind: str) -> tuple[Value, ...]:
    """A kind's values with their names (the catalogue's, for coded values)."""
    if kind in TABLES:
        return TABLES[kind]
    if kind in STANDARD:
        if not _STANDARD:
            _STANDARD.update(_standard())
        return _STANDARD[kind]
    return tuple(
        Value(stored, t_in("zh", key), t_in("en", key), aliases)
        for stored, key, aliases in CODED[kind]
    )


def fold(text: object) -> str:
    """A name as names are compared: NFKC, lower case, without spaces, hyphens, underscores."""
    folded = unicodedata.normalize("NFKC", str(text or "")).casefold()
    return "".join(ch for ch in folded if ch not in " \t\u3000-_")


_LOOKUP: dict[str, dict[str, str]] = {}


def _lookup(kind: str) -> dict[str, str]:
    found = _LOOKUP.get(kind)
    if found is None:
        found = {}
        for value in table(kind):
            for spelling in (value.stored, value.zh, value.en, *value.aliases):
                found.setdefault(fold(spelling), value.stored)
        _LOOKUP[kind] = found
    return found


def find(kind: str, raw: object) -> str | None:
    """The stored value ``raw`` names (Chinese, English or an alias), or None."""
    return _lookup(kind).get(fold(raw))


def parse(
    kind: str,
    raw: object,
    key: str,
    *,
    where: Where | None = None,
    known: Iterable[str] | None = None,
) -> str | None:
    """The stored value of ``raw``; None when it is empty. An unknown name is refused with
    ``key`` (``value`` and ``choices`` filled in, the choices in the interface language).
    ``known``: for a list the clerk extends, its entries as stored (a name matches a
    built-in entry by its English name too, a clerk's own entry as typed)."""
    text = str(raw).strip() if raw is not None else ""
    if not text:
        return None
    if known is not None:
        entries = list(known)
        by_fold = {fold(entry): entry for entry in entries}
        found = by_fold.get(fold(text)) or find(kind, text)
        if found is not None and found in entries:
            return found
        raise InvalidInput(key, where=where, value=text, choices=choices(kind, entries))
    found = find(kind, text)
    if found is None:
        raise InvalidInput(key, where=where, value=text, choices=choices(kind))
    return found


def name(kind: str, stored: object, lang: str | None = None) -> str:
    """What the clerk reads for a stored value, in ``lang`` (the interface language); a
    value not in the table (a clerk's own category) as stored."""
    if stored is None:
        return ""
    lang = lang or get_lang()
    for value in table(kind):
        if value.stored == stored:
            return value.zh if lang == "zh" else value.en
    return str(stored)


def names(kind: str, lang: str | None = None, entries: Iterable[str] | None = None) -> list[str]:
    """The names of a kind's values (of ``entries`` for an extendable list) in ``lang``."""
    if entries is None and kind in CODED:
        # Only ``lang``'s texts: ``table`` reads both languages' (an option's placeholder,
        # made on every command that shows a table, read the other language's whole cache).
        lang = lang or get_lang()
        first: dict[str, str] = {}
        for value, key, _aliases in CODED[kind]:
            first.setdefault(value, key)
        return [t_in(lang, first[value]) for value, _key, _aliases in CODED[kind]]
    stored = list(entries) if entries is not None else [v.stored for v in table(kind)]
    return [name(kind, value, lang) for value in stored]


def choices(kind: str, entries: Iterable[str] | None = None) -> str:
    """The choices in a sentence, in the interface language: 队长、副队长、队员."""
    shown = names(kind, entries=entries)
    if get_lang() != "zh":  # the Chinese too, for the clerk who types it
        zh = names(kind, "zh", entries=entries)
        shown = [
            en if en == cn else t("list.aside", text=en, note=cn)
            for en, cn in zip(shown, zh, strict=True)
        ]
    return join_list(shown)


def placeholder(kind: str, lang: str | None = None) -> str:
    """An option's placeholder listing its choices: leader|deputy|member, 队长|副队长|队员."""
    return "|".join(names(kind, lang))


# Fields (keys of rows and records) that hold a kind's stored value, for the output layer to
# show in the interface language. "status" is left out: which status it is, the command knows.
FIELD_KINDS: dict[str, str] = {
    "gender": "gender",
    "political_status": "political_status",
    "education": "education",
    "id_type": "id_type",
    "level": "team_level",
    "parent_level": "team_level",
    "role": "team_role",
    "theme": "theme",
    "category": "category",
    "beneficiary_group": "beneficiary_group",
    "group_name": "beneficiary_group",
    "group": "beneficiary_group",
    "topic": "training_topic",
    "attendance": "attendance",
}


def named_row(row: dict[str, object], lang: str | None = None) -> dict[str, object]:
    """``row`` with the values of ``FIELD_KINDS`` fields named in ``lang`` (a name already
    given, or a value of no kind, stays as it is)."""
    if not any(key in FIELD_KINDS for key in row):
        return row
    shown = dict(row)
    for key, value in row.items():
        kind = FIELD_KINDS.get(key)
        if kind is not None and isinstance(value, str):
            shown[key] = name(kind, value, lang)
    return shown


# ----------------------------------------------------------------------------- the national lists


def political_status(raw: object, where: Where | None = None) -> str | None:
    """The full label (中共党员) of a status given in full, short (党员), by its GB/T code
    (01) or in English (CPC member)."""
    return parse("political_status", raw, "reason.political_status_unknown", where=where)


def education(raw: object, where: Where | None = None) -> str | None:
    return parse("education", raw, "reason.education_unknown", where=where)


def gender(raw: object, where: Where | None = None) -> str | None:
    return parse("gender", raw, "reason.gender_unknown", where=where)


def id_type(value: str | None, where: Where | None = None) -> str:
    """The document type by its name, an alias or its English name; none given: 居民身份证."""
    from volctl.codes import ID_TYPES, RESIDENT_ID
    from volctl.text import clean

    text = clean(value)
    if not text:
        return RESIDENT_ID
    if text in ID_TYPES:
        return text
    return parse("id_type", text, "reason.id_type_unknown", where=where) or RESIDENT_ID
