"""The insertion pipeline with fakes: key state, key sender, foreground window and a target that
pastes from the real (offscreen) QClipboard, so the clipboard backup, fetch detection and restore run
for real; only the OS around them is simulated."""

from __future__ import annotations

import os

import pytest
from PySide6.QtCore import QByteArray, QMimeData, QTimer
from PySide6.QtGui import QColor, QGuiApplication, QImage

from desktop_assistant.domain.paste_rules import parse_rules
from desktop_assistant.domain.settings import DEFAULTS
from desktop_assistant.os_integration import clipboard as clipboard_module
from desktop_assistant.os_integration.clipboard import WINDOWS_PRIVACY_FORMATS, TextPayload
from desktop_assistant.os_integration.fakes import (
    ALT,
    CTRL,
    KEY_1,
    FakeForeground,
    FakeKeyboardState,
    FakeKeySender,
    FakeTarget,
)
from desktop_assistant.os_integration.foreground import ForegroundTracker, WindowRef
from desktop_assistant.os_integration.insertion import InsertionPipeline, InsertRequest, PasteOptions, Timing
from desktop_assistant.os_integration.platform_errors import PlatformUnavailable

IM = WindowRef(0x100, 4242, "AliWorkbench.exe", "千牛接待台 - 买家 tb_小明")
PANEL = WindowRef(0x200, os.getpid(), "python3", "客服助手")
TERMINAL = WindowRef(0x300, 5151, "putty.exe", "root@shop: ~")
FAST = Timing(poll_ms=2, keys_up_timeout_ms=300, focus_timeout_ms=150, focus_settle_ms=2, settle_ms=2, send_gap_ms=5)
GREETING = "亲, {欢迎光临}小店~\n有什么可以帮您的吗?"


@pytest.fixture
def clipboard(qapp):
    board = QGuiApplication.clipboard()
    board.clear()
    yield board
    board.clear()  # a Python-made QMimeData left on the offscreen clipboard crashes Qt at exit


class Rig:
    def __init__(
        self,
        clipboard,
        *,
        windows=(IM, PANEL, TERMINAL),
        active=IM.id,
        options=None,
        fetch_delay_ms=None,
        fetch=True,
        held=(),
        tracker=False,
    ) -> None:
        self.clipboard = clipboard
        self.keyboard = FakeKeyboardState(held)
        self.target = FakeTarget(fetch_delay_ms=fetch_delay_ms, fetch=fetch)
        self.sender = FakeKeySender(self.target, self.keyboard)
        self.foreground = FakeForeground(*windows, active=active)
        self.tracker = ForegroundTracker(self.foreground) if tracker else None
        if self.tracker is not None:
            self.tracker.refresh()
        self.pipeline = InsertionPipeline(
            self.keyboard,
            self.sender,
            self.foreground,
            clipboard,
            options or PasteOptions(delay_ms=150, restore_delay_ms=5),
            tracker=self.tracker,
            timing=FAST,
            platform="linux",
        )
        self.inserted: list[object] = []
        self.failed: list[tuple[object, str]] = []
        self.idles = 0
        self.pipeline.inserted.connect(self.inserted.append)
        self.pipeline.failed.connect(lambda tag, reason: self.failed.append((tag, reason)))
        self.pipeline.idle.connect(self._idle)

    def _idle(self) -> None:
        self.idles += 1

    def run(self, qtbot, *requests: InsertRequest, timeout: int = 5000) -> None:
        with qtbot.waitSignal(self.pipeline.idle, timeout=timeout):
            for request in requests:
                self.pipeline.insert(request)


def chords(sender: FakeKeySender) -> list[tuple[str, ...]]:
    return [event[1:] for event in sender.events if event[0] == "chord"]


def test_pastes_exactly_once_after_the_hotkey_keys_are_up_and_gives_the_clipboard_back(qtbot, clipboard) -> None:
    clipboard.setText("买家的地址: 杭州市西湖区")
    rig = Rig(clipboard, held=(CTRL, ALT, KEY_1))
    QTimer.singleShot(40, lambda: rig.keyboard.down.clear())  # the agent lets go of Ctrl+Alt+1
    rig.run(qtbot, InsertRequest((GREETING,), tag=7))
    assert rig.target.box == GREETING and rig.target.pastes == 1
    assert rig.target.stray == []  # never a chord while the hotkey was held (Ctrl+Alt+V)
    assert rig.keyboard.released == []  # nothing needed a synthetic key-up
    assert chords(rig.sender) == [("ctrl", "v")]
    assert rig.inserted == [7] and rig.failed == []
    assert clipboard.text() == "买家的地址: 杭州市西湖区"


