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
    "不限": "unlimited",
    "将删除收货人和地址 {count} 条": "Would delete {count} receivers and addresses",
    "将清除核对单里的地址和电话 {count} 单": "Would clear the address and phone of {count} order checks",
    "将遮盖买家档案备注里的电话 {count} 个": "Would mask phone numbers in {count} buyer profile notes",
    "将遮盖订单备注里的电话 {count} 条（历史保留，只遮盖）": (
        "Would mask phone numbers in {count} order notes (history kept, only masked)"
    ),
    "已删除收货人和地址 {count} 条": "Deleted {count} receivers and addresses",
    "已清除核对单里的地址和电话 {count} 单": "Cleared the address and phone of {count} order checks",
    "已遮盖买家档案备注里的电话 {count} 个": "Masked phone numbers in {count} buyer profile notes",
    "已遮盖订单备注里的电话 {count} 条（历史保留，只遮盖）": (
        "Masked phone numbers in {count} order notes (history kept, only masked)"
    ),
    "核对单 {order_id}": "Order check {order_id}",
    "买家档案 {nick}": "Buyer profile {nick}",
    "订单备注 {order_id}（#{note_id}）": "Order note {order_id} (#{note_id})",
    # domain/stats.py: the histogram's last bar
    ("StatsTab", "未回复"): "No reply",
    # app.py and log.py: lines on stderr
    "内部错误 {kind}：{value}（日志：{log}）": "Internal error {kind}: {value} (log: {log})",
    "{reason}（没有询问，不做恢复）": "{reason} (not asked, nothing recovered)",
    "无法写日志 {path}：{reason}": "Cannot write the log {path}: {reason}",
}
