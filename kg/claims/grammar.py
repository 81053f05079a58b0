"""Dependency-parse helpers for attribution: the cue's words, its source and its content.

Spans follow the conventions of attribution corpora (PARC, PolNeAR):

- the **cue** is the verb group: the verb with its auxiliaries, negation and the adverbs
  between them ("has also said", "did not immediately respond"), its particle ("pointed
  out") and, when the content is a prepositional phrase, the preposition ("called for");
- the **source** is the whole subject phrase, appositions and relative clauses included
  ("Jane Roe, a professor at the university,");
- the **content** is the whole complement, with its complementiser ("that the talks
  failed", "to act", "whether it works").
"""

from __future__ import annotations

import importlib.util
import re
from functools import lru_cache
from pathlib import Path

import numpy
from spacy.lookups import Lookups
from spacy.tokens import Doc, Token
from spacy.vocab import Vocab

from ..lexicons import lexicon, words
from ..spans import QUOTE_PAIRS, quote_closes_inside, quote_opened_inside

SUBJECTS = {"nsubj", "nsubjpass"}
NOUN_MODIFIERS = {"det", "poss", "amod", "compound", "nmod", "nummod"}
GROUP_DEPS = {"aux", "auxpass", "neg", "advmod"}
CLIMB_DEPS = {"conj", "advcl", "xcomp", "pcomp", "prep"}  # "..., before criticizing", "quoted as saying"
RELATIVE_PRONOUNS = {"who", "that", "which", "whom"}
EDGE_WORDS = {"and", "but", "or"}
DASHES = ("--", "—", "―", "–", "-")  # the longest first
EXPLETIVES = {"it", "there"}
REFLEXIVES = {"myself", "yourself", "yourselves", "himself", "herself", "itself", "ourselves", "themselves"}
QUANTIFIERS = words("quantifiers.txt")
PEOPLE_QUANTIFIERS = {"many", "some", "others", "few", "several", "most"}  # as a subject alone, people

Range = tuple[int, int]


def cue_verbs() -> dict[str, frozenset[str]]:
    return lexicon("cue_verbs.txt")


def is_cue_verb(token: Token) -> bool:
    """A verb of the cue lexicon (by lemma, or by form, which the tagger may not lemmatise),
    without a particle its entry does not allow ("pointed out" is a cue, "called up" not)."""
    if token.pos_ != "VERB" and not _verb_tagged_noun(token):
        return False
    tags = cue_tags(token)
    if tags is None:
        return False
    if "as-clause" in tags and not any(c.dep_ == "mark" and c.lower_ == "as" for c in token.children):
        return False
    return all(f"prt:{c.lower_}" in tags or _particle_as_preposition(c, tags)
               for c in token.children if c.dep_ == "prt")


def _particle_as_preposition(token: Token, tags: frozenset[str]) -> bool:
    """A preposition of the cue's tags that the parse read as a particle with an object
    ("called on police to release": ``prep:on``)."""
    return f"prep:{token.lower_}" in tags and any(c.dep_ == "pobj" for c in token.children)


def _verb_tagged_noun(token: Token) -> bool:
    """A headline verb the tagger took for a noun ("Putin and Xi vow deeper ties"): a
    noun heading its clause with a direct object or a clause of its own; or a verb in
    -s with a subject and a clause, taken for a plural ("But Trump claims that ...", or
    after the clause and a comma: "..., her former doctor maintains.")."""
    if token.pos_ != "NOUN" or token.dep_ != "ROOT":
        return False
    subject = any(c.dep_ in {"nmod", "compound", "nsubj"} and c.i < token.i for c in token.children)
    if token.tag_ == "NNS":
        return subject and any(c.dep_ == "ccomp" and (c.i > token.i or _comma_between(c, token))
                               for c in token.children)
    return token.tag_ == "NN" and subject and any(c.dep_ in {"dobj", "ccomp", "xcomp"} for c in token.children)


def _comma_between(clause: Token, token: Token) -> bool:
    """Whether a comma ends ``clause`` before ``token`` (a clause put first: "X, she says")."""
    return any(t.text == "," and t.head == token for t in token.doc[clause.right_edge.i + 1:token.i])


