"""Pronouns and short anaphors ("the country", "the two leaders") -> the actors they refer to.

A salience model in the manner of Lappin and Leass (1994), kept small: every noun phrase
of the current and the two previous sentences is a candidate antecedent (actors and
non-actors alike, so that "it" after "the declaration" is not forced onto a country);
candidates that disagree in number or gender are dropped, as are those the pronoun
cannot be bound to ("Putin told him": not Putin); the rest are ranked by recency and
grammatical role (subjects first, and subjects for subjects; the weight of both halves
with each sentence back), with a penalty for names inside a quotation when the pronoun
is outside it. A pronoun links to actors only when
the best candidate is an actor (or a pronoun already linked to one). A possessive in a
fronted phrase may point forward to the subject ("During his visit, Putin said").

Everything is linear in the document: referents are collected once, and each pronoun
looks at the referents of three sentences.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import Counter
from dataclasses import dataclass, field
from typing import Callable

from spacy.tokens import Doc, Token

from .descriptors import TokenTable, is_plural, is_someone, speaks_as_subject
from .lexicons import lexicon, words

WINDOW = 2  # sentences before the pronoun's own
QUOTE_CHARS = re.compile(r"[“”\"]")
EXPLETIVE_VERBS = words("linking_verbs.tsv", "expletive")
CLAUSES = {"ccomp", "xcomp", "csubj"}
ROLE_WEIGHT = {"subject": 80, "object": 50, "oblique": 40, "possessor": 35, "other": 20}
FORE_DEPS = {"prep", "advcl", "npadvmod", "advmod"}
BODY_KINDS = {"Organization", "Country"}  # actors a "they" may stand for, as a body of people


@dataclass
class Referent:
    """A noun phrase that a later pronoun may refer to."""

    head: int  # token index
    start: int  # character span
    end: int
    text: str
    actors: tuple[str, ...] = ()
    person: bool = False
    plural: bool = False
    gender: str | None = None
    kind: str | None = None  # actor kind when ``actors``
    role: str = "other"
    sent: int = 0
    main: bool = False
    quoted: bool = False
    pronoun: bool = False


@dataclass
class Link:
    """An anaphor linked to actors, with the rule and evidence for the record."""

    start: int
    end: int
    text: str
    actors: tuple[str, ...]
    rule: str
    evidence: str
    how: str = "pronoun"


@dataclass
class AnaphoraContext:
    """What the resolver knows about the document, as anaphora needs it."""

    doc: Doc
    text: str  # the document text (the doc's own, without rebuilding it)
    kinds: dict[str, str]  # actor id -> kind
    gender: Callable[[str], str | None]
    skipped: Callable[[int, int], bool]
    referents: list[Referent] = field(default_factory=list)
    holds_office: Callable[[str], bool] = lambda actor: True  # for "the two leaders"
    states_of: Callable[[str], tuple[str, ...]] = lambda actor: ()  # a person's states (for "the two countries")
    one_of_a_people: Callable[[str], tuple[str, str | None] | None] = lambda word: None  # "Spaniard": (state, gender)


def quote_spans(text: str) -> list[tuple[int, int]]:
    """Character ranges inside quotation marks (curly pairs, straight quotes by line); an
    opening curly mark left open runs to the end of its paragraph, as where each paragraph
    of a long quotation opens a mark and only the last one closes it (a straight mark left
    open is as often a slip).

    >>> quote_spans('He said: “We will win.\\n\\n“The rest follows.” Then he left.')
    [(9, 22), (24, 43)]
    """
    spans, opened = [], None

    def close_at_paragraph_end() -> None:
        if text[opened] == "“":
            end = text.find("\n", opened)
            spans.append((opened, end if end >= 0 else len(text)))

    for match in QUOTE_CHARS.finditer(text):
        ch, pos = match.group(), match.start()
        if opened is not None and "\n" in text[opened:pos]:
            close_at_paragraph_end()
            opened = None
        if ch == "“" or (ch == '"' and opened is None):
            opened = pos
        elif opened is not None:
            spans.append((opened, pos + 1))
            opened = None
    if opened is not None:
        close_at_paragraph_end()
    return spans


class QuoteIndex:
    def __init__(self, text: str) -> None:
        self.spans = quote_spans(text)
        self.starts = [s for s, _ in self.spans]

    def inside(self, offset: int) -> bool:
        i = bisect_right(self.starts, offset) - 1
        return i >= 0 and self.spans[i][0] < offset < self.spans[i][1]


AGE_BEFORE = re.compile(r"(\d+)-year-$")  # "the 56-year-old": the words before "old"
ROLE_REACH = 8  # sentences back that "the ex-captain" looks for the person given that role


def same_role(word: str) -> str:
    """The role a word for a person names, when another word names it too (tag ``same:``
    of ``kg/data/person_nouns.tsv``: "skipper" is "captain"), else the word.

    >>> same_role("skipper"), same_role("coach")
    ('captain', 'coach')
    """
    tags = lexicon("person_nouns.tsv").get(word, ())
    return next((tag.removeprefix("same:") for tag in tags if tag.startswith("same:")), word)


def _title_words_before(head: Token, reach: int = 8) -> set[str]:
    """The capitalised words right before a name, however the parse hung them ("*Chief
    Secretary to the Treasury* Danny Alexander told MPs"), in lower case.

    >>> from kg import nlp
    >>> doc = nlp.load()("Savings, Chief Secretary to the Treasury Danny Alexander told MPs.")
    >>> sorted(_title_words_before(doc[7]))
    ['chief', 'secretary', 'treasury']
    """
    i = head.i
    while i > head.sent.start and head.doc[i - 1].pos_ == "PROPN" and head.doc[i - 1].ent_type_ == "PERSON":
        i -= 1  # the name's own words
    found = set()
    for token in reversed(head.doc[max(head.sent.start, i - reach):i]):
        if token.is_title and not token.is_punct:
            found.add(token.lower_)
        elif token.lower_ not in {"to", "the", "of", "for", "and"}:
            break
    return found


def _same_office(description: Token, given: dict, phrases: dict[str, set[str]]) -> tuple[dict, dict]:
    """Of the people given the role of a description (``phrases``: the words of each one's
    name phrase), those whose title has no word that makes it another office ("shadow
    chief secretary Jo Park", "Deputy Attorney General Ann Roe" for "the attorney general";
    ``kg/data/title_modifiers.tsv``), and of these the ones that also have the
    description's own lower-case words ("the *chief* secretary": not "general secretary
    Jo Park")."""
    other_offices = words("title_modifiers.tsv", "office")
    times = set(lexicon("title_modifiers.tsv")) - other_offices  # "the former captain" is still a captain
    own = {t.lower_ for t in description.lefts if t.dep_ in {"amod", "compound"} and t.is_lower and t.is_alpha
           and t.lower_ not in times}
    same = {a: r for a, r in given.items() if not (phrases[a] & other_offices) - own}
    return same, {a: r for a, r in same.items() if own <= phrases[a]}


def _name_phrase_words(head: Token) -> set[str]:
    """The lower-case words a name's own phrase gives it: the words before it (abbreviated
    titles spelt out: ``kg/data/title_abbreviations.tsv``) and its appositions ("Former
    England *captain* Joe Park", "Joe Park, the club's *captain*"), not its relative clauses.

    >>> from kg import nlp
    >>> doc = nlp.load()("Former England captain Joe Park, who met the coach, spoke.")
    >>> sorted(_name_phrase_words(doc[4]))
    ['captain', 'england', 'former', 'joe', 'park']
    """
    found = {head.lower_} | _title_words_before(head)
    for child in head.children:
        if child.dep_ in {"compound", "amod", "appos", "nmod"} or child.dep_ == "prep" and child.lower_ == "of":
            found.update(t.lower_ for t in child.subtree)  # "Sen. Jo Park of Ohio"
    expanded = lexicon("title_abbreviations.tsv")  # "Gov. Eric Holcomb" is a governor
    return found | {next(iter(expanded[w.rstrip(".")])) for w in found if w.rstrip(".") in expanded}


def _fits(name: str, wanted: set[str], head: Token, generic: bool) -> bool:
    """Whether a description's words ``wanted`` and its ``head`` are words of ``name``: the
    head the name's last word, or its word before "of" ("the department" for "the Texas
    Department of State Health Services", "the bank" for "the Bank of England").

    >>> from kg import nlp
    >>> doc = nlp.load()("the department and the services")
    >>> _fits("Texas Department of State Health Services", set(), doc[1], False), _fits("Acme Services", set(), doc[4], False)
    (True, True)
    """
    words = [_stem(w) for w in re.findall(r"[a-z]+", name.lower())]
    return bool(words) and wanted <= set(words) and (generic or _stem(head.lower_) in {_stem(w) for w in name_heads(name)})


def name_heads(name: str) -> set[str]:
    """The words of a body's name that a description may take up alone: its last word and
    any word before "of" ("the Bank of England": "england", "bank").

    >>> sorted(name_heads("the Texas Department of State Health Services"))
    ['department', 'services']
    """
    words = re.findall(r"[a-z]+", name.lower())
    return {words[-1], *(words[i - 1] for i, w in enumerate(words) if w == "of" and i)} if words else set()


def _name_words(referent: Referent) -> set[str]:
    """The words of the name of a referent's actor (its id's), without plural endings: "the
    airline" takes up a body whose name says "Airlines" before any other body."""
    words = re.findall(r"[a-z]+", referent.actors[0].replace("_", " "))
    return {_stem(w) for w in words + [a + b for a, b in zip(words, words[1:])]}  # "Air Lines": airline


def _stem(word: str) -> str:
    """A word without its plural ending, to compare a description with a name.

    >>> _stem("productions"), _stem("utilities"), _stem("news")
    ('production', 'utility', 'news')
    """
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith("s") and not word.endswith(("ss", "us", "ws")) and len(word) > 3:
        return word[:-1]
    return word


def _not_business(name: str) -> bool:
    """True when an organisation's name says it is a public body or a newspaper.

    >>> _not_business("the Department of Education"), _not_business("The New York Times"), _not_business("WeWork")
    (True, True, False)
    """
    return not set(re.findall(r"[a-z]+", name.lower())).isdisjoint(lexicon("not_business_words.txt"))


def _says_whose(description: Token) -> bool:
    """True for a description that says whose role it is, or names its holder or place
    ("the State Department's inspector general", "the author, Mitchell Zuckoff", "the Ohio
    governor")."""
    return any(t.dep_ in {"poss", "appos"} or t.text[:1].isupper() and t.i > description.left_edge.i
               for t in description.subtree if t.i != description.i)


def role_of(token: Token) -> str:
    head = token
    while head.dep_ in {"conj", "appos"} and head.head.i != head.i:
        head = head.head
    dep = head.dep_
    if dep in {"nsubj", "nsubjpass"}:
        return "subject"
    if dep in {"dobj", "dative", "attr"}:
        return "object"
    if dep == "pobj":
        return "oblique"
    if dep == "poss":
        return "possessor"
    return "other"


class Roles:
    """:func:`role_of` and :func:`is_main_subject` over a :class:`~kg.descriptors.TokenTable`."""

    def __init__(self, table: TokenTable) -> None:
        self.table = table
        self.climb = table.ids("conj", "appos")
        self.subject = table.ids("nsubj", "nsubjpass")
        self.object = table.ids("dobj", "dative", "attr")
        self.oblique = table.ids("pobj")
        self.possessor = table.ids("poss")
        self.root = table.ids("ROOT")

    def of(self, i: int) -> tuple[str, bool]:
        """(role, is the subject of the sentence's root) of token ``i``."""
        dep, head = self.table.dep, self.table.head
        while dep[i] in self.climb and head[i] != i:
            i = head[i]
        d = dep[i]
        if d in self.subject:
            return "subject", dep[head[i]] in self.root
        if d in self.object:
            return "object", False
        if d in self.oblique:
            return "oblique", False
        if d in self.possessor:
            return "possessor", False
        return "other", False


def is_main_subject(token: Token) -> bool:
    head = token
    while head.dep_ in {"conj", "appos"} and head.head.i != head.i:
        head = head.head
    return head.dep_ in {"nsubj", "nsubjpass"} and head.head.dep_ == "ROOT"


def is_expletive(token: Token) -> bool:
    """"It seems that...", "it is hard to predict...": an "it" that refers to nothing."""
    if token.lower_ != "it" or token.dep_ not in {"nsubj", "nsubjpass", "expl"}:
        return token.dep_ == "expl"
    verb = token.head
    if verb.lemma_ not in EXPLETIVE_VERBS:
        return False
    if any(c.dep_ in CLAUSES and c.i > verb.i for c in verb.children):
        return True
    return any(c.dep_ in {"acomp", "attr"} and any(g.dep_ in CLAUSES for g in c.children) for c in verb.children)


class Anaphora:
    """Resolves the anaphors of one document against its referents."""

    def __init__(self, ctx: AnaphoraContext, sent_of: list[int], quotes: QuoteIndex, table: TokenTable) -> None:
        self.ctx = ctx
        self.table = table
        self.doc = ctx.doc
        self.sent_of = sent_of
        self.quotes = quotes
        self.referents = sorted(ctx.referents, key=lambda r: r.head)
        self.heads = [r.head for r in self.referents]
        self.learned_gender: dict[str, str] = {}  # person -> the gender of a "he" or "she" already linked to them

    # candidates --------------------------------------------------------------------

    def _add(self, referent: Referent) -> None:
        i = bisect_right(self.heads, referent.head)
        self.heads.insert(i, referent.head)
        self.referents.insert(i, referent)

    def _window(self, token: Token) -> list[Referent]:
        first_sent = self.sent_of[token.i] - WINDOW
        lo = bisect_left(self.heads, self._sent_start_token(first_sent))
        hi = bisect_left(self.heads, token.i)
        return self.referents[lo:hi]

    def _sent_start_token(self, sent_index: int) -> int:
        if sent_index <= 0:
            return 0
        return self._sent_starts[sent_index]

    def gender_of(self, referent: Referent, learned: bool = True) -> str | None:
        """The referent's gender: its own, its person's, or (with ``learned``) that of a
        pronoun the text already used for the person outside quotations ("Jo Roe ... he
        said": no later "she" is Jo Roe; a quotation's "he" may be anyone the speaker means)."""
        if referent.gender:
            return referent.gender
        if len(referent.actors) == 1:
            actor = referent.actors[0]
            return self.ctx.gender(actor) or (self.learned_gender.get(actor) if learned else None)
        return None

    def _score(self, pronoun: Token, referent: Referent, pronoun_role: str, pronoun_gender: str | None = None) -> float:
        """The referent's salience for the pronoun: recency, role and main subject, halved
        for each sentence between them as in Lappin and Leass (a subject two sentences back
        does not outweigh the person just named as an object), then agreement bonuses."""
        distance = self.sent_of[pronoun.i] - referent.sent
        score = (100 + ROLE_WEIGHT[referent.role] + 20 * referent.main) * 0.5 ** distance
        if pronoun_role == "subject" and referent.role == "subject":
            score += 35
        if referent.quoted and not self.quotes.inside(pronoun.idx):
            score -= 60
        if pronoun_gender and self.gender_of(referent, learned=False) == pronoun_gender:
            score += 25  # known to agree by name (not by an earlier pronoun), not merely not known to disagree
        return score + referent.head / 100000  # later wins a tie

    # pronouns ------------------------------------------------------------------------

    def run(self) -> list[Link]:
        self._sent_starts = [i for i in range(len(self.doc)) if i == 0 or self.sent_of[i] != self.sent_of[i - 1]]
        pronouns = lexicon("pronouns.tsv")
        links: list[Link] = []
        table = self.table
        heads = {w for r in self.referents  # "the commission" after "... Commission"
                 if r.actors and r.kind in {"Organization", "Group"} and not r.text.islower() for w in name_heads(r.text)}
        wanted = table.ids(*pronouns, *lexicon("anaphors.tsv"), *lexicon("person_nouns.tsv"), "old", *heads)
        relative_tags = table.ids("WDT", "WP")
        the = table.ids("the")
        for i in range(len(self.doc)):
            people = i > 0 and table.lower[i - 1] in the and self.ctx.one_of_a_people(self.doc[i].text)  # (state, gender)
            if not people and table.lower[i] not in wanted and table.lemma[i] not in wanted \
                    and table.tag[i] not in relative_tags:
                continue
            token = self.doc[i]
            if people:
                link = self._one_of_a_people(token, people[1])
                if link:
                    links.append(link)
                    self._link_referent(token, link)
                continue
            if token.lower_ in pronouns and token.tag_ in {"PRP", "PRP$"} and not self.ctx.skipped(token.idx, token.idx + len(token)):
                link = self._pronoun(token, pronouns[token.lower_])
                if link:
                    links.append(link)
            elif token.tag_ in {"WDT", "WP"} and token.dep_ in {"nsubj", "nsubjpass"} and token.head.dep_ == "relcl":
                link = self._relative(token)
                if link:
                    links.append(link)
            elif token.pos_ in {"NOUN", "ADJ"}:
                link = self._noun_anaphor(token) or self._role_anaphor(token) or self._name_anaphor(token) \
                    or self._speaking_role(token)
                if link:
                    links.append(link)
                    self._link_referent(token, link)
        return links

    def _link_referent(self, token: Token, link: Link) -> None:
        """Later pronouns may refer back through a linked description to its actors."""
        referent = self._referent_at(token.i)
        if referent is not None:
            referent.actors = link.actors
            referent.kind = self.ctx.kinds.get(link.actors[0])
            referent.person = referent.person or referent.kind == "Person"  # "the Briton": "he", never "it"

    def _relative(self, token: Token) -> Link | None:
        """"who", "which", "that" opening a relative clause: the noun the clause belongs to."""
        noun = token.head.head
        referent = self._referent_at(noun.i)
        if referent is None or not referent.actors:
            return None
        return Link(token.idx, token.idx + len(token), token.text, referent.actors, "relative-pronoun",
                    f"relative pronoun of {referent.text!r} at {referent.start}")

    def _referent_at(self, head: int) -> Referent | None:
        """The widest referent whose head is token ``head``."""
        i = bisect_left(self.heads, head)
        found = None
        while i < len(self.heads) and self.heads[i] == head:
            if found is None or len(self.referents[i].actors) > len(found.actors):
                found = self.referents[i]
            i += 1
        return found

    def _agrees(self, features: frozenset[str], referent: Referent) -> bool:
        if "plural" in features:
            return referent.plural
        if referent.plural:
            return False
        if "neuter" in features:
            return not referent.person
        if not referent.person:
            return False
        gender = self.gender_of(referent)
        wanted = "male" if "male" in features else "female"
        return gender is None or gender == wanted

    def _pronoun(self, token: Token, features: frozenset[str]) -> Link | None:
        own = Referent(head=token.i, start=token.idx, end=token.idx + len(token), text=token.text,
                       plural="plural" in features, person="neuter" not in features and "plural" not in features,
                       gender="male" if "male" in features else "female" if "female" in features else None,
                       role=role_of(token), sent=self.sent_of[token.i], main=is_main_subject(token),
                       quoted=self.quotes.inside(token.idx), pronoun=True)
        if is_expletive(token):
            self._add(own)
            return None
        role = own.role
        window = self._window(token)
        candidates = [r for r in window if self._agrees(features, r)
                      and not self._bound_away(token, r, features)
                      and not (r.pronoun and r.quoted and not own.quoted)]  # a quoted "they" is the speaker's
        if token.lower_ == "they" and not speaks_as_subject(token) and not any(r.sent == own.sent for r in candidates):
            candidates += self._bodies_as_they(token, window, features)
        scored = [(self._score(token, r, role, own.gender), r, "") for r in candidates]
        forward = self._cataphor(token, features)
        if forward is not None:
            scored.append((100 + ROLE_WEIGHT["subject"] + 20, forward, "the subject after it, "))
        best = max(scored, key=lambda item: item[0], default=None)
        if best is not None and not best[1].actors and own.gender:  # "Jo Roe, the director and head of ... He said":
            best = next((item for item in scored if item[1].actors and item[1].role == "subject"
                         and self._describes(best[1], item[1])), best)
        link = None
        if best is not None:
            _, antecedent, note = best
            own.actors, own.kind = antecedent.actors, antecedent.kind
            own.person = own.person or antecedent.person
            if own.gender and not own.quoted and len(antecedent.actors) == 1 and antecedent.person:
                self.learned_gender.setdefault(antecedent.actors[0], own.gender)
            if antecedent.actors:
                link = Link(token.idx, token.idx + len(token), token.text, antecedent.actors, "pronoun",
                            f"{note}antecedent {antecedent.text!r} at {antecedent.start} "
                            f"({self._where(token, antecedent)}), the most prominent agreeing noun phrase")
        self._add(own)
        return link

    def _bodies_as_they(self, token: Token, window: list[Referent], features: frozenset[str]) -> list[Referent]:
        """The bodies and states named as the subject before a "they" in its sentence, when
        nothing plural is: "If China wants to help, then they ought to press Russia" (not
        "their" or "them": "The Wild could sense their frustrations" are the other team's;
        nor a "they" who speak: "Russia is playing interference, they say")."""
        return [r for r in window if r.sent == self.sent_of[token.i] and r.role == "subject" and r.actors
                and not r.plural and not r.person and r.kind in BODY_KINDS and not r.pronoun
                and not self._bound_away(token, r, features)]

    def _describes(self, description: Referent, named: Referent) -> bool:
        """Whether a description is in apposition to a named referent, or joined to one
        that is ("Jo Roe, the director and *head* of strategy,"): the same person."""
        token = self.doc[description.head]
        while token.dep_ in {"appos", "conj"} and token.head.i != token.i:
            token = token.head
            if token.i == named.head:
                return True
        return False

    def _where(self, token: Token, referent: Referent) -> str:
        if self.doc[referent.head].sent.start == token.sent.start:
            return f"{referent.role}, same sentence"
        distance = max(self.sent_of[token.i] - referent.sent, 1)
        place = "previous sentence" if distance == 1 else f"{distance} sentences before"
        quoted = any(self.sent_of[i] == self.sent_of[i - 1] and self.doc[i].is_sent_start
                     for i in range(referent.head + 1, token.i + 1))
        return f"{referent.role}, {place}{' (quotations aside)' if quoted else ''}"

    def _bound_away(self, token: Token, referent: Referent, features: frozenset[str]) -> bool:
        """Binding: "Putin told him" (him is not Putin); "his visit" is not the visit; the
        subject of a verb is no one named in what the verb reports ("Barrow had approached
        him, he added": he is not Barrow; one seldom names oneself), in its quotation when
        it holds one."""
        if referent.head == token.head.i:
            return True
        if token.dep_ in {"dobj", "dative"} and "reflexive" not in features:
            return any(c.i == referent.head and c.dep_ in {"nsubj", "nsubjpass"} for c in token.head.children)
        if token.dep_ == "nsubj" and not referent.pronoun:
            said = next((c for c in token.head.children if c.dep_ in {"ccomp", "parataxis"}
                         and c.left_edge.i <= referent.head <= c.right_edge.i), None)
            # what a quotation in it says, when it holds one (the parse may hang the narration before it there)
            return said is not None and (referent.quoted or not any(self.quotes.inside(t.idx) for t in said.subtree))
        return False

    def _cataphor(self, token: Token, features: frozenset[str]) -> Referent | None:
        """The main subject that a pronoun in a fronted phrase points forward to."""
        if token.dep_ not in {"poss", "nsubj"}:
            return None
        root = token.sent.root
        subject = next((c for c in root.children if c.dep_ in {"nsubj", "nsubjpass"} and c.i > token.i), None)
        if subject is None:
            return None
        node = token
        while node.head.i != root.i and node.head.i != node.i:
            node = node.head
        if node.head.i != root.i or node.dep_ not in FORE_DEPS or node.i > subject.i:
            return None
        i = bisect_left(self.heads, subject.i)
        if i < len(self.heads) and self.heads[i] == subject.i and self._agrees(features, self.referents[i]):
            return self.referents[i]
        return None

    # "the country", "the two leaders" -----------------------------------------------

    def _noun_anaphor(self, token: Token) -> Link | None:
        entry = lexicon("anaphors.tsv").get(token.lemma_.lower())
        if not entry or self.ctx.skipped(token.idx, token.idx + len(token)) or self._covered(token):
            return None
        kind = next(t for t in entry if t[0].isupper())
        children = {c.lower_ for c in token.children if c.i < token.i}
        plural = is_plural(token)
        definite = bool(children & {"the", "their", "both"}) or any(c.tag_ == "PRP$" for c in token.lefts)
        if plural and "two" in entry and "both" in children or definite and "two" in children:
            return self._pair(token, kind, fallback=token.lemma_.lower() != "side", office="office" in entry)
        if not plural and "one" in entry and "the" in children and _describes_only(token) \
                and not any(c.dep_ == "prep" for c in token.rights):
            return self._one(token, kind, business="business" in entry)
        return None

    # "the ex-captain", "the health secretary", "the 56-year-old" ------------------------

    def _role_anaphor(self, token: Token) -> Link | None:
        """A definite description by role or age: of the people the text gave that role or
        age just before or after the name ("Former England captain Joe Park ... the
        ex-captain said"; "Lucy Grant, 56, ... the 56-year-old said"), and the description's
        capitalised words ("the *Ohio* governor"), the one named last in the last
        ``ROLE_REACH`` sentences ("Gov. Ann Roe and Gov. Ben Poe ... Roe ... the governor
        said": Roe), those of the same office first (:func:`_same_office`); or, further back,
        the only one of the same office."""
        if token.left_edge.lower_ != "the" or is_plural(token) or self._covered(token) \
                or self.ctx.skipped(token.idx, token.idx + len(token)):
            return None
        age = AGE_BEFORE.search(self.ctx.text[max(0, token.idx - 12):token.idx]) if token.lower_ == "old" else None
        roles, lemma = lexicon("person_nouns.tsv"), token.lemma_.lower()
        if age is None and (token.pos_ != "NOUN" or lemma not in roles or "vague" in roles[lemma]):
            return None
        people = [r for r in self.referents[:bisect_left(self.heads, token.i)]
                  if len(r.actors) == 1 and r.kind == "Person" and not r.pronoun]
        marks = {t.lower_ for t in token.doc[token.left_edge.i:token.i] if t.text[:1].isupper() and t.pos_ != "DET"}
        phrase = {} if age else {r.head: _name_phrase_words(self.doc[r.head]) for r in people}
        given = {r.actors[0]: r for r in people if (
            re.match(rf"\s*,\s*{age.group(1)}\b", self.ctx.text[r.end:r.end + 8]) if age  # "Lucy Grant, 56,"
            else {same_role(token.lower_), *marks} <= {same_role(w) for w in phrase[r.head]})}
        if not age:
            given, fitting = _same_office(token, given, {actor: phrase[r.head] for actor, r in given.items()})
            given = fitting or given  # those with the description's own words first
        # "Ohio Gov. Jo Park": "the Ohio governor"; "captain Jo Park": "the skipper"
        first_sent = self.sent_of[token.i] - ROLE_REACH
        for referent in reversed(people):
            if referent.sent < first_sent:
                break
            if referent.actors[0] in given:
                start, end, text = self._span(token)
                named = given[referent.actors[0]]
                return Link(start, end, text, referent.actors, "role-anaphor",
                            f"the last person named of those given that {'age' if age else 'role'}: "
                            f"{referent.text!r} at {referent.start} ({named.text!r} at {named.start})", how="title")
        if age and not given:  # "The 56-year-old said": an age the text never gave is read like "he"
            return self._person_before(token, "role-anaphor", "no one is given that age")
        if not age and len(fitting) == 1:  # an office has one holder, however long ago the text named them
            [(actor, named)] = fitting.items()
            start, end, text = self._span(token)
            return Link(start, end, text, (actor,), "role-anaphor",
                        f"the one person given that role: {named.text!r} at {named.start}", how="title")
        return None

    def _speaking_role(self, token: Token) -> Link | None:
        """"'It goes quickly,' the striker added": a description by role (a person noun of
        ``kg/data/person_nouns.tsv``) that the text gave no one, as the subject of a verb of
        saying, is the one person named in its sentence or the one before (if two were,
        which one is not said); not when that word was just used of someone ("A second
        officer backed his account. The officer said ..."), nor a description that says
        whose role it is (:func:`_says_whose`), nor one in a quotation."""
        roles, lemma = lexicon("person_nouns.tsv"), token.lemma_.lower()
        if token.dep_ != "nsubj" or token.head.lemma_.lower() not in lexicon("cue_verbs.txt") \
                or token.left_edge.lower_ != "the" or token.pos_ != "NOUN" or is_plural(token) \
                or lemma not in roles or "vague" in roles[lemma] or self._covered(token) or _says_whose(token) \
                or self.ctx.skipped(token.idx, token.idx + len(token)) or self.quotes.inside(token.idx):
            return None
        first_sent = self.sent_of[token.i] - 1
        start = self._sent_start_token(max(first_sent, 0))
        if any(t.lemma_.lower() == lemma for t in self.doc[start:token.i]):
            return None  # the one that word brought in just before: someone not named
        named = {r.actors[0]: r for r in self._window(token)
                 if len(r.actors) == 1 and r.kind == "Person" and not r.quoted and r.sent >= first_sent
                 and not self._bound_away(token, r, frozenset())}
        if len(named) != 1:
            return None
        [referent] = named.values()
        start, end, text = self._span(token)
        return Link(start, end, text, referent.actors, "role-anaphor",
                    f"a role said of the one person named just before: {referent.text!r} at {referent.start}",
                    how="title")

    def _one_of_a_people(self, token: Token, gender: str | None) -> Link | None:
        """"The Spaniard said", "the Dutchman": one of a people, read like "he" or "she"
        (the text seldom says who is of which people; it names the person just before)."""
        hyphened = token.i + 1 < len(token.doc) and token.nbor().text == "-"
        if token.dep_ in {"amod", "compound", "nmod", "poss"} or hyphened or self._covered(token) \
                or self.ctx.skipped(token.idx, token.idx + len(token)):
            return None  # "the Mexican border", "the American-born actor"
        return self._person_before(token, "people-anaphor", f"{token.text!r} is one of a people", gender,
                                   gendered=False)

    def _person_before(self, token: Token, rule: str, why: str, gender: str | None = None,
                       gendered: bool = True) -> Link | None:
        """The most prominent person before ``token``, as for "he": of that ``gender``
        when given (someone known to be of it first); with ``gendered``, only someone
        whose gender is known (a person, not a club the parser took for one)."""
        role = role_of(token)

        def fits(referent: Referent) -> bool:
            known = self.gender_of(referent)
            return bool(known or not gendered) and (gender is None or known in (None, gender))

        candidates = [r for r in self._window(token) if len(r.actors) == 1 and r.kind == "Person" and not r.quoted
                      and fits(r)]
        if gender:  # someone known to be of that gender first
            candidates = [r for r in candidates if self.gender_of(r) == gender] or candidates
        best = max(candidates, key=lambda r: self._score(token, r, role), default=None)
        if best is None:
            return None
        start, end, text = self._span(token)
        return Link(start, end, text, best.actors, rule, f"{why}; the most prominent person before it: "
                    f"{best.text!r} at {best.start} ({self._where(token, best)})", how="title")

    # "the utilities commission", "the production company" ------------------------------

    def _name_anaphor(self, token: Token) -> Link | None:
        """A body named before, called by words of its own name and a word for a body that
        speaks (``kg/data/speaker_nouns.txt``): "the utilities commission"
        after "the California Public Utilities Commission", "the production company" after
        "Dick Clark Productions" (a word for a company, such as "company" or "firm", with
        the name's words before it); the name's last word, alone or with others of its
        words, otherwise ("the commission"; not "the state" for "the State Bar"). The last
        body so named in the document; a word alone only when one body has it ("the party"
        after two parties is neither)."""
        start = token.left_edge.i
        words_before = self.doc[start + 1:token.i]
        if self.doc[start].lower_ != "the" or is_plural(token) or token.pos_ != "NOUN" or self._covered(token) \
                or any(not t.is_lower or t.pos_ not in {"NOUN", "ADJ"} for t in words_before) \
                or self.ctx.skipped(token.idx, token.idx + len(token)):
            return None
        entry = lexicon("anaphors.tsv").get(token.lemma_.lower(), ())
        generic = "Organization" in entry
        if token.lemma_.lower() not in lexicon("speaker_nouns.txt") or not words_before and generic:
            return None  # "the company": the most prominent one (:meth:`_noun_anaphor`)
        wanted = {_stem(t.lower_) for t in words_before}
        named = [r for r in self.referents[:bisect_left(self.heads, token.i)] if len(r.actors) == 1
                 and r.kind in {"Organization", "Group"} and not r.text.islower() and _fits(r.text, wanted, token, generic)]
        if not named or not words_before and len({r.actors[0] for r in named}) > 1:
            return None  # "the party" after two parties: which one?
        first, end, text = self._span(token)
        return Link(first, end, text, named[-1].actors, "name-words",
                    f"in words of the name {named[-1].text!r} at {named[-1].start}", how="title")

    def _covered(self, token: Token) -> bool:
        i = bisect_left(self.heads, token.i)
        return i < len(self.heads) and self.heads[i] == token.i and bool(self.referents[i].actors)

    def _span(self, token: Token) -> tuple[int, int, str]:
        start = min([c.left_edge.i for c in token.lefts] + [token.i])
        text = self.ctx.text[self.doc[start].idx:token.idx + len(token)]
        return self.doc[start].idx, token.idx + len(token), text

    def _one(self, token: Token, kind: str, business: bool = False) -> Link | None:
        """"The country", "the company": the most prominent actor of that kind just before
        (one of its sentence whose name has the word, if any, even named in what it is
        said to say: "A majority of United Airlines systems have recovered, the airline
        said"), else not one named in what it is said to say ("X will play Preston, the club said"); with
        ``business``, no organisation whose name, or what the text called it, says it is a
        public body or a newspaper, nor one named only in what describes someone ("Lena
        Ruiz, who covers the sector for Harlow Securities, said the firm ...")."""
        role = role_of(token)
        public = self._called_no_business(token) if business else set()

        def fits(r: Referent) -> bool:
            return len(r.actors) == 1 and r.kind == kind and not (business and (
                _not_business(r.text + " " + r.actors[0].replace("_", " "))
                or r.actors[0] in public or self._in_a_description(r)))
        candidates = [r for r in self._window(token) if fits(r)]
        named = [r for r in candidates if _stem(token.lower_) in _name_words(r)  # even in what it says
                 and self.doc[r.head].sent.start == token.sent.start]
        candidates = named or [r for r in candidates if not self._bound_away(token, r, frozenset())
                               and not self._names_a_things_kind(r)]
        best = max(candidates, key=lambda r: self._score(token, r, role), default=None)
        start, end, text = self._span(token)
        if best is None:  # "Chipotle's CEO weighs in ..." ... "the company said": what the article is about
            earlier = [r for r in self.referents[:bisect_left(self.heads, token.i)] if fits(r)]
            headline = {r.actors[0] for r in earlier if r.sent == 0}
            counts = Counter(r.actors[0] for r in earlier if r.actors[0] in headline).most_common(2)
            if len(counts) != 1 or counts[0][1] < 2:
                return None
            [(actor, count)] = counts
            return Link(start, end, text, (actor,), "definite-anaphor",
                        f"no {kind.lower()} just before it; the one of the headline, named {count} times so far",
                        how="title")
        return Link(start, end, text, best.actors, "definite-anaphor",
                    f"the most prominent {kind.lower()} before it: {best.text!r} at {best.start} "
                    f"({self._where(token, best)})", how="title")

    def _names_a_things_kind(self, referent: Referent) -> bool:
        """True for a name that only says what kind a thing is ("the TikTok trend"), which
        "the company" does not take up; not "the Acme spokesman" or "Acme shares"."""
        token = self.doc[referent.head]
        noun = token.head
        return token.dep_ == "compound" and noun.pos_ == "NOUN" and noun.i > token.i \
            and noun.lemma_.lower() not in lexicon("held_by_a_business.txt") and not is_someone(noun) \
            and noun.lemma_.lower() not in lexicon("cue_nouns.txt")

    def _in_a_description(self, referent: Referent) -> bool:
        """True for a noun phrase inside a relative clause or an apposition that describes a
        person ("Lena Ruiz, who covers the sector for *Harlow Securities*")."""
        token = self.doc[referent.head]
        while token.head.i != token.i:
            if token.dep_ in {"relcl", "appos", "acl"}:
                return token.head.ent_type_ == "PERSON" or token.head.lemma_.lower() in lexicon("person_nouns.tsv")
            token = token.head
        return False

    def _called_no_business(self, token: Token) -> set[str]:
        """The organisations the text called, before ``token``, by a word for a body that is
        no business ("the energy regulator, Ofgem", "the agency said"): "the bank" is not one."""
        words = {w for w, tags in lexicon("anaphors.tsv").items() if "Organization" in tags and "business" not in tags}
        called = set()
        for referent in self.referents[:bisect_left(self.heads, token.i)]:
            head = self.doc[referent.head]
            nouns = {head.lemma_.lower(), *(c.lemma_.lower() for c in head.children if c.dep_ == "appos")}
            if head.dep_ == "appos":
                nouns.add(head.head.lemma_.lower())
            if len(referent.actors) == 1 and not nouns.isdisjoint(words):
                called.add(referent.actors[0])
        return called

    def _pair(self, token: Token, kind: str, fallback: bool = True, office: bool = False) -> Link | None:
        """"The two leaders": a pair named together just before, else the two actors of
        that kind named most so far in the document, when they stand out. With
        ``office``, only people in an office count ("the two leaders" are no professors);
        a state counts the mentions of the people who lead it too ("the two countries"
        of an article about Putin and Xi)."""
        role = role_of(token)
        eligible = (lambda r: r.kind == kind and all(map(self.ctx.holds_office, r.actors))) if office else \
            (lambda r: r.kind == kind)
        pairs = [r for r in self._window(token) if len(r.actors) == 2 and eligible(r)]
        start, end, text = self._span(token)
        if pairs:
            best = max(pairs, key=lambda r: self._score(token, r, role))
            return Link(start, end, text, best.actors, "two-named-together",
                        f"{best.text!r} at {best.start} ({self._where(token, best)})", how="title")
        if not fallback:  # "both sides" needs the two sides named together
            return None
        counts: dict[str, int] = {}
        for r in self.referents[:bisect_left(self.heads, token.i)]:
            named = r.actors if eligible(r) else ()
            if kind == "Country" and r.kind == "Person":
                named = tuple(s for a in r.actors for s in self.ctx.states_of(a))
            for actor in named:
                counts[actor] = counts.get(actor, 0) + 1
        ranked = sorted(counts, key=lambda a: -counts[a])
        if len(ranked) >= 2 and counts[ranked[1]] >= 2 and (len(ranked) == 2 or counts[ranked[1]] >= 2 * counts[ranked[2]]):
            first, second = ranked[:2]  # they stand out: each named twice at least, twice as often as the next
            return Link(start, end, text, (first, second), "two-most-named",
                        f"the two {kind.lower()} actors named most so far ({counts[first]} and {counts[second]} "
                        f"mentions; the next has {counts[ranked[2]] if len(ranked) > 2 else 0})", how="title")
        near = list(dict.fromkeys(r.actors[0] for r in self._window(token) if len(r.actors) == 1 and eligible(r)))
        if len(near) == 2:
            return Link(start, end, text, tuple(near), "two-named-before",
                        f"the only two {kind.lower()} actors named in the last sentences", how="title")
        return None


def _describes_only(noun: Token) -> bool:
    """Whether the words between "the" and ``noun`` only describe the actor just named:
    adjectives in lower case ("the former monopoly", "the state-owned utility"), none that
    points to another one ("the rival firm", ``kg/data/other_referent_words.txt``); a noun
    before it names a kind of its own ("the beverage company", "the campaign team").

    >>> from kg import nlp
    >>> doc = nlp.load()("The former monopoly beat the rival firm, the Italian carrier and the beverage company.")
    >>> [_describes_only(doc[i]) for i in (2, 6, 10, 15)]
    [True, False, False, False]
    """
    words = [t for t in noun.doc[noun.left_edge.i + 1:noun.i] if not t.is_punct]
    return noun.left_edge.lower_ == "the" and all(c.dep_ in {"det", "amod", "punct"} for c in noun.lefts) \
        and all(t.is_lower and t.lower_ not in lexicon("other_referent_words.txt") for t in words)
