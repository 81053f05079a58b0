"""Reported speech: a cue with a complement, "according to X", speech-act nouns, adjectives.

- **cue verbs** (``kg/data/cue_verbs.txt``) with what they report: a clause after or
  before them ("X said (that) ...", "..., officials said"), a clause they interrupt
  ("The talks, she said, failed") or comment on ("..., as a memo put it"), an infinitive
  ("X vowed to ..."), a prepositional phrase ("X called for ...") or an object ("X
  denounced the sanctions", "X called it a hoax"), as each verb's tags allow, or a word
  standing for a clause ("said as much", "thinks so"). A passive cue takes its source
  from its agent or from the document it appears in ("concerns were expressed in a
  joint statement"), or has none ("X was accused of Y");
- **according to X**: the clause the phrase hangs from;
- **speech-act nouns** (``kg/data/cue_nouns.txt``): "her claim that ...", "the
  ministry's warning that ...", "his bet is that ...";
- **adjectives** of belief and feeling (``kg/data/cue_adjectives.txt``): "voters are
  afraid that ...", "she was critical of the plan".

The parse often hangs a content elsewhere than on its cue; the rules take back the
frequent cases (a that-clause read as a relative clause of the addressee or of a time
after the cue, a clause cut at its subject, a clause the parse coordinated with the cue or
took for an adverbial: "said after the convention he would ..."). In a relative clause
("which he said were ...") the content is the rest of the clause after the cue.
"""

from __future__ import annotations

from dataclasses import replace
from functools import cached_property, lru_cache
from typing import Callable

from spacy.attrs import LEMMA, LOWER
from spacy.tokens import Doc, Span, Token
from spacy.vocab import Vocab

from ..clauses import is_passive, withheld_by
from ..descriptors import is_someone
from ..lexicons import lexicon, words
from ..spans import char_span as char_range, is_negated
from .grammar import (DASHES, Range, after_dateline, agent_of, antecedent, cue_tags, cue_verbs, hashes, inflections,
                      is_cue_verb, is_document, is_pronoun, plausible_source, relayed_by, source_range,
                      subject_after_parenthetical, subject_of, subtree_range, tokens_with, trim, verb_group,
                      whole_word_end)
from .direct import document_names
from .layout import Layout
from .model import Attribution
from .quotes import has_partial_quote
from .patterns import PatternMatch, content_at, find_matches
from .rules import Rule, RuleTable, rule_table

OBJECT_EXTENSIONS = {"oprd", "xcomp", "ccomp", "advcl"}
OBJECT_PREPS = {"as", "for", "of", "over", "about"}  # "criticized X for Y", "described X as Y"
TOPIC_PREPS = {"about", "over", "against", "with"}  # "as they argued about taxes": what was said is elsewhere
JUDGED_FOR = {"for", "over"}  # "X was criticized for Y", "praised over"
TIME_NOUNS = {"course", "period", "time", "years", "months", "weeks", "days", "decades", "weekend"}
CIRCUMSTANCE_PREPS = words("setting_prepositions.tsv", "circumstance")
LONE_OBJECTS = words("lone_objects.txt")
EXPLETIVES = {"it", "there"}
SUBJECT_DEPS = {"nsubj", "nsubjpass"}
THING_PRONOUNS = {"it", "this", "that", "which", "what"}  # pronouns that hold no words of their own
CLAUSAL_PATTERNS = {Rule.CCOMP, Rule.CCOMP_BEFORE, Rule.PARENTHETICAL, Rule.AS, Rule.TO, Rule.ACCORDING}
PRO_FORMS = {"it", "so"}  # "as she put it", "as he said so"
LINKING_VERBS = words("linking_verbs.tsv", "adjective-cue")
FINITE_TAGS = {"VBD", "VBZ", "VBP", "MD"}
WH_WORDS = {"when", "whether", "how", "why", "where", "what", "who", "which"}
ASIDE_DASHES = set(DASHES) - {"-"}  # not a hyphen
# cues that interrupt the clause they report, which is one claim: "X, Roe said, Y", "X, as Roe said, Y",
# "X is said to Y", "X was accused of Y", "X, according to Roe, Y"
INTERRUPTING_PATTERNS = {Rule.PARENTHETICAL, Rule.AS, Rule.PASSIVE, Rule.PASSIVE_UNSOURCED, Rule.ACCORDING}
PHRASE_PATTERNS = {Rule.OBJECT, Rule.PREP}  # contents that are a noun or prepositional phrase
WORD_SENSE_PATTERNS = {Rule.OBJECT, Rule.PREP, Rule.TO, Rule.PASSIVE, Rule.NOUN}  # the cue may be no cue at all


@lru_cache(maxsize=4)
def cue_word_ids(vocab: Vocab) -> list[set[int]]:
    """Ids of the lemmas and forms that can be cues: verbs, nouns, "according", "per"."""
    verbs = set(cue_verbs())
    words = verbs | set(lexicon("cue_nouns.txt")) | set(lexicon("cue_adjectives.txt")) | {"according", "per"}
    lemmas = words | {w.capitalize() for w in words} | {w.upper() for w in words}  # "Vow", "DENIES"
    forms = words | {form for verb in verbs for form in inflections(verb)}  # "hopes": lemma "hop"
    return [hashes(vocab, lemmas), hashes(vocab, forms)]


def has_to(token: Token) -> bool:
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in token.children)


def _is_gerund(verb: Token) -> bool:
    """"proposes doing away with", and in the passive "reported being logged off"."""
    return verb.tag_ == "VBG" or any(c.dep_ in {"aux", "auxpass"} and c.lower_ == "being" for c in verb.children)


