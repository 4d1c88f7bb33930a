"""A fake 千牛 9.x 接待中心 (reception window) in its own process, for reading tests (docs/reading.md).

    python fake_workbench.py [--x X] [--y Y]

Laid out like 千牛 9.x at a fixed size: the conversation list on the left (avatar, nick, last message,
red unread badge with a number), the chat header with the buyer's nick, the message area with buyer
bubbles on the left and the agent's on the right, each under a small HH:MM:SS time line, and a real
input box that accepts paste. Title `小店:小美-接待中心`; the process is `AliWorkbench.exe` as the
title rules expect (argv[0] and /proc/PID/comm, see foreground.process_name).

Commands, one per line on stdin; each is answered with one JSON line on stdout once drawn:
    buyer NICK TEXT      a buyer message (a badge on the row when NICK is not the open conversation)
    wrote HH:MM:SS NICK TEXT   the same, printed with that time (a message written before anyone looked)
    agent TEXT           the agent's message in the open conversation
    switch NICK          open NICK's conversation (its badge goes)
    badge NICK N         set NICK's unread badge (0 hides it)
    scroll N             scroll the open conversation up by N messages (0: back to the newest)
    move X Y             move the window
    input                reply {"event": "input", "text": <the input box's text>}
    clear                empty the input box
    quit
Prints {"event": "ready", "window": <X11 window id>, "pid": <pid>} once shown.
Nothing here imports desktop_assistant: the fake is another program, as 千牛 is.
"""

from __future__ import annotations

import ctypes
import datetime as dt
import json
import os
import sys
import threading

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPainterPath

TITLE = "小店:小美-接待中心"
SELLER = "小店:小美"
PROCESS = "AliWorkbench.exe"
WIDTH, HEIGHT = 1000, 700
LIST_W = 240  # the conversation list
ROW_H = 64
HEADER_H = 56
INPUT_H = 140
# The regions a calibration would give, in client-area pixels: list, header, messages.
LIST_REGION = (0, 0, LIST_W, HEIGHT)
HEADER_REGION = (LIST_W, 0, WIDTH - LIST_W, HEADER_H)
MESSAGES_REGION = (LIST_W, HEADER_H, WIDTH - LIST_W, HEIGHT - HEADER_H - INPUT_H)
FIRST_BUYERS = ("小熊爱吃鱼2023", "jd_小王", "tb_12345678", "倪好数码:小柒")

FONT = "Noto Sans CJK SC"
BG_LIST, BG_ACTIVE_ROW, BG_CHAT = "#f4f5f7", "#e3e8f0", "#f5f5f5"
BUYER_FILL, AGENT_FILL, BADGE = "#ffffff", "#cde6ff", "#f5222d"


def become_workbench() -> None:
    """Re-exec with argv[0] = AliWorkbench.exe, then name the thread so /proc comm matches (Linux)."""
    if not sys.platform.startswith("linux"):
        return
    with open("/proc/self/cmdline", "rb") as cmdline:  # sys.argv[0] is the script, not the exec'd name
        if cmdline.read().split(b"\0")[0] != PROCESS.encode():
            os.execv(sys.executable, [PROCESS, os.path.abspath(__file__), *sys.argv[1:]])
    ctypes.CDLL(None).prctl(15, PROCESS.encode()[:15], 0, 0, 0)  # PR_SET_NAME keeps 15 bytes


class Conversation:
    def __init__(self, nick: str) -> None:
        self.nick = nick
        self.badge = 0
        self.messages: list[tuple[str, str, str]] = []  # (side "buyer"/"agent", text, HH:MM:SS)


def font(px: int, bold: bool = False) -> QFont:
    f = QFont(FONT)
    f.setPixelSize(px)
    f.setBold(bold)
    return f


