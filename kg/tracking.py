"""Track claims across sources and time: claim groups and contradiction candidates.

Claims that say the same thing — in several articles, by several speakers — form one
group (a ``cg:Proposition``). What a claim says is compared through its content terms:
casefolded words without function words, with synonyms and metonyms mapped to one term
(``kg/data/synonyms.txt``) and quoted phrases kept as phrases, weighted by how rare they
are in the corpus (TF-IDF cosine). Claims are taken in order of first appearance; each
joins the group it is most similar to when that similarity clears a threshold, else it
starts a group.

Two similar claims are contradiction candidates when one is negated and the other not,
or when one is a denial ("denied", "rejected") of what the other says. Negation is read
off the parse at extraction: a negated cue ("did not say") or a negated main predicate of
the content ("never used", "no country supports"), never a "no" inside a name ("the
'no limits' alliance"). A claim and one reported inside it, or two claims of one speaker
in one article, are never candidates.

>>> a = TrackedClaim("c1", "d1", "2024-05-16", "putin", "Putin", "declared", "the “no limits” alliance")
>>> b = TrackedClaim("c2", "d2", "2024-05-17", "china", "China", "emphasized", "a ‘no limits’ relationship")
>>> c = TrackedClaim("c3", "d2", "2024-05-17", "xi", "Xi", "said", "trade with Europe will grow")
>>> [sorted(g.members) for g in group_claims([a, b, c])]
[['c1', 'c2'], ['c3']]
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from functools import lru_cache

from .lexicons import lexicon
from .records import stable_id

GROUP_THRESHOLD = 0.5
CONTRADICTION_THRESHOLD = 0.45
MIN_PROPOSITION_TERMS = 3  # content terms a claim needs to be contradicted
PHRASE_WEIGHT = 2.0
QUOTED = re.compile(r"[“\"‘«]([^”\"’»]{2,60})[”\"’»]")
WORD = re.compile(r"[a-z0-9]+(?:[.'][a-z0-9]+)*")
NEGATIONS = {"not", "no", "never", "n't", "nothing", "none", "neither", "nor", "without"}


@dataclass
class TrackedClaim:
    """What tracking needs to know of a claim (read from records or from the store)."""

    id: str
    doc: str
    date: str | None
    speaker: str | None
    speaker_text: str | None
    cue: str
    content: str
    negated: bool = False
    content_negated: bool = False
    offset: int = 0
    end: int = 0

    def nested_in(self, other: "TrackedClaim") -> bool:
        """True when one content holds the other in the same document (a claim reported
        inside another claim), as opposed to the same content repeated for joint speakers."""
        same_span = (self.offset, self.end) == (other.offset, other.end)
        return self.doc == other.doc and not same_span and self.offset < other.end and other.offset < self.end


@dataclass
class ClaimGroup:
    """Claims that say the same thing: its first claim names and dates it."""

    id: str
    label: str
    members: list[str] = field(default_factory=list)
    speakers: set[str] = field(default_factory=set)
    sources: set[str] = field(default_factory=set)
    first_date: str | None = None
    first_doc: str | None = None
    first_claim: str | None = None


@dataclass
class Contradiction:
    claim: str
    other: str
    similarity: float
    evidence: str


# --- content terms ----------------------------------------------------------------------


@lru_cache(maxsize=1)
def synonym_table() -> tuple[dict[str, str], list[tuple[re.Pattern[str], str]]]:
    """Single words -> their group's head, and phrase patterns -> the head."""
    words: dict[str, str] = {}
    phrases: list[tuple[re.Pattern[str], str]] = []
    for line in lexicon("synonyms.txt"):
        items = [item.strip().lower() for item in line.split("|") if item.strip()]
        head = items[0].replace(" ", "_")
        for item in items:
            if " " in item or not WORD.fullmatch(item):
                phrases.append((re.compile(rf"(?<!\w){re.escape(item)}(?!\w)"), head))
            else:
                words[item] = head
    phrases.sort(key=lambda p: -len(p[0].pattern))
    return words, phrases


