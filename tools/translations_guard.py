"""English for the guard strings (merged into TRANSLATIONS)."""

GUARD_TRANSLATIONS: dict[str | tuple[str, str], str] = {
    # domain/guard.py: categories
    "站外联系": "Off-platform contact",
    "好评返现": "Cashback for reviews",
    "广告法极限词": "Absolute claims (Advertising Law)",
    # domain/settings.py: section "guard"; also the title of ui/send_guard.py's dialog
    "发送前检查": "Check before sending",
    "拦截站外联系（微信/QQ/电话/站外链接）": "Stop off-platform contact (WeChat/QQ/phone/outside links)",
    "拦截好评返现": "Stop cashback for reviews",
    "提醒广告法极限词": "Warn about absolute claims",
    "更多站外联系用语（逗号分隔）": "More off-platform contact words (comma separated)",
    "更多返现用语（逗号分隔）": "More cashback words (comma separated)",
    "更多极限词（逗号分隔）": "More absolute words (comma separated)",
    "不算违规的词（逗号分隔）": "Words that are not violations (comma separated)",
    "更多平台内域名（逗号分隔）": "More platform domains (comma separated)",
    # import reports (storage/phrase_import.py, domain/phrase_codes.py, domain/guard.py)
    "{where}：替换示例短语「{old}」为「{name}」": '{where}: replaced the sample phrase "{old}" with "{name}"',
    "第 {line} 行：关键词 {keyword} 导入为快捷编码 {code}": "line {line}: keyword {keyword} imported as code {code}",
    "第 {line} 行：关键词 {keyword} 不能当快捷编码，导入为没有快捷编码的短语": (
        "line {line}: keyword {keyword} cannot be a code; imported without a code"
    ),
    "{where}：「{name}」含{category}：{words}（发送前要确认）": (
        '{where}: "{name}" has {category}: {words} (asks before sending)'
    ),
    "{where}：「{name}」含{category}：{words}（提醒）": '{where}: "{name}" has {category}: {words} (warning)',
    "{count} 条短语含站外联系或好评返现用语：已照常导入，发送前会要求确认": (
        "{count} phrases contain off-platform contact or cashback wording: imported anyway; sending them asks first"
    ),
    # ui/send_guard.py and ui/phrase_editor.py
    "这条消息含有平台会处罚的内容：\n{0}\n\n仍然发送吗?": (
        "This message contains what the platform penalises:\n{0}\n\nSend it anyway?"
    ),
    "提醒：消息含{0}": "Note: the message contains {0}",
    "仍然发送": "Send anyway",
    "不发送": "Don't send",
    "含{0}（发送时要确认）": "Contains {0} (asks before sending)",
    "含{0}（提醒）": "Contains {0} (warning)",
    "这条短语含有平台会处罚的内容：\n{0}\n\n发送时每次都会要求确认。仍然保存吗?": (
        "This phrase contains what the platform penalises:\n{0}\n\nSending it will ask every time. Save anyway?"
    ),
    "保存短语": "Save phrase",
}
