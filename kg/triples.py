"""Subject-predicate-object triples from the clauses of the dependency parse.

Every verb with a subject yields one triple per object it takes: a direct object
(``welcomed Putin``), a copular complement (``is hard-earned``), a prepositional object
with the preposition kept in the predicate (``depend on Beijing``), or, in the passive,
the ``by``-agent as the subject (``was rejected by Ukraine`` -> reject(Ukraine, ...)).
Coordinated subjects and objects are expanded. A triple inside a claim's content is
``asserted_by`` that claim rather than stated in the article's own voice.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from .actors import DocActors
from .ingest import Document
from .records import Claim, Triple, stable_id
from .spans import char_span, is_negated, trim

SUBJECTS = {"nsubj", "nsubjpass"}
OBJECTS = {"dobj", "attr", "acomp", "oprd", "dative"}
ARGUMENT_STOP_DEPS = {"relcl", "appos", "acl", "punct", "cc"}
MODALS = {"can", "could", "may", "might", "must", "shall", "should", "will", "would"}


def argument_range(head: Token) -> tuple[int, int]:
    """Token range of an argument: the head's subtree without a trailing relative clause,
    apposition or coordination (conjuncts are triples of their own)."""
    start, end = head.left_edge.i, head.i + 1
    for child in head.rights:
        if child.dep_ in ARGUMENT_STOP_DEPS or child.dep_ == "conj":
            break
        end = child.right_edge.i + 1
    for child in head.lefts:
        if child.dep_ in {"cc", "preconj"}:
            start = child.i + 1
    return trim(head.doc, start, end)


def with_conjuncts(token: Token) -> list[Token]:
    return [token, *(t for t in token.conjuncts if t.i > token.i)]


def subjects_of(verb: Token) -> tuple[list[Token], bool]:
    """Subject heads of a verb (inherited from a coordinated verb) and whether passive."""
    for candidate in (verb, verb.head if verb.dep_ == "conj" else None):
        if candidate is None:
            continue
        for child in candidate.children:
            if child.dep_ in SUBJECTS:
                return with_conjuncts(child), child.dep_ == "nsubjpass"
    return [], False


def predicate_tokens(verb: Token) -> list[Token]:
    """The verb with its auxiliaries, negation and particle, in text order."""
    tokens = [verb] + [c for c in verb.children if c.dep_ in {"aux", "auxpass", "neg", "prt"}]
    return sorted(tokens, key=lambda t: t.i)


def objects_of(verb: Token, passive: bool) -> list[tuple[Token, str]]:
    """(object head, preposition or "") pairs; in the passive the by-agent comes first."""
    found: list[tuple[Token, str]] = []
    for child in verb.rights:
        if child.dep_ in OBJECTS:
            found.extend((t, "") for t in with_conjuncts(child))
        elif child.dep_ in {"prep", "agent"}:
            pobj = next((c for c in child.children if c.dep_ == "pobj"), None)
            if pobj is not None:
                prep = "" if child.dep_ == "agent" else child.lower_
                found.extend((t, prep) for t in with_conjuncts(pobj))
    return found


class TripleExtractor:
    """Finds triples in one parsed document."""

    def __init__(self, document: Document, doc: Doc, actors: DocActors, claims: list[Claim]) -> None:
        self.document = document
        self.doc = doc
        self.actors = actors
        self.claims = claims
        self.triples: list[Triple] = []

    def run(self) -> list[Triple]:
        for token in self.doc:
            if token.pos_ in {"VERB", "AUX"} and token.dep_ not in {"aux", "auxpass"} \
                    and not self.document.is_skipped(token.idx, token.idx + 1):
                self._clause(token)
        return self.triples

    def _clause(self, verb: Token) -> None:
        subjects, passive = subjects_of(verb)
        if not subjects:
            return
        agent = next((c for c in verb.children if c.dep_ == "agent"), None)
        objects = objects_of(verb, passive)
        pred = predicate_tokens(verb)
        particle = " ".join(t.lower_ for t in pred if t.dep_ == "prt")
        lemma = " ".join(filter(None, [verb.lemma_.lower(), particle]))
        for obj, prep in objects:
            if passive and agent is not None and obj.head == agent:
                # "X was rejected by Y": Y rejected X
                for subj in subjects:
                    self._add(obj, lemma, pred + [agent], subj, verb, confidence=0.6)
                continue
            predicate = " ".join(filter(None, [lemma, prep]))
            for subj in subjects:
                self._add(subj, predicate, pred + ([obj.head] if prep else []), obj, verb,
                          confidence=0.7 if not prep else 0.55)

    def _add(self, subj: Token, predicate: str, pred_tokens: list[Token], obj: Token,
             verb: Token, confidence: float) -> None:
        doc, text = self.doc, self.document.text
        s_range = argument_range(subj) if subj.pos_ != "PRON" else (subj.i, subj.i + 1)
        o_range = argument_range(obj) if obj.pos_ != "PRON" else (obj.i, obj.i + 1)
        if s_range[0] >= s_range[1] or o_range[0] >= o_range[1]:
            return  # an argument made only of punctuation
        s_span, o_span = char_span(doc, *s_range), char_span(doc, *o_range)
        first, last = min(t.i for t in pred_tokens), max(t.i for t in pred_tokens)
        p_span = char_span(doc, first, last + 1)
        sent = verb.sent
        sentence_span = (sent.start_char, sent.end_char)
        claim = self._asserting_claim(s_span, o_span)
        subject = self.actors.at(subj.idx)
        obj_mention = self.actors.at(obj.idx)
        self.triples.append(Triple(
            doc=self.document.id,
            id=stable_id(self.document.id, s_span, p_span, o_span, predicate),
            sentence_span=sentence_span,
            subject_text=text[s_span[0]:s_span[1]], subject_span=s_span,
            subject=subject.actor if subject else None,
            predicate_text=text[p_span[0]:p_span[1]], predicate_span=p_span, predicate=predicate,
            object_text=text[o_span[0]:o_span[1]], object_span=o_span,
            object=obj_mention.actor if obj_mention else None,
            negated=is_negated(verb),
            asserted_by=claim.id if claim else None,
            confidence=confidence,
            hedged=any(c.lower_ in MODALS for c in verb.children if c.dep_ == "aux"),
        ))

    def _asserting_claim(self, *spans: tuple[int, int]) -> Claim | None:
        """The claim whose content holds both arguments, if any."""
        for claim in self.claims:
            c_start, c_end = claim.content_span
            if all(c_start <= s and e <= c_end for s, e in spans):
                return claim
        return None


def extract_triples(document: Document, doc: Doc, actors: DocActors, claims: list[Claim]) -> list[Triple]:
    """All triples of one parsed document."""
    return TripleExtractor(document, doc, actors, claims).run()
