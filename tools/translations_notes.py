"""English for the order notes, promises and 催付 strings (merged into TRANSLATIONS)."""

NOTES_TRANSLATIONS: dict[str | tuple[str, str], str] = {
    # settings
    "红旗含义": "Meaning of red", "黄旗含义": "Meaning of yellow", "绿旗含义": "Meaning of green",
    "蓝旗含义": "Meaning of blue", "紫旗含义": "Meaning of purple",
    "承诺到期前提醒 (分钟)": "Remind before a promise is due (minutes)",
    "当天发货截单时间": "Same-day shipping cut-off",
    "下单未付款多久后催付 (分钟)": "Chase an unpaid order after (minutes)",
    "截单前多久再催一次 (分钟)": "Last call before the cut-off (minutes)",
    "截单前催付短语 (快捷编码)": "Chase phrase before the cut-off (code)",
    "截单后催付短语 (快捷编码)": "Chase phrase after the cut-off (code)",
    "备注与提醒": "Notes and reminders",
    # flags
    "灰": "grey", "红": "red", "黄": "yellow", "绿": "green", "蓝": "blue", "紫": "purple",
    # domain messages
    "旗帜只能是 0-5 (0 灰 1 红 2 黄 3 绿 4 蓝 5 紫), 收到: {value}":
        "The flag must be 0-5 (0 grey 1 red 2 yellow 3 green 4 blue 5 purple), got: {value}",
    "备注最多 {limit} 字节 (UTF-8), 现在 {length} 字节": "A note is at most {limit} bytes of UTF-8; this one is {length}",
    "订单号只能是 1-64 位字母、数字、- 或 _: {value}": "An order id is 1-64 letters, digits, - or _: {value}",
    "没有工号: 先在设置里填写工号 (agent_id)": "No agent id: set it in the settings first (agent_id)",
    "修改已有备注需要填写变动事由": "Changing an existing note needs a reason",
    "变动事由最多 {limit} 个字": "A reason is at most {limit} characters",
    "买家昵称最多 {limit} 个字": "A buyer nick is at most {limit} characters",
    "备注和旗帜都没有变化": "Neither the note nor the flag changed",
    "承诺内容不能为空": "A promise needs a text",
    "承诺内容最多 {limit} 个字": "A promise is at most {limit} characters",
    "到期时间已经过了: {due}": "The due time has already passed: {due}",
    "截单时间格式应为 HH:MM, 收到: {value}": "The cut-off must look like HH:MM, got: {value}",
    "下单时间不能晚于现在: {placed}": "The order cannot be placed in the future: {placed}",
}
