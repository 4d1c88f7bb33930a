"""kill -9 during note writes (docs/benchmarks.md): nothing acknowledged is lost and the file stays sound.

Writer processes open the real SQLite file through open_store and append notes in a loop, printing
one acknowledgement line only after NoteStore.append has returned (the transaction is committed).
The test kills them with SIGKILL at seeded random moments, sometimes two writers at once on the same
orders, then checks every acknowledged version, order_current, the text index and the file itself.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import random
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from desktop_assistant.paths import resolve_paths
from desktop_assistant.storage.database import connect, integrity_problems
from desktop_assistant.storage.store import open_store

pytestmark = pytest.mark.skipif(
    sys.platform == "win32" or not hasattr(signal, "SIGKILL"),
    reason="needs SIGKILL (kill -9), which Windows does not have",
)

REPO = Path(__file__).resolve().parents[2]
SEED = 20261111
ROUNDS = 8
CONCURRENT_ROUNDS = 3  # of the ROUNDS, this many run two writers at once
FIRST_ACK_TIMEOUT = 20.0
FIELDS = ("id", "order_id", "flag", "text", "reason", "agent_id", "buyer", "at")

WRITER = r"""
import datetime as dt
import json
import random
import sys
import time

from desktop_assistant.domain.notes import validated_change
from desktop_assistant.paths import resolve_paths
from desktop_assistant.storage.store import open_store

basedir, agent, seed, count = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
rng = random.Random(seed)
GIFTS = ["小样两份", "保温杯", "定制书签", "湿巾一包", "试用装面膜", "冰箱贴", "帆布袋"]
COURIERS = ["顺丰", "中通", "圆通", "韵达", "京东物流", "邮政EMS", "极兔"]
REASONS = ["买家要求改地址", "缺货换色", "补发赠品", "买家催发货", "退换中", "核实收货人", "承诺48小时内发货"]
BUYERS = ["小鱼儿88", "tb_王小二", "晴天娃娃", "阿狸不吃鱼", "momo酱", "风吹麦浪2019"]
DIGITS = "零一二三四五六七八九"
store = open_store(resolve_paths(basedir), dt.datetime.now())
shared = [f"DUR{k:03d}" for k in range(12)]  # every writer edits these: concurrent edits of one order
own: list[str] = []
n = 0
while count == 0 or n < count:
    n += 1
    if rng.random() < 0.08:
        own.append(f"{agent}-{n}")
        order = own[-1]
    else:
        order = rng.choice(shared + own)
    current = store.notes.current(order)
    serial = "".join(DIGITS[int(c)] for c in str(n))
    text = (f"【客服】{agent} 【赠】{rng.choice(GIFTS)} 【发】{rng.choice(COURIERS)} "
            f"【因】{rng.choice(REASONS)}\n第{serial}次修改 {agent}n{n}")
    buyer = rng.choice(BUYERS) if current is None or rng.random() < 0.1 else ""
    reason = rng.choice(REASONS) if current is not None else ""
    change = validated_change(order, rng.randint(0, 5), text, reason, agent, buyer, current=current)
    note = store.notes.append(change, dt.datetime.now())
    # Only now, after the commit, is the note acknowledged.
    sys.stdout.write(json.dumps({"id": note.id, "order_id": note.order_id, "flag": note.flag, "text": note.text,
                                 "reason": note.reason, "agent_id": note.agent_id, "buyer": note.buyer,
                                 "at": note.at.isoformat()}) + "\n")
    sys.stdout.flush()
    time.sleep(rng.random() * 0.003)
