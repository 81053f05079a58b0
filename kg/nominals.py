"""Relations that noun phrases state without a verb of their own.

- **appositions**: "Li Zhanshu, the head of China's legislature" -> be(Li Zhanshu, the
  head of China's legislature); the name is the subject;
- **titles** before a person's name: "former U.S. Attorney Todd Graves" -> be(Todd
  Graves, former U.S. Attorney);
- **nominal events** (``kg/data/event_nouns.tsv``): a noun naming an act, with its doer
  and the one it is directed at: "Putin's visit to Beijing" -> visit(Putin, Beijing),
  "Western sanctions on Russia", "support from NATO for Ukraine", and with a light verb
  (``kg/data/light_verbs.txt``) lending its subject: "Putin held talks with Xi" ->
  talk(Putin, Xi), or a clause it is the setting of ("said in an interview with CBS").
  A doer that is a modifier ("*Western* sanctions") must name an actor. A role noun
  said of a subject relates it to the other party: "Iran is Russia's closest ally"
  (``kg/data/agent_nouns.tsv``). A reciprocal act
  relates its coordinated doers: "Beijing's and Moscow's cooperation", "trade between
  China and Russia". An act whose target is not named is aimed at the subject that
  undergoes or receives it (``kg/data/undergoing.tsv``: "Russia withstood pressure from
  the West", "despite Western sanctions, Russia ...").

The predicate of an apposition or a title is implicit: no word of the text says "is".
"""

from __future__ import annotations

from typing import Iterator

from spacy.tokens import Span, Token

from .actors import DocActors
from .clauses import (Arg, Extraction, clause_hedge, has_content, modality, phrase, prep_object, subjects_of,
                      with_conjuncts)
from .lexicons import lexicon, words
from .relation_types import event_noun, is_reciprocal

NOUNS = {"NOUN", "PROPN"}
AGENT_PREPOSITIONS = {"by", "from"}
MODIFIER_DEPS = {"compound", "amod", "nmod"}
HONORIFICS = frozenset(word.rstrip(".") for word in words("honorifics.tsv") - words("honorifics.tsv", "noun"))
NOT_PATIENT_ENTITIES = {"DATE", "TIME", "PERCENT", "MONEY", "QUANTITY", "ORDINAL", "CARDINAL"}


def nominal_extractions(sent: Span, actors: DocActors, people: list[Span]) -> list[Extraction]:
    """The apposition, title and nominal-event extractions of one sentence, whose
    PERSON entities are ``people``."""
    found: list[Extraction] = []
    for token in sent:
        if token.dep_ == "appos":
            found.extend(apposition(token))
        if token.pos_ in NOUNS:
            found.extend(nominal_event(token, actors))
            found.extend(agent_noun(token))
    for ent in people:
        found.extend(title(ent))
    return found


def _arg(head: Token, subject: bool = False) -> Arg | None:
    start, end, _ = phrase(head, subject=subject)
    return Arg(start, end, head) if start < end and has_content(head.doc, start, end) else None


def apposition(appos: Token) -> Iterator[Extraction]:
    head = appos.head
    if head.pos_ not in NOUNS or appos.pos_ not in NOUNS or appos.i < head.i or \
            head.ent_type_ in NOT_PATIENT_ENTITIES or appos.ent_type_ in NOT_PATIENT_ENTITIES:
        return  # "on July 17, 1749, the son of ...": a date is not what the phrase describes
    if not _set_off(appos):
        return  # "for Parata and his family the slow deaths ...", "X, who ..., lobbied MPs": a misparse
    first, second = _arg(head, subject=True), _arg(appos)
    if first is None or second is None:
        return
    if appos.pos_ == "PROPN" and head.pos_ != "PROPN":
        first, second = second, first  # the name is what the description is said of
    yield Extraction("apposition", first, second, None, "be", anchor=appos, features={"implicit"})


def _set_off(appos: Token) -> bool:
    """Whether an apposition opens with no verb and is set off from its noun by a comma, a
    dash or a bracket ("Li Zhanshu, the head of ..."), unless it is the name a description
    leads to ("Kesey's son Zane")."""
    start = appos.left_edge
    if start.tag_ in {"VBD", "VBN", "VBZ", "VBP"}:
        return False
    return start.i > 0 and appos.doc[start.i - 1].text in {",", "(", "—", "–", "-", "--"} \
        or appos.pos_ == "PROPN" and appos.head.pos_ == "NOUN"


