"""Element rules as data (resources/readers/uia_rules.json) and the pure tree walker."""

from __future__ import annotations

import copy
import datetime as dt
import json
from pathlib import Path

import pytest

from desktop_assistant.os_integration.readers.uia_recorded import RecordedElement, load_recorded_tree, record_tree
from desktop_assistant.os_integration.readers.uia_rules import RulesError, compile_rules, load_rules_file
from desktop_assistant.os_integration.readers.uia_tree import Opaque, read_tree

REPO = Path(__file__).resolve().parents[2]
RAW = json.loads((REPO / "resources" / "readers" / "uia_rules.json").read_text("utf-8"))["千牛"]
DATA = REPO / "tests" / "data" / "uia"
NOW = dt.datetime(2026, 12, 6, 10, 10, 0)


def rules(**changes):
    data = copy.deepcopy(RAW)
    data.update(changes)
    return compile_rules("千牛", data)


def E(control_type="Group", name="", children=(), **props) -> RecordedElement:  # noqa: N802
    rect = props.pop("rect", None)
    return RecordedElement(
        name=name, control_type=control_type, rect=tuple(rect) if rect else None, kids=list(children), **props
    )


def chat(*messages, rows=(), header=None) -> RecordedElement:
    parts = [E("Group", automation_id="J_msg_list", rect=(0, 0, 1000, 800), children=messages)]
    if header is not None:
        parts.insert(0, header)
    return E(
        "Window",
        "千牛接待台",
        class_name="MutilChatView",
        children=[E("Tree", children=list(rows)), E("Document", "千牛消息聊天", children=parts)],
    )


def msg(node_id, *texts, rect=None):
    return E("Group", automation_id=node_id, rect=rect, children=[E("Text", t, rect=rect) for t in texts])


def test_the_packaged_rules_compile() -> None:
    compiled = load_rules_file(REPO / "resources" / "readers" / "uia_rules.json")
    assert list(compiled) == ["千牛"]
    assert compiled["千牛"].message_list.match.automation_id == "J_msg_list"


@pytest.mark.parametrize(
    "change, where",
    [
        ({"chat_view": {"match": {"class_nam": "MutilChatView"}}}, "chat_view.match"),
        (
            {"message_list": {"match": {"automation_id_regex": "J_msg_list("}, "max_depth": 5}},
            "message_list.match.automation_id_regex",
        ),
        ({"message_list": {"match": {}, "max_depth": -1}}, "message_list.max_depth"),
        ({"time_patterns": ["\\d+:\\d+"]}, "time_patterns[0]"),
        ({"sender_rules": [{"who": "boss", "side": "left"}]}, "sender_rules[0]"),
        ({"sender_rules": [{"who": "buyer", "side": "up"}]}, "sender_rules[0].side"),
        ({"sender_rules": [{"who": "buyer", "side": "left", "time_last": True}]}, "sender_rules[0]"),
        ({"buyer_nick": [{"from": "header"}]}, "buyer_nick"),
    ],
)
def test_a_bad_rule_is_one_line_naming_the_client_and_the_field(change, where) -> None:
    with pytest.raises(RulesError) as error:
        rules(**change)
    assert str(error.value).startswith(f"界面元素规则 千牛：{where} 不对：")
    assert "\n" not in str(error.value)


def test_a_rules_file_that_is_not_json_says_where(tmp_path: Path) -> None:
    bad = tmp_path / "uia_rules.json"
    bad.write_text('{"千牛": {', "utf-8")
    with pytest.raises(RulesError, match="uia_rules.json:1"):
        load_rules_file(bad)


@pytest.mark.parametrize(
    "stamp, now, expected",
    [
        ("10:02", NOW, dt.datetime(2026, 12, 6, 10, 2)),
        ("23:59:30", dt.datetime(2026, 12, 7, 0, 1), dt.datetime(2026, 12, 6, 23, 59, 30)),  # read after midnight
        ("昨天 09:15", NOW, dt.datetime(2026, 12, 5, 9, 15)),
        ("2026/11/30 18:00:05", NOW, dt.datetime(2026, 11, 30, 18, 0, 5)),
        ("25:61", NOW, None),  # not a time: the message still counts, at the time it was seen
    ],
)
def test_printed_times(stamp, now, expected) -> None:
    root = chat(msg("1.PNM", "tb_小熊", stamp, "在吗", rect=(10, 0, 300, 40)))
    [message] = read_tree(root, rules(), now).messages
    assert (message.who, message.at) == ("buyer", expected)


