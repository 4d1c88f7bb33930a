<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
<context>
    <name>AgendaTab</name>
    <message>
        <location filename="../../desktop_assistant/ui/agenda_tab.py" line="+36"/>
        <source>{0} 分钟</source>
        <translation>{0} min</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{0} 小时 {1} 分</source>
        <translation>{0} h {1} min</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{0} 小时</source>
        <translation>{0} h</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{0} 天 {1} 小时</source>
        <translation>{0} d {1} h</translation>
    </message>
    <message>
        <location line="+87"/>
        <source>待办</source>
        <translation>To do</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>已超时 {0}</source>
        <translation>overdue by {0}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>已完成 {0}</source>
        <translation>done {0}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>还有 {0}</source>
        <translation>due in {0}</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>{0} 下单，已 {1}</source>
        <translation>placed {0}, {1} ago</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>承诺（到期前提醒，超时的一直显示）</source>
        <translation>Promises (reminded before due; overdue ones stay)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>催付（未付款订单）</source>
        <translation>Chase payment (unpaid orders)</translation>
    </message>
    <message>
        <location line="-44"/>
        <source>下次提醒 {0}</source>
        <translation>next reminder {0}</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>提醒已发出</source>
        <translation>reminded</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>先选中一条承诺</source>
        <translation>Select a promise first</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>先选中一个待付款订单</source>
        <translation>Select an unpaid order first</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>新承诺…</source>
        <translation>New promise…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>完成</source>
        <translation>Done</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>订单号</source>
        <translation>Order id</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>买家</source>
        <translation>Buyer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source> 分钟前下单</source>
        <translation> min ago placed</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>加入</source>
        <translation>Add</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>发催付话术</source>
        <translation>Send chase phrase</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>已付款</source>
        <translation>Paid</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>不再催</source>
        <translation>Stop chasing</translation>
    </message>
</context>
<context>
    <name>Application</name>
    <message>
        <location filename="../../desktop_assistant/app.py" line="+180"/>
        <source>没有保存</source>
        <translation>Not saved</translation>
    </message>
    <message>
        <location line="+288"/>
        <source>短语没有粘贴</source>
        <translation>Phrase not pasted</translation>
    </message>
    <message>
        <location line="-96"/>
        <location line="+152"/>
        <source>数据库可能已损坏</source>
        <translation>The database may be damaged</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>今天的备份没有做。请运行 db check 或联系管理员。</source>
        <translation>Today&apos;s backup was not made. Run db check or contact your administrator.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>今天的备份没有做</source>
        <translation>Today&apos;s backup was not made</translation>
    </message>
    <message>
        <location filename="../../desktop_assistant/app_process.py" line="+58"/>
        <source>内部错误 {kind}：{value}（日志：{log}）</source>
        <translation>Internal error {kind}: {value} (log: {log})</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>{reason}（没有询问，不做恢复）</source>
        <translation>{reason} (not asked, nothing recovered)</translation>
    </message>
    <message>
        <location filename="../../desktop_assistant/log.py" line="+15"/>
        <source>无法写日志 {path}：{reason}</source>
        <translation>Cannot write the log {path}: {reason}</translation>
    </message>
</context>
<context>
    <name>BuyerTab</name>
    <message>
        <location filename="../../desktop_assistant/ui/buyer_tab.py" line="+34"/>
        <source>高风险</source>
        <translation>High risk</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>中风险</source>
        <translation>Medium risk</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>低风险</source>
        <translation>Low risk</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>平台</source>
        <translation>Platform</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>好评率 %</source>
        <translation>Positive rate %</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>注册日期</source>
        <translation>Registered on</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>订单数</source>
        <translation>Orders</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>退款数</source>
        <translation>Refunds</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>近 7 天订单</source>
        <translation>Orders in the last 7 days</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>给出中差评</source>
        <translation>Bad reviews given</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>收货人</source>
        <translation>Receiver</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>收货地址</source>
        <translation>Address</translation>
    </message>
    <message>
        <location filename="../../desktop_assistant/app_features.py" line="+246"/>
        <location filename="../../desktop_assistant/ui/buyer_tab.py" line="+173"/>
        <source>买家</source>
        <translation>Buyer</translation>
    </message>
    <message>
        <location filename="../../desktop_assistant/ui/buyer_tab.py" line="-182"/>
        <source>信用（分或 3心/2钻）</source>
        <translation>Credit (points or 3心/2钻)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>账龄（天）</source>
        <translation>Account age (days)</translation>
    </message>
    <message>
        <location line="+241"/>
        <source>还没有资料：填写后保存即可筛查</source>
        <translation>No profile yet: fill it in and save to screen</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>数据有误，未计分：{0}</source>
        <translation>Impossible data, not scored: {0}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>不在黑名单或白名单</source>
        <translation>Not on the blacklist or the whitelist</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>黑名单</source>
        <translation>blacklist</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>白名单</source>
        <translation>whitelist</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{0} · {1} · {2} · {3}</source>
        <translation>{0} · {1} · {2} · {3}</translation>
    </message>
    <message>
        <location line="+9"/>
        <location line="+21"/>
        <source>拉黑</source>
        <translation>Blacklist</translation>
    </message>
    <message>
        <location line="-21"/>
        <location line="+22"/>
        <source>加入白名单</source>
        <translation>Whitelist</translation>
    </message>
    <message>
        <location line="-22"/>
        <location line="+23"/>
        <source>移出名单</source>
        <translation>Take off the list</translation>
    </message>
    <message>
        <location line="-18"/>
        <source>{0}  筛查 {1} 分 {2}  {3}</source>
        <translation>{0}  screened {1} points {2}  {3}</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>买家昵称（回车查询）</source>
        <translation>Buyer nick (Enter looks up)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>拉黑或加白的原因（必填）</source>
        <translation>Reason for the list (required)</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>其他标签，逗号分隔</source>
        <translation>Other tags, separated by commas</translation>
    </message>
    <message>
        <location line="-16"/>
        <source>查询</source>
        <translation>Look up</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>档案</source>
        <translation>Profile</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>要求加微信/QQ/电话</source>
        <translation>Asked for WeChat/QQ/phone</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>不议价、反复加单</source>
        <translation>No bargaining, keeps adding orders</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>备注</source>
        <translation>Notes</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>保存并筛查</source>
        <translation>Save and screen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>标签</source>
        <translation>Tags</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>历史</source>
        <translation>History</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>用过的收货人和地址</source>
        <translation>Receivers and addresses used</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>导入黑名单…</source>
        <translation>Import blacklist…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>导出黑名单…</source>
        <translation>Export blacklist…</translation>
    </message>
</context>
<context>
    <name>Buyers</name>
    <message>
        <location filename="../../desktop_assistant/domain/buyers.py" line="+20"/>
        <source>会员等级</source>
        <translation>Membership</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>活动</source>
        <translation>Campaign</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>偏好</source>
        <translation>Preference</translation>
    </message>
</context>
<context>
    <name>BuyersController</name>
    <message>
        <location filename="../../desktop_assistant/ui/buyers_controller.py" line="+122"/>
        <source>注意：黑名单买家</source>
        <translation>Careful: blacklisted buyer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{0} 在本店黑名单（原因：{1}）。所有沟通请留在旺旺里。</source>
        <translation>{0} is on the shop&apos;s blacklist (reason: {1}). Keep every exchange on Wangwang.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>注意：高风险买家</source>
        <translation>Careful: high-risk buyer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{0} 风险分 {1}，请看「买家」页的原因。所有沟通请留在旺旺里。</source>
        <translation>{0} has a risk score of {1}; see the reasons in the Buyer tab. Keep every exchange on Wangwang.</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>已保存并筛查</source>
        <translation>Saved and screened</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>已拉黑</source>
        <translation>Blacklisted</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>已加入白名单</source>
        <translation>Whitelisted</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>已移出名单</source>
        <translation>Taken off the list</translation>
    </message>
    <message>
        <location line="+7"/>
        <location line="+13"/>
        <source>导入黑名单</source>
        <translation>Import blacklist</translation>
    </message>
    <message>
        <location line="-13"/>
        <source>表格 (*.csv *.xlsx);;所有文件 (*)</source>
        <translation>Spreadsheets (*.csv *.xlsx);;All files (*)</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>将加入黑名单 {0} 人，{1} 人已在名单中。导入吗?</source>
        <translation>{0} buyers will be blacklisted, {1} are already listed. Import?</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>已加入黑名单 {0} 人，已在名单中 {1} 人</source>
        <translation>Blacklisted {0} buyers; {1} were already listed</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>导出黑名单</source>
        <translation>Export blacklist</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>已导出 {0} 个黑名单买家到 {1}</source>
        <translation>Exported {0} blacklisted buyers to {1}</translation>
    </message>
</context>
<context>
    <name>CalibrationOverlay</name>
    <message>
        <location filename="../../desktop_assistant/ui/calibration.py" line="+103"/>
        <source>会话列表</source>
        <translation>Conversation list</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>聊天标题</source>
        <translation>Chat header</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>消息区域</source>
        <translation>Message area</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>拖动框出：</source>
        <translation>Drag to mark:</translation>
    </message>
    <message>
        <location line="+104"/>
        <source>请框出三个区域：左侧会话列表、顶部买家昵称、消息区域。</source>
        <translation>Mark three regions: the conversation list, the buyer&apos;s nick at the top, the message area.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>读到买家：{nick}
未读：{badges}
最后发言：{speaker}</source>
        <translation>Buyer read: {nick}
Unread: {badges}
Last to speak: {speaker}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>（未读出）</source>
        <translation>(not read)</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>请先点一下聊天窗口（千牛接待中心），再校准。</source>
        <translation>Click into the chat window (the 千牛 reception window) first, then calibrate.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>找不到聊天窗口，它可能已关闭或最小化。</source>
        <translation>The chat window cannot be found; it may be closed or minimised.</translation>
    </message>
    <message>
        <location line="-154"/>
        <source>保存</source>
        <translation>Save</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location line="+97"/>
        <source>买家</source>
        <translation>buyer</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>客服</source>
        <translation>agent</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+1"/>
        <source>无</source>
        <translation>none</translation>
    </message>
</context>
<context>
    <name>CheckController</name>
    <message>
        <location filename="../../desktop_assistant/ui/check_controller.py" line="+127"/>
        <source>已保存，核对完成</source>
        <translation>Saved; the check is complete</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>已保存，还差：{0}</source>
        <translation>Saved; still to do: {0}</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>核对话术已发送到聊天窗口</source>
        <translation>The confirmation message was sent to the chat window</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>已复制</source>
        <translation>Copied</translation>
    </message>
