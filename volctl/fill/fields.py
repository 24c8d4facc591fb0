"""What a superior's template can ask for: the export-side fields, the header texts that name
them, and which rows each can be filled on.

Import and fill read headers with one reader (``volctl.headings``). The fill vocabulary is the
sign-up vocabulary extended (:meth:`~volctl.headings.Vocabulary.extend`) with what only an
export has: 序号 (numbered), 年龄 (on the day), 所属队伍, 服务时长 (of the period), 服务次数,
累计时长, 星级, 培训, 保险, 表彰, and the columns of a record, an activity or a team. A field
keeps one name across the modes (``hours`` is a volunteer's hours on a per-volunteer sheet, a
record's on a per-record one, a team's on a per-team one); ``MODE_FIELDS`` says where each can
be filled, and ``IN_MODE`` reads a field as the mode means it (联系电话 on a per-team sheet is
the team contact's phone).
"""

from __future__ import annotations

from volctl.headings import IGNORE, SIGNUP, Field, words

SEQ = "seq"  # 序号: numbered from 1

VOLUNTEER, RECORD, ACTIVITY, TEAM = "volunteer", "record", "activity", "team"
MODES = (VOLUNTEER, RECORD, ACTIVITY, TEAM)


# How a field's values compare in ``--where`` and are written: text, a number, a date (ISO
# text), or a list (several values: ``包含`` looks among them, ``=`` matches any of them).
TEXT, NUMBER, DATE, LIST = "text", "number", "date", "list"

