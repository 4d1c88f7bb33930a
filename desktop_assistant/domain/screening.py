"""Buyer screening for bad-review scammers (差评师), docs/screening.md: explainable rules with weights.

Every hit is a Reason with a code, its weight and a Chinese explanation that advises caution and
never accuses. Data that cannot be right (a registration after the reference date, a rate over 100)
is reported as a problem and its rules are not scored.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from dataclasses import dataclass, field, fields
from itertools import pairwise
from typing import Any

from desktop_assistant.domain.messages import QT_TRANSLATE_NOOP
from desktop_assistant.domain.screening_rules import (
    DEFAULT_HIGH,
    DEFAULT_MEDIUM,
    REFUND_MIN_ORDERS,
    RULE,
    default_weights,
)

DEFAULT_WEIGHTS: dict[str, int] = default_weights()  # code -> default weight; the settings hold the shop's own
HIGH, MEDIUM, LOW = "high", "medium", "low"

ADVICE = {
    HIGH: QT_TRANSLATE_NOOP(
        "Screening",
        "风险高：请谨慎接待，发货前逐项核对并留存凭证（截图、称重、录像）。"
        "所有沟通请留在旺旺里（平台只认旺旺聊天记录），不要转到微信、QQ 或电话。",
    ),
    MEDIUM: QT_TRANSLATE_NOOP(
        "Screening",
        "有风险信号：留意对方的要求，承诺的事写进备注。"
        "所有沟通请留在旺旺里（平台只认旺旺聊天记录），不要转到微信、QQ 或电话。",
    ),
    LOW: QT_TRANSLATE_NOOP("Screening", "暂未发现明显风险。所有沟通请留在旺旺里（平台只认旺旺聊天记录）。"),
}

# Taobao buyer credit: each level and the points it starts at (心 4, 钻 251, 冠 10001, 金冠 500001).
_LEVEL_STARTS = {
    "心": (4, 11, 41, 91, 151),
    "钻": (251, 501, 1001, 2001, 5001),
    "冠": (10001, 20001, 50001, 100001, 200001),
    "金冠": (500001, 1000001, 2000001, 5000001, 10000001),
}
_LEVEL_WORDS = {
    "心": "心",
    "红心": "心",
    "钻": "钻",
    "钻石": "钻",
    "冠": "冠",
    "皇冠": "冠",
    "蓝冠": "冠",
    "金冠": "金冠",
    "金皇冠": "金冠",
}
_COUNTS = {"一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5}
_CREDIT_TEXT = re.compile(
    r"([1-5一二两三四五]?)\s*[颗个枚]?\s*(" + "|".join(sorted(_LEVEL_WORDS, key=len, reverse=True)) + r")"
)
_CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")


def parse_credit(raw: object) -> int | None:
    """Points from a number or level text (3心 -> 41, 2钻 -> 501, 皇冠 -> 10001); None if not credit."""
    if raw is None or isinstance(raw, bool):
        return None
    if isinstance(raw, int):
        return raw
    if isinstance(raw, float) and raw.is_integer():
        return int(raw)
    text = str(raw).strip().replace(" ", "")
    if re.fullmatch(r"\d+", text):
        return int(text)
    match = _CREDIT_TEXT.fullmatch(text)
    if not match:
        return None
    count = match.group(1)
    number = int(count) if count.isdigit() else _COUNTS.get(count, 1)
    return _LEVEL_STARTS[_LEVEL_WORDS[match.group(2)]][number - 1]


# Nicks the platforms give by default (tb + digits, t_ + digits, jd_ + hex): millions of real buyers.
_PLATFORM_DEFAULT = re.compile(r"(?:tb_?|t_)\d+|jd_[0-9a-f]+", re.IGNORECASE)


def machine_like_nick(nick: str) -> bool:
    """docs/screening.md: random-looking interleaving (a8s7d6f5g4): >= 10 characters, no CJK, letters and digits
    switching at least 3 times. A word followed by digits or a year (xiaoming1990) switches once."""
    if len(nick) < 10 or _CJK.search(nick) or _PLATFORM_DEFAULT.fullmatch(nick):
        return False
    kinds = [char.isdigit() for char in nick if char.isascii() and char.isalnum()]
    return sum(a != b for a, b in pairwise(kinds)) >= 3


@dataclass  # not frozen: `screen` builds hundreds of thousands of these a second
class Profile:
    """What screening reads (docs/cli.md screening input). None means unknown: the rule is not applied."""

    nick: str
    credit: int | None = None
    positive_rate: float | None = None
    registered_on: dt.date | None = None
    account_age_days: int | None = None
    as_of: dt.date | None = None
    orders_count: int | None = None
    refund_count: int | None = None
    orders_last_7d: int | None = None
    bad_reviews_given: int | None = None
    receiver_name: str = ""
    address: str = ""
    off_platform_contact: bool = False
    no_bargain_many_items: bool = False


# The screening input's field names, in order: what `screen` reads, what CSV exports of profiles carry.
PROFILE_FIELDS = tuple(f.name for f in fields(Profile))
# The receiver is kept per address (buyer_receivers); the rest is one row per buyer (buyer_profiles).
RECEIVER_FIELDS = ("receiver_name", "address")
STORED_PROFILE_FIELDS = tuple(name for name in PROFILE_FIELDS if name not in RECEIVER_FIELDS)


@dataclass(frozen=True)
class ShopFacts:
    """What the shop itself knows about the buyer (from the database)."""

    list_status: str = ""  # "black", "white" or ""
    list_reason: str = ""
    flagged_orders: int = 0  # orders with a red or yellow current flag in our notes


@dataclass  # not frozen: `screen` builds hundreds of thousands of these a second
class Reason:
    """`detail` is the Chinese text; the UI translates `template` (context "Screening") with `fields`."""

    code: str
    weight: int
    template: str
    fields: Mapping[str, object] = field(default_factory=dict)

    @property
    def detail(self) -> str:
        return self.template.format(**self.fields)


@dataclass  # not frozen: `screen` builds hundreds of thousands of these a second
class Screening:
    nick: str
    score: int
    level: str
    reasons: tuple[Reason, ...]
    problems: tuple[Reason, ...] = ()  # code "problem", weight 0: reported, not scored
    advice: str = ""

    def as_json(self) -> dict[str, Any]:
        return {
            "nick": self.nick,
            "score": self.score,
            "level": self.level,
            "reasons": [{"code": r.code, "weight": r.weight, "detail": r.detail} for r in self.reasons],
            "problems": [p.detail for p in self.problems],
        }


@dataclass(frozen=True)
class Rules:
    weights: Mapping[str, int] = field(default_factory=lambda: dict(DEFAULT_WEIGHTS))
    high: int = DEFAULT_HIGH
    medium: int = DEFAULT_MEDIUM
    celebrities: frozenset[str] = frozenset()  # every listed name
    common_celebrities: frozenset[str] = frozenset()  # those many real people share: weight of the _common code


def _threshold(code: str) -> int:
    value = RULE[code].threshold
    assert value is not None, code
    return value


# Read once: `screen` runs hundreds of thousands of times a second.
_RATE_LOW, _RATE_WATCH = _threshold("positive_rate_low"), _threshold("positive_rate_watch")
_AGE_NEW, _AGE_YOUNG = _threshold("account_new"), _threshold("account_young")
_CREDIT_LOW, _BURST, _BAD_REVIEWS = (
    _threshold("credit_low"),
    _threshold("burst_orders"),
    _threshold("bad_reviews_given"),
)
_REFUND_SHARE = _threshold("refund_rate_high") / 100
_EXPLANATIONS = {code: rule.explanation for code, rule in RULE.items()}
_PROBLEM_REGISTERED = QT_TRANSLATE_NOOP("Screening", "注册日期 {registered} 晚于参照日期 {reference}，账龄未计分")
_PROBLEM_RATE = QT_TRANSLATE_NOOP("Screening", "好评率 {rate}% 不可能（应在 0-100 之间），未计分")
_PROBLEM_NEGATIVE = QT_TRANSLATE_NOOP("Screening", "{field} 是负数（{value}），未计分")


# Weight codes that are reported under their rule's code (docs/screening.md names one rule, two weights).
_REPORTED_AS = {"receiver_celebrity_common": "receiver_celebrity"}


def _problem(template: str, **fields: object) -> Reason:
    return Reason("problem", 0, template, fields)


def _age_days(profile: Profile, today: dt.date, problems: list[Reason]) -> int | None:
    if profile.registered_on is not None:
        if profile.registered_on > today:
            problems.append(_problem(_PROBLEM_REGISTERED, registered=profile.registered_on, reference=today))
            return None
        return (today - profile.registered_on).days
    return _count(profile.account_age_days, "account_age_days", problems)


def _count(value: int | None, name: str, problems: list[Reason]) -> int | None:
    if value is not None and value < 0:
        problems.append(_problem(_PROBLEM_NEGATIVE, field=name, value=value))
        return None
    return value


def screen(profile: Profile, rules: Rules, shop: ShopFacts = ShopFacts(), today: dt.date | None = None) -> Screening:
    """Score one buyer. `today` is the reference date when the profile has no `as_of`."""
    reference = profile.as_of or today or dt.date.today()
    problems: list[Reason] = []
    hits: list[tuple[str, dict[str, object]]] = []

    if shop.list_status == "black":
        hits.append(("blacklisted", {"reason": shop.list_reason or "—"}))
    _record_hits(profile, reference, hits, problems)
    _conduct_hits(profile, rules, hits, problems)
    if shop.flagged_orders > 0:
        hits.append(("shop_history", {"count": shop.flagged_orders}))

    reasons = tuple(
        Reason(
            _REPORTED_AS.get(code, code), rules.weights.get(code, DEFAULT_WEIGHTS[code]), _EXPLANATIONS[code], fields
        )
        for code, fields in hits
    )
    score = min(100, sum(r.weight for r in reasons))
    level = HIGH if score >= rules.high else MEDIUM if score >= rules.medium else LOW
    if shop.list_status == "black":
        level = HIGH
    elif shop.list_status == "white":
        level = LOW  # the shop vouched for this buyer; the hits are still shown
    return Screening(profile.nick, score, level, reasons, tuple(problems), ADVICE[level])


def _record_hits(
    profile: Profile, reference: dt.date, hits: list[tuple[str, dict[str, object]]], problems: list[Reason]
) -> None:
    """The rules on the buyer's record: positive rate, account age, credit, refund rate."""
    rate = profile.positive_rate
    if rate is not None and not 0 <= rate <= 100:
        problems.append(_problem(_PROBLEM_RATE, rate=f"{rate:g}"))
        rate = None
    if rate is not None and rate < _RATE_LOW:
        hits.append(("positive_rate_low", {"rate": f"{rate:g}"}))
    elif rate is not None and rate < _RATE_WATCH:
        hits.append(("positive_rate_watch", {"rate": f"{rate:g}"}))
    age = _age_days(profile, reference, problems)
    if age is not None and age < _AGE_NEW:
        hits.append(("account_new", {"days": age}))
    elif age is not None and age < _AGE_YOUNG:
        hits.append(("account_young", {"days": age}))
    credit = _count(profile.credit, "credit", problems)
    if credit is not None and credit < _CREDIT_LOW:
        hits.append(("credit_low", {"credit": credit}))
    orders = _count(profile.orders_count, "orders_count", problems)
    refunds = _count(profile.refund_count, "refund_count", problems)
    # A rate, never a count: 12 refunds in 980 orders is a loyal buyer.
    if refunds is not None and orders is not None and orders >= REFUND_MIN_ORDERS and refunds >= _REFUND_SHARE * orders:
        hits.append(
            ("refund_rate_high", {"refunds": refunds, "orders": orders, "rate": f"{refunds / orders * 100:.0f}"})
        )


