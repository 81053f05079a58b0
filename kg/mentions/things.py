"""Step 2b: names that this document only ever uses for a place, a thing or a work.

A name first seen in this document becomes an actor when it is a name; this step takes
it back when nothing in the text shows it acting and something shows it is a place, a
thing or a work: the object of a preposition of place ("on Titan"), a modifier of a
thing ("the Dragonfly mission"), one of its kind ("a cheaper iPhone"), listed with
things ("Kelvax, shingles and flu") or given as an example of them ("apps such as
Snaplet"), a name given a class that is not someone ("the planet Mercury", "Titan is the
only moon..."), a title in quotation marks ("“Mary Poppins”"). A name acts when it is the subject of a verb
other than "be" or "have", an agent, the possessor or modifier of a person, body or
statement ("Acme's chief executive", "the Acme spokeswoman", "Acme's statement") or of
what only a business has ("Acme shares"), the one told or hired, where someone works ("a
doctor at Acme"), or when its words say it is someone ("Acme Bank", "Mrs. Roe", "the
carmaker Acme"). The mentions stay in the document, with no actor and the evidence; the name is
forgotten by the registry, so a later document where it acts makes it an actor.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Iterator

from spacy.tokens import Span, Token

from ..descriptors import (DESCRIBING_VERBS, after_according_to, is_possessor, is_someone, preposition_role,
                           speaks_as_subject, title_at)
from ..lexicons import lexicon, words
from ..names import initials, name_key, without_article
from ..records import Mention
from .base import MentionsBase

QUOTES = "\"“”‘’'"
LABEL = re.compile(r"^(?:[A-Z]?\d+[A-Za-z]?|[A-Z])$")  # "Page A8", "Group C", "Boeing 737"
NAME_MODIFIERS = {"compound", "nmod", "amod"}


def _made_by(noun: Token) -> bool:
    """A statement, report or poll: what its modifier or possessor made ("the Acme poll"),
    or what only a business has ("Tesla shares", ``kg/data/held_by_a_business.txt``)."""
    lemma = noun.lemma_.lower()
    return lemma in lexicon("cue_nouns.txt") or lemma in lexicon("held_by_a_business.txt")


def singular(word: Token) -> str:
    """A name's word in lower case and in the singular ("Editions": "edition"; the
    lemmatizer leaves names as they are).

    >>> from kg import nlp
    >>> [singular(t) for t in nlp.load()("the Premiere Editions")[1:]]
    ['premiere', 'edition']
    """
    lower = word.lower_
    return lower[:-1] if word.tag_ == "NNPS" and lower.endswith("s") else lower


def _thing_it_names(span: Span) -> Token | None:
    """The noun of a thing made (``kg/data/thing_name_words.txt``, not a statement or a
    plan: "the Trump plan" is his) that a name modifies, the parser's cut of the name
    included: "the James Webb telescope", "the Hazel Hen supercomputer" name the machine.

    >>> from kg import nlp
    >>> doc = nlp.load()("The Hazel Hen supercomputer ran it. The Trump plan failed.")
    >>> _thing_it_names(doc[1:2]), _thing_it_names(doc[8:9])
    (supercomputer, None)
    """
    token = span.root
    while token.dep_ == "compound" and token.head.i > token.i and token.pos_ == "PROPN":
        token = token.head
    if token is span.root or token.pos_ != "NOUN" or not token.text.islower():
        return None
    return token if token.lemma_.lower() in words("thing_name_words.txt") and not _made_by(token) else None


def _someone_elses(noun: Token) -> bool:
    """Whether the noun says whose it is apart from the name that modifies it: a possessor
    that is no date ("The Verge's Stadia review" is of Stadia; "July's Acme poll" is
    Acme's) or a maker after "from" or "by" ("the Auto Facts report from InfoNation")."""
    return any(c.dep_ == "poss" and c.ent_type_ not in {"DATE", "TIME"} for c in noun.children) or any(
        p.dep_ == "prep" and p.lower_ in {"from", "by"} and any(o.dep_ == "pobj" and o.pos_ == "PROPN" for o in p.children)
        for p in noun.rights)


def _class_noun(token: Token) -> bool:
    """A common noun (not a name) that says what a name is: "planet", "benchmark"."""
    return token.pos_ == "NOUN" and token.text[:1].islower()


def _quoted(text: str, start: int, end: int) -> bool:
    """A name standing in quotation marks of its own: a title ("“Mary Poppins”," she said)."""
    return start > 0 and text[start - 1] in QUOTES and (
        text[end:end + 1] in tuple(QUOTES) or text[end:end + 1] in (",", ".") and text[end + 1:end + 2] in tuple(QUOTES))


def _someone_in_name(span: Span) -> str | None:
    """A word for someone among a name's words ("Acme Bank", "University of York", “The
    Wall Street Journal”), or a word of a body's name at its end ("United Airlines",
    ``kg/data/organisation_name_words.txt``); not in a label such as "Group A"."""
    body_word = span[-1] if len(span) > 1 and span[-1].lower_ in lexicon("organisation_name_words.txt") else None
    word = body_word or next((t for t in span if t.text[:1].isupper() and is_someone(t)), None)
    if word is None or len(span[-1]) == 1 or span[-1].like_num:
        return None
    return f"'{word.text}' in its name"


def _a_place_too(span: Span) -> bool:
    """Whether a name's last word names a body and a place alike ("KeyBank Center", "Mercy
    Hospital"; tag "venue" in ``kg/data/place_words.tsv``): used as a place, the name is the place's."""
    return len(span) > 1 and span[-1].lemma_.lower() in words("place_words.tsv", "venue")


def _place_by_name(span: Span) -> bool:
    """A name whose last word makes it a place's ("Harrow Street", "Castro Valley",
    "Lüderitzstrasse"; ``kg/data/place_name_words.txt``)."""
    last, text = span[-1].lower_, span.text.lower()
    entries = lexicon("place_name_words.txt")
    return len(span) > 1 and last in entries or any(e.startswith("-") and text.endswith(e[1:]) and len(text) > len(e) + 2
                                                     for e in entries)


def _person_name(span: Span) -> str | None:
    """An honorific or a title of office before a name ("shadow chancellor Ed Balls"), or
    a given name opening a person's name."""
    before = span.doc[span.start - 1] if span.start else None
    honorifics = lexicon("honorifics.tsv")
    honorific = next((t for t in [before, *span] if t is not None and t.lower_.rstrip(".") in honorifics), None)
    if honorific is not None:
        return f"'{honorific.text}' before the name"
    title = next((t for t in [before, *span[:-1]] if t is not None and title_at(t) is not None), None)
    if title is not None and span[-1].pos_ == "PROPN":
        return f"the title '{title.text}' before the name"
    if span.root.ent_type_ == "PERSON" and len(span) > 1 and span[0].text in lexicon("given_names.tsv"):
        return f"a person's name ('{span[0].text}' is a given name)"
    return None


def _class_role(noun: Token, name: str, person: bool, modifier: bool = False) -> tuple[str | None, str]:
    """A name called ``noun`` ("the planet Mercury", "the website Full Fact, told ..."),
    or modifying it (``modifier``: "the Dragonfly mission", "the Acme spokesman", "the
    Acme poll"): someone when the noun is a word for someone or something made by
    someone (and, for a modifier, no one else's: "The Verge's Stadia review" is of Stadia), or when the
    name is the noun's and the noun acts. A person's name is no
    thing for the noun it is called by ("celebrity Jane Roe": no list holds every role)."""
    acting = not modifier and noun.dep_ in {"nsubj", "csubj"} and noun.head.lemma_ not in DESCRIBING_VERBS
    if acting or (is_someone(noun) or modifier and _made_by(noun)) and not (modifier and _someone_elses(noun)):
        return "acts", f"{name} '{noun.text}'"  # not "the Authority's Opioid Prevention campaign"
    if person and not modifier:
        return None, ""
    return "thing", f"{name} '{noun.text}'"


def role_in_text(head: Token, text: str, start: int, end: int, person: bool = False) -> tuple[str | None, str]:
    """("acts" | "thing" | None, why) for one mention of a name whose head token is
    ``head`` and whose characters are ``text[start:end]`` (``person``: a name the parser
    calls a person's); None when the parse says neither. Acting wins over any sign of a thing."""
    found = list(_roles(head, text, start, end, person))
    return next((r for r in found if r[0] == "acts"), None) or next(iter(found), (None, ""))


def _roles(head: Token, text: str, start: int, end: int, person: bool) -> Iterator[tuple[str, str]]:
    """Every sign, in the parse around one mention, that the name acts or is a thing."""
    if _quoted(text, start, end):
        yield "thing", "a title in quotation marks"
    if any(c.dep_ == "det" and c.lower_ in {"a", "an"} for c in head.children):
        yield "thing", "one of its kind ('a cheaper iPhone')"
    if len(head.conjuncts) >= 2 and all(c.is_lower and c.pos_ == "NOUN" and not is_someone(c) for c in head.conjuncts):
        yield "thing", "listed with things ('HPV, shingles and flu')"  # a list, not one noun a misparse joined it to
    for child in head.children:
        if child.dep_ in {"compound", "appos"} and child.i < head.i and _class_noun(child):
            yield _class_role(child, "called", person)
    dep, governor = head.dep_, head.head
    owns_name = governor.pos_ == "PROPN" and governor.ent_type_ in {"ORG", "PERSON"}  # "Jane Roe's Acme"
    if is_possessor(head) and (is_someone(governor) or _made_by(governor) or owns_name):
        yield "acts", f"possessor of '{governor.text}'"
    elif dep in {"nsubj", "csubj"}:
        if governor.lemma_ not in DESCRIBING_VERBS:
            yield "acts", f"subject of '{governor.text}'"
        attrs = [c for c in governor.children if c.dep_ == "attr" and _class_noun(c)]
        if attrs and not is_someone(attrs[0]) and not person:
            yield "thing", f"said to be a '{attrs[0].text}'"
    elif dep == "pobj" and governor.dep_ == "agent":
        yield "acts", f"agent of '{governor.head.text}'"
    elif dep == "pobj" and governor.lower_ == "per" or after_according_to(head):
        yield "acts", "the source of 'according to' or 'per'"
    elif dep in NAME_MODIFIERS and governor.i > head.i and _class_noun(governor):
        if not speaks_as_subject(governor):
            yield _class_role(governor, "modifier of", person, modifier=True)  # not "Acme flat-out denied"
    elif dep == "appos" and _class_noun(governor):
        yield _class_role(governor, "in apposition to", person)
    elif dep == "oprd" and governor.lemma_ in {"name", "call", "dub"} and governor.dep_ == "acl" \
            and _class_noun(governor.head):
        yield _class_role(governor.head, "the name of", person)  # "a Komodo dragon named Ganus"
    elif dep in {"dobj", "dative"}:
        if governor.lemma_ in lexicon("someone_object_verbs.txt") or governor.lemma_ in lexicon("cue_verbs.txt"):
            yield "acts", f"object of '{governor.text}'"
        elif any(c.dep_ in {"xcomp", "ccomp"} and c.i > head.i for c in governor.children):
            yield "acts", f"object of '{governor.text}' and subject of what follows"  # "forced Acme to close"
    elif dep == "pobj" and _one_of_a_kind(governor) and (not person or governor.head.lemma_ == "thing"):
        yield "thing", f"one of the '{governor.head.text}' named ('{governor.head.text} {governor.text} ...')"
    elif dep == "pobj":
        employer = _someone_before(governor)
        tags = lexicon("place_prepositions.tsv").get(governor.lower_, frozenset())
        called = governor.head if governor.lower_ == "of" else None
        if called is not None and "place" in lexicon("place_words.tsv").get(called.lemma_.lower(), ()):
            yield "thing", f"'the {called.text} of ...', a place"  # "the Scottish city of Glasgow"
        elif employer is not None:  # "a doctor at X", "the head of research at X": where someone works
            yield "acts", f"'{employer.text} ... {governor.text}'"
        elif "locative" in tags:
            yield "thing", f"object of '{governor.text}', a preposition of place"
        elif "direction" in tags and not preposition_role(governor, lexicon("place_words.tsv"))[0]:
            yield "thing", f"object of '{governor.head.text} {governor.text}', where someone goes"  # "fly to X"


def _one_of_a_kind(prep: Token) -> bool:
    """Whether ``prep`` gives examples of a kind of thing ("things *like* Twitter Blue",
    "drugs *such as* Ozempic"; not "companies like Acme", which are someone). No list
    holds every word for people ("celebrities like Oprah Winfrey"): the caller takes a
    name the parser calls a person's for a thing only after "things"."""
    kind = prep.head
    return (prep.lower_ == "like" or prep.lower_ == "as" and any(c.lower_ == "such" for c in prep.children)) \
        and _class_noun(kind) and not is_someone(kind)


def _someone_before(prep: Token) -> Token | None:
    """The word for someone that a chain of prepositional phrases hangs from, if any ("a
    doctor *at* X", "Head of Fundamental Research *at* X"; not "Jane Roe *at* X": a visit)."""
    noun = prep.head
    if noun.lemma_ == "be":  # "who is co-director of the programme at X"
        noun = next((c for c in noun.children if c.dep_ == "attr"), noun)
    for _ in range(3):
        if is_someone(noun):
            return noun
        if noun.dep_ != "pobj":
            return None
        noun = noun.head.head
    return None


class Things(MentionsBase):
    """Step 2b: new names used only for places, things and works are no actors."""

    def _things(self) -> None:
        by_actor: dict[str, list[int]] = {}
        for i, mention in enumerate(self.mentions):
            if mention.actor in self.new_names:
                by_actor.setdefault(mention.actor, []).append(i)
        things = {}  # the initials of each thing's name -> its name
        for actor, indices in by_actor.items():
            roles = [self._role(self.mentions[i]) for i in indices]
            indices, roles = self._makers_apart(actor, indices, roles)
            if any(role == "acts" for role, _ in roles):
                continue
            thing = next((why for role, why in roles if role == "thing"), None)
            if thing is None:
                continue
            label = self._label(actor)
            things[initials(without_article(label))] = label
            for i, (_, why) in zip(indices, roles):
                self._no_actor(i, f"{label!r} never acts in this document and is a place, thing or work here: "
                                  f"{why or thing}")
            self._forget(actor)
        for actor, indices in by_actor.items():  # "JWST is able to capture ...": the telescope's initials
            label = self._label(actor) if actor in self.new_names else ""
            if len(label) > 1 and label in things:
                for i in indices:
                    self._no_actor(i, f"{label!r} stands for {things[label]!r}, a thing here")
                self._forget(actor)

    def _makers_apart(self, actor: str, indices: list[int], roles: list[tuple[str | None, str]]
                      ) -> tuple[list[int], list[tuple[str | None, str]]]:
        """The mentions of a thing's name and of its maker's apart: "Microsoft" acting ("according
        to Microsoft") after "Microsoft Windows operating systems" is the maker, an actor of
        its own, not the product its name begins. Returns the mentions left to the name."""
        label = self._label(actor)
        maker = label.split()[0] if len(label.split()) > 1 else ""
        short = [n for n, i in enumerate(indices) if without_article(self.mentions[i].text) == maker]
        whole = [n for n in range(len(indices)) if n not in short]
        if not short or not whole or any(roles[n][0] == "acts" for n in whole) \
                or not any(roles[n][0] == "thing" for n in whole) or not any(roles[n][0] == "acts" for n in short):
            return indices, roles
        made_by = self.registry.new_actor(maker, "Organization")
        self.new_names.add(made_by)
        self.local[name_key(maker)] = made_by
        self.registry.mark_mentioned(made_by)
        for n in short:
            self.mentions[indices[n]] = replace(self.mentions[indices[n]], actor=made_by, how="name", rule="maker",
                                                evidence=f"{maker!r} makes {label!r}, a thing here; it acts: {roles[n][1]}")
        return [indices[n] for n in whole], [roles[n] for n in whole]

    def _no_actor(self, index: int, evidence: str) -> None:
        self.mentions[index] = replace(self.mentions[index], actor=None, how="name", rule="thing", evidence=evidence)

    def _role(self, mention: Mention) -> tuple[str | None, str]:
        span = self.doc.char_span(*mention.span, alignment_mode="expand")
        if span is None:
            return None, ""
        if without_article(span.text).lower() in words("currencies.txt"):
            return "thing", f"a currency ('{span.text}')"  # "Sterling slid": a currency does not act
        if len(span) > 1 and singular(span[-1]) in words("thing_name_words.txt"):
            return "thing", f"a thing made, by its name ('{span[-1].text}')"  # "the Webb telescope captured .."
        if len(span) > 1 and span[0].lower_ in words("thing_name_first_words.txt"):
            return "thing", f"a storm or an operation, by its name ('{span[0].text}')"  # "Storm Ciara forced ..."
        named = _thing_it_names(span)
        if named is not None:
            return "thing", f"the name of the {named.text} after it"  # "the James Webb telescope": not the man
        person = self._kind(mention.actor) == "Person"
        role = role_in_text(span.root, self.document.text, *mention.span, person=person)
        if role[0] == "acts":
            return role
        quoted = _quoted(self.document.text, *mention.span)  # a title, whoever it seems to name ("“Mary Poppins”")
        place = _place_by_name(span)
        named = None if place and len(span) > 2 else (  # "Victoria Embankment Gardens": a place all the same
            _someone_in_name(span) or (None if quoted else _person_name(span)))
        if named and not (role[0] == "thing" and _a_place_too(span)):
            return "acts", named  # "Tom Lake" is a person, not a lake
        if place:
            return "thing", f"a place by its name ('{span[-1].text}')"
        if len(span) > 1 and LABEL.match(span[-1].text):
            return "thing", f"a label or a model ('{span.text}')"
        return role

    def _forget(self, actor: str) -> None:
        self.registry.forget(actor)
        self.new_names.discard(actor)
        for index in (self.local, self.acronyms):
            for key in [k for k, v in index.items() if v == actor]:
                del index[key]
        for counts in (*self.families.values(), *self.given.values(), self.named):
            counts.pop(actor, None)
        self.titled[:] = [entry for entry in self.titled if entry[1] != actor]
        for key in [k for k, v in self.titles.items() if v == actor]:
            del self.titles[key]
        for i, linked in enumerate(self.actor_at):
            if linked == actor:
                self.actor_at[i] = None