class ReportedSpeech:
    """Finds reported speech in one document, leaving out cues already used and quotations."""

    def __init__(self, doc: Doc, text: str, layout: Layout, used_cues: set[int], skipped,
                 extends: dict | None = None, rules: RuleTable | None = None, names: set[str] | None = None) -> None:
        self.doc = doc
        self.text = text
        self.layout = layout
        self.used_cues = used_cues
        self.skipped = skipped
        self.extends = extends or {}  # cue -> a quotation that goes on with its clause
        self.known_names = names  # the words the document uses as names, when already found
        self.continued: dict[int, Token] = {}  # a cue split off another's content -> that source
        self.nouns = lexicon("cue_nouns.txt")
        self.documents = {n for n, tags in self.nouns.items() if "document" in tags}
        self.speaker_nouns = lexicon("speaker_nouns.txt")
        self.unnamed = lexicon("unnamed_sources.txt")
        self.groups = lexicon("group_heads.txt")
        self.people = {n for n, tags in lexicon("person_nouns.tsv").items() if "position" not in tags}  # "the coach"
        self.hedge_verbs = {w for w, tags in lexicon("hedges.tsv").items() if "verb" in tags}
        self.adjectives = lexicon("cue_adjectives.txt")
        self.rules = rules or rule_table()
        self.matches = find_matches(doc, self.rules)  # cue index -> constructions of the rule table

    def run(self) -> list[Attribution]:
        found: list[Attribution] = []
        candidates = {t.i for t in tokens_with(self.doc, [LEMMA, LOWER], cue_word_ids(self.doc.vocab))}
        for i in sorted(candidates | set(self.matches)):
            token = self.doc[i]
            if token.i in self.used_cues or self.layout.words[token.i] >= 0:
                continue
            attribution = None
            if token.lower_ in self.adjectives and token.tag_ in {"JJ", "VBN"}:
                attribution = self._adjective(token)
                if attribution is None and _past_tense_read_as_participle(token):
                    attribution = self._verb(token)
            elif is_cue_verb(token):
                attribution = self._verb(token)
            elif token.lower_ in {"according", "per"}:
                attribution = self._according_to(token)
            else:  # the constructions kept as data see the cues no rule above takes
                attribution = self._after_clause_as_noun(token) or self._matched(token)
            if attribution is not None and not self.skipped(*attribution.cue):
                found.append(attribution)
        return found

    # cue verbs -------------------------------------------------------------------------

    def _verb(self, cue: Token) -> Attribution | None:
        tags = cue_tags(cue) or frozenset()
        if "quote" in tags or "factive" in tags and is_negated(cue):
            return None  # "Taylor didn't know that he was ill": he held no such view
        if _required(cue) or _an_outcome(cue):
            return None  # "a server must agree to ...": required; "..., only to find that ...": what came of it
        purposes = _terms_of_speaking(cue)
        if purposes is not None:
            self.used_cues.update(verb.i for verb in purposes)  # "to discuss the talks" is why, not a claim
            return None
        after_clause = self._after_clause_as_modifier(cue, tags)
        if after_clause is not None:
            return after_clause
        if cue.dep_ in {"acl", "advcl"} and cue.tag_ == "VBN" and not any(c.dep_ in {"agent", "aux", "auxpass"}
                                                                         for c in cue.children) \
                and not _verb_after_an_opening_participle(cue):
            return None  # "Americans worried about immigration": an adjective; "Asked about it, he ...": he was asked
        if self._is_passive(cue):
            return self._passive(cue, tags)
        inverted = self._inverted(cue, tags) or self._hung_from_its_clause(cue, tags) \
            or self._clause_read_as_its_subject(cue)
        if inverted is not None:
            return inverted
        pattern, parts, cue_end = self._complement(cue, tags)
        if not parts or pattern == Rule.OBJECT and cue_end and _held_by_another(self.doc[cue_end - 1]):
            return None  # "rejected the governor's claim that ...": the governor's claim, the noun's
        if cue.i in self.extends and pattern == Rule.CCOMP:
            quote = self.extends[cue.i]
            parts[-1] = (parts[-1][0], max(parts[-1][1], self.layout.token_at(quote.after)))
        subject = self.continued.get(cue.i) or subject_of(cue)
        if subject is None or subject.lower_ in EXPLETIVES and subject.dep_ == "nsubjpass":
            return None
        if _that_said(subject, cue) or _how_it_is_said(cue, subject):
            return None
        if cue.head.lemma_ == "let" and cue.dep_ in {"ccomp", "xcomp"}:
            return None  # "let's say you save ...": a supposition, no one's claim
        subject = self._named_in_apposition(subject)
        if "document" in tags and not is_document(antecedent(subject)):
            return None
        if (pattern in WORD_SENSE_PATTERNS or "evidence" in tags or _modifies(cue, subject)) and not self._plausible(subject):
            return None  # "His refusal to say which side ...": a refusal says nothing
        if pattern in WORD_SENSE_PATTERNS and "with" not in tags and _done_by_acting(cue):
            return None  # but "charged Roe with fraud by moving money" says how the charged deed was done
        if any(start <= subject.i < end for start, end in parts):
            return None
        if _withheld(cue, self.doc[parts[0][0]]) or _asked_about(cue):
            return None
        return self._attribution(pattern, cue, subject, parts, cue_end, weak="weak" in tags)

    def _complement(self, cue: Token, tags: frozenset[str]) -> tuple[Rule | None, list[Range], int | None]:
        """(pattern, content token ranges, end of the cue when it takes a preposition)."""
        children = list(cue.children)
        clauses = [_behind_a_noun(c) for c in children if c.dep_ == "ccomp" and c.i > cue.i
                   and not self._quoted_for_a_nearer_cue(cue, c)]
        if all(_is_relative(c) for c in clauses) \
                or cue.dep_ == "parataxis" and all(map(_goes_on_after_a_comma, clauses)):
            clauses = []  # "spoke before lawmakers defending the budget that raised spending"; "X, she said, where Y"
        clauses = clauses or _clause_taken_as_adverbial(cue)
        taken = _object_taken_from_its_clause(cue, tags)
        if taken is not None:  # "recommends all adults get a vaccine": the object is the clause's subject
            subject, clause = taken
            return Rule.CCOMP, [(subject.left_edge.i, self._clauses_range(cue, [clause])[1])], None
        if clauses and ("addressee" not in tags and any(c.dep_ == "dobj" and c.i < clauses[0].i for c in children)
                        or "weak" in tags and not _is_finite(clauses[0])):
            clauses = []  # "recognized the state [, ...] will take part"; "would see prices rise"
        if clauses:
            return Rule.CCOMP, [self._clauses_range(cue, clauses)], None
        if cue.dep_ == "parataxis" and cue.head.i > cue.i and cue.head.pos_ in {"VERB", "AUX"} \
                and any(c.dep_ == "ccomp" and c.i < cue.i for c in children):  # "X had not, Roe added, been told"
            return Rule.PARENTHETICAL, self._around(cue), None
        before = content_at(cue, Rule.CCOMP_BEFORE, self.rules)
        if before is not None and not _own_complement_after(cue, tags):
            return Rule.CCOMP_BEFORE, [_with_its_conditions(cue, before)], None
        objects = [c for c in children if c.dep_ == "dobj" and c.i > cue.i] \
            or [c for c in children if c.dep_ == "oprd" and c.i > cue.i][:1]  # "called Oz a quack": no dobj
        if _is_as_clause(cue) and "activity" not in tags and all(o.lower_ in PRO_FORMS for o in objects) \
                and not any(c.i > cue.i and (c.dep_ == "xcomp" or c.dep_ == "prep" and (
                    f"prep:{c.lower_}" in tags or c.lower_ in TOPIC_PREPS)) for c in children):
            # "as X reports for NPR, ..." comments; "as X argued for / about ..." says what it is about
            return Rule.AS, self._around(cue), (objects[-1].i + 1 if objects else None)  # "..., as X put it"
        if "to" in tags and not _gap_in_relative(cue):
            for child in children:
                told_to = child.dep_ == "advcl" and "addressee" in tags and objects and has_to(child)
                if (child.dep_ == "xcomp" or told_to) and child.i > cue.i \
                        and (has_to(child) or _is_gerund(child) and not objects):
                    start = objects[0].left_edge.i if objects and objects[0].i < child.i else child.left_edge.i
                    return Rule.TO, [(start, child.right_edge.i + 1)], None
        group_end = verb_group(cue)[1]
        for child in children:  # "called for the NHS to prepare": "for" parsed as the clause's mark
            mark = next((m for m in child.children if m.dep_ == "mark"), None) if child.dep_ == "advcl" else None
            if mark is not None and mark.i == group_end and f"prep:{mark.lower_}" in tags:
                return Rule.PREP, [(mark.i + 1, child.right_edge.i + 1)], mark.i + 1
        for child in children:
            read_as_particle = child.dep_ == "prt" and child.i == group_end - 1  # "called on police to ..."
            if (child.dep_ == "prep" and self._next_to(cue, group_end, child) or read_as_particle) \
                    and f"prep:{child.lower_}" in tags and any(c.dep_ in {"pobj", "pcomp"} for c in child.children):
                end = self._extended(children, child, child.right_edge.i + 1, tags)
                words = [t for t in self.doc[child.i + 1:end] if not (t.is_space or t.is_punct)]
                if len(words) == 1 and words[0].lower_ in LONE_OBJECTS:
                    return None, [], None  # "asked for it", "spoke of this": nothing said of its own
                return Rule.PREP, [(child.i + 1, end)], child.i + 1
        gerund = next((c for c in children if c.dep_ == "xcomp" and c.left_edge.i == group_end and (
            _is_gerund(c) or any(a.dep_ == "aux" and a.lower_ == "having" for a in c.children))), None)
        if "object" in tags and not objects and gerund is not None:  # "denied having met him": the act is the object
            return Rule.OBJECT, [(gerund.left_edge.i, gerund.right_edge.i + 1)], None
        if "object" in tags and objects:
            obj = objects[0]
            given = next((c for c in reversed(children) if c.dep_ == "oprd" and c.i > cue.i), None)
            named = obj is given or obj.pos_ == "PRON"  # the name is all it takes, or "call it X"; not "called Trump a liar"
            if "naming" in tags and given is not None and named and _a_proper_name(given):
                return None, [], None  # "a simulation they call TNG50", "dubbed it Atlas": a name given
            if "giving" in tags and _given_to_someone(cue, obj):
                return None, [], None  # "denied them access": withheld, not denied
            clause = self._noun_clause(obj)
            if clause is not None:  # "voiced concerns that ...": the clause is the content, the noun the cue's
                if not _held_by_another(obj):
                    self.used_cues.add(obj.i)  # not a second claim of the noun's own
                return Rule.OBJECT, [subtree_range(clause)], obj.i + 1
            end = self._extended(children, obj, obj.right_edge.i + 1, tags)
            if end == obj.i + 1 and (obj.lower_ in LONE_OBJECTS or obj.like_num):  # "said so", "called 911"
                return None, [], None
            if "as" in tags and not any(c.dep_ == "prep" and c.lower_ == "as" for c in (*children, *obj.children)):
                return None, [], None
            if "likens" in tags and not any(c.dep_ == "prep" and c.lower_ in {"to", "with"} for c in (*children, *obj.children)):
                return None, [], None  # "compared the brain scans": no likening, no claim
            if "with" in tags and not any(c.dep_ == "prep" and c.lower_ == "with" for c in (*children, *obj.children)):
                return None, [], None  # "charged a fee": no charge laid
            if "predicate" in tags and not _says_of_it(obj):
                return None, [], None  # "called an ambulance", "called an emergency meeting"
            return Rule.OBJECT, [(obj.left_edge.i, end)], None
        if cue.dep_ == "parataxis" and (cue.head.pos_ in {"VERB", "AUX"} or cue.head.dep_ == "ROOT"):
            return Rule.PARENTHETICAL, self._around(cue), None
        if cue.dep_ in {"ROOT", "csubj"} and (parts := self._between_commas(cue)):
            return Rule.PARENTHETICAL, parts, None
        if parts := self._set_off_from_a_noun(cue):
            return Rule.PARENTHETICAL, parts, None
        if "object" in tags and cue.dep_ == "relcl" and not objects and cue.head.pos_ in {"NOUN", "PROPN"} \
                and ("as" not in tags or any(c.dep_ == "prep" and c.lower_ == "as" for c in children)) \
                and ("predicate" not in tags or any(c.dep_ == "oprd" for c in children)):
            # "the alliance that Putin declared": the noun the clause is about is the content; a verb
            # that needs "as" needs it here too ("a way nobody had seen before" sees nothing as anything)
            noun = cue.head
            return Rule.OBJECT, [(noun.left_edge.i, cue.left_edge.i)], None
        clause = content_at(cue, Rule.CCOMP, self.rules) or _wh_clause(cue, children) \
            or _misattached_that_clause(cue, children, objects if "addressee" in tags else [])
        if clause is not None:
            return Rule.CCOMP, [subtree_range(clause)], None
        pro_form = content_at(cue, Rule.PRO_FORM, self.rules)
        if pro_form is not None:  # "the same of X" whole, but "as much" without "in an interview" hung from it
            start, end = subtree_range(pro_form)
            if pro_form.lower_ == "much":
                end = min([end, *(c.i for c in pro_form.rights if c.dep_ == "prep")])
            return Rule.PRO_FORM, [(start, end)], None
        if "object" not in tags and "addressee" not in tags and len(objects) == 1 and _hides_a_clause(objects[0]):
            return Rule.CCOMP, [(objects[0].left_edge.i, cue.right_edge.i + 1)], None
        return None, [], None

    def _noun_clause(self, obj: Token) -> Token | None:
        """The "that" clause of a speech-act noun object ("voiced *concerns* that ...",
        "rejected *the claim* that ..."), if any."""
        if "speech" not in self.nouns.get(obj.lemma_.lower(), ()):
            return None
        return next((c for c in obj.children if c.dep_ in {"acl", "ccomp"} and c.i > obj.i
                     and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)), None)

    def _next_to(self, cue: Token, group_end: int, prep: Token) -> bool:
        """True when ``prep`` follows the cue's words, or only adverbs and times of the cue
        come between ("spoke out Tuesday about", "spoke emotionally of")."""
        if prep.i <= group_end:
            return prep.i == group_end
        between = self.doc[group_end:prep.i]
        return all(t.head == cue and t.dep_ in {"advmod", "npadvmod"} or t.head.head == cue and t.ent_type_ in {"DATE", "TIME"}
                   for t in between) and len(between) <= 3

    def _quoted_for_a_nearer_cue(self, cue: Token, clause: Token) -> bool:
        """Whether ``clause`` is a quotation that a cue between it and ``cue`` introduces:
        in "The ad ends with footage of Trump saying, “That makes me smart”", the
        quotation is Trump's (the parse hangs it from "ends"). Not when that cue is in a
        clause ``cue`` reports ("X said Roe quieted them, telling them, “...”")."""
        return self.layout.in_quote(clause) and any(
            _a_speakers_verb_outside_what_it_reports(self.doc[i], cue)
            for i in range(cue.i + 1, clause.left_edge.i) if i in self.used_cues)

    def _clauses_range(self, cue: Token, clauses: list[Token]) -> Range:
        """The tokens of the clauses a cue reports: its clausal complements, which the
        parse may split ("said A and, even more, B"), and a clause with a subject of its
        own that the parse coordinated with the cue ("said A, but B did C")."""
        start, end = subtree_range(clauses[0])
        folded = _subject_read_as_relative(clauses[0])
        if folded is not None:  # "told friends that the interview aired ... was a success"
            start = folded.left_edge.i
        if start < cue.i:  # "which he said were ...": the fronted relative word is no content
            start = cue.i + 1
        when = next((c for c in clauses[0].lefts if c.dep_ == "prep" and c.i == start and _is_time(c)), None)
        if when is not None:  # "said on Monday it would ...": when it was said, not what
            start = when.right_edge.i + 1
        contrast = _contrasted_report(clauses[0])
        if contrast is not None:  # "said A, while her rival warned that B": B is the rival's
            return start, contrast.left_edge.i
        for clause in clauses[1:]:
            if not self._joins(end, clause.left_edge.i):
                break
            end = clause.right_edge.i + 1
        subject = next((c for c in cue.children if c.dep_ in SUBJECT_DEPS), None)
        for conj in cue.rights:
            if conj.dep_ != "conj" or conj.i < end or is_cue_verb(conj) and not self.layout.in_quote(conj) \
                    or not self._joins(end, conj.left_edge.i):
                continue
            own = next((c for c in conj.children if c.dep_ in SUBJECT_DEPS), None)
            if own is not None and (subject is None or own.lower_ != subject.lower_):
                end = conj.right_edge.i + 1
        return start, end

    def _joins(self, end: int, start: int) -> bool:
        """True when only punctuation and a conjunction lie between two token positions."""
        return all(t.is_punct or t.dep_ == "cc" for t in self.doc[end:start])

    def _extended(self, children: list[Token], first: Token, end: int, tags: frozenset[str]) -> int:
        """The end of the content, over what the verb says of its object or phrase: "as Y",
        "for Y", "to Y" right after it, an infinitive or a condition ("warns of risks to
        the US if ..."), a noun the parse coordinated with the verb; each next to what
        comes before it, or after a time or place of the verb ("criticized X on Monday for Y")."""
        reach = end
        for sibling in children:
            if sibling.i <= first.i:
                continue
            if sibling.left_edge.i > reach + 1:
                continue  # "reaffirmed the ties over the course of a summit ... [that] ...": too far
            if sibling.dep_ in OBJECT_EXTENSIONS and sibling.left_edge.i <= end + 1 \
                    and (sibling.dep_ != "advcl" or _is_condition(sibling) or _describes_object(sibling)
                         or has_to(sibling) and sibling.left_edge.i == end) \
                    or sibling.dep_ == "prep" and not _is_time(sibling) and (
                    sibling.lower_ in OBJECT_PREPS or f"prep:{sibling.lower_}" in tags
                    or sibling.i == end and sibling.lower_ not in CIRCUMSTANCE_PREPS) \
                    or sibling.dep_ == "conj" and sibling.pos_ in {"NOUN", "PROPN"} and sibling.left_edge.i <= end + 1 \
                    or "with" in tags and _by_doing(sibling) is not None:  # "charged X with fraud by moving money"
                end = max(end, sibling.right_edge.i + 1)
            elif sibling.dep_ not in {"prep", "npadvmod", "advmod", "punct"}:
                continue  # only a time, a place or a manner of the verb lets the content go on after it
            reach = max(reach, sibling.right_edge.i + 1)
        return end

    def _around(self, cue: Token) -> list[Range]:
        """The clause a parenthetical cue interrupts, without the cue's own words (from its
        subject on: "Making the glue, the researchers note, takes days" keeps the opening
        phrase that the parse hung from the cue)."""
        head = _interrupted(cue)
        start, end = subtree_range(head)
        subject = next((c for c in cue.children if c.dep_ in SUBJECT_DEPS and c.i < cue.i), None)
        first = subject.left_edge.i if subject is not None else cue.left_edge.i
        while first > cue.left_edge.i and self.doc[first - 1].head == cue and self.doc[first - 1].dep_ in {"mark", "advmod"}:
            first -= 1  # "..., as the auditor put it"
        source = subject_after_parenthetical(cue)
        inner = (first, max(cue.right_edge.i, source.right_edge.i if source is not None else 0) + 1)
        parts = [(start, inner[0]), (inner[1], end)]
        rest, rest_end = trim(self.doc, *parts[1])
        if rest < rest_end and self.doc[rest].tag_ == "VBG" and self.doc[rest].dep_ == "advcl":
            parts.pop()  # "It will be costed, he said, swiping at his rival": what he did, not what he said
        return [p for p in parts if trim(self.doc, *p)[1] > trim(self.doc, *p)[0]]

    def _between_commas(self, cue: Token) -> list[Range]:
        """"Making the glue, the researchers note, takes days" parsed with the cue as the
        root, the opening phrase hung from it and the rest of the clause as a second verb
        with no subject of its own, or with the cue as the subject clause of the rest
        ("Making it work, Roe argues, depends on ..."): the clause around the commas, as
        :meth:`_around`."""
        subject = next((c for c in cue.children if c.dep_ in SUBJECT_DEPS and c.i < cue.i), None)
        if subject is None or subject.left_edge.i <= cue.sent.start + 1 or cue.i + 1 >= len(self.doc):
            return []
        before, after = self.doc[subject.left_edge.i - 1], self._after_own_words(cue)
        opening = [c for c in cue.children if c.i < before.i and not c.is_punct]
        if cue.dep_ == "csubj" and cue.head.i > after.i:
            rest = (after.i + 1, cue.head.right_edge.i + 1)
        else:
            verb = next((c for c in cue.children if c.dep_ == "conj" and c.pos_ in {"VERB", "AUX"}
                         and not any(g.dep_ in SUBJECT_DEPS for g in c.children)), None)
            rest = (verb.left_edge.i, verb.right_edge.i + 1) if cue.dep_ == "ROOT" and verb is not None else None
        if before.text != "," or after.text != "," or not opening or rest is None or rest[0] != after.i + 1:
            return []
        return [(opening[0].left_edge.i, before.i), rest]

    def _after_own_words(self, cue: Token) -> Token:
        """The token after the cue and what it says of its saying: when, where, to whom
        ("Roe explained earlier in the hearing", "Roe told MPs on Monday")."""
        end = cue.i + 1
        for child in cue.rights:
            if child.dep_ not in {"advmod", "npadvmod", "prep", "prt", "dobj", "dative"} or child.left_edge.i != end:
                break
            end = child.right_edge.i + 1
        return self.doc[min(end, len(self.doc) - 1)]

    def _set_off_from_a_noun(self, cue: Token) -> list[Range]:
        """"The problem, she told reporters, is that ...": a cue clause between two commas
        that the parse hung from the noun before it (as a relative clause, which commas
        and no relative word rule out) rather than from the clause it interrupts: the
        sentence around the commas."""
        subject = next((c for c in cue.children if c.dep_ in SUBJECT_DEPS and c.i < cue.i), None)
        if subject is None or cue.dep_ not in {"relcl", "parataxis", "acl"} or cue.head.pos_ not in {"NOUN", "PROPN"} \
                or cue.head.i > subject.i:
            return []
        first, last = subject.left_edge.i, cue.right_edge.i
        while last > cue.i and self.doc[last].is_punct:
            last -= 1
        sent = cue.sent
        if first - 1 <= sent.start or last + 2 >= sent.end or self.doc[first - 1].text != "," \
                or self.doc[last + 1].text != ",":
            return []
        if any(t.tag_ in {"WDT", "WP", "WP$", "WRB"} or t.lower_ == "that" for t in self.doc[first:cue.i]):
            return []  # "the plan, which she told us about, ...": a relative clause after all
        parts = [(sent.start, first - 1), (last + 2, sent.end)]
        return [p for p in parts if trim(self.doc, *p)[1] > trim(self.doc, *p)[0]]

    def _within_quote(self, start: int, end: int) -> bool:
        """Whether ``start``-``end`` is the words of one quotation, its marks left out
        ("she said: 'We will not.'" read as reported speech)."""
        return any(q.start <= start and end <= q.end for q in self.layout.quotes)

    def _single_quote_in(self, start: int, end: int) -> bool:
        """Whether a quotation in single marks (a text that quotes with them) lies within
        ``start``-``end``: "the finances were 'in a worse state than expected'" is mixed."""
        return any(q.style == "‘" and start <= q.mark and q.start < end for q in self.layout.quotes)

    def _named_in_apposition(self, subject: Token) -> Token:
        """"With 50 days until the election, Jane Roe, an adviser, said": the parse takes
        the last noun of an opening phrase for the subject and the name for its apposition."""
        if self._plausible(subject):
            return subject
        name = next((c for c in subject.children if c.dep_ == "appos" and c.pos_ == "PROPN" and c.i > subject.i
                     and c.left_edge.i > 0 and self.doc[c.left_edge.i - 1].text == ","), None)
        return name if name is not None and self._plausible(name) else subject

    def _plausible(self, source: Token) -> bool:
        """Whether ``source`` can name someone who speaks (:func:`plausible_source`), or is a
        word the document uses as a name where the parser took it for a noun ("Trump urges
        supporters to ...", with "Donald Trump" named elsewhere)."""
        return plausible_source(source, self.speaker_nouns, self.unnamed, self.groups, self.documents, self.people) \
            or antecedent(source).text in self.names

    @cached_property
    def names(self) -> set[str]:
        """The words the document uses as names (:func:`kg.claims.direct.document_names`),
        found when first needed unless given."""
        return self.known_names if self.known_names is not None else document_names(self.doc)

    def _inverted(self, cue: Token, tags: frozenset[str]) -> Attribution | None:
        """"Exports rose in May, reported the agency": a cue after its clause, its source
        after it (the parse takes the cue for a second verb of the clause and the source
        for its object)."""
        if cue.dep_ != "conj" or tags & {"weak", "document", "evidence", "quote", "as-clause"} or cue.i == 0:
            return None
        children = list(cue.children)
        sources = [c for c in children if c.dep_ == "dobj"]
        if len(sources) != 1 or any(c.dep_ not in {"dobj", "punct"} for c in children):
            return None
        source, comma = sources[0], cue.doc[cue.i - 1]
        rest = cue.doc[source.right_edge.i + 1:cue.sent.end]
        if comma.text != "," or not all(t.is_punct or t.is_space for t in rest) or source.left_edge.i != cue.i + 1:
            return None
        if (source.pos_ != "PROPN" and not any(c.dep_ == "det" for c in source.children)) \
                or not self._plausible(source):  # "Acme, ..., announced a new product": an object, not a source
            return None
        clause = cue.head
        return self._attribution(Rule.CCOMP_BEFORE, cue, source, [(clause.left_edge.i, comma.i)], None)

    def _hung_from_its_clause(self, cue: Token, tags: frozenset[str]) -> Attribution | None:
        """"Britain will quit even if MPs vote it down, the Government insisted today": a cue
        and its subject after their clause, that the parse hung from the clause's verb (taking
        the clause's own "if ..." for the cue's)."""
        if cue.dep_ != "ccomp" or cue.head.i > cue.i or cue.head.dep_ != "ROOT" or is_cue_verb(cue.head) \
                or tags & {"weak", "quote", "as-clause"}:
            return None  # "Roe said the videos show ..., the footage showed": Roe's claim, not the footage's
        source = next((c for c in cue.children if c.dep_ == "nsubj"), None)
        if source is None or source.left_edge.i < 2 or self.doc[source.left_edge.i - 1].text != "," \
                or source.right_edge.i != cue.i - 1 or not self._plausible(source):
            return None
        if not _closes_its_sentence(cue, [c for c in cue.children if c.i > cue.i]):
            return None
        return self._attribution(Rule.CCOMP_BEFORE, cue, source, [(cue.sent.start, source.left_edge.i - 1)], None)

    def _clause_read_as_its_subject(self, cue: Token) -> Attribution | None:
        """"Before the sale the dealer promised buyers would get a refund": the parse read the
        cue with its source as the subject of the clause it reports ("promised buyers" as a
        clause, or "promised" as an adjective of "buyers"); the content is that clause."""
        if cue.tag_ not in {"VBD", "VBZ", "VBP"} or cue.dep_ not in {"csubj", "amod"} or cue.head.i < cue.i:
            return None  # not "taxpayers reporting gains would pay": a participle is no cue said
        source = next((c for c in cue.children if c.dep_ == "nsubj" and c.i < cue.i), None)
        if cue.dep_ == "csubj":
            clause, objects = cue.head, [c for c in cue.children if c.dep_ == "dobj"]
            subject = objects[0] if len(objects) == 1 and objects[0].right_edge.i == cue.right_edge.i else None
        else:
            clause, subject = cue.head.head, cue.head if cue.head.dep_ == "nsubj" else None
        if source is None or subject is None or subject.pos_ not in {"NOUN", "PROPN", "PRON"} \
                or subject.left_edge.i > cue.i + 1 or clause.pos_ not in {"VERB", "AUX"} \
                or any(c.dep_ in SUBJECT_DEPS and c != subject for c in clause.children):
            return None
        finite = clause.tag_ in {"VBD", "VBZ", "VBP"} or any(c.dep_ == "aux" and c.i > cue.i for c in clause.children)
        asked = any(t.tag_.startswith("W") or t.dep_ == "mark" for t in self.doc[cue.left_edge.i:cue.i])
        if not finite or asked:
            return None  # "what he promised voters was a tax cut", "how he answers it will ...": a clause as subject
        return self._attribution(Rule.CCOMP, cue, source, [(cue.i + 1, clause.right_edge.i + 1)], None)

    def _after_clause_as_modifier(self, cue: Token, tags: frozenset[str]) -> Attribution | None:
        """"The show will end, the streaming service announced on Thursday": a cue after its
        clause, its source before it, that the parse read as a noun modified by a participle
        ("the service announced on Thursday") in apposition to the clause's subject."""
        if cue.dep_ != "acl" or cue.tag_ not in {"VBD", "VBN"} or tags & {"weak", "quote", "as-clause"}:
            return None
        source = cue.head
        start = source.left_edge.i
        if source.i != cue.i - 1 or source.pos_ != "NOUN" or start < 2 or self.doc[start - 1].text != "," \
                or start - 1 <= cue.sent.start or not self._plausible(source):
            return None
        if not _closes_its_sentence(cue, list(cue.children)):
            return None
        found = self._attribution(Rule.CCOMP_BEFORE, cue, source, [(cue.sent.start, start - 1)], None)
        if found is None:
            return None
        return replace(found, source_span=char_range(self.doc, start, source.i + 1))  # the source without its cue

    def _after_clause_as_noun(self, cue: Token) -> Attribution | None:
        """"The ferry is not safe, the harbour master maintains": a cue in -s after its
        clause, its source before it, that the parse read as a plural noun ("master
        maintains") heading a phrase in apposition to the clause."""
        tags = cue_tags(cue)
        if cue.tag_ != "NNS" or cue.dep_ == "ROOT" or tags is None or tags & {"weak", "quote", "as-clause"}:
            return None
        source, start = self.doc[cue.i - 1], cue.left_edge.i
        if "document" in tags and not is_document(source):
            return None  # "..., the survey shows", not "..., the minister shows"
        if source.head != cue or source.dep_ not in {"compound", "nmod"} or source.pos_ not in {"NOUN", "PROPN"} \
                or start - 1 <= cue.sent.start or self.doc[start - 1].text != "," or cue.head.i > start \
                or not self._plausible(source):
            return None
        if not _closes_its_sentence(cue, [c for c in cue.children if c.i > cue.i]):
            return None
        found = self._attribution(Rule.CCOMP_BEFORE, cue, source, [(cue.sent.start, start - 1)], None)
        return None if found is None else replace(found, source_span=char_range(self.doc, start, cue.i))

    # adjectives ------------------------------------------------------------------------

    def _adjective(self, adjective: Token) -> Attribution | None:
        """"Democrats are afraid that ...", "they weren't sure if ...", "he was critical of
        the plan": the subject of the adjective's clause holds its content."""
        if adjective.dep_ == "acomp" and adjective.head.lemma_ in LINKING_VERBS:
            verb = adjective.head
            subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        elif adjective.tag_ == "VBN" and any(c.dep_ == "auxpass" for c in adjective.children):
            verb = adjective  # "are worried that": parsed as a passive
            subject = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
        else:
            return None
        if subject is None or subject.lower_ in EXPLETIVES or not self._plausible(subject):
            return None
        tags = self.adjectives[adjective.lower_]
        cue_end = None
        content = next((c for c in (*adjective.children, *verb.children) if c.dep_ == "ccomp" and c.i > adjective.i), None)
        if content is not None:
            parts = [subtree_range(content)]
        else:
            prep = next((c for c in adjective.rights if c.dep_ == "prep" and f"prep:{c.lower_}" in tags
                         and c.i == adjective.i + 1 and any(o.dep_ in {"pobj", "pcomp"} for o in c.children)), None)
            if prep is None or prep.right_edge.i == prep.i + 1 and prep.right_edge.lower_ in LONE_OBJECTS:
                return None  # "concerned about this": no content of its own
            parts, cue_end = [(prep.i + 1, prep.right_edge.i + 1)], prep.i + 1
        attribution = self._attribution(Rule.ADJECTIVE, adjective, subject, parts, cue_end, weak=True)
        if attribution is not None:
            start = verb_group(verb)[0]
            attribution.cue = char_range(self.doc, start, cue_end or adjective.i + 1)
        return attribution

    # passive cues ------------------------------------------------------------------------

    def _is_passive(self, cue: Token) -> bool:
        return cue.tag_ == "VBN" and any(c.dep_ == "auxpass" for c in cue.children)

    def _gives_a_name(self, cue: Token) -> bool:
        """"The condition was dubbed “desk lung” by doctors": what follows the cue is a
        name in quotation marks or capitals, a name given (not "called a disaster")."""
        named = [c for c in cue.rights if c.dep_ in {"oprd", "attr", "dobj", "xcomp"}]
        return bool(named) and named[0].pos_ in {"NOUN", "PROPN"} and len(list(named[0].subtree)) <= 5 and (
            self.layout.in_quote(named[0]) or all(t.pos_ == "PROPN" for t in named[0].subtree if t.is_alpha))

    def _passive(self, cue: Token, tags: frozenset[str]) -> Attribution | None:
        """"Concerns were expressed by X / in a joint statement": the agent is the source."""
        source = agent_of(cue)
        for child in cue.children:
            if child.dep_ == "prep" and child.lower_ == "in" and source is None:
                pobj = next((c for c in child.children if c.dep_ == "pobj"), None)
                if pobj is not None and is_document(pobj):
                    source = pobj
        if source is None:
            return self._unsourced_passive(cue, tags)
        if not self._plausible(source):
            return None
        clauses = sorted((c for c in cue.children if c.dep_ == "ccomp"), key=lambda c: c.i < cue.i)
        content = clauses[0] if clauses else None  # "A – it's revealed in X that B": B, after the cue
        taken = next((c for c in source.children if c.dep_ == "prep" and c.i > source.i
                      and f"prep:{c.lower_}" in tags and c.children), None)
        if content is not None:
            parts = [subtree_range(content)]
        elif taken is not None:  # "is accused by critics of promoting ...": the cue's "of", hung from its agent
            parts = [(taken.i + 1, taken.right_edge.i + 1)]
        else:  # "Concerns about X, its plans ... were expressed": the subjects are the content
            subjects = [c for c in cue.children if c.dep_ == "nsubjpass" and not is_pronoun(c)]
            if not subjects or "naming" in tags and self._gives_a_name(cue):
                return None
            parts = [(subjects[0].left_edge.i, subjects[-1].right_edge.i + 1)]
            said_of_it = next((c for c in cue.rights if c.dep_ == "oprd" or c.dep_ == "prep" and c.lower_ == "as"), None)
            if said_of_it is not None:  # "X has been described as 'heartbreaking' by Y": what is said of X too
                parts.append(subtree_range(said_of_it))
        found = self._attribution(Rule.PASSIVE, cue, source, parts, None, weak="weak" in tags)
        if found is not None and taken is not None and content is None:
            found.source_span = char_range(self.doc, *trim(self.doc, source.left_edge.i, taken.i))
        return found

    def _unsourced_passive(self, cue: Token, tags: frozenset[str]) -> Attribution | None:
        """A passive cue without its source: "X is expected to win", "X was accused of Y",
        "X has been criticized for Y", "it is believed that ..."; not "X was described as
        Y", which is as often a name ("became known as") or a role ("was confirmed as").
        The content is the subject with what the cue says of it; the source is unknown.
        A raising verb that hedges ("is expected to visit", ``hedges.tsv``) is a hedge on
        the writer's own statement, not an attribution."""
        if "document" in tags or "quote" in tags or cue.lemma_.lower() in self.hedge_verbs:
            return None
        if cue.lemma_ == "say" and any(c.dep_ == "prep" and c.lower_ == "of" and c.i == cue.i + 1 for c in cue.children):
            return None  # "the same can't be said of X": said of, not said by anyone
        if "as" in tags and not any(c.dep_ == "prep" and c.lower_ == "as" for c in cue.children):
            return None  # "votes were cast for one finalist": cast, not cast as anything
        children = list(cue.children)
        subject = _passive_subject(cue)
        clause = next((c for c in children if c.dep_ == "ccomp" and c.i > cue.i), None)
        if clause is not None and (subject is None or subject.lower_ in EXPLETIVES or "addressee" in tags):
            # "it is believed that X"; "investors have been told X": what they were told
            return self._attribution(Rule.PASSIVE_UNSOURCED, cue, None, [subtree_range(clause)], None, weak=True)
        if subject is None or subject.lower_ in EXPLETIVES or self.layout.in_quote(subject):
            return None
        subject_range = subtree_range(subject)
        if subject.tag_ in {"WDT", "WP"}:  # "the council, which has been blamed for X": the council
            noun = antecedent(subject)
            if noun is subject:
                return None
            subject_range = (noun.left_edge.i, noun.i + 1)
        said = None
        cue_end = None
        group_end = verb_group(cue)[1]
        for child in children:
            if child.i < cue.i:
                continue
            if child.dep_ == "xcomp" and has_to(child) and tags & {"to", "addressee", "weak"}:
                if _gap_in_relative(cue) or "purpose" in tags:
                    return None  # "the picture we were told to expect": the noun is what was told, the gap its
                    # place; "GCSEs were intended to ensure ...": what they are for
                said = subtree_range(child)  # "is said to", "was told to", "is believed to"; not "was revised to"
            elif child.dep_ == "prep" and any(c.dep_ in {"pobj", "pcomp"} for c in child.children):
                if f"prep:{child.lower_}" in tags and child.i == group_end and tags & {"object", "addressee"}:
                    said, cue_end = (child.i + 1, child.right_edge.i + 1), child.i + 1
                elif _judged_for(child, tags):
                    said = subtree_range(child)
            if said is not None:
                break
        if said is None:
            return None
        parts = [subject_range, said]
        return self._attribution(Rule.PASSIVE_UNSOURCED, cue, None, parts, cue_end, weak=True)

    # according to ------------------------------------------------------------------------

    def _according_to(self, token: Token) -> Attribution | None:
        """The clause "according to X" (or "per X") hangs from, around the phrase. When the parse makes
        "According" the root of "According to X, Y.", the content is what follows the comma
        after X; when it reads a noun of X as a verb ("according to show insiders"), X is
        its last noun."""
        to = token if token.lower_ == "per" else next((c for c in token.children if c.lower_ == "to"), None)
        if to is None:  # "per the WHO, ...": "per" is its own "according to"
            return None
        if to is token and is_cue_verb(token.head) and not is_passive(token.head):
            return None  # "Guccifer said, per a translator, that ...": the report is the cue's (not "is found")
        if to is token and _a_rate(token):
            return None  # "$10 per short ton", "40 tonnes of coal per working day"
        source = next((c for c in to.children if c.dep_ == "pobj"), None) \
            or next((t for t in reversed(list(to.subtree)) if t.pos_ in {"NOUN", "PROPN"}), None)
        if source is None or _bare_singular(source):
            return None
        if token.head == token:
            parts = self._after_opening_phrase(token, source)
        else:
            clause = token.head
            while clause.dep_ not in {"ROOT", "ccomp", "conj", "advcl", "relcl"} and clause.head != clause:
                clause = clause.head
            start, end = subtree_range(clause)
            phrase = (token.i, _after_apposition(clause, to.right_edge.i + 1))
            parts = [p for p in ((start, phrase[0]), (phrase[1], end)) if trim(self.doc, *p)[1] > trim(self.doc, *p)[0]]
        if not parts:
            return None
        attribution = self._attribution(Rule.ACCORDING, token, source, parts, to.i + 1)
        if attribution is not None:
            attribution.cue = char_range(self.doc, token.i, to.i + 1)
        return attribution

    def _after_opening_phrase(self, token: Token, source: Token) -> list[Range]:
        """"According to X, Y.": the rest of the sentence after the comma that ends X."""
        sentence = token.sent
        if token.i != sentence.start:
            return []
        comma = next((t.i for t in self.doc[source.i + 1:sentence.end] if t.text == ","), None)
        return [(comma + 1, sentence.end)] if comma is not None else []

    # constructions of the rule table (kg/data/claim_rules.toml) ---------------------------

    def _matched(self, cue: Token) -> Attribution | None:
        """The first construction of the rule table found at ``cue`` that passes its checks
        ("her claim that ...", "his view is that ...": :mod:`.patterns`)."""
        for match in self.matches.get(cue.i, []):
            if self.rules.patterns[match.rule]["sources"] and match.source is None:
                continue
            if not all(CHECKS[check](self, match) for check in self.rules.checks.get(match.rule, ())):
                continue
            attribution = self._attribution(Rule(match.rule), cue, match.source, [subtree_range(match.content)], None)
            if attribution is not None:
                if match.cue_end is not None:
                    start = verb_group(cue)[0] if cue.pos_ in {"VERB", "AUX"} else cue.i
                    attribution.cue = char_range(self.doc, start, match.cue_end.i + 1)
                return attribution
        return None

    # content edges -----------------------------------------------------------------------

    def _before_next_cue(self, start: int, end: int, source: Token) -> Range:
        """The content up to a cue that goes on with the same source: "..., arguing that
        ...", "... and called it ...". That cue is a claim of its own, by this source."""
        for i in range(start + 1, end):
            token = self.doc[i]
            if not is_cue_verb(token) or any(c.dep_ in SUBJECT_DEPS for c in token.children) \
                    or not self._complement(token, cue_tags(token) or frozenset())[1]:
                continue  # "what to say or not say", "would add $84 billion": no claim of its own
            if _in_relative_clause(token, start, end):
                continue  # "... the leaders that promised X and criticized Y": their claims
            if self.layout.in_quote(token):
                continue  # 'said X "can't start a fight and then claim bullying"': the source's own words
            joiner = self.doc[token.left_edge.i - 1] if token.left_edge.i > start else None
            participle = token.tag_ == "VBG" and token.dep_ in {"advcl", "xcomp", "conj"}
            coordinated = token.dep_ == "conj"
            if joiner is not None and (participle and joiner.text == "," or coordinated and joiner.dep_ == "cc"):
                cut = joiner.i
                while cut > start and self.doc[cut - 1].text == ",":
                    cut -= 1
                self.continued[token.i] = source
                return start, cut
        return start, end

    def _with_its_quotation(self, start: int, end: int) -> Range:
        """A content (characters) taken on to the end of a quotation that opens in it and goes
        on past its sentence: 'said that Roe "can't win. Nobody can."' is one claim."""
        sentence_end = self.doc.char_span(start, end, alignment_mode="expand")[-1].sent.end_char
        for quote in self.layout.quotes:
            if start <= quote.mark < end and quote.closed and quote.end > sentence_end:
                return start, quote.end
        return start, end

    def _without_trailing_relative(self, start: int, end: int) -> Range:
        """The content without a non-restrictive relative clause that ends it ("..., the
        rules, which the court has put on hold"), an apposition to a name that ends it
        ("he's not Alicia Keys, the singer who ..."), the outlet that relayed it ("...,
        via ESPN", "..., per the Post") or an aside after a single dash: a comment on its
        last words, or on where they were read, not words of the source."""
        for i in range(end - 1, start, -1):
            token = self.doc[i]
            aside = token.dep_ == "relcl" or token.dep_ == "appos" and token.head.pos_ == "PROPN" \
                or relayed_by(token)
            if aside and token.right_edge.i >= end - 2 and token.left_edge.i > start:
                comma = token.left_edge.i - 1
                if self.doc[comma].text == "," and self.layout.marks[comma] < 0:
                    return start, comma
        dashes = [i for i in range(start + 2, end) if self.doc[i].text in ASIDE_DASHES and self.layout.marks[i] < 0]
        if len(dashes) == 1:  # "... ballistic missiles – a system involving radars": an aside, not paired
            return start, dashes[0]
        return start, end

    def _one_clause(self, cue: Token, start: int, end: int) -> Range:
        """The content without what a semicolon outside quotation marks adds to it."""
        for i in range(start, end):
            token = self.doc[i]
            if token.text == ";" and self.layout.marks[i] < 0:
                return (start, i) if cue.i < i else (i + 1, end)
        return start, end

    # records -----------------------------------------------------------------------------

    def _attribution(self, pattern: Rule, cue: Token, source: Token | None, parts: list[Range],
                     cue_end: int | None, weak: bool = False) -> Attribution | None:
        doc, text = self.doc, self.text
        if source is not None and source.lower_ == "you" and not self.layout.in_quote(source):
            return None  # "You might call it the opposite of ...": the writer's generic you, no source
        contents = []
        for start, end in parts:
            if pattern in CLAUSAL_PATTERNS:  # "said A, arguing B"; but "praised X, describing it as Y"
                start, end = self._before_next_cue(start, end, source)
            if pattern in PHRASE_PATTERNS:
                end = _before_closing_time(doc, start, end)
            start = after_dateline(doc, *trim(doc, start, end))  # before its dash is taken for an aside's
            start, end = trim(doc, *self._without_trailing_relative(*self._one_clause(cue, start, end)))
            end = whole_word_end(doc, end)
            if end > start and not (len(parts) > 1 and _only_a_connective(doc[start:end])) \
                    and not _only_someone_speaking(doc[start:end]):
                contents.append(char_range(doc, start, end))
        if not contents:
            return None
        contents[-1] = self._with_its_quotation(*contents[-1])
        group = verb_group(cue) if cue.pos_ in {"VERB", "AUX"} else (cue.i, cue.i + 1)
        withheld = withheld_by(cue)
        if withheld is not None:  # "declined to recommend": the cue says what was not done
            group = (verb_group(withheld)[0], group[1])
        cue_range = char_range(doc, group[0], cue_end or group[1])
        source_span = None
        if source is not None:
            inside = [self.layout.token_range(*c) for c in contents]
            avoid = next((r for r in inside if r[0] <= source.i < r[1]), None) \
                or next((r for r in inside if r[0] < source.right_edge.i + 1 and source.left_edge.i < r[1]), None)
            span = source_range(source, avoid=avoid, cue=group[0])
            source_span = char_range(doc, *span) if span[1] > span[0] else None
        if pattern in INTERRUPTING_PATTERNS:  # the pieces of the one clause a cue interrupts are one claim, the
            contents = [(contents[0][0], contents[-1][1])]  # cue's words within ("In the future, Roe said, it could ...")
        whole = text[contents[0][0]:contents[-1][1]]
        kind = "mixed" if has_partial_quote(whole) or self._single_quote_in(contents[0][0], contents[-1][1]) \
            else "indirect"
        if len(contents) == 1 and (kind == "mixed" and _is_one_quotation(whole) or self._within_quote(*contents[0])):
            kind = "direct"
        return Attribution(pattern, cue_range, contents, kind, source, source_span, cue_token=cue, weak=weak)


