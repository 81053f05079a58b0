"""Direct quotations and who said them.

A quotation that stands on its own (it opens a paragraph or a sentence, or follows a
cue, a comma, a colon or a dash; not "called it a “disaster”") takes its speaker from:

1. a cue verb in its **frame**, the words of its sentence outside quotation marks:
   ``"A," she said`` / ``said Jane Roe`` / ``She said: "A"`` / ``"A," she said, "B"`` /
   ``..., according to Jane Roe``; the cue must not report something else (a
   complement of its own outside the quotation);
2. a **label** opening the paragraph: ``ROE: ...`` (transcripts) or a headline
   ``Roe: ...``; or a **dash** after it: ``"A." — Jane Roe``;
3. a cue that ends the previous paragraph with a colon (``The minister told reporters:``);
   so does a paragraph with no quotation marks at all after such a cue (a quotation set
   off as a block, as some sites print them);
4. the quotation before it, when there is no cue of its own: in the same paragraph
   (``"A," she said. "B."``), across paragraphs when the quotation goes on (the
   previous paragraph left it open), or in the paragraph before (lower confidence);
5. reported speech in the sentence just before it, in its paragraph, when it has no cue
   of its own and no quotation took it: ``She told reporters that A. "B."`` (B goes on
   with what she told them: :meth:`DirectQuotes.after_reports`, once reported speech is
   known).
"""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Doc, Span, Token

from ..lexicons import lexicon
from ..spans import char_span as char_range
from .grammar import (DASHES, REFLEXIVES, agent_of, antecedent, cue_tags, is_cue_verb, is_document, source_range, subject_of,
                      trim, verb_group)
from .layout import Layout
from .model import Attribution, Range
from .quotes import MARK, Quote
from .rules import Rule

CUED_QUOTES = {Rule.DIRECT, Rule.DIRECT_AFTER_CUE, Rule.DIRECT_COLON, Rule.DIRECT_CONTINUED, Rule.DIRECT_BEFORE_CUE}
STANDALONE_BEFORE = {",", ":", ";", "—", "―", "–", "--", "-", "(", "[", ".", "!", "?"}
COMPLEMENTS = {"ccomp", "xcomp", "dobj"}
PRO_FORMS = {"it", "so"}  # objects that stand for the quotation itself
PHRASE_ENDS = {"NOUN", "PROPN", "PRON", "ADV", "NUM", "VERB"}  # not "of", "the", "only"
HANGING_DEPS = {"npadvmod", "advmod", "pobj", "prep", "dative", "dobj", "compound", "amod", "det", "poss", "nummod"}
MAX_LABEL_TOKENS = 6
MAX_FRAME_SOURCE_TOKENS = 8
NOUN_PHRASE = {"PROPN", "NOUN", "DET", "ADJ", "PRON", "NUM", "PART"}
PREDICATING = {"VERB", "AUX", "ADJ", "ADV", "PRON", "ADP", "NUM", "PART"}  # what a list of names lacks
MAX_DASH_SOURCE_TOKENS = 15
AHEAD = {"following", "this", "these", "that"}  # words that point to what follows a colon


def quote_words(text: str, quote: Quote) -> Range:
    """The quotation's words without the spaces and the final comma or stop before its mark."""
    start, end = quote.start, quote.end
    while start < end and text[start].isspace():
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in ",;:"):
        end -= 1
    if end > start + 1 and text[end - 1] == "." and text[end - 2] != ".":
        end -= 1
    return start, end


SPEAKER_ENTITIES = {"PERSON", "ORG", "GPE", "NORP"}
FIRST_AND_SECOND_PERSON = {"i", "me", "my", "we", "us", "our", "you", "your"}
FINITE_TAGS = {"VBD", "VBP", "VBZ", "MD"}  # a verb that makes a clause: what a label's words must have


