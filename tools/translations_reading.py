"""English for reading the IM client: title rules, readers, regions (merged into TRANSLATIONS)."""

READING_TRANSLATIONS: dict[str | tuple[str, str], str] = {
    "识别区域不是有效的 JSON：{reason}": "The reading regions are not valid JSON: {reason}",
    "{client}：识别区域应为 list/header/messages 各 4 个非负整数 X,Y,W,H（宽高大于 0）": (
        "{client}: the regions need list/header/messages, each 4 non-negative integers X,Y,W,H (width and height above "
        "0)"
    ),
    "区域应为 X,Y,W,H（像素，宽高大于 0），收到：{value}": (
        "A region is X,Y,W,H (pixels, width and height above 0), got: {value}"
    ),
    "本店客服账号（每行一个，永远不当作买家）": "The shop's own accounts (one per line, never taken for a buyer)",
    "从界面元素读取 (UI Automation)": "Read the interface elements (UI Automation)",
    "从屏幕画面读取（需先校准区域）": "Read the screen (calibrate the regions first)",
    "买家消息气泡在哪一侧": "Side of the buyer's message bubbles",
    "左侧": "Left",
    "右侧": "Right",
    "校准的识别区域 (JSON)": "Calibrated reading regions (JSON)",
    "保留读到的消息文字（问题收集）": "Keep the message text read (question capture)",
    "读取间隔（毫秒）": "Reading interval (ms)",
    "读取聊天窗口": "Reading the chat window",
    # title rules (domain/conversation_titles.py)
    "第 {line} 行：规则应为「平台 | 程序 | [选项 | …] 标题正则」": (
        "Line {line}: a rule is \u201cplatform | program | [options | \u2026] title pattern\u201d"
    ),
    "第 {line} 行：「买家」「聊天」「非聊天」只能选一个": (
        "Line {line}: choose only one of 买家 (buyer), 聊天 (chat), 非聊天 (not-chat)"
    ),
    "第 {line} 行：标题正则有买家分组 (?P<nick>…)，但规则没有写「买家」": (
        "Line {line}: the title pattern has a buyer group (?P<nick>\u2026) but the rule does not say 买家 (buyer)"
    ),
    "第 {line} 行：窗口类正则有误：{reason}": "Line {line}: the window class pattern is wrong: {reason}",
    "识别聊天窗口（每行：平台 | 程序 | [类=窗口类 | 买家/聊天/非聊天 |] 标题正则）": (
        "Recognise chat windows (per line: platform | program | [类=window class | 买家/聊天/非聊天 |] title pattern)"
    ),
    # the status strip (ui/status_strip.py)
    ("StatusStrip", "界面元素"): "UI tree",
    ("StatusStrip", "屏幕识别"): "screen",
    ("StatusStrip", "手动"): "manual",
    "读取：{0} · {1}": "Reading: {0} \u00b7 {1}",
    "读取：{0}": "Reading: {0}",
    # the 统计 tab's source filter (ui/stats_tab.py)
    "全部来源": "All sources",
    "界面元素读取": "Read from the UI tree",
    "屏幕识别读取": "Read from the screen",
    ("StatsTab", "手动"): "Manual",
    "只统计由这种方式发现买家消息的轮次": "Count only the rounds whose buyer message was found this way",
}
