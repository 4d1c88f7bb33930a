"""English for the guard strings (merged into TRANSLATIONS)."""

GUARD_TRANSLATIONS: dict[str | tuple[str, str], str] = {
    # domain/guard.py: categories
    "站外联系": "Off-platform contact",
    "好评返现": "Cashback for reviews",
    "广告法极限词": "Absolute claims (Advertising Law)",
    # domain/settings.py: section "guard"
    "发送前检查": "Check before sending",
    "拦截站外联系 (微信/QQ/电话/站外链接)": "Stop off-platform contact (WeChat/QQ/phone/outside links)",
    "拦截好评返现": "Stop cashback for reviews",
    "提醒广告法极限词": "Warn about absolute claims",
    "更多站外联系用语 (逗号分隔)": "More off-platform contact words (comma separated)",
    "更多返现用语 (逗号分隔)": "More cashback words (comma separated)",
    "更多极限词 (逗号分隔)": "More absolute words (comma separated)",
    "不算违规的词 (逗号分隔)": "Words that are not violations (comma separated)",
    "更多平台内域名 (逗号分隔)": "More platform domains (comma separated)",
}
