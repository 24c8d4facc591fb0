"""volctl register: volunteers one at a time."""

MESSAGES = {
    "help.register": (
        "志愿者登记：新增、查询、修改、停用。",
        "Volunteers: register, find, correct, deactivate.",
    ),
    "help.register.add": (
        "登记一名志愿者（一人一注册）。必填：--name、--id-number、--phone；未满 18 周岁须填监护人。",
        "Register one volunteer (one registration per person). Required: --name, --id-number, "
        "--phone; under-18s need a guardian.",
    ),
    "help.register.list": ("列出志愿者。", "List volunteers."),
    "help.register.show": (
        "查看一名志愿者；VOL 可以是志愿者编号、身份证号、手机号或（唯一的）姓名。",
        "Show one volunteer; VOL is a volunteer number, identity number, phone or unique name.",
    ),
    "help.register.update": (
        "更正志愿者信息；旧值保留在审计日志中。",
        "Correct a volunteer's details; the old values stay in the audit log.",
    ),
    "help.register.deactivate": (
        "停用志愿者（历史记录全部保留，不删除任何数据）。",
        "Deactivate a volunteer (history is kept; nothing is deleted).",
    ),
    "help.register.reactivate": ("恢复已停用的志愿者。", "Reactivate a deactivated volunteer."),
    "arg.vol": (
        "志愿者：编号、身份证号、手机号或唯一的姓名。",
        "The volunteer: number, identity number, phone or unique name.",
    ),
    "opt.name": ("姓名（必填）。", "Name (required)."),
    "opt.id_number": (
        "证件号码（必填），默认为居民身份证号码。",
        "Document number (required); a resident identity number by default.",
    ),
    "opt.id_type": (
        "证件类型：居民身份证（默认）、护照、港澳居民来往内地通行证、台湾居民来往大陆通行证、港澳台居民居住证、外国人永久居留身份证。",
        "Document type: 居民身份证 (default), passport, hk-macau-permit, taiwan-permit, "
        "residence-permit, foreign-permanent-resident.",
    ),
    "opt.phone": ("手机或固定电话（必填）。", "Mobile or fixed-line phone (required)."),
    "opt.gender": (
        "性别：男/女（不填则由身份证号码得出）。",
        "Gender 男/女 (derived from the identity number if not given).",
    ),
    "opt.birth": (
        "出生日期（不填则由身份证号码得出）。",
        "Birth date (derived from the identity number if not given).",
    ),
    "opt.ethnicity": ("民族。", "Ethnicity."),
    "opt.political": (
        "政治面貌，如 中共党员、共青团员、群众（简称亦可）。",
        "Political status, e.g. 中共党员, 共青团员, 群众 (short forms accepted).",
    ),
    "opt.education": (
        "文化程度，如 大学本科、大专、高中。",
        "Education, e.g. 大学本科, 大专, 高中.",
    ),
    "opt.employer": ("工作单位。", "Employer (工作单位)."),
    "opt.position": ("职务。", "Position (职务)."),
    "opt.office_phone": ("办公电话。", "Office phone."),
    "opt.address": ("住址。", "Home address."),
    "opt.area": ("所在社区或服务区域。", "Community or service area."),
    "opt.skills": ("专业特长，用逗号或顿号分隔。", "Skills, separated by commas."),
    "opt.intentions": ("服务意向，用逗号或顿号分隔。", "Service intentions, separated by commas."),
    "opt.availability": (
        "可服务时间，如 周末上午。",
        "When they can serve, e.g. weekend mornings.",
    ),
    "opt.emergency_contact": ("紧急联系人。", "Emergency contact."),
    "opt.emergency_phone": ("紧急联系电话。", "Emergency contact's phone."),
    "opt.guardian_name": (
        "监护人姓名（未满 18 周岁必填）。",
        "Guardian's name (required under 18).",
    ),
    "opt.guardian_phone": (
        "监护人电话（未满 18 周岁必填）。",
        "Guardian's phone (required under 18).",
    ),
    "opt.guardian_relation": (
        "与监护人的关系，如 父子、母女。",
        "Relation to the guardian, e.g. father.",
    ),
    "opt.guardian_consent_on": (
        "监护人同意的日期（默认为登记日期）。",
        "Date the guardian consented (default: the registration date).",
    ),
    "opt.registered_on": ("登记日期（默认今天）。", "Registration date (default today)."),
    "opt.notes": ("备注。", "Notes."),
    "opt.status": (
        "按状态筛选：active（默认）、inactive、all。",
        "Filter by status: active (default), inactive, all.",
    ),
    "opt.search": (
        "按姓名、姓名拼音首字母（wxy）、志愿者编号、手机号、身份证号（全部或末几位）、单位、特长等搜索。",
        "Search by name, pinyin initials (wxy), volunteer number, phone, identity number (whole "
        "or last digits), employer, skills…",
    ),
    "opt.reason": ("原因（必填）。", "Reason (required)."),
    "opt.status_on": ("生效日期（默认今天）。", "Effective date (default today)."),
    "register.added": ("已登记：{volunteer_no} {name}", "Registered {volunteer_no} {name}"),
    "register.count": ("共 {count} 人", "{count:~volunteer|volunteers}"),
    "register.updated": (
        "已更正 {volunteer_no} {name}：{fields}",
        "Corrected {volunteer_no} {name}: {fields}",
    ),
    "register.unchanged": (
        "{volunteer_no} {name} 的信息没有变化。",
        "{volunteer_no} {name}: nothing changed.",
    ),
    "register.nothing_to_update": ("没有给出要修改的内容。", "Nothing to change was given."),
    "hint.update_options": (
        "例如：volctl register update V000001 --phone 13800000000；查看全部选项：volctl register update --help",
        "For example: volctl register update V000001 --phone 13800000000; all options: "
        "volctl register update --help",
    ),
    "register.deactivated": (
        "已停用 {volunteer_no} {name}（历史记录保留）。",
        "Deactivated {volunteer_no} {name} (history kept).",
    ),
    "register.reactivated": (
        "已恢复 {volunteer_no} {name}。",
        "Reactivated {volunteer_no} {name}.",
    ),
    "volunteer.not_found": ("找不到志愿者「{ref}」。", "No volunteer '{ref}'."),
    "hint.volunteer_not_found": (
        "可以用志愿者编号、身份证号、手机号或姓名查找；volctl register list --search 可帮助查找。",
        "Look up by volunteer number, identity number, phone or name; volctl register list "
        "--search helps.",
    ),
    "volunteer.ambiguous": (
        "「{ref}」对应 {count} 名志愿者：{candidates}",
        "'{ref}' matches {count} volunteers: {candidates}",
    ),
    "hint.volunteer_ambiguous": (
        "请改用志愿者编号。",
        "Use the volunteer number instead.",
    ),
    "volunteer.unknown_fields": (
        "不能修改的字段：{fields}",
        "Fields that cannot be changed: {fields}",
    ),
    "volunteer.already_inactive": (
        "{volunteer_no} {name} 已经是停用状态。",
        "{volunteer_no} {name} is already inactive.",
    ),
    "volunteer.already_active": (
        "{volunteer_no} {name} 已经是在册状态。",
        "{volunteer_no} {name} is already active.",
    ),
}