def is_document(token: Token) -> bool:
    """Whether ``token`` names a document or a speech (a ``document`` noun of
    ``cue_nouns.txt``), by lemma or by form ("data", which the lemmatiser makes "datum")."""
    nouns = lexicon("cue_nouns.txt")
    return any("document" in nouns.get(word, ()) for word in (token.lemma_.lower(), token.lower_))


def cue_tags(token: Token) -> frozenset[str] | None:
    """The tags of the cue verb ``token`` is a form of: by lemma, by form, or by the
    stem of a regular inflection when the lemmatiser went wrong ("hopes" -> "hop")."""
    cues = cue_verbs()
    found = cues.get(token.lemma_.lower(), cues.get(token.lower_))
    if found is None and token.tag_ in INFLECTED_TAGS:
        found = next((cues[stem] for stem in stems(token.lower_) if stem in cues), None)
    return found


INFLECTED_TAGS = {"VBZ", "VBD", "VBN", "VBG"}
SUFFIXES = (("ies", "y"), ("ied", "y"), ("ing", ""), ("ing", "e"), ("es", ""), ("ed", ""), ("ed", "e"),
            ("s", ""), ("d", ""))


def stems(form: str) -> list[str]:
    """Candidate base forms of a regularly inflected verb ("hoping" -> "hop", "hope").

    >>> stems("hoped")
    ['hop', 'hope', 'hope']
    """
    return [form[:-len(suffix)] + base for suffix, base in SUFFIXES
            if form.endswith(suffix) and len(form) - len(suffix) >= 2]


def inflections(lemma: str) -> set[str]:
    """The regular inflections of a verb lemma ("hope" -> "hopes", "hoped", "hoping")."""
    if lemma.endswith("e"):
        return {lemma + "s", lemma + "d", lemma[:-1] + "ing"}
    if lemma.endswith("y") and len(lemma) > 2 and lemma[-2] not in "aeiou":
        return {lemma[:-1] + "ies", lemma[:-1] + "ied", lemma + "ing"}
    plural = lemma + "es" if lemma.endswith(("s", "sh", "ch", "x", "z")) else lemma + "s"
    return {plural, lemma + "ed", lemma + "ing"}


def verb_group(verb: Token) -> Range:
    """Token range of the verb with the auxiliaries, negation and adverbs right before it
    and its particle right after it ("has not yet said", "pointed out", "put it")."""
    doc = verb.doc
    start = verb.i
    while start > 0:
        left = doc[start - 1]
        if left.head != verb or left.dep_ not in GROUP_DEPS or left.tag_ in {"WRB", ","}:
            break
        start -= 1
    end = verb.i + 1
    while end < len(doc) and doc[end].head == verb and (doc[end].dep_ == "prt" or _particle_as_adverb(verb, doc[end])):
        end += 1
    if end < len(doc) and doc[end].head == verb and doc[end].lower_ == "it" and doc[end].dep_ == "dobj" \
            and "as-clause" in (cue_tags(verb) or ()):
        end += 1  # "as she put it"
    return start, end


def _particle_as_adverb(verb: Token, token: Token) -> bool:
    """A particle of the cue's tags (``prt:in``) that the parse read as an adverb
    ("she weighed in")."""
    return token.dep_ == "advmod" and f"prt:{token.lower_}" in (cue_tags(verb) or ())


