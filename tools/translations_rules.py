"""English for the user-visible texts of issue 18's "one place per rule" (merged into TRANSLATIONS)."""

RULES_TRANSLATIONS: dict[str | tuple[str, str], str] = {
    # storage/migrations.py: why a database is from a newer release
    "user_version {found} > {current}": "user_version {found} > {current}",
    "迁移 {name}": "migration {name}",
    # storage/maintenance.py: db check and restore
    "文件不存在：{path}": "File not found: {path}",
    "文件是空的（0 字节）：{path}": "The file is empty (0 bytes): {path}",
    "无法读取数据库：{reason}": "Cannot read the database: {reason}",
    "无法检查：{reason}": "Cannot check: {reason}",
    "来自更新版本的数据库结构（{reason}）": "Database structure from a newer version ({reason})",
    "不是客服助手的数据库（没有结构版本）": "Not a CS Assistant database (no schema version)",
    "{source} 不能用于恢复：{problem}": "{source} cannot be used to restore: {problem}",
    "不能用正在使用的数据库文件恢复自己": "The database in use cannot be restored from itself",
    # storage/retention.py: db purge
    "没有设置保留期（retention.days 和 privacy.retention_days 都是 0），什么也不清除": (
        "No retention period set (retention.days and privacy.retention_days are both 0): nothing is removed"
    ),
    "保留期：个人信息 {days} 天，收货人 {receiver_days} 天": (
        "Retention: personal data {days} days, receivers {receiver_days} days"
    ),
    ("Storage", "不限"): "unlimited",
    "将删除收货人和地址 {count} 条": "Would delete {count} receivers and addresses",
    "将清除核对单里的地址和电话 {count} 单": "Would clear the address and phone of {count} order checks",
    "将遮盖买家档案备注里的电话和地址 {count} 个": "Would mask phones and addresses in {count} buyer profile notes",
    "将遮盖订单备注里的电话和地址 {count} 条（历史保留，只遮盖）": (
        "Would mask phones and addresses in {count} order notes (history kept, only masked)"
    ),
    "将遮盖承诺里的电话和地址 {count} 条": "Would mask phones and addresses in {count} promises",
    "将遮盖待答问题里的电话和地址 {count} 条": "Would mask phones and addresses in {count} pending questions",
    "已删除收货人和地址 {count} 条": "Deleted {count} receivers and addresses",
    "已清除核对单里的地址和电话 {count} 单": "Cleared the address and phone of {count} order checks",
    "已遮盖买家档案备注里的电话和地址 {count} 个": "Masked phones and addresses in {count} buyer profile notes",
    "已遮盖订单备注里的电话和地址 {count} 条（历史保留，只遮盖）": (
        "Masked phones and addresses in {count} order notes (history kept, only masked)"
    ),
    "已遮盖承诺里的电话和地址 {count} 条": "Masked phones and addresses in {count} promises",
    "已遮盖待答问题里的电话和地址 {count} 条": "Masked phones and addresses in {count} pending questions",
    "核对单 {order_id}": "Order check {order_id}",
    "买家档案 {nick}": "Buyer profile {nick}",
    "订单备注 {order_id}（#{note_id}）": "Order note {order_id} (#{note_id})",
    "承诺 #{id}": "Promise #{id}",
    "待答问题 #{id}": "Pending question #{id}",
    # domain/stats.py: the histogram's last bar
    ("StatsTab", "未回复"): "No reply",
    # app.py and log.py: lines on stderr
    "内部错误 {kind}：{value}（日志：{log}）": "Internal error {kind}: {value} (log: {log})",
    "{reason}（没有询问，不做恢复）": "{reason} (not asked, nothing recovered)",
    "无法写日志 {path}：{reason}": "Cannot write the log {path}: {reason}",
}

