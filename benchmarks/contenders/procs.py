"""/proc helpers and the parts of a contender that do not depend on which program it is."""

from __future__ import annotations

import os
import signal
import subprocess
from pathlib import Path


def status_kb(pid: int) -> dict[str, int]:
    """VmRSS, VmHWM (peak), RssAnon, RssFile, RssShmem of one process, in kB ({} once it is gone)."""
    out: dict[str, int] = {}
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            key, _, value = line.partition(":")
            if key in ("VmRSS", "VmHWM", "RssAnon", "RssFile", "RssShmem"):
                out[key] = int(value.split()[0])
    except (FileNotFoundError, ProcessLookupError, PermissionError):
        pass
    return out


def process_tree(root_pid: int) -> list[int]:
    """root_pid and all its descendants, from /proc (children first found through each process's ppid)."""
    children: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except (FileNotFoundError, ProcessLookupError, PermissionError):
            continue
        ppid = int(stat.rsplit(")", 1)[1].split()[1])
        children.setdefault(ppid, []).append(int(entry.name))
    tree, todo = [], [root_pid]
    while todo:
        pid = todo.pop()
        tree.append(pid)
        todo.extend(children.get(pid, []))
    return tree


def end_group(process: subprocess.Popen) -> None:
    """SIGTERM, then SIGKILL, to what is left of the process group (start_new_session: only what we started)."""
    for sig in (signal.SIGTERM, signal.SIGKILL):
        try:
            os.killpg(process.pid, sig)
        except ProcessLookupError:
            break
        try:
            process.wait(timeout=5)
        except subprocess.TimeoutExpired:
            continue


def comm(pid: int) -> str:
    try:
        return Path(f"/proc/{pid}/comm").read_text().strip()
    except (FileNotFoundError, ProcessLookupError):
        return "?"


class ProcessTreeContender:
    """Triggering by xdotool and measuring the whole process tree: the same for every contender.
    Subclasses set `self.process` (the launched Popen), `self.display` and `self.hotkey`."""

    process: subprocess.Popen | None
    display: str
    hotkey: str

    def trigger(self) -> None:
        subprocess.run(["xdotool", "key", self.hotkey], env={**os.environ, "DISPLAY": self.display}, check=True)

    def rss_mb(self) -> float:
        return sum(self.rss_breakdown().values()) / 1024

    def rss_breakdown(self) -> dict[str, int]:
        """kB of resident memory per process name of the tree."""
        if self.process is None or self.process.poll() is not None:
            return {}
        out: dict[str, int] = {}
        for pid in process_tree(self.process.pid):
            name = comm(pid)
            out[name] = out.get(name, 0) + status_kb(pid).get("VmRSS", 0)
        return out
