"""Keep resources/translations/en.ts and en.qm in step with the Chinese source strings.

    python tools/update_translations.py            # lupdate -> fill English from TRANSLATIONS -> lrelease
    python tools/update_translations.py --refresh  # also re-apply TRANSLATIONS to finished messages
    python tools/update_translations.py --check    # verify only, write nothing; exit 1 on problems

Update: pyside6-lupdate scans every .py file under desktop_assistant/ into en.ts (existing translations
kept, vanished strings dropped), every unfinished message whose source is in TRANSLATIONS gets its
English, and pyside6-lrelease compiles en.ts into en.qm.

Check: (a) every string lupdate finds has a finished English translation in the committed en.ts,
(b) the committed en.qm is byte-for-byte what lrelease makes of the committed en.ts. One line per problem.

Both modes also warn (stderr) about strings marked for translation in a way lupdate cannot see:
calls through an alias or wrapper (`_T = QT_TRANSLATE_NOOP`, `def _tr(t): return translate("Ctx", t)`)
or with a context that is not a string literal. `--strict` turns those warnings into failures.
"""

from __future__ import annotations

import argparse
import ast
import html
import os
import re
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

from translations_buyers import BUYERS_TRANSLATIONS  # tools/ is on sys.path when run as a script
from translations_checks import CHECKS_TRANSLATIONS
from translations_conversations import CONVERSATIONS_TRANSLATIONS
from translations_data import DATA_TRANSLATIONS
from translations_guard import GUARD_TRANSLATIONS
from translations_hotkeys_win import HOTKEYS_WIN_TRANSLATIONS
from translations_insertion_win import INSERTION_WIN_TRANSLATIONS
from translations_notes import NOTES_TRANSLATIONS
from translations_reading import READING_TRANSLATIONS
from translations_rules import RULES_TRANSLATIONS
from translations_safety2 import SAFETY2_TRANSLATIONS
from translations_scale import SCALE_TRANSLATIONS
from translations_scale2 import SCALE2_TRANSLATIONS
from translations_selftest import SELFTEST_TRANSLATIONS
from translations_shopwords import SHOPWORDS_TRANSLATIONS
from translations_sight import SIGHT_TRANSLATIONS
from translations_uia import UIA_TRANSLATIONS

REPO = Path(__file__).resolve().parents[1]
SOURCE_DIR = REPO / "desktop_assistant"
TS_FILE = REPO / "resources" / "translations" / "en.ts"
QM_FILE = TS_FILE.with_suffix(".qm")

