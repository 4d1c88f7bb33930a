"""A target text window in its own process, like the IM client's input box (Tk, not Qt).

    python target_app.py CONTENT_FILE EVENTS_FILE [--title TITLE]

Takes focus at start. After every change of its text it rewrites CONTENT_FILE atomically with the
exact content (UTF-8) and appends a JSON line {"t": monotonic, "len": n} to EVENTS_FILE; every key
press that reaches it is appended as {"t", "key": keysym, "state"}. Prints "ready <window id>" on
stdout once mapped and focused. Clears its text when it receives the line "clear" on stdin.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import threading
import time
import tkinter as tk


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("content_file")
    parser.add_argument("events_file")
    parser.add_argument("--title", default="目标窗口")
    args = parser.parse_args()

    root = tk.Tk()
    root.title(args.title)
    root.geometry("600x400+100+100")
    text = tk.Text(root, undo=False)
    text.pack(fill="both", expand=True)
    events = open(args.events_file, "a", encoding="utf-8", buffering=1)
    last = [None]

    def log(**fields) -> None:
        events.write(json.dumps({"t": time.monotonic(), **fields}, ensure_ascii=False) + "\n")

    def save() -> None:
        content = text.get("1.0", "end-1c")  # Tk always keeps one trailing newline of its own
        if content == last[0]:
            return
        last[0] = content
        tmp = args.content_file + ".tmp"
        with open(tmp, "w", encoding="utf-8", newline="") as handle:
            handle.write(content)
        os.replace(tmp, args.content_file)
        log(len=len(content))

    def on_modified(_event=None) -> None:
        if text.edit_modified():
            save()
            text.edit_modified(False)

    def on_key(event) -> None:
        log(key=event.keysym, state=event.state)

    def poll() -> None:  # a safety net: <<Modified>> is the fast path
        save()
        root.after(50, poll)

    text.bind("<<Modified>>", on_modified)
    text.bind("<KeyPress>", on_key, add="+")
    commands: list[str] = []

    def read_stdin() -> None:
        for line in sys.stdin:
            commands.append(line.strip())

    def run_commands() -> None:
        while commands:
            if commands.pop(0) == "clear":
                text.delete("1.0", "end")
                save()
                print("cleared", flush=True)
        root.after(20, run_commands)

    threading.Thread(target=read_stdin, daemon=True).start()

    def announce() -> None:
        text.focus_force()
        save()
        print(f"ready {int(root.wm_frame(), 16)}", flush=True)

    root.after(20, poll)
    root.after(20, run_commands)
    root.after(200, announce)
    root.mainloop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
