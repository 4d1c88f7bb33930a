"""会话 and 统计 in the running application, on a fake clock: a chat window naming a buyer makes the
conversation active with its timer counting, a phrase answers it and the round is recorded, alerts come
once per level, 待答问题 count down and their answers become phrases, and the 统计 tab shows the day."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCharts import QBarSeries, QLineSeries
from PySide6.QtCore import Qt

from desktop_assistant.domain.conversations import Level
from desktop_assistant.os_integration.foreground import WindowRef
from tests.ui.conftest import open_tab


@pytest.fixture
def app(agents_app, record):
    made = agents_app
    # These tests time every round alike; the first round's stricter defaults (10/30/60 s) are tested below.
    made.store.settings.set_many({"timer.first_warn_s": 30, "timer.first_overdue_s": 60, "timer.first_critical_s": 180})
    made.apply_settings(made.store.settings.all())
    made.notified = record(made.conversations.notify)
    return made


def table_rows(tab) -> list[tuple[str, ...]]:
    model = tab.model
    return [
        tuple(model.index(row, column).data() for column in range(model.columnCount()))
        for row in range(model.rowCount())
    ]


def greet_code(app) -> int:
    return next(p.id for p in app.phrases.library.all() if p.hotkey == "ctrl+alt+1")


def test_a_chat_window_in_front_starts_the_timer_and_a_phrase_hotkey_ends_the_round(
    app, clock, backend, im_target, qtbot
):
    conversations = app.conversations
    conversations.window_activated("AliIM.exe", "tb_云朵朵 - 云朵家居:小美", window_class="StandardFrame")
    assert conversations.active == "tb_云朵朵"
    assert app.buyers.active_nick == "tb_云朵朵"  # the buyer is looked up too
    clock.advance(seconds=42)
    conversations.tick()
    assert table_rows(conversations.tab) == [("tb_云朵朵", "旺旺", "快超时", "0:42")]
    strip = app.panel.status_strip.conversation_label
    assert "tb_云朵朵 (旺旺) · 等待 0:42" in strip.text() and "#ef6c00" in strip.styleSheet()
    assert conversations.tab.tab_title() == "会话（1）"

    backend.press("ctrl+alt+1")  # the greeting hotkey: the paste is the reply
    qtbot.waitUntil(lambda: "云朵家居旗舰店" in im_target.box, timeout=3000)
    qtbot.waitUntil(lambda: conversations.board.conversations["tb_云朵朵"].waiting_since is None, timeout=3000)
    assert conversations.board.conversations["tb_云朵朵"].last_response_s == 42
    events = app.store.conversations.events_between(
        clock.now() - dt.timedelta(hours=1), clock.now() + dt.timedelta(seconds=1)
    )
    assert [(e.kind, e.source, e.agent_id) for e in events] == [
        ("opened", "window", "A01"),
        ("replied", "phrase", "A01"),
    ]
    assert table_rows(conversations.tab)[0][2:] == ("已回复", "0:42")
    assert conversations.tab.tab_title() == "会话"


def press(backend, qapp, combo: str) -> None:
    """The OS delivers the hotkey on its thread; the GUI thread acts on it at the next event loop turn."""
    assert backend.press(combo)
    qapp.processEvents()


def test_buyer_wrote_starts_a_round_only_if_none_is_open_and_hotkeys_work(app, clock, backend, qapp):
    conversations = app.conversations
    conversations.new_conversation("小熊", "panel")
    press(backend, qapp, "ctrl+alt+r")  # hotkey.replied
    clock.advance(seconds=100)
    press(backend, qapp, "ctrl+alt+b")  # hotkey.buyer_wrote: a new round
    clock.advance(seconds=10)
    press(backend, qapp, "ctrl+alt+b")  # another message: the round keeps its start
    clock.advance(seconds=20)
    conversations.tick()
    assert conversations.board.conversations["小熊"].waited_s(clock.now()) == 30
    conversations.tab.replied_button.click()
    assert conversations.board.conversations["小熊"].last_response_s == 30
    kinds = [
        e.kind for e in app.store.conversations.events_between(dt.datetime(2026, 1, 1), clock.now() + dt.timedelta(1))
    ]
    assert kinds == ["opened", "replied", "buyer_wrote", "buyer_wrote", "replied"]


def test_without_an_active_conversation_the_buttons_say_so_and_record_nothing(app):
    tab = app.conversations.tab
    tab.buyer_wrote_button.click()
    assert tab.message.text() == "先选一个会话"
    assert app.store.conversations.count_events() == 0
    tab.nick_edit.setText("   ")
    tab.new_button.click()
    assert tab.message.text() == "缺少买家昵称 (nick)" and app.store.conversations.count_events() == 0


def test_new_conversation_from_the_clipboard_hotkey(app, backend, qapp):
    qapp.clipboard().setText("  tb_小鹿 \n第二行")
    press(backend, qapp, "ctrl+alt+n")
    assert app.conversations.active == "tb_小鹿"
    qapp.clipboard().setText("x" * 80)  # a paragraph, not a nick: said where the agent looks, nothing stored
    press(backend, qapp, "ctrl+alt+n")
    assert app.panel.status_strip.conversation_label.text() == "买家昵称最多 64 个字"
    assert app.conversations.active == "tb_小鹿"
    assert [
        e.source for e in app.store.conversations.events_between(dt.datetime(2026, 1, 1), dt.datetime(2027, 1, 1))
    ] == ["clipboard"]


def test_sorted_by_urgency_and_jump_to_the_longest_waiting(desk_app, qapp, clock, backend):
    first = WindowRef(id=9, pid=4343, process="AliIM.exe", title="先来 - 云朵家居:小美", window_class="StandardFrame")
    other = WindowRef(id=10, pid=4344, process="notepad.exe", title="无标题 - 记事本")
    app, foreground, tracker = desk_app(other, first, active=other.id)
    conversations = app.conversations
    foreground.active_id = first.id
    tracker.refresh()  # 先来's chat came to the front once: the panel knows its window
    foreground.active_id = other.id
    tracker.refresh()
    clock.advance(seconds=50)
    for nick in ("后到", "已答"):
        conversations.new_conversation(nick, "panel")
    conversations.replied("button")  # 已答 is active: answered
    clock.advance(seconds=40)
    conversations.tick()
    rows = table_rows(conversations.tab)
    assert [r[0] for r in rows] == ["先来", "后到", "已答"]
    assert [r[2] for r in rows] == ["严重超时", "超时", "已回复"]  # new buyers: 10 / 30 / 60 s (90 s, 40 s)
    press(backend, qapp, "ctrl+alt+j")
    assert conversations.active == "先来"
    assert foreground.active_id == first.id  # its chat window was brought forward


def test_alerts_once_per_level_in_the_tray_and_an_optional_beep(app, clock, monkeypatch):
    beeps: list[int] = []
    app.conversations._beep = lambda: beeps.append(1)
    app.store.settings.set("alerts.sound", True)
    app.conversations.new_conversation("小熊", "panel")
    for _ in range(70):
        clock.advance(seconds=1)
        app.conversations.tick()
    assert app.notified == [("回复超时", "小熊 已等待 1:00")]
    clock.advance(seconds=120)
    app.conversations.tick()
    app.conversations.tick()
    assert app.notified[1:] == [("严重超时", "小熊 已等待 3:10")]
    assert len(beeps) == 2
    assert table_rows(app.conversations.tab)[0][2] == "严重超时"
    assert app.panel.tabs.tabBar().tabTextColor(app.panel.tabs.indexOf(app.conversations.tab)).name() == "#c62828"


def test_first_round_thresholds_come_from_the_settings(app, clock):
    app.store.settings.set_many({"timer.first_warn_s": 6, "timer.first_overdue_s": 10})
    app.apply_settings(app.store.settings.all())
    app.conversations.new_conversation("新客", "panel")
    clock.advance(seconds=7)
    app.conversations.tick()
    assert app.conversations.board.level(app.conversations.board.conversations["新客"], clock.now()) == Level.WARN


def test_a_new_buyer_waiting_30_s_is_overdue_by_default(agents_app, clock):
    agents_app.conversations.new_conversation("新客", "panel")
    board = agents_app.conversations.board
    for seconds, level in ((9, Level.WAITING), (1, Level.WARN), (20, Level.OVERDUE), (30, Level.CRITICAL)):
        clock.advance(seconds=seconds)
        agents_app.conversations.tick()
        assert board.level(board.conversations["新客"], clock.now()) == level


def test_idle_answered_conversations_leave_the_list(app, clock):
    app.conversations.new_conversation("小熊", "panel")
    app.conversations.replied("button")
    clock.advance(minutes=29)
    app.conversations.tick()
    assert "小熊" in app.conversations.board.conversations
    clock.advance(minutes=1)
    app.conversations.tick()
    assert app.conversations.board.conversations == {} and app.conversations.active == ""
    assert app.store.conversations.events_between(dt.datetime(2026, 1, 1), dt.datetime(2027, 1, 1))[-1].source == "idle"


def test_a_restart_picks_up_the_open_conversations(app, clock, paths, make_app):
    app.conversations.new_conversation("小熊", "panel")
    clock.advance(seconds=90)
    app.shutdown()
    again = make_app()
    assert again.open_database()
    again.build_ui()
    again.show()
    assert table_rows(again.conversations.tab) == [("小熊", "—", "超时", "1:30")]


def test_pending_question_counts_down_alerts_and_its_answer_becomes_a_phrase(app, clock, im_target, qtbot):
    conversations = app.conversations
    tab = conversations.tab
    conversations.new_conversation("小熊", "panel")
    tab.question_edit.setText("XL 码还有货吗")
    tab.add_question_button.click()
    assert "5 分钟内回复 小熊" in tab.message.text()
    clock.advance(minutes=4, seconds=30)
    conversations.tick()
    assert tab.question_list.item(0).text() == "小熊: XL 码还有货吗\n还剩 0:30"
    clock.advance(seconds=31)
    conversations.tick()
    assert tab.question_list.item(0).text().endswith("已超时 0:01")
    assert app.notified[-1] == ("待答问题超时", "小熊: XL 码还有货吗")
    conversations.tick()
    assert app.notified.count(("待答问题超时", "小熊: XL 码还有货吗")) == 1

    tab.question_list.setCurrentRow(0)
    tab.answer_edit.setText("有的, XL 今天还能发")
    tab.send_answer_button.click()
    qtbot.waitUntil(lambda: "XL 今天还能发" in im_target.box, timeout=3000)
    qtbot.waitUntil(lambda: conversations.board.conversations["小熊"].waiting_since is None, timeout=3000)
    assert tab.question_list.item(0).text() == "小熊: XL 码还有货吗\n已回答：有的, XL 今天还能发"
    assert tab.save_phrase_button.isEnabled()
    opened = []
    app.phrases.new_phrase = lambda title, body: opened.append((title, body))  # the editor's own tests cover it
    conversations.save_phrase_requested.disconnect()
    conversations.save_phrase_requested.connect(app.phrases.new_phrase)
    tab.save_phrase_button.click()
    assert opened == [("XL 码还有货吗", "有的, XL 今天还能发")]


def test_save_as_phrase_opens_the_editor_filled_in(app, qtbot):
    editor = app.phrases.new_phrase("XL 码还有货吗", "有的, XL 今天还能发")
    qtbot.addWidget(editor)
    assert editor.title.text() == "XL 码还有货吗" and editor.body.toPlainText() == "有的, XL 今天还能发"
    editor.code.setText("xl")
    editor.save()
    assert any(p.code == "xl" and p.text == "有的, XL 今天还能发" for p in app.phrases.library.all())


def test_answer_without_choosing_a_question_is_refused(app):
    app.conversations.new_conversation("小熊", "panel")
    app.conversations.tab.answer_edit.setText("有的")
    app.conversations.tab.send_answer_button.click()
    assert app.conversations.tab.message.text() == "先在列表里选一个待答问题"


def test_title_rules_are_editable_in_the_settings(app):
    rules = "京东 | dd*.exe | ^(?P<nick>.+?) - 咚咚$"
    app.store.settings.set("conversation.title_rules", rules)
    app.apply_settings(app.store.settings.all())
    app.conversations.window_activated("AliIM.exe", "tb_云朵朵 - 云朵家居:小美", window_class="StandardFrame")
    assert app.conversations.active == ""  # the 旺旺 rule is gone
    app.conversations.window_activated("DD.exe", "jd_小王 - 咚咚")
    assert app.conversations.active == "jd_小王"
    assert table_rows(app.conversations.tab)[0][1] == "京东"


def test_the_stats_tab_shows_the_day_with_charts_and_exports(app, clock, tmp_path, qtbot):
    conversations = app.conversations
    for nick, wait in (("a", 8), ("b", 45), ("c", 200)):
        conversations.new_conversation(nick, "panel")
        clock.advance(seconds=wait)
        conversations.replied("button")
    conversations.new_conversation("d", "panel")  # still waiting: 600 s in the averages
    open_tab(app, "统计")  # built and shown: computed
    stats = app.stats
    figures = stats.stats.figures
    assert figures["rounds"] == 4 and figures["answered"] == 3
    assert figures["avg_response_s"] == round((8 + 45 + 200 + 600) / 4, 1)
    table = stats.tab.table
    assert table.item(0, 0).text() == "全部" and table.item(0, 1).text() == "4"
    assert table.item(0, 7).text() == "50.0%" and table.item(0, 8).text() == "50.0%"  # 8 s and 45 s of four
    assert table.item(1, 0).text() == "A01"
    bars = stats.tab.histogram_chart.series()[0]
    assert isinstance(bars, QBarSeries)
    assert [bars.barSets()[0].at(i) for i in range(6)] == [1, 0, 1, 0, 1, 1]  # 8 s, 45 s, 200 s, unanswered
    assert stats.tab.histogram_chart.axes(Qt.Orientation.Horizontal)[0].categories()[-1] == "未回复"
    hourly = stats.tab.hourly_chart.series()[0].barSets()[0]
    assert hourly.count() == 15 and hourly.at(1) == 4  # 08:00-22:59; every round started at 09:0x
    stats.tab.period.setCurrentIndex(1)
    daily = stats.tab.daily_chart.series()[0]
    assert isinstance(daily, QLineSeries) and daily.count() == 7 and daily.at(6).y() == 50.0

    target = tmp_path / "kpi.xlsx"
    assert stats.export_to(target)
    import openpyxl

    sheet = openpyxl.load_workbook(target).active
    assert (
        [c.value for c in sheet[1]][:2] == ["客服", "轮次"] and sheet["A2"].value == "全部" and sheet["B2"].value == "4"
    )
    stats.tab.agent.setCurrentIndex(stats.tab.agent.findData("A01"))  # one agent: charts narrow, table stays
    assert stats.tab.chosen_agent() == "A01" and table.rowCount() == 2
    stats.tab.period.setCurrentIndex(0)
    assert stats.tab.chosen_agent() == "A01"
    assert stats.export_to(tmp_path / "kpi.csv")
    assert (tmp_path / "kpi.csv").read_bytes().decode("utf-8-sig").splitlines()[1].startswith("全部,4,3")
    assert not stats.export_to(tmp_path / "missing" / "kpi.csv")
    assert "missing" in stats.tab.message.text()


def test_kpi_on_the_exported_log_gives_the_numbers_of_the_stats_tab(app, clock, tmp_path):
    """One engine: the events exported as a chat log, read by the real `kpi` command in another process."""
    import json

    from tests.conftest import run_cli

    conversations = app.conversations
    for nick, wait, agent in (("a", 8, "A01"), ("b", 45, "A01"), ("c", 200, "B07"), ("a", 700, "B07")):
        app.store.settings.set("agent_id", agent)
        conversations.new_conversation(nick, "panel")
        conversations.buyer_wrote("hotkey")
        clock.advance(seconds=wait)
        conversations.replied("phrase")
        conversations.close_active()
        clock.advance(minutes=1)
    conversations.new_conversation("d", "panel")  # left waiting
    open_tab(app, "统计")
    log = tmp_path / "log.csv"
    assert app.stats.export_log(log)
    lines = log.read_bytes().decode("utf-8-sig").splitlines()
    assert lines[0] == "time,buyer,sender,agent,source" and lines[1].endswith(",manual")
    result = run_cli("--basedir", str(tmp_path / "cli"), "kpi", str(log), "--json")
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == app.stats.stats.figures
    assert app.stats.stats.figures["rounds"] == 5 and set(app.stats.stats.figures["agents"]) == {"A01", "B07"}


def test_english_ui(app, qtbot):
    app.store.settings.set("language", "en")
    app.apply_settings(app.store.settings.all())
    tab = app.conversations.tab
    qtbot.waitUntil(lambda: tab.new_button.text() == "New chat")
    assert tab.model.headerData(3, Qt.Orientation.Horizontal) == "Timer"
    app.conversations.new_conversation("小熊", "panel")
    assert app.panel.status_strip.conversation_label.text().endswith("小熊 · waiting 0:00")
    assert app.conversations.tab.model.index(0, 2).data() == "Waiting"
    open_tab(app, "Stats")  # named in English before it was built; shown: computed, the bars named in English
    assert app.stats.tab.refresh_button.text() == "Refresh"
    assert app.panel.tabs.tabText(app.panel.tabs.indexOf(app.stats.tab)) == "Stats"
    assert app.stats.tab.histogram_chart.axes(Qt.Orientation.Horizontal)[0].categories()[-2:] == ["≤10min", "No reply"]


def test_a_qianniu_title_names_the_seller_who_never_becomes_a_buyer(app):
    conversations = app.conversations
    conversations.window_activated("AliWorkbench.exe", "倪好数码:小柒-接待中心", window_class="Qt5152QWindowIcon")
    assert conversations.active == "" and conversations.board.conversations == {}
    assert "倪好数码:小柒" in conversations.seller_accounts()
    app.store.settings.set("seller_accounts", "易软坊")
    legacy = "旺旺 | aliim* | ^(?P<nick>.+?) - (?:阿里旺旺|接待中心)$"  # an old line that names a buyer
    app.store.settings.set("conversation.title_rules", legacy)
    app.apply_settings(app.store.settings.all())
    for own in ("易软坊", "倪好数码", "倪好数码:小柒"):
        conversations.window_activated("AliIM.exe", f"{own} - 接待中心")
    assert conversations.board.conversations == {}
    conversations.window_activated("AliIM.exe", "tb_云朵朵 - 阿里旺旺")
    assert conversations.active == "tb_云朵朵"


def test_the_settings_dialog_edits_title_rules_and_names_a_bad_line(app, qtbot):
    from desktop_assistant.ui.settings_dialog import SettingsDialog

    app.panel.open_settings()
    dialog = app.panel.findChild(SettingsDialog)
    editor = dialog.editors["conversation.title_rules"]
    assert "hotkey.jump_longest" in dialog.editors  # the conversation hotkeys are offered
    before = app.store.settings.get("conversation.title_rules")
    editor.setPlainText(before + "\n京东 | dd*.exe")
    dialog.save()
    assert (
        dialog.error_label.text() == "conversation.title_rules: 第 12 行：规则应为「平台 | 程序 | [选项 | …] 标题正则」"
    )
    assert app.store.settings.get("conversation.title_rules") == before
    editor.setPlainText(before + "\r\n京东 | dd*.exe | ^(?P<nick>.+?) - 咚咚$\r\n")
    dialog.save()
    assert app.store.settings.get("conversation.title_rules") == before + "\n京东 | dd*.exe | ^(?P<nick>.+?) - 咚咚$"
    app.conversations.window_activated("DD.exe", "jd_小王 - 咚咚")
    assert app.conversations.active == "jd_小王"  # the dialog's save applied the rules at once


def test_questions_are_read_when_they_change_not_on_every_tick(app, clock, monkeypatch):
    reads = []
    listed = app.store.conversations.listed_questions
    monkeypatch.setattr(app.store.conversations, "listed_questions", lambda now: reads.append(now) or listed(now))
    app.conversations.new_conversation("小熊", "panel")
    app.conversations.add_question("几号发货")
    reads.clear()
    for _ in range(59):
        clock.advance(seconds=1)
        app.conversations.tick()
    assert reads == []
    assert app.conversations.tab.question_list.item(0).text().endswith("还剩 4:01")  # the countdown still runs
    clock.advance(seconds=1)
    app.conversations.tick()
    assert len(reads) == 1  # once a minute: answered questions leave the list after two hours
