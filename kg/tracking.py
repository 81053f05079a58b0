"""Track claims across sources and time: claim groups and contradiction candidates.

Claims that say the same thing — in several articles, by several speakers — form one
group (a ``cg:Proposition``). Two claims say the same thing when claim matching
(:mod:`kg.match` by embeddings, confirmed by the pair encoder where they are unsure: the
decision ``kg match --method grouping`` prints) says so of their *matching texts*:
the content without its leading "that", or the cue and the content together when the
content only completes the cue ("urged | the senator to resign" is about urging, not
about the senator), a pronoun that is its subject named as the actor it was resolved to
("he will not run" of Jo Roe: "jo roe will not run"). A claim whose content is a bare
noun phrase ("the former governor"), or a clause missing what a wh-word before it stands
for ("what Roe says | his plan would do"), is a topic, not a proposition: it never joins
or anchors a group. Two claims that say something of two different actors
(:func:`about_different_actors`) never say the same thing.

Claims are taken a batch of documents at a time (as they are stored), each batch in
order of first appearance (date, then document, then offset); each joins the group of
the most similar claim seen before when matching says "same" of it and of the group's
first (oldest) claim (so groups do not grow by chains of near claims), else starts a
group. A :class:`Tracker` keeps the claims seen so far with their embeddings,
so claims of new documents are matched against what is stored without regrouping it:
existing groups never reshuffle, new claims join them or start their own.

Two claims are contradiction candidates when they are about the same proposition
(they match as claims of one group do, and closer still, or the pair encoder of
:mod:`kg.match`, which hardly sees a "not", reads them as one claim; a doubt needs only
the group's closeness; two claims that say it of one subject with one predicate and
share a word more need hardly any, and an index of subject and predicate finds them)
and one says "not X": a doubt ("too early to tell whether"), a
denial cue ("denied", "rejected"), a negated cue ("did not say") or a negated main
predicate of the content ("never used"). Two negative claims that agree, a claim and one
reported inside it, two claims of one speaker in one article, two claims said of
different actors or of a pronoun resolved to no one, and copies of one article are never
candidates, and a denial never joins the group of what it denies.

>>> a = TrackedClaim("c1", "d1", "2024-05-16", "putin", "Putin", "declared", "the two countries have a “no limits” partnership")
>>> b = TrackedClaim("c2", "d2", "2024-05-17", "china", "China", "said", "China and Russia have a partnership with “no limits”")
>>> c = TrackedClaim("c3", "d2", "2024-05-17", "xi", "Xi", "said", "trade with Europe will grow next year")
>>> [sorted(g.members) for g in group_claims([a, b, c])]
[['c1', 'c2'], ['c3']]
"""

from __future__ import annotations

import bisect
import functools
import re
from concurrent.futures import BrokenExecutor, Future
from dataclasses import dataclass, field
from typing import Callable, Iterable, Iterator, NamedTuple

import numpy as np

from . import match
from .lexicons import lexicon
from .names import DESCRIBED
from .records import ContradictionRecord, Group, Record, stable_id

GROUP_THRESHOLD = match.THRESHOLD
ANCHOR_THRESHOLD = 0.45  # how close a new member must be to its group's first claim: near one claim's 0.5, no drift
AVERAGE_THRESHOLD = 0.45  # and, on average, to its claims
MAX_GROUP_CHECK = 20  # members of a group that a new member is compared with (the first ones)
CONTRADICTION_THRESHOLD = 0.7  # closer than claims of one group
ALIGNED_THRESHOLD = 0.25  # how close two claims that say opposite things of one subject with one predicate must be
CANDIDATE_COSINE = 0.45  # nearest neighbours below this cosine are never compared
NEIGHBOURS = 12
CHUNK = 256  # claims whose neighbours are found together
COLUMN_BLOCK = 2048  # earlier claims compared with them in one matrix product: memory bounded at any size
TIE = 2.0 ** -52  # of equal cosines, the earlier claim first (a place's share of a key; below float32's step)
MIN_PROPOSITION_WORDS = 2
SAME_SPEAKER_BONUS = 0.05  # more glues one speaker's claims on a topic into one group
# constructions whose content only completes its cue: the cue is part of what is claimed
CUE_COMPLETED = {"object", "prep", "to", "passive", "passive-unsourced", "adjective", "pro-form", "noun", "as"}
Stage = Callable[[str, int], match.Progress]  # (what the work does now, of how many items) -> how to count them


def unwatched(text: str, total: int) -> match.Progress:
    """A stage nobody watches: counting its items does nothing."""
    return lambda done: None


