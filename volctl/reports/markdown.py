"""The year-end summary as Markdown that pastes into a 年终总结 (always in Chinese).

A title, the scope and date, a paragraph that says the year in sentences (what a summary's
opening reads like), the comparison with the year before, then every table of
``tables.tables``. Long lists of people stop after ``LIST_LIMIT`` rows, saying how many more
there are and where the whole list is.
"""

from __future__ import annotations

from typing import Any

from volctl.reports.tables import NUMERIC, Table, display, extra_figures, signed, tables

LANG = "zh"
LIST_LIMIT = 20
LEVEL_NAMES = ("一星", "二星", "三星", "四星", "五星")


def _number(value: Any) -> str:
    if value is None:
        return "—"
    return f"{value:.1f}" if isinstance(value, float) else str(value)


def _more_or_less(value: Any, unit: str) -> str:
    if value is None:
        return ""
    if value == 0:
        return "持平"
    word = "增加" if value > 0 else "减少"
    return f"{word}{_number(abs(value))}{unit}"


def paragraphs(summary: dict[str, Any]) -> list[str]:
    """The year in sentences."""
    year = summary["year"]
    who = summary["team"] or "本社区"
    more = extra_figures(summary)
    served = summary["volunteers_registered"] - more["dormant_total"]
    rate = summary["participation_rate"]
    sentences = [
        f"{year}年，{who}共有志愿服务队伍{summary['teams']}支，年末注册志愿者"
        f"{summary['volunteers_registered']}人，其中本年新注册{summary['volunteers_new']}人。",
        f"全年开展志愿服务活动{summary['activities']}次，{summary['volunteers_serving']}名志愿者"
        f"参加服务{summary['participations']}人次，累计服务时长{_number(summary['hours'])}小时",
    ]
    if summary["hours_per_serving_volunteer"] is not None:
        sentences[-1] += (
            f"，参加服务的志愿者人均服务{_number(summary['hours_per_serving_volunteer'])}小时"
        )
    sentences[-1] += "。"
    if rate is not None:
        sentences.append(f"年末注册志愿者中有{served}人参加了志愿服务，参与率{_number(rate)}%；")
    target = f"{summary['met_target']}人达到全年{_number(summary['target_hours'])}小时的服务目标。"
    sentences.append(target)
    out = ["".join(sentences)]
    before = summary["previous_year"]
    if before:
        change = before["change"]
        parts = [
            f"服务时长{_more_or_less(change['hours'], '小时')}",
            f"服务人次{_more_or_less(change['participations'], '人次')}",
            f"参加服务的志愿者{_more_or_less(change['volunteers_serving'], '人')}",
            f"开展活动{_more_or_less(change['activities'], '次')}",
        ]
        out.append(f"与{before['year']}年相比，" + "，".join(parts) + "。")
    levels = [
        f"{LEVEL_NAMES[int(level) - 1]}{count}人"
        for level, count in summary["stars"].items()
        if count
    ]
    sentence = f"年末星级志愿者{more['stars_total']}人"
    if levels:
        sentence += "（" + "、".join(levels) + "）"
    sentence += f"，本年新晋星级志愿者{more['stars_new_total']}人。"
    served_groups = [f"{row['group']}{row['people']}人次" for row in summary["beneficiaries"]]
    if served_groups:
        sentence += "全年服务" + "、".join(served_groups) + "。"
    training = summary["trainings"]
    sentence += (
        f"开展志愿者培训{training['held']}场，培训{training['people_trained']}人"
        f"（{training['attendances']}人次，培训时间不计入服务时长）。"
    )
    given = summary["commendations"]
    if given["given"]:
        titles = "、".join(f"{title}{count}项" for title, count in given["by_title"].items())
        sentence += f"获得表彰{given['given']}项（{titles}）。"
    out.append(sentence)
    return out


def _escape(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def table_lines(table: Table, *, limit: int | None = None) -> list[str]:
    headers = [header for _key, header in table.columns]
    lines = [
        "| " + " | ".join(_escape(h) for h in headers) + " |",
        "|" + "|".join("---:" if key in NUMERIC else "---" for key, _h in table.columns) + "|",
    ]
    rows = table.rows if limit is None else table.rows[:limit]
    for row in rows:
        cells = []
        for key, _header in table.columns:
            value = row.get(key)
            if key in ("change",):
                text = signed(value)
            elif key in ("value", "previous"):
                text = _number(value)
            else:
                text = display(key, value, LANG)
            if key == "team" and table.key == "by_team" and row.get("depth"):
                text = "　" * int(row["depth"]) + text
            cells.append(_escape(text))
        lines.append("| " + " | ".join(cells) + " |")
    return lines


def markdown(summary: dict[str, Any]) -> str:
    """The whole summary as Markdown text (UTF-8, Chinese)."""
    year = summary["year"]
    owner = summary["team"] or summary["org"] or ""
    lines = [f"# {owner}{year}年度志愿服务工作总结", ""]
    scope = summary["team"] or "全部队伍"
    lines += [f"统计范围：{scope}　　统计截至：{summary['as_of']}", ""]
    lines += ["## 一、总体情况", ""]
    for text in paragraphs(summary):
        lines += [text, ""]
    laid_out = tables(summary, LANG)
    lines += ["## 二、主要数据", ""]
    for number, table in enumerate(laid_out, start=1):
        lines += [f"### {number}. {table.title}", ""]
        long_list = table.key in ("dormant", "top_volunteers") and len(table.rows) > LIST_LIMIT
        if not table.rows:
            lines += ["（无）", ""]
            continue
        lines += table_lines(table, limit=LIST_LIMIT if long_list else None)
        if long_list:
            rest = len(table.rows) - LIST_LIMIT
            lines += ["", f"……另有{rest}人，完整名单请用 `--format csv` 或 `-o 文件.xlsx` 导出。"]
        lines.append("")
    if summary["activities_unconfirmed"]:
        lines += [
            f"注：另有{summary['activities_unconfirmed']}项活动日期已过但尚未标记为已开展，未计入活动次数。",
            "",
        ]
    return "\n".join(lines).rstrip() + "\n"