# Chinese source -> English. Keyed by source text; a (context, source) key overrides it for one context.
# Keep format fields ({0}, {1}) exactly as in the source. Entries for strings not (yet) found by lupdate
# are harmless: they are used as soon as the string becomes extractable.
TRANSLATIONS: dict[str | tuple[str, str], str] = {
    # Application name and main panel
    "客服助手": "CS Assistant",
    "未设置昵称": "No nickname set",
    "工号 {0}": "Agent ID {0}",
    "置顶": "Pin",
    "窗口保持在最前（不抢输入焦点）": "Keep the window above others (without taking keyboard focus)",
    "紧凑": "Compact",
    "紧凑模式：更窄，隐藏次要信息": "Compact mode: narrower, hides secondary details",
    "设置": "Settings",
    "概览": "Overview",
    # Start page (Overview)
    "客服": "Agent",
    "{0}，你好": "Hello, {0}",
    "第一次使用：请先在设置里填写客服昵称和工号，备注和统计都会用到。": (
        "First time here? Enter your agent nickname and agent ID in Settings; notes and statistics use them."
    ),
    "打开设置": "Open settings",
    "全局快捷键": "Global hotkeys",
    "未设置": "Not set",
    "数据目录：{0}": "Data folder: {0}",
    "最近备份：{0}": "Last backup: {0}",
    "尚无": "None yet",
    # Status strip
    "当前会话：{0}": "Current conversation: {0}",
    "无": "None",
    "快捷键：已启用": "Hotkeys: on",
    "快捷键：已暂停": "Hotkeys: paused",
    "快捷键：不可用": "Hotkeys: unavailable",
    "快捷键：未设置": "Hotkeys: not set",
    # Tray
    "显示/隐藏面板": "Show/hide panel",
    "暂停全局快捷键": "Pause global hotkeys",
    "退出": "Quit",
    # Application notifications
    "数据库可能已损坏": "The database may be damaged",
    "今天的备份没有做。请运行 db check 或联系管理员。": (
        "Today's backup was not made. Run db check or contact your administrator."
    ),
    # Settings schema (domain/settings.py, context "Settings")
    "客服昵称": "Agent nickname",
    "工号": "Agent ID",
    "店铺名称": "Shop name",
    "界面语言": "Interface language",
    "主题": "Theme",
    "浅色": "Light",
    "深色": "Dark",
    "停靠位置": "Dock position",
    "屏幕右侧": "Right edge of the screen",
    "屏幕左侧": "Left edge of the screen",
    "面板宽度（像素）": "Panel width (pixels)",
    "窗口置顶": "Stay on top",
    "紧凑模式": "Compact mode",
    "全局快捷键方式": "Global hotkey method",
    "自动": "Automatic",
    "打开短语选择器": "Open phrase picker",
    "买家发来消息": "Buyer sent a message",
    "已回复": "Replied",
    "保留每日备份（份）": "Daily backups to keep",
    "客服与店铺": "Agent and shop",
    "面板": "Panel",
    "快捷键": "Hotkeys",
    "数据": "Data",
    # Dialogs (ui/dialogs.py, context "Dialogs")
    "数据库文件已损坏": "Database file is damaged",
    "客服助手的数据库文件无法读取，没有打开它，以免损坏更多数据。": (
        "Customer Service Assistant cannot read its database file. It was not opened, so no more data gets damaged."
    ),
    "找到最近一份完好的备份：{0}（{1}）。": "Found the latest good backup: {0} ({1}).",
    "没有找到可用的备份。": "No usable backup was found.",
    "损坏的文件会移到 corrupt 文件夹保存，不会删除。": (
        "The damaged file will be moved to the corrupt folder, not deleted."
    ),
    "从备份恢复": "Restore from backup",
    "新建空数据库": "Start with an empty database",
    "客服助手出错了": "Customer Service Assistant: Error",
    "发生了意外错误，已记录到日志。你的数据已保存。": (
        "An unexpected error occurred and was written to the log. Your data is saved."
    ),
    "日志文件：{0}": "Log file: {0}",
    "客服助手无法启动": "Customer Service Assistant cannot start",
    # Messages: errors from the domain (hotkey syntax, setting values)
    "快捷键为空": "The hotkey is empty",
    "快捷键只能用英文按键名，例如 ctrl+alt+1": "Use English key names for hotkeys, e.g. ctrl+alt+1",
    "快捷键格式不对：{text}": "Malformed hotkey: {text}",
    "{combo} 被中文输入法占用，请换一个": "{combo} belongs to the Chinese input method; choose another",
    "快捷键需要一个非修饰键：{text}": "A hotkey needs a key besides the modifiers: {text}",
    "未知的修饰键：{name}": "Unknown modifier: {name}",
    "修饰键重复：{text}": "Repeated modifier: {text}",
    "未知的按键：{name}": "Unknown key: {name}",
    "全局快捷键至少要有一个修饰键 (Ctrl/Alt/Shift/Win)，否则会吞掉正常输入": (
        "A global hotkey needs a modifier (Ctrl/Alt/Shift/Win), or it would swallow normal typing"
    ),
    "Shift+字符 会吞掉正常输入，请换一个": "Shift+character would swallow normal typing; choose another",
    "{key}: {reason}": "{key}: {reason}",
    "{key} 需要文本": "{key} needs text",
    "{key} 最多 {limit} 个字符": "{key} allows at most {limit} characters",
    "{key} 格式不对：{value}": "{key} has the wrong format: {value}",
    "{key} 不能包含换行或制表符": "{key} cannot contain line breaks or tabs",
    "{key} 需要整数，收到：{value}": "{key} needs a whole number, got: {value}",
    "{key} 必须在 {minimum} 到 {maximum} 之间": "{key} must be between {minimum} and {maximum}",
    "{key} 需要 true 或 false，收到：{value}": "{key} needs true or false, got: {value}",
    "{key} 只能是 {choices}，收到：{value}": "{key} must be one of {choices}, got: {value}",
    "未知的设置项：{key}": "Unknown setting: {key}",
    "{key}：{combo} 已被 {other} 使用": "{key}: {combo} is already used by {other}",
    # Messages: phrases
    "短语内容不能为空": "The phrase text cannot be empty",
    "短语内容最多 {limit} 个字": "A phrase holds at most {limit} characters",
    "标题最多 {limit} 个字": "A title holds at most {limit} characters",
    "分组名最多 {limit} 个字": "A group name holds at most {limit} characters",
    "快捷编码只能用小写字母、数字和 _ - .（最多 20 个）：{code}": (
        "A code may only use lower-case letters, digits and _ - . (at most 20): {code}"
    ),
    "快捷键：{reason}": "Hotkey: {reason}",
    "快捷编码 {code} 已被短语「{other}」使用": "Code {code} is already used by the phrase “{other}”",
    "快捷键 {hotkey} 已被短语「{other}」使用": "Hotkey {hotkey} is already used by the phrase “{other}”",
    "短语不存在 (id {id})": "No such phrase (id {id})",
    "分组 {name} 已存在": "The group {name} already exists",
    # Phrases tab, editor and picker
    "编辑短语": "Edit phrase",
    "新建短语": "New phrase",
    "例如 hy（欢迎）": "e.g. hy (huanying, welcome)",
    "分条 ---": "Split ---",
    "在光标处分成两条消息": "Split into two messages at the cursor",
    "分组": "Group",
    "标题": "Title",
    "快捷编码": "Code",
    "内容（单独一行 --- 分成多条消息）": "Text (a line with only --- starts another message)",
    "预览": "Preview",
    "未知的占位符（会原样发出）：{0}": "Unknown placeholders (sent as they are): {0}",
    "第 {0} 条消息较长，建议用 --- 分成几条发送": "Message {0} is long; consider splitting it with ---",
    "全部分组": "All groups",
    "插入到聊天窗口": "Insert into the chat window",
    "编辑": "Edit",
    "复制内容": "Copy text",
    "删除": "Delete",
    "删除短语": "Delete phrase",
    "确定删除「{0}」吗?": "Delete “{0}”?",
    "搜索：快捷编码 / 拼音首字母 / 关键字": "Search: code / pinyin initials / keyword",
    "新建": "New",
    "导入": "Import",
    "导出": "Export",
    "快捷编码 / 拼音首字母 / 关键字": "Code / pinyin initials / keyword",
    "↑↓ 选择 · Enter 插入 · 1-9 快速选 · Esc 关闭": "↑↓ select · Enter insert · 1-9 pick · Esc close",
    "{0} 已被客服助手的「{1}」使用": "{0} is already the assistant's “{1}” hotkey",
    "{0} 已被短语「{1}」使用": "{0} is already used by the phrase “{1}”",
    "短语": "Phrases",
    # Messages: phrase import/export
    "{where}：{reason}": "{where}: {reason}",
    "第 {line} 行": "Line {line}",
    "第 {line} 条短语": "Phrase {line}",
    "文件是空的": "The file is empty",
    "无法识别文件编码：请另存为 UTF-8 或 GB18030/GBK 编码的 CSV": (
        "Unknown file encoding: save the CSV as UTF-8 or GB18030/GBK"
    ),
    "CSV 格式错误：{reason}": "Malformed CSV: {reason}",
    "CSV 格式错误：引号没有成对，含逗号或换行的单元格要用英文双引号括起来": (
        "Malformed CSV: unbalanced quotes; cells with commas or line breaks must be in double quotes"
    ),
    "CSV 格式错误：单元格太长": "Malformed CSV: cell too long",
    "找不到短语内容列（表头应有 text 或 短语内容），表头是：{header}": (
        "No text column (the header needs text or 短语内容); the header is: {header}"
    ),
    "表头重复：{name}": "Duplicate column in the header: {name}",
    "应有 {expected} 列，这一行有 {actual} 列": "Expected {expected} columns, this row has {actual}",
    "Beeftext 文件每行应为 关键词,内容[,名称]（2 或 3 列），这一行有 {actual} 列": (
        "Each Beeftext line must be keyword,snippet[,name] (2 or 3 columns); this one has {actual}"
    ),
    "不是有效的 xlsx 文件": "Not a valid xlsx file",
    "不支持旧版 .xls 文件：请在 Excel 里另存为 .xlsx 或 CSV": (
        "Old .xls files are not supported: save as .xlsx or CSV in Excel"
    ),
    "xlsx 文件里没有工作表": "The xlsx file has no worksheet",
    "JSON 格式错误（第 {line} 行）：{reason}": "Malformed JSON (line {line}): {reason}",
    "JSON 文件必须是 UTF-8 编码": "JSON files must be UTF-8",
    "不是客服助手导出的短语 JSON（format 应为 {format}）": (
        "Not a phrase file exported by CS Assistant (format must be {format})"
    ),
    "短语 JSON 版本 {version} 来自更新的客服助手，请先升级": (
        "Phrase file version {version} comes from a newer CS Assistant; please upgrade first"
    ),
    "字段 {field} 应为{kind}": "Field {field} must be {kind}",
    "文本": "text",
    "文本列表": "a list of text",
    "列表": "a list",
    "对象": "an object",
    "非负整数": "a non-negative integer",
    "时间 (YYYY-MM-DDTHH:MM:SS) 或 null": "a time (YYYY-MM-DDTHH:MM:SS) or null",
    "字段 {field} 含有无效字符": "Field {field} contains invalid characters",
    "未知的文件格式：{format}": "Unknown file format: {format}",
    "新增 {added} 条，替换 {replaced} 条，跳过 {skipped} 条，改编码后新增 {renamed} 条": (
        "Added {added}, replaced {replaced}, skipped {skipped}, added under a new code {renamed}"
    ),
    "试运行，未写入：{summary}": "Dry run, nothing written: {summary}",
    "{count} 条短语的快捷键已被占用，导入时未设置快捷键": (
        "{count} phrases were imported without their hotkey, which was already taken"
    ),
    "新建分组：{groups}": "New groups: {groups}",
    "忽略未知列：{columns}": "Ignored unknown columns: {columns}",
    "{where}：新增「{name}」": "{where}: added “{name}”",
    "{where}：替换「{name}」": "{where}: replaced “{name}”",
    "{where}：跳过，已有「{name}」": "{where}: skipped, “{name}” already exists",
    "{where}：跳过，与「{name}」相同": "{where}: skipped, same as “{name}”",
    "{where}：快捷编码 {old} 已有，改为 {new} 新增「{name}」": "{where}: code {old} is taken; added “{name}” as {new}",
    "{item}（快捷键 {hotkey} 已被占用，未设置）": "{item} (hotkey {hotkey} is taken, not set)",
    "快捷键 {hotkey} 已用于本软件的「{other}」": "Hotkey {hotkey} is used by this app for “{other}”",
    "找不到文件：{path}": "File not found: {path}",
    "无法读取文件 {path}：{reason}": "Cannot read {path}: {reason}",
    "无法写入文件 {path}：{reason}": "Cannot write {path}: {reason}",
    "目录不存在：{path}": "Folder does not exist: {path}",
    "无法从文件名判断导出格式，请用 .csv / .xlsx / .json 结尾或指定格式：{path}": (
        "Cannot tell the export format from the file name; end it in .csv, .xlsx or .json, or give --format: {path}"
    ),
    "数据库拒绝写入：{reason}": "The database refused the change: {reason}",
    # Insertion, paste settings, import dialog
    "粘贴": "Paste",
    "粘贴后最长等待（毫秒）": "Longest wait after pasting (ms)",
    "恢复剪贴板前等待（毫秒）": "Wait before restoring the clipboard (ms)",
    "多条消息逐条发送（消息之间按回车）": "Send messages one by one (Enter between them)",
    "按程序指定粘贴方式": "Paste method per program",
    "只向这些程序粘贴（留空：全部）": "Paste only into these programs (empty: all)",
    "第 {line} 条粘贴规则格式不对，应为 process:程序名 = 方式 或 title:标题 = 方式：{text}": (
        "Paste rule {line} is malformed; expected process:NAME = METHOD or title:TITLE = METHOD: {text}"
    ),
    "第 {line} 条粘贴规则的方式只能是 ctrl+v / shift+insert / type：{text}": (
        "Paste rule {line}: the method must be ctrl+v, shift+insert or type: {text}"
    ),
    "第 {line} 条粘贴规则的正则表达式有误：{reason}": "Paste rule {line}: invalid regular expression: {reason}",
    "第 {line} 条粘贴规则缺少程序名或标题：{text}": "Paste rule {line} names no program or title: {text}",
    "短语内容为空，没有粘贴": "The phrase is empty; nothing was pasted",
    "没有找到要粘贴的窗口：请先点一下聊天窗口的输入框": (
        "No window to paste into: click the chat window's input box first"
    ),
    "目标窗口已关闭，短语没有粘贴": "The target window has closed; the phrase was not pasted",
    "{0} 以管理员身份运行，助手无法向它粘贴。请以管理员身份运行助手，或以普通权限运行该程序": (
        "{0} runs as administrator, so the assistant cannot paste into it. Run the assistant as administrator, or run "
        "that program normally"
    ),
    "{0} 不在允许粘贴的程序列表中，短语没有粘贴": (
        "{0} is not in the list of programs to paste into; the phrase was not pasted"
    ),
    "无法切换到目标窗口 {0}，短语没有粘贴": "Could not switch to the target window {0}; the phrase was not pasted",
    "无法模拟按键，短语没有粘贴：{0}": "Could not send keystrokes; the phrase was not pasted: {0}",
    "粘贴时出错，短语可能没有粘贴：{0}": "Error while pasting; the phrase may not have been pasted: {0}",
    "无法连接 X 服务器，全局快捷键不可用：{0}": "Cannot connect to the X server; global hotkeys are unavailable: {0}",
    "已被其他程序占用": "Held by another program",
    "当前键盘布局没有这个键": "The current keyboard layout has no such key",
    "X 服务器拒绝了这个快捷键：{0}": "The X server refused this hotkey: {0}",
    "快捷键：部分被占用": "Hotkeys: some taken",
    "导入短语：{0}": "Import phrases: {0}",
    "表头不认识：请为每一列选择它是什么（至少要有“短语内容”）": (
        "Unknown header: choose what each column is (at least “Text”)"
    ),
    "第一行是表头": "The first row is a header",
    "按这个对应读取": "Read with these columns",
    "编码相同时跳过": "Skip when the code exists",
    "编码相同时替换": "Replace when the code exists",
    "编码相同时两个都保留": "Keep both when the code exists",
    "遇到相同快捷编码：": "Same code:",
    "忽略": "Ignore",
    "短语内容": "Text",
    "读取前需要对应列": "Map the columns before reading",
    "文件里有 {0} 条短语（{1}）": "The file holds {0} phrases ({1})",
    "正在导入短语…": "Importing phrases…",
    "导入短语": "Import phrases",
    "短语文件 (*.csv *.xlsx *.json);;所有文件 (*)": "Phrase files (*.csv *.xlsx *.json);;All files (*)",
    "导出短语": "Export phrases",
    "已导出 {0} 条短语到 {1}": "Exported {0} phrases to {1}",
    "短语没有粘贴": "Phrase not pasted",
    "短语选择器": "Phrase picker",
    "{0} 已被其他程序占用：{1}": "{0} is held by another program: {1}",
    "从未": "never",
    "已使用 {0} 次 · 最近一次 {1}": "Used {0} times · last {1}",
    "已使用 {0} 次": "Used {0} times",
    "尚未使用": "Not used yet",
    "目标程序没有取走文本，短语没有粘贴：请点一下输入框再试": (
        "The target program did not take the text; the phrase was not pasted: click the input box and try again"
    ),
}
TRANSLATIONS.update(NOTES_TRANSLATIONS)
TRANSLATIONS.update(BUYERS_TRANSLATIONS)
TRANSLATIONS.update(CHECKS_TRANSLATIONS)
TRANSLATIONS.update(CONVERSATIONS_TRANSLATIONS)
TRANSLATIONS.update(HOTKEYS_WIN_TRANSLATIONS)
TRANSLATIONS.update(INSERTION_WIN_TRANSLATIONS)
TRANSLATIONS.update(SELFTEST_TRANSLATIONS)
TRANSLATIONS.update(READING_TRANSLATIONS)
TRANSLATIONS.update(SIGHT_TRANSLATIONS)
TRANSLATIONS.update(UIA_TRANSLATIONS)
TRANSLATIONS.update(SCALE_TRANSLATIONS)
TRANSLATIONS.update(SCALE2_TRANSLATIONS)
TRANSLATIONS.update(DATA_TRANSLATIONS)
TRANSLATIONS.update(GUARD_TRANSLATIONS)
TRANSLATIONS.update(SHOPWORDS_TRANSLATIONS)
TRANSLATIONS.update(RULES_TRANSLATIONS)
TRANSLATIONS.update(SAFETY2_TRANSLATIONS)