def title(ent: Span) -> Iterator[Extraction]:
    """A title written before a person's name, inside the same noun phrase."""
    head = ent.root
    start = head.left_edge.i
    for token in head.doc[start:ent.start]:
        if token.dep_ in {"det", "poss", "case", "predet"} or token.tag_ == "POS":
            start = token.i + 1
    if start >= ent.start or head.left_edge.i > ent.start:
        return
    words = head.doc[start:ent.start]
    if not any(t.pos_ in NOUNS and not t.ent_type_ and t.lower_.rstrip(".") not in HONORIFICS for t in words) \
            or any(t.pos_ == "PUNCT" for t in words):
        return  # "Mr. Smith": a form of address, not a title
    yield Extraction("title", Arg(ent.start, ent.end, head), Arg(start, ent.start, words[-1]), None, "be",
                     anchor=head, features={"implicit"})


def nominal_event(noun: Token, actors: DocActors) -> Iterator[Extraction]:
    entry = event_noun(noun.lemma_) or event_noun(noun.lower_)
    if entry is None:
        return
    light = noun.head if noun.dep_ == "dobj" and noun.head.lemma_.lower() in lexicon("light_verbs.txt") else None
    negated, modal, hedge = modality([light]) if light is not None else (False, None, None)
    hedge = hedge or (clause_hedge(light) if light is not None else None)
    base = dict(anchor=noun, negated=negated, modal=modal, hedge=hedge)
    predicate = (noun.i, noun.i + 1)
    doers = agents(noun, light, actors)
    if is_reciprocal(entry.verb):  # "Beijing's and Moscow's cooperation", "trade between A and B"
        between = next((p for p in noun.rights if p.dep_ == "prep" and p.lower_ == "between"), None)
        group = _pobjs(between) if between is not None else doers
        if len(group) == 1 and between is not None:  # "trade between the two nations": the actors it names
            yield Extraction("nominal", group[0], group[0], predicate, entry.verb,
                             features={"nominal", "reciprocal", "joint"}, **base)
        for i, first in enumerate(group):
            for second in group[i + 1:]:
                yield Extraction("nominal", first, second, predicate, entry.verb, features={"nominal", "reciprocal"},
                                 **base)
    patients = [p for prep in _own_preps(noun) if prep.lower_ in entry.preps for p in _pobjs(prep)]
    if not doers and entry.setting:
        doers = setting_agents(noun)
    if doers and not patients:
        patients = undergoers(noun)
    features = {"light-verb" if light is not None else "nominal"}
    for doer in doers:
        for patient in patients:
            if doer.head != patient.head:
                yield Extraction("nominal", doer, patient, predicate, entry.verb, features=set(features), **base)


def _own_preps(noun: Token) -> list[Token]:
    """The prepositional phrases of an event noun, with one right after it that the parser
    hung higher up, on the noun it is "of" or on the verb of that noun ("complaints of
    Western hostility *toward X*")."""
    found = [c for c in noun.rights if c.dep_ == "prep"]
    token, after = noun, noun.right_edge.i + 1
    for _ in range(3):
        if token.dep_ == "pobj" and token.head.lower_ == "of":
            token = token.head.head
        elif token.dep_ == "dobj":
            token = token.head
        else:
            break
        if event_noun(token.lemma_) is not None:
            break  # an event of its own takes its phrases
        found += [c for c in token.rights if c.dep_ == "prep" and c.i == after]
    return found


def agent_noun(noun: Token) -> Iterator[Extraction]:
    """"Iran is Russia's closest ally", "China, as a key supporter of Russia": a noun
    naming a role towards someone (``kg/data/agent_nouns.tsv``), said of a subject."""
    tags = lexicon("agent_nouns.tsv").get(noun.lemma_.lower())
    if not tags:
        return
    verb = noun.head
    if noun.dep_ == "attr" and verb.pos_ in {"AUX", "VERB"}:
        clause_verb = verb
    elif noun.dep_ == "pobj" and verb.lower_ == "as" and verb.head.pos_ in {"AUX", "VERB"}:
        clause_verb = verb.head
    else:
        return
    found = subjects_of(clause_verb)
    if found is None or found.passive:
        return
    others = [a for c in noun.children if c.dep_ == "poss" for a in (_arg(t, subject=True) for t in with_conjuncts(c))
              if a is not None]
    others += [a for p in noun.rights if p.dep_ == "prep" and p.lower_ in {"of", "to"} for a in _pobjs(p)]
    negated, modal, hedge = modality([clause_verb])
    hedge = hedge or clause_hedge(clause_verb)
    for subject in (a for a in (_arg(t, subject=True) for t in found.heads) if a is not None):
        for other in others:
            yield Extraction("nominal", subject, other, (noun.i, noun.i + 1), next(iter(sorted(tags))),
                             anchor=noun, negated=negated, modal=modal, hedge=hedge, features={"agent-noun"})