class DirectQuotes:
    """Attributes the quotations of one document."""

    def __init__(self, doc: Doc, text: str, layout: Layout, skipped) -> None:
        self.doc = doc
        self.text = text
        self.layout = layout
        self.skipped = skipped
        self.not_sources = lexicon("not_sources.txt")
        self.nouns = lexicon("cue_nouns.txt")
        self.label_nouns = set(self.nouns) | set(lexicon("speaker_nouns.txt")) | set(lexicon("unnamed_sources.txt"))
        self.by_quote: dict[int, Attribution] = {}
        self.used_cues: set[int] = set()
        self.extends: dict[int, Quote] = {}  # cue -> a quotation that goes on with what it reports
        self.embedded: set[int] = set()  # quotations that are part of what a cue of their sentence reports
        self.standalone: list[int] = []  # quotations that stand on their own (run sets them)
        self.names = document_names(doc)

    def run(self) -> list[Attribution]:
        quotes = self.layout.quotes
        self.standalone = standalone = [n for n, q in enumerate(quotes)
                                        if not self.skipped(q.start, q.end) and self._standalone(q)]
        for n in standalone:
            attribution = self._own(n)
            if attribution is None and quotes[n] not in self.extends.values() and n not in self.embedded:
                attribution = self._inherited(n)
            if attribution is not None:
                self.by_quote[n] = attribution
        for n in reversed(standalone):  # "A." "B," she said: A takes B's cue
            if n not in self.by_quote and n + 1 in self.by_quote and self._joined(n, n + 1):
                self.by_quote[n] = self._inherit(self.by_quote[n + 1], n, Rule.DIRECT_BEFORE_CUE)
        return [self.by_quote[n] for n in sorted(self.by_quote)] + self._labelled_paragraphs() \
            + self._unmarked_blocks()

    def after_reports(self, reported: list[Attribution]) -> list[Attribution]:
        """Quotations left without a speaker that open right after a sentence of reported
        speech in their paragraph ("She told reporters that A. "B.""), with its source and
        cue, and the quotations that follow them in that paragraph."""
        by_sentence = {a.cue_token.sent.start: a for a in reported if a.cue_token is not None and a.kind != "direct"}
        found: dict[int, Attribution] = {}
        for n in self.standalone:
            quote = self.layout.quotes[n]
            if n in self.by_quote or n in self.embedded or quote in self.extends.values():
                continue
            if n - 1 in found and self.layout.line(self.layout.quotes[n - 1].mark) == self.layout.line(quote.mark):
                found[n] = self._inherit(found[n - 1], n, Rule.DIRECT_SAME_PARAGRAPH)
                continue
            if n - 1 in found and quote.continues:
                found[n] = self._inherit(found[n - 1], n, Rule.DIRECT_CONTINUED)
                continue
            end = self._sentence_end_before(quote)
            report = by_sentence.get(end.sent.start) if end is not None else None
            if report is not None and self.layout.words[report.cue_token.i] < 0:
                found[n] = self._inherit(report, n, Rule.DIRECT_AFTER_REPORT)
                continue
            report = self._report_closing_paragraph_before(quote, by_sentence)
            if report is not None:
                found[n] = self._inherit(report, n, Rule.DIRECT_NEXT_PARAGRAPH)
        self.by_quote.update(found)
        return [found[n] for n in sorted(found)]

    def _report_closing_paragraph_before(self, quote: Quote, by_sentence: dict[int, Attribution]) -> Attribution | None:
        """The reported speech that closes the paragraph before a paragraph that is one
        quotation ("Jo Roe said rates would rise." and then '"We have no choice."': Roe's
        words, as news tells them), when its cue is outside quotation marks."""
        previous = self._previous_line(quote)
        if not quote.opens_paragraph or previous is None or not self._ends_paragraph(quote):
            return None
        first, last = self.layout.line_tokens(previous)
        end = next((self.doc[i] for i in range(last - 1, first - 1, -1) if not self.doc[i].is_space), None)
        if end is None or not self.layout.is_sentence_end(end):
            return None
        report = by_sentence.get(end.sent.start)
        if report is None or report.source is None or self.layout.in_quote(report.cue_token):
            return None
        return report

    def _sentence_end_before(self, quote: Quote) -> Token | None:
        """The mark that ends a sentence right before the quotation opens, in its paragraph."""
        end = self._token_before(self.layout.token_at(quote.mark))
        if end is None or end.i < 1 or not self.layout.is_sentence_end(end) \
                or self.layout.line(end.idx) != self.layout.line(quote.mark):
            return None
        return end

    def _labelled_paragraphs(self) -> list[Attribution]:
        """Paragraphs (headlines, transcripts) that open with ``Name:`` outside quotation marks."""
        found = []
        for line in range(len(self.layout.line_starts)):
            first, last = self.layout.line_tokens(line)
            while first < last and self.doc[first].is_space:
                first += 1
            if last - first < 5 or self.layout.marks[first] >= 0 or self.skipped(*self.layout.line_span(line)):
                continue
            label = label_at(self.doc, first, last, self.not_sources, self.label_nouns, self.names)
            if label is None:
                continue
            head, colon = label
            if line == self._title_line() and not self._someone_named(self.doc[first:colon]):
                continue  # "Coronavirus: lockdown to ease": a headline's topic, not its speaker
            start, end = trim(self.doc, colon + 1, last)
            if end <= start or not any(t.pos_ in PREDICATING for t in self.doc[start:end]):
                continue  # a heading ("Defense: News and Analysis"), not words someone said
            content = char_range(self.doc, start, end)
            found.append(Attribution(Rule.LABEL, char_range(self.doc, colon, colon + 1), [content], "direct", head,
                                     char_range(self.doc, *trim(self.doc, first, colon))))
        verbless = [a for a in found if not self._a_clause(a)]
        return [a for a in found if not (len(verbless) > 1 and a in verbless) and not self._notes_section(a, found)]

    def _title_line(self) -> int | None:
        """The first line that holds words: the headline, when the text has one."""
        return next((n for n in range(len(self.layout.line_starts))
                     if self.text[slice(*self.layout.line_span(n))].strip()), None)

    def _someone_named(self, label: Span) -> bool:
        """Whether the label is a word for a source ("Poll: ...") or one of its words is
        tagged a person, a body, a state or a people, here or where the text names it below
        the headline."""
        if label.root.lemma_.lower() in self.label_nouns:
            return True
        named = {t.text for t in self.doc if t.ent_type_ in SPEAKER_ENTITIES and t.idx >= label.end_char}
        return any(t.ent_type_ in SPEAKER_ENTITIES or t.text in named for t in label)

    def _a_clause(self, attribution: Attribution) -> bool:
        """Whether a labelled paragraph's words make a clause, with a finite verb. Several
        labelled paragraphs without one are a list ("Jo Roe: Possession of heroin, held in
        jail ..."), not words said; one alone is a headline ("Poll: Clinton and Trump in
        dead heat")."""
        return any(t.tag_ in FINITE_TAGS for t in self._words_of(attribution))

    def _words_of(self, attribution: Attribution) -> Span:
        """The tokens of a labelled paragraph's words."""
        return self.doc[slice(*self.layout.token_range(*attribution.contents[0]))]

    def _notes_section(self, attribution: Attribution, labelled: list[Attribution]) -> bool:
        """Whether a labelled paragraph is a note under a heading, not words said: its label
        opens other paragraphs too and none of them speaks in the first or second person
        ("Thunder: F Jo Roe missed his third game." ... "Thunder: Host the Lakers on
        Friday."; a transcript's "WALLACE: ..." says "I" or "you" somewhere)."""
        label = self.text[slice(*attribution.source_span)].lower()
        same = [a for a in labelled if self.text[slice(*a.source_span)].lower() == label]
        words = [t for a in same for t in self._words_of(a)]
        return len(same) > 1 and not any(t.lower_ in FIRST_AND_SECOND_PERSON and t.pos_ == "PRON" for t in words)

    # which quotations stand on their own -----------------------------------------------

    def _standalone(self, quote: Quote) -> bool:
        first, last = self.layout.token_range(quote.start, quote.end)
        if last - first < 2 and quote.closed:
            return False
        if quote.closed and _a_title_in_the_sentence(self.doc[first:last]):
            return False  # 'Meanwhile, “Family Feud” shoots on the town side': a show's name, even opening a paragraph
        if quote.opens_paragraph:
            return True
        before = self._token_before(self.layout.token_at(quote.mark))
        if before is None:
            return True
        if _only_a_name(before, self.doc[first:last]):
            return False  # 'a group called "Patients First"': a name given, not words said
        if titles_in_brackets(self.text, quote):
            return False  # 'filmmaker Jo Roe (“The Find,” “Blue Hour”)': titles of works
        if before.text in STANDALONE_BEFORE or before.is_space:
            return True
        if before.lower_ in {"according", "to"} and before.head.lower_ == "according":
            return True
        if self.layout.marks[before.i] >= 0:
            return True
        return before.pos_ in PHRASE_ENDS and _hangs_from_cue(before)  # 'said Monday "...'

    def _token_before(self, i: int) -> Token | None:
        i -= 1
        while i >= 0 and self.doc[i].is_space and "\n" not in self.doc[i].text:
            i -= 1
        if i < 0 or "\n" in self.doc[i].text:
            return None
        return self.doc[i]

    # the quotation's own cue ------------------------------------------------------------

    def _frame(self, quote: Quote) -> tuple[list[Token], list[Token]]:
        """Tokens of the sentence around the quotation, outside quotation marks."""
        layout, doc = self.layout, self.doc
        line_first, line_last = layout.line_tokens(layout.line(quote.mark))
        before, i = [], layout.token_at(quote.mark) - 1
        while i >= line_first and layout.marks[i] < 0 and not layout.is_sentence_end(doc[i]):
            before.append(doc[i])
            i -= 1
        after, i = [], layout.token_at(quote.after)
        if i < line_last and doc[i].text == "(":
            return before[::-1], after  # an aside in brackets right after: '"... project." (Models say ...)'
        while i < line_last and layout.marks[i] < 0 and not layout.is_sentence_end(doc[i]):
            after.append(doc[i])
            i += 1
        return before[::-1], after

    def _own(self, n: int) -> Attribution | None:
        quote = self.layout.quotes[n]
        before, after = self._frame(quote)
        words = self.layout.token_range(quote.start, quote.end)
        frame = before + after
        frame_cues = [t for t in frame if is_cue_verb(t)]
        label = None if frame_cues else self._label(quote, words)
        if label is not None:  # not '"South Dakota: if we were any higher ...," one user quipped'
            return label
        cues = [t for t in frame_cues if t.i not in self.used_cues
                and not (t in after and self._next_sentence_cue(quote, t))]
        cues.sort(key=lambda t: min(abs(t.i - words[0]), abs(t.i - words[1])))
        for cue in cues:
            relation = self._relation(cue, quote)
            if relation == "embeds":
                self.embedded.add(n)  # part of what the cue reports: reported speech with a partial quote
                return None
            if relation == "other" and self._continues_complement(cue, quote):
                self.extends[cue.i] = quote  # 'she said that A, "but B."': one claim, A and B
                return None
            subject, source = self._subject(cue, before, after)
            if relation == "frames" and subject is not None and self._may_speak(cue, subject) \
                    and not _only_a_name(cue, self.doc[words[0]:words[1]]):
                self.used_cues.add(cue.i)
                return self._attribution(Rule.DIRECT, cue, subject, quote, words, source)
            if any(t.head == cue and not t.is_punct for t in self.doc[words[0]:words[1]]) \
                    and not _reports_a_report(cue):
                break  # the quotation is this cue's, which makes no claim of it ('call them "lone wolves"');
                # but '"...," he said he told them': the quotation is what he told them
        according = next((t for t in frame if t.lower_ == "according"), None)
        if according is not None:
            attribution = self._according(according, quote, words)
            if attribution is not None:
                return attribution
        dash = self._dash(quote)
        if dash is not None:
            return dash
        return self._colon_intro(quote, words) if not before else None

    def _next_sentence_cue(self, quote: Quote, cue: Token) -> bool:
        """Whether a cue after a quotation belongs to the next one, which it introduces:
        the quotation ended its sentence with a full stop ('"... out." When asked, he'd
        respond, "I ..."'), or the cue is a participle ('she stated, "...," adding, "..."';
        but '"...," she said, "..."' interrupts one quotation)."""
        if not self.text[quote.start:quote.end].rstrip().endswith(".") and cue.tag_ != "VBG":
            return False
        following = next((q for q in self.layout.quotes if q.mark >= quote.after), None)
        if following is None:
            return False
        between = self.doc.char_span(cue.idx + len(cue.text), following.mark, alignment_mode="expand")
        return between is not None and all(t.is_punct or t.is_space for t in between)

    def _subject(self, cue: Token, before: list[Token], after: list[Token]) -> tuple[Token | None, Range | None]:
        """The cue's subject outside the quotation, and the source's tokens when the parse
        does not give them: if it took a word of the quotation for the subject, the noun
        phrase between the quotation and the cue ('"...," NP said') or after the cue
        ('said NP')."""
        agent = agent_of(cue)  # '"...," was written by Jane Roe'
        if agent is not None and self.layout.words[agent.i] < 0:
            return agent, None
        subject = next((c for c in cue.children if c.dep_ in {"nsubj", "nsubjpass"}
                        and self.layout.words[c.i] < 0 and any(ch.isalnum() for ch in c.text)), None) \
            or subject_of(cue)
        if subject is not None and self.layout.words[subject.i] < 0:
            return subject, None
        frame = after if cue in after else before
        k = frame.index(cue)
        adjacent = _without_aside(frame[:k]) if frame is after else []
        following = [] if "addressee" in (cue_tags(cue) or ()) or cue.tag_ == "VBG" else frame[k + 1:]
        # 'told the BBC': its addressee; 'suggesting a few questions': what is said
        for phrase in (adjacent, following):
            phrase = _leading_noun_phrase(phrase[::-1])[::-1] if phrase is adjacent else _leading_noun_phrase(phrase)
            heads = [t for t in phrase if t.pos_ in {"NOUN", "PROPN", "PRON"} and t.ent_type_ not in {"DATE", "TIME"}]
            if heads:
                start, end = trim(self.doc, phrase[0].i, phrase[-1].i + 1)
                return heads[-1], (start, end)
        return None, None

    def _continues_complement(self, cue: Token, quote: Quote) -> bool:
        """True when the quotation follows right after the cue's clausal complement."""
        mark = self.layout.token_at(quote.mark)
        for child in cue.rights:
            if child.dep_ == "ccomp" and child.right_edge.i < mark:
                between = self.doc[child.right_edge.i + 1:mark]
                return all(t.is_punct or t.is_space or t.dep_ == "cc" for t in between)
        return False

    def _relation(self, cue: Token, quote: Quote) -> str:
        """How the cue relates to the quotation: ``frames`` it (the quotation is its
        complement, or it has none), ``embeds`` it (the quotation is part of a larger
        complement: "suggesting questions such as "..."") or reports ``other`` words."""
        tags = cue_tags(cue) or frozenset()
        if "quote" in tags:
            return "frames"
        mark, after = self.layout.token_at(quote.mark), self.layout.token_at(quote.after)
        # the parse hangs an opening single mark from the cue ("emphasized ‘no limits’ ties"), a double one not
        first = self.layout.token_at(quote.start) if quote.style == "‘" else mark
        outcome = "frames"
        for child in cue.children:
            if child.dep_ == "dobj" and child.lower_ in PRO_FORMS:
                continue  # '"...," as she put it'
            if not (child.dep_ in COMPLEMENTS and not (child.dep_ == "dobj" and "addressee" in tags)
                    or child.dep_ == "prep" and f"prep:{child.lower_}" in tags):
                continue
            start, end = child.left_edge.i, child.right_edge.i + 1
            if start <= first and after <= end:
                rest = [t for t in self.doc[start:end] if not mark <= t.i < after]
                if any(not (t.is_punct or t.is_space) for t in rest):
                    return "embeds"
            elif start < mark <= self._last_word(quote) < end and self._clause_before(start, mark):
                return "embeds"
            elif end <= mark or after <= start:
                own_subject = child.dep_ == "ccomp" and any(c.dep_ in {"nsubj", "nsubjpass"} and self.layout.words[c.i] < 0
                                                             for c in child.children)
                if own_subject or not any(self.layout.words[i] >= 0 for i in range(start, end)):
                    outcome = "other"  # a clause of its own ('He said it was "a mess"'), not the next quotation
        return outcome

    def _last_word(self, quote: Quote) -> int:
        """The quotation's last token that is not punctuation (a complement may end there
        and leave the closing comma and mark to the cue)."""
        first, end = self.layout.token_range(quote.start, quote.end)
        last = end - 1
        while last > first and self.doc[last].is_punct:
            last -= 1
        return last

    def _clause_before(self, start: int, mark: int) -> bool:
        """True when the words from ``start`` to the quotation's opening mark hold a verb
        outside quotation marks: the quotation ends a clause that began before it
        (``PG&E is taking steps, but “we won't roll the dice,” he said``), not a fronted
        phrase (``Despite the sanctions, “...,” she said``)."""
        return any(t.pos_ in {"VERB", "AUX"} and self.layout.marks[t.i] < 0 for t in self.doc[start:mark])

    def _may_speak(self, cue: Token, subject: Token) -> bool:
        """A cue tagged ``document`` ("shows") speaks only for a document or a speech; a
        participle naming a thing ('a group called "X"', 'the stadium, dubbed "Y"') does
        not speak at all."""
        if cue.dep_ == "acl" and cue.tag_ == "VBN" and not any(c.dep_ == "agent" for c in cue.children):
            return False
        if "document" not in (cue_tags(cue) or ()):
            return True
        return is_document(antecedent(subject))

    def _attribution(self, pattern: Rule, cue: Token, subject: Token, quote: Quote,
                     words: Range, source: Range | None = None) -> Attribution:
        return self._cued(pattern, cue, subject, quote_words(self.text, quote), words, quote.closed, source)

    def _cued(self, pattern: Rule, cue: Token, subject: Token, content: Range, words: Range,
              closed: bool = True, source: Range | None = None) -> Attribution:
        """The attribution of the characters ``content`` (tokens ``words``) to the source
        ``subject`` heads (or the tokens ``source``) by ``cue``."""
        group = verb_group(cue)
        source = source or source_range(subject, avoid=words, cue=group[0])
        return Attribution(pattern, char_range(self.doc, *group), [content], "direct", subject,
                           char_range(self.doc, *source) if source[1] > source[0] else None,
                           cue_token=cue, closed=closed, weak="weak" in (cue_tags(cue) or ()))

    def _according(self, according: Token, quote: Quote, words: Range) -> Attribution | None:
        to = next((c for c in according.children if c.lower_ == "to"), None)
        source = next((c for c in to.children if c.dep_ == "pobj"), None) if to is not None else None
        if source is None:
            return None
        span = source_range(source, avoid=words)
        self.used_cues.add(according.i)
        return Attribution(Rule.DIRECT_ACCORDING, char_range(self.doc, according.i, to.i + 1),
                           [quote_words(self.text, quote)], "direct", source,
                           char_range(self.doc, *span), closed=quote.closed)

    # labels, dashes, colons ---------------------------------------------------------------

    def _label(self, quote: Quote, words: Range) -> Attribution | None:
        """``"ROE: words"`` opening a paragraph: the label is the source, the colon the cue."""
        if not quote.opens_paragraph:
            return None
        found = label_at(self.doc, words[0], words[1], self.not_sources, self.label_nouns, self.names)
        if found is None:
            return None
        head, colon = found
        start = self.doc[colon].idx + 1
        content = quote_words(self.text, Quote(start, quote.end, quote.closed, quote.mark, quote.after))
        source = char_range(self.doc, *trim(self.doc, words[0], colon))
        return Attribution(Rule.LABEL, char_range(self.doc, colon, colon + 1), [content], "direct",
                           head, source, closed=quote.closed)

    def _dash(self, quote: Quote) -> Attribution | None:
        """``"A." — Jane Roe``: a name after a dash, to the end of the paragraph."""
        if not quote.closed:
            return None
        _, line_end = self.layout.line_span(self.layout.line(quote.mark))
        rest = self.text[quote.after:line_end]
        lead = len(rest) - len(rest.lstrip())
        dash = next((d for d in DASHES if rest.startswith(d, lead)), None)
        if dash is None:
            return None
        dash_start = quote.after + lead
        first, last = self.layout.token_range(dash_start + len(dash), line_end)
        start, end = trim(self.doc, first, last)
        if not 0 < end - start <= MAX_DASH_SOURCE_TOKENS:
            return None
        phrase = self.doc[start:end]
        if not any(t.pos_ == "PROPN" for t in phrase) or any(t.pos_ == "VERB" for t in phrase):
            return None
        return Attribution(Rule.DASH, (dash_start, dash_start + len(dash)), [quote_words(self.text, quote)],
                           "direct", phrase.root, char_range(self.doc, start, end))

    def _colon_intro(self, quote: Quote, words: Range) -> Attribution | None:
        """A quotation paragraph after one that ends ``... she said:``."""
        if not quote.opens_paragraph or quote.continues:
            return None
        found = self._colon_cue(self.layout.line(quote.mark))
        if found is None:
            return None
        cue, subject = found
        self.used_cues.add(cue.i)
        return self._attribution(Rule.DIRECT_COLON, cue, subject, quote, words)

    def _colon_cue(self, line: int) -> tuple[Token, Token] | None:
        """The cue and its subject of the paragraph before ``line`` when it ends with them
        and a colon (``... she said:``), the cue free and reporting nothing of its own."""
        layout = self.layout
        previous = layout.previous_line(line)
        if previous is None:
            return None
        first, last = layout.line_tokens(previous)
        last_word = next((self.doc[i] for i in range(last - 1, first - 1, -1) if not self.doc[i].is_space), None)
        if last_word is None or last_word.text != ":":
            return None
        for cue in reversed(last_word.sent):
            if is_cue_verb(cue) and cue.i not in self.used_cues and layout.words[cue.i] < 0 \
                    and not any(c.dep_ in {"ccomp", "xcomp"} for c in cue.children):
                subject = subject_of(cue)
                if subject is not None:
                    return cue, subject
        return None

    def _unmarked_blocks(self) -> list[Attribution]:
        """A paragraph with no quotation marks after one that ends ``The governor added:``:
        a quotation set off as a block, as some sites print them, without marks."""
        found = []
        for line in range(1, len(self.layout.line_starts)):
            first, last = self.layout.line_tokens(line)
            start, end = trim(self.doc, first, last)
            if end - start < 4 or any(self.layout.marks[i] >= 0 for i in range(start, end)) \
                    or self.skipped(*self.layout.line_span(line)) \
                    or not any(t.pos_ in {"VERB", "AUX"} for t in self.doc[start:end]):
                continue
            cue_and_subject = self._colon_cue(line)
            if cue_and_subject is None:
                continue
            cue, subject = cue_and_subject
            if not _announces_what_follows(cue):
                continue
            self.used_cues.add(cue.i)
            found.append(self._cued(Rule.UNMARKED_BLOCK, cue, subject, char_range(self.doc, start, end), (start, end)))
        return found

    # quotations without a cue of their own ---------------------------------------------

    def _inherited(self, n: int) -> Attribution | None:
        quote = self.layout.quotes[n]
        after_cue = self._after_cue(quote)
        m = self._quotation_before(n)
        previous = self.by_quote.get(m)
        if after_cue is not None or previous is None:
            return after_cue
        before = self.layout.quotes[m]
        if self.layout.line(before.mark) == self.layout.line(quote.mark):
            return self._inherit(previous, n, Rule.DIRECT_SAME_PARAGRAPH)
        if quote.continues:
            return self._inherit(previous, n, Rule.DIRECT_CONTINUED)
        if quote.opens_paragraph and self._previous_line(quote) == self.layout.line(before.mark) \
                and self._ends_paragraph(before) and self._cued_paragraph(n - 1):
            return self._inherit(previous, n, Rule.DIRECT_NEXT_PARAGRAPH)
        return None

    def _quotation_before(self, n: int) -> int:
        """The quotation of words said before quotation ``n``, past the quoted titles and
        names between them ('"A," said Luca Moretti, whose film "The Salt Road" opened.
        "B."': B goes on from A)."""
        standalone, m = set(self.standalone), n - 1
        while m >= 0 and m not in standalone and m not in self.by_quote \
                and self.layout.line(self.layout.quotes[m].mark) == self.layout.line(self.layout.quotes[n].mark):
            m -= 1
        return m

    def _cued_paragraph(self, n: int) -> bool:
        """True when quotation ``n`` has its own cue, or takes it from a quotation before it
        in its paragraph ('"A," he said. "B."' and then a paragraph '"C."': C is his too)."""
        line = self.layout.line(self.layout.quotes[n].mark)
        while n in self.by_quote:
            if self.by_quote[n].pattern in CUED_QUOTES:
                return True
            if self.by_quote[n].pattern != Rule.DIRECT_SAME_PARAGRAPH or n == 0 \
                    or self.layout.line(self.layout.quotes[n - 1].mark) != line:
                return False
            n -= 1
        return False

    def _after_cue(self, quote: Quote) -> Attribution | None:
        """A quotation right after a sentence that ends with its cue: '... she said. "B."';
        not a passive cue or one in a relative clause, whose subject is no speaker
        ('..., she said in the email, which was seen by the paper. "B."': B is hers)."""
        doc, layout = self.doc, self.layout
        end = self._sentence_end_before(quote)
        if end is None:
            return None
        i = end.i
        for cue in doc[max(0, i - 6):i]:
            if cue.dep_ == "relcl" or any(c.dep_ == "auxpass" for c in cue.children):
                continue
            if is_cue_verb(cue) and cue.i not in self.used_cues and layout.words[cue.i] < 0 \
                    and not any(c.dep_ in COMPLEMENTS or f"prep:{c.lower_}" in (cue_tags(cue) or ()) for c in cue.rights):
                subject = subject_of(cue)
                if subject is not None and layout.words[subject.i] < 0:
                    if not any(c.dep_ == "ccomp" for c in cue.lefts):
                        self.used_cues.add(cue.i)  # else the clause before is its content too
                    words = layout.token_range(quote.start, quote.end)
                    return self._attribution(Rule.DIRECT_AFTER_CUE, cue, subject, quote, words)
        return None

    def _previous_line(self, quote: Quote) -> int | None:
        return self.layout.previous_line(self.layout.line(quote.mark))

    def _ends_paragraph(self, quote: Quote) -> bool:
        """True when only the quotation's frame follows it in its paragraph."""
        _, end = self.layout.line_span(self.layout.line(quote.mark))
        rest = self.text[quote.after:end]
        return not any(mark in rest for mark in "“\"") and len(rest) < 120

    def _joined(self, n: int, m: int) -> bool:
        """True when quotation ``n`` ends right where ``m`` opens, in the same paragraph or
        in an open quotation that ``m`` continues."""
        first, second = self.layout.quotes[n], self.layout.quotes[m]
        if second.continues and not first.closed:
            return True
        return self.layout.line(first.mark) == self.layout.line(second.mark) \
            and not self.text[first.after:second.mark].strip()

    def _inherit(self, attribution: Attribution, n: int, pattern: Rule) -> Attribution:
        """The same source and cue for quotation ``n`` (one more fragment of the claim)."""
        quote = self.layout.quotes[n]
        return replace(attribution, pattern=pattern, contents=[quote_words(self.text, quote)],
                       closed=quote.closed)


