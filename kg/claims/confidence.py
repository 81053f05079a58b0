"""How sure a claim is: set from evidence that predicts whether an attribution is right.

The base is the rule that found it (a quotation with its own cue beats one that
inherits the speaker of the paragraph before; a clausal complement beats an object);
it is lowered when the source did not resolve to an actor or the cue marks a stance
more than words, and when a quotation is not closed. The figures are data, beside each
rule in ``kg/data/claim_rules.toml``; they were checked against gold attributions
(``tests/bench/calibration.py`` prints precision by confidence band).
"""

from __future__ import annotations

from .model import Attribution
from .rules import Rule, RuleTable, rule_table


def confidence(attribution: Attribution, table: RuleTable | None = None) -> float:
    """A probability-like score in [0.05, 0.95]."""
    table = table or rule_table()
    score = table.confidence.get(attribution.pattern, table.default)
    score -= table.resolution_penalty.get(attribution.resolution, 0.0)
    if attribution.weak:
        score -= table.penalties.get("weak", 0.0)
    if not attribution.closed:
        score -= table.penalties.get("open", 0.0)
    return round(min(0.95, max(0.05, score)), 2)


def attribution_scores(attributions: list[Attribution], table: RuleTable | None = None) -> dict[tuple, float]:
    """One confidence per cue and source: the fragments of one attribution ("A," she said,
    "B.") stand or fall together. It is that of the fragment with a cue of its own,
    lowered when a fragment only follows it to the next paragraph."""
    table = table or rule_table()
    groups: dict[tuple, list[Attribution]] = {}
    for attribution in attributions:
        groups.setdefault((attribution.cue, attribution.source_span), []).append(attribution)
    scores = {}
    for key, members in groups.items():
        own = [a for a in members if a.pattern not in table.inherited] or members
        score = max(confidence(a, table) for a in own)
        if any(a.pattern == Rule.DIRECT_NEXT_PARAGRAPH for a in members):
            score -= table.penalties.get("next-paragraph", 0.0)
        scores[key] = round(max(0.05, score), 2)
    return scores