def _is_one_quotation(text: str) -> bool:
    """True when the text is a single quotation, marks included."""
    text = text.strip()
    return len(text) > 2 and (text[0] in "“\"" and text[-1] in "”\"" and not any(m in text[1:-1] for m in "“”\"")
                              or text[0] in "‘'" and text[-1] in "’'" and text.count(text[0]) == 1)


def _a_rate(per: Token) -> bool:
    """"per" right after a number or a noun it hangs from: a rate ("$10 per short ton"),
    not a source ("cases rose, per the ministry")."""
    before = per.doc[per.i - 1] if per.i else None
    return before is not None and not before.is_punct and (per.head.pos_ in {"NOUN", "NUM", "SYM"} or per.head.like_num)


def _bare_singular(noun: Token) -> bool:
    """"according to plan": a singular common noun (or a foreign word: "per capita")
    without determiner or words that tell which ("evidence presented at trial") names no
    source."""
    return noun.tag_ in {"NN", "FW"} and not any(c.dep_ in {"det", "poss", "compound", "amod", "acl", "relcl"}
                                         for c in noun.children)


def _clause_taken_as_adverbial(cue: Token) -> list[Token]:
    """A finite clause with a subject of its own and no subordinator after the cue, which
    the parse hung as an adverbial ("Trump said after the convention he would not ..."):
    the clause the cue reports."""
    for child in cue.rights:
        if child.dep_ != "advcl" or not any(c.dep_ == "nsubj" and c.i < child.i for c in child.children):
            continue
        finite = child.tag_ in FINITE_TAGS or any(c.dep_ == "aux" and c.tag_ in FINITE_TAGS for c in child.children)
        if finite and not any(_subordinates(c) for c in child.lefts):
            return [child]
    return []