_FIELD = re.compile(r"\{[^{}]*\}|%L?\d+|%n")


class ToolError(RuntimeError):
    pass


# --- Qt tools ---------------------------------------------------------------------------------------


def qt_tool(name: str) -> list[str]:
    """The binary shipped inside the PySide6 this interpreter imports; else pyside6-<name> on PATH."""
    try:
        import PySide6
    except ImportError:
        PySide6 = None  # noqa: N806
    if PySide6 is not None:
        package_dir = Path(PySide6.__file__).resolve().parent
        for candidate in (package_dir / name, package_dir / f"{name}.exe"):
            if candidate.is_file() and os.access(candidate, os.X_OK):
                return [str(candidate)]
    found = shutil.which(f"pyside6-{name}")
    if found:
        return [found]
    raise ToolError(f"cannot find {name}: install PySide6 (pyside6-{name})")


def run(cmd: list[str]) -> str:
    proc = subprocess.run(cmd, cwd=REPO, capture_output=True, text=True, encoding="utf-8", errors="replace")
    if proc.returncode != 0:
        raise ToolError(f"{Path(cmd[0]).name} failed ({proc.returncode}): {(proc.stderr or proc.stdout).strip()}")
    return proc.stdout + proc.stderr


def source_files() -> list[Path]:
    return sorted(p for p in SOURCE_DIR.rglob("*.py") if "__pycache__" not in p.parts)