def subject_of(verb: Token) -> Token | None:
    """The subject of ``verb``, or of the verb it hangs from ("…, saying …", "was quoted
    as saying …"); for a participle modifying a noun ("a statement saying …"), the noun.
    A verb's "it" or "there" is not taken for the verb hanging from it, unless that "it"
    does something to an object ("It did not reveal the site and said ...")."""
    seen = 0
    participle = verb.dep_ == "advcl" and verb.tag_ == "VBG"
    while seen < 5:
        subjects = [child for child in verb.children if any(ch.isalnum() for ch in child.text)  # not a dash
                    and (child.dep_ in SUBJECTS or child.dep_ in {"nmod", "compound"} and _verb_tagged_noun(verb))]
        if subjects:  # of two (a misparse: "SAN FRANCISCO -- Apple said"), the one next to the verb,
            # unless a preposition left without its object comes before it ("a spokesperson who
            # could not be named because of agency policy said": the policy is the preposition's)
            before = sorted((c for c in subjects if c.i < verb.i), key=lambda c: c.i)
            child = before[-1] if before else subjects[0]
            if len(before) > 1 and child.left_edge.i > 0 and verb.doc[child.left_edge.i - 1].pos_ == "ADP":
                child = before[-2]
            if seen == 1 and participle and child.dep_ == "nsubjpass" and (agent := agent_of(verb)) is not None:
                return agent  # "The photo was denied by Roe, hinting that ...": Roe hints, not the photo
            return None if seen and _expletive(child) else child
        if (before := subject_before_comma(verb)) is not None:
            return before
        if (accompanying := subject_of_with(verb)) is not None:
            return accompanying
        if verb.dep_ == "acl" and verb.head.pos_ in {"NOUN", "PROPN"}:
            return verb.head
        if not seen and (after := subject_after_parenthetical(verb)) is not None:
            return after
        if (controller := object_controller(verb)) is not None:
            return controller
        if verb.dep_ not in CLIMB_DEPS or verb.head == verb:
            return None
        head = outside_quotation(verb, outside_aside(verb))
        if head.i < verb.i and _opening_quote(head) is not None and _opening_quote(verb) is None:
            return None  # '"I take note," adding that ...': not "I" of the quotation
        verb, seen = head, seen + 1
    return None


def agent_of(verb: Token) -> Token | None:
    """Who does what a passive verb says ("was denied *by Roe*"): the object of its "by"."""
    agent = next((c for c in verb.children if c.dep_ == "agent"), None)
    return next((c for c in agent.children if c.dep_ == "pobj"), None) if agent is not None else None


def subject_before_comma(participle: Token) -> Token | None:
    """The subject of the cue verb just before the comma that opens ``participle``, which
    the parse may have hung from a verb further on ('"...," Roe said, going on to say that ...':
    Roe goes on).

    >>> from kg import nlp
    >>> doc = nlp.load()("Roe said, adding that the plant would close.")
    >>> subject_before_comma(doc[3]).text
    'Roe'
    """
    if participle.tag_ != "VBG" or participle.i < 2 or participle.doc[participle.i - 1].text != ",":
        return None
    verb = participle.doc[participle.i - 2]
    if verb.pos_ != "VERB" or not is_cue_verb(verb):
        return None  # "welcomed the news that Kasich would quit, saying ...": Kasich does not say
    return next((c for c in verb.children if c.dep_ in SUBJECTS), None)


def subject_of_with(participle: Token) -> Token | None:
    """The noun of "with" right before a participle: its subject ("..., with the head of
    the council, Jo Roe, warning that rates will rise": the head warns), which the parse
    hangs from the verb of the clause.

    >>> from kg import nlp
    >>> doc = nlp.load()("The leaders voiced concerns, with the head of the council, Jo Roe, warning that rates would rise.")
    >>> subject_of_with(doc[15]).text
    'head'
    """
    if participle.tag_ != "VBG" or participle.dep_ not in {"advcl", "conj"}:
        return None
    preposition = next((c for c in participle.head.children if c.dep_ == "prep" and c.lower_ == "with"
                        and c.i < participle.i), None)
    noun = next((c for c in preposition.children if c.dep_ == "pobj"), None) if preposition is not None else None
    doc = participle.doc
    if noun is None or preposition.i > doc[preposition.i].sent.start and doc[preposition.i - 1].text != ",":
        return None  # "frustrated with the companies, saying ...": a complement, not an aside
    between = doc[noun.right_edge.i + 1:participle.i]
    if any(not t.is_punct for t in between) or between and not any(t.dep_ == "appos" for t in noun.subtree):
        return None  # "with the companies, saying ...": the comma ends the aside, unless it closes a name's
    return noun


def outside_quotation(verb: Token, head: Token) -> Token:
    """``head``, or, when ``head`` is inside a quotation that closes before ``verb``, the
    last verb before the quotation: the parse may hang what follows a quotation from a verb
    inside it ('treating it as a compliment -- "That makes me smart" -- and asserting ...':
    the one who treats it asserts, not "That").

    >>> from kg import nlp
    >>> doc = nlp.load()("Mr. Roe hardly clarified the matter, treating the remark as a compliment -- ''That makes me smart'' -- and, when questioned after the debate, asserting, ''Of course, I pay taxes.''")
    >>> doc[29].text, outside_quotation(doc[29], doc[16]).text
    ('asserting', 'treating')
    """
    opening = _opening_quote(head)
    if opening is None or head.i > verb.i or _opening_quote(verb) is not None:
        return head  # "After saying ..., she was “whisked off”": the quotation follows
    before = (t for t in reversed(verb.doc[head.sent.start:opening]) if t.pos_ == "VERB")
    return next((t for t in before if _opening_quote(t) is None), head)


