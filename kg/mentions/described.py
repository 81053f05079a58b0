"""Step 6: described speakers, actors the text never names but clearly singles out.

"The authors said", "his doctors wrote", "according to the 43-year-old man": a definite
description ("the", a possessive) of people, or of institutions in the plural ("the
unions"), among ``kg/data/speaker_nouns.txt``, that speaks where no earlier step linked
it to a named actor, is an actor of this document, called by its words. Titles of office
("the Russian president") and one institution ("the party") are left alone: they stand
for someone with a name. It is no name: "the authors" of another article are other
people, so the actor is never found by name in other documents. Later definite mentions
with the same head and number ("the authors found") are the same actor. Heads that name a source
without identifying it stay unnamed ("the official", "the insider":
``kg/data/unnamed_sources.txt``), and so do bare and indefinite ones ("researchers said",
"a doctor said").
"""

from __future__ import annotations

from spacy.tokens import Token

from ..descriptors import is_plural, np_bounds, speaks_as_subject, title_at
from ..lexicons import lexicon
from .base import MentionsBase

DEFINITE = {"the", "his", "her", "its", "their"}
SPEAKERS_OWN = {"my", "our", "your"}  # in a quotation, "my sisters": whose depends on who speaks
JOINT = {"two", "both"}  # "the leaders of the two nations" are the two named before (kg.claims.sources)


class Described(MentionsBase):
    """Step 6: described speakers."""

    def _described_speakers(self) -> None:
        by_head: dict[tuple[str, bool], str] = {}  # (head lemma, plural) -> the actor its first description made
        for token in self.doc:
            head = (token.lemma_.lower(), is_plural(token))
            if not self._unlinked_description(token):
                continue
            holder = self._named_with_the_role(token) if not head[1] and self._speaks(token) else None
            if holder is not None:  # "the chain's CEO said ..." and, later, "CEO Brian Niccol": one person
                start, end = self._bounds(token)
                self._add(self.doc[start].idx, self.doc[end - 1].idx + len(self.doc[end - 1]), holder, "title",
                          "role-named", f"the one person the text names with the role '{token.text}': "
                                        f"{self._label(holder)!r}")
                continue
            if head not in by_head:
                if not self._speaks(token):
                    continue
                by_head[head] = self._describe(token)
            start, end = self._bounds(token)
            self._add(self.doc[start].idx, self.doc[end - 1].idx + len(self.doc[end - 1]), by_head[head],
                      "title", "described", f"'{self.doc[start:end].text}' singles out someone the text does not name")

    def _unlinked_description(self, token: Token) -> bool:
        """A definite noun phrase head of the speaker nouns that no earlier step linked: people
        ("the authors", "the 43-year-old man") or institutions in the plural ("the unions");
        not a title of office ("the Russian president" has a name the text did not give) nor
        one institution ("the party" is one the text named), nor people of a named actor
        ("NASA's scientists"; but "his doctors" are no one named), nor one named in
        apposition ("its director general, Sigrid de Vries,"), nor whoever speaks for
        someone in any case ("his office", "a spokesman": ``speaks_for.txt`` without a tag),
        nor, in a quotation, the speaker's or the listener's own ("my sisters told me":
        whose, a reader of the graph cannot tell; the writer's "my father" stays)."""
        lemma = token.lemma_.lower()
        if token.pos_ != "NOUN" or token.dep_ == "compound" or self.covered[token.i]:
            return False
        if self.skipped(token.idx, token.idx + len(token)) or title_at(token) is not None:
            return False
        speaker = (lemma in lexicon("speaker_nouns.txt") and lemma not in lexicon("unnamed_sources.txt")
                   and "organisation" in lexicon("speaks_for.txt").get(lemma, {"organisation"})  # not "his office"
                   and "document" not in lexicon("cue_nouns.txt").get(lemma, ()))
        person_or_plural = lemma in lexicon("person_nouns.tsv") or is_plural(token)
        definite = any(c.lower_ in DEFINITE or c.dep_ == "poss" for c in token.lefts)
        of_named = any(c.dep_ == "poss" and c.pos_ != "PRON" and self.actor_at[c.i] for c in token.lefts)
        joint = any(t.lower_ in JOINT for t in token.subtree)
        named = any(c.dep_ == "appos" and self.actor_at[c.i] for c in token.rights)  # "its director, Jo Roe,"
        speakers_own = any(c.lower_ in SPEAKERS_OWN for c in token.lefts) and self.quotes.inside(token.idx)
        return speaker and person_or_plural and definite and not of_named and not joint and not named \
            and not speakers_own

    def _named_with_the_role(self, role: Token) -> str | None:
        """The one person the text names right after the description's word for a role and
        its words before it ("CEO Brian Niccol" for "the fast-casual chain's CEO"), if only
        one is so named; not someone's relation ("his secretary") nor a title of office.

        The word for the role must have the same words before it: "the Democratic
        presidential nominee" is not "Democratic vice presidential nominee Tim Kaine"."""
        if any(c.dep_ == "poss" and c.pos_ == "PRON" for c in role.lefts) or title_at(role) is not None:
            return None
        def words(noun: Token) -> set[str]:
            return {c.lower_ for c in noun.lefts if c.dep_ in {"amod", "compound", "nmod"}}
        named = {self.actor_at[t.i + 1] for t in self.doc[:-1]
                 if t.lower_ == role.lower_ and t.i != role.i and self.doc[t.i + 1].ent_type_ == "PERSON"
                 and self.actor_at[t.i + 1] and title_at(t) is None and words(t) == words(role)}
        return named.pop() if len(named) == 1 else None

    @staticmethod
    def _speaks(token: Token) -> bool:
        """The subject of a speech verb ("the authors wrote") or "according to" it."""
        if speaks_as_subject(token):
            return True
        preposition = token.head
        return (token.dep_ == "pobj" and preposition.lower_ == "to"
                and preposition.i > 0 and token.doc[preposition.i - 1].lower_ == "according")

    @staticmethod
    def _bounds(token: Token) -> tuple[int, int]:
        """The description's tokens up to its head, its possessor included ("his doctors")."""
        start, end = np_bounds(token)
        possessors = [c.left_edge.i for c in token.lefts if c.dep_ == "poss"]
        return min([start, *possessors]), end

    def _describe(self, token: Token) -> str:
        """The actor the description makes, labelled by its words with its "of" phrase
        ("The chairman of the party said": the chairman of the party, not "The chairman")."""
        start, end = self._bounds(token)
        label = self.doc[start:_of_phrase_end(token, end)].text
        kind = "Group" if is_plural(token) else "Person"
        return self.registry.described_actor(label, kind, self.document.id)


def _of_phrase_end(head: Token, end: int) -> int:
    """The end of the "of" phrase right after ``end``, to its noun ("the authors of the
    study published in May" -> "the authors of the study"), else ``end``."""
    of = next((c for c in head.rights if c.dep_ == "prep" and c.lower_ == "of" and c.i == end), None)
    noun = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
    return np_bounds(noun)[1] if noun is not None else end
