"""Keys, signatures and encryption: volctl keys, signed and encrypted bundles, encrypted
backups."""

MESSAGES = {
    # ------------------------------------------------------------------ help
    "help.keys": (
        "密钥：本名册用于接收（加密）和签名的密钥，以及与本名册交换数据包的单位的公钥。",
        "Keys: this roster's keys to receive (encryption) and to sign, and the public keys of "
        "the offices it exchanges bundles with.",
    ),
    "help.keys.init": (
        "为本名册生成密钥（一对用于接收、一对用于签名）。私钥保存在名册旁的文件夹里，仅本人可读，"
        "不进名册、不进备份、不进数据包。--rotate：密钥丢失或泄露时换一套新的。",
        "Give this roster its keys (a pair to receive, a pair to sign). The private halves are "
        "kept in a folder beside the roster, readable by you only: never in the roster, a "
        "backup or a bundle. --rotate: replace lost or leaked keys.",
    ),
    "help.keys.show": (
        "显示本名册的公钥（一行，发给交换数据包的单位），以及用于电话核对的指纹。",
        "Show this roster's public key (one line, to send to the offices you exchange bundles "
        "with) and its fingerprint, to compare by phone.",
    ),
    "help.keys.trust": (
        "记下另一单位的公钥（给它起个名字），以后用它加密发给该单位的数据包、核验该单位发来的数据包。"
        "PUBLIC-KEY 可以是公钥本身，也可以是存有公钥的文件。",
        "Record another office's public key under a name: bundles for it are encrypted to it, "
        "bundles from it are checked against it. PUBLIC-KEY is the key itself, or a file "
        "holding it.",
    ),
    "help.keys.list": (
        "列出本名册的密钥和所有信任过的公钥（含已吊销、已更换的）。",
        "List this roster's key and every public key it trusts or trusted (revoked and "
        "replaced ones included).",
    ),
    "help.keys.revoke": (
        "吊销一个单位的公钥：此后该公钥签名的数据包一律拒绝，也不再向它加密。记录保留。",
        "Revoke an office's public key: bundles it signed are refused from now on and nothing "
        "is encrypted to it. The record is kept.",
    ),
    "arg.keys_name": (
        "单位的名字，如 东湖社区、当湖街道。",
        "The office's name, e.g. 东湖社区, 当湖街道.",
    ),
    "arg.keys_public": (
        "对方的公钥（volctl keys show 显示的那一行，以 volctl: 开头），或存有它的文件。",
        "The other office's public key (the line volctl keys show prints, starting volctl:), "
        "or a file holding it.",
    ),
    "opt.keys_rotate": (
        "换一套新密钥（旧密钥丢失或泄露时）；旧私钥如还在，留着以便打开已发来的数据包。",
        "Replace the keys (lost or leaked); old private keys still there are kept to open "
        "bundles already sent to them.",
    ),
    "opt.keys_qr": (
        "同时在终端显示二维码（用手机扫描转发）。",
        "Also show it as a QR code in the terminal (to scan with a phone).",
    ),
    "opt.keys_replace": (
        "该名字已有公钥时，用新公钥替换（对方换了密钥时）；旧公钥不再接受。",
        "Replace the key that name has (the office made new keys); the old key is no longer "
        "accepted.",
    ),
    "opt.bundle_to": (
        "加密给接收方：已信任的单位名字，或其公钥（也可以是任何 age 公钥 age1…）。只有接收方能打开。",
        "Encrypt for the receiver: a trusted office's name, or its public key (any age "
        "recipient age1… too). Only the receiver can open it.",
    ),
    "opt.merge_accept_unsigned": (
        "接受没有签名的旧数据包（签名功能之前导出的）；会给出警告，并记入审计日志和来源记录。",
        "Accept unsigned bundles (exported before signatures existed); a warning is printed "
        "and recorded in the audit log and the source's history.",
    ),
    "opt.backup_encrypt": (
        "加密备份（age 口令模式）：口令在终端输入两次，或用 --passphrase-file。",
        "Encrypt the backup (age passphrase mode): the passphrase is asked twice at the "
        "terminal, or read from --passphrase-file.",
    ),
    "opt.passphrase_file": (
        "从文件第一行读口令（用于定时备份）；该文件应仅本人可读，且不要放在备份盘上。",
        "Read the passphrase from the first line of FILE (for scheduled backups); keep that "
        "file readable by you only, and never on the backup stick.",
    ),
    # ------------------------------------------------------------------ fields
    "field.public_key": ("公钥", "public key"),
    "field.receiver": ("接收方", "receiver"),
    "field.keys": ("密钥", "keys"),
    "field.passphrase": ("口令", "passphrase"),
    # ------------------------------------------------------------------ keys init / show
    "keys.your_office": ("本单位", "your office"),
    "keys.made": (
        "密钥已生成，私钥保存在 {folder}（仅本人可读，切勿发给任何人）。指纹：{fingerprint}",
        "Keys made; the private halves are in {folder} (readable by you only: never send them "
        "to anyone). Fingerprint: {fingerprint}",
    ),
    "keys.made_for_bundle": (
        "本名册还没有密钥，已为它生成（数据包要用它签名）。指纹：{fingerprint}",
        "This roster had no keys: made them now (bundles are signed with them). "
        "Fingerprint: {fingerprint}",
    ),
    "keys.made_next": (
        "下一步：把 volctl keys show 显示的那一行公钥发给上级（或下级）单位，请对方运行 "
        "volctl keys trust 本单位名称 公钥，并通过电话核对指纹。",
        "Next: send the line volctl keys show prints to the office above (or below) and ask "
        "them to run volctl keys trust YOUR-NAME KEY, comparing the fingerprint by phone.",
    ),
    "keys.rotated_tell_senders_up": (
        "请告诉合并本单位数据包的上级单位：“{org} 的密钥换了，新指纹 {fingerprint}，请运行 "
        "volctl keys trust {org} 新公钥 --replace”（新公钥就是上面那一行）。在此之前，他们会拒绝本单位的新数据包。",
        "Tell every office that merges your bundles: “{org} has new keys, fingerprint "
        "{fingerprint}; please run volctl keys trust {org} NEW-KEY --replace” (the new key is "
        "the line above). Until then they refuse your new bundles.",
    ),
    "keys.rotated_tell_senders_down": (
        "也请告诉向本单位发送数据包的下级单位同样运行 volctl keys trust {org} 新公钥 --replace，"
        "此后发来的数据包要加密给新公钥。",
        "Tell the offices that send bundles to you to run the same volctl keys trust {org} "
        "NEW-KEY --replace, so that what they send next is encrypted to your new key.",
    ),
    "keys.rotated_old_lost": (
        "旧私钥已不在：加密给旧公钥、尚未合并的数据包无法再打开，请对方重新导出。",
        "The old private key is gone: bundles encrypted to the old key and not merged yet "
        "cannot be opened any more; ask their senders to export them again.",
    ),
    "keys.show_fingerprint": (
        "指纹：{fingerprint}（请对方收到后通过电话与你核对这串字符）",
        "Fingerprint: {fingerprint} (ask the other office to read it back to you by phone "
        "once they have the key)",
    ),
    "keys.show_next": (
        "把上面一行（以 volctl: 开头）原样发给对方，对方运行 volctl keys trust 本单位名称 公钥。"
        "这是公钥，可以公开；私钥从不显示。",
        "Send the line above (starting volctl:) as it is; the other office runs volctl keys "
        "trust YOUR-NAME KEY. It is the public half and may be seen by anyone; the private "
        "half is never shown.",
    ),
    # ------------------------------------------------------------------ trust / revoke / list
    "keys.trusted": (
        "已信任 {name} 的公钥（指纹 {fingerprint}）。",
        "{name}'s public key is trusted (fingerprint {fingerprint}).",
    ),
    "keys.trust_replaced": (
        "{name} 的公钥已更换为指纹 {fingerprint}；旧公钥（{old}）签名的数据包不再接受。",
        "{name}'s key was replaced by fingerprint {fingerprint}; bundles signed with the old "
        "key ({old}) are no longer accepted.",
    ),
    "keys.trust_unchanged": (
        "{name} 的这个公钥已经信任过了（指纹 {fingerprint}），未作改动。",
        "{name}'s key was already trusted (fingerprint {fingerprint}); nothing changed.",
    ),
    "keys.compare_fingerprint": (
        "请打电话给 {name}，核对对方 volctl keys show 显示的指纹与上面一致：公钥可能在传送中被调包。",
        "Phone {name} and check that the fingerprint their volctl keys show prints is the one "
        "above: a key can be swapped on its way.",
    ),
    "keys.revoked": (
        "已吊销 {name} 的公钥（指纹 {fingerprint}）：它签名的数据包将被拒绝，也不再向它加密。",
        "{name}'s key (fingerprint {fingerprint}) is revoked: bundles it signed are refused, "
        "and nothing is encrypted to it.",
    ),
    "keys.this_roster": ("本名册", "this roster"),
    "keys.status_own": ("本名册的密钥", "this roster's key"),
    "keys.status_trusted": ("信任", "trusted"),
    "keys.status_revoked": ("已吊销", "revoked"),
    "keys.status_replaced": ("已更换", "replaced"),
    "keys.col_name": ("名字", "name"),
    "keys.col_fingerprint": ("指纹", "fingerprint"),
    "keys.col_status": ("状态", "status"),
    "keys.col_since": ("起始", "since"),
    "keys.col_ended": ("结束", "ended"),
    "keys.signature_none": ("（签名功能之前）", "(before signatures)"),
    "keys.signature_verified": ("已验证：{name}", "verified: {name}"),
    "keys.signature_unsigned": ("未签名（已接受）", "unsigned (accepted)"),
    "keys.signature_roster": ("名册文件", "roster file"),
    "keys.signature_encrypted": ("，已加密", ", encrypted"),
    # ------------------------------------------------------------------ key errors
    "keys.bad_public_key": (
        "这不是 volctl 公钥：应为 volctl keys show 显示的一行，形如 volctl:age1…:AAAA…。",
        "This is not a volctl public key: it should be the line volctl keys show prints, "
        "volctl:age1…:AAAA….",
    ),
    "keys.file_missing": (
        "找不到公钥文件 {path}（也不是以 volctl: 开头的公钥）。",
        "No key file {path} (nor is it a public key starting volctl:).",
    ),
    "hint.keys_bad_public_key": (
        "请对方重新运行 volctl keys show，把整行复制发来（或存成文件发来）。",
        "Ask the other office to run volctl keys show again and send the whole line (or save "
        "it in a file and send that).",
    ),
    "keys.no_roster_file": (
        "找不到名册文件的位置，无法使用密钥。",
        "The roster's file cannot be found, so its keys cannot be used.",
    ),
    "keys.cannot_read": (
        "无法读取密钥 {path}：{reason}。",
        "Cannot read the keys {path}: {reason}.",
    ),
    "keys.cannot_write": (
        "无法写入密钥 {path}：{reason}。",
        "Cannot write the keys {path}: {reason}.",
    ),
    "keys.damaged": (
        "密钥文件夹 {folder} 里的私钥不完整或已损坏。",
        "The private keys in {folder} are incomplete or damaged.",
    ),
    "hint.keys_damaged": (
        "如有该文件夹的备份，请拷回；否则运行 volctl keys init --rotate 换一套新密钥，并按提示通知对方。",
        "Copy the folder back from where you keep a copy; otherwise run volctl keys init "
        "--rotate for new keys and tell the other offices as it says.",
    ),
    "keys.none": (
        "本名册还没有密钥（应在 {folder}）。",
        "This roster has no keys yet (they would be in {folder}).",
    ),
    "hint.keys_init": (
        "运行 volctl keys init 生成密钥，再把 volctl keys show 显示的公钥发给交换数据包的单位。",
        "Run volctl keys init, then send what volctl keys show prints to the offices you "
        "exchange bundles with.",
    ),
    "keys.folder_missing": (
        "本名册有过密钥，但它的私钥文件夹 {folder} 不见了（名册被拷到别处而文件夹没有跟着？）。",
        "This roster had keys, but their folder {folder} is missing (the roster was copied "
        "without it?).",
    ),
    "hint.keys_folder_missing": (
        "把原来名册旁的 .keys 文件夹一起拷过来；如已丢失，运行 volctl keys init --rotate 换新密钥并通知对方。",
        "Copy the .keys folder that was beside the roster along with it; if it is lost, run "
        "volctl keys init --rotate and tell the other offices.",
    ),
    "keys.exist": (
        "本名册已经有密钥（指纹 {fingerprint}），未作改动。",
        "This roster already has keys (fingerprint {fingerprint}); nothing changed.",
    ),
    "hint.keys_rotate": (
        "查看公钥用 volctl keys show；确实要换新密钥（丢失或泄露）用 volctl keys init --rotate。",
        "volctl keys show prints the public key; to replace lost or leaked keys, volctl keys "
        "init --rotate.",
    ),
    "keys.empty_name": ("名字不能为空。", "The name is empty."),
    "keys.bad_name": (
        "名字不能含冒号，且不超过 {limit} 个字。",
        "A name has no colon and at most {limit} characters.",
    ),
    "keys.trust_own": (
        "这是本名册自己的公钥，无需信任。",
        "That is this roster's own key: it needs no trust.",
    ),
    "keys.trusted_as": (
        "这个公钥已经以“{other}”的名字信任了。",
        "This key is already trusted as “{other}”.",
    ),
    "keys.name_taken": (
        "“{name}”已有另一个公钥（指纹 {fingerprint}），未作改动。",
        "“{name}” already has another key (fingerprint {fingerprint}); nothing changed.",
    ),
    "hint.keys_replace": (
        "如对方确实换了密钥（先电话核对新指纹），加 --replace 替换；否则请换一个名字。",
        "If that office really made new keys (check the new fingerprint by phone first), add "
        "--replace; otherwise use another name.",
    ),
    "keys.unknown_name": ("没有信任名为“{name}”的公钥。", "No key is trusted under “{name}”."),
    "hint.keys_list": (
        "volctl keys list 列出已信任的公钥。",
        "volctl keys list shows the trusted keys.",
    ),
    "hint.keys_trust_first": (
        "先取得对方的公钥并信任它：volctl keys trust 名字 公钥。",
        "Get that office's public key and trust it first: volctl keys trust NAME KEY.",
    ),
    "hint.keys_known_names": ("已信任的有：{names}。", "Trusted: {names}."),
    "keys.to_revoked": (
        "“{name}”的公钥已于 {at} 吊销，不能再加密给它。",
        "“{name}”'s key was revoked on {at}: nothing is encrypted to it.",
    ),
    "keys.to_replaced": (
        "“{name}”的这个公钥已于 {at} 被更换，不能再加密给它。",
        "That key of “{name}” was replaced on {at}: nothing is encrypted to it.",
    ),
    # ------------------------------------------------------------------ bundles
    "bundle.field_signed_by": ("签名密钥指纹", "signed by (fingerprint)"),
    "bundle.field_encrypted_to": ("加密给", "encrypted for"),
    "bundle.not_encrypted_short": ("未加密", "not encrypted"),
    "bundle.age_recipient": ("age 公钥", "an age recipient"),
    "bundle.not_encrypted": (
        "这个数据包已签名但没有加密：任何拿到文件的人都能读出其中每个人的信息。请用 --to 单位名称 加密给接收方。",
        "This bundle is signed but not encrypted: whoever holds the file can read every "
        "person in it. Use --to NAME to encrypt it for the office that receives it.",
    ),
    "bundle.encrypted_for": (
        "数据包 {path} 已加密给 {name}，只有对方的名册能打开；已用本名册的密钥签名。",
        "The bundle {path} is encrypted for {name}: only that roster can open it. It is "
        "signed with this roster's key.",
    ),
    "bundle.encrypted_no_keys": (
        "数据包是加密的，但本名册还没有密钥，无法打开。",
        "The bundle is encrypted, but this roster has no keys to open it.",
    ),
    "bundle.not_for_us": (
        "数据包不是加密给本名册的（或已被改动），无法打开，拒绝合并。",
        "The bundle was not encrypted for this roster (or it was altered): it cannot be "
        "opened. Refused.",
    ),
    "bundle.encrypted_damaged": (
        "数据包无法解密：加密后被改动过、已损坏或不完整，拒绝合并。",
        "The bundle cannot be decrypted: it was altered, damaged or cut short after it was "
        "encrypted. Refused.",
    ),
    "bundle.unsigned": (
        "数据包没有签名，无法确认它来自谁，拒绝合并。",
        "The bundle is not signed, so who sent it cannot be checked: refused.",
    ),
    "hint.bundle_unsigned": (
        "请对方用新版 volctl 重新导出；确是签名功能之前的旧数据包，可加 --accept-unsigned（会记录在案）。",
        "Ask the sender to export it again with a current volctl; for an old bundle from "
        "before signatures, add --accept-unsigned (it is recorded).",
    ),
    "bundle.signature_invalid": (
        "数据包的签名与清单不符：签名后被改动过，拒绝合并。",
        "The bundle's signature does not match its manifest: it was altered after it was "
        "signed. Refused.",
    ),
    "bundle.signer_unknown": (
        "数据包由本名册不认识的密钥签名（包内自称来自 {org}），拒绝合并。",
        "The bundle is signed by a key this roster does not trust (it says it comes from "
        "{org}): refused.",
    ),
    "hint.bundle_signer_unknown": (
        "如确是该单位发来的，请对方发来公钥（volctl keys show），电话核对指纹后运行 volctl keys trust 名字 公钥"
        "（对方换过密钥的，加 --replace）。",
        "If it really is from that office, get its public key (volctl keys show), check the "
        "fingerprint by phone, then run volctl keys trust NAME KEY (add --replace if it made "
        "new keys).",
    ),
    "bundle.signer_revoked": (
        "数据包由“{name}”的已吊销密钥签名（{at} 吊销），拒绝合并。",
        "The bundle is signed by “{name}”'s key, revoked on {at}: refused.",
    ),
    "hint.bundle_signer_revoked": (
        "请对方换新密钥（volctl keys init --rotate）后重新导出，你再信任其新公钥。",
        "Ask them to make new keys (volctl keys init --rotate) and export again, then trust "
        "their new key.",
    ),
    "bundle.signer_replaced": (
        "数据包由“{name}”已更换的旧密钥签名（{at} 更换），拒绝合并。",
        "The bundle is signed by “{name}”'s old key, replaced on {at}: refused.",
    ),
    "hint.bundle_signer_replaced": (
        "请对方用当前的 volctl 名册重新导出。",
        "Ask them to export it again from their roster as it is now.",
    ),
    # ------------------------------------------------------------------ merge
    "merge.col_signature": ("签名", "signature"),
    "merge.unsigned_accepted": (
        "{file} 没有签名，按 --accept-unsigned 接受：无法确认它来自谁。已记入审计日志和来源记录。",
        "{file} is unsigned and was accepted with --accept-unsigned: who sent it cannot be "
        "checked. Recorded in the audit log and the source's history.",
    ),
    "merge.unsigned_after_signed": (
        "这个名册以前的数据包都由“{name}”签名，这个却没有签名：即使加 --accept-unsigned 也拒绝合并。",
        "This roster's bundles were signed by “{name}” before; this one is not signed: refused, "
        "--accept-unsigned or not.",
    ),
    "merge.signer_changed": (
        "这个名册以前的数据包由“{name}”签名，这个却由“{signer}”签名，拒绝合并。",
        "This roster's bundles were signed by “{name}”; this one is signed by “{signer}”: refused.",
    ),
    "hint.merge_signer_changed": (
        "如“{name}”换了密钥，请以原名字信任新公钥：volctl keys trust {name} 公钥 --replace。",
        "If “{name}” made new keys, trust its new key under its own name: volctl keys trust "
        "{name} KEY --replace.",
    ),
    "source.field_signature": ("签名", "signature"),
    "source.field_signed_by": ("签名单位", "signed by"),
    # ------------------------------------------------------------------ backups
    "backup.encrypted_done": (
        "备份已加密（age 口令模式）：没有口令谁也打不开，口令丢了也无法找回，请妥善保管。",
        "The backup is encrypted (age passphrase mode): nobody opens it without the "
        "passphrase, and a lost passphrase cannot be recovered: keep it safe.",
    ),
    "backup.removable_unencrypted": (
        "这份备份在移动介质（或另一块盘）上且没有加密：拿到它的人能读出名册上每个人的信息。建议改用 --encrypt。",
        "This backup is on removable media (or another disk) and not encrypted: whoever finds "
        "it reads every person on the roster. Use --encrypt.",
    ),
    "backups.removable_unencrypted": (
        "最近一次备份到移动介质（{path}，{at}）没有加密：请重新做加密备份，并删除那份未加密的。",
        "The last backup on removable media ({path}, {at}) was not encrypted: make an "
        "encrypted one and delete the unencrypted copy.",
    ),
    "backup.passphrase_prompt": ("备份口令", "Backup passphrase"),
    "backup.passphrase_again": ("再输入一次口令", "The passphrase again"),
    "backup.passphrase_mismatch": (
        "两次输入的口令不一致，请重新输入。",
        "The two passphrases differ: once more.",
    ),
    "backup.passphrase_not_set": (
        "三次都没有设好口令，未做备份。",
        "No passphrase was set in three tries: no backup was made.",
    ),
    "backup.passphrase_needed": (
        "加密备份需要口令：在终端运行时会提示输入，否则请用 --passphrase-file。",
        "An encrypted backup needs a passphrase: it is asked at a terminal; otherwise give "
        "--passphrase-file.",
    ),
    "hint.passphrase_file": (
        "把口令写在一个仅本人可读的文件第一行，用 --passphrase-file 该文件。",
        "Put the passphrase on the first line of a file readable by you only and give "
        "--passphrase-file FILE.",
    ),
    "backup.passphrase_short": (
        "口令太短：至少 {limit} 个字符。",
        "The passphrase is too short: at least {limit} characters.",
    ),
    "backup.passphrase_file_bad": (
        "口令文件应是一行文字（口令本身）。",
        "The passphrase file should hold one line of text: the passphrase.",
    ),
    "backup.passphrase_file_unreadable": (
        "无法读取口令文件 {path}：{reason}。",
        "Cannot read the passphrase file {path}: {reason}.",
    ),
    "backup.passphrase_file_loose": (
        "口令文件 {path} 其他用户也能读取：建议 chmod 600。",
        "The passphrase file {path} is readable by other users: chmod 600 it.",
    ),
    "restore.needs_passphrase": (
        "这是加密备份，需要口令才能恢复。",
        "This is an encrypted backup: restoring it needs its passphrase.",
    ),
    "hint.restore_passphrase": (
        "在终端运行会提示输入口令；否则用 --passphrase-file。",
        "At a terminal the passphrase is asked for; otherwise give --passphrase-file.",
    ),
    "restore.wrong_passphrase": (
        "口令不对（或备份已损坏），未作恢复，台账未改动。",
        "Wrong passphrase (or the backup is damaged): nothing was restored; the roster is "
        "unchanged.",
    ),
    "restore.not_passphrase": (
        "这个文件不是用口令加密的（是加密给某个密钥的），volctl restore 无法打开，台账未改动。",
        "This file is not encrypted with a passphrase (it is encrypted to a key): volctl "
        "restore cannot open it; the roster is unchanged.",
    ),
    "restore.cannot_read": (
        "无法读取备份 {path}：{reason}。",
        "Cannot read the backup {path}: {reason}.",
    ),
}
