"""Line breaking for Chinese and English text, measured in terminal columns.

One rule for every wrapped text volctl prints (help, messages, table cells and headers):

- a Chinese character takes two columns; a line may break between two Chinese characters, at a
  space, and between Chinese and Latin text;
- no line starts with closing punctuation (，。、；：？！）」』》 …) and none ends with opening
  punctuation (（「『《 …): they stay with the character they belong to, so 「（小时）」 breaks
  only inside, never as 「（小时\\n）」, and 「（V000001）」 stays whole;
- never inside a run of Latin letters and digits: a number (2026-12-07, 13.5, 0573-85012345),
  an option name (--with-subteams), a volunteer number (V000001), an English word; nor between a
  number and the unit written after it (12月, 3人);
- never inside a file or folder name (东湖社区志愿者报名表.rejects.xlsx, /tmp/备份): a run of text
  with an extension or a slash, up to the punctuation or space around it.

A unit wider than the line is cut (the one case a rule gives way: the text must be shown); an
English word so cut is hyphenated, which is also how a table squeezed to its least breaks one.
Wide characters are those Unicode calls wide or full-width, as rich measures them, so a cell
wrapped here is laid out by rich exactly as wrapped.
"""

import functools
from collections.abc import Callable

# Never at the start of a line.
CLOSING = frozenset("，。、；：？！）」』》】〕〉”’…—～%,.;:?!)]}") | {"\u30fb", "\u00b7"}
# Never at the end of a line.
OPENING = frozenset("（「『《【〔〈“‘([{")
# Where a file or folder name ends within a run of text.
_NAME_ENDS = frozenset("，。、；：？！（）「」『』《》【】〔〕〈〉“”‘’ \t\n")


def _first_east_asian_width(ch: str) -> str:
    """``unicodedata.east_asian_width``, imported when first needed (a shared library; a
    help page is written in the blocks measured below without it), then called directly."""
    global east_asian_width
    from unicodedata import east_asian_width as found

    east_asian_width = found
    return found(ch)


east_asian_width: Callable[[str], str] = _first_east_asian_width


# The blocks a help page is written in are measured here without ``unicodedata`` (its same
# answer, held to it by tests/test_startup.py): CJK ideographs (U+4E00-9FFF), CJK punctuation
# (，。「」, U+3000-303E) and full-width forms (（）：, U+FF01-FF60) are wide; general
# punctuation (… — “”, U+2000-2064) is not.


def char_width(ch: str) -> int:
    if ch < "\u1100":
        return 0 if ch in "\u200b\u200d" else 1
    if "\u4e00" <= ch <= "\u9fff" or "\u3000" <= ch <= "\u303e" or "\uff01" <= ch <= "\uff60":
        return 2
    if "\u2000" <= ch <= "\u2064":
        return 1
    return 2 if east_asian_width(ch) in "WF" else 1


def width(text: str) -> int:
    """Terminal columns: a Chinese character takes two."""
    if text.isascii():
        return len(text)
    return _wide_width(text)


@functools.lru_cache(maxsize=4096)  # a help page measures each text several times
def _wide_width(text: str) -> int:
    return sum(char_width(ch) for ch in text)


def _wide(ch: str) -> bool:
    if ch < "\u1100":
        return False
    if "\u4e00" <= ch <= "\u9fff" or "\u3000" <= ch <= "\u303e" or "\uff01" <= ch <= "\uff60":
        return True
    if "\u2000" <= ch <= "\u2064":
        return False
    return east_asian_width(ch) in "WF"


def _alnum(ch: str) -> bool:
    return ch.isascii() and ch.isalnum()


def _protected(token: str) -> list[tuple[int, int]]:
    """The spans of ``token`` that are file or folder names: a run between punctuation that
    holds a slash or ends in an extension (``.xlsx``; a letter after the dot)."""
    spans = []
    start = 0
    for end in [*(i for i, ch in enumerate(token) if ch in _NAME_ENDS), len(token)]:
        run = token[start:end]
        if run and not run.isascii():
            dot = run.rfind(".")
            named = "/" in run or "\\" in run
            if not named and 0 < dot < len(run) - 1:
                ext = run[dot + 1 :]
                named = ext[0].isascii() and ext[0].isalpha() and ext.isascii() and ext.isalnum()
            if named:
                spans.append((start, end))
        start = end + 1
    return spans


def _may_break(a: str, b: str) -> bool:
    """Whether a line may break between the characters ``a`` and ``b`` of one word."""
    if b in CLOSING or a in OPENING:
        return False
    if a == b and a in "…—":
        return False
    if not (_wide(a) or _wide(b)):
        return False  # Latin letters, digits and their punctuation stay together
    return not (a.isdigit() and a.isascii() and _wide(b))  # 12月, 3人


def units(token: str) -> list[str]:
    """``token`` (text without spaces) cut where a line may break."""
    if token.isascii() or len(token) < 2:
        return [token]
    spans = _protected(token) if ("." in token or "/" in token or "\\" in token) else []
    pieces = []
    start = 0
    for i in range(1, len(token)):
        if any(low < i < high for low, high in spans):
            continue
        if _may_break(token[i - 1], token[i]):
            pieces.append(token[start:i])
            start = i
    pieces.append(token[start:])
    return pieces


