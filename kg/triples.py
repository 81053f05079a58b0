"""Subject-predicate-object triples: the extractions of :mod:`kg.clauses` and
:mod:`kg.nominals` as :class:`~kg.records.Triple` records.

For every extraction this stage

- resolves each argument to an actor through :class:`~kg.actors.DocActors`: the mention
  at the argument's head, else (for an object) the actor the head is said of ("the
  United States' actions", "NATO expansion"), the doer of an act or the issuers of a
  document as subject; pronouns inside a quotation are read from its speaker;
- keeps both actors only when the triple asserts a relation between them: not hedged,
  a question or a recommendation ("should", ``kg/data/unasserted_modals.txt``), not a
  setting ("advanced in Ukraine"), a description or a thing of the subject's own
  (the actor an object names is kept in ``object_actor`` all the same);
  a phrase naming several actors ("the two leaders met") gives each pair;
- attributes it to the claim whose content holds its predicate (``asserted_by``), so a
  reported relation is never taken for the article's own statement; nor is one in the
  content of a noun ("rumours that Acme sued Globex"), claim or not;
- gives actor-actor triples a relation type from ``kg/data/relation_types.tsv`` (and,
  for predicates not listed there, ``support``/``oppose`` from ``kg/data/polarity.tsv``);
- sets a confidence from what the extraction rests on (``kg/data/triple_confidence.tsv``:
  one weight per feature of a logistic model fitted on CaRB dev).
"""

from __future__ import annotations

import math
from itertools import combinations
from functools import lru_cache

from spacy.tokens import Doc, Span, Token

from .actors import DocActors
from .claims import extract_claims
from .clauses import Arg, Extraction, prep_object, sentence_extractions
from .extensions import actors_of, document_of
from .ingest import Document
from .lexicons import lexicon
from .nominals import nominal_extractions
from .records import Claim, Triple, stable_id
from .relation_types import event_noun, is_setting, relation_type
from .spans import char_span

OWNER_DEPS = {"poss", "compound", "amod", "nmod"}
DESCRIPTION_KINDS = {"apposition", "title"}  # the object describes the subject
FIRST_PERSON_SINGULAR = {"i", "me", "myself"}


@lru_cache(maxsize=1)
def confidence_weights() -> dict[str, float]:
    return {name: float(next(iter(tags))) for name, tags in lexicon("triple_confidence.tsv").items() if tags}


@lru_cache(maxsize=8192)
def confidence(features: frozenset[str]) -> float:
    """The probability that an extraction with these features is right (a logistic
    model: the weights of ``kg/data/triple_confidence.tsv``, ``bias`` included)."""
    weights = confidence_weights()
    total = weights.get("bias", 0.0) + sum(weights.get(name, 0.0) for name in sorted(features))
    return round(1 / (1 + math.exp(-total)), 3)


def partitive_whole(head: Token) -> Token | None:
    """The whole a part or quantity is taken from ("most *of Europe*"), if ``head`` is one."""
    if head.lemma_.lower() not in lexicon("partitives.txt"):
        return None
    prep = next((c for c in head.rights if c.dep_ == "prep" and c.lower_ == "of"), None)
    return next((c for c in prep.children if c.dep_ == "pobj"), None) if prep is not None else None


def clause_verb(token: Token) -> int:
    """The index of the verb whose clause holds ``token``: a noun's governing verb, a
    controlled verb's governor ("keep *imposing* sanctions")."""
    for _ in range(8):
        if token.head == token or (token.pos_ in {"VERB", "AUX"} and token.dep_ != "xcomp"):
            break
        token = token.head
    return token.i


def in_noun_content(verb: Token) -> bool:
    """True when ``verb`` is in the content of a noun ("claims *that* she misled voters",
    "reports *that* Acme sued Globex"): what the claims or reports say, not what the
    article states.

    >>> from kg import nlp
    >>> doc = nlp.load()("Reports that Acme sued Globex were denied, and Acme then hired Ann.")
    >>> in_noun_content(doc[3]), in_noun_content(doc[11])
    (True, False)
    """
    head = verb
    while head.dep_ in ("conj", "xcomp") and head.head != head:
        head = head.head
    return (head.dep_ in ("acl", "relcl") and head.head.pos_ in ("NOUN", "PROPN")
            and any(child.dep_ == "mark" and child.lower_ in ("that", "whether", "if") for child in head.children))


