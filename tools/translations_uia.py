"""English for the uia strings (merged into TRANSLATIONS)."""

UIA_TRANSLATIONS: dict[str | tuple[str, str], str] = {
    "界面元素读取只在 Windows 上可用": "Reading interface elements works on Windows only",
    "{client}：没有界面元素规则": "{client}: no interface element rules",
    "{client}：窗口没有公开聊天界面元素，改用其他读取方式": (
        "{client}: the window exposes no chat elements; using another reader"
    ),
    "{client}：这个版本不公开消息列表（界面元素读不到），改用其他读取方式": (
        "{client}: this build does not expose its message list (interface elements unreadable); using another reader"
    ),
    "读取界面元素失败：{reason}": "Reading interface elements failed: {reason}",
    "界面元素规则不是有效的 JSON：{reason}": "The interface element rules are not valid JSON: {reason}",
    "界面元素规则 {client}：{where} 不对：{reason}": "Interface element rules {client}: {where} is wrong: {reason}",
}
