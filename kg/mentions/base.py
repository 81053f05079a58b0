"""The mentions of one document: what the steps share (bookkeeping, look-ups), and the
narrow interface to the corpus-wide registry (:class:`Registry`)."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from functools import cached_property
from typing import Protocol

from spacy.tokens import Doc, Span, Token

from ..anaphora import QuoteIndex
from ..descriptors import Title, TokenTable, title_words
from ..gazetteer import Gazetteer
from ..ingest import Document
from ..lexicons import lexicon, words
from ..names import family_particles, name_key, without_article
from ..records import Actor, Mention


class Registry(Protocol):
    """What the mention steps need of the corpus-wide actor registry
    (:class:`kg.actors.ActorResolver` implements it): look-ups, and the few ways to add."""

    gazetteer: Gazetteer
    actors: dict[str, Actor]
    gazetteer_families: dict[str, set[str]]
    place_kind: dict[str, str]

    def known(self, key: str) -> str | None: ...
    def name_source(self, key: str) -> str: ...
    def names_starting(self, word: str) -> list[tuple[str, str]]: ...
    def first_last_candidates(self, first_last: tuple[str, str]) -> list[tuple[str, list[str]]]: ...
    def surname_candidates(self, key: str) -> set[str]: ...
    def gender_of(self, actor_id: str) -> str | None: ...
    def set_gender(self, actor_id: str, gender: str) -> None: ...
    def mark_mentioned(self, actor_id: str) -> None: ...
    def add_alias(self, actor_id: str, text: str, name: bool = True) -> None: ...
    def new_actor(self, name: str, kind: str) -> str: ...
    def group_actor(self, label: str) -> str: ...
    def described_actor(self, label: str, kind: str, doc_id: str) -> str: ...
    def forget(self, actor_id: str) -> None: ...


ENTITY_LABELS = {"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC"}
KIND_OF_LABEL = {"PERSON": "Person", "ORG": "Organization", "GPE": "Country", "NORP": "Group",
                 "LOC": "Group", "FAC": "Organization"}
PLACE_LABELS = {"GPE", "LOC", "FAC"}
COLLECTIVE_KINDS = {"Country", "Organization", "Group"}
VOCATIVES = words("honorifics.tsv", "vocative")
ANAPHORIC_RULES = {"definite-anaphor", "two-named-together", "two-named-before", "two-most-named", "title-anaphor",
                   "relative-pronoun", "described"}  # "the country", "the president", "the authors": no alias
HEAD_OFFICES = {"president", "prime minister", "chancellor", "premier", "supreme leader", "monarch"}


def document_date(document: Document) -> dt.date | None:
    """The publication date from the metadata (``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD...``)."""
    value = (document.meta.get("published") or "").strip()
    for length, fill in ((10, ""), (7, "-15"), (4, "-07-01")):
        try:
            return dt.date.fromisoformat(value[:length] + fill) if len(value) >= length else None
        except ValueError:
            continue
    return None


def _name_order(span: Span) -> tuple[bool, int, int]:
    """Names of several words first, shorter before longer ("Alicia Machado" before "Miss
    Universe Alicia Machado"), then single words, longer first ("Machado"); a hyphenated
    word is one word ("Podlipnik-Castillo" after "Hans Podlipnik-Castillo"), and so is a
    family name with its particles ("De Vries-Bakker" after "Marieke de Vries-Bakker")."""
    words = len([w for w in span.text.split() if w.lower() not in family_particles()])
    return words == 1, -len(span.text) if words == 1 else words, span.start


def _title_case(sent: Span) -> bool:
    """True for a headline written in title case ("Russia Wants Technology", "Apple
    Unveils Cheaper iPhone")."""
    words = [t for t in sent if t.is_alpha and len(t) > 3]
    return len(words) >= 2 and all(not t.is_lower for t in words)


def _name_part(token, person: bool) -> bool:
    """A word a name can hold: any but a lower-case word other than a connector ("of",
    "van"), and for a person no number ("Jarry 6-4" is a score after the name; a number
    word in capitals is a name's: "Erik Ten Hag")."""
    if token.is_lower:
        return token.lower_ in lexicon("name_connectors.txt") or token.tag_ == "POS"
    return not (person and (token.is_digit or token.like_num and not token.is_alpha))


def _gerund_opening(token) -> bool:
    """"Hosting Cook at the summit is our dream": a sentence's first word, a verb in -ing
    that the tagger took for a given name."""
    return token.is_sent_start and token.lower_.endswith("ing") and token.text not in lexicon("given_names.tsv")


def _given_name_after_role(token: Token) -> bool:
    """A role word that is also a given name, after a role in lower case: the person's
    name, as their role was given already ("manager *Dean* Colby"; not "Dean Colby" alone).

    >>> from kg import nlp
    >>> doc = nlp.load()("The club sacked manager Dean Colby.")
    >>> _given_name_after_role(doc[4])
    True
    """
    before = token.doc[token.i - 1] if token.i > 0 else None
    return token.text in lexicon("given_names.tsv") and before is not None and before.is_lower \
        and before.lemma_ in lexicon("person_nouns.tsv")


SHARE_WORDS = {"percent", "%", "per", "pct", "points", "percentage"}  # after a number: a share, not a name's


def strip_name(span: Span) -> Span:
    """The entity span without a leading article or possessive ending, and cut where the
    parser ran the name into other words: a lower-case word that no name holds ("hosting
    Cook", "Awards after Swift"), a comma ("CBS All Access, Disney") or, for a person, a
    number ("Nicolas Jarry 6-4", "Holcomb's 2016"), a role or honorific before it
    ("Superintendent Jane Roe", "Mrs Roe") or a sentence's first verb ("Hosting Cook at
    the summit ..."); a share after it ("Trump 47.3 percent"); for any name, a player's
    position before the player ("Browns DL Jo Roe"); for an organisation, a role and "of"
    before it ("Founder of Acme"); an opening bracket ("the World Health
    Organization (WHO": the acronym is not the name); a connector at its end ("Office for
    the Western District of", where the parser stopped before "New York"). A party's name
    keeps a lower-case "party" at its end ("the Conservative party")."""
    start, end = span.start, span.end
    doc = span.doc
    person = span.label_ == "PERSON" or opens_with_honorific(span)
    roles = lexicon("person_nouns.tsv")
    honorifics = lexicon("honorifics.tsv")
    while start < end - 1 and (doc[start].lower_ in {"the", "a", "an"} or doc[start].is_quote
                               or not _name_part(doc[start], person)
                               or person and (doc[start].lower_ in roles and not _given_name_after_role(doc[start])
                                              or doc[start].lower_ in honorifics or _gerund_opening(doc[start]))):
        start += 1
    start = max(start, after_a_position(span) or start)  # "Browns DL Sheldon Richardson": the player's name
    if not person and start < end - 2 and doc[start].lower_ in roles and doc[start + 1].lower_ == "of":
        start += 2  # "CEO and Founder of Acme Inc.": the organisation, not the role
    party = span.label_ in {"ORG", "NORP"} and doc[end - 1].text == "party"  # "the Conservative party"
    for i in range(start + 1, end - 1 if party else end):
        token = doc[i]
        if token.text in {",", "(", "["} or token.is_space or not (_name_part(token, person) or token.is_punct):
            end = i
            break
    while end > start + 1 and (doc[end - 1].tag_ == "POS" or doc[end - 1].is_punct
                               or doc[end - 1].is_lower and not (party and end == span.end)):
        end -= 1  # a connector ends no name: "Office for the Western District of" (before "New York")
    if end > start + 1 and doc[end - 1].like_num and end < len(doc) and doc[end].lower_ in SHARE_WORDS:
        end -= 1  # "Trump 47.3 percent": a share of the vote after the name
    while span.label_ == "PERSON" and (joined := hyphened(doc, end)) is not None and joined.is_alpha \
            and joined.tag_ not in {"VBG", "VBN", "VBD"}:
        end += 2  # "Moon Jae-in": the tagger stopped at the hyphen (not "Oscar-winning": an adjective)
    return doc[start:end]


def opens_with_honorific(span: Span) -> bool:
    """Whether an entity, whatever the parser's label, opens with an honorific before a
    name: a person ("a statement from Mr Hopkins", tagged as an organisation); not one that
    is also a noun ("Lord's").

    >>> import spacy
    >>> doc = spacy.blank("en")("a statement from Mr Hopkins said")
    >>> opens_with_honorific(doc[3:5]), opens_with_honorific(doc[4:5])
    (True, False)
    """
    tags = lexicon("honorifics.tsv").get(span[0].lower_, None) if len(span) > 1 else None
    return tags is not None and "noun" not in tags and span[1].is_title


def after_a_position(span: Span) -> int | None:
    """Where a player's name begins after a position in capitals inside an entity ("Browns
    DL Sheldon Richardson": the parser's entity, of whatever label, is the person after it;
    ``kg/data/person_nouns.tsv``, tag "position").

    >>> import spacy
    >>> after_a_position(spacy.blank("en")("Hawks DL Marcus Oduya said so")[0:4])
    2
    """
    roles = lexicon("person_nouns.tsv")
    found = [i + 1 for i in range(span.start, span.end - 2)
             if span.doc[i].is_upper and "position" in roles.get(span.doc[i].lower_, ())]
    return found[-1] if found else None


def hyphened(doc: Doc, end: int) -> Token | None:
    """The word joined by a hyphen, with no space, to the one before ``end`` ("Jae-in",
    "Amritsar-based"); None when there is none."""
    if end + 1 < len(doc) and doc[end].text == "-" and not doc[end - 1].whitespace_ and not doc[end].whitespace_:
        return doc[end + 1]
    return None


class Ids:
    """Hash ids of the words and tags the passes over every token look for."""

    def __init__(self, table: TokenTable) -> None:
        last, of_words = title_words()
        groups = {key.split()[-1] for key in lexicon("group_nouns.tsv")}
        self.descriptors = table.ids(*last, *of_words, *groups, *lexicon("person_nouns.tsv"))
        self.nouns = table.ids("NOUN", "PROPN")
        self.propn = next(iter(table.ids("PROPN")))
        self.work = next(iter(table.ids("WORK_OF_ART")))
        self.actor_labels = table.ids(*ENTITY_LABELS)
        self.compound = next(iter(table.ids("compound")))
        self.persons = table.ids(*lexicon("person_nouns.tsv"), *last)
        self.skip_deps = table.ids("compound", "amod")
        self.plural_tags = table.ids("NNS", "NNPS")


def names_something(description: str) -> bool:
    """True when a description is specific enough to serve as an alias: it has a capitalised
    word after its first ("the Russian president", "U.S. Secretary of State Antony
    Blinken"), unlike "a professor", "the head" or "whose top diplomat".

    >>> names_something("the Chinese leader"), names_something("a senior fellow")
    (True, False)
    """
    return any(word[:1].isupper() for word in description.split()[1:])


class MentionsBase:
    """What the steps share: the document, the registry, the mentions found so far and
    the indexes over them (by token, by name, by title)."""

    def __init__(self, registry: Registry, document: Document, doc: Doc) -> None:
        self.registry = registry
        self.gaz = registry.gazetteer
        self.document, self.doc = document, doc
        self.date = document_date(document)
        self.mentions: list[Mention] = []
        self.actor_at: list[str | None] = [None] * len(doc)  # innermost actor covering each token
        self.width = [0] * len(doc)  # tokens of the mention that actor_at comes from
        self.covered = bytearray(len(doc))
        self.spans: set[tuple[int, int]] = set()
        self.local: dict[str, str] = {}  # name key -> actor id, names linked in this document
        self.acronyms: dict[str, str] = {}  # "FTC" -> the actor this document names Federal Trade Commission
        self.acronyms_of_no_actor: set[str] = set()  # "NAFTA" after "the North American Free Trade Agreement"
        self.bodies_by_head: dict[str, set[str]] = {}  # "commission" -> the bodies of the document so named
        self.places_here: set[str] = set()  # keys of names this document uses as unknown places
        self.bodies_by_word: dict[str, dict[str, tuple[int, bool]]] = {}  # "corvane" -> {body: (where first
        # named, whether its name begins with the word)} of the bodies with that word in their name
        self.families: dict[str, Counter] = {}  # family-name key -> {actor id: mentions}
        self.person_initials: dict[str, set[str]] = {}  # "SBF" -> the people so named in this document
        self.given: dict[str, Counter] = {}  # given-name key -> {actor id: mentions}
        self.named: Counter = Counter()  # person -> name mentions in this document
        self.new_names: set[str] = set()  # actors this document's names made (step 2b may take them back)
        self.titles: dict[tuple[str | None, str], str] = {}  # (jurisdiction, office) -> person
        self.titled: list[tuple[int, str, frozenset[str]]] = []  # (token, person, offices) in text order
        self.deferred: list[tuple[Token, Title]] = []
        self.table = TokenTable(doc)
        self.ids = Ids(self.table)
        self.plural_titles: list[tuple[Token, Title]] = []

    # --- bookkeeping --------------------------------------------------------------------

    @cached_property
    def quotes(self) -> QuoteIndex:
        """The document's quotations (to tell what a quoted speaker says from the narration)."""
        return QuoteIndex(self.document.text)

    def skipped(self, start: int, end: int) -> bool:
        return self.document.is_skipped(start, end)

    def _tokens(self, start: int, end: int) -> range:
        span = self.doc.char_span(start, end, alignment_mode="expand")
        return range(span.start, span.end) if span is not None else range(0)

    def _add(self, start: int, end: int, actor: str | None, how: str, rule: str, evidence: str,
             place_of: str | None = None) -> Mention:
        text = self.document.text[start:end]
        mention = Mention(doc=self.document.id, span=(start, end), text=text, actor=actor, how=how,
                          rule=rule, evidence=evidence, place_of=place_of)
        self.mentions.append(mention)
        self.spans.add((start, end))
        tokens = self._tokens(start, end)
        for i in tokens:
            self.covered[i] = 1
            if actor is not None and (self.actor_at[i] is None or len(tokens) <= self.width[i]):
                self.actor_at[i], self.width[i] = actor, len(tokens)
        if place_of is not None:
            self.registry.mark_mentioned(place_of)  # the store must know the state a place is in
        if actor is not None:
            self.registry.mark_mentioned(actor)
            if how in {"name", "alias"} or (how == "title" and names_something(text)):
                if rule not in ANAPHORIC_RULES:
                    # a family name alone is no name for other documents
                    self.registry.add_alias(actor, text, name=how in {"name", "alias"} and not rule.startswith("surname"))
        return mention

    def _kind(self, actor: str) -> str:
        return self.registry.actors[actor].kind

    def _label(self, actor: str) -> str:
        return self.registry.actors[actor].label

    def _how(self, actor: str, text: str) -> str:
        return "name" if name_key(without_article(text)) == name_key(self._label(actor)) else "alias"
