"""Fakes of the insertion pipeline's OS parts, for tests: keyboard state, key sender, foreground
window, and a target window that pastes from the (offscreen) QClipboard like a real program would."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QTimer
from PySide6.QtGui import QClipboard, QGuiApplication

from desktop_assistant.os_integration.foreground import Foreground, WindowRef
from desktop_assistant.os_integration.keys import KeyboardState, KeySender

CTRL, ALT, SHIFT, KEY_1 = 37, 64, 50, 10  # X11-like key codes, for readable tests
MODIFIER_CODES = frozenset({CTRL, ALT, SHIFT, 133})


class FakeKeyboardState(KeyboardState):
    def __init__(self, held: Iterable[int] = ()) -> None:
        self.down: set[int] = set(held)
        self.released: list[int] = []
        self.queries = 0

    def held(self) -> frozenset[int]:
        self.queries += 1
        return frozenset(self.down)

    def is_modifier(self, code: int) -> bool:
        return code in MODIFIER_CODES

    def release(self, codes: Iterable[int]) -> None:
        for code in codes:
            self.down.discard(code)
            self.released.append(code)


class FakeTarget:
    """An input box: paste reads our clipboard (a fetch the pipeline sees), Enter sends the box,
    Left moves the caret. `fetch_delay_ms` makes the paste asynchronous like a real program;
    `fetch=False` never reads the clipboard (a program that ignores the chord)."""

    def __init__(self, *, fetch_delay_ms: int | None = None, fetch: bool = True, clipboard=None) -> None:
        self.clipboard = clipboard  # None: the application's QClipboard
        self.box = ""
        self.caret = 0
        self.sent: list[str] = []
        self.pastes = 0
        self.fetch_delay_ms = fetch_delay_ms
        self.fetch = fetch
        self.stray: list[str] = []  # chords that arrived while other keys were held

    def paste(self, selection: bool = False) -> None:
        if not self.fetch:
            return
        if self.fetch_delay_ms is None:
            self._read(selection)
        else:
            QTimer.singleShot(self.fetch_delay_ms, lambda: self._read(selection))

    def _read(self, selection: bool) -> None:
        clipboard = self.clipboard or QGuiApplication.clipboard()
        mime = clipboard.mimeData(QClipboard.Mode.Selection if selection else QClipboard.Mode.Clipboard)
        self.insert(mime.text().replace("\r\n", "\n") if mime is not None else "")
        self.pastes += 1

    def insert(self, text: str) -> None:
        self.box = self.box[: self.caret] + text + self.box[self.caret :]
        self.caret += len(text)

    def enter(self) -> None:
        self.sent.append(self.box)
        self.box, self.caret = "", 0

    def left(self) -> None:
        self.caret = max(0, self.caret - 1)


class FakeKeySender(KeySender):
    """Records what was sent; drives a FakeTarget when given one."""

    def __init__(self, target: FakeTarget | None = None, keyboard: FakeKeyboardState | None = None) -> None:
        self.target = target
        self.keyboard = keyboard
        self.events: list[tuple[str, ...]] = []
        self.fail_with: Exception | None = None

    def _check(self) -> None:
        if self.fail_with is not None:
            raise self.fail_with

    def chord(self, *names: str) -> None:
        self._check()
        self.events.append(("chord", *names))
        if self.target is None:
            return
        if self.keyboard is not None and self.keyboard.down:
            self.target.stray.append("+".join(names))  # e.g. Ctrl+Alt+V: the target would not paste
            return
        if names in (("ctrl", "v"), ("cmd", "v")):
            self.target.paste()
        elif names == ("shift", "insert"):
            self.target.paste(selection=QGuiApplication.clipboard().supportsSelection())

    def tap(self, name: str, times: int = 1) -> None:
        self._check()
        self.events.append(("tap", name, str(times)))
        if self.target is None:
            return
        for _ in range(times):
            if name == "enter":
                self.target.enter()
            elif name == "left":
                self.target.left()

    def type_text(self, text: str) -> None:
        self._check()
        self.events.append(("type", text))
        if self.target is not None:
            self.target.insert(text)


class FakeForeground(Foreground):
    """Windows by id; `activate` moves focus (unless `refuse_focus`), `close(id)` makes one vanish."""

    def __init__(self, *windows: WindowRef, active: int | None = None) -> None:
        self._windows: dict[int, WindowRef] = {w.id: w for w in windows}
        self.active_id = active if active is not None else (windows[0].id if windows else None)
        self.refuse_focus = False
        self.elevated_self = False
        self.activations: list[int] = []
        self.focus_taken: list[int] = []  # our own windows that asked for the keyboard

    def windows(self) -> list[WindowRef]:
        return list(self._windows.values())

    def take_focus(self, window_id: int) -> bool:
        self.focus_taken.append(window_id)
        return False

    def active(self) -> WindowRef | None:
        return self._windows.get(self.active_id) if self.active_id is not None else None

    def exists(self, ref: WindowRef) -> bool:
        return ref.id in self._windows

    def activate(self, ref: WindowRef) -> bool:
        self.activations.append(ref.id)
        if self.refuse_focus or ref.id not in self._windows:
            return False
        self.active_id = ref.id
        return True

    def close(self, window_id: int) -> None:
        self._windows.pop(window_id, None)
        if self.active_id == window_id:
            self.active_id = None

    def self_elevated(self) -> bool:
        return self.elevated_self
