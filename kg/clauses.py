"""Clauses of the dependency parse as open-IE extractions, at the token level.

A clause is a predicate (a verb, or a copula with its complement) with its subject and
its complements. Every predicate gets its subjects from the parse, or, when it has none
of its own, from the clause it depends on: a coordinated verb shares its subject ("X
signed and ratified ..."), a relative clause takes its antecedent ("a boss, who is ..."),
a participle the noun it modifies, a controlled verb the subject (or object) of its
governor ("X helped to raise", "X urged Y to leave"). Its object is the contiguous run
of complements after it (objects, prepositional phrases, clausal complements); the
preposition of a first prepositional complement goes into the predicate ("rely on").
Coordinated subjects and objects give one extraction each. A passive with a ``by``-agent
is turned active ("was rejected by Ukraine" -> reject(Ukraine, ...)).

Nothing here knows about actors, claims or records: :mod:`kg.triples` does that.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Iterator

from spacy.tokens import Span, Token

from .lexicons import lexicon, words
from .relation_types import event_noun, is_reciprocal, relation_type
from .spans import quote_closes_inside, quote_opened_inside

SUBJECT_DEPS = {"nsubj", "nsubjpass", "csubj", "csubjpass"}
NOUN_COMPLEMENTS = {"dobj", "dative", "attr", "oprd", "acomp", "npadvmod"}
CLAUSE_COMPLEMENTS = {"ccomp", "xcomp", "pcomp"}
COMPLEMENT_DEPS = NOUN_COMPLEMENTS | CLAUSE_COMPLEMENTS | {"prep", "agent", "advmod"}
# right dependents that end a noun phrase argument (each is an extraction of its own)
PHRASE_END_DEPS = {"relcl", "appos", "conj", "cc", "advcl", "parataxis", "dep"}
PHRASE_END_PUNCT = {",", ";", ":", "(", ")", "[", "]", "—", "–", "--"}
RELATIVE_WORDS = {"who", "whom", "which", "that", "whose", "what"}
# a verb in these roles modifies a word rather than heading a clause ("the *remaining*
# trackage", "*according* to")
NOT_PREDICATE_DEPS = {"aux", "auxpass", "amod", "compound", "nmod", "det", "poss", "case", "mark",
                      "prt", "intj", "punct", "quantmod", "nummod", "prep"}
# prepositions of place, time, comparison, role and manner: what they introduce is the
# setting of an act, not someone it is directed at ("met X *in Moscow*", "needs more
# *than* ...", "framed X *as* an obstacle")
SETTING_PREPOSITIONS = words("setting_prepositions.tsv", "clause")
CONDITIONAL_MARKS = {"if", "unless", "whether"}
OWNER_ENTITIES = {"NORP", "GPE", "ORG", "PERSON"}  # a modifier naming who has a noun ("*Western* efforts")
# prepositions by which a verb's object does what the gerund after them says ("prevented
# Russia *from* importing", "accused X *of* lying", "pressed X *into* signing"), and
# whether that is left undone (prevented, warned against) rather than said to be done
OBJECT_CONTROL_PREPOSITIONS = {"from": True, "against": True, "of": False, "for": False, "into": False}
CONTENT_POS = {"NOUN", "PROPN", "PRON", "NUM", "VERB", "ADJ", "ADV", "X", "SYM", "AUX"}


@dataclass(frozen=True)
class Arg:
    """An argument: the token range ``[start, end)`` and its head word."""

    start: int
    end: int
    head: Token


@dataclass
class Extraction:
    """One relation found in a sentence, before actors and claims are attached.

    ``predicate`` is the token range of the words that express the relation, or None
    when nothing in the text says it (an apposition: "Li, the head of ..." -> be).
    ``features`` name what the extraction rests on; :mod:`kg.triples` turns them into
    a confidence.
    """

    kind: str
    subject: Arg
    obj: Arg
    predicate: tuple[int, int] | None
    lemma: str
    anchor: Token
    negated: bool = False
    modal: str | None = None
    hedge: str | None = None  # the word that hedges it ("could", "reportedly", "if")
    features: set[str] = field(default_factory=set)

    @property
    def hedged(self) -> bool:
        return self.hedge is not None


# --- phrases --------------------------------------------------------------------------


def trim_range(doc, start: int, end: int) -> tuple[int, int]:
    """``[start, end)`` without edge punctuation, spaces, a leading "that"/"whether" or a
    dangling conjunction; a quotation mark stays when its partner is inside the range."""
    while start < end:
        token = doc[start]
        if token.is_space or token.dep_ in {"mark", "cc", "preconj"}:
            start += 1
        elif is_punctuation(token) and not quote_closes_inside(doc, start, end):
            start += 1
        else:
            break
    while end > start:
        token = doc[end - 1]
        if token.is_space or token.dep_ == "cc" or \
                (is_punctuation(token) and not quote_opened_inside(doc, start, end - 1)):
            end -= 1
        else:
            break
    return start, end


def is_punctuation(token: Token) -> bool:
    """Punctuation proper ("%" is a word here)."""
    return token.pos_ == "PUNCT"


def phrase(head: Token, stop: Token | None = None, subject: bool = False) -> tuple[int, int, bool]:
    """Token range of the phrase headed by ``head`` and whether it was cut short.

    The phrase ends before a relative clause, an apposition, a coordination, a comma, a
    clause with a subject of its own ("the claim *that he lied*"), the dependent ``stop``
    (the clause the phrase is the subject of), and, for a subject, any clause modifying
    it: each of these is an extraction of its own.
    """
    start = head.left_edge.i
    for child in head.lefts:
        if child.dep_ in {"cc", "preconj"} or (child.dep_ == "punct" and child.text in PHRASE_END_PUNCT):
            start = child.i + 1
    end, cut = head.i + 1, False
    for child in head.rights:
        if ends_phrase(child, subject) or child == stop:
            cut = True
            break
        if child.dep_ != "case":  # "Putin" in "Putin's visit", without the "'s"
            end = child.right_edge.i + 1
    start, end = trim_range(head.doc, start, end)
    return start, end, cut


def ends_phrase(child: Token, subject: bool) -> bool:
    if child.dep_ in PHRASE_END_DEPS or (child.dep_ == "punct" and child.text in PHRASE_END_PUNCT):
        return True
    if child.dep_ == "acl":
        return subject or any(c.dep_ in SUBJECT_DEPS for c in child.children)
    return False


def clause_range(head: Token) -> tuple[int, int]:
    """Token range of a clausal complement: its whole subtree, trimmed."""
    return trim_range(head.doc, head.left_edge.i, head.right_edge.i + 1)


def complement_range(token: Token) -> tuple[int, int, bool]:
    """Token range of one complement of a predicate, and whether it was cut short."""
    if token.dep_ in CLAUSE_COMPLEMENTS and token.pos_ in {"VERB", "AUX"}:
        return (*clause_range(token), False)
    if token.dep_ in {"prep", "agent"}:
        inner = prep_object(token)
        if inner is None:  # a stranded preposition ends the object
            return token.i, token.i, True
        if inner.dep_ == "pcomp":
            return token.i, clause_range(inner)[1], False
        _, end, cut = phrase(inner)
        return token.i, end, cut
    return phrase(token)


def has_content(doc, start: int, end: int) -> bool:
    """True when the range holds a word that can name something (not only "in", "the")."""
    return any(t.pos_ in CONTENT_POS for t in doc[start:end])


def noun_words(noun: Token) -> list[str]:
    """A noun with its compounds, as it goes into a predicate lemma ("arms embargo")."""
    return [c.lower_ for c in noun.lefts if c.dep_ == "compound"] + [noun.lower_]


def _pobjs(prep: Token) -> list[Arg]:
    """The noun phrases a preposition governs, one per conjunct."""
    pobj = prep_object(prep)
    if pobj is None or pobj.dep_ != "pobj":
        return []
    found = []
    for head in with_conjuncts(pobj):
        start, end, _ = phrase(head)
        if start < end:
            found.append(Arg(start, end, head))
    return found


def examples(head: Token) -> list[Arg]:
    """The examples a noun phrase gives of itself ("countries *like Iran and Syria*",
    "allies *such as Japan*", "members, *including France*")."""
    found: list[Arg] = []
    for prep in head.rights:
        if prep.dep_ == "prep" and (prep.lower_ in {"like", "including"} or
                                    (prep.lower_ == "as" and any(c.lower_ == "such" for c in prep.lefts)) or
                                    (prep.lower_ == "as" and prep.i > 0 and prep.doc[prep.i - 1].lower_ == "such")):
            found.extend(_pobjs(prep))
    return found


def word_start(doc, i: int) -> int:
    """The first token of the hyphenated word that token ``i`` ends ("re-designated")."""
    while i >= 2 and doc[i - 1].text == "-" and not doc[i - 1].whitespace_ and not doc[i - 2].whitespace_:
        i -= 2
    return i


def prep_object(prep: Token) -> Token | None:
    """The object of a preposition (a noun phrase or a clause), if any."""
    return next((c for c in prep.children if c.dep_ in {"pobj", "pcomp"}), None)


def with_conjuncts(token: Token) -> list[Token]:
    """The token and the words coordinated after it ("A, B and C")."""
    return [token, *(t for t in token.conjuncts if t.i > token.i)]


# --- predicates -----------------------------------------------------------------------


def is_predicate(token: Token) -> bool:
    """True for a word that heads a clause: a verb, a copula, or a noun the parser took
    for one in a headline (a noun with a direct object is a verb)."""
    if token.dep_ in NOT_PREDICATE_DEPS:
        return False
    if token.pos_ in {"VERB", "AUX"}:
        return True
    return token.pos_ == "NOUN" and token.dep_ == "ROOT" and any(c.dep_ == "dobj" for c in token.children)


def is_chained(token: Token) -> bool:
    """True for a controlled verb that is part of its governor's predicate ("helped to raise")."""
    return token.dep_ == "xcomp" and is_predicate(token.head) and token in chain(token.head)[1:]


