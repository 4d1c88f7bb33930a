"""Outgoing-text guard (docs/guard.md): words and numbers the platform penalises in what an agent sends.

Three categories: `contact` (off-platform contact: WeChat/QQ/Alipay transfer/bank card, phone numbers
other than the buyer's own, links outside the platform), `cashback` (好评返现) and `absolute` (广告法
absolute words). Contact and cashback block and ask; absolute words only warn. The word lists are
data (resources/lists/guard_*.txt plus the shop's additions in settings); an exception (最近, 第一次)
that covers a hit cancels it. Pure Python: the caller reads the files.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from desktop_assistant.domain.messages import QT_TRANSLATE_NOOP, UserError

CONTACT = "contact"
CASHBACK = "cashback"
ABSOLUTE = "absolute"
CATEGORIES = (CONTACT, CASHBACK, ABSOLUTE)
BLOCKING = frozenset({CONTACT, CASHBACK})
CATEGORY_LABELS = {
    CONTACT: QT_TRANSLATE_NOOP("Guard", "站外联系"),
    CASHBACK: QT_TRANSLATE_NOOP("Guard", "好评返现"),
    ABSOLUTE: QT_TRANSLATE_NOOP("Guard", "广告法极限词"),
}
WILDCARD_CHARS = 6  # `好评*返`: at most this many characters between, within one sentence

# Full-width ASCII to ASCII and upper to lower case, one character for one: spans stay valid.
_FOLD = {code: code - 0xFEE0 for code in range(0xFF01, 0xFF5F)}
_FOLD[0x3000] = 0x20
_FOLD.update({code: code + 32 for code in range(ord("A"), ord("Z") + 1)})
_FOLD.update({code: code - 0xFEE0 + 32 for code in range(0xFF21, 0xFF3B)})  # Ａ -> a
# A link: a scheme or www., or a bare host name with a top-level domain people type.
_LINK = re.compile(
    r"(?:https?://|www\.)[^\s，。！？、；：“”‘’（）()<>]+"
    r"|(?<![\w.@-])(?:[a-z0-9-]+\.)+(?:com|cn|net|org|cc|me|top|xyz|vip|shop|info|io|co|hk|tv)(?![a-z0-9])"
    r"(?:/[^\s，。！？、；：“”‘’（）()<>]*)?",
    re.IGNORECASE,
)
_DIGITS = re.compile(r"\d[\d\s\-]{5,}\d")  # only text with a run like this can hold a phone number
_FOLDABLE = re.compile("[\uff01-\uff5e\u3000A-Z]")


def fold(text: str) -> str:
    # str.translate walks every character in Python's slow path; most texts have nothing to fold.
    return text.translate(_FOLD) if _FOLDABLE.search(text) else text


def parse_list(text: str) -> tuple[str, ...]:
    """One entry a line (or separated by commas in settings); `#` starts a comment line."""
    entries: list[str] = []
    for line in text.replace("，", ",").replace("、", ",").splitlines():
        if line.lstrip().startswith("#"):
            continue
        entries.extend(part.strip() for part in line.split(","))
    return tuple(dict.fromkeys(fold(e) for e in entries if e))


def _pattern(word: str) -> str:
    pieces = [re.escape(piece) for piece in word.split("*")]
    body = f"[^，。！？；,.!?;\\n]{{0,{WILDCARD_CHARS}}}".join(pieces)
    # A word of ASCII letters counts only as a word of its own: vx, not the vx inside "xvxx". The check on
    # the letter before comes after the first letter (`v(?<![a-z]v)x`, not `(?<![a-z])vx`): a pattern that
    # starts with a lookbehind stops `re` from skipping to where a word can begin, and then every branch is
    # tried at every position (4-10x slower on text with nothing to find).
    if word[0].isascii() and word[0].isalpha():
        first = re.escape(word[0])
        body = f"{first}(?<![a-z]{first}){body[len(first) :]}"
    if word[-1].isascii() and word[-1].isalpha():
        body = body + r"(?![a-z])"
    return body


def _compile(words: Iterable[str]) -> re.Pattern[str] | None:
    # Longest first, so 最低价 is named rather than 最低.
    ordered = sorted(set(words), key=len, reverse=True)
    return re.compile("|".join(_pattern(w) for w in ordered)) if ordered else None


@dataclass(frozen=True)
class Hit:
    category: str
    word: str  # as it stands in the text
    start: int
    end: int
    kind: str = "word"  # word | phone | link

    @property
    def blocking(self) -> bool:
        return self.category in BLOCKING


@dataclass(frozen=True)
class GuardLists:
    words: Mapping[str, tuple[str, ...]]  # category -> words
    exceptions: tuple[str, ...] = ()
    allowed_domains: tuple[str, ...] = ()


@dataclass
class Guard:
    lists: GuardLists
    enabled: Mapping[str, bool] = field(default_factory=lambda: {c: True for c in CATEGORIES})

    def __post_init__(self) -> None:
        self._words = {c: _compile(self.lists.words.get(c, ())) for c in CATEGORIES}
        self._exceptions = _compile(self.lists.exceptions)
        self._domains = tuple(d.lower().lstrip(".") for d in self.lists.allowed_domains)

    def is_on(self, category: str) -> bool:
        return bool(self.enabled.get(category, True))

    def check(self, text: str, allowed_phones: Iterable[str] = ()) -> list[Hit]:
        """Every hit in `text`, in order. `allowed_phones`: the buyer's own numbers (digits)."""
        folded = fold(text)
        hits: list[Hit] = []
        for category in CATEGORIES:
            pattern = self._words[category]
            if pattern is not None and self.is_on(category):
                hits.extend(
                    Hit(category, text[m.start() : m.end()], m.start(), m.end()) for m in pattern.finditer(folded)
                )
        if self.is_on(CONTACT):
            hits.extend(self._links(text, folded))
            if _DIGITS.search(folded):
                hits.extend(self._phones(text, allowed_phones))
        if hits and self._exceptions is not None:
            covers = [(m.start(), m.end()) for m in self._exceptions.finditer(folded)]
            hits = [h for h in hits if h.kind != "word" or not any(s <= h.start and h.end <= e for s, e in covers)]
        return sorted(hits, key=lambda h: (h.start, h.end))

    def _links(self, text: str, folded: str) -> list[Hit]:
        found: list[Hit] = []
        if "." not in folded and "://" not in folded:  # every link _LINK matches has one of the two
            return found
        for match in _LINK.finditer(folded):
            link = match.group(0)
            host = re.sub(r"^(?:https?://)?", "", link).split("/", 1)[0].split(":", 1)[0].rstrip(".")
            if not any(host == d or host.endswith("." + d) for d in self._domains):
                found.append(Hit(CONTACT, text[match.start() : match.end()], match.start(), match.end(), "link"))
        return found

    def _phones(self, text: str, allowed_phones: Iterable[str]) -> list[Hit]:
        from desktop_assistant.domain.phone import find_phones  # libphonenumber: only for digit runs

        own = {re.sub(r"\D", "", p)[-11:] for p in allowed_phones if p}
        phones, _broken = find_phones(text)
        return [
            Hit(CONTACT, text[p.start : p.end], p.start, p.end, "phone")
            for p in phones
            if re.sub(r"\D", "", p.phone)[-11:] not in own
        ]


