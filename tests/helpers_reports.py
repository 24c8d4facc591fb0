"""A community roster whose report figures are known by construction (issue 6 tests).

Built entirely through the CLI, as a clerk builds it: two years (2024, 2025), three teams
(东湖社区分队 with 东湖服务队 under it, and 西湖社区分队), eight volunteers, activities of three
categories and themes, hours with an amendment, a void and an absence, a volunteer moved
between teams mid-year, a deactivation, training, beneficiaries and commendations.

Settings: ``target_hours`` 6 and ``star_thresholds`` 5,15,30,50,80, so a handful of records
reach a target and stars. The expected figures are written out beside each step; the tests
assert them key by key.

People (all registered 2024-01-01 unless said):

| no. | name | teams | 2024 hours | 2025 hours |
|---|---|---|---|---|
| V000001 | 王秀英 | 东湖社区分队 (队长 from 2025-03-01) | 6 | 7 (A1 3, A4 4; A2 2 voided) |
| V000002 | 李明 | 东湖服务队 | 1 | 5 (A1 3, A4 2) |
| V000003 | 张伟 | 东湖社区分队, to 西湖社区分队 on 2025-07-01 | 8 | 9 (A1 3, A2 4; A3 2 in 西湖) |
| V000004 | 赵丽 | 西湖社区分队 | 3 | 6 (A2 4, A3 2; absent at A1) |
| V000005 | 陈静 | 西湖社区分队 from 2025-03-01 (registered 2025-03-01) | – | 5.5 (A2 4, A3 1.5) |
| V000006 | 刘洋 | no team | 2 | – (dormant) |
| V000007 | 孙娜 | 东湖社区分队, deactivated 2025-06-30 | 2 | 2.5 (A1 2, amended to 2.5) |
| V000008 | 周杰 | no team (registered 2025-05-01) | – | – (dormant) |
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from tests.conftest import make_id, make_phone

EAST, EAST_UNIT, WEST = "东湖社区分队", "东湖服务队", "西湖社区分队"
PEOPLE = (
    ("王秀英", "2024-01-01"),
    ("李明", "2024-01-01"),
    ("张伟", "2024-01-01"),
    ("赵丽", "2024-01-01"),
    ("陈静", "2025-03-01"),
    ("刘洋", "2024-01-01"),
    ("孙娜", "2024-01-01"),
    ("周杰", "2025-05-01"),
)


def runner(db: Path) -> Callable[..., Any]:
    """Run ``volctl --db db ARGS`` and return the parsed JSON (or the output), failing loudly."""
    from volctl.cli.app import app

    cli = CliRunner()

    def run(*args: str) -> Any:
        result = cli.invoke(app, ["--db", str(db), *args], catch_exceptions=False)
        assert result.exit_code == 0, (args, result.stderr)
        out = result.stdout.strip()
        return json.loads(out) if out.startswith(("{", "[")) else out

    return run


def build_community(db: Path) -> dict[str, str]:
    """Build the roster at ``db``; returns activity numbers by label (A1…A6, B1, B2)."""
    run = runner(db)
    run("init", "--org", "东湖社区")
    run("settings", "target_hours", "6")
    run("settings", "star_thresholds", "5,15,30,50,80")
    for n, (name, registered) in enumerate(PEOPLE, start=1):
        run(
            "register", "add", "--name", name, "--id-number", make_id(seq=n),
            "--phone", make_phone(n), "--registered-on", registered,
        )  # fmt: skip
    run("team", "add", EAST, "--level", "分队")
    run("team", "add", EAST_UNIT, "--level", "服务队", "--parent", EAST)
    run("team", "add", WEST, "--level", "分队")
    run("team", "join", EAST, "V000001", "V000003", "V000007", "--since", "2024-01-01")
    run("team", "join", EAST, "V000001", "--role", "队长", "--since", "2025-03-01")
    run("team", "join", EAST_UNIT, "V000002", "--since", "2024-01-01")
    run("team", "join", WEST, "V000004", "--since", "2024-01-01")
    run("team", "join", WEST, "V000005", "--since", "2025-03-01")
    run("team", "join", WEST, "V000003", "--move", "--since", "2025-07-01")

    def activity(title: str, day: str, category: str, theme: str | None, team: str) -> str:
        extra = ["--theme", theme] if theme else []
        made = run(
            "activity", "add", title, "--date", day, "--category", category, "--team", team,
            "--start", "08:30", "--end", "11:30", *extra, "--format", "json",
        )  # fmt: skip
        return str(made["activity_no"])

    acts = {
        "B1": activity("夏季敬老", "2024-06-15", "社区服务", "关爱他人", EAST),
        "B2": activity("秋季助学", "2024-09-21", "支教助学", "关爱社会", WEST),
        "A1": activity("敬老院探访", "2025-03-15", "社区服务", "关爱他人", EAST),
        "A2": activity("河道清理", "2025-05-10", "环境保护", "关爱自然", WEST),
        "A3": activity("文明交通劝导", "2025-08-16", "交通引导", "关爱社会", WEST),
        "A4": activity("敬老助餐", "2025-10-18", "社区服务", "关爱他人", EAST_UNIT),
        "A5": activity("冬季义诊", "2025-11-15", "卫生健康", None, EAST),  # never marked held
        "A6": activity("新年联欢", "2025-12-20", "文化艺术", None, WEST),  # cancelled
    }
    run("activity", "cancel", acts["A6"], "--reason", "场地维修")

    def log(vol: str, act: str, hours: str | None = None, *extra: str) -> None:
        given = ["--hours", hours] if hours else []
        run("log-hours", "add", vol, "--activity", acts[act], *given, *extra)

    log("V000001", "B1", "6")
    log("V000003", "B1", "8")
    log("V000006", "B1", "2")
    log("V000007", "B1", "2")
    log("V000004", "B2", "3")
    log("V000002", "B2", "1")
    log("V000001", "A1", "3")
    log("V000002", "A1", "3")
    log("V000003", "A1", "3")
    log("V000007", "A1", "2")  # record 10, amended to 2.5 below
    log("V000004", "A1", None, "--status", "absent")
    log("V000003", "A2", "4")
    log("V000004", "A2", "4")
    log("V000005", "A2", "4")
    log("V000001", "A2", "2")  # record 15, voided below
    log("V000003", "A3", "2")
    log("V000004", "A3", "2")
    log("V000005", "A3", "1.5")
    log("V000001", "A4", "4")
    log("V000002", "A4", "2")
    run("log-hours", "amend", "10", "--hours", "2.5", "--reason", "补记签退")
    run("log-hours", "void", "15", "--reason", "记错了人")
    run("register", "deactivate", "V000007", "--reason", "搬离社区", "--on", "2025-06-30")
    run("activity", "serve", acts["A1"], "--group", "空巢老人:12")
    run("activity", "serve", acts["A2"], "--group", "社会公众:30")
    run("activity", "serve", acts["A4"], "--group", "空巢老人:8")
    run(
        "training", "add", "岗前培训", "--date", "2024-05-01", "--topic", "志愿精神", "--hours", "1"
    )
    run("training", "attend", "岗前培训", "V000001")
    run(
        "training", "add", "新志愿者岗前培训", "--date", "2025-03-10", "--topic", "志愿精神",
        "--hours", "2", "--initial",
    )  # fmt: skip
    run("training", "attend", "新志愿者岗前培训", "V000001", "V000005")
    run(
        "training",
        "add",
        "消防培训",
        "--date",
        "2025-09-01",
        "--topic",
        "消防安全",
        "--hours",
        "1.5",
    )
    run("training", "attend", "消防培训", "V000003", "V000004")
    run("commend", "add", "--year", "2024", "--title", "优秀志愿者", "--volunteer", "V000001")
    run("commend", "add", "--year", "2025", "--title", "优秀志愿者", "--volunteer", "V000003")
    run("commend", "add", "--year", "2025", "--title", "先进集体", "--team", WEST)
    return acts


def community_roster(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The roster above in a new folder, for a module-scoped fixture (the report tests only
    read it, so each test module builds it once)."""
    folder = tmp_path_factory.mktemp("community")
    with pytest.MonkeyPatch.context() as env:
        env.delenv("VOLCTL_DB", raising=False)
        env.setenv("VOLCTL_LANG", "en")
        env.setenv("XDG_CONFIG_HOME", str(folder / "config"))
        env.setenv("HOME", str(folder / "home"))
        from volctl import i18n

        i18n.set_lang("en")
        build_community(folder / "roster.db")
    return folder / "roster.db"