def test_aware_now_gives_aware_times() -> None:
    now = NOW.replace(tzinfo=dt.timezone(dt.timedelta(hours=8)))
    root = chat(msg("1.PNM", "tb_小熊", "10:02", "在吗", rect=(10, 0, 300, 40)))
    assert read_tree(root, rules(), now).messages[0].at == dt.datetime(2026, 12, 6, 10, 2, tzinfo=now.tzinfo)


def test_each_sender_rule_alone() -> None:
    left, right, middle = (10, 0, 300, 40), (700, 0, 990, 40), (400, 0, 600, 40)
    root = chat(
        msg("1.PNM", "tb_小熊", "10:00", "在吗", rect=left),
        msg("2.PNM", "小美", "10:01", "在", rect=right),
        msg("3.PNM", "某人", "10:02", "嗯", rect=middle),
    )
    by_side = rules(sender_rules=[{"who": "buyer", "side": "left"}, {"who": "agent", "side": "right"}])
    assert [m.who for m in read_tree(root, by_side, NOW).messages] == ["buyer", "agent", ""]
    by_name = rules(sender_rules=[{"who": "agent", "sender_regex": "^小美$"}])
    assert [m.who for m in read_tree(root, by_name, NOW).messages] == ["", "agent", ""]
    sellers = rules(sender_rules=[{"who": "agent", "seller_account": True}])
    assert [m.who for m in read_tree(root, sellers, NOW, frozenset({"某人"})).messages] == ["", "", "agent"]
    inline = chat(msg("", "tb_小熊 10:00", "在吗"), msg("", "10:01 小店:小美", "在"), msg("", "10:02", "嗯"))
    by_time = rules(sender_rules=[{"who": "agent", "time_first": True}, {"who": "buyer", "time_last": True}])
    read = read_tree(inline, by_time, NOW).messages
    assert [(m.who, m.sender, m.text) for m in read] == [
        ("buyer", "tb_小熊", "在吗"),
        ("agent", "小店:小美", "在"),
        ("", "", "嗯"),
    ]


def test_system_markers_win_over_everything() -> None:
    root = chat(
        msg("1.PNM", "tb_小熊", "10:00", "tb_小熊 撤回了一条消息", rect=(10, 0, 300, 40)),
        msg("2.PNM", "小店:服务助手", "10:01", "亲, 已为您催促发货", rect=(700, 0, 990, 40)),
    )
    assert [m.who for m in read_tree(root, rules(), NOW).messages] == ["system", "system"]


def test_labels_are_not_message_text_and_a_container_name_is_not_repeated() -> None:
    node = E(
        "Group",
        "tb_小熊 10:00 在吗",
        automation_id="1.PNM",
        rect=(10, 0, 300, 40),
        children=[E("Text", "tb_小熊"), E("Text", "10:00"), E("Text", "在吗\n 还在吗 "), E("Text", "已读")],
    )
    [message] = read_tree(chat(node), rules(), NOW).messages
    assert (message.sender, message.text, message.time_text) == ("tb_小熊", "在吗\n还在吗", "10:00")


def test_same_content_twice_without_ids_stays_two_messages() -> None:
    root = chat(msg("", "tb_小熊 10:00", "在吗"), msg("", "tb_小熊 10:00", "在吗"))
    keys = [m.key for m in read_tree(root, rules(), NOW).messages]
    assert len(set(keys)) == 2


def test_without_message_ids_the_lists_direct_children_are_messages_only_when_the_rules_say_so() -> None:
    root = chat(msg("row-1", "tb_小熊 10:00", "在吗"))
    assert len(read_tree(root, rules(), NOW).messages) == 1
    strict = copy.deepcopy(RAW)
    strict["message"]["fallback_direct_children"] = False
    assert read_tree(root, compile_rules("千牛", strict), NOW).messages == []


def test_only_the_last_max_messages_are_read() -> None:
    root = chat(*(msg(f"{i}.PNM", "tb_小熊", f"10:{i:02d}", f"第{i}条", rect=(10, 0, 300, 40)) for i in range(10)))
    few = copy.deepcopy(RAW)
    few["message"]["max_messages"] = 3
    assert [m.text for m in read_tree(root, compile_rules("千牛", few), NOW).messages] == ["第7条", "第8条", "第9条"]


