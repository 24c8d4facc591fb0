"""The vocabulary of sign-up sheets: the fields of a volunteer's registration and the header
texts and key terms that name them, most specific first (监护人电话 before 电话, 固定电话
before 电话, 证件类型 before 证件号). What an online form tool adds (提交答卷时间, 所用时间,
来源, 来自IP…) is known too, to be ignored."""

from __future__ import annotations

from volctl.headings.reading import GUARDIAN, IGNORE, METADATA, SUBMITTED, Field, Vocabulary


def words(text: str) -> tuple[str, ...]:
    """ "a|b|c" -> ("a", "b", "c"): the vocabulary written compactly."""
    return tuple(text.split("|"))


# A parent named as such in a children's sheet: 父亲姓名, 母亲电话, 爸爸手机.
_PARENTS = words("父亲|母亲|爸爸|妈妈")


def _phone_words(*extra: str) -> tuple[str, ...]:
    return tuple(f"{w}+{p}" for w in extra for p in ("电话", "手机", "联系方式", "号码"))


# The fields of a volunteer's registration as sign-up sheets name them, most specific first.
SIGNUP = Vocabulary(
    [
        # What an online form tool adds: ignored (the submission time may date the rows).
        Field(
            SUBMITTED,
            aliases=words(
                "提交答卷时间|提交时间|答卷提交时间|提交日期|填写提交时间|结束答题时间|创建时间"
                "|填写时间|接龙时间|报名提交时间"
            ),
            terms=words("提交+时间"),
            meta=True,
        ),
        Field(
            METADATA,
            aliases=words(
                "开始答题时间|起始答题时间|所用时间|答题时长|答题用时|填写用时|填写时长|来源|来源详情"
                "|来源渠道|来自ip|来源ip|ip地址|ip|ip属地|地理位置|填写地区|填写设备|设备|操作系统"
                "|浏览器|微信昵称|昵称|微信openid|openid|用户id|用户类型|用户标识|答卷编号|答卷序号"
                "|总分|得分|提交人|提交者|提交人部门|填写人|修改人|修改时间|更新时间|最后修改时间"
                "|审批状态|审批结果|流程状态|答卷状态"
            ),
            terms=words("答题|答卷|地理位置|ip属地"),
            meta=True,
        ),
        Field(
            IGNORE,
            aliases=words(
                "序号|编号|序|no|no.|年龄|原行号|错误原因|签名|签字|本人签名|本人签字|照片|志愿者编号"
            ),
            terms=words("签名|签字|盖章"),
        ),
        Field(
            GUARDIAN,
            aliases=words(
                "监护人及电话|监护人及联系电话|监护人姓名及电话|监护人姓名及联系电话|监护人姓名电话|监护人信息|家长信息"
            ),
            terms=words(
                "监护人+及+电话|监护人+及+联系方式|监护人姓名+电话|家长+及+电话|家长姓名+电话|家长姓名+联系方式"
            ),
        ),
        Field(
            "guardian_phone",
            aliases=words("监护人电话|监护人联系电话|监护人手机|监护人手机号码"),
            terms=_phone_words("监护", "家长", *_PARENTS),
            unless=words("身份证|证件"),
        ),
        Field(
            "guardian_relation",
            aliases=words("与监护人关系|监护人关系|与本人关系|与志愿者关系"),
            terms=words("监护+关系|家长+关系|关系"),
            unless=words("紧急"),
        ),
        Field(
            "guardian_name",
            aliases=words("监护人|监护人姓名|家长|家长姓名"),
            terms=words("监护人+姓名|监护人+名字|家长+姓名|家长+名字")
            + tuple(f"{p}+{w}" for p in _PARENTS for w in ("姓名", "名字")),
        ),
        Field(
            "emergency_phone",
            aliases=words("紧急联系电话|紧急联系人电话|emergency phone"),
            terms=_phone_words("紧急"),
        ),
        Field(
            "emergency_contact", aliases=words("紧急联系人|emergency contact"), terms=words("紧急")
        ),
        Field(
            "office_phone",
            aliases=words("办公电话|单位电话|座机|固定电话|office phone"),
            terms=words("固定电话|座机|固话|办公电话|办公室电话|单位电话|工作电话"),
        ),
        Field(
            "id_type",
            aliases=words("证件类型|证件种类|id type|document type"),
            terms=words("证件+类型|证件+种类"),
        ),
        Field(
            "id_number",
            aliases=words(
                "身份证号码|身份证号|身份证|公民身份号码|公民身份证号码|身份号码|身份证件号码"
                "|身份证明号码|证件号码|证件号|id|id number|id no|identity number"
            ),
            terms=words("身份证|证件号|身份号|公民身份"),
            unless=words("监护|家长|紧急"),
        ),
        Field(
            "phone",
            aliases=words(
                "联系电话|手机号码|手机|手机号|电话|电话号码|联系方式|移动电话|联系手机|本人电话|本人手机|phone|mobile|tel|telephone"
            ),
            terms=words("手机|电话|联系方式|联系号码|mobile|phone"),
        ),
        Field(
            "name",
            aliases=words("姓名|名字|志愿者姓名|真实姓名|本人姓名|name|full name"),
            terms=words("姓名|名字"),
        ),
        Field("gender", aliases=words("性别|sex|gender"), terms=words("性别")),
        Field(
            "birth_date",
            aliases=words(
                "出生年月|出生日期|出生年月日|出生时间|生日|birth|birthday|birth date|date of birth"
            ),
            terms=words("出生|生日"),
            unless=words("地|籍"),
        ),
        Field("ethnicity", aliases=words("民族|ethnicity"), terms=words("民族")),
        Field(
            "political_status",
            aliases=words("政治面貌|政治面目|political status"),
            terms=words("政治面貌|政治面目|党派"),
        ),
        Field(
            "education",
            aliases=words("文化程度|学历|最高学历|文化水平|education"),
            terms=words("学历|文化程度"),
        ),
        Field(
            "address",
            aliases=words("住址|家庭住址|居住地址|现住址|通讯地址|地址|家庭地址|现居住地|address"),
            terms=words("住址|地址|居住地|现居"),
        ),
        Field(
            "employer",
            aliases=words(
                "工作单位|单位|所在单位|工作单位及职务|单位及职务|工作单位及职称|工作单位或学校|学校|就读学校|employer"
            ),
            terms=words("单位|学校|就读|公司"),
        ),
        Field(
            "position",
            aliases=words("职务|职称|职务/职称|岗位|position"),
            terms=words("职务|职称|职位"),
        ),
        Field(
            "area",
            aliases=words("所在社区|服务区域|社区|所属社区|服务地区|所在小区|area"),
            terms=words("社区|小区|服务区域|服务地区|所在区域|网格"),
        ),
        Field(
            "skills",
            aliases=words("专业特长|特长|技能|专长|服务技能|个人特长|特长爱好|skills"),
            terms=words("特长|技能|专长"),
        ),
        Field(
            "intentions",
            aliases=words(
                "服务意向|志愿服务意向|意向|服务类别|服务项目|志愿服务类别|意向服务|服务领域|intentions"
            ),
            terms=words("意向|服务项目|服务类别|服务类型|服务领域|愿意参加|想参加"),
        ),
        Field(
            "availability",
            aliases=words("服务时间|可服务时间|空闲时间|可参加活动时间|availability"),
            terms=words("服务时间|服务时段|空闲|可服务|有空|活动+时间|方便+时间"),
        ),
        Field(
            "registered_on",
            aliases=words("登记日期|报名日期|注册日期|登记时间|报名时间|填报日期|registered on"),
            terms=words("登记日期|报名日期|注册日期|报名时间"),
        ),
        Field("notes", aliases=words("备注|说明|notes|remarks"), terms=words("备注")),
    ]
)