def _subordinates(token: Token) -> bool:
    """A word that makes its clause an adverbial ("because", "when", "if"), not a
    preposition with an object of its own ("after the convention")."""
    return token.dep_ == "mark" or token.tag_ == "WRB" \
        or token.tag_ == "IN" and not any(c.dep_ in {"pobj", "pcomp"} for c in token.children)


def _is_finite(clause: Token) -> bool:
    """A clause with a tense, a complementiser or "to" ("that prices rose", "if it works",
    "expects them to rise"), not the bare infinitive of a verb of perception ("would see
    prices rise")."""
    return clause.tag_ in FINITE_TAGS or clause.tag_ in {"WDT", "WP", "WRB"} \
        or any(c.dep_ in {"aux", "auxpass", "mark"} and (c.dep_ == "mark" or c.tag_ in FINITE_TAGS or c.tag_ == "TO")
               or c.tag_ in {"WDT", "WP", "WRB"} for c in clause.children)


def _verb_after_an_opening_participle(cue: Token) -> bool:
    """"Following the arrest, a lawyer for the woman involved in the case asked for ...":
    the parse took the opening participle, a preposition here, for the sentence's verb
    (the root, its first word, with no tense) and hung the verb from its subject as a
    participle.

    >>> from kg import nlp
    >>> doc = nlp.load()("Following the arrest in London, a lawyer for the woman involved in the case asked for "
    ...                  "the inquiry to be reopened.")
    >>> doc[15].text, doc[15].tag_, _verb_after_an_opening_participle(doc[15])
    ('asked', 'VBN', True)
    """
    root = cue.sent.root
    return cue.dep_ == "acl" and root.i == cue.sent.start and root.tag_ == "VBG" and cue.head.i > root.i


