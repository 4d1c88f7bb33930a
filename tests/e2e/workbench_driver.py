"""Drives tests/e2e/fake_workbench.py (the fake 千牛 接待中心) from a test or a benchmark."""

from __future__ import annotations

from desktop_assistant.domain.reading import Region, Regions, format_regions
from tests.e2e import fake_workbench as layout
from tests.e2e.conftest import E2E_DIR, LineProcess


class FakeWorkbench:
    """The fake in its own process on `display`. Every command returns once the fake has drawn it."""

    def __init__(self, display: str, x: int = 60, y: int = 40) -> None:
        self.proc = LineProcess([str(E2E_DIR / "fake_workbench.py"), "--x", str(x), "--y", str(y)], display)
        ready = self.proc.expect("ready")
        self.window, self.pid = int(ready["window"]), int(ready["pid"])

    # The regions a calibration of this layout gives (client-area pixels).
    regions = Regions(Region(*layout.LIST_REGION), Region(*layout.HEADER_REGION), Region(*layout.MESSAGES_REGION))
    title, seller, process = layout.TITLE, layout.SELLER, layout.PROCESS
    first_buyers = layout.FIRST_BUYERS

    def regions_setting(self, client: str = "千牛") -> str:
        """The value of the setting reader.regions for this layout."""
        return format_regions({client: self.regions})

    def _do(self, command: str) -> None:
        self.proc.send(command)
        self.proc.expect("done", command=command.split(" ", 1)[0])

    def buyer(self, nick: str, text: str, clock: str = "") -> None:
        """A buyer message, printed with `clock` (HH:MM:SS) when given, else with the time it is drawn."""
        self._do(f"wrote {clock} {nick} {text}" if clock else f"buyer {nick} {text}")

    def agent(self, text: str) -> None:
        self._do(f"agent {text}")

    def switch(self, nick: str) -> None:
        self._do(f"switch {nick}")

    def badge(self, nick: str, count: int) -> None:
        self._do(f"badge {nick} {count}")

    def scroll(self, messages: int) -> None:
        self._do(f"scroll {messages}")

    def move(self, x: int, y: int) -> None:
        self._do(f"move {x} {y}")

    def clear_input(self) -> None:
        self._do("clear")

    def input_text(self) -> str:
        self.proc.send("input")
        return self.proc.expect("input")["text"]

    def stop(self) -> int:
        return self.proc.stop("quit")