SUBJECT_PRONOUNS = {"he", "she", "they"}  # compared as the actor they stand for
THAT = re.compile(r"^\s*(?:that|whether|if)\s+")  # lower case: "That makes me smart" keeps its subject


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
    rule: str | None = None
    proposition: bool = True  # False for a bare noun phrase (a topic)
    source: str | None = None  # the document this one copies, if any: one source, not two
    subject: str | None = None  # the actor the content says something of
    subject_text: str | None = None  # the words of the content's subject ("he", "the mayor")
    predicate: str | None = None  # the lemma of what the content says of its subject ("pay")

    @property
    def source_id(self) -> str:
        return self.source or self.doc

    def matching_text(self) -> str:
        """What is compared: the content, with its cue where the content only completes it,
        and a pronoun that is its subject as the actor it stands for (the words of its id:
        "he would not answer" of Jo Roe is "jo roe would not answer", as another article
        names him).

        >>> TrackedClaim("c", "d", None, None, "she", "urged", "the senator to resign", rule="to").matching_text()
        'urged the senator to resign'
        >>> TrackedClaim("c", "d", None, None, "she", "said", "that taxes will rise").matching_text()
        'taxes will rise'
        >>> TrackedClaim("c", "d", None, None, "he", "boasted", "“That makes me smart”", rule="direct").matching_text()
        'That makes me smart'
        >>> TrackedClaim("c", "d", None, None, None, "was accused of", "Roe was accused of lying",
        ...              rule="passive-unsourced").matching_text()
        'Roe was accused of lying'
        >>> TrackedClaim("c", "d", None, None, None, "rejected the claim", "that Roe lied", rule="object").matching_text()
        'Roe lied'
        >>> TrackedClaim("c", "d", None, None, None, "said", "that he would resign", subject="jo_roe",
        ...              subject_text="he").matching_text()
        'jo roe would resign'
        """
        unquoted = self.content.strip("“”\"‘’' ")
        content = THAT.sub("", unquoted)
        completed = (self.rule in CUE_COMPLETED and self.cue not in content  # "X was accused of Y" holds its cue
                     and content == unquoted)  # "the claim that X": X says it all
        content = self._subject_named(content)
        return f"{self.cue} {content}" if completed else content

    def _subject_named(self, content: str) -> str:
        """``content`` with the pronoun that opens it as its subject ("he", "she", "they")
        replaced by the words of the actor it was resolved to (not an actor of one
        document, known by a description)."""
        pronoun = self.subject_text or ""
        if not self.subject or pronoun.lower() not in SUBJECT_PRONOUNS or self.subject.startswith(DESCRIBED) \
                or not content.startswith(pronoun + " "):
            return content
        return " ".join(w for w in self.subject.split("_") if not w.isdigit()) + content[len(pronoun):]

    def is_topic(self) -> bool:
        """A bare noun phrase or a few words: nothing one could check or deny."""
        return not self.proposition or len(match.content_words(self.content)) < MIN_PROPOSITION_WORDS

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
    order: list[tuple] = field(default_factory=list, repr=False)  # the members' places in order of appearance

    def add(self, claim: TrackedClaim) -> None:
        """Add a member in its place by first appearance, wherever it arrives: the
        first member is the oldest claim, which the others must match."""
        key = appearance_key(claim)
        place = bisect.bisect(self.order, key)
        self.order.insert(place, key)
        self.members.insert(place, claim.id)
        self.sources.add(claim.source_id)
        self.speakers.add(claim.speaker or f"unnamed:{(claim.speaker_text or '').lower()}")
        dated_first = claim.date and (not self.first_date or claim.date < self.first_date)
        if self.first_claim is None or dated_first:
            self.first_claim, self.first_doc, self.first_date = claim.id, claim.doc, claim.date


@dataclass
class Contradiction:
    claim: str
    other: str
    similarity: float
    evidence: str


def appearance_key(claim: TrackedClaim) -> tuple[str, str, int, str]:
    """Where a claim comes in order of first appearance: date (undated last), document, offset."""
    return claim.date or "9999", claim.doc, claim.offset, claim.id


def appearance_order(claims: Iterable[TrackedClaim]) -> list[TrackedClaim]:
    """Claims by first appearance: date (undated last), document, offset."""
    return sorted(claims, key=appearance_key)