def stem(word: str) -> str:
    """A light plural/inflection trim so that "sanctions" ~ "sanction", "talks" ~ "talk"."""
    for suffix, keep in (("ies", "y"), ("ing", ""), ("ed", ""), ("es", ""), ("s", "")):
        if word.endswith(suffix) and len(word) - len(suffix) >= 4 and not word.endswith(("ss", "us", "is")):
            return word[: -len(suffix)] + keep
    return word


def normalise(text: str) -> str:
    return text.casefold().replace("’", "'").replace("‘", "'").replace("“", '"').replace("”", '"')


def content_terms(content: str) -> Counter[str]:
    """The terms a claim's content is compared by (see the module docstring).

    >>> sorted(content_terms("Russia’s “no limits” ties with Beijing"))
    ['boundless', 'china', 'partnership', 'q:boundless', 'russia']
    """
    words, phrases = synonym_table()
    terms: Counter[str] = Counter()
    text = normalise(content)
    for quoted in QUOTED.findall(content.casefold()):
        terms["q:" + " ".join(_words(normalise(quoted), words, phrases))] += 1
    for word in _words(text, words, phrases):
        terms[word] += 1
    return terms


def _words(text: str, words: dict[str, str], phrases) -> list[str]:
    for pattern, head in phrases:
        text = pattern.sub(f" {head} ", text)
    stop = lexicon("stopwords.txt")
    out = []
    for word in WORD.findall(text.replace("'s ", " ")):
        if word in stop or word in NEGATIONS:
            continue
        out.append(words.get(word, word if "_" in word else stem(word)).replace("_", " "))
    return out


# --- similarity -------------------------------------------------------------------------


class TermSpace:
    """TF-IDF vectors of claim contents, with an inverted index to find candidates fast."""

    def __init__(self, claims: list[TrackedClaim]) -> None:
        self.terms = {c.id: content_terms(c.content) for c in claims}
        df: Counter[str] = Counter(t for terms in self.terms.values() for t in terms)
        n = max(len(claims), 1)
        self.idf = {t: math.log((1 + n) / (1 + d)) + 1 for t, d in df.items()}
        self.vectors = {cid: self._vector(terms) for cid, terms in self.terms.items()}
        self.index: dict[str, list[str]] = defaultdict(list)
        for cid, terms in self.terms.items():
            for term in terms:
                self.index[term].append(cid)

    def _vector(self, terms: Counter[str]) -> dict[str, float]:
        vec = {t: count * self.idf[t] * (PHRASE_WEIGHT if t.startswith("q:") else 1.0) for t, count in terms.items()}
        norm = math.sqrt(sum(v * v for v in vec.values())) or 1.0
        return {t: v / norm for t, v in vec.items()}

    def similarity(self, a: str, b: str) -> float:
        va, vb = self.vectors[a], self.vectors[b]
        if len(va) > len(vb):
            va, vb = vb, va
        return sum(w * vb.get(t, 0.0) for t, w in va.items())

    def shared(self, a: str, b: str) -> int:
        return len(self.terms[a].keys() & self.terms[b].keys())

    def candidates(self, claim_id: str) -> set[str]:
        """Claims sharing at least one term with ``claim_id``."""
        return {other for term in self.terms[claim_id] for other in self.index[term] if other != claim_id}

    def same(self, a: str, b: str, threshold: float) -> float:
        """The similarity when it clears ``threshold`` on at least two shared terms (or one
        shared quoted phrase), else 0."""
        enough = self.shared(a, b) >= 2 or any(t.startswith("q:") for t in self.terms[a].keys() & self.terms[b].keys())
        sim = self.similarity(a, b) if enough else 0.0
        return sim if sim >= threshold else 0.0


def appearance_order(claims: list[TrackedClaim]) -> list[TrackedClaim]:
    """Claims by first appearance: date (undated last), document, offset."""
    return sorted(claims, key=lambda c: (c.date or "9999", c.doc, c.offset, c.id))


