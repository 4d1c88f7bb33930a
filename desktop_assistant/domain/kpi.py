"""Rounds and KPIs by the platform's rule (docs/conversations.md): one engine for `kpi` on chat logs and, later,
for the panel's own recorded events.

A round starts at the first buyer message not yet answered (more buyer messages do not restart it) and
ends at the agent's first manual reply; auto-replies never end one. Rounds are per (agent, buyer): a
buyer message names its agent when the log says so, otherwise the round belongs to whoever answers it.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import unicodedata
from bisect import bisect_right
from collections.abc import Iterable, Iterator, Sequence
from itertools import chain, repeat
from operator import itemgetter
from typing import Any, NamedTuple

from desktop_assistant.domain.messages import QT_TRANSLATE_NOOP, UserError

CAP_S = 600.0
DEFAULT_HOURS = (dt.time(8, 0), dt.time(23, 0))
BUYER, AGENT, AUTO = "buyer", "agent", "auto"
_SENDERS = {"buyer": BUYER, "买家": BUYER, "agent": AGENT, "客服": AGENT, "auto": AUTO, "自动回复": AUTO}
_COLUMNS = {
    "time": ("time", "时间"),
    "buyer": ("buyer", "买家"),
    "sender": ("sender", "发送方"),
    "agent": ("agent", "客服"),
    "text": ("text", "内容"),
}
_ALIAS = {alias: name for name, aliases in _COLUMNS.items() for alias in aliases}
UNASSIGNED = ""

MSG_LINE = QT_TRANSLATE_NOOP("Messages", "第 {line} 行：{reason}")
MSG_NO_COLUMN = QT_TRANSLATE_NOOP("Messages", "第 1 行：表头缺少 {column} 列")
MSG_BAD_TIME = QT_TRANSLATE_NOOP("Messages", "时间格式不对：{value}")
MSG_BAD_SENDER = QT_TRANSLATE_NOOP("Messages", "发送方只能是 buyer/买家、agent/客服 或 auto/自动回复，收到：{value}")
MSG_NO_BUYER = QT_TRANSLATE_NOOP("Messages", "缺少买家")
MSG_COLUMNS = QT_TRANSLATE_NOOP("Messages", "列数不对")
MSG_EMPTY = QT_TRANSLATE_NOOP("Messages", "文件是空的")
MSG_BAD_HOURS = QT_TRANSLATE_NOOP("Messages", "服务时间格式应为 HH:MM-HH:MM，收到：{value}")


class KpiError(UserError):
    """A chat log or option that cannot be read; names the line."""


class Message(NamedTuple):  # a tuple: a million of them are made and sorted per `kpi`
    at: dt.datetime
    buyer: str
    sender: str  # buyer | agent | auto
    agent: str = ""


class Round(NamedTuple):
    agent: str
    buyer: str
    start: dt.datetime
    reply: dt.datetime | None
    response_s: float  # min(reply - start, 600); 600 when never answered


def parse_hours(raw: str) -> tuple[dt.time, dt.time]:
    try:
        start, end = raw.replace("：", ":").split("-")
        return dt.time.fromisoformat(start.strip()), dt.time.fromisoformat(end.strip())
    except ValueError:
        raise KpiError(MSG_BAD_HOURS, value=raw[:20]) from None


# --- reading chat logs ------------------------------------------------------------------------------
def _time(value: str) -> dt.datetime:
    try:
        moment = dt.datetime.fromisoformat(value)  # the common case, as fast as it gets
    except ValueError:
        text = value.strip()
        try:
            moment = dt.datetime.fromisoformat(text.replace("/", "-"))
        except ValueError:
            raise KpiError(MSG_BAD_TIME, value=text[:30]) from None
    # A zone (ISO 8601 with +08:00) is read as the shop's wall-clock time, which is what service hours mean.
    return moment.replace(tzinfo=None) if moment.tzinfo is not None else moment


def read_chat_log(text: str) -> list[Message]:
    """Rows of the chat-log CSV (docs/cli.md) sorted by time, file order breaking ties; KpiError names the line."""
    plain = _plain(text)
    if plain is None:
        reader: Iterator[list[str]] = csv.reader(io.StringIO(text, newline=""))
    else:  # the header line alone: StringIO would first copy the whole text, at 4 bytes a character
        body = plain.find("\n") + 1 or len(plain)
        reader = csv.reader([plain[:body]])
    try:
        header = next(reader)
    except StopIteration:
        raise KpiError(MSG_EMPTY) from None
    names = [_ALIAS.get(unicodedata.normalize("NFKC", cell).strip().lower()) for cell in header]
    for required in ("time", "buyer", "sender"):
        if required not in names:
            raise KpiError(MSG_NO_COLUMN, column=f"{required}/{_COLUMNS[required][1]}")
    columns = (
        names.index("time"),
        names.index("buyer"),
        names.index("sender"),
        names.index("agent") if "agent" in names else None,
    )
    rows = _rows(reader if plain is None else _split(plain, body), *columns)
    messages = None if rows is None else _in_time_order(rows)
    if messages is None:  # a malformed row somewhere: read again row by row to name its line
        messages = _read_careful(text, *columns)
    return messages


def _plain(text: str) -> str | None:
    """The text with CRLF as LF if splitting it at newlines and commas reads exactly what the csv module
    would (no quotes, no lone carriage return, no NUL), which is twice as fast; else None."""
    if not text or '"' in text or "\x00" in text:
        return None
    if "\r" in text:
        text = text.replace("\r\n", "\n")
        if "\r" in text:
            return None
    return text


_BLOCK = 1 << 16  # characters split into lines at a time: few enough to stay in the CPU cache


def _split(text: str, start: int) -> Iterator[list[str]]:
    """The rows of a plain text from `start` on."""
    return chain.from_iterable(map(str.split, lines, repeat(",")) for lines in _lines(text, start))


def _lines(text: str, start: int) -> Iterator[list[str]]:
    limit = csv.field_size_limit()
    while start < len(text):
        end = text.find("\n", start + _BLOCK)
        if end < 0:
            end = len(text)
        lines = text[start:end].split("\n")
        if end - start > limit and max(map(len, lines)) > limit:  # the csv module would refuse a field
            raise csv.Error("field larger than field limit")  # so let it read the text, and say where
        yield lines
        start = end + 1


def _rows(
    reader: Iterator[list[str]], at: int, buyer: int, sender: int, agent: int | None
) -> list[tuple[str, str, str, str]] | None:
    """(raw time, nick, sender, agent) per row in file order, times still unparsed; None at the first
    malformed row, for `_read_careful` to name (a bad time shows up later, in `_in_time_order`)."""
    rows: list[tuple[str, str, str, str]] = []
    append = rows.append
    senders = _SENDERS
    # Raw cell -> stripped, one string object per nick or agent: the rounds' dict lookups then match by
    # identity instead of comparing a million copies character by character (it halves their time).
    clean: dict[str, str] = {"": ""}
    try:
        for row in reader:  # a plain loop: each row is read, used and freed while in the CPU cache
            try:
                kind = senders.get(row[sender]) or senders[row[sender].strip().lower()]
                cell = row[buyer]
                nick = clean.get(cell)
                if nick is None:
                    nick = _clean(clean, cell)
                if not nick:
                    return None
                cell = row[agent] if agent is not None else ""
                named = clean.get(cell)
                if named is None:
                    named = _clean(clean, cell)
                append((row[at], nick, kind, named))
            except (KeyError, IndexError):
                if not any(row):  # a blank row: it has no sender, so it always lands here
                    continue
                return None
    except csv.Error:
        return None
    return rows


def _clean(clean: dict[str, str], cell: str) -> str:
    stripped = cell.strip()
    value = clean[cell] = clean.setdefault(stripped, stripped)
    return value


def _in_time_order(rows: list[tuple[str, str, str, str]]) -> list[Message] | None:
    """The rows as messages sorted by time, file order breaking ties; None if a time cannot be read.

    A log keeps one time layout, in which a later string means a later time. Sorting by the strings is
    then sorting by time (checked: each new string must give a later time); equal strings end up side by
    side, so each is parsed once with no dict lookup per row; and the messages are made in time order,
    which the rounds' pass then reads in memory order. Layouts mixed: sort by the parsed times instead."""
    make = tuple.__new__  # Message(...) without the Python-level __new__: a million calls
    messages: list[Message] = []
    append = messages.append
    moment = previous = None
    last_raw = None
    try:
        for raw, nick, kind, named in sorted(rows, key=itemgetter(0)):  # stable: file order breaks ties
            if raw != last_raw:
                previous, moment, last_raw = moment, _time(raw), raw
                if previous is not None and moment <= previous:
                    break  # a later string, not a later time: layouts are mixed
            append(make(Message, (moment, nick, kind, named)))
        else:
            return messages
        times = {raw: _time(raw) for raw in set(map(itemgetter(0), rows))}
    except KpiError:
        return None
    messages = [make(Message, (times[raw], nick, kind, named)) for raw, nick, kind, named in rows]
    messages.sort(key=itemgetter(0))  # stable: file order breaks ties
    return messages