def _opening_quote(token: Token) -> int | None:
    """Where the quotation that ``token`` is in opens, in its sentence; None outside any
    (double quotation marks before it in its sentence, counted: an odd number opens one)."""
    marks = [t.i for t in token.doc[token.sent.start:token.i] if t.text in QUOTE_MARKS]
    return marks[-1] if len(marks) % 2 else None


QUOTE_MARKS = {'"', "“", "”", "''", "``", "«", "»"}  # not single ones: "the voters' choice"


def outside_aside(verb: Token) -> Token:
    """The verb ``verb`` hangs from, or, when that verb's clause is an aside between dashes
    that closes before ``verb``, the verb the aside hangs from: the parse may hang what
    follows the aside from inside it ("protesters marched to the stadium - where the
    Lions played - chanting ..." : the protesters chant).

    >>> from kg import nlp
    >>> doc = nlp.load()('Fans marched around the stadium - where the Lions played the Bears - while chanting, "Go home."')
    >>> doc[14].text, outside_aside(doc[14]).text
    ('chanting', 'marched')
    """
    head = verb.head
    opens = head.left_edge.i - 1
    if head == head.head or opens < 0 or verb.doc[opens].text not in DASHES:
        return head
    closes = any(c.text in DASHES and head.i < c.i < verb.i for c in head.children)
    return head.head if closes and head.head.i <= opens else head


def object_controller(verb: Token) -> Token | None:
    """The object that does what an infinitive says when the verb it hangs from brings
    someone to do it (``forcing_verbs.txt``: "forced the banker to admit ...", "led the
    journalist to fear ..."): the banker admits, not whoever forced him; None for any
    other verb ("promised the voters to say ...", "asked the CEO to explain ...") or when
    the infinitive does not follow the object ("leading the merger, to tell them ...").

    >>> from kg import nlp
    >>> doc = nlp.load()("The senator forced the banker to admit that no one was fired.")
    >>> object_controller(doc[6]).text
    'banker'
    >>> object_controller(nlp.load()("She promised the voters to say more.")[5]) is None
    True
    """
    head = verb.head
    if verb.dep_ not in {"xcomp", "advcl"} or head == verb or head.lemma_.lower() not in words("forcing_verbs.txt") \
            or not any(c.tag_ == "TO" for c in verb.children):
        return None
    return next((c for c in head.children if c.dep_ == "dobj" and c.right_edge.i + 1 == verb.left_edge.i
                 and c.pos_ in {"NOUN", "PROPN", "PRON"} and c.lower_ not in REFLEXIVES), None)


def subject_after_parenthetical(cue: Token) -> Token | None:
    """The source right after a parenthetical cue that the parse made a second subject of
    the clause the cue interrupts ("This system, says Ruth Adler, a physicist at ..., helps
    ...": "Adler" a subject of "helps" beside "system"); None for any other cue.

    >>> from kg import nlp
    >>> doc = nlp.load()("This system, says Ruth Adler, a physicist at the University of Colorado, Boulder, "
    ...                  "helps guide a systematic search for faults throughout the grid.")
    >>> subject_after_parenthetical(doc[3]).text
    'Adler'
    """
    if cue.dep_ != "parataxis" or any(c.dep_ in SUBJECTS for c in cue.children):
        return None
    subjects = [c for c in cue.head.children if c.dep_ in SUBJECTS]
    after = [c for c in subjects if c.left_edge.i == cue.i + 1]
    return after[0] if after and any(c.i < cue.i for c in subjects) else None


def _expletive(subject: Token) -> bool:
    """Whether a subject "it" or "there" stands for nothing: not when its verb does
    something to an object ("It did not reveal the site and said ..."), unless an
    infinitive says what ("It took the mayor a week to answer, saying ...").

    >>> from kg import nlp
    >>> doc = nlp.load()("It did not reveal the site and said it was safe.")
    >>> _expletive(doc[0]), _expletive(nlp.load()("It took the mayor a week to answer, saying so.")[0])
    (False, True)
    """
    verb = subject.head
    acts = any(c.dep_ == "dobj" for c in verb.children) and not any(
        c.dep_ in {"xcomp", "advcl", "ccomp"} and any(t.tag_ == "TO" for t in c.children) for c in verb.children)
    return subject.lower_ in EXPLETIVES and not acts