def _past_tense_read_as_participle(token: Token) -> bool:
    """"Regulators and groups worried that ...": a past tense the tagger took for a
    participle (an adjective cue) although it has a subject and no auxiliary."""
    return token.tag_ == "VBN" and is_cue_verb(token) and any(c.dep_ == "nsubj" for c in token.children) \
        and not any(c.dep_ in {"aux", "auxpass", "cop"} for c in token.children)


def _subject_read_as_relative(clause: Token) -> Token | None:
    """The relative clause that the parse made of the subject of a clause left without one:
    "told friends that the interview aired at the weekend was a success", read as "friends
    that the interview aired" and "was a success"."""
    if any(c.dep_ in SUBJECT_DEPS for c in clause.children) or clause.left_edge.i == 0:
        return None
    before = clause.doc[clause.left_edge.i - 1]
    relative = next((t for t in before.ancestors if t.dep_ == "relcl"), before if before.dep_ == "relcl" else None)
    if relative is None or relative.right_edge.i != before.i or relative.left_edge.lower_ != "that" \
            or relative.head.head != clause.head:
        return None
    return relative


def _misattached_that_clause(cue: Token, children: list[Token], addressees: list[Token]) -> Token | None:
    """"told a meeting of leaders that few people understood ...", "reported at the time
    that ...": the parse takes the cue's that-clause for a relative clause of the
    addressee or of a phrase right after the cue or the addressee ("told investors on a
    call that ..."); its "that" is a complementiser. Or
    "told teachers who packed the lawn that the state should pay": for a clause of the
    relative clause, whose verb reports nothing."""
    group_end = verb_group(cue)[1]
    after = {group_end} | {a.right_edge.i + 1 for a in addressees}  # "told investors on a call that ..."
    hosts = addressees + [c for c in children if c.dep_ == "prep" and c.i in after]
    for host in hosts:
        for token in host.subtree:
            subject = any(c.dep_ in {"nsubj", "nsubjpass"} and c.lower_ != "that" for c in token.children)
            if token.dep_ in {"relcl", "acl"} and subject \
                    and any(c.lower_ == "that" and c.dep_ in {"mark", "advmod"} for c in token.children):
                return token
            if token.dep_ == "ccomp" and (token.head.dep_ == "relcl" and not is_cue_verb(token.head) or token.head == host) \
                    and subject and any(c.lower_ == "that" and c.dep_ == "mark" for c in token.children):
                return token  # also hung from the addressee itself ("telling the BBC's Today programme that ...")
    return None