def _closes(unit: str) -> bool:
    """Whether ``unit`` starts with closing punctuation (not the dot of ``.csv`` or ``.5``)."""
    return unit[:1] in CLOSING and not (unit[:1] in ".," and unit[1:2].isalnum())


def _tokens(text: str) -> list[str]:
    """Words and the spaces between them (one space each)."""
    if "\t" in text or "\u3000" in text:
        text = text.replace("\t", " ").replace("\u3000", " ")
    tokens: list[str] = []
    for number, word in enumerate(text.split(" ")):
        if number:
            tokens.append(" ")
        if word:
            tokens.append(word)
    return tokens


def widest_unit(text: str, *, latin: int = 0) -> int:
    """The width of the widest piece of ``text`` that no line break may split. With
    ``latin``, an English word wider than that counts as that (it may be hyphenated)."""

    def least(unit: str) -> int:
        size = width(unit)
        return min(size, latin) if latin and _word(unit) else size

    return max(
        (least(unit) for line in text.splitlines() for tok in _tokens(line) if tok != " "
         for unit in units(tok)),
        default=0,
    )  # fmt: skip


def _word(unit: str) -> bool:
    """An English word (letters only): the one unit that may be hyphenated."""
    return unit.isascii() and unit.isalpha()


def _cut(unit: str, room: int) -> tuple[str, str]:
    """The longest head of ``unit`` that fits in ``room`` columns (at least one character),
    keeping closing punctuation off the start of the rest where the head allows."""
    if _word(unit) and room >= 3:  # an English word is hyphenated, three letters carried over
        cut = min(room - 1, max(len(unit) - 3, 2))
        return unit[:cut] + "-", unit[cut:]
    used = 0
    for i, ch in enumerate(unit):
        used += char_width(ch)
        if used > room:
            cut = max(i, 1)
            while 1 < cut < len(unit) and unit[cut] in CLOSING:
                cut -= 1
            return unit[:cut], unit[cut:]
    return unit, ""


def wrap_lines(text: str, columns: int, *, indent: str = "", hang: str = "") -> list[str]:
    """``text`` as lines of at most ``columns`` terminal columns (see the module's rules). The
    first line starts with ``indent``, the others with ``hang``; line breaks in ``text`` are
    kept; spaces at a break are dropped."""
    lines: list[str] = []
    for paragraph in text.split("\n"):
        lines.extend(_wrap_paragraph(paragraph, columns, indent if not lines else hang, hang))
    return lines


def _wrap_paragraph(text: str, columns: int, indent: str, hang: str) -> list[str]:
    # A paragraph that fits on its first line as written (single spaces, none at its ends) is
    # that line: most lines of a help page; held to the general way by tests/test_startup.py.
    if (
        "  " not in text
        and "\t" not in text
        and "\u3000" not in text
        and text[:1] != " "
        and text[-1:] != " "
        and width(indent) + width(text) <= columns
    ):
        return [(indent + text).rstrip()]
    if text.isascii() and indent.isascii() and hang.isascii():
        found = _wrap_ascii(text, columns, indent, hang)
        if found is not None:
            return found
    return _wrap_words(text, columns, indent, hang)


# Closing punctuation that may follow a space in ASCII text (the rule that carries the word
# before it down with it is left to the general way).
_ASCII_CLOSING = tuple(" " + ch for ch in sorted(CLOSING) if ch.isascii())


def _wrap_ascii(text: str, columns: int, indent: str, hang: str) -> list[str] | None:
    """An ASCII paragraph of words between single spaces broken where the general way
    (``_wrap_words``) breaks it, a line at a time; None where that way would do more (a word
    wider than its line, closing punctuation after a space, spaces doubled or at the ends)."""
    if "  " in text or "\t" in text or text[:1] == " " or text[-1:] == " ":
        return None
    if any(closing in text for closing in _ASCII_CLOSING):
        return None
    lines = []
    lead = indent
    start = 0
    while columns - len(lead) < len(text) - start:
        room = columns - len(lead)
        if room < 1:
            return None
        space = text.rfind(" ", start, start + room + 1)
        if space <= start:
            return None  # the next word does not fit on a line of its own: cut, the general way
        lines.append((lead + text[start:space]).rstrip())
        start, lead = space + 1, hang
    lines.append((lead + text[start:]).rstrip())
    return lines


