"""Attributed claims: who said what, with the cue word and the exact content span.

Three general patterns over the dependency parse:

- **direct quotations**: a quoted passage ("straight" or “curly” marks) with a cue verb
  from ``kg/data/cue_verbs.txt`` next to it, the speaker being the cue's subject, before
  or after the quote (``"...," Putin said`` / ``said Putin`` / ``Putin said: "..."``);
- **reported speech**: a cue verb with a clausal complement ("X said (that) ...",
  "X promised to ..."), or with a direct object for evaluative cues ("X denounced Y");
  a partial quotation inside the content makes the claim ``mixed``;
- **according to X**: the clause the phrase is attached to, attributed to X.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from .actors import DocActors
from .ingest import Document
from .lexicons import lexicon
from .records import Claim, stable_id
from .spans import char_span, is_negated, trim

OPENING_QUOTES = {"“": "”", "«": "»", "„": "“", '"': '"'}
SUBJECTS = {"nsubj", "nsubjpass"}
CLAUSE_LINKS = {"conj", "advcl", "xcomp"}
HEDGES = {"could", "may", "might", "would", "reportedly", "allegedly", "possibly", "perhaps", "likely"}
SPEAKER_RIGHT_DEPS = {"prep"}


@dataclass(frozen=True)
class Quote:
    """A quoted passage: ``start``/``end`` bound its content, without the marks."""

    start: int
    end: int
    closed: bool = True


def find_quotes(text: str) -> list[Quote]:
    """Quoted passages within each line; an unclosed quote runs to the end of its line.

    >>> [("“A” b \\"C\\""[q.start:q.end]) for q in find_quotes("“A” b \\"C\\"")]
    ['A', 'C']
    """
    quotes: list[Quote] = []
    line_start = 0
    for line in text.split("\n"):
        i = 0
        while i < len(line):
            close = OPENING_QUOTES.get(line[i])
            if close is None:
                i += 1
                continue
            j = line.find(close, i + 1)
            if j < 0:
                if len(line) - i > 1:
                    quotes.append(Quote(line_start + i + 1, line_start + len(line.rstrip()), closed=False))
                break
            if j > i + 1:
                quotes.append(Quote(line_start + i + 1, line_start + j))
            i = j + 1
        line_start += len(line) + 1
    return quotes


def has_partial_quote(text: str) -> bool:
    """True when the text holds a quoted phrase (a mixed claim)."""
    return any(mark in text for mark in "“”\"«»") or ("‘" in text and "’" in text)


# --- spans ---------------------------------------------------------------------------


def speaker_tokens(head: Token) -> tuple[int, int]:
    """Token range naming the speaker: the head with its left modifiers and, for a common
    noun, its ``of``-phrases ("the leaders of the two nations"), never an apposition."""
    start = head.left_edge.i
    end = head.i + 1
    if head.pos_ != "PROPN":
        for child in head.rights:
            if child.dep_ in SPEAKER_RIGHT_DEPS and child.lower_ == "of":
                end = max(end, child.right_edge.i + 1)
    return trim(head.doc, start, end)


def subject_of(verb: Token) -> Token | None:
    """The subject of ``verb``, or of the verb it is coordinated with or attached to."""
    seen = 0
    while verb is not None and seen < 4:
        for child in verb.children:
            if child.dep_ in SUBJECTS:
                return child
        if verb.dep_ not in CLAUSE_LINKS or verb.head == verb:
            return None
        verb, seen = verb.head, seen + 1
    return None


def joint_speakers(subject: Token) -> list[Token]:
    """The subject and the heads coordinated with it ("Putin and Xi")."""
    heads = [subject]
    for token in subject.conjuncts:
        if token.i > subject.i and token.pos_ in {"PROPN", "NOUN", "PRON"}:
            heads.append(token)
    return heads


def is_hedged(doc: Doc, start: int, end: int, cue: Token) -> bool:
    words = {t.lower_ for t in doc[start:end]} | {c.lower_ for c in cue.children}
    return bool(words & HEDGES)


# --- extraction ----------------------------------------------------------------------


class ClaimExtractor:
    """Finds claims in one parsed document."""

    def __init__(self, document: Document, doc: Doc, actors: DocActors) -> None:
        self.document = document
        self.doc = doc
        self.actors = actors
        self.cues = lexicon("cue_verbs.txt")
        self.claims: list[Claim] = []
        self.used_cues: set[int] = set()
        self.quote_spans: list[tuple[int, int]] = []

    def run(self) -> list[Claim]:
        for quote in find_quotes(self.document.text):
            if not self.document.is_skipped(quote.start, quote.end):
                self._direct(quote)
        for token in self.doc:
            if self._is_cue(token) and token.i not in self.used_cues:
                self._reported(token)
            elif token.lower_ == "according":
                self._according_to(token)
        return self.claims

    def _is_cue(self, token: Token) -> bool:
        return token.pos_ == "VERB" and token.lemma_.lower() in self.cues \
            and not self.document.is_skipped(token.idx, token.idx + 1)

    def _inside_quote(self, start: int, end: int) -> bool:
        return any(qs <= start and end <= qe for qs, qe in self.quote_spans)

    # direct quotations -----------------------------------------------------------------

    def _direct(self, quote: Quote) -> None:
        text = self.document.text
        before = text[:quote.start - 1].rstrip()
        if before and (before[-1].isalnum() and not self._cue_word_before(quote.start - 1)):
            return  # a partial quotation inside a sentence: handled as mixed content
        cue = self._cue_near(quote)
        if cue is None:
            return
        subject = subject_of(cue)
        if subject is None or quote.start <= subject.idx < quote.end:
            return
        self.used_cues.add(cue.i)
        self.quote_spans.append((quote.start, quote.end))
        start, end = quote.start, quote.end
        while end > start and text[end - 1] in " ,.;:":
            end -= 1
        for speaker in joint_speakers(subject):
            self._add(speaker, cue, (start, end), "direct", confidence=0.9)

    def _cue_word_before(self, offset: int) -> bool:
        token = self._token_before(offset)
        return token is not None and self._is_cue(token)

    def _token_before(self, offset: int) -> Token | None:
        for token in reversed(self.doc[: self._token_index(offset)]):
            if not token.is_space:
                return token
        return None

    def _token_index(self, offset: int) -> int:
        span = self.doc.char_span(offset, offset, alignment_mode="expand")
        if span is not None:
            return span.start
        return next((t.i for t in self.doc if t.idx >= offset), len(self.doc))

    def _cue_near(self, quote: Quote) -> Token | None:
        """The cue verb outside the quote in the sentences the quote touches, nearest first."""
        first = self._token_index(quote.start)
        last = max(first, self._token_index(quote.end) - 1)
        if first >= len(self.doc):
            return None
        sents: list[Span] = [self.doc[first].sent]
        if last < len(self.doc) and self.doc[last].sent != sents[0]:
            sents.append(self.doc[last].sent)
        after = self._token_index(quote.end + 1)
        if after < len(self.doc) and self.doc[after].sent not in sents and "\n" not in self.document.text[quote.end:self.doc[after].idx]:
            sents.append(self.doc[after].sent)
        candidates = [t for sent in sents for t in sent
                      if self._is_cue(t) and not (quote.start - 1 <= t.idx < quote.end + 1)]
        if not candidates:
            return None
        return min(candidates, key=lambda t: min(abs(t.idx - quote.start), abs(t.idx - quote.end)))

    # reported speech -------------------------------------------------------------------

    def _reported(self, cue: Token) -> None:
        if self._inside_quote(cue.idx, cue.idx + 1):
            return
        dep, complement = self._complement(cue)
        subject = subject_of(cue)
        if complement is None or subject is None or subject.i in range(*complement):
            return
        start, end = trim(self.doc, *complement)
        if end <= start:
            return
        span = char_span(self.doc, start, end)
        if self._inside_quote(*span):
            return
        kind = "mixed" if has_partial_quote(self.document.text[span[0]:span[1]]) else "indirect"
        confidence = {"ccomp": 0.75, "xcomp": 0.65}.get(dep, 0.55)
        self.used_cues.add(cue.i)
        for speaker in joint_speakers(subject):
            self._add(speaker, cue, span, kind, confidence)

    def _complement(self, cue: Token) -> tuple[str, tuple[int, int] | None]:
        """Dependency and token range of what the cue reports: a clause, a to-infinitive
        or an object."""
        by_dep = {}
        for child in cue.rights:
            by_dep.setdefault(child.dep_, child)
        for dep in ("ccomp", "xcomp", "dobj"):
            child = by_dep.get(dep)
            if child is None:
                continue
            if dep == "dobj" and "object" not in self.cues.get(cue.lemma_.lower(), ()):
                continue
            if dep == "xcomp" and not any(c.dep_ == "aux" and c.lower_ == "to" for c in child.children):
                continue
            return dep, (child.left_edge.i, child.right_edge.i + 1)
        return "", None

    # according to ----------------------------------------------------------------------

    def _according_to(self, token: Token) -> None:
        to = next((c for c in token.children if c.lower_ == "to"), None)
        source = next((c for c in to.children if c.dep_ == "pobj"), None) if to is not None else None
        if source is None or token.head == token:
            return
        clause = token.head
        phrase = (token.i, source.right_edge.i + 1)
        left = trim(self.doc, clause.left_edge.i, phrase[0])
        right = trim(self.doc, phrase[1], clause.right_edge.i + 1)
        start, end = right if right[1] - right[0] >= left[1] - left[0] else left
        if end <= start:
            return
        span = char_span(self.doc, start, end)
        kind = "mixed" if has_partial_quote(self.document.text[span[0]:span[1]]) else "indirect"
        self._add(source, token, span, kind, 0.7, cue_end=to.i + 1)

    # records ---------------------------------------------------------------------------

    def _add(self, speaker: Token, cue: Token, content: tuple[int, int], kind: str,
             confidence: float, cue_end: int | None = None) -> None:
        doc, text = self.doc, self.document.text
        s_start, s_end = speaker_tokens(speaker) if speaker.pos_ != "PRON" else (speaker.i, speaker.i + 1)
        if s_end <= s_start or content[1] <= content[0]:
            return
        speaker_span = char_span(doc, s_start, s_end)
        cue_span = char_span(doc, cue.i, cue_end or cue.i + 1)
        mention = self.actors.actor_in(*speaker_span)
        if mention is None:
            confidence -= 0.1
        elif mention.how == "pronoun":
            confidence -= 0.05
        sent = cue.sent
        sentence_span = (min(sent.start_char, content[0]), max(sent.end_char, content[1]))
        c_start, c_end = content
        content_tokens = doc.char_span(c_start, c_end, alignment_mode="expand")
        self.claims.append(Claim(
            doc=self.document.id,
            id=stable_id(self.document.id, cue_span, content, speaker_span),
            speaker=mention.actor if mention else None,
            speaker_label=None,
            speaker_text=text[speaker_span[0]:speaker_span[1]],
            speaker_span=speaker_span,
            cue=text[cue_span[0]:cue_span[1]],
            cue_span=cue_span,
            content=text[c_start:c_end],
            content_span=content,
            kind=kind,
            about=self.actors.actors_in(c_start, c_end),
            sentence_span=sentence_span,
            confidence=round(confidence, 2),
            negated=is_negated(cue),
            hedged=bool(content_tokens) and is_hedged(doc, content_tokens.start, content_tokens.end, cue),
        ))


def extract_claims(document: Document, doc: Doc, actors: DocActors) -> list[Claim]:
    """All claims of one parsed document, in the order they were found."""
    return ClaimExtractor(document, doc, actors).run()