</context>
<context>
    <name>CheckTab</name>
    <message>
        <location filename="../../desktop_assistant/ui/check_tab.py" line="+29"/>
        <source>收货人</source>
        <translation>Receiver</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>手机</source>
        <translation>Phone</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>分机</source>
        <translation>Extension</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>省</source>
        <translation>Province</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>市</source>
        <translation>City</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>区/县</source>
        <translation>District/county</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>街道/镇</source>
        <translation>Street/town</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>详细地址</source>
        <translation>Detail</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>邮编</source>
        <translation>Postcode</translation>
    </message>
    <message>
        <location filename="../../desktop_assistant/app_features.py" line="-63"/>
        <location filename="../../desktop_assistant/ui/check_tab.py" line="+122"/>
        <source>核对</source>
        <translation>Check</translation>
    </message>
    <message>
        <location filename="../../desktop_assistant/ui/check_tab.py" line="+98"/>
        <source>{0}
还差：{1}</source>
        <translation>{0}
still to do: {1}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>未完成的核对（{0}）</source>
        <translation>Unfinished checks ({0})</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>粘贴订单里的收货信息（姓名、电话、地址，任意顺序）</source>
        <translation>Paste the delivery details from the order (name, phone, address, any order)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>收货信息（可修改）</source>
        <translation>Delivery details (editable)</translation>
    </message>
    <message>
        <location line="-5"/>
        <source>订单号</source>
        <translation>Order id</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>买家</source>
        <translation>Buyer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>编辑模板…</source>
        <translation>Edit template…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>解析地址</source>
        <translation>Parse address</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>货到付款订单</source>
        <translation>Cash on delivery order</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>核对清单</source>
        <translation>Checklist</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>手机号打码</source>
        <translation>Mask the phone number</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>保存</source>
        <translation>Save</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>生成核对话术</source>
        <translation>Make the confirmation message</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>发送到聊天窗口</source>
        <translation>Send to the chat window</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>复制</source>
        <translation>Copy</translation>
    </message>
</context>
<context>
    <name>Checklist</name>
    <message>
        <location filename="../../desktop_assistant/domain/checklist.py" line="+41"/>
        <source>没有找到手机号</source>
        <translation>No phone number found</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>没有找到收货人</source>
        <translation>No receiver found</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>手机号位数不对，请核对</source>
        <translation>The phone number has the wrong number of digits</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>收货人是明星名字，请与买家确认</source>
        <translation>The receiver is a celebrity&apos;s name: confirm with the buyer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>省市区不完整</source>
        <translation>Province/city/district incomplete</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>详细地址没有门牌号或楼栋/单元/室</source>
        <translation>The detail has no house number or building/unit/room</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>区县名在多个城市都有，请确认城市</source>
        <translation>This district name exists in several cities: confirm the city</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>偏远地区：注意运费和时效</source>
        <translation>Remote area: mind the shipping cost and time</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>地址是驿站/快递柜等代收点</source>
        <translation>The address is a pickup point (station or locker)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>部分信息被平台打码（*），请以订单详情为准或与买家确认</source>
        <translation>The platform masked part of it (*): go by the order details or confirm with the buyer</translation>
    </message>
</context>
<context>
    <name>ConversationModel</name>
    <message>
        <location filename="../../desktop_assistant/ui/conversation_model.py" line="+30"/>
        <source>买家</source>
        <translation>Buyer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>平台</source>
        <translation>Platform</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>状态</source>
        <translation>State</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>计时</source>
        <translation>Timer</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>已回复</source>
        <translation>Answered</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>等待回复</source>
        <translation>Waiting</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>快超时</source>
        <translation>Almost late</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>超时</source>
        <translation>Late</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>严重超时</source>
        <translation>Very late</translation>
    </message>
    <message>
        <location line="+73"/>
        <source>上一轮响应时间</source>
        <translation>Response time of the last round</translation>
    </message>
</context>
<context>
    <name>ConversationsController</name>
    <message>
        <location filename="../../desktop_assistant/ui/conversations_controller.py" line="+261"/>
        <source>没有等待回复的会话</source>
        <translation>No chat is waiting for a reply</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>已记下，{0} 分钟内回复 {1}</source>
        <translation>Noted; answer {1} within {0} minutes</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>已回答。这个回答以后还用得上? 点「存为短语」</source>
        <translation>Answered. Will you need this answer again? Click “Save as phrase”</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>严重超时</source>
        <translation>Very late</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>回复超时</source>
        <translation>Reply late</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{0} 已等待 {1}</source>
        <translation>{0} has waited {1}</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>待答问题超时</source>
        <translation>Open question late</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>{0} · 已回复</source>
        <translation>{0} · answered</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{0} · 等待 {1}</source>
        <translation>{0} · waiting {1}</translation>
    </message>
</context>
<context>
    <name>ConversationsTab</name>
    <message>
        <location filename="../../desktop_assistant/ui/conversations_tab.py" line="+135"/>
        <source>会话</source>
        <translation>Chats</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>还剩 {0}</source>
        <translation>{0} left</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>已超时 {0}</source>
        <translation>Late by {0}</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>先在列表里选一个待答问题</source>
        <translation>Choose an open question in the list first</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>买家昵称</source>
        <translation>Buyer nick</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>新会话</source>
        <translation>New chat</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>买家发言</source>
        <translation>Buyer wrote</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>已回复</source>
        <translation>Replied</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>结束</source>
        <translation>Close</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>跳到等待最久的会话</source>
        <translation>Jump to the chat waiting longest</translation>
    </message>
    <message>
        <location line="-37"/>
        <source>已回答：{0}</source>
        <translation>Answered: {0}</translation>
    </message>
    <message>
        <location line="-48"/>
        <source>会话（{0}）</source>
        <translation>Chats ({0})</translation>
    </message>
    <message>
        <location line="+57"/>
        <source>待答问题（{0}）</source>
        <translation>Open questions ({0})</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>买家发来消息：没有进行中的计时就开始计时</source>
        <translation>The buyer wrote: starts the timer unless one runs</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>等待最久</source>
        <translation>Longest wait</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>买家问了什么要查的?（5 分钟内回复）</source>
        <translation>What did the buyer ask that needs checking? (answer within 5 minutes)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>记下</source>
        <translation>Note it</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>回答</source>
        <translation>Answer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>发送回答</source>
        <translation>Send answer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>已答</source>
        <translation>Answered</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>存为短语</source>
        <translation>Save as phrase</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>待答问题</source>
        <translation>Open questions</translation>
    </message>
</context>
<context>
    <name>Dialogs</name>
    <message>
        <location filename="../../desktop_assistant/ui/dialogs.py" line="+23"/>
        <source>数据库文件是空的或不见了</source>
        <translation>The database file is empty or missing</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>数据库文件已损坏</source>
        <translation>Database file is damaged</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>找到最近一份完好的备份：{0}（{1}）。</source>
        <translation>Found the latest good backup: {0} ({1}).</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>没有找到可用的备份。</source>
        <translation>No usable backup was found.</translation>
    </message>
    <message>
        <location line="-9"/>
        <source>客服助手的数据库文件是空的或不见了，但有备份。没有新建空数据库。</source>
        <translation>The assistant&apos;s database file is empty or missing, but there are backups. No empty database was created.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>客服助手的数据库文件无法读取，没有打开它，以免损坏更多数据。</source>
        <translation>Customer Service Assistant cannot read its database file. It was not opened, so no more data gets damaged.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>损坏的文件会移到 corrupt 文件夹保存，不会删除。</source>
        <translation>The damaged file will be moved to the corrupt folder, not deleted.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>从备份恢复</source>
        <translation>Restore from backup</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>新建空数据库</source>
        <translation>Start with an empty database</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>退出</source>
        <translation>Quit</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>客服助手出错了</source>
        <translation>Customer Service Assistant: Error</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>发生了意外错误，已记录到日志。你的数据已保存。</source>
        <translation>An unexpected error occurred and was written to the log. Your data is saved.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>日志文件：{0}</source>
        <translation>Log file: {0}</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>客服助手无法启动</source>
        <translation>Customer Service Assistant cannot start</translation>
    </message>
</context>
<context>
    <name>Guard</name>
    <message>
        <location filename="../../desktop_assistant/domain/guard.py" line="+24"/>
        <source>站外联系</source>
        <translation>Off-platform contact</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>好评返现</source>
        <translation>Cashback for reviews</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>广告法极限词</source>
        <translation>Absolute claims (Advertising Law)</translation>
    </message>
</context>
<context>
    <name>Hotkeys</name>
    <message>
        <location filename="../../desktop_assistant/os_integration/hotkeys/x11_backend.py" line="+28"/>
        <source>无法连接 X 服务器，全局快捷键不可用：{0}</source>
        <translation>Cannot connect to the X server; global hotkeys are unavailable: {0}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>已被其他程序占用</source>
        <translation>Held by another program</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>当前键盘布局没有这个键</source>
        <translation>The current keyboard layout has no such key</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>X 服务器拒绝了这个快捷键：{0}</source>
        <translation>The X server refused this hotkey: {0}</translation>
    </message>
    <message>
        <location filename="../../desktop_assistant/os_integration/hotkeys/native_backend.py" line="+37"/>
        <source>{0} 已被其他程序注册为全局快捷键：请换一个组合，或把快捷键方式改为 keyboard 抢占它</source>
        <translation>{0} is registered as a global hotkey by another program: choose another combination, or switch the hotkey method to keyboard to take it over</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{0} 与 {1} 在键盘上是同一个组合</source>
        <translation>{0} and {1} are the same combination on the keyboard</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{0} 在 Windows 上没有对应的按键</source>
        <translation>{0} has no matching key on Windows</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{0} 注册失败（Windows 错误 {1}）</source>
        <translation>{0} could not be registered (Windows error {1})</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>RegisterHotKey 无法使用：{0}</source>
        <translation>RegisterHotKey is unavailable: {0}</translation>
    </message>
    <message>
        <location filename="../../desktop_assistant/os_integration/hotkeys/keyboard_backend.py" line="+42"/>
        <source>keyboard 无法识别 {0} 的按键：{1}</source>
        <translation>keyboard does not know the key of {0}: {1}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>keyboard 无法安装键盘钩子：{0}</source>
        <translation>keyboard cannot install its keyboard hook: {0}</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <location filename="../../desktop_assistant/ui/import_dialog.py" line="+66"/>
        <source>第一行是表头</source>
        <translation>The first row is a header</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>按这个对应读取</source>
        <translation>Read with these columns</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>编码相同时跳过</source>
        <translation>Skip when the code exists</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>编码相同时替换</source>
        <translation>Replace when the code exists</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>编码相同时两个都保留</source>
        <translation>Keep both when the code exists</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>导入</source>
        <translation>Import</translation>
    </message>
    <message>
        <location line="-32"/>
        <source>导入短语：{0}</source>
        <translation>Import phrases: {0}</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>表头不认识：请为每一列选择它是什么（至少要有“短语内容”）</source>
        <translation>Unknown header: choose what each column is (at least “Text”)</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>遇到相同快捷编码：</source>
        <translation>Same code:</translation>
    </message>
    <message>
        <location line="+56"/>
        <source>忽略</source>
        <translation>Ignore</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>读取前需要对应列</source>
        <translation>Map the columns before reading</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>分组</source>
        <translation>Group</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>快捷编码</source>
        <translation>Code</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>标题</source>
        <translation>Title</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>短语内容</source>
        <translation>Text</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>快捷键</source>
        <translation>Hotkeys</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>文件里有 {0} 条短语（{1}）</source>
        <translation>The file holds {0} phrases ({1})</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>正在导入短语…</source>
        <translation>Importing phrases…</translation>
    </message>