def _wrap_words(text: str, columns: int, indent: str, hang: str) -> list[str]:
    lines: list[str] = []
    line: list[str] = []
    lead = indent
    used = width(lead)
    space = False  # a space waits between the line so far and what comes next
    for token in _tokens(text):
        if token == " ":
            space = bool(line)
            continue
        # ``units`` and ``width`` of ASCII text, inline: help pages wrap hundreds of words.
        for number, unit in enumerate((token,) if token.isascii() else units(token)):
            gap = 1 if space and number == 0 else 0
            size = len(unit) if unit.isascii() else width(unit)
            if line and used + gap + size > columns:
                # Closing punctuation after a space ("--reason …") never starts a line: the
                # word before it goes down with it.
                carry = [line.pop()] if _closes(unit) and sum(u != " " for u in line) > 1 else []
                if line and line[-1] == " ":
                    line.pop()
                lines.append(lead + "".join(line))
                line, lead = carry, hang
                gap = gap if carry else 0
                used = width(lead) + sum(map(width, carry))
            # Only a unit wider than a whole line is cut (the line is empty here).
            while used + gap + size > columns and size > 1:
                head, unit = _cut(unit, max(columns - used, 1))
                lines.append(lead + head)
                lead = hang
                used, size = width(lead), width(unit)
            if unit:
                if gap:
                    line.append(" ")
                line.append(unit)
                used += gap + size
            space = False
    if line or not lines:
        lines.append(lead + "".join(line))
    return [ln.rstrip() for ln in lines]


def wrap(text: str, columns: int, *, indent: str = "", hang: str = "") -> str:
    """:func:`wrap_lines` joined with line breaks."""
    return "\n".join(wrap_lines(text, columns, indent=indent, hang=hang))


# ----------------------------------------------------------------------------- labels

# Words a Chinese label ends with (志愿者编号 is 志愿者 + 编号): a table header may break
# before one of them, and nowhere else inside a run of Chinese, so that it never reads
# 志愿者编 / 号. Add a word here when a new header needs a break.
LABEL_WORDS = frozenset(
    {
        "编号",
        "号码",
        "名称",
        "日期",
        "时间",
        "时长",
        "小时",
        "人数",
        "人次",
        "次数",
        "合计",
        "单位",
        "情况",
        "类别",
        "状态",
        "地点",
        "队伍",
        "对象",
        "人员",
        "信息",
        "条目",
        "开始",
        "结束",
        "期间",
        "代码",
        "建议",
        "称号",
        "表彰",
        "台账",
        "活动",
        "记录",
        "需求",
        "志愿者",
        "姓名",
        "面貌",
        "程度",
        "类型",
        "电话",
        "职务",
        "原因",
        "备注",
        "来源",
        "标题",
        "目标",
        "门槛",
        "星级",
        "人群",
        "联系人",
        "负责人",
        "内容",
        "数量",
        "比例",
        "日程",
        "安排",
        "天数",
        "批次",
        "文件",
        "行数",
        "结果",
    }
)


def label_units(label: str) -> list[str]:
    """A label (a table header) cut where it may break: at spaces, before a bracket (服务时长
    / （小时）) and before a word of ``LABEL_WORDS`` (志愿者 / 编号); English at spaces only."""
    out: list[str] = []
    for token in _tokens(label.replace("\n", " ")):
        if token == " ":
            continue
        parts = []
        rest = token
        for bracket in ("（", "("):
            head, found, tail = rest.partition(bracket)
            if found and head:
                parts.append(head)
                rest = found + tail
        parts.append(rest)
        for part in parts:
            out.extend(_label_words(part))
    return out


def _label_words(part: str) -> list[str]:
    if part.isascii() or part[:1] in OPENING:
        return [part]
    words: list[str] = []
    while True:
        for size in (3, 2):
            tail = part[-size:]
            if len(part) - size >= 2 and tail in LABEL_WORDS and _wide(part[-size - 1]):
                words.insert(0, tail)
                part = part[:-size]
                break
        else:
            return [part, *words]


def label_width(label: str, *, latin: int = 0) -> int:
    """The width of a label's widest word: the narrowest a column under it may be. With
    ``latin``, an English word wider than that may be hyphenated down to it."""

    def least(unit: str) -> int:
        size = width(unit)
        return min(size, latin) if latin and _word(unit) else size

    return max((least(unit) for unit in label_units(label)), default=0)


def _hyphenated(unit: str, columns: int) -> list[str]:
    """An English word wider than ``columns`` in pieces that fit, each but the last ending in
    a hyphen (the one place a word is broken: a table header in a column too narrow)."""
    if not _word(unit) or len(unit) <= columns or columns < 3:
        return [unit]
    step = columns - 1
    pieces = []
    while len(unit) > columns:
        head = unit[:step]
        if len(unit) - step < 2:  # never one letter alone on a line
            head = unit[: len(unit) - 2]
        pieces.append(head + "-")
        unit = unit[len(head) :]
    return [*pieces, unit]


def wrap_label(label: str, columns: int) -> str:
    """A label in lines of at most ``columns`` cells, broken only between its words (an
    English word wider than the column hyphenated)."""
    if width(label) <= columns:
        return label
    lines: list[str] = []
    line = ""
    for unit in (piece for word in label_units(label) for piece in _hyphenated(word, columns)):
        gap = " " if line and (unit.isascii() and line[-1:].isascii()) else ""
        if line and width(line + gap + unit) > columns:
            lines.append(line)
            line, gap = "", ""
        line += gap + unit
    lines.append(line)
    return "\n".join(lines)
