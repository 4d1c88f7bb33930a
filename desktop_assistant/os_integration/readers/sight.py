"""The sight reader (docs/sight.md): reads the IM client from pixels of its calibrated regions.

Each poll grabs only the three regions (list, header, messages) of the client window, relative to its
client area, so moving the window changes nothing. A digest of each region says whether anything
changed; only then is it analysed. The header is OCR'd for the active buyer (confirmed once read the
same twice in a row: domain.reading.NickConfirmer; ACTIVE_BUYER is emitted confirmed, so the hub must
not confirm it again); new bubbles in the message area give BUYER_MESSAGE / AGENT_MESSAGE (side:
`reader.buyer_side`), timed by the time line printed above them when there is one; red badges in the
list give UNREAD_BADGE with the row's nick.

It never clicks, types or focuses anything, keeps no image (arrays live for one poll, nothing is
written anywhere) and keeps message text only when `reader.capture_questions` is on.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import OrderedDict
from collections.abc import Callable
from concurrent import futures
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from typing import Any

import numpy as np
from PySide6.QtCore import QCoreApplication

from desktop_assistant.domain.conversation_titles import parse_accounts
from desktop_assistant.domain.reading import (
    ACTIVE_BUYER,
    AGENT_MESSAGE,
    BUYER_MESSAGE,
    SIGHT,
    UNREAD_BADGE,
    NickConfirmer,
    ReaderEvent,
    Region,
    RegionError,
    Regions,
    parse_regions,
)
from desktop_assistant.os_integration.foreground import WindowRef
from desktop_assistant.os_integration.readers import sight_image as image
from desktop_assistant.os_integration.readers.base import Reader, ReaderUnavailable
from desktop_assistant.os_integration.readers.ocr import Ocr, OcrMissing, TextLine, release_memory
from desktop_assistant.os_integration.readers.sight_capture import Grabber, QtGrabber

ROW_REACH = 28  # px above and below a badge's centre that belong to its conversation row
TIME = re.compile(r"(?:(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})\s*)?(昨天)?\s*(\d{1,2})[:：](\d{2})(?:[:：](\d{2}))?")
MAX_KEYS = 2000  # bubbles remembered per conversation


def parse_clock(text: str, now: dt.datetime) -> dt.datetime | None:
    """The time printed above a bubble (HH:MM[:SS], optionally a date or 昨天) on `now`'s day."""
    match = TIME.search(text)
    if not match:
        return None
    year, month, day, yesterday, hour, minute, second = match.groups()
    try:
        at = now.replace(hour=int(hour), minute=int(minute), second=int(second or 0), microsecond=0)
        if year:
            at = at.replace(year=int(year), month=int(month), day=int(day))
    except ValueError:
        return None
    if yesterday:
        at -= dt.timedelta(days=1)
    elif not year and at > now + dt.timedelta(minutes=1):
        at -= dt.timedelta(days=1)  # printed before midnight
    return at


@dataclass(frozen=True)
class SightSnapshot:
    """What the regions show right now (for calibration and `reader probe`), without any history."""

    nick: str
    badges: tuple[tuple[str, int], ...]  # (nick, count) of rows with an unread badge
    last_speaker: str  # "buyer", "agent" or "" (no bubble)


