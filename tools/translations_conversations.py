"""English for the conversation, timer, 待答问题 and 统计 strings (merged into TRANSLATIONS)."""

CONVERSATIONS_TRANSLATIONS: dict[str | tuple[str, str], str] = {
    # 会话 tab and its model
    "会话": "Chats", "会话（{0}）": "Chats ({0})", "平台": "Platform", "状态": "State", "计时": "Timer",
    "等待回复": "Waiting", "快超时": "Almost late", "超时": "Late", "严重超时": "Very late",
    "上一轮响应时间": "Response time of the last round", "买家昵称": "Buyer nick", "新会话": "New chat",
    "买家发言": "Buyer wrote", "买家发来消息：没有进行中的计时就开始计时": "The buyer wrote: starts the timer unless one runs",
    "结束": "Close", "等待最久": "Longest wait", "跳到等待最久的会话": "Jump to the chat waiting longest",
    "买家问了什么要查的?（5 分钟内回复）": "What did the buyer ask that needs checking? (answer within 5 minutes)",
    "记下": "Note it", "回答": "Answer", "发送回答": "Send answer", "已答": "Answered", "存为短语": "Save as phrase",
    "待答问题": "Open questions", "待答问题（{0}）": "Open questions ({0})", "还剩 {0}": "{0} left",
    "已超时 {0}": "Late by {0}", "已回答：{0}": "Answered: {0}",
    "先在列表里选一个待答问题": "Choose an open question in the list first",
    "已记下，{0} 分钟内回复 {1}": "Noted; answer {1} within {0} minutes",
    "已回答。这个回答以后还用得上? 点「存为短语」": "Answered. Will you need this answer again? Click \u201cSave as phrase\u201d",
    "回复超时": "Reply late", "{0} 已等待 {1}": "{0} has waited {1}", "待答问题超时": "Open question late",
    "{0} · 已回复": "{0} · answered", "{0} · 等待 {1}": "{0} · waiting {1}",
    "没有等待回复的会话": "No chat is waiting for a reply",
    # messages
    "第 {line} 行: 规则应为「平台 | 程序 | 标题正则」": "Line {line}: a rule is \u201cplatform | program | title pattern\u201d",
    "第 {line} 行：标题正则有误：{reason}": "Line {line}: the title pattern is wrong: {reason}",
    "第 {line} 行：标题正则需要一个分组 (?P<nick>…) 表示买家昵称":
        "Line {line}: the title pattern needs a group (?P<nick>…) for the buyer's nick",
    "请填写买家昵称": "Enter the buyer's nick", "买家昵称最多 {limit} 个字符": "A buyer nick has at most {limit} characters",
    "买家昵称不能包含换行": "A buyer nick cannot contain line breaks", "先选一个会话": "Choose a chat first",
    "请写下买家的问题": "Write down the buyer's question", "请写下回答": "Write the answer",
    "最多 {limit} 个字": "At most {limit} characters",
    # settings
    "用剪贴板里的昵称新建会话": "New chat from the nick on the clipboard",
    "计时变黄（秒）": "Timer turns orange (seconds)", "计时超时变红（秒）": "Timer late, red (seconds)",
    "计时严重超时（秒）": "Timer very late (seconds)", "首次响应：变黄（秒）": "First response: orange (seconds)",
    "首次响应：超时（秒）": "First response: late (seconds)", "首次响应：严重超时（秒）": "First response: very late (seconds)",
    "超时时托盘提醒": "Tray notice when late", "超时时响铃": "Beep when late",
    "已回复的会话闲置多久后移出列表（分钟，0：不移出）": "Answered chats leave the list after this many idle minutes (0: never)",
    "从聊天窗口标题识别买家 (每行: 平台 | 程序 | 标题正则)":
        "Buyer from the chat window title (one per line: platform | program | title pattern)",
    "会话计时与提醒": "Chat timers and alerts",
    # 统计
    "统计": "Stats", "轮次": "Rounds", "平均响应（秒）": "Avg response (s)", "平均首响（秒）": "Avg first response (s)",
    "30秒回复率": "Within 30 s", "60秒回复率": "Within 60 s", "3分钟回复率": "Within 3 min", "答问比": "Answers/questions",
    "（未分配）": "(unassigned)", "全部": "All", "今天": "Today", "近 7 天": "Last 7 days", "全部客服": "All agents",
    "刷新": "Refresh", "导出…": "Export…", "响应时间分布（轮次）": "Response times (rounds)",
    "每小时轮次": "Rounds per hour", "每天 3 分钟回复率": "3-minute rate per day", "导出统计": "Export stats",
    "聊天记录，供 kpi 命令复算 (*.csv)": "Chat log, for the kpi command (*.csv)",
    "{0} 轮，更新于 {1}": "{0} rounds, updated at {1}", "已导出 {0} 行到 {1}": "Exported {0} rows to {1}",
    ("StatsTab", "客服"): "Agent", ("StatsTab", "买家"): "Buyers", ("StatsTab", "已回复"): "Answered",
    ("ConversationModel", "买家"): "Buyer", ("ConversationModel", "已回复"): "Answered",
    ("ConversationsTab", "已回复"): "Replied",
}
