"""English for the hotkeys win strings (merged into TRANSLATIONS)."""

HOTKEYS_WIN_TRANSLATIONS: dict[str | tuple[str, str], str] = {
    # native backend (RegisterHotKey)
    "{0} 已被其他程序注册为全局快捷键：请换一个组合，或把快捷键方式改为 keyboard 抢占它": (
        "{0} is registered as a global hotkey by another program: choose another combination, or switch "
        "the hotkey method to keyboard to take it over"
    ),
    "{0} 与 {1} 在键盘上是同一个组合": "{0} and {1} are the same combination on the keyboard",
    "{0} 在 Windows 上没有对应的按键": "{0} has no matching key on Windows",
    "{0} 注册失败（Windows 错误 {1}）": "{0} could not be registered (Windows error {1})",
    "RegisterHotKey 无法使用：{0}": "RegisterHotKey is unavailable: {0}",
    # keyboard backend
    "keyboard 无法识别 {0} 的按键：{1}": "keyboard does not know the key of {0}: {1}",
    "keyboard 无法安装键盘钩子：{0}": "keyboard cannot install its keyboard hook: {0}",
    # settings
    "Windows RegisterHotKey（Windows 推荐）": "Windows RegisterHotKey (recommended on Windows)",
    "keyboard 键盘钩子（组合键已被其他程序占用时，用它抢先拿到）": (
        "keyboard hook (takes a combination another program already registered)"
    ),
}
