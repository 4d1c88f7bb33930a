"""The default phrase library on an install that already has it (storage.phrase_import installs it on
first run): what a new release adds and rewords, never touching what the agent made their own."""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import replace
from typing import Any

from desktop_assistant.domain.phrase_io import ParsedImport
from desktop_assistant.storage.phrase_store import PhraseStore
from desktop_assistant.storage.settings_store import AppStateStore
from desktop_assistant.storage.sqlite_lib import sqlite_utils

log = logging.getLogger(__name__)

# The codes of the first default library: what installs from before the state kept its list were offered.
FIRST_LIBRARY_CODES = (
    "hy zd hylk sd cm cmb cz xh ys zp sc fp fpzp yj yj2 mj yhq yhq2 cf1 cf2 cf3 cf4 cf5 cf6 cf7 hd hddz hddh gdz "
    "gdz2 dzbq yz hdwu fh yfh kd sf pq pq2 wl yc wlbd tf jr pstx bzd az th 7t zl zl2 hh lf ps tk tk2 dj cp cpgj "
    "cpgz cpxg cpbfx xx zj hp scdp rh qt gx wa"
).split()


def upgrade_defaults(
    db: sqlite_utils.Database,
    phrases: PhraseStore,
    state: AppStateStore,
    now: dt.datetime,
    parsed: ParsedImport,
    new_state: dict[str, Any],
    state_key: str = "phrases.defaults_installed",
) -> bool:
    """A release with a new default library: add the defaults this library was never offered (as samples)
    and reword its untouched samples. `new_state` is written as the state when done."""
    offered = set(state.get(state_key).get("codes") or FIRST_LIBRARY_CODES)
    current = {p.code: p for p in phrases.all() if p.code}
    hotkeys = set(phrases.hotkeys())
    added = refreshed = 0
    with db.atomic():
        for draft in parsed.drafts:
            default = draft.phrase
            existing = current.get(default.code)
            if existing is None and default.code not in offered:
                hotkey = default.hotkey if default.hotkey not in hotkeys else ""
                phrases.add(replace(default, hotkey=hotkey, sample=True), now)
                hotkeys.add(hotkey)
                added += 1
            elif existing is not None and existing.sample and existing.text != default.text:
                phrases.update(replace(existing, title=default.title, text=default.text), now, sample=True)
                refreshed += 1
        new_state["codes"] = sorted(offered | set(new_state["codes"]))
        state.set(state_key, new_state)
    log.info("default phrase library updated: %d added, %d samples reworded", added, refreshed)
    return bool(added or refreshed)