def antecedent(token: Token) -> Token:
    """The noun a relative pronoun stands for ("the man who said" -> "man"), else the token.

    A clause after "N1 of N2" is read as about N1 when N1 is a person and N2 is not, or
    the pronoun is "who" ("the leaders of the two nations that promised ...": people
    speak, nations rarely); an apposition stands for the name it describes ("Tom Roe,
    head of the union, who said ...").
    """
    if token.lower_ not in RELATIVE_PRONOUNS or token.head.dep_ != "relcl":
        return token
    noun = token.head.head
    of = noun.head
    if noun.dep_ == "pobj" and of.lower_ == "of" and of.head.pos_ in {"NOUN", "PROPN"} \
            and is_person_noun(of.head) and (token.lower_ in {"who", "whom"} or not is_person_noun(noun)):
        noun = of.head
    if noun.dep_ == "appos" and noun.head.pos_ == "PROPN":
        noun = noun.head
    return noun


def is_person_noun(noun: Token) -> bool:
    return noun.ent_type_ == "PERSON" or noun.lemma_.lower() in lexicon("person_nouns.tsv")


def subtree_range(token: Token) -> Range:
    return token.left_edge.i, token.right_edge.i + 1


def core_range(head: Token) -> Range:
    """The head with its left modifiers and ``of``-phrases: the name, without appositions
    or relative clauses ("the leaders of the two nations", "John Smith")."""
    start, end = head.left_edge.i, head.i + 1
    for child in head.rights:
        if child.dep_ == "prep" and child.lower_ == "of" and head.pos_ != "PROPN":
            end = max(end, child.right_edge.i + 1)
        elif child.dep_ in {"compound", "flat"} or (child.dep_ == "case" and child.i == end):
            end = max(end, child.i + 1)
    return trim(head.doc, start, end)


def source_range(head: Token, avoid: Range | None = None, cue: int | None = None) -> Range:
    """The whole source phrase (appositions, relative clauses and participles that
    restrict it included: "a union representing nurses"), but not a participle clause
    after a comma ("Trump, speaking to veterans,"), a relative clause that makes
    a claim of its own ("Jane Roe, who argued that ...") or the outlet that relayed the
    words ("Jo Roe, via ESPN,"), and cut before ``avoid`` (a
    content range) when the parse lets the two overlap, and before the token ``cue``
    (where the cue's words start) when the parse hangs the cue from the source ("a
    statement saying")."""
    start, end = subtree_range(head)
    start = min(start, _noun_phrase_start(head))
    if cue is not None and head.i < cue < end:
        end = max(cue, start)
    for child in head.rights:
        if child.dep_ == "acl" and child.tag_ == "VBG" and head.doc[child.left_edge.i - 1].text == "," \
                or child.dep_ == "relcl" and any(is_cue_verb(t) for t in child.subtree):
            end = min(end, child.left_edge.i)
            break
        if relayed_by(child):
            end = min(end, child.i - 1)  # "Jo Roe, via ESPN, said": the outlet relayed it, Jo Roe said it
            break
    if avoid is not None and start < avoid[1] and avoid[0] < end:
        if head.i < avoid[0]:
            end = min(end, avoid[0])
        else:
            start = max(start, avoid[1])
    start = after_dateline(head.doc, start, end)
    start, end = trim(head.doc, start, end)
    return start, whole_word_end(head.doc, end)


def relayed_by(phrase: Token) -> bool:
    """Whether ``phrase`` names the outlet that relayed what was said ("via ESPN", "per the
    Post"), set off by a comma: it belongs to neither the source nor the content.

    >>> from kg import nlp
    >>> doc = nlp.load()("He said the team must improve, via ESPN.")
    >>> relayed_by(doc[7]), relayed_by(doc[1])
    (True, False)
    """
    return phrase.dep_ == "prep" and phrase.lower_ in {"via", "per"} and phrase.i > 0 \
        and phrase.doc[phrase.i - 1].text == "," and any(c.dep_ == "pobj" for c in phrase.children)