def chain(verb: Token) -> list[Token]:
    """The verb and the controlled verbs that continue its predicate ("tried to
    convince"), through a predicative adjective that takes one ("is willing to
    negotiate", "was able to control")."""
    verbs = [verb]
    current = verb
    while len(verbs) < 5:
        adjective = controlling_adjective(current) if current.lemma_ == "be" or current.tag_ == "VBN" else None
        if adjective is not None:
            verbs.append(adjective)
            current = adjective
        xcomp = next((c for c in current.rights if c.dep_ == "xcomp" and c.pos_ in {"VERB", "AUX"}), None)
        if xcomp is None or any(c.dep_ in COMPLEMENT_DEPS - {"advmod"} for c in current.rights if c.i < xcomp.i):
            if adjective is not None:
                verbs.pop()
            break
        verbs.append(xcomp)
        current = xcomp
    return verbs


def controlling_adjective(verb: Token) -> Token | None:
    """The predicative adjective of a copula when it takes a to-infinitive ("willing to")."""
    adjective = next((c for c in verb.rights if c.dep_ == "acomp" and c.pos_ in {"ADJ", "VERB"}), None)
    if adjective is None or any(c.dep_ in COMPLEMENT_DEPS - {"advmod"} for c in verb.rights if c.i < adjective.i):
        return None
    return adjective if any(c.dep_ == "xcomp" and c.pos_ in {"VERB", "AUX"} for c in adjective.rights) else None