</context>
<context>
    <name>Insertion</name>
    <message>
        <location filename="../../desktop_assistant/os_integration/insertion.py" line="+78"/>
        <source>短语内容为空，没有粘贴</source>
        <translation>The phrase is empty; nothing was pasted</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>没有找到要粘贴的窗口：请先点一下聊天窗口的输入框</source>
        <translation>No window to paste into: click the chat window&apos;s input box first</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>目标窗口已关闭，短语没有粘贴</source>
        <translation>The target window has closed; the phrase was not pasted</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{0} 以管理员身份运行，助手无法向它粘贴。请以管理员身份运行助手，或以普通权限运行该程序</source>
        <translation>{0} runs as administrator, so the assistant cannot paste into it. Run the assistant as administrator, or run that program normally</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{0} 以管理员身份运行，短语没有粘贴</source>
        <translation>{0} runs as administrator; the phrase was not pasted</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{0} 没有取走文本，短语没有粘贴。它可能以管理员身份运行：请以管理员身份运行助手（右键助手图标 -&gt; 以管理员身份运行）后再试</source>
        <translation>{0} did not take the text; the phrase was not pasted. It may run as administrator: start the assistant as administrator (right-click its icon -&gt; Run as administrator) and try again</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{0} 不在允许粘贴的程序列表中，短语没有粘贴</source>
        <translation>{0} is not in the list of programs to paste into; the phrase was not pasted</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>无法切换到目标窗口 {0}，短语没有粘贴</source>
        <translation>Could not switch to the target window {0}; the phrase was not pasted</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>无法模拟按键，短语没有粘贴：{0}</source>
        <translation>Could not send keystrokes; the phrase was not pasted: {0}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>粘贴时出错，短语可能没有粘贴：{0}</source>
        <translation>Error while pasting; the phrase may not have been pasted: {0}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>目标程序没有取走文本，短语没有粘贴：请点一下输入框再试</source>
        <translation>The target program did not take the text; the phrase was not pasted: click the input box and try again</translation>
    </message>
    <message>
        <location filename="../../desktop_assistant/os_integration/insertion_clipboard.py" line="+28"/>
        <source>剪贴板正被其他程序占用，无法备份您复制的内容，短语没有粘贴。请稍后再试</source>
        <translation>Another program is holding the clipboard, so what you copied could not be saved; the phrase was not pasted. Please try again in a moment</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>剪贴板正被其他程序占用，无法放入短语，短语没有粘贴（没有把您原来复制的内容粘进聊天）。请稍后再试</source>
        <translation>Another program is holding the clipboard, so the phrase could not be put on it; nothing was pasted (your own clipboard was not pasted into the chat). Please try again in a moment</translation>
    </message>
</context>
<context>
    <name>MemoDialog</name>
    <message>
        <location filename="../../desktop_assistant/ui/note_dialogs.py" line="+42"/>
        <source>改</source>
        <translation>Changed</translation>
    </message>
    <message>
        <location line="-6"/>
        <source>备注模板</source>
        <translation>Memo line</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>改了什么：地址、规格…</source>
        <translation>What changed: address, variant…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>赠</source>
        <translation>Gift</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>赠品</source>
        <translation>Gift</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>发</source>
        <translation>Shipping</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>快递 / 发货时间</source>
        <translation>Courier / ship time</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>因</source>
        <translation>Because</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>原因</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>复制</source>
        <translation>Copy</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>填入备注</source>
        <translation>Put into the note</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>已复制</source>
        <translation>Copied</translation>
    </message>