def test_messages_are_one_paste_joined_by_newlines_unless_send_each(qtbot, clipboard) -> None:
    rig = Rig(clipboard)
    rig.run(qtbot, InsertRequest(("第一条", "第二条\n两行", "第三条"), tag="a"))
    assert rig.target.box == "第一条\n第二条\n两行\n第三条" and rig.target.sent == []
    assert ("tap", "enter", "1") not in rig.sender.events  # no early Enter

    rig = Rig(clipboard, options=PasteOptions(delay_ms=150, restore_delay_ms=5, send_each=True))
    rig.run(qtbot, InsertRequest(("第一条", "第二条\n两行", "第三条"), tag="b"))
    assert rig.target.sent == ["第一条", "第二条\n两行"]  # Enter between messages, not after the last
    assert rig.target.box == "第三条"
    assert rig.inserted == ["b"]


def test_caret_lands_where_the_placeholder_was(qtbot, clipboard) -> None:
    rig = Rig(clipboard)
    rig.run(qtbot, InsertRequest(("您的订单号是 ，请核对",), caret_from_end=4, tag=1))
    assert rig.target.box == "您的订单号是 ，请核对"
    assert rig.target.caret == len("您的订单号是 ")


def test_a_burst_runs_in_order_with_one_backup_and_one_restore(qtbot, clipboard, monkeypatch) -> None:
    clipboard.setText("agent's own text")
    takes: list[object] = []
    original = clipboard_module.ClipboardSnapshot.take.__func__

    def counting_take(cls, board, mode=clipboard_module.QClipboard.Mode.Clipboard, probe=None):
        takes.append(mode)
        return original(cls, board, mode, probe)

    monkeypatch.setattr(clipboard_module.ClipboardSnapshot, "take", classmethod(counting_take))
    rig = Rig(clipboard, fetch_delay_ms=3)  # the target fetches asynchronously, like a real program
    requests = [InsertRequest((f"第{i}条 短语",), tag=i) for i in range(20)]
    with qtbot.waitSignal(rig.pipeline.idle, timeout=10000):
        for request in requests[:10]:
            rig.pipeline.insert(request)
        # more presses arrive while the first ones are being pasted
        QTimer.singleShot(15, lambda: [rig.pipeline.insert(r) for r in requests[10:]])
    assert rig.target.box == "".join(f"第{i}条 短语" for i in range(20))
    assert rig.inserted == list(range(20)) and rig.failed == []
    assert len(takes) == 1 and rig.idles == 1
    assert clipboard.text() == "agent's own text"


def test_a_request_during_the_restore_delay_keeps_the_backup(qtbot, clipboard) -> None:
    clipboard.setText("original")
    rig = Rig(clipboard, options=PasteOptions(delay_ms=150, restore_delay_ms=200))

    def press_again(tag: object) -> None:
        if tag == 1:
            QTimer.singleShot(20, lambda: rig.pipeline.insert(InsertRequest(("二",), tag=2)))

    rig.pipeline.inserted.connect(press_again)
    rig.run(qtbot, InsertRequest(("一",), tag=1))
    assert rig.target.box == "一二" and rig.idles == 1
    assert clipboard.text() == "original"


def test_the_clipboard_is_left_alone_when_the_agent_copied_meanwhile(qtbot, clipboard) -> None:
    clipboard.setText("old")
    rig = Rig(clipboard, options=PasteOptions(delay_ms=150, restore_delay_ms=50))
    rig.pipeline.inserted.connect(lambda _tag: clipboard.setText("the agent copied this"))
    rig.run(qtbot, InsertRequest(("短语",), tag=1))
    assert clipboard.text() == "the agent copied this"


def test_every_format_comes_back_images_included(qtbot, clipboard) -> None:
    image = QImage(8, 6, QImage.Format.Format_RGB32)
    image.fill(QColor(200, 30, 40))
    mime = QMimeData()
    mime.setText("图片说明")
    mime.setHtml("<b>图片</b>")
    mime.setImageData(image)
    mime.setData("application/x-shop-private", QByteArray(b"\x00\x01\xfe"))
    clipboard.setMimeData(mime)
    rig = Rig(clipboard)
    rig.run(qtbot, InsertRequest(("好的",), tag=1))
    back = clipboard.mimeData()
    assert back is not mime
    assert back.text() == "图片说明" and back.html() == "<b>图片</b>"
    assert bytes(back.data("application/x-shop-private").data()) == b"\x00\x01\xfe"
    assert back.hasImage() and QImage(back.imageData()).pixelColor(3, 3) == QColor(200, 30, 40)