def is_plural(head: Token) -> bool:
    """True for a plural noun phrase head ("the two leaders", "they", "both")."""
    return head.tag_ in {"NNS", "NNPS"} or head.lower_ in {"they", "we", "both"}


def has_to(verb: Token) -> bool:
    """True for a to-infinitive ("to isolate")."""
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


def auxiliaries(verb: Token) -> list[Token]:
    return [c for c in verb.children if c.dep_ in {"aux", "auxpass", "neg"} and c.i < verb.i]


def is_passive(verb: Token) -> bool:
    return any(c.dep_ in {"nsubjpass", "auxpass", "csubjpass"} for c in verb.children) or \
        (verb.dep_ == "acl" and verb.tag_ == "VBN")


def governing_verb(verb: Token) -> Token | None:
    """The predicate a subjectless verb depends on (through coordination, control,
    adverbial clauses and prepositions), or None."""
    token = verb
    for _ in range(4):
        if token.dep_ not in {"conj", "xcomp", "advcl", "pcomp", "prep", "ccomp"} and \
                not (token.dep_ == "advmod" and token.pos_ == "ADV" and token is not verb) or token.head == token:
            return None  # (an adverb governs a preposition: "stopped *short* of vowing")
        token = token.head
        if is_predicate(token):
            return token
    return None


def relative_antecedent(verb: Token) -> Token | None:
    """The noun a relative clause (or participle) modifies; for a predicate noun, the
    subject it is said of ("X is a footballer *who plays* ..." is about X)."""
    if verb.dep_ not in {"relcl", "acl"} or verb.head.pos_ not in {"NOUN", "PROPN", "PRON", "NUM"}:
        return None
    noun = verb.head
    if noun.dep_ == "attr" and noun.head.lemma_ == "be":
        subject = next((c for c in noun.head.children if c.dep_ == "nsubj"), None)
        if subject is not None and subject.pos_ in {"NOUN", "PROPN"}:
            return subject
    return people_of(noun, verb) or noun


def people_of(noun: Token, verb: Token) -> Token | None:
    """The people N1 of "N1 of N2" when a relative clause on N2 is theirs: one with "who",
    or one that says something ("the leaders of the two nations *that criticized* X":
    a speech act is a person's, ``kg/data/cue_verbs.txt``)."""
    persons = lexicon("person_nouns.tsv")
    if noun.dep_ != "pobj" or noun.head.lower_ != "of" or noun.lemma_.lower() in persons:
        return None
    owner = noun.head.head
    if owner.pos_ != "NOUN" or owner.lemma_.lower() not in persons:
        return None
    relative = next((c for c in verb.children if c.dep_ in SUBJECT_DEPS and is_relative_word(c)), None)
    if relative is not None and (relative.lower_ == "who" or verb.lemma_.lower() in lexicon("cue_verbs.txt")):
        return owner
    return None


def is_relative_word(token: Token) -> bool:
    return token.lower_ in RELATIVE_WORDS and token.tag_ in {"WDT", "WP", "WP$", "DT", "IN"}


@dataclass
class Subjects:
    heads: list[Token]
    how: str  # own | shared | relative | participle | controlled
    passive: bool = False
    controller_of: Token | None = None  # the verb whose object is the subject ("urged *Y* to leave")
    intent: Token | None = None  # the noun of purpose it hangs on ("in an *attempt* to convince")


def _ends_relative_clause_of(noun: Token, other: Token) -> bool:
    """True when ``other`` comes right after a relative clause of ``noun``: a second
    subject the parser took from that clause's end."""
    return any(c.dep_ == "relcl" and c.right_edge.i + 1 == other.left_edge.i for c in noun.children)


