"""volctl recipient: beneficiaries (服务对象名册) and pairings (结对帮扶)."""

MESSAGES = {
    "help.recipient": (
        "服务对象名册：空巢老人、留守儿童、残疾人等服务对象，以及志愿者结对帮扶（一助一、多助一）。",
        "Beneficiaries (服务对象名册): empty-nest elders, left-behind children, people with "
        "disabilities…, and volunteer pairings (一助一 one-to-one, 多助一 several-to-one).",
    ),
    "help.recipient.add": (
        "登记一名服务对象。必填：--name、--group。",
        "Register a beneficiary. Required: --name, --group.",
    ),
    "help.recipient.list": (
        "列出服务对象（个人信息打码）。",
        "List beneficiaries (personal data masked).",
    ),
    "help.recipient.show": (
        "查看一名服务对象及其结对记录。",
        "Show one beneficiary with their pairings.",
    ),
    "help.recipient.update": (
        "更正服务对象信息；旧值保留在审计日志中。",
        "Correct a beneficiary's details; the old values stay in the audit log.",
    ),
    "help.recipient.deactivate": (
        "服务对象不再需要服务（搬离、去世等）：停用并结束其结对，记录保留。",
        "Take a beneficiary off the register (moved, passed away…): their pairings end; records "
        "are kept.",
    ),
    "help.recipient.reactivate": (
        "恢复已停用的服务对象。",
        "Put a beneficiary back on the register.",
    ),
    "help.recipient.pair": (
        "志愿者与服务对象结对（一名为一助一，多名为多助一），按日期记录。",
        "Pair volunteers with a beneficiary from a date (one: 一助一; several: 多助一).",
    ),
    "help.recipient.unpair": (
        "结束结对（记录结束日期，历史保留）。",
        "End pairings on a date (history is kept).",
    ),
    "help.recipient.pairings": (
        "列出结对帮扶关系（--all 含已结束的）。",
        "List pairings (--all: ended ones too).",
    ),
    "help.recipient.groups": (
        "列出服务人群类别；--add 增加本地类别。",
        "List beneficiary groups; --add adds a local one.",
    ),
    "arg.recipient": (
        "服务对象：编号（R000001）、身份证号、电话或唯一的姓名。",
        "The beneficiary: number (R000001), identity number, phone or unique name.",
    ),
    "opt.rec_name": ("姓名（必填）。", "Name (required)."),
    "opt.rec_group": (
        "服务人群（必填），如 空巢老人、留守儿童、残疾人，见 volctl recipient groups。",
        "Group (required), e.g. 空巢老人, 留守儿童, 残疾人: see volctl recipient groups.",
    ),
    "opt.rec_group_filter": ("只看该人群。", "Only this group."),
    "opt.rec_gender": ("性别。", "Gender."),
    "opt.rec_birth": ("出生日期。", "Birth date."),
    "opt.rec_id_number": ("身份证号码（可不填）。", "Identity number (optional)."),
    "opt.rec_phone": ("联系电话。", "Phone."),
    "opt.rec_needs": (
        "服务需求，如 代购、陪护、课业辅导。",
        "Needs, e.g. shopping, company, homework help.",
    ),
    "opt.rec_family_contact": ("家属或监护人。", "Family member or guardian."),
    "opt.rec_family_phone": ("家属或监护人电话。", "Family member's or guardian's phone."),
    "opt.rec_search": ("按姓名、编号、需求搜索。", "Search names, numbers, needs."),
    "opt.rec_status_on": (
        "生效日期（默认今天），其结对在这一天结束。",
        "Effective date (default today); their pairings end that day.",
    ),
    "opt.pair_since": ("结对开始日期（默认今天）。", "Date the pairing starts (default today)."),
    "opt.unpair_on": ("结对结束日期（默认今天）。", "Date the pairing ends (default today)."),
    "opt.pair_volunteer": ("只看该志愿者的结对。", "Only this volunteer's pairings."),
    "opt.pair_all": ("包括已结束的结对。", "Include ended pairings."),
    "field.recipient_no": ("服务对象编号", "beneficiary no."),
    "field.recipient": ("服务对象", "beneficiary"),
    "field.volunteer": ("志愿者", "volunteer"),
    "field.group": ("人群", "group"),
    "field.group_name": ("人群", "group"),
    "field.needs": ("服务需求", "needs"),
    "field.family_contact": ("家属/监护人", "family contact"),
    "field.family_phone": ("家属电话", "family phone"),
    "field.pairing": ("结对", "pairing"),
    "field.helpers": ("结对志愿者", "paired volunteers"),
    "field.started_on": ("结对开始", "since"),
    "field.ended_on": ("结对结束", "ended"),
    "field.volunteer_phone": ("志愿者手机", "volunteer's phone"),
    "recipient.added": (
        "已登记服务对象：{recipient_no} {name}",
        "Registered {recipient_no} {name}",
    ),
    "recipient.count": ("共 {count} 人", "{count:~beneficiary|beneficiaries}"),
    "recipient.updated": ("已更正 {recipient_no}：{fields}", "Corrected {recipient_no}: {fields}"),
    "recipient.unchanged": ("{recipient_no} 的信息没有变化。", "{recipient_no}: nothing changed."),
    "recipient.nothing_to_update": ("没有给出要修改的内容。", "Nothing to change was given."),
    "hint.recipient_update_options": (
        "例如：volctl recipient update R000001 --needs 代购；全部选项：volctl recipient update --help",
        "For example: volctl recipient update R000001 --needs shopping; all options: "
        "volctl recipient update --help",
    ),
    "recipient.unknown_fields": (
        "不能修改的字段：{fields}",
        "Fields that cannot be changed: {fields}",
    ),
    "recipient.not_found": ("找不到服务对象「{ref}」。", "No beneficiary '{ref}'."),
    "hint.recipient_not_found": (
        "可以用编号、身份证号、电话或姓名查找；volctl recipient list 列出全部。",
        "Look up by number, identity number, phone or name; volctl recipient list shows all.",
    ),
    "recipient.ambiguous": (
        "「{ref}」对应 {count} 名服务对象：{candidates}",
        "'{ref}' matches {count} beneficiaries: {candidates}",
    ),
    "hint.recipient_ambiguous": ("请改用服务对象编号。", "Use the beneficiary number instead."),
    "recipient.duplicate": (
        "此人已登记为服务对象（{recipient_no} {name}）。",
        "This person is already registered ({recipient_no} {name}).",
    ),
    "recipient.deactivated": (
        "已停用 {recipient_no} {name}（记录保留）。",
        "Took {recipient_no} {name} off the register (kept on record).",
    ),
    "recipient.reactivated": ("已恢复 {recipient_no} {name}。", "Put {recipient_no} {name} back."),
    "recipient.already_inactive": (
        "{recipient_no} {name} 已经是停用状态。",
        "{recipient_no} {name} is already inactive.",
    ),
    "recipient.already_active": (
        "{recipient_no} {name} 已经是在册状态。",
        "{recipient_no} {name} is already active.",
    ),
    "recipient.pairings_ended": (
        "其结对已于 {on} 结束：{volunteers}",
        "Their pairings ended on {on}: {volunteers}",
    ),
    "recipient.inactive": (
        "{recipient_no} {name} 已停用，不能结对。",
        "{recipient_no} {name} is inactive and cannot be paired.",
    ),
    "recipient.volunteer_inactive": (
        "{volunteer_no} {name} 已停用，不能结对。",
        "{volunteer_no} {name} is inactive and cannot be paired.",
    ),
    "recipient.already_paired": (
        "{volunteer_no} {name} 自 {since} 起已与 {recipient} 结对。",
        "{volunteer_no} {name} is already paired with {recipient} (since {since}).",
    ),
    "recipient.not_paired": (
        "{volunteer_no} {name} 目前没有与 {recipient} 结对。",
        "{volunteer_no} {name} is not paired with {recipient}.",
    ),
    "recipient.end_before_start": (
        "结束日期 {on} 早于结对开始日期 {since}。",
        "The date {on} is before the pairing started ({since}).",
    ),
    "recipient.paired": (
        "{names} 自 {since} 起与 {recipient} 结对；现为{pairing}（{count} 名志愿者）。",
        "{names} paired with {recipient} from {since}; now {pairing} ({count:~volunteer|volunteers}).",
    ),
    "recipient.unpaired": (
        "{names} 与 {recipient} 的结对已于 {on} 结束（记录保留）。",
        "{names}'s pairing with {recipient} ended on {on} (kept on record).",
    ),
    "recipient.pairings_title": ("结对记录", "Pairings"),
    "recipient.pairings_count": ("共 {count} 条结对", "{count:~pairing|pairings}"),
    "reason.missing_group": (
        "请用 --group 指定服务人群（volctl recipient groups 列出可用人群）。",
        "Give the group with --group (volctl recipient groups lists them).",
    ),
    "reason.family_phone_invalid": (
        "家属电话「{value}」不是有效的电话号码。",
        "The family phone '{value}' is not a valid number.",
    ),
    "reason.pairing_before_volunteer_registered": (
        "结对日期 {since} 早于志愿者 {volunteer_no} {name} 的登记日期 {registered_on}。",
        "The pairing date {since} is before volunteer {volunteer_no} {name} registered "
        "({registered_on}).",
    ),
    "reason.pairing_before_recipient_registered": (
        "结对日期 {since} 早于服务对象 {recipient_no} {name} 的登记日期 {registered_on}。",
        "The pairing date {since} is before beneficiary {recipient_no} {name} was registered "
        "({registered_on}).",
    ),
}
