"""A buyer's chat window of another process comes to the front: the running panel makes that buyer's
conversation active with its timer running; the greeting hotkey answers into that window and the round
closes with its response time recorded in the real database (docs/conversations.md)."""

from __future__ import annotations

import datetime as dt
import time

import pytest
import sqlite_utils

from desktop_assistant.domain.conversations import messages_of
from desktop_assistant.domain.kpi import rounds_of
from desktop_assistant.paths import DB_FILENAME
from desktop_assistant.storage.conversation_store import ConversationStore
from tests.conftest import run_cli
from tests.e2e.conftest import TargetWindow, log_text, panel_on_desktop, require, wait_for, xdotool

pytestmark = pytest.mark.e2e
require("openbox", modules=("tkinter",))


def recorded_events(basedir):
    db = sqlite_utils.Database(basedir / DB_FILENAME)
    try:
        return ConversationStore(db).events_between(dt.datetime(2000, 1, 1), dt.datetime(2100, 1, 1))
    finally:
        db.close()


def test_the_chat_window_in_front_is_the_active_conversation_and_a_phrase_ends_its_round(tmp_path) -> None:
    basedir = tmp_path / "data"
    assert run_cli("--basedir", str(basedir), "config", "set", "agent_id", "A01").returncode == 0
    assert run_cli("--basedir", str(basedir), "config", "set", "shop_name", "云朵家居旗舰店").returncode == 0
    with panel_on_desktop(tmp_path, basedir, ready="global hotkeys active") as display:
        target = TargetWindow(display, tmp_path, title="与 小熊 交谈中")
        try:
            wait_for(lambda: "active conversation: 小熊" in log_text(basedir), timeout=10)
            opened_at = time.monotonic()
            wait_for(lambda: xdotool(display, "getactivewindow").stdout.strip() not in ("", "0"), timeout=10)
            time.sleep(1.5)  # the buyer waits a little
            xdotool(display, "key", "ctrl+alt+1")
            wait_for(lambda: "云朵家居旗舰店" in target.content(), timeout=10)
            wait_for(lambda: "conversation 小熊: replied (phrase)" in log_text(basedir), timeout=10)
            answered_after = time.monotonic() - opened_at
        finally:
            target.stop()
    recorded = recorded_events(basedir)  # the panel has exited: read the file it left
    assert [(e.buyer, e.kind, e.source, e.agent_id) for e in recorded] == [
        ("小熊", "opened", "window", "A01"),
        ("小熊", "replied", "phrase", "A01"),
    ]
    (round_,) = rounds_of(messages_of(recorded))
    assert 1.5 <= round_.response_s <= answered_after + 1.0