def _read_careful(text: str, at: int, buyer: int, sender: int, agent: int | None) -> list[Message]:
    """Row by row, checking each cell in turn: KpiError names the first malformed row's line."""
    reader = csv.reader(io.StringIO(text, newline=""))
    next(reader)  # the header
    width = max(at, buyer, sender, agent or 0) + 1
    rows: list[Message] = []
    times: dict[str, dt.datetime] = {}
    try:
        for row in reader:
            if not any(row):
                continue
            try:
                kind = _SENDERS.get(row[sender]) or _SENDERS[row[sender].strip().lower()]
                nick = row[buyer].strip()
                if not nick:
                    raise KpiError(MSG_NO_BUYER)
                raw = row[at]
                moment = times.get(raw)
                if moment is None:
                    moment = times[raw] = _time(raw)
                rows.append(Message(moment, nick, kind, row[agent].strip() if agent is not None else ""))
            except (KpiError, KeyError, IndexError) as exc:
                raise KpiError(MSG_LINE, line=reader.line_num, reason=_row_problem(row, exc, sender, width)) from None
    except csv.Error as exc:
        raise KpiError(MSG_LINE, line=reader.line_num + 1, reason=str(exc)) from None
    rows.sort(key=itemgetter(0))  # stable: file order breaks ties
    return rows


