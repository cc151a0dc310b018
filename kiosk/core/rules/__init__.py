"""The rules of the evening, one module per resource; importing this package registers them all."""

from __future__ import annotations

from kiosk.core.rules import (  # noqa: F401
    blocks,
    closing,
    contributions,
    devices,
    followup,
    prompts,
    questions,
    renderings,
    screening,
    tables,
)
from kiosk.core.rules.registry import RULES, Rule, rule

__all__ = ["RULES", "Rule", "rule"]