def titles_in_brackets(text: str, quote: Quote) -> bool:
    """Whether ``quote`` is one of the quotations of title-case words that alone fill a
    bracket: the titles of someone's works, not words said.

    >>> text = "filmmaker Jo Roe (“The Find,” “Blue Hour”) agreed."
    >>> titles_in_brackets(text, Quote(19, 27, mark=18, after=30))
    True
    >>> titles_in_brackets("(He said “it was a find.”)", Quote(10, 24, mark=9, after=25))
    False
    """
    opening, closing = text.rfind("(", 0, quote.mark), text.find(")", quote.after)
    if opening < 0 or closing < 0 or ")" in text[opening:quote.mark] or "(" in text[quote.after:closing]:
        return False
    titles = [t.strip() for t in MARK.sub("\n", text[opening + 1:closing]).replace(",", "\n").split("\n")]
    small = lexicon("title_small_words.txt")
    words = [word for title in titles for word in title.split()]
    return all(word[:1].isupper() or word[:1].isdigit() or word in small for word in words)


def _reports_a_report(cue: Token) -> bool:
    """Whether the clause after a cue is a report of its own ("he said he told them")."""
    return any(c.dep_ == "ccomp" and is_cue_verb(c) for c in cue.rights)


def _only_a_name(cue: Token, quoted: Span) -> bool:
    """A naming cue ("dubbed", "called") before a quotation of a few words and no verb: a
    name given, not words said ('it has been dubbed “desk lung”')."""
    return "naming" in (cue_tags(cue) or ()) and len(quoted) <= 5 and quoted.root.pos_ in {"NOUN", "PROPN"} \
        and not any(t.pos_ in {"VERB", "AUX"} for t in quoted)