</context>
<context>
    <name>Messages</name>
    <message>
        <location filename="../../desktop_assistant/domain/hotkeys.py" line="+62"/>
        <source>快捷键为空</source>
        <translation>The hotkey is empty</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>快捷键只能用英文按键名，例如 ctrl+alt+1</source>
        <translation>Use English key names for hotkeys, e.g. ctrl+alt+1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>快捷键格式不对：{text}</source>
        <translation>Malformed hotkey: {text}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{combo} 被中文输入法占用，请换一个</source>
        <translation>{combo} belongs to the Chinese input method; choose another</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>快捷键需要一个非修饰键：{text}</source>
        <translation>A hotkey needs a key besides the modifiers: {text}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>未知的修饰键：{name}</source>
        <translation>Unknown modifier: {name}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>修饰键重复：{text}</source>
        <translation>Repeated modifier: {text}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>未知的按键：{name}</source>
        <translation>Unknown key: {name}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>全局快捷键至少要有一个修饰键 (Ctrl/Alt/Shift/Win)，否则会吞掉正常输入</source>
        <translation>A global hotkey needs a modifier (Ctrl/Alt/Shift/Win), or it would swallow normal typing</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Shift+字符 会吞掉正常输入，请换一个</source>
        <translation>Shift+character would swallow normal typing; choose another</translation>
    </message>
    <message>
        <location filename="../../desktop_assistant/domain/settings.py" line="+27"/>
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
        <source>{key} 格式不对：{value}</source>
        <translation>{key} has the wrong format: {value}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{key} 需要整数，收到：{value}</source>
        <translation>{key} needs a whole number, got: {value}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{key} 需要 true 或 false，收到：{value}</source>
        <translation>{key} needs true or false, got: {value}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{key} 只能是 {choices}，收到：{value}</source>
        <translation>{key} must be one of {choices}, got: {value}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>未知的设置项：{key}</source>
        <translation>Unknown setting: {key}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{key}：{combo} 已被 {other} 使用</source>
        <translation>{key}: {combo} is already used by {other}</translation>
    </message>
    <message>
        <location line="-6"/>
        <source>{key} 不能包含换行或制表符</source>
        <translation>{key} cannot contain line breaks or tabs</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{key} 必须在 {minimum} 到 {maximum} 之间</source>
        <translation>{key} must be between {minimum} and {maximum}</translation>
    </message>
    <message>
        <location filename="../../desktop_assistant/domain/phrases.py" line="+24"/>
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
        <source>快捷编码只能用小写字母、数字和 _ - .（最多 20 个）：{code}</source>
        <translation>A code may only use lower-case letters, digits and _ - . (at most 20): {code}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>快捷键：{reason}</source>
        <translation>Hotkey: {reason}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>短语不能含有 NUL 字符 (\0)</source>
        <translation>A phrase cannot contain a NUL character (\0)</translation>
    </message>
    <message>
        <location filename="../../desktop_assistant/storage/phrase_store.py" line="+21"/>
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
        <location line="+348"/>
        <source>分组 {name} 已存在</source>
        <translation>The group {name} already exists</translation>
    </message>
    <message>
        <location filename="../../desktop_assistant/domain/phrase_io.py" line="+68"/>
        <source>第 {line} 行</source>
        <translation>Line {line}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>第 {line} 条短语</source>
        <translation>Phrase {line}</translation>
    </message>
    <message>
        <location filename="../../desktop_assistant/domain/kpi.py" line="+38"/>
        <source>第 1 行：表头缺少 {column} 列</source>
        <translation>Line 1: the header has no {column} column</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>时间格式不对：{value}</source>
        <translation>Malformed time: {value}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>发送方只能是 buyer/买家、agent/客服 或 auto/自动回复，收到：{value}</source>
        <translation>The sender must be buyer/买家, agent/客服 or auto/自动回复, got: {value}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>缺少买家</source>
        <translation>No buyer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>列数不对</source>
        <translation>Wrong number of columns</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../desktop_assistant/domain/tables.py" line="+14"/>
        <source>文件是空的</source>
        <translation>The file is empty</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>服务时间格式应为 HH:MM-HH:MM，收到：{value}</source>
        <translation>Service hours must look like HH:MM-HH:MM, got: {value}</translation>
    </message>
    <message>
        <location filename="../../desktop_assistant/domain/phrase_io.py" line="+10"/>
        <source>不是有效的 xlsx 文件</source>
        <translation>Not a valid xlsx file</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>xlsx 文件里没有工作表</source>
        <translation>The xlsx file has no worksheet</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>JSON 文件必须是 UTF-8 编码</source>
        <translation>JSON files must be UTF-8</translation>
    </message>
    <message>
        <location filename="../../desktop_assistant/domain/tables.py" line="+1"/>
        <source>无法识别文件编码：请另存为 UTF-8 或 GB18030/GBK 编码的 CSV</source>
        <translation>Unknown file encoding: save the CSV as UTF-8 or GB18030/GBK</translation>
    </message>
    <message>
        <location filename="../../desktop_assistant/domain/phrase_io.py" line="-16"/>
        <source>{where}：{reason}</source>
        <translation>{where}: {reason}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>CSV 格式错误：{reason}</source>
        <translation>Malformed CSV: {reason}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>CSV 格式错误：引号没有成对，含逗号或换行的单元格要用英文双引号括起来</source>
        <translation>Malformed CSV: unbalanced quotes; cells with commas or line breaks must be in double quotes</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>CSV 格式错误：单元格太长</source>
        <translation>Malformed CSV: cell too long</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>找不到短语内容列（表头应有 text 或 短语内容），表头是：{header}</source>
        <translation>No text column (the header needs text or 短语内容); the header is: {header}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>表头重复：{name}</source>
        <translation>Duplicate column in the header: {name}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>应有 {expected} 列，这一行有 {actual} 列</source>
        <translation>Expected {expected} columns, this row has {actual}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Beeftext 文件每行应为 关键词,内容[,名称]（2 或 3 列），这一行有 {actual} 列</source>
        <translation>Each Beeftext line must be keyword,snippet[,name] (2 or 3 columns); this one has {actual}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>不支持旧版 .xls 文件：请在 Excel 里另存为 .xlsx 或 CSV</source>
        <translation>Old .xls files are not supported: save as .xlsx or CSV in Excel</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>JSON 格式错误（第 {line} 行）：{reason}</source>
        <translation>Malformed JSON (line {line}): {reason}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>不是客服助手导出的短语 JSON（format 应为 {format}）</source>
        <translation>Not a phrase file exported by CS Assistant (format must be {format})</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>短语 JSON 版本 {version} 来自更新的客服助手，请先升级</source>
        <translation>Phrase file version {version} comes from a newer CS Assistant; please upgrade first</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>字段 {field} 应为{kind}</source>
        <translation>Field {field} must be {kind}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>文本</source>
        <translation>text</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>文本列表</source>
        <translation>a list of text</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>列表</source>
        <translation>a list</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>对象</source>
        <translation>an object</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>非负整数</source>
        <translation>a non-negative integer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>时间 (YYYY-MM-DDTHH:MM:SS) 或 null</source>
        <translation>a time (YYYY-MM-DDTHH:MM:SS) or null</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>字段 {field} 含有无效字符</source>
        <translation>Field {field} contains invalid characters</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>未知的文件格式：{format}</source>
        <translation>Unknown file format: {format}</translation>
    </message>
    <message>
        <location line="+481"/>
        <source>新增 {added} 条，替换 {replaced} 条，跳过 {skipped} 条，改编码后新增 {renamed} 条</source>
        <translation>Added {added}, replaced {replaced}, skipped {skipped}, added under a new code {renamed}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>试运行，未写入：{summary}</source>
        <translation>Dry run, nothing written: {summary}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{count} 条短语的快捷键已被占用，导入时未设置快捷键</source>
        <translation>{count} phrases were imported without their hotkey, which was already taken</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>新建分组：{groups}</source>
        <translation>New groups: {groups}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>忽略未知列：{columns}</source>
        <translation>Ignored unknown columns: {columns}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{where}：新增「{name}」</source>
        <translation>{where}: added “{name}”</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{where}：替换「{name}」</source>
        <translation>{where}: replaced “{name}”</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{where}：替换示例短语「{old}」为「{name}」</source>
        <translation>{where}: replaced the sample phrase &quot;{old}&quot; with &quot;{name}&quot;</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{where}：跳过，已有「{name}」</source>
        <translation>{where}: skipped, “{name}” already exists</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{where}：跳过，与「{name}」相同</source>
        <translation>{where}: skipped, same as “{name}”</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{where}：快捷编码 {old} 已有，改为 {new} 新增「{name}」</source>
        <translation>{where}: code {old} is taken; added “{name}” as {new}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{item}（快捷键 {hotkey} 已被占用，未设置）</source>
        <translation>{item} (hotkey {hotkey} is taken, not set)</translation>
    </message>
    <message>
        <location filename="../../desktop_assistant/domain/paste_rules.py" line="+31"/>
        <source>第 {line} 条粘贴规则格式不对，应为 process:程序名 = 方式 或 title:标题 = 方式：{text}</source>
        <translation>Paste rule {line} is malformed; expected process:NAME = METHOD or title:TITLE = METHOD: {text}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>第 {line} 条粘贴规则的方式只能是 ctrl+v / shift+insert / type：{text}</source>
        <translation>Paste rule {line}: the method must be ctrl+v, shift+insert or type: {text}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>第 {line} 条粘贴规则的正则表达式有误：{reason}</source>
        <translation>Paste rule {line}: invalid regular expression: {reason}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>第 {line} 条粘贴规则缺少程序名或标题：{text}</source>
        <translation>Paste rule {line} names no program or title: {text}</translation>
    </message>
    <message>
        <location filename="../../desktop_assistant/storage/phrase_import.py" line="+61"/>
        <source>快捷键 {hotkey} 已用于本软件的「{other}」</source>
        <translation>Hotkey {hotkey} is used by this app for “{other}”</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>找不到文件：{path}</source>
        <translation>File not found: {path}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>无法读取文件 {path}：{reason}</source>
        <translation>Cannot read {path}: {reason}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>无法从文件名判断导出格式，请用 .csv / .xlsx / .json 结尾或指定格式：{path}</source>
        <translation>Cannot tell the export format from the file name; end it in .csv, .xlsx or .json, or give --format: {path}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>数据库拒绝写入：{reason}</source>
        <translation>The database refused the change: {reason}</translation>
    </message>
    <message>
        <location filename="../../desktop_assistant/storage/files.py" line="+10"/>
        <source>目录不存在：{path}</source>
        <translation>Folder does not exist: {path}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>无法写入文件 {path}：{reason}</source>
        <translation>Cannot write {path}: {reason}</translation>
    </message>
    <message>
        <location filename="../../desktop_assistant/domain/notes.py" line="+46"/>
        <source>旗帜只能是 0-5（0 灰 1 红 2 黄 3 绿 4 蓝 5 紫），收到：{value}</source>
        <translation>The flag must be 0-5 (0 grey 1 red 2 yellow 3 green 4 blue 5 purple), got: {value}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>备注最多 {limit} 字节 (UTF-8)，现在 {length} 字节</source>
        <translation>A note is at most {limit} bytes of UTF-8; this one is {length}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>订单号只能是 1-64 位字母、数字、- 或 _：{value}</source>
        <translation>An order id is 1-64 letters, digits, - or _: {value}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>没有工号：先在设置里填写工号 (agent_id)</source>
        <translation>No agent id: set it in the settings first (agent_id)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>修改已有备注需要填写变动事由</source>
        <translation>Changing an existing note needs a reason</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>变动事由最多 {limit} 个字</source>
        <translation>A reason is at most {limit} characters</translation>
    </message>
    <message>
        <location line="+185"/>
        <source>导出文件需以 .csv 或 .xlsx 结尾：{path}</source>
        <translation>An export file must end in .csv or .xlsx: {path}</translation>
    </message>
    <message>
        <location filename="../../desktop_assistant/domain/nicks.py" line="+16"/>
        <source>缺少买家昵称 (nick)</source>
        <translation>No buyer nick (nick)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>买家昵称最多 {limit} 个字</source>
        <translation>A buyer nick is at most {limit} characters</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>买家昵称不能含有 NUL 字符 (\0)</source>
        <translation>A buyer nick cannot contain a NUL character (\0)</translation>
    </message>
    <message>
        <location filename="../../desktop_assistant/domain/buyers.py" line="+4"/>
        <source>{field} 的值不对：{value}</source>
        <translation>Bad value for {field}: {value}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>JSON 格式错误：{reason}</source>
        <translation>Malformed JSON: {reason}</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../desktop_assistant/domain/kpi.py" line="-7"/>
        <source>第 {line} 行：{reason}</source>
        <translation>Line {line}: {reason}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>第 {line} 行：表头里没有买家昵称列（nick 或 买家）</source>
        <translation>Line {line}: the header has no buyer nick column (nick or 买家)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{nick} 在白名单里；要拉黑请先移出白名单</source>
        <translation>{nick} is whitelisted; take them off the whitelist first</translation>
    </message>
    <message>
        <location line="+270"/>
        <source>登记时间格式不对（应为 YYYY-MM-DD HH:MM:SS）：{value}</source>
        <translation>Bad time (YYYY-MM-DD HH:MM:SS expected): {value}</translation>
    </message>
    <message>
        <location line="-275"/>
        <source>不是 JSON 对象</source>
        <translation>Not a JSON object</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>拉黑或加白需要填写原因</source>
        <translation>Listing a buyer needs a reason</translation>
    </message>
    <message>
        <location line="+270"/>
        <source>文件里没有买家</source>
        <translation>The file has no buyers</translation>
    </message>
    <message>
        <location filename="../../desktop_assistant/domain/notes.py" line="-184"/>
        <source>备注和旗帜都没有变化</source>
        <translation>Neither the note nor the flag changed</translation>
    </message>
    <message>
        <location filename="../../desktop_assistant/domain/promises.py" line="+20"/>
        <source>承诺内容不能为空</source>
        <translation>A promise needs a text</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>承诺内容最多 {limit} 个字</source>
        <translation>A promise is at most {limit} characters</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>到期时间已经过了：{due}</source>
        <translation>The due time has already passed: {due}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>截单时间格式应为 HH:MM，收到：{value}</source>
        <translation>The cut-off must look like HH:MM, got: {value}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>下单时间不能晚于现在：{placed}</source>
        <translation>The order cannot be placed in the future: {placed}</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>订单 {order_id} 已在催付列表中</source>
        <translation>Order {order_id} is already on the chase list</translation>
    </message>
    <message>
        <location filename="../../desktop_assistant/domain/checklist.py" line="-14"/>
        <source>模板至少要有一项</source>
        <translation>A template needs at least one item</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>模板名称不能为空，最多 20 个字</source>
        <translation>A template needs a name of at most 20 characters</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>话术里的 {{{field}}} 不是清单里的项目</source>
        <translation>{{{field}}} in the message is not an item of the list</translation>
    </message>
    <message>
        <location filename="../../desktop_assistant/domain/conversations.py" line="+27"/>
        <source>先选一个会话</source>
        <translation>Choose a chat first</translation>
    </message>
    <message>
        <location filename="../../desktop_assistant/domain/questions.py" line="+14"/>
        <source>请写下买家的问题</source>
        <translation>Write down the buyer&apos;s question</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>请写下回答</source>
        <translation>Write the answer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>最多 {limit} 个字</source>
        <translation>At most {limit} characters</translation>
    </message>
    <message>
        <location filename="../../desktop_assistant/domain/reading.py" line="+30"/>
        <source>识别区域不是有效的 JSON：{reason}</source>
        <translation>The reading regions are not valid JSON: {reason}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{client}：识别区域应为 list/header/messages 各 4 个非负整数 X,Y,W,H（宽高大于 0）</source>
        <translation>{client}: the regions need list/header/messages, each 4 non-negative integers X,Y,W,H (width and height above 0)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>区域应为 X,Y,W,H（像素，宽高大于 0），收到：{value}</source>
        <translation>A region is X,Y,W,H (pixels, width and height above 0), got: {value}</translation>
    </message>
    <message>
        <location filename="../../desktop_assistant/os_integration/readers/uia.py" line="+40"/>
        <source>界面元素读取只在 Windows 上可用</source>
        <translation>Reading interface elements works on Windows only</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{client}：没有界面元素规则</source>
        <translation>{client}: no interface element rules</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{client}：窗口没有公开聊天界面元素，改用其他读取方式</source>
        <translation>{client}: the window exposes no chat elements; using another reader</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{client}：这个版本不公开消息列表（界面元素读不到），改用其他读取方式</source>
        <translation>{client}: this build does not expose its message list (interface elements unreadable); using another reader</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>读取界面元素失败：{reason}</source>
        <translation>Reading interface elements failed: {reason}</translation>
    </message>
    <message>
        <location filename="../../desktop_assistant/domain/conversation_titles.py" line="+29"/>
        <source>第 {line} 行：规则应为「平台 | 程序 | [选项 | …] 标题正则」</source>
        <translation>Line {line}: a rule is “platform | program | [options | …] title pattern”</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>第 {line} 行：标题正则有误：{reason}</source>
        <translation>Line {line}: the title pattern is wrong: {reason}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>第 {line} 行：标题正则需要一个分组 (?P&lt;nick&gt;…) 表示买家昵称</source>
        <translation>Line {line}: the title pattern needs a group (?P&lt;nick&gt;…) for the buyer&apos;s nick</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>第 {line} 行：「买家」「聊天」「非聊天」只能选一个</source>
        <translation>Line {line}: choose only one of 买家 (buyer), 聊天 (chat), 非聊天 (not-chat)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>第 {line} 行：标题正则有买家分组 (?P&lt;nick&gt;…)，但规则没有写「买家」</source>
        <translation>Line {line}: the title pattern has a buyer group (?P&lt;nick&gt;…) but the rule does not say 买家 (buyer)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>第 {line} 行：窗口类正则有误：{reason}</source>
        <translation>Line {line}: the window class pattern is wrong: {reason}</translation>
    </message>
    <message>
        <location filename="../../desktop_assistant/domain/guard.py" line="+192"/>
        <source>{where}：「{name}」含{category}：{words}（发送前要确认）</source>
        <translation>{where}: &quot;{name}&quot; has {category}: {words} (asks before sending)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{where}：「{name}」含{category}：{words}（提醒）</source>
        <translation>{where}: &quot;{name}&quot; has {category}: {words} (warning)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{count} 条短语含站外联系或好评返现用语：已照常导入，发送前会要求确认</source>
        <translation>{count} phrases contain off-platform contact or cashback wording: imported anyway; sending them asks first</translation>
    </message>
    <message>
        <location filename="../../desktop_assistant/domain/phrase_codes.py" line="+19"/>
        <source>第 {line} 行：关键词 {keyword} 导入为快捷编码 {code}</source>
        <translation>line {line}: keyword {keyword} imported as code {code}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>第 {line} 行：关键词 {keyword} 不能当快捷编码，导入为没有快捷编码的短语</source>
        <translation>line {line}: keyword {keyword} cannot be a code; imported without a code</translation>
    </message>
    <message>
        <location filename="../../desktop_assistant/os_integration/readers/uia_rules.py" line="+19"/>
        <source>界面元素规则不是有效的 JSON：{reason}</source>
        <translation>The interface element rules are not valid JSON: {reason}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>界面元素规则 {client}：{where} 不对：{reason}</source>
        <translation>Interface element rules {client}: {where} is wrong: {reason}</translation>
    </message>
    <message>
        <location filename="../../desktop_assistant/storage/blacklist_files.py" line="+23"/>
        <source>无法读取 {path}：{reason}</source>
        <translation>Cannot read {path}: {reason}</translation>
    </message>