def subjects_of(verb: Token, depth: int = 0) -> Subjects | None:
    """The subject heads of a predicate and where they come from."""
    own = [c for c in verb.children if c.dep_ in SUBJECT_DEPS and c.i < verb.i] or \
        [c for c in verb.children if c.dep_ in SUBJECT_DEPS]
    if not own:  # a subject the parser hung on the auxiliary
        own = [c for a in auxiliaries(verb) for c in a.children if c.dep_ in SUBJECT_DEPS]
    if not own and verb.pos_ == "NOUN":  # a headline verb taken for a noun: "Putin and Xi vow ..."
        own = [c for c in verb.lefts if c.dep_ in {"nmod", "compound"} and c.pos_ in {"PROPN", "NOUN"}]
    passive = is_passive(verb)
    if own:
        head = own[-1]
        if len(own) > 1 and _ends_relative_clause_of(own[-2], head):
            head = own[-2]  # "Senators who didn't oppose Tom Hale lost": Hale belongs to the relative clause
        antecedent = relative_antecedent(verb)
        if antecedent is not None and is_relative_word(head):
            return Subjects([antecedent], "relative", passive)
        if head.pos_ == "PRON" and head.lower_ in RELATIVE_WORDS and head.tag_ in {"WDT", "WP"}:
            return None  # "what they saw": a free relative has no antecedent to stand for it
        return Subjects(with_conjuncts(head), "own", passive)
    if depth > 3:
        return None
    antecedent = relative_antecedent(verb)
    if antecedent is not None:
        if verb.dep_ == "acl" and verb.tag_ == "TO":
            return None
        if verb.dep_ == "acl" and any(c.dep_ == "aux" and c.tag_ == "TO" for c in verb.children):
            owner = next((c for c in antecedent.children if c.dep_ == "poss"), None) or \
                next((c for c in antecedent.lefts if c.dep_ in {"amod", "compound"} and c.ent_type_ in OWNER_ENTITIES), None)
            if owner is not None:  # "Putin's plan to visit", "Western efforts to aid"
                return Subjects([owner], "possessor", passive)
            prep = antecedent.head
            if antecedent.dep_ == "pobj" and prep.lower_ == "in" and is_predicate(prep.head):
                found = subjects_of(prep.head, depth + 1)  # "traveled ... *in an attempt to convince* X"
                return Subjects(found.heads, "controlled", passive, intent=antecedent) if found else None
            return None
        return Subjects([antecedent], "relative" if verb.dep_ == "relcl" else "participle", passive)
    governor = governing_verb(verb)
    if governor is None:
        return None
    if verb.dep_ == "conj":
        found = subjects_of(governor, depth + 1)
        return Subjects(found.heads, "shared", passive) if found else None
    controller = next((c for c in governor.children if c.dep_ in {"dobj", "dative"} and c.i < verb.i), None)
    if controller is not None and verb.dep_ == "xcomp":
        return Subjects([controller], "controlled", passive, governor)
    prep = verb.head
    if controller is not None and verb.dep_ == "pcomp" and prep.head == governor and \
            prep.lower_ in OBJECT_CONTROL_PREPOSITIONS:  # "kept Russia from importing", "blamed X for ..."
        unrealised = OBJECT_CONTROL_PREPOSITIONS[prep.lower_]
        return Subjects([controller], "controlled", passive, governor if unrealised else None)
    found = subjects_of(governor, depth + 1)
    return Subjects(found.heads, "controlled", passive) if found else None


def parallel_verb(verbs: list[Token]) -> Token | None:
    """A verb coordinated with the last verb of a chain, in the same form and with no
    subject of its own, whose object the chain shares ("need to cherish and nurture it")."""
    last = verbs[-1]
    if len(verbs) < 2:
        return _right_conjunct(last)
    for owner in (last, verbs[-2]):
        for conj in owner.rights:
            if conj.dep_ == "conj" and conj.tag_ == last.tag_ and is_predicate(conj) and \
                    not any(c.dep_ in SUBJECT_DEPS for c in conj.children):
                return conj
    return None


def _right_conjunct(verb: Token) -> Token | None:
    """"China understands and supports Russia": the next verb of a coordination with no
    subject of its own, when nothing but the conjunction comes between them and the first
    is a verb aimed at someone (it has a relation type)."""
    if any(c.dep_ not in {"cc", "conj", "punct", "neg", "aux"} for c in verb.rights) or verb.i + 2 >= len(verb.doc):
        return None
    conj = verb.doc[verb.i + 2]
    if verb.doc[verb.i + 1].dep_ != "cc" or conj.dep_ != "conj" or conj.head != verb or conj.tag_ != verb.tag_ \
            or not is_predicate(conj) or any(c.dep_ in SUBJECT_DEPS for c in conj.children):
        return None
    return conj if relation_type(verb.lemma_.lower()) else None  # "sat and read the book" shares nothing


def inherited_from(verb: Token) -> Token:
    """The verb whose auxiliaries (negation, modals) a coordinated verb shares: one in
    the same form with none of its own ("won't sign or ratify", not "did not approve
    the budget and rejected the plan")."""
    while verb.dep_ == "conj" and not auxiliaries(verb) and is_predicate(verb.head) \
            and verb.tag_ == verb.head.tag_ and auxiliaries(verb.head):
        verb = verb.head
    return verb


