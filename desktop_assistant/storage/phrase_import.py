"""Applying a parsed phrase file to the library: conflict policy, all or nothing, dry run; exports; and
the default library installed on first run.

Conflicts (same rules for phrases already in the library and for earlier rows of the same file):
an incoming phrase conflicts with a phrase whose code equals its non-empty code, or, when it has no code,
with a phrase of the same group and text.

- skip: the existing phrase stays as it is.
- replace: the existing phrase takes the incoming group, title, text and hotkey (only the fields the
  file has columns for); it keeps its id, code, use count and last use.
- keep-both: the incoming phrase is added as well, its code made unique (`hy2`, `hy3`, ...), and its
  hotkey dropped when another phrase (or one of the app's own hotkeys) has it.

A hotkey already held by another phrase or by the app fails the import, except with keep-both.
The whole import is planned in memory first, then written in one transaction; any failure leaves the
database as it was.
"""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
import logging
from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from pathlib import Path

from desktop_assistant.domain.guard import Guard, report_lines
from desktop_assistant.domain.messages import QT_TRANSLATE_NOOP, UserError
from desktop_assistant.domain.phrase_io import (
    MSG_AT,
    Action,
    ConflictPolicy,
    Draft,
    ImportItem,
    ImportReport,
    ImportText,
    ParsedImport,
    PhraseImportError,
    display_name,
    export_phrases,
    format_for_name,
    parse_json,
    parse_phrases,
)
from desktop_assistant.domain.phrases import CODE_PATTERN, Phrase, PhraseError
from desktop_assistant.domain.settings import SCHEMA
from desktop_assistant.storage.default_library import upgrade_defaults
from desktop_assistant.storage.files import write_export
from desktop_assistant.storage.phrase_store import MSG_HOTKEY_TAKEN, PhraseStore
from desktop_assistant.storage.settings_store import AppStateStore, SettingsStore
from desktop_assistant.storage.sqlite_lib import sqlite_utils

log = logging.getLogger(__name__)

DEFAULTS_STATE_KEY = "phrases.defaults_installed"
DEFAULT_LIBRARY = ("phrases", "default.json")
MAX_CODE_CHARS = 20

MSG_APP_HOTKEY_TAKEN = QT_TRANSLATE_NOOP("Messages", "快捷键 {hotkey} 已用于本软件的「{other}」")
MSG_NO_FILE = QT_TRANSLATE_NOOP("Messages", "找不到文件：{path}")
MSG_CANNOT_READ = QT_TRANSLATE_NOOP("Messages", "无法读取文件 {path}：{reason}")
MSG_EXPORT_FORMAT = QT_TRANSLATE_NOOP(
    "Messages", "无法从文件名判断导出格式，请用 .csv / .xlsx / .json 结尾或指定格式：{path}"
)
MSG_STORE_REFUSED = QT_TRANSLATE_NOOP("Messages", "数据库拒绝写入：{reason}")


# --- reading and writing files ---------------------------------------------------------------------
def read_phrase_file(path: Path, fmt: str = "auto") -> ParsedImport:
    """Read and parse a phrase file; every problem is a PhraseImportError."""
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise PhraseImportError(MSG_NO_FILE, path=str(path)) from None
    except OSError as exc:
        raise PhraseImportError(MSG_CANNOT_READ, path=str(path), reason=exc.strerror or type(exc).__name__) from None
    return parse_phrases(data, fmt, path.name)


def export_format(path: Path, fmt: str | None = None) -> str:
    """The export format: as given, or from the extension (.csv, .xlsx, .json)."""
    fmt = fmt or {".csv": "csv", ".xlsx": "xlsx", ".json": "json"}.get(path.suffix.lower())
    if fmt not in ("csv", "xlsx", "json"):
        raise PhraseImportError(MSG_EXPORT_FORMAT, path=str(path))
    return fmt


def export_to_file(phrases: PhraseStore, path: Path, fmt: str | None = None) -> int:
    """Write the whole library to `path` (replaced atomically); return the number of phrases."""
    fmt = export_format(path, fmt)
    everything = phrases.all()
    data = export_phrases(everything, phrases.groups(), fmt)
    write_export(path, data, PhraseImportError)
    return len(everything)