class Tracker:
    """The claims tracked so far, their groups and an embedding index to match new claims.

    ``add`` takes the claims of new documents and returns the groups they changed or
    started and the contradiction candidates they take part in.
    """

    def __init__(self) -> None:
        self.claims: list[TrackedClaim] = []
        self.texts: list[match.Text | None] = []  # prepared when first compared
        self.embeddings = Embeddings()
        self._fresh = np.zeros((0, 384), dtype=np.float32)  # the last rows, in full precision while being added
        self.groups: dict[str, ClaimGroup] = {}
        self.group_of: dict[str, str] = {}
        self.index_of: dict[str, int] = {}
        self.saying: dict[tuple[str, str], list[int]] = {}  # (subject, predicate) -> the claims saying it

    def load(self, claims: list[TrackedClaim], vectors: np.ndarray, groups: Iterable[ClaimGroup]) -> None:
        """Known claims (propositions only) with their stored embeddings and groups."""
        self._index(claims)
        self.claims.extend(claims)
        self.texts.extend([None] * len(claims))
        self.embeddings.append(vectors)
        for group in groups:
            self.groups[group.id] = group
            for member in group.members:
                self.group_of[member] = group.id

    def _append(self, claims: list[TrackedClaim], texts: list[match.Text]) -> None:
        self._index(claims)
        self.claims.extend(claims)
        self.texts.extend(texts)
        if texts:
            self._fresh = np.array([t.vector for t in texts])
            self.embeddings.append(self._fresh)

    def _index(self, claims: list[TrackedClaim]) -> None:
        """Index claims about to be appended by id and by what they say of whom."""
        for place, claim in enumerate(claims, len(self.claims)):
            self.index_of[claim.id] = place
            for key in saying_keys(claim):
                self.saying.setdefault(key, []).append(place)

    def alike(self, index: int) -> list[int]:
        """Up to ``NEIGHBOURS`` claims before the one at ``index`` (the latest first) that
        say something of its subject with its predicate, however far their wording is:
        "X has not paid taxes" against "Of course I pay taxes" (X speaking)."""
        places = {p for key in saying_keys(self.claims[index]) for p in self.saying[key] if p < index}
        return sorted(places, reverse=True)[:NEIGHBOURS]

    @property
    def matrix(self) -> np.ndarray:
        """The embeddings of the claims held, in half precision, as a store keeps them."""
        return self.embeddings.half

    def text(self, index: int) -> match.Text:
        """The prepared text of the claim at ``index`` (a stored claim is prepared on first use)."""
        if self.texts[index] is None:
            stored = self.matrix[index:index + 1].astype(np.float32)
            [self.texts[index]] = match.prepare([self.claims[index].matching_text()], vectors=stored)
        return self.texts[index]

    def vectors(self, low: int, high: int) -> np.ndarray:
        """The embeddings of the claims from ``low`` to ``high``, in single precision (those
        being added as they were embedded)."""
        fresh = len(self.embeddings) - len(self._fresh)
        parts = [self.embeddings.rows(low, min(high, fresh)), self._fresh[max(low, fresh) - fresh:max(high, fresh) - fresh]]
        return np.concatenate([part for part in parts if len(part)] or [parts[1]])

    def neighbour_lists(self, start: int) -> Iterator[list[int]]:
        """For each claim from ``start`` on, up to ``NEIGHBOURS`` earlier claims closest to
        it (:func:`nearest_rows`)."""
        count = len(self.claims)
        yield from nearest_rows(self.vectors(start, count), self.vectors, count, limits=np.arange(start, count))

    def score(self, index: int, other: int) -> float:
        """How surely the claims at ``index`` and ``other`` say the same thing (claim
        matching by embeddings); a speaker who says much the same in two articles is taken
        to repeat the claim; claims about two different actors never say the same thing."""
        if about_different_actors(self.claims[index], self.claims[other]):
            return 0.0
        a, b = self.text(index), self.text(other)
        score = match.embedding_similarity(a, b)
        return match.unless_figures_differ(score + SAME_SPEAKER_BONUS, a, b) if self.repeats(index, other) else score

    def repeats(self, index: int, other: int) -> bool:
        """Whether one speaker says the claims at ``index`` and ``other`` in two sources."""
        a, b = self.claims[index], self.claims[other]
        return bool(a.speaker) and a.speaker == b.speaker and a.source_id != b.source_id

    def clearest(self, group: ClaimGroup) -> str:
        """The group's label: the content of the claim most like its other claims (among
        the first ones), the one that says best what they all say.

        >>> tracker = Tracker()
        >>> _ = tracker.add([TrackedClaim(c, "d" + c, None, None, "", "said", text) for c, text in [
        ...     ("a", "the steel plant will close"), ("b", "the steel plant will close in May"),
        ...     ("c", "the steel plant is to close in May")]])
        >>> [group] = tracker.groups.values()
        >>> group.members, group.label
        (['a', 'b', 'c'], 'the steel plant will close in May')
        """
        members = [self.index_of[m] for m in group.members[:MAX_GROUP_CHECK] if m in self.index_of]
        if len(members) < 3:
            return group.label
        vectors = np.concatenate([self.vectors(m, m + 1) for m in members])
        best = members[int(np.argmax((vectors @ vectors.T).sum(1)))]
        return self.claims[best].content

    def _matches_anchor(self, index: int, member: str) -> bool:
        """Whether ``text`` says what the first claim of ``member``'s group says, and on
        average what its claims say: a claim joins a group for what the group claims, not
        through a chain of near ones."""
        members = self.groups[self.group_of[member]].members[:MAX_GROUP_CHECK]
        scores = [self.score(index, self.index_of[m]) for m in members]
        return scores[0] >= ANCHOR_THRESHOLD and sum(scores) / len(scores) >= AVERAGE_THRESHOLD

    def add(self, claims: list[TrackedClaim], prepared: dict[str, match.Text] | None = None,
            stage: Stage = unwatched) -> tuple[list[ClaimGroup], list[Contradiction]]:
        """Match ``claims`` (embedded here, unless ``prepared`` holds their texts by id)
        against the claims tracked so far and each other; ``stage`` hears what is done
        and how far it is (embedding, comparing, reading close pairs, grouping)."""
        new = matched_claims(claims)
        start = len(self.claims)
        texts = ([prepared[c.id] for c in new] if prepared is not None else
                 match.prepare([c.matching_text() for c in new], progress=stage("embedding claims", len(new))))
        self._append(new, texts)
        touched: dict[str, ClaimGroup] = {}
        contradictions: list[Contradiction] = []
        candidates_of = self._candidates(start, stage)
        grouped = stage("grouping claims", len(new))
        for index, candidates in enumerate(candidates_of, start):
            grouped(1)
            claim = self.claims[index]
            best, best_score = None, GROUP_THRESHOLD
            for candidate in candidates:
                other = self.claims[candidate.other]
                if candidate.conflict is not None:
                    contradictions.append(contradiction(claim, other, candidate.evidence, candidate.conflict))
                    continue
                if _denies(candidate.evidence):
                    continue
                score = candidate.similarity
                if score >= best_score and other.id in self.group_of and self._matches_anchor(index, other.id):
                    best, best_score = self.group_of[other.id], score
            if best is None:
                group = ClaimGroup(id=stable_id("group", claim.id), label=claim.content)
                self.groups[group.id] = group
                best = group.id
            self.groups[best].add(claim)
            self.group_of[claim.id] = best
            self.groups[best].label = self.clearest(self.groups[best])
            touched[best] = self.groups[best]
        self._settle(start)
        return list(touched.values()), contradictions

    def _settle(self, start: int) -> None:
        """Keep the claims from ``start`` on as a store keeps them, their embeddings in
        half precision: claims tracked a batch at a time meet the same numbers whether
        the earlier batches are held here (``kg extract``) or read from a store (``kg
        build``). Every prepared text is dropped (made again from its embedding when next
        compared): what the tracker holds between batches is the claims and their embeddings."""
        self._fresh = self._fresh[:0]
        self.texts = [None] * len(self.texts)

    def _candidates(self, start: int, stage: Stage = unwatched) -> list[list[Candidate]]:
        """For each claim from ``start`` on, its neighbours (not nested in it), each as a
        :class:`Candidate`: every pair the pair encoder must read (to confirm a match the
        embeddings are unsure of, or a contradiction) is read in one batch, as it costs far
        less than one pair at a time."""
        denials = lexicon("denial_cues.txt")
        candidates, to_encode = [], set()
        compared = stage("comparing claims with their nearest", len(self.claims) - start)
        for index, neighbours in enumerate(self.neighbour_lists(start), start):
            compared(1)
            neighbours += [other for other in self.alike(index) if other not in neighbours]
            claim, text, found = self.claims[index], self.texts[index], []
            for other_index in neighbours:
                other = self.claims[other_index]
                if claim.nested_in(other):
                    continue
                other_text = self.text(other_index)
                evidence = _contradiction_evidence(claim, other, denials, (text.negations, other_text.negations))
                matter = _same_matter(claim, other, text, other_text, evidence)
                if needs_encoder(matter, evidence):
                    to_encode.add((index, other_index))
                found.append((other_index, evidence, matter, self.score(index, other_index)))
            joinable = [(other, score) for other, evidence, _, score in found if not _denies(evidence)]
            closest = max(joinable, key=lambda pair: pair[1], default=None)
            if closest and self._needs_encoder(index, *closest):
                to_encode.add((index, closest[0]))  # the encoder confirms the closest match only
            candidates.append(found)
        to_read = sorted(to_encode)
        read = stage("reading close pairs both ways", 2 * len(to_read))
        pairs = [(self.texts[i], self.text(j)) for i, j in to_read]
        scores = match.similarities(pairs, progress=read) if pairs else []
        encoded = dict(zip(to_read, map(float, scores)))
        return [[Candidate(other, evidence, contradiction_score(matter, evidence, encoded.get((index, other))),
                           min(score, encoded.get((index, other), 0.0)) if self._needs_encoder(index, other, score)
                           else score)
                 for other, evidence, matter, score in found]  # encoded 0: not read, not the closest
                for index, found in enumerate(candidates, start)]

    def _needs_encoder(self, index: int, other: int, similarity: float) -> bool:
        """Whether a pair joins only if the encoder agrees (:func:`kg.match.confirmed`):
        where the embeddings are unsure and the contents share few words
        (:func:`kg.match.needs_encoder`), and for two claims of one document however close
        their embeddings, since one article's claims share its topic ("psilocybin binds to
        a receptor" / "psilocybin transformed the brain's organisation") and the embeddings
        read a shared topic as the same claim."""
        if self.claims[index].doc == self.claims[other].doc:
            return similarity >= match.THRESHOLD
        return match.needs_encoder(similarity, self.text(index), self.text(other))