def _a_title_in_the_sentence(quoted: Span) -> bool:
    """A quotation of a few capitalised words, no verb and no punctuation, that the
    sentence uses as a noun, hung from a word outside it ('“Family Feud” shoots on the
    town side', 'the “Family Feud” set'): a title, not words said."""
    if not 1 < len(quoted) <= 5 or any(t.is_punct or t.pos_ in {"VERB", "AUX"} for t in quoted):
        return False
    if not all(t.is_title or t.lower_ in {"of", "the", "and", "a", "in", "on"} for t in quoted):
        return False
    head = quoted.root
    return head.dep_ in {"nsubj", "nsubjpass", "dobj", "pobj", "nmod", "compound", "poss"} \
        and not quoted.start <= head.head.i < quoted.end


def document_names(doc: Doc) -> set[str]:
    """Words the document uses as names: tagged a proper noun or a named entity somewhere,
    and never written in lower case ("Sanders" in "Sanders: ..." where "Bernie Sanders"
    appears later; not "Update")."""
    lower = {t.text for t in doc if t.text.islower()}
    return {t.text for t in doc if (t.pos_ == "PROPN" or t.ent_type_ in SPEAKER_ENTITIES)
            and t.text[:1].isupper() and t.text.lower() not in lower}


def _leading_noun_phrase(tokens: list[Token]) -> list[Token]:
    """The tokens of ``tokens`` up to the first that cannot be part of a name or a noun
    phrase ("Tulsa police Chief Chuck Jordan"), at most a few words."""
    phrase = []
    for token in tokens:
        if not (token.pos_ in NOUN_PHRASE or token.is_title) or len(phrase) >= MAX_FRAME_SOURCE_TOKENS:
            break
        phrase.append(token)
    return phrase


