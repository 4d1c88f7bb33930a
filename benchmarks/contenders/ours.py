"""Our app, the real panel (`desktop_assistant`), as a benchmark contender (the Contender protocol of measure.py).

Unlike benchmarks/insertion.py (which drives the insertion pipeline inside tests/e2e/insertion_driver.py), this
starts the whole application exactly as an agent does, only with its data in a throw-away folder:

    python -m desktop_assistant --basedir BASEDIR        (or the frozen build: dist/desktop-assistant/desktop-assistant)

with DISPLAY set and QT_QPA_PLATFORM=xcb, so the app picks its X11 XGrabKey hotkey backend (pick(): `x11` on Linux
with DISPLAY), the real clipboard and the real key sender. `sys.executable` is used rather than a `python3` found on
PATH: on this machine `python3` is a pyenv shim (a shell script) that alone adds ~50 ms to every start.

Configuration (setup(), untimed), done with the app's own command line, the way an agent's admin would:

    desktop-assistant --basedir TEMPLATE phrases import bench.json --on-conflict replace
    desktop-assistant --basedir TEMPLATE config set agent_name 小王
    desktop-assistant --basedir TEMPLATE config set shop_name 云朵家居旗舰店

The first command opens the database, which installs the default library (70 phrases) first; bench.json then
replaces the default greeting (code `hy`, the phrase that has ctrl+alt+1) with the benchmark's literal two-line
text (no placeholders, the same text AutoKey pastes). setup() checks with `phrases list --json` that exactly one
phrase has the hotkey and that it holds exactly that text. Every start gets a fresh copy of TEMPLATE, made
before the clock starts (in setup() and after each stop()): a new folder with the database, no window geometry
and no previous log, i.e. the agent's second start of the day minus the file cache, which the runner warms.

ready(): the app logs "panel shown" (app.run(), after Application.show()) and, since commit 82badb7,
"global hotkeys active (x11)" when HotkeyService reports the state (before that it logged only "unavailable").
The grab itself is synchronous inside show(): X11GrabBackend.start() calls XGrabKey
and display.sync() before "panel shown" is written. So ready() needs "panel shown" and then:
  - "global hotkeys active" in the log -> ready (signal "log");
  - "global hotkeys unavailable/partial" or "not grabbed" in the log -> not ready;
  - neither (a build that does not log the state) -> a probe: XGrabKey of the same combo from our own X
    connection. BadAccess means another client (the app: nothing else runs) holds it -> ready (signal "probe").
    Had the grab succeeded, it is released at once. The probe only runs after "panel shown", i.e. after the app
    has grabbed, so it can never take the combo from under the app's own grab.
start_to_first_phrase (measure.py) does not rely on ready() at all: it presses the hotkey from the launch on.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Sequence
from pathlib import Path

from contenders.measure import HOTKEY, PHRASE
from contenders.procs import ProcessTreeContender, end_group, status_kb

LOG_RELATIVE = Path("logs") / "desktop_assistant.log"
PHRASE_CODE = "hy"  # the default library's greeting (resources/phrases/default.json), which has ctrl+alt+1
AGENT = "小王"
SHOP = "云朵家居旗舰店"


def python_command() -> list[str]:
    return [sys.executable, "-m", "desktop_assistant"]


class GrabProbe:
    """Is `hotkey` (xdotool spelling, "ctrl+alt+1") passively grabbed on the root window by some client?"""

    def __init__(self, display: str, hotkey: str) -> None:
        from Xlib import XK
        from Xlib import display as xdisplay

        self._display = xdisplay.Display(display)
        *mods, key = hotkey.split("+")
        self._keycode = self._display.keysym_to_keycode(XK.string_to_keysym(key))
        masks = self._modifier_masks()
        self._mask = 0
        for mod in mods:
            self._mask |= masks[mod.lower()]

    def _modifier_masks(self) -> dict[str, int]:
        from Xlib import XK, X

        names = {"shift": X.ShiftMask, "ctrl": X.ControlMask}
        wanted = {"alt": ("Alt_L", "Alt_R", "Meta_L"), "super": ("Super_L", "Super_R")}
        for index, keycodes in enumerate(self._display.get_modifier_mapping()):
            syms = {self._display.keycode_to_keysym(code, 0) for code in keycodes if code}
            for name, keysyms in wanted.items():
                if name not in names and syms & {XK.string_to_keysym(k) for k in keysyms}:
                    names[name] = 1 << index
        names["control"] = names["ctrl"]
        return names

    def held_by_another_client(self) -> bool:
        from Xlib import X, error

        root = self._display.screen().root
        catcher = error.CatchError(error.BadAccess)
        root.grab_key(self._keycode, self._mask, False, X.GrabModeAsync, X.GrabModeAsync, onerror=catcher)
        self._display.sync()
        if catcher.get_error() is not None:
            return True
        root.ungrab_key(self._keycode, self._mask)  # ours, for the microseconds of the probe: give it back
        self._display.sync()
        return False

    def close(self) -> None:
        self._display.close()


class OursContender(ProcessTreeContender):
    """The desktop_assistant panel inserting one phrase on one global hotkey (X11 grab, paste by Ctrl+V)."""

    def __init__(
        self,
        phrase_text: str = PHRASE,
        hotkey: str = HOTKEY,
        command: Sequence[str] | None = None,
        name: str = "desktop_assistant",
    ) -> None:
        self.phrase_text = phrase_text
        self.hotkey = hotkey
        self.command = list(command or python_command())
        self.name = name
        self.workdir: Path | None = None
        self.template: Path | None = None
        self.basedir: Path | None = None
        self.display = ""
        self.process: subprocess.Popen | None = None
        self.ready_signal: str | None = None  # "log" or "probe", once ready() said yes
        self.problem = ""
        self._next: Path | None = None
        self._runs = 0
        self._log_offset = 0
        self._seen = ""
        self._is_ready = False
        self._probe: GrabProbe | None = None
        self._out = None
        self.launched_wall = 0.0

    # ---- configuration (untimed) ---------------------------------------------------------------------------------
    def _cli(self, *args: str) -> str:
        assert self.template is not None
        result = subprocess.run(
            [*self.command, "--basedir", str(self.template), *args],
            capture_output=True,
            text=True,
            encoding="utf-8",
            env=self._env(""),
            timeout=120,
        )
        if result.returncode != 0:
            raise RuntimeError(
                f"{self.name}: `{' '.join(args)}` failed ({result.returncode}): "
                f"{result.stdout.strip()} {result.stderr.strip()}"
            )
        return result.stdout

    def setup(self, workdir: Path | str, phrase_text: str | None = None, hotkey: str | None = None) -> None:
        """Make the template data folder (default library + our phrase + names) and the first fresh copy."""
        if phrase_text is not None:
            self.phrase_text = phrase_text
        if hotkey is not None:
            self.hotkey = hotkey
        self.workdir = Path(workdir)
        self.workdir.mkdir(parents=True, exist_ok=True)
        (self.workdir / "run").mkdir(mode=0o700, exist_ok=True)
        self.template = self.workdir / "template"
        shutil.rmtree(self.template, ignore_errors=True)
        library = self.workdir / "bench-phrase.json"
        library.write_text(
            json.dumps(
                {
                    "format": "desktop_assistant.phrases",
                    "version": 1,
                    "groups": ["售前"],
                    "phrases": [
                        {
                            "group": "售前",
                            "code": PHRASE_CODE,
                            "title": "欢迎语",
                            "text": self.phrase_text,
                            "hotkey": self.hotkey,
                        }
                    ],
                },
                ensure_ascii=False,
                indent=1,
            ),
            encoding="utf-8",
        )
        self._cli("phrases", "import", str(library), "--on-conflict", "replace")
        self._cli("config", "set", "agent_name", AGENT)
        self._cli("config", "set", "shop_name", SHOP)
        phrases = json.loads(self._cli("phrases", "list", "--json"))
        bound = [p for p in phrases if (p.get("hotkey") or "").lower() == self.hotkey.lower()]
        if len(bound) != 1 or bound[0]["text"] != self.phrase_text:
            raise RuntimeError(
                f"{self.name}: expected exactly one phrase with {self.hotkey} holding the benchmark "
                f"text, found {[(p['code'], p['text']) for p in bound]}"
            )
        self.library_size = len(phrases)
        self._prepare_next()

    def _prepare_next(self) -> None:
        """A fresh copy of the template for the next start (done outside every timed span)."""
        assert self.workdir is not None and self.template is not None
        self._runs += 1
        fresh = self.workdir / f"basedir-{self._runs}"
        shutil.rmtree(fresh, ignore_errors=True)
        shutil.copytree(self.template, fresh)
        log = fresh / LOG_RELATIVE
        self._next_log_offset = log.stat().st_size if log.exists() else 0  # the CLI's own lines stay, unread
        self._next = fresh

    def _env(self, display: str) -> dict[str, str]:
        # Clean like AutoKey's: nothing of the caller's QT_*, PYTHONPATH or XDG folders leaks in.
        assert self.workdir is not None
        env = {
            "PATH": "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin",
            "HOME": str(self.workdir),
            "LANG": "C.UTF-8",
            "LC_ALL": "C.UTF-8",
            "XDG_RUNTIME_DIR": str(self.workdir / "run"),
            "USER": os.environ.get("USER", "root"),
            "QT_QPA_PLATFORM": "xcb" if display else "offscreen",
        }
        if display:
            env["DISPLAY"] = display
        return env

    # ---- the Contender protocol ----------------------------------------------------------------------------------
    def start(self, display: str, home: Path) -> None:
        """Launch on `display`. `home` is ignored: HOME is setup()'s workdir, the data is the prepared copy."""
        if self._next is None:
            raise RuntimeError(f"{self.name}: setup() first")
        self.display = display
        self.basedir, self._next = self._next, None
        self._log_offset = self._next_log_offset
        self._seen = ""
        self._is_ready = False
        self.ready_signal = None
        self.problem = ""
        self._out = open(self.basedir.parent / f"{self.basedir.name}.out", "wb")  # noqa: SIM115 - closed in stop()
        self.launched_wall = time.time()  # the log's time stamps are wall-clock: phases() compares with this
        self.process = subprocess.Popen(
            [*self.command, "--basedir", str(self.basedir)],
            env=self._env(display),
            cwd=self.workdir,
            stdin=subprocess.DEVNULL,
            stdout=self._out,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )

    def _new_log_text(self) -> str:
        assert self.basedir is not None
        path = self.basedir / LOG_RELATIVE
        try:
            with open(path, "rb") as handle:
                handle.seek(self._log_offset)
                chunk = handle.read()
        except FileNotFoundError:
            return self._seen
        # only whole lines: the log may be caught in the middle of a write
        complete = chunk[: chunk.rfind(b"\n") + 1]
        self._log_offset += len(complete)
        self._seen += complete.decode("utf-8", errors="replace")
        return self._seen

    def ready(self, timeout: float = 20.0) -> bool:
        deadline = time.monotonic() + timeout
        while True:
            if self.process is None or self.process.poll() is not None:
                return False
            if self._is_ready:
                return True
            text = self._new_log_text()
            if "panel shown" in text:
                failed = re.search(r"global hotkeys (unavailable|partial)|hotkey \S+ not grabbed", text)
                if failed:
                    self.problem = failed.group(0)
                    return False
                if "global hotkeys active" in text:
                    self.ready_signal = "log"
                    self._is_ready = True
                    return True
                if self._probe is None:
                    self._probe = GrabProbe(self.display, self.hotkey)
                if self._probe.held_by_another_client():
                    self.ready_signal = "probe"
                    self._is_ready = True
                    return True
            if time.monotonic() >= deadline:
                return False
            time.sleep(0.005)

    def memory_status(self) -> dict[str, int]:
        """The main process's VmRSS, VmHWM (peak), RssAnon, RssFile, RssShmem in kB."""
        if self.process is None or self.process.poll() is not None:
            return {}
        return status_kb(self.process.pid)

    def phases(self) -> dict[str, float | None]:
        """Seconds from launch to the log's "starting ..." line (interpreter + imports: app.run() logs it first
        thing) and to "panel shown" (then the database, the UI, the hotkey grab). Millisecond log resolution."""
        stamps: dict[str, float | None] = {"to_starting_log_s": None, "to_panel_shown_s": None}
        for line in self.log_text().splitlines():
            match = re.match(
                r"(\d{4}-\d\d-\d\d \d\d:\d\d:\d\d,\d{3}) \S+\s+desktop_assistant\.app: "
                r"(starting|panel shown)",
                line,
            )
            if not match:
                continue
            when = dt.datetime.strptime(match.group(1), "%Y-%m-%d %H:%M:%S,%f").timestamp()
            if when < self.launched_wall - 1:  # the CLI's lines from setup()
                continue
            key = "to_starting_log_s" if match.group(2) == "starting" else "to_panel_shown_s"
            stamps[key] = round(when - self.launched_wall, 3)
        return stamps

    def log_text(self) -> str:
        if self.basedir is None or not (self.basedir / LOG_RELATIVE).exists():
            return ""
        return (self.basedir / LOG_RELATIVE).read_text(encoding="utf-8", errors="replace")

    def stop(self) -> None:
        process, self.process = self.process, None
        if process is not None:
            if process.poll() is None:
                process.send_signal(signal.SIGTERM)  # the app quits cleanly on SIGTERM (hooks released)
                try:
                    process.wait(timeout=10)
                except subprocess.TimeoutExpired:
                    pass
            end_group(process)  # whatever it started
        if self._out is not None:
            self._out.close()
            self._out = None
        if self._probe is not None:
            self._probe.close()
            self._probe = None
        if process is not None and self.workdir is not None and self._next is None:
            self._prepare_next()
