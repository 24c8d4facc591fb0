"""Why a value is refused. ``reason.<code>``: the code is stable and documented in the README."""

MESSAGES = {
    "reason.missing_name": ("没有填写姓名。", "The name is missing."),
    "reason.too_long": (
        "内容过长（最多 {limit} 个字）。",
        "Too long (at most {limit} characters).",
    ),
    "reason.missing_id_number": ("没有填写身份证号码。", "The identity number is missing."),
    "reason.id_type_unknown": (
        "不认识的证件类型「{value}」，可用：{choices}。",
        "Unknown document type '{value}'; use one of {choices}.",
    ),
    "reason.id_number_format": (
        "身份证号码应为 18 位（17 位数字加一位数字或 X），这里是 {length} 位。",
        "An identity number has 18 characters (17 digits and a digit or X); this has {length}.",
    ),
    "reason.id_number_characters": (
        "身份证号码应为 17 位数字加一位数字或 X，第 {position} 位却是「{char}」。",
        "An identity number is 17 digits and then a digit or X; character {position} is '{char}'.",
    ),
    "reason.id_number_format_15": (
        "这是 15 位的第一代身份证号码，请改填 18 位的号码。",
        "This is an old 15-digit identity number; please give the 18-digit one.",
    ),
    "reason.id_number_format_other": (
        "{kind}号码应为 5 到 20 位字母或数字。",
        "A {kind} number has 5 to 20 letters or digits.",
    ),
    "reason.id_number_checksum": (
        "身份证号码校验位不对，号码中有数字抄错了。",
        "The identity number's check character is wrong: a digit was mistyped.",
    ),
    "reason.id_number_birth_date": (
        "身份证号码中的出生日期 {value} 不存在。",
        "The birth date {value} inside the identity number is impossible.",
    ),
    "reason.id_number_mangled_by_excel": (
        "身份证号码被 Excel 当成数字保存（{value}），后几位已经丢失，无法恢复。",
        "The identity number was stored by Excel as a number ({value}); its last digits are lost "
        "and cannot be recovered.",
    ),
    "hint.id_number_mangled_by_excel": (
        "在表格中把该列设为「文本」格式（或在号码前加英文单引号 '），重新输入完整号码后再导入。",
        "Format that column as Text in the sheet (or type an apostrophe ' before the number), "
        "type the full number again, then import again.",
    ),
    "reason.id_gender_mismatch": (
        "填写的性别「{given}」与身份证号码（{derived}）不符。",
        "The gender given ({given}) does not match the identity number ({derived}).",
    ),
    "reason.id_birth_date_mismatch": (
        "填写的出生日期 {given} 与身份证号码中的 {derived} 不符。",
        "The birth date given ({given}) does not match the identity number's ({derived}).",
    ),
    "reason.missing_phone": ("没有填写联系电话。", "The phone number is missing."),
    "reason.phone_invalid": (
        "联系电话「{value}」不是有效的手机或固定电话号码。",
        "'{value}' is not a valid mobile or fixed-line number.",
    ),
    "reason.office_phone_invalid": (
        "办公电话「{value}」不是有效的电话号码。",
        "The office phone '{value}' is not a valid number.",
    ),
    "reason.emergency_phone_invalid": (
        "紧急联系电话「{value}」不是有效的电话号码。",
        "The emergency phone '{value}' is not a valid number.",
    ),
    "reason.guardian_phone_invalid": (
        "监护人电话「{value}」不是有效的电话号码。",
        "The guardian's phone '{value}' is not a valid number.",
    ),
    "reason.gender_unknown": (
        "性别应填「男」或「女」，而不是「{value}」。",
        "Gender must be 男 or 女 (male/female), not '{value}'.",
    ),
    "reason.political_status_unknown": (
        "不认识的政治面貌「{value}」，可用：{choices}。",
        "Unknown political status '{value}'; use one of {choices}.",
    ),
    "reason.education_unknown": (
        "不认识的文化程度「{value}」，可用：{choices}。",
        "Unknown education level '{value}'; use one of {choices}.",
    ),
    "reason.date_invalid": (
        "看不懂的日期「{value}」，请写成 2025-03-15 或 2025年3月15日。",
        "Cannot read the date '{value}'; write it as 2025-03-15.",
    ),
    "reason.birth_date_invalid": (
        "看不懂的出生日期「{value}」，请写成 1985-03-01、1985.3 或 1985年3月。",
        "Cannot read the birth date '{value}'; write it as 1985-03-01 or 1985.3.",
    ),
    "reason.date_needs_day": (
        "日期「{value}」需要具体到日，例如 2025-03-15。",
        "The date '{value}' needs a day, e.g. 2025-03-15.",
    ),
    "reason.date_missing": ("没有填写日期。", "The date is missing."),
    "reason.date_in_future": ("日期不能晚于今天。", "The date cannot be after today."),
    "reason.time_invalid": (
        "看不懂的时间「{value}」，请写成 08:30。",
        "Cannot read the time '{value}'; write it as 08:30.",
    ),
    "reason.missing_birth_date": (
        "无法从证件号码得出出生日期，请填写完整的出生日期。",
        "The document number does not give a birth date; please give the full birth date.",
    ),
    "reason.registered_in_future": (
        "登记日期不能晚于今天。",
        "The registration date cannot be after today.",
    ),
    "reason.registered_before_birth": (
        "登记日期早于出生日期。",
        "The registration date is before the birth date.",
    ),
    "reason.before_registration": (
        "日期早于该志愿者的登记日期 {registered_on}。",
        "The date is before the volunteer registered ({registered_on}).",
    ),
    "reason.status_before_last_change": (
        "日期早于该志愿者上一次状态变更（{last}）；状态记录须按日期先后。",
        "The date is before the volunteer's last status change ({last}); the status history "
        "runs in date order.",
    ),
    "reason.consent_in_future": (
        "监护人同意日期 {consent_on} 晚于今天。",
        "The guardian's consent date {consent_on} is after today.",
    ),
    "reason.consent_before_birth": (
        "监护人同意日期 {consent_on} 早于出生日期 {birth_date}。",
        "The guardian's consent date {consent_on} is before the birth date {birth_date}.",
    ),
    "reason.consent_after_registration": (
        "监护人同意日期 {consent_on} 晚于登记日期 {registered_on}：未成年人登记时须已取得监护人同意。",
        "The guardian's consent date {consent_on} is after the registration date "
        "{registered_on}: a minor's guardian consents by the day they register, not after.",
    ),
    "reason.registered_after_service": (
        "登记日期 {registered_on} 晚于该志愿者最早的服务记录 {record}（{date}）。",
        "The registration date {registered_on} is after the volunteer's earliest service "
        "record {record} ({date}).",
    ),
    "reason.registered_after_membership": (
        "登记日期 {registered_on} 晚于该志愿者加入「{team}」的日期 {date}。",
        "The registration date {registered_on} is after the volunteer joined {team} ({date}).",
    ),
    "reason.registered_after_pairing": (
        "登记日期 {registered_on} 晚于该志愿者结对服务 {recipient} 的日期 {date}。",
        "The registration date {registered_on} is after the volunteer was paired with "
        "{recipient} ({date}).",
    ),
    "hint.registered_after_records": (
        "登记日期应不晚于最早的服务、入队和结对日期；请核对登记日期，或先更正那条记录。",
        "The registration date must be on or before the earliest service, membership and "
        "pairing; check the date, or correct that record first.",
    ),
    "reason.deactivated_before_service": (
        "{volunteer_no} {name} 在 {on} 及以后还有 {count} 条服务记录（最早一条：记录 {record}，{date}；"
        "最晚 {last}），不能从 {on} 起停用。",
        "{volunteer_no} {name} has {count:~service record|service records} on or after {on} (the first: record "
        "{record} on {date}; the last on {last}), so they cannot be inactive from {on}.",
    ),
    "hint.deactivated_before_service": (
        "停用日期应晚于最后一次服务的日期；若那条记录有误，先用 volctl log-hours void 作废。",
        "Deactivate from a day after their last service; if that record is wrong, void it "
        "first (volctl log-hours void).",
    ),
    "reason.date_too_early": (
        "日期 {value} 早于 {first}，请核对年份。",
        "The date {value} is before {first}; please check the year.",
    ),
    "reason.period_reversed": (
        "起始日期 {first} 晚于截止日期 {last}。",
        "The first day {first} is after the last day {last}.",
    ),
    "reason.minor_without_guardian": (
        "未满 18 周岁（{age} 岁）的志愿者须登记监护人姓名和电话（监护人同意）。",
        "A volunteer under 18 (aged {age}) needs a guardian's name and phone (the guardian's "
        "consent) on record.",
    ),
    "hint.minor_without_guardian": (
        "请补充 --guardian-name 和 --guardian-phone；在表格中填写「监护人及电话」一列。",
        "Add --guardian-name and --guardian-phone; in a sheet, fill in the 监护人及电话 column.",
    ),
    "reason.duplicate": (
        "此人已登记（{volunteer_no} {name}），一人只能注册一次。",
        "This person is already registered ({volunteer_no} {name}): one registration per person.",
    ),
    "hint.duplicate": (
        "要修改已登记的信息，请用 volctl register update {volunteer_no}。",
        "To change the registered details, use volctl register update {volunteer_no}.",
    ),
    "reason.missing_reason": ("请说明原因（--reason）。", "Please give a reason (--reason)."),
    "reason.status_unknown": (
        "状态「{value}」无效，可用：{choices}。",
        "Unknown status '{value}'; use one of {choices}.",
    ),
    "warning.region_unknown": (
        "身份证号码的地区代码不在已知的行政区划中，请核对（号码仍已接受）。",
        "The identity number's region code is not a known region; please check it (the number "
        "was accepted).",
    ),
}