def undergoers(noun: Token) -> list[Arg]:
    """The subject of the clause that undergoes or receives the act a noun names
    (``kg/data/undergoing.tsv``): "Russia *withstood* pressure from the West", "*despite*
    Western sanctions, Russia grew", "*in the face of* pressure from X, Y ..."."""
    words = lexicon("undergoing.tsv")
    head = noun.head
    if noun.dep_ == "dobj" and "verb" in words.get(head.lemma_.lower(), ()):
        verb = head
    elif noun.dep_ == "pobj":
        outer = head
        if head.lower_ == "of" and head.head.dep_ == "pobj" and head.head.head.dep_ == "prep":
            outer = head.head.head  # "in the face of", "in spite of"
        phrase_text = " ".join(t.lower_ for t in noun.doc[outer.i:head.i + 1])
        if "preposition" not in words.get(phrase_text, ()) or outer.head.pos_ not in {"VERB", "AUX"}:
            return []
        verb = outer.head
    else:
        return []
    found = subjects_of(verb)
    if found is None or found.passive:
        return []
    return [a for a in (_arg(t, subject=True) for t in found.heads) if a is not None and a.head != noun]


def setting_agents(noun: Token) -> list[Arg]:
    """The subject of the clause an event is the setting of ("Putin said *in an interview
    with* CBS", "*during talks with* Xi, Putin agreed"): the one taking part in it."""
    prep = noun.head
    if noun.dep_ != "pobj" or prep.dep_ != "prep" or prep.lower_ not in {"in", "at", "during", "after", "before"}:
        return []
    verb = prep.head
    if _relative_after(verb, prep) and verb.head.pos_ in {"VERB", "AUX"}:
        verb = verb.head  # "In a jab at X, whose envoy went ..., Y said": the clause the relative one interrupts
    found = subjects_of(verb) if verb.pos_ in {"VERB", "AUX"} else None
    if found is None or found.passive:
        return []
    return [a for a in (_arg(t, subject=True) for t in found.heads) if a is not None]


def _relative_after(verb: Token, prep: Token) -> bool:
    """True when ``verb`` heads a relative clause the parser did not mark as one, whose
    subject ("whose top diplomat") comes after ``prep``: the phrase cannot belong to it."""
    return any(c.dep_ in {"nsubj", "nsubjpass"} and c.i > prep.i and
               any(t.lower_ in {"whose", "who", "which"} for t in c.subtree) for c in verb.children)


def _pobjs(prep: Token) -> list[Arg]:
    """The noun phrases a preposition of an event noun governs; "with X doing Y" (a
    clause the parser made of "talks with *officials* warning ...") gives X."""
    pobj = prep_object(prep)
    if pobj is not None and pobj.dep_ == "pcomp" and pobj.tag_ == "VBG":
        pobj = next((c for c in pobj.children if c.dep_ == "nsubj" and c.pos_ in NOUNS), None)
        if pobj is not None:
            return [a for a in (_arg(t, subject=True) for t in with_conjuncts(pobj)) if a is not None]
    if pobj is None or pobj.dep_ != "pobj" or pobj.ent_type_ in NOT_PATIENT_ENTITIES:
        return []
    return [a for a in (_arg(t) for t in with_conjuncts(pobj)) if a is not None]


def agents(noun: Token, light: Token | None, actors: DocActors) -> list[Arg]:
    """Who does what the noun names: its possessor, a by/from phrase, a modifier naming
    an actor, or the subject of the light verb that takes it."""
    owners = [t for c in noun.children if c.dep_ == "poss" for t in with_conjuncts(c)]
    if owners:  # "Putin's visit", "Beijing's and Moscow's cooperation"
        return [a for a in (_arg(t, subject=True) for t in owners) if a is not None]
    after = list(noun.rights)
    if noun.dep_ == "dobj" and "verb" in lexicon("undergoing.tsv").get(noun.head.lemma_.lower(), ()):
        after += [c for c in noun.head.rights if c.i > noun.i]  # "received support | from X"
    for child in after:
        if child.dep_ == "prep" and child.lower_ in AGENT_PREPOSITIONS:
            found = [a for a in _pobjs(child) if a is not None]
            if found:
                return found
    for child in noun.lefts:
        if child.dep_ in MODIFIER_DEPS and actors.at(child.idx) is not None:
            mention = actors.at(child.idx)
            start = noun.doc.char_span(*mention.span, alignment_mode="expand")
            if start is not None and start.end <= noun.i:
                return [Arg(start.start, start.end, child)]
    if light is not None:
        found = subjects_of(light)
        if found is not None and not found.passive:
            return [a for a in (_arg(t, subject=True) for t in found.heads) if a is not None]
    return []
