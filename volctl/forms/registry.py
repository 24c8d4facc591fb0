"""The official forms ``volctl export form`` can fill: name -> Chinese title, module, options.

``volctl export forms`` lists ``SPECS`` in this order; ``volctl export form NAME`` finds a form
by its name, an alias or its Chinese title, refuses the options it does not use, imports its
module (only then: openpyxl stays out of ``volctl --help``) and calls its writer.

Adding a form (the year-end summary, for instance)
--------------------------------------------------
1. Write ``volctl/forms/<module>.py`` with::

       def write(conn: sqlite3.Connection, request: FormRequest, path: Path) -> dict[str, Any]:
           ...                        # build the workbook with volctl.forms.page, page.save()
           return request_module.result(path, title, rows, ...)

   ``FormRequest`` (``volctl.forms.request``) carries the options; use its ``period()``,
   ``as_of()`` and masking helpers so the form behaves like the others.
2. Append one line to ``SPECS`` below, e.g. for the summary built in ``volctl/forms/summary.py``::

       FormSpec("summary", "志愿服务工作年度总结表", "volctl.forms.summary",
                options=("year", "team"), source="年终总结"),

   A paper that identifies people to an authority (a roster sent upward) takes
   ``official=True``: identity numbers and phones in full unless ``--mask``.
   If that module's entry point has another name, give it as ``function="…"``; if it takes
   other arguments, add a three-line ``write(conn, request, path)`` that calls it, beside it or
   here (as ``summary_form`` does for the year-end summary of ``volctl/forms/summary.py``).

The CLI and ``export forms`` (and its JSON) pick the new entry up from here. Keep in step: the
README's table of forms, and ``TITLES`` and ``ARGS`` in ``tests/test_export_forms.py`` (the
list of forms is an interface; every form listed there is written and checked for its title,
filing line and A4 set-up) and, for the printed checks, ``PAPERS`` in
``tests/helpers_print.py``.
"""

from __future__ import annotations

import importlib
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from volctl.errors import InvalidInput, NotFound, Where
from volctl.forms.request import FormRequest
from volctl.text import compact

# The options a form may take, as FormRequest fields -> the command-line spelling.
OPTIONS: dict[str, str] = {
    "team": "--team",
    "year": "--year",
    "period": "--from/--to",
    "on": "--on",
    "volunteer": "--volunteer",
    "activity": "--activity",
    "rule": "--rule",
    "with_subteams": "--with-subteams",
    "blank": "--blank",
}

Writer = Callable[[sqlite3.Connection, FormRequest, Path], dict[str, Any]]


@dataclass(frozen=True)
class FormSpec:
    name: str  # what the clerk types: volctl export form NAME
    title: str  # the Chinese title, as the notices name the form
    module: str  # imported when the form is written
    options: tuple[str, ...] = ()  # keys of OPTIONS
    source: str = ""  # where the form comes from (seed and annex)
    aliases: tuple[str, ...] = ()
    function: str = "write"
    # A paper that identifies people to an authority (a roster sent upward, a registration
    # form): identity numbers and phones in full unless --mask.
    official: bool = False

    def writer(self) -> Writer:
        module = importlib.import_module(self.module)
        writer: Writer = getattr(module, self.function)
        return writer

    def public(self) -> dict[str, Any]:
        """The documented JSON shape of a form in ``export forms``."""
        return {
            "name": self.name,
            "title": self.title,
            "source": self.source,
            "options": [OPTIONS[o] for o in self.options],
            "official": self.official,
        }