def _without_aside(tokens: list[Token]) -> list[Token]:
    """A phrase before a cue without the aside between commas that ends it ('"...," Dr Sam
    Roe, of the University of Leeds, told': Dr Sam Roe)."""
    if len(tokens) < 3 or tokens[-1].text != ",":
        return tokens
    comma = next((i for i in range(len(tokens) - 2, 0, -1) if tokens[i].text == ","), None)
    return tokens if comma is None else tokens[:comma]


def _hangs_from_cue(token: Token) -> bool:
    """True for a cue verb, or the last word of a phrase after it ("said on Monday",
    "told reporters") right before the quotation."""
    start = token.i
    for _ in range(4):
        if is_cue_verb(token):
            return token.i <= start
        if token.dep_ not in HANGING_DEPS or token.head == token:
            return False
        token = token.head
    return False


def _announces_what_follows(cue: Token) -> bool:
    """Whether ``cue`` reports nothing of its own but what follows its colon: no object, or
    one that points ahead ("tweeted the following:", "posted this tweet:", "argued that:");
    not "noted the sparse attendance:" nor "as a reporter noted, ...:", whose words are
    their own."""
    if cue.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ == "as" for c in cue.children):
        return False
    objects = [c for c in cue.children if c.dep_ == "dobj"]
    return all(o.lower_ in AHEAD or any(d.lower_ in AHEAD for d in o.children) for o in objects)