class Workbench:
    """The state of the fake and how it is drawn (the window paints it; unit tests paint it offscreen)."""

    def __init__(self) -> None:
        self.conversations = [Conversation(nick) for nick in FIRST_BUYERS]
        self.active = self.conversations[0]
        self.scrolled = 0  # messages hidden at the bottom: the agent scrolled up to read history

    def find(self, nick: str) -> Conversation:
        for conversation in self.conversations:
            if conversation.nick == nick:
                return conversation
        conversation = Conversation(nick)
        self.conversations.insert(0, conversation)
        return conversation

    def buyer(self, nick: str, text: str, clock: str) -> None:
        conversation = self.find(nick)
        conversation.messages.append(("buyer", text, clock))
        if conversation is self.active and self.scrolled:
            self.scrolled += 1
        if conversation is not self.active:
            conversation.badge += 1

    def agent(self, text: str, clock: str) -> None:
        if self.scrolled:
            self.scrolled += 1  # a scrolled-up view stays where it is
        self.active.messages.append(("agent", text, clock))

    def switch(self, nick: str) -> None:
        self.scrolled = 0
        self.active = self.find(nick)
        self.active.badge = 0

    def paint(self, p: QPainter) -> None:
        p.setRenderHint(QPainter.Antialiasing)
        p.fillRect(QRect(*LIST_REGION), QColor(BG_LIST))
        for index, conversation in enumerate(self.conversations):
            self.paint_row(p, conversation, index * ROW_H)
        p.fillRect(QRect(*HEADER_REGION), QColor("#ffffff"))
        p.setPen(QColor("#e6e6e6"))
        p.drawLine(LIST_W, HEADER_H - 1, WIDTH, HEADER_H - 1)
        p.setPen(QColor("#1f1f1f"))
        p.setFont(font(16, bold=True))
        p.drawText(QRect(LIST_W + 20, 0, 400, HEADER_H), Qt.AlignVCenter | Qt.AlignLeft, self.active.nick)
        p.setFont(font(12))
        p.setPen(QColor("#8c8c8c"))
        p.drawText(QRect(WIDTH - 180, 0, 160, HEADER_H), Qt.AlignVCenter | Qt.AlignRight, "转交  ·  更多")
        self.paint_messages(p)

    def paint_row(self, p: QPainter, conversation: Conversation, top: int) -> None:
        if conversation is self.active:
            p.fillRect(QRect(0, top, LIST_W, ROW_H), QColor(BG_ACTIVE_ROW))
        p.setPen(Qt.NoPen)
        p.setBrush(QColor("#9bb7d4"))
        p.drawEllipse(12, top + 12, 40, 40)
        p.setPen(QColor("#1f1f1f"))
        p.setFont(font(14))
        p.drawText(QRect(62, top + 10, 150, 22), Qt.AlignVCenter | Qt.AlignLeft, conversation.nick)
        last = conversation.messages[-1][1] if conversation.messages else ""
        p.setPen(QColor("#8c8c8c"))
        p.setFont(font(12))
        p.drawText(
            QRect(62, top + 34, 130, 20),
            Qt.AlignVCenter | Qt.AlignLeft,
            QFontMetrics(font(12)).elidedText(last, Qt.ElideRight, 130),
        )
        if conversation.badge:
            text = str(conversation.badge) if conversation.badge < 100 else "99+"
            width = max(20, QFontMetrics(font(11, True)).horizontalAdvance(text) + 10)
            rect = QRect(LIST_W - 14 - width, top + 22, width, 20)
            p.setPen(Qt.NoPen)
            p.setBrush(QColor(BADGE))
            p.drawRoundedRect(rect, 10, 10)
            p.setPen(QColor("#ffffff"))
            p.setFont(font(11, bold=True))
            p.drawText(rect, Qt.AlignCenter, text)

    def paint_messages(self, p: QPainter) -> None:
        x0, y0, w, h = MESSAGES_REGION
        p.fillRect(QRect(*MESSAGES_REGION), QColor(BG_CHAT))
        p.save()
        p.setClipRect(QRect(*MESSAGES_REGION))
        metrics = QFontMetrics(font(14))
        bottom = y0 + h - 12
        shown = self.active.messages[: len(self.active.messages) - self.scrolled]
        for side, text, clock in reversed(shown):  # newest at the bottom
            box = metrics.boundingRect(QRect(0, 0, 420, 10000), Qt.TextWordWrap, text)
            bw, bh = box.width() + 24, box.height() + 18
            bx = x0 + 64 if side == "buyer" else x0 + w - 64 - bw
            by = bottom - bh
            path = QPainterPath()
            path.addRoundedRect(bx, by, bw, bh, 6, 6)
            p.fillPath(path, QColor(BUYER_FILL if side == "buyer" else AGENT_FILL))
            p.setPen(QColor("#1f1f1f"))
            p.setFont(font(14))
            p.drawText(QRect(bx + 12, by + 9, bw - 24, bh - 18), Qt.TextWordWrap, text)
            p.setPen(QColor("#999999"))
            p.setFont(font(11))
            align = Qt.AlignLeft if side == "buyer" else Qt.AlignRight
            p.drawText(QRect(x0 + 64, by - 20, w - 128, 16), align | Qt.AlignVCenter, clock)
            bottom = by - 28
            if bottom < y0:
                break
        p.setPen(Qt.NoPen)
        p.setBrush(Qt.NoBrush)
        p.restore()


