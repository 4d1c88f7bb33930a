"""Where the sight reader's memory goes (docs/benchmarks.md: the panel <= 150 MB resident), offscreen, with the real OCR
on the fake 接待中心's drawing. Each variant runs in a fresh process.

    python benchmarks/sight_memory.py [--variants shipped,no trim,arena on,sessions] [--json-out FILE]

Steps (resident memory, VmRSS): Qt and the reader's module loaded (sight off); rapidocr and onnxruntime
imported; the engine built (det + rec sessions; the cls model is never loaded: `Global.use_cls` is off and
RapidOCR builds it lazily); after polls of the reader over a day's events (switches, bubbles, badges, with
question capture on, so the bubbles' text is read too); after `idle()` (the worker drops the engine).
The "sessions" variant builds bare onnxruntime sessions of each model file one by one, to size them.
Variants of the polls: as shipped (malloc_trim after a poll that ran the OCR, arena off); without the trim
(as before this change); with onnxruntime's CPU arena on; with its memory patterns off; with one glibc
malloc arena for all threads (MALLOC_ARENA_MAX=1).
Prints a table, then JSON.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import subprocess
import sys
from pathlib import Path

from bench_json import emit  # benchmarks/ is the script's folder, first on sys.path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
VARIANTS = ("shipped", "no trim", "arena on", "pattern off", "one malloc arena", "sessions")


def rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def sessions() -> dict:
    import onnxruntime
    import rapidocr

    steps = {"imported": rss_mb()}
    models = Path(rapidocr.__file__).resolve().parent / "models"
    kept = []
    for name in ("PP-OCRv6_det_small.onnx", "PP-OCRv6_rec_small.onnx", "ch_ppocr_mobile_v2.0_cls_mobile.onnx"):
        options = onnxruntime.SessionOptions()
        options.enable_cpu_mem_arena = False
        options.intra_op_num_threads = options.inter_op_num_threads = 1
        kept.append(onnxruntime.InferenceSession(str(models / name), options, providers=["CPUExecutionProvider"]))
        steps[f"+ {name} ({(models / name).stat().st_size / 2**20:.1f} MB file)"] = rss_mb()
    return steps


def child(variant: str) -> dict:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ["ORT_DISABLE_TELEMETRY"] = "1"
    from PySide6.QtWidgets import QApplication

    app = QApplication([])  # noqa: F841 - the scene paints with fonts
    import numpy  # noqa: F401

    from desktop_assistant.os_integration.readers import sight

    if variant == "sessions":
        return {"booted": rss_mb(), **sessions()}
    from desktop_assistant.domain.reading import Region, Regions, format_regions
    from desktop_assistant.os_integration.foreground import WindowRef
    from tests.e2e import fake_workbench as fake
    from tests.unit.sight_scene import render

    steps = {"booted (sight off)": rss_mb()}
    import onnxruntime  # noqa: F401
    import rapidocr  # noqa: F401

    steps["rapidocr + onnxruntime imported"] = rss_mb()
    if variant == "no trim":
        sight.release_memory = lambda: None
    if variant in ("arena on", "pattern off"):
        from rapidocr.inference_engine.onnxruntime import main as ort_main

        plain = ort_main.OrtInferSession._init_sess_opts

        def options_of(cfg):
            options = plain(cfg)
            if variant == "arena on":
                options.enable_cpu_mem_arena = True
            else:
                options.enable_mem_pattern = False
            return options

        ort_main.OrtInferSession._init_sess_opts = staticmethod(options_of)

    class FrameGrabber:
        def __init__(self, scene) -> None:
            self.scene, self.frame = scene, render(scene)

        def grab(self, _window, region):
            return self.frame[region.y : region.y + region.h, region.x : region.x + region.w].copy()

    def day(scene, poll) -> None:
        poll()
        nicks = [c.nick for c in scene.conversations]
        for i in range(24):
            nick = nicks[i % 4]
            scene.switch(nick)
            poll()
            scene.buyer(nick, f"这件衣服有没有大一点的尺码，我平时穿XL，第{i}个问题", f"10:{i:02d}:02")
            poll()
            scene.agent(f"亲，有的，第{i}件今天发出", f"10:{i:02d}:30")
            poll()
            scene.find(nicks[(i + 1) % 4]).badge = i + 1
            poll()

    warm = fake.Workbench()
    day(warm, lambda: render(warm))  # the harness's own cost (Qt's glyph caches) before anything is measured
    steps["harness warmed (the day painted, no reader)"] = rss_mb()
    scene = fake.Workbench()
    grabber = FrameGrabber(scene)
    regions = Regions(Region(*fake.LIST_REGION), Region(*fake.HEADER_REGION), Region(*fake.MESSAGES_REGION))
    settings = {
        "reader.regions": format_regions({"千牛": regions}),
        "reader.buyer_side": "left",
        "reader.capture_questions": True,
    }
    reader = sight.SightReader(settings.get, grabber)
    engine = reader.engine()
    steps["engine built (det + rec)"] = rss_mb()
    window = WindowRef(7, 100, fake.PROCESS, fake.TITLE)

    def poll() -> None:
        grabber.frame = render(scene)
        reader.read(window, "千牛", dt.datetime.now())
        while reader.confirming():
            reader.wait(timeout=300)
            reader.read(window, "千牛", dt.datetime.now())

    day(scene, poll)
    steps["after 96 polls with changes"] = rss_mb()
    steps["cls model loaded (0 = no)"] = float(engine._engine.text_cls is not None)
    del engine  # the worker's reference is the only one left
    reader.idle()
    reader._worker().submit(lambda: None).result()  # after the idle job, on the same single worker
    steps["after idle() (engine dropped)"] = rss_mb()
    reader.close()
    return steps


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--child")
    parser.add_argument("--variants", default=",".join(VARIANTS))
    parser.add_argument("--json-out", type=Path)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(child(args.child), ensure_ascii=False))
        return 0
    results = {}
    for variant in args.variants.split(","):
        out = subprocess.run(
            [sys.executable, __file__, "--child", variant],
            capture_output=True,
            text=True,
            check=True,
            env={
                **os.environ,
                "PYTHONPATH": str(REPO),
                **({"MALLOC_ARENA_MAX": "1"} if variant == "one malloc arena" else {}),
            },
        ).stdout
        results[variant] = json.loads(out.strip().splitlines()[-1])
    print("sight reader, resident memory (MB) by step, one fresh process per variant")
    for variant, steps in results.items():
        print(f"\n{variant}")
        for step, value in steps.items():
            print(f"  {step:58} {value:8.1f}")
    out = {"benchmark": "sight_memory", "variants": results}
    emit(out, args.json_out)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
