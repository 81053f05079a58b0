"""The mentions of one document, found and linked in six steps (see :class:`DocumentMentions`).

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
   untagged ("Dempsey thinks..."). A family name alone that came before the only full
   name with it ("Roe Scores Twice", a headline, then "Jo Roe") is that person's.
2b. **things**: a name first seen here that never acts and is used as a place, a thing
   or a work ("on Titan", "the Dragonfly mission", "the planet Mercury", "“Mary
   Poppins”") is no actor (:mod:`kg.mentions.things`).
3. **descriptions**: titles ("the Russian president": the person named with that title
   in the document, else the holder of the office on the article's date, from the
   gazetteer), groups ("Russian officials" -> Russia, "Chinese companies" -> a group
   actor), appositions ("Li Zhanshu, the head of China's legislature").
4. **anaphors**: pronouns, "the country", "the two leaders" (:mod:`kg.anaphora`).
5. **titles with a possessive pronoun** ("its foreign minister"), once pronouns are known.
6. **described speakers**: "the authors said", "his doctors wrote": an actor of this
   document that the text singles out without naming it (:mod:`kg.mentions.described`).

Every mention records the rule that linked it and the evidence. A mention whose actor is
``None`` is a place ("talks in Moscow") or an unnamed source ("a US official"): it says
why no actor was linked, and hides the names inside it from speaker lookups.
"""

from __future__ import annotations

from dataclasses import replace

from ..descriptors import place_role
from ..records import Mention
from .anaphora_step import Anaphors
from .base import MentionsBase, Registry, document_date, names_something, strip_name
from .described import Described
from .descriptions import Descriptions
from .proper_names import ProperNames
from .things import Things

__all__ = ["DocumentMentions", "MentionsBase", "Registry", "document_date", "names_something", "strip_name"]


class DocumentMentions(ProperNames, Things, Descriptions, Anaphors, Described):
    """Finds and links the mentions of one parsed document, in the six steps above."""

    # --- the steps ----------------------------------------------------------------------

    def run(self) -> list[Mention]:
        self._entities()
        self._missed_names()
        self._family_names_before_full_names()
        self._things()
        self._descriptions()
        self._anaphors()
        for head, title in self.deferred:
            self._title(head, title, after_pronouns=True)
        for head, title in self.plural_titles:
            self._plural_title(head, title)
        self._described_speakers()
        self._demonym_modifiers()
        self._only_places()
        return self.mentions

    def _only_places(self) -> None:
        """A state the document names only as a place ("researchers in South Korea",
        :meth:`_acts`) is no actor of it: its mentions become places in it."""
        by_actor: dict[str, list[int]] = {}
        for n, mention in enumerate(self.mentions):
            if mention.actor is not None:
                by_actor.setdefault(mention.actor, []).append(n)
        for actor, places in by_actor.items():
            if self._kind(actor) != "Country" or any(self._acts(self.mentions[n]) for n in places):
                continue
            for n in places:
                mention = self.mentions[n]
                self.mentions[n] = replace(mention, actor=None, how="name", rule="place", place_of=actor,
                                           evidence=f"{mention.text!r}: {self._label(actor)} is only a place "
                                                    f"in this document")

    def _acts(self, mention: Mention) -> bool:
        """Whether a mention of a state has it act: any mention but a name after a
        preposition that says where (:func:`place_role`: "in South Korea"); a name or a
        demonym modifying a thing is taken to act ("US-China trade talks", "American diplomacy")."""
        if mention.how not in {"name", "alias"}:
            return True
        span = self.doc.char_span(*mention.span, alignment_mode="expand")
        if span is None:
            return True
        head = span.root
        while head.dep_ in {"conj", "appos"} and head.head.i < head.i:  # "from Italy, Poland and Spain"
            head = head.head
        return head.dep_ != "pobj" or place_role(span.root)[0]