def _row_problem(row: list[str], exc: Exception, sender: int, width: int) -> KpiError:
    if isinstance(exc, KpiError):
        return exc
    if len(row) < width:
        return KpiError(MSG_COLUMNS)
    return KpiError(MSG_BAD_SENDER, value=row[sender].strip()[:20])


# --- rounds -----------------------------------------------------------------------------------------
def rounds_of(messages: Iterable[Message]) -> list[Round]:
    """Messages in time order -> rounds. An unanswered round at the end stays unanswered (600 s)."""
    return _scan(messages, None)[0]


def _scan(
    messages: Iterable[Message], hours: tuple[dt.time, dt.time] | None
) -> tuple[list[Round], dict[str, int], dict[str, int]]:
    """One pass in time order (a million messages: one loop, not two): the rounds that start within `hours`
    (None: all hours), and per agent the buyer and agent messages sent within them. A buyer's message
    counts for the agent who answers it next; auto-replies count on neither side."""
    # (agent, buyer) -> (start, agent, whether the round starts within hours)
    open_rounds: dict[tuple[str, str], tuple[dt.datetime, str, bool]] = {}
    last_agent: dict[str, str] = {}
    done: list[Round] = []
    buyer_msgs: dict[str, int] = {}
    agent_msgs: dict[str, int] = {}
    unowned: dict[str, int] = {}  # buyer -> messages within hours waiting for the agent who answers them
    within: dict[dt.datetime, bool] = {}  # a log repeats its seconds many times over
    start_of_day, end_of_day = hours if hours is not None else (dt.time.min, dt.time.max)
    make = tuple.__new__  # Round(...) without the Python-level __new__
    last_moment: dt.datetime | None = None
    counts = False  # set by the first message, whose moment is new
    for moment, nick, sender, named in messages:  # unpacked: this loop runs a million times
        if moment is not last_moment:  # read_chat_log's messages share one object per time, in a row
            last_moment = moment
            cached = within.get(moment)
            if cached is None:
                cached = hours is None or start_of_day <= moment.time() < end_of_day
                if moment.tzinfo is None:  # equal aware times may differ in wall-clock time: not cached
                    within[moment] = cached
            counts = cached
        if sender == BUYER:
            agent = named or last_agent.get(nick, UNASSIGNED)
            key = (agent, nick)
            if key not in open_rounds:
                open_rounds[key] = (moment, agent, counts)
            if counts:
                if named:
                    buyer_msgs[named] = buyer_msgs.get(named, 0) + 1
                else:
                    unowned[nick] = unowned.get(nick, 0) + 1
            continue
        if sender == AGENT:
            last_agent[nick] = named
            key = (named, nick)
            if key not in open_rounds and (UNASSIGNED, nick) in open_rounds:
                key = (UNASSIGNED, nick)  # nobody was named: the one who answers owns it
            started = open_rounds.pop(key, None)
            if started is not None and started[2]:
                start, owner, _ = started
                response = (moment - start).total_seconds()
                done.append(make(Round, (named or owner, nick, start, moment, min(response, CAP_S))))
            waiting = unowned.pop(nick, 0)
            if waiting:
                buyer_msgs[named] = buyer_msgs.get(named, 0) + waiting
        elif sender == AUTO:
            continue
        if counts:  # an agent's message (any sender but buyer and auto, as ever)
            agent_msgs[named] = agent_msgs.get(named, 0) + 1
    _close_log(open_rounds, unowned, done, buyer_msgs)
    return done, buyer_msgs, agent_msgs


