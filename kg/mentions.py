"""The mentions of one document, found and linked in five steps (see :class:`DocumentMentions`).

1. **names**: the parser's entities, full names before single words. A name links to the
   actor already named so in the document, then by family name to a person of the
   document ("Putin" after "Vladimir Putin"; "Xi" after "Xi Jinping"), then to a known
   name (gazetteer or earlier documents), then by given name to the one person so named
   in the document, then by family name to the one gazetteer person in office on the
   article's date or the one person so named in the corpus; else it is a new actor.
   A person's titles ("Russian President Vladimir Putin") are kept in the mention and
   remembered for later descriptions. A capital or seat of government stands for its
   state only when it acts (:func:`kg.descriptors.place_role`); so does a city the
   gazetteer does not know.
2. **names the parser missed**: known names and family names in title-case headlines or
   untagged ("Dempsey thinks...").
3. **descriptions**: titles ("the Russian president": the person named with that title
   in the document, else the holder of the office on the article's date, from the
   gazetteer), groups ("Russian officials" -> Russia, "Chinese companies" -> a group
   actor), appositions ("Li Zhanshu, the head of China's legislature").
4. **anaphors**: pronouns, "the country", "the two leaders" (:mod:`kg.anaphora`).
5. **titles with a possessive pronoun** ("its foreign minister"), once pronouns are known.

Every mention records the rule that linked it and the evidence. A mention whose actor is
``None`` is a place ("talks in Moscow") or an unnamed source ("a US official"): it says
why no actor was linked, and hides the names inside it from speaker lookups.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from typing import Protocol

from spacy.tokens import Doc, Span, Token

from .anaphora import Anaphora, AnaphoraContext, QuoteIndex, Referent, Roles, is_main_subject, role_of
from .descriptors import (MODIFIERS, Title, TokenTable, group_tag, group_tags, is_plural, np_bounds, place_role,
                          time_shift, title_at, title_words)
from .gazetteer import Gazetteer
from .ingest import Document
from .lexicons import honorific_gender, lexicon
from .names import family_name, first_last_name, middles_agree, name_key, without_article
from .records import Actor, Mention


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

ENTITY_LABELS = {"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC"}
KIND_OF_LABEL = {"PERSON": "Person", "ORG": "Organization", "GPE": "Country", "NORP": "Group",
                 "LOC": "Group", "FAC": "Organization"}
PLACE_LABELS = {"GPE", "LOC", "FAC"}
COLLECTIVE_KINDS = {"Country", "Organization", "Group"}
VOCATIVES = {"mr.", "mr", "madam", "madame"}
ANAPHORIC_RULES = {"definite-anaphor", "two-named-together", "two-named-before", "two-most-named", "title-anaphor",
                   "relative-pronoun"}  # "the country", "the president": no alias of the actor
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
    Universe Alicia Machado"), then single words, longer first ("Machado")."""
    single = len(span) == 1
    return single, -len(span.text) if single else len(span), span.start


def _title_case(sent: Span) -> bool:
    """True for a headline written in title case ("Russia Wants Technology")."""
    words = [t for t in sent if t.is_alpha and len(t) > 3]
    return len(words) >= 2 and all(t.text[0].isupper() for t in words)


def strip_name(span: Span) -> Span:
    """The entity span without a leading article or possessive ending."""
    start, end = span.start, span.end
    doc = span.doc
    while start < end - 1 and doc[start].lower_ in {"the", "a", "an"}:
        start += 1
    while end > start + 1 and (doc[end - 1].tag_ == "POS" or doc[end - 1].is_punct):
        end -= 1
    while span.label_ == "PERSON" and end + 1 < len(doc) and doc[end].text == "-" and not doc[end - 1].whitespace_ \
            and not doc[end].whitespace_ and doc[end + 1].is_alpha:
        end += 2  # "Moon Jae-in": the tagger stopped at the hyphen
    return doc[start:end]


class Ids:
    """Hash ids of the words and tags the passes over every token look for."""

    def __init__(self, table: TokenTable) -> None:
        last, of_words = title_words()
        groups = {key.split()[-1] for key in lexicon("group_nouns.tsv")}
        self.descriptors = table.ids(*last, *of_words, *groups, *lexicon("person_nouns.tsv"))
        self.nouns = table.ids("NOUN", "PROPN")
        self.propn = next(iter(table.ids("PROPN")))
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