def length_features(ex: Extraction) -> set[str]:
    """Coarse sizes of the arguments and the predicate (long ones are more often wrong)."""
    def size(n: int) -> str:
        return "1" if n <= 1 else "2-3" if n <= 3 else "4-7" if n <= 7 else "8+"
    found = {f"subject-len:{size(ex.subject.end - ex.subject.start)}",
             f"object-len:{size(ex.obj.end - ex.obj.start)}"}
    if ex.predicate is not None:
        found.add(f"predicate-len:{size(ex.predicate[1] - ex.predicate[0])}")
    if ex.subject.head.pos_ == "PRON":
        found.add("subject:pronoun")
    if ex.obj.head.pos_ == "PRON":
        found.add("object:pronoun")
    return found


class TripleExtractor:
    """Finds triples in one parsed document."""

    def __init__(self, document: Document, doc: Doc, actors: DocActors, claims: list[Claim]) -> None:
        self.document = document
        self.doc = doc
        self.actors = actors
        self.claims = sorted(claims, key=lambda c: c.content_span[1] - c.content_span[0])
        self.triples: list[Triple] = []
        self.features: list[set[str]] = []  # what each triple's confidence rests on
        self._seen: set[tuple] = set()
        self._pairs: set[tuple[int, str, str]] = set()  # (clause verb, subject, object) linked so far
        self._question = False  # whether the current sentence is a question

    def run(self) -> list[Triple]:
        people: dict[int, list[Span]] = {}
        for ent in self.doc.ents:
            if ent.label_ == "PERSON":
                people.setdefault(ent.sent.start, []).append(ent)
        for sent in self.doc.sents:
            if self.document.is_skipped(sent.start_char, sent.start_char + 1) or len(sent) < 2:
                continue
            self._pairs = set()
            self._question = self.document.text[sent.start_char:sent.end_char].rstrip().endswith("?")
            found = nominal_extractions(sent, self.actors, people.get(sent.start, [])) + sentence_extractions(sent)
            for ex in found:
                self._add(ex, sent)
        return self.triples

    def _add(self, ex: Extraction, sent: Span) -> None:
        doc = self.doc
        s_span = char_span(doc, ex.subject.start, ex.subject.end)
        o_span = char_span(doc, ex.obj.start, ex.obj.end)
        p_span = char_span(doc, *ex.predicate) if ex.predicate else None
        if (s_span, p_span, o_span, ex.lemma) in self._seen:
            return
        if "joint" in ex.features:  # "the two leaders met": each pair of the actors named
            for subject, obj in combinations(self.actors_of(ex.subject), 2):
                self._record(ex, sent, s_span, p_span, o_span, subject, obj, (subject, obj))
            return
        if s_span == o_span:
            return
        subjects = self._quoted(ex.subject, self.actors_of(
            ex.subject, owner=ex.kind == "verb" and event_noun(ex.subject.head.lemma_) is not None))
        if not subjects and ex.kind == "verb" and (relation_type(ex.lemma) or ex.anchor.lemma_.lower() in lexicon("cue_verbs.txt")):
            subjects = self.issuers(ex.subject.head)  # what a document says or does to someone
        objects = [] if ex.kind in DESCRIPTION_KINDS else self._quoted(ex.obj, self.actors_of(ex.obj, owner=self._directed(ex)))
        if objects and any(s in objects for s in subjects) and not self.actors.actors_at(ex.obj.head.idx):
            objects = []  # "they strengthened their cooperation": a thing of their own, not of each other
        if len(subjects) > 1 and set(subjects) == set(objects):
            objects = []  # "they complained of hostility toward the two nations": themselves, not each other
        if ex.kind in {"verb", "copula"} and is_setting(ex.lemma):
            objects = []  # "advances in Ukraine", "spoke alongside Xi": a setting, not a partner
        if ex.kind == "copula" and relation_type(ex.lemma) is None and not self._role_complement(ex):
            objects = []  # "it is a publicity coup for Putin": a description ("is president of X" relates)
        if not objects and relation_type(ex.lemma) == "visit":
            objects = [self.actors.place_at(ex.obj.head.idx)]  # "arrived in Beijing": in China
        pairs = [(s, o) for s in subjects or [None] for o in objects or [None]]
        for subject, obj in pairs:
            if subject is not None and subject == obj:
                if len(pairs) > 1:
                    continue  # "the two leaders praised each other": not Putin-Putin
                subject = obj = None  # "Putin, the Russian president": a name for the same actor
            if "variant" in ex.features and (not (subject and obj) or (clause_verb(ex.anchor), subject, obj) in self._pairs):
                continue  # a narrower reading is only kept when it links two actors its clause does not
            # one record per pair of actors when an argument names several ("the two leaders")
            which = (subject, obj) if len(pairs) > 1 else ()
            self._record(ex, sent, s_span, p_span, o_span, subject, obj, which)

    def _record(self, ex: Extraction, sent: Span, s_span: tuple[int, int], p_span: tuple[int, int] | None,
                o_span: tuple[int, int], subject: str | None, obj: str | None, which: tuple) -> None:
        text = self.document.text
        if subject and obj:
            self._pairs.add((clause_verb(ex.anchor), subject, obj))
        self._seen.add((s_span, p_span, o_span, ex.lemma))
        claim = self._asserting_claim(ex.anchor.idx)
        features = ex.features | length_features(ex) | {f"kind:{ex.kind}"}
        if ex.negated:
            features.add("negated")
        # a reported "would" is a shifted "will": "Putin said he would brief Xi"
        shifted = "shifted" in lexicon("hedges.tsv").get(ex.hedge or "", ())
        hedged = ex.hedged and not (claim is not None and claim.kind != "direct" and shifted)
        if self._question and (ex.kind != "nominal" or "light-verb" in ex.features):
            hedged = True  # a question asserts nothing (but "his meeting with Xi" in it is presupposed)
        named = obj or next(iter(self.actors.actors_at(ex.obj.head.idx)), None)
        if hedged or ex.modal in lexicon("unasserted_modals.txt") or ex.lemma.split()[0] in lexicon("unasserted_modals.txt"):
            obj = None  # "may meet", "should urge": no relation between the actors is stated
        if claim is None and in_noun_content(ex.anchor):
            obj = None  # "reports that Acme sued Globex": someone's words, not the article's
        self.features.append(features)
        self.triples.append(Triple(
            doc=self.document.id,
            id=stable_id(self.document.id, s_span, p_span, o_span, ex.lemma, *which),
            sentence_span=(sent.start_char, sent.end_char),
            subject_text=text[s_span[0]:s_span[1]], subject_span=s_span, subject=subject,
            predicate_text=text[p_span[0]:p_span[1]] if p_span else None, predicate_span=p_span,
            predicate=ex.lemma,
            object_text=text[o_span[0]:o_span[1]], object_span=o_span, object=obj,
            negated=ex.negated != (claim is not None and self._denies(claim)),
            asserted_by=claim.id if claim else None,
            confidence=confidence(frozenset(features)),
            hedged=hedged,
            relation_type=relation_type(ex.lemma) if subject and obj else None,
            modal=ex.modal,
            kind=ex.kind,
            object_actor=named,
        ))

    @staticmethod
    def _role_complement(ex: Extraction) -> bool:
        """True when a copula says what the subject is to someone: a person or role noun
        ("is president of", "was a mentor to") or an adjective ("is married to")."""
        complement = next((c for c in ex.anchor.rights if c.dep_ in {"attr", "acomp"}), None)
        if complement is None:
            return False
        lemma = complement.lemma_.lower()
        return complement.dep_ == "acomp" or lemma in lexicon("person_nouns.tsv") or \
            lemma in lexicon("role_nouns.txt") or lemma.endswith(("er", "or", "ist", "ant", "ent"))

    @staticmethod
    def _directed(ex: Extraction) -> bool:
        """True when the predicate is aimed at someone (it has a relation type), so that
        aiming it at a thing of theirs aims it at them ("denounced the United States'
        actions", "was critical of China's policy"); "emphasized China's assistance" is not
        about China."""
        if ex.kind == "copula" and ex.lemma == "be":
            return False  # "is Russia's ally" describes; "is appreciative of China's efforts" is aimed
        return relation_type(ex.lemma) is not None

    def actors_of(self, arg: Arg, owner: bool = False) -> list[str]:
        """The actors an argument names (both of "the two leaders"): the mention at its
        head; with ``owner``, else the actor that the head (not a role: "the Duma
        chairman", nor words or a document: "Moscow's claims") belongs to or comes from. A subject that is an act takes its doer
        ("China's support helped Russia")."""
        found = self.actors.actors_at(arg.head.idx)
        if found:
            return found
        whole = partitive_whole(arg.head)
        if whole is not None:
            return self.actors_of(Arg(whole.left_edge.i, whole.right_edge.i + 1, whole), owner)
        lemma = arg.head.lemma_.lower()
        if not owner or lemma in lexicon("role_nouns.txt") or \
                (lemma in lexicon("cue_nouns.txt") and event_noun(lemma) is None):
            return []  # "the Duma chairman", "Moscow's claims": not the owner
        for child in arg.head.children:
            if child.dep_ in OWNER_DEPS and arg.start <= child.i < arg.end:
                found = self.actors.actors_at(child.idx)
                if found:
                    return found
        if event_noun(lemma) is not None:  # "support *from NATO*": the doer of an act
            for prep in arg.head.rights:
                pobj = prep_object(prep) if prep.dep_ == "prep" and prep.lower_ in {"from", "by"} else None
                if pobj is not None and arg.start <= pobj.i < arg.end:
                    return self.actors.actors_at(pobj.idx)
        return []

    def issuers(self, head: Token) -> list[str]:
        """The actors a document speaks for when it is the subject ("*the joint statement
        issued by Russia and China* framed ...", "*Russia's statement* said"): its
        possessor, or the agent of the participle that issued it."""
        if "document" not in lexicon("cue_nouns.txt").get(head.lemma_.lower(), ()):
            return []
        owners = [c for c in head.children if c.dep_ == "poss"]
        for acl in (c for c in head.rights if c.dep_ == "acl" and c.tag_ == "VBN"):
            for agent in (c for c in acl.rights if c.dep_ == "agent"):
                owners += [t for p in agent.children if p.dep_ == "pobj" for t in (p, *p.conjuncts)]
        return list(dict.fromkeys(a for t in owners for a in self.actors.actors_at(t.idx)))

    def _quoted(self, arg: Arg, found: list[str]) -> list[str]:
        """The actors of an argument that is a pronoun inside a quotation: "I" is the one
        quoted; "he" or "she" is someone else ("“The fact that he went ...,” said Dan")."""
        claim = self._asserting_claim(arg.head.idx)
        if claim is None or claim.kind != "direct" or not claim.speaker or arg.head.pos_ != "PRON":
            return found
        word = arg.head.lower_
        if word in FIRST_PERSON_SINGULAR:
            return found or [claim.speaker]
        third = lexicon("pronouns.tsv").get(word, ())
        if found == [claim.speaker] and ("male" in third or "female" in third):
            return []
        return found

    def _denies(self, claim: Claim) -> bool:
        """True when the claim's cue denies its content ("denied that", "rejected claims
        that"): what the content states is, in the claimant's voice, negated."""
        cue = self.doc.char_span(*claim.cue_span, alignment_mode="expand")
        return cue is not None and any(t.lemma_.lower() in lexicon("denial_cues.txt") for t in cue)

    def _asserting_claim(self, offset: int) -> Claim | None:
        """The innermost claim whose content holds ``offset`` (the predicate's word)."""
        for claim in self.claims:
            start, end = claim.content_span
            if start <= offset < end:
                return claim
        return None


def extract_triples(doc: Doc, actors: DocActors | None = None, claims: list[Claim] | None = None) -> list[Triple]:
    """All triples of one parsed document.

    ``actors`` and ``claims`` default to ``doc._.actors`` and ``doc._.claims`` (each made
    when unset), so a bare ``Doc`` will do.

    >>> from kg import nlp
    >>> [(t.subject, t.predicate, t.object) for t in extract_triples(nlp.load()("Xi Jinping welcomed Vladimir Putin."))]
    [('xi_jinping', 'welcome', 'vladimir_putin')]
    """
    actors = actors if actors is not None else actors_of(doc)
    if claims is None:
        if doc._.claims is None:
            doc._.claims = extract_claims(doc, actors)
        claims = doc._.claims
    return TripleExtractor(document_of(doc), doc, actors, claims).run()
