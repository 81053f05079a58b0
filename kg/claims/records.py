"""Attributions -> finished :class:`~kg.records.Claim` records: one per content range and
speaker, with the speaker's label, negation, hedging and the claimant's stances."""

from __future__ import annotations

from spacy.tokens import Doc, Token

from ..actors import DocActors
from ..clauses import withheld_by
from ..ingest import Document
from ..lexicons import lexicon
from ..records import Claim, stable_id
from ..spans import is_negated, span_has_a_gap, span_has_verb, span_negated, span_predicate, span_subject
from ..stance import claim_stances
from .confidence import confidence
from .model import Attribution, Range


def is_hedged(doc: Doc, content: Range, cue: Token | None) -> bool:
    """True when a hedge (``kg/data/hedges.tsv``) is in the content or on the cue
    ("may", "reportedly said", "suggested that"); a reported "would" is no hedge."""
    hedges = {word for word, tags in lexicon("hedges.tsv").items() if "shifted" not in tags}
    span = doc.char_span(*content, alignment_mode="expand")
    words = [t for t in span] if span is not None else []
    if cue is not None:
        words += [cue, *cue.children]
    return any(t.lower_ in hedges or t.lemma_.lower() in hedges for t in words)


def sentence_span(doc: Doc, attribution: Attribution, content: Range) -> Range:
    anchor = attribution.cue_token
    if anchor is None:
        span = doc.char_span(*content, alignment_mode="expand")
        anchor = span[0] if span is not None and len(span) else None
    if anchor is None:
        return content
    sent = anchor.sent
    return min(sent.start_char, content[0], attribution.cue[0]), max(sent.end_char, content[1], attribution.cue[1])


def claims_of(document: Document, doc: Doc, actors: DocActors, attribution: Attribution,
              score: float | None = None) -> list[Claim]:
    """The claims of one attribution, with confidence ``score`` (by default its own)."""
    text = document.text
    cue_start, cue_end = attribution.cue
    speaker_span = attribution.source_span
    score = confidence(attribution) if score is None else score
    cue = attribution.cue_token
    negated = cue is not None and (is_negated(cue) or _withheld(cue))
    claims = []
    for content in attribution.contents:
        start, end = content
        if end <= start:
            continue
        hedged = is_hedged(doc, content, attribution.cue_token)
        sentence = sentence_span(doc, attribution, content)
        about = actors.actors_in(start, end)
        content_negated = span_negated(doc, start, end)
        proposition = span_has_verb(doc, start, end) and not span_has_a_gap(doc, start, end)
        subject, subject_text = content_subject(doc, actors, content)
        predicate = span_predicate(doc, *content)
        for speaker in attribution.speakers or [None]:
            claim = Claim(
                doc=document.id,
                id=stable_id(document.id, attribution.cue, content, speaker_span, speaker or ""),
                speaker=speaker,
                speaker_label=actors.label(speaker),
                speaker_text=text[speaker_span[0]:speaker_span[1]] if speaker_span else None,
                speaker_span=speaker_span,
                cue=text[cue_start:cue_end],
                cue_span=attribution.cue,
                content=text[start:end],
                content_span=content,
                kind=attribution.kind,
                about=about,
                sentence_span=sentence,
                confidence=score,
                negated=negated,
                hedged=hedged,
                rule=str(attribution.pattern),
                content_negated=content_negated,
                proposition=proposition,
                subject=speaker if _speaks_of_self(attribution, subject_text) else subject,
                subject_text=subject_text,
                predicate=predicate,
            )
            claim.stance = [stance.as_dict() for stance in claim_stances(doc, claim, actors)]
            claims.append(claim)
    return claims


def content_subject(doc: Doc, actors: DocActors, content: Range) -> tuple[str | None, str | None]:
    """The actor a content says something of (its subject's, when the subject names or
    stands for an actor: "he" resolved) and the subject's words as written."""
    head = span_subject(doc, *content)
    if head is None:
        return None, None
    words = [t for t in head.subtree if content[0] <= t.idx < content[1]]
    mention = actors.at(head.idx)
    return (mention.actor if mention else None), doc[words[0].i:words[-1].i + 1].text


def _speaks_of_self(attribution: Attribution, subject_text: str | None) -> bool:
    """Whether a quotation's subject is its speaker ("I pay my taxes", he said)."""
    return attribution.kind != "indirect" and (subject_text or "").lower() in ("i", "me")


def _withheld(cue: Token) -> bool:
    """Whether a verb before the cue says it was not done ("declined to recommend"; not
    "did not decline to recommend")."""
    withheld = withheld_by(cue)
    return withheld is not None and not is_negated(withheld)
