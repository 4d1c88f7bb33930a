"""English for the sight strings (merged into TRANSLATIONS)."""

SIGHT_TRANSLATIONS: dict[str | tuple[str, str], str] = {
    ("SightReader", "尚未校准 {client} 的识别区域"): "The reading regions of {client} are not calibrated yet",
    ("SightReader", "未安装文字识别组件 (rapidocr)"): "The text recognition component (rapidocr) is not installed",
    (
        "SightReader",
        "无法截取窗口画面（窗口已关闭、最小化或小于校准区域）",
    ): "Cannot capture the window (closed, minimised or smaller than the calibrated regions)",
    ("SightReader", "窗口画面为空（已最小化或尚未绘制）"): "The window shows nothing (minimised or not drawn yet)",
    ("SettingsDialog", "校准识别区域…"): "Calibrate reading regions…",
    ("CalibrationOverlay", "会话列表"): "Conversation list",
    ("CalibrationOverlay", "聊天标题"): "Chat header",
    ("CalibrationOverlay", "消息区域"): "Message area",
    ("CalibrationOverlay", "拖动框出："): "Drag to mark:",
    ("CalibrationOverlay", "保存"): "Save",
    ("CalibrationOverlay", "取消"): "Cancel",
    ("CalibrationOverlay", "买家"): "buyer",
    ("CalibrationOverlay", "客服"): "agent",
    ("CalibrationOverlay", "无"): "none",
    ("CalibrationOverlay", "（未读出）"): "(not read)",
    (
        "CalibrationOverlay",
        "请框出三个区域：左侧会话列表、顶部买家昵称、消息区域。",
    ): "Mark three regions: the conversation list, the buyer's nick at the top, the message area.",
    (
        "CalibrationOverlay",
        "读到买家：{nick}\n未读：{badges}\n最后发言：{speaker}",
    ): "Buyer read: {nick}\nUnread: {badges}\nLast to speak: {speaker}",
    (
        "CalibrationOverlay",
        "请先点一下聊天窗口（千牛接待中心），再校准。",
    ): "Click into the chat window (the 千牛 reception window) first, then calibrate.",
    (
        "CalibrationOverlay",
        "找不到聊天窗口，它可能已关闭或最小化。",
    ): "The chat window cannot be found; it may be closed or minimised.",
}