# --- hedges and modality --------------------------------------------------------------


def modality(verbs: list[Token]) -> tuple[bool, str | None, str | None]:
    """(negated, modal auxiliary, hedge) of a predicate's verbs and their auxiliaries;
    the hedge is the word that makes the statement uncertain ("could", "reportedly",
    "expected", "if"), or None."""
    hedges = lexicon("hedges.tsv")
    negated, modal, hedge = False, None, None
    for verb in verbs:
        for child in verb.children:
            word = child.lower_
            if child.dep_ == "neg":
                negated = True
            elif child.dep_ == "aux" and child.tag_ == "MD":
                modal = child.lemma_.lower() if child.lemma_ else word
                if "modal" in hedges.get(modal, ()):
                    hedge = hedge or modal
            elif child.dep_ == "advmod" and "adverb" in hedges.get(word, ()):
                hedge = word
            elif child.dep_ == "acomp" and "adjective" in hedges.get(word, ()):
                hedge = word  # "is likely to visit"
            elif child.dep_ == "mark" and word in CONDITIONAL_MARKS:
                hedge = word  # "if China can provide ...": a condition, not a statement
        if "verb" in hedges.get(verb.lemma_.lower(), ()) and any(c.dep_ == "xcomp" for c in verb.children):
            hedge = verb.lemma_.lower()
    if modal and hedge == modal and any(f"{modal} {v.lemma_.lower()}" in lexicon("wishes.txt") for v in verbs):
        hedge = None  # "would prefer": a wish stated, not a hypothesis
    return negated, modal, hedge


def negative_implicative(verb: Token) -> Token | None:
    """The verb that says a gerund's act was not done ("*stopped short of* vowing",
    "*refrained from* criticizing", ``kg/data/negative_implicatives.txt``), if any."""
    prep = verb.head
    if verb.dep_ != "pcomp" or prep.dep_ != "prep":
        return None
    governor = prep.head
    while governor.dep_ == "advmod" and governor.head != governor:
        governor = governor.head
    if governor.i > prep.i or prep.i - governor.i > 3:
        return None
    words = " ".join([governor.lemma_.lower(), *(t.lower_ for t in verb.doc[governor.i + 1:prep.i + 1])])
    return governor if words in lexicon("negative_implicatives.txt") else None


def withheld_by(verb: Token) -> Token | None:
    """The verb right before ``verb`` that says its act was not done ("*declined* to
    recommend", "*decided against* recommending": ``kg/data/negative_implicatives.txt``), if any.

    >>> from kg import nlp
    >>> doc = nlp.load()("The agency declined to recommend charges.")
    >>> withheld_by(doc[4]).text, withheld_by(doc[2])
    ('declined', None)
    """
    head = verb.head
    if verb.dep_ == "xcomp" and verb.i - 3 <= head.i < verb.i \
            and head.lemma_.lower() in lexicon("negative_implicatives.txt"):
        return head
    return negative_implicative(verb)


def unrealised(found: Subjects) -> str | None:
    """The governing verb when the clause is only what someone was asked or urged to do
    ("convinced Beijing *to reduce* its ties"), not what a verb of causing says was
    done ("helped Russia *to fill* the gaps", ``kg/data/implicative_verbs.txt``)."""
    governor = found.controller_of
    if governor is None or governor.lemma_.lower() in lexicon("implicative_verbs.txt"):
        return None
    return governor.lemma_.lower()


def clause_hedge(verb: Token) -> str | None:
    """The word by which the clause of ``verb`` is entertained rather than asserted by
    what embeds it: the condition of a coordinated clause ("if X invades and *occupies*
    Y"), an indirect question under a verb or noun of asking or not knowing ("hard to
    predict *how* hard X will punish Y", ``kg/data/question_predicates.txt``), or a
    governing verb that is negated ("it does *not* imply that ...", "did *not* step up
    to oppose X")."""
    token = verb
    for _ in range(6):
        infinitive = token.dep_ == "xcomp" or token.dep_ == "advcl" and has_to(token)  # "stepped up *to oppose*"
        if token.dep_ != "conj" and not infinitive or token.head == token:
            break
        xcomp, token = infinitive, token.head
        mark = next((c for c in token.children if c.dep_ == "mark" and c.lower_ in CONDITIONAL_MARKS), None)
        if mark is not None:
            return mark.lower_
        if xcomp and any(c.dep_ == "neg" for c in token.children):
            return "not"  # "did not step up to *oppose* X": the act is not stated
    if token.dep_ not in {"ccomp", "pcomp", "csubj"}:
        return None
    governor = token.head
    if governor.pos_ == "ADP" and governor.head != governor:
        governor = governor.head  # "the question *of* how ..."
    first = token.left_edge
    if first.tag_ in {"WRB", "WP", "WDT"} and governor.lemma_.lower() in lexicon("question_predicates.txt"):
        return first.lower_
    if any(c.dep_ == "neg" for c in governor.children) and governor.lemma_.lower() not in lexicon("denial_cues.txt"):
        return "not"
    return None


