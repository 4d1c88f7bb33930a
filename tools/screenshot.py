"""Render the panel offscreen to docs/panel.png for the README (needs CJK fonts: fonts-noto-cjk).

python tools/screenshot.py [OUT.png] [--language en]
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtWidgets import QApplication  # noqa: E402

from desktop_assistant.app import Application  # noqa: E402
from desktop_assistant.os_integration.hotkeys.fake import FakeHotkeyBackend  # noqa: E402
from desktop_assistant.paths import Paths  # noqa: E402


def _example_notes(app: Application) -> None:
    """A flagged order with three versions, two promises (one overdue) and an unpaid order."""
    import datetime as dt

    from desktop_assistant.domain.notes import validated_change
    from desktop_assistant.domain.promises import validated_promise

    assert app.store is not None
    now = dt.datetime.now().replace(second=0, microsecond=0)
    notes, promises = app.store.notes, app.store.promises
    for minutes, flag, text, reason in (
        (-50, 1, "赠袜子, 顺丰", ""),
        (-30, 1, "赠袜子, 顺丰, 周五前发", "买家催"),
        (-5, 2, "赠袜子, 改发韵达 (顺丰不到)", "偏远地区"),
    ):
        change = validated_change(
            "3852190467712", flag, text, reason, "1024", "tb_云朵朵", current=notes.current("3852190467712")
        )
        notes.append(change, now + dt.timedelta(minutes=minutes))
    promises.add(
        validated_promise("下午给买家回复到货时间", now + dt.timedelta(minutes=1), "3852190467712", "tb_云朵朵", now),
        "1024",
        now - dt.timedelta(minutes=40),
    )
    app.store.db.execute("UPDATE promises SET due = ? WHERE id = 1", [str(now - dt.timedelta(minutes=12))])
    promises.add(
        validated_promise("明天发顺丰, 送袜子", now + dt.timedelta(hours=20), "3852190467712", "tb_云朵朵", now),
        "1024",
        now,
    )
    promises.add_unpaid("3852200011223", "小熊爱吃鱼", now - dt.timedelta(minutes=20), "1024")
    from desktop_assistant.domain.screening import Profile

    app.store.buyers.save_profile(
        Profile(
            "tb_云朵朵",
            credit=41,
            positive_rate=70.0,
            registered_on=now.date() - dt.timedelta(days=14),
            receiver_name="周杰伦",
            address="浙江省杭州市西湖区文三路100号",
        ),
        "淘宝",
        "",
        "1024",
        now,
    )


def _example_conversations(app: Application) -> None:
    """Today's answered rounds (for 统计) and five buyers waiting at every level (for 会话)."""
    import datetime as dt
    import random

    from desktop_assistant.domain.conversations import BUYER_WROTE, CLOSED, OPENED, REPLIED, Event

    assert app.store is not None
    now = dt.datetime.now().replace(microsecond=0)
    rng = random.Random(4)
    events = []
    start = now.replace(hour=8, minute=30, second=0)
    for n in range(60):  # the day so far: rounds answered in 5 s to 4 min
        at = start + dt.timedelta(minutes=n * max(1, int((now - start).total_seconds() // 60) // 61))
        buyer = f"买家{n:02d}"
        events += [
            Event(at, buyer, OPENED, "千牛", "1024", "window"),
            Event(at + dt.timedelta(seconds=rng.choice([5, 12, 25, 40, 70, 150, 240])), buyer, REPLIED, "千牛", "1024"),
            Event(at + dt.timedelta(seconds=300), buyer, CLOSED, "千牛", "1024", "idle"),
        ]
    for buyer, waited, platform in (
        ("tb_云朵朵", 200, "千牛"),
        ("小熊爱吃鱼", 75, "千牛"),
        ("jd_小王", 40, "京东"),
        ("tb_8899", 12, "旺旺"),
    ):
        events.append(Event(now - dt.timedelta(seconds=waited), buyer, BUYER_WROTE, platform, "1024", "window"))
    events += [
        Event(now - dt.timedelta(seconds=90), "老客户阿花", OPENED, "千牛", "1024", "window"),
        Event(now - dt.timedelta(seconds=80), "老客户阿花", REPLIED, "千牛", "1024", "phrase"),
    ]
    app.store.conversations.record_many(sorted(events, key=lambda e: e.at))
    app.store.conversations.add_question(
        "小熊爱吃鱼", "XL 码的灰色还有货吗", now + dt.timedelta(minutes=3), "1024", now - dt.timedelta(minutes=2)
    )


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("out", nargs="?", default="docs/panel.png")
    parser.add_argument("--language", default="zh_CN")
    parser.add_argument("--tab", type=int, default=0, help="which tab to show (0: 短语)")
    args = parser.parse_args()
    qt_app = QApplication(sys.argv[:1])
    with tempfile.TemporaryDirectory() as tmp:
        app = Application(qt_app, Paths(Path(tmp)), hotkey_backend_factory=lambda _: FakeHotkeyBackend())
        assert app.open_database() and app.store is not None
        app.store.settings.set_many(
            {"agent_name": "小王", "agent_id": "1024", "shop_name": "云朵家居旗舰店", "language": args.language}
        )
        _example_notes(app)
        _example_conversations(app)
        app.build_ui()
        app.show()
        assert app.panel is not None
        app.panel.resize(380, 640)
        app.panel.tabs.setCurrentIndex(args.tab)
        if app.conversations is not None:
            app.conversations.set_active("tb_云朵朵")
        if app.notes is not None:
            app.notes.notes_tab.open_order("3852190467712")
            app.notes.tick()
        if app.buyers is not None:
            app.buyers.lookup("tb_云朵朵")
        for _ in range(5):
            qt_app.processEvents()
        app.panel.grab().save(args.out)
        app.shutdown()
    print(args.out)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
