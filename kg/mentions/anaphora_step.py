"""Step 4: pronouns and short anaphors (:mod:`kg.anaphora`)."""

from __future__ import annotations

from ..anaphora import Anaphora, AnaphoraContext, QuoteIndex, Referent, Roles, is_main_subject, role_of
from ..descriptors import is_plural
from ..lexicons import lexicon
from ..records import Mention
from .base import MentionsBase


class Anaphors(MentionsBase):
    """Step 4: pronouns and short anaphors (:mod:`kg.anaphora`)."""

    # --- 4. anaphors ----------------------------------------------------------------------

    def _anaphors(self) -> None:
        doc = self.doc
        quotes = self.quotes
        sent_of = [0] * len(doc)
        n = -1
        for sent in doc.sents:
            # a sentence wholly inside a quotation does not move the narrative on: after
            # '"A. B. C," he said', "he" is as near the sentence before the quote as after "A."
            if n < 0 or not all(quotes.inside(t.idx) for t in sent if not (t.is_punct or t.is_space)):
                n += 1
            for i in range(sent.start, sent.end):
                sent_of[i] = n
        ctx = AnaphoraContext(doc=doc, text=self.document.text, kinds={a: self._kind(a) for a in {m.actor for m in self.mentions if m.actor}},
                              gender=self.registry.gender_of, skipped=self.skipped,
                              referents=self._referents(sent_of, quotes),
                              holds_office=self._holds_office, states_of=self._states_of,
                              one_of_a_people=self.gaz.one_of_a_people)
        for link in Anaphora(ctx, sent_of, quotes, self.table).run():
            for actor in link.actors:
                self._add(link.start, link.end, actor, link.how, link.rule, link.evidence)

    def _holds_office(self, actor: str) -> bool:
        """True for a person the gazetteer knows in an office, or named with a title here."""
        return bool(self.registry.actors[actor].offices) or any(person == actor for _, person, _ in self.titled)

    def _states_of(self, actor: str) -> tuple[str, ...]:
        """The states a person held an office of (the gazetteer's terms of office)."""
        return tuple(dict.fromkeys(t["of"] for t in self.registry.actors[actor].offices
                                   if self.registry.actors.get(t["of"]) and self.registry.actors[t["of"]].kind == "Country"))

    def _one_named_person(self, actors: tuple[str, ...]) -> bool:
        """True for one person known by a full name: "Sanders" is him, whatever its plural
        tag says ("the Khans", a family known by that word alone, stays plural)."""
        return len(actors) == 1 and self._kind(actors[0]) == "Person" and len(self._label(actors[0]).split()) > 1

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
                                person=person, plural=len(actors) > 1 or kind == "Group"
                                or is_plural(head) and not self._one_named_person(actors),  # "Sanders"
                                gender=self.registry.gender_of(actors[0]) if len(actors) == 1 and person else None,
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