def _conduct_hits(
    profile: Profile, rules: Rules, hits: list[tuple[str, dict[str, object]]], problems: list[Reason]
) -> None:
    """The rules on who the buyer is and how they order: nick, receiver, address, bursts, reviews, contact."""
    if machine_like_nick(profile.nick):
        hits.append(("nickname_machine", {"nick": profile.nick}))
    receiver = profile.receiver_name.strip()
    if receiver and receiver in rules.common_celebrities:
        hits.append(("receiver_celebrity_common", {"name": receiver}))
    elif receiver and receiver in rules.celebrities:
        hits.append(("receiver_celebrity", {"name": receiver}))
    from desktop_assistant.domain.address import address_vague  # its tables: only when a buyer is screened

    if profile.address.strip() and address_vague(profile.address):
        hits.append(("address_vague", {}))
    burst = _count(profile.orders_last_7d, "orders_last_7d", problems)
    if burst is not None and burst >= _BURST:
        hits.append(("burst_orders", {"count": burst}))
    bad = _count(profile.bad_reviews_given, "bad_reviews_given", problems)
    if bad is not None and bad >= _BAD_REVIEWS:
        hits.append(("bad_reviews_given", {"count": bad}))
    if profile.off_platform_contact:
        hits.append(("off_platform_contact", {}))
    if profile.no_bargain_many_items:
        hits.append(("no_bargain_many_items", {}))


