import datetime as dt
import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop_assistant.domain.rendering import KNOWN, RenderContext, greeting, placeholders_in, render
from tests.conftest import REPO

CTX = RenderContext(
    now=dt.datetime(2026, 11, 11, 14, 5),
    agent="小王",
    shop="云朵家居旗舰店",
    buyer="tb_云朵朵",
    order_id="3391234567890",
    clipboard="浙江省杭州市",
)


def test_fills_every_known_placeholder() -> None:
    text = "{问候}, {买家}! 我是{店铺}的{客服}。订单{订单号}于{日期}{时间}登记; 地址: {剪贴板}"
    assert render(text, CTX).text == (
        "下午好, tb_云朵朵! 我是云朵家居旗舰店的小王。订单3391234567890于11月11日14:05登记; 地址: 浙江省杭州市"
    )


@pytest.mark.parametrize(
    ("hour", "word"), [(6, "早上好"), (11, "中午好"), (15, "下午好"), (19, "晚上好"), (2, "晚上好")]
)
def test_greeting_follows_the_time_of_day(hour: int, word: str) -> None:
    assert greeting(dt.datetime(2026, 11, 11, hour, 0)) == word


GREETING_TABLE = re.compile(r"^\| (\d\d):(\d\d) \| (\d\d):(\d\d) \| (\S+) \|$", re.MULTILINE)


def documented_greetings() -> list[tuple[dt.time, dt.time, str]]:
    """docs/phrase-formats.md's `{问候}` table: (from, until, greeting) per row."""
    text = (REPO / "docs" / "phrase-formats.md").read_text(encoding="utf-8")
    return [
        (dt.time(int(a), int(b)), dt.time(int(c), int(d)), word) for a, b, c, d, word in GREETING_TABLE.findall(text)
    ]


def test_greeting_boundaries_are_the_documented_table() -> None:
    rows = documented_greetings()
    assert [word for *_, word in rows] == ["早上好", "中午好", "下午好", "晚上好"]
    for start, until, word in rows:
        for at in (start, until):  # the first and the last minute of the row
            assert greeting(dt.datetime.combine(dt.date(2026, 11, 11), at)) == word, (at, word)
    # Each row starts the minute after the one before it ends, around the clock: no gap, no overlap.
    for (_, until, _), (start, _, _) in zip(rows, rows[1:] + rows[:1], strict=True):
        after = (dt.datetime.combine(dt.date(2026, 11, 11), until) + dt.timedelta(minutes=1)).time()
        assert after == start


@pytest.mark.parametrize(
    ("month", "day", "shown"), [(3, 5, "3月5日"), (1, 31, "1月31日"), (10, 1, "10月1日"), (12, 25, "12月25日")]
)
def test_date_has_no_leading_zeros_and_time_has_them(month: int, day: int, shown: str) -> None:
    ctx = RenderContext(now=dt.datetime(2026, month, day, 9, 5))
    assert render("{日期} {时间}", ctx).text == f"{shown} 09:05"


def test_unknown_placeholders_stay_visible_and_are_reported() -> None:
    rendered = render("亲 {买家名} 您好 {客服}", CTX)
    assert rendered.text == "亲 {买家名} 您好 小王"
    assert rendered.unknown == ("买家名",)
    assert [(s.name, s.known) for s in placeholders_in("{买家名}{客服}")] == [("买家名", False), ("客服", True)]


def test_substitution_is_literal_never_re_expanded() -> None:
    sneaky = RenderContext(now=CTX.now, buyer="{客服}", clipboard="{0.__class__}", agent="小王")
    assert render("{买家}|{剪贴板}|{客服.__class__}|{0}", sneaky).text == "{客服}|{0.__class__}|{客服.__class__}|{0}"


def test_cursor_marks_where_the_caret_ends() -> None:
    rendered = render("您的手机号是{光标}吗? 谢谢{客服}", CTX)
    assert rendered.text == "您的手机号是吗? 谢谢小王"
    assert rendered.caret_from_end == len("吗? 谢谢小王")
    assert render("末尾{光标}", CTX).caret_from_end is None  # already at the end


def test_empty_context_values_before_the_features_exist() -> None:
    bare = RenderContext(now=CTX.now)
    assert render("{买家}亲, 订单{订单号}", bare).text == "亲, 订单"


@given(st.text(max_size=200))
def test_render_never_fails_and_keeps_text_outside_braces(text: str) -> None:
    rendered = render(text, CTX)
    if "{" not in text:
        assert rendered.text == text
    assert set(rendered.unknown).isdisjoint(KNOWN)


def test_cutoff_comes_from_the_shop_setting() -> None:
    assert "截单时间" in KNOWN
    ctx = RenderContext(now=CTX.now, cutoff="17:30")
    assert render("{截单时间}前付款当天发货", ctx).text == "17:30前付款当天发货"
    assert render("{截单时间}前", RenderContext(now=CTX.now)).text == "16:00前"  # urge.cutoff's default
    assert [s.known for s in placeholders_in("{截单时间}")] == [True]
