"""Real faults on the real file system for the storage tests (issue 15): no mocks of our own code.

- `small_fs`: a tiny tmpfs (root only); the caller fills it to make the disk really full.
- `immutable`: `chattr +i` on files and folders (root, on a file system that has the flag).
- `read_only_view`: the same folder through a read-only bind mount (root).
- `read_only_file`: a file we may not write: chmod 0444 for a normal user, `chattr +i` for root (root
  writes through 0444).
Every fixture undoes its mount or flag in its finaliser, also when the test fails.
Where the kernel refuses (not root, no tmpfs, no chattr) the test is skipped with that reason; the
RLIMIT_FSIZE tests in test_storage_failures cover a full disk without root.
"""

from __future__ import annotations

import os
import random
import shutil
import subprocess
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest


def _run(*command: str) -> subprocess.CompletedProcess:
    return subprocess.run(command, capture_output=True, text=True)


@pytest.fixture
def small_fs(tmp_path: Path) -> Iterator[Path]:
    """A 4 MB tmpfs mounted for this test only."""
    mount_point = tmp_path / "small"
    mount_point.mkdir()
    if os.geteuid() != 0 or shutil.which("mount") is None:
        pytest.skip("mounting a small tmpfs needs root (the RLIMIT_FSIZE tests cover a full disk without it)")
    result = _run("mount", "-t", "tmpfs", "-o", "size=4m,mode=0755", "tmpfs", str(mount_point))
    if result.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {result.stderr.strip()}")
    try:
        yield mount_point
    finally:
        _run("umount", "-l", str(mount_point))


def fill(folder: Path) -> Path:
    """Fill the file system of `folder` to the last byte; returns the filler (delete it to free space)."""
    filler = folder / "filler.bin"
    handle = os.open(filler, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    try:
        for size in (65536, 4096, 512, 1):  # then the last partial blocks
            while True:
                try:
                    if os.write(handle, b"\0" * size) < size:
                        break
                except OSError:
                    break
    finally:
        os.close(handle)
    return filler


@pytest.fixture
def immutable() -> Iterator[Callable[[Path], None]]:
    """`immutable(path)` sets chattr +i; every flag set is cleared after the test."""
    flagged: list[Path] = []
    if os.geteuid() != 0 or shutil.which("chattr") is None:
        pytest.skip("chattr +i needs root and e2fsprogs")

    def make(path: Path) -> None:
        result = _run("chattr", "+i", str(path))
        if result.returncode != 0:
            pytest.skip(f"chattr +i not supported here: {result.stderr.strip()}")
        flagged.append(path)

    try:
        yield make
    finally:
        for path in reversed(flagged):
            _run("chattr", "-i", str(path))


@pytest.fixture
def read_only_view(tmp_path: Path) -> Iterator[Callable[[Path], Path]]:
    """`read_only_view(folder)` mounts `folder` read-only (bind) at a new path and returns that path."""
    mounted: list[Path] = []
    if os.geteuid() != 0:
        pytest.skip("a read-only bind mount needs root")

    def make(folder: Path) -> Path:
        view = tmp_path / f"ro-view-{len(mounted)}"
        view.mkdir()
        bound = _run("mount", "--bind", str(folder), str(view))
        if bound.returncode != 0:
            pytest.skip(f"cannot bind-mount here: {bound.stderr.strip()}")
        mounted.append(view)
        remount = _run("mount", "-o", "remount,ro,bind", str(view))
        if remount.returncode != 0:
            pytest.skip(f"cannot make a bind mount read-only here: {remount.stderr.strip()}")
        return view

    try:
        yield make
    finally:
        for view in reversed(mounted):
            _run("umount", "-l", str(view))


@pytest.fixture
def read_only_file() -> Iterator[Callable[[Path], None]]:
    """`read_only_file(path)` makes `path` unwritable for this process; undone after the test."""
    undo: list[tuple[Path, int | None]] = []  # (path, mode to restore, or None: chattr -i)

    def make(path: Path) -> None:
        if os.name != "posix":
            pytest.skip("POSIX file modes")
        if os.geteuid() != 0:
            undo.append((path, path.stat().st_mode & 0o7777))
            os.chmod(path, 0o444)
            return
        if shutil.which("chattr") is None:
            pytest.skip("root writes through 0444, and chattr (e2fsprogs) is missing")
        result = _run("chattr", "+i", str(path))
        if result.returncode != 0:
            pytest.skip(f"chattr +i not supported here: {result.stderr.strip()}")
        undo.append((path, None))

    try:
        yield make
    finally:
        for path, mode in reversed(undo):
            if mode is None:
                _run("chattr", "-i", str(path))
            else:
                os.chmod(path, mode)


def overwrite_random(path: Path, seed: int, *, count: int = 6, length: int = 48, skip_header: int = 100) -> list[int]:
    """Overwrite `count` runs of random bytes at random offsets past the header; the offsets used."""
    rng = random.Random(seed)
    size = path.stat().st_size
    offsets = sorted(rng.randrange(skip_header, max(skip_header + 1, size - length)) for _ in range(count))
    with open(path, "r+b") as handle:
        for offset in offsets:
            handle.seek(offset)
            handle.write(bytes(rng.randrange(256) for _ in range(length)))
    return offsets