def _given_to_someone(cue: Token, obj: Token) -> bool:
    """Whether a verb of giving as well as saying (``giving`` in ``cue_verbs.txt``) has a
    second object, whom the first goes to ("denied them access"; "denied it to reporters"
    may be either, and stays a claim)."""
    return any(c.dep_ in {"dative", "dobj"} and c.i != obj.i for c in cue.children)


def _object_taken_from_its_clause(cue: Token, tags: frozenset[str]) -> tuple[Token, Token] | None:
    """The cue's object and the clause after it, when the parse took the object from that
    clause, which then has no subject ("recommends all adults over 65 get a vaccine", the
    clause read as a complement or an adverbial; not "told the board the plan had failed",
    whose object is whom the words are for)."""
    if "weak" in tags:
        return None
    objects = [c for c in cue.children if c.dep_ == "dobj" and c.i > cue.i]
    clause = next((c for c in cue.rights if c.dep_ in {"ccomp", "xcomp", "advcl"}), None)
    if len(objects) != 1 or clause is None or clause.i < objects[0].i or clause.tag_ not in FINITE_TAGS | {"VB"} \
            or any(c.dep_ in {"nsubj", "nsubjpass", "expl", "csubj", "mark"} or c.lower_ == "to" for c in clause.children):
        return None
    if "addressee" in tags and (not _has_a_tense(clause) or any(t.lower_ == "that" for t in cue.doc[cue.i:clause.i])):
        return None  # "warned investors could lose money"; not "told friends that the show aired was a success"
    between = [c for c in cue.children if objects[0].i < c.i < clause.i]
    if any(c.dep_ not in {"prep", "npadvmod", "advmod", "punct"} for c in between):
        return None
    return objects[0], clause


def _has_a_tense(clause: Token) -> bool:
    """Whether a clause has a tense of its own ("could lose", "lost", "were told"), not a
    bare verb ("pass"); stricter than :func:`_is_finite`, which also takes "that" or "to"."""
    return clause.tag_ in FINITE_TAGS or any(c.dep_ in {"aux", "auxpass"} and c.tag_ in FINITE_TAGS
                                             for c in clause.children)


def _behind_a_noun(clause: Token) -> Token:
    """The that-clause of a noun the parse took for the cue's clause ("told the BBC's
    flagship Today *programme* that ..."): the noun belongs to whom it was said to; the
    clause is what was said."""
    if clause.pos_ not in {"NOUN", "PROPN"}:
        return clause
    return next((c for c in clause.rights if c.dep_ in {"ccomp", "acl", "relcl"}
                 and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)
                 and any(s.dep_ in {"nsubj", "nsubjpass"} for s in c.children)), clause)


def _wh_clause(cue: Token, children: list[Token]) -> Token | None:
    """"have not said when they would vote": a question clause the parse took for an adverbial."""
    for child in children:
        if child.dep_ == "advcl" and child.left_edge.lower_ in WH_WORDS \
                and verb_group(cue)[1] <= child.left_edge.i <= verb_group(cue)[1] + 1:
            return child
    return None


CONTRASTS = {"while", "whereas"}


def _contrasted_report(clause: Token) -> Token | None:
    """A clause inside ``clause`` that sets another speaker's words against it ("..., while
    his rival *warned* that ..."): the writer's juxtaposition, not part of what was said
    (a weak cue is not: "..., while the U.S. will *see* 2 percent growth")."""
    for verb in clause.subtree:
        if verb.dep_ == "advcl" and is_cue_verb(verb) and "weak" not in (cue_tags(verb) or ()) and verb.i > clause.i \
                and any(c.dep_ == "mark" and c.lower_ in CONTRASTS for c in verb.children) \
                and any(c.dep_ in SUBJECT_DEPS for c in verb.children):
            return verb
    return None