# selftest_report.py and selftest.py: the selftest's report (context "Selftest")
RULES_TRANSLATIONS.update(
    {
        "打开自检目标窗口": "Open the self-test target window",
        "注册测试快捷键": "Register the test hotkeys",
        "系统按键触发快捷键": "A system key press triggers the hotkey",
        "文本完整粘贴到目标窗口": "The whole text pasted into the target window",
        "快捷键没有漏进目标窗口，没有按键卡住": "No hotkey key leaked into the target window, no key stuck",
        "剪贴板（文字和图片）已恢复": "Clipboard (text and image) restored",
        "短语选择器拿到键盘焦点": "The phrase picker gets the keyboard focus",
        "选择后焦点回到目标窗口并粘贴": "After choosing, the focus returns to the target window and the text is pasted",
        "自检程序出错": "The self-test itself failed",
        "未执行：前面的步骤失败": "Not run: an earlier step failed",
        "未执行：前面的步骤失败（{why}）": "Not run: an earlier step failed ({why})",
        ("Selftest", "通过"): "passed",
        ("Selftest", "跳过"): "skipped",
        ("Selftest", "失败"): "failed",
        "[{mark}] {title}": "[{mark}] {title}",
        "[{mark}] {title}：{detail}": "[{mark}] {title}: {detail}",
        "自检通过：{count} 项全部正常": "Self-test passed: all {count} steps fine",
        "自检失败：{steps}": "Self-test failed: {steps}",
        "有步骤没有执行": "some steps did not run",
        "{first}；{rest}": "{first}; {rest}",
        "无法模拟按键：{reason}": "Cannot simulate key presses: {reason}",
        "无法模拟按键": "cannot simulate key presses",
        "{hotkey} 没有注册": "{hotkey} is not registered",
        "无法启动 {program}：{reason}": "Cannot start {program}: {reason}",
        "目标窗口 20 秒内没有出现": "The target window did not appear within 20 seconds",
        "目标窗口进程退出了（{code}）：{stderr}": "The target window's process exited ({code}): {stderr}",
        "目标窗口打开了，但没有拿到焦点（被别的窗口挡住或系统不允许）": (
            "The target window opened but did not get the focus (another window is in front, or the system refused)"
        ),
        "进程 {pid}": "process {pid}",
        "按下 {hotkey} 后 3 秒内没有收到快捷键": "No hotkey received within 3 seconds of pressing {hotkey}",
        "快捷键没有触发": "the hotkey did not fire",
        "{count} 个字符，含换行": "{count} characters, line break included",
        "目标窗口收到的是 {got}，应为 {wanted}": "The target window received {got} instead of {wanted}",
        "目标窗口收到了快捷键的 {key} 键 {count} 次": "The target window received the hotkey's {key} key {count} times",
        "粘贴后仍有按键处于按下状态：{keys}": "Keys still held down after the paste: {keys}",
        "测试内容没能放上剪贴板（被别的程序占用？）": (
            "The test content could not be put on the clipboard (held by another program?)"
        ),
        "粘贴流程 3 秒内没有结束，剪贴板没有还原": (
            "The paste did not finish within 3 seconds; the clipboard was not restored"
        ),
        "目标窗口读不到剪贴板": "The target window cannot read the clipboard",
        "文字变成了 {text}": "text became {text}",
        "图片丢失或不一致": "image lost or changed",
        "图片丢失": "image lost",
        "文字和图片都和粘贴前一样": "text and image as before the paste",
        "选择器没有打开": "the picker did not open",
        "选择器打开了，但系统没有把焦点给它（前台仍是 {window}）": (
            "The picker opened but the system did not give it the focus (in front: {window})"
        ),
        "选择器没有焦点": "the picker has no focus",
        "打进了目标窗口（{typed}）": "typed into the target window ({typed})",
        "选择器只收到 {typed}": "the picker only received {typed}",
        "键盘输入没有进选择器：{where}": "The keyboard input did not reach the picker: {where}",
        "选择器没有键盘": "the picker has no keyboard",
        "输入 {code} 进了选择器，目标窗口失去焦点": "{code} typed into the picker; the target window lost the focus",
        "焦点回到目标窗口，文本完整": "Focus back in the target window, text complete",
        "按 Enter 后选择器没有关闭": "The picker did not close after Enter",
        "焦点没有回到目标窗口（前台是 {window}）": "The focus did not return to the target window (in front: {window})",
        ("Selftest", "无"): "none",
        "{seconds} 秒内没有结束，中止": "not finished within {seconds} seconds; stopped",
    }
)
