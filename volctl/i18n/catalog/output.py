"""Messages of the output layer: formats chosen by file name, --limit, the pager."""

MESSAGES = {
    "output.xlsx_needs_file": (
        "xlsx 是工作簿文件，不能显示在屏幕上：请用 -o 给出文件名，例如 -o 名单.xlsx。",
        "xlsx is a workbook, not for the screen: give a file with -o, for example -o list.xlsx.",
    ),
    "output.suffix_unknown": (
        "不能写入 {path}：文件名须以 {accepted} 之一结尾（文件名决定写入的格式），"
        "或用 --format 指定格式。",
        "Cannot write {path}: the file name must end in one of {accepted} (the name says "
        "which format is written), or give --format.",
    ),
    "hint.output_suffix": (
        ".xlsx 供 Excel/WPS 打开；.csv 供其他程序；.json 供脚本；.md 和 .txt 是屏幕上的表格。",
        ".xlsx opens in Excel or WPS; .csv for other programs; .json for scripts; .md and "
        ".txt are the table as shown on screen.",
    ),
    "output.suffix_mismatch": (
        "不能把 {format} 格式写入 {path}：文件名说的是另一种格式。请改文件名，或去掉 --format。",
        "Cannot write {format} to {path}: its name says another format. Rename the file, "
        "or leave out --format.",
    ),
    "export.table_suffix": (
        "不能写入 {path}：原始数据的文件名须以 {accepted} 之一结尾，或用 --format 指定格式。",
        "Cannot write {path}: raw data's file name must end in one of {accepted}, or give "
        "--format.",
    ),
    "output.limited": (
        "只列出了前 {shown} 条，共 {total} 条（--limit）。",
        "Showing the first {shown} of {total} (--limit).",
    ),
    "opt.format_file": (
        "输出格式：table（表格，默认）、json、csv、md、txt，或 xlsx（须同时给出 -o）。"
        "给出 -o 而不给 --format 时，按文件名后缀决定。",
        "Output format: table (default), json, csv, md, txt, or xlsx (with -o). With -o and "
        "no --format, the file's suffix decides.",
    ),
    "opt.output_rows": (
        "写入文件而不是屏幕；后缀决定格式：.xlsx .csv .json .md .txt。",
        "Write to this file instead of the screen; its suffix picks the format: .xlsx .csv "
        ".json .md .txt.",
    ),
    "opt.limit": ("只列出前 N 条。", "List the first N only."),
    "opt.no_pager": (
        "表格比屏幕长时也不用分页程序（less）显示。",
        "Do not page a table longer than the screen (through less).",
    ),
}