# Fields only a filled template has, most specific first (tried before the sign-up ones).
EXPORT_FIELDS = (
    Field(SEQ, aliases=words("序号|编号|序|no|no.|顺序号"), terms=words("序号")),
    Field("volunteer_no", aliases=words("志愿者编号|志愿者号|注册编号|编号号码|volunteer no")),
    Field("age", aliases=words("年龄|周岁|年龄（周岁）|age"), terms=words("年龄")),
    Field(
        "employer_position",
        aliases=words("单位及职务|工作单位及职务|单位职务|工作单位及职称|单位及职称"),
        terms=words("单位+职务|单位+职称"),
    ),
    Field("role", aliases=words("队内职务|队伍职务|队内角色"), terms=words("队内|队伍职务")),
    Field(
        "training_hours",
        aliases=words("培训时长|培训学时|培训小时数"),
        terms=words("培训+时长|培训+学时|培训+小时"),
    ),
    Field(
        "total_hours",
        aliases=words("累计服务时长|累计时长|累计服务时间|累计服务小时数|总时长|累计小时数"),
        terms=words("累计"),
    ),
    Field(
        "star", aliases=words("星级|星级评定|志愿者星级|星级志愿者|星级认定"), terms=words("星级")
    ),
    Field(
        "training",
        aliases=words("培训|培训情况|参加培训|参加培训情况|培训记录"),
        terms=words("培训"),
    ),
    Field(
        "insurance",
        aliases=words("保险|保险情况|意外保险|投保情况|意外险|保险信息"),
        terms=words("保险|投保|保单"),
    ),
    Field(
        "commendation",
        aliases=words("表彰|表彰情况|荣誉|获奖情况|所获荣誉|获得荣誉|表彰奖励|奖励情况"),
        terms=words("表彰|荣誉|获奖|奖励"),
    ),
    Field("leader_phone", terms=words("负责人+电话|负责人+手机|负责人+联系")),
    Field("contact_phone", terms=words("联系人+电话|联系人+手机|联系人+联系方式")),
    Field(
        "team_leader",
        aliases=words("负责人|队长|负责人姓名|活动负责人|带队人|领队"),
        terms=words("负责人|带队"),
    ),
    Field(
        "team_contact",
        aliases=words("联系人|联系人姓名"),
        terms=words("联系人"),
        unless=words("紧急"),
    ),
    Field("level", aliases=words("队伍层级|层级|队伍级别"), terms=words("层级")),
    Field("parent", aliases=words("上级队伍|所属上级|上级单位"), terms=words("上级")),
    Field(
        "founded_on", aliases=words("成立日期|成立时间|组建时间|组建日期"), terms=words("成立|组建")
    ),
    Field("base", aliases=words("服务基地|活动阵地|服务阵地|基地"), terms=words("基地|阵地")),
    Field(
        "activities",
        aliases=words("活动次数|开展活动次数|活动场次|开展活动|活动数|活动数量"),
        terms=words("活动次数|活动场次|开展活动|活动数"),
    ),
    Field(
        "members",
        aliases=words("队员人数|成员人数|志愿者人数|人数|参加人数|参与人数|服务人数|队伍人数"),
        terms=words("人数"),
    ),
    Field(
        "services",
        aliases=words("服务次数|参加次数|参与次数|服务人次|人次|次数|参加活动次数"),
        terms=words("次数|人次"),
    ),
    Field(
        "hours",
        aliases=words(
            "服务时长|服务时长（小时）|服务小时数|志愿服务时长|时长|小时数|服务时间（小时）|工时"
        ),
        terms=words("时长|小时|工时|学时"),
    ),
    Field("activity_no", aliases=words("活动编号|activity no"), terms=words("活动编号")),
    Field(
        "activity",
        aliases=words("活动名称|活动|活动主题|活动项目|服务项目名称|项目名称"),
        terms=words("活动名称|活动主题|活动项目"),
    ),
    Field(
        "service_date",
        aliases=words("服务日期|活动日期|日期|活动时间|服务时间段"),
        terms=words("服务日期|活动日期|活动时间"),
    ),
    Field("start_time", aliases=words("开始时间|签到时间|起始时间"), terms=words("开始时间|签到")),
    Field("end_time", aliases=words("结束时间|签退时间|终止时间"), terms=words("结束时间|签退")),
    Field("place", aliases=words("服务地点|活动地点|地点|活动场所"), terms=words("地点|场所")),
    Field("content", aliases=words("服务内容|活动内容|内容"), terms=words("内容")),
    Field(
        "category",
        aliases=words("服务类别|活动类别|活动类型|服务类型|活动分类"),
        terms=words("活动类别|活动类型|活动分类"),
    ),
    Field("theme", aliases=words("宗旨|活动宗旨|主题|服务主题"), terms=words("宗旨")),
    Field(
        "beneficiaries",
        aliases=words("服务对象|受益对象|受益人|服务人群"),
        terms=words("服务对象|受益"),
    ),
    Field("recorder", aliases=words("记录人|登记人"), terms=words("记录人")),
    Field("evaluation", aliases=words("服务评价|评价|服务质量评价|质量评价"), terms=words("评价")),
    Field("attendance", aliases=words("出勤|考勤|出勤情况|考勤情况"), terms=words("出勤|考勤")),
    Field(
        "team",
        aliases=words(
            "所属队伍|队伍名称|队伍|所在队伍|服务队|所属服务队|志愿服务队|团队名称|组织队伍"
        ),
        terms=words("队伍|服务队|分队|中队|大队|团队"),
    ),
    Field("status", aliases=words("状态|在册状态|注册状态"), terms=words("状态")),
)

FILL = SIGNUP.extend(*EXPORT_FIELDS)

PERSON = (
    "volunteer_no",
    "name",
    "gender",
    "birth_date",
    "age",
    "ethnicity",
    "id_type",
    "id_number",
    "phone",
    "office_phone",
    "political_status",
    "education",
    "employer",
    "position",
    "employer_position",
    "address",
    "area",
    "skills",
    "intentions",
    "availability",
    "emergency_contact",
    "emergency_phone",
    "guardian_name",
    "guardian_phone",
    "guardian_relation",
    "registered_on",
    "notes",
    "status",
)
_VOLUNTEER = (
    *PERSON,
    "team",
    "role",
    "hours",
    "services",
    "total_hours",
    "star",
    "training",
    "training_hours",
    "insurance",
    "commendation",
)
_RECORD_OWN = (
    "service_date",
    "activity",
    "activity_no",
    "start_time",
    "end_time",
    "hours",
    "attendance",
    "place",
    "content",
    "category",
    "theme",
    "beneficiaries",
    "team_leader",
    "recorder",
    "evaluation",
    "team",
)
_ACTIVITY = (
    "activity",
    "activity_no",
    "service_date",
    "start_time",
    "end_time",
    "place",
    "content",
    "category",
    "theme",
    "beneficiaries",
    "team",
    "team_leader",
    "members",
    "services",
    "hours",
    "status",
)
_TEAM = (
    "team",
    "level",
    "parent",
    "employer",
    "team_leader",
    "leader_phone",
    "team_contact",
    "contact_phone",
    "office_phone",
    "founded_on",
    "base",
    "members",
    "activities",
    "services",
    "hours",
    "status",
    "notes",
)
MODE_FIELDS: dict[str, frozenset[str]] = {
    VOLUNTEER: frozenset((SEQ, *_VOLUNTEER)),
    RECORD: frozenset((SEQ, *PERSON, *_RECORD_OWN)),
    ACTIVITY: frozenset((SEQ, *_ACTIVITY)),
    TEAM: frozenset((SEQ, *_TEAM)),
}

