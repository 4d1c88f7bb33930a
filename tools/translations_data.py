"""English for the data strings (merged into TRANSLATIONS)."""

DATA_TRANSLATIONS: dict[str | tuple[str, str], str] = {
    # storage failures (storage/errors.py)
    "读写数据库出错（{reason}）：{path}": "Could not read or write the database ({reason}): {path}",
    "磁盘已满，没有写入。请腾出空间后再试，已保存的数据都还在：{path}": (
        "The disk is full; nothing was written. Free some space and try again; everything saved is still there: {path}"
    ),
    "数据库或所在文件夹只读，不能写入（{reason}）：{path}": (
        "The database or its folder is read-only; it cannot be written ({reason}): {path}"
    ),
    "数据库正被另一个程序占用，请稍后再试：{path}": "Another program is using the database; try again shortly: {path}",
    "数据库来自更新的版本（{reason}），请升级客服助手后再打开：{path}": (
        "The database comes from a newer version ({reason}); upgrade the assistant before opening it: {path}"
    ),
    "这不是客服助手的数据库文件，没有改动它（{reason}）：{path}": (
        "This is not the assistant's database file; it was left unchanged ({reason}): {path}"
    ),
    "数据库文件已损坏（{reason}）；用 `db restore` 从备份恢复：{path}": (
        "The database file is damaged ({reason}); restore it from a backup with `db restore`: {path}"
    ),
    "数据库文件{reason}；备份文件夹里有备份，所以没有新建空数据库。请用 `db restore 备份文件` 恢复：{path}": (
        "The database file {reason}; the backup folder holds backups, so no empty database was created. "
        "Restore one with `db restore BACKUP`: {path}"
    ),
    "是空的（0 字节）": "is empty (0 bytes)",
    "不见了": "is missing",
    "数据库文件{reason}；已从最近一份完好的备份 {backup} 恢复。": (
        "The database file {reason}; it was restored from the newest good backup, {backup}."
    ),
    "面板正在使用这个数据库，没有恢复。请先退出面板，或加 --close-panel 让它先退出：{path}": (
        "The panel is using this database; nothing was restored. Quit the panel first, or add --close-panel "
        "to have it quit: {path}"
    ),
    # the panel
    "数据库文件是空的或不见了": "The database file is empty or missing",
    "客服助手的数据库文件是空的或不见了，但有备份。没有新建空数据库。": (
        "The assistant's database file is empty or missing, but there are backups. No empty database was created."
    ),
    "只读模式：可以查看，不能保存改动。": "Read-only: you can look, but changes cannot be saved.",
    "没有保存": "Not saved",
    "今天的备份没有做": "Today's backup was not made",
    # retention (issue 15)
    "个人信息保留天数：核对、收货人、档案和备注里的电话与地址（0：不清除）": (
        "Keep personal data (phones and addresses in checks, receivers, profiles and notes) for days (0: forever)"
    ),
    # inputs refused (issue 15)
    "短语不能含有 NUL 字符 (\\0)": "A phrase cannot contain a NUL character (\\0)",
    "买家昵称不能含有 NUL 字符 (\\0)": "A buyer nick cannot contain a NUL character (\\0)",
}
