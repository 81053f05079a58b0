"""Noun phrases that describe actors, read from the dependency parse.

- :func:`place_role`: does a capital, seat of government or other place name *act*
  ("Moscow warned", "Beijing's position", "talks with Washington") or is it the place
  ("arrived in Beijing", "visited Moscow", "the streets of Kyiv")?
- :func:`title_at`: the title of office a noun ends ("the Russian *president*", "the US
  *secretary of state*"), with the office names of ``kg/data/titles.tsv``.
- :func:`group_tag`: what a group noun stands for ("Russian *officials*" -> the state).
- :func:`np_bounds`: the token range of the noun phrase a head noun ends.

Nothing here knows about actors: callers say which tokens name whom.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from spacy.attrs import DEP, ENT_TYPE, HEAD, IDX, LEMMA, LENGTH, LOWER, POS, TAG
from spacy.tokens import Doc, Token

from .lexicons import lexicon, words

SUBJECTS = {"nsubj", "nsubjpass", "csubj"}
NAME_ENTITIES = {"GPE", "NORP", "ORG"}
MODIFIERS = {"amod", "compound", "nmod", "poss", "nummod", "npadvmod", "quantmod"}
DATELINE_MARKS = {"—", "–", "―", "‒", "-", "--", "(", ":"}
DETERMINERS = {"det", "predet"}


def _words(name: str, tag: str) -> set[str]:
    return {word for word, tags in lexicon(name).items() if tag in tags}


def is_possessor(token: Token) -> bool:
    """True for "Beijing" in "Beijing's desire" (whatever the parser made of it)."""
    return token.dep_ == "poss" or any(c.dep_ == "case" and c.tag_ == "POS" for c in token.children)


DESCRIBING_VERBS = frozenset({"be", "have", "remain", "become", "seem", "lie", "sit"})  # "Titan is cold"


def _after_names(token: Token) -> Token | None:
    """The word after a name and the names joined to it ("England and Tottenham *defender*")."""
    doc, i = token.doc, token.i + 1
    while i < len(doc) and (doc[i].pos_ == "PROPN" or doc[i].lower_ in {"and", "&"} and i + 1 < len(doc)
                            and doc[i + 1].pos_ == "PROPN"):
        i += 1
    return doc[i] if i < len(doc) else None


def place_role(token: Token, strict: bool = False) -> tuple[bool, str]:
    """(acts, why) for the head token of a place name: True when it stands for an actor.

    Acting: subject of a verb, possessor, object of a verb other than one of motion,
    object of a preposition that marks an actor (with, against, between, by, on...).
    A place: object of a locative preposition (in, at, near...), of to/from after a word
    of motion, object of a verb of motion ("visited Beijing"), a modifier ("the Beijing
    summit"), a dateline ("Beijing — ..."), the subject of "is a city". Anything else
    (fragments, headlines the parser could not read) is taken as a place: a place name
    only stands for a state when the parse says it acts. ``strict`` (for places the
    gazetteer does not know: cities, regions) lets only subjects of verbs other than "be",
    "have" and the like ("Titan has lakes"), possessors and agents act.
    """
    words = lexicon("place_words.tsv")
    head = token
    while head.dep_ == "conj" and head.head.i < head.i:
        head = head.head
    if token.i == token.sent.start and token.i + 1 < len(token.doc) and token.nbor(1).text in DATELINE_MARKS:
        return False, "a dateline"
    if is_possessor(token):
        owned = token.head
        if "feature" in words.get(owned.lemma_.lower(), ()):
            return False, f"'{owned.text}' is part of the place"
        return True, f"possessor of '{owned.text}'"
    dep, governor = head.dep_, head.head
    after = _after_names(token)
    if after is not None and after.is_lower and after.pos_ not in {"VERB", "AUX"} and is_someone(after):
        return False, f"modifier of '{after.text}'"  # "The England forward, 25, said": the parse read an adverb
    if dep in SUBJECTS:
        if dep == "nsubjpass" and "motion" in words.get(governor.lemma_.lower(), ()):
            return False, f"what is reached or struck: subject of passive '{governor.text}'"
        if governor.lemma_ == "be" and any("place" in words.get(c.lemma_.lower(), ())
                                           for c in governor.children if c.dep_ == "attr"):
            return False, "said to be a place"
        if strict and governor.lemma_ in DESCRIBING_VERBS:
            return False, f"described, not acting: subject of '{governor.text}'"
        return True, f"subject of '{governor.text}'"
    if any(c.dep_ == "appos" and "place" in words.get(c.lemma_.lower(), ()) for c in head.children):
        return False, "in apposition to a word for a place"
    if strict and not (dep == "pobj" and governor.dep_ == "agent"):
        return False, f"a place the gazetteer does not know, and not the subject ({dep} of '{governor.text}')"
    if dep in {"dobj", "dative"}:
        if "motion" in words.get(governor.lemma_.lower(), ()):
            return False, f"object of '{governor.text}', a verb of motion"
        return True, f"object of '{governor.text}'"
    if dep == "pobj":
        return preposition_role(governor, words)
    if dep in MODIFIERS or dep == "appos":
        return False, f"modifier of '{governor.text}'"
    return False, "no acting role in the parse"


def preposition_role(prep: Token, words: dict[str, frozenset[str]]) -> tuple[bool, str]:
    """(acts, why) for the object of ``prep``."""
    kind = lexicon("place_prepositions.tsv").get(prep.lower_, frozenset())
    governor = prep.head
    while governor.pos_ in {"ADV", "PART", "ADP"} and governor.head.i != governor.i:  # "went back to"
        governor = governor.head
    tags = words.get(governor.lemma_.lower(), frozenset())
    phrase = f"'{governor.text} {prep.text}'"
    example = prep.lower_ in {"including", "like"} or prep.lower_ == "as" and prep.i > 0 and prep.nbor(-1).lower_ == "such"
    if example and governor.dep_ == "pobj" and governor.head.dep_ == "prep":  # "in 14 countries, including Canada"
        acts, why = preposition_role(governor.head, words)
        return acts, f"one of the {governor.text} {why}"
    if "place" in kind:
        return False, f"object of {phrase}, a preposition of place"
    if "at" in kind:
        if "target" in tags:
            return True, f"object of {phrase}, aimed at"
        return False, f"object of {phrase}, a preposition of place"
    if "direction" in kind:
        if "motion" in tags:
            return False, f"object of {phrase} after a word of motion"
        if prep.lower_ == "from" and "origin" in lexicon("person_nouns.tsv").get(governor.lemma_.lower(), ()):
            return False, f"object of {phrase}: where they are from"  # "foreigners from Italy"
        return True, f"object of {phrase}"
    if "of" in kind and "feature" in tags:
        return False, f"'{governor.text}' is part of the place"
    if prep.dep_ == "agent":
        return True, f"agent ('{prep.text}') of '{governor.text}'"
    return True, f"object of {phrase}"


class TokenTable:
    """Per-token attributes of a parsed document as plain lists (``Doc.to_array``), so that a
    pass over every token costs no ``Token`` objects; string attributes are hash ids
    (compare them with :meth:`ids`)."""

    COLUMNS = (POS, TAG, DEP, LOWER, LEMMA, ENT_TYPE, HEAD, IDX, LENGTH)

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        columns = doc.to_array(list(self.COLUMNS)).T.tolist() if len(doc) else [[] for _ in self.COLUMNS]
        self.pos, self.tag, self.dep, self.lower, self.lemma, self.ent_type, heads, self.idx, self.length = columns
        self.head = [i + (h - 2**64 if h >= 2**63 else h) for i, h in enumerate(heads)]

    def ids(self, *words: str) -> set[int]:
        strings = self.doc.vocab.strings
        return {strings.add(word) for word in words}


# --- titles and groups -----------------------------------------------------------------


@dataclass(frozen=True)
class Title:
    """A title of office found in the text: its words, offices and token range."""

    text: str
    offices: frozenset[str]
    start: int  # first token of the title
    end: int  # one past its last token
    skipped: tuple[int, ...] = ()  # names inside it that are no part of it ("top *US* diplomat")

    @property
    def tokens(self) -> list[int]:
        return [i for i in range(self.start, self.end) if i not in self.skipped]


@lru_cache(maxsize=1)
def title_words() -> tuple[frozenset[str], frozenset[str]]:
    """(last words of titles, first words of "X of Y" titles), to reject most nouns at once."""
    titles = lexicon("titles.tsv")
    last = frozenset(re.split(r"[\s-]", t)[-1] for t in titles)
    first = frozenset(t.split()[0] for t in titles if " of " in t)
    return last, first


def _joined(words: list[Token], last: str) -> str:
    """The words of a title as written, lower case ("secretary-general", "prime minister")."""
    text = "".join(t.lower_ + t.whitespace_ for t in words[:-1]) + last
    return " ".join(text.replace(" - ", "-").split())


@lru_cache(maxsize=1)
def _someone_words() -> frozenset[str]:
    """Nouns for someone who may act: people by role, bodies that speak, groups."""
    return (words("speaker_nouns.txt") | words("person_nouns.tsv") | words("company_suffixes.txt")
            | frozenset(key.split()[-1] for key in lexicon("group_nouns.tsv")))


def is_someone(noun: Token) -> bool:
    """A word for someone ("spokeswoman", "co-director", "regulators", "Senator")."""
    lemma = noun.lemma_.lower().split("-")[-1]
    return lemma in _someone_words() or noun.lower_ in _someone_words() or title_at(noun) is not None


def title_at(head: Token, max_words: int = 4) -> Title | None:
    """The longest title of ``kg/data/titles.tsv`` ending at ``head`` or starting there
    ("secretary of state"); None when the noun is no title."""
    last_words, of_words = title_words()
    last = head.lemma_.lower() if head.tag_ in {"NNS", "NNPS"} else head.lower_
    if last not in last_words and head.lower_ not in of_words:
        return None
    titles = lexicon("titles.tsv")
    doc = head.doc
    best: Title | None = None
    words, skipped, start = [head], [], head.i
    if last in titles:
        best = Title(last, titles[last], head.i, head.i + 1)
    while len(words) < max_words + 2 and start > 0:  # words ending at the head
        start -= 1
        token = doc[start]
        hyphen = token.text == "-" and not token.whitespace_ and not doc[start - 1].whitespace_
        if token.is_punct and not hyphen:
            break
        if token.ent_type_ in NAME_ENTITIES and token.head.i == head.i and not skipped:
            skipped.append(start)  # "the top US diplomat": a name between the words of a title
            continue
        words.insert(0, token)
        text = _joined(words, last)
        if text in titles:
            best = Title(text, titles[text], start, head.i + 1, tuple(skipped))
    if head.lower_ in of_words and head.i + 1 < len(doc) and doc[head.i + 1].lower_ == "of":
        words = [head.lower_]
        for end in range(head.i + 1, min(head.i + max_words, len(doc))):  # "secretary of state"
            words.append(doc[end].lower_)
            text = " ".join(words)
            if text in titles and (best is None or end + 1 - head.i > best.end - best.start):
                best = Title(text, titles[text], head.i, end + 1)
    return best


def modifier_words(head: Token) -> set[str]:
    """Lower-cased left modifiers of a noun ("former", "then") and parts of hyphenated ones."""
    found = set()
    for child in head.lefts:
        if child.dep_ in MODIFIERS | {"advmod", "det", "amod"}:
            found.add(child.lower_)
            found.update(part + "-" for part in child.lower_.split("-")[:1] if "-" in child.lower_)
    doc = head.doc
    if head.i >= 2 and doc[head.i - 1].text == "-":  # "ex-president" split by the tokenizer
        found.add(doc[head.i - 2].lower_ + "-")
    return found


def time_shift(head: Token) -> str | None:
    """"past" or "future" when a modifier moves a title off the present holder ("former")."""
    shifts = lexicon("title_modifiers.tsv")
    for word in modifier_words(head):
        shift = shifts.get(word, frozenset()) & {"past", "future"}  # not "office": "the shadow chancellor"
        if shift:
            return next(iter(shift))
    return None


def group_tags(head: Token) -> frozenset[str]:
    """The tags of ``kg/data/group_nouns.tsv`` for a group noun ("officials", "air force")."""
    groups = lexicon("group_nouns.tsv")
    doc = head.doc
    if head.i >= 1 and f"{doc[head.i - 1].lower_} {head.lemma_.lower()}" in groups:
        return groups[f"{doc[head.i - 1].lower_} {head.lemma_.lower()}"]
    for key in (head.lemma_.lower(), head.lower_):
        if key in groups:
            return groups[key]
    return frozenset()


def group_tag(head: Token) -> str | None:
    """``state``, ``bloc`` or ``group`` for a group noun ("officials", "countries", "companies")."""
    return next((t for t in ("state", "bloc", "group") if t in group_tags(head)), None)


def is_plural(token: Token) -> bool:
    return token.tag_ in {"NNS", "NNPS"} or "Plur" in token.morph.get("Number")


def np_bounds(head: Token, with_of: bool = False) -> tuple[int, int]:
    """Token range ``[start, end)`` of the noun phrase ``head`` heads: its determiner and left
    modifiers (without a possessor, which names someone else), and an "of" phrase
    ("the president of Russia") when ``with_of``."""
    start = head.i
    for child in head.lefts:
        if child.dep_ == "poss" or child.tag_ == "PRP$" or child.dep_ == "case":
            start = child.right_edge.i + 1
            if start < len(head.doc) and head.doc[start].dep_ == "case":
                start += 1
            continue
        if child.dep_ in MODIFIERS | DETERMINERS | {"advmod"} and child.left_edge.i < start:
            start = child.left_edge.i
    start = min(start, head.i)
    while start < head.i and (head.doc[start].is_punct or head.doc[start].dep_ == "case"):
        start += 1
    end = head.i + 1
    if with_of:
        for child in head.rights:
            if child.dep_ == "prep" and child.lower_ == "of" and child.i == end:
                end = child.right_edge.i + 1
    return start, end


def speaks_as_subject(token: Token) -> bool:
    """Whether ``token`` is the subject of a verb that reports words ("the authors *wrote*",
    "as Gizmodo *explained*"; ``kg/data/cue_verbs.txt``)."""
    return token.dep_ == "nsubj" and token.head.lemma_.lower() in lexicon("cue_verbs.txt")


def after_according_to(token: Token) -> bool:
    """Whether ``token`` is the source after "according to" ("according to *Acme*")."""
    return token.dep_ == "pobj" and token.head.lower_ == "to" and token.head.head.lower_ == "according"