def lupdate(ts_file: Path) -> None:
    # Relative file names keep the .ts independent of the checkout location; relative line numbers
    # keep unrelated edits from touching every <location>.
    files = [os.path.relpath(p, REPO) for p in source_files()]
    run(
        qt_tool("lupdate")
        + [
            "-silent",
            "-no-obsolete",
            "-locations",
            "relative",
            "-source-language",
            "zh_CN",
            "-target-language",
            "en",
            *files,
            "-ts",
            str(ts_file),
        ]
    )


def lrelease(ts_file: Path, qm_file: Path) -> None:
    run(qt_tool("lrelease") + ["-silent", str(ts_file), "-qm", str(qm_file)])


# --- .ts handling -----------------------------------------------------------------------------------


def messages(tree: ET.ElementTree):
    """(context name, source, <translation> element) for every message."""
    for context in tree.getroot().iter("context"):
        name = context.findtext("name", "")
        for message in context.iter("message"):
            yield name, message.findtext("source", ""), message.find("translation")


def is_finished(translation: ET.Element | None) -> bool:
    if translation is None or translation.get("type") in ("unfinished", "vanished", "obsolete"):
        return False
    forms = translation.findall("numerusform")
    texts = [f.text or "" for f in forms] if forms else [translation.text or ""]
    return all(t.strip() for t in texts)


