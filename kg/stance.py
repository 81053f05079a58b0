"""A claimant's stance towards each actor a claim is about: supports, opposes or neutral.

Two general rules over the dependency parse, with the word list ``kg/data/polarity.tsv``:

1. **evaluative cue** — the actor is named in what an evaluative cue takes as its object:
   "X *denounced* the United States' actions" opposes the United States, "X *praised*
   the partnership with China" supports China;
2. **portrayal in the content** — the actor is the subject, possessor or modified noun of
   a favourable or hostile word inside the content: "the United States' *belligerent*
   actions", "the West *provokes* ...", "China plays a *constructive* role". An actor that
   only undergoes a hostile act ("Russia attacked Ukraine": Ukraine) gets no stance.

A negated cue or predicate ("did not criticise") gives neutral: negation rarely means the
opposite stance. Every stance names its evidence.

>>> polarity_of("denounce"), polarity_of("say")
('opposes', None)
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Token

from .actors import DocActors
from .lexicons import lexicon
from .records import Claim
from .spans import is_negated

SUPPORTS, OPPOSES, NEUTRAL = "supports", "opposes", "neutral"
AGENT_DEPS = {"nsubj", "nsubjpass", "poss", "compound", "amod", "agent"}
CLIMB_DEPS = {"conj", "appos", "compound", "pobj", "prep", "poss"}
MAX_CLIMB = 6


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
        if child.dep_ in {"amod", "compound"} and start <= child.idx < end:
            polarity = _token_polarity(child)
            if polarity:
                return polarity, child
    return None


def _predicate_polarity(predicate: Token, start: int, end: int) -> tuple[str, Token] | None:
    """The polarity of a predicate: its own word, else its complement ("is *decadent*",
    "poses a *threat*", "plays a *constructive* role")."""
    polarity = _token_polarity(predicate)
    if polarity:
        return polarity, predicate
    for child in predicate.children:
        if child.dep_ in {"dobj", "attr", "acomp", "oprd"} and start <= child.idx < end:
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
        if parent.pos_ in {"VERB", "AUX", "ADJ"} or (parent.pos_ == "NOUN" and token.dep_ == "poss"):
            found = _predicate_polarity(parent, start, end) if role in AGENT_DEPS else None
            if found:
                polarity, word = found
                if is_negated(parent):
                    return NEUTRAL, f"'{parent.text}' is negated"
                return polarity, f"'{word.text}' with it as {'subject' if role.startswith('nsubj') else role}"
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
    verbs = [t for t in span if t.pos_ in {"VERB", "NOUN"}]
    return verbs[-1] if verbs else span.root


def _object_in_content(cue: Token, start: int, end: int) -> bool:
    """True when the content is (or holds) what the cue takes as its object."""
    for child in cue.children:
        if child.dep_ in {"dobj", "attr", "oprd"} and start <= child.idx < end:
            return True
        if child.dep_ == "prep" and any(g.dep_ == "pobj" and start <= g.idx < end for g in child.children):
            return True
    return False


def _mention_head(doc: Doc, span: tuple[int, int]) -> Token | None:
    tokens = doc.char_span(*span, alignment_mode="expand")
    return tokens.root if tokens is not None else None


def claim_stances(doc: Doc, claim: Claim, actors: DocActors) -> list[Stance]:
    """One stance per actor the claim is about (the claimant itself excluded)."""
    start, end = claim.content_span
    cue = _cue_token(doc, claim)
    evaluative = cue is not None and _object_in_content(cue, start, end)
    cue_polarity = _token_polarity(cue) if evaluative else None
    cue_negated = evaluative and is_negated(cue)
    stances = []
    for target in claim.about:
        if target == claim.speaker:
            continue
        stance = None
        if cue_polarity and not cue_negated:
            stance = Stance(target, cue_polarity, f"evaluative cue '{claim.cue}'")
        elif cue_polarity:
            stance = Stance(target, NEUTRAL, f"the cue '{claim.cue}' is negated")
        else:
            for mention in actors.within(start, end):
                head = _mention_head(doc, mention.span) if mention.actor == target else None
                found = portrayal(head, start, end) if head is not None else None
                if found:
                    stance = Stance(target, found[0], found[1])
                    break
        stances.append(stance or Stance(target, NEUTRAL, "no evaluative word about it"))
    return stances
