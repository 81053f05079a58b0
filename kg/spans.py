"""Small helpers over spaCy tokens shared by the extractors: token ranges <-> offsets.

>>> import spacy
>>> doc = spacy.blank("en")("“Yes,” she said.")
>>> trim(doc, 0, len(doc))  # drops the quote marks and the final stop
(1, 6)
>>> char_span(doc, 1, 2)
(1, 4)
"""

from __future__ import annotations

from spacy.tokens import Doc, Token


def trim(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """Token range ``[start, end)`` without punctuation, spaces or a "that" at its edges."""
    while start < end and (doc[start].is_punct or doc[start].is_space or doc[start].dep_ == "mark"):
        start += 1
    while end > start and (doc[end - 1].is_punct or doc[end - 1].is_space):
        end -= 1
    return start, end


def char_span(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """Character offsets of the token range ``[start, end)`` (which must not be empty)."""
    return doc[start].idx, doc[end - 1].idx + len(doc[end - 1].text)


def is_negated(token: Token) -> bool:
    """True when the token has a negation among its dependents ("did not say", "never claimed")."""
    return any(child.dep_ == "neg" or child.lower_ in {"never", "not"} for child in token.children)
