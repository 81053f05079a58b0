"""How sure a claim is: set from evidence that predicts whether an attribution is right.

The base is the pattern that found it (a quotation with its own cue beats one that
inherits the speaker of the paragraph before; a clausal complement beats an object);
it is lowered when the source did not resolve to an actor or the cue marks a stance
more than words, and when a quotation is not closed. The figures were checked against
gold attributions (``tests/bench/calibration.py`` prints precision by confidence band).
"""

from __future__ import annotations

from .model import Attribution

PATTERN_BASE = {
    "direct": 0.9,
    "dash": 0.9,
    "direct-colon": 0.85,
    "direct-according": 0.85,
    "direct-after-cue": 0.85,
    "direct-continued": 0.85,
    "direct-before-cue": 0.8,
    "label": 0.8,
    "direct-next-paragraph": 0.65,
    "ccomp": 0.85,
    "ccomp-before": 0.8,
    "according": 0.8,
    "parenthetical": 0.75,
    "as": 0.75,
    "to": 0.65,
    "prep": 0.6,
    "object": 0.6,
    "passive": 0.5,
    "passive-unsourced": 0.6,
    "noun": 0.5,
    "adjective": 0.6,
    "pro-form": 0.6,
}
INHERITED = {"direct-before-cue", "direct-continued", "direct-next-paragraph"}
NEXT_PARAGRAPH_PENALTY = 0.1
RESOLUTION_PENALTY = {  # the speaker is less often right when the words name no known actor
    "unresolved": 0.1,
    "unresolved-group": 0.15,
    "unnamed": 0.08,
    "document-unnamed": 0.08,
    "previous-source": 0.1,
    "group": 0.05,
    "pronoun-speaker": 0.02,
}
WEAK_PENALTY = 0.15
OPEN_PENALTY = 0.05


def confidence(attribution: Attribution) -> float:
    """A probability-like score in [0.05, 0.95]."""
    score = PATTERN_BASE.get(attribution.pattern, 0.5)
    score -= RESOLUTION_PENALTY.get(attribution.resolution, 0.0)
    if attribution.weak:
        score -= WEAK_PENALTY
    if not attribution.closed:
        score -= OPEN_PENALTY
    return round(min(0.95, max(0.05, score)), 2)


def attribution_scores(attributions: list[Attribution]) -> dict[tuple, float]:
    """One confidence per cue and source: the fragments of one attribution ("A," she said,
    "B.") stand or fall together. It is that of the fragment with a cue of its own,
    lowered when a fragment only follows it to the next paragraph."""
    groups: dict[tuple, list[Attribution]] = {}
    for attribution in attributions:
        groups.setdefault((attribution.cue, attribution.source_span), []).append(attribution)
    scores = {}
    for key, members in groups.items():
        own = [a for a in members if a.pattern not in INHERITED] or members
        score = max(confidence(a) for a in own)
        if any(a.pattern == "direct-next-paragraph" for a in members):
            score -= NEXT_PARAGRAPH_PENALTY
        scores[key] = round(max(0.05, score), 2)
    return scores