SPECS: list[FormSpec] = [
    FormSpec(
        "deputies",
        "副大队长名册表",
        "volctl.forms.deputies",
        options=("team", "year", "on", "blank"),
        source="004 附件1",
        aliases=("副大队长名册",),
        official=True,
    ),
    FormSpec(
        "squadron",
        "中队人员名册表",
        "volctl.forms.squadron",
        options=("team", "year", "on", "with_subteams", "blank"),
        source="004 附件2",
        aliases=("中队人员名册", "中队名册"),
        official=True,
    ),
    FormSpec(
        "detachment",
        "分队人员名册表",
        "volctl.forms.detachment",
        options=("team", "year", "on", "with_subteams", "blank"),
        source="004 附件3",
        aliases=("分队人员名册", "分队名册"),
        official=True,
    ),
    FormSpec(
        "team-register",
        "志愿者队伍基本情况登记表",
        "volctl.forms.team_register",
        options=("team", "year", "on", "with_subteams", "blank"),
        source="001 附件2",
        aliases=("队伍登记表", "志愿者队伍基本情况登记造册"),
        official=True,
    ),
    FormSpec(
        "traffic",
        "文明交通行为劝导志愿者名单",
        "volctl.forms.traffic",
        options=("team", "year", "period", "blank"),
        source="001 附件3",
        aliases=("文明交通劝导志愿者名单",),
        official=True,
    ),
    FormSpec(
        "registration",
        "志愿者服务登记表",
        "volctl.forms.registration",
        options=("volunteer", "team", "with_subteams", "year", "on"),
        source="001 附件4",
        aliases=("登记表",),
        official=True,
    ),
    FormSpec(
        "concentrated-days",
        "集中活动日安排表",
        "volctl.forms.concentrated_days",
        options=("year", "team", "rule"),
        source="001 附件5",
        aliases=("集中活动日", "志愿服务集中活动日安排表"),
    ),
    FormSpec(
        "summary",
        "年度志愿服务工作总结表",
        "volctl.forms.registry",
        options=("year", "team"),
        source="002、003 年终总结",
        aliases=("年度总结", "年终总结", "志愿服务工作总结表"),
        function="summary_form",
    ),
    FormSpec(
        "ledger",
        "志愿服务记录台账",
        "volctl.forms.ledger",
        options=("year", "period", "team", "volunteer"),
        source="002 三(四)、004",
        aliases=("台账", "服务记录台账"),
    ),
    FormSpec(
        "recipients",
        "服务对象名册",
        "volctl.forms.recipients",
        options=("year", "on", "blank"),
        source="002 三(四)",
        aliases=("服务对象名单",),
    ),
    FormSpec(
        "activity-record",
        "志愿服务活动记录",
        "volctl.forms.activity_record",
        options=("activity", "year", "period", "team"),
        source="004、002 三(四)",
        aliases=("活动记录",),
    ),
    FormSpec(
        "training",
        "志愿者培训记录",
        "volctl.forms.training",
        options=("year", "period", "blank"),
        source="002 二(四)、三(二)",
        aliases=("培训记录",),
    ),
    FormSpec(
        "commendations",
        "志愿服务表彰名单",
        "volctl.forms.commendations",
        options=("year", "blank"),
        source="002 二(五)、三(三)",
        aliases=("表彰名单",),
    ),
    FormSpec(
        "traffic-registration",
        "文明交通行为劝导志愿者登记表",
        "volctl.forms.traffic_registration",
        options=("team", "year", "period", "blank"),
        source="001 五(二)",
        aliases=("劝导志愿者登记表",),
        official=True,
    ),
]


def summary_form(conn: sqlite3.Connection, request: FormRequest, path: Path) -> dict[str, Any]:
    """The year-end summary (``volctl.forms.summary``, also ``volctl report summary --form``)
    behind the registry's ``write(conn, request, path)``: the year asked (else this year), for
    the whole roster or ``--team`` and the teams under it."""
    from volctl.forms import summary
    from volctl.forms.request import result

    year = request.year if request.year is not None else request.today.year
    written = summary.write(conn, path, year=year, team=request.team, show_pii=request.show_pii)
    title = f"{year}{written['title']}"
    return result(path, title, None, team=request.team, period=None)


def register(spec: FormSpec) -> None:
    """Add (or replace, by name) a form at run time; the usual way is a line in SPECS."""
    unknown = set(spec.options) - set(OPTIONS)
    if unknown:
        raise ValueError(f"unknown form options: {sorted(unknown)}")
    SPECS[:] = [s for s in SPECS if s.name != spec.name] + [spec]


def find(name: str) -> FormSpec:
    """A form by its name, an alias or its Chinese title."""
    wanted = compact(name).lower()
    for spec in SPECS:
        if wanted in {spec.name, compact(spec.title), *(compact(a) for a in spec.aliases)}:
            return spec
    raise NotFound(
        "export.form_unknown",
        hint="hint.export_forms",
        where=Where(field="form"),
        name=name,
        names=", ".join(s.name for s in SPECS),
    )


def check_options(spec: FormSpec, given: dict[str, bool]) -> None:
    """Refuse an option the form does not use, rather than silently ignore it."""
    for option, present in given.items():
        if present and option not in spec.options:
            raise InvalidInput(
                "export.option_not_used",
                hint="hint.export_forms",
                where=Where(field="form"),
                option=OPTIONS[option],
                form=spec.name,
                title=spec.title,
                options=", ".join(OPTIONS[o] for o in spec.options) or "-",
            )


def write(
    conn: sqlite3.Connection, spec: FormSpec, request: FormRequest, path: Path
) -> dict[str, Any]:
    """Fill ``spec`` for ``request`` into ``path`` (.xlsx); what was written, as JSON. An
    official paper prints identity numbers and phones in full (its file readable by its owner
    only) unless ``request.mask``; the others only with ``request.show_pii``."""
    if path.suffix.lower() != ".xlsx":
        raise InvalidInput("output.not_xlsx", where=Where(field="output"), path=str(path))
    full = request.show_pii or (spec.official and not request.mask)
    request = replace(request, show_pii=full)
    written = spec.writer()(conn, request, path)
    return {"form": spec.name, **written, "show_pii": full, "official": spec.official}
