"""Documents a PySide6 bug that affects the whole app: 6.12.0 on Python 3.11 drops a reference to True
on every Python-side Signal.emit() and to None on every call of a void method (Python 3.12+ makes
them immortal, so it only shows before 3.12). Once the count reaches zero the interpreter aborts
("Fatal Python error: bool_dealloc" / "none_dealloc"): after a few hundred emits in a small process,
a few thousand in the panel. PySide6 6.11.3 does not have it. Pin PySide6-Essentials!=6.12.0 (or <6.12)."""

from __future__ import annotations

import sys

import PySide6
import pytest
from PySide6.QtCore import QObject, QTimer, Signal

BUGGY = PySide6.__version__ == "6.12.0" and sys.version_info < (3, 12)


class _Emitter(QObject):
    fired = Signal(int)


@pytest.mark.xfail(BUGGY, strict=True, reason="PySide6 6.12.0 on Python < 3.12 drops references to True/None")
def test_emit_and_void_calls_keep_reference_counts(qapp) -> None:
    emitter = _Emitter()
    timer = QTimer()
    true_before, none_before = sys.getrefcount(True), sys.getrefcount(None)
    for _ in range(100):
        emitter.fired.emit(1)
        timer.setInterval(5)
    assert sys.getrefcount(True) >= true_before - 5
    assert sys.getrefcount(None) >= none_before - 5
