"""Write examples/东湖社区志愿者报名表.xlsx: the kind of sheet a community sends (run by hand).

Fictional people with valid identity numbers, and the mess real sheets have: title rows, a
填报单位/填报日期 line, ideographic spaces in headers, full-width digits, phones with dashes
or as numbers, dates in several spellings, a blank row, a duplicate, an identity number Excel
turned into a number, a minor with a guardian, and a 填表人/审核人 footer.
"""

from __future__ import annotations

import random
from datetime import date
from pathlib import Path

from openpyxl import Workbook
from stdnum.cn import ric

HERE = Path(__file__).resolve().parent
SURNAMES = (
    "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕"
    "苏卢蒋蔡贾丁魏薛叶阎余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史"
    "顾侯邵孟龙万段雷钱汤尹黎易常武乔贺赖龚文"
)
GIVEN = [
    "秀英",
    "建国",
    "丽华",
    "洋",
    "静",
    "志强",
    "敏",
    "伟",
    "晓燕",
    "磊",
    "桂芳",
    "浩然",
    "红梅",
    "军",
    "芳",
    "勇",
    "艳",
    "杰",
    "娟",
    "涛",
    "明",
    "超",
    "秀兰",
    "霞",
    "平",
    "刚",
    "桂英",
    "玉兰",
    "萍",
    "鹏",
    "建华",
    "文",
    "华",
    "玲",
    "春梅",
    "海燕",
    "斌",
    "丹",
    "宇",
    "梅",
    "建军",
    "淑珍",
    "凤英",
    "国庆",
]
POLITICAL = [
    "中共党员",
    "党员",
    "共青团员",
    "团员",
    "群众",
    "群众",
    "群众",
    "无党派人士",
    "民盟盟员",
]
EDUCATION = ["大学本科", "本科", "大专", "高中", "初中", "中专", "研究生", "小学"]
EMPLOYERS = [
    "当湖街道东湖社区",
    "平湖市第一中学",
    "平湖市人民医院",
    "退休",
    "退休",
    "个体",
    "嘉兴银行平湖支行",
    "当湖街道办事处",
]
SKILLS = [
    "书法",
    "医疗护理",
    "水电维修",
    "教育辅导",
    "驾驶",
    "摄影",
    "法律咨询",
    "心理疏导",
    "文艺表演",
    "",
]
INTENTIONS = [
    "助老服务",
    "关爱留守儿童",
    "环境保护",
    "文明交通劝导",
    "邻里守望",
    "文化体育",
    "社区治安巡防",
    "应急救援",
    "助残服务",
]


def person(rng: random.Random, n: int) -> dict[str, object]:
    born = date(rng.randint(1948, 2004), rng.randint(1, 12), rng.randint(1, 28))
    male = rng.random() < 0.45
    seq = rng.randint(0, 99) * 10 + (
        rng.choice([1, 3, 5, 7, 9]) if male else rng.choice([0, 2, 4, 6, 8])
    )
    base = f"{rng.choice(['330482', '330482', '330481', '330402'])}{born:%Y%m%d}{seq:03d}"
    return {
        "name": rng.choice(SURNAMES) + rng.choice(GIVEN),
        "gender": "男" if male else "女",
        "born": born,
        "id": base + ric.calc_check_digit(base + "0"),
        "phone": rng.choice(["138", "139", "158", "186", "187", "135", "150", "151"])
        + f"{rng.randint(0, 99999999):08d}",
        "political": rng.choice(POLITICAL),
        "education": rng.choice(EDUCATION),
        "employer": rng.choice(EMPLOYERS),
        "skills": rng.choice(SKILLS),
        "intentions": "、".join(rng.sample(INTENTIONS, rng.randint(1, 3))),
    }


def main() -> None:
    rng = random.Random(2025)
    people = [person(rng, n) for n in range(40)]
    wb = Workbook()
    ws = wb.active
    ws.title = "报名表"
    ws.append(["东湖社区学雷锋志愿者报名登记表"])
    ws.merge_cells("A1:L1")
    ws.append(
        [
            "填报单位(盖章):当湖街道东湖社区",
            None,
            None,
            None,
            None,
            None,
            None,
            "填报日期:2025年1月10日",
        ]
    )
    ws.append(
        [
            "序号",
            "姓　名",
            "性别",
            "出生年月",
            "政治面貌",
            "公民身份号码",
            "手机号码",
            "工作单位及职务",
            "专业特长",
            "服务意向",
            "监护人及电话",
            "备注",
        ]
    )
    spellings = [
        lambda d: f"{d.year}.{d.month}",
        lambda d: f"{d.year}年{d.month}月",
        lambda d: d,
        lambda d: f"{d.year}/{d.month:02d}/{d.day:02d}",
    ]
    for n, p in enumerate(people, start=1):
        born = p["born"]
        assert isinstance(born, date)
        phone: object = p["phone"]
        ident: object = p["id"]
        if n % 7 == 0:
            phone = f"{str(phone)[:3]}-{str(phone)[3:7]}-{str(phone)[7:]}"
        if n % 9 == 0:
            phone = int(str(phone))
        if n == 12:
            ident = str(ident).translate(str.maketrans("0123456789X", "０１２３４５６７８９Ｘ"))
        if n == 25:
            ident = float(str(ident))  # typed into a number cell: its last digits are gone
        if n == 20:
            ws.append([])
        ws.append(
            [
                n,
                p["name"],
                p["gender"],
                spellings[n % 4](born),
                p["political"],
                ident,
                phone,
                p["employer"],
                p["skills"],
                p["intentions"],
                None,
                None,
            ]
        )
    # A pupil with a guardian, and someone who signed up twice.
    child_base = "33048220120305011"
    ws.append(
        [
            41,
            "孙浩然",
            "男",
            "2012.3",
            "",
            child_base + ric.calc_check_digit(child_base + "0"),
            "13875893910",
            "平湖市实验小学(学生)",
            "绘画",
            "环境保护",
            "孙建华 13957312345",
            "小小志愿者",
        ]
    )
    again = people[3]
    ws.append(
        [
            42,
            again["name"],
            again["gender"],
            again["born"],
            again["political"],
            again["id"],
            again["phone"],
            again["employer"],
            "",
            again["intentions"],
            None,
            "重复报名",
        ]
    )
    ws.append([])
    ws.append(["填表人:王芳", None, None, None, None, "审核人:"])
    for column in "FG":
        for cell in ws[column][3:]:
            if isinstance(cell.value, str):
                cell.number_format = "@"
    wb.save(HERE / "东湖社区志愿者报名表.xlsx")


if __name__ == "__main__":
    main()
