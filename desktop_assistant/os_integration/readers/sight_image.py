"""Image analysis for the sight reader on numpy RGB arrays (H x W x 3, uint8): no OCR, no capture.

Chat clients draw messages as filled bubbles on a plain background: a bubble is a block of rows that
each hold a long run of one colour that is not the background. Time lines and text are thin strokes
and never make such runs. Unread badges are saturated red blobs in the conversation list.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

import numpy as np

BG_TOLERANCE = 6  # a white bubble on a #f5f5f5 background differs by 10
MIN_RUN = 24  # the narrowest bubble ("好" plus padding) is ~38 px wide
MIN_BUBBLE_H = 16
TIME_LINE_GAP = 40  # how far above a bubble its time line may sit


@dataclass(frozen=True)
class Box:
    x0: int
    y0: int
    x1: int  # exclusive
    y1: int

    @property
    def w(self) -> int:
        return self.x1 - self.x0

    @property
    def h(self) -> int:
        return self.y1 - self.y0

    def crop(self, img: np.ndarray) -> np.ndarray:
        return img[self.y0 : self.y1, self.x0 : self.x1]


@dataclass(frozen=True)
class Bubble:
    box: Box
    left: bool  # drawn on the left side of the message area
    time_box: Box | None  # the line printed just above it (the message time), if any
    key: str  # content hash of the bubble and its time line


def fingerprint(img: np.ndarray) -> bytes:
    """A cheap digest of a downscaled copy: equal when nothing visible changed (text strokes are
    >= 1 px, so every 2nd pixel in both directions still sees them)."""
    return hashlib.blake2b(np.ascontiguousarray(img[::2, ::2]).tobytes(), digest_size=16).digest()


def digest(*parts: np.ndarray) -> str:
    h = hashlib.blake2b(digest_size=12)
    for part in parts:
        h.update(str(part.shape).encode())
        h.update(np.ascontiguousarray(part).tobytes())
    return h.hexdigest()


def background(img: np.ndarray) -> np.ndarray:
    """The most frequent colour (sampled)."""
    sample = img[::3, ::3].reshape(-1, 3).astype(np.uint32)
    packed = (sample[:, 0] << 16) | (sample[:, 1] << 8) | sample[:, 2]
    values, counts = np.unique(packed, return_counts=True)
    top = int(values[np.argmax(counts)])
    return np.array([(top >> 16) & 255, (top >> 8) & 255, top & 255], dtype=np.uint8)


def foreground(img: np.ndarray, bg: np.ndarray | None = None) -> np.ndarray:
    bg = background(img) if bg is None else bg
    return (np.abs(img.astype(np.int16) - bg.astype(np.int16)) > BG_TOLERANCE).any(axis=2)


def _row_segments(rows: np.ndarray) -> list[tuple[int, int]]:
    """[start, end) of each run of True in a 1-D bool array."""
    padded = np.concatenate(([False], rows, [False])).astype(np.int8)
    edges = np.flatnonzero(np.diff(padded))
    return [(int(a), int(b)) for a, b in zip(edges[::2], edges[1::2], strict=True)]


def _fill_cover(img: np.ndarray, fg: np.ndarray, run: int) -> np.ndarray:
    """Pixels inside a horizontal run of >= `run` equal, non-background pixels."""
    same = (img[:, 1:] == img[:, :-1]).all(axis=2) & fg[:, 1:] & fg[:, :-1]
    cum = np.concatenate((np.zeros((same.shape[0], 1), np.int32), np.cumsum(same, axis=1, dtype=np.int32)), axis=1)
    window = run - 1  # run pixels make run-1 equal neighbour pairs
    full = (cum[:, window:] - cum[:, :-window]) == window  # a run starts at each True column
    cover = np.zeros(fg.shape, bool)
    for offset in range(run):  # spread each start over the run it begins
        cover[:, offset : offset + full.shape[1]] |= full
    return cover


def find_bubbles(img: np.ndarray) -> list[Bubble]:
    """Bubbles from top to bottom (the newest is the last)."""
    if img.shape[0] < MIN_BUBBLE_H or img.shape[1] <= MIN_RUN:
        return []
    bg = background(img)
    fg = foreground(img, bg)
    cover = _fill_cover(img, fg, MIN_RUN)
    width = img.shape[1]
    bubbles: list[Bubble] = []
    previous_bottom = 0
    for box in _merge_blocks(img, cover):
        if box.h < MIN_BUBBLE_H:
            continue
        time_box = _line_above(fg, box, max(previous_bottom, box.y0 - TIME_LINE_GAP))
        parts = [box.crop(img)] + ([time_box.crop(img)] if time_box else [])
        bubbles.append(Bubble(box, box.x0 < width - box.x1, time_box, digest(*parts)))
        previous_bottom = box.y1
    return bubbles


def _merge_blocks(img: np.ndarray, cover: np.ndarray) -> list[Box]:
    """Blocks of covered rows, joined across the text lines inside a bubble: there the rows are broken
    by glyphs, but both edges (the padding beside the text) keep the bubble's fill."""
    blocks: list[Box] = []
    for y0, y1 in _row_segments(cover.any(axis=1)):
        columns = np.flatnonzero(cover[y0:y1].any(axis=0))
        box = Box(int(columns[0]), y0, int(columns[-1]) + 1, y1)
        if blocks and _joins(img, cover, blocks[-1], box):
            last = blocks.pop()
            box = Box(min(last.x0, box.x0), last.y0, max(last.x1, box.x1), box.y1)
        blocks.append(box)
    return blocks