def app_hotkeys(settings: SettingsStore) -> dict[str, str]:
    """The app's own global hotkeys (hotkey -> setting key): a phrase cannot have one of them."""
    taken = {}
    for spec in SCHEMA:
        if spec.kind == "hotkey":
            value = settings.get(spec.key)
            if value:
                taken[value] = spec.key
    return taken


# --- planning --------------------------------------------------------------------------------------
@dataclass
class _Step:
    slot: int
    phrase: Phrase  # the full phrase to add, or the new state of an existing/earlier one
    add: bool
    draft: Draft


class _Plan:
    """The library as it would be after each row, kept in memory; the steps to get there."""

    def __init__(self, existing: list[Phrase], reserved_hotkeys: Mapping[str, str]) -> None:
        self.slots: list[Phrase] = list(existing)
        self.existing_ids: list[int | None] = [p.id for p in existing]
        self.by_code = {p.code: slot for slot, p in enumerate(existing) if p.code}
        self.by_content: dict[tuple[str, str], list[int]] = {}
        for slot, phrase in enumerate(existing):
            self.by_content.setdefault((phrase.group, phrase.text), []).append(slot)
        self.hotkey_owner: dict[str, int | str] = dict(reserved_hotkeys)
        self.hotkey_owner.update({p.hotkey: slot for slot, p in enumerate(existing) if p.hotkey})
        # Untouched default phrases: they give way to the file on every policy (code and hotkey).
        self.samples = {slot for slot, p in enumerate(existing) if p.sample}
        self.steps: list[_Step] = []

    def conflict(self, phrase: Phrase) -> int | None:
        if phrase.code:
            return self.by_code.get(phrase.code)
        slots = self.by_content.get((phrase.group, phrase.text))
        return slots[0] if slots else None

    def hotkey_clash(self, hotkey: str, slot: int | None) -> UserError | None:
        owner = self.hotkey_owner.get(hotkey) if hotkey else None
        if owner is None or owner == slot or owner in self.samples:
            return None
        if isinstance(owner, str):
            return ImportText(MSG_APP_HOTKEY_TAKEN, hotkey=hotkey, other=owner)
        return ImportText(MSG_HOTKEY_TAKEN, hotkey=hotkey, other=display_name(self.slots[owner]))

    def unique_code(self, code: str) -> str:
        number = 2
        while True:
            suffix = str(number)
            candidate = code[: MAX_CODE_CHARS - len(suffix)] + suffix
            if candidate not in self.by_code and CODE_PATTERN.fullmatch(candidate):
                return candidate
            number += 1

    def _forget(self, slot: int) -> None:
        old = self.slots[slot]
        self.by_content[(old.group, old.text)].remove(slot)
        if old.hotkey and self.hotkey_owner.get(old.hotkey) == slot:
            del self.hotkey_owner[old.hotkey]

    def _remember(self, slot: int) -> None:
        phrase = self.slots[slot]
        if phrase.code:
            self.by_code[phrase.code] = slot
        self.by_content.setdefault((phrase.group, phrase.text), []).append(slot)
        if phrase.hotkey:
            self.hotkey_owner[phrase.hotkey] = slot

    def _take_hotkey_from_sample(self, hotkey: str, slot: int | None, draft: Draft) -> None:
        owner = self.hotkey_owner.get(hotkey) if hotkey else None
        if isinstance(owner, int) and owner != slot and owner in self.samples:
            self.update(owner, replace(self.slots[owner], hotkey=""), draft)

    def add(self, phrase: Phrase, draft: Draft) -> None:
        self._take_hotkey_from_sample(phrase.hotkey, None, draft)
        self.slots.append(phrase)
        self.existing_ids.append(None)
        self._remember(len(self.slots) - 1)
        self.steps.append(_Step(len(self.slots) - 1, phrase, True, draft))

    def update(self, slot: int, phrase: Phrase, draft: Draft) -> None:
        self._take_hotkey_from_sample(phrase.hotkey, slot, draft)
        self.samples.discard(slot)  # written by the import: the agent's now
        self._forget(slot)
        self.slots[slot] = phrase
        self._remember(slot)
        self.steps.append(_Step(slot, phrase, False, draft))