def _noun_phrase_start(head: Token) -> int:
    """Where the noun phrase of ``head`` starts when the parse took the verb after it for
    a noun and hung the phrase's words from that verb ("..., the candidate's former
    doctor maintains": "the candidate's former" hang from "maintains")."""
    verb, start = head.head, head.left_edge.i
    if head.dep_ not in {"compound", "nmod"} or not _verb_tagged_noun(verb):
        return start
    for child in sorted((c for c in verb.lefts if c.i < head.i), key=lambda c: -c.i):
        if child.dep_ not in NOUN_MODIFIERS or child.right_edge.i + 1 != start:
            break
        start = child.left_edge.i
    return start


def after_dateline(doc: Doc, start: int, end: int) -> int:
    """The start of a span moved past a dateline that opens its line ("WASHINGTON -- ...",
    with the agency in brackets or the date: "BRUSSELS (Reuters) - ...", "PUTRAJAYA, Nov
    22 — ...", the span starting anywhere in it)."""
    first = start
    while first > 0 and start - first < 8 and "\n" not in doc[first - 1].text:
        first -= 1
    if first > 0 and "\n" not in doc[first - 1].text:
        first = start  # no line start near: only a dateline that opens the span itself
    bracketed = False
    for i in range(first, min(end, first + 8)):
        if doc[i].text in DASHES:
            words = [t for t in doc[first:i] if not t.is_punct]
            return max(start, i + 1) if words and words[0].is_upper else start
        bracketed = doc[i].text == "(" or bracketed and doc[i].text != ")"
        if not (doc[i].is_upper or doc[i].is_punct or doc[i].is_space or bracketed and doc[i].is_title
                or doc[i].ent_type_ == "DATE" and i > first):
            return start
    return start


def trim(doc: Doc, start: int, end: int, keep_mark: bool = True) -> Range:
    """Token range without punctuation, spaces or a conjunction at its edges ("what she
    says it would do and | what it does": the "and" is not hers; the complementiser "that"
    is kept unless ``keep_mark`` is false). Quotation marks
    that open or close a quote of the range are kept, and taken in when the parse left
    one just outside ("as “warm and comradely”")."""
    if 0 < start < end and quote_closes_inside(doc, start - 1, end):
        start -= 1
    while start < end and ((doc[start].is_punct and not quote_closes_inside(doc, start, end)) or doc[start].is_space
                           or (doc[start].dep_ == "cc" and doc[start].lower_ in EDGE_WORDS)
                           or (not keep_mark and doc[start].dep_ == "mark")):
        start += 1
    while end > start and (doc[end - 1].is_punct or doc[end - 1].is_space
                           or doc[end - 1].dep_ == "cc" and doc[end - 1].lower_ in EDGE_WORDS) \
            and not _closes_quote(doc, start, end) and not _closes_bracket(doc, start, end):
        end -= 1
    if start < end < len(doc) and quote_opened_inside(doc, start, end) and _leaves_quote_open(doc, start, end):
        end += 1
    return start, end


def whole_word_end(doc: Doc, end: int) -> int:
    """The end of a token range moved past the rest of its last word, when the parse
    left part of it out ("those who do|n't", "his ex|-wife"); not over a clitic that is
    a word of its own ("he|'s").

    >>> from spacy.tokens import Doc; from spacy.vocab import Vocab
    >>> doc = Doc(Vocab(), words=["his", "ex", "-", "wife", "said", "he", "’s"], spaces=[True, False, False, True, True, False, False])
    >>> whole_word_end(doc, 2), whole_word_end(doc, 6)
    (4, 6)
    """
    while 0 < end < len(doc) and not doc[end - 1].whitespace_:
        following = doc[end]
        if following.lower_ in {"n't", "n’t"} or following.text.isalnum():
            end += 1
        elif following.text == "-" and end + 1 < len(doc) and not following.whitespace_ and doc[end + 1].text.isalpha():
            end += 2
        else:
            break
    return end


def _closes_bracket(doc: Doc, start: int, end: int) -> bool:
    """True when the last token closes a bracket opened inside the range ("Jane Roe (D-Ohio)")."""
    last = doc[end - 1].text
    opening = {")": "(", "]": "["}.get(last)
    return opening is not None and any(t.text == opening for t in doc[start:end - 1])