def blocking(hits: Iterable[Hit]) -> list[Hit]:
    return [h for h in hits if h.blocking]


def words_by_category(hits: Iterable[Hit]) -> dict[str, list[str]]:
    """category -> the distinct words found, in order: what reports and the lint name."""
    found: dict[str, list[str]] = {}
    for hit in hits:
        words = found.setdefault(hit.category, [])
        if hit.word not in words:
            words.append(hit.word)
    return found


# Settings (domain/settings.py, section "guard"): one switch per category, the shop's extra words.
SETTING_ON = {c: f"guard.{c}" for c in CATEGORIES}
SETTING_EXTRA = {c: f"guard.{c}_extra" for c in CATEGORIES}
SETTING_EXCEPTIONS = "guard.exceptions_extra"
SETTING_DOMAINS = "guard.domains_extra"
GUARD_SETTING_KEYS = (*SETTING_ON.values(), *SETTING_EXTRA.values(), SETTING_EXCEPTIONS, SETTING_DOMAINS)


def guard_from_texts(bundled: Mapping[str, str], settings: Mapping[str, object]) -> Guard:
    """The guard from the bundled list files' text (keys: the categories, `exceptions`, `domains`) and
    the shop's settings (missing keys: defaults)."""

    def extra(key: str) -> tuple[str, ...]:
        return parse_list(str(settings.get(key, "") or ""))

    words = {c: parse_list(bundled.get(c, "")) + extra(SETTING_EXTRA[c]) for c in CATEGORIES}
    lists = GuardLists(
        words,
        parse_list(bundled.get("exceptions", "")) + extra(SETTING_EXCEPTIONS),
        parse_list(bundled.get("domains", "")) + extra(SETTING_DOMAINS),
    )
    enabled = {c: bool(settings.get(SETTING_ON[c], True)) for c in CATEGORIES}
    return Guard(lists, enabled)


@dataclass(frozen=True)
class Finding:
    """The hits of one category in one text: what a report line, the lint and the editor name."""

    category: str
    words: tuple[str, ...]

    @property
    def blocking(self) -> bool:
        return self.category in BLOCKING


def findings(hits: Iterable[Hit]) -> list[Finding]:
    """One Finding per category, blocking categories first."""
    grouped = words_by_category(hits)
    return [Finding(c, tuple(grouped[c])) for c in CATEGORIES if c in grouped]


# --- report lines (import reports name each hit per line; the UI translates them) ------------------
MSG_HIT_BLOCKING = QT_TRANSLATE_NOOP("Messages", "{where}：「{name}」含{category}：{words}（发送前要确认）")
MSG_HIT_WARNING = QT_TRANSLATE_NOOP("Messages", "{where}：「{name}」含{category}：{words}（提醒）")
MSG_HITS_SUMMARY = QT_TRANSLATE_NOOP("Messages", "{count} 条短语含站外联系或好评返现用语：已照常导入，发送前会要求确认")


class GuardText(UserError):
    """A category label, translated in the Guard context."""

    context = "Guard"


def category_text(category: str) -> GuardText:
    return GuardText(CATEGORY_LABELS[category])


def report_lines(guard: Guard, rows: Iterable[tuple[object, str, str]]) -> tuple[list[UserError], int]:
    """For (where, name, text) rows: one line per finding and the number of rows with a blocking one."""
    lines: list[UserError] = []
    blocked = 0
    for where, name, text in rows:
        found = findings(guard.check(text))
        blocked += any(f.blocking for f in found)
        for finding in found:
            template = MSG_HIT_BLOCKING if finding.blocking else MSG_HIT_WARNING
            lines.append(
                UserError(
                    template,
                    where=where,
                    name=name,
                    category=category_text(finding.category),
                    words="、".join(finding.words),
                )
            )
    if blocked:
        lines.insert(0, UserError(MSG_HITS_SUMMARY, count=blocked))
    return lines, blocked