def snapshot(
    ocr: Ocr,
    listing: np.ndarray,
    header: np.ndarray,
    messages: np.ndarray,
    buyer_left: bool = True,
    sellers: frozenset[str] | set[str] = frozenset(),
) -> SightSnapshot:
    nick = SightReader._nick(ocr.lines(header), sellers)
    badges = []
    for badge in image.find_badges(listing):
        top = max(0, (badge.y0 + badge.y1) // 2 - ROW_REACH)
        band = listing[top : (badge.y0 + badge.y1) // 2 + ROW_REACH]
        row_nick, count = SightReader._row(ocr, listing, band, top, badge)
        if row_nick and row_nick not in sellers:
            badges.append((row_nick, count))
    bubbles = image.find_bubbles(messages)
    speaker = "" if not bubbles else "buyer" if bubbles[-1].left == buyer_left else "agent"
    return SightSnapshot(nick, tuple(badges), speaker)


@dataclass(frozen=True)
class _Job:
    """One poll's pixels and the settings it is read with, taken on the GUI thread for the worker."""

    target: tuple[int, str]  # (window id, client)
    client: str
    now: dt.datetime  # when the agent saw it (the grab): the time of its events
    header: np.ndarray
    listing: np.ndarray
    messages: np.ndarray
    sellers: frozenset[str]
    buyer_left: bool
    keep_text: bool


class SightReader(Reader):
    """The analysis and the OCR run on one worker thread of the reader's own: read() grabs (Qt allows a
    QPixmap only on the GUI thread), hands the pixels over and returns what an earlier job found, so a new
    bubble or a switch never stalls the panel and the OCR models load off the GUI thread too.

    Everything the reader remembers (the nick confirmer, the bubbles seen, the list's rows and badges, the
    regions' digests) and the OCR engine belong to the worker; the GUI thread touches them only in
    close(), after the worker is gone."""

    source = SIGHT

    def __init__(
        self, setting: Callable[[str], Any], grabber: Grabber | None = None, ocr_factory: Callable[[], Ocr] = Ocr
    ) -> None:
        self._setting = setting
        self._grabber = grabber
        self._ocr_factory = ocr_factory
        self._pool: ThreadPoolExecutor | None = None
        self._job: Future | None = None  # the poll being analysed, at most one
        self._failure: ReaderUnavailable | None = None  # to raise at the next read (events went out first)
        self._ocr: Ocr | None = None
        self._reset(None)

    def _reset(self, key: tuple[int, str] | None) -> None:
        self._target = key
        self._prints: dict[str, Any] = {}
        self._reading = ""
        self._confirmer = NickConfirmer()
        self._seen: dict[str, OrderedDict[str, int]] = {}
        self._badges: dict[str, int] = {}
        self._rows: dict[str, tuple[str, int]] = {}

    # --- setup (GUI thread) ---------------------------------------------------------------------
    def _regions(self, client: str) -> Regions:
        try:
            regions = parse_regions(str(self._setting("reader.regions") or "")).get(client)
        except RegionError:
            regions = None
        if regions is None:
            raise ReaderUnavailable(
                QCoreApplication.translate("SightReader", "尚未校准 {client} 的识别区域").format(client=client)
            )
        return regions

    def _worker(self) -> ThreadPoolExecutor:
        if self._pool is None:
            self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="sight")
        return self._pool

    def engine(self) -> Ocr:
        """The OCR engine, loaded on the worker at its first use (never at start); waits for it."""
        return self._worker().submit(self._engine).result()

    def _grab(self, window: int, region: Region) -> np.ndarray:
        if self._grabber is None:
            self._grabber = QtGrabber()
        img = self._grabber.grab(window, region)
        if img is None:
            raise ReaderUnavailable(
                QCoreApplication.translate("SightReader", "无法截取窗口画面（窗口已关闭、最小化或小于校准区域）")
            )
        return img

    def _sellers(self, window: WindowRef) -> frozenset[str]:
        names = set(parse_accounts(str(self._setting("seller_accounts") or "")))
        account = re.sub(r"\s*-\s*[^-]*$", "", window.title).strip()  # 小店:小美-接待中心 -> 小店:小美
        if account and account != window.title:
            names |= {account, account.split(":")[-1]}
        return frozenset(names)

    def confirming(self) -> bool:
        """A poll is being analysed (its events come at a later read) or a nick waits for its second
        reading: either way the hub asks again after RECHECK_MS."""
        return self._job is not None

    def wait(self, timeout: float | None = None) -> bool:
        """Blocks until the poll being analysed is done (tests, benchmarks; the hub never waits)."""
        if self._job is None:
            return True
        done, _ = futures.wait([self._job], timeout)
        return bool(done)

    def idle(self) -> None:
        """No chat window for a while: the worker drops the OCR models (loaded again, on the worker, when
        needed). What was seen is kept."""
        if self._pool is not None:
            self._pool.submit(self._drop_engine)

    def close(self) -> None:
        """Stop the worker (waiting for the poll it analyses), drop the OCR models and what was seen; the
        next read starts afresh."""
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None
        self._job, self._failure = None, None
        self._ocr = None
        self._reset(None)

    def snapshot(self, window: WindowRef, client: str) -> SightSnapshot:
        """What the calibrated regions show now; raises ReaderUnavailable like read(). Synchronous: it grabs
        here and waits for the worker (after a poll it may be analysing)."""
        regions = self._regions(client)
        crops = [self._grab(window.id, getattr(regions, name)) for name in ("list", "header", "messages")]
        buyer_left = self._setting("reader.buyer_side") != "right"
        sellers = self._sellers(window)
        return self._worker().submit(lambda: snapshot(self._engine(), *crops, buyer_left, sellers)).result()

    # --- one poll (GUI thread) ------------------------------------------------------------------
    def read(self, window: WindowRef, client: str, now: dt.datetime) -> list[ReaderEvent]:
        """Grabs the regions and hands them to the worker when it is free; returns the events of the poll
        it finished (its exception is raised here). A poll whose nick waits for a second reading, or that
        confirmed a switch, is followed at once by the next grab, so the hub's recheck collects it."""
        regions = self._regions(client)
        if self._failure is not None:
            failure, self._failure = self._failure, None
            raise failure
        events: list[ReaderEvent] = []
        if self._job is not None:
            if not self._job.done():
                return []
            job, self._job = self._job, None
            found, again, target = job.result()  # the worker's ReaderUnavailable is raised here
            if target != (window.id, client):  # read from a window the agent left: this one is read now
                found, again = [], True
            if not again:
                return found
            events = found
        try:
            self._job = self._worker().submit(self._analyse, self._take(window, client, regions, now))
        except ReaderUnavailable as exc:
            if not events:
                raise
            self._failure = exc
        return events

    def _take(self, window: WindowRef, client: str, regions: Regions, now: dt.datetime) -> _Job:
        header = self._grab(window.id, regions.header)
        listing = self._grab(window.id, regions.list)
        if (header == header[0, 0]).all() and (listing == listing[0, 0]).all():
            # a minimised window captures black (X11), one not drawn yet a single colour: nothing to read, and
            # the state must survive it (else the badges would be reported again when it comes back)
            raise ReaderUnavailable(QCoreApplication.translate("SightReader", "窗口画面为空（已最小化或尚未绘制）"))
        return _Job(
            (window.id, client),
            client,
            now,
            header,
            listing,
            self._grab(window.id, regions.messages),
            self._sellers(window),
            self._setting("reader.buyer_side") != "right",
            bool(self._setting("reader.capture_questions")),
        )

    # --- the worker -----------------------------------------------------------------------------
    def _engine(self) -> Ocr:
        if self._ocr is None:
            try:
                self._ocr = self._ocr_factory()
            except OcrMissing:
                raise ReaderUnavailable(
                    QCoreApplication.translate("SightReader", "未安装文字识别组件 (rapidocr)")
                ) from None
        return self._ocr

    def _drop_engine(self) -> None:
        self._ocr = None
        release_memory()

    def _changed(self, name: str, img: np.ndarray, context: str = "") -> bool:
        print_ = (context, image.fingerprint(img))
        if self._prints.get(name) == print_:
            return False
        self._prints[name] = print_
        return True

    def _analyse(self, job: _Job) -> tuple[list[ReaderEvent], bool, tuple[int, str]]:
        """The events of one poll, whether to grab again at once, and the window read."""
        ocr = self._engine()
        if self._target != job.target:
            self._reset(job.target)
        events: list[ReaderEvent] = []

        def event(kind: str, buyer: str, at: dt.datetime, text: str = "", count: int = 0) -> None:
            events.append(ReaderEvent(kind, buyer, at, SIGHT, job.client, text, count))

        read_text = False
        if self._changed("header", job.header):
            self._reading = self._nick(ocr.lines(job.header), job.sellers)
            read_text = True
        switched = self._confirmer.offer(self._reading)
        if switched:
            event(ACTIVE_BUYER, self._confirmer.confirmed, job.now)
        buyer = self._confirmer.confirmed
        if buyer and self._reading == buyer and not switched:  # not while the header shows another nick
            if self._changed("messages", job.messages, buyer):
                self._messages(ocr, job, buyer, event)
                read_text = True
        if self._changed("list", job.listing):
            self._list(ocr, job.listing, buyer, job.sellers, job.now, event)
            read_text = True
        if read_text:
            release_memory()  # onnxruntime's buffers for this input size go back to the system
        # Grab again at once while a nick waits for its second reading, and right after a switch: the switch
        # goes out without waiting for the new conversation's bubbles, which the next grab reads.
        again = switched or (bool(self._reading) and self._reading != self._confirmer.confirmed)
        return events, again, job.target

    @staticmethod
    def _nick(lines: list[TextLine], sellers: frozenset[str] | set[str]) -> str:
        """The header's nick: its leftmost line (clients put the nick first and their buttons on the right;
        a Latin nick's box is lower than CJK button text, so height cannot decide)."""
        lines = [line for line in lines if line.text not in sellers]
        if not lines:
            return ""
        return min(lines, key=lambda line: (line.box.x0, line.box.y0)).text

    def _messages(self, ocr: Ocr, job: _Job, buyer: str, event: Callable) -> None:
        img, now = job.messages, job.now
        bubbles = [
            b for b in image.find_bubbles(img) if b.box.y0 >= image.TIME_LINE_GAP and b.box.y1 < img.shape[0]
        ]  # whole, with their time line
        seen = self._seen.setdefault(buyer, OrderedDict())
        first_look = not seen  # nothing seen yet: at start, or the conversation was empty or still loading
        counts: dict[str, int] = {}
        known = []  # per bubble: seen before (the same content, as many times)
        for bubble in bubbles:
            counts[bubble.key] = counts.get(bubble.key, 0) + 1
            known.append(counts[bubble.key] <= seen.get(bubble.key, 0))
        for key, count in counts.items():
            seen[key] = max(count, seen.get(key, 0))
            seen.move_to_end(key)
        while len(seen) > MAX_KEYS:
            seen.popitem(last=False)
        buyer_left = job.buyer_left
        if first_look:  # what was on screen before: only the buyer's messages not answered yet count
            answered = [i for i, b in enumerate(bubbles) if b.left != buyer_left]
            new = bubbles[answered[-1] + 1 :] if answered else bubbles
        else:
            # New messages arrive at the bottom: only unseen bubbles below the last seen one are new. Unseen
            # ones above it, or a view with nothing seen in it, are history the agent scrolled back to.
            last_known = max((i for i, flag in enumerate(known) if flag), default=len(bubbles))
            new = [b for i, b in enumerate(bubbles) if i > last_known and not known[i]]
        keep_text = job.keep_text
        for bubble in new:
            at = None
            if bubble.time_box is not None:
                at = parse_clock(ocr.line(image.tight(bubble.time_box.crop(img))), now)
            text = ocr.text(bubble.box.crop(img)) if keep_text else ""
            event(BUYER_MESSAGE if bubble.left == buyer_left else AGENT_MESSAGE, buyer, at or now, text)

    def _list(
        self, ocr: Ocr, img: np.ndarray, buyer: str, sellers: frozenset[str], now: dt.datetime, event: Callable
    ) -> None:
        shown: dict[str, int] = {}
        for badge in image.find_badges(img):
            top = max(0, (badge.y0 + badge.y1) // 2 - ROW_REACH)
            band = img[top : (badge.y0 + badge.y1) // 2 + ROW_REACH]
            key = image.digest(band)
            if key not in self._rows:
                self._rows[key] = self._row(ocr, img, band, top, badge)
            nick, count = self._rows[key]
            if nick and nick != buyer and nick not in sellers:
                shown[nick] = count
        if len(self._rows) > MAX_KEYS:
            self._rows.clear()
        for nick, count in shown.items():
            if self._badges.get(nick) != count:
                event(UNREAD_BADGE, nick, now, count=count)
        self._badges = shown

    @staticmethod
    def _row(ocr: Ocr, img: np.ndarray, band: np.ndarray, top: int, badge: image.Box) -> tuple[str, int]:
        """The nick of a badge's row (its topmost line that is not the badge or a time) and the number."""

        def usable(line: TextLine) -> bool:
            overlaps = (
                line.box.x1 > badge.x0
                and line.box.x0 < badge.x1
                and line.box.y1 + top > badge.y0
                and line.box.y0 + top < badge.y1
            )
            return not overlaps and not TIME.fullmatch(line.text) and not line.text.isdigit()

        lines = [line for line in ocr.lines(band) if usable(line)]
        nick = min(lines, key=lambda line: (line.box.y0, line.box.x0)).text if lines else ""
        digits = re.sub(r"\D", "", ocr.text(image.badge_digits(img, badge)))
        return nick, int(digits[:4]) if digits else 0


def create_reader(settings: Any) -> SightReader:
    """The reader as the app wires it: it reads its settings (regions, side, sellers) at every poll."""
    return SightReader(settings.get)