def _merged(existing: Phrase, incoming: Phrase, fields: frozenset[str]) -> Phrase:
    """Replace: the fields the file has, onto the existing phrase (id, code and use stay)."""
    changes = {name: getattr(incoming, name) for name in ("group", "title", "text", "hotkey") if name in fields}
    return replace(existing, **changes)


def _same(a: Phrase, b: Phrase) -> bool:
    return (a.group, a.title, a.text, a.hotkey) == (b.group, b.title, b.text, b.hotkey)


def plan_import(
    existing: list[Phrase],
    parsed: ParsedImport,
    policy: ConflictPolicy,
    reserved_hotkeys: Mapping[str, str] | None = None,
) -> tuple[_Plan, list[ImportItem]]:
    """Decide every row against the library (and the rows before it); raise PhraseImportError on a clash."""
    policy = ConflictPolicy(policy)
    plan = _Plan(existing, reserved_hotkeys or {})
    items: list[ImportItem] = []
    for draft in parsed.drafts:
        items.append(_decide(plan, draft, parsed.fields, policy))
    return plan, items


def _decide(plan: _Plan, draft: Draft, fields: frozenset[str], policy: ConflictPolicy) -> ImportItem:
    incoming = draft.phrase
    if (incoming.id, incoming.position, incoming.sample) != (None, 0, False):  # a parsed row already is
        incoming = replace(incoming, id=None, position=0, sample=False)
    target = plan.conflict(incoming)

    def clash(hotkey: str, slot: int | None) -> None:
        reason = plan.hotkey_clash(hotkey, slot)
        if reason is not None:
            raise PhraseImportError(MSG_AT, line=draft.line, where=draft.where, reason=reason)

    holder = plan.hotkey_owner.get(incoming.hotkey) if incoming.hotkey else None
    if target is None and isinstance(holder, int) and holder in plan.samples:
        target = holder  # the sample with this hotkey is replaced by the shop's phrase
    if target is not None and target in plan.samples:
        existing = plan.slots[target]
        merged = replace(_merged(existing, incoming, fields), code=incoming.code if "code" in fields else existing.code)
        if _same(merged, existing) and merged.code == existing.code:
            return ImportItem(Action.SKIPPED, draft.line, draft.where, incoming, existing, unchanged=True)
        clash(merged.hotkey, target)
        plan.update(target, merged, draft)
        return ImportItem(Action.REPLACED, draft.line, draft.where, merged, existing, sample=True)

    if target is None or policy is ConflictPolicy.KEEP_BOTH:
        same = plan.slots[target] if target is not None else None  # kept beside the new one
        dropped = ""
        if incoming.hotkey and plan.hotkey_clash(incoming.hotkey, None) is not None:
            if policy is not ConflictPolicy.KEEP_BOTH:
                clash(incoming.hotkey, None)
            dropped, incoming = incoming.hotkey, replace(incoming, hotkey="")
        action = Action.ADDED
        original = ""
        if same is not None and incoming.code:
            original, incoming = incoming.code, replace(incoming, code=plan.unique_code(incoming.code))
            action = Action.RENAMED
        plan.add(incoming, draft)
        return ImportItem(action, draft.line, draft.where, incoming, same, original, dropped)
    existing = plan.slots[target]
    if policy is ConflictPolicy.SKIP:
        return ImportItem(
            Action.SKIPPED,
            draft.line,
            draft.where,
            incoming,
            existing,
            unchanged=_same(_merged(existing, incoming, fields), existing),
        )
    merged = _merged(existing, incoming, fields)
    if _same(merged, existing):
        return ImportItem(Action.SKIPPED, draft.line, draft.where, incoming, existing, unchanged=True)
    clash(merged.hotkey, target)
    plan.update(target, merged, draft)
    return ImportItem(Action.REPLACED, draft.line, draft.where, merged, existing)


