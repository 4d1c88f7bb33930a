"""Title rules that cannot lie (docs/reading.md): the real titles of 千牛 9.x, 千牛 5, old 阿里旺旺, 拼多多, 抖店
and 京麦; a buyer only where a rule says the title holds one; the seller's own account never a buyer."""

from __future__ import annotations

import pytest

from desktop_assistant.domain.conversation_titles import (
    DEFAULT_RULES_TEXT,
    DEFAULT_TITLE_RULES,
    LEGACY_RULES_TEXT,
    TitleRuleError,
    buyer_from_window,
    is_own_account,
    match_window,
    parse_accounts,
    parse_title_rules,
    platforms,
)

QT_FRAME, QT_POPUP, OLD_FRAME = "Qt5152QWindowIcon", "Qt5152QWindowToolSaveBits", "StandardFrame"


def seen(process: str, title: str, window_class: str = "", sellers=()) -> tuple | None:
    found = match_window(process, title, window_class=window_class, sellers=sellers)
    return None if found is None else (found.platform, found.is_chat_window, found.buyer, found.seller)


@pytest.mark.parametrize(
    "process, window_class, title, expected",
    [
        # 千牛 9.x: the title names the seller's account, never the buyer
        ("AliWorkbench.exe", QT_FRAME, "倪好数码:小柒-接待中心", ("千牛", True, "", "倪好数码:小柒")),
        ("AliWorkbench.exe", QT_FRAME, "tb4947894539-接待中心", ("千牛", True, "", "tb4947894539")),
        ("AliWorkbench.exe", QT_FRAME, "易软坊-接待台", ("千牛", True, "", "易软坊")),
        ("AliWorkbench.exe", QT_FRAME, "小店:小美-接待中心", ("千牛", True, "", "小店:小美")),
        ("AliWorkbench.exe", QT_FRAME, "千牛接待台", ("千牛", True, "", "")),
        ("AliWorkbench.exe", QT_FRAME, "", ("千牛", True, "", "")),  # some builds give an empty title
        ("aliworkbench.exe", "", "倪好数码:小柒-接待中心", ("千牛", True, "", "倪好数码:小柒")),  # class unknown
        # the workbench home and pop-ups are never chat windows
        ("AliWorkbench.exe", QT_FRAME, "倪好数码:小柒-千牛工作台", ("千牛", False, "", "")),
        ("AliWorkbench.exe", QT_FRAME, "tb4947894539 - 千牛工作台", ("千牛", False, "", "")),
        ("AliWorkbench.exe", QT_POPUP, "倪好数码:小柒-接待中心", ("千牛", False, "", "")),
        ("AliWorkbench.exe", "Qt5151QWindowToolSaveBits", "新消息提醒", ("千牛", False, "", "")),
        # a reminder or any other 千牛 window no rule knows: not a chat window
        ("AliWorkbench.exe", QT_FRAME, "消息提醒", None),
        ("AliWorkbench.exe", "Chrome_RenderWidgetHostHWND", "", None),
        # 千牛 5 and older
        ("AliWorkbench.exe", OLD_FRAME, "倪好数码 - 接待中心", ("千牛", True, "", "倪好数码")),
        ("AliWorkbench.exe", OLD_FRAME, "倪好数码 - 客服工作台", ("千牛", True, "", "倪好数码")),
        # old 阿里旺旺 seller chat windows: the only title that holds the buyer
        ("AliIM.exe", OLD_FRAME, "tb_云朵朵 - 倪好数码:小柒", ("旺旺", True, "tb_云朵朵", "倪好数码:小柒")),
        ("AliIM.exe", OLD_FRAME, "倪好数码 - 接待中心", ("旺旺", True, "", "倪好数码")),
        ("AliIM.exe", "", "tb_云朵朵 - 倪好数码:小柒", None),  # not the chat frame: its title says nothing
        # the other clients: a chat window, nobody in the title
        ("PddWorkbench.exe", "", "拼多多工作台", ("拼多多", True, "", "")),
        ("doudian.exe", "Chrome_WidgetWin_1", "抖店工作台 - 飞鸽", ("抖店", True, "", "")),
        ("jm.exe", "", "京麦", ("京麦", True, "", "")),
        # a generic chat title that names the buyer, any program
        ("python3", "", "与 小熊 交谈中", ("", True, "小熊", "")),
        ("WeChat.exe", "", "与tb_8899的聊天中", ("", True, "tb_8899", "")),
        # nothing to do with a client
        ("firefox", "", "淘宝网 - 首页", None),
        ("notepad.exe", "", "倪好数码:小柒-接待中心", None),  # the program must be the client
    ],
)
def test_real_titles(process, window_class, title, expected) -> None:
    assert seen(process, title, window_class) == expected


