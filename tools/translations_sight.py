"""English for the sight strings (merged into TRANSLATIONS)."""

SIGHT_TRANSLATIONS: dict[str | tuple[str, str], str] = {
    ("SightReader", "尚未校准 {client} 的识别区域"): "The reading regions of {client} are not calibrated yet",
    ("SightReader", "未安装文字识别组件 (rapidocr)"): "The text recognition component (rapidocr) is not installed",
    ("SightReader", "无法截取窗口画面 (窗口已关闭、最小化或小于校准区域)"):
        "Cannot capture the window (closed, minimised or smaller than the calibrated regions)",
}