# --- applying --------------------------------------------------------------------------------------
def apply_import(
    db: sqlite_utils.Database,
    phrases: PhraseStore,
    parsed: ParsedImport,
    policy: ConflictPolicy | str,
    now: dt.datetime,
    *,
    dry_run: bool = False,
    reserved_hotkeys: Mapping[str, str] | None = None,
    progress: Callable[[int, int], None] | None = None,
    guard: Guard | None = None,
) -> ImportReport:
    """Import `parsed` with the conflict policy, all or nothing; with dry_run only report what would change.
    With a guard, the report names each phrase written (or to be written) that the guard finds something in;
    the phrases are imported all the same (a shop may have its reasons; sending asks)."""
    policy = ConflictPolicy(policy)
    existing_groups = set(phrases.groups())
    plan, items = plan_import(phrases.all(), parsed, policy, reserved_hotkeys)
    written_groups = {step.phrase.group for step in plan.steps}
    new_groups = tuple(
        g for g in parsed.groups if g not in existing_groups and (g in written_groups or g in parsed.declared_groups)
    )
    guard_notes, blocked = _guard_notes(guard, items)
    report = ImportReport(
        policy,
        dry_run,
        tuple(items),
        new_groups,
        parsed.ignored_columns,
        parsed.format,
        parsed.encoding,
        parsed.code_mappings,
        tuple(guard_notes),
        blocked,
    )
    if dry_run or not report.changes:
        return report
    with db.atomic():
        for group in new_groups:
            phrases.ensure_group(group)
        _write_steps(db, phrases, plan, now, progress)
    return report


def _guard_notes(guard: Guard | None, items: list[ImportItem]) -> tuple[list[UserError], int]:
    """What the guard finds in the phrases the import writes: its report lines, and how many it would block."""
    if guard is None:
        return [], 0
    written = [
        (item.where, display_name(item.phrase), item.phrase.text) for item in items if item.action is not Action.SKIPPED
    ]
    return report_lines(guard, written)


def _write_steps(
    db: sqlite_utils.Database,
    phrases: PhraseStore,
    plan: _Plan,
    now: dt.datetime,
    progress: Callable[[int, int], None] | None,
) -> None:
    """The plan's steps in order, inside the caller's transaction; the ids of new phrases go into the plan."""
    ids = plan.existing_ids

    def apply(step: _Step) -> None:
        try:
            if step.add:
                ids[step.slot] = phrases.add(step.phrase, now).id
            else:
                phrases.update(replace(step.phrase, id=ids[step.slot]), now)
        except PhraseError as exc:  # the plan should have caught it; the database has the last word
            raise PhraseImportError(
                MSG_AT, line=step.draft.line, where=step.draft.where, reason=ImportText(MSG_STORE_REFUSED, reason=exc)
            ) from None

    steps = list(plan.steps)
    done = 0
    while done < len(steps):
        if progress is not None:
            progress(done, len(steps))
        end = done
        while end < len(steps) and steps[end].add:
            end += 1
        if end == done:
            apply(steps[done])
            done += 1
            continue
        try:  # a run of new phrases goes in with one executemany (issue 17: 50,000 rows in seconds)
            with db.atomic():
                new_ids = phrases.insert_many(
                    [step.phrase for step in steps[done:end]],
                    now,
                    progress=None if progress is None else functools.partial(_advance, progress, done, len(steps)),
                )
        except PhraseError:  # refused: one by one, to name the line
            for step in steps[done:end]:
                apply(step)
        else:
            for step, new_id in zip(steps[done:end], new_ids, strict=True):
                ids[step.slot] = new_id
        done = end
    if progress is not None:
        progress(len(steps), len(steps))


def _advance(progress: Callable[[int, int], None], start: int, total: int, written: int) -> None:
    progress(start + written, total)


