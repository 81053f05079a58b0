"""Who the source of an attribution is: actor ids from the words that name it.

Through the document's actor mentions (:class:`~kg.actors.DocActors`):

- a **name**, title or metonym: the actor of the mention at the source's head word;
- **coordinated** sources ("Putin and Xi"): each of them;
- a **pronoun** ("he said"): the actor the mention resolves to, unless that person was
  only named inside the words just quoted, in which case the quoted speaker goes on;
  "they", "it": the source of the attribution just before, when it was a group or a
  document;
- **joint** sources ("the two leaders", "both nations", "the leaders of the two
  nations"): the actors the text last named together ("Putin and Xi", "Russia and
  China"), people for people words and states for state words (``kg/data/group_heads.txt``);
- **documents** ("a joint statement", "the report"): their issuer where the text names
  it ("the Kremlin's statement", "a statement from the ministry"; a joint statement: the
  parties last named together), else no actor;
- **spokespeople and offices** ("a WeWork spokesperson", "his office"): whom the phrase
  says they speak for (``kg/data/speaks_for.txt``);
- **unnamed** sources ("experts", "a US official"): no actor; the words are kept;
- a **headline quotation** with no speaker ("'We had some issues,' exec says"): whoever
  says the same words in the body (:func:`speakers_from_the_body`, once all are resolved).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from typing import Iterator

from spacy.attrs import DEP, ENT_TYPE
from spacy.tokens import Doc, Token

from ..actors import DocActors
from ..descriptors import title_at
from ..lexicons import honorific_gender, lexicon, words
from ..records import Mention
from .grammar import agent_of, antecedent, core_range, hashes, is_cue_verb, is_document, is_person_noun, tokens_with
from .layout import Layout
from .model import Attribution

PERSON_PRONOUNS = {"he", "she", "him", "her", "his"}
PRONOUN_GENDER = {"he": "male", "him": "male", "his": "male", "she": "female", "her": "female", "hers": "female"}
PLURAL_PRONOUNS = {"they", "we"}
THING_PRONOUNS = {"it"}
JOINT_WORDS = {"two", "both"}
PERSON_ENTS = {"PERSON"}
PLACE_ENTS = {"GPE", "LOC", "ORG", "NORP"}  # what a title is of: "Mayor of Paris", "CEO of Acme"
COMPANY_WORDS = {"company", "firm"}  # "a company spokesperson": whose, the text named before
STATE_ENTS = {"GPE", "NORP", "LOC"}
GROUP_ENTS = ("PERSON", "GPE", "NORP", "LOC", "ORG")
JOINERS = {"and", "-", "–", "&", "/", ", and"}
OFFICE_RULES = {"office-holder", "office-holder-in-document"}  # a description linked to whoever held the office
PRONOUN_REACH = 2  # paragraphs back for a pronoun or a document to take an earlier source


@dataclass(frozen=True)
class Group:
    """Actors the text names together, ending at ``end``; ``kinds`` of entity they are."""

    end: int
    actors: tuple[str, ...]
    kinds: frozenset[str]


def _kind(ent_type: str) -> str:
    if ent_type in PERSON_ENTS:
        return "person"
    return "state" if ent_type in STATE_ENTS else "other"


class SourceResolver:
    """Resolves the sources of one document's attributions, in text order."""

    def __init__(self, doc: Doc, text: str, actors: DocActors, layout: Layout) -> None:
        self.doc = doc
        self.text = text
        self.actors = actors
        self.layout = layout
        self.paragraph_of = layout.paragraph
        self.group_heads = lexicon("group_heads.txt")
        self.unnamed = lexicon("unnamed_sources.txt")
        self.speaks_for = lexicon("speaks_for.txt")
        self.bodies = words("speaker_nouns.txt", "body")
        self.honorifics = lexicon("honorifics.tsv")
        self.groups = self._groups()
        self._group_ends = [g.end for g in self.groups]
        self.history: list[Attribution] = []
        self._by_source: dict[int, tuple[list[str], str]] = {}
        self._documents: dict[int, list[str]] = {}  # "the statement" -> its issuer, once found

    # groups of actors named together -----------------------------------------------------

    def _groups(self) -> list[Group]:
        groups: dict[int, Group] = {}
        vocab = self.doc.vocab
        for token in tokens_with(self.doc, [DEP, ENT_TYPE], [hashes(vocab, ["conj"]), hashes(vocab, GROUP_ENTS)]):
            if token.dep_ == "conj" and token.head.dep_ != "conj":
                members = [token.head, *[t for t in token.head.conjuncts]]
                self._add_group(groups, [self.actors.at(t.idx) for t in members], members)
            elif token.dep_ == "nsubj" and token.head.pos_ == "VERB":  # "Xi welcomed Putin": named together
                self._add_pair(groups, token.head)
        mentions = [m for m in self.actors.mentions if m.actor and m.how != "pronoun"]
        for first, second in zip(mentions, mentions[1:]):
            between = self.text[first.span[1]:second.span[0]].strip()
            if between in JOINERS and first.actor != second.actor:
                tokens = [self.doc.char_span(*m.span, alignment_mode="expand") for m in (first, second)]
                self._add_group(groups, [first, second], [t.root for t in tokens if t is not None])
        return sorted(groups.values(), key=lambda g: g.end)

    def _add_pair(self, groups: dict[int, Group], verb: Token) -> None:
        subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        if subject is None or not subject.ent_type_:
            return
        partner = next((c for c in verb.children if c.dep_ == "dobj"), None)
        if partner is None:
            with_ = next((c for c in verb.children if c.dep_ == "prep" and c.lower_ == "with"), None)
            partner = next((c for c in with_.children if c.dep_ == "pobj"), None) if with_ is not None else None
        if partner is not None and partner.ent_type_:
            self._add_group(groups, [self.actors.at(subject.idx), self.actors.at(partner.idx)], [subject, partner])
    def _add_group(self, groups: dict[int, Group], mentions, tokens: list[Token]) -> None:
        """A group of two or more actors, not people with states ("China and Vladimir
        Putin" is a parse gone wrong); organisations go with either, as the entity
        recogniser often takes a person or a state for one."""
        found = [(m, t) for m, t in zip(mentions, tokens) if m is not None and m.actor]
        kinds = {_kind(t.ent_type_) for _, t in found}
        ids = tuple(dict.fromkeys(m.actor for m, _ in found))
        if len(ids) < 2 or {"person", "state"} <= kinds:
            return
        end = max(m.span[1] for m, _ in found)
        groups[end] = Group(end, ids, frozenset(kinds))

    def _group_before(self, offset: int, kind: str) -> Group | None:
        """The actors last named together before ``offset``, of the wanted kind."""
        i = bisect_right(self._group_ends, offset) - 1
        while i >= 0:
            group = self.groups[i]
            if kind == "any" or kind in group.kinds:
                return group
            i -= 1
        return None

    # resolution --------------------------------------------------------------------------

    def resolve(self, attribution: Attribution) -> None:
        """Set ``speakers`` and ``resolution`` on the attribution (and remember it)."""
        head = attribution.source
        if head is None:
            attribution.speakers, attribution.resolution = [], "none"
        else:
            if head.i not in self._by_source:
                self._by_source[head.i] = self._resolve(antecedent(head), attribution)
            speakers, attribution.resolution = self._by_source[head.i]
            attribution.speakers = list(speakers)
        self.history.append(attribution)

    def _resolve(self, head: Token, attribution: Attribution) -> tuple[list[str], str]:
        joined = next((c for c in head.lefts if c.dep_ in {"nmod", "compound"} and c.ent_type_ == "PERSON"
                       and any(g.dep_ == "cc" and g.lower_ == "and" for g in c.children)), None)
        if head.pos_ == "NOUN" and joined is not None:  # "Holcomb and GOP leaders said": a coordination misparsed
            ids = [i for token in (joined, head) for i in self._single(token, attribution)[0]]
            if ids:
                return list(dict.fromkeys(ids)), "joint" if len(set(ids)) > 1 else "name"
        conjuncts = [t for t in head.conjuncts if t.i > head.i]
        if conjuncts:
            ids: list[str] = []
            for token in [head, *conjuncts]:
                ids.extend(i for i in self._single(token, attribution)[0] if i not in ids)
            return ids, "joint" if len(ids) > 1 else ("name" if ids else "unresolved")
        return self._single(head, attribution)

    def _single(self, head: Token, attribution: Attribution) -> tuple[list[str], str]:
        lower = head.lower_
        if lower in PERSON_PRONOUNS:
            return self._person_pronoun(head, attribution)
        if lower in PLURAL_PRONOUNS | THING_PRONOUNS:
            return self._earlier_source(head, attribution)
        lemma = head.lemma_.lower()
        name = next((c for c in head.children if c.dep_ == "appos" and c.pos_ == "PROPN"), None) \
            or next((n for c in head.children if c.dep_ == "appos" and c.pos_ == "NOUN"
                     for n in c.rights if n.dep_ == "appos" and n.ent_type_ == "PERSON"), None) \
            or next((n for c in head.rights if c.dep_ == "prep" and c.lower_ == "of"  # "the leader of the
                     for o in c.children if o.dep_ == "pobj"  # council, Jo Roe,": the parse hangs the name from "council"
                     for n in o.rights if n.dep_ == "appos" and n.ent_type_ == "PERSON"), None)
        if name is None and head.ent_type_ == "ORG":  # "Acme's managing director for rates, Jo Roe,": hung deeper
            name = next((t for t in head.subtree if t.dep_ == "appos" and t.ent_type_ == "PERSON" and t.i > head.i), None)
        role = head.pos_ in {"NOUN", "ADJ"} or head.pos_ == "PROPN" and (  # "Sweden's Minister of Justice, Jo Roe,"
            title_at(head) is not None or head.lower_ in lexicon("person_nouns.tsv")
            or _role_between(head, name))  # "Acme of Canada's chief economist, Jo Roe,": the parse made Acme the head
        if role and name is not None:  # "the finance minister, Jane Roe,"; "The Chancellor, ..."; "the lead
            # actor, a fisherman's son Jo Roe,": the name in apposition (to a description in apposition)
            found = self._single(name, attribution)
            if found[0]:
                return found
        titled = _name_after_title_of_place(head)
        if titled is not None:
            found = self._single(titled, attribution)
            if found[0]:
                return found
        named = next((c for c in head.head.children if c.dep_ == head.dep_ and c.i > head.i and c.ent_type_ == "PERSON"), None)
        if head.pos_ == "NOUN" and named is not None:  # "said study co-author Jo Park": the parse split the subject
            found = self._single(named, attribution)
            if found[0]:
                return found
        if lemma in self.speaks_for and head.pos_ == "NOUN":
            found = self._principal(head, attribution)
            if found[0]:
                return found
        if lemma in self.bodies and head.pos_ == "NOUN" and self.actors.at(head.idx) is None:
            found = self._principal(head, attribution, organisation=True)  # "the GMB union": the body it names
            if found[0]:
                return found
        mention = self.actors.at(head.idx)
        if lemma in self.unnamed and head.pos_ == "NOUN" and not (mention and mention.rule in OFFICE_RULES):
            return [], "unnamed"  # "a diplomat said"; not "the chief diplomat of the EU", who holds an office
        if mention is not None:
            ids = self.actors.actors_at(head.idx)  # both of "the two leaders"
            return ids, "group" if len(ids) > 1 else _resolution(mention)
        if self._is_joint(head):
            group = self._group_before(head.idx, self._group_kind(head))
            return (list(group.actors), "group") if group else ([], "unresolved-group")
        if is_document(head):
            return self._document(head, attribution)
        if head.pos_ == "NOUN" and head.is_title:  # "Lindqvist: ...", a name the tagger took for a noun
            found = self._surname(head)
            if found[0]:
                return found
        if head.pos_ == "NOUN":
            return [], "unnamed"
        if head.pos_ == "PROPN":
            start, end = core_range(head)
            mention = self.actors.actor_in(self.doc[start].idx, self.doc[end - 1].idx + len(self.doc[end - 1]))
            if mention is not None:
                return [mention.actor], _resolution(mention)
            return self._surname(head)
        return [], "unresolved"

    def _principal(self, head: Token, attribution: Attribution, organisation: bool = False) -> tuple[list[str], str]:
        """Whom a spokesperson or an office speaks for (``kg/data/speaks_for.txt``), where the
        phrase names them: "a WeWork spokesperson", "the ministry's spokesman", "a
        spokeswoman for the club", "his office", "scientists at Acme"; with
        ``organisation``, only an organisation or a group ("the GMB union")."""
        for child in head.children:
            named = next((c for c in child.children if c.dep_ == "pobj"), None) \
                if child.dep_ == "prep" and child.lower_ in {"for", "of", "at"} else child
            if named is None or child.dep_ not in {"poss", "compound", "nmod", "prep"}:
                continue  # nmod: "a Department of Health spokesperson"
            if named.lower_ in PERSON_PRONOUNS:
                ids, _ = self._person_pronoun(named, attribution)
            elif named.lemma_.lower() in COMPANY_WORDS and child.dep_ == "compound" and is_person_noun(head):
                ids = self._last_company(head.idx)  # "a company spokesperson": the company named before
            else:
                mention = self._actor_of_phrase(named)
                ids = [mention.actor] if mention is not None else []
            if organisation or "organisation" in self.speaks_for.get(head.lemma_.lower(), ()):
                kinds = {"Organization", "Group"} if organisation else {"Organization"}
                ids = [i for i in ids if self._actor_kind(i) in kinds]
            if ids:
                return ids, "speaks-for"
        return [], "unnamed"

    def _last_company(self, offset: int) -> list[str]:
        """The organisation last named by its name before ``offset``, at most two paragraphs
        back."""
        for mention in reversed(self.actors.within(0, offset)):
            if self.paragraph_of(offset) - self.paragraph_of(mention.span[0]) > PRONOUN_REACH:
                break
            if mention.actor and mention.how == "name" and self._actor_kind(mention.actor) == "Organization":
                return [mention.actor]
        return []

    def _surname(self, head: Token) -> tuple[list[str], str]:
        """A name the entity recogniser missed here ("Adams told reporters"): the person
        named in full in this document whose last name it is, nearest before it first; the
        one named with the same words when the phrase has more ("Teresa Nielsen Hayden" is
        not "Patrick Nielsen Hayden", named since)."""
        candidates = [m for m in self.actors.mentions if m.actor and m.how != "pronoun"
                      and " " in m.text and m.text.split()[-1] == head.text]
        first = head.i
        while first > 0 and head.doc[first - 1].dep_ == "compound" and head.doc[first - 1].head == head:
            first -= 1
        candidates = [m for m in candidates if m.text == head.doc[first:head.i + 1].text] or candidates
        if not candidates:
            return [], "unresolved"
        before = [m for m in candidates if m.span[0] < head.idx]
        ids = {m.actor for m in candidates}
        if before:
            return [before[-1].actor], "surname"
        return ([candidates[0].actor], "surname") if len(ids) == 1 else ([], "unresolved")

    def _is_joint(self, head: Token) -> bool:
        """"the two leaders", "both nations", "the leaders of the two nations", "both"."""
        if head.lower_ in JOINT_WORDS:
            return True
        if head.lemma_.lower() not in self.group_heads or head.tag_ not in {"NNS", "NNPS"}:
            return False
        words = {c.lower_ for c in head.children}
        for child in head.children:
            if child.dep_ == "prep" and child.lower_ == "of":
                words |= {t.lower_ for t in child.subtree}
        return bool(words & JOINT_WORDS)

    def _group_kind(self, head: Token) -> str:
        tags = self.group_heads.get(head.lemma_.lower(), frozenset())
        for child in head.children:  # "the leaders of the two nations": leaders are people
            if child.dep_ == "prep" and child.lower_ == "of" and not tags:
                return self._group_kind(next((c for c in child.children if c.dep_ == "pobj"), head))
        return next(iter(tags), "any")

    def _document(self, head: Token, attribution: Attribution | None = None) -> tuple[list[str], str]:
        """A document speaks for its issuer, where the text names it ("the Kremlin's
        statement", "a statement from X", "the declaration issued by X and Y", "X released
        a report that ...", "she said at a news conference announcing ...")."""
        def rank(child: Token) -> int:  # "the Acme Facts report from Roe Data" is Roe Data's
            return 0 if child.dep_ == "acl" or child.lower_ in {"from", "by"} else 2 if child.lower_ == "of" else 1
        for child in sorted(head.children, key=rank):
            ids = self._named_by(child)
            if ids:
                return ids, "document"
        issuers = self._issuers(head, attribution)
        if issuers:
            return issuers, "document"
        if any(c.lower_ == "joint" for c in head.children):
            group = self._group_before(head.idx, "state") or self._group_before(head.idx, "any")
            if group is not None:
                return list(group.actors), "document"
        if any(c.lower_ == "the" for c in head.children):
            return self._earlier_document(head)
        return [], "document-unnamed"

    def _named_by(self, child: Token) -> list[str]:
        """The actors a word or phrase hung from a document names as its issuers: a
        possessive or a name before it ("the Kremlin's statement", "the Texas Department of
        Health data"), "from", "by" or "of" and who ("reports from The Wrap and Deadline":
        both), "issued by" and who."""
        if child.dep_ in {"poss", "compound", "nmod"}:
            mention = self.actors.at(child.idx)
            return [mention.actor] if mention is not None else []
        if child.dep_ == "acl":  # "issued by"
            pobj = agent_of(child)
        elif child.dep_ == "prep" and child.lower_ in {"from", "by", "of"}:
            pobj = next((c for c in child.children if c.dep_ == "pobj"), None)
        else:
            return []
        if pobj is None:
            return []
        return list(dict.fromkeys(m.actor for m in (self.actors.at(t.idx) for t in [pobj, *pobj.conjuncts]) if m))

    def _issuers(self, head: Token, attribution: Attribution | None) -> list[str]:
        """Who issued or delivered the document ``head``, as the subject of the verb it is
        the object of ("Trump and Ryan issued a statement calling ...", "He released a
        letter that says ...") or of the speech verb it is set in ("she said at a news
        conference announcing ..."); a pronoun subject resolved as a source."""
        verb = head.head
        if head.dep_ == "pobj" and verb.dep_ == "prep" and verb.lower_ in {"at", "in", "during"}:
            verb = verb.head
            if not is_cue_verb(verb):
                return []
        elif head.dep_ != "dobj" or verb.lemma_ not in lexicon("issuing_verbs.txt"):
            return []
        subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        if subject is None:
            return []
        if subject.i in self._by_source:
            return list(self._by_source[subject.i][0])
        if subject.lower_ in PERSON_PRONOUNS and attribution is not None:
            return self._person_pronoun(subject, attribution)[0]
        found = (self._actor_of_phrase(t) for t in [subject, *subject.conjuncts])
        return list(dict.fromkeys(m.actor for m in found if m))

    def _actor_of_phrase(self, head: Token):
        """The first actor mentioned in the noun phrase ``head`` heads, its "of" phrase
        included ("NASA's Office of the Inspector General")."""
        end = max([head.i] + [c.right_edge.i for c in head.rights if c.dep_ == "prep" and c.lower_ == "of"])
        return self.actors.actor_in(head.left_edge.idx, self.doc[end].idx + len(self.doc[end]))

    def _earlier_document(self, head: Token) -> tuple[list[str], str]:
        """"The statement continued ...": the issuer of the last such document the text
        named before, by its own words ("a statement from X") or as the subject of the
        verb it belongs to ("X issued a statement", "X denied it in a statement"), or of
        the same words found so just before ("the statement read ... the statement
        continued ... the statement concluded")."""
        ids, how = self._earlier_issuer(head)
        if ids:
            self._documents[head.i] = ids
        return ids, how

    def _earlier_issuer(self, head: Token) -> tuple[list[str], str]:
        for token in reversed(self.doc[max(0, head.i - 400):head.i]):
            if token.lemma_ != head.lemma_ or token.pos_ != "NOUN" or self.layout.in_quote(token):
                continue
            if self.paragraph_of(head.idx) - self.paragraph_of(token.idx) > PRONOUN_REACH:
                break
            if token.i in self._documents:
                return self._documents[token.i], "document"
            if not any(c.lower_ == "the" for c in token.children):  # "a statement from X"
                ids, how = self._document(token)
                if ids:
                    return ids, how
            verb = token.head
            for _ in range(3):  # "X denied the claims in a statement": up to the verb
                if verb.pos_ == "VERB" or verb.head.i == verb.i:
                    break
                verb = verb.head
            if verb.lemma_ not in lexicon("issuing_verbs.txt") and not is_cue_verb(verb):
                continue  # "Clinton's support rose in the poll": who rose issued nothing
            subject = next((c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
            mention = self._actor_of_phrase(subject) if subject is not None and verb.pos_ == "VERB" else None
            if mention is not None:
                return [mention.actor], "document"
        return [], "document-unnamed"

    def _recent(self, attribution: Attribution) -> Attribution | None:
        """The attribution just before this one, if it is at most two paragraphs back."""
        if not self.history:
            return None
        previous = self.history[-1]
        if self.paragraph_of(attribution.start) - self.paragraph_of(previous.start) > PRONOUN_REACH:
            return None
        return previous

    def _recent_person(self, attribution: Attribution, gender: str | None = None,
                       described: bool = False) -> Attribution | None:
        """The last attribution to one person, at most two paragraphs back, of the
        pronoun's gender when the words of both tell it ("he", "Mrs. Roe", "the
        chairman"). With ``described``, a person described and not named counts when no
        one named is within reach ("The mayor defended the budget. ... she said"); a
        description after a name is mostly that person's epithet ("Clinton said ... The
        nominee explained ... she said": Clinton)."""
        description = None
        for previous in self._within_reach(self.paragraph_of(attribution.start)):
            source = previous.source
            if len(previous.speakers) != 1 or source is None:
                continue
            if gender is not None and self._gender_of(previous) not in (None, gender):
                continue
            if source.ent_type_ == "PERSON" or previous.resolution.startswith("pronoun") \
                    or previous.resolution == "name" and self._actor_kind(previous.speakers[0]) == "Person":
                return previous  # "Mayor of London Sadiq Khan joked ... he told": the name after a title
            if described and description is None and previous.resolution == "description" \
                    and source.tag_ == "NN" and is_person_noun(source):
                description = previous
        return description

    def _actor_kind(self, actor: str) -> str | None:
        return getattr(self.actors.registry.get(actor), "kind", None)

    def _gender_of(self, attribution: Attribution) -> str | None:
        """The gender the source words of an attribution state (a pronoun, an honorific or
        a noun: "the chairman"), else the gender known of its one speaker (a given name:
        "coach Ann Lee")."""
        if attribution.source_span is None:
            return None
        first, last = self.layout.token_range(*attribution.source_span)
        for token in self.doc[first:last]:
            if token.tag_ == "PRP$" and token != attribution.source:
                continue  # "his wife, Ana Roe": whose wife, not who speaks
            gender = PRONOUN_GENDER.get(token.lower_) or honorific_gender(self.honorifics.get(token.lower_, ()))
            if gender:
                return gender
        if attribution.source is not None:
            tags = lexicon("person_nouns.tsv").get(attribution.source.lemma_.lower(), ())
            gender = next((g for g in ("male", "female") if g in tags), None)
            if gender:
                return gender
        return self.actors.genders.get(attribution.speakers[0]) if len(attribution.speakers) == 1 else None

    def _person_pronoun(self, head: Token, attribution: Attribution) -> tuple[list[str], str]:
        mention = self.actors.at(head.idx)
        previous = self._recent_person(attribution, PRONOUN_GENDER.get(head.lower_), described=mention is None)
        quoted = previous is not None
        if mention is None:
            return (list(previous.speakers), "pronoun-speaker") if quoted else ([], "unresolved")
        if quoted and mention.actor != previous.speakers[0] and self._only_quoted(mention.actor, previous, head.idx):
            return list(previous.speakers), "pronoun-speaker"
        return [mention.actor], "pronoun"

    def _only_quoted(self, actor: str, previous: Attribution, offset: int) -> bool:
        """True when ``actor`` is named in ``previous``'s content but not after it (outside
        quotation marks)."""
        named = any(actor in self.actors.actors_in(s, e) for s, e in previous.contents)
        after = {m.actor for m in self.actors.within(previous.end, offset)
                 if m.how != "pronoun" and not self.layout.in_quote(self.doc[self.layout.token_at(m.span[0])])}
        return named and actor not in after

    def _earlier_source(self, head: Token, attribution: Attribution) -> tuple[list[str], str]:
        """"they" / "it": the source just before, when it was a group or a document."""
        previous = self._recent(attribution)
        if head.lower_ in PLURAL_PRONOUNS:  # "Putin and Xi met at the Kremlin, where they announced"
            group = self._group_before(head.idx, "any")
            if group is not None and group.end >= head.sent.start_char:
                return list(group.actors), "group"
        if previous is None or not previous.speakers:
            if head.lower_ in PLURAL_PRONOUNS:
                group = self._group_before(head.idx, "any")
                if group is not None and self.paragraph_of(head.idx) - self.paragraph_of(group.end) <= PRONOUN_REACH:
                    return list(group.actors), "group"
            return self._pronoun_mention(head)
        plural = head.lower_ in PLURAL_PRONOUNS
        if plural and len(previous.speakers) > 1 or not plural and previous.resolution == "document":
            return list(previous.speakers), "previous-source"
        if plural and previous.source.tag_ in {"NNS", "NNPS"} and (previous.resolution == "description" or (
                previous.resolution != "document" and self._actor_kind(previous.speakers[0]) != "Person")):
            return list(previous.speakers), "previous-source"  # "the authors said ... they added"; "Democrats
            # noted ... They noted"; not "Sanders said" (a name the tagger read as a plural) nor "the polls show"
        if not plural and previous.source is not None and previous.source.ent_type_ in {"ORG", "GPE", "NORP"}:
            return list(previous.speakers), "previous-source"
        return self._pronoun_mention(head)

    def _pronoun_mention(self, head: Token) -> tuple[list[str], str]:
        """"Acme cut 500 jobs. It added that ...": with no source before to take, the
        organisation the pronoun refers to (kg.anaphora), when it is one that speaks; else,
        for "It added", the last organisation that spoke, at most two paragraphs back ("Acme
        said ... An analyst said ... Its former chief had promised ... It added that ...";
        not "It says" after "a memorandum", which the pronoun may stand for)."""
        mention = self.actors.at(head.idx)
        actor = self.actors.registry.get(mention.actor) if mention is not None else None
        if head.lower_ == "it" and actor is not None and actor.kind in {"Organization", "Country"}:
            return [mention.actor], "pronoun"
        if head.lower_ == "it" and mention is None and head.head.lemma_ == "add":  # goes on from a speaker
            spoke = self._recent_organisation(head)
            if spoke is not None:
                return list(spoke.speakers), "previous-source"
        return [], "unresolved"

    def _recent_organisation(self, head: Token) -> Attribution | None:
        """The last attribution to one organisation, at most two paragraphs back."""
        for previous in self._within_reach(self.paragraph_of(head.idx)):
            actor = self.actors.registry.get(previous.speakers[0]) if len(previous.speakers) == 1 else None
            if actor is not None and actor.kind == "Organization":
                return previous
        return None

    def _within_reach(self, line: int) -> Iterator[Attribution]:
        """The attributions at most two paragraphs (``PRONOUN_REACH``) before paragraph
        ``line``, the latest first."""
        for previous in reversed(self.history):
            if line - self.paragraph_of(previous.start) > PRONOUN_REACH:
                return
            yield previous


HEADLINE_QUOTE_WORDS = 3  # the fewest words a headline quotation must share with the body


def _resolution(mention: Mention) -> str:
    """How a speaker was resolved through a mention: as a description the text gives no one
    ("the chief negotiator"), or as the mention links (name, alias, title ...)."""
    return "description" if mention.rule == "described" else mention.how or "name"


def speakers_from_the_body(attributions: list[Attribution], text: str) -> None:
    """A headline's quotation with no speaker of its own ("'We had some issues,' exec
    says") takes the speaker who says the same words in the body: headlines quote the
    article."""
    headline_end = text.find("\n") if "\n" in text else len(text)
    for headline in attributions:
        if headline.start >= headline_end or headline.speakers:
            continue
        words = _words_of(headline, text)
        if len(words.split()) < HEADLINE_QUOTE_WORDS:
            continue
        said = next((a for a in attributions if a.start > headline_end and a.speakers
                     and words in _words_of(a, text)), None)
        if said is not None:
            headline.speakers, headline.resolution = list(said.speakers), "headline-quote"


def _words_of(attribution: Attribution, text: str) -> str:
    """The content's lower-case words only, for comparing quotations across marks and
    punctuation.

    >>> _words_of(Attribution(None, (0, 0), [(1, 20)], "direct", None, None), "‘We had some Issues,’ he")
    'we had some issues'
    """
    said = " ".join(text[start:end] for start, end in attribution.contents)
    return " ".join(re.findall(r"[a-z0-9']+", said.lower().replace("’", "'")))


def _role_between(head: Token, name: Token | None) -> bool:
    """Whether a word for a person comes between a name and a person's name in apposition
    to it ("Chartered Accountants of Canada's chief *economist*, Jo Roe,"): the parse hung
    the person's name, and the role, from the body's name."""
    if name is None or name.ent_type_ != "PERSON" or head.ent_type_ != "ORG":
        return False
    roles = lexicon("person_nouns.tsv")
    return any(t.pos_ == "NOUN" and t.lemma_.lower() in roles for t in head.doc[head.i + 1:name.i])


def _name_after_title_of_place(head: Token) -> Token | None:
    """The person named after a title and its place ("Mayor of Paris Anne Hidalgo", "the
    Mayor of Paris, Anne Hidalgo,", "Mayor of London Sadiq Khan"), which the parse hangs
    from the title in apposition or inside its "of" phrase; None for a plain "of" phrase
    ("the wife of Jo Roe").

    >>> from kg import nlp
    >>> _name_after_title_of_place(nlp.load()("The Mayor of Paris Anne Hidalgo spoke.")[1]).text
    'Hidalgo'
    """
    if not head.is_title or not is_person_noun(head):
        return None
    of = next((c for c in head.rights if c.dep_ == "prep" and c.lower_ == "of"), None)
    place = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
    if place is None:
        return None
    if place.ent_type_ == "PERSON":  # "of [London Sadiq Khan]": the place a modifier of the name
        return place if any(c.ent_type_ in PLACE_ENTS for c in place.lefts) else None
    name = next((c for c in head.rights if c.dep_ == "appos" and c.ent_type_ == "PERSON"), None)
    return name if place.ent_type_ in PLACE_ENTS else None
