"""Up the hierarchy: volctl export bundle, volctl merge, volctl source."""

_PART_NAMES = {
    "code_lists": ("自定义代码表", "custom lists"),
    "volunteers": ("志愿者", "volunteers"),
    "status_changes": ("状态变更", "status changes"),
    "teams": ("队伍", "teams"),
    "memberships": ("队员记录", "memberships"),
    "activities": ("活动", "activities"),
    "records": ("服务记录条目", "ledger entries"),
    "trainings": ("培训", "trainings"),
    "training_attendance": ("参训记录", "attendance"),
    "insurance": ("保险", "insurance"),
    "commendations": ("表彰", "commendations"),
    "recipients": ("服务对象", "beneficiaries"),
    "pairings": ("结对", "pairings"),
    "served": ("服务对象记录", "people served"),
}

MESSAGES = {
    # ------------------------------------------------------------------ help
    "help.export.bundle": (
        "导出本名册的数据包，交给上一级（街道、市）合并：组织、队伍、志愿者、活动、含更正的服务台账、培训、保险、表彰；"
        "服务对象默认只带人数（--with-beneficiaries 才带个人信息）。数据包是一个 zip 文件，内含清单（来源、导出时间、"
        "版本、各部分行数和校验值），文件仅本人可读。",
        "Write this roster's bundle for the level above (street, city) to merge: organisation, "
        "teams, volunteers, activities, the ledger with its corrections, training, insurance, "
        "commendations; beneficiaries as numbers only unless --with-beneficiaries. The bundle "
        "is a zip file with a manifest (source, export time, versions, rows and checksums of "
        "every part), readable by you only.",
    ),
    "help.merge": (
        "把各社区（或各街道）的数据包或名册合并进本名册，放在一支上级队伍之下。按证件号码识别同一人（在两个社区服务的人是"
        "一名志愿者、两条队员记录，时长不重复计算）；个人信息不一致的列出待处理，不覆盖；再次合并同一来源的新数据包时替换"
        "它上次带来的内容，不重复计算；每一行都记得来自哪里。--dry-run 只显示将发生什么。",
        "Merge community (or street) bundles or roster files into this roster, under a parent "
        "team. People are matched by identity document (someone serving in two communities is "
        "one volunteer with two memberships, hours counted once); differing personal details "
        "are listed to resolve, never overwritten; merging a source's newer bundle replaces what "
        "it brought before instead of adding it twice; every row remembers where it came from. "
        "--dry-run shows what would happen.",
    ),
    "help.source": (
        "来源：合并进本名册的各社区（或街道）——各自带来的内容、重复计算的人、待处理的不一致、每行的出处。",
        "Sources: the communities (or streets) merged into this roster: what each brought, "
        "people counted twice, conflicts to resolve, where a row came from.",
    ),
    "help.source.list": (
        "列出合并进来的来源：最近一次数据包、合并时间，以及各自的志愿者、活动、服务记录和时长（--year 限定年度）。",
        "List the sources merged here: their latest bundle, when it was merged, and their "
        "volunteers, activities, records and hours (--year: within that year).",
    ),
    "help.source.totals": (
        "按来源分列的汇总：各来源自己的数字、它们的合计、合并后的总数（每人只算一次），以及重复计算的人数。",
        "Totals per source: each source's own figures, their sum, the merged figures (each "
        "person once), and how many people the sum counts twice.",
    ),
    "help.source.show": (
        "查看一个来源：其组织、最近的数据包和历次合并记录。",
        "Show one source: its organisation, latest bundle and every merge of it.",
    ),
    "help.source.conflicts": (
        "列出来源与本名册在个人信息上的不一致（待处理）；--all 含已处理的。",
        "List personal details on which a source and this roster disagree (to resolve); --all: "
        "resolved ones too.",
    ),
    "help.source.resolve": (
        "处理不一致：--keep roster 保留本名册的值，--keep source 采用来源的值（旧值记入审计日志）。",
        "Resolve conflicts: --keep roster keeps this roster's value, --keep source takes the "
        "source's (the old value goes to the audit log).",
    ),
    "help.source.overlaps": (
        "列出在两个及以上来源中被计入的人（按证件号码识别）；--served 只看在该年度两处都有服务时长的人。",
        "List the people counted in two or more sources (matched by identity document); "
        "--served: only those with service time in two of them in the year.",
    ),
    "help.source.origin": (
        "查看一行数据的出处：志愿者、活动、服务记录（#编号）、队伍、培训或服务对象来自哪个来源，在那里的编号是什么。",
        "Show where a row came from: the source of a volunteer, activity, record (#number), "
        "team, training or beneficiary, and its number there.",
    ),
    "arg.merge_inputs": (
        "一个或多个数据包（.zip）或名册文件（.db）。",
        "One or more bundles (.zip) or roster files (.db).",
    ),
    "arg.source": ("来源：名称或编号。", "The source: its name or number."),
    "arg.conflicts": ("一个或多个不一致的编号。", "One or more conflict numbers."),
    "arg.origin_ref": (
        "志愿者（编号、证件号、手机或姓名）、活动或培训编号、服务对象编号、队伍名称，或服务记录 #编号。",
        "A volunteer (number, identity number, phone or name), an activity or training number, "
        "a beneficiary number, a team name, or a record #number.",
    ),
    "opt.bundle_output": (
        "数据包文件（必填，如 东湖社区-2025.zip）。",
        "The bundle file (required, e.g. donghu-2025.zip).",
    ),
    "opt.bundle_beneficiaries": (
        "带上服务对象的姓名、证件、电话和住址（默认只带编号、类别和人数）。",
        "Include beneficiaries' names, documents, phones and addresses (by default only their "
        "number, group and counts).",
    ),
    "opt.merge_into": (
        "合并进这个名册（默认：--db 或 $VOLCTL_DB 指定的名册）。",
        "Merge into this roster (default: the roster of --db or $VOLCTL_DB).",
    ),
    "opt.merge_parent": (
        "放在这支队伍之下（没有则新建；默认沿用该来源上次的上级队伍）。",
        "Put the sources under this team (created if missing; default: the team a source went "
        "under last time).",
    ),
    "opt.merge_parent_level": (
        "新建上级队伍时的层级（默认中队）。",
        "The level of the parent team when it is created (default 中队).",
    ),
    "opt.merge_dry_run": (
        "完整演练一遍并报告结果，但不写入。",
        "Do the whole merge and report it, then write nothing.",
    ),
    "opt.merge_allow_older": (
        "允许合并比上次更早导出的数据包。",
        "Accept a bundle exported earlier than the one merged last.",
    ),
    "opt.merge_beneficiaries": (
        "直接合并名册文件时，带上服务对象的个人信息。",
        "When merging roster files directly, include beneficiaries' personal details.",
    ),
    "opt.source_year": ("只统计这一年。", "Count within this year only."),
    "opt.source_filter": ("只看这个来源。", "Only this source."),
    "opt.conflicts_all": ("包括已处理的。", "Resolved ones too."),
    "opt.merge_keep": (
        "保留哪一方：roster（本名册）或 source（来源）。",
        "Which to keep: roster (this roster's value) or source (the source's).",
    ),
    "opt.merge_note": ("处理说明。", "A note on the decision."),
    "opt.overlaps_served": (
        "只看在两个来源都有服务时长的人（而不是在两处在册）。",
        "People with service time in two sources (rather than registered in two).",
    ),
    # ------------------------------------------------------------------ bundle
    "bundle.no_org": (
        "名册没有设置组织名称，上级无法知道数据包来自哪里。",
        "The roster has no organisation name: the level above could not tell where the "
        "bundle came from.",
    ),
    "hint.bundle_no_org": (
        "先设置：volctl settings org_name 当湖街道东湖社区",
        "Set it first: volctl settings org_name 当湖街道东湖社区",
    ),
    "hint.merge_roster_no_org": (
        "在那个名册上设置组织名称：volctl --db 该文件 settings org_name 名称",
        "Set that roster's organisation name: volctl --db THAT-FILE settings org_name NAME",
    ),
    "bundle.written_title": ("数据包已写好", "Bundle written"),
    "bundle.personal_data": (
        "数据包 {path} 含有个人信息（身份证号、电话）：已设为仅本人可读。请像对待名册本身一样保管和传送。",
        "The bundle {path} holds personal data (identity numbers, phones): it is readable by "
        "you only. Keep and send it the way you would the roster itself.",
    ),
    "bundle.beneficiaries_as_counts": (
        "服务对象只带编号、类别和人数，不含姓名、证件、电话、住址（需要时加 --with-beneficiaries）。",
        "Beneficiaries travel as numbers, groups and counts only, without names, documents, "
        "phones or addresses (--with-beneficiaries to include them).",
    ),
    "bundle.field_file": ("文件", "file"),
    "bundle.field_bytes": ("大小（字节）", "size (bytes)"),
    "bundle.field_content_hash": ("内容校验值（前16位）", "content hash (first 16)"),
    "bundle.field_org_name": ("组织", "organisation"),
    "bundle.field_region_code": ("行政区划代码", "region code"),
    "bundle.field_roster_uid": ("名册标识", "roster id"),
    "bundle.field_exported_at": ("导出时间", "exported at"),
    "bundle.field_schema_version": ("名册结构版本", "schema version"),
    "bundle.field_volctl_version": ("volctl 版本", "volctl version"),
    "bundle.field_with_beneficiaries": ("含服务对象个人信息", "beneficiaries' details"),
    "bundle.field_includes": ("内含已合并的来源", "sources merged into it"),
    "bundle.field_counts": ("内容", "content"),
    "bundle.yes": ("是", "yes"),
    "bundle.no": ("否", "no"),
    **{f"bundle.part_{name}": texts for name, texts in _PART_NAMES.items()},
    "bundle.damaged": (
        "数据包已损坏或不完整（可能下载或拷贝时被截断），拒绝合并。",
        "The bundle is damaged or incomplete (cut short when downloaded or copied, perhaps): "
        "refused.",
    ),
    "bundle.cannot_read": ("无法读取：{reason}。", "Cannot read it: {reason}."),
    "bundle.no_manifest": (
        "这不是 volctl 数据包：没有 manifest.json。",
        "This is not a volctl bundle: it has no manifest.json.",
    ),
    "bundle.manifest_invalid": (
        "数据包的清单（manifest.json）不可读或不完整，拒绝合并。",
        "The bundle's manifest (manifest.json) is unreadable or incomplete: refused.",
    ),
    "bundle.manifest_altered": (
        "数据包的清单与其内容校验值不符：导出后被改动过，拒绝合并。",
        "The bundle's manifest does not match its content hash: it was altered after export. "
        "Refused.",
    ),
    "bundle.files_mismatch": (
        "数据包里的文件与清单不符（{files}）：被改动过或不完整，拒绝合并。",
        "The files in the bundle do not match its manifest ({files}): altered or incomplete. "
        "Refused.",
    ),
    "bundle.part_altered": (
        "数据包中的 {part} 与清单记录的校验值或行数不符：导出后被改动过或被截断，拒绝合并。",
        "{part} in the bundle does not match the checksum or row count of its manifest: altered "
        "or cut short after export. Refused.",
    ),
    "bundle.part_invalid": (
        "数据包中的 {part} 第 {row} 行无法读取，拒绝合并。",
        "Line {row} of {part} in the bundle cannot be read: refused.",
    ),
    "bundle.newer": (
        "数据包由较新的 volctl（{version}）导出，本版本无法读取。",
        "The bundle was written by a newer volctl ({version}) than this one can read.",
    ),
    "hint.bundle_ask_again": (
        "请对方重新导出（volctl export bundle）并再发一次。",
        "Ask the sender to export it again (volctl export bundle) and send it once more.",
    ),
    # ------------------------------------------------------------------ merge
    "merge.no_inputs": (
        "没有给出要合并的数据包或名册。",
        "No bundle or roster to merge was given.",
    ),
    "hint.merge_inputs": (
        "给出 volctl export bundle 导出的 .zip 数据包，或 volctl 名册文件。",
        "Give bundles written by volctl export bundle (.zip), or volctl roster files.",
    ),
    "merge.input_missing": ("没有这个文件。", "No such file."),
    "merge.input_not_file": ("这是文件夹，不是数据包。", "A folder, not a bundle."),
    "merge.unknown_input": (
        "既不是 volctl 数据包，也不是 volctl 名册。",
        "Neither a volctl bundle nor a volctl roster.",
    ),
    "merge.not_a_roster": (
        "这是 SQLite 文件，但不是可用的 volctl 名册（{kind}）。",
        "An SQLite file, but not a usable volctl roster ({kind}).",
    ),
    "merge.roster_older": (
        "名册 {path} 由较旧的 volctl 建立，需要先升级才能直接合并。",
        "The roster {path} was made by an older volctl: it must be upgraded before it can be "
        "merged directly.",
    ),
    "hint.merge_roster_older": (
        "用本 volctl 打开一次即可升级（会先备份）：volctl --db 该文件 info；或请对方导出数据包。",
        "Open it once with this volctl to upgrade it (a backup is taken first): volctl --db "
        "THAT-FILE info; or ask for a bundle.",
    ),
    "merge.roster_newer": (
        "名册 {path} 由较新的 volctl 建立，本版本无法读取。",
        "The roster {path} was made by a newer volctl than this one can read.",
    ),
    "hint.merge_roster_newer": (
        "升级 volctl，或请对方导出数据包。",
        "Upgrade volctl, or ask for a bundle.",
    ),
    "merge.self": (
        "这是本名册自己的数据：不能合并进自己。",
        "This is this roster's own data: it cannot be merged into itself.",
    ),
    "merge.same_roster_twice": (
        "与 {other} 是同一个名册的数据：一次只能合并一份。",
        "The same roster as {other}: merge one of them at a time.",
    ),
    "merge.already_inside": (
        "这个名册已经包含在来源“{source}”里（上次合并的是含它的数据包）：再合并会重复计算。",
        "This roster is already inside the source “{source}” (merged as part of its bundle): "
        "merging it again would count its people twice.",
    ),
    "merge.includes_input": (
        "这个数据包已包含“{org}”，而“{org}”也在本次要合并的文件里：会重复计算。",
        "This bundle already includes “{org}”, which is also among the files being merged: "
        "its people would be counted twice.",
    ),
    "merge.includes_source": (
        "这个数据包已包含本名册的来源“{source}”：会重复计算。",
        "This bundle already includes “{source}”, a source of this roster: its people would be "
        "counted twice.",
    ),
    "merge.older_bundle": (
        "这个数据包导出于 {exported_at}，比上次合并的（{merged}）更早。",
        "This bundle was exported at {exported_at}, before the one merged last ({merged}).",
    ),
    "hint.merge_older_bundle": (
        "确认没有拿错文件；确实要用旧的，加 --allow-older。",
        "Check it is the right file; to merge the older one anyway, add --allow-older.",
    ),
    "merge.rows_invalid": (
        "{part} 第 {row} 行的数据不合规（{detail}），拒绝合并。",
        "Row {row} of {part} is not valid ({detail}): refused.",
    ),
    "merge.rows_rejected": (
        "数据包中的数据与名册规则不符（{detail}），拒绝合并，本名册未改动。",
        "The bundle's data breaks the roster's rules ({detail}): refused, this roster is "
        "unchanged.",
    ),
    "merge.progress_checking": ("正在检查 {file}…", "Checking {file}…"),
    "merge.progress_merging": ("正在合并 {file}…", "Merging {file}…"),
    "merge.title": ("合并结果", "Merged"),
    "merge.title_dry_run": ("演练（未写入）", "Dry run (nothing written)"),
    "merge.outcome_added": ("新来源", "new source"),
    "merge.outcome_updated": ("已更新", "updated"),
    "merge.outcome_unchanged": ("无变化", "unchanged"),
    "merge.conflicts_title": (
        "个人信息不一致（未覆盖，待处理）",
        "Differing personal details (not overwritten: to resolve)",
    ),
    "merge.totals": (
        "本名册现有 {sources} 个来源、{volunteers} 名志愿者、{activities} 项活动、{records} 条有效服务记录；"
        "{twice} 人在两个及以上来源在册（volctl source overlaps）。",
        "This roster now holds {sources:~source|sources}, {volunteers:~volunteer|volunteers}, {activities:~activity|activities} "
        "and {records:~record|records} that count; {twice:~person is|people are} registered in two or "
        "more sources (volctl source overlaps).",
    ),
    "merge.conflicts_left": (
        "有 {count} 处个人信息不一致待处理：volctl source conflicts，然后 volctl source resolve。",
        "{count} differing personal details to resolve: volctl source conflicts, then volctl "
        "source resolve.",
    ),
    "merge.dry_run_done": ("演练结束，名册未改动。", "Dry run: the roster is unchanged."),
    "merge.col_file": ("文件", "file"),
    "merge.col_source": ("来源", "source"),
    "merge.col_outcome": ("结果", "outcome"),
    "merge.col_content_hash": ("校验值", "hash"),
    "merge.col_people_added": ("新增人员", "new people"),
    "merge.col_people_linked": ("已有人员", "matched"),
    "merge.col_people_updated": ("信息更新", "updated"),
    "merge.col_activities_added": ("新增活动", "activities"),
    "merge.col_entries_added": ("新增台账条目", "ledger entries"),
    "merge.col_records_retired": ("作废重建", "retired"),
    "merge.col_conflicts": ("不一致", "conflicts"),
    "merge.col_conflict_field": ("项目", "field"),
    "merge.col_roster_value": ("本名册", "this roster"),
    "merge.col_source_value": ("来源", "source says"),
    "merge.col_region": ("区划", "region"),
    "merge.col_parent_team": ("上级队伍", "under"),
    "merge.col_last_merged": ("最近合并", "last merged"),
    "merge.col_source_volunteers": ("在册志愿者", "volunteers"),
    "merge.col_source_served": ("服务人数", "served"),
    "merge.col_source_activities": ("活动", "activities"),
    "merge.col_source_records": ("服务记录", "records"),
    "merge.col_source_services": ("服务人次", "services"),
    "merge.col_source_no": ("在来源中的编号", "number there"),
    "merge.col_status": ("状态", "status"),
    # ------------------------------------------------------------------ sources
    "source.origin_not_found": (
        "台账中没有「{ref}」：它不是记录号、活动、培训、服务对象、队伍或志愿者。",
        "Nothing in this roster goes by '{ref}': no record, activity, training, beneficiary, "
        "team or volunteer.",
    ),
    "hint.origin_ref": (
        "可以查：记录号（#12）、活动编号、培训编号、服务对象编号、队伍名称，或志愿者的编号、身份证号、手机号、姓名。",
        "Look up a record (#12), an activity, training or beneficiary number, a team's name, or "
        "a volunteer's number, identity number, phone or name.",
    ),
    "source.not_found": ("没有名为“{ref}”的来源。", "No source “{ref}”."),
    "hint.source_not_found": (
        "volctl source list 列出全部来源。",
        "volctl source list lists them.",
    ),
    "source.basis_unknown": ("未知的计数口径：{value}。", "Unknown basis: {value}."),
    "source.keep_unknown": (
        "--keep 只能是 roster 或 source，而不是 {value}。",
        "--keep is roster or source, not {value}.",
    ),
    "source.no_conflicts_given": ("没有给出不一致的编号。", "No conflict number given."),
    "source.conflict_not_found": ("没有编号为 {id} 的不一致。", "No conflict number {id}."),
    "source.conflict_closed": (
        "不一致 {id} 已处理（{status}）。",
        "Conflict {id} is already resolved ({status}).",
    ),
    "source.keep_roster": ("保留本名册的值", "kept this roster's value"),
    "source.keep_source": ("采用来源的值", "took the source's value"),
    "source.resolved": ("已处理 {count} 处：{keep}。", "{count} resolved: {keep}."),
    "source.conflicts_hint": (
        "处理：volctl source resolve 编号 --keep roster|source",
        "To resolve: volctl source resolve NUMBER --keep roster|source",
    ),
    "conflict_status.open": ("待处理", "open"),
    "conflict_status.kept_roster": ("保留本名册", "kept ours"),
    "conflict_status.took_source": ("采用来源", "took source's"),
    "conflict_status.settled": ("已一致", "agree now"),
    "source.sum_of_sources": ("各来源合计", "sum of sources"),
    "source.merged_total": ("合并后（每人一次）", "merged (each person once)"),
    "source.counted_twice": ("重复计算", "counted twice"),
    "source.totals_title": ("{year} 年按来源分列", "{year} by source"),
    "source.totals_title_all": ("按来源分列（全部年度）", "By source (all years)"),
    "source.runs_title": ("历次合并", "Merges"),
    "source.overlaps_count": (
        "{count} 人被两个及以上来源计入。",
        "{count:~person is|people are} counted by two or more sources.",
    ),
    "source.origin_title": ("{ref} 的出处", "Where {ref} came from"),
    "source.origin_here": (
        "{ref} 是本名册自己录入的，不是合并来的。",
        "{ref} was entered in this roster, not merged from a source.",
    ),
    "source.field_source": ("来源", "source"),
    "source.field_org_name": ("组织", "organisation"),
    "source.field_region_code": ("行政区划代码", "region code"),
    "source.field_parent": ("上级队伍", "under team"),
    "source.field_exported_at": ("最近数据包导出时间", "latest bundle exported"),
    "source.field_first_merged_at": ("首次合并", "first merged"),
    "source.field_last_merged_at": ("最近合并", "last merged"),
    "source.field_content_hash": ("内容校验值", "content hash"),
    "source.field_with_beneficiaries": ("含服务对象个人信息", "beneficiaries' details"),
    "source.field_volunteers": ("在册志愿者", "volunteers"),
    "source.field_served": ("服务人数", "served"),
    "source.field_activities": ("活动", "activities"),
    "source.field_records": ("服务记录", "records"),
    "source.field_services": ("服务人次", "services"),
    "source.field_minutes": ("分钟", "minutes"),
    "source.field_hours": ("时长（小时）", "hours"),
    "source.field_conflicts": ("待处理不一致", "open conflicts"),
    "source.field_roster_uid": ("名册标识", "roster id"),
    "field.basis": ("计数口径", "basis"),
    "field.conflict": ("不一致编号", "conflict number"),
    "field.keep": ("--keep", "--keep"),
    # ------------------------------------------------------------------ undo-import refusals
    "intake.used_in.source_volunteers": (
        "合并来源中的同一人",
        "the same person in a merged source",
    ),
    "intake.used_in.merge_conflicts": ("合并时的信息不一致", "conflicts found by a merge"),
    # ------------------------------------------------------------------ the ledger here
    "hours.reason.source_activity": (
        "活动 {activity_no} 是从“{source}”合并来的：服务时长由组织它的社区记录。",
        "Activity {activity_no} was merged from “{source}”: the community that organised it "
        "records its hours.",
    ),
    "hours.reason.source_record": (
        "记录 #{record} 是从“{source}”合并来的：由记录它的社区更正。",
        "Record #{record} was merged from “{source}”: the community that recorded it corrects it.",
    ),
    "hours.hint.source_owned": (
        "请“{source}”在自己的名册中处理，再发来新的数据包（volctl export bundle），然后 volctl merge。",
        "Ask “{source}” to do it in its own roster and send a new bundle (volctl export "
        "bundle), then volctl merge it.",
    ),
}