def parse_names(text: str) -> frozenset[str]:
    """A name list: one per line or separated by commas (、，, too); `#` starts a comment."""
    names: set[str] = set()
    for line in text.splitlines():
        line = line.split("#", 1)[0]
        names.update(part.strip() for part in re.split(r"[,，、;；]", line) if part.strip())
    return frozenset(names)


COMMON_MARK = "*"  # 杨洋* in the celebrity list: a name many real people share


def parse_celebrities(text: str) -> tuple[frozenset[str], frozenset[str]]:
    """(every name, the names marked as shared by many real people) from a celebrity list."""
    names: set[str] = set()
    common: set[str] = set()
    for entry in parse_names(text.replace("＊", COMMON_MARK)):
        name = entry.rstrip(COMMON_MARK).strip()
        if name:
            names.add(name)
            if entry.endswith(COMMON_MARK):
                common.add(name)
    return frozenset(names), frozenset(common)


def rules_from_settings(values: Mapping[str, Any], celebrity_list: str) -> Rules:
    """Weights and thresholds from the settings; the bundled celebrity list plus the shop's own names."""
    weights = {code: int(values.get(f"screen.weight.{code}", weight)) for code, weight in DEFAULT_WEIGHTS.items()}
    bundled, bundled_common = parse_celebrities(celebrity_list)
    extra, extra_common = parse_celebrities(str(values.get("screen.celebrities_extra", "")))
    return Rules(
        weights,
        int(values.get("screen.level_high", DEFAULT_HIGH)),
        int(values.get("screen.level_medium", DEFAULT_MEDIUM)),
        bundled | extra,
        (bundled_common - (extra - extra_common)) | extra_common,
    )