store.close()
"""


def as_dict(note) -> dict:
    return {
        "id": note.id,
        "order_id": note.order_id,
        "flag": note.flag,
        "text": note.text,
        "reason": note.reason,
        "agent_id": note.agent_id,
        "buyer": note.buyer,
        "at": note.at.isoformat(),
    }


class Writer:
    """One writer process and the acknowledgements read from its stdout."""

    def __init__(self, script: Path, basedir: Path, agent: str, seed: int, count: int = 0) -> None:
        self.agent = agent
        self.stderr_path = basedir.parent / f"{agent}.stderr"
        env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [str(REPO), os.environ.get("PYTHONPATH")]))}
        with open(self.stderr_path, "wb") as stderr:
            self.process = subprocess.Popen(
                [sys.executable, str(script), str(basedir), agent, str(seed), str(count)],
                stdout=subprocess.PIPE,
                stderr=stderr,
                cwd=REPO,
                env=env,
            )
        self.acks: list[dict] = []
        self.first_ack = threading.Event()
        self.reader = threading.Thread(target=self._read, daemon=True)
        self.reader.start()

    def _read(self) -> None:
        assert self.process.stdout is not None
        for line in self.process.stdout:
            if not line.endswith(b"\n"):
                break  # torn by the kill: not an acknowledgement
            self.acks.append(json.loads(line))
            self.first_ack.set()
        self.first_ack.set()  # wake a waiter if the process died before its first note

    def stderr(self) -> str:
        return self.stderr_path.read_text(encoding="utf-8", errors="replace")

    def kill(self) -> None:
        os.kill(self.process.pid, signal.SIGKILL)
        self.process.wait(timeout=10)
        self.reader.join(timeout=10)
        # It must have died of our signal, not of an error of its own (e.g. "database is locked").
        assert self.process.returncode == -signal.SIGKILL, (self.process.returncode, self.stderr())

    def finish(self) -> None:
        self.process.wait(timeout=30)
        self.reader.join(timeout=10)
        assert self.process.returncode == 0, self.stderr()


def test_kill_9_during_note_writes_loses_nothing_acknowledged(tmp_path: Path) -> None:
    basedir = tmp_path / "data"
    paths = resolve_paths(str(basedir))
    open_store(paths, dt.datetime.now()).close()  # schema in place before any writer starts
    script = tmp_path / "note_writer.py"
    script.write_text(WRITER, encoding="utf-8")
    rng = random.Random(SEED)
    concurrent = set(rng.sample(range(ROUNDS), CONCURRENT_ROUNDS))
    runs: list[Writer] = []
    killed_last: list[dict] = []

    for round_no in range(ROUNDS):
        writers = [
            Writer(script, basedir, f"w{round_no}{label}", rng.randrange(1 << 30))
            for label in ("ab" if round_no in concurrent else "a")
        ]
        runs.extend(writers)
        try:
            for writer in writers:
                assert writer.first_ack.wait(FIRST_ACK_TIMEOUT) and writer.acks, (
                    f"{writer.agent} wrote nothing: {writer.stderr()}"
                )
            # Each writer dies at its own random moment while it keeps writing.
            started = time.monotonic()
            for at, writer in sorted(((rng.uniform(0.0, 0.6), w) for w in writers), key=lambda pair: pair[0]):
                time.sleep(max(0.0, started + at - time.monotonic()))
                writer.kill()
                killed_last.append(writer.acks[-1])
        finally:
            for writer in writers:
                if writer.process.poll() is None:
                    writer.process.kill()
                    writer.process.wait(timeout=10)
        # A fresh connection right after the kill sees the last acknowledged notes.
        db = connect(paths.db_path)
        try:
            for ack in killed_last[-len(writers) :]:
                row = db.execute("SELECT order_id, text FROM order_notes WHERE id = ?", [ack["id"]]).fetchone()
                assert row == (ack["order_id"], ack["text"])
        finally:
            db.close()

    closing = Writer(script, basedir, "final", SEED, count=25)  # the file still takes writes normally
    closing.finish()
    runs.append(closing)
    assert len(closing.acks) == 25

    store = open_store(paths, dt.datetime.now())
    try:
        db = store.db
        assert integrity_problems(db) == []
        assert db.execute("PRAGMA foreign_key_check").fetchall() == []
        db.execute("INSERT INTO order_note_terms (order_note_terms) VALUES ('integrity-check')")

        acks = [ack for run in runs for ack in run.acks]
        assert len(acks) >= ROUNDS + CONCURRENT_ROUNDS + 25
        assert len({ack["id"] for ack in acks}) == len(acks), "one note id acknowledged twice"

        # Every acknowledged version is in its order's history exactly as acknowledged.
        histories = {order_id: store.notes.history(order_id) for order_id in {ack["order_id"] for ack in acks}}
        stored = {note.id: as_dict(note) for history in histories.values() for note in history}
        for ack in acks:
            assert stored.get(ack["id"]) == ack

        # A killed writer may have committed one note it never acknowledged; nothing else is unaccounted for.
        for run in runs:
            rows = [
                row[0] for row in db.execute("SELECT id FROM order_notes WHERE agent_id = ? ORDER BY id", [run.agent])
            ]
            acked = [ack["id"] for ack in run.acks]
            assert rows[: len(acked)] == acked, run.agent
            assert len(rows) - len(acked) <= (0 if run is closing else 1), run.agent

        # order_current is the newest version of every order, with the right count.
        all_orders = [row[0] for row in db.execute("SELECT DISTINCT order_id FROM order_notes")]
        current_rows = {
            row[0]: row[1:] for row in db.execute("SELECT order_id, note_id, flag, buyer, versions FROM order_current")
        }
        assert sorted(current_rows) == sorted(all_orders)
        for order_id in all_orders:
            history = histories.get(order_id) or store.notes.history(order_id)
            newest = history[-1]
            assert current_rows[order_id] == (newest.id, newest.flag, newest.buyer, len(history)), order_id
            assert store.notes.current(order_id) == newest

        # The text index holds exactly the committed notes, and search finds every acknowledged text.
        note_ids = [row[0] for row in db.execute("SELECT id FROM order_notes ORDER BY id")]
        term_ids = [row[0] for row in db.execute("SELECT rowid FROM order_note_terms ORDER BY rowid")]
        assert term_ids == note_ids
        for ack in acks:
            tag = ack["text"].rsplit(" ", 1)[-1]  # "w3an17": this version alone
            assert ack["order_id"] in {note.current.order_id for note in store.notes.search(tag)}, tag
        for ack in killed_last + rng.sample(acks, min(100, len(acks))):
            serial = ack["text"].split("\n")[1].split(" ")[0]  # "第一七次修改": Chinese only, a bigram phrase
            assert ack["order_id"] in {note.current.order_id for note in store.notes.search(serial)}, serial
            assert ack["order_id"] in {note.current.order_id for note in store.notes.search(ack["text"])}
    finally:
        store.close()
