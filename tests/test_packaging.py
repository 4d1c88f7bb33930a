"""Resources load the same way from an installed wheel as from the checkout."""

import os
import subprocess
import sys
import zipfile
from pathlib import Path

from tests.conftest import REPO


def test_wheel_carries_resources_and_runs_from_them(tmp_path: Path) -> None:
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "-q",
                    "-w", str(tmp_path / "wheel"), str(REPO)], check=True, capture_output=True)
    [wheel] = (tmp_path / "wheel").glob("*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    for resource in ("translations/en.qm", "icons/app.svg", "panel.qss", "__init__.py", "readers/uia_rules.json"):
        assert f"desktop_assistant/resources/{resource}" in names
    target = tmp_path / "site"
    subprocess.run([sys.executable, "-m", "pip", "install", "--no-deps", "-q", "--target", str(target), str(wheel)],
                   check=True, capture_output=True)
    code = ("from desktop_assistant.resources_path import resource_path;"
            "p = resource_path('translations', 'en.qm'); print(p); assert p.is_file();"
            "from desktop_assistant.os_integration.readers.uia_rules import load_rules_file, packaged_rules_path;"
            "assert list(load_rules_file(packaged_rules_path())) == ['千牛']")
    env = {**os.environ, "PYTHONPATH": str(target), "QT_QPA_PLATFORM": "offscreen"}
    shown = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, cwd=tmp_path)
    assert shown.returncode == 0, shown.stderr
    assert Path(shown.stdout.strip()).is_relative_to(target)
    smoke = subprocess.run([sys.executable, "-m", "desktop_assistant", "--temp-basedir", "--smoke-test"],
                           env=env, capture_output=True, text=True, cwd=tmp_path)
    assert (smoke.returncode, smoke.stdout, smoke.stderr) == (0, "", "")
