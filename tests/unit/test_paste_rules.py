"""Per-application paste rules (domain, pure Python)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop_assistant.domain.paste_rules import (
    CTRL_V,
    DEFAULT_RULES,
    SHIFT_INSERT,
    TYPE,
    PasteRule,
    PasteRuleError,
    allowed,
    format_rules,
    method_for,
    parse_allow_list,
    parse_rules,
)
from desktop_assistant.domain.settings import spec_for


@pytest.mark.parametrize(
    ("process", "title", "method"),
    [
        ("AliWorkbench.exe", "千牛接待台", CTRL_V),
        ("xterm", "bash", SHIFT_INSERT),
        ("gnome-terminal-server", "root@shop", SHIFT_INSERT),
        ("konsole", "", SHIFT_INSERT),
        ("PUTTY.EXE", "", SHIFT_INSERT),
        ("putty", "", SHIFT_INSERT),  # .exe optional on either side
        ("WindowsTerminal.exe", "", SHIFT_INSERT),
        ("mintty.exe", "", SHIFT_INSERT),
        ("python3", "", CTRL_V),
        ("", "", CTRL_V),
    ],
)
def test_defaults(process: str, title: str, method: str) -> None:
    assert method_for(process, title) == method


def test_agent_rules_come_before_the_defaults_and_the_first_match_wins() -> None:
    rules = parse_rules("process:xterm = ctrl+v\ntitle:咚咚 = type\ntitle:/咚咚|飞鸽/ = shift+insert")
    assert method_for("xterm", "", rules) == CTRL_V
    assert method_for("jd.exe", "京东咚咚 - 客服", rules) == TYPE
    assert method_for("feige.exe", "抖店飞鸽", rules) == SHIFT_INSERT


def test_syntax_variants() -> None:
    rules = parse_rules("""
        # comments and blank lines are ignored

        PROCESS: Qianniu*.exe=TYPE ; title:/^root@.*\\$ $/ = shift+insert;title:/a;b=c/ = ctrl + v
    """)
    assert rules == [
        PasteRule("process", "Qianniu*.exe", TYPE),
        PasteRule("title", "/^root@.*\\$ $/", SHIFT_INSERT),
        PasteRule("title", "/a;b=c/", CTRL_V),  # ";" and "=" inside a regex belong to it
    ]
    assert rules[0].matches("qianniu_v9.EXE", "") and not rules[0].matches("aliworkbench.exe", "")
    assert rules[1].matches("", "root@host:~$ ") and rules[2].matches("", "xxa;b=cxx")
    assert parse_rules(format_rules(rules)) == rules
    assert parse_rules("") == [] and parse_rules("  # only a comment\n") == []


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        ("putty.exe = shift+insert", "第 1 条粘贴规则格式不对"),
        ("process:putty.exe", "第 1 条粘贴规则格式不对"),
        ("process:a = ctrl+v; window:b = type", "第 2 条粘贴规则格式不对"),
        ("process:putty.exe = paste", "第 1 条粘贴规则的方式只能是"),
        ("title:/([/ = type", "第 1 条粘贴规则的正则表达式有误"),
        ("process: = type", "第 1 条粘贴规则缺少程序名或标题"),
        ("title:// = type", "第 1 条粘贴规则缺少程序名或标题"),
    ],
)
def test_bad_rules_name_the_rule_and_the_reason(text: str, fragment: str) -> None:
    with pytest.raises(PasteRuleError) as caught:
        parse_rules(text)
    assert fragment in str(caught.value) and "\n" not in str(caught.value)


@given(st.text(max_size=80))
def test_parse_never_fails_with_anything_but_a_rule_error(text: str) -> None:
    try:
        rules = parse_rules(text)
    except PasteRuleError:
        return
    for rule in rules:
        rule.matches("x.exe", "标题")


def test_title_substring_is_case_insensitive() -> None:
    [rule] = parse_rules("title:Terminal = shift+insert")
    assert rule.matches("", "my TERMINAL window")


def test_allow_list() -> None:
    allow = parse_allow_list("AliWorkbench.exe; jd*.exe,\nfeige")
    assert allow == ("AliWorkbench.exe", "jd*.exe", "feige")
    assert allowed("aliworkbench.EXE", allow) and allowed("jdDongDong.exe", allow) and allowed("feige.exe", allow)
    assert not allowed("notepad.exe", allow) and not allowed("", allow)
    assert allowed("anything", ()) and parse_allow_list("  ;, ") == ()


def test_every_default_rule_round_trips() -> None:
    assert tuple(parse_rules(format_rules(DEFAULT_RULES))) == DEFAULT_RULES


def test_settings_accept_rules_on_one_line_and_refuse_garbage() -> None:
    spec = spec_for("paste.rules")
    assert (
        spec.parse("process:putty.exe = shift+insert; title:/a;b/ = type")
        == "process:putty.exe = shift+insert; title:/a;b/ = type"
    )
    for bad in ("putty", "process:x = paste"):
        with pytest.raises(ValueError):
            spec.parse(bad)
    assert spec_for("paste.send_each").default is False
    assert spec_for("paste.delay_ms").parse("300") == 300