def test_an_empty_clipboard_stays_empty(qtbot, clipboard) -> None:
    rig = Rig(clipboard)
    rig.run(qtbot, InsertRequest(("好的",), tag=1))
    assert clipboard.mimeData() is None or clipboard.mimeData().formats() == []


def test_elevated_target_is_refused_with_a_reason(qtbot, clipboard) -> None:
    clipboard.setText("untouched")
    admin = WindowRef(0x400, 777, "AliWorkbench.exe", "千牛 (管理员)", elevated=True)
    rig = Rig(clipboard, windows=(admin,), active=admin.id)
    rig.run(qtbot, InsertRequest(("您好",), tag=3))
    assert rig.inserted == [] and rig.failed[0][0] == 3 and "管理员" in rig.failed[0][1]
    assert rig.sender.events == [] and clipboard.text() == "untouched"

    rig.foreground.elevated_self = True  # both elevated: fine
    rig.run(qtbot, InsertRequest(("您好",), tag=4))
    assert rig.inserted == [4]


def test_unknown_elevation_does_not_block(qtbot, clipboard) -> None:
    unknown = WindowRef(0x401, 778, "AliWorkbench.exe", "千牛", elevated=None)
    rig = Rig(clipboard, windows=(unknown,), active=unknown.id)
    rig.run(qtbot, InsertRequest(("您好",), tag=1))
    assert rig.inserted == [1]


def test_a_closed_target_is_reported(qtbot, clipboard) -> None:
    rig = Rig(clipboard)
    rig.foreground.close(IM.id)
    rig.run(qtbot, InsertRequest(("您好",), tag=5, target=IM))
    assert rig.failed == [(5, "目标窗口已关闭，短语没有粘贴")] and rig.sender.events == []


def test_allow_list(qtbot, clipboard) -> None:
    options = PasteOptions(delay_ms=150, restore_delay_ms=5, allow_list=("AliWorkbench*",))
    rig = Rig(clipboard, windows=(IM, TERMINAL), active=TERMINAL.id, options=options)
    rig.run(qtbot, InsertRequest(("您好",), tag=1), InsertRequest(("您好",), tag=2, target=IM))
    assert [tag for tag, _ in rig.failed] == [1] and "putty.exe" in rig.failed[0][1]
    assert rig.inserted == [2]


def test_a_click_in_the_panel_inserts_into_the_last_external_window(qtbot, clipboard) -> None:
    rig = Rig(clipboard, tracker=True)  # the agent was in the IM window...
    rig.foreground.active_id = PANEL.id  # ...then clicked the panel
    rig.tracker.refresh()
    assert rig.tracker.last_external == IM
    rig.run(qtbot, InsertRequest(("您好",), tag=1))
    assert rig.foreground.activations == [IM.id] and rig.foreground.active_id == IM.id
    assert rig.target.box == "您好" and rig.inserted == [1]


def test_no_target_when_only_our_panel_was_ever_active(qtbot, clipboard) -> None:
    rig = Rig(clipboard, windows=(PANEL,), active=PANEL.id)
    rig.run(qtbot, InsertRequest(("您好",), tag=1))
    assert rig.failed and "输入框" in rig.failed[0][1] and rig.sender.events == []


def test_focus_that_cannot_be_given_back_is_reported(qtbot, clipboard) -> None:
    rig = Rig(clipboard, active=PANEL.id)
    rig.foreground.refuse_focus = True
    rig.run(qtbot, InsertRequest(("您好",), tag=1, target=IM))
    assert rig.failed and "无法切换到目标窗口" in rig.failed[0][1] and rig.sender.events == []


def test_keys_held_too_long_get_released_then_the_paste_goes_out(qtbot, clipboard) -> None:
    rig = Rig(clipboard, held=(CTRL, KEY_1))
    rig.run(qtbot, InsertRequest(("您好",), tag=1))
    assert sorted(rig.keyboard.released) == sorted([CTRL, KEY_1])
    assert rig.target.box == "您好" and rig.target.stray == []