def english_for(context: str, source: str) -> str | None:
    return TRANSLATIONS.get((context, source), TRANSLATIONS.get(source))


def field_problem(context: str, source: str, translation: ET.Element) -> str | None:
    if translation.findall("numerusform"):
        return None
    want, got = sorted(_FIELD.findall(source)), sorted(_FIELD.findall(translation.text or ""))
    if want != got:
        return f"{context}: {source!r}: format fields {want} but the English has {got}"
    return None


_CONTEXT_BLOCK = re.compile(r"<context>.*?</context>", re.S)
_MESSAGE_BLOCK = re.compile(r"<message\b[^>]*>.*?</message>", re.S)
_TRANSLATION = re.compile(r"<translation(?P<attrs>[^>]*?)(?:/>|>(?P<text>.*?)</translation>)", re.S)
_TS_ESCAPES = {"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&apos;"}


def ts_unescape(text: str) -> str:
    return html.unescape(text)


def ts_escape(text: str) -> str:
    """The escaping lupdate itself writes, so a later lupdate run leaves the file alone."""
    if any(ord(ch) < 0x20 and ch not in "\n\t" for ch in text):
        raise ToolError(f"control character in translation {text!r}")
    return "".join(_TS_ESCAPES.get(ch, ch) for ch in text)


