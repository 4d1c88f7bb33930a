"""The frozen floor_app.py as a contender (the Contender protocol of measure.py): a lower bound for our panel."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

from contenders.measure import HOTKEY
from contenders.procs import ProcessTreeContender, end_group

FLOOR_SOURCE = Path(__file__).resolve().with_name("floor_app.py")
REPO = Path(__file__).resolve().parents[2]


def build_floor_app(workdir: Path) -> Path:
    """PyInstaller onedir build of floor_app.py (with the desktop_assistant package for --essentials)."""
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "PyInstaller",
            "--noconfirm",
            "--log-level",
            "WARN",
            "--onedir",
            "--name",
            "floor-app",
            "--distpath",
            str(workdir / "dist"),
            "--workpath",
            str(workdir / "build"),
            "--specpath",
            str(workdir),
            "--paths",
            str(REPO),
            "--exclude-module",
            "numpy",
            "--exclude-module",
            "tkinter",
            "--add-data",
            f"{REPO / 'resources'}:desktop_assistant/resources",
            str(FLOOR_SOURCE),
        ],
        # PYNPUT_BACKEND: PyInstaller's pynput hook imports pynput, which needs a display unless told otherwise
        # (as in build.spec); the QT_ variables of the caller have no business in the build.
        capture_output=True,
        text=True,
        timeout=600,
        env={**_clean_env(), "PYNPUT_BACKEND": "dummy"},
    )
    exe = workdir / "dist" / "floor-app" / "floor-app"
    if result.returncode != 0 or not exe.exists():
        raise RuntimeError(f"building floor_app failed:\n{result.stdout[-2000:]}\n{result.stderr[-2000:]}")
    return exe


def _clean_env() -> dict[str, str]:
    return {key: value for key, value in os.environ.items() if not key.startswith("QT_")}


class FloorContender(ProcessTreeContender):
    """floor-app, bare or with `--essentials` on a fresh copy of a data folder for every start."""

    def __init__(self, exe: Path, name: str, template: Path | None = None) -> None:
        self.exe = exe
        self.name = name
        self.template = template  # a data folder (our contender's template) -> --essentials
        self.hotkey = HOTKEY
        self.display = ""
        self.process: subprocess.Popen | None = None
        self._workdir: Path | None = None
        self._basedir: Path | None = None
        self._out: Path | None = None
        self._runs = 0

    def setup(self, workdir: Path) -> None:
        self._workdir = workdir
        (workdir / "run").mkdir(mode=0o700, parents=True, exist_ok=True)
        self._prepare_next()

    def _prepare_next(self) -> None:
        """A fresh data folder, copied outside every timed span (as OursContender does)."""
        if self.template is None or self._workdir is None:
            return
        self._runs += 1
        self._basedir = self._workdir / f"basedir-{self._runs}"
        shutil.rmtree(self._basedir, ignore_errors=True)
        shutil.copytree(self.template, self._basedir)

    def start(self, display: str, home: Path) -> None:
        assert self._workdir is not None, "setup() first"
        self.display = display
        env = {
            "PATH": "/usr/bin:/bin",
            "HOME": str(self._workdir),
            "LANG": "C.UTF-8",
            "LC_ALL": "C.UTF-8",
            "XDG_RUNTIME_DIR": str(self._workdir / "run"),
            "DISPLAY": display,
            "QT_QPA_PLATFORM": "xcb",
        }
        argv = [str(self.exe)] + (["--essentials", str(self._basedir)] if self.template is not None else [])
        self._out = self._workdir / f"out-{self._runs}.txt"
        with open(self._out, "wb") as out:
            self.process = subprocess.Popen(
                argv,
                env=env,
                cwd=self._workdir,
                stdin=subprocess.DEVNULL,
                stdout=out,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )

    def ready(self, timeout: float) -> bool:
        deadline = time.monotonic() + timeout
        while True:
            if self.process is None or self.process.poll() is not None:
                return False
            if self._out is not None and self._out.exists() and b"ready" in self._out.read_bytes():
                return True
            if time.monotonic() >= deadline:
                return False
            time.sleep(0.005)

    def stop(self) -> None:
        process, self.process = self.process, None
        if process is not None:
            end_group(process)
            self._prepare_next()