def test_modifiers_pressed_again_before_the_chord_are_released(qtbot, clipboard) -> None:
    rig = Rig(clipboard)
    # The agent presses Ctrl again after the keys-up check but before the chord.
    original = rig.pipeline._prepare

    def press_ctrl_then_prepare() -> None:
        rig.keyboard.down.add(CTRL)
        original()

    rig.pipeline._prepare = press_ctrl_then_prepare
    rig.run(qtbot, InsertRequest(("您好",), tag=1))
    assert rig.keyboard.released == [CTRL] and rig.target.box == "您好"


def test_paste_method_follows_the_rules(qtbot, clipboard) -> None:
    rules = tuple(parse_rules("title:/千牛/ = type"))
    rig = Rig(clipboard, options=PasteOptions(delay_ms=150, restore_delay_ms=5, rules=rules))
    rig.run(
        qtbot,
        InsertRequest(("单行",), tag=1),
        InsertRequest(("两行\n文本",), tag=2),
        InsertRequest(("终端",), tag=3, target=TERMINAL),
    )
    assert ("type", "单行") in rig.sender.events  # typed
    assert chords(rig.sender) == [("ctrl", "v"), ("shift", "insert")]  # multi-line is always pasted
    assert rig.inserted == [1, 2, 3]


def test_a_target_that_never_fetches_is_a_failure_and_the_clipboard_still_comes_back(qtbot, clipboard) -> None:
    # On X11 a paste must fetch the text from us: no fetch means nothing arrived, so the agent is told
    # (and the use is not counted) instead of the phrase silently going nowhere.
    clipboard.setText("keep me")
    rig = Rig(clipboard, fetch=False, options=PasteOptions(delay_ms=80, restore_delay_ms=5))
    rig.run(qtbot, InsertRequest(("您好",), tag=1), InsertRequest(("再见",), tag=2))
    assert rig.inserted == [] and [tag for tag, _ in rig.failed] == [1, 2]
    assert "没有取走" in rig.failed[0][1] and clipboard.text() == "keep me"


def test_a_sender_failure_is_reported_and_the_queue_goes_on(qtbot, clipboard) -> None:
    clipboard.setText("keep me")
    rig = Rig(clipboard)
    rig.sender.fail_with = PlatformUnavailable("XTEST missing")
    rig.pipeline.failed.connect(lambda *_: setattr(rig.sender, "fail_with", None))
    rig.run(qtbot, InsertRequest(("一",), tag=1), InsertRequest(("二",), tag=2))
    assert rig.failed[0][0] == 1 and "无法模拟按键" in rig.failed[0][1]
    assert rig.inserted == [2] and rig.target.box == "二"
    assert clipboard.text() == "keep me"


def test_empty_request_is_refused(qtbot, clipboard) -> None:
    rig = Rig(clipboard)
    rig.run(qtbot, InsertRequest(("", ""), tag=9))
    assert rig.failed == [(9, "短语内容为空，没有粘贴")]


def test_clipboard_placeholder_reads_the_agents_clipboard_during_a_burst(qtbot, clipboard) -> None:
    clipboard.setText("订单 123")
    rig = Rig(clipboard)
    seen: list[str] = []
    rig.pipeline.inserted.connect(lambda _tag: seen.append(rig.pipeline.agent_clipboard_text()))
    rig.run(qtbot, InsertRequest(("一",), tag=1), InsertRequest(("二",), tag=2))
    assert seen == ["订单 123", "订单 123"] and rig.pipeline.agent_clipboard_text() == "订单 123"


def test_shutdown_leaves_qt_made_data_on_the_clipboard(qtbot, clipboard) -> None:
    mime = QMimeData()
    mime.setText("agent")
    mime.setHtml("<i>agent</i>")
    clipboard.setMimeData(mime)
    rig = Rig(clipboard)
    rig.run(qtbot, InsertRequest(("您好",), tag=1))
    restored = clipboard.mimeData()
    rig.pipeline.shutdown()
    assert clipboard.mimeData() is not restored and clipboard.text() == "agent"
    rig.pipeline.shutdown()  # twice is fine
    rig.pipeline.insert(InsertRequest(("不会粘贴",), tag=2))  # closed: ignored
    assert rig.inserted == [1]


