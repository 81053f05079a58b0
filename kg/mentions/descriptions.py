"""Steps 3 and 5: titles, groups and appositions; titles with a possessive pronoun."""

from __future__ import annotations

import datetime as dt
from collections import Counter

from spacy.tokens import Span, Token

from ..descriptors import Title, group_tag, group_tags, is_plural, np_bounds, time_shift, title_at
from ..lexicons import lexicon
from ..names import family_name, name_key
from ..records import Mention
from .base import COLLECTIVE_KINDS, HEAD_OFFICES, MentionsBase, VOCATIVES


class Descriptions(MentionsBase):
    """Steps 3 and 5: titles, groups and appositions; titles with a possessive pronoun."""

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
        if key in self.places_here:
            return None  # "Georgia officials" where Georgia is the US state: no state of the gazetteer
        if key in self.gaz.by_metonym and direct:
            state = self.gaz.by_metonym[key]
            return state, f"{token.text!r} stands for {self._label(state)}"
        known = self.registry.known(key)
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
        group = self.registry.group_actor(label)
        return self._add(char_start, char_end, group, self._how(group, label), "group",
                         f"a group of its own: {label} ({why})")

    def _adjective(self, actor: str, head: Token) -> str:
        """The first demonym of ``actor`` ("American" for "US companies"), else the words used."""
        for demonym, state in self.gaz.by_demonym.items():
            if state == actor:
                return demonym
        modifiers = [c for c in head.lefts if c.dep_ in {"amod", "compound", "nmod"}]
        if not modifiers:
            return self._label(actor)
        last = modifiers[-1]  # with the words of its own name before it: "Lib Dem MPs", not "Dem MPs"
        return self.doc[min(last.left_edge.i, last.i):last.i + 1].text

    def _apposition(self, head: Token) -> None:
        """A person noun in apposition to a person's name, or a name in apposition to it or
        that it is known as ("the executive, known as SBF"); not a plural ("his friends,
        particularly Jo Roe")."""
        nouns = lexicon("person_nouns.tsv")
        if head.pos_ != "NOUN" or head.tag_ == "NNS" or not (head.lemma_.lower() in nouns or title_at(head)):
            return
        name = None
        if head.dep_ == "appos" and self.actor_at[head.head.i]:
            name = head.head
        else:
            name = next((c for c in head.children if c.dep_ == "appos" and c.ent_type_ == "PERSON"), None) \
                or _known_as(head)
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
        how = "known as" if name.dep_ == "pobj" else "in apposition to"
        self._add(char_start, char_end, actor, "title", "apposition",
                  f"{how} {self.doc[name.left_edge.i:name.i + 1].text!r}")


def _known_as(head: Token) -> Token | None:
    """The name a description is said to be known by ("the erstwhile executive, known in
    the crypto world as SBF")."""
    for verb in head.children:
        if verb.dep_ == "acl" and verb.lemma_.lower() in {"know", "nickname"}:
            as_ = next((c for c in verb.children if c.dep_ == "prep" and c.lower_ == "as"), None)
            name = next((c for c in as_.children if c.dep_ == "pobj"), None) if as_ is not None else None
            if name is not None and name.pos_ == "PROPN":
                return name
    return None