</context>
<context>
    <name>Notes</name>
    <message>
        <location filename="../../desktop_assistant/domain/notes.py" line="-32"/>
        <source>灰</source>
        <translation>grey</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>红</source>
        <translation>red</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>黄</source>
        <translation>yellow</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>绿</source>
        <translation>green</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>蓝</source>
        <translation>blue</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>紫</source>
        <translation>purple</translation>
    </message>
</context>
<context>
    <name>NotesController</name>
    <message>
        <location filename="../../desktop_assistant/ui/notes_controller.py" line="+155"/>
        <source>承诺已超时</source>
        <translation>Promise overdue</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>承诺快到期</source>
        <translation>Promise due soon</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>该催付了</source>
        <translation>Time to chase payment</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>{0}：在「待办」点「发催付话术」</source>
        <translation>{0}: press “Send chase phrase” in To do</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>已记下承诺：{0}</source>
        <translation>Promise recorded: {0}</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>已加入催付：{0}</source>
        <translation>Added to the chase list: {0}</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>催付话术已发送：{0}</source>
        <translation>Chase phrase sent: {0}</translation>
    </message>
</context>
<context>
    <name>NotesTab</name>
    <message>
        <location filename="../../desktop_assistant/app_features.py" line="-6"/>
        <location filename="../../desktop_assistant/ui/notes_tab.py" line="+182"/>
        <source>备注</source>
        <translation>Notes</translation>
    </message>
    <message>
        <location filename="../../desktop_assistant/ui/notes_tab.py" line="+21"/>
        <source>{0} 版</source>
        <translation>{0} versions</translation>
    </message>
    <message>
        <location line="+59"/>
        <source>第 {0} 版  {1}  工号 {2}  {3}</source>
        <translation>Version {0}  {1}  agent {2}  {3}</translation>
    </message>
    <message>
        <location line="-17"/>
        <source>新订单：还没有备注</source>
        <translation>New order: no note yet</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>当前：{0} {1}  ·  {2} 工号 {3}</source>
        <translation>Current: {0} {1}  ·  {2} agent {3}</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>事由：{0}</source>
        <translation>Reason: {0}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>历史（{0} 版，只增不改）</source>
        <translation>History ({0} versions, append-only)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>还可输入 {0} 字节</source>
        <translation>{0} bytes left</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>超出 {0} 字节</source>
        <translation>{0} bytes too long</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>已保存第 {0} 版</source>
        <translation>Saved version {0}</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>订单号 / 买家 / 备注内容</source>
        <translation>Order id / buyer / note text</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>全部颜色</source>
        <translation>All colours</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>订单号</source>
        <translation>Order id</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>买家</source>
        <translation>Buyer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>输入订单号后回车</source>
        <translation>Type an order id and press Enter</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>备注内容（平台备注最多 1000 字节）</source>
        <translation>Note (the platform allows 1000 bytes)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>变动事由（修改已有备注时必填）</source>
        <translation>Reason for the change (required when changing a note)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>备注模板…</source>
        <translation>Memo line…</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>保存备注</source>
        <translation>Save note</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>记承诺…</source>
        <translation>Promise…</translation>
    </message>
</context>
<context>
    <name>PanelWindow</name>
    <message>
        <location filename="../../desktop_assistant/ui/panel.py" line="+330"/>
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
        <source>窗口保持在最前（不抢输入焦点）</source>
        <translation>Keep the window above others (without taking keyboard focus)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>紧凑模式：更窄，隐藏次要信息</source>
        <translation>Compact mode: narrower, hides secondary details</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>只读模式：可以查看，不能保存改动。</source>
        <translation>Read-only: you can look, but changes cannot be saved.</translation>
    </message>
    <message>
        <location line="-4"/>
        <source>紧凑</source>
        <translation>Compact</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>设置</source>
        <translation>Settings</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>概览</source>
        <translation>Overview</translation>
    </message>
</context>
<context>
    <name>PhraseEditor</name>
    <message>
        <location filename="../../desktop_assistant/ui/phrase_editor.py" line="+87"/>
        <source>编辑短语</source>
        <translation>Edit phrase</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>新建短语</source>
        <translation>New phrase</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>例如 hy（欢迎）</source>
        <translation>e.g. hy (huanying, welcome)</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>分条 ---</source>
        <translation>Split ---</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>在光标处分成两条消息</source>
        <translation>Split into two messages at the cursor</translation>
    </message>
    <message>
        <location line="+26"/>
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
        <location line="+5"/>
        <source>从未</source>
        <translation>never</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>已使用 {0} 次 · 最近一次 {1}</source>
        <translation>Used {0} times · last {1}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>内容（单独一行 --- 分成多条消息）</source>
        <translation>Text (a line with only --- starts another message)</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>未知的占位符（会原样发出）：{0}</source>
        <translation>Unknown placeholders (sent as they are): {0}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>含{0}（发送时要确认）</source>
        <translation>Contains {0} (asks before sending)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>含{0}（提醒）</source>
        <translation>Contains {0} (warning)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>第 {0} 条消息较长，建议用 --- 分成几条发送</source>
        <translation>Message {0} is long; consider splitting it with ---</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>这条短语含有平台会处罚的内容：
{0}

发送时每次都会要求确认。仍然保存吗?</source>
        <translation>This phrase contains what the platform penalises:
{0}

Sending it will ask every time. Save anyway?</translation>
    </message>
    <message>
        <location line="-60"/>
        <source>预览</source>
        <translation>Preview</translation>
    </message>
    <message>
        <location line="+75"/>
        <source>保存短语</source>
        <translation>Save phrase</translation>
    </message>
</context>
<context>
    <name>PhrasesController</name>
    <message>
        <location filename="../../desktop_assistant/ui/phrases_controller.py" line="+95"/>
        <source>{0} 已被客服助手的「{1}」使用</source>
        <translation>{0} is already the assistant&apos;s “{1}” hotkey</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{0} 已被短语「{1}」使用</source>
        <translation>{0} is already used by the phrase “{1}”</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{0} 已被其他程序占用：{1}</source>
        <translation>{0} is held by another program: {1}</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>没有快捷编码为「{0}」的短语：在设置里改催付短语，或新建这个编码</source>
        <translation>No phrase has the code “{0}”: change the chase phrase in the settings, or create that code</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>导入短语</source>
        <translation>Import phrases</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>短语文件 (*.csv *.xlsx *.json);;所有文件 (*)</source>
        <translation>Phrase files (*.csv *.xlsx *.json);;All files (*)</translation>
    </message>
    <message>
        <location line="+24"/>
        <location line="+7"/>
        <location line="+3"/>
        <source>导出短语</source>
        <translation>Export phrases</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>已导出 {0} 条短语到 {1}</source>
        <translation>Exported {0} phrases to {1}</translation>
    </message>
</context>
<context>
    <name>PhrasesTab</name>
    <message>
        <location filename="../../desktop_assistant/ui/phrases_tab.py" line="+89"/>
        <location line="+91"/>
        <source>全部分组</source>
        <translation>All groups</translation>
    </message>
    <message>
        <location line="-62"/>
        <source>已使用 {0} 次</source>
        <translation>Used {0} times</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>尚未使用</source>
        <translation>Not used yet</translation>
    </message>
    <message>
        <location line="+32"/>
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
        <location line="+9"/>
        <source>删除短语</source>
        <translation>Delete phrase</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>确定删除「{0}」吗?</source>
        <translation>Delete “{0}”?</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>短语</source>
        <translation>Phrases</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>搜索：快捷编码 / 拼音首字母 / 关键字</source>
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
        <location filename="../../desktop_assistant/ui/picker.py" line="+153"/>
        <source>短语选择器</source>
        <translation>Phrase picker</translation>
    </message>
    <message>
        <location line="+1"/>
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
    <name>PromiseDialog</name>
    <message>
        <location filename="../../desktop_assistant/ui/note_dialogs.py" line="+13"/>
        <source>记承诺</source>
        <translation>Record a promise</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>例如：明天下午发顺丰，送袜子一双</source>
        <translation>e.g. ship SF tomorrow afternoon, a pair of socks free</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>30 分钟</source>
        <translation>30 minutes</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>2 小时</source>
        <translation>2 hours</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>今天 18:00</source>
        <translation>Today 18:00</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>明天 10:00</source>
        <translation>Tomorrow 10:00</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>承诺</source>
        <translation>Promise</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>订单号</source>
        <translation>Order id</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>买家</source>
        <translation>Buyer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>到期</source>
        <translation>Due</translation>
    </message>
