"""Resources load the same way from an installed wheel as from the checkout."""

import os
import subprocess
import sys
import zipfile
from pathlib import Path

from tests.conftest import REPO


def test_wheel_carries_resources_and_runs_from_them(tmp_path: Path) -> None:
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(tmp_path / "wheel"), str(REPO)],
        check=True,
        capture_output=True,
    )
    [wheel] = (tmp_path / "wheel").glob("*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    for resource in ("translations/en.qm", "icons/app.svg", "panel.qss", "__init__.py", "readers/uia_rules.json"):
        assert f"desktop_assistant/resources/{resource}" in names
    target = tmp_path / "site"
    subprocess.run(
        [sys.executable, "-m", "pip", "install", "--no-deps", "-q", "--target", str(target), str(wheel)],
        check=True,
        capture_output=True,
    )
    code = (
        "from desktop_assistant.resources_access import resource_path;"
        "p = resource_path('translations', 'en.qm'); print(p); assert p.is_file();"
        "from desktop_assistant.os_integration.readers.uia_rules import load_rules_file, packaged_rules_path;"
        "assert list(load_rules_file(packaged_rules_path())) == ['千牛']"
    )
    env = {**os.environ, "PYTHONPATH": str(target), "QT_QPA_PLATFORM": "offscreen"}
    shown = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, cwd=tmp_path)
    assert shown.returncode == 0, shown.stderr
    assert Path(shown.stdout.strip()).is_relative_to(target)
    smoke = subprocess.run(
        [sys.executable, "-m", "desktop_assistant", "--temp-basedir", "--smoke-test"],
        env=env,
        capture_output=True,
        text=True,
        cwd=tmp_path,
    )
    assert (smoke.returncode, smoke.stdout, smoke.stderr) == (0, "", "")


# --- build.spec as Windows reads it (issue 13 defect 4) --------------------------------------------------
WINDOWS_MARKERS = {"sys_platform": "win32", "platform_system": "Windows", "os_name": "nt"}
ICO_SIZES = (16, 20, 24, 32, 40, 48, 64, 256)


def _linux_only_distributions() -> set[str]:
    """Dependencies whose pyproject.toml marker leaves them out on Windows (python-xlib)."""
    import tomllib
    from packaging.requirements import Requirement

    project = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    out = set()
    for text in project["dependencies"]:
        requirement = Requirement(text)
        if requirement.marker is not None and not requirement.marker.evaluate(WINDOWS_MARKERS):
            out.add(requirement.name.lower())
    return out


class _Recorded:
    def __init__(self, *args, **kwargs) -> None:
        self.args, self.kwargs = args, kwargs
        self.pure, self.binaries, self.datas, self.scripts = [], [], [], []


def _evaluate_spec(monkeypatch, tmp_path: Path, platform: str) -> dict:
    """Run build.spec with PyInstaller's build steps recorded instead of run. The collect/copy helpers
    raise, as PyInstaller's do, for a distribution that the platform does not install."""
    from importlib.metadata import packages_distributions

    import PyInstaller.utils.hooks as hooks

    missing = _linux_only_distributions() if platform == "win32" else set()
    missing_modules = {
        module.lower() for module, dists in packages_distributions().items() if {d.lower() for d in dists} & missing
    }  # python-xlib -> Xlib
    asked: list[str] = []

    def copy_metadata(dist: str, *args, **kwargs):
        asked.append(dist)
        if dist.lower() in missing:
            raise Exception(f"No package metadata was found for {dist}")  # PyInstaller's own wording
        return [(f"/site-packages/{dist}.dist-info", f"{dist}.dist-info")]

    def collect(name: str, *args, **kwargs):
        asked.append(name)
        if name.split(".")[0].lower() in missing_modules:
            raise Exception(f"{name} is not installed")
        return [name]

    monkeypatch.setattr(hooks, "copy_metadata", copy_metadata)
    for helper in ("collect_submodules", "collect_data_files", "collect_dynamic_libs", "collect_all"):
        monkeypatch.setattr(hooks, helper, collect)
    monkeypatch.setattr(sys, "platform", platform)
    monkeypatch.delenv("DA_UAC_ADMIN", raising=False)
    # The spec sets PYNPUT_BACKEND for the build process; set here so monkeypatch takes it away again
    # (left in os.environ it made pynput in later tests' subprocesses a dummy that sends no keys).
    monkeypatch.setenv("PYNPUT_BACKEND", "dummy")
    namespace = {
        "SPECPATH": str(REPO),
        "workpath": str(tmp_path / "work"),
        "DISTPATH": str(tmp_path / "dist"),
        "Analysis": _Recorded,
        "PYZ": _Recorded,
        "EXE": _Recorded,
        "COLLECT": _Recorded,
        "__file__": str(REPO / "build.spec"),
    }
    spec = (REPO / "build.spec").read_text(encoding="utf-8")
    exec(compile(spec, str(REPO / "build.spec"), "exec"), namespace)
    namespace["asked"], namespace["missing_modules"] = asked, missing_modules
    return namespace


