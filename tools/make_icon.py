"""Render resources/icons/app.svg to app.ico (Windows exe, taskbar, Explorer) and app.png (Linux).

app.ico holds one image per size Windows asks for (16, 20, 24, 32, 40, 48, 64 and 256 px: 100-250 %
scaling of small icons, taskbar, Explorer views), each rendered from the SVG at that size rather than
scaled down from 256 px, stored as PNG entries (Windows Vista and later read them at every size).
"""

import os
import struct
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QBuffer, QIODevice  # noqa: E402
from PySide6.QtGui import QGuiApplication, QIcon, QImage  # noqa: E402

ICONS = Path(__file__).resolve().parents[1] / "resources" / "icons"
ICO_SIZES = (16, 20, 24, 32, 40, 48, 64, 256)


def png_bytes(icon: QIcon, size: int) -> bytes:
    image = icon.pixmap(size, size).toImage().convertToFormat(QImage.Format.Format_ARGB32)
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    if image.width() != size or not image.save(buffer, "PNG"):
        raise RuntimeError(f"cannot render {size} px")
    return bytes(buffer.data())


def ico_bytes(images: dict[int, bytes]) -> bytes:
    """ICONDIR (6 bytes), one ICONDIRENTRY (16 bytes) per image, then the PNG data."""
    header = struct.pack("<HHH", 0, 1, len(images))
    offset = 6 + 16 * len(images)
    entries, blobs = b"", b""
    for size, data in sorted(images.items()):
        side = 0 if size >= 256 else size  # 0 means 256 in an ICONDIRENTRY
        entries += struct.pack("<BBBBHHII", side, side, 0, 0, 1, 32, len(data), offset + len(blobs))
        blobs += data
    return header + entries + blobs


def main() -> int:
    app = QGuiApplication(sys.argv[:1])  # noqa: F841 - rendering needs an application object
    icon = QIcon(str(ICONS / "app.svg"))
    (ICONS / "app.ico").write_bytes(ico_bytes({size: png_bytes(icon, size) for size in ICO_SIZES}))
    (ICONS / "app.png").write_bytes(png_bytes(icon, 256))
    print(ICONS / "app.ico")
    print(ICONS / "app.png")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
