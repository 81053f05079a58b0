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
    "direct-colon": 0.85,
    "direct-according": 0.85,
    "direct-before-cue": 0.8,
    "direct-continued": 0.8,
    "label": 0.8,
    "dash": 0.75,
    "direct-next-paragraph": 0.6,
    "ccomp": 0.8,
    "ccomp-before": 0.75,
    "according": 0.75,
    "parenthetical": 0.7,
    "to": 0.6,
    "prep": 0.55,
    "object": 0.55,
    "passive": 0.5,
    "noun": 0.5,
}
INHERITED = {"direct-before-cue", "direct-continued", "direct-next-paragraph"}
NEXT_PARAGRAPH_PENALTY = 0.1
RESOLUTION_PENALTY = {
    "unresolved": 0.1,
    "unresolved-group": 0.1,
    "pronoun": 0.05,
    "pronoun-speaker": 0.1,
    "group": 0.05,
    "previous-source": 0.1,
}


def confidence(attribution: Attribution) -> float:
    """A probability-like score in [0.05, 0.95]."""
    score = PATTERN_BASE.get(attribution.pattern, 0.5)
    score -= RESOLUTION_PENALTY.get(attribution.resolution, 0.0)
    if attribution.weak:
        score -= 0.15
    if not attribution.closed:
        score -= 0.05
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