def fill(ts_file: Path, refresh: bool) -> tuple[int, list[str]]:
    """Write English from TRANSLATIONS into unfinished messages; (how many filled, problems).

    Edits only the <translation> elements in lupdate's own text, so the layout stays lupdate's.
    """
    original = ts_file.read_text(encoding="utf-8")
    filled = 0

    def fill_message(match: re.Match, context: str) -> str:
        nonlocal filled
        block = match.group(0)
        source = re.search(r"<source>(.*?)</source>", block, re.S)
        translation = _TRANSLATION.search(block)
        if source is None or translation is None or 'numerus="yes"' in block.split(">", 1)[0]:
            return block
        english = english_for(context, ts_unescape(source.group(1)))
        unfinished = "type=" in translation.group("attrs") or not (translation.group("text") or "").strip()
        if english is None or not (refresh or unfinished):
            return block
        new = f"<translation>{ts_escape(english)}</translation>"
        if new == translation.group(0):
            return block
        filled += 1
        return block[: translation.start()] + new + block[translation.end() :]

    def fill_context(match: re.Match) -> str:
        block = match.group(0)
        name = ts_unescape(re.search(r"<name>(.*?)</name>", block, re.S).group(1))
        return _MESSAGE_BLOCK.sub(lambda m: fill_message(m, name), block)

    text = _CONTEXT_BLOCK.sub(fill_context, original)
    if text != original:
        ts_file.write_text(text, encoding="utf-8", newline="\n")
    problems = []
    for context, source, translation in messages(ET.parse(ts_file)):
        if not is_finished(translation):
            problems.append(
                f"{context}: {source!r}: no English; add it to TRANSLATIONS in tools/update_translations.py"
            )
        elif (problem := field_problem(context, source, translation)) is not None:
            problems.append(problem)
    return filled, problems


