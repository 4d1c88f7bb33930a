"""AutoKey (Debian's autokey-qt 0.95.10) as a benchmark contender.

AutoKey is configured the way a user would configure it in its GUI: one folder in its data folder holding one
phrase with a global hotkey and "Paste using: Clipboard (Ctrl+V)". It runs as a real user would run it on a
desktop without a session bus of its own: `dbus-run-session -- autokey-qt --verbose`, with HOME, the XDG
directories and the lock file all inside a temporary home, so nothing of the machine's user is read or written.

    apt-get install -y autokey-qt      # Debian 12: 0.95.10, Python 3 + PyQt5, uses XRecord and XGrabKey

Files written by setup() (the JSON schema is AutoKey 0.95's own: autokey/model.py Folder/Phrase.get_serializable
and autokey/configmanager.py ConfigManager.get_serializable):

    ~/.config/autokey/autokey.json                 global settings; without it AutoKey ignores data/ and creates
                                                   its sample folders instead. isFirstRun=false, or the main
                                                   configuration window opens at start.
    ~/.config/autokey/data/bench/.folder.json      the folder (no hotkey, no abbreviation)
    ~/.config/autokey/data/bench/greeting.txt      the phrase text, UTF-8, no trailing newline
    ~/.config/autokey/data/bench/.greeting.json    modes [3] (hotkey), hotkey {"modifiers": ["<alt>", "<ctrl>"],
                                                   "hotKey": "1"}, "sendMode": "<ctrl>+v", usageCount 0, ...

ready(): AutoKey prints nothing on a state "listening"; with --verbose it logs (to stdout, redirected to
`autokey.log` in the temporary home) "Grabbing hotkey: ['<alt>', '<ctrl>'] '1'" when its X event thread grabs the
combo and "XRecord interface thread starting" just before it starts recording key events (it detects its hotkeys
through XRecord, the grab only keeps the keys from the focused window). ready() waits for both lines and for
"Service now marked as running". The start-to-first-phrase measurement does not rely on it: it presses the hotkey.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import signal
import subprocess
import time
from pathlib import Path

from contenders.procs import ProcessTreeContender, comm, end_group, process_tree

AUTOKEY_VERSION = "0.95.10"
FOLDER = "bench"
PHRASE_NAME = "greeting"

_MODIFIERS = {
    "ctrl": "<ctrl>",
    "control": "<ctrl>",
    "alt": "<alt>",
    "shift": "<shift>",
    "super": "<super>",
    "meta": "<meta>",
    "hyper": "<hyper>",
}
# xdotool key names that AutoKey spells differently (autokey/iomediator/key.py); plain characters are themselves.
_KEYS = {
    "return": "<enter>",
    "enter": "<enter>",
    "space": " ",
    "tab": "<tab>",
    "escape": "<escape>",
    "backspace": "<backspace>",
    "delete": "<delete>",
    "insert": "<insert>",
    "home": "<home>",
    "end": "<end>",
    "page_up": "<page_up>",
    "prior": "<page_up>",
    "page_down": "<page_down>",
    "next": "<page_down>",
    "up": "<up>",
    "down": "<down>",
    "left": "<left>",
    "right": "<right>",
}


def autokey_hotkey(hotkey: str) -> tuple[list[str], str]:
    """`ctrl+alt+1` (xdotool's spelling) -> (["<alt>", "<ctrl>"], "1") as AutoKey stores it (modifiers sorted)."""
    *mods, key = [part.strip() for part in hotkey.split("+")]
    modifiers = sorted(_MODIFIERS[m.lower()] for m in mods)
    lowered = key.lower()
    if re.fullmatch(r"f\d{1,2}", lowered):
        key = f"<{lowered}>"
    elif lowered in _KEYS:
        key = _KEYS[lowered]
    elif len(key) == 1:
        key = key.lower()
    else:
        raise ValueError(f"key {key!r} has no AutoKey spelling here")
    return modifiers, key


def _abbreviation_block() -> dict:
    return {
        "abbreviations": [],
        "backspace": True,
        "ignoreCase": False,
        "immediate": False,
        "triggerInside": False,
        "wordChars": r"[\w]",
    }


def _no_filter() -> dict:
    return {"regex": None, "isRecursive": False}


class AutoKeyContender(ProcessTreeContender):
    """AutoKey inserting one phrase by global hotkey, pasted with Ctrl+V."""

    name = f"AutoKey {AUTOKEY_VERSION}"

    def __init__(self, phrase_text: str, hotkey: str = "ctrl+alt+1", verbose: bool = True) -> None:
        self.phrase_text = phrase_text
        self.hotkey = hotkey
        self.verbose = verbose
        self.home: Path | None = None
        self.display: str | None = None
        self.process: subprocess.Popen | None = None
        self._log_handle = None
        self._log_offset = 0
        self._seen = ""
        self._is_ready = False

    # ---- configuration -------------------------------------------------------------------------------------------
    def setup(self, home_dir: Path | str, phrase_text: str | None = None, hotkey: str | None = None) -> None:
        """Write AutoKey's configuration into home_dir (used as HOME): global settings, one folder, one phrase."""
        if shutil.which("autokey-qt") is None:
            raise RuntimeError("autokey-qt is not installed (apt-get install -y autokey-qt)")
        home = Path(home_dir)
        self.home = home
        if phrase_text is not None:
            self.phrase_text = phrase_text
        if hotkey is not None:
            self.hotkey = hotkey
        modifiers, key = autokey_hotkey(self.hotkey)
        config_dir = home / ".config" / "autokey"
        folder = config_dir / "data" / FOLDER
        folder.mkdir(parents=True, exist_ok=True)
        (home / ".local" / "share" / "autokey").mkdir(parents=True, exist_ok=True)
        runtime = home / "run"
        runtime.mkdir(exist_ok=True)
        runtime.chmod(0o700)

        settings = {
            "isFirstRun": False,  # else the configuration window opens at start
            "serviceRunning": True,
            "showTrayIcon": True,  # the default; there is no tray under bare Xvfb, Qt only warns
            "menuTakesFocus": False,
            "sortByUsageCount": True,
            "promptToSave": False,
            "enableQT4Workaround": False,
            "interfaceType": "XRecord",
            "undoUsingBackspace": True,
            "windowDefaultSize": [600, 400],
            "hPanePosition": 150,
            "columnWidths": [150, 50, 100],
            "showToolbar": True,
            "notificationIcon": "autokey-status",
            "workAroundApps": ".*VirtualBox.*|krdc.Krdc",
            "triggerItemByInitial": False,
            "disabledModifiers": [],
            "scriptGlobals": {},
        }
        global_config = {
            "version": AUTOKEY_VERSION,
            "userCodeDir": None,
            "settings": settings,
            "folders": [],  # folders outside data/; data/* is always loaded
            "toggleServiceHotkey": {"enabled": True, "modifiers": ["<shift>", "<super>"], "hotKey": "k"},
            "configHotkey": {"enabled": True, "modifiers": ["<super>"], "hotKey": "k"},
        }
        folder_meta = {
            "type": "folder",
            "title": FOLDER,
            "modes": [],
            "usageCount": 0,
            "showInTrayMenu": False,
            "abbreviation": _abbreviation_block(),
            "hotkey": {"modifiers": [], "hotKey": None},
            "filter": _no_filter(),
        }
        phrase_meta = {
            "type": "phrase",
            "description": PHRASE_NAME,
            "modes": [3],  # TriggerMode.HOTKEY
            "usageCount": 0,
            "prompt": False,
            "omitTrigger": False,
            "matchCase": False,
            "showInTrayMenu": False,
            "abbreviation": _abbreviation_block(),
            "hotkey": {"modifiers": modifiers, "hotKey": key},
            "filter": _no_filter(),  # any window
            "sendMode": "<ctrl>+v",  # SendMode.CB_CTRL_V, "Clipboard (Ctrl+V)" in the GUI
        }
        (config_dir / "autokey.json").write_text(json.dumps(global_config, indent=4), encoding="utf-8")
        (folder / ".folder.json").write_text(json.dumps(folder_meta, indent=4), encoding="utf-8")
        (folder / f"{PHRASE_NAME}.txt").write_text(self.phrase_text, encoding="utf-8")
        (folder / f".{PHRASE_NAME}.json").write_text(
            json.dumps(phrase_meta, indent=4, ensure_ascii=False), encoding="utf-8"
        )

    @property
    def log_path(self) -> Path:
        assert self.home is not None
        return self.home / "autokey.log"

    def _env(self, display: str) -> dict[str, str]:
        # A clean environment: nothing of the caller's Python (pyenv, PYTHONPATH), Qt platform or XDG dirs leaks in.
        assert self.home is not None
        return {
            "PATH": "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin",
            "HOME": str(self.home),
            "DISPLAY": display,
            "LANG": "C.UTF-8",
            "LC_ALL": "C.UTF-8",
            "XDG_RUNTIME_DIR": str(self.home / "run"),
            "USER": os.environ.get("USER", "root"),
        }

    # ---- the Contender protocol ----------------------------------------------------------------------------------
    def start(self, display: str, home: Path) -> None:
        if self.home != Path(home) or not (Path(home) / ".config" / "autokey" / "autokey.json").exists():
            self.setup(home)
        self.display = display
        self._log_handle = open(self.log_path, "ab")  # noqa: SIM115 - closed in stop()
        own_log = self.home / ".local" / "share" / "autokey" / "autokey.log"
        watched = self.log_path if self.verbose else own_log
        self._log_offset = watched.stat().st_size if watched.exists() else 0  # ready() reads only this run's lines
        self._seen = ""
        self._is_ready = False
        command = ["dbus-run-session", "--", "autokey-qt"] + (["--verbose"] if self.verbose else [])
        self.process = subprocess.Popen(
            command,
            env=self._env(display),
            cwd=self.home,
            stdin=subprocess.DEVNULL,
            stdout=self._log_handle,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )

    def _new_log_text(self) -> str:
        """The text this run added to the log since start() (verbose: our stdout file; else AutoKey's own log)."""
        path = self.log_path if self.verbose else self.home / ".local" / "share" / "autokey" / "autokey.log"
        if path.exists():
            with open(path, "rb") as handle:
                handle.seek(self._log_offset)
                chunk = handle.read()
            self._log_offset += len(chunk)
            self._seen += chunk.decode("utf-8", errors="replace")
        return self._seen

    def ready(self, timeout: float = 20.0) -> bool:
        """True once the log shows the service running, XRecord starting and (verbose) our hotkey grabbed."""
        modifiers, key = autokey_hotkey(self.hotkey)
        needed = ["Service now marked as running", "XRecord interface thread starting"]
        if self.verbose:
            needed.append(f"Grabbing hotkey: {modifiers!r} {key!r}")
        deadline = time.monotonic() + timeout
        while True:
            if self.process is None or self.process.poll() is not None:
                return False
            if self._is_ready:
                return True
            text = self._new_log_text()
            if all(line in text for line in needed):
                self._is_ready = True
                return True
            if time.monotonic() >= deadline:
                return False
            time.sleep(0.01)

    def stop(self) -> None:
        process, self.process = self.process, None
        if process is not None and process.poll() is None:
            # AutoKey first: dbus-run-session then ends its bus and reaps both, leaving no zombie behind.
            for pid in process_tree(process.pid):
                if comm(pid) == "autokey-qt":
                    try:
                        os.kill(pid, signal.SIGTERM)
                    except ProcessLookupError:
                        pass
            try:
                process.wait(timeout=5)
            except subprocess.TimeoutExpired:
                pass
            end_group(process)  # whatever is left of the group
        if self._log_handle is not None:
            self._log_handle.close()
            self._log_handle = None
        if self.home is not None:  # a killed AutoKey leaves its pid file; the next start would look it up
            (self.home / "run" / "autokey" / "autokey.pid").unlink(missing_ok=True)

    def log_tail(self, lines: int = 30) -> str:
        if self.home is None or not self.log_path.exists():
            return ""
        return "\n".join(self.log_path.read_text(encoding="utf-8", errors="replace").splitlines()[-lines:])