def _own_complement_after(cue: Token, tags: frozenset[str]) -> bool:
    """Whether the cue goes on with a complement of its own, right after it: an infinitive
    or an object it takes ("A — McClatchy is planning to end B", "A, he urged the Russians to
    hack B"), so the clause before is not what it reports (unlike "A, Kennedy wrote Linick").

    >>> from kg import nlp
    >>> doc = nlp.load()("They cut jobs, and the firm is planning to end print. Sales fell, Roe wrote Lee.")
    >>> _own_complement_after(doc[8], frozenset({"to"})), _own_complement_after(doc[17], frozenset())
    (True, False)
    """
    after = verb_group(cue)[1]
    return any(c.left_edge.i == after and (c.dep_ == "xcomp" or c.dep_ == "dobj" and "object" in tags)
               for c in cue.children)


def _only_a_connective(words: Span) -> bool:
    """Whether a part of an interrupted clause is only a connective ("Meanwhile, Roe says,
    they are buying time": "Meanwhile" says nothing of its own; "That, Roe said, is the
    plan": "That" is the subject).

    >>> from kg import nlp
    >>> doc = nlp.load()("Meanwhile, Roe says, they are buying time.")
    >>> _only_a_connective(doc[0:1]), _only_a_connective(doc[5:9])
    (True, False)
    """
    return all(t.pos_ in {"ADV", "CCONJ", "SCONJ", "PUNCT"} and t.dep_ not in {"nsubj", "nsubjpass"} for t in words)


def _only_someone_speaking(words: Span) -> bool:
    """Whether words said are only a pronoun and a verb of saying ("He said, *she said*"):
    they tell that someone spoke, not what.

    >>> from kg import nlp
    >>> doc = nlp.load()("He said, she said. He said she left.")
    >>> _only_someone_speaking(doc[3:5]), _only_someone_speaking(doc[8:10])
    (True, False)
    """
    words = [t for t in words if not t.is_punct]
    return len(words) == 2 and words[0].pos_ == "PRON" and is_cue_verb(words[1])


def _a_proper_name(head: Token) -> bool:
    """Whether the phrase ``head`` heads is a short proper name ("TNG50", "Moscow Mick").

    >>> from kg import nlp
    >>> doc = nlp.load()("They call it TNG50. Critics called Oz a quack.")
    >>> _a_proper_name(doc[3]), _a_proper_name(doc[9])
    (True, False)
    """
    words = [t for t in head.subtree if not t.is_punct]
    return len(words) <= 4 and all(t.pos_ == "PROPN" for t in words)


def _held_by_another(noun: Token) -> bool:
    """Whether a speech noun belongs to someone named other than the one who acts on it
    ("disputed *the police's* claim that ..."): a possessive name, or a possessive pronoun
    where a thing acts ("*that* contradicts *his* claim that ..."); not a pronoun that may
    be the actor's own ("*she* voiced *her* concerns that ...").

    >>> from kg import nlp
    >>> doc = nlp.load()("The mayor disputed the police's claim that he had a gun. She voiced her fear that it failed. "
    ...                  "This contradicts his claim that he left.")
    >>> _held_by_another(doc[6]), _held_by_another(doc[17]), _held_by_another(doc[24])
    (True, False, True)
    """
    actor = subject_of(noun.head) if noun.dep_ == "dobj" else None
    thing_acts = actor is not None and actor.lower_ in THING_PRONOUNS
    return any(c.dep_ == "poss" and (c.pos_ in {"PROPN", "NOUN"} or thing_acts) for c in noun.children)


def _judged_for(prep: Token, tags: frozenset[str]) -> bool:
    """Whether ``prep`` gives what a passive cue without its source says of its subject,
    who is the cue's object or addressee: a preposition the cue takes ("was accused of",
    "was told of"), or "for" or "over" after a cue that is no mere stance ("was criticized
    for", "was praised over"); not "is known for", "was requested of", "was appealed for".

    >>> from kg import nlp
    >>> doc = nlp.load()("He was criticized for the delay. It is known for its wines.")
    >>> _judged_for(doc[3], frozenset({"object"})), _judged_for(doc[10], frozenset({"weak"}))
    (True, False)
    """
    if _is_time(prep) or prep.lower_ not in {"of", "about", *JUDGED_FOR} or not tags & {"object", "addressee"}:
        return False  # "was called on the Lake", "was appealed for": not what a cue says of someone
    return f"prep:{prep.lower_}" in tags or prep.lower_ in JUDGED_FOR and "weak" not in tags


def _passive_subject(cue: Token) -> Token | None:
    """The passive subject nearest before the cue ("LONDON (AP) — The party was accused":
    the parse may take the dateline for a second subject)."""
    subjects = [c for c in cue.children if c.dep_ == "nsubjpass"]
    before = [c for c in subjects if c.i < cue.i]
    return (before or subjects or [None])[-1]


def _hides_a_clause(obj: Token) -> bool:
    """"said many of the examples ... failed": an object whose phrase holds a finite verb
    that is not a relative clause of it, a clause the parse cut at its subject; or a past
    form the parse took for a participle of the object ("said 15,000 people registered
    for the march"): a verb of saying reports no people, so its object is a clause's subject;
    or a clause the parse folded into a modifier of the object ("said the company had
    failed customers": "failed customers" with a subject and an auxiliary of its own)."""
    return any(t.tag_ in {"VBD", "VBZ", "VBP", "MD"} and t.dep_ in {"advcl", "conj", "ccomp"} and t.head.i >= obj.i
               or t.dep_ == "acl" and t.tag_ == "VBN" and t.head == obj and t.i > obj.i
               and not any(c.dep_ in {"aux", "auxpass"} for c in t.children)
               or t.dep_ == "nsubj" and t.head.dep_ == "aux" and t.head.tag_ in {"VBD", "VBZ", "VBP", "MD"}
               and t.head.head.dep_ == "amod" and t.head.head.head == obj  # "said the company had failed customers"
               for t in obj.subtree)


def _before_closing_time(doc: Doc, start: int, end: int) -> int:
    """A phrase content without the time and place that close the sentence ("thanked X
    for his efforts to end the war Thursday at a summit"): news dates the report there,
    whatever word the parse hangs the date from."""
    for token in doc[start + 2:end]:
        if token.dep_ == "npadvmod" and token.ent_type_ in {"DATE", "TIME"} and token.head.pos_ == "VERB" \
                and start <= token.head.i < token.i:
            rest = [t for t in doc[token.right_edge.i + 1:end] if t.head == token.head or t.head.i > token.i]
            if len(rest) == end - token.right_edge.i - 1 and all(
                    t.head != token.head or t.dep_ in {"prep", "punct"} and t.lower_ in CIRCUMSTANCE_PREPS | {","}
                    for t in rest):
                return token.left_edge.i
    return end


def _how_it_is_said(cue: Token, subject: Token) -> bool:
    """Whether the sentence opens with a clause asking how or why its source says something
    ("How the mayor answers critics will decide the vote"): no claim is made of what is
    said (but "that is why she thinks X" still tells what she thinks).

    >>> from kg import nlp
    >>> doc = nlp.load()("Why the mayor told reporters nothing will remain a mystery.")
    >>> _how_it_is_said(doc[3], doc[2])
    True
    """
    first = cue.left_edge
    return first.lower_ in {"how", "why"} and first.head == cue and first.i == cue.sent.start \
        and first.i + 1 == subject.left_edge.i


def _done_by_acting(cue: Token) -> bool:
    """"highlighted his goals by choosing China": the cue names what an act conveys (its
    means a deed, not words), so it reports no words ("responded by saying" does)."""
    return any((deed := _by_doing(child)) is not None and not is_cue_verb(deed) for child in cue.children)


def _by_doing(phrase: Token) -> Token | None:
    """The deed of a "by" phrase ("by choosing China"), if it is one."""
    if phrase.dep_ == "prep" and phrase.lower_ == "by":
        return next((c for c in phrase.children if c.dep_ == "pcomp" and c.tag_ == "VBG"), None)
    return None


def _a_speakers_verb_outside_what_it_reports(verb: Token, cue: Token) -> bool:
    """Whether ``verb`` has a subject of its own and hangs from ``cue`` through no clause
    that ``cue`` reports: "footage of Trump saying" (from "concludes with"), not "Roe
    quieted them, telling them" (from "said"), nor "a written statement" (no subject)."""
    if not any(c.dep_ in SUBJECT_DEPS for c in verb.children):
        return False
    while verb.i != cue.i and verb.head.i != verb.i:
        if verb.dep_ in {"ccomp", "xcomp", "conj"}:
            return False
        verb = verb.head
    return verb.i == cue.i


def _required(cue: Token) -> bool:
    """Whether the cue says what someone other than the speaker must do ("a server must
    agree to the rules"; not "I must say that ...", which says it)."""
    subject = next((c for c in cue.children if c.dep_ in SUBJECT_DEPS), None)
    return any(c.dep_ == "aux" and c.lower_ == "must" for c in cue.children) \
        and subject is not None and subject.lower_ not in {"i", "we"}


def _an_outcome(cue: Token) -> bool:
    """Whether the cue is what came of an act, not something said ("they flocked to the
    app, only to find that there were few options")."""
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in cue.children) \
        and any(c.dep_ == "advmod" and c.lower_ == "only" and c.i < cue.i for c in cue.children)


def _goes_on_after_a_comma(clause: Token) -> bool:
    """A clause after a comma that opens with "where" or "when": what the parse hung on a
    parenthetical cue goes on from the clause the cue interrupts ("Costs are no problem in
    Ohio, she said, where land is cheap")."""
    opening = clause.left_edge
    return opening.lower_ in {"where", "when"} and opening.i > 0 and clause.doc[opening.i - 1].text == ","


def _is_relative(clause: Token) -> bool:
    """A clause whose subject is the relative "that" right after a noun ("spoke before
    lawmakers defending the budget that raised spending"): a noun's relative clause the
    parse hung on the verb, not what was said ("said that was wrong" has a demonstrative,
    "joked that, among ..." a conjunction)."""
    return any(c.dep_ in SUBJECT_DEPS and c.lower_ == "that" and c.tag_ == "WDT" and c.i > 0
               and c.doc[c.i - 1].pos_ in {"NOUN", "PROPN", "NUM"} for c in clause.children)


def _modifies(cue: Token, subject: Token) -> bool:
    """True when the cue's "subject" is the noun the cue modifies ("a statement saying",
    "his refusal to say"), which must then be able to speak."""
    return cue.dep_ == "acl" and cue.head.i == subject.i


