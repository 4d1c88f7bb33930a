<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
<context>
    <name>Application</name>
    <message>
        <location filename="../../desktop_assistant/app.py" line="+197"/>
        <source>数据库可能已损坏</source>
        <translation>The database may be damaged</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>今天的备份没有做。请运行 db check 或联系管理员。</source>
        <translation>Today&apos;s backup was not made. Run db check or contact your administrator.</translation>
    </message>
</context>
<context>
    <name>Dialogs</name>
    <message>
        <location filename="../../desktop_assistant/ui/dialogs.py" line="+21"/>
        <source>数据库文件已损坏</source>
        <translation>Database file is damaged</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>客服助手的数据库文件无法读取, 没有打开它, 以免损坏更多数据。</source>
        <translation>Customer Service Assistant cannot read its database file. It was not opened, so no more data gets damaged.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>找到最近一份完好的备份: {0} ({1})。</source>
        <translation>Found the latest good backup: {0} ({1}).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>没有找到可用的备份。</source>
        <translation>No usable backup was found.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>损坏的文件会移到 corrupt 文件夹保存, 不会删除。</source>
        <translation>The damaged file will be moved to the corrupt folder, not deleted.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>从备份恢复</source>
        <translation>Restore from backup</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>新建空数据库</source>
        <translation>Start with an empty database</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>退出</source>
        <translation>Quit</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>客服助手出错了</source>
        <translation>Customer Service Assistant: Error</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>发生了意外错误, 已记录到日志。你的数据已保存。</source>
        <translation>An unexpected error occurred and was written to the log. Your data is saved.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>日志文件: {0}</source>
        <translation>Log file: {0}</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>客服助手无法启动</source>
        <translation>Customer Service Assistant cannot start</translation>
    </message>
</context>
<context>
    <name>Messages</name>
    <message>
        <location filename="../../desktop_assistant/domain/hotkeys.py" line="+36"/>
        <source>快捷键为空</source>
        <translation>The hotkey is empty</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>快捷键只能用英文按键名, 例如 ctrl+alt+1</source>
        <translation>Use English key names for hotkeys, e.g. ctrl+alt+1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>快捷键格式不对: {text}</source>
        <translation>Malformed hotkey: {text}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{combo} 被中文输入法占用, 请换一个</source>
        <translation>{combo} belongs to the Chinese input method; choose another</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>快捷键需要一个非修饰键: {text}</source>
        <translation>A hotkey needs a key besides the modifiers: {text}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>未知的修饰键: {name}</source>
        <translation>Unknown modifier: {name}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>修饰键重复: {text}</source>
        <translation>Repeated modifier: {text}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>未知的按键: {name}</source>
        <translation>Unknown key: {name}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>全局快捷键至少要有一个修饰键 (Ctrl/Alt/Shift/Win), 否则会吞掉正常输入</source>
        <translation>A global hotkey needs a modifier (Ctrl/Alt/Shift/Win), or it would swallow normal typing</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Shift+字符 会吞掉正常输入, 请换一个</source>
        <translation>Shift+character would swallow normal typing; choose another</translation>
    </message>
    <message>
        <location filename="../../desktop_assistant/domain/settings.py" line="+24"/>
        <source>{key}: {reason}</source>
        <translation>{key}: {reason}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{key} 需要文本</source>
        <translation>{key} needs text</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{key} 最多 {limit} 个字符</source>
        <translation>{key} allows at most {limit} characters</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{key} 格式不对: {value}</source>
        <translation>{key} has the wrong format: {value}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{key} 不能包含换行或制表符</source>
        <translation>{key} cannot contain line breaks or tabs</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{key} 需要整数, 收到: {value}</source>
        <translation>{key} needs a whole number, got: {value}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{key} 必须在 {minimum} 到 {maximum} 之间</source>
        <translation>{key} must be between {minimum} and {maximum}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{key} 需要 true 或 false, 收到: {value}</source>
        <translation>{key} needs true or false, got: {value}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{key} 只能是 {choices}, 收到: {value}</source>
        <translation>{key} must be one of {choices}, got: {value}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>未知的设置项: {key}</source>
        <translation>Unknown setting: {key}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{key}: {combo} 已被 {other} 使用</source>
        <translation>{key}: {combo} is already used by {other}</translation>
    </message>
    <message>
        <location filename="../../desktop_assistant/domain/phrases.py" line="+23"/>
        <source>短语内容不能为空</source>
        <translation>The phrase text cannot be empty</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>短语内容最多 {limit} 个字</source>
        <translation>A phrase holds at most {limit} characters</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>标题最多 {limit} 个字</source>
        <translation>A title holds at most {limit} characters</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>分组名最多 {limit} 个字</source>
        <translation>A group name holds at most {limit} characters</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>快捷编码只能用小写字母、数字和 _ - . (最多 20 个): {code}</source>
        <translation>A code may only use lower-case letters, digits and _ - . (at most 20): {code}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>快捷键: {reason}</source>
        <translation>Hotkey: {reason}</translation>
    </message>
    <message>
        <location filename="../../desktop_assistant/storage/phrase_store.py" line="+18"/>
        <source>快捷编码 {code} 已被短语「{other}」使用</source>
        <translation>Code {code} is already used by the phrase “{other}”</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>快捷键 {hotkey} 已被短语「{other}」使用</source>
        <translation>Hotkey {hotkey} is already used by the phrase “{other}”</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>短语不存在 (id {id})</source>
        <translation>No such phrase (id {id})</translation>
    </message>
    <message>
        <location line="+156"/>
        <source>分组 {name} 已存在</source>
        <translation>The group {name} already exists</translation>
    </message>
