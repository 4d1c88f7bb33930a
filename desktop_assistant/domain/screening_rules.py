"""The screening rules (差评师 screening, docs/screening.md), one record each.

The engine (domain/screening.py) reads weights and thresholds from here, the settings schema builds
`screen.weight.<code>` from `weight` and `label`, and tools/gen_screening_doc.py writes the table in
docs/screening.md from `fires_when`. The Chinese texts quote their threshold; a test holds them to it.
"""

from __future__ import annotations

from dataclasses import dataclass

from desktop_assistant.domain.messages import QT_TRANSLATE_NOOP


@dataclass(frozen=True)
class Rule:
    code: str
    weight: int  # the default; the setting `screen.weight.<code>` holds the shop's own
    threshold: int | None  # the boundary the rule tests (see fires_when); None for a flag or a list
    label: str  # the setting's label (context "Settings")
    explanation: str  # what the agent reads when it fires (context "Screening"); advises, never accuses
    fires_when: str  # English, for docs/screening.md; {threshold}, {min_orders} and {<code>} name thresholds


RULES: tuple[Rule, ...] = (
    Rule(
        "blacklisted",
        100,
        None,
        QT_TRANSLATE_NOOP("Settings", "权重：在黑名单"),
        QT_TRANSLATE_NOOP("Screening", "已在本店黑名单（原因：{reason}），请按店铺规定谨慎处理"),
        "the shop's blacklist has the nick; the level is `high` whatever the weights",
    ),
    Rule(
        "positive_rate_low",
        35,
        80,
        QT_TRANSLATE_NOOP("Settings", "权重：好评率低于 80%"),
        QT_TRANSLATE_NOOP("Screening", "好评率 {rate}%，低于 80%：留意对方是否习惯给差评"),
        "好评率 < {threshold}",
    ),
    Rule(
        "positive_rate_watch",
        15,
        95,
        QT_TRANSLATE_NOOP("Settings", "权重：好评率 80%-95%"),
        QT_TRANSLATE_NOOP("Screening", "好评率 {rate}%，在 80%-95% 之间：稍加留意"),
        "{positive_rate_low} <= 好评率 < {threshold}",
    ),
    Rule(
        "account_new",
        30,
        30,
        QT_TRANSLATE_NOOP("Settings", "权重：账号不满 30 天"),
        QT_TRANSLATE_NOOP("Screening", "账号注册仅 {days} 天（不满 30 天）：新号请多核对"),
        "account age < {threshold} days, from `registered_on` at `as_of` (default today) or `account_age_days`",
    ),
    Rule(
        "account_young",
        15,
        60,
        QT_TRANSLATE_NOOP("Settings", "权重：账号 30-60 天"),
        QT_TRANSLATE_NOOP("Screening", "账号注册 {days} 天（30-60 天）"),
        "{account_new} <= age < {threshold} days",
    ),
    Rule(
        "credit_low",
        10,
        11,
        QT_TRANSLATE_NOOP("Settings", "权重：信用不足 11 分"),
        QT_TRANSLATE_NOOP("Screening", "买家信用 {credit} 分，不到 2 心（11 分）"),
        "credit < {threshold} points (below 2心); level text is converted (1心 4, 2心 11, 3心 41 … 1钻 251 … "
        "1冠 10001 … 1金冠 500001; 三颗心, 皇冠 too)",
    ),
    Rule(
        "refund_rate_high",
        30,
        30,
        QT_TRANSLATE_NOOP("Settings", "权重：退款率 ≥ 30%（至少 3 单）"),
        QT_TRANSLATE_NOOP(
            "Screening", "退款 {refunds} 次 / 订单 {orders} 单（退款率 {rate}%）：退款偏多，发货前核对规格并留证"
        ),
        "a rate: >= {min_orders} orders and refunds >= {threshold} % of them (12 refunds in 980 orders is a loyal "
        "buyer; a refund count without orders scores nothing)",
    ),
    Rule(
        "nickname_machine",
        20,
        None,
        QT_TRANSLATE_NOOP("Settings", "权重：昵称像随机生成（字母数字来回交错）"),
        QT_TRANSLATE_NOOP("Screening", "昵称「{nick}」像随机生成的账号（字母和数字来回交错，没有中文）"),
        "random-looking: >= 10 characters, no Chinese, letters and digits switching >= 3 times (a8s7d6f5g4); "
        "never a platform default (tb / tb_ / t_ + digits, jd_ + hex) nor a word followed by digits or a year "
        "(zhangwei2008, autumn2015, tb5566778899)",
    ),
    Rule(
        "receiver_celebrity",
        30,
        None,
        QT_TRANSLATE_NOOP("Settings", "权重：收货人是明星名字（少有人重名）"),
        QT_TRANSLATE_NOOP("Screening", "收货人「{name}」是明星名字：常见于虚假收货信息，请与买家确认"),
        "the receiver is on the bundled list or in `screen.celebrities_extra`, a name hardly anyone else has (周杰伦)",
    ),
    Rule(
        "receiver_celebrity_common",
        10,
        None,
        QT_TRANSLATE_NOOP("Settings", "权重：收货人与明星同名（常见名字，名单里标 *）"),
        QT_TRANSLATE_NOOP("Screening", "收货人「{name}」与明星同名：很多人也叫这个名字，留意即可，必要时与买家确认"),
        "the receiver is a listed name marked `*` because many real people share it (杨洋*, 刘涛*, 张杰*); the "
        "shop marks its own extra names the same way. Reported as `receiver_celebrity`, with a milder explanation",
    ),
    Rule(
        "address_vague",
        20,
        None,
        QT_TRANSLATE_NOOP("Settings", "权重：地址含糊"),
        QT_TRANSLATE_NOOP("Screening", "收货地址没有门牌号或楼栋/单元/室：请买家补全"),
        "no digit and no 号/栋/幢/单元/室/楼… marker anywhere in the address (region names carry neither)",
    ),
    Rule(
        "burst_orders",
        20,
        6,
        QT_TRANSLATE_NOOP("Settings", "权重：7 天内多次下单"),
        QT_TRANSLATE_NOOP("Screening", "近 7 天下单 {count} 次"),
        ">= {threshold} orders in the last 7 days",
    ),
    Rule(
        "bad_reviews_given",
        25,
        3,
        QT_TRANSLATE_NOOP("Settings", "权重：常给中差评"),
        QT_TRANSLATE_NOOP("Screening", "给其他店铺中差评 {count} 次"),
        ">= {threshold} bad or middling reviews given to other shops",
    ),
    Rule(
        "off_platform_contact",
        25,
        None,
        QT_TRANSLATE_NOOP("Settings", "权重：要求站外联系"),
        QT_TRANSLATE_NOOP("Screening", "要求加微信/QQ/电话沟通：请婉拒，站外记录平台不认"),
        "the flag is set (asked to move to WeChat, QQ or the phone)",
    ),
    Rule(
        "no_bargain_many_items",
        15,
        None,
        QT_TRANSLATE_NOOP("Settings", "权重：不议价反复加单"),
        QT_TRANSLATE_NOOP("Screening", "不议价却反复聊天、不断加单：留意是否在收集话柄"),
        "the flag is set",
    ),
    Rule(
        "shop_history",
        25,
        None,
        QT_TRANSLATE_NOOP("Settings", "权重：本店红/黄旗纠纷"),
        QT_TRANSLATE_NOOP("Screening", "本店备注里有 {count} 个红/黄旗订单（纠纷或可疑）"),
        "the buyer has orders whose current flag in our notes is red or yellow",
    ),
)
RULE = {rule.code: rule for rule in RULES}
REFUND_MIN_ORDERS = 3  # refund_rate_high needs this many orders: one refund in one order is no pattern

# The levels' score lines: the defaults of the settings `screen.level_high` and `screen.level_medium`.
DEFAULT_HIGH, DEFAULT_MEDIUM = 60, 30
LABEL_HIGH = QT_TRANSLATE_NOOP("Settings", "高风险分数线")
LABEL_MEDIUM = QT_TRANSLATE_NOOP("Settings", "中风险分数线")


def default_weights() -> dict[str, int]:
    return {rule.code: rule.weight for rule in RULES}


def describe(rule: Rule) -> str:
    """`fires_when` with the thresholds filled in (docs/screening.md's table)."""
    others = {other.code: other.threshold for other in RULES}
    return rule.fires_when.format(threshold=rule.threshold, min_orders=REFUND_MIN_ORDERS, **others)
