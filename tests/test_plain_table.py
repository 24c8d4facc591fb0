"""A fitted table written without rich (``render.plain``, which spares ``volctl settings``
and ``volctl register list`` importing rich) is byte for byte what rich prints, on a terminal
and not, wide and narrow, in Chinese and English; where it is not certain it is left to rich."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from tests.helpers_render import printed_by_rich
from volctl.render import Column, FittedTable, table
from volctl.render.plain import plain_table

PLAIN = [
    "a", "Hours", "(total)", "volunteer", "internationalisation", "V0001", "12.5", "08:30",
    "王芳", "志愿者", "服务时长", "（小时）", "东湖社区志愿者服务分队", "，", "。", "、",
    "·", "—", "…", "é", "", " ", "x-y/z", "3", "1000000", "a:b", "\u3000", "\n",
]  # fmt: skip
# Text rich would read as markup or an emoji code, or of uncertain width: rich lays it out.
ODD = ["[b]", "\\", ":smile:", "e\u0301", "\t", "\r", "\U0001f600"]
TEXT = st.lists(st.sampled_from(PLAIN), max_size=8).map(" ".join)
ANY_TEXT = st.lists(st.sampled_from(PLAIN + ODD), max_size=8).map(" ".join)
COLUMNS = st.lists(
    st.builds(
        Column,
        key=st.just(""),
        header=TEXT,
        justify=st.sampled_from(["left", "right", "center"]),
        no_wrap=st.booleans(),
    ),
    min_size=1,
    max_size=6,
)


@settings(max_examples=400, deadline=None)
@given(
    columns=COLUMNS,
    data=st.data(),
    title=st.one_of(st.none(), ANY_TEXT),
    caption=st.one_of(st.none(), TEXT),
    title_justify=st.sampled_from(["center", "left"]),
    width=st.integers(20, 120),
    bold=st.booleans(),
)
def test_a_table_laid_out_plainly_is_byte_for_byte_what_rich_prints(
    columns, data, title, caption, title_justify, width, bold
) -> None:
    text = data.draw(st.sampled_from([TEXT, TEXT, ANY_TEXT]))
    cells = data.draw(
        st.lists(st.lists(text, min_size=len(columns), max_size=len(columns)), max_size=5)
    )
    shown = FittedTable(columns, cells, title=title, caption=caption, title_justify=title_justify)
    plain = plain_table(shown, width, bold=bold)
    if plain is not None:
        assert plain == printed_by_rich(shown, width, bold)


def test_a_roster_is_laid_out_plainly_wide_and_narrow_and_odd_text_goes_to_rich() -> None:
    columns = [
        Column("no", "志愿者编号", no_wrap=True),
        Column("name", "Name", no_wrap=True),
        Column("hours", "Hours (total)", "right", no_wrap=True),
        Column("note", "备注"),
    ]
    rows = [
        {"no": "V0001", "name": "王芳", "hours": 12.5, "note": "东湖社区志愿者服务分队 weekly"},
        {"no": "V0002", "name": "Li Qiang", "hours": 3, "note": None},
    ]
    narrow = table([{"no": "V0001", "name": "王芳", "hours": 3, "note": "短"}], columns)
    assert narrow.fit(20) is None  # one block a row
    for bold in (False, True):
        for width in (100, 80, 42, 30):
            shown = table(rows, columns, title="志愿者", caption="共 2 名")
            assert plain_table(shown, width, bold=bold) == printed_by_rich(shown, width, bold)
        assert plain_table(narrow, 20, bold=bold) == printed_by_rich(narrow, 20, bold)
    for note in ("[bold]x", "a :smile: b", "tab\there", "e\u0301"):
        assert plain_table(table([{**rows[0], "note": note}], columns), 100) is None
    styled = [*columns[:3], Column("note", "备注", style="cyan")]
    assert plain_table(table(rows, styled), 100) is None
