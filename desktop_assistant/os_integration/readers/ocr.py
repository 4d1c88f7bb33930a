"""On-device OCR for the sight reader: RapidOCR (PaddleOCR PP-OCRv6 models run by onnxruntime).

Imported only when sight is turned on (the import costs ~1 s and ~100 MB). The models come inside the
`rapidocr` wheel; they are passed by path, so RapidOCR's download code never runs (no network, no
checksum pass over 30 MB at every start). See docs/dependencies.md for the choice.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import functools
import importlib.util
import os
import sys
import unicodedata
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from desktop_assistant.os_integration.readers.sight_image import Box

MODELS = {"Det.model_path": "PP-OCRv6_det_small.onnx", "Rec.model_path": "PP-OCRv6_rec_small.onnx"}


class OcrMissing(RuntimeError):
    """The OCR package (or its models) is not installed."""


@dataclass(frozen=True)
class TextLine:
    box: Box
    text: str
    score: float


def available() -> bool:
    return importlib.util.find_spec("rapidocr") is not None and importlib.util.find_spec("onnxruntime") is not None


def release_memory() -> None:
    """Hands the heap's free pages back to the system (glibc only). onnxruntime allocates buffers sized
    for each input and frees them after the run, but glibc keeps them: ~50 MB of the OCR's resident
    memory was such free space (docs/benchmarks.md). A few ms, after a poll that ran the OCR."""
    libc = _glibc()
    if libc is not None:
        libc.malloc_trim(0)


@functools.cache
def _glibc() -> ctypes.CDLL | None:
    if not sys.platform.startswith("linux"):
        return None  # no such call elsewhere (Windows: not measured)
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6")
        return libc if hasattr(libc, "malloc_trim") else None  # musl has none
    except OSError:
        return None


def normalize(text: str) -> str:
    """OCR reads ASCII punctuation in CJK text as full width (倪好数码：小柒); nicks use ASCII."""
    return unicodedata.normalize("NFKC", text).strip()


class Ocr:
    def __init__(self, threads: int = 1) -> None:
        # onnxruntime (1.32 at least) queues Microsoft telemetry events on disk for upload unless this is set
        # before it loads; the panel sends nothing anywhere (docs/architecture.md).
        os.environ["ORT_DISABLE_TELEMETRY"] = "1"
        try:
            import rapidocr
            from rapidocr import RapidOCR
        except ImportError as exc:
            raise OcrMissing(str(exc)) from None
        models = Path(rapidocr.__file__).resolve().parent / "models"
        params = {key: str(models / name) for key, name in MODELS.items()}
        missing = [path for path in params.values() if not Path(path).is_file()]
        if missing:
            raise OcrMissing(", ".join(missing))
        params.update(
            {
                "Global.log_level": "error",
                "Global.use_cls": False,  # screen text is never upside down
                # Screen text is small: the default (shortest side scaled up to 736 px) costs ~20x the time.
                "Det.limit_type": "max",
                "Det.limit_side_len": 960,
                # One thread: the reader shares the GUI thread's core budget (docs/reading.md: <= 3 % steady).
                "EngineConfig.onnxruntime.intra_op_num_threads": threads,
                "EngineConfig.onnxruntime.inter_op_num_threads": 1,
                # The default in rapidocr 3.10, set here so an update cannot turn it on: the arena keeps the
                # largest input's buffers for good (+11 MB measured, docs/benchmarks.md).
                "EngineConfig.onnxruntime.enable_cpu_mem_arena": False,
            }
        )
        self._engine = RapidOCR(params=params)

    def lines(self, img: np.ndarray) -> list[TextLine]:
        """Text lines of an RGB image, top to bottom then left to right."""
        if img.size == 0:
            return []
        # RapidOCR takes OpenCV's BGR; the flags are passed every time because RapidOCR keeps the last ones.
        result = self._engine(np.ascontiguousarray(img[:, :, ::-1]), use_det=True, use_cls=False, use_rec=True)
        if not result.txts:
            return []
        lines = []
        for points, text, score in zip(result.boxes, result.txts, result.scores, strict=True):
            xs, ys = [int(p[0]) for p in points], [int(p[1]) for p in points]
            text = normalize(text)
            if text:
                lines.append(TextLine(Box(min(xs), min(ys), max(xs), max(ys)), text, float(score)))
        return sorted(lines, key=lambda line: (line.box.y0 + line.box.y1) // 2 * 10000 + line.box.x0)

    def line(self, img: np.ndarray) -> str:
        """Recognition only, for a crop that holds one short line (a time, a badge's number): no
        detection pass, several times faster."""
        if img.size == 0:
            return ""
        result = self._engine(np.ascontiguousarray(img[:, :, ::-1]), use_det=False, use_cls=False, use_rec=True)
        return normalize("".join(result.txts or ()))

    def text(self, img: np.ndarray) -> str:
        return " ".join(line.text for line in self.lines(img))
