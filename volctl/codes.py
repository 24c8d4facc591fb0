"""National code lists that are fixed by standard (the extendable lists live in the roster).

Each normaliser accepts the full label, the short form sheets use, the numeric code or the
English name (``volctl.values``), and returns the full label, which is what the roster stores
and the forms print.
"""

from __future__ import annotations

# GB/T 4762 政治面貌: code, full label, short forms.
POLITICAL_STATUS: tuple[tuple[str, str, tuple[str, ...]], ...] = (
    ("01", "中共党员", ("党员", "中国共产党党员", "共产党员", "中国共产党员", "中共正式党员")),
    ("02", "中共预备党员", ("预备党员", "中国共产党预备党员")),
    ("03", "共青团员", ("团员", "中国共产主义青年团团员", "共青团")),
    ("04", "民革党员", ("民革", "民革会员")),
    ("05", "民盟盟员", ("民盟",)),
    ("06", "民建会员", ("民建",)),
    ("07", "民进会员", ("民进",)),
    ("08", "农工党党员", ("农工党", "农工民主党党员")),
    ("09", "致公党党员", ("致公党",)),
    ("10", "九三学社社员", ("九三学社", "九三")),
    ("11", "台盟盟员", ("台盟",)),
    ("12", "无党派人士", ("无党派", "无党派民主人士")),
    # A child's 少先队员 is not a political status of its own: the standard counts it 群众.
    ("13", "群众", ("普通居民", "无", "少先队员", "少先队", "少年先锋队员")),
)

# GB/T 4658 文化程度, top level, with the words people write.
EDUCATION: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("研究生", ("博士", "硕士", "博士研究生", "硕士研究生", "研究生及以上")),
    ("大学本科", ("本科", "大本", "学士")),
    ("大学专科", ("大专", "专科", "高职")),
    ("中等职业教育", ("中专", "职高", "技校", "中职", "中等专科")),
    ("普通高中", ("高中",)),
    ("初中", ("初级中学",)),
    ("小学", ()),
    ("其他", ("文盲", "半文盲", "无")),
)

GENDERS = {
    "男": ("男", "m", "male", "男性", "男生", "男孩", "男童", "男士"),
    "女": ("女", "f", "female", "女性", "女生", "女孩", "女童", "女士"),
}
THEMES = ("关爱他人", "关爱社会", "关爱自然")


def political_code(label: str) -> str:
    return next(code for code, full, _s in POLITICAL_STATUS if full == label)


RESIDENT_ID = "居民身份证"
# Document types (证件类型) with the aliases accepted on the command line and in sheets.
ID_TYPES: dict[str, tuple[str, ...]] = {
    RESIDENT_ID: ("身份证", "id", "resident", "ric"),
    "港澳台居民居住证": ("居住证", "residence-permit"),
    "护照": ("passport",),
    "港澳居民来往内地通行证": ("回乡证", "港澳通行证", "hk-macau-permit"),
    "台湾居民来往大陆通行证": ("台胞证", "taiwan-permit"),
    "外国人永久居留身份证": ("永居证", "foreign-permanent-resident"),
}
FOREIGN_PERMANENT = "外国人永久居留身份证"