def test_windows_payload_uses_crlf_and_stays_out_of_clipboard_history() -> None:
    payload = TextPayload("第一行\n第二行", platform="win32")
    assert payload.text() == "第一行\r\n第二行" and payload.plain == "第一行\n第二行"
    for name, value in WINDOWS_PRIVACY_FORMATS.items():
        assert bytes(payload.data(name).data()) == value
    assert 'application/x-qt-windows-mime;value="CanIncludeInClipboardHistory"' in payload.formats()
    assert TextPayload("a\nb", platform="linux").text() == "a\nb"


def test_payload_counts_fetches_only_when_armed_and_not_our_own_reads(qapp) -> None:
    payload = TextPayload("x")
    payload.text()
    assert payload.fetches == 0
    payload.armed = True
    with payload.quiet():
        payload.text()
    assert payload.fetches == 0
    payload.text()
    assert payload.fetches >= 1


def test_options_from_settings() -> None:
    options = PasteOptions.from_settings(DEFAULTS)
    assert options == PasteOptions(delay_ms=500, restore_delay_ms=150, send_each=False, rules=(), allow_list=())
    custom = PasteOptions.from_settings(
        {
            **DEFAULTS,
            "paste.send_each": True,
            "paste.rules": "process:qq.exe = type",
            "paste.allow_list": "AliWorkbench.exe; jd*.exe",
        }
    )
    assert custom.send_each and custom.rules[0].method == "type"
    assert custom.allow_list == ("AliWorkbench.exe", "jd*.exe")
    broken = PasteOptions.from_settings({**DEFAULTS, "paste.rules": "title:/(/ = type"})
    assert broken.rules == ()


def test_platform_parts_connect_to_nothing_until_used(qapp, monkeypatch) -> None:
    from desktop_assistant.os_integration.foreground import NoForeground, X11Foreground
    from desktop_assistant.os_integration.insertion import pick_insertion_parts
    from desktop_assistant.os_integration.keys import NoKeyboardState, X11KeyboardState

    monkeypatch.delenv("DISPLAY", raising=False)
    keyboard, sender, foreground = pick_insertion_parts("linux")
    assert isinstance(keyboard, NoKeyboardState) and isinstance(foreground, NoForeground)
    keyboard, sender, foreground = pick_insertion_parts("linux", display_name=":987")  # no such server: lazy
    assert isinstance(keyboard, X11KeyboardState) and isinstance(foreground, X11Foreground)
    with pytest.raises(PlatformUnavailable):
        keyboard.held()
    with pytest.raises(PlatformUnavailable):
        pick_insertion_parts("win32")  # Win32Api needs Windows
    pipeline = InsertionPipeline.for_platform(platform="darwin")
    assert pipeline.tracker is not None and pipeline.tracker.parent() is pipeline
    pipeline.shutdown()


def test_without_a_display_the_agent_is_told(qtbot, clipboard, monkeypatch) -> None:
    from desktop_assistant.os_integration.foreground import NoForeground
    from desktop_assistant.os_integration.keys import X11KeyboardState
    from desktop_assistant.os_integration.x11 import X11Connection

    monkeypatch.delenv("DISPLAY", raising=False)
    pipeline = InsertionPipeline(
        X11KeyboardState(X11Connection()), FakeKeySender(), NoForeground(), clipboard, timing=FAST
    )
    failed: list[tuple] = []
    pipeline.failed.connect(lambda tag, reason: failed.append((tag, reason)))
    with qtbot.waitSignal(pipeline.idle, timeout=3000):
        pipeline.insert(InsertRequest(("您好",), tag=1))
    assert failed and failed[0][0] == 1 and "无法模拟按键" in failed[0][1]


def test_x11_keysyms_for_typing() -> None:
    from desktop_assistant.os_integration.keys import char_keysym

    assert char_keysym("a") == ord("a") and char_keysym("é") == 0xE9 and char_keysym("\t") == 0xFF09
    assert char_keysym("好") == 0x01000000 + ord("好") and char_keysym("😀") == 0x01000000 + 0x1F600


def test_a_failing_restore_ends_the_burst_instead_of_looping(qtbot, clipboard, monkeypatch) -> None:
    rig = Rig(clipboard)

    def broken(*_args, **_kwargs):
        raise RuntimeError("clipboard gone")

    monkeypatch.setattr(clipboard_module.ClipboardSnapshot, "restore", broken)
    rig.run(qtbot, InsertRequest(("一",), tag=1))
    assert rig.inserted == [1] and rig.idles == 1 and not rig.pipeline.busy
    rig.run(qtbot, InsertRequest(("二",), tag=2))  # the next burst still works
    assert rig.inserted == [1, 2]
