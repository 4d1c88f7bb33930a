"""English for the shopwords strings (merged into TRANSLATIONS)."""

SHOPWORDS_TRANSLATIONS: dict[str | tuple[str, str], str] = {
    # Address parser (issue 16, item 4)
    "部分信息被平台打码（*），请以订单详情为准或与买家确认": (
        "The platform masked part of it (*): go by the order details or confirm with the buyer"
    ),
    # Screening without false alarms (issue 16, item 5)
    "退款 {refunds} 次 / 订单 {orders} 单（退款率 {rate}%）：退款偏多，发货前核对规格并留证": (
        "{refunds} refunds in {orders} orders ({rate}% refunded): many refunds; check the variant and keep evidence "
        "before shipping"
    ),
    "昵称「{nick}」像随机生成的账号（字母和数字来回交错，没有中文）": (
        "The nick \u201c{nick}\u201d looks randomly generated (letters and digits interleaved, no Chinese)"
    ),
    "收货人「{name}」与明星同名：很多人也叫这个名字，留意即可，必要时与买家确认": (
        "The receiver \u201c{name}\u201d shares a celebrity's name: many people have it; just note it and confirm with "
        "the buyer if needed"
    ),
    "权重：退款率 ≥ 30%（至少 3 单）": "Weight: refund rate >= 30% (at least 3 orders)",
    "权重：昵称像随机生成（字母数字来回交错）": "Weight: random-looking nick (letters and digits interleaved)",
    "权重：收货人是明星名字（少有人重名）": "Weight: receiver has a celebrity's name (one few others share)",
    "权重：收货人与明星同名（常见名字，名单里标 *）": (
        "Weight: receiver shares a celebrity's common name (marked * in the list)"
    ),
    "更多明星名字（逗号分隔，常见名字后加 *）": "More celebrity names (comma-separated; * after a common name)",
}