# --- strings lupdate cannot see -------------------------------------------------------------------

_MARKERS = {"QT_TR_NOOP", "QT_TRANSLATE_NOOP", "QT_TRANSLATE_NOOP3", "translate", "tr"}


def _callee(node: ast.expr) -> str | None:
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        return node.attr
    return None


def _is_str(node: ast.expr) -> bool:
    return isinstance(node, ast.Constant) and isinstance(node.value, str)


def unextractable(path: Path) -> list[str]:
    """Literal strings handed to translation through an alias, a wrapper or a non-literal context."""
    try:
        tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
    except (SyntaxError, UnicodeDecodeError) as exc:
        return [f"{path.relative_to(REPO)}: cannot parse: {exc}"]
    indirect: set[str] = set()
    for node in ast.walk(tree):
        # _T = QT_TRANSLATE_NOOP
        if isinstance(node, ast.Assign) and _callee(node.value) in _MARKERS and not isinstance(node.value, ast.Call):
            indirect.update(t.id for t in node.targets if isinstance(t, ast.Name))
        # def _tr(text): return QCoreApplication.translate("Ctx", text)
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)) and node.name not in _MARKERS:
            params = {a.arg for a in node.args.args + node.args.posonlyargs + node.args.kwonlyargs}
            for inner in ast.walk(node):
                if (
                    isinstance(inner, ast.Call)
                    and _callee(inner.func) in _MARKERS
                    and any(isinstance(a, ast.Name) and a.id in params for a in inner.args)
                ):
                    indirect.add(node.name)
    found = []
    rel = path.relative_to(REPO).as_posix()
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        name, args = _callee(node.func), node.args
        if name in indirect and any(_is_str(a) for a in args):
            why = (
                f"{name} is an alias/wrapper lupdate does not know; "
                "call QT_TRANSLATE_NOOP/translate/tr directly with literal arguments"
            )
        elif (
            name in ("QT_TRANSLATE_NOOP", "QT_TRANSLATE_NOOP3", "translate")
            and len(args) >= 2
            and _is_str(args[1])
            and not _is_str(args[0])
        ):
            why = "lupdate needs a string literal as the context"
        else:
            continue
        found.append((node.lineno, f"{rel}:{node.lineno}: {ast.unparse(node)}: {why}"))
    return [line for _, line in sorted(found)]


