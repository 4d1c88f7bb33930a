"""The settings schema, declared once: types, defaults, limits and labels.

Storage persists it, the CLI validates `config set` with it and the settings dialog is built
from it. Labels are Chinese source strings marked for Qt's lupdate by name only (no Qt import).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any, Protocol

from desktop_assistant.domain.conversation_titles import DEFAULT_RULES_TEXT, LEGACY_RULES_TEXT, parse_title_rules
from desktop_assistant.domain.hotkeys import HotkeyError, normalise_hotkey
from desktop_assistant.domain.messages import QT_TRANSLATE_NOOP, UserError
from desktop_assistant.domain.reading import parse_regions
from desktop_assistant.domain.screening_rules import DEFAULT_HIGH, DEFAULT_MEDIUM, LABEL_HIGH, LABEL_MEDIUM, RULES

TR_CONTEXT = "Settings"  # lupdate needs the literal in each QT_TRANSLATE_NOOP call


class SettingError(UserError):
    """Unknown key or a value the schema refuses; the message is one line for the agent."""


MSG_WRAPPED = QT_TRANSLATE_NOOP("Messages", "{key}: {reason}")
MSG_NEEDS_TEXT = QT_TRANSLATE_NOOP("Messages", "{key} 需要文本")
MSG_TOO_LONG = QT_TRANSLATE_NOOP("Messages", "{key} 最多 {limit} 个字符")
MSG_BAD_FORMAT = QT_TRANSLATE_NOOP("Messages", "{key} 格式不对：{value}")
MSG_NO_NEWLINES = QT_TRANSLATE_NOOP("Messages", "{key} 不能包含换行或制表符")
MSG_NEEDS_INT = QT_TRANSLATE_NOOP("Messages", "{key} 需要整数，收到：{value}")
MSG_OUT_OF_RANGE = QT_TRANSLATE_NOOP("Messages", "{key} 必须在 {minimum} 到 {maximum} 之间")
MSG_NEEDS_BOOL = QT_TRANSLATE_NOOP("Messages", "{key} 需要 true 或 false，收到：{value}")
MSG_NOT_A_CHOICE = QT_TRANSLATE_NOOP("Messages", "{key} 只能是 {choices}，收到：{value}")
MSG_UNKNOWN_KEY = QT_TRANSLATE_NOOP("Messages", "未知的设置项：{key}")
MSG_HOTKEY_TAKEN = QT_TRANSLATE_NOOP("Messages", "{key}：{combo} 已被 {other} 使用")


def _shown(raw: Any) -> str:
    """The offending value on one short line, whatever the agent typed."""
    text = raw if isinstance(raw, str) else repr(raw)
    text = " ".join(text.split())
    return text if len(text) <= 40 else text[:40] + "…"


@dataclass(frozen=True)
class SettingSpec:
    key: str
    kind: str  # text | lines | int | bool | choice | hotkey
    default: Any
    label: str
    section: str
    minimum: int | None = None
    maximum: int | None = None
    max_length: int = 64
    pattern: str | None = None
    choices: Mapping[str, str] = field(default_factory=dict)
    check: Callable[[str], object] | None = None  # raises UserError for a value the feature cannot use

    def parse(self, raw: Any) -> Any:
        """Turn text or a Python value into the typed value, or raise SettingError."""
        try:
            return _PARSERS[self.kind](self, raw)
        except (ValueError, TypeError) as exc:
            if isinstance(exc, SettingError):
                raise
            raise SettingError(MSG_BAD_FORMAT, key=self.key, value=_shown(raw)) from None


def _parse_text(spec: SettingSpec, raw: Any) -> str:
    if not isinstance(raw, str):
        raise SettingError(MSG_NEEDS_TEXT, key=spec.key)
    value = raw.strip()
    if len(value) > spec.max_length:
        raise SettingError(MSG_TOO_LONG, key=spec.key, limit=spec.max_length)
    if value and spec.pattern and not re.fullmatch(spec.pattern, value):
        raise SettingError(MSG_BAD_FORMAT, key=spec.key, value=_shown(value))
    if any(ch in value for ch in "\r\n\t"):
        raise SettingError(MSG_NO_NEWLINES, key=spec.key)
    _check(spec, value)
    return value


def _parse_lines(spec: SettingSpec, raw: Any) -> str:
    """Several lines (rules): kept as typed apart from line endings and trailing blanks."""
    if not isinstance(raw, str):
        raise SettingError(MSG_NEEDS_TEXT, key=spec.key)
    value = "\n".join(line.rstrip() for line in raw.replace("\r\n", "\n").replace("\r", "\n").split("\n")).strip("\n")
    if len(value) > spec.max_length:
        raise SettingError(MSG_TOO_LONG, key=spec.key, limit=spec.max_length)
    _check(spec, value)
    return value


def _check(spec: SettingSpec, value: str) -> None:
    if spec.check is not None:
        try:
            spec.check(value)
        except UserError as exc:
            raise SettingError(MSG_WRAPPED, key=spec.key, reason=exc) from None


def _parse_int(spec: SettingSpec, raw: Any) -> int:
    if isinstance(raw, bool):
        raise SettingError(MSG_NEEDS_INT, key=spec.key, value=_shown(raw))
    if isinstance(raw, str):
        if not re.fullmatch(r"\s*-?\d+\s*", raw):
            raise SettingError(MSG_NEEDS_INT, key=spec.key, value=_shown(raw))
        raw = int(raw)
    if not isinstance(raw, int):
        raise SettingError(MSG_NEEDS_INT, key=spec.key, value=_shown(raw))
    if spec.minimum is not None and raw < spec.minimum or spec.maximum is not None and raw > spec.maximum:
        raise SettingError(MSG_OUT_OF_RANGE, key=spec.key, minimum=spec.minimum, maximum=spec.maximum)
    return raw


_TRUE = {"true", "1", "yes", "on", "是", "开"}
_FALSE = {"false", "0", "no", "off", "否", "关"}


def _parse_bool(spec: SettingSpec, raw: Any) -> bool:
    if isinstance(raw, bool):
        return raw
    if isinstance(raw, str) and raw.strip().lower() in _TRUE | _FALSE:
        return raw.strip().lower() in _TRUE
    raise SettingError(MSG_NEEDS_BOOL, key=spec.key, value=_shown(raw))


def _parse_choice(spec: SettingSpec, raw: Any) -> str:
    if raw not in spec.choices:
        raise SettingError(MSG_NOT_A_CHOICE, key=spec.key, choices=" / ".join(spec.choices), value=_shown(raw))
    return str(raw)  # one of the choices' keys: a str already


def _parse_hotkey(spec: SettingSpec, raw: Any) -> str:
    if not isinstance(raw, str):
        raise SettingError(MSG_NEEDS_TEXT, key=spec.key)
    if not raw.strip():
        return ""  # no hotkey: the action stays reachable from the panel
    try:
        return normalise_hotkey(raw)
    except HotkeyError as exc:
        raise SettingError(MSG_WRAPPED, key=spec.key, reason=exc) from None


_PARSERS = {
    "text": _parse_text,
    "lines": _parse_lines,
    "int": _parse_int,
    "bool": _parse_bool,
    "choice": _parse_choice,
    "hotkey": _parse_hotkey,
}

# `process:putty.exe = shift+insert; title:/regex/ = type` (domain/paste_rules.py; `;` between rules
# on one line). This checks the shape; paste_rules.parse_rules gives the precise reason.
_PASTE_RULE = r"\s*(?:process|title)\s*:(?:/(?:\\.|[^/\\])*/|[^;/])*?=\s*(?:ctrl\+v|shift\+insert|type)\s*"
_PASTE_RULES_PATTERN = rf"(?i){_PASTE_RULE}(?:;{_PASTE_RULE})*;?\s*"

# Screening rules (docs/screening.md) and their default weights; the labels name the rule for the dialog.
SCHEMA: tuple[SettingSpec, ...] = (
    SettingSpec("agent_name", "text", "", QT_TRANSLATE_NOOP("Settings", "客服昵称"), "agent", max_length=32),
    SettingSpec(
        "agent_id",
        "text",
        "",
        QT_TRANSLATE_NOOP("Settings", "工号"),
        "agent",
        max_length=32,
        pattern=r"[0-9A-Za-z_\-.:]+",
    ),
    SettingSpec("shop_name", "text", "", QT_TRANSLATE_NOOP("Settings", "店铺名称"), "agent", max_length=64),
    SettingSpec(
        "language",
        "choice",
        "zh_CN",
        QT_TRANSLATE_NOOP("Settings", "界面语言"),
        "panel",
        choices={"zh_CN": "简体中文", "en": "English"},
    ),
    SettingSpec(
        "theme",
        "choice",
        "light",
        QT_TRANSLATE_NOOP("Settings", "主题"),
        "panel",
        choices={"light": QT_TRANSLATE_NOOP("Settings", "浅色"), "dark": QT_TRANSLATE_NOOP("Settings", "深色")},
    ),
    SettingSpec(
        "panel.side",
        "choice",
        "right",
        QT_TRANSLATE_NOOP("Settings", "停靠位置"),
        "panel",
        choices={"right": QT_TRANSLATE_NOOP("Settings", "屏幕右侧"), "left": QT_TRANSLATE_NOOP("Settings", "屏幕左侧")},
    ),
    SettingSpec(
        "panel.width", "int", 380, QT_TRANSLATE_NOOP("Settings", "面板宽度（像素）"), "panel", minimum=280, maximum=720
    ),
    SettingSpec("panel.always_on_top", "bool", True, QT_TRANSLATE_NOOP("Settings", "窗口置顶"), "panel"),
    SettingSpec("panel.compact", "bool", False, QT_TRANSLATE_NOOP("Settings", "紧凑模式"), "panel"),
    SettingSpec(
        "hotkey.backend",
        "choice",
        "auto",
        QT_TRANSLATE_NOOP("Settings", "全局快捷键方式"),
        "hotkeys",
        choices={
            "auto": QT_TRANSLATE_NOOP("Settings", "自动"),
            "native": QT_TRANSLATE_NOOP("Settings", "Windows RegisterHotKey（Windows 推荐）"),
            "keyboard": QT_TRANSLATE_NOOP("Settings", "keyboard 键盘钩子（组合键已被其他程序占用时，用它抢先拿到）"),
            "x11": "x11 (XGrabKey)",
            "pynput": "pynput",
        },
    ),
    SettingSpec("hotkey.picker", "hotkey", "ctrl+alt+p", QT_TRANSLATE_NOOP("Settings", "打开短语选择器"), "hotkeys"),
    SettingSpec(
        "hotkey.toggle_panel", "hotkey", "ctrl+alt+h", QT_TRANSLATE_NOOP("Settings", "显示/隐藏面板"), "hotkeys"
    ),
    SettingSpec("hotkey.buyer_wrote", "hotkey", "ctrl+alt+b", QT_TRANSLATE_NOOP("Settings", "买家发来消息"), "hotkeys"),
    SettingSpec("hotkey.replied", "hotkey", "ctrl+alt+r", QT_TRANSLATE_NOOP("Settings", "已回复"), "hotkeys"),
    SettingSpec(
        "hotkey.new_conversation",
        "hotkey",
        "ctrl+alt+n",
        QT_TRANSLATE_NOOP("Settings", "用剪贴板里的昵称新建会话"),
        "hotkeys",
    ),
    SettingSpec(
        "hotkey.jump_longest", "hotkey", "ctrl+alt+j", QT_TRANSLATE_NOOP("Settings", "跳到等待最久的会话"), "hotkeys"
    ),
    SettingSpec(
        "paste.delay_ms",
        "int",
        500,
        QT_TRANSLATE_NOOP("Settings", "粘贴后最长等待（毫秒）"),
        "paste",
        minimum=50,
        maximum=5000,
    ),
    SettingSpec(
        "paste.restore_delay_ms",
        "int",
        150,
        QT_TRANSLATE_NOOP("Settings", "恢复剪贴板前等待（毫秒）"),
        "paste",
        minimum=0,
        maximum=5000,
    ),
    SettingSpec(
        "paste.send_each", "bool", False, QT_TRANSLATE_NOOP("Settings", "多条消息逐条发送（消息之间按回车）"), "paste"
    ),
    SettingSpec(
        "paste.rules",
        "text",
        "",
        QT_TRANSLATE_NOOP("Settings", "按程序指定粘贴方式"),
        "paste",
        max_length=2000,
        pattern=_PASTE_RULES_PATTERN,
    ),
    SettingSpec(
        "paste.allow_list",
        "text",
        "",
        QT_TRANSLATE_NOOP("Settings", "只向这些程序粘贴（留空：全部）"),
        "paste",
        max_length=1000,
    ),
    *(
        SettingSpec(f"timer.{prefix}{name}_s", "int", default, label, "timers", minimum=1, maximum=3600)
        for prefix, name, default, label in (
            ("", "warn", 30, QT_TRANSLATE_NOOP("Settings", "计时变黄（秒）")),
            ("", "overdue", 60, QT_TRANSLATE_NOOP("Settings", "计时超时变红（秒）")),
            ("", "critical", 180, QT_TRANSLATE_NOOP("Settings", "计时严重超时（秒）")),
            # A new buyer is greeted within 30 s (the service standard): the first round is stricter.
            ("first_", "warn", 10, QT_TRANSLATE_NOOP("Settings", "首次响应：变黄（秒）")),
            ("first_", "overdue", 30, QT_TRANSLATE_NOOP("Settings", "首次响应：超时（秒）")),
            ("first_", "critical", 60, QT_TRANSLATE_NOOP("Settings", "首次响应：严重超时（秒）")),
        )
    ),
    SettingSpec("alerts.tray", "bool", True, QT_TRANSLATE_NOOP("Settings", "超时时托盘提醒"), "timers"),
    SettingSpec("alerts.sound", "bool", False, QT_TRANSLATE_NOOP("Settings", "超时时响铃"), "timers"),
    SettingSpec(
        "conversation.idle_close_minutes",
        "int",
        30,
        QT_TRANSLATE_NOOP("Settings", "已回复的会话闲置多久后移出列表（分钟，0：不移出）"),
        "timers",
        minimum=0,
        maximum=1440,
    ),
    SettingSpec(
        "conversation.title_rules",
        "lines",
        DEFAULT_RULES_TEXT,
        QT_TRANSLATE_NOOP("Settings", "识别聊天窗口（每行：平台 | 程序 | [类=窗口类 | 买家/聊天/非聊天 |] 标题正则）"),
        "timers",
        max_length=4000,
        check=parse_title_rules,
    ),
    SettingSpec(
        "seller_accounts",
        "lines",
        "",
        QT_TRANSLATE_NOOP("Settings", "本店客服账号（每行一个，永远不当作买家）"),
        "reading",
        max_length=2000,
    ),
    SettingSpec(
        "reader.ui_tree", "bool", True, QT_TRANSLATE_NOOP("Settings", "从界面元素读取 (UI Automation)"), "reading"
    ),
    SettingSpec(
        "reader.sight", "bool", False, QT_TRANSLATE_NOOP("Settings", "从屏幕画面读取（需先校准区域）"), "reading"
    ),
    SettingSpec(
        "reader.buyer_side",
        "choice",
        "left",
        QT_TRANSLATE_NOOP("Settings", "买家消息气泡在哪一侧"),
        "reading",
        choices={"left": QT_TRANSLATE_NOOP("Settings", "左侧"), "right": QT_TRANSLATE_NOOP("Settings", "右侧")},
    ),
    SettingSpec(
        "reader.regions",
        "text",
        "",
        QT_TRANSLATE_NOOP("Settings", "校准的识别区域 (JSON)"),
        "reading",
        max_length=4000,
        check=parse_regions,
    ),
    SettingSpec(
        "reader.capture_questions",
        "bool",
        False,
        QT_TRANSLATE_NOOP("Settings", "保留读到的消息文字（问题收集）"),
        "reading",
    ),
    SettingSpec(
        "reader.interval_ms",
        "int",
        500,
        QT_TRANSLATE_NOOP("Settings", "读取间隔（毫秒）"),
        "reading",
        minimum=100,
        maximum=5000,
    ),
    *(
        SettingSpec(f"notes.flag{flag}", "text", meaning, label, "notes", max_length=16)
        for flag, meaning, label in (
            (1, "特殊要求/承诺", QT_TRANSLATE_NOOP("Settings", "红旗含义")),
            (2, "可疑订单", QT_TRANSLATE_NOOP("Settings", "黄旗含义")),
            (3, "退换中", QT_TRANSLATE_NOOP("Settings", "绿旗含义")),
            (4, "缺货", QT_TRANSLATE_NOOP("Settings", "蓝旗含义")),
            (5, "已退款", QT_TRANSLATE_NOOP("Settings", "紫旗含义")),
        )
    ),
    SettingSpec(
        "promises.remind_minutes",
        "int",
        5,
        QT_TRANSLATE_NOOP("Settings", "承诺到期前提醒（分钟）"),
        "notes",
        minimum=1,
        maximum=240,
    ),
    SettingSpec(
        "urge.cutoff",
        "text",
        "16:00",
        QT_TRANSLATE_NOOP("Settings", "当天发货截单时间"),
        "notes",
        max_length=5,
        pattern=r"([01]?\d|2[0-3]):[0-5]\d",
    ),
    SettingSpec(
        "urge.first_after_minutes",
        "int",
        15,
        QT_TRANSLATE_NOOP("Settings", "下单未付款多久后催付（分钟）"),
        "notes",
        minimum=1,
        maximum=720,
    ),
    SettingSpec(
        "urge.lead_minutes",
        "int",
        30,
        QT_TRANSLATE_NOOP("Settings", "截单前多久再催一次（分钟）"),
        "notes",
        minimum=1,
        maximum=240,
    ),
    SettingSpec(
        "urge.phrase_before_cutoff",
        "text",
        "cf1",
        QT_TRANSLATE_NOOP("Settings", "截单前催付短语（快捷编码）"),
        "notes",
        max_length=32,
    ),
    SettingSpec(
        "urge.phrase_after_cutoff",
        "text",
        "cf3",
        QT_TRANSLATE_NOOP("Settings", "截单后催付短语（快捷编码）"),
        "notes",
        max_length=32,
    ),
    SettingSpec(
        "screen.level_high",
        "int",
        DEFAULT_HIGH,
        LABEL_HIGH,
        "screening",
        minimum=1,
        maximum=100,
    ),
    SettingSpec(
        "screen.level_medium",
        "int",
        DEFAULT_MEDIUM,
        LABEL_MEDIUM,
        "screening",
        minimum=1,
        maximum=100,
    ),
    SettingSpec(
        "screen.celebrities_extra",
        "text",
        "",
        QT_TRANSLATE_NOOP("Settings", "更多明星名字（逗号分隔，常见名字后加 *）"),
        "screening",
        max_length=2000,
    ),
    *(
        SettingSpec(f"screen.weight.{rule.code}", "int", rule.weight, rule.label, "screening", minimum=0, maximum=100)
        for rule in RULES
    ),
    SettingSpec(
        "lists.remote_areas",
        "text",
        "",
        QT_TRANSLATE_NOOP("Settings", "偏远地区（省级，逗号分隔；留空用默认）"),
        "lists",
        max_length=500,
    ),
    SettingSpec(
        "lists.pickup_words",
        "text",
        "",
        QT_TRANSLATE_NOOP("Settings", "更多代收点用语（逗号分隔）"),
        "lists",
        max_length=500,
    ),
    # Outgoing-text guard (docs/guard.md, domain/guard.py): a switch per category, the shop's own words.
    SettingSpec(
        "guard.contact", "bool", True, QT_TRANSLATE_NOOP("Settings", "拦截站外联系（微信/QQ/电话/站外链接）"), "guard"
    ),
    SettingSpec("guard.cashback", "bool", True, QT_TRANSLATE_NOOP("Settings", "拦截好评返现"), "guard"),
    SettingSpec("guard.absolute", "bool", True, QT_TRANSLATE_NOOP("Settings", "提醒广告法极限词"), "guard"),
    SettingSpec(
        "guard.contact_extra",
        "text",
        "",
        QT_TRANSLATE_NOOP("Settings", "更多站外联系用语（逗号分隔）"),
        "guard",
        max_length=1000,
    ),
    SettingSpec(
        "guard.cashback_extra",
        "text",
        "",
        QT_TRANSLATE_NOOP("Settings", "更多返现用语（逗号分隔）"),
        "guard",
        max_length=1000,
    ),
    SettingSpec(
        "guard.absolute_extra",
        "text",
        "",
        QT_TRANSLATE_NOOP("Settings", "更多极限词（逗号分隔）"),
        "guard",
        max_length=1000,
    ),
    SettingSpec(
        "guard.exceptions_extra",
        "text",
        "",
        QT_TRANSLATE_NOOP("Settings", "不算违规的词（逗号分隔）"),
        "guard",
        max_length=1000,
    ),
    SettingSpec(
        "guard.domains_extra",
        "text",
        "",
        QT_TRANSLATE_NOOP("Settings", "更多平台内域名（逗号分隔）"),
        "guard",
        max_length=500,
    ),
    SettingSpec(
        "privacy.retention_days",
        "int",
        180,
        QT_TRANSLATE_NOOP("Settings", "收货人和地址保留天数（0：不删除）"),
        "data",
        minimum=0,
        maximum=3650,
    ),
    # Every personal field (phones and addresses in checks, receivers, profiles, note texts); off by
    # default. Receivers go after the shorter of this and privacy.retention_days (domain.retention).
    SettingSpec(
        "retention.days",
        "int",
        0,
        QT_TRANSLATE_NOOP("Settings", "个人信息保留天数：核对、收货人、档案和备注里的电话与地址（0：不清除）"),
        "data",
        minimum=0,
        maximum=3650,
    ),
    SettingSpec(
        "backup.keep", "int", 7, QT_TRANSLATE_NOOP("Settings", "保留每日备份（份）"), "data", minimum=1, maximum=90
    ),
)

SECTIONS = {
    "agent": QT_TRANSLATE_NOOP("Settings", "客服与店铺"),
    "panel": QT_TRANSLATE_NOOP("Settings", "面板"),
    "hotkeys": QT_TRANSLATE_NOOP("Settings", "快捷键"),
    "paste": QT_TRANSLATE_NOOP("Settings", "粘贴"),
    "timers": QT_TRANSLATE_NOOP("Settings", "会话计时与提醒"),
    "reading": QT_TRANSLATE_NOOP("Settings", "读取聊天窗口"),
    "notes": QT_TRANSLATE_NOOP("Settings", "备注与提醒"),
    "screening": QT_TRANSLATE_NOOP("Settings", "买家风险筛查"),
    "lists": QT_TRANSLATE_NOOP("Settings", "地址名单"),
    "guard": QT_TRANSLATE_NOOP("Settings", "发送前检查"),
    "data": QT_TRANSLATE_NOOP("Settings", "数据"),
}

SPECS: dict[str, SettingSpec] = {spec.key: spec for spec in SCHEMA}
DEFAULTS: dict[str, Any] = {spec.key: spec.default for spec in SCHEMA}
# Defaults that shipped and were wrong: a stored copy the agent never edited becomes today's default.
REPLACED_DEFAULTS: dict[str, tuple[Any, ...]] = {"conversation.title_rules": (LEGACY_RULES_TEXT,)}


def spec_for(key: str) -> SettingSpec:
    try:
        return SPECS[key]
    except KeyError:
        raise SettingError(MSG_UNKNOWN_KEY, key=_shown(key)) from None


def validate_change(key: str, raw: Any, current: Mapping[str, Any]) -> Any:
    """Typed value for `key`, checked against the other settings (hotkeys must not collide)."""
    value = spec_for(key).parse(raw)
    if SPECS[key].kind == "hotkey" and value:
        for other in SCHEMA:
            if other.kind == "hotkey" and other.key != key and current.get(other.key) == value:
                raise SettingError(MSG_HOTKEY_TAKEN, key=key, combo=value, other=other.key)
    return value


class SettingsAccess(Protocol):
    """What the UI may do with settings (the storage layer implements it)."""

    def get(self, key: str) -> Any: ...

    def all(self) -> dict[str, Any]: ...

    def set_many(self, changes: Mapping[str, Any]) -> dict[str, Any]: ...


class StateAccess(Protocol):
    """Remembered UI state that is not a preference (window geometry)."""

    def get(self, key: str, default: Any = None) -> Any: ...

    def set(self, key: str, value: Any) -> None: ...
