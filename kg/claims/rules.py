"""The rules that find claims: their names (:class:`Rule`, what ``Claim.rule`` carries)
and their table in ``kg/data/claim_rules.toml`` (confidence, patterns, what each finds).

>>> Rule.CCOMP == "ccomp", rule_table().confidence[Rule.CCOMP]
(True, 0.85)
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from enum import StrEnum
from functools import lru_cache
from importlib import resources
from pathlib import Path


class Rule(StrEnum):
    """A claim rule's name, as records carry it."""

    DIRECT = "direct"
    DASH = "dash"
    DIRECT_COLON = "direct-colon"
    UNMARKED_BLOCK = "unmarked-block"
    DIRECT_ACCORDING = "direct-according"
    DIRECT_AFTER_CUE = "direct-after-cue"
    DIRECT_CONTINUED = "direct-continued"
    DIRECT_BEFORE_CUE = "direct-before-cue"
    DIRECT_SAME_PARAGRAPH = "direct-same-paragraph"
    LABEL = "label"
    DIRECT_NEXT_PARAGRAPH = "direct-next-paragraph"
    DIRECT_AFTER_REPORT = "direct-after-report"
    CCOMP = "ccomp"
    CCOMP_BEFORE = "ccomp-before"
    ACCORDING = "according"
    PARENTHETICAL = "parenthetical"
    AS = "as"
    TO = "to"
    PREP = "prep"
    OBJECT = "object"
    PASSIVE = "passive"
    PASSIVE_UNSOURCED = "passive-unsourced"
    NOUN = "noun"
    ADJECTIVE = "adjective"
    PRO_FORM = "pro-form"
    MAKE_CLEAR = "make-clear"


@dataclass(frozen=True, eq=False)
class RuleTable:
    """What ``claim_rules.toml`` says: confidence by rule, penalties, patterns by rule."""

    confidence: dict[str, float]
    inherited: frozenset[str]
    default: float
    penalties: dict[str, float]
    resolution_penalty: dict[str, float]
    patterns: dict[str, dict[str, list[dict]]] = field(default_factory=dict)  # rule -> patterns, sources
    checks: dict[str, tuple[str, ...]] = field(default_factory=dict)
    within: dict[str, str] = field(default_factory=dict)  # rule -> the hand-written step that tries it


def parse_table(data: dict) -> RuleTable:
    rules = data.get("rules", {})
    penalties = dict(data.get("penalties", {}))
    resolution = penalties.pop("resolution", {})
    return RuleTable(
        confidence={name: float(rule["confidence"]) for name, rule in rules.items()},
        inherited=frozenset(name for name, rule in rules.items() if rule.get("inherited")),
        default=float(data.get("default_confidence", 0.5)),
        penalties={name: float(value) for name, value in penalties.items()},
        resolution_penalty={name: float(value) for name, value in resolution.items()},
        patterns={name: {"patterns": rule["patterns"], "sources": rule.get("sources", [])}
                  for name, rule in rules.items() if rule.get("patterns")},
        checks={name: tuple(rule.get("checks", ())) for name, rule in rules.items()},
        within={name: rule["within"] for name, rule in rules.items() if rule.get("within")},
    )


@lru_cache(maxsize=8)
def rule_table(path: str | None = None) -> RuleTable:
    """The rule table from ``path`` (default: the packaged ``kg/data/claim_rules.toml``)."""
    if path:
        text = Path(path).read_text("utf-8")
    else:
        text = resources.files("kg").joinpath("data", "claim_rules.toml").read_text("utf-8")
    return parse_table(tomllib.loads(text))
