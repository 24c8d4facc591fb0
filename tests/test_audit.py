"""volctl audit: every change on record, personal data masked unless asked."""

from __future__ import annotations

from datetime import date


def test_the_audit_lists_changes_with_old_and_new_values_masked(cli, add_volunteer) -> None:
    add_volunteer("王秀英", phone="18620246633")
    cli("register", "update", "王秀英", "--phone", "13900001111")
    entries = cli("audit", "--action", "volunteer.update", "--format", "json").json()
    assert len(entries) == 1
    change = entries[0]["detail"]["changes"]["phone"]
    assert change == {"old": "186****6633", "new": "139****1111"}
    assert entries[0]["command"] == "volctl register update"


def test_show_pii_reveals_the_values_in_the_audit(cli, add_volunteer) -> None:
    add_volunteer("王秀英", phone="18620246633")
    cli("register", "update", "王秀英", "--phone", "13900001111")
    entries = cli("audit", "--action", "volunteer.update", "--format", "json", "--show-pii").json()
    assert entries[0]["detail"]["changes"]["phone"]["old"] == "+8618620246633"


def test_the_audit_filters_by_date(cli, add_volunteer) -> None:
    add_volunteer("王秀英")
    today = date.today().isoformat()
    assert len(cli("audit", "--from", today, "--to", today, "--format", "json").json()) >= 1
    assert cli("audit", "--to", "2000-01-01", "--format", "json").json() == []


def test_a_bad_date_names_the_option(cli, roster) -> None:
    result = cli("audit", "--from", "soon")
    assert result.exit_code == 3 and "from date" in result.stderr


def test_the_chinese_audit_table_names_a_volunteers_fields_in_chinese(cli, add_volunteer) -> None:
    add_volunteer("王秀英")
    assert cli("register", "update", "王秀英", "--employer", "东湖街道").exit_code == 0
    table = cli("--lang", "zh", "audit").stdout
    assert "工作单位" in table and "（空）→东湖街道" in table
    assert "employer" not in table and "None" not in table


def test_the_chinese_audit_names_settings_teams_and_batches_in_chinese(
    cli, roster, monkeypatch
) -> None:
    monkeypatch.setenv("COLUMNS", "400")  # one line per entry
    assert cli("settings", "contact_person", "王芳").exit_code == 0
    assert cli("team", "add", "东湖服务队", "--level", "中队").exit_code == 0
    assert cli("team", "update", "东湖服务队", "--base", "东湖服务中心").exit_code == 0
    table = cli("--lang", "zh", "audit").stdout
    team = next(line for line in table.splitlines() if "team.update" in line)
    assert "服务基地: （空）→东湖服务中心" in team and "base" not in team
    settings = [line for line in table.splitlines() if "settings.set" in line]
    assert any("经办人: （空）→王芳" in line for line in settings)
    assert any("单位名称（填报单位）: （空）→东湖社区" in line for line in settings)
    assert "key=" not in table and "old=" not in table and "contact_person" not in table
