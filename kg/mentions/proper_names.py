"""Steps 1 and 2: names the parser tagged, then names it missed."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace

from spacy.tokens import Doc, Span, Token

from ..descriptors import (MODIFIERS, after_according_to, is_someone, place_role, preposition_role,
                           speaks_as_subject, title_at, title_words)
from ..lexicons import honorific_gender, lexicon, words
from ..names import (family_name, family_particles, family_with_particles, first_last_name, initials, is_acronym,
                     middles_agree, name_key, same_given_name, without_article, without_company_suffix)
from .base import (ENTITY_LABELS, KIND_OF_LABEL, MentionsBase, PLACE_LABELS, _name_order, _title_case,
                   after_a_position, hyphened, opens_with_honorific, strip_name)


def _plural_subject(span: Span) -> bool:
    """A name in the plural with a verb in the plural ("Blackburn Rovers have sacked"), not
    a family name that ends in "s" ("Diane Hendricks has said")."""
    root = span.root
    if span[-1].tag_ not in {"NNPS", "NNS"} or root.dep_ != "nsubj":
        return False
    verb = root.head
    return verb.tag_ == "VBP" or any(c.dep_ in {"aux", "auxpass"} and c.tag_ == "VBP" for c in verb.children)


def _after_the(span: Span) -> bool:
    """A name right after "the" that determines it ("the Sabres", "the Thunder"): a team, a
    band or a body, not a person (an adjective between, as in "the late Jo Park", is not this)."""
    before = span.doc[span.start - 1] if span.start else None
    return before is not None and before.lower_ == "the" and before.head.i in range(span.start, span.end)


MONTHS = frozenset("January February March April May June July August September October November December".split())


def _a_name_given(span: Span) -> bool:
    """Whether a name is what a verb of naming dubs someone or something ("dubbed Moscow
    Mick and Kremlin Clare by their opponents", ``naming`` in ``kg/data/cue_verbs.txt``); not
    "called", which gives a name its bearer goes by ("a firm called Acme").

    >>> from kg import nlp
    >>> doc = nlp.load()("Her allies, Mick Wallace and Clare Daly, dubbed Moscow Mick and Kremlin Clare by critics, left.")
    >>> _a_name_given(doc[10:12]), _a_name_given(doc[13:15]), _a_name_given(doc[3:5])
    (True, True, False)
    """
    head = span.root
    while head.dep_ == "conj" and head.head.i < head.i:
        head = head.head
    verb = head.head
    return head.dep_ in {"oprd", "dobj"} and verb.tag_ == "VBN" \
        and verb.lemma_.lower() in words("cue_verbs.txt", "naming") - {"call"}  # "a firm called Acme" is Acme


def _never_a_name(span: Span) -> bool:
    """An entity that names no one whatever the tagger says: a hashtag, adverbs alone
    ("Nationally, dealers sold ..."), honorifics alone ("Datuk Seri" before "Anwar
    Ibrahim"), a letter alone ("a post on X.", "Part I.") or an office right before a
    name ("Charlotte Mayor" before "Jennifer Roberts")."""
    return _hashtag(span) or all(t.pos_ == "ADV" for t in span) \
        or all(t.lower_.rstrip(".") in lexicon("honorifics.tsv") for t in span) \
        or sum(ch.isalnum() for ch in span.text) == 1 or _office_before_a_name(span)


def _office_before_a_name(span: Span) -> bool:
    """Whether the tagger took a place and the title after it for a name of its own, just
    before a person's name ("Charlotte Mayor Jennifer Roberts said").

    >>> from kg import nlp
    >>> doc = nlp.load()("Charlotte Mayor Jennifer Roberts said Friday that the video should be released.")
    >>> [(e.text, _office_before_a_name(e)) for e in doc.ents if e.label_ == "PERSON"]
    [('Charlotte Mayor', True), ('Jennifer Roberts', False)]
    """
    after = span.doc[span.end] if span.end < len(span.doc) else None
    office = title_at(span[-1]) is not None or span[-1].lower_ in lexicon("role_nouns.txt")
    return len(span) > 1 and office and after is not None and after.ent_iob_ == "B" and after.ent_type_ == "PERSON"


def _hashtag(span: Span) -> bool:
    """A name written as a hashtag ("teams across #Worcestershire"): a topic, no one named.

    >>> import spacy
    >>> doc = spacy.blank("en")("teams across #Worcestershire are working")
    >>> _hashtag(doc[3:4]), _hashtag(doc[1:2])
    (True, False)
    """
    before = span.doc[span.start - 1] if span.start else None
    return before is not None and before.text == "#" and not before.whitespace_


def _whose_role_after_the(span: Span) -> bool:
    """A one-word name between "the" and a word for a person it modifies ("the Springbok
    coach", "the Haas boss"): where the role is held; a given name never is ("the Jo
    coach" is no English).

    >>> from kg import nlp
    >>> doc = nlp.load()("The Springbok coach has come under fire.")
    >>> _whose_role_after_the(doc[1:2])
    True
    """
    doc = span.doc
    if len(span) != 1 or not span.start or span.end >= len(doc) or span[0].text in lexicon("given_names.tsv"):
        return False
    before, role = doc[span.start - 1], doc[span.end]
    return before.lower_ == "the" and before.head == role and role.lemma_.lower() in lexicon("person_nouns.tsv")


def _whose_person(span: Span) -> bool:
    """A one-word name that owns a person's full name ("Labour's Keir Starmer", "Acme's
    Jo Park"): the party, team or firm the person is of; a given name never is.

    >>> from kg import nlp
    >>> doc = nlp.load()("Labour's Keir Starmer protested.")
    >>> _whose_person(doc[0:1]), _whose_person(doc[2:4])
    (True, False)
    """
    root = span.root
    owned = root.head
    return (len(span) == 1 and root.dep_ == "poss" and span[0].text not in lexicon("given_names.tsv")
            and owned.pos_ == "PROPN" and owned.ent_type_ == "PERSON" and owned.i > root.i
            and any(c.dep_ == "compound" and c.pos_ == "PROPN" for c in owned.children))


def _an_age(modifier: Token) -> bool:
    """"17-year-old" before a name: an age, no title."""
    return modifier.dep_ == "amod" and any(t.like_num for t in modifier.subtree)


def _names_an_event(name: str) -> bool:
    """True for the name of a competition, ceremony or gathering, or of a law or treaty: it
    ends with one of ``kg/data/event_name_words.txt`` ("the Davis Cup", "the Music Awards",
    "the Clean Air Act").

    >>> _names_an_event("the Davis Cup Finals"), _names_an_event("the Clean Air Act"), _names_an_event("Davis Polymers")
    (True, True, False)
    >>> _names_an_event("the Tour de France"), _names_an_event("COP27"), _names_an_event("Copley")
    (True, True, False)
    """
    name = " ".join(without_article(name).lower().split())
    for word in lexicon("event_name_words.txt"):
        if word.endswith("..."):
            opening = word[:-3]
            if name.startswith(opening) and (opening.endswith(" ") or name[len(opening):len(opening) + 1].isdigit()):
                return True
        elif (" " + name).endswith(" " + word):
            return True
    return False


def _headline(line: Span) -> bool:
    """A headline in title case: four words or more, each capitalised but for function
    words ("Apple Unveils Cheaper iPhone As Sales Slow"), or three words or more with a
    function word capitalised inside the line ("What Does Stadia Offer?"); not "The Harlow
    Water Commission met on Monday", whose verb is in lower case."""
    function_words = lexicon("stopwords.txt")
    words = [t for t in line if t.is_alpha]
    content = [t for t in words if t.lower_ not in function_words]
    if any(t.is_lower for t in content):
        return False
    capitalised_function_word = any(t.lower_ in function_words and t.is_title for t in words[1:])
    return len(content) >= 4 or len(words) >= 3 and capitalised_function_word  # "What Does Stadia Offer?"


def _line_of(span: Span) -> Span:
    """The tokens of the line that holds ``span`` (a headline may parse as two sentences)."""
    text = span.doc.text
    start = text.rfind("\n", 0, span.start_char) + 1
    end = text.find("\n", span.end_char)
    return span.doc.char_span(start, len(text) if end < 0 else end, alignment_mode="expand") or span.sent


class ProperNames(MentionsBase):
    """Steps 1 and 2: names the parser tagged, then names it missed."""

    _lower_words: set[str] | None = None  # the document's lower-case nouns, when first needed
    _body_names: set[str] | None = None  # the keys of the names outside title-case lines, when first needed
    _stripped_ents: list[tuple[Span, Span]]  # each tagged entity with its name (strip_name), set by _entities
    _bodies: dict[str, Span]  # the document's names of bodies by key (set as names are linked)

    # --- 1. names -----------------------------------------------------------------------

    def _entities(self) -> None:
        self._stripped_ents = [(e, strip_name(e)) for e in self.doc.ents if e.label_ in ENTITY_LABELS]
        self.acronyms_of_no_actor.update(acronyms_of_common_nouns(self.doc))  # "national record (NR)"
        names = [(name, "PERSON" if after_a_position(e) or opens_with_honorific(e) else e.label_)
                 for e, name in self._stripped_ents
                 if not self.skipped(e.start_char, e.end_char) and any(ch.isupper() for ch in e.text)
                 and not _never_a_name(e)]
        names = [part for span, label in names for part in _person_of_a_body(span, label)]
        names = [_with_its_head_name(span, label) for span, label in names]
        names += [(span, "ORG") for span in _untagged_companies(self.doc)
                  if not self.skipped(span.start_char, span.end_char)]
        names += [(span, "PERSON") for span in _untagged_people(self.doc)
                  if not self.skipped(span.start_char, span.end_char)]
        names += [(span, "ORG") for span in _untagged_bodies(self.doc)
                  if not self.skipped(span.start_char, span.end_char)]
        names += [(span, "PERSON" if _given_name_first(span) or _described_as_a_person(span.root) else "ORG")
                  for span in _untagged_speakers(self.doc)
                  if not self.skipped(span.start_char, span.end_char)]
        whole = [_with_particles(_with_given_name_before(span)) if label == "PERSON" else span for span, label in names]
        longer = [w for w, (span, _) in zip(whole, names) if len(w) > len(span)]
        names = [(w, label) for w, (_, label) in zip(whole, names)  # not "Plas" inside "Caroline van der Plas"
                 if not any(g.start <= w.start and w.end <= g.end and len(g) > len(w) for g in longer)]
        ents = [self._named_after_a_place(_with_owner(span, label), label) for span, label in names]
        # only a name grown by its office holder can hold another ("Texas Governor's" inside
        # "Texas Governor's Office of ..."): entities do not overlap, and stripping only shrinks
        grown = [owned for (owned, _), (span, _) in zip(ents, names) if owned.start < span.start]
        ents = [(span, label) for span, label in ents
                if not any(o.start <= span.start and span.end <= o.end and len(o) > len(span) for o in grown)]
        works = ({name_key(span.text) for span, _ in ents if _introduced_as_work(span)} | _titles_of_works(self.doc)) \
            - _names_that_speak(self.doc)  # "the Netflix series ..., Netflix said": the maker
        characters = {name_key(span.text) for span, _ in ents if _introduced_as_character(span)}
        places = {span.root.i: span for span, label in ents if label == "GPE"}
        lesser = {name_key(span.text) for span in places.values()
                  if self._among_lesser_places(span, places)}  # "in Alaska, Georgia and Texas"
        self.linked_early: set[tuple[int, int]] = set()
        self._bodies = {name_key(without_article(span.text)): span for span, label in ents if label == "ORG"}
        in_events = self._events_tagged()
        for span, label in sorted(ents, key=lambda e: _name_order(e[0])):
            where = (span.start_char, span.end_char)
            if where in self.spans or where in self.linked_early or in_events.issuperset(range(span.start, span.end)):
                continue
            key = name_key(span.text)
            if key in lesser:
                self._unknown_place(span)  # "in Alaska, Georgia and Texas": the state, not the country
                continue
            unknown = self.registry.known(key) is None  # a work's or character's name some actor has is the actor's
            if unknown and (key in works or _in_a_quoted_title(span)):
                self._add(span.start_char, span.end_char, None, "name", "work",
                          f"{span.text!r} is the title of a work here (next to a word such as 'film', with a "
                          "sequel's number, or in quotation marks with the title's other words)")
            elif unknown and key in characters:
                self._add(span.start_char, span.end_char, None, "name", "character",
                          f"{span.text!r} is a character played here ('role as', 'character'), not someone")
            else:
                self._entity(span, label)

    def _events_tagged(self) -> set[int]:
        """The tokens of every use of an event's name that the parser tagged as one ("the US
        Open"), marked as no actor's (:meth:`_event`): "US" in a headline's "US Open 2023
        results" is no state."""
        for entity in self.doc.ents:
            if entity.label_ == "EVENT" and _names_an_event(entity.text):
                self._event(without_article(entity.text))
        return {i for m in self.mentions if m.rule == "event" for i in self._tokens(*m.span)}

    def _among_lesser_places(self, span: Span, places: dict[int, Span]) -> bool:
        """Whether a country's name is listed with two places or more, none of them a country
        ("cases in Alaska, Georgia, Rhode Island and Texas"): a place of the same name
        within a country (the US state), as it is throughout the document. ``places``: the
        names tagged as places, by the place of their head."""
        if not self._names_a_country(span):
            return False
        listed = [places.get(t.i) for t in span.root.conjuncts]
        return len(listed) >= 2 and all(s is not None and not self._names_a_country(s) for s in listed)

    def _names_a_country(self, span: Span) -> bool:
        actor = self.registry.known(name_key(without_article(span.text)))
        return actor is not None and self._kind(actor) == "Country"

    def _named_after_a_place(self, span: Span, label: str) -> tuple[Span, str]:
        """A body whose name ends with a place the parser tagged alone: a proper noun just
        before a known place, inside a sentence that is not a title-case line, with no
        name going on after it, makes one name of the two ("Reform UK said", "leaders of
        Sport England"); not a title's words ("Former Alaska Gov.", "Assistant U.S.
        Attorney") nor a sentence's first word ("New Iran deal")."""
        doc = span.doc
        before = doc[span.start - 1] if span.start > span.sent.start + 1 else None
        after = doc[span.end] if span.end < len(doc) else None
        if label != "GPE" or before is None or before.pos_ != "PROPN" or not before.is_title or before.ent_type_ \
                or after is not None and after.pos_ == "PROPN" or before.lower_ in lexicon("title_modifiers.tsv") \
                or title_at(before) is not None or self.registry.known(name_key(span.text)) is None \
                or _title_case(span.sent):
            return span, label
        return doc[before.i:span.end], "ORG"

    def _entity(self, span: Span, label: str) -> None:
        owner = next((i for i in range(span.end - 2, span.start, -1) if self.doc[i].tag_ == "POS"), None)
        if owner is not None and name_key(self.doc[owner + 1:span.end].text) in self.families:
            span, label = self.doc[owner + 1:span.end], "PERSON"  # "NPR's Feng" after "Emily Feng"
        elif owner is not None and self._person_owner(self.doc[span.start:owner]):
            self._entity(self.doc[span.start:owner], "PERSON")  # "Jeff Bezos's Blue Origin": two names
            span, label = self.doc[owner + 1:span.end], "ORG"
            if (span.start_char, span.end_char) in self.spans:
                return
        text, key = span.text, name_key(span.text)
        if key in lexicon("not_actors.txt"):
            return  # "PDF", "MB", "GDP": tagged as names, never actors
        if len(span) == 1 and span.start > 0 and self.doc[span.start - 1].lower_ in {"the", "a", "an"} \
                and self.gaz.one_of_a_people(text):
            return  # "the Spaniard": a description of a person (kg.anaphora), not a name
        if label in {"NORP", "ORG"} and len(span) > 1 and all(t.pos_ == "PROPN" or t.text == "-" for t in span) \
                and (_role_in_apposition(span) or key in self.families and self.registry.known(key) is None
                     or _described_by_who(span) and span[-1].text not in self.gaz.by_demonym):  # not "Asian Americans"
            label = "PERSON"  # "Frans Timmermans, the Commission's vice-president" or ", who leads ...";
            # "De Vries-Bakker" after "Marieke de Vries-Bakker": a person, whatever the tagger said
        of = span.start - 2 if span.start >= 3 and self.doc[span.start - 1].lower_ == "the" else span.start - 1
        if of >= 1 and self.doc[of].lower_ == "of":
            title = title_at(self.doc[of - 1])
            if title is not None and title.end >= span.end:
                return  # "State" in "Secretary of State", "Exchequer" in "Chancellor of the Exchequer": a title's
        if key in lexicon("portfolios.txt") and span.end < len(self.doc) and self.registry.known(key) is None \
                and self.doc[span.end].lower_ in lexicon("role_nouns.txt"):
            return  # "Energy" in "Energy Secretary Rick Perry" is part of a title
        if "-" in span.text and all(part in self.gaz.by_demonym for part in span.text.split("-")):
            return  # "a Cuban-Guatemalan actor", "Iranian-American": one's peoples, no actor's name
        if _a_name_given(span):
            return  # "Mick Wallace, dubbed Moscow Mick": a nickname of someone named, no one of its own
        if label == "NORP" and span.text not in self.gaz.by_demonym and _speaks_for(span.root):
            label = "ORG"  # "a Tesla spokesperson": whom a spokesperson speaks for is a body, whatever the tagger said
        if label == "NORP" and key not in self.local and self.registry.known(key) is None:
            self._demonym(span)
            return
        state = self.gaz.by_metonym.get(key) or self.gaz.by_metonym.get(name_key("the " + text))
        if state and not (label == "PERSON" and key in self.families):
            self._metonym(span, state)
            return
        if label == "ORG" and self.registry.known(key) is None and self._group(span.root, span) is not None:
            return
        if len(span) > 1 and key not in self.local and self.registry.known(key) is None and _title_case(span.sent):
            headline = _headline(_line_of(span))
            whole_below = self._named_below(key)  # "Donna Kelce Calls ...", the body naming "Donna Kelce"
            prefix = self._known_prefix(span) or (self._prefix_named_below(span) if headline and not whole_below else None)
            if prefix is not None:  # "Russia Wants Technology": a headline the tagger misread
                self._entity(prefix, label)
                return
            if headline and not whole_below and span[0].text not in lexicon("given_names.tsv"):
                return  # "Sales Slow": headline words the body never names (not a person's name: "Jo Roe.")
        if _where_based(span) and self.registry.known(key) is None:
            self._add(span.start_char, span.end_char, None, "name", "place",
                      f"{span.text!r} says where someone or something is {span.doc[span.end + 1].lower_}")
            return
        if self._place_of_a_business(span):
            self._add(span.start_char, span.end_char, None, "name", "place",
                      f"{span.text!r} says where the {span.root.head.text} is, named nowhere else")
            return
        taken_for_a_body = label == "ORG" or label == "PERSON" and len(span) == 1
        if taken_for_a_body and key in self.places_here and key not in self.local:
            self._unknown_place(span)  # "Logar province" ... "in Sarkh, Logar": still the place
            return
        if label in {"ORG", "PERSON"} and key not in self.local and self.registry.known(key) is None \
                and self._only_a_place_here(key, label):
            self._unknown_place(span)  # "U.S. forces in al-Tanf", "the al-Tanf base": no person
            return
        linked = self._link_name(span, label)
        if linked is None:
            if _names_an_event(span.text):  # "the North American Free Trade Agreement (NAFTA)": no actor either,
                acronyms = {_acronym_after(span), initials(without_article(span.text))}  # nor "COP27", a place
                self.acronyms_of_no_actor.update(acronyms - {None, ""})                  # to the parser, that acts
                self._event(span.text)
            elif label == "GPE" and not self._common_word(span):  # "Psilocybin may ...", "psilocybin" elsewhere
                self._unknown_place(span)
            return
        self._add_name(span, *linked)

    def _event(self, name: str) -> None:
        """Every use of the name of an event, a law or a treaty in the document, as a mention
        of no actor, so that no word of it is taken for one (the "France" of "Tour de France"
        in a headline the parser did not tag)."""
        text = self.document.text
        for found in re.finditer(re.escape(name), text):
            start, end = found.span()
            if (start, end) not in self.spans and (end == len(text) or not text[end].isalnum()) \
                    and (start == 0 or not text[start - 1].isalnum()):
                self._add(start, end, None, "name", "event",
                          f"{name!r} names an event, a law or a treaty (kg/data/event_name_words.txt)")

    def _named_below(self, key: str) -> bool:
        """Whether a name with this key is an entity of the document outside its title-case lines."""
        if self._body_names is None:
            self._body_names = {name_key(strip_name(ent).text) for ent in self.doc.ents
                                if ent.label_ in ENTITY_LABELS and not _title_case(ent.sent)}
        return key in self._body_names

    def _prefix_named_below(self, span: Span) -> Span | None:
        """The longest first words of a headline's entity that the body names ("Apple" of
        "Apple Unveils Cheaper iPhone", when the story says "Apple")."""
        for end in range(span.end - 1, span.start, -1):
            if self._named_below(name_key(self.doc[span.start:end].text)):
                return self.doc[span.start:end]
        return None

    def _known_prefix(self, span: Span) -> Span | None:
        for end in range(span.end - 1, span.start, -1):
            if self.registry.known(name_key(self.doc[span.start:end].text)) is not None:
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
        self._remember_short_forms(span.text, actor, start)
        acronym = _acronym_after(span)
        if acronym and self._kind(actor) != "Person":  # "the Harlow Fire Marshal (HFM)"
            self.acronyms.setdefault(acronym, actor)
        self._add(start, end, actor, self._how(actor, span.text), rule, evidence)

    def _remember_short_forms(self, name: str, actor: str, start: int) -> None:
        """The forms a later mention may take: the acronym of "Federal Trade Commission",
        "Acme" for "Acme Inc." (a name of the actor from now on)."""
        if self._kind(actor) == "Person":
            return
        acronym = initials(name)
        for form in {acronym, acronym.replace("&", "")} - {""}:  # "PG&E" and "PGE"
            self.acronyms.setdefault(form, actor)
        if is_acronym(name):
            self.acronyms.setdefault(name, actor)
        short = without_company_suffix(without_article(name))
        if short and name_key(short) not in self.local and self.registry.known(name_key(short)) in (None, actor):
            self.local[name_key(short)] = actor
            self.registry.add_alias(actor, short)
        words = without_article(name).split()
        if len(words) > 1 and words[-1][:1].isupper():  # "the Commission", "United" later on
            self.bodies_by_head.setdefault(name_key(words[-1]), set()).add(actor)
        if len(words) > 1:  # "Corvane" after "Corvane Semiconductor" (not "Disney" after it and "Walt Disney Co.")
            for n, word in enumerate(words):
                bodies = self.bodies_by_word.setdefault(name_key(word), {})
                bodies[actor] = min(bodies.get(actor, (start, n == 0)), (start, n == 0))

    def _link_name(self, span: Span, label: str) -> tuple[str, str, str] | None:
        """(actor, rule, evidence) for a name; None for a place the gazetteer does not know."""
        text, key = span.text, name_key(span.text)
        single = len(text.split()) == 1
        if key in self.local:
            actor = self.local[key]
            if actor in self.new_names and self._kind(actor) == "Person" and self._a_body_here(span):
                # "Browns pass rusher X" ... "the Browns": a team after all; "the Khans": a family
                self.registry.make_body(actor, self._team_or_family(span))
            elif actor in self.new_names and self._kind(actor) == "Person" and (
                    _where_a_role_works(span) or _words_show_a_body(span)):
                self.registry.make_body(actor)  # "such as Ubisoft" ... "a vice president at Ubisoft": a body
            elif actor in self.new_names and self._kind(actor) == "Actor" and _heads_it(span):
                self.registry.make_body(actor)  # a place that acted, then "Codelco Chief Executive Jo Roe": a body
            elif actor in self.new_names and self._kind(actor) == "Organization" and len(span) > 1 \
                    and self._kind_in_text(span, "ORG") == "Person":
                self.registry.make_person(actor)  # "... - Jo Roe After Defeat" in a headline, then "captain Jo Roe"
                self._remember_person(span, actor)
            return actor, "same-name", f"the same name earlier in the document: {text!r}"
        if label == "PERSON" and key in self.families:
            return self._by_family(key, span)
        if single and (body := self._person_taken_for_a_body(span, key)) is not None:
            return body
        if single and text in MONTHS and not any(self._hints(span)):
            return None  # "May's strong numbers": a month, unless a title or the document's full name says whose
        known = self.registry.known(key)
        if single and known is None and text not in self.acronyms and len(self.person_initials.get(text, ())) == 1:
            [person] = self.person_initials[text]  # "SBF" after "Sam Bankman-Fried"
            return person, "initials", f"{text!r} are the initials of {self._label(person)!r}, named in the document"
        if label != "PERSON" or without_article(text) in self.acronyms:  # a body's acronym the tagger took for a
            found = self._by_acronym(text) or (self._by_head(span) if known is None else None)  # person's: "TEPCO"
            if found:
                return found
        if known and single and len(self._label(known).split()) > 1 and self._common_word(span):
            return None  # "the Moon" in an article that also says "moon": not Moon Jae-in
        found_known = known and (known, "known-name", f"{text!r} is a name of {self._label(known)!r} ({self.registry.name_source(key)})")
        if known and (not single or self.registry.name_source(key) == "the gazetteer"):
            return found_known
        if single and key in self.families:
            return self._by_family(key, span)
        if label == "PERSON" and not single:
            found = self._by_name_suffix(span) or self._by_first_and_last(span) or self._by_short_given_name(span)
            if found:
                return found
        if single and (label not in PLACE_LABELS or text in lexicon("given_names.tsv")) and len(self.given.get(key, ())) == 1:
            actor = next(iter(self.given[key]))
            return actor, "given-name", f"given name of {self._label(actor)!r}, the only person so named in the document"
        if single:
            found = self._by_corpus_family(key, span, tagged_person=label == "PERSON")
            if found:
                return found
        if found_known:  # a single word named so in an earlier document
            return found_known
        if label in PLACE_LABELS or self._common_word(span) or _names_an_event(text) or _counted(span) \
                or without_article(text) in self.acronyms_of_no_actor \
                or text.lower().rstrip(".") in lexicon("title_abbreviations.tsv"):
            return None  # a place, a common noun, an event or a law (or its acronym), a count, a title alone
        short = without_company_suffix(without_article(text))
        actor = short and (self.local.get(name_key(short)) or self.registry.known(name_key(short)))
        if actor:  # "Sierra Nevada Corporation" after "Sierra Nevada"; "Amazon.com", Amazon's site
            return actor, "company-suffix", f"{text!r} is {self._label(actor)!r} with its legal form or web domain"
        actor = self._without_group_word(text)
        if actor:
            return actor, "company-suffix", f"{text!r} is {self._label(actor)!r} with a word for a company group"
        actor = self._by_first_word(span, key) if single and label in {"ORG", "PERSON"} else None
        if actor is not None:
            return actor, "name-first-word", (f"the first word of {self._label(actor)!r}, "
                                               "the one body of the document so named")
        expansion = _spelled_out_before(span) if is_acronym(without_article(text)) else None
        if expansion is not None:  # "The New York State Attorney General (NYAG)": named by what it stands for
            actor = self.registry.new_actor(expansion, "Organization")
            self.registry.add_alias(actor, without_article(text))
            self.new_names.add(actor)
            return actor, "acronym-expansion", f"{text!r} stands for {expansion!r}, spelled out before it"
        actor = self.registry.new_actor(without_article(text), self._kind_in_text(span, label))
        self.new_names.add(actor)
        return actor, "new-name", f"first mention of {text!r}"

    def _by_first_word(self, span: Span, key: str) -> str | None:
        """The one body named before ``span`` whose name begins with its word, when no other
        body's name holds the word ("Corvane's shares" after "Corvane Semiconductor"; not
        "Disney" in an article that names "Walt Disney Co." and "Disney Channel")."""
        bodies = self.bodies_by_word.get(key, {})
        if len(bodies) != 1:
            return None
        [(actor, (named_at, first))] = bodies.items()
        return actor if first and named_at < span.start_char else None

    def _place_of_a_business(self, span: Span) -> bool:
        """True for an unknown one-word name before the noun of a business, in a phrase with
        "the", that the document names nowhere else ("when the Burbank entertainment giant
        launched"; "the Leeds retailer"): the place of the business, not an actor."""
        root, key = span.root, name_key(span.text)
        head = root.head
        if len(span) != 1 or root.dep_ != "compound" or head.pos_ != "NOUN" or head.i == root.i:
            return False
        if "business" not in lexicon("anaphors.tsv").get(head.lemma_.lower(), ()):
            return False
        if not any(c.lower_ == "the" and c.i < root.i for c in head.lefts):
            return False
        if key in self.local or self.registry.known(key) is not None:
            return False
        return sum(t.text == root.text for t in self.doc) == 1

    def _only_a_place_here(self, key: str, label: str) -> bool:
        """Whether every mention of a one-word name the parser took for a person or body
        (``label``) is of a place that does not act (:func:`place_role`), and at least one
        plainly says where (:func:`_says_where`; for a body, only as the name of a site: "a
        stake in Acme" is no place), or one is listed with places (:func:`_listed_with_places`;
        then, as a place the gazetteer does not know, it acts only as a subject or owner). A
        name of more words, a given name or a name ever after a role ("Deja Stewart",
        "student Jo Roe") is a person's."""
        names = [(ent, name) for ent, name in self._stripped_ents if name_key(name.text) == key]
        given = lexicon("given_names.tsv")
        if not names or any(" " in name.text or name.start > ent.start or any(t.text in given for t in name)
                            for ent, name in names):
            return False  # "Deja Stewart", "student Jo Roe": a person's name
        listed = any(_listed_with_places(name.root) for _, name in names)  # then judged as an unknown place is
        return not any(place_role(name.root, strict=listed)[0] for _, name in names) \
            and (listed or any(_says_where(name.root, preposition=label == "PERSON") for _, name in names))

    def _person_owner(self, owner: Span) -> bool:
        """Whether the words before a possessive inside a name are a person's name of their
        own ("*Jeff Bezos*'s Blue Origin"; not "Children's Hospital", "King's College")."""
        if len(owner) < 2 or not all(t.pos_ == "PROPN" for t in owner):
            return False
        known = self.local.get(name_key(owner.text)) or self.registry.known(name_key(owner.text))
        return known is not None and self._kind(known) == "Person" or owner[0].text in lexicon("given_names.tsv")

    def _noun_after_comma(self, span: Span) -> Token | None:
        """"Kosmos, a group ...": the apposition right after a name, wherever the parse hung it."""
        doc, i = self.doc, span.end
        if i + 2 >= len(doc) or doc[i].text != "," or doc[i + 1].lower_ not in {"a", "an", "the"}:
            return None
        return next((t for t in doc[i + 2:i + 6] if t.dep_ == "appos" and t.pos_ == "NOUN"), None)

    def _word_for_it(self, span: Span) -> Token | None:
        """The common noun in apposition with a name: after it ("Kosmos, a group ..."), or a
        word for a body before it ("the energy regulator, Ofgem")."""
        root = span.root
        after = next((c for c in root.children if c.dep_ == "appos" and c.pos_ == "NOUN"), None) \
            or self._noun_after_comma(span)
        if after is not None or root.dep_ != "appos" or root.head.pos_ != "NOUN" or root.head.i > span.start:
            return after
        return root.head if _names_a_body(root.head) and not _of_a_role(root.head) else None

    def _a_body_here(self, span: Span) -> bool:
        """Whether this use of a name shows a body, not a person: a name right after "the",
        in the plural with a plural verb, led by a head named after it or after "of", or
        described by ", which"."""
        return _after_the(span) or _plural_subject(span) or _words_show_a_body(span)

    def _team_or_family(self, span: Span) -> str:
        """The kind of a body a name used after "the" stands for: a family of the document
        in the plural is a group ("the Hartleys" after "Jo Hartley"), any other name a body
        ("the Thunder")."""
        return "Group" if len(span) == 1 and name_key(span.text[:-1]) in self.families else "Organization"

    def _kind_in_text(self, span: Span, label: str) -> str:
        """The kind of a new name: the parser's, unless the text says otherwise — a name the
        parser took for an organisation after a role or honorific, or in apposition after a
        word for a person, is a person ("executive chair Jo Park", "Mrs. Park", "his wife,
        Kimberly,"); one led by a head named after it ("Instagram head Adam Mosseri"),
        ending in a word of company names, called a company or group, or the subject of a
        verb in the plural, is an organisation ("Dick Clark
        Productions", ``kg/data/organisation_name_words.txt``; "Kosmos, a group co-founded
        by ..."; "the energy regulator, Ofgem,"; "residents' group Quiet Skies"; "Blackburn
        Rovers have sacked")."""
        kind = KIND_OF_LABEL[label]
        if kind == "Person" and len(span) > 1 and (_ends_as_a_body(span) or _plural_subject(span)):
            return "Organization"  # "Dick Clark Productions", "Raytheon Co"; "Blackburn Rovers have sacked": no one person
        if kind == "Person" and _words_show_a_body(span):
            return "Organization"  # "Instagram head Adam Mosseri", "the president of SpaceX", "SpaceX, which ..."
        if kind == "Person" and _after_the(span):  # "a win over the Sabres": a person's name takes no article
            return self._team_or_family(span)
        if kind == "Person" and (_whose_role_after_the(span) or _whose_person(span)):
            return "Organization"  # "the Springbok coach", "Labour's Keir Starmer": the body the person is of
        if kind == "Person" and _where_a_role_works(span):
            return "Organization"  # "head of equities at Bloxham Stockbrokers", "a specialist with Memorial Hermann"
        called = self._word_for_it(span)
        if kind == "Person" and called is not None and called.lemma_.lower() in lexicon("speaker_nouns.txt") \
                and not _names_a_role(called) \
                and not _role_in_apposition(span) and not _member_of_a_named_body(span):
            return "Organization"  # "Kosmos, a group co-founded by ...", "the regulator, Ofgem" (a body, not a person)
        before = self.doc[span.start - 1] if span.start else None
        if kind == "Person" and before is not None and before.pos_ == "NOUN" and before.is_lower \
                and (_names_a_body(before) and not _a_role_in_a_named_body(before, span)
                     or before.lower_ == "parent" and before.i > 0 and self.doc[before.i - 1].pos_ == "PROPN"):
            return "Organization"  # "residents' group Quiet Skies", "the union Unite", "Google parent Alphabet"
        if kind == "Organization" and all(t.pos_ == "PROPN" for t in span) and not _ends_as_a_body(span) and (
                before is not None and before.lower_.rstrip(".") in lexicon("honorifics.tsv")
                or len(span) > 1 and before is not None and (before.lower_ in lexicon("person_nouns.tsv")
                                                             or title_at(before) is not None)
                or _named_after_a_person_noun(span) or _with_an_age(span)
                or _a_persons_full_name(span, initials=self.registry.known(name_key(span[0].text)) is None)):
            return "Person"  # "executive chair Jo Park", "Mr Tsipras", "his wife, Kimberly,", "Parata, 75,", "Antoine Dupont"
        return kind

    def _common_word(self, span: Span) -> bool:
        """True for a single capitalised word that the document also writes in lower case,
        as a noun ("Education", "Marijuana" at the head of a sentence or in a title; a noun in
        lower case that the parser read as a name is one too): a common noun, not a name
        ("Polls trump everything" does not make "Trump" one); so is a plural noun the tagger
        took for a person, or a verb it took for a name ("Supporters' groups", "Download the report",
        "Sharing the news on Twitter, she wrote")."""
        if len(span) != 1 or not span[0].is_title:
            return False
        word = span[0]
        if word.tag_ == "NNS" and word.ent_type_ == "PERSON" \
                or (word.dep_ == "ROOT" or word.pos_ == "VERB") and any(
                    c.dep_ == "dobj" and any(t.is_lower for t in c.subtree) for c in word.children):
            return True  # "Supporters' groups said", "Download the full report": no one person, a command
        if self._lower_words is None:
            self._lower_words = {t.text for t in self.doc if t.is_lower and t.is_alpha and t.pos_ in {"NOUN", "PROPN"}}
        return span[0].lower_ in self._lower_words

    def _without_group_word(self, text: str) -> str | None:
        """The body of the document named by a name of two words or more without its last
        word "Group", "Holdings", "Company" or "Companies" ("Knight Capital Group" after
        "Knight Capital"; not "Tabb Group" after "Larry Tabb")."""
        words = without_article(text).split()
        if len(words) < 3 or words[-1].lower() not in {"group", "holdings", "company", "companies"}:
            return None
        actor = self.local.get(name_key(" ".join(words[:-1])))
        return actor if actor is not None and self._kind(actor) == "Organization" else None

    def _by_acronym(self, text: str) -> tuple[str, str, str] | None:
        """"FTC" after "the Federal Trade Commission", or the other way round: one actor."""
        name = without_article(text)
        if is_acronym(name) and name in self.acronyms and self.registry.known(name_key(name)) in (None, self.acronyms[name]):
            actor = self.acronyms[name]
            return actor, "acronym", f"{name!r} is the acronym of {self._label(actor)!r}, named so in the document"
        acronym = next((a for a in (initials(name), initials(name).replace("&", "")) if a in self.acronyms), "")
        if not acronym or self.registry.known(name_key(name)) is not None:
            return None
        actor = self.acronyms[acronym]
        names = self.registry.actors[actor]
        if acronym not in (names.label, *names.aliases):
            return None  # initials of another long name: "New York" is not "the New Yorker"
        return actor, "acronym-expansion", f"{name!r} spells out {acronym!r}, named so in the document"

    def _by_head(self, span: Span) -> tuple[str, str, str] | None:
        """"the Commission" after "the European Commission", "the Times" after "The New York
        Times": the one body of the document whose name ends in that word (none when two
        do), after "the" ("Party Chairman Reince Priebus" or "Braun" after "Scooter Braun" are
        no short forms of a body)."""
        word = without_article(span.text)
        the = word != span.text or span.start > 0 and span.doc[span.start - 1].lower_ == "the"
        if len(word.split()) > 1:
            return self._by_name_end(span, word) if the else None
        bodies = self.bodies_by_head.get(name_key(word), set())
        if len(bodies) != 1 or not the:
            return None
        [actor] = bodies
        return actor, "name-head", f"the last word of {self._label(actor)!r}, the one body of the document so named"

    def _by_name_end(self, span: Span, name: str) -> tuple[str, str, str] | None:
        """"the Intelligence Committee" after "the House Intelligence Committee": the one
        longer name of a body in the document that ends in these words, named before them
        (linked first, as names are linked shortest first)."""
        ending = " " + name_key(name)
        longer = [(key, body) for key, body in self._bodies.items() if key.endswith(ending) and body.text[:1].isupper()]
        if len(longer) != 1 or longer[0][1].start > span.start:
            return None
        [(key, body)] = longer
        if key not in self.local:
            self._entity(body, "ORG")
            self.linked_early.add((body.start_char, body.end_char))
        actor = self.local.get(key)
        if actor is None or self._kind(actor) == "Person":
            return None
        return actor, "name-end", f"the last words of {self._label(actor)!r}, the one body of the document so named"

    def _by_first_and_last(self, span: Span) -> tuple[str, str, str] | None:
        """"Richard M. Nixon" and "Richard Nixon": the one known person with the same given and
        family name whose middle names do not differ (initials match the names they abbreviate)."""
        first_last, middle = first_last_name(span.text)
        if first_last is None:
            return None
        found = [a for a, other in self.registry.first_last_candidates(first_last) if middles_agree(middle, other)]
        found = list(dict.fromkeys(found))
        if len(found) != 1:
            return None
        actor = found[0]
        return actor, "same-first-and-last-name", (f"{span.text!r} has the given and family name of "
                                                   f"{self._label(actor)!r}, and no known other person has")

    def _by_short_given_name(self, span: Span) -> tuple[str, str, str] | None:
        """"Josh Apte" after "Joshua Apte": the one person of the document with that family
        name whose given name this one shortens, or the other way round
        (``kg/data/given_name_forms.tsv``)."""
        first_last, _ = first_last_name(span.text)
        if first_last is None:
            return None
        given, family = first_last
        found = {actor for actor in self.families.get(family, ()) if self._kind(actor) == "Person"
                 and (other := first_last_name(self._label(actor))[0]) and same_given_name(given, other[0])}
        if len(found) != 1:
            return None
        [actor] = found
        return actor, "short-given-name", f"{span.text!r}: a short or full form of {self._label(actor)!r}'s given name"

    def _by_name_suffix(self, span: Span) -> tuple[str, str, str] | None:
        """"Miss Universe Alicia Machado", "Crooked Hillary Clinton": a known person's full
        name after words the tagger took into the name (not a given name: "Ivanka Trump"
        is not Donald Trump)."""
        for start in range(span.start + 1, span.end - 1):
            key = name_key(self.doc[start:span.end].text)
            actor = self.local.get(key) or self.registry.known(key)
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
        known = self.registry.known(key)
        if known in people:
            return known, "surname-known-name", (f"family name shared by {self._names(people)}; alone, "
                                                 f"{span.text!r} is a name of {self._label(known)!r} (gazetteer)")
        holder = self._family_name_holder(key, people)
        if holder is not None:
            return holder, "surname-first-used", (
                f"family name shared by {self._names(people)}; alone, it stood for {self._label(holder)!r}, "
                "the only one named before its first use")
        return None, "surname-ambiguous", (f"family name shared by {self._names(people)} in this document, "
                                           f"and nothing tells which one is meant")

    def _family_names_before_full_names(self) -> None:
        """"Roe Scores Twice in Win" (a headline), then "Jo Roe" in the body: a family name
        alone that the document named before the only person it names in full with that
        family name stands for that person, not for a person of its own."""
        for actor in sorted(self.new_names):
            label = self._label(actor)
            if self._kind(actor) != "Person" or len(label.split()) != 1:
                continue
            people = [p for p in self.families.get(name_key(label), ()) if p != actor
                      and self._kind(p) == "Person" and len(self._label(p).split()) > 1]
            if len(people) != 1:
                continue
            [person] = people
            evidence = f"family name of {self._label(person)!r}, named in full later in the document"
            for n, mention in enumerate(self.mentions):
                if mention.actor == actor:
                    self.mentions[n] = replace(mention, actor=person, rule="surname", evidence=evidence)
            self.actor_at = [person if linked == actor else linked for linked in self.actor_at]
            self._forget(actor)

    def _family_name_holder(self, key: str, people: Counter) -> str | None:
        """The person a family name alone stands for throughout the document: the one named
        before its first use alone, when no other person of that name was named by then
        ("Sen. Jo Park ... Park said ... his wife, Mia Park ... Park said": Jo Park; writers
        give those they name later their given names)."""
        named = [(m.span, m.actor) for m in self.mentions if m.actor in people]
        alone = next((t.idx for t in self.doc if name_key(t.text) == key
                      and not any(start <= t.idx < end for (start, end), _ in named)), None)
        before = {actor for (start, _), actor in named if alone is not None and start < alone}
        return next(iter(before)) if len(before) == 1 else None

    def _person_taken_for_a_body(self, span: Span, key: str) -> tuple[str, str, str] | None:
        """"Mr Juppé" after "under Alain Juppé", which the parser took for an organisation:
        the one name of the document that a body got and that ends in this family name, now
        a person's (an honorific before the family name tells)."""
        before = span.doc[span.start - 1] if span.start else None
        if before is None or before.lower_.rstrip(".") not in lexicon("honorifics.tsv"):
            return None
        bodies = [a for a in self.new_names if self._kind(a) == "Organization"
                  and len(words := self._label(a).split()) == 2 and name_key(words[-1]) == key
                  and all(w[:1].isupper() for w in words)]
        if len(bodies) != 1:
            return None
        [actor] = bodies
        self.registry.make_person(actor)
        self.families.setdefault(key, Counter())[actor] += 1
        return actor, "surname", (f"family name of {self._label(actor)!r}, named in the same document "
                                  f"(a person, by {before.text!r})")

    def _names(self, people) -> str:
        return " and ".join(repr(self._label(a)) for a in sorted(people))

    def _by_corpus_family(self, key: str, span: Span, tagged_person: bool = True) -> tuple[str, str, str] | None:
        """A family name alone, for a person named in no other way in the document: the one
        person of the gazetteer with that family name in office on the article's date, else
        (for a name the tagger calls a person) the one person with it named in the corpus.
        Not for a word the document also uses as a noun ("the Moon" beside "a moon landing")."""
        if self._common_word(span):
            return None
        if self.date is not None:
            serving = {t.holder for p in self.registry.gazetteer_families.get(key, set())
                       for t in self.gaz.offices_of(p) if t.covers(self.date)}
            if len(serving) == 1:
                actor = next(iter(serving))
                return actor, "surname-office-holder", (f"the only person with family name {span.text!r} in the "
                                                        f"gazetteer holding an office on {self.date}: {self._label(actor)!r}")
        if not tagged_person:
            return None
        known = self.registry.surname_candidates(key)
        if any(self._hints(span)):
            hinted = self._filter_by_hints(sorted(known | self.registry.gazetteer_families.get(key, set())), span)
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
            if gender and self.registry.gender_of(person) not in (None, gender):
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
            if child.i < span.start and child.dep_ in MODIFIERS and child.tag_ != "PRP$" and not _an_age(child):
                start = min(start, child.left_edge.i)
        for token in self.doc[start:span.start]:  # "Putin's defense minister X": Putin is someone else
            if token.ent_type_ == "PERSON" and (token.dep_ == "poss" or token.head.i not in range(start, span.start)):
                start = max(start, token.right_edge.i + 1)
        auxiliaries = [t.i for t in self.doc[start:span.start] if t.pos_ == "AUX" or t.tag_ in {"VBD", "VBZ", "VBP"}]
        if auxiliaries:  # "Harlow have sacked manager X" misparsed: a title holds no verb
            start = auxiliaries[-1] + 1
            while start < span.start and self.doc[start].pos_ == "VERB":
                start += 1
        while start < span.start and (self.doc[start].tag_ in {"PRP$", "DT", "WP$", "POS"} or self.doc[start].is_punct
                                      or _no_title_word(self.doc[start])):
            start += 1  # "the struggling Devan Dubnyk", "madame-procurer Ghislaine Maxwell": words of no title
        end = span.end
        for child in root.rights:
            if child.dep_ == "prep" and child.lower_ == "of" and child.i == end:
                objects = [c for c in child.children if c.dep_ == "pobj" and c.ent_type_ == "GPE"]
                if objects and objects[0].right_edge.i == objects[0].i:
                    end = objects[0].i + 1
        return self.doc[start].idx, self.doc[end - 1].idx + len(self.doc[end - 1])

    def _remember_person(self, span: Span, actor: str) -> None:
        """Family name, gender, initials and titles that a later mention may use."""
        self.named[actor] += 1
        words = span.text.split()
        label = self._label(actor)
        letters = initials(label)
        if len(letters) >= 3 and label.split()[-1].lower() not in lexicon("thing_name_words.txt"):  # "SBF" for
            # Sam Bankman-Fried; not "JWST" for "James Webb Space Telescope", which the tagger took for a person
            self.person_initials.setdefault(letters, set()).add(actor)
        relative = _named_as_a_relative(span)  # "Roe and his son, Jo Roe": "Roe" alone is not Jo
        if relative:
            self.registry.not_by_family_name(actor)
        if len(words) > 1 and not relative:
            families = {self.gaz.family_name.get(actor), family_name(span.text), family_name(self._label(actor)),
                        family_with_particles(span.text)}
            for family in families - {None}:
                self.families.setdefault(name_key(family), Counter())[actor] += 1
            if words[0] not in families and words[0][:1].isupper() and words[0].isalpha():
                self.given.setdefault(name_key(words[0]), Counter())[actor] += 1
        gender = self._hints(span)[1]
        if gender and self.registry.gender_of(actor) is None:
            self.registry.set_gender(actor, gender)
        if self.registry.gender_of(actor) is None and len(words) > 1 and words[0] not in lexicon("family_name_first.txt"):
            given = lexicon("given_names.tsv")
            titled = len(words) == 2 and any(words[0].lower().rstrip(".") in lexicon(titles)
                                             for titles in ("titles.tsv", "honorifics.tsv", "noble_titles.txt"))
            tags = given.get(words[0]) or (given.get(words[1]) if titled else None)  # "Pope Francis": a title first
            given_gender = honorific_gender(tags or ())  # none for a name given to both ("either")
            if given_gender:
                self.registry.set_gender(actor, given_gender)
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
        """"the Ukrainians", "Russians" as a noun phrase of their own: the state; not one of
        them ("the Italian told reporters": a person, as a plural form shows)."""
        state = self.gaz.by_demonym.get(span.text)
        root = span.root
        if state is None or root.dep_ in {"amod", "compound", "nmod", "poss"} or root.pos_ not in {"NOUN", "PROPN", "ADJ"}:
            return
        determiner = self.doc[span.start - 1].lower_ if span.start > 0 else ""
        if span.text + "s" in self.gaz.by_demonym and determiner in {"the", "a", "an"}:
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
        demonyms = self.gaz.by_demonym
        for token in self.doc:
            state = demonyms.get(token.text)
            if state is None or token.dep_ not in {"amod", "compound", "nmod"}:
                continue
            head = token.head
            if head.pos_ != "NOUN" or _names_a_role(head) \
                    or self.covered[token.i] or self.covered[head.i] or self.skipped(token.idx, token.idx + 1) \
                    or _names_an_event(self.doc[head.left_edge.i:head.i + 1].text):  # "the Russian GP"
                continue
            if token.i >= 2 and self.doc[token.i - 1].text == "-" and not self.doc[token.i - 2].whitespace_:
                continue  # "anti-Western"
            self._add(token.idx, token.idx + len(token), state, "metonym", "demonym-modifier",
                      f"{token.text!r} in {token.text} {head.text!r}: of {self._label(state)}")

    def _metonym(self, span: Span, state: str) -> None:
        acts, why = place_role(span.root)
        what = self.registry.place_kind.get(name_key(span.text)) or self.registry.place_kind.get(name_key("the " + span.text), "seat")
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
            actor = self.registry.new_actor(span.text, "Actor")
            self.new_names.add(actor)
            self.local.setdefault(name_key(span.text), actor)
            self._add(span.start_char, span.end_char, actor, "name", "new-name",
                      f"first mention of {span.text!r}, a place that acts here: {why}")
        else:
            self.places_here.add(name_key(span.text))
            self._add(span.start_char, span.end_char, None, "name", "place", f"{span.text!r} is a place here ({why})")

    # --- 2. names the parser missed -------------------------------------------------------

    def _missed_names(self) -> None:
        """Known names, metonyms and this document's family names in untagged text; and the
        full name of a person named before in what the parser took for a title ("Teresa
        Nielsen Hayden explained" tagged as a work of art), and a family name it took for
        something else, a product or a date ("Chandor attributed", "Tarrow said")."""
        text, table = self.document.text, self.table
        for i in range(len(self.doc)):
            if self.covered[i] or table.ent_type[i] in self.ids.actor_labels:
                continue
            in_work = table.ent_type[i] == self.ids.work
            no_actor = table.ent_type[i] and not in_work  # a product, a date ...
            start = table.idx[i]
            if not text[start].isupper():
                continue
            word = text[start:start + table.length[i]]
            if no_actor and not (name_key(word) in self.families and self._tagged_alone(i)
                                 and not self._common_word(self.doc[i:i + 1])):
                continue  # only a family name of the document taken for a product or a date ("Chandor attributed")
            a_name = table.pos[i] == self.ids.propn or no_actor  # the tagger reads a word it took for a date as a noun
            candidates = self.registry.names_starting(word)
            key = name_key(word)
            if in_work:  # only a person the document has named
                named = set(self.local.values())
                candidates = [(name, target) for name, target in candidates if " " in name and target in named
                              and self._kind(target) == "Person"]
                key = None  # a family name alone in a title is no one's
            if not candidates and key not in self.families or self.skipped(start, start + len(word)):
                continue
            if key in self.families and a_name:
                # "Sanders" after "Bernie Sanders": the family name, before other documents' names and
                # before a known person the document never names ("Schröder" after "Dennis Schröder")
                gazetteer = candidates and self.registry.name_source(name_key(candidates[-1][0])) == "the gazetteer"
                candidates = [(name, target) for name, target in candidates if gazetteer and name != word]
            for name, target in candidates:
                end = start + len(name)
                if text.startswith(name, start) and (end == len(text) or not text[end].isalnum()):
                    span = self.doc.char_span(start, end)
                    if span is not None and not any(self.covered[j] or table.ent_type[j] not in (0, self.ids.work)
                                                    for j in range(span.start, span.end)):
                        self._missed(span, target)
                        break
            else:
                if key in self.families and a_name:
                    span = self.doc[i:i + 1]
                    actor, rule, evidence = self._by_family(key, span)
                    if actor is not None:
                        self.named[actor] += 1
                    self._add(start, start + len(word), actor, "alias", rule,
                              evidence + " (not tagged as a name by the parser)")

    def _tagged_alone(self, i: int) -> bool:
        """Whether token ``i`` is all of the entity the parser tagged there."""
        return self.doc[i].ent_iob_ == "B" and (i + 1 == len(self.doc) or self.doc[i + 1].ent_iob_ != "I")

    def _missed(self, span: Span, target: str) -> None:
        if target.startswith("metonym:"):
            self._metonym(span, target.removeprefix("metonym:"))
            return
        actor = target
        evidence = f"{span.text!r} is a name of {self._label(actor)!r} (not tagged as a name by the parser)"
        if self._kind(actor) == "Person":
            self._remember_person(span, actor)
        self._add(span.start_char, span.end_char, actor, self._how(actor, span.text), "known-name", evidence)


def _heads_it(span: Span) -> bool:
    """Whether a name is the body that the head or executive named after it leads ("Instagram
    head Adam Mosseri", "Twitter CEO Jack Dorsey", "Chipotle's CEO"; tag "leads" in
    ``kg/data/person_nouns.tsv``); a given name never is.

    >>> from kg import nlp
    >>> doc = nlp.load()("Like Instagram head Adam Mosseri, he spoke out.")
    >>> _heads_it(doc[1:2])
    True
    """
    doc = span.doc
    if span.end + 1 >= len(doc) or _given_name_first(span):
        return False
    if doc[span.end].lower_ in {"'s", "’s"}:  # "Chipotle's CEO weighs in"; not "Obama's chief of staff"
        after = doc[span.end + 2] if span.end + 2 < len(doc) else None
        return _leads(doc[span.end + 1].lower_) and (after is None or after.lower_ != "of")
    return doc[span.end + 1].pos_ == "PROPN" and _leads(doc[span.end].lower_)  # the parse of "head" varies


def _leads(word: str) -> bool:
    """Whether a word for a person names one who leads a body ("head", "CEO", "president":
    tag "leads" in ``kg/data/person_nouns.tsv``)."""
    return "leads" in lexicon("person_nouns.tsv").get(word, ())


def _words_show_a_body(span: Span) -> bool:
    """Whether the words around a name show a body: a head named after it or "of" it, or
    ", which" after it ("Instagram head Adam Mosseri", "the president of SpaceX", "SpaceX,
    which bid ...")."""
    return _heads_it(span) or _led_by(span) or _described_by_which(span)


def _led_by(span: Span) -> bool:
    """Whether a name is the body that a head or executive "of" it leads ("president and
    chief operating officer of SpaceX"; tag "leads" in ``kg/data/person_nouns.tsv``).

    >>> from kg import nlp
    >>> doc = nlp.load()("Gwynne Shotwell, president of SpaceX, said it would fly.")
    >>> _led_by(doc[5:6]), _led_by(doc[0:2])
    (True, False)
    """
    root = span.root
    if root.dep_ != "pobj" or root.head.lower_ != "of" or root.head.head.pos_ != "NOUN" \
            or _given_name_first(span):
        return False
    return _leads(root.head.head.lemma_.lower())


def _described_by_which(span: Span) -> bool:
    """Whether a name is followed by ", which ..." said of it (a person is followed by ", who").

    >>> from kg import nlp
    >>> doc = nlp.load()("The lander is from SpaceX, which bid its Starship vehicle.")
    >>> _described_by_which(doc[4:5])
    True
    """
    doc, root = span.doc, span.root
    if span.end + 1 >= len(doc) or doc[span.end].text != "," or doc[span.end + 1].lower_ != "which" \
            or _given_name_first(span):
        return False  # "Gen. Michael Flynn, which ...": the relative is about something else
    return doc[span.end + 1].head.dep_ == "relcl" and doc[span.end + 1].head.head == root


def _person_of_a_body(span: Span, label: str) -> list[tuple[Span, str]]:
    """A name the tagger ran on from a person's name into the body the person is of
    ("Alexandra Olgin of South Carolina Public Radio"): the person and the body apart.

    >>> from kg import nlp
    >>> doc = nlp.load()("Alexandra Olgin of Carolina Public Radio reported it.")
    >>> [(part.text, label) for part, label in _person_of_a_body(doc[0:6], "ORG")]
    [('Alexandra Olgin', 'PERSON'), ('Carolina Public Radio', 'ORG')]
    """
    of = next((t.i for t in span if t.lower_ == "of"), None)
    if of is None or not 2 <= of - span.start <= 3 or span.end - of < 2:
        return [(span, label)]
    person, body = span.doc[span.start:of], span.doc[of + 1:span.end]
    if not _given_name_first(person) or not all(t.pos_ == "PROPN" for t in person):
        return [(span, label)]
    return [(person, "PERSON"), (body, "ORG" if label == "PERSON" else label)]


def _a_persons_full_name(span: Span, initials: bool = False) -> bool:
    """A given name (or, with ``initials``, its initials: "J.C. Chandor") and a family
    name, no word of a body's name and no article ("Antoine Dupont"; not "Jo Park
    Holdings" or "The Charlotte Observer"): a person's name, whatever the parser's label.

    >>> from kg import nlp
    >>> doc = nlp.load()("A pass from Antoine Dupont left France ahead.")
    >>> _a_persons_full_name(doc[3:5]), _a_persons_full_name(doc[6:7])
    (True, False)
    """
    def of_a_body(word: Token) -> bool:  # "Christopher Newport University", "Jo Park Holdings"
        return (is_someone(word) or word.lower_ in lexicon("organisation_name_words.txt")
                or word.lower_ in lexicon("company_suffixes.txt"))
    return (len(span) in (2, 3) and _given_name_first(span, initials) and all(t.pos_ == "PROPN" for t in span)
            and not any(map(of_a_body, span)) and not _after_the(span) and not _plural_subject(span))


def _ends_as_a_body(span: Span) -> bool:
    """Whether a name of more than one word ends in a word of company names or a company
    suffix ("Dick Clark Productions", "Hanwha Group", "Raytheon Co"): a body's, whatever
    word for a person comes before it ("Hanwha Q Cells parent Hanwha Group")."""
    last = span[-1].lower_
    return len(span) > 1 and (last in lexicon("organisation_name_words.txt") or last in lexicon("company_suffixes.txt"))


def _a_role_in_a_named_body(noun: Token, span: Span) -> bool:
    """Whether a word that may name a body is a role held in the body named before it, a
    person's full name after it ("Sabres *center* Casey Roe"; not "the charity Sue Ryder")."""
    named = noun.doc[noun.i - 1] if noun.i > 0 else None
    return named is not None and named.pos_ in {"PROPN", "NOUN"} and named.text[:1].isupper() \
        and _a_persons_full_name(span)


def _given_name_first(span: Span, initials: bool = False) -> bool:
    """Whether a name, without its titles, opens with a given name ("Lt. Gen. *Michael* Flynn")
    or, with ``initials``, the initials of given names ("*J.C.* Chandor").

    >>> from kg import nlp
    >>> doc = nlp.load()("J.C. Chandor and Michael Flynn met the Acme Board.")
    >>> _given_name_first(doc[0:2]), _given_name_first(doc[0:2], initials=True), _given_name_first(doc[3:5])
    (False, True, True)
    """
    name = strip_name(span)
    return len(name) > 0 and name[0].text in lexicon("given_names.tsv") \
        or initials and len(name) > 1 and bool(INITIALS.fullmatch(name[0].text))


INITIALS = re.compile(r"(?:[A-Z]\.){1,3}")  # "J.", "J.C.": a given name's initials


def _speaks_for(root: Token) -> bool:
    """Whether a name is whom a spokesperson, an office or an official speaks for ("a
    *Tesla* spokesperson", "*Acme*'s office"; ``kg/data/speaks_for.txt``).

    >>> from kg import nlp
    >>> doc = nlp.load()("A Tesla spokesperson said the cars were safe.")
    >>> _speaks_for(doc[1]), _speaks_for(doc[4])
    (True, False)
    """
    return root.dep_ in {"compound", "poss"} and root.head.lemma_.lower() in lexicon("speaks_for.txt")


def _no_title_word(token: Token) -> bool:
    """A lower-case word before a name that says nothing of a title or a role: an adjective
    ("the *struggling* Jo Roe") or a noun right before the name ("*celebrity* Jo Roe"); not
    "former", "minister", nor a noun of a role's words ("campaign manager", "casino magnate").

    >>> from kg import nlp
    >>> doc = nlp.load()("the struggling Jo Roe, celebrity Ed Ames and former campaign manager Al Lee")
    >>> [t.text for t in doc if _no_title_word(t)]
    ['struggling', 'celebrity']
    """
    lower = token.lower_
    words = (lexicon("title_modifiers.tsv"), lexicon("titles.tsv"), lexicon("person_nouns.tsv"),
             lexicon("role_nouns.txt"), lexicon("portfolios.txt"))
    before_the_name = token.i + 1 < len(token.doc) and token.doc[token.i + 1].is_title
    return token.is_lower and token.is_alpha and (token.pos_ in {"ADJ", "VERB"} or token.pos_ == "NOUN" and before_the_name) \
        and not any(lower in w or token.lemma_ in w for w in words)


def _role_in_apposition(span: Span) -> bool:
    """Whether a name stands in apposition with a person's role ("Frans Timmermans, the
    Commission's vice-president"; "its director general, Sigrid de Vries").

    >>> from kg import nlp
    >>> doc = nlp.load()("Its director general, Sigrid de Vries, told reporters the plan was late.")
    >>> _role_in_apposition(doc[4:7])
    True
    """
    root = span.root
    nouns = [c for c in root.children if c.dep_ == "appos"] + ([root.head] if root.dep_ == "appos" else [])
    roles = lexicon("person_nouns.tsv")
    return any(n.pos_ == "NOUN" and (n.lemma_.lower().split("-")[-1] in roles or title_at(n) is not None)
               and "vague" not in roles.get(n.lemma_.lower(), ()) for n in nouns)


def _of_a_role(noun: Token) -> bool:
    """Whether ``noun`` names what a person's role is of ("the leader of Wandsworth
    council, Simon Hogg": a name after it stands for the leader, not the council)."""
    return noun.dep_ == "pobj" and noun.head.lower_ == "of" and noun.head.head.lemma_.lower() in lexicon("person_nouns.tsv")


def _names_a_role(token: Token) -> bool:
    """A word for a person (``kg/data/person_nouns.tsv``) or a title ("specialist", "Gov.")."""
    return token.lemma_.lower() in lexicon("person_nouns.tsv") or title_at(token) is not None


def _where_a_role_works(span: Span) -> bool:
    """Whether a name says where someone holding a role works ("head of equities at
    Bloxham Stockbrokers", "a specialist with Memorial Hermann", "vice president for
    partnerships at Ubisoft"): a body, unless it begins with a given name (someone
    working with a person: "an aide with Jo Park").

    >>> from kg import nlp
    >>> doc = nlp.load()("Kevin Roe, head of equities at Bloxham Stockbrokers in Dublin, said so.")
    >>> _where_a_role_works(doc[8:10]), _where_a_role_works(doc[0:2])
    (True, False)
    """
    root = span.root
    if root.dep_ != "pobj" or root.head.lower_ not in {"at", "with"} or span[0].text in lexicon("given_names.tsv"):
        return False
    role = root.head.head
    for _ in range(3):  # "vice president for partnerships at Ubisoft": the role's own phrase between
        if role.pos_ == "NOUN" and _names_a_role(role):
            return True
        if role.dep_ != "pobj" or role.head.dep_ != "prep":
            return False
        role = role.head.head
    return False


def _with_an_age(span: Span) -> bool:
    """Whether an age follows a name between commas ("Parata, 75, has overseen ...")."""
    doc, end = span.doc, span.end
    return end + 2 < len(doc) and doc[end].text == "," and doc[end + 2].text == "," \
        and doc[end + 1].text.isdigit() and 0 < int(doc[end + 1].text) < 120


def _named_as_a_relative(span: Span) -> bool:
    """Whether a name is given as someone's relative ("his son, Jo Roe"; tag ``kin`` in
    ``kg/data/person_nouns.tsv``), in apposition either way."""
    root = span.root
    nouns = [root.head] if root.dep_ == "appos" else []
    nouns += [c for c in root.children if c.dep_ == "appos"]
    return any("kin" in lexicon("person_nouns.tsv").get(n.lemma_.lower(), ())
               and any(c.dep_ == "poss" for c in n.children) for n in nouns)


def _names_a_body(noun: Token) -> bool:
    """True for a word for a body of people ("regulator", "group", "union": tagged ``body``
    in ``kg/data/speaker_nouns.txt``)."""
    return "body" in lexicon("speaker_nouns.txt").get(noun.lemma_.lower(), ())


def _described_by_who(span: Span) -> bool:
    """Whether a name is followed by ", who ..." (a body is followed by ", which ...").

    >>> from kg import nlp
    >>> doc = nlp.load()("Frans Timmermans, who leads the alliance, disagreed.")
    >>> _described_by_who(doc[0:2])
    True
    """
    doc = span.doc
    return span.end + 1 < len(doc) and doc[span.end].text == "," and doc[span.end + 1].lower_ == "who"


def _with_given_name_before(span: Span) -> Span:
    """A family name alone with the given name the tagger left out right before it
    ("London mayor Sadiq Khan" with only "Khan" tagged): one person's name, not the family
    name of whoever else the corpus named so. Not a title ("Chief Justice Roberts"), a
    word opening the sentence ("Hosting Cook at ..."), nor before a given name ("Crooked
    Hillary").

    >>> from kg import nlp
    >>> doc = nlp.load()("London mayor Sadiq Khan has said it is too early.")
    >>> doc.ents = [Span(doc, 0, 1, "GPE"), Span(doc, 3, 4, "PERSON")]
    >>> _with_given_name_before(doc[3:4]).text
    'Sadiq Khan'
    """
    if len(span) != 1 or span.start == 0 or span.text in lexicon("given_names.tsv"):
        return span
    before = span.doc[span.start - 1]
    untagged = before.ent_iob_ == "O" or before.ent_iob_ == "B" and before.ent_type_ != "PERSON"
    if not (before.is_title and before.tag_ == "NNP" and untagged) or before.is_sent_start \
            or title_at(before) is not None or before.lower_ in title_words()[0] \
            or before.lower_.rstrip(".") in lexicon("honorifics.tsv") or before.lower_ in lexicon("person_nouns.tsv") \
            or before.lower_ in lexicon("speaker_nouns.txt"):  # "Chief Justice Roberts"
        return span
    return span.doc[span.start - 1:span.end]


def _with_particles(span: Span) -> Span:
    """A person's name with the particles, given name and family name the tagger cut off
    ("Caroline van" + "der Plas", "Marloes" + "van der Berg").

    >>> from kg import nlp
    >>> doc = nlp.load()("Caroline van der Plas, the party leader, said no.")
    >>> _with_particles(doc[0:2]).text
    'Caroline van der Plas'
    """
    doc, particles, start, end = span.doc, family_particles(), span.start, span.end
    if span[0].lower_ in particles and start > 0 and doc[start - 1].is_title and doc[start - 1].pos_ == "PROPN":
        start -= 1  # "Marloes" + "van der Berg"
    while end < len(doc) and doc[end].lower_ in particles:
        end += 1
    if end == span.end and span[-1].lower_ not in particles:
        return doc[start:end]
    last = end
    while last < len(doc) and doc[last].is_title and doc[last].pos_ == "PROPN":
        last += 1
    return doc[start:last] if last > end else doc[start:span.end]


def _member_of_a_named_body(span: Span) -> bool:
    """A name followed by "of" and another name ("Lucien Mathieu of Transport & Environment,
    a Brussels-based group"): what is said after it is said of the body.

    >>> from kg import nlp
    >>> doc = nlp.load()("said Lucien Mathieu of Transport & Environment, a Brussels-based group.")
    >>> _member_of_a_named_body(doc[1:3])
    True
    """
    return any(c.dep_ == "prep" and c.lower_ == "of" and any(g.dep_ == "pobj" and g.pos_ == "PROPN" for g in c.children)
               for c in span.root.children)


def _named_after_a_person_noun(span: Span) -> bool:
    """Whether a name stands in apposition after a word for a person, however vague ("his
    wife, Kimberly,"; not "the National Front, leader ...", a misparse the other way).

    >>> from kg import nlp
    >>> doc = nlp.load()("His wife, Kimberly, said it.")
    >>> _named_after_a_person_noun(doc[3:4])
    True
    """
    root = span.root
    return root.dep_ == "appos" and root.head.i < span.start and root.head.pos_ == "NOUN" \
        and root.head.lemma_.lower() in lexicon("person_nouns.tsv")


def _says_where(token: Token, preposition: bool = True) -> bool:
    """Whether a name (its head ``token``) plainly names a place: it names a site ("the
    al-Tanf base", "Rukban camp"; ``kg/data/place_words.tsv``) or, with ``preposition``,
    is the object of a preposition of where ("forces in al-Tanf"; not "at") or of to/from
    after a word of motion ("returning to Palmyra").

    >>> from kg import nlp
    >>> doc = nlp.load()("Forces at the Tanf base moved to Palmyra. Jo wrote to Ann.")
    >>> _says_where(doc[3]), _says_where(doc[7]), _says_where(doc[12])
    (True, True, False)
    """
    words = lexicon("place_words.tsv")
    if token.dep_ == "compound" and "site" in words.get(token.head.lemma_.lower(), ()):
        return True
    if not preposition or token.dep_ != "pobj":
        return False
    prep = token.head
    tags = lexicon("place_prepositions.tsv").get(prep.lower_, frozenset())
    return ("locative" in tags and prep.lower_ != "at" or "direction" in tags) \
        and not preposition_role(prep, words)[0]  # not "vp at Ubisoft", "a win over the Thunder"


def _listed_with_places(token: Token) -> bool:
    """Whether a name (its head ``token``) is listed with names the tagger took for places,
    and with no name of more words it took for a person or body ("warnings for Ayrshire,
    Arran, Skye and Lochaber": Skye and Lochaber are places too; not "Marvel Entertainment,
    Lucasfilm and BamTech").

    >>> from kg import nlp
    >>> doc = nlp.load()("Warnings are in place for Ayrshire and Arran, Skye and Lochaber.")
    >>> [t.text for t in doc if t.ent_type_ and _listed_with_places(t)]
    ['Ayrshire', 'Arran', 'Skye', 'Lochaber']
    """
    listed = token.conjuncts
    longer_name = lambda t: t.ent_type_ in ("PERSON", "ORG") and (
        t.ent_iob_ == "I" or t.i + 1 < len(t.doc) and t.doc[t.i + 1].ent_iob_ == "I")
    return any(c.ent_type_ in ("GPE", "LOC") for c in listed) and not any(longer_name(c) for c in listed)


def _where_based(span: Span) -> bool:
    """A name joined by a hyphen to "based", "born" or "headquartered": a place ("an
    Amritsar-based agent").

    >>> from kg import nlp
    >>> doc = nlp.load()("An Amritsar-based agent sent him to Mexico.")
    >>> _where_based(doc[1:2])
    True
    """
    joined = hyphened(span.doc, span.end)
    return joined is not None and joined.lower_ in {"based", "born", "headquartered"}


def _introduced_as_work(span: Span) -> bool:
    """A name right after a noun of works, "the" aside ("the film Oppenheimer", "hit series
    The Crown"; ``kg/data/work_nouns.txt``), in apposition with one ("Lucy in the Sky, his
    debut,"), naming the work right before it ("the Star Trek film series", "the Fargo TV
    series"), with a sequel's number (:func:`_numbered_title`) or after a year's possessive.

    >>> from kg import nlp
    >>> doc = nlp.load()("The hit series The Crown will end. Polls show Clinton ahead. The Fargo TV series ended.")
    >>> _introduced_as_work(doc[4:5]), _introduced_as_work(doc[10:11]), _introduced_as_work(doc[14:15])
    (True, False, True)
    """
    if _numbered_title(span) or _after_a_years_possessive(span):
        return True
    works = lexicon("work_nouns.txt")
    before = span.start - 1
    if before >= 0 and span.doc[before].lower_ == "the":
        before -= 1
    noun = span.doc[before] if before >= 0 else None
    if noun is not None and noun.pos_ == "NOUN" and noun.lower_ in works:
        return True
    root = span.root
    appositives = [c for c in root.children if c.dep_ == "appos"] + ([root.head] if root.dep_ == "appos" else [])
    if any(n.pos_ == "NOUN" and n.lower_ in works and not _of_someone(n) for n in appositives):
        return True  # "Lucy in the Sky, his debut, is ..."; not "the author of the book, Jo Roe"
    after = span.doc[span.end:span.end + 2]  # "Fargo series", "Fargo TV series"
    named = next((t for t in after if t.pos_ == "NOUN" and t.lower_ in works), None)
    word = span.root
    while word.dep_ in {"compound", "nmod"} and word.head.i < span.end + 2 and word.head != named:
        word = word.head  # "Fargo" of "TV" of "series"
    return named is not None and word.head == named and word.dep_ in {"compound", "nmod"}


YEAR = re.compile(r"(1[89]|20)\d\d")  # a year of works and events


def _titles_of_works(doc: Doc) -> set[str]:
    """The keys of names the document gives as titles of works where the parser took them
    for no one's name: right before a noun of works ("the rebooted Star Trek film series",
    "the fourth Trek film"; ``kg/data/work_nouns.txt``), or after a year's possessive
    ("2016's Star Trek Beyond"). A work is a work wherever the document names it.

    >>> from kg import nlp
    >>> doc = nlp.load()("The fourth Star Trek film is due. Lin directed 2016's Star Trek Beyond.")
    >>> sorted(_titles_of_works(doc))
    ['star trek', 'star trek beyond']
    """
    works, found = lexicon("work_nouns.txt"), set()
    for token in doc:
        if token.pos_ == "NOUN" and token.lower_ in works:
            title = _proper_run(doc, token.i - 1, -1)
            if title is not None and title[-1].head == token and title[-1].dep_ in {"compound", "nmod"} \
                    and not any(t.ent_type_ in {"PERSON", "ORG", "GPE", "NORP"} for t in title):
                found.add(name_key(title.text))  # not "the Netflix series": a body's name, the parser says
        elif _a_years_possessive(doc, token.i - 1):
            title = _proper_run(doc, token.i + 1, 1)
            if title is not None:
                found.add(name_key(title.text))
    return found


def _a_years_possessive(doc: Doc, i: int) -> bool:
    """Whether the tokens at ``i`` are a year and its "'s" ("2016's")."""
    return 0 <= i < len(doc) - 1 and YEAR.fullmatch(doc[i].text) is not None and doc[i + 1].lower_ in {"'s", "’s"}


def _after_a_years_possessive(span: Span) -> bool:
    """A name after a year's possessive, taken in or not ("2016's Star Trek Beyond"): a
    work's or an event's, never someone's."""
    return _a_years_possessive(span.doc, span.start - 2) or _a_years_possessive(span.doc, span.start)


def _names_that_speak(doc: Doc) -> set[str]:
    """The keys of the names that are the subject of a verb of saying somewhere in the
    document (:func:`~kg.descriptors.speaks_as_subject`): someone's, never a work's.

    >>> from kg import nlp
    >>> sorted(_names_that_speak(nlp.load()("The Acme Books series ends, Acme Books said.")))
    ['acme books']
    """
    speakers = [token for token in doc if token.pos_ == "PROPN" and speaks_as_subject(token)]
    return {name_key(doc[min([t.i for t in token.lefts if t.dep_ == "compound"] + [token.i]):token.i + 1].text)
            for token in speakers}


def _proper_run(doc: Doc, start: int, step: int) -> Span | None:
    """The capitalised proper nouns from ``start`` on, going ``step`` (1 or -1) at a time."""
    end = start
    while 0 <= end < len(doc) and doc[end].pos_ == "PROPN" and doc[end].text[:1].isupper():
        end += step
    if end == start:
        return None
    return doc[start:end] if step > 0 else doc[end + 1:start + 1]


def _of_someone(noun: Token) -> bool:
    """Whether a noun is what a word for someone is "of" ("the author of the *book*"): a
    name in apposition after it is more likely that someone's."""
    return noun.dep_ == "pobj" and noun.head.lower_ == "of" and is_someone(noun.head.head)


def _with_its_head_name(span: Span, label: str) -> tuple[Span, str]:
    """A body's or place's name the tagger cut before the capitalised word it names
    ("The *Hollywood* Reporter", tagged "Hollywood"): the whole name, a body's; not a
    title before a name ("Indiana Gov. Mike Pence").

    >>> from kg import nlp
    >>> doc = nlp.load()("It was first reported by The Hollywood Reporter.")
    >>> span, label = _with_its_head_name(doc.ents[-1], doc.ents[-1].label_)
    >>> span.text, label
    ('Hollywood Reporter', 'ORG')
    """
    doc, root = span.doc, span.root
    if label not in {"ORG", "GPE"} or span.end >= len(doc):
        return span, label
    head = doc[span.end]
    after = doc[span.end + 1] if span.end + 1 < len(doc) else None
    role = head.lower_.rstrip(".") in lexicon("role_nouns.txt") or head.lower_.rstrip(".") in lexicon("title_abbreviations.tsv")
    if root.dep_ != "compound" or root.head != head or head.tag_ != "NNP" or not head.is_title or head.ent_type_ \
            or role or after is not None and after.pos_ == "PROPN":  # "the Development Secretary", "US President Joe Biden"
        return span, label
    return doc[span.start:span.end + 1], "ORG"


def _introduced_as_character(span: Span) -> bool:
    """A name given as a role played ("his role as George Kirk", "the character Dracula").

    >>> from kg import nlp
    >>> doc = nlp.load()("He reprises his role as George Kirk. The character Dracula returns.")
    >>> _introduced_as_character(doc[5:7]), _introduced_as_character(doc[10:11])
    (True, True)
    """
    doc = span.doc
    before = [t.lower_ for t in doc[max(span.start - 2, 0):span.start]]
    return before[-2:] in (["role", "as"], ["roles", "as"]) or before[-1:] in (["character"], ["characters"])


def _numbered_title(span: Span) -> bool:
    """A name with a sequel's or a model's number right after it ("Destiny 2", "Red Dead
    Redemption 2"): a game, a film or a product, not a person or a body (not a score:
    "Jarry 6-4").

    >>> from kg import nlp
    >>> doc = nlp.load()("Destiny 2 runs at 1080p. Nadal beat Jarry 6-4.")
    >>> _numbered_title(doc[0:1]), _numbered_title(doc[9:10])
    (True, False)
    """
    doc = span.doc
    if span.end >= len(doc):
        return False
    number = doc[span.end]
    score = span.end + 1 < len(doc) and doc[span.end + 1].text in {"-", "–", "—", ":"}
    return number.is_digit and len(number) <= 2 and number.dep_ == "nummod" and number.head == span.root and not score


OPENING_MARKS, CLOSING_MARKS = {"“", '"', "``", "‘‘"}, {"”", '"', "''", "’’"}


def _in_a_quoted_title(span: Span, longest: int = 8) -> bool:
    """A name inside quotation marks that hold nothing but a title's words: a work
    ("the “Melvin and Howard” star"), unless a naming verb gives it to someone ("a group
    called “Patients First”").

    >>> from kg import nlp
    >>> doc = nlp.load()("The “Melvin and Howard” star said “Howard was right” at the time.")
    >>> _in_a_quoted_title(doc[2:5]), _in_a_quoted_title(doc[9:10])
    (True, False)
    """
    doc, sent = span.doc, span.sent
    opening = next((i for i in range(span.start - 1, max(sent.start, span.start - longest) - 1, -1)
                    if doc[i].text in OPENING_MARKS), None)
    closing = next((i for i in range(span.end, min(sent.end, span.end + longest))
                    if doc[i].text in CLOSING_MARKS), None)
    if opening is None or closing is None or closing - opening - 1 > longest:
        return False
    words = doc[opening + 1:closing]
    if any(t.text in OPENING_MARKS | CLOSING_MARKS for t in words):
        return False
    if opening > 0 and "naming" in lexicon("cue_verbs.txt").get(doc[opening - 1].lemma_.lower(), ()):
        return False
    small = lexicon("title_small_words.txt")
    return all(t.is_title or t.is_upper or t.like_num or t.is_punct or t.lower_ in small for t in words)


COUNTING_WORDS = {"first", "second", "third", "last", "latest", "newest", "next", "earliest"}
PLURAL_ACRONYM = re.compile(r"[A-Z]{2,}s")


def _counted(span: Span) -> bool:
    """A one-word name in the plural, counted ("two Boeings", "the first iPhones"), or an
    acronym in the plural ("GCSEs"): things made, not an actor.

    >>> from kg import nlp
    >>> doc = nlp.load()("After the first iPhones shipped, the airline bought two Boeings.")
    >>> _counted(doc[3:4]), _counted(doc[10:11])
    (True, True)
    """
    root = span.root
    if len(span) == 1 and PLURAL_ACRONYM.fullmatch(root.text):
        return True  # "GCSEs were introduced", "SUVs": an acronym in the plural names a kind of thing
    return len(span) == 1 and root.tag_ == "NNPS" and any(
        c.dep_ == "nummod" or c.lower_ in COUNTING_WORDS for c in root.lefts)


def _untagged_people(doc: Doc) -> list[Span]:
    """People the parser did not tag: two or three capitalised proper nouns right after an
    honorific that is not also a noun or a form of address ("Dr Lars Eide", not "Lord
    Mayor" or "Mr. President"), or after a word for a person ("team-mate Raheem Sterling"),
    or beginning with a given name and followed by a role in apposition ("Jeff Sanborn,
    president of ...").

    >>> from kg import nlp
    >>> doc = nlp.load()("Its director, Dr Lars Eide, said the trend was clear.")
    >>> [span.text for span in _untagged_people(doc)]
    ['Lars Eide']
    """
    honorifics, given, roles = lexicon("honorifics.tsv"), lexicon("given_names.tsv"), lexicon("person_nouns.tsv")
    found = []
    for token in doc[:-2]:
        if token.text in given and not token.ent_type_:
            end = _proper_nouns_after(doc, token.i)
            if end - token.i >= 2 and _role_after_comma(doc, end):
                found.append(doc[token.i:end])
        if token.is_lower and token.lemma_ in roles and "vague" not in roles[token.lemma_]:
            end = _proper_nouns_after(doc, token.i + 1)
            if end - token.i >= 3:  # "his team-mate Raheem Sterling shared": a given name and a family name
                found.append(doc[token.i + 1:end])
        tags = honorifics.get(token.lower_)
        if tags is None or tags & {"noun", "vocative"} or not token.text[:1].isupper():
            continue
        end = _proper_nouns_after(doc, token.i + 1)
        if end - token.i >= 3:  # a given name and a family name at least
            found.append(doc[token.i + 1:end])
    return found


def _proper_nouns_after(doc: Doc, start: int) -> int:
    """The end of up to three capitalised proper nouns from ``start`` that the parser did
    not tag."""
    end = start
    while end < len(doc) and end - start < 3 and doc[end].pos_ == "PROPN" and doc[end].is_title \
            and not doc[end].ent_type_:
        end += 1
    return end


def _role_after_comma(doc: Doc, end: int) -> bool:
    """Whether a comma and a person's role follow ("..., president of Chapter & Verse")."""
    if end >= len(doc) or doc[end].text != ",":
        return False
    return any(_names_a_role(t) for t in doc[end + 1:end + 4] if t.pos_ in {"NOUN", "PROPN"})


def _untagged_companies(doc: Doc) -> list[Span]:
    """Company names the parser did not tag (often right after a dateline): capitalised
    proper nouns that end in a company suffix (``kg/data/company_suffixes.txt``).

    >>> from kg import nlp
    >>> doc = nlp.load()("LONDON (Reuters) - Acme Inc. said it would close two plants.")
    >>> [span.text for span in _untagged_companies(doc)]
    ['Acme Inc.']
    """
    suffixes = lexicon("company_suffixes.txt")
    found = []
    for token in doc:
        if token.lower_ not in suffixes or not token.text[0].isupper() or token.ent_type_ or token.i == 0 \
                or token.i + 1 < len(doc) and doc[token.i + 1].text == "-":
            continue  # not "co-founder"
        start = token.i
        while start > 0 and doc[start - 1].pos_ == "PROPN" and doc[start - 1].is_title and not doc[start - 1].ent_type_:
            start -= 1
        if start < token.i:
            found.append(doc[start:token.i + 1])
    return found


def _untagged_bodies(doc: Doc) -> list[Span]:
    """Names of bodies the parser did not tag, right after a word for a body that
    introduces them ("Portuguese broadcaster RTP", "the regulator Ofgem").

    >>> from kg import nlp
    >>> doc = nlp.load()("Portuguese broadcaster RTP reported the minister left.")
    >>> [span.text for span in _untagged_bodies(doc)]
    ['RTP']
    """
    roles = {**lexicon("person_nouns.tsv"), **lexicon("honorifics.tsv"), **lexicon("title_abbreviations.tsv")}

    def name_word(token: Token) -> bool:  # not a title: "committee Chairman Rep. Roe"
        return token.pos_ == "PROPN" and token.text[:1].isupper() and not token.ent_type_ \
            and token.lower_.rstrip(".") not in roles and title_at(token) is None

    found = []
    for token in doc[1:]:
        before = doc[token.i - 1]
        if not name_word(token) or not before.is_lower or before.pos_ != "NOUN" or not _names_a_body(before):
            continue
        end = token.i + 1
        while end < len(doc) and name_word(doc[end]):
            end += 1
        if end == len(doc) or doc[end].pos_ != "PROPN":  # not part of a name the parser tagged after it
            found.append(doc[token.i:end])
    return found


def _untagged_speakers(doc: Doc) -> list[Span]:
    """Names the parser did not tag, or took for a title, that speak (:func:`_named_as_a_source`):
    proper nouns in capitals, not opening their sentence unless a word for a person
    describes them ("HP, as Gizmodo explained, ...", "Elilla, a trans woman, said",
    "according to The Wrap").

    >>> from kg import nlp
    >>> doc = nlp.load()("HP, as Gizmodo very recently explained, is a complex and rare condition.")
    >>> [span.text for span in _untagged_speakers(doc)]
    ['Gizmodo']
    """
    found = []
    family_names = {e[-1].text for e in doc.ents if e.label_ == "PERSON"}  # "Schröder said": found as a family name
    for token in doc:
        if not _named_as_a_source(token) or token.pos_ != "PROPN" \
                or token.ent_type_ not in ("", "WORK_OF_ART") \
                or token.is_sent_start and not _described_as_a_person(token) \
                or token.text in family_names or not token.text[:1].isupper():
            continue
        start = token.i
        while start > 0 and doc[start - 1].dep_ in {"compound", "nmod"} and doc[start - 1].pos_ == "PROPN" \
                and doc[start - 1].ent_type_ == token.ent_type_ and not doc[start - 1].is_sent_start:
            start -= 1
        if start > 1 and doc[start - 1].text == "The" and doc[start - 1].dep_ == "det" and doc[start - 2].is_lower:
            start -= 1  # "according to The Wrap": the article is part of the name, not a sentence's first word
        span = doc[start:token.i + 1]
        before = doc[start - 1]
        if before.ent_type_ and before.pos_ == "PROPN" or before.text[:1].isupper() and not before.is_punct:
            continue  # "Xi Jinping" with "Xi" tagged: part of a name the parser tagged
        if not any(t.lower_.rstrip(".") in lexicon("honorifics.tsv") or title_at(t) is not None for t in span):
            found.append(span)
    return found


def _named_as_a_source(token: Token) -> bool:
    """Whether ``token`` names who says something: the subject of a verb that reports
    words, the source after "according to", or the issuer of a statement or report after
    "from" or "by", or one listed with either ("reports from The Wrap and Deadline").

    >>> from kg import nlp
    >>> doc = nlp.load()("Prices rose, according to reports from Acme and Roe Data.")
    >>> [t.text for t in doc if _named_as_a_source(t)]
    ['reports', 'Acme', 'Data']
    """
    if speaks_as_subject(token):
        return True
    while token.dep_ == "conj" and token.head.i < token.i:
        token = token.head
    if after_according_to(token):
        return True
    preposition = token.head
    return token.dep_ == "pobj" and preposition.lower_ in {"from", "by"} \
        and preposition.head.lemma_.lower() in lexicon("cue_nouns.txt")


def _described_as_a_person(name: Token) -> bool:
    """Whether a word for a person stands in apposition to a name ("Elilla, a Brazilian
    trans woman, said")."""
    return any(c.dep_ == "appos" and c.lemma_.lower() in lexicon("person_nouns.tsv") for c in name.children)


def _with_owner(span: Span, label: str) -> Span:
    """An office's name with the office holder whose it is, when the parser left that out:
    "the California Governor's Office of Emergency Services", "the Mayor's Office of
    Housing" (``kg/data/office_name_words.txt``; the holder a role of ``role_nouns.txt``).

    >>> from kg import nlp
    >>> doc = nlp.load()("The Mayor's Office of Housing said rents rose.")
    >>> _with_owner(doc[3:6], "ORG").text
    "Mayor's Office of Housing"
    """
    doc, start = span.doc, span.start - 1
    if label != "ORG" or start < 1 or doc[start].tag_ != "POS" or span[0].lower_ not in lexicon("office_name_words.txt") \
            or doc[start - 1].lower_ not in lexicon("role_nouns.txt"):
        return span  # "Apple's Department of Design" is Apple's: a holder of office only
    while start > 0 and doc[start - 1].tag_ == "NNP" and doc[start - 1].is_title:
        start -= 1
    return doc[start:span.end] if start < span.start - 1 else span


def _acronym_after(span: Span) -> str | None:
    """The acronym in brackets right after a name ("the Fire Marshal (HFM)"), if any.

    >>> import spacy
    >>> _acronym_after(spacy.blank("en")("The Harlow Fire Marshal (HFM) said so.")[1:4])
    'HFM'
    """
    doc, i = span.doc, span.end - 1 if span[-1].text == "(" else span.end
    if i + 2 < len(doc) and doc[i].text == "(" and is_acronym(doc[i + 1].text) and doc[i + 2].text == ")":
        return doc[i + 1].text
    return None


def acronyms_of_common_nouns(doc) -> set[str]:
    """The acronyms a text spells out in lower-case words, before or after them: those of
    common nouns, no names ("multilateral development banks (MDBs)", "NR (national
    record)"), in the singular and as written.

    >>> import spacy
    >>> doc = spacy.blank("en")("Loans from multilateral development banks (MDBs) rose. "
    ...                         "She set an NR (national record) with the IMF (International Monetary Fund).")
    >>> sorted(acronyms_of_common_nouns(doc))
    ['MDB', 'MDBs', 'NR']
    """
    found = set()
    for i in range(1, len(doc) - 2):
        if doc[i].text != "(":
            continue
        if doc[i + 2].text == ")" and _spells(doc[i + 1].text, doc[max(0, i - 8):i], last=True):
            found.add(doc[i + 1].text)  # "multilateral development banks (MDBs)"
        close = next((j for j in range(i + 1, min(i + 9, len(doc))) if doc[j].text == ")"), None)
        if close is not None and _spells(doc[i - 1].text, doc[i + 1:close], last=False):
            found.add(doc[i - 1].text)  # "NR (national record)"
    return found | {acronym[:-1] for acronym in found if acronym.endswith("s")}


def _spells(acronym: str, words: Span, last: bool) -> bool:
    """Whether ``acronym`` ("MDBs") is the initials of lower-case ``words`` (the last ones
    before it, or all those after it), hyphens and "of", "and", "the" aside."""
    letters = acronym[:-1] if acronym.endswith("s") and is_acronym(acronym[:-1]) else acronym
    if not is_acronym(letters) or not letters.isupper():
        return False
    kept = [t for t in words if t.text != "-" and t.lower_ not in {"of", "and", "the"}]
    kept = kept[-len(letters):] if last else kept
    return len(kept) == len(letters) and all(t.is_lower and t.is_alpha for t in kept) \
        and "".join(t.text[0] for t in kept).upper() == letters


def _spelled_out_before(span: Span) -> str | None:
    """The capitalised words just before "(ACRONYM)" whose initials hold the acronym's
    letters in order, beginning with its first and ending with its last ("State" may be
    skipped); None when there are none, or when they name a person.

    >>> import spacy
    >>> doc = spacy.blank("en")("The New York State Attorney General (NYAG) is investigating.")
    >>> _spelled_out_before(doc[7:8])
    'New York State Attorney General'
    >>> _spelled_out_before(spacy.blank("en")("Sales rose in Leeds (BBC) today.")[5:6]) is None
    True
    """
    doc, letters = span.doc, span.text.replace("&", "").upper()
    if span.start < 2 or doc[span.start - 1].text != "(" or span.end >= len(doc) or doc[span.end].text != ")":
        return None
    words: list[Token] = []
    for token in reversed(doc[max(0, span.start - 12):span.start - 1]):
        if not (token.text[:1].isupper() or token.lower_ in {"of", "and", "for", "&"}):
            break
        words.insert(0, token)
    while words and (not words[0].text[:1].isupper() or words[0].text[0] != letters[0]):
        words.pop(0)  # "The", or a word before the name
    capitals = [t.text[0] for t in words if t.text[:1].isupper()]
    if len(capitals) < 2 or capitals[-1] != letters[-1] or any(t.ent_type_ == "PERSON" for t in words):
        return None
    remaining = iter(capitals)
    if not all(letter in remaining for letter in letters):  # the acronym's letters, in order
        return None
    return doc[words[0].i:words[-1].i + 1].text
