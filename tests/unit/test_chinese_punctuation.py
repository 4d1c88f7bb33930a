"""Chinese UI strings use full-width punctuation (issue 16, item 7).

Every <source> in resources/translations/en.ts is a zh_CN UI string that lupdate found. The rule:

In a string that contains a CJK character:

- an ASCII `,` `:` or `;` must be full-width (，：；) when it follows a CJK character directly, or when
  a space follows it ("{0}, 你好", "{where}: 新增", "无法读取 {path}: {reason}"). Not prose, so left
  alone: times and ranges (16:00, 08:00-23:00), X,Y,W,H, syntax written without a space such as
  `process:程序名`, Qt file-dialog filters (`;;所有文件`) and the file syntaxes listed in SYNTAX;
- a pair of ASCII parentheses must be full-width (（）) when its content contains a CJK character or is
  a single format field ("({reason})"). Other ASCII parentheticals stay ASCII: code and names
  ("(JSON)", "(*.csv)", "(?P<nick>…)", "(YYYY-MM-DDTHH:MM:SS)", "(Ctrl/Alt/Shift/Win)").

CJK here means the ideographs plus CJK and full-width punctuation (U+3000-303F, U+FF00-FFEF).
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

TS_FILE = Path(__file__).resolve().parents[2] / "resources" / "translations" / "en.ts"
CJK = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\u3000-\u303f\uff00-\uffef"
HAS_CJK = re.compile(rf"[{CJK}]")
ASCII_MARK = re.compile(rf"(?<=[{CJK}])[,:;]|[,:;](?= )")
CJK_PARENS = re.compile(rf"\((?:[^()]*[{CJK}][^()]*|\{{\w+\}})\)")
# File formats spelled out for the user: the ASCII marks are what the file must contain.
SYNTAX = ("关键词,内容[,名称]",)


def offences(text: str) -> list[str]:
    if not HAS_CJK.search(text):
        return []
    for syntax in SYNTAX:
        text = text.replace(syntax, "")
    return [m.group(0) for m in ASCII_MARK.finditer(text)] + CJK_PARENS.findall(text)


def test_rule_catches_ascii_marks_in_prose_and_leaves_syntax_alone():
    assert offences("数据目录: {0}") == [":"]
    assert offences("{0}, 你好") == [","]
    assert offences("数据库文件{reason}; 备份") == [";"]
    assert offences("窗口保持在最前 (不抢输入焦点)") == ["(不抢输入焦点)"]
    assert offences("无法读取 {path}: {reason}") == [":"]
    assert offences("读写数据库出错 ({reason})") == ["({reason})"]
    for fine in (
        "数据目录：{0}",
        "截单时间 16:00",
        "服务时间 08:00-23:00",
        "区域 X,Y,W,H",
        "应为 process:程序名 = 方式",
        "短语文件 (*.csv *.xlsx);;所有文件 (*)",
        "导出 (JSON)",
        "分组 (?P<nick>…) 表示买家",
        "窗口保持在最前（不抢输入焦点）",
        "每行应为 关键词,内容[,名称]",
        "{key}: {reason}",
        "时间 (YYYY-MM-DDTHH:MM:SS) 或 null",
    ):
        assert offences(fine) == [], fine


def test_zh_cn_ui_strings_use_full_width_punctuation():
    sources = {m.text for m in ET.parse(TS_FILE).iter("source") if m.text}
    bad = sorted(f"{s!r}: {offences(s)}" for s in sources if offences(s))
    assert not bad, f"{len(bad)} Chinese UI strings with ASCII punctuation:\n" + "\n".join(bad)