def main() -> int:
    become_workbench()
    import argparse

    from PySide6.QtCore import QObject, Signal
    from PySide6.QtWidgets import QApplication, QPlainTextEdit, QWidget

    parser = argparse.ArgumentParser()
    parser.add_argument("--x", type=int, default=60)
    parser.add_argument("--y", type=int, default=40)
    args = parser.parse_args(sys.argv[1:])
    app = QApplication([PROCESS])
    scene = Workbench()

    class Window(QWidget):
        def __init__(self) -> None:
            super().__init__()
            self.setWindowTitle(TITLE)
            self.setFixedSize(WIDTH, HEIGHT)
            self.input = QPlainTextEdit(self)
            self.input.setGeometry(LIST_W, HEIGHT - INPUT_H, WIDTH - LIST_W, INPUT_H)
            self.input.setFont(font(14))
            self.input.setStyleSheet(
                "QPlainTextEdit { border: none; border-top: 1px solid #dcdcdc; background: #ffffff; }"
            )

        def paintEvent(self, _event) -> None:
            p = QPainter(self)
            scene.paint(p)
            p.end()

    class Bridge(QObject):
        command = Signal(str)

    window = Window()
    window.move(args.x, args.y)

    def reply(**fields) -> None:
        print(json.dumps(fields, ensure_ascii=False), flush=True)

    def run(line: str) -> None:
        verb, _, rest = line.strip().partition(" ")
        now = dt.datetime.now().strftime("%H:%M:%S")
        if verb == "wrote":
            now, _, rest = rest.partition(" ")
        if verb in ("buyer", "wrote"):
            nick, _, text = rest.partition(" ")
            scene.buyer(nick, text, now)
        elif verb == "agent":
            scene.agent(rest, now)
        elif verb == "switch":
            scene.switch(rest.strip())
        elif verb == "scroll":
            scene.scrolled = int(rest)
        elif verb == "badge":
            nick, _, count = rest.partition(" ")
            scene.find(nick).badge = int(count)
        elif verb == "move":
            x, y = (int(v) for v in rest.split())
            window.move(x, y)
        elif verb == "input":
            reply(event="input", text=window.input.toPlainText())
            return
        elif verb == "clear":
            window.input.clear()
        elif verb == "quit":
            reply(event="done", command=verb)
            app.quit()
            return
        else:
            reply(event="error", line=line)
            return
        window.repaint()  # drawn before the reply
        app.processEvents()
        reply(event="done", command=verb)

    bridge = Bridge()
    bridge.command.connect(run, Qt.QueuedConnection)

    def read_stdin() -> None:
        for line in sys.stdin:  # nothing is emitted after "quit" (a late signal can crash the teardown)
            if line.strip():
                bridge.command.emit(line)
            if line.strip() == "quit":
                return
        bridge.command.emit("quit")

    window.show()
    handle = window.windowHandle()
    while not handle.isExposed():  # mapped and drawn before anyone looks
        app.processEvents()
    window.repaint()
    app.processEvents()
    threading.Thread(target=read_stdin, daemon=True).start()
    reply(event="ready", window=int(window.winId()), pid=os.getpid())
    return app.exec()


if __name__ == "__main__":
    raise SystemExit(main())
