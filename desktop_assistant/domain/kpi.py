"""Rounds and KPIs by the platform's rule (DESIGN 3.3): one engine for `kpi` on chat logs and, later,
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
from operator import itemgetter
from typing import Iterable, Iterator, NamedTuple, Sequence

from desktop_assistant.domain.messages import QT_TRANSLATE_NOOP, UserError

CAP_S = 600.0
DEFAULT_HOURS = (dt.time(8, 0), dt.time(23, 0))
BUYER, AGENT, AUTO = "buyer", "agent", "auto"
_SENDERS = {"buyer": BUYER, "买家": BUYER, "agent": AGENT, "客服": AGENT, "auto": AUTO, "自动回复": AUTO}
_COLUMNS = {"time": ("time", "时间"), "buyer": ("buyer", "买家"), "sender": ("sender", "发送方"),
            "agent": ("agent", "客服"), "text": ("text", "内容")}
_ALIAS = {alias: name for name, aliases in _COLUMNS.items() for alias in aliases}
UNASSIGNED = ""

MSG_LINE = QT_TRANSLATE_NOOP("Messages", "第 {line} 行: {reason}")
MSG_NO_COLUMN = QT_TRANSLATE_NOOP("Messages", "第 1 行: 表头缺少 {column} 列")
MSG_BAD_TIME = QT_TRANSLATE_NOOP("Messages", "时间格式不对: {value}")
MSG_BAD_SENDER = QT_TRANSLATE_NOOP("Messages", "发送方只能是 buyer/买家、agent/客服 或 auto/自动回复, 收到: {value}")
MSG_NO_BUYER = QT_TRANSLATE_NOOP("Messages", "缺少买家")
MSG_COLUMNS = QT_TRANSLATE_NOOP("Messages", "列数不对")
MSG_EMPTY = QT_TRANSLATE_NOOP("Messages", "文件是空的")
MSG_BAD_HOURS = QT_TRANSLATE_NOOP("Messages", "服务时间格式应为 HH:MM-HH:MM, 收到: {value}")


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


def _round(agent: str, buyer: str, start: dt.datetime, reply: dt.datetime | None) -> Round:
    response = CAP_S if reply is None else min((reply - start).total_seconds(), CAP_S)
    return Round(agent, buyer, start, reply, response)


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
    """Rows of the chat-log CSV (DESIGN 5) sorted by time, file order breaking ties; KpiError names the line."""
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        header = next(reader)
    except StopIteration:
        raise KpiError(MSG_EMPTY) from None
    names = [_ALIAS.get(unicodedata.normalize("NFKC", cell).strip().lower()) for cell in header]
    for required in ("time", "buyer", "sender"):
        if required not in names:
            raise KpiError(MSG_NO_COLUMN, column=f"{required}/{_COLUMNS[required][1]}")
    at, buyer, sender = names.index("time"), names.index("buyer"), names.index("sender")
    agent = names.index("agent") if "agent" in names else None
    width = max(at, buyer, sender, agent or 0) + 1
    rows: list[Message] = []
    append = rows.append
    senders = _SENDERS
    times: dict[str, dt.datetime] = {}  # a log repeats its seconds many times over
    make = tuple.__new__  # Message(...) without the Python-level __new__: a million calls
    try:
        for row in reader:
            if not any(row):
                continue
            try:  # the fast path first; the slow one only to say what is wrong
                kind = senders.get(row[sender]) or senders[row[sender].strip().lower()]
                nick = row[buyer].strip()
                if not nick:
                    raise KpiError(MSG_NO_BUYER)
                raw = row[at]
                moment = times.get(raw)
                if moment is None:
                    moment = times[raw] = _time(raw)
                append(make(Message, (moment, nick, kind, row[agent].strip() if agent is not None else "")))
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
    open_rounds: dict[tuple[str, str], tuple[dt.datetime, str]] = {}  # (agent, buyer) -> (start, agent)
    last_agent: dict[str, str] = {}
    done: list[Round] = []
    for moment, nick, sender, named in messages:  # unpacked: this loop runs a million times
        if sender == BUYER:
            agent = named or last_agent.get(nick, UNASSIGNED)
            key = (agent, nick)
            if key not in open_rounds:
                open_rounds[key] = (moment, agent)
        elif sender == AGENT:
            last_agent[nick] = named
            key = (named, nick)
            if key not in open_rounds and (UNASSIGNED, nick) in open_rounds:
                key = (UNASSIGNED, nick)  # nobody was named: the one who answers owns it
            started = open_rounds.pop(key, None)
            if started is not None:
                done.append(_round(named or started[1], nick, started[0], moment))
    done.extend(_round(agent, buyer, start, None) for (agent, buyer), (start, _a) in open_rounds.items())
    return done


# --- KPIs -----------------------------------------------------------------------------------------------
KEYS = ("rounds", "answered", "buyers", "avg_response_s", "avg_first_response_s", "within_30s_rate",
        "within_60s_rate", "within_3min_rate", "answer_question_ratio")


def _figures(rounds: Sequence[Round], buyer_messages: int, agent_messages: int) -> dict:
    count = len(rounds)
    answered = [r for r in rounds if r.reply is not None]
    firsts: dict[tuple[str, str, dt.date], Round] = {}
    for r in sorted(rounds, key=lambda r: r.start):
        firsts.setdefault((r.agent, r.buyer, r.start.date()), r)

    def rate(limit: float) -> float:
        return round(sum(r.response_s <= limit for r in answered) / count, 4) if count else 0.0

    return {
        "rounds": count,
        "answered": len(answered),
        "buyers": len({r.buyer for r in rounds}),
        "avg_response_s": round(sum(r.response_s for r in rounds) / count, 1) if count else 0.0,
        "avg_first_response_s": round(sum(r.response_s for r in firsts.values()) / len(firsts), 1) if firsts else 0.0,
        "within_30s_rate": rate(30),
        "within_60s_rate": rate(60),
        "within_3min_rate": rate(180),
        "answer_question_ratio": round(agent_messages / buyer_messages, 4) if buyer_messages else 0.0,
    }


def kpis(messages: Sequence[Message], hours: tuple[dt.time, dt.time] | None = DEFAULT_HOURS) -> dict:
    """The keys of DESIGN 3.3 over everything, plus `agents: {name: {same keys}}`. `hours=None`: all hours."""
    start_of_day, end_of_day = hours if hours is not None else (dt.time.min, dt.time.max)
    counted = [r for r in rounds_of(messages) if hours is None or start_of_day <= r.start.time() < end_of_day]
    buyer_msgs: dict[str, int] = {}
    agent_msgs: dict[str, int] = {}
    next_agent: dict[str, str] = {}  # walking backwards: who answers this buyer next
    for moment, nick, sender, named in reversed(messages):
        if sender == AGENT:
            next_agent[nick] = named
        if sender == AUTO or (hours is not None and not start_of_day <= moment.time() < end_of_day):
            continue
        if sender == BUYER:  # a buyer's message counts for the agent who answers it
            owner = named or next_agent.get(nick, UNASSIGNED)
            buyer_msgs[owner] = buyer_msgs.get(owner, 0) + 1
        else:
            agent_msgs[named] = agent_msgs.get(named, 0) + 1
    result = _figures(counted, sum(buyer_msgs.values()), sum(agent_msgs.values()))
    by_agent: dict[str, list[Round]] = {}
    for r in counted:
        by_agent.setdefault(r.agent, []).append(r)
    names = sorted(set(by_agent) | set(agent_msgs))
    result["agents"] = {name: _figures(by_agent.get(name, []), buyer_msgs.get(name, 0), agent_msgs.get(name, 0))
                        for name in names}
    return result


def iter_rows(result: dict) -> Iterator[tuple]:
    """The table for exports: 全部 then each agent."""
    yield ("全部", *(result[key] for key in KEYS))
    for name, figures in result["agents"].items():
        yield (name or "(未分配)", *(figures[key] for key in KEYS))
