"""English for the insertion win strings (merged into TRANSLATIONS)."""

INSERTION_WIN_TRANSLATIONS: dict[str | tuple[str, str], str] = {
    "剪贴板正被其他程序占用, 无法备份您复制的内容, 短语没有粘贴。请稍后再试":
        "Another program is holding the clipboard, so what you copied could not be saved; the phrase was "
        "not pasted. Please try again in a moment",
    "剪贴板正被其他程序占用, 无法放入短语, 短语没有粘贴 (没有把您原来复制的内容粘进聊天)。请稍后再试":
        "Another program is holding the clipboard, so the phrase could not be put on it; nothing was pasted "
        "(your own clipboard was not pasted into the chat). Please try again in a moment",
}
