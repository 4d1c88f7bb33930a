"""One record per screening rule (domain/screening_rules.py): the engine's levels, the settings and
docs/screening.md are made from it, and the Chinese texts quote the thresholds the engine uses."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from desktop_assistant.domain.screening import Profile, Rules, rules_from_settings, screen
from desktop_assistant.domain.screening_rules import RULE, RULES
from desktop_assistant.domain.settings import DEFAULTS, SPECS

REPO = Path(__file__).resolve().parents[2]


def test_every_rule_is_a_setting_with_its_weight_and_label():
    weights = {key for key in SPECS if key.startswith("screen.weight.")}
    assert weights == {f"screen.weight.{rule.code}" for rule in RULES}
    for rule in RULES:
        spec = SPECS[f"screen.weight.{rule.code}"]
        assert (spec.default, spec.label) == (rule.weight, rule.label)


@pytest.mark.parametrize(
    "score, level",
    [(100, "high"), (60, "high"), (59, "medium"), (30, "medium"), (29, "low"), (0, "low")],
)
def test_shipped_level_lines_are_60_and_30(score, level):
    """The shipped settings and Rules() agree: 60 is high, 59 medium, 30 medium, 29 low."""
    flag = Profile("a", off_platform_contact=True)
    from_settings = rules_from_settings({**DEFAULTS, "screen.weight.off_platform_contact": score}, "")
    built = Rules(weights={"off_platform_contact": score})
    assert screen(flag, from_settings).level == level
    assert screen(flag, built).level == level


QUOTED_IN_LABEL = ("positive_rate_low", "positive_rate_watch", "account_new", "account_young", "credit_low")
QUOTED_IN_BOTH = (*QUOTED_IN_LABEL, "refund_rate_high")


@pytest.mark.parametrize("code", QUOTED_IN_BOTH)
def test_texts_quote_the_threshold_the_engine_uses(code):
    rule = RULE[code]
    assert str(rule.threshold) in rule.label
    if code in QUOTED_IN_LABEL:
        assert str(rule.threshold) in rule.explanation


def test_the_doc_table_is_current():
    proc = subprocess.run(
        [sys.executable, str(REPO / "tools" / "gen_screening_doc.py"), "--check"],
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=60,
    )
    assert proc.returncode == 0, proc.stderr


def test_the_doc_table_has_a_row_per_rule_with_its_numbers():
    doc = (REPO / "docs" / "screening.md").read_text(encoding="utf-8")
    for rule in RULES:
        assert f"| {rule.code} | {rule.weight} |" in doc
    assert "`screen.level_high` (default 60)" in doc and "`screen.level_medium` (default 30)" in doc