</context>
<context>
    <name>PanelWindow</name>
    <message>
        <location filename="../../desktop_assistant/ui/panel.py" line="+204"/>
        <location line="+1"/>
        <source>客服助手</source>
        <translation>CS Assistant</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>未设置昵称</source>
        <translation>No nickname set</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>工号 {0}</source>
        <translation>Agent ID {0}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>置顶</source>
        <translation>Pin</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>窗口保持在最前 (不抢输入焦点)</source>
        <translation>Keep the window above others (without taking keyboard focus)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>紧凑</source>
        <translation>Compact</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>紧凑模式: 更窄, 隐藏次要信息</source>
        <translation>Compact mode: narrower, hides secondary details</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>设置</source>
        <translation>Settings</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>概览</source>
        <translation>Overview</translation>
    </message>
</context>
<context>
    <name>PhraseEditor</name>
    <message>
        <location filename="../../desktop_assistant/ui/phrase_editor.py" line="+55"/>
        <source>编辑短语</source>
        <translation>Edit phrase</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>新建短语</source>
        <translation>New phrase</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>例如 hy (欢迎)</source>
        <translation>e.g. hy (huanying, welcome)</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>分条 ---</source>
        <translation>Split ---</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>在光标处分成两条消息</source>
        <translation>Split into two messages at the cursor</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>分组</source>
        <translation>Group</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>标题</source>
        <translation>Title</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>快捷编码</source>
        <translation>Code</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>快捷键</source>
        <translation>Hotkeys</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>内容 (单独一行 --- 分成多条消息)</source>
        <translation>Text (a line with only --- starts another message)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>预览</source>
        <translation>Preview</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>未知的占位符 (会原样发出): {0}</source>
        <translation>Unknown placeholders (sent as they are): {0}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>第 {0} 条消息较长, 建议用 --- 分成几条发送</source>
        <translation>Message {0} is long; consider splitting it with ---</translation>
    </message>
</context>
<context>
    <name>PhrasesTab</name>
    <message>
        <location filename="../../desktop_assistant/ui/phrases_tab.py" line="+80"/>
        <location line="+87"/>
        <source>全部分组</source>
        <translation>All groups</translation>
    </message>
    <message>
        <location line="-26"/>
        <source>插入到聊天窗口</source>
        <translation>Insert into the chat window</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>编辑</source>
        <translation>Edit</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>复制内容</source>
        <translation>Copy text</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>删除</source>
        <translation>Delete</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>删除短语</source>
        <translation>Delete phrase</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>确定删除「{0}」吗?</source>
        <translation>Delete “{0}”?</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>搜索: 快捷编码 / 拼音首字母 / 关键字</source>
        <translation>Search: code / pinyin initials / keyword</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>新建</source>
        <translation>New</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>导入</source>
        <translation>Import</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>导出</source>
        <translation>Export</translation>
    </message>