# --- extraction -----------------------------------------------------------------------


class ClauseFinder:
    """Turns the predicates of one sentence into extractions."""

    def __init__(self, sent: Span) -> None:
        self.sent = sent
        self.doc = sent.doc

    def run(self) -> Iterator[Extraction]:
        for token in self.sent:
            if is_predicate(token) and not is_chained(token):
                yield from self.clause(token)

    # one predicate ------------------------------------------------------------------

    def clause(self, verb: Token) -> Iterator[Extraction]:
        found = subjects_of(verb)
        if found is None:
            return
        verbs = chain(verb)
        last = verbs[-1]
        head_verb = inherited_from(verb)
        negated, modal, hedge = modality(verbs + ([head_verb] if head_verb is not verb else []))
        hedge = hedge or clause_hedge(verb) or unrealised(found)
        lemma_verbs = verbs
        implicative = negative_implicative(verb)
        if implicative is None and len(verbs) > 1 and verbs[0].lemma_.lower() in lexicon("negative_implicatives.txt"):
            implicative, lemma_verbs = verbs[0], verbs[1:]  # "failed to help": did not help
        if implicative is not None:
            negated = not negated
        base = dict(anchor=verb, negated=negated, modal=modal, hedge=hedge)
        kind = "copula" if last.lemma_ == "be" else "verb"
        lemma = self.lemma(lemma_verbs, head_verb)
        if found.intent is not None:
            lemma = f"{found.intent.lemma_.lower()} to {lemma}"  # "attempt to convince", like "try to convince"
        features = {f"subject:{found.how}", f"dep:{verb.dep_}"}
        if len(verbs) > 1:
            features.add("chain")
        if found.passive:
            features.add("passive")
        complements = self.complements(last, found)
        partner = parallel_verb(verbs) if not complements else None
        if partner is not None:  # "to cherish and nurture it": the object is shared
            complements = self.complements(partner, found)
            features.add("object:shared")
        subjects = self.subject_args(found.heads, verb)
        agent = next((c for c in last.rights if c.dep_ == "agent"), None)
        active_lemma = lemma
        if agent is None and found.passive and len(verbs) > 1 and not is_passive(last):
            # "was incited to attack Ukraine *by the West*": the agent of the passive head,
            # who incites (the attack is not aimed at the one incited)
            agent = next((c for c in last.rights if c.dep_ == "prep" and c.lower_ == "by"), None)
            active_lemma = self.lemma(verbs[:1], verbs[0])
        if found.passive and agent is not None:
            yield from self.active(verbs, agent, subjects, active_lemma, features, base)
            complements = [c for c in complements if c.i < agent.i]  # the rest is past the agent
        antecedent = self.relative_object(verb, found)
        if antecedent is not None:
            for subject in subjects:
                yield Extraction(kind, subject, antecedent, self.predicate_range(verbs, last), lemma,
                                 features=features | {"object:antecedent"}, **base)
        reciprocal = self.reciprocal_lemma(lemma, complements, joint=len(subjects) == 1) \
            if len(subjects) > 1 or (subjects and is_plural(subjects[0].head)) else None
        if reciprocal:
            yield from self.reciprocal(verbs, subjects, reciprocal, features, base)
        if not complements:
            return
        passive = "be " if found.passive else ""
        for obj, predicate, prep in self.objects(verbs, complements):
            feats = features | {f"first:{complements[0].dep_}"}
            if len(complements) > 1:
                feats.add("n-ary")
            if prep:
                feats.add("prep-in-predicate")
            full_lemma = " ".join(filter(None, [passive + lemma, prep]))
            for subject in subjects:
                yield Extraction(kind, subject, obj, predicate, full_lemma, features=set(feats), **base)
                for example in examples(obj.head):
                    yield Extraction(kind, subject, example, predicate, full_lemma,
                                     features=features | {"variant"}, **base)
        for obj, predicate, words in self.variants(verbs, complements):
            for subject in subjects:
                yield Extraction(kind, subject, obj, predicate, " ".join([passive + lemma, *words]),
                                 features=features | {"variant"}, **base)

    @staticmethod
    def reciprocal_lemma(lemma: str, complements: list[Token], joint: bool = False) -> str | None:
        """The lemma of a clause whose coordinated subjects act on each other: a
        reciprocal predicate with no object ("A and B met"), or one whose object is a
        reciprocal act ("A and B deepened cooperation") or a joint one ("signed a *joint*
        declaration", ``kg/data/reciprocal_words.tsv``), unless a with-phrase names the
        other party. The ``joint`` subject of one phrase ("the two leaders") only takes
        a reciprocal verb or a joint act: "they deepened cooperation" may be with others."""
        if any(c.dep_ == "prep" and c.lower_ == "with" for c in complements):
            return None
        objects = [c for c in complements if c.dep_ in {"dobj", "dative"}]
        if not objects:
            return lemma if is_reciprocal(lemma) else None
        noun = objects[0]
        if noun.pos_ != "NOUN" or any(c.dep_ == "prep" and c.lower_ == "with" for c in noun.children):
            return None
        entry = event_noun(noun.lemma_)
        if (entry is not None and is_reciprocal(entry.verb) and not joint) or \
                any(c.dep_ == "amod" and c.lower_ in lexicon("reciprocal_words.txt") for c in noun.lefts):
            return " ".join([lemma, *noun_words(noun)])  # "deepened cooperation", "signed a joint declaration"
        return None

    def reciprocal(self, verbs: list[Token], subjects: list[Arg], lemma: str, features: set[str],
                   base: dict) -> Iterator[Extraction]:
        """"A and B met": each pair of the coordinated subjects, in text order; "the two
        leaders met": the subject with itself, for the actors it names (see
        :mod:`kg.triples`)."""
        predicate = self.predicate_range(verbs, verbs[-1])
        if len(subjects) == 1:
            yield Extraction("reciprocal", subjects[0], subjects[0], predicate, lemma,
                             features=features | {"reciprocal", "joint"}, **base)
            return
        for i, first in enumerate(subjects):
            for second in subjects[i + 1:]:
                yield Extraction("reciprocal", first, second, predicate, lemma, features=features | {"reciprocal"},
                                 **base)

    def variants(self, verbs: list[Token], complements: list[Token]) -> Iterator[tuple[Arg, tuple[int, int], list[str]]]:
        """Narrower readings that link the subject to the object of a later preposition:
        of the verb ("sent his tanks *into Ukraine*" -> send tanks into) or of the first
        object's noun ("attended a meeting *with Xi*" -> attend meeting with). They let
        the actor graph see past an object that is not itself an actor."""
        first = complements[0]
        noun = first if first.dep_ in {"dobj", "attr", "acomp", "oprd"} else None
        start = self.predicate_range(verbs, verbs[-1])[0]
        if first.dep_ == "ccomp" and first.tag_ == "VB" and verbs[-1].lemma_.lower() not in lexicon("cue_verbs.txt") \
                and not any(c.dep_ in {"mark", "aux", "auxpass"} for c in first.children):
            doer = next((c for c in first.children if c.dep_ == "nsubj"), None)
            if doer is not None:  # "helped China develop ...": China is what is helped
                start_, end, _ = phrase(doer, subject=True)
                if start_ < end:
                    yield Arg(start_, end, doer), self.predicate_range(verbs, verbs[-1]), []
        undergoes = "verb" in lexicon("undergoing.tsv").get(verbs[-1].lemma_.lower(), ())
        if noun is None or noun.pos_ in {"NOUN", "ADJ"}:
            words = noun_words(noun) if noun is not None else []
            for prep in complements[1:]:
                if undergoes and prep.lower_ in {"from", "by"}:
                    continue  # "withstood pressure from X": X's act, aimed at the subject (kg.nominals)
                if prep.dep_ == "prep" and prep.i > first.i and prep.lower_ not in SETTING_PREPOSITIONS:
                    for head in _pobjs(prep):
                        yield head, (start, prep.i + 1), words + [prep.lower_]
        if noun is not None and noun.pos_ in {"NOUN", "ADJ"} and not any(
                c.dep_ == "poss" and c.pos_ != "PRON" for c in noun.children):
            for prep in noun.rights:
                if (undergoes and prep.lower_ in {"from", "by"}) or prep.lower_ == "between":
                    continue  # "withstood pressure from X": X's act on the subject (kg.nominals);
                    # "praised the relationship between A and B": its two sides, not whom it is aimed at
                if prep.dep_ == "prep" and prep.lower_ not in SETTING_PREPOSITIONS:
                    for head in _pobjs(prep):
                        yield head, (start, prep.i + 1), noun_words(noun) + [prep.lower_]

    def lemma(self, verbs: list[Token], head_verb: Token) -> str:
        """The predicate's lemma: the verbs of the chain with their particles ("turn to",
        "try to isolate"); a verb coordinated with a controlled one keeps the chain's
        head ("need to cherish and nurture it": need to nurture)."""
        words: list[str] = []
        first = verbs[0]
        if first.dep_ == "conj" and not any(c.dep_ in SUBJECT_DEPS for c in first.children):
            governor = first.head
            if governor.dep_ == "xcomp" and is_chained(governor):
                words += [governor.head.lemma_.lower()] + (["to"] if has_to(governor) else [])
            elif first.tag_ == "VB" and governor.tag_ != "VB" and len(chain(governor)) > 1 \
                    and chain(governor)[-1].tag_ == "VB":
                words += [governor.lemma_.lower()] + (["to"] if has_to(chain(governor)[-1]) else [])
        for i, verb in enumerate(verbs):
            if i and has_to(verb):
                words.append("to")
            words.append(verb.lower_ if verb.dep_ == "acomp" else verb.lemma_.lower())
            words += [c.lower_ for c in verb.children if c.dep_ == "prt"]
        return " ".join(words)

    def relative_object(self, verb: Token, found: Subjects) -> Arg | None:
        """The antecedent as the object of a relative clause with a subject of its own
        ("a match *which Keibler lost*", "a post *he held*")."""
        antecedent = relative_antecedent(verb)
        if found.how != "own" or verb.dep_ != "relcl" or antecedent is None or verb.head != antecedent:
            return None
        relative = [c for c in verb.children if is_relative_word(c)]
        if relative and relative[0].dep_ != "dobj":
            return None
        if not relative and (is_passive(verb) or any(c.dep_ in {"dobj", "ccomp", "xcomp", "attr"} or
                                                       (c.dep_ == "prep" and prep_object(c) is None)
                                                       for c in verb.children)):
            return None
        start, end, _ = phrase(antecedent, stop=verb)
        return Arg(start, end, antecedent) if start < end else None

    def subject_args(self, heads: list[Token], verb: Token) -> list[Arg]:
        args = []
        clause_start = verb.left_edge.i
        for head in heads:
            start, end, _ = phrase(head, stop=verb, subject=True)
            if start < clause_start < end:  # "the leaders of the two nations | that criticized X"
                start, end = trim_range(self.doc, start, clause_start)
            if start < end:
                args.append(Arg(start, end, head))
        return args

    def complements(self, verb: Token, found: Subjects) -> list[Token]:
        """The complements of the predicate's last verb, in text order: those after it,
        or a quotation or clause before it ("“...,” she said")."""
        after = [c for c in verb.rights if c.dep_ in COMPLEMENT_DEPS and not (c.dep_ == "advmod" and not self._is_place(c))]
        if after:
            return after
        before = [c for c in verb.lefts if c.dep_ == "ccomp"]
        return before[-1:]

    @staticmethod
    def _is_place(token: Token) -> bool:
        return token.lower_ in {"here", "there", "home", "abroad", "away", "back", "together"}

    def predicate_range(self, verbs: list[Token], last_token: Token) -> tuple[int, int]:
        """From the first auxiliary after the subject ("where do we go": "go") to
        ``last_token``."""
        first = verbs[0]
        subject_end = max((c.right_edge.i for c in first.lefts if c.dep_ in SUBJECT_DEPS), default=-1)
        start = min([first.i] + [a.i for a in auxiliaries(first) if a.i > subject_end])
        return word_start(self.doc, start), last_token.i + 1

    def objects(self, verbs: list[Token], complements: list[Token]) -> Iterator[tuple[Arg, tuple[int, int], str]]:
        """(object, predicate range, preposition in the predicate) for each coordinated object."""
        last = verbs[-1]
        end_of_predicate = max([last] + [c for c in last.children if c.dep_ == "prt" and c.i > last.i],
                               key=lambda t: t.i)
        first = complements[0]
        prep = ""
        if first.dep_ == "prep" and prep_object(first) is not None and first.i > end_of_predicate.i:
            inner = prep_object(first)
            prep, end_of_predicate = first.lower_, first
            heads = with_conjuncts(inner) if inner.dep_ == "pobj" else [inner]
        elif first.dep_ in CLAUSE_COMPLEMENTS and first.pos_ in {"VERB", "AUX"}:
            heads = [first]
        else:
            heads = with_conjuncts(first)
        if first.i < last.i:  # a clause before the verb: "“...,” she said"
            start, end = clause_range(first)
            if start < end:
                yield Arg(start, end, first), self.predicate_range(verbs, end_of_predicate), ""
            return
        predicate = self.predicate_range(verbs, end_of_predicate)
        rest = complements[1:]
        for n, head in enumerate(heads):
            if head.dep_ in CLAUSE_COMPLEMENTS and head.pos_ in {"VERB", "AUX"}:
                start, end = clause_range(head)
                cut = False
            else:
                start, end, cut = phrase(head)
            if n == len(heads) - 1 and not cut:
                end = self._extend(end, rest)
            if start < end and start >= predicate[1] and has_content(self.doc, start, end):
                mark = self.doc[start - 1]
                if start - 1 == predicate[1] and mark.dep_ == "mark" and mark.lower_ == "that":
                    yield Arg(start, end, head), (predicate[0], start), prep  # "indicated that"
                else:
                    yield Arg(start, end, head), predicate, prep

    def _extend(self, end: int, rest: list[Token]) -> int:
        """Extend an object over the following complements while they are contiguous."""
        for token in rest:
            start, stop, cut = complement_range(token)
            if start != end or stop <= start:
                break
            end = stop
            if cut:
                break
        return end

    def active(self, verbs: list[Token], agent: Token, patients: list[Arg], lemma: str,
               features: set[str], base: dict) -> Iterator[Extraction]:
        """The passive turned active: the ``by``-agent is the subject, the patient the object."""
        doers = prep_object(agent)
        if doers is None or doers.dep_ != "pobj":
            return
        predicate = self.predicate_range(verbs, verbs[-1])
        for doer in with_conjuncts(doers):
            start, end, _ = phrase(doer, subject=True)
            if start >= end:
                continue
            for patient in patients:
                yield Extraction("verb", Arg(start, end, doer), patient, predicate, lemma,
                                 features=features | {"passive-agent"}, **base)


def sentence_extractions(sent: Span) -> list[Extraction]:
    """Every clause extraction of one sentence."""
    return list(ClauseFinder(sent).run())
