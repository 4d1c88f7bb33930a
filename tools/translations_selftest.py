"""English for the selftest strings (merged into TRANSLATIONS)."""

SELFTEST_TRANSLATIONS: dict[str | tuple[str, str], str] = {
    # the selftest's own target window (desktop_assistant/selftest_target.py)
    "客服助手自检 - 目标窗口": "CS Assistant self-test - target window",
    "客服助手正在自检，请不要动键盘和鼠标（约 10 秒）": (
        "CS Assistant is testing itself: please do not touch the keyboard or mouse (about 10 s)"
    ),
}