</context>
<context>
    <name>Screening</name>
    <message>
        <location filename="../../desktop_assistant/domain/screening.py" line="+40"/>
        <source>暂未发现明显风险。所有沟通请留在旺旺里（平台只认旺旺聊天记录）。</source>
        <translation>No clear risk found. Keep every exchange on Wangwang (the platform only accepts Wangwang records).</translation>
    </message>
    <message>
        <location filename="../../desktop_assistant/domain/screening_rules.py" line="+31"/>
        <source>已在本店黑名单（原因：{reason}），请按店铺规定谨慎处理</source>
        <translation>On the shop&apos;s blacklist (reason: {reason}); follow the shop&apos;s rules with care</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>好评率 {rate}%，低于 80%：留意对方是否习惯给差评</source>
        <translation>Positive rate {rate}%, under 80%: this buyer may often leave bad reviews</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>好评率 {rate}%，在 80%-95% 之间：稍加留意</source>
        <translation>Positive rate {rate}%, between 80% and 95%: worth a look</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>账号注册仅 {days} 天（不满 30 天）：新号请多核对</source>
        <translation>Account only {days} days old (under 30): check details carefully</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>账号注册 {days} 天（30-60 天）</source>
        <translation>Account {days} days old (30-60 days)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>买家信用 {credit} 分，不到 2 心（11 分）</source>
        <translation>Buyer credit {credit} points, below 2 hearts (11 points)</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>收货人「{name}」是明星名字：常见于虚假收货信息，请与买家确认</source>
        <translation>The receiver “{name}” is a celebrity&apos;s name, common in fake delivery details; confirm with the buyer</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>收货地址没有门牌号或楼栋/单元/室：请买家补全</source>
        <translation>The address has no house number or building/unit/room: ask the buyer to complete it</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>要求加微信/QQ/电话沟通：请婉拒，站外记录平台不认</source>
        <translation>Asked to talk on WeChat/QQ/phone: decline politely, the platform ignores records kept elsewhere</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>不议价却反复聊天、不断加单：留意是否在收集话柄</source>
        <translation>No bargaining but long chats and more and more orders: watch for a set-up</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>本店备注里有 {count} 个红/黄旗订单（纠纷或可疑）</source>
        <translation>{count} red/yellow-flagged orders in our notes (disputes or suspicious)</translation>
    </message>
    <message>
        <location filename="../../desktop_assistant/domain/screening.py" line="+154"/>
        <source>注册日期 {registered} 晚于参照日期 {reference}，账龄未计分</source>
        <translation>Registered {registered}, after the reference date {reference}; account age not scored</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>好评率 {rate}% 不可能（应在 0-100 之间），未计分</source>
        <translation>A positive rate of {rate}% is impossible (0-100); not scored</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{field} 是负数（{value}），未计分</source>
        <translation>{field} is negative ({value}); not scored</translation>
    </message>
    <message>
        <location filename="../../desktop_assistant/domain/screening_rules.py" line="-78"/>
        <source>退款 {refunds} 次 / 订单 {orders} 单（退款率 {rate}%）：退款偏多，发货前核对规格并留证</source>
        <translation>{refunds} refunds in {orders} orders ({rate}% refunded): many refunds; check the variant and keep evidence before shipping</translation>
    </message>
    <message>
        <location filename="../../desktop_assistant/domain/screening.py" line="-166"/>
        <source>风险高：请谨慎接待，发货前逐项核对并留存凭证（截图、称重、录像）。所有沟通请留在旺旺里（平台只认旺旺聊天记录），不要转到微信、QQ 或电话。</source>
        <translation>High risk: serve with care, check every item before shipping and keep evidence (screenshots, weight, video). Keep every exchange on Wangwang (the platform only accepts Wangwang records), not WeChat, QQ or phone.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>有风险信号：留意对方的要求，承诺的事写进备注。所有沟通请留在旺旺里（平台只认旺旺聊天记录），不要转到微信、QQ 或电话。</source>
        <translation>Some warning signs: watch what is asked for and note every promise. Keep every exchange on Wangwang (the platform only accepts Wangwang records), not WeChat, QQ or phone.</translation>
    </message>
    <message>
        <location filename="../../desktop_assistant/domain/screening_rules.py" line="+11"/>
        <source>昵称「{nick}」像随机生成的账号（字母和数字来回交错，没有中文）</source>
        <translation>The nick “{nick}” looks randomly generated (letters and digits interleaved, no Chinese)</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>收货人「{name}」与明星同名：很多人也叫这个名字，留意即可，必要时与买家确认</source>
        <translation>The receiver “{name}” shares a celebrity&apos;s name: many people have it; just note it and confirm with the buyer if needed</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>近 7 天下单 {count} 次</source>
        <translation>{count} orders in the last 7 days</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>给其他店铺中差评 {count} 次</source>
        <translation>Left {count} neutral/bad reviews at other shops</translation>
    </message>
</context>
<context>
    <name>Selftest</name>
    <message>
        <location filename="../../desktop_assistant/selftest.py" line="+51"/>
        <source>无法模拟按键：{reason}</source>
        <translation>Cannot simulate key presses: {reason}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>无法模拟按键</source>
        <translation>cannot simulate key presses</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{hotkey} 没有注册</source>
        <translation>{hotkey} is not registered</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>无法启动 {program}：{reason}</source>
        <translation>Cannot start {program}: {reason}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>目标窗口 20 秒内没有出现</source>
        <translation>The target window did not appear within 20 seconds</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>目标窗口进程退出了（{code}）：{stderr}</source>
        <translation>The target window&apos;s process exited ({code}): {stderr}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>目标窗口打开了，但没有拿到焦点（被别的窗口挡住或系统不允许）</source>
        <translation>The target window opened but did not get the focus (another window is in front, or the system refused)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>进程 {pid}</source>
        <translation>process {pid}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>按下 {hotkey} 后 3 秒内没有收到快捷键</source>
        <translation>No hotkey received within 3 seconds of pressing {hotkey}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>快捷键没有触发</source>
        <translation>the hotkey did not fire</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{count} 个字符，含换行</source>
        <translation>{count} characters, line break included</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>目标窗口收到的是 {got}，应为 {wanted}</source>
        <translation>The target window received {got} instead of {wanted}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>目标窗口收到了快捷键的 {key} 键 {count} 次</source>
        <translation>The target window received the hotkey&apos;s {key} key {count} times</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>粘贴后仍有按键处于按下状态：{keys}</source>
        <translation>Keys still held down after the paste: {keys}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>测试内容没能放上剪贴板（被别的程序占用？）</source>
        <translation>The test content could not be put on the clipboard (held by another program?)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>粘贴流程 3 秒内没有结束，剪贴板没有还原</source>
        <translation>The paste did not finish within 3 seconds; the clipboard was not restored</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>目标窗口读不到剪贴板</source>
        <translation>The target window cannot read the clipboard</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>文字变成了 {text}</source>
        <translation>text became {text}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>图片丢失或不一致</source>
        <translation>image lost or changed</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>图片丢失</source>
        <translation>image lost</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>文字和图片都和粘贴前一样</source>
        <translation>text and image as before the paste</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>选择器没有打开</source>
        <translation>the picker did not open</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>选择器打开了，但系统没有把焦点给它（前台仍是 {window}）</source>
        <translation>The picker opened but the system did not give it the focus (in front: {window})</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>选择器没有焦点</source>
        <translation>the picker has no focus</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>打进了目标窗口（{typed}）</source>
        <translation>typed into the target window ({typed})</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>选择器只收到 {typed}</source>
        <translation>the picker only received {typed}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>键盘输入没有进选择器：{where}</source>
        <translation>The keyboard input did not reach the picker: {where}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>选择器没有键盘</source>
        <translation>the picker has no keyboard</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>输入 {code} 进了选择器，目标窗口失去焦点</source>
        <translation>{code} typed into the picker; the target window lost the focus</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>焦点回到目标窗口，文本完整</source>
        <translation>Focus back in the target window, text complete</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>按 Enter 后选择器没有关闭</source>
        <translation>The picker did not close after Enter</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>焦点没有回到目标窗口（前台是 {window}）</source>
        <translation>The focus did not return to the target window (in front: {window})</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>无</source>
        <translation>none</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{seconds} 秒内没有结束，中止</source>
        <translation>not finished within {seconds} seconds; stopped</translation>
    </message>
    <message>
        <location filename="../../desktop_assistant/selftest_report.py" line="+23"/>
        <source>打开自检目标窗口</source>
        <translation>Open the self-test target window</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>注册测试快捷键</source>
        <translation>Register the test hotkeys</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>系统按键触发快捷键</source>
        <translation>A system key press triggers the hotkey</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>文本完整粘贴到目标窗口</source>
        <translation>The whole text pasted into the target window</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>快捷键没有漏进目标窗口，没有按键卡住</source>
        <translation>No hotkey key leaked into the target window, no key stuck</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>剪贴板（文字和图片）已恢复</source>
        <translation>Clipboard (text and image) restored</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>短语选择器拿到键盘焦点</source>
        <translation>The phrase picker gets the keyboard focus</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>选择后焦点回到目标窗口并粘贴</source>
        <translation>After choosing, the focus returns to the target window and the text is pasted</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>自检程序出错</source>
        <translation>The self-test itself failed</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>未执行：前面的步骤失败</source>
        <translation>Not run: an earlier step failed</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>未执行：前面的步骤失败（{why}）</source>
        <translation>Not run: an earlier step failed ({why})</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>通过</source>
        <translation>passed</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>跳过</source>
        <translation>skipped</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>失败</source>
        <translation>failed</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>[{mark}] {title}</source>
        <translation>[{mark}] {title}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>[{mark}] {title}：{detail}</source>
        <translation>[{mark}] {title}: {detail}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>自检通过：{count} 项全部正常</source>
        <translation>Self-test passed: all {count} steps fine</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>自检失败：{steps}</source>
        <translation>Self-test failed: {steps}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>有步骤没有执行</source>
        <translation>some steps did not run</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{first}；{rest}</source>
        <translation>{first}; {rest}</translation>
    </message>
</context>
<context>
    <name>SendGuard</name>
    <message>
        <location filename="../../desktop_assistant/ui/send_guard.py" line="+48"/>
        <source>这条消息含有平台会处罚的内容：
{0}

仍然发送吗?</source>
        <translation>This message contains what the platform penalises:
{0}

Send it anyway?</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>提醒：消息含{0}</source>
        <translation>Note: the message contains {0}</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>发送前检查</source>
        <translation>Check before sending</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>仍然发送</source>
        <translation>Send anyway</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>不发送</source>
        <translation>Don&apos;t send</translation>
    </message>