def label_at(doc: Doc, first: int, last: int, not_sources, nouns=(), names=()) -> tuple[Token, int] | None:
    """(head, colon index) when tokens ``[first, last)`` open with ``NAME:`` and go on."""
    colon = next((i for i in range(first, min(last, first + MAX_LABEL_TOKENS + 1)) if doc[i].text == ":"), None)
    if colon is None or colon == first or last - colon < 4:
        return None
    label = doc[first:colon]
    if label.text.count("(") > label.text.count(")"):
        return None  # "Home Depot (ticker: HD) reported": an aside, not a label
    if not (label[0].is_title or label[0].is_upper) or label.text.lower() in not_sources \
            or label.text.lower() in lexicon("not_actors.txt") \
            or label.root.lower_ in not_sources or not _names_someone(label, nouns, names) or _is_dateline(label):
        return None
    return label.root, colon


def _is_dateline(label: Span) -> bool:
    """Places separated by commas ("Washington, DC, United States: ..."): where the story
    was filed, not who speaks (one place alone may be a headline's speaker: "China: ...").

    >>> from kg import nlp
    >>> doc = nlp.load()("Nairobi, Kenya: Rains flooded the city on Monday.")
    >>> _is_dateline(doc[0:3]), _is_dateline(doc[2:3])
    (True, False)
    """
    words = [t for t in label if not t.is_punct]
    return any(t.text == "," for t in label) and all(t.ent_type_ in {"GPE", "LOC"} for t in words)


def _names_someone(label, nouns, names=()) -> bool:
    """A label that is a name ("Pence", "WALLACE", "Rep. Jane Roe (D-Ohio)") or a source
    noun ("Poll"), not a heading ("Little Relief for Refugees") or a bid to the reader
    ("Brace yourself, Swifties")."""
    if any(t.pos_ in {"VERB", "AUX", "ADJ"} and t.tag_ != "NNP" or t.pos_ == "ADP" and t.lower_ != "of"
           or t.lower_ in REFLEXIVES for t in label if not t.is_punct):
        return False
    if label.root.pos_ == "NOUN" and label.root.is_lower and label.root.lemma_.lower() not in nouns:
        return False  # "US Open 2023 results: ...", "King's speech summary: ...": a heading about a name
    if any(t.ent_type_ in SPEAKER_ENTITIES for t in label):
        return True
    words = [t for t in label if not t.is_punct]
    return all(t.pos_ == "PROPN" for t in words) and len(words) <= 3 \
        or len(words) == 1 and (words[0].is_upper or words[0].lemma_.lower() in nouns or words[0].text in names)
