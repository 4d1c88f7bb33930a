"""English for the buyer profile and screening strings (merged into TRANSLATIONS)."""

BUYERS_TRANSLATIONS: dict[str | tuple[str, str], str] = {
    # 买家 tab
    "{0}  筛查 {1} 分 {2}  {3}": "{0}  screened {1} points {2}  {3}",
    "{0} · {1} · {2} · {3}": "{0} · {1} · {2} · {3}",
    "不在黑名单或白名单": "Not on the blacklist or the whitelist",
    "不议价、反复加单": "No bargaining, keeps adding orders",
    "中风险": "Medium risk",
    "低风险": "Low risk",
    "高风险": "High risk",
    "买家昵称（回车查询）": "Buyer nick (Enter looks up)",
    "保存并筛查": "Save and screen",
    "信用（分或 3心/2钻）": "Credit (points or 3心/2钻)",
    "其他标签，逗号分隔": "Other tags, separated by commas",
    "加入白名单": "Whitelist",
    "历史": "History",
    "好评率 %": "Positive rate %",
    "平台": "Platform",
    "拉黑": "Blacklist",
    "拉黑或加白的原因（必填）": "Reason for the list (required)",
    "收货人": "Receiver",
    "收货地址": "Address",
    "数据有误，未计分：{0}": "Impossible data, not scored: {0}",
    "查询": "Look up",
    "标签": "Tags",
    "档案": "Profile",
    "注册日期": "Registered on",
    "用过的收货人和地址": "Receivers and addresses used",
    "白名单": "Whitelist",
    ("BuyerTab", "白名单"): "whitelist",
    ("BuyerTab", "黑名单"): "blacklist",
    "黑名单": "blacklist",
    "移出名单": "Take off the list",
    "给出中差评": "Bad reviews given",
    "要求加微信/QQ/电话": "Asked for WeChat/QQ/phone",
    "订单数": "Orders",
    "账龄（天）": "Account age (days)",
    "近 7 天订单": "Orders in the last 7 days",
    "还没有资料：填写后保存即可筛查": "No profile yet: fill it in and save to screen",
    "退款数": "Refunds",
    ("BuyerTab", "买家"): "Buyer",
    ("BuyerTab", "备注"): "Notes",
    "会员等级": "Membership",
    "偏好": "Preference",
    "活动": "Campaign",
    # controller
    "{0} 在本店黑名单（原因：{1}）。所有沟通请留在旺旺里。": (
        "{0} is on the shop's blacklist (reason: {1}). Keep every exchange on Wangwang."
    ),
    "{0} 风险分 {1}，请看「买家」页的原因。所有沟通请留在旺旺里。": (
        "{0} has a risk score of {1}; see the reasons in the Buyer tab. Keep every exchange on Wangwang."
    ),
    "已保存并筛查": "Saved and screened",
    "已加入白名单": "Whitelisted",
    "已拉黑": "Blacklisted",
    "已移出名单": "Taken off the list",
    "注意：高风险买家": "Careful: high-risk buyer",
    "注意：黑名单买家": "Careful: blacklisted buyer",
    # messages
    "JSON 格式错误：{reason}": "Malformed JSON: {reason}",
    "{field} 的值不对：{value}": "Bad value for {field}: {value}",
    "{nick} 在白名单里；要拉黑请先移出白名单": "{nick} is whitelisted; take them off the whitelist first",
    "不是 JSON 对象": "Not a JSON object",
    "拉黑或加白需要填写原因": "Listing a buyer needs a reason",
    "文件里没有买家": "The file has no buyers",
    "登记时间格式不对（应为 YYYY-MM-DD HH:MM:SS）：{value}": "Bad time (YYYY-MM-DD HH:MM:SS expected): {value}",
    "第 {line} 行：{reason}": "Line {line}: {reason}",
    "第 {line} 行：表头里没有买家昵称列（nick 或 买家）": (
        "Line {line}: the header has no buyer nick column (nick or 买家)"
    ),
    "缺少买家昵称 (nick)": "No buyer nick (nick)",
    # screening explanations
    "{field} 是负数（{value}），未计分": "{field} is negative ({value}); not scored",
    "不议价却反复聊天、不断加单：留意是否在收集话柄": (
        "No bargaining but long chats and more and more orders: watch for a set-up"
    ),
    "买家信用 {credit} 分，不到 2 心（11 分）": "Buyer credit {credit} points, below 2 hearts (11 points)",
    "好评率 {rate}% 不可能（应在 0-100 之间），未计分": "A positive rate of {rate}% is impossible (0-100); not scored",
    "好评率 {rate}%，低于 80%：留意对方是否习惯给差评": (
        "Positive rate {rate}%, under 80%: this buyer may often leave bad reviews"
    ),
    "好评率 {rate}%，在 80%-95% 之间：稍加留意": "Positive rate {rate}%, between 80% and 95%: worth a look",
    "已在本店黑名单（原因：{reason}），请按店铺规定谨慎处理": (
        "On the shop's blacklist (reason: {reason}); follow the shop's rules with care"
    ),
    "收货人「{name}」是明星名字：常见于虚假收货信息，请与买家确认": (
        "The receiver “{name}” is a celebrity's name, common in fake delivery details; confirm with the buyer"
    ),
    "收货地址没有门牌号或楼栋/单元/室：请买家补全": (
        "The address has no house number or building/unit/room: ask the buyer to complete it"
    ),
    "昵称「{nick}」像批量注册的账号 (长串字母数字, 没有中文)": (
        "The nick “{nick}” looks machine-made (a long string of letters and digits, no Chinese)"
    ),
    "暂未发现明显风险。所有沟通请留在旺旺里（平台只认旺旺聊天记录）。": (
        "No clear risk found. Keep every exchange on Wangwang (the platform only accepts Wangwang records)."
    ),
    (
        "有风险信号：留意对方的要求，承诺的事写进备注。"
        "所有沟通请留在旺旺里（平台只认旺旺聊天记录），不要转到微信、QQ 或电话。"
    ): (
        "Some warning signs: watch what is asked for and note every promise. Keep every exchange on Wangwang "
        "(the platform only accepts Wangwang records), not WeChat, QQ or phone."
    ),
    (
        "风险高：请谨慎接待，发货前逐项核对并留存凭证（截图、称重、录像）。"
        "所有沟通请留在旺旺里（平台只认旺旺聊天记录），不要转到微信、QQ 或电话。"
    ): (
        "High risk: serve with care, check every item before shipping and keep evidence (screenshots, weight, video). "
        "Keep every exchange on Wangwang (the platform only accepts Wangwang records), not WeChat, QQ or phone."
    ),
    "本店备注里有 {count} 个红/黄旗订单（纠纷或可疑）": (
        "{count} red/yellow-flagged orders in our notes (disputes or suspicious)"
    ),
    "注册日期 {registered} 晚于参照日期 {reference}，账龄未计分": (
        "Registered {registered}, after the reference date {reference}; account age not scored"
    ),
    "给其他店铺中差评 {count} 次": "Left {count} neutral/bad reviews at other shops",
    "要求加微信/QQ/电话沟通：请婉拒，站外记录平台不认": (
        "Asked to talk on WeChat/QQ/phone: decline politely, the platform ignores records kept elsewhere"
    ),
    "账号注册 {days} 天（30-60 天）": "Account {days} days old (30-60 days)",
    "账号注册仅 {days} 天（不满 30 天）：新号请多核对": (
        "Account only {days} days old (under 30): check details carefully"
    ),
    "近 7 天下单 {count} 次": "{count} orders in the last 7 days",
    "退款 {refunds} 次 / 订单 {orders} 单: 退款偏多, 发货前核对规格并留证": (
        "{refunds} refunds / {orders} orders: many refunds, check the variant and keep evidence before shipping"
    ),
    # settings
    "中风险分数线": "Medium risk from (score)",
    "高风险分数线": "High risk from (score)",
    "买家风险筛查": "Buyer screening",
    "更多明星名字 (逗号分隔)": "More celebrity names (comma separated)",
    "权重：7 天内多次下单": "Weight: many orders in 7 days",
    "权重：不议价反复加单": "Weight: no bargaining, more orders",
    "权重：信用不足 11 分": "Weight: credit under 11",
    "权重：在黑名单": "Weight: blacklisted",
    "权重：地址含糊": "Weight: vague address",
    "权重：好评率 80%-95%": "Weight: positive rate 80-95%",
    "权重：好评率低于 80%": "Weight: positive rate under 80%",
    "权重：常给中差评": "Weight: leaves bad reviews",
    "权重: 收货人是明星名字": "Weight: celebrity receiver",
    "权重：本店红/黄旗纠纷": "Weight: red/yellow flags in our notes",
    "权重: 机器样昵称": "Weight: machine-made nick",
    "权重：要求站外联系": "Weight: off-platform contact",
    "权重：账号 30-60 天": "Weight: account 30-60 days",
    "权重：账号不满 30 天": "Weight: account under 30 days",
    "权重: 退款率高": "Weight: many refunds",
}

BUYERS_TRANSLATIONS.update(
    {
        "导入黑名单…": "Import blacklist…",
        "导出黑名单…": "Export blacklist…",
        "导入黑名单": "Import blacklist",
        "导出黑名单": "Export blacklist",
        "将加入黑名单 {0} 人，{1} 人已在名单中。导入吗?": (
            "{0} buyers will be blacklisted, {1} are already listed. Import?"
        ),
        "已加入黑名单 {0} 人，已在名单中 {1} 人": "Blacklisted {0} buyers; {1} were already listed",
        "已导出 {0} 个黑名单买家到 {1}": "Exported {0} blacklisted buyers to {1}",
        "表格 (*.csv *.xlsx);;所有文件 (*)": "Spreadsheets (*.csv *.xlsx);;All files (*)",
        "无法读取 {path}：{reason}": "Cannot read {path}: {reason}",
        "收货人和地址保留天数（0：不删除）": "Keep receivers and addresses for (days; 0: forever)",
    }
)
