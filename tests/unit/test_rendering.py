import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop_assistant.domain.rendering import KNOWN, RenderContext, greeting, placeholders_in, render

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
