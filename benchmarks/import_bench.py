"""Sheet import speed: `volctl register import` against `sqlite-utils insert` (run by hand).

    python benchmarks/import_bench.py [--rows 50000] [--runs 3] [--keep DIR]

Generates a sign-up sheet of ROWS people as a real .xlsx (title rows, the 填报单位 line, the
header, dates and phones written the ways people write them, a few rows to reject and a few
duplicates), and a CSV of the same people in the roster's own columns. Then, in the same
run, times on fresh rosters:

- `volctl register import FILE.xlsx`: the full validated import (identity numbers, phones,
  dates, duplicates, minors, the batch, the audit log, one transaction);
- `sqlite-utils insert ROSTER volunteers FILE.csv --csv`: a plain load, no validation;

and prints a table of median times and the ratio (the target: volctl no slower).
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REGIONS = ("330482", "330481", "330402", "320106", "110105", "520115", "620200")
SURNAMES = (
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程"
)
GIVEN = "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超兰霞平刚桂英华玉萍红娥玲芬燕彬鹏辉"
PARTY = ("中共党员", "群众", "共青团员", "群众", "无党派人士", "民革党员", "中共预备党员")
EDUCATION = ("大学本科", "大专", "高中", "初中", "研究生", "中专")
UNITS = ("当湖街道办事处", "平湖市第一中学", "平湖市人民医院", "退休", "个体", "嘉兴银行平湖支行")
SKILLS = ("书法", "外语", "驾驶", "医疗护理", "心理疏导", "法律咨询", "摄影", "")
INTENTIONS = ("助老服务", "邻里守望", "环境保护", "文明交通劝导", "关爱留守儿童", "应急救援")
MOBILE_PREFIXES = (
    "130",
    "133",
    "135",
    "138",
    "139",
    "150",
    "151",
    "158",
    "159",
    "166",
    "177",
    "180",
    "186",
    "188",
    "189",
    "199",
)
HEADER = [
    "序号",
    "姓　名",
    "性别",
    "出生年月",
    "政治面貌",
    "文化程度",
    "公民身份号码",
    "手机号码",
    "工作单位及职务",
    "专业特长",
    "志愿服务意向",
    "监护人及电话",
    "备注",
]


def check_char(base17: str) -> str:
    from stdnum.cn import ric

    return ric.calc_check_digit(base17 + "0")


def people(count: int, seed: int = 2025) -> list[dict[str, object]]:
    """``count`` sheet rows: mostly valid people, ~2% rejects, ~1% repeated rows."""
    rng = random.Random(seed)
    out: list[dict[str, object]] = []
    used: set[str] = set()
    while len(out) < count:
        if out and rng.random() < 0.01:
            out.append(dict(rng.choice(out[-200:])))  # the same person twice
            continue
        born = dt.date(1945, 1, 1) + dt.timedelta(days=rng.randrange(0, 365 * 60))
        male = rng.random() < 0.5
        base = f"{rng.choice(REGIONS)}{born:%Y%m%d}{rng.randrange(0, 100):02d}"
        base += str(rng.choice("13579" if male else "02468"))
        number = base + check_char(base)
        if number in used:
            continue
        used.add(number)
        phone = f"{rng.choice(MOBILE_PREFIXES)}{rng.randrange(0, 10**8):08d}"
        row: dict[str, object] = {
            "name": rng.choice(SURNAMES) + "".join(rng.choices(GIVEN, k=rng.choice((1, 2)))),
            "gender": "男" if male else "女",
            "birth": rng.choice(
                (
                    born,
                    f"{born.year}.{born.month}",
                    f"{born.year}年{born.month}月",
                    born.isoformat(),
                )
            ),
            "party": rng.choice(PARTY),
            "education": rng.choice(EDUCATION),
            "id": number if rng.random() < 0.9 else f" {number[:6]} {number[6:14]} {number[14:]} ",
            "phone": rng.choice((phone, f"{phone[:3]}-{phone[3:7]}-{phone[7:]}", f"+86 {phone}")),
            "unit": rng.choice(UNITS),
            "skills": rng.choice(SKILLS),
            "intentions": "、".join(rng.sample(INTENTIONS, rng.randint(1, 3))),
            "id_clean": number,
            "phone_clean": phone,
            "born": born,
        }
        roll = rng.random()
        if roll < 0.005:
            row["id"] = float(number[:17] + "0")  # typed into Excel as a number
        elif roll < 0.01:
            row["phone"] = phone[:7]  # too short
        elif roll < 0.015:
            row["id"] = number[:17] + ("0" if number[17] != "0" else "1")  # checksum
        elif roll < 0.02:
            row["name"] = ""
        out.append(row)
    return out


def write_xlsx(rows: list[dict[str, object]], path: Path) -> None:
    from openpyxl import Workbook

    wb = Workbook(write_only=True)
    ws = wb.create_sheet("报名表")
    ws.append(["平湖市志愿者报名登记表"])
    ws.append(["填报单位(盖章):当湖街道东湖社区", *[""] * 6, "填报日期:2025年3月1日"])
    ws.append(HEADER)
    for n, r in enumerate(rows, start=1):
        ws.append(
            [
                n,
                r["name"],
                r["gender"],
                r["birth"],
                r["party"],
                r["education"],
                r["id"],
                r["phone"],
                r["unit"],
                r["skills"],
                r["intentions"],
                "",
                "",
            ]
        )
    ws.append([])
    ws.append(["填表人:王芳", "", "", "", "", "审核人:"])
    wb.save(path)


ROSTER_COLUMNS = [
    "volunteer_no",
    "name",
    "gender",
    "birth_date",
    "id_type",
    "id_number",
    "phone",
    "political_status",
    "education",
    "employer",
    "skills",
    "intentions",
    "registered_on",
    "created_at",
    "updated_at",
]


def write_csv(rows: list[dict[str, object]], path: Path) -> None:
    """The same people in the roster's columns, for a plain load (duplicates dropped)."""
    now = dt.datetime.now().astimezone().isoformat(timespec="seconds")
    seen: set[object] = set()
    with path.open("w", newline="", encoding="utf-8") as f:
        writer = csv.writer(f)
        writer.writerow(ROSTER_COLUMNS)
        for n, r in enumerate(rows, start=1):
            if r["id_clean"] in seen:
                continue
            seen.add(r["id_clean"])
            born = r["born"]
            assert isinstance(born, dt.date)
            writer.writerow(
                [
                    f"V{n:06d}",
                    r["name"] or "-",
                    r["gender"],
                    born.isoformat(),
                    "居民身份证",
                    r["id_clean"],
                    f"+86{r['phone_clean']}",
                    r["party"],
                    r["education"],
                    r["unit"],
                    f'["{r["skills"]}"]',
                    "[]",
                    "2025-03-01",
                    now,
                    now,
                ]
            )