def _joins(img: np.ndarray, cover: np.ndarray, upper: Box, lower: Box, edge: int = 3) -> bool:
    if abs(upper.x0 - lower.x0) > 2 or abs(upper.x1 - lower.x1) > 2 or upper.w <= 2 * edge:
        return False
    fill = background(upper.crop(img)[upper.crop(cover)][:, None, :])  # the block's commonest colour
    gap = img[upper.y1 : lower.y0]
    left, right = gap[:, upper.x0 + edge], gap[:, upper.x1 - 1 - edge]
    return bool((left == fill).all() and (right == fill).all())


def _line_above(fg: np.ndarray, box: Box, limit: int) -> Box | None:
    """The nearest band of foreground rows above `box` (within `limit`), on the bubble's half."""
    width = fg.shape[1]
    x0, x1 = (0, width // 2) if box.x0 < width - box.x1 else (width // 2, width)
    band = fg[limit : box.y0, x0:x1]
    rows = band.any(axis=1)
    segments = _row_segments(rows)
    if not segments:
        return None
    s0, s1 = segments[-1]
    columns = np.flatnonzero(band[s0:s1].any(axis=0))
    return Box(x0 + int(columns[0]), limit + s0, x0 + int(columns[-1]) + 1, limit + s1)


def find_badges(img: np.ndarray, min_size: int = 8) -> list[Box]:
    """Saturated red blobs (unread badges), top to bottom."""
    rgb = img.astype(np.int16)
    red = (rgb[:, :, 0] > 190) & (rgb[:, :, 1] < 100) & (rgb[:, :, 2] < 110)
    boxes = []
    for y0, y1 in _row_segments(red.any(axis=1)):
        for x0, x1 in _row_segments(red[y0:y1].any(axis=0)):
            if y1 - y0 >= min_size and x1 - x0 >= min_size:
                boxes.append(Box(x0, y0, x1, y1))
    return boxes


def badge_digits(img: np.ndarray, box: Box, scale: int = 3, pad: int = 12) -> np.ndarray:
    """The badge's white digits as dark on light, enlarged, for OCR."""
    crop = box.crop(img)
    gray = 255 - crop[:, :, 1]  # red -> light, white digits -> black
    gray = np.repeat(np.repeat(gray, scale, axis=0), scale, axis=1)
    gray = np.pad(gray, pad, constant_values=int(gray[0, 0]) if gray.size else 255)
    return np.stack([gray] * 3, axis=2).astype(np.uint8)


def tight(img: np.ndarray, pad: int = 6) -> np.ndarray:
    """The crop around everything that is not background, with a margin of background."""
    bg = background(img)
    fg = foreground(img, bg)
    if not fg.any():
        return img[:0, :0]
    ys, xs = np.flatnonzero(fg.any(axis=1)), np.flatnonzero(fg.any(axis=0))
    crop = img[ys[0] : ys[-1] + 1, xs[0] : xs[-1] + 1]
    out = np.empty((crop.shape[0] + 2 * pad, crop.shape[1] + 2 * pad, 3), np.uint8)
    out[:] = bg
    out[pad : pad + crop.shape[0], pad : pad + crop.shape[1]] = crop
    return out