</context>
<context>
    <name>Settings</name>
    <message>
        <location filename="../../desktop_assistant/domain/screening_rules.py" line="-55"/>
        <source>权重：退款率 ≥ 30%（至少 3 单）</source>
        <translation>Weight: refund rate &gt;= 30% (at least 3 orders)</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>权重：昵称像随机生成（字母数字来回交错）</source>
        <translation>Weight: random-looking nick (letters and digits interleaved)</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>权重：收货人是明星名字（少有人重名）</source>
        <translation>Weight: receiver has a celebrity&apos;s name (one few others share)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>权重：收货人与明星同名（常见名字，名单里标 *）</source>
        <translation>Weight: receiver shares a celebrity&apos;s common name (marked * in the list)</translation>
    </message>
    <message>
        <location filename="../../desktop_assistant/domain/settings.py" line="+130"/>
        <source>客服昵称</source>
        <translation>Agent nickname</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>工号</source>
        <translation>Agent ID</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>店铺名称</source>
        <translation>Shop name</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>界面语言</source>
        <translation>Interface language</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>主题</source>
        <translation>Theme</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>浅色</source>
        <translation>Light</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>深色</source>
        <translation>Dark</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>停靠位置</source>
        <translation>Dock position</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>屏幕右侧</source>
        <translation>Right edge of the screen</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>屏幕左侧</source>
        <translation>Left edge of the screen</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>窗口置顶</source>
        <translation>Stay on top</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>紧凑模式</source>
        <translation>Compact mode</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>全局快捷键方式</source>
        <translation>Global hotkey method</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>自动</source>
        <translation>Automatic</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>打开短语选择器</source>
        <translation>Open phrase picker</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>显示/隐藏面板</source>
        <translation>Show/hide panel</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>买家发来消息</source>
        <translation>Buyer sent a message</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>已回复</source>
        <translation>Replied</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>用剪贴板里的昵称新建会话</source>
        <translation>New chat from the nick on the clipboard</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>跳到等待最久的会话</source>
        <translation>Jump to the chat waiting longest</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>按程序指定粘贴方式</source>
        <translation>Paste method per program</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>超时时托盘提醒</source>
        <translation>Tray notice when late</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>超时时响铃</source>
        <translation>Beep when late</translation>
    </message>
    <message>
        <location line="+150"/>
        <source>更多明星名字（逗号分隔，常见名字后加 *）</source>
        <translation>More celebrity names (comma-separated; * after a common name)</translation>
    </message>
    <message>
        <location line="-122"/>
        <source>从界面元素读取 (UI Automation)</source>
        <translation>Read the interface elements (UI Automation)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>买家消息气泡在哪一侧</source>
        <translation>Side of the buyer&apos;s message bubbles</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>左侧</source>
        <translation>Left</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>右侧</source>
        <translation>Right</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>校准的识别区域 (JSON)</source>
        <translation>Calibrated reading regions (JSON)</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>红旗含义</source>
        <translation>Meaning of red</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>黄旗含义</source>
        <translation>Meaning of yellow</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>绿旗含义</source>
        <translation>Meaning of green</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>蓝旗含义</source>
        <translation>Meaning of blue</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>紫旗含义</source>
        <translation>Meaning of purple</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>当天发货截单时间</source>
        <translation>Same-day shipping cut-off</translation>
    </message>
    <message>
        <location filename="../../desktop_assistant/domain/screening_rules.py" line="+59"/>
        <source>高风险分数线</source>
        <translation>High risk from (score)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>中风险分数线</source>
        <translation>Medium risk from (score)</translation>
    </message>
    <message>
        <location filename="../../desktop_assistant/domain/settings.py" line="+89"/>
        <source>拦截好评返现</source>
        <translation>Stop cashback for reviews</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>提醒广告法极限词</source>
        <translation>Warn about absolute claims</translation>
    </message>
    <message>
        <location filename="../../desktop_assistant/domain/screening_rules.py" line="-138"/>
        <source>权重：在黑名单</source>
        <translation>Weight: blacklisted</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>权重：好评率低于 80%</source>
        <translation>Weight: positive rate under 80%</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>权重：好评率 80%-95%</source>
        <translation>Weight: positive rate 80-95%</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>权重：账号不满 30 天</source>
        <translation>Weight: account under 30 days</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>权重：账号 30-60 天</source>
        <translation>Weight: account 30-60 days</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>权重：信用不足 11 分</source>
        <translation>Weight: credit under 11</translation>
    </message>
    <message>
        <location line="+47"/>
        <source>权重：地址含糊</source>
        <translation>Weight: vague address</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>权重：7 天内多次下单</source>
        <translation>Weight: many orders in 7 days</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>权重：常给中差评</source>
        <translation>Weight: leaves bad reviews</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>权重：要求站外联系</source>
        <translation>Weight: off-platform contact</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>权重：不议价反复加单</source>
        <translation>Weight: no bargaining, more orders</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>权重：本店红/黄旗纠纷</source>
        <translation>Weight: red/yellow flags in our notes</translation>
    </message>
    <message>
        <location filename="../../desktop_assistant/domain/settings.py" line="-264"/>
        <source>面板宽度（像素）</source>
        <translation>Panel width (pixels)</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Windows RegisterHotKey（Windows 推荐）</source>
        <translation>Windows RegisterHotKey (recommended on Windows)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>keyboard 键盘钩子（组合键已被其他程序占用时，用它抢先拿到）</source>
        <translation>keyboard hook (takes a combination another program already registered)</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>粘贴后最长等待（毫秒）</source>
        <translation>Longest wait after pasting (ms)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>恢复剪贴板前等待（毫秒）</source>
        <translation>Wait before restoring the clipboard (ms)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>多条消息逐条发送（消息之间按回车）</source>
        <translation>Send messages one by one (Enter between them)</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>只向这些程序粘贴（留空：全部）</source>
        <translation>Paste only into these programs (empty: all)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>计时变黄（秒）</source>
        <translation>Timer turns orange (seconds)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>计时超时变红（秒）</source>
        <translation>Timer late, red (seconds)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>计时严重超时（秒）</source>
        <translation>Timer very late (seconds)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>首次响应：变黄（秒）</source>
        <translation>First response: orange (seconds)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>首次响应：超时（秒）</source>
        <translation>First response: late (seconds)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>首次响应：严重超时（秒）</source>
        <translation>First response: very late (seconds)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>已回复的会话闲置多久后移出列表（分钟，0：不移出）</source>
        <translation>Answered chats leave the list after this many idle minutes (0: never)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>识别聊天窗口（每行：平台 | 程序 | [类=窗口类 | 买家/聊天/非聊天 |] 标题正则）</source>
        <translation>Recognise chat windows (per line: platform | program | [类=window class | 买家/聊天/非聊天 |] title pattern)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>本店客服账号（每行一个，永远不当作买家）</source>
        <translation>The shop&apos;s own accounts (one per line, never taken for a buyer)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>从屏幕画面读取（需先校准区域）</source>
        <translation>Read the screen (calibrate the regions first)</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>保留读到的消息文字（问题收集）</source>
        <translation>Keep the message text read (question capture)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>读取间隔（毫秒）</source>
        <translation>Reading interval (ms)</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>承诺到期前提醒（分钟）</source>
        <translation>Remind before a promise is due (minutes)</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>下单未付款多久后催付（分钟）</source>
        <translation>Chase an unpaid order after (minutes)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>截单前多久再催一次（分钟）</source>
        <translation>Last call before the cut-off (minutes)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>截单前催付短语（快捷编码）</source>
        <translation>Chase phrase before the cut-off (code)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>截单后催付短语（快捷编码）</source>
        <translation>Chase phrase after the cut-off (code)</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>偏远地区（省级，逗号分隔；留空用默认）</source>
        <translation>Remote areas (provinces, comma separated; empty: the default list)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>更多代收点用语（逗号分隔）</source>
        <translation>More pickup-point words (comma separated)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>拦截站外联系（微信/QQ/电话/站外链接）</source>
        <translation>Stop off-platform contact (WeChat/QQ/phone/outside links)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>更多站外联系用语（逗号分隔）</source>
        <translation>More off-platform contact words (comma separated)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>更多返现用语（逗号分隔）</source>
        <translation>More cashback words (comma separated)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>更多极限词（逗号分隔）</source>
        <translation>More absolute words (comma separated)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>不算违规的词（逗号分隔）</source>
        <translation>Words that are not violations (comma separated)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>更多平台内域名（逗号分隔）</source>
        <translation>More platform domains (comma separated)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>收货人和地址保留天数（0：不删除）</source>
        <translation>Keep receivers and addresses for (days; 0: forever)</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>个人信息保留天数：核对、收货人、档案和备注里的电话与地址（0：不清除）</source>
        <translation>Keep personal data (phones and addresses in checks, receivers, profiles and notes) for days (0: forever)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>保留每日备份（份）</source>
        <translation>Daily backups to keep</translation>
    </message>
    <message>
        <location line="+5"/>
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
        <source>粘贴</source>
        <translation>Paste</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>会话计时与提醒</source>
        <translation>Chat timers and alerts</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>读取聊天窗口</source>
        <translation>Reading the chat window</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>备注与提醒</source>
        <translation>Notes and reminders</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>买家风险筛查</source>
        <translation>Buyer screening</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>地址名单</source>
        <translation>Address lists</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>发送前检查</source>
        <translation>Check before sending</translation>
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
        <location filename="../../desktop_assistant/ui/settings_dialog.py" line="+93"/>
        <source>设置</source>
        <translation>Settings</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>校准识别区域…</source>
        <translation>Calibrate reading regions…</translation>
    </message>
</context>
<context>
    <name>SightReader</name>
    <message>
        <location filename="../../desktop_assistant/os_integration/readers/sight.py" line="+158"/>
        <source>尚未校准 {client} 的识别区域</source>
        <translation>The reading regions of {client} are not calibrated yet</translation>
    </message>
    <message>
        <location line="+121"/>
        <source>未安装文字识别组件 (rapidocr)</source>
        <translation>The text recognition component (rapidocr) is not installed</translation>
    </message>
    <message>
        <location line="-102"/>
        <source>无法截取窗口画面（窗口已关闭、最小化或小于校准区域）</source>
        <translation>Cannot capture the window (closed, minimised or smaller than the calibrated regions)</translation>
    </message>
    <message>
        <location line="+82"/>
        <source>窗口画面为空（已最小化或尚未绘制）</source>
        <translation>The window shows nothing (minimised or not drawn yet)</translation>
    </message>
</context>
<context>
    <name>StartPage</name>
    <message>
        <location filename="../../desktop_assistant/ui/start_page.py" line="+66"/>
        <source>客服</source>
        <translation>Agent</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{0}，你好</source>
        <translation>Hello, {0}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>第一次使用：请先在设置里填写客服昵称和工号，备注和统计都会用到。</source>
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
        <source>数据目录：{0}</source>
        <translation>Data folder: {0}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>最近备份：{0}</source>
        <translation>Last backup: {0}</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>尚无</source>
        <translation>None yet</translation>
    </message>