def run(argv: list[str], env: dict[str, str]) -> float:
    start = time.perf_counter()
    done = subprocess.run(argv, env=env, capture_output=True, text=True)
    elapsed = time.perf_counter() - start
    if done.returncode != 0:
        sys.exit(f"failed: {' '.join(argv)}\n{done.stderr}")
    return elapsed


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=50_000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--keep", type=Path, help="keep the generated files in this folder")
    args = parser.parse_args()
    volctl = shutil.which("volctl") or sys.exit("volctl is not installed in this environment")
    sqlite_utils = shutil.which("sqlite-utils") or sys.exit("sqlite-utils is not installed")
    folder = Path(args.keep or tempfile.mkdtemp(prefix="volctl-bench-"))
    folder.mkdir(parents=True, exist_ok=True)
    env = {**os.environ, "VOLCTL_LANG": "en", "VOLCTL_OPERATOR": "bench"}

    started = time.perf_counter()
    rows = people(args.rows)
    xlsx, table = folder / "signup.xlsx", folder / "signup.csv"
    write_xlsx(rows, xlsx)
    write_csv(rows, table)
    sizes = f"{xlsx.stat().st_size / 1e6:.1f} MB and {table.stat().st_size / 1e6:.1f} MB"
    print(f"generated {len(rows)} rows in {time.perf_counter() - started:.1f} s ({sizes})")
    empty = folder / "empty.db"
    empty.unlink(missing_ok=True)
    run([volctl, "--db", str(empty), "init", "--org", "当湖街道东湖社区"], env)

    times: dict[str, list[float]] = {
        "volctl register import (xlsx)": [],
        "sqlite-utils insert (csv)": [],
    }
    for i in range(args.runs):
        for name in times:
            db = folder / f"run{i}-{'volctl' if name.startswith('volctl') else 'su'}.db"
            for suffix in ("", "-wal", "-shm"):
                Path(f"{db}{suffix}").unlink(missing_ok=True)
            shutil.copy(empty, db)
            if name.startswith("volctl"):
                argv = [
                    volctl,
                    "--db",
                    str(db),
                    "register",
                    "import",
                    str(xlsx),
                    "--format",
                    "json",
                ]
                rejects = folder / "rejects.xlsx"
                rejects.unlink(missing_ok=True)  # each run writes its own
                argv += ["--rejects", str(rejects)]
            else:
                argv = [sqlite_utils, "insert", str(db), "volunteers", str(table), "--csv"]
            times[name].append(run(argv, env))

    base = statistics.median(times["sqlite-utils insert (csv)"])
    print(f"{'case':34} {'median s':>9} {'best s':>8} {'ratio':>7}")
    for name, values in times.items():
        median = statistics.median(values)
        print(f"{name:34} {median:9.2f} {min(values):8.2f} {median / base:7.2f}")
    if not args.keep:
        shutil.rmtree(folder)


if __name__ == "__main__":
    main()
