"""Phone numbers in pasted order text (docs/checklist.md): mainland mobiles with +86 / 86- prefixes, spaces,
dashes and full-width digits; privacy numbers with a 4-digit extension (`-1234`, `转1234`); landlines
with an area code. Validation and formats come from libphonenumber (the `phonenumbers` package); only
the platforms' privacy-extension notation is ours.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

REGION = "CN"

# 11-digit mobile, optional country code, then a 4-digit extension the platform adds to hide the
# buyer's real number (虚拟号 / 隐私号): 13812345678-1234, 13812345678转1234, 138 1234 5678 ext 1234.
_PRIVACY = re.compile(
    r"(?<!\d)(?:\+?86[\s-]?)?(1[3-9]\d(?:[\s-]?\d{4}){2})\s*(?:-|－|—|转|ext\.?|分机|#)\s*(\d{4})(?!\d)", re.IGNORECASE
)
# Anything that looks like it wanted to be a phone number: 7+ digits, maybe with separators.
_DIGIT_RUN = re.compile(r"(?<![\d])\+?\d[\d\s\-()]{5,}\d(?![\d])")


@dataclass(frozen=True)
class PhoneMatch:
    phone: str  # 13812345678, or a landline as 0571-88886666
    ext: str  # the privacy extension, or ""
    kind: str  # "mobile" | "landline"
    start: int  # span in the (NFKC-normalised) text
    end: int


def normalise(text: str) -> str:
    """Full-width digits, letters and punctuation to ASCII (same length for these characters)."""
    return unicodedata.normalize("NFKC", text)


def _landline(national: str, area_length: int) -> str:
    return f"0{national[:area_length]}-{national[area_length:]}" if area_length else national


def find_phones(text: str) -> tuple[list[PhoneMatch], list[str]]:
    """(valid numbers in order of appearance, digit runs that look like broken phone numbers)."""
    import phonenumbers  # about 20 ms the first time: only when an address is parsed

    text = normalise(text)
    found: list[PhoneMatch] = []
    masked = list(text)
    for privacy in _PRIVACY.finditer(text):
        digits = re.sub(r"\D", "", privacy.group(1))
        found.append(PhoneMatch(digits, privacy.group(2), "mobile", privacy.start(), privacy.end()))
        masked[privacy.start() : privacy.end()] = " " * (privacy.end() - privacy.start())
    rest = "".join(masked)
    for match in phonenumbers.PhoneNumberMatcher(rest, REGION, leniency=phonenumbers.Leniency.VALID):
        number = match.number
        if number.country_code != 86:
            continue
        national = str(number.national_number)
        kind = phonenumbers.number_type(number)
        if kind == phonenumbers.PhoneNumberType.MOBILE:
            found.append(PhoneMatch(national, "", "mobile", match.start, match.end))
        else:
            area = phonenumbers.length_of_geographical_area_code(number)
            found.append(
                PhoneMatch(_landline(national, area), str(number.extension or ""), "landline", match.start, match.end)
            )
        masked[match.start : match.end] = " " * (match.end - match.start)
    leftovers = "".join(masked)
    broken = [
        m.group(0).strip()
        for m in _DIGIT_RUN.finditer(leftovers)
        if 7 <= len(re.sub(r"\D", "", m.group(0))) <= 14 and not _looks_like_postcode_or_number(m.group(0))
    ]
    return sorted(found, key=lambda m: m.start), broken


def _looks_like_postcode_or_number(run: str) -> bool:
    digits = re.sub(r"\D", "", run)
    # A long order id or tracking number is not a phone number someone mistyped.
    return len(digits) > 12 or (len(digits) == 6 and run.strip().isdigit())


def mask(phone: str) -> str:
    """138****5678 (docs/checklist.md): lists and messages show this unless masking is turned off."""
    if re.fullmatch(r"1\d{10}", phone):
        return f"{phone[:3]}****{phone[-4:]}"
    if "-" in phone:
        area, local = phone.split("-", 1)
        return f"{area}-{'*' * max(0, len(local) - 4)}{local[-4:]}"
    return phone