def _leaves_quote_open(doc: Doc, start: int, end: int) -> bool:
    """True when the range opens a quotation it does not close."""
    words = [t.text for t in doc[start:end]]
    return any(words.count(opening) > sum(words.count(c) for c in closing) if opening not in closing
               else words.count(opening) % 2 for opening, closing in QUOTE_PAIRS.items())


def _closes_quote(doc: Doc, start: int, end: int) -> bool:
    """True when the last token closes a quotation that opens inside the range."""
    last = doc[end - 1]
    if not last.text.endswith(("”", '"', "''", "»", "’", "'")):
        return False
    return any(last.text in QUOTE_PAIRS.get(t.text, ()) for t in doc[start:end - 1])


def is_pronoun(token: Token) -> bool:
    return token.pos_ == "PRON" or token.tag_ in {"PRP", "WP", "WDT"}


def plausible_source(token: Token, speaker_nouns, *lexicons, conjuncts: bool = True) -> bool:
    """True when the phrase headed by ``token`` can name someone who speaks: a name, a
    pronoun, a noun of one of the lexicons (people, institutions, documents) or a word for
    someone who does something (:func:`is_doer`); in a coordination, one of its members
    ("businesses and residents")."""
    if conjuncts:
        return any(plausible_source(t, speaker_nouns, *lexicons, conjuncts=False) for t in (token, *token.conjuncts))
    token = antecedent(token)
    if token.ent_type_ in {"PERSON", "ORG", "GPE", "NORP"} or token.pos_ in {"PROPN", "PRON"}:
        return True
    if token.pos_ == "NUM" or token.lower_ in QUANTIFIERS | PEOPLE_QUANTIFIERS:  # "one of the doctors", "most of them"
        of = next((c for c in token.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        pobj = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
        if pobj is None:  # "many have voiced concerns", "others reported": people
            return token.lower_ in PEOPLE_QUANTIFIERS and token.dep_ == "nsubj"
        return plausible_source(pobj, speaker_nouns, *lexicons, conjuncts=False)
    lemma = token.lemma_.lower()
    return lemma in speaker_nouns or any(lemma in lex for lex in lexicons) or is_doer(token)


DOER = re.compile(r"\w{4}(?:er|or|ist|ian)$")


def is_doer(noun: Token) -> bool:
    """A word for someone who does something ("the reviewer", "a commentator", "the
    columnist", "backers"), not a word that is also a verb ("the answer", "the number")."""
    lemma = noun.lemma_.lower()
    return noun.pos_ == "NOUN" and DOER.search(lemma) is not None and lemma not in verb_lemmas()


@lru_cache(maxsize=1)
def verb_lemmas() -> frozenset[str]:
    """The English verbs the default pipeline's lemmatizer knows (read from its files,
    whichever pipeline parses; empty when they are not there)."""
    from ..nlp import DEFAULT_MODEL
    spec = importlib.util.find_spec(DEFAULT_MODEL)
    for folder in spec.submodule_search_locations if spec and spec.submodule_search_locations else ():
        for tables in Path(folder).glob("*/lemmatizer/lookups"):
            index = Lookups().from_disk(tables).get_table("lemma_index", {})
            return frozenset(index.get("verb", ()))
    return frozenset()


def tokens_with(doc: Doc, attrs: list[int], values: list[set[int]]) -> list[Token]:
    """The tokens, in order, whose attribute ``attrs[k]`` (``spacy.attrs`` ids) is one of
    ``values[k]`` for some k: read from arrays, without a pass over Token objects."""
    if not len(doc):
        return []
    columns = doc.to_array(attrs).reshape(len(doc), len(attrs))
    hit = numpy.zeros(len(doc), dtype=bool)
    for k, wanted in enumerate(values):
        hit |= numpy.isin(columns[:, k], numpy.array(sorted(wanted), dtype=columns.dtype))
    return [doc[int(i)] for i in numpy.flatnonzero(hit)]


def hashes(vocab: Vocab, words) -> set[int]:
    """The ids spaCy stores for ``words`` (lemmas, forms; labels such as "conj" or
    "PERSON" are built-in symbols, not hashes)."""
    return {vocab.strings[w] for w in words}