# A field as a mode means it, where the header reads as another: on a team's sheet 联系电话
# is the contact's phone and 所属单位 the team's unit; on a volunteer's, 活动次数 is services.
IN_MODE: dict[str, dict[str, str]] = {
    VOLUNTEER: {"activities": "services", "category": "intentions"},
    RECORD: {"activities": "services"},
    ACTIVITY: {"activities": "services", "name": "team_leader", "phone": "leader_phone"},
    TEAM: {
        "phone": "contact_phone",
        "name": "team",
        "area": "base",
        "employer_position": "employer",
        "registered_on": "founded_on",
        "service_date": "founded_on",
    },
}

# The fields that say which rows a template wants.
RECORD_SIGNS = frozenset({"service_date", "start_time", "end_time", "attendance", "evaluation"})
ACTIVITY_SIGNS = frozenset({"activity", "activity_no", "service_date", "place", "content"})
TEAM_SIGNS = frozenset({"level", "parent", "founded_on", "base", "team_contact", "activities"})

KINDS: dict[str, str] = {
    SEQ: NUMBER,
    "age": NUMBER,
    "hours": NUMBER,
    "services": NUMBER,
    "total_hours": NUMBER,
    "star": NUMBER,
    "training_hours": NUMBER,
    "members": NUMBER,
    "activities": NUMBER,
    "birth_date": DATE,
    "registered_on": DATE,
    "service_date": DATE,
    "founded_on": DATE,
    "skills": LIST,
    "intentions": LIST,
    "team": LIST,
    "training": LIST,
    "commendation": LIST,
}


def kind(name: str) -> str:
    return KINDS.get(name, TEXT)


def choose_mode(fields: set[str]) -> str:
    """The rows a template wants, from the fields its header names: per service record when it
    names a person and a record's date or attendance; per activity when it names an activity
    and no person; per team when it names a team's own particulars and no person; else per
    volunteer."""
    person = bool(fields & {"name", "id_number", "volunteer_no", "gender", "age", "birth_date"})
    if person and fields & RECORD_SIGNS:
        return RECORD
    if person and fields & {"activity", "activity_no"}:
        return RECORD
    if not person and fields & ACTIVITY_SIGNS:
        return ACTIVITY
    if not person and (fields & TEAM_SIGNS or {"team", "members"} <= fields):
        return TEAM
    return VOLUNTEER


def in_mode(name: str | None, mode: str) -> str | None:
    """``name`` as ``mode`` means it, or None when that mode cannot fill it."""
    if name is None or name == IGNORE:
        return None
    name = IN_MODE[mode].get(name, name)
    return name if name in MODE_FIELDS[mode] else None


def field_names() -> list[str]:
    """Every field a column may be mapped to (``--column "HEADER=field"``)."""
    names: list[str] = []
    for mode in MODES:
        for name in (SEQ, *_VOLUNTEER, *_RECORD_OWN, *_ACTIVITY, *_TEAM):
            if name in MODE_FIELDS[mode] and name not in names:
                names.append(name)
    return names


__all__ = [
    "ACTIVITY",
    "DATE",
    "FILL",
    "LIST",
    "MODES",
    "NUMBER",
    "RECORD",
    "SEQ",
    "TEAM",
    "TEXT",
    "VOLUNTEER",
    "choose_mode",
    "field_names",
    "in_mode",
    "kind",
]