</context>
<context>
    <name>PickerPopup</name>
    <message>
        <location filename="../../desktop_assistant/ui/picker.py" line="+132"/>
        <source>快捷编码 / 拼音首字母 / 关键字</source>
        <translation>Code / pinyin initials / keyword</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>↑↓ 选择 · Enter 插入 · 1-9 快速选 · Esc 关闭</source>
        <translation>↑↓ select · Enter insert · 1-9 pick · Esc close</translation>
    </message>
</context>
<context>
    <name>Settings</name>
    <message>
        <location filename="../../desktop_assistant/domain/settings.py" line="+98"/>
        <source>客服昵称</source>
        <translation>Agent nickname</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>工号</source>
        <translation>Agent ID</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>店铺名称</source>
        <translation>Shop name</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>界面语言</source>
        <translation>Interface language</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>主题</source>
        <translation>Theme</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>浅色</source>
        <translation>Light</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>深色</source>
        <translation>Dark</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>停靠位置</source>
        <translation>Dock position</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>屏幕右侧</source>
        <translation>Right edge of the screen</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>屏幕左侧</source>
        <translation>Left edge of the screen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>面板宽度 (像素)</source>
        <translation>Panel width (pixels)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>窗口置顶</source>
        <translation>Stay on top</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>紧凑模式</source>
        <translation>Compact mode</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>全局快捷键方式</source>
        <translation>Global hotkey method</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>自动</source>
        <translation>Automatic</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>打开短语选择器</source>
        <translation>Open phrase picker</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>显示/隐藏面板</source>
        <translation>Show/hide panel</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>买家发来消息</source>
        <translation>Buyer sent a message</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>已回复</source>
        <translation>Replied</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>保留每日备份 (份)</source>
        <translation>Daily backups to keep</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>客服与店铺</source>
        <translation>Agent and shop</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>面板</source>
        <translation>Panel</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>快捷键</source>
        <translation>Hotkeys</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>数据</source>
        <translation>Data</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../desktop_assistant/ui/settings_dialog.py" line="+65"/>
        <source>设置</source>
        <translation>Settings</translation>
    </message>
</context>
<context>
    <name>StartPage</name>
    <message>
        <location filename="../../desktop_assistant/ui/start_page.py" line="+64"/>
        <source>客服</source>
        <translation>Agent</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{0}, 你好</source>
        <translation>Hello, {0}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>第一次使用: 请先在设置里填写客服昵称和工号, 备注和统计都会用到。</source>
        <translation>First time here? Enter your agent nickname and agent ID in Settings; notes and statistics use them.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>打开设置</source>
        <translation>Open settings</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>全局快捷键</source>
        <translation>Global hotkeys</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>未设置</source>
        <translation>Not set</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>数据目录: {0}</source>
        <translation>Data folder: {0}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>最近备份: {0}</source>
        <translation>Last backup: {0}</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>尚无</source>
        <translation>None yet</translation>
    </message>
</context>
<context>
    <name>StatusStrip</name>
    <message>
        <location filename="../../desktop_assistant/ui/status_strip.py" line="+41"/>
        <source>当前会话: {0}</source>
        <translation>Current conversation: {0}</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>无</source>
        <translation>None</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>快捷键: 已启用</source>
        <translation>Hotkeys: on</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>快捷键: 已暂停</source>
        <translation>Hotkeys: paused</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>快捷键: 不可用</source>
        <translation>Hotkeys: unavailable</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>快捷键: 未设置</source>
        <translation>Hotkeys: not set</translation>
    </message>
</context>
<context>
    <name>Tray</name>
    <message>
        <location filename="../../desktop_assistant/ui/tray.py" line="+55"/>
        <source>客服助手</source>
        <translation>CS Assistant</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>显示/隐藏面板</source>
        <translation>Show/hide panel</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>暂停全局快捷键</source>
        <translation>Pause global hotkeys</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>退出</source>
        <translation>Quit</translation>
    </message>
</context>
</TS>
