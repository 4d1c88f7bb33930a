"""Which buyer a chat window is about, from its process and title."""

from __future__ import annotations

import pytest

from desktop_assistant.domain.conversation_titles import (
    DEFAULT_TITLE_RULES, TitleRuleError, buyer_from_window, match_window, parse_title_rules,
)


@pytest.mark.parametrize("process, title, nick", [
    ("AliWorkbench.exe", "tb_云朵朵 - 接待中心", "tb_云朵朵"),
    ("aliworkbench.exe", "小熊 爱吃鱼 - 接待中心", "小熊 爱吃鱼"),
    ("AliWorkbench.exe", "接待中心", ""),
    ("AliWorkbench.exe", "千牛工作台 - 千牛", ""),
    ("AliIM.exe", "小明 - 阿里旺旺", "小明"),
    ("AliIM.exe", "阿里旺旺", ""),
    ("python3", "与 小熊 交谈中", "小熊"),
    ("WeChat.exe", "与tb_8899的聊天中", "tb_8899"),
    ("firefox", "淘宝网 - 首页", ""),
    ("notepad.exe", "小明 - 接待中心", ""),  # a title alone is not enough: the program must be the IM client
])
def test_buyer_from_window(process, title, nick):
    assert buyer_from_window(process, title) == nick


def test_default_rules_name_the_platform():
    assert match_window("AliWorkbench.exe", "tb_云朵朵 - 接待中心") == ("千牛", "tb_云朵朵")
    assert match_window("AliIM.exe", "小明 - 阿里旺旺") == ("旺旺", "小明")
    assert match_window("python3", "与 小熊 交谈中") == ("", "小熊")
    assert match_window("firefox", "淘宝网 - 首页") is None


def test_rules_are_lines_the_agent_can_edit():
    rules = parse_title_rules("# 京东咚咚 (first line is a comment)\n\n"
                              "京东 | dd*.exe | ^(.+?) - 咚咚$\n"
                              "抖店 | feige* | 飞鸽 \\| (?P<nick>\\S+)")
    assert [r.platform for r in rules] == ["京东", "抖店"]
    assert match_window("DD.exe", "jd_小王 - 咚咚", rules) == ("京东", "jd_小王")  # the first group, unnamed
    assert match_window("Feige.exe", "飞鸽 | 抖音用户8", rules) == ("抖店", "抖音用户8")  # | inside the pattern
    assert match_window("python3", "与 小熊 交谈中", rules) is None  # only the rules given


@pytest.mark.parametrize("text, problem", [
    ("千牛 | aliworkbench*", "第 1 行: 规则应为「平台 | 程序 | 标题正则」"),
    ("\n千牛 |  | x(?P<nick>.+)", "第 2 行: 规则应为「平台 | 程序 | 标题正则」"),
    ("千牛 | * | (?P<nick>.+", "第 1 行: 标题正则有误"),
    ("千牛 | * | 接待中心", "第 1 行: 标题正则需要一个分组"),
])
def test_bad_rule_lines_are_named(text, problem):
    with pytest.raises(TitleRuleError, match=problem.replace("|", "\\|")):
        parse_title_rules(text)


def test_the_default_rules_text_is_the_setting_default():
    from desktop_assistant.domain.settings import DEFAULTS

    assert parse_title_rules(DEFAULTS["conversation.title_rules"]) == DEFAULT_TITLE_RULES
