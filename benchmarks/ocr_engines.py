"""The OCR packages for the sight reader side by side (docs/dependencies.md): accuracy on rendered nicks,
time per header and per list row, load time, memory. Each engine runs in a fresh process.

    python benchmarks/ocr_engines.py [--json-out FILE]

Nicks are drawn with QPainter (offscreen, Noto Sans CJK SC as installed) the way the fake 接待中心 draws
them: a 760x56 chat header (16 px bold) and a 240x56 list row band (14 px, with the grey last-message
line under it), plus a bare 360x40 line at 12/13/14 px. A read is right when the NFKC-normalised text
equals the nick (OCR reads the ASCII colon in 倪好数码:小柒 as full width; the reader normalises).
Engines: `rapidocr` 3.x (PP-OCRv6 small, the choice) and `rapidocr_onnxruntime` 1.4.4 (PP-OCRv4), each
only if installed; both with one onnxruntime thread and detection limited to 960 px on the long side.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
import unicodedata
from pathlib import Path

from bench_json import emit  # benchmarks/ is the script's folder, first on sys.path

REPO = Path(__file__).resolve().parents[1]
NICKS = [
    "小熊爱吃鱼2023",
    "jd_小王",
    "tb_12345678",
    "倪好数码:小柒",
    "tb4947894539",
    "阿里小蜜_01",
    "蓝色星空abc",
    "王大锤_88",
    "t_1500012345",
    "橙子妈妈666",
    "Lily_林",
    "jd_13800138000",
    "一二三四五六七八九十",
    "__x__",
]


def rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def child(engine: str) -> dict:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ["ORT_DISABLE_TELEMETRY"] = "1"  # as the reader does (docs/dependencies.md)
    import numpy as np
    from PySide6.QtCore import QRect, Qt
    from PySide6.QtGui import QColor, QFont, QGuiApplication, QImage, QPainter

    app = QGuiApplication([])  # noqa: F841 - fonts need it

    def draw(text: str, w: int, h: int, px: int, bold: bool, second: str = "") -> np.ndarray:
        img = QImage(w, h, QImage.Format.Format_RGB888)
        img.fill(QColor("#ffffff"))
        p = QPainter(img)
        font = QFont("Noto Sans CJK SC")
        font.setPixelSize(px)
        font.setBold(bold)
        p.setFont(font)
        p.setPen(QColor("#1f1f1f"))
        top = 6 if second else 0
        p.drawText(QRect(20, top, w - 20, 22 if second else h), Qt.AlignVCenter | Qt.AlignLeft, text)
        if second:
            font.setPixelSize(12)
            font.setBold(False)
            p.setFont(font)
            p.setPen(QColor("#8c8c8c"))
            p.drawText(QRect(20, 30, w - 20, 20), Qt.AlignVCenter | Qt.AlignLeft, second)
        p.end()
        rows = np.frombuffer(img.constBits(), np.uint8, img.sizeInBytes()).reshape(h, img.bytesPerLine())
        return rows[:, : w * 3].reshape(h, w, 3)[:, :, ::-1].copy()  # BGR

    base = rss_mb()
    started = time.perf_counter()
    if engine == "rapidocr":
        import rapidocr
        from rapidocr import RapidOCR

        models = Path(rapidocr.__file__).parent / "models"
        ocr = RapidOCR(
            params={
                "Det.model_path": str(models / "PP-OCRv6_det_small.onnx"),
                "Rec.model_path": str(models / "PP-OCRv6_rec_small.onnx"),
                "Global.log_level": "error",
                "Global.use_cls": False,
                "Det.limit_type": "max",
                "Det.limit_side_len": 960,
                "EngineConfig.onnxruntime.intra_op_num_threads": 1,
            }
        )

        def lines(img, det=True):
            result = ocr(img, use_det=det, use_cls=False, use_rec=True)
            return list(result.txts or ())
    else:
        from rapidocr_onnxruntime import RapidOCR

        ocr = RapidOCR(det_limit_type="max", det_limit_side_len=960, use_cls=False, intra_op_num_threads=1)

        def lines(img, det=True):
            result, _ = ocr(img, use_det=det, use_cls=False, use_rec=True)
            return [r[1] if det else r[0] for r in result or []]

    lines(draw("预热", 200, 40, 14, False))
    load = time.perf_counter() - started

    def norm(parts):
        return unicodedata.normalize("NFKC", "".join(parts)).strip()

    cases = {"header 760x56": [], "list row 240x56": [], "line 360x40 det+rec": [], "line 360x40 rec only": []}
    right = {name: 0 for name in cases}
    misses: dict[str, list[str]] = {name: [] for name in cases}
    for nick in NICKS:
        for name, img, det, first_only in (
            ("header 760x56", draw(nick, 760, 56, 16, True), True, False),
            ("list row 240x56", draw(nick, 240, 56, 14, False, "你好，请问有货吗"), True, True),
            *[("line 360x40 det+rec", draw(nick, 360, 40, px, False), True, False) for px in (12, 13, 14)],
            *[("line 360x40 rec only", draw(nick, 360, 40, px, False), False, False) for px in (12, 13, 14)],
        ):
            t = time.perf_counter()
            got = lines(img, det)
            cases[name].append(time.perf_counter() - t)
            text = norm(got[:1]) if first_only else norm(got)
            right[name] += text == nick
            if text != nick and len(misses[name]) < 4:
                misses[name].append(f"{nick}->{text}")
    return {
        "engine": engine,
        "load_s": round(load, 2),
        "rss_delta_mb": round(rss_mb() - base, 1),
        "cases": {
            name: {
                "right": right[name],
                "of": len(times),
                "median_ms": round(1000 * statistics.median(times), 1),
                "misses": misses[name],
            }
            for name, times in cases.items()
        },
    }


def installed_mb(name: str, libs: str = "") -> float:
    """A package's folder plus the wheel's bundled shared libraries (<dist>.libs beside it)."""
    import importlib.util

    spec = importlib.util.find_spec(name)
    if spec is None or not spec.submodule_search_locations:
        return 0.0
    folder = Path(next(iter(spec.submodule_search_locations)))
    folders = [folder] + ([folder.parent / libs] if libs else [])
    total = sum(path.stat().st_size for f in folders if f.is_dir() for path in f.rglob("*") if path.is_file())
    return round(total / 2**20, 1)


def main() -> int:
    if len(sys.argv) > 1 and sys.argv[1] == "--child":
        print(json.dumps(child(sys.argv[2]), ensure_ascii=False))
        return 0
    parser = argparse.ArgumentParser()
    parser.add_argument("--json-out", type=Path)
    args = parser.parse_args()
    import importlib.util

    results = []
    for engine in ("rapidocr", "rapidocr_onnxruntime"):
        if importlib.util.find_spec(engine) is None:
            print(f"{engine}: not installed, skipped")
            continue
        out = subprocess.run(
            [sys.executable, __file__, "--child", engine], capture_output=True, text=True, cwd=REPO, check=True
        ).stdout
        results.append(json.loads(out.strip().splitlines()[-1]))
    sizes = {
        "rapidocr": installed_mb("rapidocr"),
        "rapidocr_onnxruntime": installed_mb("rapidocr_onnxruntime"),
        "onnxruntime": installed_mb("onnxruntime"),
        "cv2 (opencv headless)": installed_mb("cv2", "opencv_python_headless.libs"),
        "numpy": installed_mb("numpy", "numpy.libs"),
        "shapely": installed_mb("shapely", "shapely.libs"),
        "PIL": installed_mb("PIL", "pillow.libs"),
        "pyclipper": installed_mb("pyclipper"),
        "omegaconf": installed_mb("omegaconf"),
    }
    for result in results:
        print(f"{result['engine']}: load {result['load_s']} s, +{result['rss_delta_mb']} MB resident")
        for name, case in result["cases"].items():
            print(
                f"  {name:<22} {case['right']:>3}/{case['of']:<3} right   median {case['median_ms']:>6} ms   "
                f"{' '.join(case['misses'])}"
            )
    print("installed (MB):", ", ".join(f"{k} {v}" for k, v in sizes.items()))
    data = {"engines": results, "installed_mb": sizes}
    emit(data, args.json_out)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
