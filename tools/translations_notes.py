"""English for the order notes, promises and 催付 strings (merged into TRANSLATIONS)."""

NOTES_TRANSLATIONS: dict[str | tuple[str, str], str] = {
    # settings
    "红旗含义": "Meaning of red", "黄旗含义": "Meaning of yellow", "绿旗含义": "Meaning of green",
    "蓝旗含义": "Meaning of blue", "紫旗含义": "Meaning of purple",
    "承诺到期前提醒（分钟）": "Remind before a promise is due (minutes)",
    "当天发货截单时间": "Same-day shipping cut-off",
    "下单未付款多久后催付（分钟）": "Chase an unpaid order after (minutes)",
    "截单前多久再催一次（分钟）": "Last call before the cut-off (minutes)",
    "截单前催付短语（快捷编码）": "Chase phrase before the cut-off (code)",
    "截单后催付短语（快捷编码）": "Chase phrase after the cut-off (code)",
    "备注与提醒": "Notes and reminders",
    # flags
    "灰": "grey", "红": "red", "黄": "yellow", "绿": "green", "蓝": "blue", "紫": "purple",
    # domain messages
    "旗帜只能是 0-5（0 灰 1 红 2 黄 3 绿 4 蓝 5 紫），收到：{value}":
        "The flag must be 0-5 (0 grey 1 red 2 yellow 3 green 4 blue 5 purple), got: {value}",
    "备注最多 {limit} 字节 (UTF-8)，现在 {length} 字节": "A note is at most {limit} bytes of UTF-8; this one is {length}",
    "订单号只能是 1-64 位字母、数字、- 或 _：{value}": "An order id is 1-64 letters, digits, - or _: {value}",
    "没有工号：先在设置里填写工号 (agent_id)": "No agent id: set it in the settings first (agent_id)",
    "修改已有备注需要填写变动事由": "Changing an existing note needs a reason",
    "变动事由最多 {limit} 个字": "A reason is at most {limit} characters",
    "买家昵称最多 {limit} 个字": "A buyer nick is at most {limit} characters",
    "备注和旗帜都没有变化": "Neither the note nor the flag changed",
    "承诺内容不能为空": "A promise needs a text",
    "承诺内容最多 {limit} 个字": "A promise is at most {limit} characters",
    "到期时间已经过了：{due}": "The due time has already passed: {due}",
    "截单时间格式应为 HH:MM，收到：{value}": "The cut-off must look like HH:MM, got: {value}",
    "下单时间不能晚于现在：{placed}": "The order cannot be placed in the future: {placed}",
}

NOTES_TRANSLATIONS.update({
    "导出文件需以 .csv 或 .xlsx 结尾：{path}": "An export file must end in .csv or .xlsx: {path}",
    "订单 {order_id} 已在催付列表中": "Order {order_id} is already on the chase list",
    "没有快捷编码为「{0}」的短语：在设置里改催付短语，或新建这个编码":
        "No phrase has the code “{0}”: change the chase phrase in the settings, or create that code",
    # 备注 tab
    "备注": "Notes", "{0} 版": "{0} versions", "买家": "Buyer", "事由：{0}": "Reason: {0}", "保存备注": "Save note",
    "全部颜色": "All colours", "历史（{0} 版，只增不改）": "History ({0} versions, append-only)",
    "变动事由（修改已有备注时必填）": "Reason for the change (required when changing a note)",
    "备注模板…": "Memo line…", "备注内容（平台备注最多 1000 字节）": "Note (the platform allows 1000 bytes)",
    "已保存第 {0} 版": "Saved version {0}", "当前：{0} {1}  ·  {2} 工号 {3}": "Current: {0} {1}  ·  {2} agent {3}",
    "新订单：还没有备注": "New order: no note yet", "第 {0} 版  {1}  工号 {2}  {3}": "Version {0}  {1}  agent {2}  {3}",
    "订单号 / 买家 / 备注内容": "Order id / buyer / note text", "订单号": "Order id", "记承诺…": "Promise…",
    "超出 {0} 字节": "{0} bytes too long", "输入订单号后回车": "Type an order id and press Enter",
    "还可输入 {0} 字节": "{0} bytes left",
    # memo dialog
    "备注模板": "Memo line", "改": "Changed", "赠": "Gift", "发": "Shipping", "因": "Because", "原因": "Reason",
    "填入备注": "Put into the note", "复制": "Copy", "已复制": "Copied", "快递 / 发货时间": "Courier / ship time",
    "改了什么：地址、规格…": "What changed: address, variant…", "赠品": "Gift",
    # promise dialog
    "记承诺": "Record a promise", "2 小时": "2 hours", "30 分钟": "30 minutes", "今天 18:00": "Today 18:00",
    "明天 10:00": "Tomorrow 10:00", "例如：明天下午发顺丰，送袜子一双": "e.g. ship SF tomorrow afternoon, a pair of socks free",
    "到期": "Due", "承诺": "Promise",
    # controller
    "{0}：在「待办」点「发催付话术」": "{0}: press “Send chase phrase” in To do",
    "催付话术已发送：{0}": "Chase phrase sent: {0}", "已加入催付：{0}": "Added to the chase list: {0}",
    "已记下承诺：{0}": "Promise recorded: {0}", "承诺已超时": "Promise overdue", "承诺快到期": "Promise due soon",
    "该催付了": "Time to chase payment",
    # 待办 tab
    "待办": "To do", " 分钟前下单": " min ago placed", "{0} 下单，已 {1}": "placed {0}, {1} ago",
    "下次提醒 {0}": "next reminder {0}", "不再催": "Stop chasing", "催付（未付款订单）": "Chase payment (unpaid orders)",
    "先选中一个待付款订单": "Select an unpaid order first", "先选中一条承诺": "Select a promise first", "加入": "Add",
    "发催付话术": "Send chase phrase", "完成": "Done", "已付款": "Paid", "已完成 {0}": "done {0}",
    "已超时 {0}": "overdue by {0}", "承诺（到期前提醒，超时的一直显示）": "Promises (reminded before due; overdue ones stay)",
    "提醒已发出": "reminded", "新承诺…": "New promise…", "还有 {0}": "due in {0}",
    "{0} 分钟": "{0} min", "{0} 小时 {1} 分": "{0} h {1} min", "{0} 小时": "{0} h", "{0} 天 {1} 小时": "{0} d {1} h",
    # tray
    "{0} 个承诺已超时": "{0} promises overdue", "超时承诺（{0}）": "Overdue promises ({0})",
})
