"""KPIs by the platform's rule (docs/conversations.md): bursts, auto-replies, the 600 s cap, unanswered rounds,
service hours, first response per buyer per day, several agents, encodings, order, malformed rows."""

from __future__ import annotations

import datetime as dt

import pytest

from desktop_assistant.domain.kpi import KpiError, Message, kpis, parse_hours, read_chat_log, rounds_of
from desktop_assistant.domain.tables import decode_text

DAY = dt.datetime(2026, 11, 11)


def at(clock: str, day: int = 0) -> dt.datetime:
    h, m, s = map(int, clock.split(":"))
    return DAY + dt.timedelta(days=day, hours=h, minutes=m, seconds=s)


def buyer(clock, nick="a", agent="", day=0):
    return Message(at(clock, day), nick, "buyer", agent)


def agent(clock, nick="a", name="小王", day=0):
    return Message(at(clock, day), nick, "agent", name)


def auto(clock, nick="a"):
    return Message(at(clock), nick, "auto", "")


def test_a_burst_is_one_round_from_its_first_message():
    result = kpis([buyer("09:00:00"), buyer("09:00:20"), buyer("09:00:50"), agent("09:01:00")])
    assert (result["rounds"], result["avg_response_s"]) == (1, 60.0)
    assert result["within_60s_rate"] == 1.0 and result["within_30s_rate"] == 0.0


def test_auto_replies_neither_end_a_round_nor_count_as_answers():
    result = kpis([buyer("09:00:00"), auto("09:00:01"), buyer("09:00:10"), agent("09:00:25")])
    assert result["avg_response_s"] == 25.0 and result["answer_question_ratio"] == 0.5


def test_responses_are_capped_at_600_and_unanswered_rounds_count_600():
    result = kpis([buyer("09:00:00"), agent("09:20:00"), buyer("10:00:00", "b")])
    assert (result["rounds"], result["answered"], result["avg_response_s"]) == (2, 1, 600.0)
    assert result["within_3min_rate"] == 0.0


def test_rates_divide_by_all_counted_rounds():
    messages = [
        buyer("09:00:00", "a"),
        agent("09:00:30", "a"),
        buyer("09:00:00", "b"),
        agent("09:00:31", "b"),
        buyer("09:00:00", "c"),
        agent("09:03:00", "c"),
        buyer("09:00:00", "d"),
    ]
    result = kpis(sorted(messages, key=lambda m: m.at))
    assert (result["within_30s_rate"], result["within_60s_rate"], result["within_3min_rate"]) == (0.25, 0.5, 0.75)


@pytest.mark.parametrize(
    "start, counted", [("07:59:59", False), ("08:00:00", True), ("22:59:59", True), ("23:00:00", False)]
)
def test_service_hours_boundary(start, counted):
    messages = [buyer(start), Message(at(start) + dt.timedelta(seconds=10), "a", "agent", "小王")]
    assert kpis(messages)["rounds"] == int(counted)
    assert kpis(messages, hours=None)["rounds"] == 1


def test_first_response_per_agent_buyer_and_day():
    messages = [
        buyer("09:00:00"),
        agent("09:00:10"),
        buyer("10:00:00"),
        agent("10:01:40"),
        buyer("09:00:00", day=1),
        agent("09:00:30", day=1),
    ]
    result = kpis(messages)
    assert result["avg_first_response_s"] == 20.0  # (10 + 30) / 2: the second round of day 0 is not a first
    assert result["avg_response_s"] == round((10 + 100 + 30) / 3, 1)


def test_several_agents():
    messages = [
        buyer("09:00:00", "a", "小王"),
        buyer("09:00:00", "b", "小李"),
        agent("09:00:20", "a", "小王"),
        agent("09:01:00", "b", "小李"),
    ]
    result = kpis(messages)
    assert set(result["agents"]) == {"小王", "小李"}
    assert result["agents"]["小王"]["avg_response_s"] == 20.0 and result["agents"]["小李"]["avg_response_s"] == 60.0
    assert result["agents"]["小李"]["answer_question_ratio"] == 1.0


def test_the_agent_who_answers_owns_an_unnamed_round():
    (only,) = rounds_of([buyer("09:00:00"), agent("09:00:05", name="小李")])
    assert only.agent == "小李"


def test_empty_gives_zeros():
    result = kpis([])
    assert result["rounds"] == 0 and result["avg_response_s"] == 0.0 and result["answer_question_ratio"] == 0.0


def test_gb18030_chinese_headers_and_unsorted_rows():
    text = "时间,买家,发送方,客服,内容\n2026-11-11 09:00:30,云朵,客服,小王,您好\n2026-11-11 09:00:00,云朵,买家,,在吗\n"
    messages = read_chat_log(decode_text(text.encode("gb18030"))[0])
    assert [m.sender for m in messages] == ["buyer", "agent"]
    assert kpis(messages)["avg_response_s"] == 30.0


def test_same_time_keeps_file_order():
    text = "time,buyer,sender,agent\n2026-11-11T09:00:00+08:00,a,buyer,\n2026-11-11T09:00:00+08:00,a,agent,小王\n"
    result = kpis(read_chat_log(decode_text(text.encode())[0]))
    assert (result["answered"], result["avg_response_s"]) == (1, 0.0)


@pytest.mark.parametrize(
    "text, words",
    [
        ("time,buyer\n", "sender"),
        ("time,buyer,sender\n2026-11-11 09:00:00,a,buyer\nyesterday,a,buyer\n", "第 3 行"),
        ("time,buyer,sender\n2026-11-11 09:00:00,a,客户\n", "发送方"),
        ("time,buyer,sender\n2026-11-11 09:00:00,,buyer\n", "买家"),
        ("time,buyer,sender\n2026-11-11 09:00:00,a\n", "列数"),
    ],
)
def test_malformed_rows_name_the_line(text, words):
    with pytest.raises(KpiError, match=words):
        read_chat_log(text)


def test_hours_option():
    assert parse_hours("09:00-21:30") == (dt.time(9), dt.time(21, 30))
    with pytest.raises(KpiError):
        parse_hours("9点到5点")
