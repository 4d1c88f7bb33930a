"""A tiny stand-alone target for the insertion benchmarks: one multi-line text box that reports its changes.

    python benchmarks/target_window.py LOG_FILE [--title bench-target]

Tk, not Qt, so that the target stays light (about 20 MB, shown in ~0.1 s) and never dominates a measurement.
The window (title "bench-target" by default) holds one Text widget that has the keyboard focus; Ctrl+V pastes
the CLIPBOARD (UTF8_STRING, so Chinese works) through Tk's standard bindings.

Every change of the text appends one JSON line to LOG_FILE, written and flushed at once:

    {"event": "change", "t": time.time(), "mono": time.monotonic(), "text": "..."}

`mono` is CLOCK_MONOTONIC, the same clock for every process of the machine, so a driver can subtract its own
time.monotonic() from it. Other events: {"event": "ready", "window": <X id of the top-level window>, ...} once the
window is mapped and focused, and {"event": "cleared", ...} after a `clear` command.

Commands arrive one per line on standard input: `clear` empties the box (reported as "cleared", not "change"),
`focus` gives the box the focus again, `quit` closes the window. End of input closes it too.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
import tkinter as tk


class Target:
    def __init__(self, log_path: str, title: str) -> None:
        self.log = open(log_path, "a", encoding="utf-8")  # noqa: SIM115 - kept open for the window's life
        self.root = tk.Tk(className="bench-target")
        self.root.title(title)
        self.root.geometry("640x360+40+40")
        self.text = tk.Text(self.root, wrap="char", undo=False, font=("TkFixedFont", 12))
        self.text.pack(fill="both", expand=True)
        self.text.bind("<<Modified>>", self._modified)
        self._last = ""
        self._silent = False
        self._pending = b""
        self.root.tk.createfilehandler(sys.stdin.fileno(), tk.READABLE, self._command)
        self.root.protocol("WM_DELETE_WINDOW", self.root.destroy)
        self._announced = False
        self.root.bind("<Map>", self._ready)

    def _write(self, event: str, **fields) -> None:
        record = {"event": event, "t": time.time(), "mono": time.monotonic(), **fields}
        self.log.write(json.dumps(record, ensure_ascii=False) + "\n")
        self.log.flush()

    def _ready(self, event) -> None:
        if event.widget is not self.root or self._announced:
            return
        self._announced = True
        self.text.focus_force()
        self._write("ready", window=int(self.root.wm_frame(), 16), pid=os.getpid())

    def _modified(self, _event=None) -> None:
        # <<Modified>> fires when the flag goes from false to true: read the text, then re-arm the flag.
        content = self.text.get("1.0", "end-1c")
        self.text.edit_modified(False)
        if self._silent or content == self._last:
            return
        self._last = content
        self._write("change", text=content)

    def _command(self, fd: int, _mask) -> None:
        chunk = os.read(fd, 4096)
        if not chunk:
            self.root.destroy()
            return
        self._pending += chunk
        while b"\n" in self._pending:
            line, self._pending = self._pending.split(b"\n", 1)
            command = line.decode().strip()
            if command == "clear":
                self._silent = True
                self.text.delete("1.0", "end")
                self.text.edit_modified(False)
                self._silent = False
                self._last = ""
                self._write("cleared", text="")
            elif command == "focus":
                self.text.focus_force()
                self._write("focused")
            elif command == "quit":
                self.root.destroy()

    def run(self) -> None:
        try:
            self.root.mainloop()
        finally:
            self.log.close()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("log", help="file that receives one JSON line per change")
    parser.add_argument("--title", default="bench-target")
    args = parser.parse_args()
    Target(args.log, args.title).run()
    return 0


if __name__ == "__main__":
    sys.exit(main())
