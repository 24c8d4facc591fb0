"""What a spreadsheet may make the reader build: the caps beyond rows and columns."""

MESSAGES: dict[str, tuple[str, str]] = {
    "intake.too_much_text": (
        "读取这个工作表要在单元格里复制 {size} MB 文字（同一段长文字被许多单元格引用），超过了 {limit} MB 的上限。",
        "Reading this sheet would copy {size} MB of text into its cells (one long text named "
        "by many cells), over the cap of {limit} MB.",
    ),
    "intake.too_many_merged": (
        "工作表有 {count} 个合并单元格区域，超过了 {limit} 个的上限，不像是一张报名表。",
        "The sheet has {count} merged areas, more than the cap of {limit}: not a sign-up sheet.",
    ),
}
