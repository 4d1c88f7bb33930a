"""Retention of personal data (docs/data-safety.md): what is masked or purged after N days.

Pure text rules; storage applies them. Masking keeps the length and replaces the digits of a phone and
the characters of a postal address (domain.address_spans) with `*`, so an
append-only row can be masked in place without changing what else it says, and the database can check
that an update is nothing but masking (`is_masking`).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from desktop_assistant.domain.divisions import DivisionIndex

MASK = "*"
# Phone-like digit runs: 7+ digits, maybe split by spaces or dashes, full-width digits too (NFKC would
# change lengths, so both forms are listed). Order ids in a note are long digit runs as well: masking
# them too is the safe side of the line (the order id is kept in its own column).
_DIGIT = r"[0-9０-９]"
_PHONE_LIKE = re.compile(rf"(?<![0-9０-９]){_DIGIT}(?:[\s\-－]?{_DIGIT}){{6,}}(?![0-9０-９])")


def mask_phones(text: str) -> str:
    """`text` with every phone-like digit run masked, same length."""
    return _PHONE_LIKE.sub(lambda m: re.sub(_DIGIT, MASK, m.group(0)), text)


def mask_personal(text: str, divisions: DivisionIndex) -> str:
    """Phones and addresses masked (both found in the original text; both keep the length)."""
    # Imported here: the address rules cost ~20 ms, which the storage layer (is_masking) must not pay.
    from desktop_assistant.domain.address_spans import address_spans

    masked = mask_phones(text)
    for start, end in address_spans(text, divisions):
        masked = masked[:start] + re.sub(r"\S", MASK, masked[start:end]) + masked[end:]
    return masked


def is_masking(old: str | None, new: str | None) -> bool:
    """True when `new` is `old` with some characters replaced by the mask (or unchanged)."""
    if old is None or new is None:
        return old == new
    return len(old) == len(new) and all(n == o or n == MASK for o, n in zip(old, new, strict=True))


def effective_days(retention_days: int, receiver_days: int) -> tuple[int, int]:
    """(days for every personal field, days for receiver names and addresses); 0 means never.

    `retention.days` covers everything; the older `privacy.retention_days` still covers receivers alone.
    Receivers go after the shorter of the two that is set.
    """
    receivers = [days for days in (retention_days, receiver_days) if days]
    return retention_days, min(receivers) if receivers else 0