def _denies(evidence: Evidence | None) -> bool:
    """Whether one of two claims denies the other: it never joins the group of what it denies."""
    return bool(evidence and evidence.denial)


class Candidate(NamedTuple):
    """A claim near a new one: why they conflict (if they do), how surely they contradict
    each other (None when they do not) and how surely they say the same thing (the
    ``grouping`` decision of :mod:`kg.match`, with a same speaker's bonus)."""

    other: int  # its place in the tracker
    evidence: Evidence | None
    conflict: float | None
    similarity: float


class Embeddings:
    """Unit-length embeddings in half precision (as a store keeps them), in a buffer that
    doubles when full: appending a batch at a time copies them a few times, not once a batch.

    >>> embeddings = Embeddings()
    >>> embeddings.append(np.array([[0.6, 0.8]]))
    >>> len(embeddings), embeddings.rows(0, 1).dtype
    (1, dtype('float32'))
    """

    def __init__(self) -> None:
        self._buffer = np.zeros((0, 0), dtype=np.float16)
        self.half = self._buffer  # the embeddings held: a view of the buffer's first rows

    def __len__(self) -> int:
        return len(self.half)

    def append(self, vectors: np.ndarray) -> None:
        count, total = len(self.half), len(self.half) + len(vectors)
        if not len(vectors):
            return
        if total > len(self._buffer):
            grown = np.zeros((max(2 * len(self._buffer), total), vectors.shape[1]), dtype=np.float16)
            if count:
                grown[:count] = self.half
            self._buffer = grown
        self._buffer[count:total] = vectors
        self.half = self._buffer[:total]

    def rows(self, low: int, high: int) -> np.ndarray:
        """The embeddings from ``low`` to ``high``, in single precision."""
        return self.half[low:high].astype(np.float32)


