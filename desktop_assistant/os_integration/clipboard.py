"""The agent's clipboard, kept safe around an insertion; GUI thread only (QClipboard).

`ClipboardSnapshot.take()` copies every format the owner offers (text, HTML, images, file lists,
private formats) into memory; `restore()` puts it back. `TextPayload` is the text we paste: a
QMimeData that counts how often another program fetched it, which tells the pipeline the target has
taken the text (X11 serves selections and Windows renders OLE clipboard data on request, both through
`retrieveData`). On Windows the payload uses CRLF, and both it and the restored item are marked to stay
out of clipboard history, cloud sync and clipboard monitors.

Contention (Windows: another program holds the clipboard open): Qt's read then gives no formats and its
set fails and deletes the data. An empty read is checked against a probe that counts the formats without
opening the clipboard (CountClipboardFormats); if they disagree the snapshot is `unknown`, and an
unknown snapshot is never restored, so the agent's clipboard is never cleared by mistake.
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

from PySide6.QtCore import QByteArray, QMimeData
from PySide6.QtGui import QClipboard, QImage

log = logging.getLogger(__name__)

# X11 selection targets that describe the selection rather than hold data.
PSEUDO_FORMATS = frozenset({"TARGETS", "MULTIPLE", "TIMESTAMP", "SAVE_TARGETS", "DELETE", "INSERT_SELECTION"})
QT_IMAGE = "application/x-qt-image"
PNG = "image/png"
# Clipboard-history, cloud-clipboard and monitor opt-out (Windows 10 1809+; learn.microsoft.com
# dataxchg/clipboard-formats, "Cloud Clipboard and Clipboard History Formats"): registered formats, which
# Qt's Windows plugin registers from a MIME type of this form (qwindowsmimeregistry.cpp). The DWORD 0
# values say "not in history", "not to the cloud"; the monitor format counts by its presence.
WINDOWS_PRIVACY_FORMATS = {
    'application/x-qt-windows-mime;value="ExcludeClipboardContentFromMonitorProcessing"': b"\x00\x00\x00\x00",
    'application/x-qt-windows-mime;value="CanIncludeInClipboardHistory"': b"\x00\x00\x00\x00",
    'application/x-qt-windows-mime;value="CanUploadToCloudClipboard"': b"\x00\x00\x00\x00",
}


def _bytes(data: Any) -> bytes:
    return bytes(data.data()) if isinstance(data, QByteArray) else bytes(data or b"")


class ClipboardSnapshot:
    """Everything one clipboard mode held: raw bytes per format, and the image as a QImage.

    An owner that offers an image in many encodings (Qt programs offer ~20) would have to encode each
    one for us; we keep the PNG (or the owner's only encoding) byte for byte plus the decoded image,
    from which Qt offers the other encodings again on restore.
    """

    def __init__(self, formats: list[tuple[str, bytes]], image: QImage | None, unknown: bool = False) -> None:
        self.formats = formats
        self.image = image
        self.unknown = unknown  # the clipboard held something we could not read

    @property
    def empty(self) -> bool:
        return not self.formats and self.image is None

    @property
    def text(self) -> str:
        for name, data in self.formats:
            if name == "text/plain" or name.startswith("text/plain;"):
                return data.decode("utf-8", "replace")
        return ""

    @classmethod
    def take(
        cls,
        clipboard: QClipboard,
        mode: QClipboard.Mode = QClipboard.Mode.Clipboard,
        probe: Callable[[], int | None] | None = None,
    ) -> ClipboardSnapshot:
        """`probe`: the number of formats on the clipboard counted without opening it, None when it cannot
        be told; an empty read while the probe counts formats (or cannot count) is `unknown`."""
        source = clipboard.mimeData(mode)
        names = [name for name in source.formats() if name not in PSEUDO_FORMATS] if source is not None else []
        if not names:
            count = probe() if probe is not None else 0
            return cls([], None, unknown=count is None or count > 0)
        assert source is not None
        image_names = [name for name in names if name.startswith("image/")]
        keep_images = {PNG} if PNG in image_names else set(image_names[:1])
        formats: list[tuple[str, bytes]] = []
        for name in names:
            if name == QT_IMAGE or (name.startswith("image/") and name not in keep_images):
                continue
            data = _bytes(source.data(name))
            if data or name.startswith("text/"):
                formats.append((name, data))
        image = None
        if source.hasImage():
            value = source.imageData()
            if isinstance(value, QImage) and not value.isNull():
                image = value.copy()
        return cls(formats, image)

    def to_mime(self, platform: str = sys.platform) -> QMimeData:
        mime = QMimeData()
        if self.image is not None:
            mime.setImageData(self.image)
        for name, data in self.formats:
            mime.setData(name, QByteArray(data))  # raw bytes win over re-encoding the image
        if platform == "win32":  # the agent's item is already in the history once: not a second time
            for name, value in WINDOWS_PRIVACY_FORMATS.items():
                mime.setData(name, QByteArray(value))
        return mime

    def restore(
        self, clipboard: QClipboard, mode: QClipboard.Mode = QClipboard.Mode.Clipboard, platform: str = sys.platform
    ) -> QMimeData | None:
        """Put the snapshot back; returns the QMimeData given to the clipboard (None when cleared or
        when the snapshot is unknown: then the clipboard is left exactly as it is)."""
        if self.unknown:
            return None
        if self.empty:
            clipboard.clear(mode)
            return None
        mime = self.to_mime(platform)
        clipboard.setMimeData(mime, mode)
        return mime


def hand_over_to_qt(clipboard: QClipboard, mime: QMimeData, mode: QClipboard.Mode) -> None:
    """Replace a Python-made QMimeData on the clipboard with the same text or image made by Qt itself.

    Qt deletes (Windows: first renders, OleFlushClipboard) the clipboard's data while the application
    object is destroyed, which can be after Python has shut down; a Python-made object then crashes
    the process on exit. Called at quit; other formats are dropped then."""
    if clipboard.mimeData(mode) is not mime:
        return
    image = mime.imageData() if mime.hasImage() else None
    if isinstance(image, QImage) and not image.isNull():
        clipboard.setImage(QImage(image), mode)
    elif mime.hasText():
        clipboard.setText(mime.text(), mode)
    else:
        clipboard.clear(mode)


class TextPayload(QMimeData):
    """The text we paste. `on_fetch(format)` is called when another program takes it, once `armed`
    (a plain callback, not a signal: it runs on the GUI thread inside Qt's clipboard handling)."""

    def __init__(self, text: str, platform: str = sys.platform) -> None:
        super().__init__()
        self.plain = text
        self.fetches = 0
        self.armed = False
        self.on_fetch: Callable[[str], None] | None = None
        self._quiet = 0
        if platform == "win32":
            text = text.replace("\r\n", "\n").replace("\n", "\r\n")
            for name, data in WINDOWS_PRIVACY_FORMATS.items():
                self.setData(name, QByteArray(data))
        self.setText(text)

    @contextmanager
    def quiet(self) -> Iterator[None]:
        """Our own reads are not fetches."""
        self._quiet += 1
        try:
            yield
        finally:
            self._quiet -= 1

    def retrieveData(self, mimetype: str, preferred_type: Any) -> Any:  # noqa: N802 - Qt override
        if self.armed and not self._quiet and not mimetype.startswith("application/x-qt-windows-mime"):
            self.fetches += 1
            if self.on_fetch is not None:
                self.on_fetch(mimetype)
        return super().retrieveData(mimetype, preferred_type)


def _normalised(text: str) -> str:
    return text.replace("\r\n", "\n")


def placed(clipboard: QClipboard, mime: QMimeData, mode: QClipboard.Mode = QClipboard.Mode.Clipboard) -> bool:
    """Whether a setMimeData took: the clipboard serves this very object. On Windows Qt serves its own
    data only while it owns the clipboard (OleIsCurrentClipboard), and deletes the object when the set
    failed, which the wrapper reports as a RuntimeError."""
    try:
        if isinstance(mime, TextPayload):
            with mime.quiet():
                return clipboard.mimeData(mode) is mime
        return clipboard.mimeData(mode) is mime
    except RuntimeError:
        return False


def holds(clipboard: QClipboard, payload: TextPayload, mode: QClipboard.Mode = QClipboard.Mode.Clipboard) -> bool:
    """Whether the clipboard still holds our text (nobody copied anything since)."""
    try:
        return _holds(clipboard, payload, mode)
    except RuntimeError:  # Qt deleted our payload (Windows: a later set failed): we cannot tell
        return False


def _holds(clipboard: QClipboard, payload: TextPayload, mode: QClipboard.Mode) -> bool:
    owns = clipboard.ownsClipboard() if mode == QClipboard.Mode.Clipboard else clipboard.ownsSelection()
    with payload.quiet():
        current = clipboard.mimeData(mode)
        if current is payload:
            return True
        if not owns or current is None:
            return False
        return _normalised(current.text()) == _normalised(payload.plain)