def group_claims(claims: list[TrackedClaim], threshold: float = GROUP_THRESHOLD,
                 space: TermSpace | None = None) -> list[ClaimGroup]:
    """Partition claims into groups that say the same thing, first appearance first."""
    space = space or TermSpace(claims)
    by_id = {c.id: c for c in claims}
    group_of: dict[str, ClaimGroup] = {}
    order: dict[str, int] = {}
    groups: list[ClaimGroup] = []
    for claim in appearance_order(claims):
        best, best_key = None, (0.0, 0)
        for other in space.candidates(claim.id):
            group = group_of.get(other)
            if group is None or claim.nested_in(by_id[other]):
                continue
            sim = space.same(claim.id, other, threshold)
            key = (sim, -order[group.id])  # most similar, then the earliest group
            if sim and key > best_key:
                best, best_key = group, key
        if best is None:
            best = ClaimGroup(id=stable_id("group", claim.id), label=claim.content, first_date=claim.date,
                              first_doc=claim.doc, first_claim=claim.id)
            order[best.id] = len(groups)
            groups.append(best)
        best.members.append(claim.id)
        best.sources.add(claim.doc)
        best.speakers.add(claim.speaker or f"unnamed:{claim.speaker_text or ''}")
        group_of[claim.id] = best
    return groups


def find_contradictions(claims: list[TrackedClaim], threshold: float = CONTRADICTION_THRESHOLD,
                        space: TermSpace | None = None) -> list[Contradiction]:
    """Pairs of similar claims where one negates or denies what the other says."""
    space = space or TermSpace(claims)
    by_id = {c.id: c for c in claims}
    denials = lexicon("denial_cues.txt")
    found: list[Contradiction] = []
    for claim in appearance_order(claims):
        if len(space.terms[claim.id]) < MIN_PROPOSITION_TERMS:
            continue  # "North Korea", "single mothers": a topic, not something one can deny
        for other_id in sorted(space.candidates(claim.id)):
            other = by_id[other_id]
            if other_id <= claim.id or (claim.doc, claim.offset) == (other.doc, other.offset):
                continue  # each pair once; joint speakers of one passage do not conflict
            if claim.nested_in(other) or claim.doc == other.doc and claim.speaker and claim.speaker == other.speaker:
                continue  # a claim reported inside another; one speaker's words in one article
            if len(space.terms[other_id]) < MIN_PROPOSITION_TERMS:
                continue
            sim = space.same(claim.id, other_id, threshold)
            if not sim:
                continue
            evidence = _contradiction_evidence(claim, other, denials)
            if evidence:
                found.append(Contradiction(claim.id, other_id, round(sim, 3), evidence))
    return found


def _cue_lemma(cue: str) -> str:
    word = cue.lower().split()[-1] if cue.split() else ""
    for suffix in ("ied", "ies", "ed", "es", "s", "ing"):
        if word.endswith(suffix) and len(word) > len(suffix) + 2:
            base = word[: -len(suffix)]
            return base + ("y" if suffix in ("ied", "ies") else "")
    return word


def _negativity(claim: TrackedClaim, denials) -> tuple[bool, list[str]]:
    """Whether the claim, all told, says "not X", and the reasons (each flips it)."""
    reasons = []
    if _cue_lemma(claim.cue) in denials or _cue_lemma(claim.cue) + "e" in denials:
        reasons.append(f"'{claim.cue}' is a denial")
    if claim.negated:
        reasons.append("its cue is negated")
    if claim.content_negated:
        reasons.append("its content is negated")
    return len(reasons) % 2 == 1, reasons


def _contradiction_evidence(a: TrackedClaim, b: TrackedClaim, denials) -> str | None:
    """Why ``a`` and ``b`` conflict, when one says "X" and the other "not X"."""
    negative_a, reasons_a = _negativity(a, denials)
    negative_b, reasons_b = _negativity(b, denials)
    if negative_a == negative_b:
        return None
    negative, positive, reasons = (a, b, reasons_a) if negative_a else (b, a, reasons_b)
    who = lambda c: c.speaker_text or c.speaker or "an unnamed source"
    return (f"{who(negative)} ({negative.cue}) says the opposite of {who(positive)} ({positive.cue}): "
            + "; ".join(reasons))
