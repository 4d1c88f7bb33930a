"""Light and dark themes: Fusion with a palette, plus the panel's small stylesheet."""

from __future__ import annotations

from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication

from desktop_assistant.resources_access import resource_path


def _dark_palette() -> QPalette:
    palette = QPalette()
    roles = {
        QPalette.ColorRole.Window: "#2b2d31",
        QPalette.ColorRole.WindowText: "#e8e8e8",
        QPalette.ColorRole.Base: "#1f2023",
        QPalette.ColorRole.AlternateBase: "#2f3136",
        QPalette.ColorRole.Text: "#e8e8e8",
        QPalette.ColorRole.Button: "#35373c",
        QPalette.ColorRole.ButtonText: "#e8e8e8",
        QPalette.ColorRole.Highlight: "#ff6a00",
        QPalette.ColorRole.HighlightedText: "#ffffff",
        QPalette.ColorRole.ToolTipBase: "#35373c",
        QPalette.ColorRole.ToolTipText: "#e8e8e8",
        QPalette.ColorRole.PlaceholderText: "#8a8d93",
    }
    for role, colour in roles.items():
        palette.setColor(role, QColor(colour))
    return palette


def apply_theme(app: QApplication, theme: str) -> None:
    app.setStyle("Fusion")
    if theme == "dark":
        app.setPalette(_dark_palette())
    else:
        palette = app.style().standardPalette()
        palette.setColor(QPalette.ColorRole.Highlight, QColor("#ff6a00"))  # the shop-orange accent
        app.setPalette(palette)
    app.setStyleSheet(resource_path("panel.qss").read_text(encoding="utf-8"))