def import_file(
    db: sqlite_utils.Database,
    phrases: PhraseStore,
    settings: SettingsStore | None,
    path: Path,
    now: dt.datetime,
    *,
    fmt: str = "auto",
    policy: ConflictPolicy | str = ConflictPolicy.SKIP,
    dry_run: bool = False,
) -> ImportReport:
    """Read, parse and apply a file: what the CLI and the UI's import action call."""
    parsed = read_phrase_file(path, fmt)
    reserved = app_hotkeys(settings) if settings is not None else {}
    return apply_import(
        db,
        phrases,
        parsed,
        policy,
        now,
        dry_run=dry_run,
        reserved_hotkeys=reserved,
        guard=shop_guard(settings) if settings is not None else None,
    )


def shop_guard(settings: SettingsStore) -> Guard:
    """The outgoing-text guard with the shop's switches and words (docs/guard.md)."""
    from desktop_assistant.resources_access import load_guard

    return load_guard(settings.all())


class LibraryImporter:
    """The import as the UI calls it (it cannot reach storage itself): parse elsewhere, apply here."""

    def __init__(
        self, db: sqlite_utils.Database, phrases: PhraseStore, settings: SettingsStore, now: Callable[[], dt.datetime]
    ) -> None:
        self._db, self._phrases, self._settings, self._now = db, phrases, settings, now

    def apply(
        self,
        parsed: ParsedImport,
        policy: ConflictPolicy | str,
        *,
        dry_run: bool = False,
        progress: Callable[[int, int], None] | None = None,
    ) -> ImportReport:
        return apply_import(
            self._db,
            self._phrases,
            parsed,
            policy,
            self._now(),
            dry_run=dry_run,
            reserved_hotkeys=app_hotkeys(self._settings),
            progress=progress,
            guard=shop_guard(self._settings),
        )

    def export(self, path: Path) -> int:
        """The whole library to `path`, format by extension, replaced atomically; PhraseImportError for the agent."""
        return export_to_file(self._phrases, path, format_for_name(path.name) or "csv")


# --- the default library ---------------------------------------------------------------------------
def default_library_path() -> Path:
    from desktop_assistant.resources_access import resource_path

    return resource_path(*DEFAULT_LIBRARY)


def install_default_library(
    db: sqlite_utils.Database, phrases: PhraseStore, state: AppStateStore, now: dt.datetime, source: Path | None = None
) -> bool:
    """First run: an empty library gets the default phrases, every one an untouched sample.

    Later releases: a library that got the defaults gets the new ones it was never offered, and its
    untouched samples take the new wording; a phrase the agent edited, used, moved or deleted is never
    changed or brought back. A library that had phrases before the first run never gets defaults.
    Returns True when anything was written.
    """
    data = (source or default_library_path()).read_bytes()
    digest = hashlib.sha256(data).hexdigest()[:16]
    done = state.get(DEFAULTS_STATE_KEY)
    if done is not None and (done.get("digest") == digest or not (done.get("installed") or done.get("codes"))):
        return False  # nothing new, or the shop's library came first
    if done is None and phrases.count():
        state.set(DEFAULTS_STATE_KEY, {"at": now.isoformat(timespec="seconds"), "installed": 0})
        return False
    parsed = parse_json(data)
    codes = [draft.phrase.code for draft in parsed.drafts]
    if done is not None:
        return upgrade_defaults(db, phrases, state, now, parsed, {**done, "digest": digest, "codes": codes})
    with db.atomic():
        report = apply_import(db, phrases, parsed, ConflictPolicy.SKIP, now)
        phrases.mark_samples()  # the library was empty: every phrase is a default the agent has not touched
        state.set(
            DEFAULTS_STATE_KEY,
            {"at": now.isoformat(timespec="seconds"), "installed": report.added, "digest": digest, "codes": codes},
        )
    log.info("installed the default phrase library: %d phrases", report.added)
    return True


__all__ = [
    "DEFAULTS_STATE_KEY",
    "app_hotkeys",
    "apply_import",
    "default_library_path",
    "export_format",
    "export_to_file",
    "import_file",
    "install_default_library",
    "plan_import",
    "read_phrase_file",
]
