"""The calibration overlay: drag the three regions on a picture of the fake 接待中心, see what is read,
save them to reader.regions."""

from __future__ import annotations

import json

import pytest
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtGui import QImage

from desktop_assistant.domain.reading import parse_regions
from desktop_assistant.os_integration.readers.ocr import Ocr
from desktop_assistant.ui.calibration import CalibrationOverlay, ocr_analyser
from tests.calibration_settings import CalibrationSettings as Settings
from tests.e2e import fake_workbench as fake
from tests.unit.sight_scene import render


@pytest.fixture(scope="module")
def analyser():
    return ocr_analyser(Ocr)


@pytest.fixture
def picture(qapp):
    scene = fake.Workbench()
    scene.buyer("小熊爱吃鱼2023", "在吗", "10:00:00")
    scene.find("jd_小王").badge = 2
    pixels = render(scene)
    return QImage(pixels.tobytes(), fake.WIDTH, fake.HEIGHT, fake.WIDTH * 3, QImage.Format.Format_RGB888).copy()


def drag(qtbot, widget, start, end):
    qtbot.mousePress(widget, Qt.MouseButton.LeftButton, pos=QPoint(*start))
    qtbot.mouseMove(widget, QPoint((start[0] + end[0]) // 2, (start[1] + end[1]) // 2))
    qtbot.mouseMove(widget, QPoint(*end))
    qtbot.mouseRelease(widget, Qt.MouseButton.LeftButton, pos=QPoint(*end))


def draw(qtbot, overlay, name, region):
    x, y, w, h = region
    qtbot.mouseClick(overlay.findChild(object, f"region:{name}"), Qt.MouseButton.LeftButton)
    drag(qtbot, overlay, (x, y), (x + w, y + h))


def test_dragging_the_three_regions_shows_the_reading_and_saves_them(qtbot, picture, analyser):
    settings = Settings(
        **{
            "reader.regions": json.dumps(
                {"旺旺": {"list": [0, 0, 9, 9], "header": [0, 0, 9, 9], "messages": [0, 0, 9, 9]}}
            )
        }
    )
    overlay = CalibrationOverlay(settings, "千牛", QRect(0, 0, fake.WIDTH, fake.HEIGHT), picture, analyser)
    qtbot.addWidget(overlay)
    overlay.show()
    assert not overlay.save_button.isEnabled()
    # (QTest takes a press at QPoint(0, 0) for "the centre": start at 1, 1)
    regions = {"list": (1, 1, 238, 560), "header": (241, 1, 758, 54), "messages": (241, 57, 758, 500)}
    for name, region in regions.items():
        draw(qtbot, overlay, name, region)
    assert overlay.save_button.isEnabled()
    qtbot.waitUntil(lambda: "小熊爱吃鱼2023" in overlay.reading.text(), timeout=20000)
    assert "jd_小王(2)" in overlay.reading.text()
    assert "买家" in overlay.reading.text().split("最后发言")[1]
    with qtbot.waitSignal(overlay.saved) as saved:
        qtbot.mouseClick(overlay.save_button, Qt.MouseButton.LeftButton)
    assert saved.args == ["千牛"]
    stored = parse_regions(settings.values["reader.regions"])
    assert stored["千牛"].list.as_list() == [1, 1, 239, 561]  # QRect(start, end) holds both corners
    assert stored["千牛"].header.as_list() == [241, 1, 759, 55]
    assert stored["千牛"].messages.as_list() == [241, 57, 759, 501]
    assert stored["旺旺"].list.as_list() == [0, 0, 9, 9]  # other clients kept


def test_a_region_is_moved_by_dragging_it_and_a_click_draws_nothing(qtbot, picture):
    settings = Settings(
        **{
            "reader.regions": json.dumps(
                {"千牛": {"list": [0, 0, 240, 700], "header": [240, 0, 760, 56], "messages": [240, 56, 760, 504]}}
            )
        }
    )
    overlay = CalibrationOverlay(settings, "千牛", QRect(0, 0, fake.WIDTH, fake.HEIGHT), picture)
    qtbot.addWidget(overlay)
    overlay.show()
    overlay.choose("header")
    drag(qtbot, overlay, (300, 20), (310, 25))  # inside the header box: moves it
    assert overlay.regions["header"] == QRect(240, 5, 760, 56)  # moved down, kept inside on the right
    overlay.choose("list")
    qtbot.mouseClick(overlay, Qt.MouseButton.LeftButton, pos=QPoint(600, 300))  # a click is not a drag
    assert overlay.regions["list"] == QRect(0, 0, 240, 700)
    drag(qtbot, overlay, (600, 300), (603, 340))  # too thin to be a region: none
    assert "list" not in overlay.regions and not overlay.save_button.isEnabled()


def test_the_settings_dialog_offers_calibration_only_when_wired(qtbot):
    from desktop_assistant.domain.settings import SCHEMA
    from desktop_assistant.ui.settings_dialog import SettingsDialog

    settings = Settings(**{spec.key: spec.default for spec in SCHEMA})
    calls = []
    dialog = SettingsDialog(settings, calibrate=lambda: calls.append(1))
    qtbot.addWidget(dialog)
    qtbot.mouseClick(dialog.findChild(object, "calibrateRegions"), Qt.MouseButton.LeftButton)
    assert calls == [1]
    plain = SettingsDialog(settings)
    qtbot.addWidget(plain)
    assert plain.findChild(object, "calibrateRegions") is None


def test_the_bar_grows_with_the_reading_and_stays_inside(qtbot, picture, analyser):
    settings = Settings(
        **{
            "reader.regions": json.dumps(
                {"千牛": {"list": [0, 0, 240, 700], "header": [240, 0, 760, 56], "messages": [240, 56, 760, 504]}}
            )
        }
    )
    overlay = CalibrationOverlay(settings, "千牛", QRect(0, 0, fake.WIDTH, fake.HEIGHT), picture, analyser)
    qtbot.addWidget(overlay)
    overlay.show()
    qtbot.waitUntil(lambda: "最后发言" in overlay.reading.text(), timeout=20000)
    label = overlay.reading
    assert label.height() >= label.heightForWidth(label.width())  # three lines, none cut off
    assert overlay.rect().contains(overlay.bar.geometry())