def nearest_rows(queries: np.ndarray, rows: Callable[[int, int], np.ndarray], count: int,
                 limits: np.ndarray | None = None) -> list[list[int]]:
    """For each of ``queries``, the places of the ``NEIGHBOURS`` of the ``count`` rows
    (``rows(low, high)`` gives them) closest to it by cosine, of at least
    ``CANDIDATE_COSINE``, best first (of equal cosines, the first place); ``limits``: each
    query looks only at the places before its own limit. ``CHUNK`` queries meet a block
    of ``COLUMN_BLOCK`` rows at a time, each query keeping its best so far: what is held
    does not grow with the number of rows.

    >>> rows = np.array([[1.0, 0.0], [0.6, 0.8], [0.8, 0.6]], dtype=np.float32)
    >>> nearest_rows(rows[:1], lambda low, high: rows[low:high], 3)
    [[0, 2, 1]]
    >>> nearest_rows(rows, lambda low, high: rows[low:high], 3, limits=np.arange(3))
    [[], [0], [1, 0]]
    """
    found = []
    for low in range(0, len(queries), CHUNK):
        chunk = queries[low:low + CHUNK]
        bounds = None if limits is None else limits[low:low + CHUNK]
        end = count if bounds is None else min(count, int(bounds.max()))
        best = np.full((len(chunk), 0), -np.inf)
        places = np.zeros((len(chunk), 0), dtype=np.int64)
        for first in range(0, end, COLUMN_BLOCK):
            cosines = chunk @ rows(first, min(first + COLUMN_BLOCK, end)).T
            where = np.arange(first, first + cosines.shape[1])
            keys = cosines.astype(np.float64) - where * TIE  # no two keys equal: the same choice whatever the blocks
            keys[cosines < CANDIDATE_COSINE] = -np.inf
            if bounds is not None and where[-1] >= bounds.min():
                keys[where[None, :] >= bounds[:, None]] = -np.inf
            best = np.concatenate([best, keys], axis=1)
            places = np.concatenate([places, np.broadcast_to(where, keys.shape)], axis=1)
            if best.shape[1] > NEIGHBOURS:
                keep = np.argpartition(-best, NEIGHBOURS - 1, axis=1)[:, :NEIGHBOURS]
                best, places = np.take_along_axis(best, keep, 1), np.take_along_axis(places, keep, 1)
        order = np.argsort(-best, axis=1)
        found.extend([int(places[row, i]) for i in order[row] if best[row, i] > -np.inf] for row in range(len(chunk)))
    return found


def group_claims(claims: list[TrackedClaim]) -> list[ClaimGroup]:
    """Partition the propositions among ``claims`` into groups that say the same thing.

    Topics (bare noun phrases) are left out: they stand alone.
    """
    tracker = Tracker()
    tracker.add(claims)
    return list(tracker.groups.values())


def find_contradictions(claims: list[TrackedClaim]) -> list[Contradiction]:
    """Pairs of claims about the same proposition where one negates or denies what the other says."""
    tracker = Tracker()
    return tracker.add(claims)[1]


def from_record(claim, document) -> TrackedClaim:
    """A claim record (``kg.records.Claim``) of a document record, as tracking sees it."""
    return TrackedClaim(claim.id, claim.doc, (document.published or "")[:10] or None, claim.speaker,
                        claim.speaker_text, claim.cue, claim.content, claim.negated, claim.content_negated,
                        claim.content_span[0], claim.content_span[1], rule=claim.rule,
                        proposition=claim.proposition, source=getattr(document, "duplicate_of", None),
                        subject=claim.subject, subject_text=claim.subject_text, predicate=claim.predicate)


def matched_claims(claims: Iterable[TrackedClaim]) -> list[TrackedClaim]:
    """The claims that tracking matches, in the order it takes them: the propositions (a
    topic stands alone), by first appearance."""
    return [c for c in appearance_order(claims) if not c.is_topic()]


@dataclass
class ClaimBatch:
    """The claims of a batch of documents, as tracking sees them, and the embeddings of
    their matching texts when they are made ahead (a future of :func:`kg.match.embed`)."""

    claims: list[TrackedClaim]
    embedded: Future | None = None

    @functools.cached_property
    def texts(self) -> dict[str, str]:
        """The matching texts of :func:`matched_claims` by claim id, in that order."""
        return {c.id: c.matching_text() for c in matched_claims(self.claims)}

    def release(self) -> None:
        """Drop what tracking no longer needs once the batch is tracked: its embeddings (the
        tracker keeps them, in half precision) and its matching texts."""
        self.embedded = None
        self.__dict__.pop("texts", None)

    def prepared(self, stage: Stage = unwatched) -> dict[str, match.Text]:
        """The matching texts by claim id, embedded."""
        try:
            vectors = self.embedded.result() if self.embedded else None
        except BrokenExecutor:  # the embedding process died (killed, out of memory): embed here
            vectors = None
        progress = stage("embedding claims", len(self.texts)) if vectors is None else None
        return dict(zip(self.texts, match.prepare(list(self.texts.values()), vectors, progress=progress)))


