"""Predicate lexicons: relation types, event nouns, reciprocal predicates.

A predicate lemma's relation type is a small grouping of predicates kept as data.

``kg/data/relation_types.tsv`` lists predicates by type (support, oppose, criticize,
meet, cooperate, supply, sanction, ...); a predicate it lacks is looked up by its parts,
and a word of ``kg/data/polarity.tsv`` gives plain ``support`` or ``oppose``.

>>> relation_type("denounce"), relation_type("cooperate with"), relation_type("vow to support")
('criticize', 'cooperate', 'support')
>>> relation_type("impose sanctions on"), relation_type("undermine"), relation_type("sit")
('sanction', 'oppose', None)
>>> is_setting("advance in"), is_setting("arrive in"), is_setting("go after")
(True, False, False)
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from .lexicons import lexicon, words

POLARITY_TYPES = {"+": "support", "-": "oppose"}
SETTING_WORDS = words("setting_prepositions.tsv", "relation")
PREPOSITIONS = words("relation_prepositions.txt")


def is_setting(lemma: str) -> bool:
    """True for a predicate whose object is where, when or beside whom something happens
    ("advance in", "speak alongside", "meet during"), not someone it is aimed at, unless a
    relation type groups it ("arrive in", "jab at"). "After" and "before" also make verbs
    of their own ("go after")."""
    words = lemma.lower().split()
    return len(words) > 1 and words[-1] in SETTING_WORDS - {"after", "before"} and relation_type(lemma) is None


def _listed(words: list[str]) -> str | None:
    types = lexicon("relation_types.tsv")
    tags = types.get(" ".join(words))
    return next(iter(sorted(tags))) if tags else None


@dataclass(frozen=True)
class EventNoun:
    """What ``kg/data/event_nouns.tsv`` says of a noun."""

    verb: str
    preps: frozenset[str]  # prepositions introducing the one the act is directed at
    setting: bool = False  # "said *in an interview with* X": the clause's subject takes part


@lru_cache(maxsize=4096)
def event_noun(word: str) -> EventNoun | None:
    """The entry of an event noun, looked up as given and without a plural ``s``."""
    nouns = lexicon("event_nouns.tsv")
    word = word.lower()
    for form in (word, word[:-1] if word.endswith("s") else None):
        tags = nouns.get(form) if form else None
        if tags:
            verb, _, preps = next(t for t in sorted(tags) if ":" in t).partition(":")
            return EventNoun(verb, frozenset(preps.split()), "setting" in tags)
    return None


def is_reciprocal(lemma: str) -> bool:
    """True for a predicate whose subjects act on each other ("meet", "agree")."""
    words = lemma.split()
    return bool(words) and (lemma in lexicon("reciprocal.txt") or words[-1] in lexicon("reciprocal.txt"))


def _event_verb(word: str) -> str | None:
    """The verb an event noun stands for ("sanctions" -> sanction), if it is one."""
    entry = event_noun(word)
    return entry.verb if entry else None


def _polarity(words: list[str]) -> str | None:
    polarity = lexicon("polarity.tsv")
    for size in (2, 1):
        for i in range(len(words) - size + 1):
            tags = polarity.get(" ".join(words[i:i + size]))
            if tags:
                return POLARITY_TYPES["+" if "+" in tags else "-"]
    return None


@lru_cache(maxsize=4096)
def relation_type(lemma: str) -> str | None:
    """The relation type of a predicate lemma, or None when nothing groups it."""
    words = lemma.lower().split()
    if words and words[0] == "be" and len(words) > 1:
        words = words[1:]
    if len(words) > 1 and words[-1] in SETTING_WORDS and not _listed(words):
        return None  # "met in Moscow", "spoke alongside Xi": where, not whom
    while words and words[-1] in PREPOSITIONS and len(words) > 1:
        found = _listed(words)
        if found:
            return found
        words = words[:-1]
    if "to" in words:  # a chain: "vow to support", "try to isolate"
        words = words[len(words) - words[::-1].index("to"):] or words
    found = _listed(words)
    if found or not words:
        return found
    verb, nouns = words[0], words[1:]
    light = verb in lexicon("light_verbs.txt")
    if not light and _listed([verb]):
        return _listed([verb])
    for noun in reversed(nouns):  # "impose sanctions on": the event noun says it
        event = _event_verb(noun)
        if event and _listed([event]):
            return _listed([event])
    return _polarity(nouns if light else words)