def test_the_seller_in_a_title_is_never_a_buyer() -> None:
    # the old default took 「<seller> - 接待中心」 for a buyer
    assert buyer_from_window("AliWorkbench.exe", "倪好数码 - 接待中心", window_class=OLD_FRAME) == ""
    legacy = parse_title_rules(LEGACY_RULES_TEXT)
    assert match_window("AliWorkbench.exe", "tb_云朵朵 - 接待中心", legacy).buyer == "tb_云朵朵"  # old lines still work
    # ... but never name one of the seller's own accounts, main account included
    sellers = parse_accounts("倪好数码:小柒\n# 主账号\n\n易软坊\n")
    assert sellers == {"倪好数码:小柒", "易软坊"}
    assert match_window("AliWorkbench.exe", "倪好数码:小柒 - 接待中心", legacy, sellers=sellers) is None
    assert match_window("AliWorkbench.exe", "倪好数码 - 接待中心", legacy, sellers=sellers) is None
    assert match_window("AliWorkbench.exe", "易软坊 - 千牛", legacy, sellers=sellers) is None
    assert seen("AliIM.exe", "倪好数码 - 倪好数码:小柒", OLD_FRAME) is None  # the title's own seller
    assert seen("AliIM.exe", "易软坊 - 倪好数码:小柒", OLD_FRAME, sellers) is None
    assert is_own_account("倪好数码", ["倪好数码:小柒"]) and not is_own_account("倪好", ["倪好数码:小柒"])


def test_rules_are_lines_the_agent_can_edit() -> None:
    rules = parse_title_rules(
        "# 京东咚咚 (first line is a comment)\n\n"
        "京东 | dd*.exe | ^(.+?) - 咚咚$\n"
        "抖店 | feige* | 飞鸽 \\| (?P<nick>\\S+)\n"
        "抖店 | doudian* | class=Chrome_WidgetWin_\\d | buyer | 与 (?P<nick>\\S+) \\| 抖店\n"
        "千牛 | aliworkbench* | not-chat | 工作台\n"
        "千牛 | aliworkbench* | 类=Qt5\\d+QWindowIcon | 聊天 | (?P<seller>.+)-接待中心"
    )
    assert platforms(rules) == ["京东", "抖店", "千牛"]
    assert [(r.line, r.role) for r in rules] == [(3, "buyer"), (4, "buyer"), (5, "buyer"), (6, "not-chat"), (7, "chat")]
    assert match_window("DD.exe", "jd_小王 - 咚咚", rules)[:4] == ("京东", True, "jd_小王", "")  # first group, old form
    assert match_window("Feige.exe", "飞鸽 | 抖音用户8", rules).buyer == "抖音用户8"  # | inside an old pattern
    assert match_window("doudian.exe", "与 抖音用户9 | 抖店", rules, "Chrome_WidgetWin_1").buyer == "抖音用户9"
    assert match_window("doudian.exe", "与 抖音用户9 | 抖店", rules, "Other") is None  # the class must match
    assert match_window("AliWorkbench.exe", "千牛工作台", rules).is_chat_window is False
    assert match_window("AliWorkbench.exe", "a:b-接待中心", rules, QT_FRAME)[:4] == ("千牛", True, "", "a:b")
    assert match_window("python3", "与 小熊 交谈中", rules) is None  # only the rules given
    assert rules[4].text.startswith("千牛 | aliworkbench* | 类=")


@pytest.mark.parametrize(
    "text, problem",
    [
        ("千牛 | aliworkbench*", "第 1 行：规则应为「平台 | 程序 | [选项 | …] 标题正则」"),
        ("\n千牛 |  | x(?P<nick>.+)", "第 2 行：规则应为"),
        ("千牛 | * | 聊天 | ", "第 1 行：规则应为"),
        ("千牛 | * | (?P<nick>.+", "第 1 行：标题正则有误"),
        ("千牛 | * | 接待中心", "第 1 行：标题正则需要一个分组"),
        ("千牛 | * | 买家 | (.+)-接待中心", "第 1 行：标题正则需要一个分组"),  # the new form names its nick
        ("千牛 | * | 聊天 | (?P<nick>.+)-接待中心", "第 1 行：标题正则有买家分组"),
        ("千牛 | * | 聊天 | 非聊天 | 接待中心", "第 1 行：「买家」「聊天」「非聊天」只能选一个"),
        ("千牛 | * | 类=Qt5( | 聊天 | 接待中心", "第 1 行：窗口类正则有误"),
    ],
)
def test_bad_rule_lines_are_named(text, problem) -> None:
    with pytest.raises(TitleRuleError, match=problem.replace("|", "\\|").replace("[", "\\[").replace("(", "\\(")):
        parse_title_rules(text)


def test_the_default_rules_text_is_the_setting_default() -> None:
    from desktop_assistant.domain.settings import DEFAULTS, REPLACED_DEFAULTS

    assert DEFAULTS["conversation.title_rules"] == DEFAULT_RULES_TEXT
    assert parse_title_rules(DEFAULT_RULES_TEXT) == DEFAULT_TITLE_RULES
    assert REPLACED_DEFAULTS["conversation.title_rules"] == (LEGACY_RULES_TEXT,)


def test_a_stored_legacy_default_becomes_the_new_default_but_an_edited_one_stays(tmp_path) -> None:
    import sqlite_utils

    from desktop_assistant.storage.migrations import migrate
    from desktop_assistant.storage.settings_store import SettingsStore

    db = sqlite_utils.Database(tmp_path / "a.sqlite3")
    migrate(db, tmp_path / "a.sqlite3", tmp_path)
    store = SettingsStore(db)
    store.set("conversation.title_rules", LEGACY_RULES_TEXT)
    store.add_missing_defaults()
    assert store.get("conversation.title_rules") == DEFAULT_RULES_TEXT
    edited = LEGACY_RULES_TEXT + "\n京东 | dd*.exe | ^(.+?) - 咚咚$"
    store.set("conversation.title_rules", edited)
    store.add_missing_defaults()
    assert store.get("conversation.title_rules") == edited