def claim_batch(results, embedder: match.EmbeddingProcess | None = None) -> ClaimBatch:
    """The claims of a batch of document results (``kg.pipeline.DocumentResult``), handed
    to ``embedder`` to embed ahead when there is one."""
    batch = ClaimBatch([from_record(claim, result.document) for result in results for claim in result.claims])
    if embedder and batch.texts:
        batch.embedded = embedder.submit(list(batch.texts.values()))
    return batch


def track_records(batches: list[ClaimBatch], stage: Stage = unwatched) -> Iterator[Record]:
    """The ``group`` (two claims or more) and ``contradiction`` records of a run's claims,
    tracked a batch at a time (as ``kg build`` tracks them); ``stage`` hears how many claims
    there are and how many each batch tracked."""
    tracker, contradictions = Tracker(), []
    tracked = stage("tracking claims", sum(len(batch.claims) for batch in batches))
    for batch in batches:
        contradictions += tracker.add(batch.claims, batch.prepared())[1]
        batch.release()
        tracked(len(batch.claims))
    for group in tracker.groups.values():
        if len(group.members) > 1:
            yield Group(group.id, group.label, group.members, len(group.sources), len(group.speakers),
                        group.first_date, group.first_claim)
    for found in contradictions:
        yield ContradictionRecord(found.claim, found.other, found.similarity, found.evidence)


def contradiction_score(matter: float | None, evidence: Evidence | None, encoded: float | None) -> float | None:
    """How surely two claims contradict each other, or None when they are no candidate.
    They are when they are about the same matter (``matter``, :func:`_same_matter`) and
    one doubts what the other says, denies it or says it with a "not": they match as
    claims of one group do, and, for a denial or a mere "not", their embeddings are closer
    still or the pair encoder (``encoded``, read when :func:`needs_encoder` says so), which
    hardly sees a "not", reads them as one claim (what a denial names, "the notion that
    ...", "his comments that ...", is often near another claim's topic without being its
    claim). ``evidence`` is why they conflict (:func:`_contradiction_evidence`).

    >>> contradiction_score(0.8, None, None), contradiction_score(None, None, 0.9)
    (0.8, None)
    """
    if matter is None:
        return None
    if matter >= CONTRADICTION_THRESHOLD or evidence.explicit or evidence.aligned:
        return matter
    return encoded if encoded is not None and encoded >= CONTRADICTION_THRESHOLD else None


def needs_encoder(matter: float | None, evidence: Evidence | None) -> bool:
    """Whether :func:`contradiction_score` needs the pair encoder's reading of two claims."""
    return matter is not None and matter < CONTRADICTION_THRESHOLD and not (evidence.explicit or evidence.aligned)


def contradiction(a: TrackedClaim, b: TrackedClaim, evidence: Evidence, score: float) -> Contradiction:
    """The contradiction candidate of two claims (see :func:`contradiction_score`)."""
    first, second = sorted((a.id, b.id))
    return Contradiction(first, second, round(score, 3), evidence.text)


def _same_matter(a: TrackedClaim, b: TrackedClaim, text_a: match.Text, text_b: match.Text,
                 evidence: Evidence | None) -> float | None:
    """The similarity of two conflicting claims that may contradict each other, or None
    when they cannot: no conflict, one speaker's words in one article (or joint speakers
    of one passage), a question, or not the same matter."""
    if not evidence:
        return None
    if a.doc == b.doc and a.speaker and a.speaker == b.speaker or (a.doc, a.offset) == (b.doc, b.offset):
        return None
    if _asks(a) or _asks(b):
        return None
    if evidence.subject is False and not evidence.explicit:
        return None  # "X did" and "Y did not" (or "they did not", of whom?) say nothing of each other
    score = match.embedding_similarity(text_a, text_b)
    return score if score >= (ALIGNED_THRESHOLD if evidence.aligned else GROUP_THRESHOLD) else None


def shared_subject(a: TrackedClaim, b: TrackedClaim) -> str | bool | None:
    """The actor both contents say something of; False when they speak of different ones
    or one of them of someone unknown (a pronoun left unresolved); None when one cannot
    tell (a subject that is no actor: "the video", "taxes").

    >>> mayor = lambda subject, text="he": TrackedClaim("c", "d", None, None, None, "said", "x", subject=subject, subject_text=text)
    >>> shared_subject(mayor("jo_roe"), mayor("jo_roe")), shared_subject(mayor("jo_roe"), mayor("ann_lee"))
    ('jo_roe', False)
    >>> shared_subject(mayor("jo_roe"), mayor(None, "they")), shared_subject(mayor("jo_roe"), mayor(None, "the video"))
    (False, None)
    """
    if a.subject and b.subject:
        return a.subject if a.subject == b.subject else False
    unknown = [(c.subject_text or "").lower() in _unresolved_pronouns() for c in (a, b) if not c.subject]
    if any(unknown) and not (all(unknown) and a.doc == b.doc and a.subject_text.lower() == b.subject_text.lower()):
        return False  # someone unknown; but "I" and "I" in one article may well be one person
    return None