def _close_log(
    open_rounds: dict[tuple[str, str], tuple[dt.datetime, str, bool]],
    unowned: dict[str, int],
    done: list[Round],
    buyer_msgs: dict[str, int],
) -> None:
    """At the end of the log: rounds still open stay unanswered (600 s), and buyer messages nobody answered
    count for no agent."""
    done.extend(
        tuple.__new__(Round, (agent, buyer, start, None, CAP_S))
        for (agent, buyer), (start, _, counted) in open_rounds.items()
        if counted
    )
    if unowned:
        buyer_msgs[UNASSIGNED] = buyer_msgs.get(UNASSIGNED, 0) + sum(unowned.values())


# --- KPIs -----------------------------------------------------------------------------------------------
KEYS = (
    "rounds",
    "answered",
    "buyers",
    "avg_response_s",
    "avg_first_response_s",
    "within_30s_rate",
    "within_60s_rate",
    "within_3min_rate",
    "answer_question_ratio",
)


def _figures(
    rounds: Sequence[Round], firsts: Sequence[float], buyer_messages: int, agent_messages: int
) -> dict[str, Any]:
    """The keys over `rounds`; `firsts`: the responses of each (agent, buyer, day)'s first round."""
    count = len(rounds)
    answered = sorted(r.response_s for r in rounds if r.reply is not None)  # sorted: a rate is a bisect

    def rate(limit: float) -> float:
        return round(bisect_right(answered, limit) / count, 4) if count else 0.0

    return {
        "rounds": count,
        "answered": len(answered),
        "buyers": len(set(map(itemgetter(1), rounds))),
        # sums in the rounds' order, as ever: float addition is not associative
        "avg_response_s": round(sum(map(itemgetter(4), rounds)) / count, 1) if count else 0.0,
        "avg_first_response_s": round(sum(firsts) / len(firsts), 1) if firsts else 0.0,
        "within_30s_rate": rate(30),
        "within_60s_rate": rate(60),
        "within_3min_rate": rate(180),
        "answer_question_ratio": round(agent_messages / buyer_messages, 4) if buyer_messages else 0.0,
    }


def kpis(messages: Sequence[Message], hours: tuple[dt.time, dt.time] | None = DEFAULT_HOURS) -> dict[str, Any]:
    """The keys of docs/conversations.md over everything, plus `agents: {name: {same keys}}`.
    `hours=None`: all hours."""
    return kpis_and_rounds(messages, hours)[0]


def kpis_and_rounds(
    messages: Sequence[Message], hours: tuple[dt.time, dt.time] | None = DEFAULT_HOURS
) -> tuple[dict[str, Any], list[Round]]:
    """`kpis` and the counted rounds they come from (the 统计 charts draw those), in one pass."""
    rounds, buyer_msgs, agent_msgs = _scan(messages, hours)
    firsts: dict[tuple[str, str, dt.date], float] = {}  # in order of start, as the mean adds them up
    for agent, buyer, start, _, response in sorted(rounds, key=itemgetter(2)):  # stable
        firsts.setdefault((agent, buyer, start.date()), response)
    # Each agent's share of both, in the order sorting that agent's rounds apart would give.
    by_agent: dict[str, list[Round]] = {}
    for r in rounds:
        by_agent.setdefault(r[0], []).append(r)
    firsts_by_agent: dict[str, list[float]] = {}
    for (agent, _, _), response in firsts.items():
        firsts_by_agent.setdefault(agent, []).append(response)
    result = _figures(rounds, list(firsts.values()), sum(buyer_msgs.values()), sum(agent_msgs.values()))
    names = sorted(set(by_agent) | set(agent_msgs))
    result["agents"] = {
        name: _figures(
            by_agent.get(name, []), firsts_by_agent.get(name, []), buyer_msgs.get(name, 0), agent_msgs.get(name, 0)
        )
        for name in names
    }
    return result, rounds


def iter_rows(result: dict[str, Any]) -> Iterator[tuple[Any, ...]]:
    """The table for exports: 全部 then each agent."""
    yield ("全部", *(result[key] for key in KEYS))
    for name, figures in result["agents"].items():
        yield (name or "（未分配）", *(figures[key] for key in KEYS))
