"""English for the insertion win strings (merged into TRANSLATIONS)."""

INSERTION_WIN_TRANSLATIONS: dict[str | tuple[str, str], str] = {
    "剪贴板正被其他程序占用，无法备份您复制的内容，短语没有粘贴。请稍后再试": (
        "Another program is holding the clipboard, so what you copied could not be saved; the phrase was "
        "not pasted. Please try again in a moment"
    ),
    ("剪贴板正被其他程序占用，无法放入短语，短语没有粘贴（没有把您原来复制的内容粘进聊天）。请稍后再试"): (
        "Another program is holding the clipboard, so the phrase could not be put on it; nothing was pasted "
        "(your own clipboard was not pasted into the chat). Please try again in a moment"
    ),
    "{0} 以管理员身份运行，短语没有粘贴": "{0} runs as administrator; the phrase was not pasted",
    (
        "{0} 没有取走文本，短语没有粘贴。它可能以管理员身份运行：请以管理员身份运行助手"
        "（右键助手图标 -> 以管理员身份运行）后再试"
    ): (
        "{0} did not take the text; the phrase was not pasted. It may run as administrator: start the "
        "assistant as administrator (right-click its icon -> Run as administrator) and try again"
    ),
}