def _terms_of_speaking(cue: Token) -> list[Token] | None:
    """When the cue asks for the terms on which someone speaks ("who requested anonymity
    to discuss the talks", "asked for anonymity to describe it";
    ``kg/data/terms_of_speaking.txt``), the verbs that say what for: no claim; else None.

    >>> from kg import nlp
    >>> doc = nlp.load()("An aide, who requested anonymity to discuss the talks, said they failed.")
    >>> _terms_of_speaking(doc[4]), _terms_of_speaking(doc[11])
    ([discuss], None)
    """
    objects = [c for c in cue.children if c.dep_ == "dobj"]
    objects += [o for p in cue.children if p.dep_ == "prep" for o in p.children if o.dep_ == "pobj"]
    if not any(o.lemma_.lower() in lexicon("terms_of_speaking.txt") for o in objects):
        return None
    return [c for head in [cue, *objects] for c in head.children if c.dep_ in {"xcomp", "advcl", "acl"}]


def _withheld(cue: Token, first: Token) -> bool:
    """"declined to say when ...", "refused to comment on the report": a cue that a verb of
    ``negative_implicatives.txt`` says was not done, asking a question or commenting,
    reports nothing said ("refused to disclose the records" still names what was not).

    >>> from kg import nlp
    >>> doc = nlp.load()("He declined to say when the show would return.")
    >>> _withheld(doc[3], doc[4])
    True
    """
    if cue.dep_ != "xcomp" or cue.head.lemma_.lower() not in lexicon("negative_implicatives.txt"):
        return False
    return cue.lemma_.lower() == "comment" or first.lower_ in WH_WORDS


def _asked_about(cue: Token) -> bool:
    """"declined to say whether it would *propose* changes", "it is unclear whether the
    union will *demand* a vote": a cue in an indirect question is asked about, not done.

    >>> from kg import nlp
    >>> doc = nlp.load()("It is unclear whether the union will demand a vote.")
    >>> _asked_about(doc[7])
    True
    """
    return any(c.dep_ == "mark" and c.lower_ == "whether" for c in cue.children)


def _with_its_conditions(cue: Token, clause: Token) -> Range:
    """The range of a clause before its cue, with the clauses after it that the parse hung
    from the cue ("The ferry will sail *even if the unions vote it down*, the company
    insisted"; "Fares rose, *but the service will improve*, she said": between the clause
    and the comma before the cue's subject, they are the clause's).

    >>> from kg import nlp
    >>> doc = nlp.load()("Earlier studies found that patients recover faster, but doctors would need more data, Moreau said.")
    >>> start, end = _with_its_conditions(doc[16], doc[2])
    >>> doc[start:end].text
    'Earlier studies found that patients recover faster, but doctors would need more data'
    """
    start, end = subtree_range(clause)
    subject = next((c for c in cue.children if c.dep_ == "nsubj" and c.i > clause.i), None)
    comma = subject.left_edge.i - 1 if subject is not None else -1
    if comma > end and cue.doc[comma].text == ",":
        hung = {t.i for c in cue.children if c.dep_ in {"advcl", "ccomp"} and end <= c.left_edge.i
                and c.right_edge.i < comma for t in c.subtree}
        if all(i in hung for i in range(end, comma)):
            return start, comma
    while end - 1 > start and (cue.doc[end - 1].dep_ == "cc" or cue.doc[end - 1].text == ","):
        end -= 1  # "..., but" with the clause after it hung elsewhere
    return start, end


def _interrupted(cue: Token) -> Token:
    """The head of the clause a cue interrupts: the verb, when the parse hung the cue from
    its subject ("HP, as Gizmodo explained, is a rare condition")."""
    head = cue.head
    return head.head if head.dep_ in {"nsubj", "nsubjpass"} and head.pos_ in {"NOUN", "PROPN", "PRON"} else head


def _is_as_clause(cue: Token) -> bool:
    """"Hawaii, as one adviser pointed out, ...", "as a memo put it": a clause of comment;
    not one that does something to a thing ("rose as the minister confirmed her plans": when).

    >>> from kg import nlp
    >>> doc = nlp.load()("Prices rose, as the minister told MPs. Prices rose as the minister confirmed her plans.")
    >>> _is_as_clause(doc[6]), _is_as_clause(doc[14])
    (True, False)
    """
    return cue.dep_ == "advcl" and _interrupted(cue).pos_ in {"VERB", "AUX"} \
        and any(c.dep_ == "mark" and c.lower_ == "as" and c.i < cue.i for c in cue.children) \
        and not any(_a_thing(c) for verb in (cue, *_joined_verbs(cue)) for c in verb.children if c.dep_ == "dobj")


def _joined_verbs(verb: Token) -> list[Token]:
    """The verbs joined to ``verb`` by "and" or "or", with the one right after it that the
    parse may have hung elsewhere ("as she clarified and confirmed her plans")."""
    doc, joined = verb.doc, list(verb.conjuncts)
    if verb.i + 2 < len(doc) and doc[verb.i + 1].dep_ == "cc" and doc[verb.i + 2].pos_ == "VERB":
        joined.append(doc[verb.i + 2])
    return joined


def _a_thing(noun: Token) -> bool:
    """A common noun with its determiner that is no word for someone ("her plans", not
    "the committee" or "reporters")."""
    return noun.pos_ == "NOUN" and any(c.dep_ in {"det", "poss"} for c in noun.children) and not is_someone(noun)


def _says_of_it(obj: Token) -> bool:
    """Whether a naming verb says something of its object: a predicate after it ("called
    the report *a hoax*", "called the feud *unusual*", "what some call *a sham*"), or what
    the parser may read as one noun phrase: a quotation ("called the claims 'fake
    news'"), a noun phrase inside it ("called the notion of warming *a hoax*") or a
    demonstrative before a described noun ("would call *that* wishful thinking").

    >>> from kg import nlp
    >>> doc = nlp.load()("They called an ambulance. She called him a liar.")
    >>> _says_of_it(doc[3]), _says_of_it(doc[7])
    (False, True)
    """
    cue = obj.head
    return any(c.dep_ == "oprd" for c in cue.children) or any(t.is_quote for t in obj.subtree) \
        or sum(c.dep_ == "dobj" for c in cue.children) > 1 \
        or any(t.dep_ in {"dobj", "oprd", "attr"} and t.head.pos_ in {"NOUN", "PROPN"} for t in obj.subtree) \
        or any(t.pos_ == "ADJ" and t.dep_ != "amod" and t.i > obj.i for t in cue.subtree) \
        or any(c.dep_ == "det" and c.lower_ in {"that", "this"} for c in obj.children) \
        and any(c.dep_ in {"amod", "compound"} for c in obj.children)


def _gap_in_relative(cue: Token) -> bool:
    """"the qualities he hopes to convey", "the picture we were told to expect": a cue in
    a relative clause whose noun is the object of the infinitive, a thing described, not
    words reported ("the senator who hopes to win" reports a hope)."""
    if cue.dep_ != "relcl" or not any(c.dep_ in {"nsubj", "nsubjpass"} and c.tag_ not in {"WP", "WDT"}
                                      for c in cue.children):
        return False
    verbs = [c for c in cue.children if c.dep_ == "xcomp"]
    return bool(verbs) and not any(c.dep_ in {"dobj", "ccomp", "xcomp", "attr"} for c in verbs[0].children)


def _is_condition(clause: Token) -> bool:
    """"if ...", "unless ...": a condition belongs to what is said; "while ...", "as ..." not."""
    return any(c.dep_ == "mark" and c.lower_ in {"if", "unless"} for c in clause.children)


def _describes_object(clause: Token) -> bool:
    """"listed areas of cooperation, ranging from energy to food": a participle without a
    subject that is no cue of its own (", calling it ..." is a claim of its own)."""
    return clause.tag_ == "VBG" and not is_cue_verb(clause) \
        and not any(c.dep_ in SUBJECT_DEPS or c.dep_ == "mark" for c in clause.children)


def _after_apposition(clause: Token, end: int) -> int:
    """Where the content goes on after "according to X" and a description of X that the
    parse took for a second subject ("According to ANP, the Dutch news agency, talks
    are planned"): after that description's comma.

    >>> from kg import nlp
    >>> doc = nlp.load()("According to ANP, the Dutch news agency, a new round of talks is planned.")
    >>> doc[_after_apposition(doc[15], 3):].text
    'a new round of talks is planned.'
    """
    doc = clause.doc
    subjects = [c for c in clause.children if c.dep_ in {"nsubj", "nsubjpass"}]
    first = subjects[0] if len(subjects) > 1 else None
    if first is None or doc[end].text != "," or first.left_edge.i != end + 1 \
            or first.i + 1 >= len(doc) or doc[first.i + 1].text != ",":
        return end
    return first.i + 2


def _closes_its_sentence(cue: Token, words: list[Token]) -> bool:
    """Whether ``words`` of the cue say only when or how ("announced *on Thursday*"), and
    nothing but punctuation follows the cue in its sentence: a cue after its clause."""
    return all(w.dep_ in {"npadvmod", "advmod", "punct"} or w.dep_ == "prep" and _is_time(w) for w in words) \
        and all(t.is_punct or t.is_space for t in cue.doc[cue.right_edge.i + 1:cue.sent.end])


def _is_time(prep: Token) -> bool:
    """"on Thursday", "over the course of the summit": when, not what."""
    pobj = next((c for c in prep.children if c.dep_ == "pobj"), None)
    return pobj is not None and (pobj.ent_type_ in {"DATE", "TIME"} or pobj.lemma_.lower() in TIME_NOUNS)


def _in_relative_clause(token: Token, start: int, end: int) -> bool:
    """True when ``token`` hangs from a relative or noun clause inside ``[start, end)``."""
    while start <= token.head.i < end and token.head != token:
        if token.dep_ in {"relcl", "acl"}:
            return True
        token = token.head
    return token.dep_ in {"relcl", "acl"}


# checks a rule of the table may name (``checks = [...]``): Python for what a pattern cannot say
CHECKS: dict[str, Callable[[ReportedSpeech, PatternMatch], bool]] = {
    "plausible-source": lambda speech, match: match.source is not None and speech._plausible(match.source),
}


def _that_said(subject: Token, cue: Token) -> bool:
    """"That said, ...", "This said, ...": a concession, no one speaking."""
    after = cue.doc[cue.i + 1] if cue.i + 1 < len(cue.doc) else None
    return subject.lower_ in {"that", "this"} and subject.i == cue.sent.start and cue.i == subject.i + 1 \
        and after is not None and after.text == ","