def test_build_spec_evaluates_as_windows_without_linux_only_packages(monkeypatch, tmp_path: Path) -> None:
    assert "python-xlib" in _linux_only_distributions()  # the package defect 4 was about
    spec = _evaluate_spec(monkeypatch, tmp_path, "win32")
    hidden = spec["hiddenimports"]
    assert "xlib" in spec["missing_modules"]
    assert not [
        name
        for name in hidden
        if name.split(".")[0].lower() in spec["missing_modules"] or name.endswith(("_xorg", "_nixkeyboard"))
    ]
    assert {"keyboard._winkeyboard", "pynput.keyboard._win32", "comtypes"} <= set(hidden)  # comtypes: the UIA reader
    assert "python-xlib" not in spec["asked"]
    executables = spec["executables"]
    assert [exe.kwargs["name"] for exe in executables] == ["desktop-assistant", "desktop-assistant-cli"]
    assert [exe.kwargs["console"] for exe in executables] == [False, True]
    for exe in executables:
        assert exe.kwargs["icon"] == str(REPO / "resources" / "icons" / "app.ico")
        assert exe.kwargs["uac_admin"] is False  # asInvoker (docs/build.md)
        assert exe.kwargs["version"] == spec["VERSION_FILE"]


def test_build_spec_still_copies_linux_metadata_on_linux(monkeypatch, tmp_path: Path) -> None:
    spec = _evaluate_spec(monkeypatch, tmp_path, "linux")
    assert "python-xlib" in spec["asked"]  # --long-version reports its version
    assert spec["ICON"] is None and spec["VERSION_FILE"] is None
    assert "keyboard._nixkeyboard" in spec["hiddenimports"]


def test_windows_version_resource_carries_the_app_version(monkeypatch, tmp_path: Path) -> None:
    import ast

    from desktop_assistant import __version__

    spec = _evaluate_spec(monkeypatch, tmp_path, "win32")
    text = Path(spec["VERSION_FILE"]).read_text(encoding="utf-8")
    tree = ast.parse(text, mode="eval")  # PyInstaller eval()s it with its versioninfo classes
    assert isinstance(tree.body, ast.Call) and tree.body.func.id == "VSVersionInfo"
    numbers = tuple(int(part) for part in __version__.split(".")) + (0,) * (4 - len(__version__.split(".")))
    assert f"filevers={numbers}" in text and f"prodvers={numbers}" in text
    assert f"StringStruct('FileVersion', '{__version__}')" in text
    assert f"StringStruct('ProductVersion', '{__version__}')" in text
    assert "StringStruct('OriginalFilename', 'desktop-assistant.exe')" in text


def _ico_sizes(data: bytes) -> list[tuple[int, int]]:
    """Sizes from the ICONDIR header (6 bytes) and its 16-byte entries; 0 stands for 256."""
    import struct

    reserved, kind, count = struct.unpack_from("<HHH", data, 0)
    assert (reserved, kind) == (0, 1) and len(data) >= 6 + 16 * count
    sizes = []
    for index in range(count):
        width, height, _colors, _zero, _planes, _bits, length, offset = struct.unpack_from(
            "<BBBBHHII", data, 6 + 16 * index
        )
        assert offset + length <= len(data)
        assert data[offset : offset + 8] == b"\x89PNG\r\n\x1a\n"
        sizes.append((width or 256, height or 256))
    return sizes


def test_app_ico_holds_every_windows_size() -> None:
    data = (REPO / "resources" / "icons" / "app.ico").read_bytes()
    assert sorted(_ico_sizes(data)) == [(size, size) for size in ICO_SIZES]
    try:
        from PIL import Image
    except ImportError:
        return
    with Image.open(REPO / "resources" / "icons" / "app.ico") as image:
        assert sorted(image.info["sizes"]) == [(size, size) for size in ICO_SIZES]