class DocumentMentions:
    """Finds and links the mentions of one parsed document."""

    def __init__(self, resolver: Registry, document: Document, doc: Doc) -> None:
        self.r = resolver
        self.gaz = resolver.gazetteer
        self.document, self.doc = document, doc
        self.date = document_date(document)
        self.mentions: list[Mention] = []
        self.actor_at: list[str | None] = [None] * len(doc)  # innermost actor covering each token
        self.width = [0] * len(doc)  # tokens of the mention that actor_at comes from
        self.covered = bytearray(len(doc))
        self.spans: set[tuple[int, int]] = set()
        self.local: dict[str, str] = {}  # name key -> actor id, names linked in this document
        self.families: dict[str, Counter] = {}  # family-name key -> {actor id: mentions}
        self.given: dict[str, Counter] = {}  # given-name key -> {actor id: mentions}
        self.named: Counter = Counter()  # person -> name mentions in this document
        self.titles: dict[tuple[str | None, str], str] = {}  # (jurisdiction, office) -> person
        self.titled: list[tuple[int, str, frozenset[str]]] = []  # (token, person, offices) in text order
        self.deferred: list[tuple[Token, Title]] = []
        self.table = TokenTable(doc)
        self.ids = Ids(self.table)
        self.plural_titles: list[tuple[Token, Title]] = []

    # --- the steps ----------------------------------------------------------------------

    def run(self) -> list[Mention]:
        self._entities()
        self._missed_names()
        self._descriptions()
        self._anaphors()
        for head, title in self.deferred:
            self._title(head, title, after_pronouns=True)
        for head, title in self.plural_titles:
            self._plural_title(head, title)
        self._demonym_modifiers()
        return self.mentions

    # --- bookkeeping --------------------------------------------------------------------

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
            self.r.mark_mentioned(place_of)  # the store must know the state a place is in
        if actor is not None:
            self.r.mark_mentioned(actor)
            if how in {"name", "alias"} or (how == "title" and names_something(text)):
                if rule not in ANAPHORIC_RULES:
                    # a family name alone is no name for other documents
                    self.r.add_alias(actor, text, name=how in {"name", "alias"} and not rule.startswith("surname"))
        return mention

    def _kind(self, actor: str) -> str:
        return self.r.actors[actor].kind

    def _label(self, actor: str) -> str:
        return self.r.actors[actor].label

    def _how(self, actor: str, text: str) -> str:
        return "name" if name_key(without_article(text)) == name_key(self._label(actor)) else "alias"

    # --- 1. names -----------------------------------------------------------------------

    def _entities(self) -> None:
        ents = [(strip_name(e), e.label_) for e in self.doc.ents
                if e.label_ in ENTITY_LABELS and not self.skipped(e.start_char, e.end_char)
                and any(ch.isupper() for ch in e.text)]
        for span, label in sorted(ents, key=lambda e: _name_order(e[0])):
            if (span.start_char, span.end_char) not in self.spans:
                self._entity(span, label)

    def _entity(self, span: Span, label: str) -> None:
        text, key = span.text, name_key(span.text)
        if span.start >= 2 and self.doc[span.start - 1].lower_ == "of":
            title = title_at(self.doc[span.start - 2])
            if title is not None and title.end >= span.end:
                return  # "State" in "Secretary of State" is part of a title
        if label == "NORP" and key not in self.local and self.r.known(key) is None:
            self._demonym(span)
            return
        state = self.gaz.by_metonym.get(key) or self.gaz.by_metonym.get(name_key("the " + text))
        if state and not (label == "PERSON" and key in self.families):
            self._metonym(span, state)
            return
        if label == "ORG" and self.r.known(key) is None and self._group(span.root, span) is not None:
            return
        if len(span) > 1 and key not in self.local and self.r.known(key) is None and _title_case(span.sent):
            prefix = self._known_prefix(span)
            if prefix is not None:  # "Russia Wants Technology": a headline the tagger misread
                self._entity(prefix, label)
                return
        linked = self._link_name(span, label)
        if linked is None:
            if label == "GPE":
                self._unknown_place(span)
            return
        self._add_name(span, *linked)

    def _known_prefix(self, span: Span) -> Span | None:
        for end in range(span.end - 1, span.start, -1):
            if self.r.known(name_key(self.doc[span.start:end].text)) is not None:
                return self.doc[span.start:end]
        return None

    def _add_name(self, span: Span, actor: str | None, rule: str, evidence: str) -> None:
        start, end = span.start_char, span.end_char
        if actor is None:  # an ambiguous family name: recorded, linked to no one
            self._add(start, end, None, "name", rule, evidence)
            return
        if self._kind(actor) == "Person":
            start, end = self._person_extent(span, actor)
            self._remember_person(span, actor)
        elif span.start > 0 and self.doc[span.start - 1].lower_ == "the" and self.doc[span.start - 1].head.i in range(span.start, span.end):
            start = self.doc[span.start - 1].idx  # "the United States", "the ICC": the name as used
        self.local.setdefault(name_key(span.text), actor)
        self._add(start, end, actor, self._how(actor, span.text), rule, evidence)

    def _link_name(self, span: Span, label: str) -> tuple[str, str, str] | None:
        """(actor, rule, evidence) for a name; None for a place the gazetteer does not know."""
        text, key = span.text, name_key(span.text)
        single = len(text.split()) == 1
        if key in self.local:
            return self.local[key], "same-name", f"the same name earlier in the document: {text!r}"
        if label == "PERSON" and key in self.families:
            return self._by_family(key, span)
        known = self.r.known(key)
        found_known = known and (known, "known-name", f"{text!r} is a name of {self._label(known)!r} ({self.r.name_source(key)})")
        if known and (not single or self.r.name_source(key) == "the gazetteer"):
            return found_known
        if single and key in self.families:
            return self._by_family(key, span)
        if label == "PERSON" and not single:
            found = self._by_name_suffix(span) or self._by_first_and_last(span)
            if found:
                return found
        if single and len(self.given.get(key, ())) == 1:
            actor = next(iter(self.given[key]))
            return actor, "given-name", f"given name of {self._label(actor)!r}, the only person so named in the document"
        if single:
            found = self._by_corpus_family(key, span, tagged_person=label == "PERSON")
            if found:
                return found
        if found_known:  # a single word named so in an earlier document
            return found_known
        if label in PLACE_LABELS:
            return None
        kind = KIND_OF_LABEL[label]
        return self.r.new_actor(without_article(text), kind), "new-name", f"first mention of {text!r}"

    def _by_first_and_last(self, span: Span) -> tuple[str, str, str] | None:
        """"Richard M. Nixon" and "Richard Nixon": the one known person with the same given and
        family name whose middle names do not differ (initials match the names they abbreviate)."""
        first_last, middle = first_last_name(span.text)
        if first_last is None:
            return None
        found = [a for a, other in self.r.first_last_candidates(first_last) if middles_agree(middle, other)]
        found = list(dict.fromkeys(found))
        if len(found) != 1:
            return None
        actor = found[0]
        return actor, "same-first-and-last-name", (f"{span.text!r} has the given and family name of "
                                                   f"{self._label(actor)!r}, and no known other person has")

    def _by_name_suffix(self, span: Span) -> tuple[str, str, str] | None:
        """"Miss Universe Alicia Machado", "Crooked Hillary Clinton": a known person's full
        name after words the tagger took into the name (not a given name: "Ivanka Trump"
        is not Donald Trump)."""
        for start in range(span.start + 1, span.end - 1):
            key = name_key(self.doc[start:span.end].text)
            actor = self.local.get(key) or self.r.known(key)
            if actor and self._kind(actor) == "Person":
                return actor, "name-suffix", (f"ends with {self.doc[start:span.end].text!r}, a name of "
                                              f"{self._label(actor)!r}; the words before it are no given name")
        last = self.doc[span.end - 1]
        key = name_key(last.text)
        if key in self.families and all(t.pos_ != "PROPN" for t in self.doc[span.start:span.end - 1]):
            return self._by_family(key, self.doc[span.end - 1:span.end])
        return None

    def _by_family(self, key: str, span: Span) -> tuple[str | None, str, str]:
        people = self.families[key]
        if len(people) == 1:
            actor = next(iter(people))
            return actor, "surname", f"family name of {self._label(actor)!r}, named in the same document"
        hinted = self._filter_by_hints(list(people), span)
        if len(hinted) == 1:
            return hinted[0], "surname-title", (f"family name shared by {self._names(people)}; the title or "
                                                f"honorific before it fits {self._label(hinted[0])!r} only")
        known = self.r.known(key)
        if known in people:
            return known, "surname-known-name", (f"family name shared by {self._names(people)}; alone, "
                                                 f"{span.text!r} is a name of {self._label(known)!r} (gazetteer)")
        return None, "surname-ambiguous", (f"family name shared by {self._names(people)} in this document, "
                                           f"and nothing tells which one is meant")

    def _names(self, people) -> str:
        return " and ".join(repr(self._label(a)) for a in sorted(people))

    def _by_corpus_family(self, key: str, span: Span, tagged_person: bool = True) -> tuple[str, str, str] | None:
        """A family name alone, for a person named in no other way in the document: the one
        person of the gazetteer with that family name in office on the article's date, else
        (for a name the tagger calls a person) the one person with it named in the corpus."""
        if self.date is not None:
            serving = {t.holder for p in self.r.gazetteer_families.get(key, set())
                       for t in self.gaz.offices_of(p) if t.covers(self.date)}
            if len(serving) == 1:
                actor = next(iter(serving))
                return actor, "surname-office-holder", (f"the only person with family name {span.text!r} in the "
                                                        f"gazetteer holding an office on {self.date}: {self._label(actor)!r}")
        if not tagged_person:
            return None
        known = self.r.surname_candidates(key)
        if any(self._hints(span)):
            hinted = self._filter_by_hints(sorted(known | self.r.gazetteer_families.get(key, set())), span)
            if len(hinted) == 1:
                return hinted[0], "surname-title", (f"the only known person with family name {span.text!r} "
                                                    f"that the title or honorific before it fits: {self._label(hinted[0])!r}")
        if len(known) == 1:
            actor = next(iter(known))
            return actor, "surname-corpus", (f"the only person with family name {span.text!r} named so far "
                                             f"in the corpus: {self._label(actor)!r}")
        return None

    def _hints(self, span: Span) -> tuple[frozenset[str], str | None]:
        """Offices and gender implied by words before a name ("President", "Mrs.")."""
        offices: set[str] = set()
        gender = None
        honorifics = lexicon("honorifics.tsv")
        for token in self.doc[max(span.start - 4, span.sent.start):span.start]:
            if token.head.i < span.start or token.head.i >= span.end:
                continue
            if token.lower_ in honorifics:
                gender = honorific_gender(honorifics[token.lower_]) or gender
            title = title_at(token)
            if title:
                offices |= set(title.offices) - {"@leader"}
        return frozenset(offices), gender

    def _filter_by_hints(self, people: list[str], span: Span) -> list[str]:
        offices, gender = self._hints(span)
        if not offices and not gender:
            return people
        kept = []
        for person in people:
            if gender and self.r.gender_of(person) not in (None, gender):
                continue
            held = {t.office for t in self.gaz.offices_of(person)} | {o for (_, o), p in self.titles.items() if p == person}
            if offices and not offices & held:
                continue
            kept.append(person)
        return kept

    def _person_extent(self, span: Span, actor: str) -> tuple[int, int]:
        """The name with its titles before it ("Russian President Vladimir Putin") and a
        following "of <place>" ("Xi Jinping of China")."""
        root = span.root
        start = span.start
        for child in root.lefts:
            if child.i < span.start and child.dep_ in MODIFIERS and child.tag_ != "PRP$":
                start = min(start, child.left_edge.i)
        for token in self.doc[start:span.start]:  # "Putin's defense minister X": Putin is someone else
            if token.ent_type_ == "PERSON" and (token.dep_ == "poss" or token.head.i not in range(start, span.start)):
                start = max(start, token.right_edge.i + 1)
        while start < span.start and (self.doc[start].tag_ in {"PRP$", "DT", "WP$", "POS"} or self.doc[start].is_punct):
            start += 1
        end = span.end
        for child in root.rights:
            if child.dep_ == "prep" and child.lower_ == "of" and child.i == end:
                objects = [c for c in child.children if c.dep_ == "pobj" and c.ent_type_ == "GPE"]
                if objects and objects[0].right_edge.i == objects[0].i:
                    end = objects[0].i + 1
        return self.doc[start].idx, self.doc[end - 1].idx + len(self.doc[end - 1])

    def _remember_person(self, span: Span, actor: str) -> None:
        """Family name, gender and titles that a later mention may use."""
        self.named[actor] += 1
        words = span.text.split()
        if len(words) > 1:
            families = {self.gaz.family_name.get(actor), family_name(span.text), family_name(self._label(actor))}
            for family in families - {None}:
                self.families.setdefault(name_key(family), Counter())[actor] += 1
            if words[0] not in families and words[0][:1].isupper() and words[0].isalpha():
                self.given.setdefault(name_key(words[0]), Counter())[actor] += 1
        gender = self._hints(span)[1]
        if gender and self.r.gender_of(actor) is None:
            self.r.set_gender(actor, gender)
        if self.r.gender_of(actor) is None and len(words) > 1 and words[0] not in lexicon("family_name_first.txt"):
            tags = lexicon("given_names.tsv").get(words[0])
            if tags:
                self.r.set_gender(actor, next(iter(tags)))
        self._learn_titles(span, actor)

    def _learn_titles(self, span: Span, actor: str) -> None:
        """"Russian President Vladimir Putin": Putin is the president of Russia in this document."""
        for token in self.doc[max(span.start - 6, span.sent.start):span.start]:
            if token.head.i < span.start or token.head.i >= span.end:
                continue
            title = title_at(token)
            if title is None:
                continue
            jurisdiction = self._jurisdiction(token, title, exclude=range(span.start, span.end))
            jur = jurisdiction[0] if jurisdiction and jurisdiction[0] != "@pronoun" else None
            offices = set(title.offices)
            if "@leader" in offices and jur:
                offices = (offices - {"@leader"}) | ({self.gaz.leader_office[jur]} if jur in self.gaz.leader_office else set())
            for office in offices:
                self.titles.setdefault((jur, office), actor)
                self.titles.setdefault((None, office), actor)
            self.titled.append((span.start, actor, frozenset(offices)))

    def _demonym(self, span: Span) -> None:
        """"the Ukrainians", "Russians" as a noun phrase of their own: the state."""
        state = self.gaz.by_demonym.get(span.text)
        root = span.root
        if state is None or root.dep_ in {"amod", "compound", "nmod", "poss"} or root.pos_ not in {"NOUN", "PROPN", "ADJ"}:
            return
        if root.pos_ == "ADJ" and root.dep_ not in {"nsubj", "nsubjpass", "dobj", "pobj", "conj"}:
            return
        start = span.start - 1 if span.start > 0 and self.doc[span.start - 1].lower_ == "the" else span.start
        self._add(self.doc[start].idx, span.end_char, state, "metonym", "demonym-for-state",
                  f"{span.text!r}: the people of {self._label(state)}, standing for it")

    def _demonym_modifiers(self) -> None:
        """"*Western* sanctions", "*American* dominance": a demonym modifying a thing (not
        a person: "a Russian analyst") names its state, as a mention of its own found
        after the pronouns (it is no antecedent for them)."""
        persons, demonyms = lexicon("person_nouns.tsv"), self.gaz.by_demonym
        for token in self.doc:
            state = demonyms.get(token.text)
            if state is None or token.dep_ not in {"amod", "compound", "nmod"}:
                continue
            head = token.head
            if head.pos_ != "NOUN" or head.lemma_.lower() in persons or title_at(head) is not None \
                    or self.covered[token.i] or self.covered[head.i] or self.skipped(token.idx, token.idx + 1):
                continue
            if token.i >= 2 and self.doc[token.i - 1].text == "-" and not self.doc[token.i - 2].whitespace_:
                continue  # "anti-Western"
            self._add(token.idx, token.idx + len(token), state, "metonym", "demonym-modifier",
                      f"{token.text!r} in {token.text} {head.text!r}: of {self._label(state)}")

    def _metonym(self, span: Span, state: str) -> None:
        acts, why = place_role(span.root)
        what = self.r.place_kind.get(name_key(span.text)) or self.r.place_kind.get(name_key("the " + span.text), "seat")
        text = self.document.text[span.start_char:span.end_char]
        start = span.start_char
        if span.start > 0 and self.doc[span.start - 1].lower_ == "the" and name_key("the " + text) in self.gaz.by_metonym:
            start = self.doc[span.start - 1].idx
        if acts:
            self._add(start, span.end_char, state, "metonym", "metonym",
                      f"{text!r}, {what} of {self._label(state)}, acts here: {why}")
        else:
            self._add(start, span.end_char, None, "name", "place",
                      f"{text!r} is a place here ({why}), not {self._label(state)}", place_of=state)

    def _unknown_place(self, span: Span) -> None:
        """A place the gazetteer does not know: an actor of its own only when it acts."""
        acts, why = place_role(span.root, strict=True)
        if acts:
            actor = self.r.new_actor(span.text, "Actor")
            self.local.setdefault(name_key(span.text), actor)
            self._add(span.start_char, span.end_char, actor, "name", "new-name",
                      f"first mention of {span.text!r}, a place that acts here: {why}")
        else:
            self._add(span.start_char, span.end_char, None, "name", "place", f"{span.text!r} is a place here ({why})")

    # --- 2. names the parser missed -------------------------------------------------------

    def _missed_names(self) -> None:
        """Known names, metonyms and this document's family names in untagged text."""
        text, table = self.document.text, self.table
        for i in range(len(self.doc)):
            if self.covered[i] or table.ent_type[i]:
                continue
            start = table.idx[i]
            if not text[start].isupper():
                continue
            word = text[start:start + table.length[i]]
            candidates = self.r.names_starting(word)
            key = name_key(word)
            if not candidates and key not in self.families or self.skipped(start, start + len(word)):
                continue
            if key in self.families and table.pos[i] == self.ids.propn and not (
                    candidates and self.r.name_source(name_key(candidates[-1][0])) == "the gazetteer"):
                candidates = []  # "Sanders" after "Bernie Sanders": the family name, before other documents' names
            for name, target in candidates:
                end = start + len(name)
                if text.startswith(name, start) and (end == len(text) or not text[end].isalnum()):
                    span = self.doc.char_span(start, end)
                    if span is not None and not any(self.covered[j] or table.ent_type[j] for j in range(span.start, span.end)):
                        self._missed(span, target)
                        break
            else:
                if key in self.families and table.pos[i] == self.ids.propn:
                    span = self.doc[i:i + 1]
                    actor, rule, evidence = self._by_family(key, span)
                    if actor is not None:
                        self.named[actor] += 1
                    self._add(start, start + len(word), actor, "alias", rule,
                              evidence + " (not tagged as a name by the parser)")

    def _missed(self, span: Span, target: str) -> None:
        if target.startswith("metonym:"):
            self._metonym(span, target.removeprefix("metonym:"))
            return
        actor = target
        evidence = f"{span.text!r} is a name of {self._label(actor)!r} (not tagged as a name by the parser)"
        if self._kind(actor) == "Person":
            self._remember_person(span, actor)
        self._add(span.start_char, span.end_char, actor, self._how(actor, span.text), "known-name", evidence)

    # --- 3. descriptions ------------------------------------------------------------------

    def _descriptions(self) -> None:
        table, ids = self.table, self.ids
        for i in range(len(self.doc)):
            if (table.pos[i] not in ids.nouns or self.covered[i] or table.dep[i] == ids.compound
                    or (table.lower[i] not in ids.descriptors and table.lemma[i] not in ids.descriptors)):
                continue
            token = self.doc[i]
            if self.skipped(token.idx, token.idx + len(token)):
                continue
            title = title_at(token)
            if title is not None and token.ent_type_ not in {"PERSON", "ORG", "GPE"}:
                if is_plural(token):
                    self.plural_titles.append((token, title))
                else:
                    self._title(token, title)
            elif token.pos_ == "NOUN" and group_tag(token):
                self._group(token)
            self._apposition(token)

    def _jurisdiction(self, head: Token, title: Title | None, exclude: range = range(0)) -> tuple[str, str, Token] | None:
        """(actor, evidence, token) of the state or organisation a title or group belongs
        to, from its modifiers ("Russian", "U.S.", "China's", "the Kremlin") or an "of"
        phrase ("the president of Russia")."""
        inside = title.tokens if title else [head.i]
        tokens = [(c, True) for t in inside for c in self.doc[t].lefts if c.i not in inside and c.i not in exclude]
        tokens += [(g, False) for c, _ in list(tokens) if c.dep_ in {"compound", "poss"}
                   for g in c.lefts if g.dep_ in {"compound", "amod"}]
        for child in self.doc[inside[-1]].rights:
            if child.dep_ == "prep" and child.lower_ == "of":
                tokens += [(c, True) for c in child.children if c.dep_ == "pobj"]
        for token, direct in tokens:
            if token.i >= 2 and self.doc[token.i - 1].text == "-" and not self.doc[token.i - 2].whitespace_:
                continue  # "anti-West", "non-EU": not of the West
            found = self._state_of_token(token, direct)
            if found:
                return found[0], found[1], token
        return None

    def _state_of_token(self, token: Token, direct: bool = True) -> tuple[str, str] | None:
        """The state or organisation a modifier names: a mention, a demonym, a capital or
        seat ("Kremlin officials", only as a direct modifier), a gazetteer name."""
        actor = self.actor_at[token.i]
        if actor and self._kind(actor) in COLLECTIVE_KINDS:
            return actor, f"{token.text!r} names {self._label(actor)}"
        if token.text in self.gaz.by_demonym:
            state = self.gaz.by_demonym[token.text]
            return state, f"{token.text!r} is the demonym of {self._label(state)}"
        key = name_key(token.text)
        if key in self.gaz.by_metonym and direct:
            state = self.gaz.by_metonym[key]
            return state, f"{token.text!r} stands for {self._label(state)}"
        known = self.r.known(key)
        if known in self.gaz.actors and token.text[:1].isupper() and self._kind(known) in COLLECTIVE_KINDS:
            return known, f"{token.text!r} names {self._label(known)}"
        if token.lower_ == "whose" and token.i >= 1:
            before = token.i - 1 - (self.doc[token.i - 1].is_punct)
            actor = self.actor_at[before] if before >= 0 else None
            if actor and self._kind(actor) in COLLECTIVE_KINDS:
                return actor, f"'whose' after {self.doc[before].text!r}, which names {self._label(actor)}"
        if token.tag_ == "PRP$" and token.lower_ in {"its", "their"}:
            return "@pronoun", token.text
        return None

    def _title(self, head: Token, title: Title, after_pronouns: bool = False) -> None:
        start, end = np_bounds(head, with_of=False)
        start, end = min(start, title.start), max(end, title.end)
        char_start, char_end = self.doc[start].idx, self.doc[end - 1].idx + len(self.doc[end - 1])
        if (char_start, char_end) in self.spans:
            return
        jurisdiction = self._jurisdiction(head, title)
        if jurisdiction and jurisdiction[0] == "@pronoun":
            pronoun = jurisdiction[2]
            actor = self.actor_at[pronoun.i] if after_pronouns else None
            if actor is None:
                if not after_pronouns:
                    self.deferred.append((head, title))
                return
            jurisdiction = (actor, f"{pronoun.text!r} refers to {self._label(actor)}", pronoun)
        found = self._holder(head, title, jurisdiction)
        if found is None:
            return
        if jurisdiction and jurisdiction[2].i < start:  # "France's foreign minister": the whole phrase
            char_start = self.doc[jurisdiction[2].left_edge.i].idx
        person, rule, evidence = found
        self._add(char_start, char_end, person, "title", rule, evidence)
        family = self.gaz.family_name.get(person) or family_name(self._label(person))
        if family:  # "Suga said", after "the Japanese leader" stood for Yoshihide Suga
            self.families.setdefault(name_key(family), Counter())[person] += 0

    def _plural_title(self, head: Token, title: Title) -> None:
        """"The leaders of the two nations", "the Russian and Chinese presidents": one holder
        per state named (after anaphors, so that "the two nations" is known)."""
        states: list[str] = []
        for child in head.rights:
            if child.dep_ == "prep" and child.lower_ == "of":
                for pobj in (c for c in child.children if c.dep_ == "pobj"):
                    states += [m.actor for m in self.mentions if m.actor and self._kind(m.actor) == "Country"
                               and m.span[0] <= pobj.idx < m.span[1]]
        for child in head.lefts:
            if child.dep_ == "amod" and child.text in self.gaz.by_demonym:
                states += [self.gaz.by_demonym[child.text]] + [self.gaz.by_demonym[c.text] for c in child.conjuncts
                                                               if c.text in self.gaz.by_demonym]
        states = list(dict.fromkeys(states))
        if len(states) < 2:
            return
        found = []
        for state in states:
            holder = self._holder(head, title, (state, self._label(state), head))
            if holder is None:
                return
            found.append(holder)
        start, end = np_bounds(head, with_of=False)
        char_start, char_end = self.doc[start].idx, head.idx + len(head)
        if (char_start, char_end) in self.spans:
            return
        for person, rule, evidence in found:
            self._add(char_start, char_end, person, "title", rule, evidence)

    def _offices(self, title: Title, jurisdiction: str | None) -> set[str]:
        offices = set(title.offices)
        if "@leader" in offices:
            offices.discard("@leader")
            if jurisdiction in self.gaz.leader_office:
                offices.add(self.gaz.leader_office[jurisdiction])
        return offices

    def _holder(self, head: Token, title: Title, jurisdiction: tuple[str, str, Token] | None) -> tuple[str, str, str] | None:
        """(person, rule, evidence) for a title: named with it here, else holding it on the date."""
        if time_shift(head) or time_shift(self.doc[title.start]):
            return None
        jur = jurisdiction[0] if jurisdiction else None
        offices = self._offices(title, jur)
        if not offices and "@leader" in title.offices and jur:  # no cg:leaderOffice: a head named here
            offices = {o for (j, o) in self.titles if j == jur} & HEAD_OFFICES
        if not offices:
            return None
        what = f"{title.text} of {self._label(jur)}" if jur else title.text
        if jur:
            for office in sorted(offices):
                if (jur, office) in self.titles:
                    person = self.titles[(jur, office)]
                    return person, "title-in-document", f"{what}: {self._label(person)!r}, named with this title in the document"
            return self._holder_on_date(offices, jur, what)
        if not any(c.lower_ == "the" for c in self.doc[title.start].lefts) and not any(
                c.lower_ == "the" for c in head.lefts) and self.doc[max(title.start - 1, 0)].lower_ not in VOCATIVES:
            return None  # "a president", "as secretary of state": no one in particular
        earlier = [(i, p) for i, p, held in self.titled if i < head.idx and held & offices]
        if earlier:
            person = earlier[-1][1]
            return person, "title-anaphor", f"{what}: {self._label(person)!r}, named with this title earlier"
        if self.date is None:
            return None  # who held it depends on the date
        holders = self._named_holders(offices, head)
        if holders:
            person, tenure = holders[-1]
            return person, "title-anaphor", (f"{what}: {self._label(person)!r}, named earlier, was "
                                             f"{tenure.office} of {self._label(tenure.jurisdiction)} ({tenure.describe()})")
        places = self.gaz.jurisdictions(offices)
        if len(places) == 1:
            return self._holder_on_date(offices, next(iter(places)), what)
        return None

    def _named_holders(self, offices: set[str], head: Token):
        """People named before ``head`` who held one of ``offices`` on the date (any time if undated)."""
        found = []
        for mention in sorted(self.mentions, key=lambda m: m.span):
            if mention.span[0] >= head.idx or mention.actor is None or mention.how not in {"name", "alias"}:
                continue
            for tenure in self.gaz.holders(offices, None, self.date):
                if tenure.holder == mention.actor:
                    found.append((mention.actor, tenure))
                    break
        return found

    def _holder_on_date(self, offices: set[str], jur: str, what: str) -> tuple[str, str, str] | None:
        if self.date is None:
            named = {t.holder: t for t in self.gaz.holders(offices, jur, None) if t.holder in self.named}
            if len(named) == 1:
                person, tenure = next(iter(named.items()))
                return person, "office-holder-in-document", (f"{what}: {self._label(person)!r}, named in this undated "
                                                             f"document, held the office ({tenure.describe()}, gazetteer)")
            return None
        tenures = self.gaz.holders(offices, jur, self.date)
        if not tenures:
            return None
        tenure = max(tenures, key=lambda t: (t.holder in self.named, t.start or dt.date.min))
        return tenure.holder, "office-holder", (f"{what} on {self.date}: {self._label(tenure.holder)!r} "
                                               f"({tenure.describe()}, gazetteer)")

    def _group(self, head: Token, entity: Span | None = None) -> Mention | None:
        """"Russian officials" -> Russia; "Western countries" -> the West; "Chinese companies" -> a group."""
        tag = group_tag(head)
        if tag is None:
            return None
        jurisdiction = self._jurisdiction(head, None)
        if jurisdiction is None or jurisdiction[0] == "@pronoun":
            return None
        actor, why, jurisdiction_token = jurisdiction
        kind = self._kind(actor)
        start, end = np_bounds(head, with_of=False)
        if entity is not None:
            start, end = min(start, entity.start), max(end, entity.end)
        char_start, char_end = self.doc[start].idx, self.doc[end - 1].idx + len(self.doc[end - 1])
        noun = head.text
        individual = not is_plural(head) and head.lemma_.lower() in lexicon("person_nouns.tsv")
        if individual:
            if jurisdiction_token.i > head.i:
                return None
            return self._add(char_start, char_end, None, "title", "unnamed-source",
                             f"one unnamed {head.lemma_.lower()} of {self._label(actor)}: not the actor itself")
        if tag == "state":
            if not is_plural(head) and "collective" not in group_tags(head):
                return None  # "a sales force": one force is not the state
            return self._add(char_start, char_end, actor, "metonym", "group-for-state",
                             f"{noun!r} of {self._label(actor)} act for it ({why})")
        if tag == "bloc":
            if kind not in {"Group", "Organization"} or not is_plural(head):
                return None
            return self._add(char_start, char_end, actor, "metonym", "members-for-bloc",
                             f"{noun!r} of {self._label(actor)} stand for it ({why})")
        if not is_plural(head) and head.lemma_.lower() not in {"media", "press", "public", "opposition", "people"}:
            return None
        label = f"{self._adjective(actor, head)} {noun}"
        group = self.r.group_actor(label)
        return self._add(char_start, char_end, group, self._how(group, label), "group",
                         f"a group of its own: {label} ({why})")

    def _adjective(self, actor: str, head: Token) -> str:
        """The first demonym of ``actor`` ("American" for "US companies"), else the words used."""
        for demonym, state in self.gaz.by_demonym.items():
            if state == actor:
                return demonym
        modifiers = [c for c in head.lefts if c.dep_ in {"amod", "compound", "nmod"}]
        return modifiers[-1].text if modifiers else self._label(actor)

    def _apposition(self, head: Token) -> None:
        """A person noun in apposition to a person's name, or a name in apposition to it."""
        nouns = lexicon("person_nouns.tsv")
        if head.pos_ != "NOUN" or not (head.lemma_.lower() in nouns or title_at(head)):
            return
        name = None
        if head.dep_ == "appos" and self.actor_at[head.head.i]:
            name = head.head
        else:
            name = next((c for c in head.children if c.dep_ == "appos" and c.ent_type_ == "PERSON"), None)
        if name is None:
            return
        actor = self.actor_at[name.i]
        if actor is None or self._kind(actor) != "Person":
            return
        if any(t.ent_type_ == "PERSON" and self.actor_at[t.i] not in (None, actor) for t in head.subtree):
            return
        start, end = np_bounds(head, with_of=False)
        char_start, char_end = self.doc[start].idx, self.doc[end - 1].idx + len(self.doc[end - 1])
        if (char_start, char_end) in self.spans or any(self.covered[i] and self.actor_at[i] == actor for i in range(start, end)):
            return
        self._add(char_start, char_end, actor, "title", "apposition",
                  f"in apposition to {self.doc[name.left_edge.i:name.i + 1].text!r}")

    # --- 4. anaphors ----------------------------------------------------------------------

    def _anaphors(self) -> None:
        doc = self.doc
        sent_of = [0] * len(doc)
        for n, sent in enumerate(doc.sents):
            for i in range(sent.start, sent.end):
                sent_of[i] = n
        quotes = QuoteIndex(self.document.text)
        ctx = AnaphoraContext(doc=doc, text=self.document.text, kinds={a: self._kind(a) for a in {m.actor for m in self.mentions if m.actor}},
                              gender=self.r.gender_of, skipped=self.skipped,
                              referents=self._referents(sent_of, quotes),
                              holds_office=self._holds_office, states_of=self._states_of)
        for link in Anaphora(ctx, sent_of, quotes, self.table).run():
            for actor in link.actors:
                self._add(link.start, link.end, actor, link.how, link.rule, link.evidence)

    def _holds_office(self, actor: str) -> bool:
        """True for a person the gazetteer knows in an office, or named with a title here."""
        return bool(self.r.actors[actor].offices) or any(person == actor for _, person, _ in self.titled)

    def _states_of(self, actor: str) -> tuple[str, ...]:
        """The states a person held an office of (the gazetteer's terms of office)."""
        return tuple(dict.fromkeys(t["of"] for t in self.r.actors[actor].offices
                                   if self.r.actors.get(t["of"]) and self.r.actors[t["of"]].kind == "Country"))

    def _referents(self, sent_of: list[int], quotes: QuoteIndex) -> list[Referent]:
        """Every noun phrase an anaphor may refer to: the mentions (grouped by span), the
        coordinations of actors ("Putin and Xi"), and the other nouns."""
        doc, referents = self.doc, []
        by_span: dict[tuple[int, int], list[Mention]] = {}
        for mention in self.mentions:
            by_span.setdefault(mention.span, []).append(mention)
        by_head: dict[int, Referent] = {}
        persons = lexicon("person_nouns.tsv")
        for (start, end), group in by_span.items():
            span = doc.char_span(start, end, alignment_mode="expand")
            if span is None:
                continue
            head = span.root
            actors = tuple(dict.fromkeys(m.actor for m in group if m.actor))
            kinds = {self._kind(a) for a in actors}
            kind = kinds.pop() if len(kinds) == 1 else None
            person = kind == "Person" or (not actors and (head.lemma_.lower() in persons or head.ent_type_ == "PERSON"))
            referent = Referent(head=head.i, start=start, end=end, text=self.document.text[start:end], actors=actors,
                                person=person, plural=len(actors) > 1 or is_plural(head) or kind == "Group",
                                gender=self.r.gender_of(actors[0]) if len(actors) == 1 and person else None,
                                kind=kind, role=role_of(head), sent=sent_of[head.i], main=is_main_subject(head),
                                quoted=quotes.inside(start))
            referents.append(referent)
            if head.i not in by_head or len(referent.text) > len(by_head[head.i].text):
                by_head[head.i] = referent
        for referent in list(by_head.values()):
            conjuncts = [by_head.get(c.i) for c in doc[referent.head].conjuncts if c.i > referent.head]
            if conjuncts and all(c is not None and len(c.actors) == 1 for c in conjuncts) and len(referent.actors) == 1:
                members = referent.actors + tuple(c.actors[0] for c in conjuncts)
                kinds = {self._kind(a) for a in members}
                last = conjuncts[-1]
                referents.append(Referent(head=referent.head, start=referent.start, end=last.end,
                                          text=self.document.text[referent.start:last.end],
                                          actors=tuple(dict.fromkeys(members)), person=kinds == {"Person"}, plural=True,
                                          kind=kinds.pop() if len(kinds) == 1 else None, role=referent.role,
                                          sent=referent.sent, main=referent.main, quoted=referent.quoted))
        table, ids, roles = self.table, self.ids, Roles(self.table)
        text = self.document.text
        for i in range(len(doc)):
            if table.pos[i] not in ids.nouns or self.covered[i] or table.dep[i] in ids.skip_deps:
                continue
            start = table.idx[i]
            role, main = roles.of(i)
            referents.append(Referent(head=i, start=start, end=start + table.length[i],
                                      text=text[start:start + table.length[i]],
                                      person=table.lemma[i] in ids.persons or table.lower[i] in ids.persons,
                                      plural=table.tag[i] in ids.plural_tags, role=role, sent=sent_of[i],
                                      main=main, quoted=quotes.inside(start)))
        return referents
