"""Numbers typed into any free-text field (notes, places, contents, evaluations, and the reasons
of corrections, voids, deactivations, cancellations, dissolutions and undone imports) are
masked in every output and format, however they were written: run together, spaced or
dashed. The audit log masks them too."""

from __future__ import annotations

import re

import pytest

from tests.conftest import make_id
from tests.helpers_intake import person, sheet, write_csv
from tests.test_privacy import COMMANDS, seeded  # noqa: F401  (the fixture)
from volctl.masking import mask_in_text

ID = "330482198302212287"
MOBILE = "18608829601"
# The same two numbers the ways people type them.
WRITTEN = [
    f"{ID} {MOBILE}",
    "3304 8219 8302 2122 87 及 186 0882 9601",
    "330482-19830221-2287，电话186-0882-9601",
    "身份证3304 8219 8302 2122 87，+86 186 0882 9601",
]
SECRETS = (ID, MOBILE)


def leaked(text: str) -> list[str]:
    joined = re.sub(r"[\s\-\u3000+]", "", text)
    return [s for s in SECRETS if s in joined]


@pytest.mark.parametrize("written", WRITTEN)
def test_numbers_are_masked_however_they_are_written(written: str) -> None:
    masked = mask_in_text(written)
    assert leaked(masked) == [], masked
    assert "3304" in masked and "9601" in masked  # enough left to recognise them


def test_dates_and_record_numbers_are_left_alone() -> None:
    for text in ("2025-01-01 至 2025-12-31", "HD2025031500001", "第 12 期 2025-03-15 08:30"):
        assert mask_in_text(text) == text


@pytest.fixture
def planted(cli, seeded, tmp_path) -> dict[str, str]:  # noqa: F811  (the fixture)
    """Every free-text field of the seeded roster holds the numbers, each written a way."""

    def run(*args: str) -> None:
        result = cli(*args)
        assert result.exit_code == 0, (args, result.stderr)

    texts = iter(WRITTEN * 8)
    activity = seeded["activity"]
    run("register", "update", "王秀英", "--notes", next(texts))
    run("team", "update", "东湖社区分队", "--notes", next(texts))
    run("recipient", "update", seeded["recipient"], "--notes", next(texts))
    run(
        "log-hours",
        "amend",
        "1",
        "--reason",
        next(texts),
        "--place",
        next(texts),
        "--content",
        next(texts),
        "--evaluation",
        next(texts),
        "--beneficiaries",
        next(texts),
        "--notes",
        next(texts),
    )
    run("log-hours", "void", "2", "--reason", next(texts))
    run(
        "training",
        "add",
        "急救",
        "--date",
        "2025-05-01",
        "--topic",
        "应急救护",
        "--place",
        next(texts),
    )
    run("register", "deactivate", "小明", "--reason", next(texts))
    run("recipient", "deactivate", seeded["recipient"], "--reason", next(texts))
    other = cli(
        "activity",
        "add",
        "巡逻",
        "--date",
        "2025-04-01",
        "--category",
        "社区服务",
        "--format",
        "json",
    ).json()
    run("activity", "cancel", other["activity_no"], "--reason", next(texts))
    run("team", "add", "临时组", "--level", "服务组", "--parent", "东湖社区分队")
    run("team", "dissolve", "临时组", "--reason", next(texts))
    path = write_csv(tmp_path / "in.csv", sheet([person(90, id=make_id(seq=90))]))
    imported = cli("register", "import", str(path), "--format", "json").json()
    run("register", "undo-import", str(imported["batch"]), "--reason", next(texts), "--yes")
    return {**seeded, "activity": activity}


MORE = [
    ["activity", "list", "--status", "cancelled"],
    ["team", "list"],
    ["training", "show", "急救"],
    ["export", "table", "service_records"],
    ["export", "table", "volunteer_status_changes"],
    ["export", "table", "import_batches"],
    ["export", "table", "audit_log"],
]


@pytest.mark.parametrize("fmt", ["table", "json", "csv"])
@pytest.mark.parametrize("command", COMMANDS + MORE, ids=lambda c: " ".join(c))
def test_no_output_shows_a_number_typed_into_free_text(cli, planted, command, fmt) -> None:
    args = [part.format(**planted) for part in command]
    if args[:2] == ["export", "table"]:
        args += ["--format", "json" if fmt == "table" else fmt]
    else:
        args += ["--format", fmt]
    result = cli(*args)
    if result.exit_code == 2 and "No such option" in result.stderr:
        pytest.skip(f"{' '.join(command)} takes no such option")
    assert result.exit_code in (0, 1), result.stderr  # check exits 1 when it finds problems
    assert leaked(result.stdout + result.stderr) == [], args