</context>
<context>
    <name>StatsController</name>
    <message>
        <location filename="../../desktop_assistant/ui/stats_controller.py" line="+58"/>
        <source>{0} 轮，更新于 {1}</source>
        <translation>{0} rounds, updated at {1}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>聊天记录，供 kpi 命令复算 (*.csv)</source>
        <translation>Chat log, for the kpi command (*.csv)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>导出统计</source>
        <translation>Export stats</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>统计</source>
        <translation>Stats</translation>
    </message>
    <message>
        <location line="-13"/>
        <source>已导出 {0} 行到 {1}</source>
        <translation>Exported {0} rows to {1}</translation>
    </message>
</context>
<context>
    <name>StatsTab</name>
    <message>
        <location filename="../../desktop_assistant/ui/stats_tab.py" line="+30"/>
        <source>客服</source>
        <translation>Agent</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>轮次</source>
        <translation>Rounds</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>已回复</source>
        <translation>Answered</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>买家</source>
        <translation>Buyers</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>30秒回复率</source>
        <translation>Within 30 s</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>60秒回复率</source>
        <translation>Within 60 s</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>3分钟回复率</source>
        <translation>Within 3 min</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>答问比</source>
        <translation>Answers/questions</translation>
    </message>
    <message>
        <location filename="../../desktop_assistant/app_features.py" line="+9"/>
        <location filename="../../desktop_assistant/ui/stats_tab.py" line="+99"/>
        <source>统计</source>
        <translation>Stats</translation>
    </message>
    <message>
        <location filename="../../desktop_assistant/ui/stats_tab.py" line="-104"/>
        <source>平均响应（秒）</source>
        <translation>Avg response (s)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>平均首响（秒）</source>
        <translation>Avg first response (s)</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>全部</source>
        <translation>All</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+97"/>
        <source>（未分配）</source>
        <translation>(unassigned)</translation>
    </message>
    <message>
        <location line="+84"/>
        <source>今天</source>
        <translation>Today</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>近 7 天</source>
        <translation>Last 7 days</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>全部客服</source>
        <translation>All agents</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>全部来源</source>
        <translation>All sources</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>界面元素读取</source>
        <translation>Read from the UI tree</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>屏幕识别读取</source>
        <translation>Read from the screen</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>手动</source>
        <translation>Manual</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>只统计由这种方式发现买家消息的轮次</source>
        <translation>Count only the rounds whose buyer message was found this way</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>刷新</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>导出…</source>
        <translation>Export…</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>响应时间分布（轮次）</source>
        <translation>Response times (rounds)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>每小时轮次</source>
        <translation>Rounds per hour</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>每天 3 分钟回复率</source>
        <translation>3-minute rate per day</translation>
    </message>
    <message>
        <location filename="../../desktop_assistant/domain/stats.py" line="+17"/>
        <source>未回复</source>
        <translation>No reply</translation>
    </message>
</context>
<context>
    <name>StatusStrip</name>
    <message>
        <location filename="../../desktop_assistant/ui/status_strip.py" line="+46"/>
        <source>无</source>
        <translation>None</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>当前会话：{0}</source>
        <translation>Current conversation: {0}</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>界面元素</source>
        <translation>UI tree</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>屏幕识别</source>
        <translation>screen</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>手动</source>
        <translation>manual</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>读取：{0} · {1}</source>
        <translation>Reading: {0} · {1}</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>读取：{0}</source>
        <translation>Reading: {0}</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>快捷键：已启用</source>
        <translation>Hotkeys: on</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>快捷键：已暂停</source>
        <translation>Hotkeys: paused</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>快捷键：不可用</source>
        <translation>Hotkeys: unavailable</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>快捷键：部分被占用</source>
        <translation>Hotkeys: some taken</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>快捷键：未设置</source>
        <translation>Hotkeys: not set</translation>
    </message>
</context>
<context>
    <name>Storage</name>
    <message>
        <location filename="../../desktop_assistant/storage/errors.py" line="+52"/>
        <source>磁盘已满，没有写入。请腾出空间后再试，已保存的数据都还在：{path}</source>
        <translation>The disk is full; nothing was written. Free some space and try again; everything saved is still there: {path}</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>数据库正被另一个程序占用，请稍后再试：{path}</source>
        <translation>Another program is using the database; try again shortly: {path}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>面板正在使用这个数据库，没有恢复。请先退出面板，或加 --close-panel 让它先退出：{path}</source>
        <translation>The panel is using this database; nothing was restored. Quit the panel first, or add --close-panel to have it quit: {path}</translation>
    </message>
    <message>
        <location line="-29"/>
        <source>读写数据库出错（{reason}）：{path}</source>
        <translation>Could not read or write the database ({reason}): {path}</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>数据库或所在文件夹只读，不能写入（{reason}）：{path}</source>
        <translation>The database or its folder is read-only; it cannot be written ({reason}): {path}</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>数据库来自更新的版本（{reason}），请升级客服助手后再打开：{path}</source>
        <translation>The database comes from a newer version ({reason}); upgrade the assistant before opening it: {path}</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>这不是客服助手的数据库文件，没有改动它（{reason}）：{path}</source>
        <translation>This is not the assistant&apos;s database file; it was left unchanged ({reason}): {path}</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>数据库文件已损坏（{reason}）；用 `db restore` 从备份恢复：{path}</source>
        <translation>The database file is damaged ({reason}); restore it from a backup with `db restore`: {path}</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>数据库文件{reason}；备份文件夹里有备份，所以没有新建空数据库。请用 `db restore 备份文件` 恢复：{path}</source>
        <translation>The database file {reason}; the backup folder holds backups, so no empty database was created. Restore one with `db restore BACKUP`: {path}</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>是空的（0 字节）</source>
        <translation>is empty (0 bytes)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>数据库文件{reason}；已从最近一份完好的备份 {backup} 恢复。</source>
        <translation>The database file {reason}; it was restored from the newest good backup, {backup}.</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>不见了</source>
        <translation>is missing</translation>
    </message>
    <message>
        <location filename="../../desktop_assistant/storage/maintenance.py" line="+29"/>
        <source>文件不存在：{path}</source>
        <translation>File not found: {path}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>文件是空的（0 字节）：{path}</source>
        <translation>The file is empty (0 bytes): {path}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>无法读取数据库：{reason}</source>
        <translation>Cannot read the database: {reason}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>无法检查：{reason}</source>
        <translation>Cannot check: {reason}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>来自更新版本的数据库结构（{reason}）</source>
        <translation>Database structure from a newer version ({reason})</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>不是客服助手的数据库（没有结构版本）</source>
        <translation>Not a CS Assistant database (no schema version)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{source} 不能用于恢复：{problem}</source>
        <translation>{source} cannot be used to restore: {problem}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>不能用正在使用的数据库文件恢复自己</source>
        <translation>The database in use cannot be restored from itself</translation>
    </message>
    <message>
        <location filename="../../desktop_assistant/storage/migrations.py" line="+23"/>
        <source>user_version {found} &gt; {current}</source>
        <translation>user_version {found} &gt; {current}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>迁移 {name}</source>
        <translation>migration {name}</translation>
    </message>
    <message>
        <location filename="../../desktop_assistant/storage/retention.py" line="+35"/>
        <source>没有设置保留期（retention.days 和 privacy.retention_days 都是 0），什么也不清除</source>
        <translation>No retention period set (retention.days and privacy.retention_days are both 0): nothing is removed</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>保留期：个人信息 {days} 天，收货人 {receiver_days} 天</source>
        <translation>Retention: personal data {days} days, receivers {receiver_days} days</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>不限</source>
        <translation>unlimited</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>将删除收货人和地址 {count} 条</source>
        <translation>Would delete {count} receivers and addresses</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>将清除核对单里的地址和电话 {count} 单</source>
        <translation>Would clear the address and phone of {count} order checks</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>将遮盖买家档案备注里的电话和地址 {count} 个</source>
        <translation>Would mask phones and addresses in {count} buyer profile notes</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>将遮盖订单备注里的电话和地址 {count} 条（历史保留，只遮盖）</source>
        <translation>Would mask phones and addresses in {count} order notes (history kept, only masked)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>将遮盖承诺里的电话和地址 {count} 条</source>
        <translation>Would mask phones and addresses in {count} promises</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>将遮盖待答问题里的电话和地址 {count} 条</source>
        <translation>Would mask phones and addresses in {count} pending questions</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>已删除收货人和地址 {count} 条</source>
        <translation>Deleted {count} receivers and addresses</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>已清除核对单里的地址和电话 {count} 单</source>
        <translation>Cleared the address and phone of {count} order checks</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>已遮盖买家档案备注里的电话和地址 {count} 个</source>
        <translation>Masked phones and addresses in {count} buyer profile notes</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>已遮盖订单备注里的电话和地址 {count} 条（历史保留，只遮盖）</source>
        <translation>Masked phones and addresses in {count} order notes (history kept, only masked)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>已遮盖承诺里的电话和地址 {count} 条</source>
        <translation>Masked phones and addresses in {count} promises</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>已遮盖待答问题里的电话和地址 {count} 条</source>
        <translation>Masked phones and addresses in {count} pending questions</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>核对单 {order_id}</source>
        <translation>Order check {order_id}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>买家档案 {nick}</source>
        <translation>Buyer profile {nick}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>订单备注 {order_id}（#{note_id}）</source>
        <translation>Order note {order_id} (#{note_id})</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>承诺 #{id}</source>
        <translation>Promise #{id}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>待答问题 #{id}</source>
        <translation>Pending question #{id}</translation>
    </message>
</context>
<context>
    <name>TargetWindow</name>
    <message>
        <location filename="../../desktop_assistant/selftest_target.py" line="+74"/>
        <source>客服助手自检 - 目标窗口</source>
        <translation>CS Assistant self-test - target window</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>客服助手正在自检，请不要动键盘和鼠标（约 10 秒）</source>
        <translation>CS Assistant is testing itself: please do not touch the keyboard or mouse (about 10 s)</translation>
    </message>
</context>
<context>
    <name>TemplateDialog</name>
    <message>
        <location filename="../../desktop_assistant/ui/check_controller.py" line="+22"/>
        <source>编辑核对模板</source>
        <translation>Edit check template</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>名称</source>
        <translation>Name</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>清单项（一行一项，末尾 * 表示仅货到付款）</source>
        <translation>Items (one per line; a trailing * means cash on delivery only)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>核对话术（清单项目名加大括号即被填入）</source>
        <translation>Message (an item&apos;s name in braces is filled in)</translation>
    </message>
</context>
<context>
    <name>Tray</name>
    <message>
        <location filename="../../desktop_assistant/ui/tray.py" line="+69"/>
        <source>客服助手</source>
        <translation>CS Assistant</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{0} 个承诺已超时</source>
        <translation>{0} promises overdue</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>超时承诺（{0}）</source>
        <translation>Overdue promises ({0})</translation>
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