def test_the_buyer_nick_can_come_from_a_header_element() -> None:
    header = E("Text", "当前: jd_小王", automation_id="chatHeader.nick")
    configured = rules(
        header={"match": {"automation_id_suffix": ".nick"}, "max_depth": 3, "nick_regex": "^当前: (?P<nick>\\S+)$"},
        buyer_nick=[{"from": "header"}, {"from": "buyer_sender"}],
    )
    assert read_tree(chat(header=header), configured, NOW).nick == "jd_小王"
    empty = E("Text", "", automation_id="chatHeader.nick")
    root = chat(msg("1.PNM", "tb_小熊", "10:00", "在吗", rect=(10, 0, 300, 40)), header=empty)
    assert read_tree(root, configured, NOW).nick == "tb_小熊"  # empty header: the next source


def test_the_node_budget_bounds_a_poll() -> None:
    root = load_recorded_tree(DATA / "qianniu9_badges.json")
    tight = rules(limits={"max_nodes": 30})
    reading = read_tree(root, tight, NOW)
    assert not reading.complete
    assert read_tree(root, rules(), NOW).complete


def test_a_window_without_the_chat_view_or_the_list_is_opaque() -> None:
    with pytest.raises(Opaque) as no_view:
        read_tree(E("Window", class_name="Qt5152QWindowIcon"), rules(), NOW)
    assert no_view.value.missing == "chat_view"
    with pytest.raises(Opaque) as no_list:
        read_tree(E("Window", class_name="MutilChatView"), rules(), NOW)
    assert no_list.value.missing == "message_list"


class Counting:
    """A recorded element that counts how often children are asked for (the cost of a poll)."""

    calls = 0

    def __init__(self, element: RecordedElement) -> None:
        self._element = element
        for name in ("name", "class_name", "automation_id", "control_type", "value", "rect"):
            setattr(self, name, getattr(element, name))

    def children(self):
        Counting.calls += 1
        return [Counting(child) for child in self._element.children()]


def test_hints_remember_where_the_lists_were_and_a_changed_layout_is_searched_again() -> None:
    hints: dict = {}
    badges = load_recorded_tree(DATA / "qianniu9_badges.json")
    Counting.calls = 0
    first = read_tree(Counting(badges), rules(), NOW, hints=hints)
    searched, Counting.calls = Counting.calls, 0
    again = read_tree(Counting(badges), rules(), NOW, hints=hints)
    assert (again.nick, again.rows, len(again.messages)) == (first.nick, first.rows, len(first.messages))
    assert Counting.calls < searched
    moved = load_recorded_tree(DATA / "qianniu9_badges.json")
    moved.kids[0].kids.reverse()  # the chat pane now comes before the conversation list
    read = read_tree(moved, rules(), NOW, hints=hints)
    assert (read.nick, read.rows, len(read.messages)) == (first.nick, first.rows, len(first.messages))


def test_rows_nested_in_a_group_row_keep_their_own_badges() -> None:
    group = E(
        "TreeItem",
        "最近联系人",
        children=[
            E("Text", "最近联系人"),
            E("TreeItem", "jd_小王", children=[E("Text", "jd_小王"), E("Text", "3")]),
            E("TreeItem", "tb_小熊", children=[E("Text", "tb_小熊")]),
        ],
    )
    root = chat(rows=[group])
    assert [(r.nick, r.unread) for r in read_tree(root, rules(), NOW).rows] == [
        ("最近联系人", 0),
        ("jd_小王", 3),
        ("tb_小熊", 0),
    ]


def test_the_memo_spares_reading_messages_already_read_and_forgets_those_gone() -> None:
    memo: dict = {}
    chat_tree = load_recorded_tree(DATA / "qianniu9_chat.json")
    Counting.calls = 0
    first = read_tree(Counting(chat_tree), rules(), NOW, hints={}, memo=memo)
    without, Counting.calls = Counting.calls, 0
    again = read_tree(Counting(chat_tree), rules(), NOW, hints={}, memo=memo)
    assert again.messages == first.messages and again.nick == "tb_小熊"
    assert Counting.calls < without
    assert set(memo) == {"4210903391501.PNM", "4210903391593.PNM", "4210903391594.PNM", "4210903391595.PNM"}
    read_tree(load_recorded_tree(DATA / "qianniu9_switched.json"), rules(), NOW, memo=memo)
    assert set(memo) == {"4210903391601.PNM", "4210903391602.PNM"}


def test_a_tree_recorded_from_any_element_source_reads_back_the_same() -> None:
    original = json.loads((DATA / "qianniu9_badges.json").read_text("utf-8"))["window"]
    assert record_tree(Counting(RecordedElement.from_json(original))) == original
    assert "children" not in record_tree(RecordedElement.from_json(original), max_depth=0)