def about_different_actors(a: TrackedClaim, b: TrackedClaim) -> bool:
    """Whether the two contents say something of two different actors, each named or
    resolved ("Clinton has the qualifications to be president" / "he [Trump] is
    unqualified to be president"); a subject of several ("Clinton and Trump are tied") is
    no one actor's.

    >>> says = lambda subject, text: TrackedClaim("c", "d", None, None, None, "said", "x", subject=subject, subject_text=text)
    >>> about_different_actors(says("jo_roe", "Roe"), says("ann_lee", "she"))
    True
    >>> about_different_actors(says("jo_roe", "Roe and Lee"), says("ann_lee", "she")), about_different_actors(says("jo_roe", "he"), says(None, "they"))
    (False, False)
    """
    return bool(a.subject and b.subject) and a.subject != b.subject and not (_several(a) or _several(b))


def _several(claim: TrackedClaim) -> bool:
    """Whether the content's subject lists several ("Clinton and Trump")."""
    return bool(re.search(r"\band\b|\bor\b|&|,", claim.subject_text or ""))


def same_predicate(a: TrackedClaim, b: TrackedClaim) -> bool:
    """Whether both contents say the same thing of their subject, one perhaps with a
    negative prefix ("respect" / "disrespect").

    >>> says = lambda predicate: TrackedClaim("c", "d", None, None, None, "said", "x", predicate=predicate)
    >>> same_predicate(says("pay"), says("pay")), same_predicate(says("respect"), says("disrespect"))
    (True, True)
    """
    if not a.predicate or not b.predicate:
        return False
    return any(x == y or x == prefix + y for x, y in ((a.predicate, b.predicate), (b.predicate, a.predicate))
               for prefix in ("", *NEGATIVE_PREFIXES))


def saying_keys(claim: TrackedClaim) -> list[tuple[str, str]]:
    """The (subject, predicate) keys under which claims that may say the opposite of
    ``claim`` are found: its own, and without a negative prefix ("disrespect": respect).

    >>> saying_keys(TrackedClaim("c", "d", None, None, None, "said", "x", subject="roe", predicate="disrespect"))
    [('roe', 'disrespect'), ('roe', 'respect')]
    """
    if not claim.subject or not claim.predicate:
        return []
    bare = [claim.predicate[len(p):] for p in NEGATIVE_PREFIXES if claim.predicate.startswith(p)]
    return [(claim.subject, predicate) for predicate in [claim.predicate, *bare]]


def shared_object(a: TrackedClaim, b: TrackedClaim) -> frozenset[str]:
    """The words (their first ``kg.match.STEM`` letters) both contents hold besides their subject
    and predicate: what they say it of ("pay *taxes*", "respect for the *military*").

    >>> says = lambda content: TrackedClaim("c", "d", None, None, None, "said", content, subject_text="Jo Roe", predicate="pay")
    >>> sorted(shared_object(says("Jo Roe never paid federal taxes"), says("Of course, Jo Roe pays federal income taxes")))
    ['feder', 'taxes']
    """
    said = match.stems(a.subject_text or "") | match.stems(b.subject_text or "") \
        | {(c.predicate or "")[:match.STEM] for c in (a, b)}
    return (match.stems(a.content) & match.stems(b.content)) - said


def _alignment(a: TrackedClaim, b: TrackedClaim) -> dict:
    subject = shared_subject(a, b)
    return {"subject": subject, "aligned": bool(subject) and same_predicate(a, b) and bool(shared_object(a, b))}


@functools.cache
def _unresolved_pronouns() -> frozenset[str]:
    """Pronouns that, unresolved, leave who is spoken of unknown ("it" is mostly a thing)."""
    pronouns = frozenset(lexicon("pronouns.tsv")) | frozenset(lexicon("lone_pronouns.txt"))
    return pronouns - {"it", "its", "itself", "which", "that", "who"}


def _asks(claim: TrackedClaim) -> bool:
    """Whether the claim asks rather than asserts: its cue asks or wonders ("asked about",
    "wondered whether") or its content is a question."""
    return (bool(_cue_lemmas(claim.cue).intersection(lexicon("question_predicates.txt")))
            or claim.content.rstrip(" \"'”’").endswith("?"))


def _cue_lemmas(cue: str) -> set[str]:
    """The rough lemma of each word of a cue ("rejected the claim": reject, the, claim)."""
    return {_cue_lemma(word) for word in cue.split()}


def _cue_lemma(cue: str) -> str:
    word = cue.lower().split()[-1] if cue.split() else ""
    for suffix in ("ied", "ies", "ed", "es", "s", "ing"):
        if word.endswith(suffix) and len(word) > len(suffix) + 2:
            base = word[: -len(suffix)]
            return base + ("y" if suffix in ("ied", "ies") else "")
    return word


DENIAL, DOUBT, NEGATED_CUE, NEGATED_CONTENT = "denial", "doubt", "negated cue", "negated content"
EXPLICIT = {DOUBT}  # a claimant who doubts says "not X" of the matter itself, on purpose