def unextractable_all() -> list[str]:
    return [line for path in source_files() for line in unextractable(path)]


# --- modes ----------------------------------------------------------------------------------------


def update(refresh: bool) -> list[str]:
    TS_FILE.parent.mkdir(parents=True, exist_ok=True)
    lupdate(TS_FILE)
    filled, problems = fill(TS_FILE, refresh)
    lrelease(TS_FILE, QM_FILE)
    tree = ET.parse(TS_FILE)
    total = sum(1 for _ in messages(tree))
    contexts = sorted({c for c, _, _ in messages(tree)})
    print(
        f"{TS_FILE.relative_to(REPO)}: {total} messages in {len(contexts)} contexts "
        f"({', '.join(contexts)}); {filled} filled from TRANSLATIONS"
    )
    print(f"{QM_FILE.relative_to(REPO)}: written")
    return problems


def check() -> list[str]:
    problems = []
    if not TS_FILE.is_file():
        return [f"{TS_FILE.relative_to(REPO)} is missing; run tools/update_translations.py"]
    with tempfile.TemporaryDirectory(prefix="translations-check-") as tmp:
        # (a) what lupdate finds now, merged into a copy of the committed .ts: all finished?
        scratch_ts = Path(tmp) / "scratch" / "en.ts"
        scratch_ts.parent.mkdir()
        shutil.copyfile(TS_FILE, scratch_ts)
        lupdate(scratch_ts)
        for context, source, translation in messages(ET.parse(scratch_ts)):
            if not is_finished(translation):
                hint = "in TRANSLATIONS, rerun" if english_for(context, source) else "add it to TRANSLATIONS and run"
                problems.append(
                    f"{context}: {source!r}: no finished English in en.ts ({hint} tools/update_translations.py)"
                )
            elif (problem := field_problem(context, source, translation)) is not None:
                problems.append(problem)
        # (b) the committed .qm is what lrelease makes of the committed .ts
        fresh_qm = Path(tmp) / "en.qm"
        lrelease(TS_FILE, fresh_qm)
        if not QM_FILE.is_file():
            problems.append(f"{QM_FILE.relative_to(REPO)} is missing; run tools/update_translations.py")
        elif QM_FILE.read_bytes() != fresh_qm.read_bytes():
            problems.append(
                f"{QM_FILE.relative_to(REPO)} is not what lrelease makes of en.ts; run tools/update_translations.py"
            )
    return problems


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="verify only; write nothing; exit 1 on problems")
    parser.add_argument(
        "--refresh", action="store_true", help="re-apply TRANSLATIONS to messages that already have English"
    )
    parser.add_argument(
        "--strict", action="store_true", help="treat strings lupdate cannot extract as problems, not warnings"
    )
    args = parser.parse_args(argv)
    try:
        problems = check() if args.check else update(args.refresh)
    except ToolError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    hidden = unextractable_all()
    if args.strict:
        problems += hidden
    else:
        for line in hidden:
            print(f"warning: {line}", file=sys.stderr)
    for line in problems:
        print(line)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