def _negativity(claim: TrackedClaim, denials) -> tuple[bool, dict[str, str]]:
    """Whether the claim, all told, says "not X", and the reasons (each flips it), by kind."""
    reasons = {}
    if any(lemma in denials or lemma + "e" in denials for lemma in _cue_lemmas(claim.cue)):
        reasons[DENIAL] = f"'{claim.cue}' is a denial"
    if claim.negated:
        reasons[NEGATED_CUE] = "its cue is negated"
    if claim.content_negated:
        reasons[NEGATED_CONTENT] = "its content is negated"
    doubt = doubt_phrase(_opening(claim.content))
    if doubt:
        reasons[DOUBT] = f"its content doubts it ('{doubt}')"
    return len(reasons) % 2 == 1, reasons


OPENING_WORDS = 8


def _opening(content: str) -> str:
    """The first words of a content's first sentence, where the claimant's own doubt sits
    ("he was skeptical that ...", "it is too early to tell whether ..."); a doubt deeper in
    (someone else's, reported: "when they hear a candidate say it's a hoax") is not the
    claim's.

    >>> _opening("It is too early to tell. But a hoax it is not, he said of the plan")
    'It is too early to tell.'
    """
    first = re.split(r"(?<=[.!?])\s+", content.strip(), maxsplit=1)[0]
    return " ".join(first.split()[:OPENING_WORDS])


def doubt_phrase(text: str) -> str | None:
    """The first word or phrase of ``kg/data/doubt_phrases.txt`` in ``text``, if any.

    >>> doubt_phrase("He was skeptical that Russia was involved")
    'skeptical'
    >>> doubt_phrase("It was too early to tell whether it was a bomb")
    'too early to tell'
    """
    found = _doubt_pattern().search(text)
    return found.group(1).lower() if found else None


@functools.cache
def _doubt_pattern() -> re.Pattern:
    phrases = sorted(lexicon("doubt_phrases.txt"), key=len, reverse=True)
    return re.compile(r"\b(" + "|".join(map(re.escape, phrases)) + r")(?:s|ed|ing)?\b", re.IGNORECASE)


def polarity_words(text: str) -> dict[str, str]:
    """The favourable (+) and hostile (-) words of ``kg/data/polarity.tsv`` in ``text``, by
    word form ("supported" is "support", +); a negative prefix turns the sign ("disrespected"
    is the opposite of "respect").

    >>> polarity_words("The mayor praised the plan and criticized its cost")
    {'praised': '+', 'criticized': '-'}
    >>> polarity_words("He has been disrespecting the veterans")
    {'disrespecting': '-'}
    """
    found = {}
    for word in re.findall(r"[a-z]+", text.lower()):
        sign = _polarity(word)
        if sign is None and word.startswith(NEGATIVE_PREFIXES):
            sign = {"+": "-", "-": "+"}.get(_polarity(word[2:] if word.startswith("un") else word[3:]))
        if sign:
            found[word] = sign
    return found


NEGATIVE_PREFIXES = ("dis", "un")  # "disrespect" is the opposite of "respect"


def _polarity(word: str) -> str | None:
    polar = _polar_lemmas()
    for cut in range(len(word), 3, -1):
        if word[:cut] in polar and len(word) - cut <= 3:
            return polar[word[:cut]]
    return None


@functools.cache
def _polar_lemmas() -> dict[str, str]:
    return {lemma: ("+" if "+" in tags else "-") for lemma, tags in lexicon("polarity.tsv").items()
            if " " not in lemma and len(lemma) >= 4}


class Evidence(NamedTuple):
    """Why two claims conflict, whether one of them doubts on purpose and whether one denies."""

    text: str
    explicit: bool = False
    denial: bool = False
    subject: str | bool | None = None  # what both say it of (:func:`shared_subject`)
    aligned: bool = False  # one subject, one predicate: "X paid" / "X has not paid"


def _contradiction_evidence(a: TrackedClaim, b: TrackedClaim, denials,
                            negations: tuple[int, int] = (0, 0)) -> Evidence | None:
    """Why ``a`` and ``b`` conflict: one says "X" and the other "not X", or they judge
    the same matter with words of opposite polarity ("supported" / "opposed").

    A negated content says "not X" only against a content free of any "not": the parser
    reads the negation of the main clause alone, and two contents that both hold one
    ("the video does not show a gun" / "the video was inconclusive and did not show a
    gun") mostly agree."""
    negative_a, reasons_a = _negativity(a, denials)
    negative_b, reasons_b = _negativity(b, denials)
    who = lambda c: c.speaker_text or c.speaker or "an unnamed source"
    if negative_a == negative_b:
        words_a, words_b = polarity_words(a.content), polarity_words(b.content)
        signs_a, signs_b = set(words_a.values()), set(words_b.values())
        if len(signs_a) == 1 and len(signs_b) == 1 and signs_a != signs_b:
            return Evidence(f"{who(a)} ({a.cue}: '{', '.join(words_a)}') and {who(b)} ({b.cue}: "
                            f"'{', '.join(words_b)}') judge the same matter in opposite words",
                            **_alignment(a, b))
        return None
    negative, positive, reasons = (a, b, reasons_a) if negative_a else (b, a, reasons_b)
    if list(reasons) == [NEGATED_CONTENT] and negations[1 if negative is a else 0]:
        return None
    return Evidence(f"{who(negative)} ({negative.cue}) says the opposite of {who(positive)} ({positive.cue}): "
                    + "; ".join(reasons.values()), explicit=len(reasons) == 1 and set(reasons) <= EXPLICIT,
                    denial=DENIAL in reasons, **_alignment(a, b))
